"""The city's 一下 feedback (seed 001, 永川府办发〔2022〕53号: "市级审核后反馈问题图斑（"一下"），
区规划自然资源局补充完善，修正数据后再次系统上报（"二上"）").

The questioned plots of a month come as a spreadsheet (监测编号 and the city's 意见):
``import_feedback`` stores one ``feedback`` row per plot and period (rows refused are
named by file, row and reason; a plot already questioned in the period is not added
again). Each correction is recorded (``record_correction``) and tracked until the
month's 二上 round (``rounds.py``):

- 待更正: not corrected yet;
- 已更正: corrected, and the month's 二上 not taken yet (or taken before the correction);
- 已二上: corrected on or before the day the month's 二上 was taken (Beijing time), and
  in that round.

``uncorrected`` lists those the 二上 leaves (or would leave) uncorrected.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from pathlib import Path

from . import errors
from .errors import N_
from .record_checks import parse_date
from .rounds import _is_period
from .sheet_rows import RowProblem, read_sheet, text

COLUMNS = {
    "jcbh": ("监测编号", "JCBH", "图斑编号", "TBBH"),
    "comment": ("意见", "审核意见", "反馈意见", "问题描述", "存在问题"),
}
REQUIRED = ("jcbh", "comment")
OPEN, CORRECTED, RESUBMITTED = "待更正", "已更正", "已二上"
SECOND_SUBMISSION = "二上"
# Round times are stored in UTC; stations date their work in Beijing time.
BEIJING = datetime.timezone(datetime.timedelta(hours=8))


@dataclass(frozen=True)
class FeedbackItem:
    id: int
    period: str
    plot_id: int
    jcbh: str
    township: str | None
    comment: str
    received_on: str
    corrected_on: str | None
    correction: str | None
    state: str


@dataclass(frozen=True)
class FeedbackImport:
    file: str
    period: str
    rows: int
    imported: tuple[int, ...]
    already: int
    problems: tuple[RowProblem, ...]


def _check_period(period) -> str:
    if not _is_period(period):
        raise errors.InvalidRecord(
            record=str(period), reason=N_("the period must be a month written as YYYY-MM")
        )
    return period


def _required_day(record: str, value, missing: str) -> str:
    if value is None or not str(value).strip():
        raise errors.InvalidRecord(record=record, reason=missing)
    day = parse_date(value)
    if day is None:
        raise errors.InvalidRecord(
            record=record, reason=N_("{value} is not a date (YYYY-MM-DD)"), value=value
        )
    return day.isoformat()


def import_feedback(store, path, period: str, received_on) -> FeedbackImport:
    """Store the plots the city questioned in its 一下 of ``period`` (YYYY-MM), received
    on ``received_on``, from a spreadsheet (.xlsx or .csv), in one transaction."""
    _check_period(period)
    received = _required_day(period, received_on, N_("the date the 一下 was received is missing"))
    rows = read_sheet(path, COLUMNS, REQUIRED)
    file = Path(path).name
    imported, problems = [], []
    already = 0
    seen: dict[str, int] = {}
    with store.transaction() as db:
        for row in rows:
            jcbh, comment = text(row.values.get("jcbh")), text(row.values.get("comment"))
            if jcbh is None:
                problems.append(RowProblem(file, row.row, N_("the 监测编号 is missing")))
                continue
            problem: tuple[str, dict] | None = None
            if comment is None:
                problem = (N_("the comment (意见) on {jcbh} is missing"), {"jcbh": jcbh})
            elif jcbh in seen:
                problem = (N_("repeats row {first}"), {"first": seen[jcbh]})
            if problem is not None:
                problems.append(RowProblem(file, row.row, *problem))
                continue
            seen[jcbh] = row.row
            plot = db.execute("SELECT id FROM plot WHERE jcbh = ?", (jcbh,)).fetchone()
            if plot is None:
                problems.append(
                    RowProblem(
                        file,
                        row.row,
                        N_("there is no plot with the 监测编号 {jcbh}"),
                        {"jcbh": jcbh},
                    )
                )
                continue
            exists = db.execute(
                "SELECT 1 FROM feedback WHERE period = ? AND plot_id = ?", (period, plot[0])
            ).fetchone()
            if exists:
                already += 1
                continue
            imported.append(
                db.execute(
                    "INSERT INTO feedback (period, plot_id, comment, received_on) "
                    "VALUES (?, ?, ?, ?) RETURNING id",
                    (period, plot[0], comment, received),
                ).fetchone()[0]
            )
    return FeedbackImport(file, period, len(rows), tuple(imported), already, tuple(problems))


def record_correction(store, period: str, jcbh: str, correction: str, corrected_on) -> None:
    """Record how the county corrected a questioned plot, and when."""
    _check_period(period)
    record = f"{jcbh} ({period})"
    corrected = _required_day(record, corrected_on, N_("the date of the correction is missing"))
    if not text(correction):
        raise errors.InvalidRecord(record=record, reason=N_("say what was corrected"))
    with store.transaction() as db:
        row = db.execute(
            "SELECT f.id, f.received_on FROM feedback AS f JOIN plot AS p ON p.id = f.plot_id "
            "WHERE f.period = ? AND p.jcbh = ?",
            (period, jcbh),
        ).fetchone()
        if row is None:
            raise errors.InvalidRecord(
                record=record, reason=N_("the city's 一下 of this month did not question it")
            )
        if corrected < row[1]:
            raise errors.InvalidRecord(
                record=record,
                reason=N_("it cannot be corrected ({date}) before the 一下 came ({received})"),
                date=corrected,
                received=row[1],
            )
        db.execute(
            "UPDATE feedback SET corrected_on = ?, correction = ? WHERE id = ?",
            (corrected, text(correction), row[0]),
        )


def second_submission_day(store, period: str) -> tuple[int, datetime.date] | None:
    """(round id, the day in Beijing time) of the month's 二上, None before it is taken."""
    row = store._db.execute(
        "SELECT id, created_at FROM submission_round WHERE period = ? AND stage = ?",
        (period, SECOND_SUBMISSION),
    ).fetchone()
    if row is None:
        return None
    taken = datetime.datetime.fromisoformat(str(row[1]).replace("Z", "+00:00"))
    if taken.tzinfo is None:
        taken = taken.replace(tzinfo=datetime.timezone.utc)
    return row[0], taken.astimezone(BEIJING).date()


