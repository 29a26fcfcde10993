"""The 问题清单 ledger (seed 003), on both backends: spreadsheets in, bad rows named,
re-import adds nothing, the 60-day deadline and an approved extension.

Dates worked by hand: listed 2026-03-10 + 60 days = 2026-05-09 (21 days to the end of
March, 30 in April, 9 in May).
"""

from __future__ import annotations

import datetime

import pytest
import shapely
from openpyxl import Workbook

from helpers import ORIGIN, small_database
from landcase.cases import errors, problem_items
from landcase.cases.sheet_rows import SheetUnreadable

LIST = "2026年耕地保护督察问题清单"
HEADER = ["来源", "清单名称", "列入日期", "序号", "问题描述", "镇街", "行政区代码", "责任单位",
          "整改计划", "监测编号", "WKT", "经度", "纬度"]  # fmt: skip
SQUARE = shapely.box(ORIGIN[0] + 3000, ORIGIN[1], ORIGIN[0] + 3030, ORIGIN[1] + 20)  # 600 m²
ROWS = [
    # row 2: linked to the first plot of small_database, with its plan
    ["督察", LIST, datetime.date(2026, 3, 10), 1, "违法占用耕地建设厂房", "青山镇", "320100",
     "青山镇人民政府", "拆除复耕", "320100202601000", None, None, None],
    # row 3: an outline in the database CRS
    ["国家自然资源督察", LIST, "2026/3/10", 2, "农田内硬化堆场", "青山镇", None, "东村村委会",
     None, None, SQUARE.wkt, None, None],
    # row 4: a point position
    ["媒体反映", LIST, "2026年3月10日", 3, "河边违建", "青山镇", None, None, None, None, None,
     120.5, 30.7],
    ["网络", LIST, "2026-03-10", 4, "来源不明", None, None, None, None, None, None, None, None],
    ["审计", LIST, None, 5, "缺日期", None, None, None, None, None, None, None, None],
    ["审计", LIST, "2026-02-30", 6, "日期不存在", None, None, None, None, None, None, None, None],
    ["巡察", LIST, "2026-03-10", 7, "编号不存在", None, None, None, None, "3201009999", None,
     None, None],
    ["举报", LIST, "2026-03-10", 8, "图形坏了", None, None, None, None, None, "POLYGON ((1 2",
     None, None],
    ["举报", LIST, "2026-03-10", 2, "重复序号", None, None, None, None, None, None, None, None],
    [None, None, None, None, None, None, None, None, None, None, None, None, None],  # empty
]  # fmt: skip


@pytest.fixture
def store(case_target):
    store = small_database(case_target, plots=2)
    yield store
    store.close()


def _workbook(path, rows=ROWS):
    book = Workbook()
    sheet = book.active
    sheet.append(HEADER)
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def test_a_list_is_imported_with_bad_rows_named_and_again_adds_nothing(store, tmp_path):
    path = _workbook(tmp_path / "督察清单.xlsx")
    result = problem_items.import_problem_list(store, path)
    assert (result.rows, len(result.imported), result.already) == (9, 3, 0)
    assert [p.text() for p in result.problems] == [
        "督察清单.xlsx, row 5: the source 网络 is not one of 督察、审计、巡察、举报、媒体、卫片、其他",
        "督察清单.xlsx, row 6: the list date (列入日期) is missing",
        "督察清单.xlsx, row 7: the list date 2026-02-30 is not a date",
        "督察清单.xlsx, row 8: there is no plot with the 监测编号 3201009999",
        "督察清单.xlsx, row 9: the WKT geometry cannot be read",
        "督察清单.xlsx, row 10: repeats row 3",
    ]
    assert [p.row for p in result.notes] == [4]
    items = problem_items.list_items(store)
    assert [(i.item_number, i.source, i.listed_on) for i in items] == [
        ("1", "督察", "2026-03-10"),
        ("2", "督察", "2026-03-10"),
        ("3", "媒体", "2026-03-10"),
    ]
    assert items[0].jcbh == "320100202601000" and items[0].plan == "拆除复耕"
    assert items[2].note == "位置：经度 120.500000，纬度 30.700000"
    wkb = store._db.execute(
        "SELECT AsBinary(geom) FROM problem_item WHERE item_number = '2'"
    ).fetchone()[0]
    assert shapely.from_wkb(bytes(wkb)).area == pytest.approx(600.0)

    again = problem_items.import_problem_list(store, path)
    assert (len(again.imported), again.already, len(again.problems)) == (0, 3, 6)
    assert len(problem_items.list_items(store)) == 3


