"""The case panel (dock) on a real case database: filters, search, overdue marking,
numeric sorting, counts, the choices offered, and the selection shared with the map."""

from __future__ import annotations

import pytest
from qgis.core import QgsProject
from qgis.PyQt.QtCore import QCoreApplication, QEvent, Qt
from qgis.PyQt.QtGui import QBrush, QColor

from helpers import force_status, new_plot, small_database
from landcase.forms.case_dock import CaseDock
from landcase.forms.plot_table_model import (
    COL_AREA,
    COL_DAYS_LEFT,
    COL_JCBH,
    COL_STATUS,
    OVERDUE_ROLE,
    PLOT_ID_ROLE,
    PlotFilter,
)
from landcase.layers.plot_layer import add_case_layers

TODAY = "2026-03-01"
FIRST_BATCH = "2026年第1批部卫片"  # received 2026-02-01: determination due 2026-02-21
SECOND_BATCH = "2026年第2批部卫片"  # received 2026-02-15: determination due 2026-03-07

# index: (batch, township, village, status, determination, rectification task listed on)
PLOTS = {
    0: (FIRST_BATCH, "青山镇", "东村", "待核查", None, None),  # overdue 8
    1: (FIRST_BATCH, "青山镇", "西村", "已核查", None, None),  # overdue 8
    2: (SECOND_BATCH, "白水镇", "南村", "待核查", None, None),  # 6 days left
    3: (SECOND_BATCH, "白水镇", "北村", "已判定", "违法", None),  # no deadline
    4: (SECOND_BATCH, None, "新村", "整改中", "违法", "2026-01-10"),  # due 03-11: 10 left
    5: (FIRST_BATCH, "白水镇", "东村", "整改中", "违法", "2025-12-01"),  # due 01-30: overdue 30
    6: (FIRST_BATCH, "青山镇", "东村", "已办结", "合法", None),  # no deadline
}
DAYS_LEFT = {0: -8, 1: -8, 2: 6, 3: None, 4: 10, 5: -30, 6: None}


def jcbh(*indexes: int) -> set[str]:
    return {new_plot(index).jcbh for index in indexes}


def shown(dock: CaseDock) -> set[str]:
    return {dock.proxy.index(row, COL_JCBH).data() for row in range(dock.proxy.rowCount())}


def column(dock: CaseDock, number: int, role=Qt.ItemDataRole.DisplayRole) -> list:
    return [dock.proxy.index(row, number).data(role) for row in range(dock.proxy.rowCount())]


def combo_items(combo) -> list[tuple[str, str | None]]:
    return [(combo.itemText(i), combo.itemData(i)) for i in range(combo.count())]


def build_station(path):
    store = small_database(path, plots=0)
    batches = {
        FIRST_BATCH: store.batch_id(FIRST_BATCH),
        SECOND_BATCH: store.add_batch(SECOND_BATCH, received_date="2026-02-15"),
    }
    ids = {}
    for index, (batch, township, village, *_rest) in PLOTS.items():
        ids[index] = store.add_plot(
            new_plot(index, township=township, village=village), batches[batch]
        )
    for index, (_batch, _township, _village, status, determination, task) in PLOTS.items():
        force_status(store, ids[index], status)
        with store.transaction() as db:
            case_id = db.execute(
                "SELECT id FROM case_record WHERE plot_id = ?", (ids[index],)
            ).fetchone()[0]
            if determination:
                db.execute(
                    "INSERT INTO determination (case_id, category) VALUES (?, ?)",
                    (case_id, determination),
                )
            if task:
                db.execute(
                    "INSERT INTO rectification (case_id, task_listed_on) VALUES (?, ?)",
                    (case_id, task),
                )
    return store, ids


@pytest.fixture
def station(case_target):
    store, ids = build_station(case_target)
    yield store, ids
    store.close()


@pytest.fixture
def dock(qgis_iface, station):
    store, _ids = station
    panel = CaseDock(qgis_iface)
    panel.today = TODAY
    panel.set_store(store, None)
    yield panel
    panel.set_store(None, None)
    panel.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def choose(combo, value) -> None:
    place = combo.findData(value)
    assert place >= 0, f"{value!r} not offered"
    combo.setCurrentIndex(place)


