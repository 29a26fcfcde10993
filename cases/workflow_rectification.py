"""Rectification, re-inspection, close-out (销号) and the post-closure patrol. See
``workflow.py``.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence

from . import determination_codes as codes
from .errors import N_
from .workflow_guards import (
    _area,
    _check_rectified_area,
    _check_status,
    _choice,
    _load_for_change,
    _refuse,
    _required_date,
    _required_text,
    _text,
    _update_case,
)
from .workflow_states import (
    _WRONG_STATUS,
    AWAITING_RECHECK,
    CLOSE_OUT,
    CLOSED_OUT,
    FILED,
    POST_CLOSURE_PATROL,
    RECORD_REINSPECTION,
    RECTIFYING,
    REFERRED,
    START_POST_CLOSURE_PATROL,
    START_RECTIFICATION,
)


def start_rectification(
    store,
    plot_id: int,
    measures: Sequence[str] | str | None,
    task_listed_on,
    note: str | None = None,
) -> int:
    """Start the rectification (整改) once the task list is made; 已立案/已移交 → 整改中.
    ``measures`` are from 拆除复耕, 没收, 补办手续, 罚款 (stored joined by 、). The
    rectification is due 60 days after ``task_listed_on``. Returns the rectification id."""
    with store.transaction() as db:
        case = _load_for_change(store, db, plot_id)
        _check_status(case, START_RECTIFICATION)
        if (case.status == FILED and not case.filing_number) or (
            case.status == REFERRED and not case.handling_department
        ):
            _refuse(case, _WRONG_STATUS[START_RECTIFICATION])
        if isinstance(measures, str):
            measures = [measures]
        chosen = [m for m in (_text(m) for m in (measures or ())) if m is not None]
        allowed = "、".join(codes.MEASURES)
        if not chosen:
            _refuse(
                case,
                N_("the rectification needs at least one measure ({allowed})"),
                allowed=allowed,
            )
        for measure in chosen:
            if measure not in codes.MEASURES:
                _refuse(
                    case,
                    N_("the measure {value} is not one of {allowed}"),
                    value=measure,
                    allowed=allowed,
                )
        task_listed_on = _required_date(
            case, task_listed_on, N_("the date the task list was made is missing")
        )
        row_id = db.execute(
            "INSERT INTO rectification (case_id, measures, task_listed_on, note) "
            "VALUES (?, ?, ?, ?) RETURNING id",
            (case.case_id, "、".join(dict.fromkeys(chosen)), task_listed_on, _text(note)),
        ).fetchone()[0]
        _update_case(db, case, RECTIFYING)
        return row_id


def record_reinspection(
    store,
    plot_id: int,
    result: str | None,
    reinspected_on,
    reinspected_by: str | None,
    demolished_area_m2: float | None = None,
    restored_area_m2: float | None = None,
    legalised_area_m2: float | None = None,
    note: str | None = None,
) -> str:
    """Record the on-site re-inspection (复核) of the rectification.
    整改到位 → 待复核 (waiting for the joint re-check and the close-out); 未整改到位 →
    整改中 (also from 待复核, when a later re-inspection finds it undone).

    Each re-inspection adds a rectification row that carries the task forward (measures,
    task list date, and the areas and note unless new ones are given) with the result:
    rectification rows are never updated, so a row submitted in a locked round stays as
    it was, and the latest row is the rectification's current state."""
    with store.transaction() as db:
        case = _load_for_change(store, db, plot_id)
        _check_status(case, RECORD_REINSPECTION)
        latest = db.execute(
            """SELECT measures, task_listed_on, demolished_area_m2, restored_area_m2,
                   legalised_area_m2, note
               FROM rectification WHERE case_id = ? ORDER BY id DESC LIMIT 1""",
            (case.case_id,),
        ).fetchone()
        if latest is None:
            _refuse(case, _WRONG_STATUS[RECORD_REINSPECTION])
        result = _choice(
            case,
            result,
            codes.REINSPECTION_RESULTS,
            N_("the re-inspection result is missing ({allowed})"),
            N_("the re-inspection result {value} is not one of {allowed}"),
        )
        reinspected_on = _required_date(
            case, reinspected_on, N_("the re-inspection date is missing")
        )
        reinspected_by = _required_text(
            case, reinspected_by, N_("the name of who re-inspected is missing")
        )
        given = [_area(case, a) for a in (demolished_area_m2, restored_area_m2, legalised_area_m2)]
        areas = [new if new is not None else old for new, old in zip(given, latest[2:5])]
        _check_rectified_area(db, case, areas)
        note = _text(note) or latest[5]
        db.execute(
            """INSERT INTO rectification (case_id, measures, task_listed_on,
                   demolished_area_m2, restored_area_m2, legalised_area_m2,
                   reinspection_result, reinspected_on, reinspected_by, note)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
            (
                case.case_id,
                latest[0],
                latest[1],
                *areas,
                result,
                reinspected_on,
                reinspected_by,
                note,
            ),
        )
        status = AWAITING_RECHECK if result == codes.REINSPECTION_DONE else RECTIFYING
        return _update_case(db, case, status)


def close_out(
    store,
    plot_id: int,
    closed_on,
    closed_by: str | None,
    joint_recheck_result: str | None = None,
    note: str | None = None,
) -> int:
    """Close the case out (销号) after a re-inspection found it 整改到位; 待复核 → 已销号.
    Returns the close-out id."""
    with store.transaction() as db:
        case = _load_for_change(store, db, plot_id)
        _check_status(case, CLOSE_OUT)
        latest = db.execute(
            "SELECT reinspection_result FROM rectification WHERE case_id = ? "
            "ORDER BY id DESC LIMIT 1",
            (case.case_id,),
        ).fetchone()
        if latest is None or latest[0] != codes.REINSPECTION_DONE:
            _refuse(case, _WRONG_STATUS[CLOSE_OUT])
        closed_on = _required_date(case, closed_on, N_("the close-out date is missing"))
        closed_by = _required_text(case, closed_by, N_("the name of who closed out is missing"))
        try:
            row_id = db.execute(
                "INSERT INTO closeout (case_id, closed_on, closed_by, joint_recheck_result, "
                "note) VALUES (?, ?, ?, ?, ?) RETURNING id",
                (case.case_id, closed_on, closed_by, _text(joint_recheck_result), _text(note)),
            ).fetchone()[0]
        except sqlite3.IntegrityError:
            _refuse(case, N_("the case already has a close-out record"))
        _update_case(db, case, CLOSED_OUT)
        return row_id


def start_post_closure_patrol(store, plot_id: int) -> str:
    """Make a closed-out plot a post-closure patrol point (事后巡查); 已销号 → 事后巡查."""
    with store.transaction() as db:
        case = _load_for_change(store, db, plot_id)
        _check_status(case, START_POST_CLOSURE_PATROL)
        return _update_case(db, case, POST_CLOSURE_PATROL)
