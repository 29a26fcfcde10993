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
    plugin, qgis_iface, demo_sample, tmp_path
):
    small_database(tmp_path / "s.sqlite", plots=3).close()
    plugin.open_database(str(tmp_path / "s.sqlite"))
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


def test_a_missing_role_source_is_reported_not_fatal(plugin, qgis_iface, tmp_path):
    store = small_database(tmp_path / "s.sqlite", plots=1)
    store.set_layer_role("farmland", str(tmp_path / "gone.gpkg") + "|layername=yjjbnt", "ogr", {})
    store.close()
    assert plugin.open_database(str(tmp_path / "s.sqlite")) is not None
    warnings = qgis_iface.messageBar().get_messages(Qgis.Warning)
    assert any("gone.gpkg" in message for message in warnings)
