"""Issue 11, end to end: one database, three plots taken through their whole life
(determined 违法, filed, rectified by 拆除 and 复耕 on the same ground, re-inspected, closed
out), then every output printed and read back: the 月报 (pdftotext), each plot's 销号报告
(pdftotext), the submission export (workbook and GeoPackage) and the statistics workbook
(openpyxl). The same official figure (椭球面积, 亩 to 0.01 half up from the stored m²) must
come out of all of them. Expected figures are worked out below from the stored m², by the
arithmetic written in the test (m² × 15 / 10000, then half up), not by the code under test."""

from __future__ import annotations

import re
import sqlite3
import subprocess
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import openpyxl
import pytest
import shapely

from landcase.cases import CaseStore, NewPlot, rounds
from landcase.cases import statistics as st
from landcase.cases import workflow as wf

UNIT = "青山县自然资源局青山所"
TODAY = "2026-04-20"
ORIGIN = (512_345.0, 3_456_789.0)  # EPSG:4549 (CM 120°E), 31.2°N
# Three irregular plots (m, from ORIGIN): areas not round in m², so that the ellipsoidal
# area differs from the planar one and the 亩 have a third decimal to round.
SHAPES = [
    [(0, 0), (61.3, 2.1), (58.7, 77.9), (3.3, 70.4)],
    [(200, 0), (251.9, 7.7), (247.2, 58.35), (196.4, 49.9)],
    [(400, 0), (493.1, 0), (497.45, 41.2), (402.2, 66.6)],
]
# 拆除 and 复耕 on the same ground (m²): printed once in 整改面积
RECTIFIED = [2000.0, 1500.0, 3000.0]


def _polygon(points):
    return shapely.Polygon([(ORIGIN[0] + x, ORIGIN[1] + y) for x, y in points])


