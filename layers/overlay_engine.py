"""The overlay engine of the desk comparison (内业比对): plots × role layers → areas.

Pure computation (shapely 2, numpy; no QGIS): it takes geometries in the case database's
CRS and their attributes, and returns ``OverlayRow``s (see ``cases/overlay_records`` for
what each row means). Only the adapter ``layers/role_layers.py`` reads QGIS layers.

How a chunk of plots is computed:

1. The plots are checked; an invalid plot is repaired with make_valid keeping its polygonal
   part (the importer's ``cases.intake.repair``), and the repair is recorded.
2. Each role's features (repaired the same way when they were loaded) are in an STRtree;
   one query per role gives every (plot, feature) pair whose geometries intersect.
3. A feature that covers the plot gives the plot itself (no overlay needed), any other
   pair ``shapely.intersection``. Planar areas with ``shapely.area``, ellipsoidal areas
   with ``cases.ellipsoid_area.ellipsoidal_areas`` (the official 三调 method) on the pieces.
4. Sums per plot and class with ``np.bincount`` (plain Python for a few plots); per-role
   totals are the area inside the union of the role's features (pieces that overlap
   inside a plot are unioned, not counted twice).

In bulk, the plots are split into chunks and each (role, chunk) is a task for two threads
(shapely and numpy release the GIL in their array operations), started as soon as the
role's features are there (the adapter reads the next role meanwhile); optionally the
chunks go to two forked processes instead. One plot (the interactive check) is computed in
the calling thread with all roles' pieces in one ``ellipsoidal_areas`` call.

Nothing is silently zero: a GEOS failure on a pair is retried on a 1 mm grid (and
flagged ``approximate``); if that fails too the pair is left out of the totals and the
plot carries a ``not_computed`` check.
"""

from __future__ import annotations

import math
import multiprocessing
import os
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import (
    FIRST_COMPLETED,
    Executor,
    Future,
    ProcessPoolExecutor,
    ThreadPoolExecutor,
    wait,
)
from dataclasses import dataclass, field

import numpy as np
import shapely

from ..cases import overlay_records as rec
from ..cases.codes import SQUARE_METRES_PER_MU
from ..cases.ellipsoid_area import ellipsoidal_areas
from ..cases.intake import finite_number, repair
from ..cases.landuse_codes import (
    CONSTRUCTION,
    CROPLAND_CODES,
    FARMLAND,
    LANDUSE_NAMES,
    UNUSED,
    three_way_class,
)
from ..cases.landuse_names import clean_name
from ..cases.overlay_records import OverlayRow

CLASSES = (FARMLAND, CONSTRUCTION, UNUSED)  # index 3: unknown code
IDENTITY_TOLERANCE_M2 = rec.IDENTITY_TOLERANCE_MU * SQUARE_METRES_PER_MU
OVERLAP_TOLERANCE_M2 = 0.005  # overlapping pieces below this are rounding, not overlaps
APPROXIMATE_GRID_M = 0.001
_POLYGONAL = ("Polygon", "MultiPolygon")
SMALL_CHUNK = 16  # up to this many plots, covered pairs are tested directly
_FORKED_ENGINE: OverlayEngine | None = None  # the engine a forked worker computes with


@dataclass(frozen=True)
class Repair:
    """A geometry that was invalid (or not polygonal) and what was kept of it."""

    role: str  # "plot" or the role of a layer feature
    key: object  # plot id or feature id
    reason: str
    area_m2: float  # planar area after the repair (0 when nothing polygonal was left)

    @property
    def dropped(self) -> bool:
        return self.area_m2 <= 0


