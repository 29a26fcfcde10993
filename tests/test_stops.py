"""Stop actions (制止), their clocks and the breaches seed 002 names, on both backends.

Seed 002 二(一)2 (village: on site within one day; written report the same day when the
stop fails), 二(三)2 (station: at least 2 persons), 二(三)3 (station: 专报 and 抄告 within
one day after a failed stop). Dates below are worked out by hand.
"""

from __future__ import annotations

import datetime

import pytest

from helpers import small_database
from landcase.cases import clocks, clues, errors, stops
from landcase.cases import notifications as nt

D = datetime.date
JCBH = "320100202601000"
TODAY = D(2026, 12, 20)


@pytest.fixture
def store(case_target):
    store = small_database(case_target, plots=2)
    with store.transaction() as db:
        db.execute(
            "INSERT INTO patrol_unit (name, kind, township, head, deputy) VALUES (?, ?, ?, ?, ?)",
            ("东村村委会", "村居", "青山镇", "赵主任", "钱委员"),
        )
    yield store
    store.close()


def stop(store, **fields):
    values = dict(found_at="2026-12-03 09:10", unit="青山镇国土所", unit_kind="国土所", jcbh=JCBH)
    values.update(fields)
    return stops.record_stop(store, stops.NewStop(**values))


def test_a_find_stopped_by_one_person_breaches_the_station_rule(store):
    stop(store, stopped_at="2026-12-03 10:00", stopped_by="孙所员", persons=1,
         method="劝阻", result="已制止")  # fmt: skip
    [shown] = stops.stops_of(store, jcbh=JCBH, today=TODAY)
    assert [(c.name, c.due, c.state) for c in shown.clocks] == [
        ("一天内到场制止", D(2026, 12, 4), clocks.MET),
    ]
    [breach] = stops.breaches(store, "2026-12-01", "2026-12-31", TODAY)
    assert breach.rule == "对发现的违法用地未及时安排2名以上人员制止"
    assert breach.source == "启政办发〔2020〕32号 二(三)2"
    assert (breach.unit, breach.direct, breach.leading) == (
        "青山镇国土所", "国土所（分局）所长（分局长）", None,
    )  # fmt: skip
    assert (breach.record, breach.township, breach.detail, breach.days_late) == (
        JCBH, "青山镇", "1 人制止", 0,
    )  # fmt: skip
    # two persons: no breach
    stop(store, found_at="2026-12-05", stopped_at="2026-12-05 11:00", persons=2, result="已制止")
    assert len(stops.breaches(store, "2026-12-01", "2026-12-31", TODAY)) == 1


def test_a_village_late_on_site_and_late_with_its_report(store):
    # found Thu 3 Dec 09:10; on site Sat 5 Dec (due Fri 4 Dec: 1 day late); the stop fails
    # and the written report goes on Sun 6 Dec (due Sat 5, the day it failed: 1 day late)
    stop(store, unit="东村村委会", unit_kind="村居", stopped_at="2026-12-05 16:00",
         persons=1, result="继续施工", reported_at="2026-12-06 09:00",
         reported_to="青山镇人民政府、青山镇国土所")  # fmt: skip
    [shown] = stops.stops_of(store, jcbh=JCBH, today=TODAY)
    assert [(c.name, c.due, c.done, c.state, c.days_late) for c in shown.clocks] == [
        ("一天内到场制止", D(2026, 12, 4), D(2026, 12, 5), clocks.LATE, 1),
        ("制止无效当天书面报告镇政府和国土所", D(2026, 12, 5), D(2026, 12, 6), clocks.LATE, 1),
    ]
    found = stops.breaches(store, "2026-12-01", "2026-12-31", TODAY)
    assert [(b.source, b.direct, b.leading, b.due, b.days_late) for b in found] == [
        ("启政办发〔2020〕32号 二(一)2", "村（居）委会分管负责人（钱委员）",
         "村（居）委会主要负责人（赵主任）", D(2026, 12, 4), 1),
        ("启政办发〔2020〕32号 二(一)2", "村（居）委会分管负责人（钱委员）",
         "村（居）委会主要负责人（赵主任）", D(2026, 12, 5), 1),
    ]  # fmt: skip
    assert found[0].rule == "对发现的违法用地超过一天未到场制止"
    assert found[1].rule.startswith("对违法用地制止无效并在当天未能")


