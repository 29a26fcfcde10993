"""Working days and deadline rules, with dates checked by hand against the official 2026
holiday arrangement as chinesecalendar 1.11.0 holds it (State Council notice for 2026):

- 元旦: 01-01 (Thu) to 01-03 (Sat) off; Sunday 01-04 is a working day.
- 春节: 02-15 (Sun) to 02-23 (Mon) off; Saturdays 02-14 and 02-28 are working days.
- 劳动节: 05-01 (Fri) to 05-05 (Tue) off; Saturday 05-09 is a working day.
- 中秋节: 09-25 (Fri) to 09-27 (Sun) off.
- 国庆节: 10-01 (Thu) to 10-07 (Wed) off; Sunday 09-20 and Saturday 10-10 are working days.
"""

from __future__ import annotations

import datetime

import pytest

from helpers import audit_name, new_plot, small_database
from landcase.cases import calendar, deadlines, errors, workflow
from landcase.cases.calendar import CalendarYearUnknown

D = datetime.date


def test_the_pinned_package_holds_the_2026_arrangement_these_tests_rely_on():
    from chinese_calendar import constants

    for day in ("2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10"):
        assert D.fromisoformat(day) in constants.workdays, day
    for day in ("2026-02-15", "2026-02-23", "2026-10-01", "2026-10-07", "2026-05-05"):
        assert D.fromisoformat(day) in constants.holidays, day


@pytest.mark.parametrize(
    "day, working",
    [
        ("2026-03-06", True),  # a Friday
        ("2026-03-07", False),  # a Saturday
        ("2026-03-08", False),  # a Sunday
        ("2026-02-14", True),  # Saturday, worked for the Spring Festival
        ("2026-02-16", False),  # Monday in the Spring Festival
        ("2026-02-23", False),  # Monday, last day of the Spring Festival
        ("2026-10-05", False),  # Monday in the National Day week
        ("2026-10-10", True),  # Saturday, worked for National Day
        ("2026-09-20", True),  # Sunday, worked for National Day
        ("2026-01-04", True),  # Sunday, worked for New Year
    ],
)
def test_is_working_day_follows_the_official_calendar(day, working):
    assert calendar.is_working_day(None, day) is working
    assert calendar.is_working_day(None, D.fromisoformat(day)) is working


@pytest.mark.parametrize(
    "start, n, expected",
    [
        # Thu 03-05: Fri 06 (1), Mon 09 (2), Tue 10 (3), Wed 11 (4), Thu 12 (5)
        ("2026-03-05", 5, "2026-03-12"),
        # Fri 03-06: Mon 09 (1) … Fri 13 (5)
        ("2026-03-06", 5, "2026-03-13"),
        # Saturday start is not counted: Mon 03-09 is the first working day after it
        ("2026-03-07", 1, "2026-03-09"),
        # Tue 09-29: Wed 30 (1); 10-01..10-07 off; Thu 10-08 (2), Fri 10-09 (3),
        # Sat 10-10 worked (4), Sun 10-11 off, Mon 10-12 (5)
        ("2026-09-29", 5, "2026-10-12"),
        # Thu 02-12: Fri 13 (1), Sat 14 worked (2); 02-15..02-23 off; Tue 24 (3),
        # Wed 25 (4), Thu 26 (5)
        ("2026-02-12", 5, "2026-02-26"),
        # Fri 02-27: Saturday 02-28 is worked, so it is the 1st working day after
        ("2026-02-27", 1, "2026-02-28"),
        # Fri 09-18: Sat 19 off, Sun 09-20 worked (1), Mon 21 (2)
        ("2026-09-18", 2, "2026-09-21"),
        # Thu 09-24: Fri 25 to Sun 27 off (中秋), Mon 09-28 (1)
        ("2026-09-24", 1, "2026-09-28"),
        # Wed 2025-12-31: 01-01..01-03 off, Sun 01-04 worked (1), Mon 01-05 (2)
        ("2025-12-31", 2, "2026-01-05"),
        ("2026-03-07", 0, "2026-03-07"),
    ],
)
def test_add_working_days_counts_the_nth_working_day_after_start(start, n, expected):
    assert calendar.add_working_days(None, start, n) == D.fromisoformat(expected)


def test_negative_working_days_are_refused():
    with pytest.raises(ValueError):
        calendar.add_working_days(None, "2026-03-05", -1)


