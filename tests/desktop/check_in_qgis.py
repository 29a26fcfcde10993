"""Run inside the real QGIS desktop by tests/test_desktop.py (qgis --code this_file).

Reloads the plugin three times, opens the demo database, checks from inside QGIS that the
dock lists the plots and the plot layer is in the project, saves a screenshot, writes what
it found as JSON and quits QGIS.
"""

import json
import os
import traceback

from qgis.core import QgsApplication, QgsProject
from qgis.PyQt.QtCore import QTimer
from qgis.PyQt.QtWidgets import QDockWidget, QMenu, QToolBar
from qgis.utils import iface, plugins, reloadPlugin

RESULT = os.environ["LANDCASE_E2E_OUT"]
SCREENSHOT = os.environ["LANDCASE_E2E_SCREENSHOT"]
DATABASE = os.environ["LANDCASE_DEMO"]


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


def _check() -> None:
    result = {"ok": False}
    try:
        result["loaded_at_start"] = "landcase" in plugins
        for _ in range(3):
            reloadPlugin("landcase")
            QgsApplication.processEvents()
        QgsApplication.sendPostedEvents(None, 0)
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
        canvas.setExtent(plugin.plot_layer.extent().buffered(500))
        canvas.refresh()
        canvas.waitWhileRendering()
        plugin.dock.table.selectRow(0)  # the first plot selected: the map follows the dock
        canvas.waitWhileRendering()
        result["selected_on_map"] = plugin.plot_layer.selectedFeatureIds()
        result["zoomed_width_m"] = canvas.extent().width()
        canvas.setExtent(plugin.plot_layer.extent().buffered(500))  # the whole demo county
        canvas.refresh()
        result["ok"] = True
    except Exception:
        result["error"] = traceback.format_exc()
    QTimer.singleShot(1500, lambda: _finish(result))


def _finish(result: dict) -> None:
    result["ui_at_end"] = _count_ui()  # after the event loop ran its deferred deletes
    try:
        iface.mapCanvas().waitWhileRendering()
        QgsApplication.processEvents()
        screen = QgsApplication.primaryScreen()
        result["screenshot"] = screen.grabWindow(0).save(SCREENSHOT)
    except Exception:
        result["screenshot_error"] = traceback.format_exc()
    with open(RESULT, "w", encoding="utf-8") as handle:
        json.dump(result, handle, ensure_ascii=False, indent=1)
    QgsProject.instance().setDirty(False)
    QgsApplication.exit(0)


# Xvfb has no window manager to maximise the window: give it the whole screen.
iface.mainWindow().setGeometry(QgsApplication.primaryScreen().availableGeometry())
QTimer.singleShot(3000, _check)
