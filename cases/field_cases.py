"""The cases a field package takes out, and the record of each package in the database.

``due_plots`` reads, for the plots asked for, those with a visit due (``field_codes.
DUE_BY_STATUS``: 核查 for a plot 待核查, 复核 for one 整改中 or 待复核; 事后巡查 for a
closed-out one with a post-closure visit due, ``revisits.due_revisits``) with what a
verifier needs to see on site; ``record_package`` writes the package and its cases in one
transaction, with each case's status and ``updated_at`` as they were when it went out
(what ``field_merge`` compares with to find a case changed in the office meanwhile).
"""

from __future__ import annotations

import datetime
import json
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import shapely

from . import errors
from .areas import official_mu
from .errors import N_
from .field_codes import DUE_BY_STATUS, DUE_REVISIT
from .revisits import VISITABLE, due_revisits


@dataclass(frozen=True)
class DuePlot:
    plot_id: int
    case_id: int
    jcbh: str
    status: str
    updated_at: str | None
    due: str
    values: dict  # field_codes.PLOT_FIELDS by name
    geometry: shapely.Geometry


@dataclass(frozen=True)
class Package:
    id: int
    code: str
    name: str
    assignee: str | None
    created_at: str
    merged_finds: dict  # new find UUID -> clue id


@dataclass(frozen=True)
class PackageCase:
    plot_id: int
    case_id: int
    jcbh: str
    due: str
    sent_status: str
    sent_updated_at: str | None
    merged_at: str | None
    verification_id: int | None
    package_id: int


class UnknownPackage(errors.CaseDatabaseError):
    template = N_(
        "The field package {code} was not made from this case database (or was deleted "
        "from it): it cannot be merged here."
    )


class NothingDue(errors.CaseDatabaseError):
    template = N_(
        "None of the {count} plots selected is due for a field visit (核查, 复核 or 事后巡查)."
    )


_DUE_STATUSES = tuple(DUE_BY_STATUS)


def due_plots(
    store, plot_ids: Sequence[int] | None = None, today: datetime.date | None = None
) -> list[DuePlot]:
    """The plots of ``plot_ids`` (all when None) with a field visit due, in 监测编号
    order; a post-closure visit counts when due by ``today`` (default: today) and the
    days ``due_revisits`` looks ahead. (Who takes them is the package's ``assignee``: the
    same on both backends, whether or not a server has field roles.)"""
    db = store._db
    revisit_due: dict[int, str | None] = {}
    for visit in due_revisits(store, today or datetime.date.today()):
        revisit_due.setdefault(visit.case_id, visit.due_on)  # the earliest, by due date
    visitable = list(revisit_due)
    marks = ", ".join("?" * len(_DUE_STATUSES))
    status_marks = ", ".join("?" * len(VISITABLE))
    case_marks = ", ".join("?" * len(visitable)) or "NULL"
    where = [
        f"(c.status IN ({marks}) OR (c.status IN ({status_marks}) AND c.id IN ({case_marks})))"
    ]
    params = [*_DUE_STATUSES, *VISITABLE, *visitable]
    rows = db.execute(
        f"""SELECT p.id, c.id, p.jcbh, c.status, c.updated_at, b.name, p.clue_source,
                p.township, p.village, p.xzqmc, p.qsx, p.hsx,
                COALESCE(p.area_ellipsoidal_m2, ST_Area(p.geom)), p.description,
                (SELECT r.measures FROM rectification AS r WHERE r.case_id = c.id
                    ORDER BY r.id DESC LIMIT 1),
                (SELECT r.task_listed_on FROM rectification AS r WHERE r.case_id = c.id
                    ORDER BY r.id DESC LIMIT 1),
                (SELECT v.site_status FROM verification AS v WHERE v.case_id = c.id
                    ORDER BY v.id DESC LIMIT 1),
                (SELECT d.category FROM determination AS d WHERE d.case_id = c.id
                    ORDER BY d.id DESC LIMIT 1),
                AsBinary(p.geom)
            FROM plot AS p JOIN case_record AS c ON c.plot_id = p.id
            LEFT JOIN batch AS b ON b.id = p.batch_id
            WHERE {" AND ".join(where)} ORDER BY p.jcbh""",
        params,
    ).fetchall()
    wanted = None if plot_ids is None else set(plot_ids)
    found = []
    for row in rows:
        if wanted is not None and row[0] not in wanted:
            continue
        due = DUE_BY_STATUS.get(row[3], DUE_REVISIT)
        values = {
            "jcbh": row[2],
            "due": due,
            "status": row[3],
            "batch": row[5],
            "clue_source": row[6],
            "township": row[7],
            "village": row[8],
            "xzqmc": row[9],
            "qsx": row[10],
            "hsx": row[11],
            "area_mu": official_mu(row[12]),
            "description": row[13],
            "measures": row[14],
            "task_listed_on": row[15],
            "revisit_due_on": revisit_due.get(row[1]) if due == DUE_REVISIT else None,
            "last_site_status": row[16],
            "category": row[17],
        }
        geometry = shapely.from_wkb(bytes(row[18]))
        found.append(DuePlot(row[0], row[1], row[2], row[3], row[4], due, values, geometry))
    return found