def test_the_database_fixture_has_the_deadlines_the_tests_expect(station):
    store, ids = station
    rows = {row.plot_id: row for row in store.list_plots(today=TODAY)}
    assert {index: rows[ids[index]].days_left for index in PLOTS} == DAYS_LEFT


def test_all_plots_are_shown_with_their_columns(dock):
    assert dock.plot_count() == len(PLOTS) and shown(dock) == jcbh(*PLOTS)
    headers = [
        dock.model.headerData(c, Qt.Orientation.Horizontal) for c in range(dock.model.columnCount())
    ]
    assert headers == [
        "Plot number",
        "Batch",
        "Township",
        "Village",
        "Area (mu)",
        "Status",
        "Determination",
        "Days left",
    ]
    first = [dock.proxy.index(0, c).data() for c in range(dock.model.columnCount())]
    # 40 m × 40 m = 1600 m² = 2.40 亩; 8 days past the 20-day determination deadline
    assert first == [
        new_plot(0).jcbh,
        FIRST_BATCH,
        "青山镇",
        "东村",
        "2.40",
        "待核查",
        "",
        "overdue 8",
    ]


def test_the_choices_list_the_values_present(dock):
    assert combo_items(dock.batch_filter) == [
        ("All", None),
        (FIRST_BATCH, FIRST_BATCH),
        (SECOND_BATCH, SECOND_BATCH),
    ]
    # statuses in the order of the life of a case, only those present
    assert [data for _text, data in combo_items(dock.status_filter)] == [
        None,
        "待核查",
        "已核查",
        "已判定",
        "整改中",
        "已办结",
    ]
    # a plot without a township: offered as "(none)", last
    assert combo_items(dock.township_filter) == [
        ("All", None),
        ("白水镇", "白水镇"),
        ("青山镇", "青山镇"),
        ("(none)", ""),
    ]
    assert combo_items(dock.determination_filter) == [
        ("All", None),
        ("合法", "合法"),
        ("违法", "违法"),
        ("(none)", ""),
    ]


@pytest.mark.parametrize(
    ("combo", "value", "expected"),
    [
        ("batch_filter", FIRST_BATCH, (0, 1, 5, 6)),
        ("batch_filter", SECOND_BATCH, (2, 3, 4)),
        ("status_filter", "待核查", (0, 2)),
        ("status_filter", "整改中", (4, 5)),
        ("township_filter", "青山镇", (0, 1, 6)),
        ("township_filter", "", (4,)),
        ("determination_filter", "违法", (3, 4, 5)),
        ("determination_filter", "", (0, 1, 2)),
    ],
)
def test_each_choice_narrows_the_rows(dock, combo, value, expected):
    choose(getattr(dock, combo), value)
    assert shown(dock) == jcbh(*expected)
    getattr(dock, combo).setCurrentIndex(0)  # All
    assert shown(dock) == jcbh(*PLOTS)


def test_deadline_filters(dock):
    dock.overdue_only.setChecked(True)
    assert shown(dock) == jcbh(0, 1, 5)
    dock.overdue_only.setChecked(False)
    dock.due_soon.setChecked(True)  # today to 7 days ahead; 10 days left is not soon
    assert shown(dock) == jcbh(2)
    dock.overdue_only.setChecked(True)  # both: what needs action now or this week
    assert shown(dock) == jcbh(0, 1, 2, 5)
    dock.overdue_only.setChecked(False)
    dock.due_soon.setChecked(False)
    assert shown(dock) == jcbh(*PLOTS)


def test_filters_combine(dock):
    choose(dock.batch_filter, FIRST_BATCH)
    choose(dock.township_filter, "青山镇")
    assert shown(dock) == jcbh(0, 1, 6)
    dock.overdue_only.setChecked(True)
    assert shown(dock) == jcbh(0, 1)
    choose(dock.status_filter, "已核查")
    assert shown(dock) == jcbh(1)
    dock.search.setText("西村")
    assert shown(dock) == jcbh(1)
    dock.search.setText("东村")
    assert shown(dock) == set()
    dock.clear_filters.click()
    assert shown(dock) == jcbh(*PLOTS)
    assert dock.batch_filter.currentIndex() == 0 and not dock.overdue_only.isChecked()
    assert dock.search.text() == "" and dock.proxy.plot_filter() == PlotFilter()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (new_plot(5).jcbh, (5,)),  # a whole plot number
        ("2026010", tuple(PLOTS)),  # part of every plot number
        ("白水", (2, 3, 5)),  # township
        ("东村", (0, 5, 6)),  # village
        ("  青山镇   东村 ", (0, 6)),  # every word must match
        ("违法", ()),  # determinations are not searched
        ("nothing like it", ()),
    ],
)
def test_search(dock, text, expected):
    dock.search.setText(text)
    assert shown(dock) == jcbh(*expected)
    dock.search.clear()
    assert shown(dock) == jcbh(*PLOTS)


