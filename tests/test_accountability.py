"""The accountability list of a period from its providers, per township, in a workbook and
a PDF (read back with pdftotext), and headless through landcase:accountability; both backends.

The period is October 2026. Worked out by hand (国庆 1–7 October, Sat 10 October 调休):
- 青山镇, plot …000: a notification sent Wed 30 September to five recipients; the leader
  replies Mon 5 October (due Sun 4: 2 days after the head's 批示 of Fri 2) and 供电 Thu
  15 October (due Tue 13: the 5th working day), so two are late by 1 and 2 days; the
  station stops the find of 5 October with one person.
- 海复镇, plot …005: the village finds it Thu 8 October 09:00 and is on site Sat 10
  October (due Fri 9: 1 day late).
"""

from __future__ import annotations

import datetime
import subprocess
from types import SimpleNamespace

import openpyxl
import pytest

from helpers import new_plot, small_database
from landcase.cases import accountability, stops
from landcase.cases import notifications as nt
from landcase.cases.accountability_workbook import write_accountability_workbook
from landcase.cases.breaches import Breach
from landcase.reports.accountability_report import build_accountability_report

D = datetime.date
TODAY = D(2026, 11, 2)
QINGSHAN, HAIFU = "320100202601000", "320100202601005"


def pdf_text(path) -> str:
    """The PDF's text without spaces and line breaks (table cells wrap)."""
    text = subprocess.run(
        ["pdftotext", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    return "".join(text.split())


def fill(store) -> None:
    store.add_plots([new_plot(5, township="海复镇")], store.batch_id("2026年第1批部卫片"))
    notice_id = nt.send_notification(store, nt.NewNotification(
        "违法占地抄告", "2026-09-30", ("镇政府主要负责人", "镇牵头责任领导", "规划建设", "公安", "供电"),
        number="青抄〔2026〕1号", jcbh=QINGSHAN))  # fmt: skip
    for name, day in (("镇政府主要负责人", "2026-10-02"), ("镇牵头责任领导", "2026-10-05"),
                      ("规划建设", "2026-10-01"), ("公安", "2026-10-13"), ("供电", "2026-10-15")):  # fmt: skip
        nt.record_reply(store, notice_id, name, day)
    stops.record_stop(store, stops.NewStop("2026-10-05 08:00", "青山镇国土所", "国土所", jcbh=QINGSHAN,
                      stopped_at="2026-10-05 09:00", persons=1, result="已制止"))  # fmt: skip
    stops.record_stop(store, stops.NewStop("2026-10-08 09:00", "南村村委会", "村居", jcbh=HAIFU,
                      stopped_at="2026-10-10 09:00", persons=2, result="已制止"))  # fmt: skip


@pytest.fixture
def store(case_target):
    store = small_database(case_target, plots=2)
    fill(store)
    yield store
    store.close()


def test_the_list_of_a_period_by_township(store):
    start, end = accountability.period_bounds("2026-10")
    assert (start, end) == (D(2026, 10, 1), D(2026, 10, 31))
    found = accountability.accountability(store, start, end, TODAY)
    assert [
        (b.township, b.unit, b.source.removeprefix("启政办发〔2020〕32号 "), b.due, b.days_late)
        for b in found
    ] == [
        ("海复镇", "南村村委会", "二(一)2", D(2026, 10, 9), 1),
        ("青山镇", "镇牵头责任领导", "二(二)2", D(2026, 10, 4), 1),
        ("青山镇", "供电", "二(二)6 与协作处置", D(2026, 10, 13), 2),
        ("青山镇", "青山镇国土所", "二(三)2", None, 0),
    ]
    grouped = accountability.by_township(found)
    assert list(grouped) == ["海复镇", "青山镇"] and len(grouped["青山镇"]) == 3
    # a provider is added with one entry
    extra = Breach("月报逾期", "seed 000", "2026-09", "东村", "分管负责人", None,
                   D(2026, 10, 20), None, 13, "青山镇")  # fmt: skip
    fake = SimpleNamespace(breaches=lambda *args: [extra])
    more = accountability.accountability(
        store, start, end, TODAY, (*accountability.PROVIDERS, fake)
    )
    assert len(more) == 5 and more[3] == extra  # sorted into 青山镇 by its due date
    with pytest.raises(Exception, match="YYYY-MM"):
        accountability.period_bounds("2026-13")


def test_the_workbook_and_the_pdf_read_back(store, tmp_path):
    start, end = accountability.period_bounds("2026-10")
    found = accountability.accountability(store, start, end, TODAY)
    grouped = accountability.by_township(found)
    register = nt.register(store, D(2026, 9, 1), D(2026, 9, 30), TODAY)
    path = write_accountability_workbook(found, grouped, register, tmp_path / "list.xlsx")
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["追责问责清单", "按乡镇汇总", "抄告登记"]
    rows = list(book["追责问责清单"].values)
    assert rows[0][:3] == ("乡镇（园区）", "追责情形", "依据") and len(rows) == 5
    assert rows[1][0] == "海复镇" and rows[1][9] == 1
    assert rows[1][5] == "村（居）委会分管负责人" and rows[1][6] == "村（居）委会主要负责人"
    assert list(book["按乡镇汇总"].values)[1:] == [("海复镇", 1, 0, 1), ("青山镇", 3, 0, 2)]
    register_rows = list(book["抄告登记"].values)[1:]
    assert [(r[5], r[6], r[7], r[9], r[10]) for r in register_rows][-1] == (
        "供电", "2026-10-13", "2026-10-15", "逾期完成", 2,
    )  # fmt: skip
    pdf = build_accountability_report(grouped, "2026-10", tmp_path / "list.pdf", "青山县自然资源局")
    text = pdf_text(pdf.path)
    for expected in ("自然资源执法监管追责问责清单", "追责情形共4条", "海复镇（1条）", "青山镇（3条）",
                     "国土所（分局）所长（分局长）", "牵头责任领导", "2026-10-13"):  # fmt: skip
        assert expected in text, expected


def test_accountability_headless(qgis_iface, qgis_processing, case_target, tmp_path):
    import processing

    import landcase

    store = small_database(case_target, plots=2)
    fill(store)
    store.close()
    plugin = landcase.classFactory(qgis_iface)
    plugin.initProcessing()
    try:
        result = processing.run("landcase:accountability", {
            "DATABASE": case_target, "PERIOD": "2026-10",
            "OUTPUT_XLSX": str(tmp_path / "a.xlsx"), "OUTPUT_PDF": str(tmp_path / "a.pdf"),
        })  # fmt: skip
        # every breach here was done late or has no date: the day the test runs does not matter
        assert result["BREACHES"] == 4
        assert "海复镇" in pdf_text(tmp_path / "a.pdf")
        with pytest.raises(Exception, match="YYYY-MM"):
            processing.run("landcase:accountability", {
                "DATABASE": case_target, "PERIOD": "十月", "OUTPUT_XLSX": str(tmp_path / "b.xlsx"),
            })  # fmt: skip
    finally:
        plugin.unload()
