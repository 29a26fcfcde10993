"""Desk comparison (内业比对) in the case database: the layer roles, the overlay rows of
each plot and what they say (breakdown, area identity, suggested determination).

Plain Python over the store (no Qt, no QGIS). The overlay engine (``layers/overlay_engine``)
computes rows; this module stores them, reads them back and interprets them, so that a
breakdown read from the database is the same object the engine handed out.

The ``overlay`` table holds one row per plot × role × class. ``role`` is one of:

==================  ===========================================  =========================
role                class_code / class_name                      areas
==================  ===========================================  =========================
``plot``            — / —                                        the plot
``landuse``         — / —  (the role's total row)                plot ∩ all land use
``landuse``         DLBM / DLMC                                  plot ∩ that land-use class
``landuse_class``   农用地, 建设用地 or 未利用地 (三大类)              plot ∩ that class
``cropland``        耕地 / 耕地                                    plot ∩ 0101, 0102, 0103
``farmland``        — / —                                        plot ∩ 永久基本农田
``redline``         — / —                                        plot ∩ 生态保护红线
``urban_boundary``  — / —                                        plot ∩ 城镇开发边界
``temporary``       — / — ; record number / —                    plot ∩ 临时用地 (all; one)
``approval``        — / — ; 批准文号 / project name                plot ∩ approvals (all; one)
``facility``        — / — ; 上图入库号 / name                      plot ∩ filings (all; one)
``facility_filed``  上图入库号 / —                                  filed area (planar column)
``check``           a CHECK_* code / detail                      the amount concerned
``repair``          ``plot`` or ``<role>:<feature id>`` / reason  area after the repair
==================  ===========================================  =========================

Every role compared has its total row (class_code NULL), written even when it is zero: it
carries the role layer's version. A total is the area of the plot inside the union of the
role's features (for land use: the sum of the classes, so that overlapping land-use
features show in the area identity). A feature without a number gives class_code ''.
Areas are m², planar (in the database's Gauss-Krüger CRS) and ellipsoidal (椭球面积, the
official figure); 亩 are derived (``mu``). ``layer_version`` names the version of the role
layer the row came from (for ``plot`` rows: a digest of the plot's geometry), so that
``stale_plots`` finds the plots to recompute after an edit.
"""

from __future__ import annotations

import csv
import hashlib
import json
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

import numpy as np
import shapely

from . import determination_codes as dc
from .areas import official_mu
from .codes import SQUARE_METRES_PER_MU
from .errors import N_, CaseDatabaseError
from .landuse_codes import CONSTRUCTION, FARMLAND, LANDUSE_NAMES, UNUSED

# -- role definitions -----------------------------------------------------------------


@dataclass(frozen=True)
class RoleField:
    """One field a role needs: its key in the role's ``fields`` JSON, what it holds, and
    the names it usually has in national data (the first is the standard one)."""

    key: str
    label: str  # N_-marked English
    required: bool
    usual_names: tuple[str, ...] = ()


@dataclass(frozen=True)
class RoleDefinition:
    key: str
    label: str  # N_-marked English
    chinese: str  # the term the stations use
    kind: str  # "vector" (polygons) or "raster"
    fields: tuple[RoleField, ...] = ()
    overlay: bool = True  # computed by the overlay engine
    options: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # key: allowed values

    @property
    def field_keys(self) -> tuple[str, ...]:
        return tuple(f.key for f in self.fields)

    @property
    def required_keys(self) -> tuple[str, ...]:
        return tuple(f.key for f in self.fields if f.required)


