"""After a 违法 determination: filing the case or referring it to a department; after any
other determination: closing the plot without a case. See ``workflow.py``.
"""

from __future__ import annotations

import sqlite3

from . import deadlines
from . import determination_codes as codes
from .errors import N_
from .workflow_guards import (
    _Case,
    _check_status,
    _choice,
    _current_category,
    _load_for_change,
    _refuse,
    _required_date,
    _required_text,
    _text,
    _update_case,
)
from .workflow_states import (
    _NEEDS_DETERMINATION,
    CLOSE_WITHOUT_CASE,
    CLOSED_WITHOUT_CASE,
    FILE_CASE,
    FILED,
    REFER_CASE,
    REFERRED,
)


def _require_violation(db: sqlite3.Connection, case: _Case) -> None:
    category = _current_category(db, case.case_id)
    if category is None:
        _refuse(case, _NEEDS_DETERMINATION)
    if category != codes.ILLEGAL:
        _refuse(
            case,
            N_(
                "only a 违法 determination leads to a filed or referred case; "
                "the current determination is {category}"
            ),
            category=category,
        )


def file_case(
    store,
    plot_id: int,
    filing_number: str | None,
    filed_on,
    responsible_unit: str | None = None,
) -> str:
    """File the case (立案查处) after a 违法 determination; 已判定 → 已立案."""
    with store.transaction() as db:
        case = _load_for_change(store, db, plot_id)
        _check_status(case, FILE_CASE)
        _require_violation(db, case)
        filing_number = _required_text(
            case, filing_number, N_("the filing number (立案编号) is missing")
        )
        filed_on = _required_date(case, filed_on, N_("the filing date is missing"))
        other = db.execute(
            """SELECT p.jcbh FROM case_record AS c JOIN plot AS p ON p.id = c.plot_id
               WHERE c.filing_number = ? AND c.id != ?""",
            (filing_number, case.case_id),
        ).fetchone()
        if other is not None:
            _refuse(
                case,
                N_("the filing number {value} is already used by plot {other}"),
                value=filing_number,
                other=other[0],
            )
        columns = {"filing_number": filing_number, "filed_on": filed_on}
        if _text(responsible_unit) is not None:
            columns["responsible_unit"] = _text(responsible_unit)
        return _update_case(db, case, FILED, **columns)


def refer_case(
    store,
    plot_id: int,
    handling_department: str | None,
    referred_on,
    responsible_unit: str | None = None,
) -> str:
    """Hand the case to the department in charge (移交) after a 违法 determination;
    已判定 → 已移交. The reply is due the 5th working day after ``referred_on`` (official
    calendar with the station's overrides), stored in ``case_record.reply_due``."""
    with store.transaction() as db:
        case = _load_for_change(store, db, plot_id)
        _check_status(case, REFER_CASE)
        _require_violation(db, case)
        handling_department = _choice(
            case,
            handling_department,
            codes.HANDLING_DEPARTMENTS,
            N_("the handling department is missing ({allowed})"),
            N_("the handling department {value} is not one of {allowed}"),
        )
        referred_on = _required_date(case, referred_on, N_("the referral date is missing"))
        reply = deadlines.reply_due(store, referred_on)
        columns = {
            "handling_department": handling_department,
            "referred_on": referred_on,
            "reply_due": reply.isoformat(),
        }
        if _text(responsible_unit) is not None:
            columns["responsible_unit"] = _text(responsible_unit)
        return _update_case(db, case, REFERRED, **columns)


def close_without_case(store, plot_id: int) -> str:
    """Close a plot determined 合法, 其他, 伪变化, 设施农用地 or 农村道路 without a case;
    已判定 → 已办结."""
    with store.transaction() as db:
        case = _load_for_change(store, db, plot_id)
        _check_status(case, CLOSE_WITHOUT_CASE)
        category = _current_category(db, case.case_id)
        if category is None:
            _refuse(case, _NEEDS_DETERMINATION)
        if category not in codes.CLOSED_WITHOUT_CASE:
            _refuse(
                case, N_("a 违法 determination cannot be closed without a case: file or refer it")
            )
        return _update_case(db, case, CLOSED_WITHOUT_CASE)