def feedback_list(store, period: str) -> list[FeedbackItem]:
    """The plots questioned in ``period``, by 监测编号, each with its state."""
    _check_period(period)
    second = second_submission_day(store, period)
    in_round: set[int] = set()
    if second is not None:
        in_round = {
            row[0]
            for row in store._db.execute(
                "SELECT c.plot_id FROM round_item AS r JOIN case_record AS c ON c.id = r.case_id "
                "WHERE r.round_id = ?",
                (second[0],),
            )
        }
    rows = store._db.execute(
        """SELECT f.id, f.period, f.plot_id, p.jcbh, p.township, f.comment, f.received_on,
               f.corrected_on, f.correction
           FROM feedback AS f JOIN plot AS p ON p.id = f.plot_id
           WHERE f.period = ? ORDER BY p.jcbh""",
        (period,),
    )
    items = []
    for row in rows:
        corrected_on = row[7]
        if corrected_on is None:
            state = OPEN
        elif (
            second is not None
            and row[2] in in_round
            and datetime.date.fromisoformat(corrected_on) <= second[1]
        ):
            state = RESUBMITTED
        else:
            state = CORRECTED
        items.append(
            FeedbackItem(row[0], row[1], row[2], row[3], row[4], row[5], row[6], row[7],
                         row[8], state)
        )  # fmt: skip
    return items


def uncorrected(store, period: str) -> list[FeedbackItem]:
    """The questioned plots the month's 二上 leaves uncorrected: once it is taken, those
    not corrected by then; before, those not corrected yet."""
    taken = second_submission_day(store, period) is not None
    return [
        item
        for item in feedback_list(store, period)
        if (item.state != RESUBMITTED if taken else item.state == OPEN)
    ]
