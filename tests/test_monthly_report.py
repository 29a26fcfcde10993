"""The monthly report PDF (月报) of the hand-built county of test_statistics.py, read back
the way a person or an auditor would: the text (pdftotext -layout) against the figures of
``statistics.compute``, the fonts (pdffonts), the page count (pdfinfo), the footers and the
QR code (pdftoppm + zbarimg); and landcase:monthlystatistics writing it headless."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import shutil
from decimal import ROUND_HALF_UP, Decimal

import pytest
from test_reports import (
    decode_qr,
    page_count,
    page_text,
    pdf_fonts,
    render_pages,
    run,
    squeeze,
)
from test_statistics import BS, QS, TODAY, build_county

from landcase.cases import statistics as st
from landcase.reports import qr_payload, read_case_hash, register_cjk_font
from landcase.reports.monthly_report import (
    MonthlyReport,
    build_monthly_report,
    cell_text,
    fmt_rate,
    header_lines,
    monthly_report_model,
    wrap_lines,
)

GENERATED = dt.datetime(2026, 6, 1, 9, 30)
UNIT = "江宁区青山镇规划资源所"
TITLE = "卫片执法图斑月报（2026年3月）"
TOOLS = ("pdftotext", "pdffonts", "pdfinfo", "pdftoppm", "zbarimg")
pytestmark = pytest.mark.skipif(
    any(shutil.which(t) is None for t in TOOLS),
    reason="needs poppler-utils and zbar-tools (make apt)",
)


def two(value: float) -> str:
    """亩 with two decimals, rounded half up."""
    return str(Decimal(repr(float(value))).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


def percent(value: float) -> str:
    return str((Decimal(repr(float(value))) * 100).quantize(Decimal("0.01"), ROUND_HALF_UP)) + "%"


@pytest.fixture(scope="module")
def county(module_target):
    store, ids = build_county(module_target)
    yield store, ids
    store.close()


@pytest.fixture(scope="module")
def march(county):
    store, _ids = county
    return st.compute(store, "2026-03", today=TODAY)


@pytest.fixture(scope="module")
def built(march, tmp_path_factory):
    model = monthly_report_model(march, UNIT, generated_at=GENERATED)
    path = tmp_path_factory.mktemp("pdf") / "月报-2026-03.pdf"
    return model, build_monthly_report(model, path)


def lines_between(text: str, start: str, end: str) -> list[str]:
    """The lines of ``text`` after the one holding ``start`` and before ``end``."""
    lines = text.splitlines()
    first = next(i for i, line in enumerate(lines) if start in line)
    last = next((i for i in range(first + 1, len(lines)) if end in lines[i]), len(lines))
    return lines[first + 1 : last]


def row_of(lines: list[str], name: str) -> list[str]:
    """The cells of the table line starting with ``name``."""
    found = [line.split() for line in lines if line.split()[:1] == [name]]
    assert len(found) == 1, (name, lines)
    return found[0]


# -- the numbers ------------------------------------------------------------------------------


def test_numbers_are_printed_like_the_workbook():
    assert fmt_rate(2 / 3) == "66.67%"
    assert fmt_rate(0.00125) == "0.13%"  # half up, from the shortest decimal form
    assert fmt_rate(1.0) == "100.00%"
    assert fmt_rate(float("nan")) == "—" and fmt_rate(None) == "—"
    assert cell_text(17.099999999, st.AREA) == "17.10"
    assert cell_text(0.125, st.AREA) == "0.13"
    assert cell_text(True, st.FLAG) == "是" and cell_text(False, st.FLAG) == "否"
    assert cell_text(3, st.COUNT) == "3" and cell_text(3.0, st.COUNT) == "3"
    # issue 11: an area not computed is 未比对, never 0.00 or a dash; a rate without
    # denominator stays —
    assert cell_text(None, st.AREA) == "未比对" and cell_text("", st.TEXT) == "—"
    assert cell_text(float("nan"), st.AREA) == "未比对" and cell_text(None, st.RATE) == "—"
    assert cell_text(1.01, st.AREA) == "1.01"  # 670 m² printed by the figures


def test_headers_break_before_their_brackets():
    fonts = register_cjk_font()
    font, size = fonts.regular, 9
    assert header_lines("违法面积(亩)", font, size, 40) == ["违法面积", "(亩)"]
    assert header_lines("乡镇(街道)", font, size, 30) == ["乡镇", "(街道)"]
    assert header_lines("违法面积(亩)", font, size, 200) == ["违法面积(亩)"]
    # closing punctuation takes the word before it down, never starts a line alone
    text = "履职到位率 = (已结案宗数 + 非立案处理宗数) ÷ 违法宗数 (blank without violations)."
    for width in range(120, 400, 7):
        for line in wrap_lines(text, font, 8.5, width)[1:]:
            assert not line.startswith((")", ").", "）")), (width, line)


# -- the model ----------------------------------------------------------------------------------


def test_the_model_holds_the_statistics(march, built):
    model, _result = built
    assert isinstance(model, MonthlyReport)
    assert model.title == TITLE and model.monthly
    assert (model.period_start, model.period_end, model.today) == (
        "2026-03-01",
        "2026-03-31",
        TODAY,
    )
    assert model.unit == UNIT and model.batch == "" and model.plots == 7
    assert model.summary.names == ["江宁区"]  # one county: no 合计 column
    figures = {f.label: f.values[0] for g in model.summary.groups for f in g.figures}
    row = march.row("county", county_code="320123")
    assert figures["违法面积(亩)"] == pytest.approx(row["illegal_area"])
    assert figures["整改到位率"] == pytest.approx(row["rectification_rate"])
    assert figures["逾期(答复)"] == 1
    names = [r[0] for r in model.township.rows]
    assert names == [BS, QS, st.TOTAL] and model.township.total_row
    assert [b.township for b in model.chart] == [BS, QS]
    assert model.chart[1].illegal_area == pytest.approx(17.1)
    assert model.denominator.source == st.FROM_PLOTS and not model.denominator.entered
    assert model.denominator.area_mu == pytest.approx(19.2)
    assert model.notes == march.notes
    labels = [d.label for d in model.definitions]
    assert "违法占耕比例" in labels and "逾期(项)" in labels


def test_the_hash_covers_the_figures_not_the_generation_time(built):
    model, result = built
    assert model.case_hash() == result.case_hash
    later = dataclasses.replace(model, generated_at=dt.datetime(2027, 1, 1))
    assert later.case_hash() == model.case_hash()
    changed = dataclasses.replace(
        model,
        township=dataclasses.replace(model.township, rows=[list(r) for r in model.township.rows]),
    )
    changed.township.rows[1][5] = 17.2  # 青山镇 违法面积
    assert changed.case_hash() != model.case_hash()
    assert dataclasses.replace(model, unit="另一单位").case_hash() != model.case_hash()


# -- the PDF ------------------------------------------------------------------------------------


def test_first_page_title_unit_and_county_figures(march, built, artifacts):
    model, result = built
    text = page_text(result.path, 1)
    flat = squeeze(text)
    assert TITLE in flat
    assert f"填报单位：{UNIT}" in flat
    assert "统计期间：2026-03-01至2026-03-31" in flat and "逾期计算日：2026-06-01" in flat
    assert "生成时间：2026-06-0109:30" in flat
    assert "一、县级汇总（江宁区）" in flat
    row = march.row("county", county_code="320123")
    expected = {
        "登记图斑数": str(row["registered"]),
        "登记图斑面积(亩)": two(row["registered_area"]),
        "下发图斑数": str(row["issued"]),
        "已判定图斑数": str(row["determined"]),
        "违法宗数": str(row["illegal_count"]),
        "违法面积(亩)": two(row["illegal_area"]),
        "违法占用耕地面积(亩)": two(row["illegal_cropland_area"]),
        "违法占用永久基本农田面积(亩)": two(row["illegal_farmland_area"]),
        "新增违法面积(亩)": two(row["new_illegal_area"]),
        "新增建设用地占用耕地面积(亩)": two(row["construction_cropland_area"]),
        "违法占耕比例": percent(row["illegal_cropland_ratio"]),
        "整改到位率": percent(row["rectification_rate"]),
        "履职到位率": percent(row["performance_rate"]),
        "剩余未整改面积(亩)": two(row["unrectified_area"]),
        "非粮化面积(亩)": two(row["non_grain_area"]),
        "逾期(月报)": str(row["overdue_monthly_report"]),
    }
    # hand-worked in test_statistics: 27.00, 17.10, 9.90, 2.70, 84.62 %, 33.33 % (issue 11:
    # P2 is only referred, which is no rectification: (1 + 0) ÷ 3)
    assert expected["登记图斑面积(亩)"] == "27.00" and expected["违法面积(亩)"] == "17.10"
    assert expected["违法占耕比例"] == "84.62%" and expected["整改到位率"] == "33.33%"
    for label, value in expected.items():
        pattern = rf"(^|\s){re.escape(label)}\s+{re.escape(value)}(\s|$)"
        assert re.search(pattern, text, re.M), (label, value)
    render_pages(result.path, artifacts, "monthly_report", result.pages)
    assert (artifacts / "monthly_report-1.png").exists()


def test_township_row_matches_the_statistics(march, built):
    _model, result = built
    text = page_text(result.path)
    lines = lines_between(text, "二、乡镇汇总", "三、")
    qs = march.row("township", township=QS)
    overdue = sum(int(qs[key]) for key in st.OVERDUE_KEYS.values())
    assert row_of(lines, QS) == [
        QS,
        str(qs["issued"]),
        str(qs["registered"]),
        str(qs["determined"]),
        str(qs["illegal_count"]),
        two(qs["illegal_area"]),
        two(qs["illegal_cropland_area"]),
        two(qs["illegal_farmland_area"]),
        percent(qs["rectification_rate"]),
        percent(qs["performance_rate"]),
        two(qs["unrectified_area"]),
        str(overdue),
    ]
    assert row_of(lines, QS)[1:8] == ["3", "4", "3", "3", "17.10", "9.90", "2.70"]
    # 白水镇 has no violation: its rates are blank, not 0 %
    assert row_of(lines, BS)[8:10] == ["—", "—"]
    total = march.row("township", county_code=st.TOTAL)
    assert row_of(lines, "合计")[1:6] == ["6", "7", "5", "3", two(total["illegal_area"])]


def test_flags_denominator_and_rankings(march, built):
    _model, result = built
    text = page_text(result.path)
    flat = squeeze(text)
    assert "四、县级考核指标（2026年1月1日至2026-03-31）" in flat
    flags = march["county_flags"].iloc[0]
    assert re.search(rf"违法占用耕地面积\(亩\)\s+{two(flags['illegal_cropland_area'])}\b", text)
    assert re.search(rf"违法占耕比例\s+{re.escape(percent(flags['illegal_cropland_ratio']))}", text)
    assert re.search(r"违法占耕比例>15%\(问责\)\s+是", text)
    assert re.search(r"初始违法占耕≥100亩\(扣分\)\s+否", text)
    assert "违法占耕比例的分母：由图斑计算的2026年新增建设用地占用耕地面积19.20亩" in flat
    assert "未录入2026年新增建设用地占用耕地总面积" in flat
    quota = lines_between(text, "五、乡镇考核指标", "六、")
    qs = march["township_quota"].set_index("township").loc[QS]
    assert row_of(quota, QS)[1:4] == [
        str(qs["illegal_count"]),
        two(qs["illegal_area"]),
        two(qs["year_end_unrectified_area"]),
    ]
    assert row_of(quota, QS)[-2:] == [percent(qs["rectification_rate"]), "否"]
    non_agri = lines_between(text, "六、非农化面积前十乡镇", "七、")
    assert row_of(non_agri, "1") == ["1", QS, "9.90", "3"]
    non_grain = lines_between(text, "七、非粮化面积前十乡镇", "八、")
    assert row_of(non_grain, "1") == ["1", BS, "3.00", "1"]
    # 九、the award proposal (seed 002): 青山镇 keeps unrectified violations (P2, P3); 白水镇
    # has P9 rectified only (1 of 1 = 100.00 %): 一等奖 30 亩; 问责违法占耕 1.50, 违法 3.00
    awards = lines_between(text, "九、乡镇用地指标奖励建议", "十、")
    assert row_of(awards, "1") == ["1", BS, "一等奖", "30.00", "1.50", "3.00", "1", "100.00%"]
    assert "由县（区）根据年终高质量考核确认" in squeeze("".join(awards))
    campaign = squeeze("".join(lines_between(text, "十、违法用地综合整治三年行动进度", "指标说明")))
    assert "未录入计划整治量" in campaign


def test_chart_and_definitions(built):
    _model, result = built
    text = page_text(result.path)
    flat = squeeze(text)
    assert "三、乡镇违法面积图" in flat
    assert "违法面积违法占用耕地面积" in flat  # the legend
    assert "图1各乡镇（街道）本期违法面积与违法占用耕地面积（亩）" in flat
    definitions = flat
    assert "指标说明" in definitions
    # the note says what is summed, and it is what the figures sum (issue 11)
    assert "图斑面积为图斑入库时计算的椭球面积，" in definitions
    assert "各表合计为所含图斑亩数之和" in definitions
    assert "plot.area_ellipsoidal_m2" not in definitions  # no column names for a reader
    assert "非立案处理指未立案且经复核整改到位的违法案件，仅移交而未整改到位的不计为到位" in flat
    assert "统计口径：按登记" in flat
    assert "统计期间：2026年3月（2026-03-01至2026-03-31）" in definitions
    assert (
        "整改到位率=（已整改到位宗数+非立案处理宗数）÷违法宗数（无违法图斑时留空）。" in definitions
    )
    assert "统计口径：按发生日期" in flat  # 八、本期办理情况
    assert "未判定图斑数=登记图斑数-已判定图斑数" in definitions  # "−" printable
    assert "〓" not in flat


def test_pages_footers_fonts_and_qr(built, tmp_path):
    model, result = built
    pages = page_count(result.path)
    assert pages == result.pages and 4 <= pages <= 6
    for page in range(1, pages + 1):
        flat = squeeze(page_text(result.path, page))
        assert f"第{page}页共{pages}页" in flat
        assert f"数据校验码：{result.case_hash}" in flat
        assert "统计期间：2026年3月" in flat
    fonts = pdf_fonts(result.path)  # the chart too: no unembedded Helvetica
    assert fonts, "no font in the PDF"
    for font in fonts:
        assert (font["emb"], font["sub"], font["uni"]) == ("yes", "yes", "yes"), font
    face = register_cjk_font().face_name
    assert all(face in font["name"] for font in fonts), fonts
    assert read_case_hash(result.path) == result.case_hash == model.case_hash()
    assert decode_qr(result.path, 1, tmp_path) == qr_payload("2026年3月", result.case_hash)
    info = run("pdfinfo", str(result.path))
    assert TITLE in info


def test_entered_denominator_and_an_empty_period(county, tmp_path):
    store, _ids = county
    st.set_new_construction_cropland(store, 2026, 150_000, source="变更调查新增建设用地图层")
    try:
        figures = st.compute(store, "2026-03", today=TODAY)
    finally:
        st.set_new_construction_cropland(store, 2026, None)
    model = monthly_report_model(figures, UNIT, generated_at=GENERATED)
    assert model.denominator.entered and model.denominator.area_mu == pytest.approx(225.0)
    result = build_monthly_report(model, tmp_path / "entered.pdf")
    flat = squeeze(page_text(result.path))
    assert (
        "2026年新增建设用地占用耕地总面积225.00亩，为录入数值（来源：变更调查新增建设用地图层）"
        in flat
    )
    assert re.search(r"违法占耕比例\s+7\.73%", page_text(result.path))  # 17.4 ÷ 225

    empty = st.compute(store, "2030-01", today=TODAY)
    result = build_monthly_report(monthly_report_model(empty), tmp_path / "empty.pdf")
    flat = squeeze(page_text(result.path))
    assert "卫片执法图斑月报（2030年1月）" in flat and "填报单位" not in flat
    assert "本期无非农化图斑" in flat and "本期无非粮化图斑" in flat
    assert "本期无图斑" in flat
    assert "监测批次：全部" in flat


def test_a_year_is_a_statistics_report(county, tmp_path):
    store, _ids = county
    figures = st.compute(store, "2026", batch="2026年第1批部卫片", today=TODAY)
    model = monthly_report_model(figures, UNIT)
    assert model.title == "卫片执法图斑统计报告（2026年）" and not model.monthly
    result = build_monthly_report(model, tmp_path / "2026.pdf", generated_at=GENERATED)
    flat = squeeze(page_text(result.path, 1))
    assert "监测批次：2026年第1批部卫片" in flat
    assert re.search(r"违法宗数\s+2\b", page_text(result.path, 1))  # P8, P9


# -- the Processing algorithm -----------------------------------------------------------------


def test_monthlystatistics_writes_the_pdf(county, qgis_processing, tmp_path):
    import processing

    from landcase.plugin.processing.statistics_algorithms import MonthlyStatisticsAlgorithm
    from landcase.toolbelt import settings

    store, _ids = county
    saved = settings.UNIT_NAME.get()
    settings.UNIT_NAME.set(UNIT)
    try:
        algorithm = MonthlyStatisticsAlgorithm()
        algorithm.initAlgorithm()
        workbook, pdf = tmp_path / "2026-03.xlsx", tmp_path / "out" / "2026-03.pdf"
        result = processing.run(
            algorithm,
            {
                "DATABASE": store.location,
                "PERIOD": "2026-03",
                "TODAY": TODAY,
                "OUTPUT_XLSX": str(workbook),
                "OUTPUT_PDF": str(pdf),
            },
        )
    finally:
        settings.UNIT_NAME.set(saved)
    assert workbook.exists() and pdf.exists()
    assert result["OUTPUT_PDF"] == str(pdf) and result["PAGES"] == page_count(pdf)
    assert (result["PLOTS"], result["ILLEGAL"]) == (7, 3)
    flat = squeeze(page_text(pdf, 1))
    assert TITLE in flat and f"填报单位：{UNIT}" in flat
    assert re.search(r"违法面积\(亩\)\s+17\.10", page_text(pdf, 1))

    algorithm = MonthlyStatisticsAlgorithm()
    algorithm.initAlgorithm()
    result = processing.run(
        algorithm,
        {
            "DATABASE": store.location,
            "PERIOD": "2026-03",
            "TODAY": TODAY,
            "OUTPUT_XLSX": str(tmp_path / "only.xlsx"),
        },
    )
    assert "PAGES" not in result and not list(tmp_path.glob("*.pdf"))


def test_a_month_with_only_close_outs_shows_them(county, tmp_path):
    """April 2026: nothing registered, but P1 (青山镇) was found 整改到位 on 20 April (拆除
    1,000 m² = 1.50 亩) and closed out on 25 April: 八、本期办理情况 counts them in April."""
    store, _ids = county
    figures = st.compute(store, "2026-04", today=TODAY)
    result = build_monthly_report(
        monthly_report_model(figures, UNIT, generated_at=GENERATED), tmp_path / "april.pdf"
    )
    text = page_text(result.path)
    assert "本期登记图斑 0 个" in text
    events = lines_between(text, "八、本期办理情况", "指标说明")
    # 乡镇 判定 判定违法 判定违法面积 立案 移交 整改到位 整改面积 销号
    assert row_of(events, QS) == [QS, "0", "0", "0.00", "0", "0", "1", "1.50", "1"]
    assert row_of(events, "合计")[-3:] == ["1", "1.50", "1"]
