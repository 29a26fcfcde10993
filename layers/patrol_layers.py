"""The patrol records on the map: a 'Patrols' (巡查) group inside the 'LandCase' group with
the patrol zones (filled by level 高/中/低, labelled by code), the patrol routes, the point
clues (by kind 疑似违法 / 动工迹象, filled while open, hollow once outlined or closed) and the
问题清单 items that have an outline.

The layers read the store's tables through the plot layer's provider (SpatiaLite or
postgres) and are read-only: zones and clues are written by the map tools through the
store's rules (``patrol_zones.save_zone``, ``clues.record_clue``), never by QGIS's editor.
"""

from __future__ import annotations

from pathlib import Path

from qgis.core import (
    QgsCategorizedSymbolRenderer,
    QgsFillSymbol,
    QgsLayerTreeGroup,
    QgsLineSymbol,
    QgsMarkerSymbol,
    QgsPalLayerSettings,
    QgsProject,
    QgsRendererCategory,
    QgsRuleBasedRenderer,
    QgsTextBufferSettings,
    QgsTextFormat,
    QgsVectorLayer,
    QgsVectorLayerSimpleLabeling,
)
from qgis.PyQt.QtGui import QColor

from ..cases import targets
from ..cases.clues import KINDS
from ..toolbelt.i18n import tr
from ..toolbelt.qgis_compat import LABEL_HORIZONTAL, POLYGON_GEOMETRY
from .plot_layer import (
    DATABASE_PROPERTY,
    GROUP_NAME,
    ROLE_PROPERTY,
    LayerLoadError,
    _find,
    _group,
    layer_of,
)

GROUP_PROPERTY = "landcase/group"  # marks the group, whatever language names it
GROUP_ROLE = "patrol"
ZONES, ROUTES, CLUES, PROBLEMS = "patrol_zone", "patrol", "clue", "problem_item"
TABLES = (ZONES, PROBLEMS, ROUTES, CLUES)  # bottom to top in the group: points over areas

# fill and stroke of each zone level: red for the zones visited most often
LEVEL_COLOURS = {"高": (231, 76, 60), "中": (243, 156, 18), "低": (39, 174, 96)}
# a clue's colour and marker by its kind
KIND_STYLES = {"疑似违法": ((192, 57, 43), "circle"), "动工迹象": ((230, 126, 34), "triangle")}
OPEN_CLUE = '"plot_id" IS NULL AND "closed_on" IS NULL'  # as clues.list_clues(open_only)


def _names() -> dict[str, str]:
    return {
        ZONES: tr("Patrol zones"),
        ROUTES: tr("Patrol routes"),
        CLUES: tr("Point clues"),
        PROBLEMS: tr("Problem list items"),
    }


def _rgb(colour: tuple[int, int, int], alpha: int = 255) -> str:
    return ",".join(str(c) for c in (*colour, alpha))


def _labels(
    layer: QgsVectorLayer, field: str, colour: str = "27,38,49", expression: bool = False
) -> None:
    settings = QgsPalLayerSettings()
    settings.fieldName = field
    settings.isExpression = expression
    if layer.geometryType() == POLYGON_GEOMETRY:  # wherever it fits, not only the middle
        settings.placement = LABEL_HORIZONTAL
    text = QgsTextFormat()
    text.setSize(8)
    text.setColor(QColor(*(int(c) for c in colour.split(","))))
    buffer = QgsTextBufferSettings()
    buffer.setEnabled(True)
    buffer.setSize(0.8)
    buffer.setColor(QColor(255, 255, 255))
    text.setBuffer(buffer)
    settings.setFormat(text)
    layer.setLabeling(QgsVectorLayerSimpleLabeling(settings))
    layer.setLabelsEnabled(True)


def _style_zones(layer: QgsVectorLayer) -> None:
    categories = []
    for level, colour in LEVEL_COLOURS.items():
        symbol = QgsFillSymbol.createSimple(
            {
                "color": _rgb(colour, 45),
                "outline_color": _rgb(colour),
                "outline_width": "0.6",
            }
        )
        categories.append(
            QgsRendererCategory(level, symbol, tr("Level {level}").format(level=level))
        )
    layer.setRenderer(QgsCategorizedSymbolRenderer("level", categories))
    _labels(layer, "code")


def _style_routes(layer: QgsVectorLayer) -> None:
    symbol = QgsLineSymbol.createSimple(
        {"line_color": "41,128,185,255", "line_width": "0.6", "line_style": "dash"}
    )
    layer.renderer().setSymbol(symbol)


