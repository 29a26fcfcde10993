"""Reporting units (村居, 镇属公司 …) and the patrol levels of their zones.

Seed 000 makes each village (村居) and township company (镇属公司) patrol its own area and
report daily and monthly; seed 002 二(一) holds a unit's 分管负责人 (``deputy``) directly
and its 主要负责人 (``head``) as leader accountable. A level (高/中/低) says how many days
may pass between two visits of a zone: the station's own choice, editable here.
"""

from __future__ import annotations

import dataclasses
import sqlite3
from dataclasses import dataclass

from . import errors
from .errors import N_

UNIT_KINDS = ("村居", "镇属公司", "网格")
LEVELS = ("高", "中", "低")


@dataclass(frozen=True)
class NewUnit:
    name: str
    kind: str = "村居"
    township: str | None = None
    xzqdm: str | None = None
    head: str | None = None  # 主要负责人
    deputy: str | None = None  # 分管负责人


@dataclass(frozen=True)
class Unit:
    id: int
    name: str
    kind: str
    township: str | None
    xzqdm: str | None
    head: str | None
    deputy: str | None
    active: bool


_COLUMNS = "id, name, kind, township, xzqdm, head, deputy, active"


def _unit(row) -> Unit:
    return dataclasses.replace(Unit(*row), active=bool(row[7]))  # stored as 0/1


def _refuse(record: str, reason: str, **params) -> errors.InvalidRecord:
    return errors.InvalidRecord(record=record, reason=reason, **params)


def _text(value) -> str | None:
    text = "" if value is None else str(value).strip()
    return text or None


def _checked(unit: NewUnit) -> NewUnit:
    name = _text(unit.name)
    if name is None:
        raise _refuse("—", N_("the unit has no name"))
    if unit.kind not in UNIT_KINDS:
        raise _refuse(
            name, N_("the kind of unit must be one of {allowed}, not {value}"),
            allowed="、".join(UNIT_KINDS), value=unit.kind,
        )  # fmt: skip
    return NewUnit(name, unit.kind, _text(unit.township), _text(unit.xzqdm), _text(unit.head),
                   _text(unit.deputy))  # fmt: skip


def add_unit(store, unit: NewUnit) -> int:
    """Register a reporting unit; InvalidRecord naming it when the name is taken."""
    unit = _checked(unit)
    with store.transaction() as db:
        if db.execute("SELECT 1 FROM patrol_unit WHERE name = ?", (unit.name,)).fetchone():
            raise _refuse(unit.name, N_("a unit with this name already exists"))
        return db.execute(
            "INSERT INTO patrol_unit (name, kind, township, xzqdm, head, deputy) "
            "VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
            (unit.name, unit.kind, unit.township, unit.xzqdm, unit.head, unit.deputy),
        ).fetchone()[0]


def update_unit(store, unit_id: int, unit: NewUnit, active: bool = True) -> None:
    """Change a unit's name, kind, township, head or deputy (a new 分管负责人 …)."""
    unit = _checked(unit)
    with store.transaction() as db:
        try:
            changed = db.execute(
                "UPDATE patrol_unit SET name = ?, kind = ?, township = ?, xzqdm = ?, head = ?, "
                "deputy = ?, active = ? WHERE id = ?",
                (unit.name, unit.kind, unit.township, unit.xzqdm, unit.head, unit.deputy,
                 int(bool(active)), unit_id),
            ).rowcount  # fmt: skip
        except sqlite3.IntegrityError as exc:
            raise _refuse(unit.name, N_("a unit with this name already exists")) from exc
        if changed == 0:
            raise _refuse(str(unit_id), N_("there is no unit with this id"))


def list_units(store, active_only: bool = True) -> list[Unit]:
    """The units in the order they were registered (the station's own order; the same on
    both backends, whose collations sort Chinese differently)."""
    where = " WHERE active = 1" if active_only else ""
    rows = store._db.execute(f"SELECT {_COLUMNS} FROM patrol_unit{where} ORDER BY id")
    return [_unit(row) for row in rows]


def get_unit(db, unit_id: int) -> Unit:
    row = db.execute(f"SELECT {_COLUMNS} FROM patrol_unit WHERE id = ?", (unit_id,)).fetchone()
    if row is None:
        raise _refuse(str(unit_id), N_("there is no unit with this id"))
    return _unit(row)


def unit_id_of(db, name_or_id) -> int:
    """The id of the unit named ``name_or_id`` (or with this id); InvalidRecord otherwise."""
    if isinstance(name_or_id, int):
        return get_unit(db, name_or_id).id
    name = _text(name_or_id) or "—"
    row = db.execute("SELECT id FROM patrol_unit WHERE name = ?", (name,)).fetchone()
    if row is None:
        raise _refuse(name, N_("there is no unit with this name"))
    return row[0]


def level_days(store_or_db) -> dict[str, int]:
    """Days allowed between two visits, by level: {'高': 1, '中': 3, '低': 7} by default."""
    db = getattr(store_or_db, "_db", store_or_db)
    return dict(db.execute("SELECT level, visit_every_days FROM patrol_level").fetchall())


def set_level_days(store, level: str, days: int) -> None:
    """Change how often a level's zones must be visited (every ``days`` days)."""
    if level not in LEVELS:
        raise _refuse(
            str(level), N_("the level must be one of {allowed}"), allowed="、".join(LEVELS)
        )
    if not isinstance(days, int) or isinstance(days, bool) or days < 1:
        raise _refuse(level, N_("the days between visits must be a whole number above 0"))
    with store.transaction() as db:
        db.execute("UPDATE patrol_level SET visit_every_days = ? WHERE level = ?", (days, level))
