"""Recording patrol finds on the map (issue 15): a click records a point clue where it was
made (the canvas CRS transformed to the database's), a clue selected on the map is
outlined as a plot with its case, a zone drawn is saved through the store's rules, and
what the store refuses is said in the message bar, in the user's language."""

from __future__ import annotations

import pytest
from osgeo import osr
from qgis.core import (
    Qgis,
    QgsCoordinateReferenceSystem,
    QgsGeometry,
    QgsPointXY,
    QgsProject,
    QgsRectangle,
)
from qgis.gui import QgsMapMouseEvent
from qgis.PyQt.QtCore import QEvent, QPoint, Qt

import landcase
from helpers import ORIGIN, small_database
from landcase.cases import clues, patrol_units, patrol_zones
from landcase.forms.clue_form import ClueForm, OutlineForm
from landcase.forms.clue_tool import ClueTool
from landcase.forms.zone_form import ZoneForm
from landcase.layers.patrol_layers import find_patrol_layers

X, Y = ORIGIN


@pytest.fixture
def plugin(qgis_iface, qgis_new_project, qgis_processing):
    instance = landcase.classFactory(qgis_iface)
    instance.initGui()
    yield instance
    instance.unload()


@pytest.fixture
def bar(qgis_iface):
    qgis_iface.messageBar().clear_messages()
    return qgis_iface.messageBar()


def _click(tool, canvas, x, y, button=Qt.MouseButton.LeftButton):
    event = QgsMapMouseEvent(canvas, QEvent.Type.MouseButtonRelease, QPoint(x, y), button)
    tool.canvasReleaseEvent(event)


def _canvas(canvas, crs: str, extent: QgsRectangle):
    canvas.resize(400, 400)
    canvas.setDestinationCrs(QgsCoordinateReferenceSystem(crs))
    canvas.setExtent(extent)
    return canvas


def _answer(form_class, monkeypatch, fill=lambda form: None):
    """The form answered as a user would: fields filled, then Save."""

    def answered(form):
        fill(form)
        return 1

    monkeypatch.setattr(form_class, "exec", answered)


def test_the_tool_emits_the_point_clicked(qgis_canvas):
    _canvas(qgis_canvas, "EPSG:4549", QgsRectangle(X, Y, X + 400, Y + 400))
    tool = ClueTool(qgis_canvas)
    clicked = []
    tool.point_clicked.connect(clicked.append)
    size = qgis_canvas.mapSettings().outputSize()
    px, py = size.width() // 4, size.height() * 3 // 4  # left, low
    _click(tool, qgis_canvas, px, py)
    _click(tool, qgis_canvas, px, py, Qt.MouseButton.RightButton)  # not a find
    assert len(clicked) == 1
    # the map position of that pixel as the canvas draws it (no snapping configured)
    expected = qgis_canvas.mapSettings().mapToPixel().toMapCoordinates(px, py)
    assert (clicked[0].x(), clicked[0].y()) == (expected.x(), expected.y())
    extent = qgis_canvas.extent()
    assert extent.contains(clicked[0])
    assert clicked[0].x() < extent.center().x() and clicked[0].y() < extent.center().y()


