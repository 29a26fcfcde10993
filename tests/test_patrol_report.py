"""Daily and monthly patrol reports, their breaches worked out by hand, the workbook and the
PDF read back, on both backends; the Processing algorithms of patrols."""

from __future__ import annotations

import datetime
import subprocess

import openpyxl
import pytest
import shapely

from helpers import ORIGIN, small_database
from landcase.cases import errors
from landcase.cases.clues import NewClue, record_clue
from landcase.cases.patrol_reports import breaches, submit_report
from landcase.cases.patrol_tables import patrol_report
from landcase.cases.patrol_units import NewUnit, add_unit
from landcase.cases.patrol_workbook import write_patrol_workbook
from landcase.cases.patrol_zones import NewZone, import_zones
from landcase.cases.patrols import NewPatrol, record_patrol

X, Y = ORIGIN
D = datetime.date
TODAY = D(2026, 4, 25)


def _march(store):
    """March 2026 of three units (the expected figures are worked out in the tests)."""
    east = add_unit(store, NewUnit("东村", township="青山镇", head="王建国", deputy="李明"))
    add_unit(store, NewUnit("西村", township="青山镇", head="陈红", deputy="周平"))
    add_unit(store, NewUnit("青山农业公司", kind="镇属公司", township="绿水镇"))
    import_zones(store, [
        NewZone("PQ01", "东片", "中", "东村", "张三", shapely.box(X, Y, X + 500, Y + 500)),
        NewZone("PQ02", "西片", "低", "西村", "赵六", shapely.box(X, Y + 600, X + 500, Y + 900)),
    ], "片区.gpkg")  # fmt: skip
    # 东村: zero reports on 1–3 March (a day of zero reports is no breach)
    for day in ("2026-03-01", "2026-03-02", "2026-03-03"):
        submit_report(store, "东村", "日报", day, f"{day} 18:00", zero=True)
    # PQ01 (中: every 3 days) visited 2, 7, 10, 13 March, then not again
    record_patrol(store, NewPatrol("2026-03-02", "东村", "张三", zone="PQ01"))
    record_patrol(store, NewPatrol("2026-03-07", "东村", "张三", zone="PQ01",
                                   new_clues=(NewClue(found_at="2026-03-07 10:00", x=X + 5, y=Y + 5),)))  # fmt: skip
    submit_report(store, "东村", "日报", "2026-03-07", "2026-03-07 20:00", findings=1)
    record_patrol(store, NewPatrol("2026-03-10", "东村", "张三", zone="PQ01", plots=("320100202601000",)))  # fmt: skip
    submit_report(store, "东村", "日报", "2026-03-10", "2026-03-11 09:00", findings=1)  # a day late
    record_patrol(store, NewPatrol("2026-03-13", "东村", "张三", zone="PQ01"))
    # a find recorded as a clue of 东村 on 20 March, and only a 零报 that day
    record_clue(store, NewClue(found_at="2026-03-20 15:00", unit_id=east, x=X + 9, y=Y + 9))
    submit_report(store, "东村", "日报", "2026-03-20", "2026-03-20 21:00", zero=True)
    submit_report(store, "东村", "月报", "2026-03", "2026-04-21 09:00")  # due 20 April
    # 西村: PQ02 (低: every 7 days) visited 5, 12, 19, 26 March; its 月报 on the due day
    for day in ("2026-03-05", "2026-03-12", "2026-03-19", "2026-03-26"):
        record_patrol(store, NewPatrol(day, "西村", "赵六", zone="PQ02"))
    submit_report(store, "西村", "月报", "2026-03", "2026-04-20 17:00")
    # 青山农业公司: nothing at all


@pytest.fixture
def store(case_target):
    store = small_database(case_target, plots=1)
    _march(store)
    yield store
    store.close()


def test_the_breaches_of_march_worked_out_by_hand(store):
    found = breaches(store, "2026-03-01", "2026-03-31", TODAY)
    assert [(b.due, b.unit, b.record, b.done, b.days_late) for b in found] == [
        # PQ01 visited 2 March, due again by 5 March, visited 7 March: 4 days without a visit
        (D(2026, 3, 5), "东村", "片区 PQ01 东片", D(2026, 3, 7), 2),
        # a find on 10 March reported on the 11th
        (D(2026, 3, 10), "东村", "2026-03-10 日报", D(2026, 3, 11), 1),
        # PQ01 visited 13 March, due by the 16th, not visited since: 16 March → 25 April
        (D(2026, 3, 16), "东村", "片区 PQ01 东片", None, 40),
        # a find on 20 March with only a 零报: 20 March → 25 April
        (D(2026, 3, 20), "东村", "2026-03-20 日报", None, 36),
        # the March 月报 due 20 April, submitted the 21st
        (D(2026, 4, 20), "东村", "2026-03 月报", D(2026, 4, 21), 1),
        (D(2026, 4, 20), "青山农业公司", "2026-03 月报", None, 5),
    ]
    zone, daily = found[0], found[3]
    assert (zone.direct, zone.leading) == ("片区责任人 张三", "主要负责人 王建国")
    assert "中等级每 3 天" in zone.detail and "2026-03-02" in zone.detail
    assert (daily.direct, daily.leading, daily.detail) == (
        "分管负责人 李明", "主要负责人 王建国", "发现 1 处，仅零报",
    )  # fmt: skip
    assert found[5].township == "绿水镇" and found[5].direct == "分管负责人"

    # on the due day no 月报 is late yet (东村's of the 21st is not known then); a day
    # later 东村's is late by one day, the company's missing by one; 西村's never late
    def monthly(today):
        return [(b.unit, b.days_late) for b in breaches(store, "2026-03-01", "2026-03-31", today)
                if b.record == "2026-03 月报"]  # fmt: skip

    assert monthly("2026-04-20") == []
    assert monthly("2026-04-21") == [("东村", 1), ("青山农业公司", 1)]