ROLES: dict[str, RoleDefinition] = {
    definition.key: definition
    for definition in (
        RoleDefinition(
            "landuse",
            N_("Land use (地类图斑)"),
            "地类图斑",
            "vector",
            (
                RoleField("code", N_("Land-use code (DLBM)"), True, ("DLBM",)),
                RoleField("name", N_("Land-use name (DLMC)"), False, ("DLMC",)),
            ),
        ),
        RoleDefinition(
            "farmland",
            N_("Permanent basic farmland (永久基本农田)"),
            "永久基本农田",
            "vector",
            (RoleField("number", N_("Farmland plot number"), False, ("BHTBBH", "BSM")),),
        ),
        RoleDefinition(
            "redline",
            N_("Ecological protection red line (生态保护红线)"),
            "生态保护红线",
            "vector",
            (RoleField("name", N_("Red-line area name"), False, ("HXMC", "MC")),),
        ),
        RoleDefinition(
            "urban_boundary",
            N_("Urban development boundary (城镇开发边界)"),
            "城镇开发边界",
            "vector",
        ),
        RoleDefinition(
            "approval",
            N_("Approved land (批准用地)"),
            "批准用地",
            "vector",
            (
                RoleField("number", N_("Approval number (批准文号)"), True, ("PZWH", "批准文号")),
                RoleField("name", N_("Project name"), False, ("XMMC", "项目名称")),
                RoleField("date", N_("Approval date"), False, ("PZRQ", "批准日期")),
            ),
        ),
        RoleDefinition(
            "facility",
            N_("Facility farmland filings (设施农用地备案)"),
            "设施农用地",
            "vector",
            (
                RoleField(
                    "number",
                    N_("Record number (上图入库号)"),
                    True,
                    ("SBBH", "SNYDBH", "上图入库号"),
                ),
                RoleField("filed_area", N_("Filed area"), True, ("BAMJ", "备案面积")),
                RoleField("name", N_("Facility name"), False, ("YDMC", "XMMC")),
            ),
            options={"filed_area_unit": ("m2", "mu")},
        ),
        RoleDefinition(
            "temporary",
            N_("Temporary land use (临时用地)"),
            "临时用地",
            "vector",
            (RoleField("number", N_("Approval number"), False, ("PZWH", "批准文号")),),
        ),
        RoleDefinition(
            "township",
            N_("Townships (乡镇)"),
            "乡镇",
            "vector",
            (
                RoleField("name", N_("Name"), True, ("XZQMC",)),
                RoleField("code", N_("Code"), False, ("XZQDM",)),
            ),
            overlay=False,
        ),
        RoleDefinition(
            "village",
            N_("Villages (村)"),
            "村",
            "vector",
            (
                RoleField("name", N_("Name"), True, ("XZQMC", "ZLDWMC")),
                RoleField("code", N_("Code"), False, ("XZQDM", "ZLDWDM")),
            ),
            overlay=False,
        ),
        RoleDefinition(
            "raster_before", N_("Earlier image (前时相)"), "前时相", "raster", overlay=False
        ),
        RoleDefinition(
            "raster_after", N_("Later image (后时相)"), "后时相", "raster", overlay=False
        ),
    )
}
OVERLAY_ROLES = tuple(key for key, definition in ROLES.items() if definition.overlay)
MASK_ROLES = ("farmland", "redline", "urban_boundary", "temporary")


class RoleError(CaseDatabaseError):
    """A role, its fields or its layer cannot be used; ``reason`` is N_-marked."""

    template = "{role}: {reason}"


def role_definition(role: str) -> RoleDefinition:
    try:
        return ROLES[role]
    except KeyError:
        raise RoleError(
            role=role,
            reason=N_("not a layer role; the roles are {roles}"),
            roles=", ".join(ROLES),
        ) from None


def role_field_names(role: str, fields: Mapping | None) -> dict[str, str]:
    """{field key: layer field name} of a role from its stored ``fields`` (options left out)."""
    definition = role_definition(role)
    fields = dict(fields or {})
    return {key: fields[key] for key in definition.field_keys if fields.get(key)}


def suggest_role_fields(role: str, layer_fields: Iterable[str]) -> dict[str, str]:
    """The role's fields found under their usual names (case-insensitive) in a layer."""
    by_upper = {name.upper(): name for name in layer_fields}
    found = {}
    for role_field in role_definition(role).fields:
        for usual in role_field.usual_names:
            if usual.upper() in by_upper:
                found[role_field.key] = by_upper[usual.upper()]
                break
    return found


