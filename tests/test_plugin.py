"""The plugin inside QGIS (pytest-qgis): load and unload, the plot layer, the case panel,
bad files in the message bar, and edits made with QGIS's own tools being audited."""

from __future__ import annotations

import pytest
from qgis.core import (
    Qgis,
    QgsApplication,
    QgsCategorizedSymbolRenderer,
    QgsFeatureRequest,
    QgsGeometry,
    QgsProject,
)
from qgis.PyQt.QtCore import QCoreApplication, QEvent
from qgis.PyQt.QtWidgets import QAction, QDockWidget, QMenu, QToolBar

import landcase
from helpers import file_digest, small_database
from landcase.cases import CaseStore
from landcase.cases.codes import CASE_STATUSES
from landcase.forms.case_dock import DOCK_OBJECT_NAME
from landcase.layers.plot_layer import GROUP_NAME, STATUS_FIELD


def _flush_deletes() -> None:
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QCoreApplication.processEvents()


def _leftovers(main_window) -> dict:
    return {
        "actions": [
            a for a in main_window.findChildren(QAction) if a.objectName().startswith("LandCase")
        ],
        "menus": [m for m in main_window.findChildren(QMenu) if m.objectName() == "LandCaseMenu"],
        "menu bar": [a for a in main_window.menuBar().actions() if "LandCase" in a.text()],
        "toolbars": [
            t for t in main_window.findChildren(QToolBar) if t.objectName() == "LandCaseToolbar"
        ],
        "docks": [
            d
            for d in main_window.findChildren(QDockWidget)
            if d.objectName()
            in (DOCK_OBJECT_NAME, "LandCaseStatisticsDock", "LandCaseAccountabilityDock")
        ],
        "provider": [QgsApplication.processingRegistry().providerById("landcase")]
        if QgsApplication.processingRegistry().providerById("landcase")
        else [],
    }


@pytest.fixture
def plugin(qgis_iface, qgis_new_project, qgis_processing):
    instance = landcase.classFactory(qgis_iface)
    instance.initGui()
    yield instance
    instance.unload()
    _flush_deletes()


def test_load_unload_three_times_leaves_nothing_behind(
    qgis_iface, qgis_new_project, qgis_processing
):
    main_window = qgis_iface.mainWindow()
    for _round in range(3):
        instance = landcase.classFactory(qgis_iface)
        instance.initGui()
        present = _leftovers(main_window)
        # 18 of its own, the statistics panel's and the patrol and accountability panel's
        assert len(present["actions"]) == 20
        assert len(present["menus"]) == 1 and len(present["menu bar"]) == 1
        assert len(present["toolbars"]) == 1 and len(present["docks"]) == 3
        assert present["provider"]
        algorithm = QgsApplication.processingRegistry().algorithmById("landcase:createdatabase")
        assert algorithm is not None
        instance.unload()
        _flush_deletes()
        assert _leftovers(main_window) == {k: [] for k in present}


def test_opening_a_database_adds_the_styled_plot_layer_and_fills_the_dock(
    plugin, qgis_iface, case_target
):
    small_database(case_target, plots=6).close()
    store = plugin.open_database(case_target)
    assert store is not None
    project = QgsProject.instance()
    group = project.layerTreeRoot().findGroup(GROUP_NAME)
    assert group is not None
    layers = {
        child.layer().customProperty("landcase/layer"): child.layer()
        for child in group.findLayers()
    }
    plots = layers["plot"]
    provider = "postgres" if store.is_postgres else "spatialite"
    assert plots.providerType() == provider and plots.featureCount() == 6
    assert plots.crs().authid() == "EPSG:4549"
    renderer = plots.renderer()
    assert isinstance(renderer, QgsCategorizedSymbolRenderer)
    assert renderer.classAttribute() == STATUS_FIELD
    assert {c.value() for c in renderer.categories()} >= set(CASE_STATUSES)
    assert plots.labelsEnabled() and plots.labeling().settings().fieldName == "jcbh"
    statuses = {f[STATUS_FIELD] for f in plots.getFeatures()}
    assert statuses == {"待核查"}  # the joined case table feeds the style

    assert plugin.dock.plot_count() == 6
    assert "6" in plugin.dock.status.text()
    messages = qgis_iface.messageBar().get_messages(Qgis.MessageLevel.Success)
    named = case_target.rsplit("/", 1)[1]  # the file, or the server database
    assert any(named in m and "landcase:landcase@" not in m for m in messages)