def test_the_tables_of_the_month(store):
    report = patrol_report(store, "2026-03", TODAY)
    assert report.title == "2026年3月土地巡查报告"
    assert report.table("monthly").rows == [
        ["东村", "青山镇", "2026-04-20", "2026-04-21", "逾期 1 天", 4, 3],
        ["西村", "青山镇", "2026-04-20", "2026-04-20", "按时", 4, 0],
        ["青山农业公司", "绿水镇", "2026-04-20", "", "未报（已逾期 5 天）", 0, 0],
    ]
    # 东村: reported 7 and 10 March; 零报 1, 2, 3 and 20 March; 31 - 6 = 25 days 未报;
    # finds on 7, 10 and 20 March, of which 10 and 20 March not reported that day
    assert report.table("daily").rows == [
        ["东村", "青山镇", 31, 2, 4, 25, 3, 2],
        ["西村", "青山镇", 31, 0, 0, 31, 0, 0],
        ["青山农业公司", "绿水镇", 31, 0, 0, 31, 0, 0],
    ]
    assert report.table("township").rows == [
        ["青山镇", 2, 1, 1, 2, 4, 56, 3, 2],
        ["绿水镇", 1, 0, 1, 0, 0, 31, 0, 0],
    ]
    grid = report.table("daily_grid")
    east = grid.rows[0]
    assert grid.printed is False and len(grid.columns) == 2 + 31
    assert (east[2], east[8], east[11], east[21], east[3 + 4]) == (
        "零报", "报1", "报1（迟报）", "零报（发现1）", "未报",
    )  # fmt: skip
    assert [r[:3] for r in report.table("not_reported").rows] == [
        ["东村", "青山镇", "日报"],
        ["西村", "青山镇", "日报"],
        ["青山农业公司", "绿水镇", "月报"],
        ["青山农业公司", "绿水镇", "日报"],
    ]
    assert [r[0] for r in report.table("zones").rows] == ["PQ01", "PQ01"]
    assert report.table("zones").rows[1][6:] == ["2026-03-13", "2026-03-16", "未巡查", 40]
    assert len(report.table("breaches").rows) == 6


def test_a_day_of_zero_reports_breaks_no_rule(store):
    report = patrol_report(store, "2026-03-03", "2026-03-03")
    assert report.title == "2026年3月3日土地巡查日报"
    assert report.table("daily_grid").rows == [
        ["东村", "青山镇", "零报"], ["西村", "青山镇", "未报"], ["青山农业公司", "绿水镇", "未报"],
    ]  # fmt: skip
    assert report.table("daily_grid").printed and report.table("breaches").rows == []
    assert [t.key for t in report.tables][0] == "daily"  # no 月报 table for a day


def test_reports_are_refused_when_they_cannot_be_right(store):
    with pytest.raises(errors.InvalidRecord, match="submitted already"):
        submit_report(store, "东村", "日报", "2026-03-01", "2026-03-01 19:00", zero=True)
    with pytest.raises(errors.InvalidRecord, match="before the day it reports"):
        submit_report(store, "西村", "日报", "2026-03-09", "2026-03-08 19:00")
    with pytest.raises(errors.InvalidRecord, match="zero report"):
        submit_report(store, "西村", "日报", "2026-03-09", "2026-03-09", zero=True, findings=2)
    with pytest.raises(errors.InvalidRecord, match="not a YYYY-MM"):
        submit_report(store, "西村", "月报", "2026-3", "2026-04-01")
    with pytest.raises(errors.InvalidRecord, match="日报 or 月报"):
        submit_report(store, "西村", "周报", "2026-03-09", "2026-03-09")
    with pytest.raises(errors.InvalidRecord, match="no unit with this name"):
        submit_report(store, "南村", "日报", "2026-03-09", "2026-03-09")


def test_the_workbook_and_the_pdf_read_back(store, tmp_path):
    from landcase.reports.patrol_report import build_patrol_report

    report = patrol_report(store, "2026-03", TODAY)
    path = write_patrol_workbook(report, tmp_path / "巡查.xlsx")
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == [
        "说明", "月报报送情况", "日报报送情况", "乡镇汇总", "日报明细（单位×日）", "未报送单位",
        "未按等级频次巡查的片区", "问责情形",
    ]  # fmt: skip
    monthly = [[c.value for c in row] for row in book["月报报送情况"].iter_rows()]
    assert monthly[0] == [
        "报送单位",
        "乡镇",
        "应报日期",
        "报送日期",
        "报送情况",
        "巡查次数",
        "发现数",
    ]
    assert monthly[3] == ["青山农业公司", "绿水镇", "2026-04-20", None, "未报（已逾期 5 天）", 0, 0]
    grid = book["日报明细（单位×日）"]
    assert grid["C1"].value == "03-01" and grid["L2"].value == "报1（迟报）"
    assert book["问责情形"].max_row == 7  # the header and six breaches
    built = build_patrol_report(report, tmp_path / "巡查.pdf", unit="青山镇规划资源所")
    text = subprocess.run(
        ["pdftotext", "-raw", str(built.path), "-"], capture_output=True, text=True, check=True
    ).stdout
    flat = "".join(text.split())  # a narrow column wraps its text over lines
    for expected in ("2026年3月土地巡查报告", "填报单位：青山镇规划资源所", "逾期1天",
                     "未报（已逾期5天）", "问责情形", "片区责任人张三", "仅零报"):  # fmt: skip
        assert expected in flat, expected
    assert "日报明细" not in text  # the units × days of a month: in the workbook only
    assert built.pages >= 1 and f"数据校验码：{built.case_hash}" in text