def check_role_fields(
    role: str, fields: Mapping | None, layer_fields: Iterable[str] | None = None
) -> list[tuple[str, dict]]:
    """Problems with a role's ``fields``: (N_ template, params) each; empty when usable.
    With ``layer_fields``, every named field must exist in the layer."""
    definition = role_definition(role)
    fields = dict(fields or {})
    problems: list[tuple[str, dict]] = []
    known = set(definition.field_keys) | set(definition.options)
    for key in fields:
        if key not in known:
            problems.append(
                (
                    N_("{key} is not a field of the {role} role (its fields: {known})"),
                    {"key": key, "role": role, "known": ", ".join(sorted(known)) or "—"},
                )
            )
    for key in definition.required_keys:
        if not fields.get(key):
            problems.append(
                (N_("the {role} role needs the field {key}"), {"role": role, "key": key})
            )
    for key, allowed in definition.options.items():
        if key in fields and fields[key] not in allowed:
            problems.append(
                (
                    N_("{key} must be one of {allowed} (got {value})"),
                    {"key": key, "allowed": ", ".join(allowed), "value": fields[key]},
                )
            )
    if layer_fields is not None:
        names = set(layer_fields)
        for key, name in role_field_names(role, fields).items():
            if name not in names:
                problems.append(
                    (
                        N_("the layer has no field {name} (for {key})"),
                        {"name": name, "key": key},
                    )
                )
    return problems


def set_role(store, role: str, source: str, provider: str, fields: Mapping | None = None) -> None:
    """Store a role's layer source and fields, after checking the fields (not the layer:
    the adapter in ``layers/role_layers.py`` opens it first)."""
    problems = check_role_fields(role, fields)
    if problems:
        template, params = problems[0]
        raise RoleError(role=role, reason=template, **params)
    store.set_layer_role(role, source, provider, dict(fields or {}))


def remove_role(store, role: str) -> None:
    with store.transaction() as db:
        db.execute("DELETE FROM layer_role WHERE role = ?", (role,))


def source_path(source: str, provider: str = "ogr") -> Path | None:
    """The file behind a layer source, or None for a database connection or a web service.
    ``'/d/county.gpkg|layername=dltb'`` and ``"dbname='/d/x.sqlite' table=…"`` give the file."""
    if provider in ("ogr", "gdal"):
        path = source.split("|", 1)[0]
        if path.startswith("/vsizip/"):
            path = path[len("/vsizip/") :].split(".zip", 1)[0] + ".zip"
        return Path(path) if path and "://" not in path and not path.startswith("/vsi") else None
    if provider == "spatialite":
        match = re.search(r"dbname='((?:[^'\\]|\\.)*)'", source)
        return Path(match.group(1)) if match else None
    return None


@dataclass(frozen=True)
class RestoredRole:
    """A role found in the database when it is opened; ``missing`` when its source cannot
    be found (reported to the user, not fatal); ``reason`` is N_-marked."""

    role: str
    source: str
    provider: str
    fields: dict
    missing: bool = False
    reason: str | None = None
    params: dict = field(default_factory=dict)

    @property
    def definition(self) -> RoleDefinition | None:
        return ROLES.get(self.role)


def restore_roles(store, available: Callable[[str, str], bool] | None = None) -> list[RestoredRole]:
    """Every stored role, in the order of ``ROLES``, each flagged when its source is missing.
    ``available(source, provider)`` decides for sources that are not files (the adapter
    passes one that opens the layer); without it, such sources count as present."""
    rows = _db(store).execute("SELECT role, source, provider, fields FROM layer_role").fetchall()
    order = {key: number for number, key in enumerate(ROLES)}
    restored = []
    for role, source, provider, fields_json in sorted(
        rows, key=lambda row: (order.get(row[0], len(order)), row[0])
    ):
        fields = json.loads(fields_json or "{}")
        missing, reason, params = False, None, {}
        path = source_path(source, provider)
        if role not in ROLES:
            missing, reason = True, N_("not a role this version knows")
        elif path is not None and not path.exists():
            missing, reason, params = (
                True,
                N_("the file {path} does not exist"),
                {"path": str(path)},
            )
        elif available is not None and not available(source, provider):
            missing, reason = True, N_("the layer cannot be opened")
        restored.append(RestoredRole(role, source, provider, fields, missing, reason, params))
    return restored


# -- rows -----------------------------------------------------------------------------