def test_a_csv_from_chinese_excel_and_a_missing_column(store, tmp_path):
    path = tmp_path / "审计.csv"
    path.write_bytes("序号,问题描述,列入日期\n1,耕地上建房,2026-04-01\n".encode("gb18030"))
    result = problem_items.import_problem_list(
        store, path, list_name="2026年审计清单", source="审计"
    )
    assert len(result.imported) == 1 and result.problems == ()
    [item] = problem_items.list_items(store, "2026年审计清单")
    assert (item.source, item.description) == ("审计", "耕地上建房")
    assert item.due == datetime.date(2026, 5, 31)  # 2026-04-01 + 60: 29 + 31 days
    with pytest.raises(
        SheetUnreadable, match="审计.csv.*its first row lacks the columns 来源、清单名称"
    ):
        problem_items.import_problem_list(store, path)
    with pytest.raises(SheetUnreadable, match="only .xlsx and .csv"):
        problem_items.import_problem_list(store, tmp_path / "清单.doc")


def test_the_deadline_is_60_days_unless_an_approved_extension(store, tmp_path):
    problem_items.import_problem_list(store, _workbook(tmp_path / "清单.xlsx", ROWS[:2]))
    first, second = problem_items.list_items(store)
    assert first.due == datetime.date(2026, 5, 9) == second.due
    record = f"{LIST} 2"
    with pytest.raises(errors.InvalidRecord, match=f"{record}.*needs the plan"):
        problem_items.approve_extension(
            store,
            second.id,
            "2026-07-31",
            "确因客观原因（汛期无法进场施工）",
            "镇政府",
            "2026-05-05",
        )
    with pytest.raises(errors.InvalidRecord, match="must end after the deadline 2026-05-09"):
        problem_items.approve_extension(
            store, second.id, "2026-05-09", "确因客观原因", "镇政府", "2026-05-05", plan="分期拆除"
        )
    with pytest.raises(errors.InvalidRecord, match="who approved the extension is missing"):
        problem_items.approve_extension(
            store, second.id, "2026-07-31", "确因客观原因", " ", "2026-05-05", plan="分期拆除"
        )
    problem_items.approve_extension(
        store, second.id, "2026-07-31", "确因客观原因（汛期无法进场施工）", "镇政府", "2026-05-05",
        plan="汛后6月完成拆除，7月复耕",
    )  # fmt: skip
    second = problem_items.get_item(store, second.id)
    assert second.due == datetime.date(2026, 7, 31)
    assert (second.extension_approved_by, second.extension_approved_on) == ("镇政府", "2026-05-05")
    assert second.plan == "汛后6月完成拆除，7月复耕"
    assert second.extension_reason == "确因客观原因（汛期无法进场施工）"
    problem_items.record_plan(store, first.id, "5月底前拆除复耕")
    assert problem_items.get_item(store, first.id).plan == "5月底前拆除复耕"
    with pytest.raises(errors.InvalidRecord, match="the plan .* is empty"):
        problem_items.record_plan(store, first.id, "  ")

    # on its due date an item is on time; the day after, overdue
    assert problem_items.overdue_items(store, "2026-05-09") == []
    assert [i.item_number for i in problem_items.overdue_items(store, "2026-05-10")] == ["1"]
    assert [i.item_number for i in problem_items.overdue_items(store, "2026-07-31")] == ["1"]
    assert [i.item_number for i in problem_items.overdue_items(store, "2026-08-01")] == ["1", "2"]

    # on 2026-08-03: item 1 is 86 days late (22 in May after the 9th, 30, 31, 3), item 2 3 days
    found = problem_items.breaches(store, "2026-05-01", "2026-08-31", "2026-08-03")
    assert [(b.record, b.due, b.done, b.days_late, b.unit) for b in found] == [
        (f"{LIST} 1", datetime.date(2026, 5, 9), None, 86, "青山镇人民政府"),
        (f"{LIST} 2", datetime.date(2026, 7, 31), None, 3, "东村村委会"),
    ]
    assert found[0].rule == "问题清单未在60日内整改到位"
    assert found[1].rule.startswith("问题清单未在批准的延期日期前整改到位")
    problem_items.record_rectified(store, first.id, "2026-05-20")  # 11 days late
    problem_items.record_rectified(store, second.id, "2026-07-30")  # on time
    found = problem_items.breaches(store, "2026-05-01", "2026-08-31", "2026-08-03")
    assert [(b.record, b.done, b.days_late) for b in found] == [
        (f"{LIST} 1", datetime.date(2026, 5, 20), 11)
    ]
    assert problem_items.overdue_items(store, "2026-08-03") == []


def test_the_schema_refuses_an_extension_without_its_approval(store, tmp_path):
    problem_items.import_problem_list(store, _workbook(tmp_path / "清单.xlsx", ROWS[:1]))
    with pytest.raises(Exception, match="(?i)check"):
        with store.transaction() as db:
            db.execute("UPDATE problem_item SET extended_to = '2026-07-31'")