def test_a_village_report_to_the_township_only_is_not_a_report_to_both(store):
    stop(store, unit="西村", unit_kind="村居", stopped_at="2026-12-03 23:00",
         result="继续施工", reported_at="2026-12-03 23:30", reported_to="青山镇人民政府")  # fmt: skip
    [shown] = stops.stops_of(store, jcbh=JCBH, today=TODAY)
    assert shown.clocks[1].state == clocks.OVERDUE
    [breach] = stops.breaches(store, "2026-12-01", "2026-12-31", TODAY)
    assert breach.direct == "村（居）委会分管负责人"  # the unit is not recorded: no names
    assert breach.days_late == 17  # due 3 Dec, open on 20 Dec


def test_a_station_reports_and_copies_within_one_day_after_a_failed_stop(store):
    stop(store, stopped_at="2026-12-03 10:00", persons=3, result="继续施工",
         reported_at="2026-12-03 17:00", reported_to="青山镇人民政府、启东市自然资源局")  # fmt: skip
    nt.send_notification(store, nt.NewNotification(
        "抄告", "2026-12-04", ("纪委监委", "公安", "规划建设", "综合执法", "供电"), jcbh=JCBH))  # fmt: skip
    [shown] = stops.stops_of(store, jcbh=JCBH, today=TODAY)
    report = shown.clocks[1]
    assert (report.due, report.state, shown.missing) == (D(2026, 12, 4), clocks.OVERDUE, ("供水",))
    [breach] = stops.breaches(store, "2026-12-01", "2026-12-31", TODAY)
    assert (breach.source, breach.detail) == ("启政办发〔2020〕32号 二(三)3", "未专报/抄告：供水")
    # 供水 copied on Sat 5 December: done, one day late
    nt.send_notification(store, nt.NewNotification("抄告", "2026-12-05", ("供水",), jcbh=JCBH))
    [shown] = stops.stops_of(store, jcbh=JCBH, today=TODAY)
    assert (shown.clocks[1].done, shown.clocks[1].state, shown.clocks[1].days_late) == (
        D(2026, 12, 5), clocks.LATE, 1,
    )  # fmt: skip


def test_a_stop_against_a_clue(store):
    clues.record_clue(store, clues.NewClue(found_at="2026-12-03", code="XS-1", township="青山镇"))
    stop(store, jcbh=None, clue_code="XS-1", unit="东村村委会", unit_kind="村居")
    [shown] = stops.stops_of(store, clue_code="XS-1", today=D(2026, 12, 4))
    assert (shown.record, shown.clocks[0].state) == ("XS-1", clocks.OPEN)
    [breach] = stops.breaches(store, "2026-12-01", "2026-12-31", D(2026, 12, 7))
    assert (breach.record, breach.done, breach.days_late) == ("XS-1", None, 3)
    assert stops.stops_of(store, jcbh=JCBH) == []


@pytest.mark.parametrize(
    "fields, reason",
    [
        (dict(found_at="昨天"), "the time of the find.*is not a date"),
        (dict(unit=" "), "unit that stopped it is missing"),
        (dict(unit_kind="派出所"), "派出所 is not one of"),
        (dict(stopped_at="2026-12-02"), "dated before the find"),
        (dict(method="停工通知书"), "needs its number and its date"),
        (dict(result="已制止"), "needs the time of the stop"),
        (dict(reported_at="2026-12-03"), "both its time and whom"),
        (dict(persons=-1), "not a whole number"),
        (dict(jcbh="999"), "no plot with the 监测编号 999"),
        (dict(clue_code="XS-1"), "either the plot"),
    ],
)
def test_bad_stops_are_refused_naming_the_record(store, fields, reason):
    with pytest.raises(errors.InvalidRecord, match=reason):
        stop(store, **fields)
    assert store._db.execute("SELECT count(*) FROM stop_action").fetchone()[0] == 0


def test_a_notice_number_is_recorded_once(store):
    stop_id = stop(store, stopped_at="2026-12-03 10:00", persons=2, method="责令停止违法行为通知书",
                   notice_number="青自然资停〔2026〕3号", notice_date="2026-12-03")  # fmt: skip
    with pytest.raises(errors.InvalidRecord, match="already recorded"):
        stop(
            store,
            method="停工通知书",
            notice_number="青自然资停〔2026〕3号",
            notice_date="2026-12-04",
        )
    assert [s.id for s in stops.notices_issued(store, "2026-12-01", "2026-12-31")] == [stop_id]
    assert store.audit_entries("stop_action", stop_id)[-1].action == "INSERT"
