"""Desk comparison in QGIS: roles assigned in the dialog, restored on open (a missing
source reported), the selected plot's breakdown shown at once with its parts highlighted,
and the bulk run in the background."""

from __future__ import annotations

import time

import pytest
from qgis.core import Qgis, QgsApplication, QgsProject, QgsVectorLayer

import landcase
from helpers import small_database
from landcase.cases import overlay_records as rec
from landcase.forms.roles_dialog import RolesDialog


@pytest.fixture
def plugin(qgis_iface, qgis_new_project, qgis_processing):
    instance = landcase.classFactory(qgis_iface)
    instance.initGui()
    yield instance
    instance.unload()


def test_roles_from_the_dialog_and_the_breakdown_of_the_selected_plot(
    plugin, qgis_iface, demo_sample, tmp_path, case_target
):
    small_database(case_target, plots=3).close()
    plugin.open_database(case_target)
    landuse = QgsVectorLayer(f"{demo_sample / 'county.gpkg'}|layername=dltb", "地类图斑", "ogr")
    QgsProject.instance().addMapLayer(landuse)
    dialog = RolesDialog(plugin.store)
    dialog.rows["landuse"].layer.setLayer(landuse)
    assert dialog.rows["landuse"].chosen_fields()["code"] == "DLBM"  # suggested
    assert dialog.save(), dialog.message.text()
    assert plugin.store.layer_role("landuse").fields["code"] == "DLBM"

    plot_id = plugin.store.list_plots()[0].plot_id
    plugin.plot_layer.selectByIds([plot_id])
    html = plugin.dock.overlay_view.toPlainText()
    assert plugin.store.list_plots()[0].jcbh in html
    assert "2.40" in html  # the 40 m × 40 m plot, in 亩
    breakdown = plugin.role_layers.overlay_one(
        plugin.store.plot_geometry(plot_id), plot_id
    ).breakdown(plot_id)
    assert breakdown.identity_holds
    assert sum(item.area.planar_m2 for item in breakdown.landuse) == pytest.approx(1600, rel=1e-9)

    plugin.plot_layer.selectByIds([])
    assert plugin.dock.overlay_view.toPlainText() == "" and plugin.highlights == []

    task = plugin.run_bulk_overlay()
    deadline = time.time() + 60
    while plugin.overlay_task is not None and time.time() < deadline:
        QgsApplication.processEvents()
        time.sleep(0.05)
    assert task.error is None and task.computed_plots == 3
    assert rec.read_breakdown(plugin.store, plot_id) is not None


def test_a_missing_role_source_is_reported_not_fatal(plugin, qgis_iface, tmp_path, case_target):
    store = small_database(case_target, plots=1)
    store.set_layer_role("farmland", str(tmp_path / "gone.gpkg") + "|layername=yjjbnt", "ogr", {})
    store.close()
    assert plugin.open_database(case_target) is not None
    warnings = qgis_iface.messageBar().get_messages(Qgis.MessageLevel.Warning)
    assert any("gone.gpkg" in message for message in warnings)


