"""The rows of one role for a chunk of plots, from its (plot, feature) pairs and their
areas: per class, the role's total (the area inside the union of its features), 三大类,
耕地, the checks (unknown codes, gaps and overlaps in the land use, overlapping features,
pairs not computed) and the filed areas of facility filings. Pure computation (numpy;
plain Python for a few plots); used by ``overlay_engine``, also in forked workers."""

from __future__ import annotations

import numpy as np
import shapely

from ..cases import overlay_records as rec
from ..cases.areas import mu_to_m2
from ..cases.ellipsoid_area import ellipsoidal_areas
from ..cases.intake import finite_number
from ..cases.overlay_records import OverlayRow
from .role_features import CLASSES

IDENTITY_TOLERANCE_M2 = rec.IDENTITY_TOLERANCE_M2
OVERLAP_TOLERANCE_M2 = 0.005  # overlapping pieces below this are rounding, not overlaps
PAIR_EXACT, PAIR_APPROXIMATE, PAIR_FAILED = 0, 1, 2  # how a (plot, feature) pair was computed


def role_rows(role, features, part, ids, plot_ellipsoidal, srid):
    """The rows of one role for a chunk of plots (numpy; see ``role_rows_small``)."""
    n = len(ids)
    version = features.version
    rows = _pair_notes(role, features, part, ids)
    ok = part.status != PAIR_FAILED
    p = part.plot_index

    planar = np.where(ok, part.planar, 0.0)
    ellipsoidal = np.where(ok, part.ellipsoidal, 0.0)
    if role == rec.LANDUSE:
        code_index, codes, names, classes, crop_codes = features.codes()
        feature_code = code_index[part.feature_index]
        rows += _grouped(role, ids, p, feature_code, codes, names, planar, ellipsoidal, version)
        total_planar = np.bincount(p, planar, minlength=n)
        total_ellipsoidal = np.bincount(p, ellipsoidal, minlength=n)
        rows += _totals(role, ids, total_planar, total_ellipsoidal, version)
        feature_class = classes[feature_code]
        class_names = [*CLASSES, None]
        rows += _grouped(
            rec.LANDUSE_CLASS,
            ids,
            p,
            np.minimum(feature_class, 2),
            list(CLASSES),
            class_names[:3],
            np.where(feature_class < 3, planar, 0.0),
            np.where(feature_class < 3, ellipsoidal, 0.0),
            version,
        )
        cropland = crop_codes[feature_code]
        crop_planar = np.bincount(p, np.where(cropland, planar, 0.0), minlength=n)
        crop_ellipsoidal = np.bincount(p, np.where(cropland, ellipsoidal, 0.0), minlength=n)
        for index in np.flatnonzero(crop_planar > 0).tolist():
            rows.append(
                OverlayRow(
                    ids[index],
                    rec.CROPLAND,
                    rec.CROPLAND_CLASS,
                    rec.CROPLAND_CLASS,
                    float(crop_planar[index]),
                    float(crop_ellipsoidal[index]),
                    version,
                )
            )
        unknown = feature_class == 3
        if unknown.any():
            for plot, code_number, area in zip(
                p[unknown].tolist(),
                feature_code[unknown].tolist(),
                ellipsoidal[unknown].tolist(),
            ):
                rows.append(
                    OverlayRow(
                        ids[plot],
                        rec.CHECK,
                        rec.CHECK_UNKNOWN_CODE,
                        codes[code_number] or names[code_number],
                        area,
                        None,
                        version,
                    )
                )
        # the area identity: land use under the whole plot, once
        difference = plot_ellipsoidal - total_ellipsoidal
        for index in np.flatnonzero(np.abs(difference) > IDENTITY_TOLERANCE_M2).tolist():
            code = rec.CHECK_LANDUSE_GAP if difference[index] > 0 else rec.CHECK_LANDUSE_OVERLAP
            rows.append(
                OverlayRow(
                    ids[index],
                    rec.CHECK,
                    code,
                    None,
                    float(abs(difference[index])),
                    None,
                    version,
                )
            )
        return rows

    # roles whose total is the plot's area inside the union of their features
    total_planar, total_ellipsoidal, overlapping = _union_totals(
        n, p, planar, ellipsoidal, part.pieces, ok, srid
    )
    rows += _totals(role, ids, total_planar, total_ellipsoidal, version)
    if role in rec.MASK_ROLES:
        for index, amount in overlapping:
            rows.append(
                OverlayRow(
                    ids[index], rec.CHECK, rec.CHECK_ROLE_OVERLAP, role, amount, None, version
                )
            )
    if role in ("temporary", rec.APPROVAL, rec.FACILITY):
        numbers = [text_value(v) for v in features.column("number")[part.feature_index].tolist()]
        unique, code_index = np.unique(np.asarray(numbers, dtype=object), return_inverse=True)
        unique = [str(u) for u in unique.tolist()]
        names = [None] * len(unique)
        for code_number, name in zip(
            code_index.tolist(), features.column("name")[part.feature_index].tolist()
        ):
            if names[code_number] is None and text_value(name):
                names[code_number] = text_value(name)
        rows += _grouped(
            role, ids, p, code_index.reshape(-1), unique, names, planar, ellipsoidal, version
        )
        if role == rec.FACILITY:
            rows += _filed_rows(features, part, ids, numbers, version)
    return rows


