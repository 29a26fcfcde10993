"""What a stop action or a notification is recorded against: the case of a plot (by its
监测编号) or a point clue (by its code), and how a list names it back (the 监测编号 or the
clue's code, and its township)."""

from __future__ import annotations

from dataclasses import dataclass

from . import errors
from .errors import N_


@dataclass(frozen=True)
class RecordRef:
    case_id: int | None
    clue_id: int | None
    label: str  # 监测编号, or the clue's code
    township: str | None


def resolve(db, jcbh: str | None, clue_code: str | None, record: str) -> RecordRef:
    """The case of ``jcbh`` or the clue ``clue_code`` (exactly one of them);
    InvalidRecord naming ``record`` otherwise."""
    jcbh = (jcbh or "").strip() or None
    clue_code = (clue_code or "").strip() or None
    if (jcbh is None) == (clue_code is None):
        raise errors.InvalidRecord(
            record=record,
            reason=N_("name either the plot (监测编号) or the clue (线索编号) it is about"),
        )
    if jcbh is not None:
        row = db.execute(
            """SELECT c.id, p.township FROM case_record AS c JOIN plot AS p ON p.id = c.plot_id
               WHERE p.jcbh = ?""",
            (jcbh,),
        ).fetchone()
        if row is None:
            raise errors.InvalidRecord(
                record=record, reason=N_("there is no plot with the 监测编号 {value}"), value=jcbh
            )
        return RecordRef(row[0], None, jcbh, row[1])
    row = db.execute("SELECT id, township FROM clue WHERE code = ?", (clue_code,)).fetchone()
    if row is None:
        raise errors.InvalidRecord(
            record=record, reason=N_("there is no clue with the code {value}"), value=clue_code
        )
    return RecordRef(None, row[0], clue_code or "", row[1])


# The label and township of a row holding case_id and clue_id, for the lists' SELECTs:
# ``{alias}`` is the row's table alias.
LABEL_JOINS = """LEFT JOIN case_record AS rc ON rc.id = {alias}.case_id
LEFT JOIN plot AS rp ON rp.id = rc.plot_id
LEFT JOIN clue AS rk ON rk.id = {alias}.clue_id"""
LABEL_COLUMNS = "COALESCE(rp.jcbh, rk.code), COALESCE(rp.township, rk.township)"


def label_joins(alias: str) -> str:
    return LABEL_JOINS.format(alias=alias)
