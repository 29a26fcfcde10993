"""Run inside QGIS by `make run` (qgis --code): open the demo case database, with the
sample county's townships and land use underneath for context."""

import os
from pathlib import Path

from qgis.core import (
    QgsFillSymbol,
    QgsProject,
    QgsSettings,
    QgsSingleSymbolRenderer,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QTimer
from qgis.utils import iface, plugins

# Quiet context styles, so that the plots stay what the eye finds first.
CONTEXT_LAYERS = [
    ("xzq_township", "乡镇", {"style": "no", "outline_color": "#555555", "outline_width": "0.6"}),
    (
        "dltb",
        "地类图斑 (样例)",
        {"color": "#f3f0e6", "outline_color": "#d8d2c2", "outline_width": "0.1"},
    ),
]


def _add_context(sample: Path) -> None:
    project = QgsProject.instance()
    group = project.layerTreeRoot().addGroup("样例县 (sample county)")
    for table, name, style in CONTEXT_LAYERS:
        layer = QgsVectorLayer(f"{sample / 'county.gpkg'}|layername={table}", name, "ogr")
        if layer.isValid():
            layer.setRenderer(QgsSingleSymbolRenderer(QgsFillSymbol.createSimple(style)))
            project.addMapLayer(layer, False)
            group.addLayer(layer)
    group.setExpanded(False)


DEMO_UNIT = "样例县自然资源局样例所（演示）"


def _demo_unit() -> None:
    """The unit printed on the demo's documents, unless one is set (LandCase ▸ Settings…)."""
    settings = QgsSettings()
    if not settings.value("plugins/landcase/unit_name", ""):
        settings.setValue("plugins/landcase/unit_name", DEMO_UNIT)


def _open() -> None:
    _demo_unit()
    plugin = plugins.get("landcase")
    if plugin is None:
        print("LandCase is not loaded: check Plugins > Manage and Install Plugins.")
        return
    plugin.open_database(os.environ["LANDCASE_DEMO"])
    if os.environ.get("LANDCASE_SAMPLE"):
        _add_context(Path(os.environ["LANDCASE_SAMPLE"]))
    if plugin.plot_layer is not None:
        iface.mapCanvas().setExtent(plugin.plot_layer.extent().buffered(500))
        iface.mapCanvas().refresh()


QTimer.singleShot(0, _open)
