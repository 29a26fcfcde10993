"""The case database's plot layer in the QGIS project: a 'LandCase' group holding the
plots (SpatiaLite provider, editable, styled by case status, labelled with 监测编号) and
the case table joined to them."""

from __future__ import annotations

from pathlib import Path

from qgis.core import (
    QgsDataSourceUri,
    QgsLayerTreeGroup,
    QgsProject,
    QgsVectorLayer,
    QgsVectorLayerJoinInfo,
)

from ..cases import targets
from ..cases.errors import LandCaseError
from ..toolbelt.i18n import tr

GROUP_NAME = "LandCase"
STYLE_FILE = Path(__file__).resolve().parent.parent / "resources" / "styles" / "plot_status.qml"
# Custom properties mark our layers, so they are found again after a project reload.
DATABASE_PROPERTY = "landcase/database"
ROLE_PROPERTY = "landcase/layer"
JOIN_PREFIX = "case_"
STATUS_FIELD = JOIN_PREFIX + "status"


class LayerLoadError(LandCaseError):
    """QGIS cannot load a layer; ``error`` is QGIS's own text (not a template)."""

    template = "{source}: {error}"

    def __init__(self, source: str, reason: str):
        self.source, self.reason = source, reason
        super().__init__(source=source, error=reason)


def spatialite_uri(source) -> str:
    """A spatialite provider URI for a ``cases.store.LayerSource``."""
    uri = QgsDataSourceUri()
    uri.setDatabase(source.path)
    uri.setDataSource("", source.table, source.geometry_column or "", "", source.key_column)
    return uri.uri()


def postgres_uri(source) -> str:
    """A postgres provider URI for a ``LayerSource`` of a PostgreSQL case database."""
    params = targets.libpq_params(source.path)
    uri = QgsDataSourceUri()
    if "service" in params:
        uri.setConnection(
            params["service"],
            params.get("dbname", ""),
            params.get("user", ""),
            params.get("password", ""),
        )
    else:
        uri.setConnection(
            params.get("host", ""),
            params.get("port", ""),
            params.get("dbname", ""),
            params.get("user", ""),
            params.get("password", ""),
        )
    uri.setDataSource("public", source.table, source.geometry_column or "", "", source.key_column)
    if source.geometry_column:
        uri.setSrid(str(source.srid))
    return uri.uri(False)


def layer_of(source, name: str) -> QgsVectorLayer:
    """The QGIS layer of a ``LayerSource``, from the provider of its backend."""
    if source.provider == "postgres":
        return QgsVectorLayer(postgres_uri(source), name, "postgres")
    return QgsVectorLayer(spatialite_uri(source), name, "spatialite")


def _load(source, name: str) -> QgsVectorLayer:
    layer = layer_of(source, name)
    if not layer.isValid():
        error = layer.dataProvider().error().summary() if layer.dataProvider() else ""
        shown = targets.parse(source.path).shown()
        raise LayerLoadError(f"{shown} ({source.table})", error or "not a valid layer")
    layer.setCustomProperty(DATABASE_PROPERTY, targets.layer_key(source.path))
    layer.setCustomProperty(ROLE_PROPERTY, source.table)
    return layer


def _join_cases(plots: QgsVectorLayer, cases: QgsVectorLayer) -> None:
    join = QgsVectorLayerJoinInfo()
    join.setJoinLayer(cases)
    join.setJoinFieldName("plot_id")
    join.setTargetFieldName("id")
    join.setJoinFieldNamesSubset(["status", "responsible_unit", "handling_department"])
    join.setPrefix(JOIN_PREFIX)
    join.setUsingMemoryCache(True)
    join.setEditable(False)  # case changes go through the workflow, not the map
    plots.addJoin(join)


def _group(project: QgsProject) -> QgsLayerTreeGroup:
    root = project.layerTreeRoot()
    return root.findGroup(GROUP_NAME) or root.insertGroup(0, GROUP_NAME)


def find_plot_layer(project: QgsProject, database: str | Path) -> QgsVectorLayer | None:
    return _find(project, database, "plot")


def _find(project: QgsProject, database: str | Path, table: str) -> QgsVectorLayer | None:
    wanted = targets.layer_key(database)
    for layer in project.mapLayers().values():
        if (
            layer.customProperty(DATABASE_PROPERTY) == wanted
            and layer.customProperty(ROLE_PROPERTY) == table
        ):
            return layer
    return None


def add_case_layers(project: QgsProject, store) -> QgsVectorLayer:
    """Add (or find) the plot and case layers of ``store``; return the plot layer."""
    existing = find_plot_layer(project, store.location)
    if existing is not None:
        return existing
    cases = _load(store.case_table_source(), tr("Cases"))
    plots = _load(store.plot_layer_source(), tr("Plots"))
    group = _group(project)
    project.addMapLayer(cases, False)
    group.addLayer(cases)
    project.addMapLayer(plots, False)
    group.insertLayer(0, plots)
    _join_cases(plots, cases)
    message, ok = plots.loadNamedStyle(str(STYLE_FILE))
    if not ok:
        raise LayerLoadError(str(STYLE_FILE), message)
    plots.triggerRepaint()
    return plots


def case_layers(project: QgsProject, database: str | Path) -> list[QgsVectorLayer]:
    """The plot and case layers of ``database`` in the project (those a user may edit)."""
    found = (_find(project, database, table) for table in ("plot", "case_record"))
    return [layer for layer in found if layer is not None]


def remove_case_layers(project: QgsProject, database: str | Path) -> None:
    for table in ("plot", "case_record"):
        layer = _find(project, database, table)
        if layer is not None:
            project.removeMapLayer(layer.id())
    group = project.layerTreeRoot().findGroup(GROUP_NAME)
    if group is not None and not group.children():
        group.parent().removeChildNode(group)


def refresh(plot_layer: QgsVectorLayer) -> None:
    """Re-read the plots and their joined case fields after the store changed them."""
    for join in plot_layer.vectorJoins():
        if join.joinLayer() is not None:
            join.joinLayer().dataProvider().reloadData()
    # The SpatiaLite provider caches its row count and extent: reloadData() drops the
    # features it holds, updateExtents() recounts (reload() alone does neither).
    selected = plot_layer.selectedFeatureIds()
    provider = plot_layer.dataProvider()
    provider.reloadData()
    provider.updateExtents()
    plot_layer.updateExtents()
    plot_layer.selectByIds(selected)  # reloading drops the selection the user made
    plot_layer.triggerRepaint()