def role_rows_small(role, features, part, ids, plot_ellipsoidal, srid):
    """The same rows as ``role_rows`` for a few plots, summed in plain Python (numpy's
    overhead per call would dominate the interactive check of one plot)."""
    version = features.version
    rows = _pair_notes(role, features, part, ids)
    plots = part.plot_index.tolist()
    status = part.status.tolist()
    planar = [0.0 if st == PAIR_FAILED else a for st, a in zip(status, part.planar.tolist())]
    ellipsoidal = [
        0.0 if st == PAIR_FAILED else e for st, e in zip(status, part.ellipsoidal.tolist())
    ]
    totals = {i: [0.0, 0.0] for i in range(len(ids))}
    if role == rec.LANDUSE:
        code_index, codes, names, classes, crop = features.codes()
        feature_codes = code_index[part.feature_index].tolist()
        by_code: dict = {}
        by_class: dict = {}
        cropland: dict = {}
        unknown = []
        for plot, code, a, e in zip(plots, feature_codes, planar, ellipsoidal):
            _accumulate(by_code, (plot, code), a, e)
            _accumulate(totals, plot, a, e)
            kind = int(classes[code])
            if kind < 3:
                _accumulate(by_class, (plot, kind), a, e)
            else:
                unknown.append((plot, code, e))
            if crop[code]:
                _accumulate(cropland, plot, a, e)
        rows += [
            OverlayRow(ids[plot], role, codes[code], names[code], a, e, version)
            for (plot, code), (a, e) in sorted(by_code.items())
            if a or e
        ]
        rows += _total_rows(role, ids, totals, version)
        rows += [
            OverlayRow(ids[plot], rec.LANDUSE_CLASS, CLASSES[k], CLASSES[k], a, e, version)
            for (plot, k), (a, e) in sorted(by_class.items())
            if a or e
        ]
        rows += [
            OverlayRow(
                ids[plot], rec.CROPLAND, rec.CROPLAND_CLASS, rec.CROPLAND_CLASS, a, e, version
            )
            for plot, (a, e) in sorted(cropland.items())
            if a > 0
        ]
        rows += [
            OverlayRow(
                ids[plot],
                rec.CHECK,
                rec.CHECK_UNKNOWN_CODE,
                codes[code] or names[code],
                e,
                None,
                version,
            )
            for plot, code, e in unknown
        ]
        for plot, (_a, e) in totals.items():
            difference = float(plot_ellipsoidal[plot]) - e
            if abs(difference) > IDENTITY_TOLERANCE_M2:
                code = rec.CHECK_LANDUSE_GAP if difference > 0 else rec.CHECK_LANDUSE_OVERLAP
                rows.append(
                    OverlayRow(ids[plot], rec.CHECK, code, None, abs(difference), None, version)
                )
        return rows

    for plot, a, e in zip(plots, planar, ellipsoidal):
        _accumulate(totals, plot, a, e)
    if len(plots) > 1 and part.pieces is not None:
        union_planar, union_ellipsoidal, overlapping = _union_totals(
            len(ids),
            part.plot_index,
            np.asarray(planar),
            np.asarray(ellipsoidal),
            part.pieces,
            part.status != PAIR_FAILED,
            srid,
        )
        totals = {
            i: [a, e]
            for i, (a, e) in enumerate(zip(union_planar.tolist(), union_ellipsoidal.tolist()))
        }
        if role in rec.MASK_ROLES:
            rows += [
                OverlayRow(ids[i], rec.CHECK, rec.CHECK_ROLE_OVERLAP, role, amount, None, version)
                for i, amount in overlapping
            ]
    rows += _total_rows(role, ids, totals, version)
    if role in ("temporary", rec.APPROVAL, rec.FACILITY):
        numbers = [text_value(v) for v in features.column("number")[part.feature_index].tolist()]
        labels = features.column("name")[part.feature_index].tolist()
        names: dict = {}
        by_number: dict = {}
        for plot, number, label, a, e in zip(plots, numbers, labels, planar, ellipsoidal):
            _accumulate(by_number, (plot, number), a, e)
            if names.get(number) is None and text_value(label):
                names[number] = text_value(label)
        rows += [
            OverlayRow(ids[plot], role, number, names.get(number), a, e, version)
            for (plot, number), (a, e) in sorted(by_number.items())
            if a or e
        ]
        if role == rec.FACILITY:
            rows += _filed_rows(features, part, ids, numbers, version)
    return rows