def test_overdue_rows_are_marked_red(dock):
    overdue = jcbh(0, 1, 5)
    for row in range(dock.proxy.rowCount()):
        late = dock.proxy.index(row, COL_JCBH).data() in overdue
        assert dock.proxy.index(row, COL_JCBH).data(OVERDUE_ROLE) is late
        for number in range(dock.model.columnCount()):
            index = dock.proxy.index(row, number)
            foreground, background = (
                index.data(Qt.ItemDataRole.ForegroundRole),
                index.data(Qt.ItemDataRole.BackgroundRole),
            )
            if late:
                assert isinstance(foreground, QBrush) and isinstance(background, QBrush)
                assert foreground.color().red() > 150 and foreground.color().green() < 60
                assert background.color() != QColor(Qt.GlobalColor.white)
                assert background.color().red() > background.color().green()
            else:
                assert foreground is None and background is None


def test_days_left_text_and_tooltip(dock):
    texts = dict(zip(column(dock, COL_JCBH), column(dock, COL_DAYS_LEFT)))
    assert texts == {
        new_plot(0).jcbh: "overdue 8",
        new_plot(1).jcbh: "overdue 8",
        new_plot(2).jcbh: "6",
        new_plot(3).jcbh: "",
        new_plot(4).jcbh: "10",
        new_plot(5).jcbh: "overdue 30",
        new_plot(6).jcbh: "",
    }
    tips = dict(
        zip(column(dock, COL_JCBH), column(dock, COL_DAYS_LEFT, Qt.ItemDataRole.ToolTipRole))
    )
    assert tips[new_plot(2).jcbh] == "判定 deadline: 2026-03-07"
    assert tips[new_plot(4).jcbh] == "整改 deadline: 2026-03-11"
    assert tips[new_plot(3).jcbh] is None


def test_days_left_sorts_as_numbers_with_empty_last(dock):
    dock.table.sortByColumn(COL_DAYS_LEFT, Qt.SortOrder.AscendingOrder)
    # as text "10" would come before "6", and "overdue 30" after "overdue 8"
    assert column(dock, COL_DAYS_LEFT) == [
        "overdue 30",
        "overdue 8",
        "overdue 8",
        "6",
        "10",
        "",
        "",
    ]
    assert column(dock, COL_JCBH)[1:3] == sorted(jcbh(0, 1))  # ties keep plot-number order
    dock.table.sortByColumn(COL_DAYS_LEFT, Qt.SortOrder.DescendingOrder)
    assert column(dock, COL_DAYS_LEFT) == [
        "10",
        "6",
        "overdue 8",
        "overdue 8",
        "overdue 30",
        "",
        "",
    ]
    assert column(dock, COL_JCBH)[2:4] == sorted(jcbh(0, 1))


def test_sorting_by_status_follows_the_life_of_a_case_and_areas_are_numbers(dock, station):
    dock.table.sortByColumn(COL_STATUS, Qt.SortOrder.AscendingOrder)
    assert column(dock, COL_STATUS) == [
        "待核查",
        "待核查",
        "已核查",
        "已判定",
        "整改中",
        "整改中",
        "已办结",
    ]
    dock.table.sortByColumn(COL_AREA, Qt.SortOrder.DescendingOrder)
    areas = [float(text) for text in column(dock, COL_AREA)]
    assert areas == sorted(areas, reverse=True)
    assert (
        column(dock, COL_AREA, Qt.ItemDataRole.TextAlignmentRole)[0] & Qt.AlignmentFlag.AlignRight
    )


def test_filters_and_sorting_together(dock):
    dock.table.sortByColumn(COL_JCBH, Qt.SortOrder.DescendingOrder)
    choose(dock.batch_filter, FIRST_BATCH)
    assert column(dock, COL_JCBH) == sorted(jcbh(0, 1, 5, 6), reverse=True)
    dock.table.sortByColumn(COL_DAYS_LEFT, Qt.SortOrder.AscendingOrder)
    assert column(dock, COL_DAYS_LEFT) == ["overdue 30", "overdue 8", "overdue 8", ""]
    dock.search.setText("东村")
    assert column(dock, COL_JCBH) == [new_plot(5).jcbh, new_plot(0).jcbh, new_plot(6).jcbh]


