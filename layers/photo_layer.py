"""The case database's photos in the QGIS project: a point layer in the 'LandCase' group
(SpatiaLite provider, read-only: positions are evidence read from EXIF), drawn with an
arrow turned to the photo's "direction", red when taken far from its plot, and a layer
action "Open photo" that opens the stored copy.

The stored copy's path is worked out from the layer's own source (``<db folder>/<db
stem>_attachments/<sha256[:2]>/<stored_name>``), so the action keeps working when the
database, its attachments folder and a project with relative paths are moved together.
"""

from __future__ import annotations

from pathlib import Path

from qgis.core import QgsAction, QgsExpressionContextUtils, QgsProject, QgsVectorLayer
from qgis.PyQt.QtCore import QUuid

from ..cases import targets
from ..cases.photo_storage import attachments_folder
from ..cases.photos import photo_layer_source
from ..toolbelt.i18n import tr
from .plot_layer import (
    DATABASE_PROPERTY,
    GROUP_NAME,
    ROLE_PROPERTY,
    LayerLoadError,
    _find,
    _group,
    layer_of,
)

TABLE = "photo"
STYLE_FILE = Path(__file__).resolve().parent.parent / "resources" / "styles" / "photo_direction.qml"
ACTION_ID = "{6b0d1c55-3f0e-4a5e-9a52-6c1b1f7d0a11}"  # stable: found again after reload

# The stored copy of the feature's photo, or NULL when the row's stored name is not one
# LandCase writes, in the folder the layer variable names (the same check as cases.photos.photo_path: a name from another
# program never becomes a path).
PHOTO_FILE_EXPRESSION = (
    "CASE WHEN regexp_match(\"stored_name\", '^[0-9a-f]{64}\\\\.(jpg|png)$') > 0"
    ' AND left("stored_name", 64) = "sha256"'
    " THEN @landcase_attachments || '/' || left(\"sha256\", 2) || '/' || \"stored_name\" END"
)
# The original name came from outside: escaped before it goes into the tip's HTML.
MAP_TIP = (
    "<b>[% replace(\"original_name\", array('&', '<', '>'), array('&amp;', '&lt;', '&gt;')) %]"
    '</b><br>[% "taken_at" %]<br>'
    "<img width=\"320\" src=\"[% CASE WHEN left({path}, 1) = '/' THEN 'file://' "
    "ELSE 'file:///' END || {path} %]\">"
).format(path=f"({PHOTO_FILE_EXPRESSION})")


def find_photo_layer(project: QgsProject, database: str | Path) -> QgsVectorLayer | None:
    return _find(project, database, TABLE)


def add_photo_layer(project: QgsProject, store) -> QgsVectorLayer:
    """Add (or find) the photo layer of ``store`` at the top of the 'LandCase' group."""
    existing = find_photo_layer(project, store.location)
    if existing is not None:
        return existing
    source = photo_layer_source(store)
    layer = layer_of(source, tr("Photos"))
    if not layer.isValid():
        error = layer.dataProvider().error().summary() if layer.dataProvider() else ""
        shown = targets.parse(source.path).shown()
        raise LayerLoadError(f"{shown} ({source.table})", error or "not a valid layer")
    message, ok = layer.loadNamedStyle(str(STYLE_FILE))
    if not ok:
        raise LayerLoadError(str(STYLE_FILE), message)
    layer.setCustomProperty(DATABASE_PROPERTY, targets.layer_key(source.path))
    layer.setCustomProperty(ROLE_PROPERTY, TABLE)
    # where the photo files are (beside a file, or a server database's evidence folder)
    QgsExpressionContextUtils.setLayerVariable(
        layer, "landcase_attachments", str(attachments_folder(store).resolve())
    )
    layer.setReadOnly(True)
    layer.setDisplayExpression('"original_name"')
    layer.setMapTipTemplate(MAP_TIP)
    action = QgsAction(
        QUuid(ACTION_ID),
        QgsAction.OpenUrl,
        tr("Open photo"),
        f"[% {PHOTO_FILE_EXPRESSION} %]",
        "",
        False,
        "",
        {"Feature", "Canvas"},
    )
    layer.actions().addAction(action)
    layer.actions().setDefaultAction("Canvas", action.id())
    project.addMapLayer(layer, False)
    _group(project).insertLayer(0, layer)
    return layer


def remove_photo_layer(project: QgsProject, database: str | Path) -> None:
    layer = find_photo_layer(project, database)
    if layer is not None:
        project.removeMapLayer(layer.id())
    group = project.layerTreeRoot().findGroup(GROUP_NAME)
    if group is not None and not group.children():
        group.parent().removeChildNode(group)


def refresh(photo_layer: QgsVectorLayer) -> None:
    """Re-read the photos after ``cases.photos.add_photos`` stored new ones."""
    provider = photo_layer.dataProvider()
    provider.reloadData()
    provider.updateExtents()
    photo_layer.updateExtents()
    photo_layer.triggerRepaint()
