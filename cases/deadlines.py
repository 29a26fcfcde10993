"""Deadline rules (DOMAIN.md, "Deadlines the product must track").

Calendar-day rules count every day and do not move a deadline that falls on a weekend
or holiday (the seeds say "20日内", "60日内": calendar days). The department reply is
counted in working days (seed 002: "5个工作日内") with the official holiday calendar and
the station's overrides (``calendar.py``).

Which deadline a case works towards, by its status:

| kind     | statuses                         | due                                           |
|----------|----------------------------------|-----------------------------------------------|
| 判定     | 待核查, 已核查 (issued batches)  | batch received + 20 days                      |
| 月报     | 待核查, 已核查                    | the 20th of the month after the plot's month  |
| 答复     | 已移交                            | case_record.reply_due (referred + 5 working days) |
| 处罚决定 | 已立案                            | filed + 60 days (+30 when extended)           |
| 整改     | 已立案, 已移交, 整改中 (with a task list) | task listed + 60 days                  |
| 市级验收 | every status but 已销号, 事后巡查, 已办结 | 31 January after the monitoring year   |

A plot's month (月报) and its monitoring year (市级验收) come from the batch's received
date, else the plot's found date (patrol plots), else the day it was registered.
"月报" reads seed 001 "每月20日前完成上一个月下发图斑的系统填报": the plots issued in a month
are reported, with their determinations, by the 20th of the next month; "20日前" is read as
"on the 20th at the latest", as Chinese notices use it. A plot still without a
determination is flagged. The penalty decision is tracked while the case is 已立案: the
schema has no decision date, so a decision cannot be seen as made once rectification
has started.
"""

from __future__ import annotations

import datetime
from typing import NamedTuple

from . import calendar as _calendar

# seed 001: legality determination within 20 days of receiving the issued batch
DETERMINATION_DAYS = 20
# seed 003: rectification within 60 days after the task list is made
RECTIFICATION_DAYS = 60
# seed 002: departments reply to a notification within 5 working days
REPLY_WORKING_DAYS = 5
# 查处工作规程 practice: the penalty decision within 60 days of filing, extendable by 30
PENALTY_DECISION_DAYS = 60
PENALTY_EXTENSION_DAYS = 30
# the case panel's warning: a deadline today or within the next DUE_SOON_DAYS days is due soon
DUE_SOON_DAYS = 7
# seeds 000, 001: monthly figures before the 20th, for the previous month's plots
MONTHLY_REPORT_DAY = 20
# seed 001: city acceptance of the year's work by 31 January of the next year
ACCEPTANCE_MONTH, ACCEPTANCE_DAY = 1, 31

# Which deadline a case in each state is working towards.
AWAITING_DETERMINATION = ("待核查", "已核查")
AWAITING_RECTIFICATION = ("已立案", "已移交", "整改中")
AWAITING_REPLY = ("已移交",)
AWAITING_PENALTY_DECISION = ("已立案",)
FINISHED = ("已销号", "事后巡查", "已办结")

DETERMINATION = "判定"
RECTIFICATION = "整改"
REPLY = "答复"
PENALTY_DECISION = "处罚决定"
MONTHLY_REPORT = "月报"
CITY_ACCEPTANCE = "市级验收"
KINDS = (DETERMINATION, MONTHLY_REPORT, REPLY, PENALTY_DECISION, RECTIFICATION, CITY_ACCEPTANCE)


class Deadline(NamedTuple):
    plot_id: int
    jcbh: str
    kind: str
    due_date: datetime.date


def _date(value) -> datetime.date:
    return _calendar.as_date(value)


def plot_reference_date(received_date, found_date, created_at) -> datetime.date:
    """The day a plot belongs to (its month for 月报, its year for 市级验收 and for
    新增/存量): the batch's received date, else the found date, else the registration."""
    return _date(received_date or found_date or created_at)


def determination_due(received_date) -> datetime.date:
    """Legality determination: 20 days after the batch is received."""
    return _date(received_date) + datetime.timedelta(days=DETERMINATION_DAYS)


def rectification_due(task_listed_on) -> datetime.date:
    """Rectification: 60 days after the task list is made."""
    return _date(task_listed_on) + datetime.timedelta(days=RECTIFICATION_DAYS)


def reply_due(store_or_none, referred_on) -> datetime.date:
    """A department's reply: the 5th working day after the referral."""
    return _calendar.add_working_days(store_or_none, referred_on, REPLY_WORKING_DAYS)


def penalty_decision_due(filed_on, extended: bool = False) -> datetime.date:
    """Penalty decision: 60 days after filing, 90 when the extension was approved."""
    days = PENALTY_DECISION_DAYS + (PENALTY_EXTENSION_DAYS if extended else 0)
    return _date(filed_on) + datetime.timedelta(days=days)


def monthly_report_due(plot_date) -> datetime.date:
    """Monthly figures (一上) for the plots of ``plot_date``'s month: the 20th of the
    next month."""
    day = _date(plot_date)
    year, month = (day.year + 1, 1) if day.month == 12 else (day.year, day.month + 1)
    return datetime.date(year, month, MONTHLY_REPORT_DAY)


def city_acceptance_due(monitoring_year: int) -> datetime.date:
    """City acceptance of a year's work: 31 January of the next year."""
    return datetime.date(monitoring_year + 1, ACCEPTANCE_MONTH, ACCEPTANCE_DAY)


def open_deadlines(store) -> list[Deadline]:
    """Every deadline the open cases are working towards, by due date then 监测编号."""
    rows = store._db.execute(
        """SELECT p.id, p.jcbh, c.status, b.received_date, p.found_date,
               substr(p.created_at, 1, 10), c.reply_due, c.filed_on, r.task_listed_on
           FROM plot AS p
           JOIN case_record AS c ON c.plot_id = p.id
           LEFT JOIN batch AS b ON b.id = p.batch_id
           LEFT JOIN rectification AS r
               ON r.id = (SELECT max(id) FROM rectification WHERE case_id = c.id)"""
    )
    found: list[Deadline] = []
    for plot_id, jcbh, status, received, found_on, created, reply, filed, listed in rows:
        if status in FINISHED:
            continue
        plot_day = plot_reference_date(received, found_on, created)
        if status in AWAITING_DETERMINATION:
            if received:
                found.append(Deadline(plot_id, jcbh, DETERMINATION, determination_due(received)))
            found.append(Deadline(plot_id, jcbh, MONTHLY_REPORT, monthly_report_due(plot_day)))
        if status in AWAITING_REPLY and reply:
            found.append(Deadline(plot_id, jcbh, REPLY, _date(reply)))
        if status in AWAITING_PENALTY_DECISION and filed:
            found.append(Deadline(plot_id, jcbh, PENALTY_DECISION, penalty_decision_due(filed)))
        if status in AWAITING_RECTIFICATION and listed:
            found.append(Deadline(plot_id, jcbh, RECTIFICATION, rectification_due(listed)))
        found.append(Deadline(plot_id, jcbh, CITY_ACCEPTANCE, city_acceptance_due(plot_day.year)))
    found.sort(key=lambda d: (d.due_date, d.jcbh, KINDS.index(d.kind)))
    return found


def overdue(store, today) -> list[Deadline]:
    """Deadlines already past on ``today`` (a deadline is met on its due date)."""
    today = _date(today)
    return [d for d in open_deadlines(store) if d.due_date < today]