def _accumulate(sums: dict, key, planar: float, ellipsoidal: float) -> None:
    total = sums.get(key)
    if total is None:
        sums[key] = [planar, ellipsoidal]
    else:
        total[0] += planar
        total[1] += ellipsoidal


def _total_rows(role, ids, totals: dict, version) -> list[OverlayRow]:
    return [
        OverlayRow(ids[i], role, None, None, float(a), float(e), version)
        for i, (a, e) in sorted(totals.items())
    ]


def _pair_notes(role, features, part, ids) -> list[OverlayRow]:
    """Check rows for pairs that failed or were approximated, and repair rows for the
    repaired features under the plots."""
    version = features.version
    rows: list[OverlayRow] = []
    p = part.plot_index
    # what went wrong or was approximated, per pair
    for index in np.flatnonzero(part.status).tolist() if part.status.any() else ():
        code = (
            rec.CHECK_NOT_COMPUTED if part.status[index] == PAIR_FAILED else rec.CHECK_APPROXIMATE
        )
        fid = features.ids[part.feature_index[index]]
        rows.append(OverlayRow(ids[p[index]], rec.CHECK, code, f"{role}:{fid}", 0.0, None, version))
    # repaired features under the plots
    if features.repairs:
        for plot, feature, area in zip(
            p.tolist(), part.feature_index.tolist(), part.planar.tolist()
        ):
            fid = features.ids[feature]
            fixed = features.repairs.get(fid)
            if fixed is not None and not area == 0:
                rows.append(
                    OverlayRow(
                        ids[plot],
                        rec.REPAIR,
                        f"{role}:{fid}",
                        fixed.reason,
                        fixed.area_m2,
                        None,
                        version,
                    )
                )

    return rows