def half_up_mu(m2: float) -> Decimal:
    """By hand: 亩 = m² × 15 / 10000 from the exact stored value, half up to 0.01."""
    return (Decimal(m2) * 15 / 10000).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def pdf_text(pdf: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout


def flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.fixture(scope="module")
def county(qgis_app, module_target, tmp_path_factory):
    folder = tmp_path_factory.mktemp("agree")  # the outputs
    store = CaseStore.create(module_target, 4549, user="测试员")
    batch = store.add_batch("2026年第3批部卫片", received_date="2026-03-05")
    ids = []
    for index, shape in enumerate(SHAPES, start=1):
        ids.append(
            store.add_plot(
                NewPlot(
                    jcbh=f"32012320260300{index}",
                    geometry=_polygon(shape),
                    xzqdm="320123101",
                    xzqmc="青山镇",
                    township="青山镇",
                    village="东村",
                ),
                batch,
            )
        )
    for plot_id, rectified in zip(ids, RECTIFIED):
        wf.record_verification(
            store,
            plot_id,
            "已建成",
            construction_date="2026-02",
            verifier="李核查",
            verified_on="2026-03-08",
        )
        wf.determine(store, plot_id, "违法", "厂房", decided_by="王判定", decided_on="2026-03-10")
        wf.file_case(store, plot_id, f"青国土立〔2026〕{plot_id}号", "2026-03-12")
        wf.start_rectification(store, plot_id, ["拆除复耕"], "2026-03-15")
        wf.record_reinspection(
            store,
            plot_id,
            "整改到位",
            "2026-03-25",
            "赵复核",
            demolished_area_m2=rectified,
            restored_area_m2=rectified,
        )
        wf.close_out(
            store,
            plot_id,
            "2026-03-28",
            "钱销号",
            joint_recheck_result="县镇联合复核：已拆除复耕",
            note="同意销号",
        )
    stored = dict(
        store._db.execute("SELECT jcbh, area_ellipsoidal_m2 FROM plot ORDER BY jcbh").fetchall()
    )
    planar = dict(store._db.execute("SELECT jcbh, area_planar_m2 FROM plot").fetchall())
    yield store, ids, stored, planar, folder
    store.close()


@pytest.fixture(scope="module")
def outputs(county):
    from landcase.cases.excel_export import write_statistics_workbook
    from landcase.layers.submission_export import export_submission
    from landcase.plugin.printing import CLOSEOUT, print_documents
    from landcase.reports.monthly_report import build_monthly_report, monthly_report_model

    store, ids, _stored, _planar, folder = county
    figures = st.compute(store, "2026-03", today=TODAY)
    monthly = folder / "月报.pdf"
    build_monthly_report(monthly_report_model(figures, UNIT), monthly)
    workbook = write_statistics_workbook(figures, folder / "统计.xlsx")
    closeouts = {p.jcbh: p.path for p in print_documents(store, ids, CLOSEOUT, folder / "销号")}
    round_id = rounds.create_round(store, "2026-03", "一上")
    export = export_submission(store, round_id, folder / "上报")
    return monthly, workbook, closeouts, export


def test_each_plot_prints_the_same_area_everywhere(county, outputs):
    store, _ids, stored, planar, _folder = county
    _monthly, _workbook, closeouts, export = outputs
    # the official area is the ellipsoidal one, which is not the planar one here
    assert all(abs(stored[j] - planar[j]) > 0.005 for j in stored)
    book = openpyxl.load_workbook(export.workbook)["上报图斑"]
    headers = [cell.value for cell in book[1]]
    tbmj = {
        row[0]: row[headers.index("图斑面积(亩)\nTBMJ")]
        for row in book.iter_rows(min_row=2, values_only=True)
    }
    with sqlite3.connect(export.geopackage) as gpkg:
        [table] = gpkg.execute("SELECT table_name FROM gpkg_contents").fetchone()
        gpkg_tbmj = dict(gpkg.execute(f'SELECT JCBH, TBMJ FROM "{table}"').fetchall())
    for jcbh, m2 in stored.items():
        expected = half_up_mu(m2)  # e.g. 4263.689… m² × 15 / 10000 = 6.3955… → 6.40
        text = pdf_text(closeouts[jcbh])
        f = flat(text)
        assert f"椭球面积（m²）{Decimal(m2).quantize(Decimal('0.01'), ROUND_HALF_UP)}" in f
        assert f"椭球面积（亩）{expected}" in f
        line = next(ln for ln in text.splitlines() if ln.strip().startswith("面积（亩）"))
        assert re.findall(r"\d+\.\d\d", line)[0] == str(expected)  # 图斑面积 column
        assert Decimal(repr(tbmj[jcbh])) == expected
        assert Decimal(repr(gpkg_tbmj[jcbh])) == expected


def test_rectified_area_counts_the_same_ground_once_in_report_and_month(county, outputs):
    _store, _ids, _stored, _planar, _folder = county
    monthly, _workbook, closeouts, _export = outputs
    for (_jcbh, path), rectified in zip(sorted(closeouts.items()), RECTIFIED):
        text = pdf_text(path)
        line = next(ln for ln in text.splitlines() if ln.strip().startswith("面积（亩）"))
        # 拆除 = 复耕 = rectified m² on the same ground: 整改面积合计 = max(…) = rectified
        assert re.findall(r"\d+\.\d\d", line)[-1] == str(half_up_mu(rectified))
    # 本期办理情况: (2000 + 1500 + 3000) m² = 6500 m² × 15 / 10000 = 9.75 亩, not 19.50
    text = pdf_text(monthly)
    row = next(ln for ln in text.split("八、本期办理情况")[1].splitlines() if "合计" in ln)
    assert "9.75" in row.split() and "19.50" not in row


def test_the_months_illegal_area_is_the_sum_of_the_plots_printed_figures(county, outputs):
    """The 违法面积 of the 月报 and of the statistics workbook is the sum of what each plot's
    销号报告 and the export print (issue 11: a county adds up the TBMJ it was sent)."""
    _store, _ids, stored, _planar, _folder = county
    monthly, workbook, closeouts, export = outputs
    # by hand: 6.40 + 3.92 + 7.68 (each plot half up from its m²) = 18.00; the m² summed
    # first (11996.415… m² = 17.9946… 亩) would print 17.99 and disagree with the documents
    per_plot = [half_up_mu(m2) for m2 in stored.values()]
    expected = sum(per_plot)
    printed = []
    for path in closeouts.values():
        printed.append(Decimal(re.search(r"椭球面积（亩）(\d+\.\d\d)", flat(pdf_text(path)))[1]))
    assert sorted(printed) == sorted(per_plot)
    sheet = openpyxl.load_workbook(export.workbook)["上报图斑"]
    headers = [cell.value for cell in sheet[1]]
    column = headers.index("图斑面积(亩)\nTBMJ")
    exported = sum(Decimal(repr(r[column])) for r in sheet.iter_rows(min_row=2, values_only=True))
    assert exported == expected
    county_sheet = openpyxl.load_workbook(workbook)["县级汇总"]
    headers = [cell.value for cell in county_sheet[1]]
    row = dict(zip(headers, next(county_sheet.iter_rows(min_row=2, values_only=True))))
    assert Decimal(repr(row["违法面积(亩)"])) == expected
    page_one = flat(pdf_text(monthly).split("二、乡镇汇总")[0])
    assert f"违法面积(亩){expected}" in page_one


def test_not_compared_is_never_zero_in_any_output(county, outputs):
    """No land-use or farmland role was ever assigned in this database: the panel, the 核查报告,
    the 销号报告, the 月报, the statistics workbook and the submission export say 未比对 (an
    empty cell with a note in the workbooks, NULL in the GeoPackage), never 0.00, and the panel
    suggests no determination."""
    from landcase.forms.breakdown_view import panel_html
    from landcase.plugin.printing import VERIFICATION, print_documents

    store, ids, stored, _planar, folder = county
    monthly, workbook, closeouts, export = outputs
    jcbh = "320123202603001"
    # the panel, as the dock shows a plot whose comparison has no rows
    html = panel_html(store, ids[0], jcbh, None)
    cells = re.findall(r"<td>([^<]*)</td><td align='right'>([^<]*)</td>", html)
    assert cells[0][1] == str(half_up_mu(stored[jcbh]))  # the plot: 6.40
    assert [value for _label, value in cells[1:]] == ["未比对"] * 3  # 耕地, 永农, 分地类
    assert "0.00" not in html
    assert "<b>" + jcbh + "</b>" in html and html.count("<b>") == 1  # no suggestion in bold
    # 核查报告: the 面积构成 rows say 未比对 under every class
    [report] = print_documents(store, [ids[0]], VERIFICATION, folder / "核查")
    text = pdf_text(report.path)
    composition = text.split("（二）面积构成")[1].split("四、")[0]
    for unit in ("面积（m²）", "面积（亩）"):
        line = next(ln for ln in composition.splitlines() if ln.strip().startswith(unit))
        assert line.split()[2:] == ["未比对"] * 5
    assert "0.00" not in composition
    # 销号报告: no cropland figure printed as 0.00
    assert not re.search(r"耕地\S*\s+0\.00", pdf_text(closeouts[jcbh]))
    # 月报: the county table, the township table and the chart's label
    text = pdf_text(monthly)
    page_one = flat(text.split("二、乡镇汇总")[0])
    for name in ("违法占用耕地面积(亩)", "违法占耕宗数", "违法占用永久基本农田面积(亩)"):
        assert f"{name}未比对" in page_one
    township = next(ln for ln in text.split("二、乡镇汇总")[1].splitlines() if "青山镇" in ln)
    assert township.split()[6:8] == ["未比对", "未比对"]  # 违法面积 then these
    chart = text.split("三、乡镇违法面积图")[1].split("图1")[0]
    assert "未比对" in chart and "0.00" not in chart
    # the statistics workbook: empty cells with a note
    sheet = openpyxl.load_workbook(workbook)["县级汇总"]
    headers = [cell.value for cell in sheet[1]]
    for name in ("违法占用耕地面积(亩)", "违法占用永久基本农田面积(亩)"):
        cell = sheet.cell(row=2, column=headers.index(name) + 1)
        assert cell.value is None and "未比对" in cell.comment.text
    # the submission export: GDMJ and JBNTMJ empty with a note, NULL in the GeoPackage
    sheet = openpyxl.load_workbook(export.workbook)["上报图斑"]
    headers = [cell.value for cell in sheet[1]]
    for name in ("占用耕地面积(亩)\nGDMJ", "占用永久基本农田面积(亩)\nJBNTMJ"):
        for row in range(2, 5):
            cell = sheet.cell(row=row, column=headers.index(name) + 1)
            assert cell.value is None and "未比对" in cell.comment.text
    with sqlite3.connect(export.geopackage) as gpkg:
        [table] = gpkg.execute("SELECT table_name FROM gpkg_contents").fetchone()
        values = gpkg.execute(f'SELECT GDMJ, JBNTMJ FROM "{table}"').fetchall()
    assert values == [(None, None)] * 3


def test_a_rectified_area_larger_than_the_plot_is_refused_with_a_message(qgis_app, case_target):
    store = CaseStore.create(case_target, 4549, user="测试员")
    batch = store.add_batch("2026年第3批部卫片", received_date="2026-03-05")
    side = 6300.0**0.5  # a 6,300 m² square (planar): 9.45 亩
    plot_id = store.add_plot(
        NewPlot(
            jcbh="320123202603009", geometry=_polygon([(0, 0), (side, 0), (side, side), (0, side)])
        ),
        batch,
    )
    [m2] = store._db.execute("SELECT area_ellipsoidal_m2 FROM plot").fetchone()
    wf.record_verification(
        store,
        plot_id,
        "已建成",
        construction_date="2026-02",
        verifier="李",
        verified_on="2026-03-08",
    )
    wf.determine(store, plot_id, "违法", "厂房", decided_by="王", decided_on="2026-03-10")
    wf.file_case(store, plot_id, "青国土立〔2026〕9号", "2026-03-12")
    wf.start_rectification(store, plot_id, ["拆除复耕"], "2026-03-15")
    # 拆除 7,000 m² on a plot of about 6,300 m²: 7000 × 15 / 10000 = 10.50 亩 > the plot's
    with pytest.raises(wf.WorkflowRefused) as refused:
        wf.record_reinspection(
            store,
            plot_id,
            "整改到位",
            "2026-03-25",
            "赵",
            demolished_area_m2=7000.0,
            restored_area_m2=7000.0,
        )
    message = str(refused.value)
    assert "320123202603009" in message and "10.50" in message
    assert str(half_up_mu(m2)) in message  # the plot's own figure, e.g. 9.45
    # the whole plot demolished and restored (the same ground) is accepted and counted once
    wf.record_reinspection(
        store, plot_id, "整改到位", "2026-03-25", "赵", demolished_area_m2=m2, restored_area_m2=m2
    )
    assert store.list_plots()[0].status == "待复核"  # re-inspected, the close-out next
    store.close()