def test_selection_follows_both_ways(plugin, case_target):
    small_database(case_target, plots=4).close()
    plugin.open_database(case_target)
    dock, layer = plugin.dock, plugin.plot_layer
    dock.table.selectRow(2)
    wanted = dock.proxy.index(2, 0)
    plot_id = dock.proxy.data(wanted, landcase.forms.plot_table_model.PLOT_ID_ROLE)
    assert layer.selectedFeatureIds() == [plot_id]

    other = next(fid for fid in layer.allFeatureIds() if fid != plot_id)
    layer.selectByIds([other])
    rows = dock.table.selectionModel().selectedRows()
    assert [dock.proxy.data(r, landcase.forms.plot_table_model.PLOT_ID_ROLE) for r in rows] == [
        other
    ]


def test_sorting_by_area_sorts_numbers(plugin, case_target):
    from helpers import new_plot, square

    store = small_database(case_target, plots=0)
    store.add_plots(
        [new_plot(i, geometry=square(i, size)) for i, size in enumerate([90, 10, 400, 30])]
    )
    store.close()
    plugin.open_database(case_target)
    dock = plugin.dock
    dock.table.sortByColumn(4, 0)  # area, ascending
    areas = [float(dock.proxy.index(r, 4).data()) for r in range(dock.proxy.rowCount())]
    assert areas == sorted(areas) and areas[-1] > 100  # 400 m × 400 m, not sorted as text


@pytest.mark.parametrize("kind", ["text", "other sqlite", "newer", "missing"])
def test_bad_files_are_named_in_the_message_bar_and_left_unchanged(
    plugin, qgis_iface, tmp_path, kind
):
    import sqlite3

    path = tmp_path / f"{kind.replace(' ', '_')}.sqlite"
    if kind == "text":
        path.write_text("not a database", encoding="utf-8")
    elif kind == "other sqlite":
        db = sqlite3.connect(path)
        db.execute("CREATE TABLE x (a)")
        db.commit()
        db.close()
    elif kind == "newer":
        small_database(path, plots=1).close()
        db = sqlite3.connect(path)
        db.execute("PRAGMA user_version = 99")
        db.commit()
        db.close()
    before = file_digest(path) if path.exists() else None
    qgis_iface.messageBar().clear_messages()
    assert plugin.open_database(str(path)) is None
    errors = qgis_iface.messageBar().get_messages(Qgis.MessageLevel.Critical)
    assert len(errors) == 1 and path.name in errors[0], errors
    assert (file_digest(path) if path.exists() else None) == before
    assert QgsProject.instance().layerTreeRoot().findGroup(GROUP_NAME) is None


def test_edits_in_qgis_attribute_table_and_geometry_tools_are_audited(plugin, tmp_path):
    path = tmp_path / "station.sqlite"
    small_database(path, plots=2).close()
    store = plugin.open_database(str(path))
    CaseStore.open(path, user="另一台电脑").close()  # another station PC opened the file since
    layer = plugin.plot_layer
    feature = next(layer.getFeatures(QgsFeatureRequest().setFilterFid(1)))
    assert layer.startEditing()
    layer.changeAttributeValue(feature.id(), layer.fields().indexOf("reporter"), "网格员赵六")
    square = QgsGeometry.fromWkt(
        "MultiPolygon(((500000 3400000, 500060 3400000, 500060 3400060, 500000 3400060, 500000 3400000)))"
    )
    layer.changeGeometry(feature.id(), square)
    assert layer.commitChanges(), layer.commitErrors()
    entries = [e for e in store.audit_entries("plot", 1) if e.action == "UPDATE"]
    changed = {}
    for entry in entries:
        changed.update(entry.changes)
    assert changed["reporter"] == [None, "网格员赵六"]
    assert {e.user_name for e in entries} == {store.actor}  # this QGIS's user, not the other
    old, new = changed["geom"]
    assert "500060" in new and "500060" not in old
    assert store.list_plots()[0].area_m2 == pytest.approx(3600.0)


def test_zh_cn_translation_is_loaded_for_a_chinese_locale(qgis_app):
    from landcase.toolbelt.i18n import install_translator, remove_translator, tr

    translator = install_translator("zh-Hans")  # the name QGIS 3.22 uses for 简体中文
    try:
        assert translator is not None
        assert tr("Plots") == "图斑"
        assert tr("New case database…") == "新建案件库…"
    finally:
        remove_translator(translator)
    assert tr("Plots") == "Plots"


