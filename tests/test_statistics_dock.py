"""The statistics panel on the hand-built county of test_statistics.py: the table shows
the figures (values worked out by hand there, in 亩), the filters change the rows, the
chart has one bar per township, and "Export Excel…" writes a workbook openpyxl reads.
The panel is rendered to tests/artifacts/statistics_dock.png."""

from __future__ import annotations

import math

import openpyxl
import pytest
from qgis.PyQt.QtCore import QCoreApplication, QEvent, Qt
from qgis.PyQt.QtGui import QPalette
from qgis.PyQt.QtWidgets import QApplication
from test_statistics import BS, QS, TODAY, _illegal, _overlay, _plot, _rectified, build_county

from landcase.cases import CaseStore
from landcase.cases import statistics as st
from landcase.cases import workflow as wf
from landcase.forms.bar_chart import BarChart, nice_step
from landcase.forms.dataframe_model import VALUE_ROLE, DataFrameModel, format_value
from landcase.forms.statistics_dock import CHART_FIGURES, DOCK_OBJECT_NAME, StatisticsDock

MARCH_BATCH = "2026年第3批部卫片"
JANUARY_BATCH = "2026年第1批部卫片"
NOVEMBER_BATCH = "2025年第11批部卫片"


@pytest.fixture(scope="module")
def county(module_target):
    store, ids = build_county(module_target)
    yield store
    store.close()


@pytest.fixture
def dock(qgis_iface, county):
    panel = StatisticsDock(qgis_iface)
    panel.today = TODAY
    panel.set_store(county)
    panel.set_period("2026-03")
    yield panel
    panel.set_store(None)
    panel.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def headers(model) -> list[str]:
    return [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]


def rows(model) -> list[dict[str, str]]:
    """Each row as shown: header → text."""
    names = headers(model)
    return [
        {names[c]: model.index(r, c).data() for c in range(model.columnCount())}
        for r in range(model.rowCount())
    ]


def row_of(model, header: str, value: str) -> dict[str, str]:
    found = [row for row in rows(model) if row[header] == value]
    assert len(found) == 1, (header, value, found)
    return found[0]


# -- the table -------------------------------------------------------------------------


def test_the_dock_opens_on_the_township_table_of_the_period(dock):
    assert dock.objectName() == DOCK_OBJECT_NAME
    assert dock.level() == "township"
    assert dock.statistics().period == st.parse_period("2026-03")
    names = headers(dock.model)
    # one county: its code and name are left out, the township comes first
    assert names[:2] == ["乡镇(街道)", "登记图斑数"]
    assert "违法面积(亩)" in names and "整改到位率" in names and "违法宗数" in names
    # sorted by township, 合计 last
    assert [row["乡镇(街道)"] for row in rows(dock.model)] == [BS, QS, st.TOTAL]


def test_the_table_shows_the_hand_computed_figures_of_march(dock):
    """P1–P7 (values worked out in test_statistics.py): 青山镇 has P1, P2, P3 (违法 9.0,
    4.5, 3.6 亩; 耕地 4.5, 4.5, 0.9) and the patrol plot P7; 白水镇 P4, P5, P6."""
    qs = row_of(dock.model, "乡镇(街道)", QS)
    assert qs["登记图斑数"] == "4"
    assert qs["违法宗数"] == "3"
    assert qs["违法面积(亩)"] == "17.10"
    assert qs["违法占用耕地面积(亩)"] == "9.90"
    assert qs["剩余未整改面积(亩)"] == "8.10"  # P2 4.5 + P3 3.6
    # (P1 rectified + 0 非立案处理) / 3: P2 is only referred, no rectification (issue 11)
    assert qs["整改到位率"] == "33.33%"
    assert qs["违法占耕比例"] == "100.00%"
    bs = row_of(dock.model, "乡镇(街道)", BS)
    assert (bs["违法宗数"], bs["违法面积(亩)"]) == ("0", "0.00")
    assert bs["整改到位率"] == ""  # no violation: blank, not 0 %
    total = rows(dock.model)[-1]
    assert (total["登记图斑数"], total["违法面积(亩)"]) == ("7", "17.10")
    assert total["登记图斑面积(亩)"] == "27.00"


