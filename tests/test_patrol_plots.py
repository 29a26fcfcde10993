"""Digitizing a patrol find: the map tool, the township and village from the role layers,
and the plot with its case saved in one go."""

from __future__ import annotations

import pytest
from qgis.core import QgsGeometry, QgsRectangle
from qgis.gui import QgsMapMouseEvent
from qgis.PyQt.QtCore import QEvent, QPoint, Qt

import landcase
from helpers import small_database
from landcase.forms.new_plot_tool import NewPlotTool
from landcase.layers.admin_lookup import admin_names


@pytest.fixture
def plugin(qgis_iface, qgis_new_project, qgis_processing):
    instance = landcase.classFactory(qgis_iface)
    instance.initGui()
    yield instance
    instance.unload()


def _click(tool, canvas, x, y, button=Qt.MouseButton.LeftButton):
    event = QgsMapMouseEvent(canvas, QEvent.Type.MouseButtonRelease, QPoint(x, y), button)
    tool.canvasReleaseEvent(event)


def test_the_tool_emits_the_polygon_clicked(qgis_canvas):
    qgis_canvas.resize(400, 400)
    qgis_canvas.setExtent(QgsRectangle(500000, 3400000, 500400, 3400400))
    tool = NewPlotTool(qgis_canvas)
    drawn = []
    tool.polygon_finished.connect(drawn.append)
    for x, y in [(100, 100), (300, 100), (300, 300)]:
        _click(tool, qgis_canvas, x, y)
    _click(tool, qgis_canvas, 0, 0, Qt.MouseButton.RightButton)
    assert len(drawn) == 1
    polygon = drawn[0]
    assert polygon.isGeosValid() and polygon.area() > 0
    assert polygon.area() == pytest.approx(
        0.5 * (200 * qgis_canvas.mapUnitsPerPixel()) ** 2, rel=0.05
    )
    assert tool.points == []  # ready for the next plot
    _click(tool, qgis_canvas, 10, 10)
    _click(tool, qgis_canvas, 20, 20)
    _click(tool, qgis_canvas, 0, 0, Qt.MouseButton.RightButton)  # two points are no polygon
    assert len(drawn) == 1
    tool.clean_up()


def test_township_and_village_come_from_the_role_layers(demo_sample, case_target, qgis_app):
    store = small_database(case_target, plots=0)
    gpkg = demo_sample / "county.gpkg"
    store.set_layer_role("township", f"{gpkg}|layername=xzq_township", "ogr", {"name": "XZQMC"})
    store.set_layer_role("village", f"{gpkg}|layername=xzq_village", "ogr", {"name": "XZQMC"})
    from osgeo import ogr

    source = ogr.Open(str(gpkg))  # kept: its layers die with it
    village = source.GetLayerByName("xzq_village").GetNextFeature()
    inside = QgsGeometry.fromWkt(village.GetGeometryRef().PointOnSurface().ExportToWkt()).buffer(
        5, 8
    )
    names = admin_names(store, inside)
    assert names["village"] == village.GetField("XZQMC")
    assert names["township"] and names["township"].endswith(("镇", "乡"))
    audit = store.audit_entries("layer_role")
    assert [e.action for e in audit] == ["INSERT", "INSERT"]


def test_a_drawn_plot_is_saved_with_its_case_and_selected(plugin, tmp_path):
    path = tmp_path / "s.sqlite"
    small_database(path, plots=1).close()
    plugin.open_database(str(path))
    store = plugin.store
    number = store.next_patrol_number("2026-11-23")
    assert number == "XC20261123001"
    polygon = QgsGeometry.fromWkt(
        "POLYGON((501000 3401000, 501080 3401000, 501080 3401050, 501000 3401000))"
    )
    plot_id = plugin.add_patrol_plot(
        polygon,
        {
            "jcbh": number,
            "clue_source": "群众举报",
            "found_date": "2026-11-23",
            "reporter": "村民王五",
            "description": "耕地上堆土",
            "township": "青山镇",
            "village": "东村",
        },
    )
    assert plot_id is not None
    row = next(r for r in store.list_plots() if r.plot_id == plot_id)
    assert (row.clue_source, row.status, row.village) == ("群众举报", "待核查", "东村")
    assert row.area_m2 == pytest.approx(2000.0)
    assert plugin.plot_layer.selectedFeatureIds() == [plot_id]
    assert plugin.dock.plot_count() == 2
    assert store.next_patrol_number("2026-11-23") == "XC20261123002"
    # the same number again is refused by name, and nothing is added
    assert plugin.add_patrol_plot(polygon, {"jcbh": number, "reporter": "x"}) is None
    assert store.plot_count() == 2