PLOT = "plot"
LANDUSE = "landuse"
LANDUSE_CLASS = "landuse_class"
CROPLAND = "cropland"
APPROVAL = "approval"
FACILITY = "facility"
FACILITY_FILED = "facility_filed"
CHECK = "check"
REPAIR = "repair"
CROPLAND_CLASS = "耕地"

# check codes
CHECK_LANDUSE_GAP = "landuse_gap"  # the land use covers less than the plot
CHECK_LANDUSE_OVERLAP = "landuse_overlap"  # land-use features overlap inside the plot
CHECK_UNKNOWN_CODE = "landuse_unknown_code"  # class_name holds the code
CHECK_ROLE_OVERLAP = "role_overlap"  # class_name holds the role: its features overlap
CHECK_NOT_COMPUTED = "not_computed"  # class_name "<role>:<feature id>": GEOS failed, left out
CHECK_APPROXIMATE = "approximate"  # class_name "<role>:<feature id>": on a 1 mm grid
CHECK_NO_AREA = "plot_no_area"  # the plot has no polygonal part after its repair

IDENTITY_TOLERANCE_MU = 0.01
APPROVAL_SHARE_FOR_LEGAL = 0.95
FACILITY_SHARE = 0.95


class OverlayRow(NamedTuple):
    plot_id: int
    role: str
    class_code: str | None
    class_name: str | None
    area_planar_m2: float
    area_ellipsoidal_m2: float | None
    layer_version: str | None


def mu(area_m2: float | None) -> float | None:
    """亩 with two decimals, rounded half up (四舍五入): ``areas.official_mu``."""
    return official_mu(area_m2)


def plot_digests(geometries) -> list[str]:
    """The ``layer_version`` of ``plot`` rows: a digest of each plot's geometry (as
    stored, before any repair), so that an edited plot is found stale."""
    wkbs = shapely.to_wkb(
        np.asarray(geometries, dtype=object), output_dimension=2, byte_order=1, include_srid=False
    )
    return ["geom:" + hashlib.sha1(wkb).hexdigest()[:16] for wkb in wkbs.tolist()]


def plot_digest(geometry) -> str:
    return plot_digests([geometry])[0]


@dataclass(frozen=True)
class Area:
    planar_m2: float
    ellipsoidal_m2: float | None

    @property
    def m2(self) -> float | None:
        """The official figure: ellipsoidal (planar when there is none)."""
        return self.ellipsoidal_m2 if self.ellipsoidal_m2 is not None else self.planar_m2

    @property
    def mu(self) -> float | None:
        return mu(self.m2)

    @property
    def planar_mu(self) -> float | None:
        return mu(self.planar_m2)

    @property
    def ellipsoidal_mu(self) -> float | None:
        return mu(self.ellipsoidal_m2)

    @property
    def known(self) -> bool:
        return self.planar_m2 == self.planar_m2  # not NaN


ZERO = Area(0.0, 0.0)


def _add(a: Area, b: Area) -> Area:
    ellipsoidal = (
        None
        if a.ellipsoidal_m2 is None or b.ellipsoidal_m2 is None
        else a.ellipsoidal_m2 + b.ellipsoidal_m2
    )
    return Area(a.planar_m2 + b.planar_m2, ellipsoidal)


@dataclass(frozen=True)
class ClassArea:
    code: str | None
    name: str | None
    area: Area


@dataclass(frozen=True)
class ApprovalCover:
    number: str | None
    name: str | None
    area: Area
    share: float  # of the plot's ellipsoidal area


@dataclass(frozen=True)
class FilingCover:
    number: str | None
    name: str | None
    area: Area  # plot ∩ filing
    filed_m2: float | None
    share: float


@dataclass(frozen=True)
class Check:
    code: str
    detail: str | None
    amount_m2: float


@dataclass(frozen=True)
class Note:
    """A line of the suggestion: N_-marked template and its params."""

    template: str
    params: dict = field(default_factory=dict)

    def text(self, translate: Callable[[str], str] = lambda s: s) -> str:
        return translate(self.template).format(**self.params)


