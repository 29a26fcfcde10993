"""Point clues: a find recorded where it was made, before anyone draws its outline.

A village patroller's phone gives a position and photos; the station records the find as
a ``clue`` (疑似违法, or 动工迹象 — materials bought, machinery on site — as an early
warning before any violation). Stopping and notifying can be recorded against the clue at
once; when the find is outlined as a plot (``outline_clue``, elsewhere) its records follow
the plot's case. A rebound after 销号 is a clue with ``rebound_of`` naming the old case.

Each clue has a code: the one given, or ``XS<YYYYMMDD>-<NNN>`` by the day it was found.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

import shapely

from . import errors
from .crs import CGCS2000_GEOGRAPHIC
from .errors import N_
from .moments import iso_moment
from .record_checks import coordinate_problem

KINDS = ("疑似违法", "动工迹象")
# What a patroller sees before any violation (seed 002 一): named, others may be typed.
SIGNS = ("购置建筑材料", "施工人员进场", "机械进场", "开挖地基")


@dataclass(frozen=True)
class NewClue:
    found_at: str  # when it was found (local time, a date at least)
    kind: str = "疑似违法"
    code: str | None = None
    signs: str | None = None
    found_by: str | None = None
    unit_id: int | None = None
    patrol_id: int | None = None
    township: str | None = None
    village: str | None = None
    xzqdm: str | None = None
    address: str | None = None
    party: str | None = None
    description: str | None = None
    rebound_of: int | None = None  # the case whose rectified site it is found on again
    # the position: x/y in the database CRS, or longitude/latitude (CGCS2000 degrees)
    x: float | None = None
    y: float | None = None
    longitude: float | None = None
    latitude: float | None = None


@dataclass(frozen=True)
class Clue:
    id: int
    code: str
    kind: str
    signs: str | None
    found_at: str
    found_by: str | None
    unit_id: int | None
    patrol_id: int | None
    township: str | None
    village: str | None
    address: str | None
    party: str | None
    description: str | None
    plot_id: int | None
    rebound_of: int | None
    x: float | None
    y: float | None


_COLUMNS = (
    "id, code, kind, signs, found_at, found_by, unit_id, patrol_id, township, village, "
    "address, party, description, plot_id, rebound_of, X(geom), Y(geom)"
)


def _refuse(record: str, reason: str, **params) -> errors.InvalidRecord:
    return errors.InvalidRecord(record=record, reason=reason, **params)


def _point_wkb(db, clue: NewClue, srid: int, record: str) -> bytes | None:
    if clue.x is not None and clue.y is not None:
        point = shapely.Point(float(clue.x), float(clue.y))
        problem = coordinate_problem(point, srid)
        if problem is not None:
            reason, params = problem
            raise _refuse(record, reason, **params)
        return shapely.to_wkb(point)
    if clue.longitude is not None and clue.latitude is not None:
        lon, lat = float(clue.longitude), float(clue.latitude)
        if not (73.0 <= lon <= 136.0 and 3.0 <= lat <= 54.0):
            raise _refuse(
                record,
                N_("the position {longitude}, {latitude} is not in China"),
                longitude=lon,
                latitude=lat,
            )
        wkb = db.execute(
            "SELECT AsBinary(Transform(MakePoint(?, ?, ?), ?))",
            (lon, lat, CGCS2000_GEOGRAPHIC, srid),
        ).fetchone()[0]
        return bytes(wkb) if wkb is not None else None
    return None


def _next_code(db, found_at: str) -> str:
    prefix = "XS" + found_at[:10].replace("-", "") + "-"
    count = db.execute("SELECT count(*) FROM clue WHERE code LIKE ?", (prefix + "%",)).fetchone()[0]
    return f"{prefix}{count + 1:03d}"


def insert_clue(db, clue: NewClue, srid: int) -> int:
    """Store ``clue`` inside the caller's transaction; InvalidRecord naming it otherwise."""
    record = clue.code or str(clue.found_at)
    found_at = iso_moment(clue.found_at)
    if found_at is None:
        raise _refuse(
            record, N_("the time it was found ({value}) is not a date"), value=clue.found_at
        )
    if clue.kind not in KINDS:
        raise _refuse(
            record,
            N_("the kind of clue must be 疑似违法 or 动工迹象, not {value}"),
            value=clue.kind,
        )
    wkb = _point_wkb(db, clue, srid, record)
    given = (clue.code or "").strip()
    code = given or _next_code(db, found_at)
    values = (
        found_at, clue.kind, clue.signs, clue.found_by, clue.unit_id, clue.patrol_id,
        clue.township, clue.village, clue.xzqdm, clue.address, clue.party, clue.description,
        clue.rebound_of, wkb, srid,
    )  # fmt: skip
    # On a server a station sees only its townships' clues: a code it did not see may still
    # be taken; a made-up code then takes the next number, a given one is refused.
    for _attempt in range(100):
        if db.execute("SELECT 1 FROM clue WHERE code = ?", (code,)).fetchone() is None:
            clue_id = _insert(db, code, values)
            if clue_id is not None:
                return clue_id
        if given:
            raise _refuse(code, N_("a clue with this code already exists"))
        code = _following(code)
    raise _refuse(code, N_("a clue with this code already exists"))


def _following(code: str) -> str:
    prefix, number = code.rsplit("-", 1)
    return f"{prefix}-{int(number) + 1:03d}"


def _insert(db, code: str, values: tuple) -> int | None:
    """The new clue's id; None when its code is taken (the statement undone alone)."""
    db.execute("SAVEPOINT landcase_clue")
    try:
        cursor = db.execute(
            """INSERT INTO clue (code, found_at, kind, signs, found_by, unit_id, patrol_id,
                township, village, xzqdm, address, party, description, rebound_of, geom)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, GeomFromWKB(?, ?)) RETURNING id""",
            (code, *values),
        )
        clue_id = cursor.fetchone()[0]
    except sqlite3.IntegrityError as exc:
        db.execute("ROLLBACK TO SAVEPOINT landcase_clue")
        db.execute("RELEASE SAVEPOINT landcase_clue")
        if "clue.code" in str(exc):
            return None
        raise _refuse(code, N_("the unit, patrol or case it names does not exist")) from exc
    db.execute("RELEASE SAVEPOINT landcase_clue")
    return clue_id


def record_clue(store, clue: NewClue) -> int:
    """Store one clue in its own transaction; returns its id."""
    with store.transaction() as db:
        return insert_clue(db, clue, store.srid)


def _clue(row) -> Clue:
    return Clue(*row)


def get_clue(store, clue_id: int) -> Clue:
    row = store._db.execute(f"SELECT {_COLUMNS} FROM clue WHERE id = ?", (clue_id,)).fetchone()
    if row is None:
        raise _refuse(str(clue_id), N_("there is no clue with this id"))
    return _clue(row)


def clue_by_code(store, code: str) -> Clue:
    row = store._db.execute(f"SELECT {_COLUMNS} FROM clue WHERE code = ?", (code,)).fetchone()
    if row is None:
        raise _refuse(code, N_("there is no clue with this code"))
    return _clue(row)


def list_clues(store, open_only: bool = False) -> list[Clue]:
    """Every clue, oldest first; ``open_only``: those not yet outlined as a plot nor closed."""
    where = " WHERE plot_id IS NULL AND closed_on IS NULL" if open_only else ""
    return [
        _clue(row)
        for row in store._db.execute(f"SELECT {_COLUMNS} FROM clue{where} ORDER BY found_at, id")
    ]