def repair_polygons(
    geometries: Sequence, role: str, keys: Sequence
) -> tuple[np.ndarray, np.ndarray, list[Repair]]:
    """Valid polygonal geometries for ``geometries`` (Z dropped), a mask of those that
    are usable (not empty after the repair) and the repairs made."""
    geometries = np.asarray(geometries, dtype=object).reshape(-1)
    if len(geometries) == 1:  # the interactive check: scalar tests cost less
        only = geometries[0]
        if (
            only is not None
            and only.geom_type in _POLYGONAL
            and not only.has_z
            and not only.is_empty
            and only.is_valid
        ):
            return geometries.copy(), np.ones(1, dtype=bool), []
    if shapely.has_z(geometries).any():  # (GEOS 3.11 reads no M)
        geometries = shapely.force_2d(geometries)
    else:
        geometries = geometries.copy()
    usable = ~(shapely.is_missing(geometries) | shapely.is_empty(geometries))
    type_ids = shapely.get_type_id(geometries)
    polygonal = (type_ids == 3) | (type_ids == 6)  # Polygon, MultiPolygon
    suspect = np.flatnonzero(usable & ~(polygonal & shapely.is_valid(geometries)))
    repairs = []
    for index in suspect:
        original = geometries[index]
        fixed, note = repair(original)
        if fixed is not None and fixed.geom_type not in _POLYGONAL:
            fixed, note = None, note or f"a {original.geom_type} has no area"
        area = 0.0 if fixed is None or fixed.is_empty else float(fixed.area)
        repairs.append(Repair(role, keys[index], note or "repaired", area))
        if area > 0:
            geometries[index] = fixed
        else:
            usable[index] = False
    return geometries, usable, repairs


@dataclass
class RoleFeatures:
    """A role layer's features (all of it, or those near the plots asked so far) in the
    database CRS: valid polygons, their feature ids and the role's attributes (by role
    field key: "code", "number", "filed_area"…)."""

    role: str
    ids: np.ndarray
    geometries: np.ndarray
    attributes: dict[str, np.ndarray]
    version: str | None = None
    repairs: dict[object, Repair] = field(default_factory=dict)
    options: dict = field(default_factory=dict)
    _tree: shapely.STRtree | None = field(default=None, repr=False)
    _codes: tuple | None = field(default=None, repr=False)

    @classmethod
    def build(
        cls,
        role: str,
        ids: Sequence,
        geometries: Sequence,
        attributes: Mapping[str, Sequence] | None = None,
        version: str | None = None,
        options: Mapping | None = None,
    ) -> RoleFeatures:
        """Repair what needs it and keep the features that still have an area."""
        ids = np.asarray(ids, dtype=object).reshape(-1)
        fixed, usable, repairs = repair_polygons(geometries, role, ids)
        columns = {
            key: np.asarray(list(values), dtype=object)[usable]
            for key, values in (attributes or {}).items()
        }
        return cls(
            role,
            ids[usable],
            fixed[usable],
            columns,
            version,
            {r.key: r for r in repairs},
            dict(options or {}),
        )

    @classmethod
    def empty(cls, role: str, version: str | None = None) -> RoleFeatures:
        return cls(role, np.empty(0, dtype=object), np.empty(0, dtype=object), {}, version)

    def __len__(self) -> int:
        return len(self.geometries)

    def merged(self, other: RoleFeatures) -> RoleFeatures:
        """These features and those of ``other`` not yet here (by feature id)."""
        if not len(other):
            return self
        known = set(self.ids.tolist())
        new = np.array([fid not in known for fid in other.ids.tolist()], dtype=bool)
        if not new.any():
            return self
        keys = set(self.attributes) | set(other.attributes)
        return RoleFeatures(
            self.role,
            np.concatenate([self.ids, other.ids[new]]),
            np.concatenate([self.geometries, other.geometries[new]]),
            {
                key: np.concatenate(
                    [
                        self.attributes.get(key, np.full(len(self), None, dtype=object)),
                        other.attributes.get(key, np.full(len(other), None, dtype=object))[new],
                    ]
                )
                for key in keys
            },
            other.version or self.version,
            {**self.repairs, **other.repairs},
            self.options or other.options,
        )

    @property
    def tree(self) -> shapely.STRtree:
        if self._tree is None:
            self._tree = shapely.STRtree(self.geometries)
        return self._tree

    def column(self, key: str) -> np.ndarray:
        return self.attributes.get(key, np.full(len(self), None, dtype=object))

    def codes(self) -> tuple[np.ndarray, list[str], list[str | None], np.ndarray, np.ndarray]:
        """For land use: per feature the index of its normalised code; the codes, their
        names (the national name, else the layer's DLMC), class index (3: unknown) and
        whether each is 耕地. A feature without a code takes the code its name maps to
        in the role's ``name_to_code``; a name that maps to nothing gives code '' with the
        name kept (each such name apart), never the name as a code."""
        if self._codes is None:
            mapping = self.options.get(rec.NAME_TO_CODE) or {}
            layer_names = self.column("name").tolist()
            raw = []
            for value, name in zip(self.column("code").tolist(), layer_names):
                code = "" if value is None else str(value).strip().upper()
                if not code and mapping:
                    label = clean_name(name)
                    mapped = mapping.get(label)
                    code = str(mapped).strip().upper() if mapped else _UNMAPPED + label
                raw.append(code)
            keys, index = np.unique(np.asarray(raw, dtype=object), return_inverse=True)
            keys = [str(k) for k in keys.tolist()]
            codes = ["" if k.startswith(_UNMAPPED) else k for k in keys]
            names: list[str | None] = [
                (k[len(_UNMAPPED) :] or None) if k.startswith(_UNMAPPED) else LANDUSE_NAMES.get(k)
                for k in keys
            ]
            for feature, code_index in enumerate(index.tolist()):
                if layer_names[feature] and names[code_index] is None:
                    names[code_index] = str(layer_names[feature])
            classes = np.array([_class_index(code) for code in codes], dtype=np.int64)
            crop = np.array([code in CROPLAND_CODES for code in codes], dtype=bool)
            self._codes = (index.reshape(-1).astype(np.int64), codes, names, classes, crop)
        return self._codes


