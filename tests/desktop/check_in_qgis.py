"""Run inside the real QGIS desktop by tests/test_desktop.py (qgis --code this_file).

1. Reloads the plugin three times, opens the demo database, checks from inside QGIS that
   the dock lists the plots and the plot layer is in the project; screenshot.
2. Opens an empty database and imports the demo batch through the dock's Import button
   and dialog, as a technician would; screenshot of the import report over the panel.
3. Records a verification with a photo; screenshot.
4. Opens the plugin's Settings… (QGIS's Options at LandCase's page); screenshot.
Writes what it found as JSON and quits QGIS.
"""

import json
import os
import time
import traceback
from pathlib import Path

from qgis.core import QgsApplication, QgsProject, QgsSettings
from qgis.PyQt.QtCore import QTimer
from qgis.PyQt.QtWidgets import (
    QApplication,
    QDialogButtonBox,
    QDockWidget,
    QMenu,
    QToolBar,
    QWidget,
)
from qgis.utils import iface, plugins, reloadPlugin

RESULT = os.environ["LANDCASE_E2E_OUT"]
SCREENSHOTS = os.environ["LANDCASE_E2E_SCREENSHOTS"]
DATABASE = os.environ["LANDCASE_DEMO"]
EMPTY_DATABASE = os.environ["LANDCASE_E2E_EMPTY"]
BATCH_FILE = os.environ["LANDCASE_E2E_BATCH"]
result = {"ok": False}


def _count_ui() -> dict:
    window = iface.mainWindow()
    return {
        "menus": len(
            [
                a
                for a in window.menuBar().actions()
                if a.menu() and a.menu().objectName() == "LandCaseMenu"
            ]
        ),
        "menu_objects": len(
            [m for m in window.findChildren(QMenu) if m.objectName() == "LandCaseMenu"]
        ),
        "toolbars": len(
            [t for t in window.findChildren(QToolBar) if t.objectName() == "LandCaseToolbar"]
        ),
        "docks": len(
            [d for d in window.findChildren(QDockWidget) if d.objectName() == "LandCaseCaseDock"]
        ),
        "provider": QgsApplication.processingRegistry().providerById("landcase") is not None,
    }


def _screenshot(name: str) -> bool:
    iface.mapCanvas().waitWhileRendering()
    QgsApplication.processEvents()
    return QgsApplication.primaryScreen().grabWindow(0).save(os.path.join(SCREENSHOTS, name))


def _guard(step):
    def run():
        try:
            step()
        except Exception:
            result["error"] = traceback.format_exc()
            _finish()

    return run


def _open_demo() -> None:
    result["loaded_at_start"] = "landcase" in plugins
    for _ in range(3):
        reloadPlugin("landcase")
        QgsApplication.processEvents()
    result["after_reloads"] = _count_ui()
    plugin = plugins["landcase"]
    store = plugin.open_database(DATABASE)
    result["opened"] = store is not None
    result["plots_in_database"] = store.plot_count()
    result["dock_rows"] = plugin.dock.plot_count()
    result["dock_title"] = plugin.dock.windowTitle()
    result["dock_visible"] = plugin.dock.isVisible()
    group = QgsProject.instance().layerTreeRoot().findGroup("LandCase")
    layers = [node.layer() for node in group.findLayers()] if group else []
    result["group_layers"] = [
        (layer.name(), layer.providerType(), layer.featureCount()) for layer in layers
    ]
    result["renderer"] = plugin.plot_layer.renderer().type()
    canvas = iface.mapCanvas()
    plugin.dock.table.clearSelection()
    plugin.dock.table.selectRow(0)  # the first plot selected: the map follows the dock
    canvas.waitWhileRendering()
    result["selected_on_map"] = plugin.plot_layer.selectedFeatureIds()
    result["zoomed_width_m"] = canvas.extent().width()
    canvas.setExtent(plugin.plot_layer.extent().buffered(500))  # the whole demo county
    canvas.refresh()
    QTimer.singleShot(1500, _guard(_demo_screenshot))


def _demo_screenshot() -> None:
    result["ui_after_event_loop"] = _count_ui()  # deferred deletes have run by now
    result["screenshot_demo"] = _screenshot("desktop_demo.png")
    _import_through_the_dock()


def _fill_import_dialog() -> None:
    dialog = QApplication.activeModalWidget()
    result["import_dialog"] = type(dialog).__name__
    dialog.file.setFilePath(BATCH_FILE)
    dialog.batch.setText("2026年第1批部卫片")
    result["import_dialog_mapping"] = dialog.chosen_mapping()
    result["import_dialog_encoding"] = dialog.encoding_note.text()
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()


