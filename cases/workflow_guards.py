"""The workflow's guards: loading a plot's case, checking its status and the evidence a step
needs (texts, dates, choices, areas), and writing the new status. See ``workflow.py``.
"""

from __future__ import annotations

import datetime
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass

from . import calendar as workcalendar
from . import catalog, deadlines
from .areas import mu_text, official_mu_decimal
from .errors import N_, InvalidRecord
from .rectification_area import rectified_area_m2
from .workflow_states import (
    _NEEDS_VERIFICATION,
    _WRONG_STATUS,
    ALLOWED_FROM,
    DETERMINE,
    NOW,
    TO_VERIFY,
    CaseChangedMeanwhile,
    WorkflowRefused,
)

# -- internals -------------------------------------------------------------------------


@dataclass(frozen=True)
class _Case:
    plot_id: int
    jcbh: str
    case_id: int
    status: str
    filing_number: str | None
    handling_department: str | None


def _load(db: sqlite3.Connection, plot_id: int, for_change: bool = False) -> _Case:
    sql = """SELECT p.id, p.jcbh, c.id, c.status, c.filing_number, c.handling_department
           FROM plot AS p JOIN case_record AS c ON c.plot_id = p.id WHERE p.id = ?"""
    if for_change and catalog.is_postgres(db):
        # a server has concurrent writers: the case row stays ours until the commit
        # (SQLite's BEGIN IMMEDIATE has taken the whole file already)
        sql += " FOR UPDATE OF c"
    row = db.execute(sql, (plot_id,)).fetchone()
    if row is None:
        raise InvalidRecord(record=plot_id, reason=N_("there is no plot with this id"))
    return _Case(*row)


def _load_for_change(store, db: sqlite3.Connection, plot_id: int) -> _Case:
    """The case a step changes, locked for this transaction; refused when someone else
    changed it since this store last showed it (``workflow.case_state``): the other
    change stands, the caller's is not written, and the message names who and when."""
    case = _load(db, plot_id, for_change=True)
    seen = store.seen_cases.pop(plot_id, _NOT_SEEN)
    if seen is _NOT_SEEN:
        return case
    now = db.execute("SELECT updated_at FROM case_record WHERE id = ?", (case.case_id,))
    current = now.fetchone()[0]
    if current != seen:
        user, at = _last_change(db, case.case_id)
        raise CaseChangedMeanwhile(jcbh=case.jcbh, user=user, at=at)
    return case


_NOT_SEEN = object()


def _last_change(db: sqlite3.Connection, case_id: int) -> tuple[str, str]:
    row = db.execute(
        "SELECT user_name, changed_at FROM audit_log WHERE table_name = 'case_record' "
        "AND row_id = ? ORDER BY id DESC LIMIT 1",
        (case_id,),
    ).fetchone()
    if row is None:
        return "?", "?"
    return row[0], local_time_text(row[1])


def local_time_text(utc_iso: str | None) -> str:
    """'2026-03-05T06:07:08.123Z' as this computer's local time, to the minute."""
    try:
        moment = datetime.datetime.fromisoformat(str(utc_iso).replace("Z", "+00:00"))
    except ValueError:
        return str(utc_iso)
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


def _refuse(case: _Case, reason: str, **params):
    params.setdefault("status", case.status)
    raise WorkflowRefused(jcbh=case.jcbh, plot_id=case.plot_id, reason=reason, **params)


def _check_status(case: _Case, action: str) -> None:
    if case.status not in ALLOWED_FROM[action]:
        if action == DETERMINE and case.status == TO_VERIFY:
            _refuse(case, _NEEDS_VERIFICATION)
        _refuse(case, _WRONG_STATUS[action])


def _text(value) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def _required_text(case: _Case, value, missing: str) -> str:
    text = _text(value)
    if text is None:
        _refuse(case, missing)
    return text


def _required_date(case: _Case, value, missing: str) -> str:
    if value is None or (isinstance(value, str) and not value.strip()):
        _refuse(case, missing)
    try:
        return workcalendar.as_date(value).isoformat()
    except ValueError:
        _refuse(case, N_("{value} is not a date (YYYY-MM-DD)"), value=value)


def _choice(case: _Case, value, allowed: Sequence[str], missing: str, invalid: str) -> str:
    text = _text(value)
    if text is None:
        _refuse(case, missing, allowed="、".join(allowed))
    if text not in allowed:
        _refuse(case, invalid, value=text, allowed="、".join(allowed))
    return text


def _area(case: _Case, value) -> float | None:
    if value is None:
        return None
    try:
        area = float(value)
    except (TypeError, ValueError):
        area = -1.0
    if not area >= 0:  # also refuses NaN
        _refuse(case, N_("an area must be a number of m², 0 or more (got {value})"), value=value)
    return area


def _check_rectified_area(db: sqlite3.Connection, case: _Case, areas: list) -> None:
    """Refuse areas of a rectification larger than the plot: each measure, and the 整改面积
    (``rectification_area.rectified_area_m2``), compared in 亩 as printed (two decimals,
    half up), so that what is refused is what would print larger. A plot whose official
    area is unknown (outside the zone) is not checked."""
    row = db.execute("SELECT area_ellipsoidal_m2 FROM plot WHERE id = ?", (case.plot_id,))
    plot_m2 = row.fetchone()[0]
    if plot_m2 is None:
        return
    plot_mu = official_mu_decimal(plot_m2)
    rectified = rectified_area_m2(*areas)
    for value in (*areas, rectified):
        if value is not None and official_mu_decimal(value) > plot_mu:
            _refuse(
                case,
                N_(
                    "the rectified area {area} 亩 (拆除 {demolished}, 复耕 {restored}, 补办手续 "
                    "{legalised} 亩; 整改面积 = max(拆除, 复耕) + 补办手续) is larger than the "
                    "plot's area {plot} 亩"
                ),
                area=mu_text(rectified, "0.00"),
                demolished=mu_text(areas[0], "—"),
                restored=mu_text(areas[1], "—"),
                legalised=mu_text(areas[2], "—"),
                plot=mu_text(plot_m2),
            )


def _update_case(db: sqlite3.Connection, case: _Case, status: str, **columns) -> str:
    assignments = "".join(f", {name} = ?" for name in columns)
    db.execute(
        f"UPDATE case_record SET status = ?, updated_at = {NOW}{assignments} WHERE id = ?",
        (status, *columns.values(), case.case_id),
    )
    return status


def _current_category(db: sqlite3.Connection, case_id: int) -> str | None:
    row = db.execute(
        "SELECT category FROM determination WHERE case_id = ? ORDER BY id DESC LIMIT 1",
        (case_id,),
    ).fetchone()
    return row[0] if row else None


def _plot_reference_date(db: sqlite3.Connection, plot_id: int) -> datetime.date:
    row = db.execute(
        """SELECT b.received_date, p.found_date, substr(p.created_at, 1, 10)
           FROM plot AS p LEFT JOIN batch AS b ON b.id = p.batch_id WHERE p.id = ?""",
        (plot_id,),
    ).fetchone()
    return deadlines.plot_reference_date(*row)


def monitoring_year(store, plot_id: int) -> int:
    """The year a plot is monitored in, for 新增/存量: the year its batch was received
    (patrol plots: the year they were found; else the year they were registered)."""
    return _plot_reference_date(store._db, plot_id).year
