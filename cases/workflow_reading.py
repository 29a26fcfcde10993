"""Reading a case's state: the steps allowed now, its determinations and its
``CaseState``. See ``workflow.py``.
"""

from __future__ import annotations

import json

from . import determination_codes as codes
from .workflow_guards import _current_category, _load
from .workflow_states import (
    ACTIONS,
    ALLOWED_FROM,
    CLOSE_WITHOUT_CASE,
    FILE_CASE,
    REFER_CASE,
    CaseState,
    Determination,
    Rectification,
)

# -- reading ---------------------------------------------------------------------------


def _allowed(status: str, category: str | None) -> tuple[str, ...]:
    allowed = []
    for action in ACTIONS:
        if status not in ALLOWED_FROM[action]:
            continue
        if action in (FILE_CASE, REFER_CASE) and category != codes.ILLEGAL:
            continue
        if action == CLOSE_WITHOUT_CASE and category not in codes.CLOSED_WITHOUT_CASE:
            continue
        allowed.append(action)
    return tuple(allowed)


def allowed_actions(store, plot_id: int) -> list[str]:
    """The steps the forms may offer for the plot's case now (names as in ``ACTIONS``)."""
    case = _load(store._db, plot_id)
    return list(_allowed(case.status, _current_category(store._db, case.case_id)))


_DETERMINATION_COLUMNS = """id, category, subtype, subtype_detail, new_or_existing,
    approval_number, covered_share, title_number, facility_record_number, filed_area_m2,
    construction_date, evidence, decided_by, decided_on, revision_reason, revises, created_at"""


def _determination(row) -> Determination:
    values = list(row)
    evidence = json.loads(values[11]) if values[11] else {}
    warnings = tuple(
        codes.EvidenceWarning(w["code"], w["template"], w.get("params", {}))
        for w in evidence.get("warnings", ())
    )
    return Determination(*values[:11], evidence, warnings, *values[12:])


def determinations(store, plot_id: int) -> list[Determination]:
    """Every determination of the plot's case, oldest first; the last one is current."""
    case = _load(store._db, plot_id)
    rows = store._db.execute(
        f"SELECT {_DETERMINATION_COLUMNS} FROM determination WHERE case_id = ? ORDER BY id",
        (case.case_id,),
    )
    return [_determination(row) for row in rows]


def case_state(store, plot_id: int) -> CaseState:
    """The case of a plot: status, current determination, handling, latest rectification,
    close-out and the steps allowed now."""
    db = store._db
    case = _load(db, plot_id)
    row = db.execute(
        """SELECT filing_number, filed_on, handling_department, referred_on, reply_due,
               responsible_unit, updated_at FROM case_record WHERE id = ?""",
        (case.case_id,),
    ).fetchone()
    current = db.execute(
        f"SELECT {_DETERMINATION_COLUMNS} FROM determination WHERE case_id = ? "
        "ORDER BY id DESC LIMIT 1",
        (case.case_id,),
    ).fetchone()
    determination = _determination(current) if current else None
    verifications = db.execute(
        "SELECT count(*) FROM verification WHERE case_id = ?", (case.case_id,)
    ).fetchone()[0]
    rect = db.execute(
        """SELECT id, measures, task_listed_on, demolished_area_m2, restored_area_m2,
               legalised_area_m2, reinspection_result, reinspected_on, reinspected_by, note
           FROM rectification WHERE case_id = ? ORDER BY id DESC LIMIT 1""",
        (case.case_id,),
    ).fetchone()
    rectification = None
    if rect is not None:
        measures = tuple(m for m in (rect[1] or "").split("、") if m)
        rectification = Rectification(rect[0], measures, *rect[2:])
    closeout = db.execute(
        "SELECT closed_on, closed_by FROM closeout WHERE case_id = ?", (case.case_id,)
    ).fetchone() or (None, None)
    store.seen_cases[plot_id] = row[6]  # what the form shows: the next step checks it
    return CaseState(
        plot_id=case.plot_id,
        jcbh=case.jcbh,
        case_id=case.case_id,
        status=case.status,
        determination=determination,
        verifications=verifications,
        filing_number=row[0],
        filed_on=row[1],
        handling_department=row[2],
        referred_on=row[3],
        reply_due=row[4],
        responsible_unit=row[5],
        rectification=rectification,
        closed_on=closeout[0],
        closed_by=closeout[1],
        updated_at=row[6],
        allowed_actions=_allowed(case.status, determination.category if determination else None),
    )