def test_every_cell_is_the_statistics_value_as_formatted(dock):
    frame = dock.statistics().tables["township"]
    model = dock.model
    assert model.rowCount() == len(frame)
    assert [c.key for c in model.columns()] == list(frame.columns[2:])  # not the county's
    for r in range(len(frame)):
        for c, key in enumerate(frame.columns[2:]):
            value = frame.iloc[r][key]
            shown = model.index(r, c).data()
            unit = st.COLUMNS[key].unit
            if unit == st.AREA:
                assert shown == f"{round(value + 1e-9, 2):.2f}", key
            elif unit == st.RATE:
                expected = "" if math.isnan(value) else f"{round(value * 100 + 1e-9, 2):.2f}%"
                assert shown == expected, key
            elif unit == st.COUNT:
                assert shown == str(int(value)), key
            raw = model.index(r, c).data(VALUE_ROLE)
            if unit in (st.AREA, st.RATE) and not (isinstance(value, float) and math.isnan(value)):
                assert raw == pytest.approx(float(value)), key


def test_numbers_are_right_aligned_and_texts_left(dock):
    model = dock.model
    right = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    for key in ("registered", "illegal_area", "rectification_rate"):
        column = model.column_of(key)
        assert model.index(0, column).data(Qt.ItemDataRole.TextAlignmentRole) == right, key
    township = model.column_of("township")
    assert model.index(0, township).data(Qt.ItemDataRole.TextAlignmentRole) != right
    # the header explains the figure
    tip = model.headerData(
        model.column_of("rectification_rate"),
        Qt.Orientation.Horizontal,
        Qt.ItemDataRole.ToolTipRole,
    )
    assert tip.startswith("整改到位率 = ")


def test_sorting_keeps_the_total_last(dock):
    column = dock.model.column_of("illegal_area")
    dock.table.sortByColumn(column, Qt.SortOrder.DescendingOrder)
    assert [row["乡镇(街道)"] for row in rows(dock.model)] == [QS, BS, st.TOTAL]
    dock.table.sortByColumn(column, Qt.SortOrder.AscendingOrder)
    assert [row["乡镇(街道)"] for row in rows(dock.model)] == [BS, QS, st.TOTAL]
    # blanks (no rate) last in both directions, before the total
    rate = dock.model.column_of("rectification_rate")
    for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
        dock.table.sortByColumn(rate, order)
        assert [row["乡镇(街道)"] for row in rows(dock.model)] == [QS, BS, st.TOTAL]


# -- the filters -------------------------------------------------------------------------


def test_several_counties_keep_their_columns(dock, county):
    """With two counties the township table shows which county a township is in."""
    from landcase.forms.statistics_dock import _without_one_county

    frame = dock.statistics().tables["township"].copy()
    pinned = (frame["county_code"] == st.TOTAL).to_numpy()
    assert "county_code" not in _without_one_county(frame, pinned).columns
    frame.loc[0, "county_code"] = "320124"
    assert list(_without_one_county(frame, pinned).columns) == list(frame.columns)


def test_the_level_changes_the_rows(dock):
    dock.set_level("village")
    shown = [(row["乡镇(街道)"], row["村(社区)"]) for row in rows(dock.model)]
    assert shown == [(BS, "南村"), (QS, "东村"), (QS, "西村"), (st.TOTAL, "")]
    east = row_of(dock.model, "村(社区)", "东村")
    assert (east["登记图斑数"], east["违法面积(亩)"]) == ("3", "13.50")  # P1, P2, P7
    dock.set_level("county")
    (county, total) = rows(dock.model)
    assert (county["县级行政区代码"], county["县级行政区名称"]) == ("320123", "江宁区")
    assert total["县级行政区代码"] == st.TOTAL
    dock.set_level("county_flags")
    (flags,) = rows(dock.model)
    assert flags["违法占用耕地面积(亩)"] == "17.40"  # the year so far: + P8 6.0, P9 1.5
    assert flags["违法占耕比例"] == "90.63%"  # 17.4 / 19.2
    assert flags["违法占耕比例>15%(问责)"] == "是"
    assert flags["初始违法占耕≥100亩(扣分)"] == "否"
    column = dock.model.column_of("flag_cropland_ratio")
    assert dock.model.index(0, column).data(Qt.ItemDataRole.ForegroundRole) is not None  # marked
    dock.set_level("non_agri_ranking")
    assert [(row["排名"], row["乡镇(街道)"]) for row in rows(dock.model)] == [("1", QS)]
    dock.set_level("non_grain_ranking")
    assert [(row["排名"], row["乡镇(街道)"]) for row in rows(dock.model)] == [("1", BS)]


