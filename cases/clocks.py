"""The clocks of stopping and notifying: ONE function per clock, and nothing else computes
them (``stops``, ``notifications``, the case panel and the printed 抄告单 all call these).

Seed 002 (启政办发〔2020〕32号) judges by the day, so every clock compares DATES (the local
date of a stored moment, ``moments.day_of``), never hours:

- "当天" (the same day) of an event on day D: due D; met when done on D (at any hour).
- "一天内" / "超过一天" (within one day) of an event on day D: due D + 1; met when done on
  D or D + 1. A find made on 3 December at 23:00 is met by a stop on 4 December at 23:59.
- "2天内" / "超过2天" (within N calendar days) of day D: due D + N, weekends and holidays
  included (the seed says days, not working days).
- "5个工作日内" of day D: the 5th working day after D on the official calendar with its
  adjusted working days (调休) and the station's overrides (``calendar.add_working_days``);
  D itself is not counted.

A clock is met when done on or before its due date; its lateness is ``breaches.days_late``.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from . import calendar as _calendar
from .breaches import days_late
from .moments import day_of

# seed 002 二(三)2: the station sends at least 2 persons to stop a find
MIN_STATION_PERSONS = 2
# seed 002 二(一)2: on site to stop a find within one day of finding it
ON_SITE_DAYS = 1
# seed 002 二(三)3: written 专报 and 抄告 within one day after the stop failed (制止无效)
STATION_REPORT_DAYS = 1
# seed 002 二(二)2: the leader's clock starts at the township head's 批示, which is the reply
# of this recipient in the same notification (the recipient keeps this name: see
# ``notifications.rename_recipient``)
TOWNSHIP_HEAD = "镇政府主要负责人"

# The states of a clock, as the case panel and the register show them.
MET = "按时"
LATE = "逾期完成"
OPEN = "未到期"
OVERDUE = "逾期未办"
WAITING = "待起算"  # its start (the township head's 批示) is not recorded yet


@dataclass(frozen=True)
class Clock:
    """One deadline of a record: what is due, by when, when it was done."""

    name: str  # in the seed's words, e.g. "一天内到场制止"
    due: datetime.date | None  # None: the clock has not started (WAITING)
    done: datetime.date | None
    state: str
    days_late: int  # past due: to ``done``, or to today while not done


def clock(name: str, due, done, today) -> Clock:
    """The state of a clock on ``today``: met, done late, open, overdue or waiting."""
    due = day_of(due)
    done = day_of(done)
    today = _calendar.as_date(today)
    if due is None:
        return Clock(name, None, done, WAITING, 0)
    late = days_late(due, done, today)
    if done is not None:
        state = MET if done <= due else LATE
    else:
        state = OVERDUE if today > due else OPEN
    return Clock(name, due, done, state, late)


def is_breach(c: Clock) -> bool:
    """A clock broken on the day it is read: done late, or overdue and still not done."""
    return c.state in (LATE, OVERDUE)


# -- stopping (seed 002 二(一)2, 二(三)2, 二(三)3) ---------------------------------------


def on_site_due(found_at) -> datetime.date:
    """On site to stop a find within one day of the find (二(一)2 "超过一天未到场制止"):
    the day after the day it was found."""
    return _calendar.as_date(found_at) + datetime.timedelta(days=ON_SITE_DAYS)


def same_day_report_due(failed_at) -> datetime.date:
    """The village's written report to the township and the station when its stop failed
    (二(一)2 "制止无效并在当天未能…书面报告"): the day the stop failed."""
    return _calendar.as_date(failed_at)


def station_report_due(failed_at) -> datetime.date:
    """The station's written 专报 to the township and the city bureau, and its 抄告 to the
    joint departments, after a failed stop (二(三)3 "制止无效后一天内"): the next day."""
    return _calendar.as_date(failed_at) + datetime.timedelta(days=STATION_REPORT_DAYS)


def enough_persons(persons: int | None) -> bool:
    """The station stopped a find with at least 2 persons (二(三)2); an unrecorded number
    shows nothing met."""
    return persons is not None and persons >= MIN_STATION_PERSONS


# -- notifying (seed 002 二 协作处置, 二(二)2, 二(二)4, 二(二)6) -------------------------


def recipient_due(
    store, deadline_days: int, working_days: bool, counted_from: str, sent_on, instructed_on
) -> datetime.date | None:
    """A recipient's due date from its ``recipient`` rule: ``deadline_days`` calendar days
    or working days (official calendar) after the notification was sent, or for a rule
    counted from the township head's 批示 (``instructed``) after ``instructed_on`` (None
    while the head has not replied: the clock has not started)."""
    start = day_of(instructed_on) if counted_from == "instructed" else day_of(sent_on)
    if start is None:
        return None
    if working_days:
        return _calendar.add_working_days(store, start, deadline_days)
    return start + datetime.timedelta(days=deadline_days)
