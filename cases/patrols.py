"""A patrol (巡查) as recorded: its day, unit, zone, patrollers, route, findings and files.

Seed 000 二(二): "巡查中做好详细现场记录（包括图片、摄像、文字说明等）". A patrol either found
nothing (无发现: ``no_finding`` is set when it names no finding) or links what it found:
plots already registered (by 监测编号), clues already recorded (by code), or new point
clues recorded with it (``clues.insert_clue``, the patrol's unit and day filled in). Its
route comes from a GPX or GeoJSON file (``patrol_routes``) or a line drawn in the database
CRS; its photos, video and documents are record files (``record_files``).

``record_patrol`` is one user action: every file is read and checked first, then the
patrol, its findings, new clues, route and file rows are written in one transaction; a
refusal names the record and the reason and leaves nothing behind.
"""

from __future__ import annotations

import dataclasses
import datetime
from dataclasses import dataclass
from pathlib import Path

import shapely

from . import errors
from .clues import NewClue, insert_clue
from .errors import N_
from .moments import iso_moment, parse_moment
from .patrol_routes import Route, read_route, route_wkb
from .patrol_units import unit_id_of
from .patrol_zones import zone_id_of
from .record_files import insert_record_files, read_record_files, remove_copies, store_file_copies


@dataclass(frozen=True)
class NewPatrol:
    patrol_date: object  # the day (YYYY-MM-DD, a date, or as stations write it)
    unit: str | int  # the reporting unit's name (or id)
    patrollers: str  # 巡查人员, as written: "张三、李四"
    zone: str | None = None  # the zone's code (编号)
    started_at: object = None  # a moment, or HH:MM on the patrol's day
    ended_at: object = None
    plots: tuple[str, ...] = ()  # 监测编号 of plots found (already registered)
    clues: tuple[str, ...] = ()  # codes of clues found (already recorded)
    new_clues: tuple[NewClue, ...] = ()  # finds recorded with the patrol
    route: object = None  # a GPX/GeoJSON path, a Route, or a line in the database CRS
    files: tuple[tuple, ...] = ()  # (path, kind[, title]) record files
    note: str | None = None


@dataclass(frozen=True)
class Patrol:
    id: int
    unit_id: int
    unit: str
    zone_id: int | None
    zone: str | None  # the zone's code
    patrol_date: str
    started_at: str | None
    ended_at: str | None
    patrollers: str
    no_finding: bool
    route_source: str | None
    note: str | None
    plots: tuple[str, ...]
    clues: tuple[str, ...]
    route: shapely.Geometry | None


def _refuse(record: str, reason: str, **params) -> errors.InvalidRecord:
    return errors.InvalidRecord(record=record, reason=reason, **params)


def _text(value) -> str | None:
    text = "" if value is None else str(value).strip()
    return text or None


def _day(value, record: str) -> str:
    moment = parse_moment(value)
    if moment is None:
        raise _refuse(record, N_("the patrol day ({value}) is not a date"), value=value)
    if isinstance(moment, datetime.datetime):
        moment = moment.date()
    return moment.isoformat()


def _moment(value, day: str, record: str) -> str | None:
    """A start or end time: a moment on the patrol's day, or a time alone (HH:MM)."""
    text = _text(value)
    if text is None:
        return None
    if len(text) <= 5 and ":" in text:
        text = f"{day} {text}"
    moment = iso_moment(value if not isinstance(value, str) else text)
    if moment is None:
        raise _refuse(record, N_("the time {value} is not a time"), value=text)
    if moment[:10] != day:
        raise _refuse(
            record, N_("the time {value} is not on the patrol's day {day}"), value=moment, day=day
        )
    return moment


@dataclass(frozen=True)
class _Checked:
    day: str
    patrollers: str
    started_at: str | None
    ended_at: str | None
    route: Route | shapely.Geometry | None
    route_source: str | None


def _check(patrol: NewPatrol, srid: int) -> _Checked:
    record = f"{patrol.unit} {patrol.patrol_date}"
    day = _day(patrol.patrol_date, record)
    record = f"{patrol.unit} {day}"
    patrollers = _text(patrol.patrollers)
    if patrollers is None:
        raise _refuse(record, N_("the patrollers (巡查人员) are missing"))
    route, source = patrol.route, None
    if isinstance(route, (str, Path)):
        route = read_route(route, srid)
    if isinstance(route, Route):
        source = route.source
    started = _moment(patrol.started_at, day, record)
    ended = _moment(patrol.ended_at, day, record)
    if isinstance(route, Route) and started is None and ended is None:
        # the track's own times, when they fall on the patrol's day
        if (route.started_at or "")[:10] == day and (route.ended_at or "")[:10] == day:
            started, ended = route.started_at, route.ended_at
    if started and ended and ended < started:
        raise _refuse(record, N_("the patrol ends ({ended}) before it starts ({started})"),
                      ended=ended, started=started)  # fmt: skip
    return _Checked(day, patrollers, started, ended, route, source)


def _plot_id(db, jcbh: str) -> int:
    row = db.execute("SELECT id FROM plot WHERE jcbh = ?", ((jcbh or "").strip(),)).fetchone()
    if row is None:
        raise _refuse(str(jcbh), N_("there is no plot with this 监测编号"))
    return row[0]


def _clue_id(db, code: str) -> int:
    row = db.execute("SELECT id FROM clue WHERE code = ?", ((code or "").strip(),)).fetchone()
    if row is None:
        raise _refuse(str(code), N_("there is no clue with this code"))
    return row[0]


