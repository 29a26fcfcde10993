"""The records the store takes and gives: a new plot, a plot's summary for the case panel,
the layer sources and roles, an audit entry, and the missing-table error. See ``store.py``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

import shapely

from . import areas, errors


@dataclass(frozen=True)
class NewPlot:
    """A plot to register; ``geometry`` is a shapely (Multi)Polygon in the database CRS."""

    jcbh: str
    geometry: shapely.Geometry
    xzqdm: str | None = None
    xzqmc: str | None = None
    jcpc: str | None = None
    qsx: str | None = None
    hsx: str | None = None
    jcmj: float | None = None
    tblx: str | None = None
    bglx: str | None = None
    clue_source: str = "部卫片"
    found_date: str | None = None
    reporter: str | None = None
    description: str | None = None
    township: str | None = None
    village: str | None = None
    geometry_repair: str | None = None
    extra_fields: dict = field(default_factory=dict)
    jcmj_unit: str | None = None  # '亩' or 'm²': the unit ``jcmj`` was issued in
    same_shape_as: str | None = None  # 监测编号 of an earlier plot of the same shape


class PlotSummary(NamedTuple):
    """One row of the case panel (a named tuple: 50,000 of them are built per reload)."""

    plot_id: int
    jcbh: str
    batch: str | None
    township: str | None
    village: str | None
    area_m2: float
    status: str
    clue_source: str
    determination: str | None = None
    due_kind: str | None = None
    due_date: str | None = None
    days_left: int | None = None

    @property
    def area_mu(self) -> float:
        return areas.mu_float(self.area_m2)

    @property
    def overdue(self) -> bool:
        return self.days_left is not None and self.days_left < 0


@dataclass(frozen=True)
class LayerSource:
    """What a GIS needs to show a table of the database as a layer."""

    path: str
    table: str
    geometry_column: str | None
    key_column: str
    srid: int
    provider: str = "spatialite"  # or "postgres": ``path`` is then the connection


@dataclass(frozen=True)
class LayerRole:
    """A project layer the station assigned to a role (land use, farmland, township…)."""

    role: str
    source: str
    provider: str
    fields: dict


@dataclass(frozen=True)
class AuditEntry:
    table_name: str
    row_id: int
    action: str
    changes: dict
    user_name: str
    changed_at: str


class MissingTable(errors.CaseDatabaseError):
    template = (
        "{path}: table {table} is missing: another program changed the file. Run "
        "'Verify records' (landcase:verifyrecords) on it to see what else changed."
    )