def test_quarters_the_year_end_and_the_events_table(dock):
    dock.set_period("2026-Q1")  # P1–P9: March and January batches
    assert dock.statistics().period.label == "2026年第一季度"
    assert rows(dock.model)[-1]["登记图斑数"] == "9"
    dock.set_level("events")
    total = rows(dock.model)[-1]
    # in Q1: P8 closed out 02-20; P1, P8, P9 found 整改到位 by 03-31? P1 on 04-20: no;
    # P8 on 02-15 and P9 on 02-28: 2 rectified, 1 closed out
    assert (total["本期整改到位宗数"], total["本期销号宗数"]) == ("2", "1")
    dock.set_period("2026-年末")
    assert dock.statistics().period.label == "2026年末"
    dock.set_level("township_awards")  # 白水镇: P9 rectified; 青山镇 keeps P2, P3, P11, P12
    assert [(r["乡镇(街道)"], r["奖项"], r["奖励指标(亩)"]) for r in rows(dock.model)] == [
        (BS, "一等奖", "30.00")
    ]
    dock.set_level("campaign")  # no plan entered: no row
    assert dock.model.rowCount() == 0
    dock.set_level("township")


def test_the_batches_are_offered_in_order(dock):
    offered = [
        (dock.batch_combo.itemText(i), dock.batch_combo.itemData(i))
        for i in range(dock.batch_combo.count())
    ]
    assert offered == [
        ("All", None),
        (NOVEMBER_BATCH, NOVEMBER_BATCH),
        (JANUARY_BATCH, JANUARY_BATCH),
        (MARCH_BATCH, MARCH_BATCH),
    ]


def test_the_period_and_the_batch_change_the_figures(dock):
    dock.set_period("2026")
    total = rows(dock.model)[-1]
    assert total["登记图斑数"] == "9"  # P1–P9
    dock.set_batch(JANUARY_BATCH)
    assert dock.statistics().batch == JANUARY_BATCH
    qs, bs = row_of(dock.model, "乡镇(街道)", QS), row_of(dock.model, "乡镇(街道)", BS)
    assert (qs["登记图斑数"], qs["违法面积(亩)"]) == ("1", "6.00")  # P8
    assert (bs["登记图斑数"], bs["违法面积(亩)"]) == ("1", "3.00")  # P9
    assert rows(dock.model)[-1]["登记图斑数"] == "2"
    dock.set_batch(None)
    dock.set_period("2025")  # P10–P13
    assert rows(dock.model)[-1]["登记图斑数"] == "4"
    dock.set_period("2026-01-01/2026-01-31")  # P8, P9 (batch received 10 January)
    assert rows(dock.model)[-1]["登记图斑数"] == "2"
    assert dock.statistics().period.label == "2026-01-01至2026-01-31"


def test_the_month_picker_sets_the_period(dock):
    dock.set_period("2026")
    palette = dock.month_edit.palette()  # a year: the picker's month is greyed
    assert palette.color(QPalette.ColorRole.Text) == palette.color(
        QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text
    )
    dock.month_edit.setDate(dock.month_edit.date().fromString("2026-01-01", "yyyy-MM-dd"))
    assert dock.period_edit.text() == "2026-01"
    assert dock.statistics().period == st.parse_period("2026-01")
    # a month typed in moves the picker
    dock.set_period("2025-11")
    assert (dock.month_edit.date().year(), dock.month_edit.date().month()) == (2025, 11)
    palette = dock.month_edit.palette()
    assert palette.color(QPalette.ColorRole.Text) != palette.color(
        QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text
    )
    assert rows(dock.model)[-1]["登记图斑数"] == "4"