def insert_patrol(db, patrol: NewPatrol, checked: _Checked, srid: int) -> int:
    """The patrol's rows inside the caller's transaction (its files are added by the caller)."""
    unit_id = unit_id_of(db, patrol.unit)
    zone_id = zone_id_of(db, patrol.zone) if _text(patrol.zone) else None
    plot_ids = [_plot_id(db, jcbh) for jcbh in patrol.plots]
    clue_ids = [_clue_id(db, code) for code in patrol.clues]
    found_nothing = not (plot_ids or clue_ids or patrol.new_clues)
    wkb = route_wkb(db, checked.route, srid) if checked.route is not None else None
    patrol_id = db.execute(
        """INSERT INTO patrol (unit_id, zone_id, patrol_date, started_at, ended_at, patrollers,
               no_finding, route_source, note, geom)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, GeomFromWKB(?, ?)) RETURNING id""",
        (
            unit_id, zone_id, checked.day, checked.started_at, checked.ended_at,
            checked.patrollers, int(found_nothing), checked.route_source, _text(patrol.note),
            wkb, srid,
        ),
    ).fetchone()[0]  # fmt: skip
    for clue in patrol.new_clues:
        clue = dataclasses.replace(
            clue,
            found_at=clue.found_at or checked.day,
            found_by=clue.found_by or checked.patrollers,
            unit_id=unit_id,
            patrol_id=patrol_id,
        )
        clue_ids.append(insert_clue(db, clue, srid))
    for plot_id in dict.fromkeys(plot_ids):
        db.execute(
            "INSERT INTO patrol_finding (patrol_id, plot_id) VALUES (?, ?)", (patrol_id, plot_id)
        )
    for clue_id in dict.fromkeys(clue_ids):
        db.execute(
            "INSERT INTO patrol_finding (patrol_id, clue_id) VALUES (?, ?)", (patrol_id, clue_id)
        )
    return patrol_id


def record_patrol(store, patrol: NewPatrol) -> int:
    """Record one patrol with its findings, new clues, route and files; returns its id."""
    checked = _check(patrol, store.srid)
    files = read_record_files(patrol.files)  # every file checked before anything is written
    created = store_file_copies(store, files)
    try:
        with store.transaction() as db:
            patrol_id = insert_patrol(db, patrol, checked, store.srid)
            insert_record_files(db, "patrol", patrol_id, files)
            return patrol_id
    except BaseException:
        remove_copies(store, created)
        raise


def already_recorded(store, patrol: NewPatrol) -> int | None:
    """The id of a patrol with the same unit, day, zone, start and patrollers, if any (a
    batch given twice adds nothing the second time)."""
    checked = _check(patrol, store.srid)  # the route read too: its times may be the start
    row = store._db.execute(
        """SELECT p.id FROM patrol AS p
           JOIN patrol_unit AS u ON u.id = p.unit_id
           LEFT JOIN patrol_zone AS z ON z.id = p.zone_id
           WHERE (u.name = ? OR u.id = ?) AND p.patrol_date = ? AND z.code IS ?
               AND p.started_at IS ? AND p.patrollers = ?""",
        (
            str(patrol.unit), patrol.unit if isinstance(patrol.unit, int) else -1, checked.day,
            _text(patrol.zone), checked.started_at, checked.patrollers,
        ),
    ).fetchone()  # fmt: skip
    return row[0] if row else None


_SELECT = """SELECT p.id, p.unit_id, u.name, p.zone_id, z.code, p.patrol_date, p.started_at,
        p.ended_at, p.patrollers, p.no_finding, p.route_source, p.note, AsBinary(p.geom)
    FROM patrol AS p JOIN patrol_unit AS u ON u.id = p.unit_id
    LEFT JOIN patrol_zone AS z ON z.id = p.zone_id"""


def _patrols(db, where: str, params: tuple) -> list[Patrol]:
    rows = db.execute(f"{_SELECT} WHERE {where} ORDER BY p.patrol_date, p.started_at, p.id", params)
    found = []
    for row in rows.fetchall():
        plots = tuple(
            r[0]
            for r in db.execute(
                "SELECT pl.jcbh FROM patrol_finding AS f JOIN plot AS pl ON pl.id = f.plot_id "
                "WHERE f.patrol_id = ? ORDER BY f.id",
                (row[0],),
            )
        )
        clues = tuple(
            r[0]
            for r in db.execute(
                "SELECT c.code FROM patrol_finding AS f JOIN clue AS c ON c.id = f.clue_id "
                "WHERE f.patrol_id = ? ORDER BY f.id",
                (row[0],),
            )
        )
        route = shapely.from_wkb(bytes(row[12])) if row[12] is not None else None
        found.append(
            dataclasses.replace(
                Patrol(*(list(row[:12]) + [plots, clues, route])), no_finding=bool(row[9])
            )
        )  # fmt: skip
    return found


def get_patrol(store, patrol_id: int) -> Patrol:
    found = _patrols(store._db, "p.id = ?", (patrol_id,))
    if not found:
        raise _refuse(str(patrol_id), N_("there is no patrol with this id"))
    return found[0]


def list_patrols(store, start, end, unit_id: int | None = None) -> list[Patrol]:
    """The patrols from ``start`` to ``end`` (dates, both included), of one unit or all."""
    where = "p.patrol_date BETWEEN ? AND ?"
    params: tuple = (str(start)[:10], str(end)[:10])
    if unit_id is not None:
        where += " AND p.unit_id = ?"
        params += (unit_id,)
    return _patrols(store._db, where, params)