@dataclass(frozen=True)
class Suggestion:
    """A suggested determination; a person decides. ``evidence`` uses the keys of
    ``determination_codes.check_evidence``; ``missing`` lists the evidence not found."""

    category: str
    subtype: str | None
    evidence: dict
    reasons: tuple[Note, ...] = ()
    missing: tuple[Note, ...] = ()

    @property
    def label(self) -> str:
        return f"{self.category}-{self.subtype}" if self.subtype else self.category


@dataclass
class Breakdown:
    """What the overlay says about one plot, from its rows."""

    plot_id: int
    plot: Area
    landuse: list[ClassArea]
    classes: dict[str, Area]
    cropland: Area
    masks: dict[str, Area]  # farmland, redline, urban_boundary, temporary
    temporary: list[ClassArea]
    approvals: list[ApprovalCover]
    approved: Area
    filings: list[FilingCover]
    checks: list[Check]
    repairs: list[tuple[str, str | None]]
    roles: set[str]  # the roles the rows came from
    versions: dict[str, str | None]
    computed_at: str | None = None

    # -- the figures ------------------------------------------------------------------

    @property
    def farmland(self) -> Area:
        return self.masks.get("farmland", ZERO)

    @property
    def redline(self) -> Area:
        return self.masks.get("redline", ZERO)

    @property
    def urban_boundary(self) -> Area:
        return self.masks.get("urban_boundary", ZERO)

    @property
    def non_cropland_farmland(self) -> Area:
        """非耕农用地: 农用地 less 耕地."""
        agricultural = self.classes.get(FARMLAND, ZERO)
        return Area(
            agricultural.planar_m2 - self.cropland.planar_m2,
            None
            if agricultural.ellipsoidal_m2 is None or self.cropland.ellipsoidal_m2 is None
            else agricultural.ellipsoidal_m2 - self.cropland.ellipsoidal_m2,
        )

    @property
    def approved_share(self) -> float:
        return _share(self.approved, self.plot)

    @property
    def identity_parts(self) -> dict[str, Area]:
        """The four terms of 地块面积 = 耕地 + 非耕农用地 + 未利用地 + 建设用地."""
        return {
            CROPLAND_CLASS: self.cropland,
            "非耕农用地": self.non_cropland_farmland,
            UNUSED: self.classes.get(UNUSED, ZERO),
            CONSTRUCTION: self.classes.get(CONSTRUCTION, ZERO),
        }

    @property
    def identity_difference_m2(self) -> float | None:
        """地块面积 − (耕地 + 非耕农用地 + 未利用地 + 建设用地), ellipsoidal m²; None
        without land use. Positive: land use missing under the plot; negative: overlaps."""
        if LANDUSE not in self.roles:
            return None
        total = ZERO
        for part in self.identity_parts.values():
            total = _add(total, part)
        return self.plot.m2 - total.m2

    @property
    def identity_holds(self) -> bool | None:
        difference = self.identity_difference_m2
        if difference is None:
            return None
        return abs(difference) <= IDENTITY_TOLERANCE_MU * SQUARE_METRES_PER_MU

    def check(self, code: str) -> list[Check]:
        return [c for c in self.checks if c.code == code]

    @property
    def complete(self) -> bool:
        """No overlap area left unknown (a GEOS failure is never a silent zero)."""
        return not self.check(CHECK_NOT_COMPUTED) and not self.check(CHECK_NO_AREA)

    # -- the suggestion ---------------------------------------------------------------

    def suggestion(self) -> Suggestion:
        """合法-批文 when approvals cover ≥ 95 % of the plot; 设施农用地 when a filing
        covers it (≥ 95 %, or the plot lies on 1202 land) and the plot is not larger than the
        filed area; 其他-临时用地 when a temporary-use approval covers ≥ 95 %; otherwise 违法,
        listing the evidence that was not found. A suggestion only: a person decides."""
        reasons: list[Note] = []
        missing: list[Note] = []
        share = self.approved_share
        if not self.complete:
            missing.append(Note(N_("some overlaps could not be computed; check the plot")))
        if self.approvals and share >= APPROVAL_SHARE_FOR_LEGAL:
            ordered = sorted(self.approvals, key=lambda a: -a.share)
            numbers = [a.number for a in ordered if a.number]
            reasons.append(
                Note(
                    N_("approvals cover {share:.1%} of the plot: {numbers}"),
                    {"share": share, "numbers": "、".join(numbers) or "—"},
                )
            )
            if not numbers:
                missing.append(Note(N_("the approval has no approval number (批准文号)")))
            return Suggestion(
                dc.LEGAL,
                dc.LEGAL_BY_APPROVAL,
                {"approval_number": "、".join(numbers), "covered_share": round(min(share, 1.0), 4)},
                tuple(reasons),
                tuple(missing),
            )
        dominant = max(self.landuse, key=lambda c: c.area.m2 or 0.0, default=None)
        on_facility_land = dominant is not None and dominant.code == "1202"
        filings = sorted(self.filings, key=lambda f: -f.share)
        if filings and (filings[0].share >= FACILITY_SHARE or on_facility_land):
            filing = filings[0]
            occupied = self.plot.m2
            evidence = {
                "facility_record_number": filing.number or "",
                "filed_area_m2": filing.filed_m2,
                "occupied_area_m2": round(occupied, 2),
            }
            reasons.append(
                Note(
                    N_("filing {number} covers {share:.1%} of the plot"),
                    {"number": filing.number or "—", "share": filing.share},
                )
            )
            if on_facility_land:
                reasons.append(Note(N_("the land use under the plot is 1202 设施农用地")))
            if filing.filed_m2 is not None and occupied > filing.filed_m2 + 0.005:
                missing.append(
                    Note(
                        N_(
                            "备少占多: the plot occupies {occupied:.2f} m², more than the "
                            "filed {filed:.2f} m²"
                        ),
                        {"occupied": occupied, "filed": filing.filed_m2},
                    )
                )
                return Suggestion(dc.ILLEGAL, None, evidence, tuple(reasons), tuple(missing))
            return Suggestion(dc.FACILITY_FARMLAND, None, evidence, tuple(reasons), tuple(missing))
        temporary = self.masks.get("temporary")
        if temporary is not None and _share(temporary, self.plot) >= APPROVAL_SHARE_FOR_LEGAL:
            numbers = [t.code for t in self.temporary if t.code]
            reasons.append(
                Note(
                    N_("temporary land use covers {share:.1%} of the plot"),
                    {"share": _share(temporary, self.plot)},
                )
            )
            return Suggestion(
                dc.OTHER,
                "临时用地",
                {"basis": "、".join(numbers) or "临时用地"},
                tuple(reasons),
                tuple(missing),
            )
        # 违法: say what was looked for and not found
        if self.approvals:
            missing.append(
                Note(
                    N_("approvals cover only {share:.1%} of the plot (95 % needed): {numbers}"),
                    {
                        "share": share,
                        "numbers": "、".join(a.number or "—" for a in self.approvals),
                    },
                )
            )
        elif APPROVAL in self.roles:
            missing.append(Note(N_("no approval (批准文号) covers the plot")))
        else:
            missing.append(Note(N_("approvals were not compared (no approval layer)")))
        if on_facility_land and not filings:
            missing.append(Note(N_("the plot lies on 1202 设施农用地 but no filing covers it")))
        elif filings:
            missing.append(
                Note(
                    N_("filing {number} covers only {share:.1%} of the plot"),
                    {"number": filings[0].number or "—", "share": filings[0].share},
                )
            )
        if self.cropland.m2:
            reasons.append(Note(N_("occupies 耕地 {area:.2f} 亩"), {"area": self.cropland.mu}))
        if self.farmland.m2:
            reasons.append(
                Note(N_("occupies 永久基本农田 {area:.2f} 亩"), {"area": self.farmland.mu})
            )
        if self.redline.m2:
            reasons.append(
                Note(N_("inside the ecological red line {area:.2f} 亩"), {"area": self.redline.mu})
            )
        evidence = {}
        if self.approvals:
            best = max(self.approvals, key=lambda a: a.share)
            evidence = {"approval_number": best.number or "", "covered_share": round(share, 4)}
        return Suggestion(dc.ILLEGAL, None, evidence, tuple(reasons), tuple(missing))


