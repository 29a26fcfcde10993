"""The overlay rows of one plot and what they say: areas by land-use class and 三大类,
耕地, farmland and the other masks, approvals and filings, checks, and the area identity
地块面积 = 耕地 + 非耕农用地 + 未利用地 + 建设用地 (see ``overlay_records`` for the rows).
Plain Python (no Qt, no QGIS)."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from typing import NamedTuple

import numpy as np
import shapely

from .areas import mu_to_m2, official_mu
from .landuse_codes import CONSTRUCTION, FARMLAND, LANDUSE_NAMES, UNUSED
from .overlay_roles import MASK_ROLES

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
CHECK_UNKNOWN_CODE = "landuse_unknown_code"  # class_name: the code (or the name, unmapped)
CHECK_ROLE_OVERLAP = "role_overlap"  # class_name holds the role: its features overlap
CHECK_NOT_COMPUTED = "not_computed"  # class_name "<role>:<feature id>": GEOS failed, left out
CHECK_APPROXIMATE = "approximate"  # class_name "<role>:<feature id>": on a 1 mm grid
CHECK_NO_AREA = "plot_no_area"  # the plot has no polygonal part after its repair

FARMLAND_ROLE = "farmland"
SUGGESTION_ROLES = (LANDUSE, FARMLAND_ROLE)  # compared, or no determination is suggested

IDENTITY_TOLERANCE_MU = 0.01
IDENTITY_TOLERANCE_M2 = mu_to_m2(IDENTITY_TOLERANCE_MU)
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
        return official_mu(self.m2)

    @property
    def planar_mu(self) -> float | None:
        return official_mu(self.planar_m2)

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
        return share_of(self.approved, self.plot)

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
        return abs(difference) <= IDENTITY_TOLERANCE_M2

    def check(self, code: str) -> list[Check]:
        return [c for c in self.checks if c.code == code]

    @property
    def complete(self) -> bool:
        """No overlap area left unknown (a GEOS failure is never a silent zero)."""
        return not self.check(CHECK_NOT_COMPUTED) and not self.check(CHECK_NO_AREA)

    # -- the suggestion ---------------------------------------------------------------

    def compared(self, role: str) -> bool:
        """True when the role's layer was compared for this plot (its total row exists):
        a figure of a role not compared is not computed, never 0."""
        return role in self.roles

    @property
    def roles_for_suggestion_missing(self) -> list[str]:
        """The roles a suggestion needs (land use and 永久基本农田) not compared."""
        return [role for role in SUGGESTION_ROLES if role not in self.roles]

    def suggestion(self):
        """The suggested determination (``determination_suggestion.suggest``), or None
        when land use or 永久基本农田 was not compared: nothing is suggested on figures
        that were never computed."""
        from .determination_suggestion import suggest

        return suggest(self)


def share_of(part: Area, whole: Area) -> float:
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
                    row.class_code, row.class_name, area(row), share_of(area(row), plot_area)
                )
            )
        elif row.role == FACILITY:
            filings.append(
                FilingCover(
                    row.class_code,
                    row.class_name,
                    area(row),
                    filed.get(row.class_code),
                    share_of(area(row), plot_area),
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