def test_station_calendar_rows_win_over_the_package(case_target):
    store = small_database(case_target, plots=0)
    calendar.set_calendar_day(store, "2026-03-06", "holiday", "防汛停工")
    # Fri 03-06 off: Thu 03-05 + 5 is Mon 09 (1) … Fri 13 (5)
    assert calendar.add_working_days(store, "2026-03-05", 5) == D(2026, 3, 13)
    assert calendar.add_working_days(None, "2026-03-05", 5) == D(2026, 3, 12)  # package only
    calendar.set_calendar_day(store, D(2026, 3, 7), "workday", "调休上班")
    # Sat 03-07 worked (1), Mon 09 (2), Tue 10 (3), Wed 11 (4), Thu 12 (5)
    assert calendar.add_working_days(store, "2026-03-05", 5) == D(2026, 3, 12)
    # a holiday of the package made a working day: Mon 10-05 worked
    calendar.set_calendar_day(store, "2026-10-05", "workday", "补班")
    # Tue 09-29: Wed 30 (1), Mon 10-05 (2), Thu 10-08 (3), Fri 09 (4), Sat 10 (5)
    assert calendar.add_working_days(store, "2026-09-29", 5) == D(2026, 10, 10)
    assert calendar.is_working_day(store, "2026-10-05") is True
    assert calendar.is_working_day(None, "2026-10-05") is False
    # a row is replaced, and removed rows give the package's answer back
    calendar.set_calendar_day(store, "2026-03-07", "holiday", "取消调休")
    assert calendar.is_working_day(store, "2026-03-07") is False
    assert calendar.remove_calendar_day(store, "2026-03-07") is True
    assert calendar.remove_calendar_day(store, "2026-03-07") is False
    assert calendar.calendar_days(store, 2026) == [
        ("2026-03-06", "holiday", "防汛停工"),
        ("2026-10-05", "workday", "补班"),
    ]


def test_calendar_changes_are_audited_with_the_user(case_target):
    store = small_database(case_target, plots=0)
    store.set_actor("所长")
    calendar.set_calendar_day(store, "2026-03-06", "holiday", "防汛停工")
    calendar.set_calendar_day(store, "2026-03-06", "workday", "恢复上班")
    entries = store.audit_entries("calendar_day")
    assert [e.action for e in entries] == ["INSERT", "UPDATE"]
    assert entries[0].changes["day"] == "2026-03-06"
    assert entries[1].changes["kind"] == ["holiday", "workday"]
    assert {e.user_name for e in entries} == {audit_name(store, "所长")}


def test_bad_calendar_rows_are_refused(case_target):
    store = small_database(case_target, plots=0)
    with pytest.raises(errors.InvalidRecord, match="holiday' or 'workday"):
        calendar.set_calendar_day(store, "2026-03-06", "rest", None)
    with pytest.raises(errors.InvalidRecord, match="not a date"):
        calendar.set_calendar_day(store, "2026-02-30", "holiday", None)
    assert calendar.calendar_days(store) == []


def test_a_year_the_package_does_not_know_needs_the_stations_calendar(case_target):
    store = small_database(case_target, plots=0)
    with pytest.raises(CalendarYearUnknown) as raised:
        calendar.add_working_days(store, "2027-03-01", 5)
    assert "2027" in str(raised.value) and "holiday" in str(raised.value)
    # the year is reached only when the count crosses into it: Mon 12-28 + 3 stays in 2026
    assert calendar.add_working_days(None, "2026-12-28", 3) == D(2026, 12, 31)
    with pytest.raises(CalendarYearUnknown):
        calendar.add_working_days(None, "2026-12-28", 4)
    with pytest.raises(CalendarYearUnknown):
        calendar.is_working_day(None, "2003-06-02")  # before the package's data too

    # entering the year's notice makes it known: its rows, and the week for the rest
    calendar.set_calendar_days(
        store, [("2027-01-01", "holiday", "元旦"), ("2027-02-06", "workday", "春节调休")]
    )
    # 2027-03-01 is a Monday: Tue 02 (1), Wed 03 (2), Thu 04 (3), Fri 05 (4), Mon 08 (5)
    assert calendar.add_working_days(store, "2027-03-01", 5) == D(2027, 3, 8)
    assert calendar.is_working_day(store, "2027-02-06") is True  # a Saturday, entered
    # Mon 2026-12-28: Tue 29 (1), Wed 30 (2), Thu 31 (3), Fri 2027-01-01 off (entered),
    # Sat, Sun off, Mon 01-04 (4), Tue 01-05 (5)
    assert calendar.add_working_days(store, "2026-12-28", 5) == D(2027, 1, 5)


def test_calendar_day_deadlines():
    # Feb 1 + 20 days = Sat 02-21, in the Spring Festival: calendar days, not moved
    assert deadlines.determination_due("2026-02-01") == D(2026, 2, 21)
    # Mar 2 + 60: Mar 31 is +29, Apr 30 is +59, May 1 is +60 (Labour Day, not moved)
    assert deadlines.rectification_due("2026-03-02") == D(2026, 5, 1)
    # Mar 10 + 60: Mar 31 is +21, Apr 30 is +51, May 9 is +60
    assert deadlines.penalty_decision_due("2026-03-10") == D(2026, 5, 9)
    # + 90 with the extension: May 31 is +82, Jun 8 is +90
    assert deadlines.penalty_decision_due("2026-03-10", extended=True) == D(2026, 6, 8)
    assert deadlines.monthly_report_due("2026-01-15") == D(2026, 2, 20)
    assert deadlines.monthly_report_due("2026-01-31") == D(2026, 2, 20)
    assert deadlines.monthly_report_due("2026-12-05") == D(2027, 1, 20)
    assert deadlines.city_acceptance_due(2026) == D(2027, 1, 31)