def test_a_period_it_cannot_read_is_said_and_nothing_is_shown(dock):
    dock.set_period("2026-13")
    assert dock.statistics() is None
    assert dock.model.rowCount() == 0 and dock.chart.bars() == []
    assert "2026-13" in dock.status.text() and "YYYY" in dock.status.text()
    assert not dock.export_button.isEnabled()
    dock.set_period("2026-03")
    assert dock.statistics() is not None and dock.export_button.isEnabled()


def test_the_status_line_says_which_denominator_was_used(dock, county):
    text = dock.status.text()
    assert "2026年3月" in text and "7 plots" in text
    assert "denominator 19.20 亩, computed from the plots" in text and "2026" in text
    assert "由图斑计算" in dock.status.toolTip()  # the notes of the workbook
    st.set_new_construction_cropland(county, 2026, 60_000, source="变更调查")  # 90 亩
    try:
        dock.reload()
        text = dock.status.text()
        assert "90.00 亩" in text and "变更调查" in text and "entered" in text
    finally:
        st.set_new_construction_cropland(county, 2026, None)


def test_the_figures_wait_until_the_dock_is_shown(qgis_iface, county):
    panel = StatisticsDock(qgis_iface)
    try:
        panel.today = TODAY
        panel.period_edit.setText("2026-03")
        panel.set_store(county)
        assert panel.statistics() is None  # hidden: nothing computed yet
        panel.show()
        QApplication.processEvents()
        assert panel.statistics() is not None
        assert rows(panel.model)[-1]["登记图斑数"] == "7"
        panel.set_store(None)
        assert panel.statistics() is None and panel.model.rowCount() == 0
        assert panel.status.text() == "No case database open."
    finally:
        panel.hide()
        panel.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


# -- the chart ---------------------------------------------------------------------------


def test_the_chart_has_one_bar_per_township(dock):
    assert dock.chart_figure() == "illegal_area"
    assert dock.chart.bars() == [(QS, pytest.approx(17.1)), (BS, pytest.approx(0.0))]
    dock.set_chart_figure("illegal_cropland_area")
    assert dock.chart_data() == {QS: pytest.approx(9.9), BS: pytest.approx(0.0)}
    dock.set_chart_figure("unrectified_area")
    assert dock.chart_data() == {QS: pytest.approx(8.1), BS: pytest.approx(0.0)}
    dock.set_chart_figure("rectification_rate")
    # 33.33 % as printed (1 ÷ 3 rounded half up); 白水镇 has no violation
    assert dock.chart.bars() == [(QS, pytest.approx(0.3333)), (BS, None)]
    assert dock.chart.axis_maximum() == 1.0
    assert dock.chart.title().startswith("整改到位率")
    # the chart follows the filters, not the table shown
    dock.set_level("village")
    dock.set_batch(MARCH_BATCH)
    assert dict(dock.chart.bars()).keys() == {QS, BS}
    assert [dock.figure_combo.itemData(i) for i in range(dock.figure_combo.count())] == list(
        CHART_FIGURES
    )


def test_chart_axis_steps(qgis_app):
    assert nice_step(17.1, 4) == 5
    assert nice_step(29.1, 4) == 10
    assert nice_step(1.0, 4) == 0.25
    assert nice_step(0.0) == 1.0
    chart = BarChart()
    chart.set_data(["a", "b", "c"], [3.0, float("nan"), 17.1])
    assert chart.bars() == [("c", 17.1), ("a", 3.0), ("b", None)]
    assert chart.axis_maximum() == 20
    chart.deleteLater()


# -- the model on its own ------------------------------------------------------------------


def test_the_model_formats_by_unit(qgis_app):
    assert format_value(17.1, st.AREA) == "17.10"
    assert format_value(0.5, st.RATE) == "50.00%"
    assert format_value(17.4 / 19.2, st.RATE) == "90.63%"  # 0.90625: half up, as Excel
    assert format_value(2.675, st.AREA) == "2.68"  # 2.67499… in binary
    assert format_value(-0.005, st.AREA) == "-0.01"
    assert format_value(float("nan"), st.RATE) == ""
    assert format_value(True, st.FLAG) == "是" and format_value(False, st.FLAG) == "否"
    assert format_value(3.0, st.COUNT) == "3"
    model = DataFrameModel()
    model.set_frame(None)
    assert model.rowCount() == 0 and model.columnCount() == 0