def test_the_dialog_maps_land_use_names_and_never_defaults_to_an_unrelated_field(
    plugin, tmp_path, case_target
):
    from test_landuse_names import EXPECTED_MAPPING, names_only_layer
    from test_overlay import box, write_layer

    small_database(case_target, plots=1).close()
    plugin.open_database(case_target)
    grid = QgsVectorLayer(
        write_layer(tmp_path / "g.gpkg", "cells", [box(0, 0, 10, 10)], {"GRID_ID": ["G1"]}),
        "网格",
        "ogr",
    )
    village = QgsVectorLayer(names_only_layer(tmp_path), "村地类图斑", "ogr")
    QgsProject.instance().addMapLayers([grid, village])
    dialog = RolesDialog(plugin.store)
    row = dialog.rows["landuse"]

    row.layer.setLayer(grid)
    assert row.fields["code"].currentField() == ""  # not GRID_ID
    assert row.chosen_fields() == {} and not row.by_names
    assert not dialog.save()
    assert "code" in dialog.message.text() and plugin.store.layer_role("landuse") is None

    row.layer.setLayer(village)
    assert row.fields["code"].currentField() == "" and row.fields["name"].currentField() == "DLMC"
    assert row.by_names and row.mapping.rowCount() == len(EXPECTED_MAPPING) + 1
    shown = {row.mapping.item(i, 0).text(): row.mapping.item(i, 1).text() for i in range(8)}
    assert shown == dict(EXPECTED_MAPPING, 菜地="")
    assert "菜地" in row.unmatched.text()
    assert row.chosen_fields() == {"name": "DLMC", "name_to_code": EXPECTED_MAPPING}
    line = next(i for i in range(8) if row.mapping.item(i, 0).text() == "菜地")
    assert line == 0 and row.mapping.item(line, 2).text() == ""  # unmatched first
    assert row.mapping.item(line + 1, 2).text() == "坑塘水面"  # the class of 1104
    row.mapping.item(line, 1).setText("0103")  # edited before it is stored
    assert row.mapping.item(line, 2).text() == "旱地"
    assert dialog.save(), dialog.message.text()
    stored = plugin.store.layer_role("landuse").fields
    assert stored == {"name": "DLMC", "name_to_code": dict(EXPECTED_MAPPING, 菜地="0103")}


def test_the_panel_shows_not_compared_never_zero_and_suggests_nothing(
    plugin, tmp_path, case_target
):
    small_database(case_target, plots=2).close()  # no layer role assigned
    plugin.open_database(case_target)
    plot_id = plugin.store.list_plots()[0].plot_id
    plugin.plot_layer.selectByIds([plot_id])
    text = plugin.dock.overlay_view.toPlainText()
    assert "2.40" in text  # the plot, 40 m × 40 m = 1600 m² × 15 / 10000 亩
    assert text.count("未比对") == 3  # 耕地, 永久基本农田, land use by class
    assert "0.00" not in text and "违法" not in text
    assert "地类图斑、永久基本农田" in text  # what is missing for a suggestion


def test_breakdown_html_figures_from_the_stored_plot_area_and_the_roles_compared():
    from landcase.forms.breakdown_view import breakdown_html

    def rows(*roles):
        found = [rec.OverlayRow(1, "plot", None, None, 6660.0, 6660.0, "g")]
        if "landuse" in roles:
            found += [
                rec.OverlayRow(1, "landuse", None, None, 6660.0, 6660.0, "v"),
                rec.OverlayRow(1, "landuse", "0101", "水田", 6660.0, 6660.0, "v"),
                rec.OverlayRow(1, "landuse_class", "农用地", "农用地", 6660.0, 6660.0, "v"),
                rec.OverlayRow(1, "cropland", "耕地", "耕地", 6660.0, 6660.0, "v"),
            ]
        if "farmland" in roles:
            found.append(rec.OverlayRow(1, "farmland", None, None, 0.0, 0.0, "v"))
        return rec.breakdown_from_rows(found)

    # the stored official area 6670 m² = 10.005 亩 → 10.01, not the comparison's 6660 m²
    landuse_only = breakdown_html("320001", rows("landuse"), plot_area_m2=6670.0)
    assert "10.01" in landuse_only
    assert "9.99" in landuse_only  # 耕地 6660 m² × 15 / 10000 = 9.99 亩
    assert "未比对" in landuse_only and "Suggested determination" not in landuse_only
    both = breakdown_html("320001", rows("landuse", "farmland"), plot_area_m2=6670.0)
    assert "未比对" not in both and "0.00" in both  # farmland compared: truly 0.00 亩
    assert "Suggested determination: 违法" in both
    never = breakdown_html("320001", None, plot_area_m2=None)
    assert never.count("未比对") == 3 and "0.00" not in never