def test_reply_deadline_is_five_working_days():
    # see test_add_working_days_counts_the_nth_working_day_after_start
    assert deadlines.reply_due(None, "2026-09-29") == D(2026, 10, 12)
    assert deadlines.reply_due(None, "2026-02-12") == D(2026, 2, 26)


def _station(target):
    """Plots 1-5 of the batch received 2026-02-01 and patrol plot 6 found 2026-03-10.

    1: 待核查 — 判定 due 02-21, 月报 due 03-20, 市级验收 due 2027-01-31
    2: referred 02-12 — 答复 due 02-26 (see above)
    3: filed 02-10 — 处罚决定 due 04-11 (Feb 10 + 60: Feb 28 is +18, Mar 31 +49, Apr 11 +60)
    4: filed, rectification listed 02-20 — 整改 due 04-21 (Feb 28 is +8, Mar 31 +39,
       Apr 21 +60)
    5: 合法, closed without a case — nothing
    6: patrol plot, no batch, 待核查 — 月报 due 04-20, no 判定 deadline
    """
    store = small_database(target, plots=5)
    store.add_plot(new_plot(5, found_date="2026-03-10", clue_source="属地巡查"))
    for plot_id in (2, 3, 4, 5):
        workflow.record_verification(
            store, plot_id, "已建成", None, None, "2025-06", None, "李核查", "2026-02-05"
        )
    for plot_id in (2, 3, 4):
        workflow.determine(
            store, plot_id, "违法", "厂房", decided_by="张判定", decided_on="2026-02-08"
        )
    workflow.determine(
        store,
        5,
        "合法",
        "登记发证",
        {"title_number": "苏(2020)青山不动产权第0001号"},
        decided_by="张判定",
        decided_on="2026-02-08",
    )
    workflow.close_without_case(store, 5)
    workflow.refer_case(store, 2, "综合执法", "2026-02-12")
    workflow.file_case(store, 3, "青自然资立〔2026〕1号", "2026-02-10")
    workflow.file_case(store, 4, "青自然资立〔2026〕2号", "2026-02-10")
    workflow.start_rectification(store, 4, ["拆除复耕"], "2026-02-20")
    return store


def test_open_deadlines_by_case_status(case_target):
    store = _station(case_target)
    jcbh = {row.plot_id: row.jcbh for row in store.list_plots()}
    found = {(d.plot_id, d.kind): d.due_date for d in deadlines.open_deadlines(store)}
    acceptance = D(2027, 1, 31)
    assert found == {
        (1, "判定"): D(2026, 2, 21),
        (1, "月报"): D(2026, 3, 20),
        (1, "市级验收"): acceptance,
        (2, "答复"): D(2026, 2, 26),
        (2, "市级验收"): acceptance,
        (3, "处罚决定"): D(2026, 4, 11),
        (3, "市级验收"): acceptance,
        (4, "整改"): D(2026, 4, 21),
        (4, "市级验收"): acceptance,
        (6, "月报"): D(2026, 4, 20),
        (6, "市级验收"): acceptance,
    }
    assert all(d.jcbh == jcbh[d.plot_id] for d in deadlines.open_deadlines(store))
    # the case panel shows the same determination deadline
    assert store.list_plots(today="2026-02-20")[0].due_date == "2026-02-21"


def test_overdue(case_target):
    store = _station(case_target)
    # Fri 2026-02-20: 判定 is due Sat 02-21
    assert deadlines.overdue(store, "2026-02-20") == []
    # Mon 2026-02-23: 判定 was due Saturday; the reply is due Thursday 02-26
    assert [(d.plot_id, d.kind) for d in deadlines.overdue(store, "2026-02-23")] == [(1, "判定")]
    # on its due date a deadline is still met
    assert (2, "答复") not in [(d.plot_id, d.kind) for d in deadlines.overdue(store, "2026-02-26")]
    assert [(d.plot_id, d.kind) for d in deadlines.overdue(store, "2026-02-27")] == [
        (1, "判定"),
        (2, "答复"),
    ]
    # after 31 January 2027 every open plot of 2026 is late for the city acceptance
    late = deadlines.overdue(store, "2027-02-01")
    assert sorted({d.plot_id for d in late if d.kind == "市级验收"}) == [1, 2, 3, 4, 6]
    # a closed case has no deadline left
    assert all(d.plot_id != 5 for d in late)