# -- the workbook --------------------------------------------------------------------------


def test_export_excel_writes_a_workbook(dock, tmp_path):
    asked = []
    target = tmp_path / "out" / "statistics.xlsx"

    def choose(suggested):
        asked.append(suggested)
        return str(target)

    dock.choose_export_path = choose
    written = []
    dock.exported.connect(written.append)
    dock.export_button.click()
    assert asked and asked[0].endswith("月报_2026年3月.xlsx")
    assert written == [str(target)] and target.exists()
    book = openpyxl.load_workbook(target)
    assert book.sheetnames == ["说明", *st.TABLE_TITLES.values()]
    sheet = book["乡镇汇总"]
    names = [cell.value for cell in sheet[1]]
    values = {row[2]: dict(zip(names, row)) for row in sheet.iter_rows(min_row=2, values_only=True)}
    assert values[QS]["违法面积(亩)"] == pytest.approx(17.1)
    assert values[QS]["整改到位率"] == pytest.approx(0.3333)  # 1 ÷ 3 = 33.33 %


def test_export_cancelled_writes_nothing(dock, tmp_path):
    dock.choose_export_path = lambda suggested: None
    assert dock.export_excel() is None
    assert list(tmp_path.iterdir()) == []


def test_export_of_a_batch_suggests_its_name(dock):
    dock.set_batch(MARCH_BATCH)
    assert dock.suggested_export_path().endswith("月报_2026年3月_2026年第3批部卫片.xlsx")


# -- the picture ---------------------------------------------------------------------------

TOWNSHIPS = {  # township: (violations in 亩 of area, of which rectified)
    "永宁镇": ((12.0, 6.5, 3.2, 2.0), 1),
    "柳河镇": ((8.5, 4.0), 2),
    "大兴镇": ((15.6, 9.1, 4.4), 0),
    "东湖镇": ((2.5,), 1),
    "石湖镇": ((6.2, 3.3), 1),
    "金沙镇": ((1.2, 0.8, 0.6), 0),
    "龙泉镇": ((9.8,), 0),
    "花桥镇": ((4.0, 4.0), 1),
}


def build_townships(path) -> CaseStore:
    """Eight townships of violations found in March 2026, a share of them rectified."""
    store = CaseStore.create(path, 4549, user="测试员")
    batch = store.add_batch(MARCH_BATCH, received_date="2026-03-05")
    index = 0
    for number, (township, (areas, rectified)) in enumerate(TOWNSHIPS.items(), start=1):
        for place, area in enumerate(areas):
            index += 1
            code, name = ("320123", "江宁区") if index == 1 else (f"320123{number:03d}", township)
            plot_id = _plot(store, batch, index, township, f"{place + 1}村", code, xzqmc=name)
            _overlay(store, plot_id, area, area * 0.6, area * 0.1)
            _illegal(store, plot_id)
            wf.file_case(store, plot_id, f"江规资立〔2026〕{index}号", "2026-03-18")
            if place < rectified:
                _rectified(store, plot_id, "2026-03-20", "2026-03-28")
    return store


def test_render_the_dock(qgis_iface, tmp_path, artifacts):
    store = build_townships(tmp_path / "townships.sqlite")
    panel = StatisticsDock(qgis_iface)
    try:
        panel.today = TODAY
        panel.resize(640, 940)
        panel.show()
        panel.set_store(store)
        panel.set_period("2026-03")
        panel.set_chart_figure("illegal_area")
        QApplication.processEvents()
        assert len(panel.chart.bars()) == len(TOWNSHIPS)
        assert panel.chart.bars()[0] == ("大兴镇", pytest.approx(15.6 + 9.1 + 4.4))
        image = panel.grab()
        assert image.save(str(artifacts / "statistics_dock.png"))
        panel.set_chart_figure("rectification_rate")
        QApplication.processEvents()
        rates = panel.chart_data()
        assert rates["柳河镇"] == pytest.approx(1.0) and rates["大兴镇"] == pytest.approx(0.0)
        assert panel.chart.grab().save(str(tmp_path / "rate_chart.png"))
    finally:
        panel.set_store(None)
        panel.hide()
        panel.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        store.close()
