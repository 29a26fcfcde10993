"""The city's 一下 feedback, tracked to the month's 二上, on both backends."""

from __future__ import annotations

import pytest
from openpyxl import Workbook

from helpers import small_database
from landcase.cases import errors, feedback, rounds


def jcbh(index: int) -> str:
    return f"320100202601{index:03d}"


@pytest.fixture
def store(case_target):
    store = small_database(case_target, plots=4)
    yield store
    store.close()


def _sheet(path):
    book = Workbook()
    sheet = book.active
    sheet.append(["序号", "监测编号", "审核意见"])
    sheet.append([1, jcbh(0), "面积填报有误"])
    sheet.append([2, jcbh(1), "合法依据不足"])
    sheet.append([3, jcbh(2), "整改面积与影像不符"])
    sheet.append([4, "3201009999", "图斑不存在"])
    sheet.append([5, jcbh(3), None])
    sheet.append([6, jcbh(0), "重复"])
    book.save(path)
    return path


def test_questioned_plots_are_tracked_until_the_second_submission(store, tmp_path):
    rounds.create_round(store, "2026-11", "一上")
    path = _sheet(tmp_path / "11月一下.xlsx")
    result = feedback.import_feedback(store, path, "2026-11", "2026-11-25")
    assert (result.rows, len(result.imported), result.already) == (6, 3, 0)
    assert [p.text() for p in result.problems] == [
        "11月一下.xlsx, row 5: there is no plot with the 监测编号 3201009999",
        f"11月一下.xlsx, row 6: the comment (意见) on {jcbh(3)} is missing",
        "11月一下.xlsx, row 7: repeats row 2",
    ]
    again = feedback.import_feedback(store, path, "2026-11", "2026-11-25")
    assert (again.imported, again.already) == ((), 3)

    feedback.record_correction(store, "2026-11", jcbh(0), "面积改为1600 m²", "2026-11-28")
    feedback.record_correction(store, "2026-11", jcbh(1), "补充批文扫描件", "2026-11-30")
    states = [(i.jcbh, i.state) for i in feedback.feedback_list(store, "2026-11")]
    assert states == [(jcbh(0), "已更正"), (jcbh(1), "已更正"), (jcbh(2), "待更正")]
    assert [i.jcbh for i in feedback.uncorrected(store, "2026-11")] == [jcbh(2)]

    rounds.create_round(store, "2026-11", "一下")
    rounds.create_round(store, "2026-11", "二上")  # taken today, after the corrections
    states = [(i.jcbh, i.state) for i in feedback.feedback_list(store, "2026-11")]
    assert states == [(jcbh(0), "已二上"), (jcbh(1), "已二上"), (jcbh(2), "待更正")]
    [left] = feedback.uncorrected(store, "2026-11")
    assert (left.jcbh, left.comment, left.received_on) == (
        jcbh(2),
        "整改面积与影像不符",
        "2026-11-25",
    )
    # corrected after the 二上 was taken: corrected, but not in it
    feedback.record_correction(store, "2026-11", jcbh(2), "整改面积改正", "2099-01-05")
    assert feedback.feedback_list(store, "2026-11")[2].state == "已更正"
    assert [i.jcbh for i in feedback.uncorrected(store, "2026-11")] == [jcbh(2)]


def test_bad_periods_and_corrections_are_refused(store, tmp_path):
    path = _sheet(tmp_path / "一下.xlsx")
    with pytest.raises(errors.InvalidRecord, match="2026-13.*YYYY-MM"):
        feedback.import_feedback(store, path, "2026-13", "2026-11-25")
    with pytest.raises(errors.InvalidRecord, match="received is missing"):
        feedback.import_feedback(store, path, "2026-11", None)
    feedback.import_feedback(store, path, "2026-11", "2026-11-25")
    with pytest.raises(errors.InvalidRecord, match=f"{jcbh(3)}.*did not question it"):
        feedback.record_correction(store, "2026-11", jcbh(3), "改了", "2026-11-28")
    with pytest.raises(errors.InvalidRecord, match="before the 一下 came \\(2026-11-25\\)"):
        feedback.record_correction(store, "2026-11", jcbh(0), "改了", "2026-11-20")
    with pytest.raises(errors.InvalidRecord, match="say what was corrected"):
        feedback.record_correction(store, "2026-11", jcbh(0), " ", "2026-11-28")
    assert all(i.state == "待更正" for i in feedback.feedback_list(store, "2026-11"))