_UNMAPPED = "\x00"  # key prefix of a land-use name that maps to no code


def _class_index(code: str) -> int:
    try:
        return CLASSES.index(three_way_class(code))
    except (ValueError, KeyError):
        return 3


@dataclass
class OverlayResult:
    """The rows of a batch of plots, and what happened on the way."""

    rows: list[OverlayRow]
    plot_ids: list
    repairs: list[Repair]  # of the plots
    pieces: dict | None = None  # plot id → [(role, class code, geometry)], when kept

    def rows_of(self, plot_id) -> list[OverlayRow]:
        return [row for row in self.rows if row.plot_id == plot_id]

    def breakdown(self, plot_id) -> rec.Breakdown | None:
        return rec.breakdown_from_rows(self.rows_of(plot_id))


class OverlayEngine:
    """Overlay of plots with the role layers' features, in the database CRS ``srid``."""

    def __init__(
        self,
        srid: int,
        roles: Mapping[str, RoleFeatures],
        workers: int = 2,
        parallel: str = "threads",
        executor: Executor | None = None,
    ):
        self.srid = srid
        self.roles = {role: features for role, features in roles.items() if features is not None}
        self.workers = max(1, workers)
        self.parallel = parallel  # "threads" or "processes"
        self._executor: Executor | None = executor
        self._own_executor = executor is None

    # -- entry points -----------------------------------------------------------------

    def compute(
        self,
        plot_ids: Sequence,
        geometries: Sequence,
        *,
        chunk_size: int | None = None,
        progress: Callable[[float], None] | None = None,
        is_canceled: Callable[[], bool] | None = None,
        keep_pieces: bool = False,
        pending: Mapping[str, Future] | None = None,
        resolve: Callable[[str, Future], RoleFeatures] | None = None,
    ) -> OverlayResult:
        """Rows for every plot; ``progress`` gets 0–100, ``is_canceled`` is checked between
        pieces of work (a canceled computation returns the plots completed so far).

        ``pending``: roles whose features are still being read (futures); ``resolve(role,
        future)``, called in this thread, gives their ``RoleFeatures`` (default: the
        future's result). With threads, the roles already there are computed meanwhile."""
        resolve = resolve or (lambda _role, future: future.result())
        plot_ids = list(plot_ids)
        geometries = np.asarray(geometries, dtype=object).reshape(-1)
        if len(plot_ids) != len(geometries):
            raise ValueError("one id per plot geometry")
        n = len(plot_ids)
        if chunk_size is None:
            chunk_size = self.chunk_size(n)
        starts = list(range(0, n, chunk_size))
        chunks = [(plot_ids[s : s + chunk_size], geometries[s : s + chunk_size]) for s in starts]
        result = OverlayResult([], [], [], {} if keep_pieces else None)
        threads = self.workers > 1 and len(chunks) > 1 and self.parallel != "processes"
        if threads:
            return self._pipelined(
                chunks, result, progress, is_canceled, keep_pieces, pending, resolve
            )
        if pending:
            for role, future in pending.items():
                self.roles[role] = resolve(role, future)
        if self.workers == 1 or len(chunks) == 1:
            outputs = (self._chunk(ids, geoms, keep_pieces) for ids, geoms in chunks)
            done = self._collect(outputs, result, len(chunks), progress, is_canceled)
        else:
            done = self._in_processes(chunks, result, progress, is_canceled)
        result.plot_ids = [pid for chunk_ids, _ in chunks[:done] for pid in chunk_ids]
        return result

    def chunk_size(self, plots: int) -> int:
        """Plots per piece of bulk work: four pieces per worker, at least 250 plots."""
        return max(250, math.ceil(plots / (4 * self.workers)))

    def _pipelined(self, chunks, result, progress, is_canceled, keep_pieces, pending, resolve):
        """Bulk work in threads, role by role and chunk by chunk: the plots of every chunk
        first, then each (role, chunk) as soon as the role's features are there."""
        executor = self._thread_pool()
        waiting = {future: role for role, future in (pending or {}).items()}
        plot_futures = [executor.submit(self._plot_part, ids, geoms) for ids, geoms in chunks]
        parts = [future.result() for future in plot_futures]
        order = [*[r for r in self.roles if r not in waiting.values()], *waiting.values()]
        tasks: dict[tuple, Future] = {}

        def submit(role):
            features = self.roles[role]
            _warm(features, parts)  # lazy trees and codes built here, not in two threads
            for number, part in enumerate(parts):
                tasks[(role, number)] = executor.submit(
                    self._role_part, role, features, part, keep_pieces
                )

        try:
            for part in parts:
                _warm_tree(part.tree if len(part.ids) > SMALL_CHUNK else None, part)
            for role in order:
                if role not in waiting.values():
                    submit(role)
            while waiting:
                done, _ = wait(list(waiting), return_when=FIRST_COMPLETED)
                for future in done:
                    role = waiting.pop(future)
                    self.roles[role] = resolve(role, future)
                    submit(role)
        except BaseException:
            for future in [*tasks.values(), *waiting]:
                future.cancel()
            raise
        finished = set()
        try:
            # chunk by chunk, so that a cancel keeps whole plots
            keys = sorted(tasks, key=lambda k: (k[1], order.index(k[0])))
            for count, key in enumerate(keys):
                rows, kept = tasks[key].result()
                parts[key[1]].rows += rows
                if kept and result.pieces is not None:
                    for plot_id, pieces in kept.items():
                        result.pieces.setdefault(plot_id, []).extend(pieces)
                finished.add(key)
                if progress is not None:
                    progress(100.0 * (count + 1) / max(len(keys), 1))
                if is_canceled is not None and is_canceled():
                    break
        finally:
            for future in tasks.values():
                future.cancel()
        complete = [
            number for number in range(len(parts)) if all((r, number) in finished for r in order)
        ]
        for number in complete:
            result.rows += parts[number].rows
            result.repairs += parts[number].repairs
        result.plot_ids = [pid for number in complete for pid in chunks[number][0]]
        return result

    def compute_one(self, geometry, plot_id=0, keep_pieces: bool = True) -> OverlayResult:
        """One plot, in the calling thread (the interactive check)."""
        rows, repairs, pieces = self._chunk(
            [plot_id], np.array([geometry], dtype=object), keep_pieces
        )
        return OverlayResult(rows, [plot_id], repairs, pieces)

    def close(self) -> None:
        if self._executor is not None and self._own_executor:
            self._executor.shutdown(wait=True, cancel_futures=True)
        self._executor = None

    # -- parallel plumbing ------------------------------------------------------------

    def _thread_pool(self) -> Executor:
        if self._executor is None:
            self._executor = ThreadPoolExecutor(self.workers, thread_name_prefix="landcase-overlay")
        return self._executor

    @staticmethod
    def _collect(outputs, result, total, progress, is_canceled) -> int:
        done = 0
        for rows, repairs, pieces in outputs:
            result.rows += rows
            result.repairs += repairs
            if result.pieces is not None and pieces:
                result.pieces.update(pieces)
            done += 1
            if progress is not None:
                progress(100.0 * done / total)
            if is_canceled is not None and is_canceled():
                break
        return done

    def _in_processes(self, chunks, result, progress, is_canceled) -> int:
        """Chunks in forked worker processes, which inherit the role features (nothing but
        the plots' WKB and the rows are pickled)."""
        global _FORKED_ENGINE
        context = multiprocessing.get_context("fork")
        _FORKED_ENGINE = self
        try:
            with ProcessPoolExecutor(self.workers, mp_context=context) as pool:
                futures = [
                    pool.submit(_forked_chunk, ids, shapely.to_wkb(geoms).tolist())
                    for ids, geoms in chunks
                ]
                try:
                    return self._collect(
                        (_unpickled(*f.result()) for f in futures),
                        result,
                        len(chunks),
                        progress,
                        is_canceled,
                    )
                finally:
                    for future in futures:
                        future.cancel()
        finally:
            _FORKED_ENGINE = None

    # -- one chunk of plots -----------------------------------------------------------

    def _plot_part(self, plot_ids: list, geometries: np.ndarray, areas: bool = True) -> _PlotPart:
        """The plots of a chunk checked (and repaired), with their areas and rows when
        ``areas`` (else they come with the pieces' areas, in one call)."""
        plots, usable, repairs = repair_polygons(geometries, rec.PLOT, plot_ids)
        rows = [
            OverlayRow(r.key, rec.REPAIR, rec.PLOT, r.reason, r.area_m2, None, None)
            for r in repairs
        ]
        rows += [
            OverlayRow(plot_ids[index], rec.CHECK, rec.CHECK_NO_AREA, None, 0.0, None, None)
            for index in np.flatnonzero(~usable).tolist()
        ]
        keep = np.flatnonzero(usable)
        part = _PlotPart(
            [plot_ids[i] for i in keep.tolist()], plots[keep], geometries[keep], rows, repairs
        )
        if areas and len(part.ids):
            part.planar = shapely.area(part.plots)
            part.ellipsoidal = ellipsoidal_areas(part.plots, self.srid)
            part.rows += _plot_rows(part)
        return part

    def _role_part(self, role: str, features: RoleFeatures, part: _PlotPart, keep_pieces: bool):
        """The rows of one role for a chunk of plots whose areas are known."""
        if not len(part.ids):
            return [], None
        plot_index, feature_index, covered = _role_pairs(features, part)
        planar, ellipsoidal, pieces, status = _overlay_pairs(
            part,
            plot_index,
            features.geometries[feature_index],
            covered,
            self.srid,
            keep_pieces or _needs_pieces(role),
        )
        pairs = _Pairs(plot_index, feature_index, planar, ellipsoidal, pieces, status)
        rows = self._rows_for(role, features, pairs, part)
        return rows, _kept(role, features, pairs, part) if keep_pieces else None

    def _chunk(self, plot_ids: list, geometries: np.ndarray, keep_pieces: bool):
        """A chunk of plots with every role, in the calling thread; the plots' areas and
        the pieces' in one call of ``ellipsoidal_areas`` (the interactive check of one plot
        is mostly fixed costs)."""
        part = self._plot_part(plot_ids, geometries, areas=False)
        if not len(part.ids):
            return part.rows, part.repairs, {}
        pairs = {role: _role_pairs(f, part) for role, f in self.roles.items()}
        offsets = np.cumsum([0] + [len(p[0]) for p in pairs.values()])
        all_plots = np.concatenate(
            [np.empty(0, dtype=np.int64), *(p[0] for p in pairs.values())]
        ).astype(np.int64)
        all_features = np.concatenate(
            [
                np.empty(0, dtype=object),
                *(self.roles[role].geometries[p[1]] for role, p in pairs.items()),
            ]
        )
        all_covered = np.concatenate(
            [np.empty(0, dtype=bool), *(p[2] for p in pairs.values())]
        ).astype(bool)
        need_pieces = keep_pieces or any(_needs_pieces(role) for role in pairs)
        planar, ellipsoidal, pieces, status = _overlay_pairs(
            part, all_plots, all_features, all_covered, self.srid, need_pieces
        )
        part.rows += _plot_rows(part)
        kept: dict | None = {pid: [] for pid in part.ids} if keep_pieces else None
        for number, (role, (plot_index, feature_index, _covered)) in enumerate(pairs.items()):
            span = slice(offsets[number], offsets[number + 1])
            features = self.roles[role]
            role_pairs = _Pairs(
                plot_index,
                feature_index,
                planar[span],
                ellipsoidal[span],
                None if pieces is None else pieces[span],
                status[span],
            )
            part.rows += self._rows_for(role, features, role_pairs, part)
            if kept is not None:
                for plot_id, role_pieces in _kept(role, features, role_pairs, part).items():
                    kept[plot_id] += role_pieces
        return part.rows, part.repairs, kept

    def _rows_for(self, role, features, pairs, part):
        if len(part.ids) <= SMALL_CHUNK:
            return self._role_rows_small(role, features, pairs, part.ids, part.ellipsoidal)
        return self._role_rows(role, features, pairs, part.ids, part.ellipsoidal)

    def _role_rows(self, role, features, part, ids, plot_ellipsoidal):
        """The rows of one role for a chunk of plots (numpy; see ``_role_rows_small``)."""
        n = len(ids)
        version = features.version
        rows = _pair_notes(role, features, part, ids)
        ok = part.status != _FAILED
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
            n, p, planar, ellipsoidal, part.pieces, ok, self.srid
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
            numbers = [_text(v) for v in features.column("number")[part.feature_index].tolist()]
            unique, code_index = np.unique(np.asarray(numbers, dtype=object), return_inverse=True)
            unique = [str(u) for u in unique.tolist()]
            names = [None] * len(unique)
            for code_number, name in zip(
                code_index.tolist(), features.column("name")[part.feature_index].tolist()
            ):
                if names[code_number] is None and _text(name):
                    names[code_number] = _text(name)
            rows += _grouped(
                role, ids, p, code_index.reshape(-1), unique, names, planar, ellipsoidal, version
            )
            if role == rec.FACILITY:
                rows += _filed_rows(features, part, ids, numbers, version)
        return rows

    def _role_rows_small(self, role, features, part, ids, plot_ellipsoidal):
        """The same rows as ``_role_rows`` for a few plots, summed in plain Python (numpy's
        overhead per call would dominate the interactive check of one plot)."""
        version = features.version
        rows = _pair_notes(role, features, part, ids)
        plots = part.plot_index.tolist()
        status = part.status.tolist()
        planar = [0.0 if st == _FAILED else a for st, a in zip(status, part.planar.tolist())]
        ellipsoidal = [
            0.0 if st == _FAILED else e for st, e in zip(status, part.ellipsoidal.tolist())
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
                part.status != _FAILED,
                self.srid,
            )
            totals = {
                i: [a, e]
                for i, (a, e) in enumerate(zip(union_planar.tolist(), union_ellipsoidal.tolist()))
            }
            if role in rec.MASK_ROLES:
                rows += [
                    OverlayRow(
                        ids[i], rec.CHECK, rec.CHECK_ROLE_OVERLAP, role, amount, None, version
                    )
                    for i, amount in overlapping
                ]
        rows += _total_rows(role, ids, totals, version)
        if role in ("temporary", rec.APPROVAL, rec.FACILITY):
            numbers = [_text(v) for v in features.column("number")[part.feature_index].tolist()]
            labels = features.column("name")[part.feature_index].tolist()
            names: dict = {}
            by_number: dict = {}
            for plot, number, label, a, e in zip(plots, numbers, labels, planar, ellipsoidal):
                _accumulate(by_number, (plot, number), a, e)
                if names.get(number) is None and _text(label):
                    names[number] = _text(label)
            rows += [
                OverlayRow(ids[plot], role, number, names.get(number), a, e, version)
                for (plot, number), (a, e) in sorted(by_number.items())
                if a or e
            ]
            if role == rec.FACILITY:
                rows += _filed_rows(features, part, ids, numbers, version)
        return rows