def _share(part: Area, whole: Area) -> float:
    if not whole.m2 or whole.m2 != whole.m2 or part.m2 != part.m2:
        return 0.0
    return (part.m2 or 0.0) / whole.m2


def breakdown_from_rows(rows: Iterable, computed_at: str | None = None) -> Breakdown | None:
    """The breakdown of one plot from its rows (``OverlayRow`` or tuples in its order);
    None when there is no ``plot`` row."""
    rows = [OverlayRow(*row) for row in rows]
    plot_rows = [r for r in rows if r.role == PLOT]
    if not plot_rows:
        return None
    plot_row = plot_rows[0]

    def area(row: OverlayRow) -> Area:
        return Area(row.area_planar_m2, row.area_ellipsoidal_m2)

    plot_area = area(plot_row)
    totals = {r.role: r for r in rows if r.class_code is None}
    landuse, temporary, approvals, filings, checks, repairs = [], [], [], [], [], []
    classes: dict[str, Area] = {}
    cropland = ZERO
    filed: dict[str | None, float] = {}
    for row in rows:
        if row.role == FACILITY_FILED:
            filed[row.class_code] = row.area_planar_m2
    for row in rows:
        if row.role == CHECK:
            checks.append(Check(row.class_code, row.class_name, row.area_planar_m2))
        elif row.role == REPAIR:
            repairs.append((row.class_code, row.class_name))
        elif row.class_code is None:
            continue  # a total
        elif row.role == LANDUSE:
            name = row.class_name or LANDUSE_NAMES.get(row.class_code)
            landuse.append(ClassArea(row.class_code, name, area(row)))
        elif row.role == LANDUSE_CLASS:
            classes[row.class_code] = area(row)
        elif row.role == CROPLAND:
            cropland = area(row)
        elif row.role == "temporary":
            temporary.append(ClassArea(row.class_code, row.class_name, area(row)))
        elif row.role == APPROVAL:
            approvals.append(
                ApprovalCover(
                    row.class_code, row.class_name, area(row), _share(area(row), plot_area)
                )
            )
        elif row.role == FACILITY:
            filings.append(
                FilingCover(
                    row.class_code,
                    row.class_name,
                    area(row),
                    filed.get(row.class_code),
                    _share(area(row), plot_area),
                )
            )
    landuse.sort(key=lambda c: (-(c.area.m2 or 0.0), c.code or ""))
    approvals.sort(key=lambda a: (-a.share, a.number or ""))
    filings.sort(key=lambda f: (-f.share, f.number or ""))
    return Breakdown(
        plot_id=plot_row.plot_id,
        plot=plot_area,
        landuse=landuse,
        classes=classes,
        cropland=cropland,
        masks={role: area(totals[role]) for role in MASK_ROLES if role in totals},
        temporary=temporary,
        approvals=approvals,
        approved=area(totals[APPROVAL]) if APPROVAL in totals else ZERO,
        filings=filings,
        checks=checks,
        repairs=repairs,
        roles=set(totals) - {CHECK, REPAIR},
        versions={role: row.layer_version for role, row in totals.items()},
        computed_at=computed_at,
    )