def test_import_dialog_suggests_the_mapping_and_the_import_fills_the_panel(
    plugin, qgis_iface, demo_sample, case_target
):
    from landcase.forms.import_dialog import ImportDialog

    path = case_target
    from landcase.cases import CaseStore

    CaseStore.create(path, 4549).close()
    plugin.open_database(str(path))
    dialog = ImportDialog(plugin.store)
    dialog.file.setFilePath(str(demo_sample / "batch" / "wpzf_2026_01.shp"))
    assert dialog.source_layer() is not None
    assert "GBK" in dialog.encoding_note.text() or "GB18030" in dialog.encoding_note.text()
    mapping = dialog.chosen_mapping()
    assert mapping["jcbh"] == "JCBH" and mapping["xzqmc"] == "XZQMC" and mapping["jcmj"] == "JCMJ"
    assert dialog.batch.text() == "wpzf_2026_01"
    dialog.batch.setText("2026年第1批部卫片")

    report = plugin.import_layer(
        dialog.source_layer(),
        dialog.source_name(),
        mapping,
        dialog.source_crs(),
        **dialog.batch_fields(),
    )
    assert report is not None and report.imported > 400
    assert plugin.dock.plot_count() == report.imported
    assert plugin.plot_layer.featureCount() == report.imported
    assert plugin.report_dialog.isVisible()
    assert plugin.report_dialog.table.model().rowCount() == len(report.issues)
    assert any(
        "2026年第1批部卫片" in m
        for m in qgis_iface.messageBar().get_messages(Qgis.MessageLevel.Success)
    )
    dialog.deleteLater()


def test_removing_the_plot_layer_by_hand_does_not_break_saving(plugin, tmp_path):
    small_database(tmp_path / "s.sqlite", plots=1).close()
    plugin.open_database(str(tmp_path / "s.sqlite"))
    QgsProject.instance().removeMapLayer(plugin.plot_layer.id())
    assert plugin.plot_layer is None
    polygon = QgsGeometry.fromWkt(
        "POLYGON((501000 3401000, 501080 3401000, 501080 3401050, 501000 3401000))"
    )
    plot_id = plugin.add_patrol_plot(polygon, {"jcbh": "XC1", "reporter": "王五"})
    assert plot_id is not None and plugin.store.plot_count() == 2


def test_the_holiday_calendar_opens_for_the_open_database(plugin, tmp_path, monkeypatch):
    import processing

    opened = []
    monkeypatch.setattr(
        processing,
        "execAlgorithmDialog",
        lambda algorithm, parameters: opened.append((algorithm, parameters)),
    )
    path = tmp_path / "station.sqlite"
    small_database(path, plots=1).close()
    plugin.open_database(str(path))
    plugin.calendar_action.trigger()
    assert opened == [("landcase:holidaycalendar", {"DATABASE": str(path)})]


def test_edits_in_a_transaction_group_are_recorded_under_this_user(plugin, tmp_path):
    """With the project's automatic transaction groups QGIS writes at each edit: the user
    is named when editing starts."""
    project = QgsProject.instance()
    project.setAutoTransaction(True)  # (3.22's API; Settings ▸ Project ▸ Data Sources)
    try:
        path = tmp_path / "station.sqlite"
        small_database(path, plots=1).close()
        store = plugin.open_database(str(path))
        layer = plugin.plot_layer
        CaseStore.open(path, user="另一个程序").close()  # wrote its user since
        assert layer.startEditing()
        assert layer.dataProvider().transaction() is not None  # in a transaction group
        layer.changeAttributeValue(1, layer.fields().indexOf("reporter"), "网格员钱七")
        assert layer.commitChanges(), layer.commitErrors()
        edit = [e for e in store.audit_entries("plot", 1) if e.action == "UPDATE"]
        assert edit and {e.user_name for e in edit} == {store.actor}
    finally:
        plugin.close_database()
        project.setAutoTransaction(False)


def test_a_server_database_opens_with_postgres_layers_in_transaction_groups(plugin, pg_database):
    from landcase.toolbelt.qgis_compat import uses_transaction_groups

    small_database(pg_database, plots=3).close()
    store = plugin.open_database(pg_database)
    assert store is not None and store.is_postgres
    assert plugin.plot_layer.providerType() == "postgres" and plugin.plot_layer.isValid()
    assert plugin.plot_layer.featureCount() == 3
    assert uses_transaction_groups(QgsProject.instance())
    assert plugin.dock.proxy.rowCount() == 3
    # the layer knows its database without the password
    assert "landcase:landcase@" not in plugin.plot_layer.customProperty("landcase/database", "")
    # an edit in QGIS's own attribute table: written in the group's transaction, audited
    # under the session user by the server
    layer = plugin.plot_layer
    feature = next(layer.getFeatures())
    assert layer.startEditing()
    assert layer.changeAttributeValue(feature.id(), layer.fields().indexOf("reporter"), "巡查员")
    assert layer.commitChanges(), layer.commitErrors()
    last = store.audit_entries("plot")[-1]
    assert last.action == "UPDATE" and last.changes["reporter"] == [None, "巡查员"]
    assert last.user_name == "landcase"
    plugin.close_database()
    assert QgsProject.instance().layerTreeRoot().findGroup(GROUP_NAME) is None