# -- helpers (module level: also used by forked workers) -------------------------------

_EXACT, _APPROXIMATE, _FAILED = 0, 1, 2


@dataclass
class _PlotPart:
    """The usable plots of a chunk, their original geometries and areas, and the rows
    and repairs so far."""

    ids: list
    plots: np.ndarray
    original: np.ndarray
    rows: list
    repairs: list
    planar: np.ndarray | None = None
    ellipsoidal: np.ndarray | None = None
    _tree: shapely.STRtree | None = None

    @property
    def tree(self) -> shapely.STRtree:
        if self._tree is None:
            self._tree = shapely.STRtree(self.plots)
        return self._tree


@dataclass
class _Pairs:
    plot_index: np.ndarray
    feature_index: np.ndarray
    planar: np.ndarray
    ellipsoidal: np.ndarray
    pieces: np.ndarray | None
    status: np.ndarray


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
        code = rec.CHECK_NOT_COMPUTED if part.status[index] == _FAILED else rec.CHECK_APPROXIMATE
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


def _overlay_pairs(part, pair_plot, features, covered, srid, need_pieces):
    """Planar and ellipsoidal areas of each plot ∩ feature pair, the pieces (when asked
    for or needed) and a status per pair (exact, approximate on a 1 mm grid, failed).
    When the plot part has no areas yet, they are computed with the pieces' (one call of
    ``ellipsoidal_areas``) and set on it."""
    plots = part.plots
    n = len(pair_plot)
    status = np.zeros(n, dtype=np.int8)
    pieces = np.empty(n, dtype=object) if need_pieces else None
    if pieces is not None:
        pieces[covered] = plots[pair_plot[covered]]  # the piece is the plot itself
    rest = np.flatnonzero(~covered)
    cut = np.empty(0, dtype=object)
    if len(rest):
        cut, cut_status = _safe_intersection(plots[pair_plot[rest]], features[rest])
        status[rest] = cut_status
        if pieces is not None:
            pieces[rest] = cut
    known = part.planar is not None
    both = cut if known else np.concatenate([plots, cut])
    planar_both = shapely.area(both)
    ellipsoidal_both = ellipsoidal_areas(both, srid)
    if not known:
        part.planar, part.ellipsoidal = planar_both[: len(plots)], ellipsoidal_both[: len(plots)]
    offset = 0 if known else len(plots)
    planar = part.planar[pair_plot]
    ellipsoidal = part.ellipsoidal[pair_plot]
    planar[rest] = planar_both[offset:]
    ellipsoidal[rest] = ellipsoidal_both[offset:]
    failed = status == _FAILED
    planar[failed] = np.nan
    ellipsoidal[failed] = np.nan
    return planar, ellipsoidal, pieces, status