# -- the store ------------------------------------------------------------------------


def _db(store):
    return store._db  # noqa: SLF001 (cases/ owns the SQL; the store has no reader for this)


def save_overlay(store, rows: Iterable, plot_ids: Iterable[int] | None = None) -> int:
    """Replace the overlay rows of the plots in ONE transaction: the earlier rows of every
    plot in ``plot_ids`` (default: the plots the rows name) are deleted, the new rows
    inserted. Returns the number of rows written."""
    rows = [tuple(row) for row in rows]
    ids = sorted(set(plot_ids) if plot_ids is not None else {row[0] for row in rows})
    with store.transaction() as db:
        for start in range(0, len(ids), 500):  # under SQLite's bound-parameter limit
            chunk = ids[start : start + 500]
            db.execute(
                f"DELETE FROM overlay WHERE plot_id IN ({', '.join('?' * len(chunk))})", chunk
            )
        db.executemany(
            """INSERT INTO overlay (plot_id, role, class_code, class_name, area_planar_m2,
                   area_ellipsoidal_m2, layer_version) VALUES (?, ?, ?, ?, ?, ?, ?)""",
            rows,
        )
    return len(rows)


def overlay_rows(store, plot_id: int) -> list[OverlayRow]:
    cursor = _db(store).execute(
        """SELECT plot_id, role, class_code, class_name, area_planar_m2, area_ellipsoidal_m2,
               layer_version FROM overlay WHERE plot_id = ? ORDER BY id""",
        (plot_id,),
    )
    return [OverlayRow._make(row) for row in cursor]