def _import_through_the_dock() -> None:
    plugin = plugins["landcase"]
    plugin.close_database()
    store = plugin.open_database(EMPTY_DATABASE)
    result["empty_rows"] = plugin.dock.plot_count()
    button = plugin.dock.toolbar.widgetForAction(plugin.import_action)
    QTimer.singleShot(800, _guard(_fill_import_dialog))
    button.click()  # the dialog runs modal until _fill_import_dialog accepts it
    result["imported_rows_in_dock"] = plugin.dock.plot_count()
    result["imported_in_database"] = store.plot_count()
    result["report_visible"] = plugin.report_dialog is not None and plugin.report_dialog.isVisible()
    result["report_summary"] = plugin.report_dialog.summary.text() if plugin.report_dialog else None
    result["report_rows"] = (
        plugin.report_dialog.table.model().rowCount() if plugin.report_dialog else 0
    )
    result["report_area_mismatches"] = [
        issue.jcbh
        for issue in (plugin.report_dialog.table.model()._issues if plugin.report_dialog else [])
        if issue.kind == "area_mismatch"
    ]
    iface.mapCanvas().setExtent(plugin.plot_layer.extent().buffered(500))
    iface.mapCanvas().refresh()
    QTimer.singleShot(1500, _guard(_import_screenshot))


def _import_screenshot() -> None:
    result["screenshot_import"] = _screenshot("desktop_import.png")
    _verify_with_a_photo()


def _verify_with_a_photo() -> None:
    """A field verifier's record: the first plot, a geotagged photo, the site status."""
    import sys

    sys.path.insert(0, os.environ["LANDCASE_E2E_TESTS"])
    from photo_files import make_photo

    plugin = plugins["landcase"]
    plugin.report_dialog.close()
    plugin.dock.table.clearSelection()
    plugin.dock.table.selectRow(0)
    dialog = plugin.open_case_dialog()
    plot_id = dialog.plot_id
    centre = plugin.store.plot_geometry(plot_id).centroid
    photo = make_photo(
        Path(RESULT).parent / "现场照片.jpg",
        xy=(centre.x - 10, centre.y - 25),
        direction=30,
    )
    dialog.attach_photos([photo])
    dialog.site_status.setCurrentIndex(dialog.site_status.findData("在建"))
    dialog.land_user.setText("某某建材公司")
    dialog.actual_use.setText("堆放建材")
    dialog.construction_date.setText("2026-01")
    dialog.save_verification.click()
    result["verification_status"] = dialog.state.status
    result["verification_message"] = dialog.message.text()
    result["dialog_photos"] = dialog.photos.count()
    result["photo_layer_features"] = (
        plugin.photo_layer.featureCount() if plugin.photo_layer else None
    )
    result["panel_status"] = next(
        r.status for r in plugin.dock.model.rows() if r.plot_id == plot_id
    )
    result["map_selection_after"] = plugin.plot_layer.selectedFeatureIds()
    dialog.tabs.setCurrentIndex(0)  # show what was recorded: the verification and its photo
    dialog.move(300, 420)
    canvas = iface.mapCanvas()
    extent = plugin.plot_layer.boundingBoxOfSelected()
    extent.scale(4)
    # the dialog covers the lower part of the map: show the plot and its photo above it
    height = extent.height()
    extent.setYMinimum(extent.yMinimum() - 1.2 * height)
    extent.setYMaximum(extent.yMaximum() - 0.1 * height)
    canvas.setExtent(extent)
    canvas.refresh()
    QTimer.singleShot(1500, _guard(_verification_screenshot))


def _verification_screenshot() -> None:
    result["screenshot_verification"] = _screenshot("desktop_verification.png")
    # The LandCase menu's Settings… opens QGIS's Options at the plugin's page. The dialog
    # is modal: a timer inside its event loop looks at it, then closes it.
    QgsSettings().setValue("plugins/landcase/unit_name", UNIT)
    _inspect_settings.deadline = time.monotonic() + 30
    QTimer.singleShot(500, _guard(_inspect_settings))
    plugins["landcase"].settings_action.trigger()
    result["ok"] = "settings_page" in result
    _finish()


UNIT = "青山县自然资源局青山所"


def _inspect_settings() -> None:
    from landcase.forms.settings_page import PAGE_NAME

    dialog = QApplication.activeModalWidget()
    page = dialog.findChild(QWidget, PAGE_NAME) if dialog else None
    if page is None or not page.isVisible():
        if time.monotonic() < _inspect_settings.deadline:
            QTimer.singleShot(250, _guard(_inspect_settings))
            return
    result["settings_dialog"] = dialog.objectName() if dialog else None
    if page is not None:
        QgsApplication.processEvents()
        result["settings_page"] = {
            "visible": page.isVisible(),
            "unit": page.findChild(QWidget, "unitName").text(),
            "font_status": page.findChild(QWidget, "reportFontStatus").text(),
        }
    result["screenshot_settings"] = _screenshot("desktop_settings.png")
    if dialog is not None:
        dialog.reject()


def _finish() -> None:
    with open(RESULT, "w", encoding="utf-8") as handle:
        json.dump(result, handle, ensure_ascii=False, indent=1)
    QgsProject.instance().setDirty(False)
    QgsApplication.exit(0)


# Xvfb has no window manager to maximise the window: give it the whole screen.
iface.mainWindow().setGeometry(QgsApplication.primaryScreen().availableGeometry())
QTimer.singleShot(3000, _guard(_open_demo))
