"""Patrol zones (片区): an area with a level, the unit that patrols it and its person.

Seed 000 二(一)1: "对区域实施高、中、低划片区巡查，专人负责". A zone is drawn on the map or
imported from a layer; either way it reaches this module as shapely polygons in the
database CRS (the Processing algorithm reprojects). ``import_zones`` stores the good rows
in one transaction and reports each bad one with its row and reason; a code already
registered is updated (a station redraws its zones), not duplicated.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field

import shapely

from . import errors
from .errors import N_
from .patrol_units import LEVELS
from .record_checks import coordinate_problem

# zone field → the names a layer's attribute goes by (case and spaces ignored)
ZONE_FIELDS = {
    "code": ("编号", "片区编号", "CODE", "BH", "PQBH"),
    "name": ("名称", "片区名称", "NAME", "MC", "PQMC"),
    "level": ("等级", "巡查等级", "LEVEL", "DJ"),
    "unit": ("责任单位", "单位", "UNIT", "ZRDW"),
    "person": ("责任人", "负责人", "PERSON", "ZRR"),
}


def guess_zone_fields(names) -> dict[str, str]:
    """zone field → the layer's attribute for it, for those whose name is recognised."""
    present = {str(n).strip().casefold(): n for n in names}
    found = {}
    for key, aliases in ZONE_FIELDS.items():
        for alias in aliases:
            if alias.casefold() in present:
                found[key] = present[alias.casefold()]
                break
    return found


@dataclass(frozen=True)
class NewZone:
    code: str
    name: str
    level: str
    unit: str | None  # the unit's name
    person: str | None = None
    geometry: shapely.Geometry | None = None  # polygons in the database CRS
    xzqdm: str | None = None
    row: int = 0  # the row of the file it came from (0: drawn)


@dataclass(frozen=True)
class Zone:
    id: int
    code: str
    name: str
    level: str
    unit_id: int | None
    unit: str | None
    person: str | None
    geometry: shapely.Geometry | None


@dataclass(frozen=True)
class ZoneProblem:
    source: str
    row: int
    code: str
    reason: str  # N_-marked
    params: dict = field(default_factory=dict)

    def text(self, translate=lambda s: s) -> str:
        reason = translate(self.reason).format(**self.params)
        return translate(N_("{source}, row {row} ({code}): {reason}")).format(
            source=self.source, row=self.row, code=self.code or "—", reason=reason
        )


@dataclass
class ZoneImport:
    source: str
    added: list[int] = field(default_factory=list)
    updated: list[int] = field(default_factory=list)
    problems: list[ZoneProblem] = field(default_factory=list)


class _Bad(Exception):
    def __init__(self, reason: str, **params):
        super().__init__(reason)
        self.reason, self.params = reason, params


def _text(value) -> str | None:
    text = "" if value is None else str(value).strip()
    return text or None


def _level(value) -> str:
    text = _text(value) or ""
    if text[:1] in LEVELS and text[1:] in ("", "等级", "级"):  # 高, 高级, 高等级
        return text[:1]
    raise _Bad(N_("the level must be 高, 中 or 低, not {value}"), value=text or "—")


def _polygons(geometry, srid: int) -> shapely.MultiPolygon:
    if geometry is None or shapely.is_empty(geometry):
        raise _Bad(N_("it has no geometry"))
    geometry = shapely.force_2d(geometry)
    if not shapely.is_valid(geometry):
        geometry = shapely.make_valid(geometry)
    parts = [
        part
        for part in shapely.get_parts(geometry)
        for part in (shapely.get_parts(part) if part.geom_type == "MultiPolygon" else [part])
        if part.geom_type == "Polygon" and not part.is_empty
    ]
    if not parts:
        raise _Bad(N_("its geometry is not an area (polygon)"))
    multi = shapely.MultiPolygon(parts)
    problem = coordinate_problem(multi, srid)
    if problem is not None:
        reason, params = problem
        raise _Bad(reason, **params)
    return multi


def _unit_id(db, name) -> int | None:
    name = _text(name)
    if name is None:
        return None
    row = db.execute("SELECT id FROM patrol_unit WHERE name = ?", (name,)).fetchone()
    if row is None:
        raise _Bad(N_("there is no unit named {unit}; register it first"), unit=name)
    return row[0]


def _store_zone(db, srid: int, zone: NewZone) -> tuple[int, bool]:
    """Insert or update one zone; (its id, whether it was new)."""
    code, name = _text(zone.code), _text(zone.name)
    if code is None:
        raise _Bad(N_("the zone has no code (编号)"))
    level = _level(zone.level)
    wkb = shapely.to_wkb(_polygons(zone.geometry, srid))
    unit_id = _unit_id(db, zone.unit)
    values = (name or code, level, unit_id, _text(zone.person), _text(zone.xzqdm), wkb, srid)
    row = db.execute("SELECT id FROM patrol_zone WHERE code = ?", (code,)).fetchone()
    if row is not None:
        db.execute(
            "UPDATE patrol_zone SET name = ?, level = ?, unit_id = ?, person = ?, xzqdm = ?, "
            "geom = GeomFromWKB(?, ?) WHERE id = ?",
            (*values, row[0]),
        )
        return row[0], False
    new_id = db.execute(
        "INSERT INTO patrol_zone (name, level, unit_id, person, xzqdm, geom, code) "
        "VALUES (?, ?, ?, ?, ?, GeomFromWKB(?, ?), ?) RETURNING id",
        (*values, code),
    ).fetchone()[0]
    return new_id, True


def import_zones(store, zones: list[NewZone], source: str) -> ZoneImport:
    """Store the zones read from ``source`` in one transaction; each bad row is reported
    (file, row, reason) and left out, the others are stored."""
    result = ZoneImport(source)
    seen: set[str] = set()
    with store.transaction() as db:
        for zone in zones:
            code = _text(zone.code) or ""
            try:
                if code in seen:
                    raise _Bad(N_("the code appears twice in the file"))
                zone_id, new = _store_zone(db, store.srid, zone)
            except _Bad as bad:
                result.problems.append(ZoneProblem(source, zone.row, code, bad.reason, bad.params))
                continue
            seen.add(code)
            (result.added if new else result.updated).append(zone_id)
    return result


def save_zone(store, zone: NewZone) -> int:
    """Store one drawn zone (or redraw the zone of its code); InvalidRecord naming it."""
    with store.transaction() as db:
        try:
            return _store_zone(db, store.srid, zone)[0]
        except _Bad as bad:
            raise errors.InvalidRecord(
                record=_text(zone.code) or "—", reason=bad.reason, **bad.params
            ) from None


def list_zones(store) -> list[Zone]:
    rows = store._db.execute(
        """SELECT z.id, z.code, z.name, z.level, z.unit_id, u.name, z.person, AsBinary(z.geom)
           FROM patrol_zone AS z LEFT JOIN patrol_unit AS u ON u.id = z.unit_id
           ORDER BY z.code"""
    )
    return [
        dataclasses.replace(
            Zone(*row), geometry=shapely.from_wkb(bytes(row[7])) if row[7] is not None else None
        )
        for row in rows
    ]


def zone_id_of(db, code) -> int:
    row = db.execute("SELECT id FROM patrol_zone WHERE code = ?", (_text(code) or "",)).fetchone()
    if row is None:
        raise errors.InvalidRecord(
            record=str(code), reason=N_("there is no patrol zone with this code")
        )
    return row[0]