def read_breakdown(store, plot_id: int) -> Breakdown | None:
    """The stored breakdown of a plot, or None when it was never computed."""
    rows = overlay_rows(store, plot_id)
    if not rows:
        return None
    computed_at = (
        _db(store)
        .execute("SELECT max(computed_at) FROM overlay WHERE plot_id = ?", (plot_id,))
        .fetchone()[0]
    )
    return breakdown_from_rows(rows, computed_at)


def plot_geometries(store, where: str | None = None, params: Iterable = ()) -> list[tuple]:
    """(id, 监测编号, WKB) of the plots, all or those ``where`` selects (SQL over the plot
    table, for callers inside cases/ and tests)."""
    sql = "SELECT id, jcbh, AsBinary(geom) FROM plot"
    if where:
        sql += f" WHERE {where}"
    return [
        (row[0], row[1], bytes(row[2]))
        for row in _db(store).execute(sql + " ORDER BY id", tuple(params))
        if row[2]
    ]


def plots_by_id(store, plot_ids: Iterable[int]) -> list[tuple]:
    """(id, 监测编号, WKB) of the given plots, in id order."""
    ids = sorted(set(plot_ids))
    found = []
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        found += plot_geometries(store, f"id IN ({', '.join('?' * len(chunk))})", chunk)
    return sorted(found)


def stale_plots(store, versions: Mapping[str, str | None]) -> list[int]:
    """Plots whose overlay is missing or outdated: never computed, their geometry changed
    since, or a role of ``versions`` (role → the version its layer has now; None: the role
    is not set) compared from another version, or not compared while it is set now, or
    compared while it is no longer set."""
    stored: dict[int, dict[str, str | None]] = {}
    for plot_id, role, version in _db(store).execute(
        "SELECT plot_id, role, layer_version FROM overlay WHERE class_code IS NULL"
    ):
        stored.setdefault(plot_id, {})[role] = version
    stale = []
    plots = plot_geometries(store)
    digests = plot_digests(shapely.from_wkb([wkb for _id, _jcbh, wkb in plots]))
    for (plot_id, _jcbh, _wkb), digest in zip(plots, digests):
        have = stored.get(plot_id)
        if have is None or have.get(PLOT) != digest:
            stale.append(plot_id)
        elif any(
            (role in have) != (version is not None) or (role in have and have[role] != version)
            for role, version in versions.items()
            if role in OVERLAY_ROLES
        ):
            stale.append(plot_id)
    return stale


CSV_HEADER = ("监测编号", "role", "class_code", "class_name", "planar_m2", "ellipsoidal_m2", "mu")


def write_csv(rows: Iterable, plot_numbers: Mapping[int, str], path: Path | str) -> Path:
    """One line per plot × role × class: 监测编号, role, class code and name, planar and
    ellipsoidal m² (two decimals) and 亩 (two decimals, from the ellipsoidal area; from
    the planar one for rows without it). UTF-8 with a byte-order mark, for Excel."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(CSV_HEADER)
        for row in rows:
            row = OverlayRow(*row)
            area = (
                row.area_ellipsoidal_m2
                if row.area_ellipsoidal_m2 is not None
                else row.area_planar_m2
            )
            writer.writerow(
                (
                    plot_numbers.get(row.plot_id, row.plot_id),
                    row.role,
                    "" if row.class_code is None else row.class_code,
                    "" if row.class_name is None else row.class_name,
                    f"{row.area_planar_m2:.2f}",
                    "" if row.area_ellipsoidal_m2 is None else f"{row.area_ellipsoidal_m2:.2f}",
                    f"{mu(area):.2f}",
                )
            )
    return path
