"""The clocks of stopping and notifying, worked out by hand on the official calendar.

The 2026 State Council arrangement (as the chinese_calendar package holds it):
中秋 Fri 25 – Sun 27 September; 国庆 Thu 1 – Wed 7 October, with the adjusted working days
(调休) Sun 20 September and Sat 10 October; 春节 Sun 15 – Mon 23 February, with the
adjusted working days Sat 14 and Sat 28 February.
"""

from __future__ import annotations

import datetime

import pytest

from helpers import small_database
from landcase.cases import calendar, clocks

D = datetime.date


def test_five_working_days_across_the_national_day_holiday():
    # sent Wed 30 Sep: Thu 1 – Wed 7 Oct holidays; Thu 8 (1), Fri 9 (2), Sat 10 调休 (3),
    # Sun 11 rest, Mon 12 (4), Tue 13 (5)
    assert clocks.recipient_due(None, 5, True, "sent", "2026-09-30", None) == D(2026, 10, 13)
    # sent Fri 18 Sep: Sat 19 rest, Sun 20 调休 (1), Mon 21 (2), 22 (3), 23 (4), Thu 24 (5)
    assert clocks.recipient_due(None, 5, True, "sent", "2026-09-18", None) == D(2026, 9, 24)
    # sent Thu 24 Sep: 25–27 中秋, Mon 28 (1), 29 (2), 30 (3), 1–7 Oct 国庆, Thu 8 (4), Fri 9 (5)
    assert clocks.recipient_due(None, 5, True, "sent", "2026-09-24", None) == D(2026, 10, 9)


def test_five_working_days_across_the_spring_festival():
    # sent Fri 13 Feb: Sat 14 调休 (1), 15–23 春节, Tue 24 (2), 25 (3), 26 (4), Fri 27 (5)
    assert clocks.recipient_due(None, 5, True, "sent", "2026-02-13", None) == D(2026, 2, 27)


def test_calendar_days_do_not_stop_for_holidays_and_the_leader_counts_from_the_instruction():
    # the township head: 2 days from sending, over the holiday
    assert clocks.recipient_due(None, 2, False, "sent", "2026-09-30", None) == D(2026, 10, 2)
    # the leader: 2 days from the head's 批示 on 3 October
    assert clocks.recipient_due(None, 2, False, "instructed", "2026-09-30", "2026-10-03") == D(
        2026, 10, 5
    )
    # no 批示 yet: the leader's clock has not started
    assert clocks.recipient_due(None, 2, False, "instructed", "2026-09-30", None) is None


def test_same_day_and_within_one_day_are_dates_not_hours():
    # found late at night: on site by the end of the next day
    assert clocks.on_site_due("2026-12-03T23:00") == D(2026, 12, 4)
    assert clocks.on_site_due("2026-12-03") == D(2026, 12, 4)
    assert clocks.same_day_report_due("2026-12-03T10:00") == D(2026, 12, 3)
    assert clocks.station_report_due("2026-12-31T18:00") == D(2027, 1, 1)
    assert [clocks.enough_persons(n) for n in (None, 0, 1, 2, 3)] == [
        False, False, False, True, True,
    ]  # fmt: skip


@pytest.mark.parametrize(
    "due, done, today, state, late",
    [
        ("2026-10-13", "2026-10-13", "2026-10-20", clocks.MET, 0),  # on the due day
        ("2026-10-13", "2026-10-15T08:00", "2026-10-20", clocks.LATE, 2),
        ("2026-10-13", None, "2026-10-13", clocks.OPEN, 0),  # due today: not yet overdue
        ("2026-10-13", None, "2026-10-20", clocks.OVERDUE, 7),
        (None, None, "2026-10-20", clocks.WAITING, 0),
    ],
)
def test_the_state_of_a_clock(due, done, today, state, late):
    c = clocks.clock("x", due, done, today)
    assert (c.state, c.days_late) == (state, late)
    assert clocks.is_breach(c) == (state in (clocks.LATE, clocks.OVERDUE))


def test_the_stations_calendar_moves_a_working_day_deadline(case_target):
    store = small_database(case_target, plots=1)
    try:
        assert clocks.recipient_due(store, 5, True, "sent", "2026-09-30", None) == D(2026, 10, 13)
        # the station declares Mon 12 October a holiday: the 5th working day is Wed 14
        calendar.set_calendar_day(store, "2026-10-12", "holiday", "本地")
        assert clocks.recipient_due(store, 5, True, "sent", "2026-09-30", None) == D(2026, 10, 14)
    finally:
        store.close()