def _style_clues(layer: QgsVectorLayer) -> None:
    root = QgsRuleBasedRenderer.Rule(None)
    for kind in KINDS:
        colour, shape = KIND_STYLES[kind]
        for is_open in (True, False):
            symbol = QgsMarkerSymbol.createSimple(
                {
                    "name": shape,
                    "size": "4",
                    "color": _rgb(colour) if is_open else "255,255,255,200",
                    "outline_color": "255,255,255,255" if is_open else _rgb(colour),
                    "outline_width": "0.3" if is_open else "0.5",
                }
            )
            state = OPEN_CLUE if is_open else f"NOT ({OPEN_CLUE})"
            label = (tr("{kind}, open") if is_open else tr("{kind}, outlined or closed")).format(
                kind=kind
            )
            root.appendChild(
                QgsRuleBasedRenderer.Rule(symbol, 0, 0, f"\"kind\" = '{kind}' AND {state}", label)
            )
    layer.setRenderer(QgsRuleBasedRenderer(root))
    _labels(layer, "code", "120,40,31")


def _style_problems(layer: QgsVectorLayer) -> None:
    symbol = QgsFillSymbol.createSimple(
        {
            "color": "142,68,173,40",
            "style": "b_diagonal",
            "outline_color": "142,68,173,255",
            "outline_width": "0.5",
            "outline_style": "dash",
        }
    )
    layer.renderer().setSymbol(symbol)
    _labels(layer, '"list_name" || \' \' || "item_number"', "91,44,111", expression=True)


STYLES = {
    ZONES: _style_zones,
    ROUTES: _style_routes,
    CLUES: _style_clues,
    PROBLEMS: _style_problems,
}


def find_patrol_group(project: QgsProject) -> QgsLayerTreeGroup | None:
    def search(group):
        for child in group.children():
            if isinstance(child, QgsLayerTreeGroup):
                if child.customProperty(GROUP_PROPERTY) == GROUP_ROLE:
                    return child
                found = search(child)
                if found is not None:
                    return found
        return None

    return search(project.layerTreeRoot())


def find_patrol_layers(project: QgsProject, database: str | Path) -> dict[str, QgsVectorLayer]:
    """table → its layer of ``database`` in the project, for those present."""
    found = {table: _find(project, database, table) for table in TABLES}
    return {table: layer for table, layer in found.items() if layer is not None}


def _load(store, table: str, name: str) -> QgsVectorLayer:
    source = store.layer_source(table, "geom")
    layer = layer_of(source, name)
    if not layer.isValid():
        error = layer.dataProvider().error().summary() if layer.dataProvider() else ""
        shown = targets.parse(source.path).shown()
        raise LayerLoadError(f"{shown} ({table})", error or "not a valid layer")
    layer.setCustomProperty(DATABASE_PROPERTY, targets.layer_key(source.path))
    layer.setCustomProperty(ROLE_PROPERTY, table)
    if table == PROBLEMS:  # the ledger holds items without an outline too
        layer.setSubsetString('"geom" IS NOT NULL')
    STYLES[table](layer)
    layer.setReadOnly(True)  # written through the store's rules only
    return layer


def add_patrol_layers(project: QgsProject, store) -> dict[str, QgsVectorLayer]:
    """Add (or find) the patrol layers of ``store`` in their group below the plots."""
    existing = find_patrol_layers(project, store.location)
    if len(existing) == len(TABLES):
        return existing
    names = _names()
    layers = {table: _load(store, table, names[table]) for table in TABLES}
    group = find_patrol_group(project)
    if group is None:
        parent = _group(project)
        group = parent.addGroup(tr("Patrols"))
        group.setCustomProperty(GROUP_PROPERTY, GROUP_ROLE)
    for table in TABLES:
        project.addMapLayer(layers[table], False)
        group.insertLayer(0, layers[table])
    return layers


def remove_patrol_layers(project: QgsProject, database: str | Path) -> None:
    for layer in find_patrol_layers(project, database).values():
        project.removeMapLayer(layer.id())
    group = find_patrol_group(project)
    if group is not None and not group.children():
        group.parent().removeChildNode(group)
    landcase = project.layerTreeRoot().findGroup(GROUP_NAME)
    if landcase is not None and not landcase.children():
        landcase.parent().removeChildNode(landcase)


def refresh_patrol_layers(layers: dict[str, QgsVectorLayer]) -> None:
    """Re-read the layers after the store wrote zones or clues."""
    for layer in layers.values():
        provider = layer.dataProvider()
        provider.reloadData()
        provider.updateExtents()
        layer.updateExtents()
        layer.triggerRepaint()