def test_a_click_records_a_clue_in_the_database_crs(
    plugin, qgis_iface, bar, case_target, monkeypatch
):
    small_database(case_target, plots=1).close()
    plugin.open_database(case_target)
    patrol_units.add_unit(plugin.store, patrol_units.NewUnit("东村"))
    # the canvas in CGCS2000 degrees around 120°E 30.7°N (EPSG:4549's central meridian)
    canvas = _canvas(
        qgis_iface.mapCanvas(), "EPSG:4490", QgsRectangle(119.99, 30.69, 120.01, 30.71)
    )

    def fill(form):
        form.found_at.setDateTime(
            form.found_at.dateTime().fromString("2026-12-03 14:05", "yyyy-MM-dd HH:mm")
        )
        form.kind.setCurrentText("动工迹象")
        form.signs.setCurrentText("机械进场")
        form.unit.setCurrentText("东村")
        form.village.setText("东村")
        form.party.setText("李四")
        form.found_by.setText("张三")

    _answer(ClueForm, monkeypatch, fill)
    plugin.clue_action.trigger()
    assert canvas.mapTool() is plugin.clue_tool
    size = canvas.mapSettings().outputSize()
    middle = (size.width() // 2, size.height() // 2)
    clicked = canvas.mapSettings().mapToPixel().toMapCoordinates(*middle)
    _click(plugin.clue_tool, canvas, *middle)

    [clue] = clues.list_clues(plugin.store)
    # the same point by GDAL's own transform: 120°E is the false easting, 500 km
    cgcs = osr.SpatialReference()
    cgcs.ImportFromEPSG(4490)
    cgcs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    gauss = osr.SpatialReference()
    gauss.ImportFromEPSG(4549)
    gauss.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)  # easting first
    x, y, _ = osr.CoordinateTransformation(cgcs, gauss).TransformPoint(clicked.x(), clicked.y())
    assert (clue.x, clue.y) == (pytest.approx(x, abs=0.01), pytest.approx(y, abs=0.01))
    # the middle of the canvas is on the central meridian, 120°E: the false easting
    assert clue.x == pytest.approx(500_000.0, abs=1)
    assert (clue.kind, clue.signs, clue.found_at) == ("动工迹象", "机械进场", "2026-12-03T14:05")
    assert (clue.village, clue.party, clue.found_by) == ("东村", "李四", "张三")
    assert clue.unit_id == patrol_units.list_units(plugin.store)[0].id
    assert bar.get_messages(Qgis.MessageLevel.Success)[-1].endswith("Clue XS20261203-001 recorded.")
    layer = find_patrol_layers(QgsProject.instance(), case_target)["clue"]
    assert layer.featureCount() == 1  # the layer read it again


def test_a_refused_clue_says_why_in_the_users_language(plugin, bar, tmp_path):
    from landcase.toolbelt.i18n import install_translator, remove_translator

    small_database(tmp_path / "s.sqlite", plots=0).close()
    plugin.open_database(str(tmp_path / "s.sqlite"))
    far_away = QgsPointXY(1.0, 2.0)  # nowhere near EPSG:4549's zone
    assert plugin.record_clue_at(far_away, {"found_at": "2026-12-03"}) is None
    [message] = bar.get_messages(Qgis.MessageLevel.Critical)
    assert "The clue was not recorded" in message and "outside the area of use" in message
    translator = install_translator("zh_CN")
    try:
        bar.clear_messages()
        plugin.record_clue_at(far_away, {"found_at": "昨天"})
        [message] = bar.get_messages(Qgis.MessageLevel.Critical)
        assert "线索未登记" in message and "不是日期" in message
    finally:
        remove_translator(translator)
    assert clues.list_clues(plugin.store) == []


def _draw(tool, canvas, pixels):
    for x, y in pixels:
        _click(tool, canvas, x, y)
    _click(tool, canvas, 0, 0, Qt.MouseButton.RightButton)