def record_package(
    store,
    name: str,
    plots: Iterable[DuePlot],
    assignee: str | None = None,
    filter_text: str | None = None,
    code: str | None = None,
) -> Package:
    """Record a package (``code``: a new UUID unless given) and the cases it takes out,
    in one transaction."""
    code = code or new_code()
    with store.transaction() as db:
        package_id = db.execute(
            "INSERT INTO field_package (code, name, assignee, filter, created_by) "
            "VALUES (?, ?, ?, ?, ?) RETURNING id",
            (code, name, assignee or None, filter_text or None, store.actor),
        ).fetchone()[0]
        for plot in plots:
            db.execute(
                "INSERT INTO field_package_case (package_id, case_id, due, sent_status, "
                "sent_updated_at) VALUES (?, ?, ?, ?, ?)",
                (package_id, plot.case_id, plot.due, plot.status, plot.updated_at),
            )
    return package(store, code)


def new_code() -> str:
    return str(uuid.uuid4())


def package(store, code: str) -> Package:
    row = store._db.execute(
        "SELECT id, code, name, assignee, created_at, merged_finds FROM field_package "
        "WHERE code = ?",
        (code,),
    ).fetchone()
    if row is None:
        raise UnknownPackage(code=code)
    package_id, code, name, assignee, created_at, merged = row
    return Package(package_id, code, name, assignee, created_at, json.loads(merged or "{}"))


def package_cases(store, package_id: int) -> dict[str, PackageCase]:
    """The cases of a package by 监测编号."""
    rows = store._db.execute(
        """SELECT p.id, c.id, p.jcbh, f.due, f.sent_status, f.sent_updated_at, f.merged_at,
               f.verification_id, f.package_id
           FROM field_package_case AS f JOIN case_record AS c ON c.id = f.case_id
           JOIN plot AS p ON p.id = c.plot_id
           WHERE f.package_id = ? ORDER BY p.jcbh""",
        (package_id,),
    )
    return {row[2]: PackageCase(*row) for row in rows}


def packages_of_case(store, plot_id: int) -> list[tuple[str, str, str]]:
    """(package name, code, created at) of each package the case went out in."""
    rows = store._db.execute(
        """SELECT k.name, k.code, k.created_at FROM field_package_case AS f
           JOIN field_package AS k ON k.id = f.package_id
           JOIN case_record AS c ON c.id = f.case_id WHERE c.plot_id = ? ORDER BY k.id""",
        (plot_id,),
    )
    return [tuple(row) for row in rows]


def mark_case_merged(
    db, package_id: int, case_id: int, records: list[str], verification_id: int | None
) -> None:
    db.execute(
        "UPDATE field_package_case SET merged_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), "
        "merged_records = ?, verification_id = ? WHERE package_id = ? AND case_id = ?",
        (json.dumps(records), verification_id, package_id, case_id),
    )


def mark_find_merged(db, package_id: int, find_uuid: str, clue_id: int) -> None:
    row = db.execute(
        "SELECT merged_finds FROM field_package WHERE id = ?", (package_id,)
    ).fetchone()
    merged = json.loads(row[0] or "{}")
    merged[find_uuid] = clue_id
    db.execute(
        "UPDATE field_package SET merged_finds = ? WHERE id = ?",
        (json.dumps(merged, sort_keys=True), package_id),
    )


def mark_package_merged(store, package_id: int) -> None:
    with store.transaction() as db:
        db.execute(
            "UPDATE field_package SET merged_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') "
            "WHERE id = ?",
            (package_id,),
        )


def current_case(db, case_id: int) -> tuple[str, str | None]:
    """(status, updated_at) of a case now."""
    return tuple(
        db.execute("SELECT status, updated_at FROM case_record WHERE id = ?", (case_id,)).fetchone()
    )