def _union_totals(n, plot_index, planar, ellipsoidal, pieces, ok, srid):
    """Per plot: the area inside the union of its pieces (sums where the pieces do not
    overlap; where they do, the union), and [(plot, overlap m²)] where they overlapped."""
    total_planar = np.bincount(plot_index, planar, minlength=n)
    total_ellipsoidal = np.bincount(plot_index, ellipsoidal, minlength=n)
    overlapping = []
    if len(plot_index) < 2 or pieces is None:
        return total_planar, total_ellipsoidal, overlapping
    counts = np.bincount(plot_index, ok.astype(np.int64), minlength=n)
    several = np.flatnonzero(counts > 1)
    if not len(several):
        return total_planar, total_ellipsoidal, overlapping
    # pairs of pieces of one plot; the query's pairs come sorted by plot
    first, second = [], []
    order = np.argsort(plot_index, kind="stable")
    sorted_plots = plot_index[order]
    starts = np.searchsorted(sorted_plots, several)
    ends = np.searchsorted(sorted_plots, several, side="right")
    for start, end in zip(starts.tolist(), ends.tolist()):
        members = [m for m in order[start:end].tolist() if ok[m]]
        for i in range(len(members)):
            for j in range(i + 1, len(members)):
                first.append(members[i])
                second.append(members[j])
    first, second = np.asarray(first, dtype=np.int64), np.asarray(second, dtype=np.int64)
    hit = shapely.relate_pattern(pieces[first], pieces[second], "2********")
    for plot in np.unique(plot_index[first[hit]]).tolist():
        members = [m for m in np.flatnonzero(plot_index == plot).tolist() if ok[m]]
        union = shapely.union_all(pieces[members])
        union_planar = float(shapely.area(union))
        excess = float(total_planar[plot]) - union_planar
        if excess > OVERLAP_TOLERANCE_M2:
            overlapping.append((plot, excess))
        total_planar[plot] = union_planar
        total_ellipsoidal[plot] = float(ellipsoidal_areas(np.array([union], dtype=object), srid)[0])
    return total_planar, total_ellipsoidal, overlapping


def _grouped(role, ids, plot_index, code_index, codes, names, planar, ellipsoidal, version):
    """One row per (plot, code) with an area (a feature that only touches the plot gives
    none)."""
    if not len(plot_index):
        return []
    width = max(len(codes), 1)
    key = plot_index.astype(np.int64) * width + code_index
    unique, inverse = np.unique(key, return_inverse=True)
    inverse = inverse.reshape(-1)
    sum_planar = np.bincount(inverse, planar, minlength=len(unique))
    sum_ellipsoidal = np.bincount(inverse, ellipsoidal, minlength=len(unique))
    rows = []
    for k, a, e in zip(unique.tolist(), sum_planar.tolist(), sum_ellipsoidal.tolist()):
        if a == 0 and e == 0:
            continue
        plot, code = divmod(k, width)
        rows.append(OverlayRow(ids[plot], role, codes[code], names[code], a, e, version))
    return rows


def _totals(role, ids, planar, ellipsoidal, version):
    return [
        OverlayRow(pid, role, None, None, a, e, version)
        for pid, a, e in zip(ids, planar.tolist(), ellipsoidal.tolist())
    ]


def _filed_rows(features, part, ids, numbers, version):
    """The filed area of each filing under a plot (m²; the role option filed_area_unit
    'mu' converts), from the largest value its features give."""
    to_m2 = mu_to_m2 if features.options.get("filed_area_unit") == "mu" else float
    values = features.column("filed_area")[part.feature_index].tolist()
    filed: dict[tuple, float] = {}
    for plot, number, value in zip(part.plot_index.tolist(), numbers, values):
        area = finite_number(value)
        if area is not None:
            key = (plot, number)
            filed[key] = max(filed.get(key, 0.0), to_m2(area))
    return [
        OverlayRow(ids[plot], rec.FACILITY_FILED, number, None, area, None, version)
        for (plot, number), area in filed.items()
    ]


def text_value(value) -> str:
    if value is None:
        return ""
    return str(value).strip()