def test_a_selected_clue_is_outlined_as_a_plot_with_its_case(
    plugin, qgis_iface, bar, case_target, monkeypatch
):
    small_database(case_target, plots=1).close()
    plugin.open_database(case_target)
    store = plugin.store
    unit = patrol_units.add_unit(store, patrol_units.NewUnit("东村"))
    clue_id = clues.record_clue(
        store,
        clues.NewClue(found_at="2026-12-03", unit_id=unit, x=X + 200, y=Y + 200, village="东村"),
    )
    plugin._refresh_patrol_layers()
    canvas = _canvas(qgis_iface.mapCanvas(), "EPSG:4549", QgsRectangle(X, Y, X + 400, Y + 400))

    plugin.outline_action.trigger()  # nothing selected yet
    assert canvas.mapTool() is not plugin.outline_tool
    assert "Select one point clue" in bar.get_messages(Qgis.MessageLevel.Critical)[-1]

    layer = find_patrol_layers(QgsProject.instance(), case_target)["clue"]
    layer.selectByIds([clue_id])
    forms = []
    _answer(OutlineForm, monkeypatch, forms.append)
    plugin.outline_action.trigger()
    assert canvas.mapTool() is plugin.outline_tool and plugin.outlining_clue == clue_id
    _draw(plugin.outline_tool, canvas, [(150, 150), (250, 150), (250, 250), (150, 250)])

    # the form offered the next patrol number of the day it was found, 属地巡查 (a unit's find)
    assert forms[0].jcbh.text() == "XC20261203001"
    assert forms[0].clue_source.currentText() == "属地巡查"
    clue = clues.get_clue(store, clue_id)
    assert clue.plot_id is not None
    row = next(r for r in store.list_plots() if r.plot_id == clue.plot_id)
    assert (row.jcbh, row.clue_source, row.village) == ("XC20261203001", "属地巡查", "东村")
    side = 100 * canvas.mapUnitsPerPixel()  # 100 px on the canvas
    assert row.area_m2 == pytest.approx(side * side, rel=0.01)
    assert plugin.plot_layer.selectedFeatureIds() == [clue.plot_id]
    assert canvas.mapTool() is not plugin.outline_tool
    assert bar.get_messages(Qgis.MessageLevel.Success)[-1].endswith(
        "Plot XC20261203001 outlined for the clue."
    )

    # the same clue again: the store refuses it, by the clue's code and the plot's number
    bar.clear_messages()
    square = QgsGeometry.fromWkt(f"POLYGON(({X} {Y}, {X + 50} {Y}, {X + 50} {Y + 50}, {X} {Y}))")
    assert plugin.outline_clue(clue_id, square, {"clue_source": "属地巡查"}) is None
    [message] = bar.get_messages(Qgis.MessageLevel.Critical)
    assert "The clue was not outlined" in message
    assert f"{clue.code}: the clue is already outlined as plot XC20261203001" in message


def test_a_drawn_zone_is_saved_and_shown(plugin, qgis_iface, bar, tmp_path, monkeypatch):
    path = tmp_path / "s.sqlite"
    small_database(path, plots=0).close()
    plugin.open_database(str(path))
    patrol_units.add_unit(plugin.store, patrol_units.NewUnit("东村"))
    canvas = _canvas(qgis_iface.mapCanvas(), "EPSG:4549", QgsRectangle(X, Y, X + 400, Y + 400))

    def fill(form):
        assert [form.level.itemData(i) for i in range(3)] == ["高", "中", "低"]
        assert form.level.itemText(0) == "高 (a visit every 1 days)"
        form.code.setText("PQ07")
        form.name.setText("东村北片")
        form.level.setCurrentIndex(1)
        form.unit.setCurrentText("东村")
        form.person.setText("王五")

    _answer(ZoneForm, monkeypatch, fill)
    plugin.zone_action.trigger()
    assert canvas.mapTool() is plugin.zone_tool
    _draw(plugin.zone_tool, canvas, [(100, 100), (300, 100), (300, 300), (100, 300)])

    [zone] = patrol_zones.list_zones(plugin.store)
    assert (zone.code, zone.name, zone.level, zone.unit, zone.person) == (
        "PQ07", "东村北片", "中", "东村", "王五",
    )  # fmt: skip
    side = 200 * canvas.mapUnitsPerPixel()
    assert zone.geometry.area == pytest.approx(side * side, rel=0.01)
    layer = find_patrol_layers(QgsProject.instance(), path)["patrol_zone"]
    assert layer.featureCount() == 1 and layer.readOnly()
    assert bar.get_messages(Qgis.MessageLevel.Success)[-1].endswith("Patrol zone PQ07 saved.")

    # a unit not registered is refused by the store, named
    far = QgsGeometry.fromWkt(f"POLYGON(({X} {Y}, {X + 9} {Y}, {X + 9} {Y + 9}, {X} {Y}))")
    values = {"code": "PQ08", "name": "", "level": "低", "unit": "西村", "person": None}
    assert plugin.save_drawn_zone(far, values) is None
    [message] = bar.get_messages(Qgis.MessageLevel.Critical)
    assert "PQ08: there is no unit named 西村; register it first" in message
    assert len(patrol_zones.list_zones(plugin.store)) == 1