def _role_pairs(features: RoleFeatures, part) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Every (plot, feature) pair whose geometries intersect, and whether the feature
    covers the plot (then no overlay is needed). In bulk the covered pairs are found from
    the plots' side (a tree of the chunk's plots queried with each feature, prepared for
    that query only: thread-safe); for a few plots, directly."""
    plots = part.plots
    if not len(features):
        empty = np.empty(0, dtype=np.int64)
        return empty, empty, np.zeros(0, dtype=bool)
    plot_index, feature_index = features.tree.query(plots, predicate="intersects")
    if len(plots) <= SMALL_CHUNK or not len(plot_index):
        return (
            plot_index,
            feature_index,
            shapely.covers(features.geometries[feature_index], plots[plot_index]),
        )
    involved = np.unique(feature_index)
    by_feature, by_plot = part.tree.query(features.geometries[involved], predicate="covers")
    width = len(features)
    covered = np.isin(
        plot_index.astype(np.int64) * width + feature_index,
        by_plot.astype(np.int64) * width + involved[by_feature],
    )
    return plot_index, feature_index, covered


def _warm(features: RoleFeatures, parts) -> None:
    """Build a role's lazy parts (its STRtree, which GEOS builds at the first query, and
    its code lists) in the calling thread, before worker threads share them."""
    if len(features):
        first = next((part.plots[:1] for part in parts if len(part.ids)), None)
        if first is not None:
            features.tree.query(first)
        if features.role == rec.LANDUSE:
            features.codes()


def _warm_tree(tree, part) -> None:
    if tree is not None and len(part.ids):
        tree.query(part.plots[:1])


def _needs_pieces(role: str) -> bool:
    return role in rec.MASK_ROLES or role in (rec.APPROVAL, rec.FACILITY)


def _plot_rows(part) -> list[OverlayRow]:
    digests = rec.plot_digests(part.original)
    return [
        OverlayRow(pid, rec.PLOT, None, None, planar_m2, ellipsoidal_m2, digest)
        for pid, planar_m2, ellipsoidal_m2, digest in zip(
            part.ids, part.planar.tolist(), part.ellipsoidal.tolist(), digests
        )
    ]


def _kept(role, features, pairs, part) -> dict:
    kept: dict = {}
    codes = _class_codes(role, features, pairs.feature_index)
    for p, code, piece in zip(pairs.plot_index.tolist(), codes, pairs.pieces.tolist()):
        if piece is not None and not piece.is_empty:
            kept.setdefault(part.ids[p], []).append((role, code, piece))
    return kept


def _safe_intersection(a: np.ndarray, b: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    try:
        return shapely.intersection(a, b), np.zeros(len(a), dtype=np.int8)
    except shapely.errors.GEOSException:
        pass
    cut = np.empty(len(a), dtype=object)
    status = np.zeros(len(a), dtype=np.int8)
    for index, (x, y) in enumerate(zip(a.tolist(), b.tolist())):
        try:
            cut[index] = shapely.intersection(x, y)
        except shapely.errors.GEOSException:
            try:
                cut[index] = shapely.intersection(x, y, grid_size=APPROXIMATE_GRID_M)
                status[index] = _APPROXIMATE
            except shapely.errors.GEOSException:
                cut[index] = shapely.Polygon()
                status[index] = _FAILED
    return cut, status


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
    unit = SQUARE_METRES_PER_MU if features.options.get("filed_area_unit") == "mu" else 1.0
    values = features.column("filed_area")[part.feature_index].tolist()
    filed: dict[tuple, float] = {}
    for plot, number, value in zip(part.plot_index.tolist(), numbers, values):
        area = finite_number(value)
        if area is not None:
            key = (plot, number)
            filed[key] = max(filed.get(key, 0.0), area * unit)
    return [
        OverlayRow(ids[plot], rec.FACILITY_FILED, number, None, area, None, version)
        for (plot, number), area in filed.items()
    ]


def _class_codes(role, features, feature_index) -> list:
    if role == rec.LANDUSE:
        code_index, codes = features.codes()[:2]
        return [codes[i] for i in code_index[feature_index].tolist()]
    if role in ("temporary", rec.APPROVAL, rec.FACILITY):
        return [_text(v) for v in features.column("number")[feature_index].tolist()]
    return [None] * len(feature_index)


def _text(value) -> str:
    if value is None:
        return ""
    return str(value).strip()


def _forked_chunk(plot_ids, wkbs):
    rows, repairs, _pieces = _FORKED_ENGINE._chunk(plot_ids, shapely.from_wkb(wkbs), False)
    return [tuple(row) for row in rows], repairs


def _unpickled(rows, repairs):
    return [OverlayRow._make(row) for row in rows], repairs, None


def default_workers() -> int:
    """Two workers on a machine with two cores or more (the bulk overlay's default)."""
    return 2 if (os.cpu_count() or 1) >= 2 else 1