def test_the_status_line_counts_shown_total_statuses_and_overdue(dock):
    text = dock.status.text()
    assert text.startswith("7 plots")
    for part in ("待核查 2", "已核查 1", "已判定 1", "整改中 2", "已办结 1", "3 overdue"):
        assert part in text
    assert text.index("待核查") < text.index("整改中") < text.index("已办结")
    choose(dock.township_filter, "白水镇")
    text = dock.status.text()
    assert text.startswith("3 of 7 plots")
    assert "待核查 1" in text and "已判定 1" in text and "整改中 1" in text
    assert "已核查" not in text and "已办结" not in text and "1 overdue" in text
    dock.search.setText("nothing like it")
    assert dock.status.text() == "0 of 7 plots"


def test_a_reload_keeps_the_filters_and_drops_a_choice_that_is_gone(dock, station):
    store, ids = station
    choose(dock.status_filter, "已核查")
    choose(dock.township_filter, "青山镇")
    assert shown(dock) == jcbh(1)
    force_status(store, ids[1], "已判定")  # no plot is 已核查 any more
    dock.reload()
    assert dock.status_filter.currentData() is None and "已核查" not in [
        data for _text, data in combo_items(dock.status_filter)
    ]
    assert dock.township_filter.currentData() == "青山镇"
    assert shown(dock) == jcbh(0, 1, 6)
    assert dock.status.text().startswith("3 of 7 plots")


def test_no_database(qgis_iface):
    panel = CaseDock(qgis_iface)
    panel.set_store(None, None)
    assert panel.plot_count() == 0 and panel.status.text() == "No case database open."
    assert combo_items(panel.batch_filter) == [("All", None)]
    panel.search.setText("x")
    panel.overdue_only.setChecked(True)
    assert panel.plot_count() == 0


def test_selection_follows_both_ways_when_sorted_and_filtered(
    qgis_iface, qgis_new_project, station
):
    store, ids = station
    layer = add_case_layers(QgsProject.instance(), store)
    canvas = qgis_iface.mapCanvas()
    canvas.setDestinationCrs(layer.crs())  # as QGIS does for the project's first layer
    panel = CaseDock(qgis_iface)
    panel.today = TODAY
    panel.set_store(store, layer)
    try:
        panel.table.sortByColumn(COL_DAYS_LEFT, Qt.SortOrder.AscendingOrder)
        choose(panel.batch_filter, FIRST_BATCH)
        # first row: plot 5 (overdue 30)
        panel.table.selectRow(0)
        assert panel.proxy.index(0, 0).data(PLOT_ID_ROLE) == ids[5]
        assert layer.selectedFeatureIds() == [ids[5]]
        plot = layer.getFeature(ids[5]).geometry().boundingBox()
        assert canvas.extent().contains(plot) and canvas.extent().width() >= 500  # zoomed

        # a filter hiding the selected row leaves the map's selection alone
        choose(panel.township_filter, "青山镇")
        assert layer.selectedFeatureIds() == [ids[5]]

        # selecting on the map selects the rows shown, wherever sorting put them
        layer.selectByIds([ids[6], ids[1], ids[2]])  # plot 2 is filtered out
        rows = panel.table.selectionModel().selectedRows()
        assert sorted(panel.proxy.data(row, PLOT_ID_ROLE) for row in rows) == sorted(
            [ids[6], ids[1]]
        )
        assert sorted(row.row() for row in rows) == [1, 2]  # overdue 8 (0, 1), then 6
        assert panel.model.row_of_plot(ids[6]) is not None
        assert panel.model.row_of_plot(-1) is None

        # a reload keeps the table in step with the map's selection
        panel.reload()
        rows = panel.table.selectionModel().selectedRows()
        assert sorted(panel.proxy.data(row, PLOT_ID_ROLE) for row in rows) == sorted(
            [ids[6], ids[1]]
        )
        assert sorted(layer.selectedFeatureIds()) == sorted([ids[6], ids[1], ids[2]])
    finally:
        panel.set_store(None, None)
        panel.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def test_columns_are_sized_from_the_first_rows_only(dock, monkeypatch):
    """resizeColumnsToContents() measures every row while the dock is hidden."""
    calls = []
    monkeypatch.setattr(dock.table, "resizeColumnsToContents", lambda: calls.append(1))
    dock._sized = False
    dock.reload()
    assert calls == []
    widths = [dock.table.columnWidth(c) for c in range(dock.model.columnCount() - 1)]
    assert all(30 < width <= 260 for width in widths)


