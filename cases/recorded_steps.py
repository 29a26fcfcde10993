"""What was recorded at the steps of a case that ``workflow.case_state`` does not carry in
full: the latest field verification and the close-out record (joint re-check, note).
The case dialog shows them read-only once a step is done (no Qt, no QGIS)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class RecordedSteps:
    verification: dict | None  # the latest field verification's columns (all of them)
    closeout: dict | None  # closed_on, closed_by, joint_recheck_result, note


def row_dict(cursor) -> dict | None:
    row = cursor.fetchone()
    if row is None:
        return None
    return {description[0]: value for description, value in zip(cursor.description, row)}


def recorded_steps(store, plot_id: int) -> RecordedSteps:
    db = store._db
    verification = row_dict(
        db.execute(
            """SELECT v.* FROM verification AS v JOIN case_record AS c ON c.id = v.case_id
               WHERE c.plot_id = ? ORDER BY v.id DESC LIMIT 1""",
            (plot_id,),
        )
    )
    closeout = row_dict(
        db.execute(
            """SELECT o.closed_on, o.closed_by, o.joint_recheck_result, o.note
               FROM closeout AS o JOIN case_record AS c ON c.id = o.case_id
               WHERE c.plot_id = ?""",
            (plot_id,),
        )
    )
    return RecordedSteps(verification, closeout)