def _model_of(numbers_and_areas):
    from landcase.cases.store import PlotSummary
    from landcase.forms.plot_table_model import PlotTableModel

    model = PlotTableModel()
    model.set_rows(
        PlotSummary(number, jcbh, None, None, None, area, "待核查", "卫片执法")
        for number, (jcbh, area) in enumerate(numbers_and_areas, start=1)
    )
    return model


def _sorted_plot_numbers(model, order=Qt.SortOrder.AscendingOrder) -> list[str]:
    model.sort(COL_JCBH, order)
    return [model.index(row, COL_JCBH).data() for row in range(model.rowCount())]


def test_plot_numbers_sort_as_numbers_then_texts_in_natural_order(qgis_app):
    # as text, "10" < "9" and "A10" < "A2"; as numbers 2 < 9 < 10 < 100, texts after
    model = _model_of(
        [("A10", 1.0), ("10", 1.0), ("9", 1.0), ("B1", 1.0), ("100", 1.0), ("A2", 1.0), ("2", 1.0)]
    )
    assert _sorted_plot_numbers(model) == ["2", "9", "10", "100", "A2", "A10", "B1"]
    descending = _sorted_plot_numbers(model, Qt.SortOrder.DescendingOrder)
    assert descending == ["B1", "A10", "A2", "100", "10", "9", "2"]


def test_plot_numbers_of_one_length_sort_as_before(qgis_app):
    numbers = ["3201002026010", "3201002026002", "3201002026100"]
    model = _model_of([(number, 1.0) for number in numbers])
    assert _sorted_plot_numbers(model) == ["3201002026002", "3201002026010", "3201002026100"]


def test_the_area_is_the_official_mu_rounded_half_up_from_the_exact_m2(qgis_app):
    # 670 m² = 670 × 15 / 10000 = 1.005 亩 exactly: half up prints 1.01 (the float
    # 670 / 666.666… is 1.00499… and "%.2f" printed 1.00).
    # 2676.6 m² = 4.0149 亩: 4.01; 2677 m² = 4.0155 亩: 4.02. No area: "—", never 0.00.
    model = _model_of([("1", 670.0), ("2", 2676.6), ("3", 2677.0), ("4", None)])
    model.sort(COL_JCBH, Qt.SortOrder.AscendingOrder)
    texts = [model.index(row, COL_AREA).data() for row in range(4)]
    assert texts == ["1.01", "4.01", "4.02", "—"]
    model.sort(COL_AREA, Qt.SortOrder.DescendingOrder)
    assert [model.index(row, COL_JCBH).data() for row in range(4)] == ["3", "2", "1", "4"]
    tip = model.headerData(COL_AREA, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
    assert "椭球" in tip


def test_the_panel_shows_the_ellipsoidal_area_stored_with_the_plot(dock, station):
    store, ids = station
    row = {r.plot_id: r for r in store.list_plots(today=TODAY)}[ids[0]]
    stored = store._db.execute(
        "SELECT area_ellipsoidal_m2, area_planar_m2 FROM plot WHERE id = ?", (ids[0],)
    ).fetchone()
    assert row.area_m2 == stored[0] and stored[0] != stored[1]
    # the squares are 40 m × 40 m = 1600 m² planar (2.40 亩); the ellipsoidal area
    # differs by the projection's scale: the panel prints the stored ellipsoidal m² × 15 /
    # 10000, rounded half up to 0.01
    from decimal import ROUND_HALF_UP, Decimal

    expected = (Decimal(stored[0]) * 15 / 10000).quantize(Decimal("0.01"), ROUND_HALF_UP)
    dock.table.sortByColumn(COL_JCBH, Qt.SortOrder.AscendingOrder)
    first = dock.proxy.index(0, COL_JCBH).data()
    assert first == new_plot(0).jcbh
    assert dock.proxy.index(0, COL_AREA).data() == f"{expected:.2f}"
