"""The QGIS project of a field package, configured for QField.

QField reads the project's own configuration: each layer's editor widgets (value lists as
``ValueMap``, dates as ``DateTime``, keys as ``UuidGenerator``, photos as
``ExternalResource`` storing paths relative to the project), field constraints (a form
cannot be saved while one fails), default value expressions (who verifies, when), the
relations (a plot's field records, a record's photos, a new find's photos) and QFieldSync's layer
properties (``QFieldSync/action``, ``QFieldSync/attachment_naming``: where the camera's
file goes). The plots are read-only in their form and drawn by what is due.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

from qgis.core import (
    QgsCategorizedSymbolRenderer,
    QgsCoordinateReferenceSystem,
    QgsDefaultValue,
    QgsEditorWidgetSetup,
    QgsExpressionContextUtils,
    QgsFieldConstraints,
    QgsFillSymbol,
    QgsPalLayerSettings,
    QgsProject,
    QgsRasterLayer,
    QgsRelation,
    QgsRelationContext,
    QgsRendererCategory,
    QgsVectorLayer,
    QgsVectorLayerSimpleLabeling,
)

from ..cases import field_codes as fc
from ..cases.overlay_roles import ROLES
from ..toolbelt.i18n import tr
from .field_package_gpkg import PackageWriteError

VERIFIER_VARIABLE = "landcase_verifier"
PACKAGE_VARIABLE = "landcase_package"
# QGIS's ValueMap stands for NULL with this value
VALUE_MAP_NULL = "{2839923C-8B7D-419E-B84B-CA2FE9B80EC7}"
# ExternalResource: paths relative to the project file (QField's DCIM folder beside it)
RELATIVE_TO_PROJECT = 1
IMAGE_VIEWER = 1
ATTACHMENT_NAME = f"'{fc.PHOTO_FOLDER}/' || format_date(now(), 'yyyyMMdd_hhmmsszzz') || '.jpg'"
DUE_COLOURS = {
    fc.DUE_VERIFICATION: "230,126,34,160",
    fc.DUE_REINSPECTION: "41,128,185,160",
    fc.DUE_REVISIT: "39,174,96,160",
}

RELATION_PLOT_VERIFICATION = "plot_verification"
RELATION_VERIFICATION_PHOTO = "verification_photo"
RELATION_FIND_PHOTO = "find_photo"

HARD = QgsFieldConstraints.ConstraintStrength.ConstraintStrengthHard
NOT_NULL = QgsFieldConstraints.Constraint.ConstraintNotNull


def _aliases() -> dict[str, str]:
    """Each field's label in the forms (translated when the package is made)."""
    return {
        "jcbh": tr("Plot number (监测编号)"),
        "due": tr("Visit due"),
        "status": tr("Case status"),
        "batch": tr("Batch"),
        "clue_source": tr("Clue source"),
        "township": tr("Township"),
        "village": tr("Village"),
        "xzqmc": tr("Administrative area"),
        "qsx": tr("Earlier image (前时相)"),
        "hsx": tr("Later image (后时相)"),
        "area_mu": tr("Area (亩)"),
        "description": tr("Description"),
        "measures": tr("Rectification measures"),
        "task_listed_on": tr("Task list made on"),
        "revisit_due_on": tr("Post-closure visit due on"),
        "revisit_result": tr("Post-closure visit result (无反弹/反弹)"),
        "find_uuid": tr("New find"),
        "last_site_status": tr("Last site status"),
        "category": tr("Determination"),
        "task": tr("Visit"),
        "site_status": tr("Site status (现场状态)"),
        "land_user": tr("Land user"),
        "actual_use": tr("Actual use (实际用途)"),
        "construction_date": tr("Construction date (YYYY, YYYY-MM or YYYY-MM-DD)"),
        "reinspection_result": tr("Re-inspection result"),
        "verifier": tr("Verifier"),
        "verified_at": tr("Verified at"),
        "path": tr("Photo"),
        "kind": tr("Kind"),
        "note": tr("Note"),
        "signs": tr("Signs seen"),
        "found_at": tr("Found at"),
        "found_by": tr("Found by"),
        "address": tr("Address"),
        "party": tr("Party"),
    }


def _value_map(values, allow_null: bool = False) -> QgsEditorWidgetSetup:
    entries = [{value: value} for value in values]
    if allow_null:
        entries.insert(0, {tr("(none)"): VALUE_MAP_NULL})
    return QgsEditorWidgetSetup("ValueMap", {"map": entries})


def _datetime() -> QgsEditorWidgetSetup:
    return QgsEditorWidgetSetup(
        "DateTime",
        {
            "field_format": "yyyy-MM-ddTHH:mm:ss",
            "display_format": "yyyy-MM-dd HH:mm",
            "calendar_popup": True,
            "allow_null": False,
        },
    )


def _text(multiline: bool = False) -> QgsEditorWidgetSetup:
    return QgsEditorWidgetSetup("TextEdit", {"IsMultiline": multiline, "UseHtml": False})


def _set(layer: QgsVectorLayer, name: str, setup: QgsEditorWidgetSetup | None = None,
         default: str | None = None, required: bool = False,
         constraint: tuple[str, str] | None = None) -> None:  # fmt: skip
    index = layer.fields().indexOf(name)
    if index < 0:
        raise PackageWriteError(path=layer.source(), reason=f"no field {name}")
    if setup is not None:
        layer.setEditorWidgetSetup(index, setup)
    if default is not None:
        layer.setDefaultValueDefinition(index, QgsDefaultValue(default))
    if required:
        layer.setFieldConstraint(index, NOT_NULL, HARD)
    if constraint is not None:
        expression, description = constraint
        layer.setConstraintExpression(index, expression, description)
        layer.setFieldConstraint(index, QgsFieldConstraints.Constraint.ConstraintExpression, HARD)


def _open(project: QgsProject, gpkg: Path, table: str, name: str) -> QgsVectorLayer:
    layer = QgsVectorLayer(f"{gpkg}|layername={table}", name, "ogr")
    if not layer.isValid():
        raise PackageWriteError(path=str(gpkg), reason=f"QGIS cannot read the table {table}")
    aliases = _aliases()
    for index, field in enumerate(layer.fields()):
        if field.name() in aliases:
            layer.setFieldAlias(index, aliases[field.name()])
    fid = layer.fields().indexOf("fid")
    if fid >= 0:
        layer.setEditorWidgetSetup(fid, QgsEditorWidgetSetup("Hidden", {}))
    project.addMapLayer(layer)
    return layer


def _uuid_key(layer: QgsVectorLayer) -> None:
    _set(layer, "uuid", QgsEditorWidgetSetup("UuidGenerator", {}), default="uuid()", required=True)


def _plots(layer: QgsVectorLayer) -> None:
    config = layer.editFormConfig()
    for index in range(layer.fields().count()):
        config.setReadOnly(index, True)  # the office's record: seen on site, not changed
    layer.setEditFormConfig(config)
    layer.setCustomProperty("QFieldSync/is_geometry_locked", True)
    categories = []
    for due, colour in DUE_COLOURS.items():
        symbol = QgsFillSymbol.createSimple(
            {"color": colour, "outline_color": "0,0,0,255", "outline_width": "0.6"}
        )
        categories.append(QgsRendererCategory(due, symbol, due))
    layer.setRenderer(QgsCategorizedSymbolRenderer("due", categories))
    labels = QgsPalLayerSettings()
    labels.fieldName = "jcbh"
    layer.setLabeling(QgsVectorLayerSimpleLabeling(labels))
    layer.setLabelsEnabled(True)
    layer.setDisplayExpression('"jcbh"')


def _verification(layer: QgsVectorLayer) -> None:
    _uuid_key(layer)
    _set(layer, "jcbh", _text(), required=True)
    _set(
        layer,
        "task",
        _value_map(fc.DUES),
        default=f"attribute(get_feature('{fc.PLOTS_TABLE}', 'jcbh', \"jcbh\"), 'due')",
        required=True,
    )
    _set(
        layer,
        "site_status",
        _value_map(fc.SITE_STATUSES, allow_null=True),
        constraint=(
            f'"task" <> \'{fc.DUE_VERIFICATION}\' OR "site_status" IS NOT NULL',
            tr("A verification needs the site status"),
        ),
    )
    _set(layer, "actual_use", _value_map(fc.ACTUAL_USES, allow_null=True))
    _set(layer, "land_user", _text())
    _set(
        layer,
        "construction_date",
        _text(),
        constraint=(
            '"construction_date" IS NULL OR '
            "regexp_match(\"construction_date\", '^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$') > 0",
            tr("A date as YYYY, YYYY-MM or YYYY-MM-DD"),
        ),
    )
    _set(
        layer,
        "reinspection_result",
        _value_map(fc.REINSPECTION_RESULTS, allow_null=True),
        constraint=(
            f'"task" <> \'{fc.DUE_REINSPECTION}\' OR "reinspection_result" IS NOT NULL',
            tr("A re-inspection needs its result"),
        ),
    )
    _set(
        layer,
        "revisit_result",
        _value_map(fc.REVISIT_RESULTS, allow_null=True),
        constraint=(
            f'"task" <> \'{fc.DUE_REVISIT}\' OR "revisit_result" IS NOT NULL',
            tr("A post-closure visit needs its result"),
        ),
    )
    _set(layer, "description", _text(multiline=True))
    _set(layer, "verifier", _text(), default=f"@{VERIFIER_VARIABLE}", required=True)
    _set(layer, "verified_at", _datetime(), default="now()", required=True)
    layer.setDisplayExpression('"jcbh" || \' \' || "task"')
    layer.setCustomProperty("QFieldSync/cloud_action", "offline")


def _attachment(layer: QgsVectorLayer) -> None:
    """The ``path`` field: a photo taken (or picked), stored relative to the project."""
    attachment = QgsEditorWidgetSetup(
        "ExternalResource",
        {
            "FileWidget": True,
            "FileWidgetButton": True,
            "DocumentViewer": IMAGE_VIEWER,
            "RelativeStorage": RELATIVE_TO_PROJECT,
            "StorageMode": 0,  # files
            "DocumentViewerHeight": 0,
            "DocumentViewerWidth": 0,
        },
    )
    _set(layer, "path", attachment, required=True)
    _set(layer, "note", _text())
    naming = json.dumps({"path": ATTACHMENT_NAME})
    layer.setCustomProperty("QFieldSync/attachment_naming", naming)
    layer.setCustomProperty("QFieldSync/photo_naming", naming)  # QField before 2.7
    layer.setCustomProperty("QFieldSync/cloud_action", "offline")


def _photo(layer: QgsVectorLayer) -> None:
    _uuid_key(layer)
    _set(layer, "verification_uuid", _text(), required=True)
    _attachment(layer)
    _set(layer, "kind", _value_map(fc.PHOTO_KINDS), default=f"'{fc.PHOTO_KINDS[0]}'", required=True)


def _find_photo(layer: QgsVectorLayer) -> None:
    _uuid_key(layer)
    _set(layer, "find_uuid", _text(), required=True)
    _attachment(layer)


def _new_find(layer: QgsVectorLayer) -> None:
    _uuid_key(layer)
    _set(layer, "kind", _value_map(fc.FIND_KINDS), default=f"'{fc.FIND_KINDS[0]}'", required=True)
    _set(layer, "found_at", _datetime(), default="now()", required=True)
    _set(layer, "found_by", _text(), default=f"@{VERIFIER_VARIABLE}", required=True)
    _set(layer, "description", _text(multiline=True))
    layer.setCustomProperty("QFieldSync/cloud_action", "offline")


def _relation(project, relation_id: str, name: str, child, child_field, parent, parent_field):
    relation = QgsRelation(QgsRelationContext(project))
    relation.setId(relation_id)
    relation.setName(name)
    relation.setReferencingLayer(child.id())
    relation.setReferencedLayer(parent.id())
    relation.addFieldPair(child_field, parent_field)
    relation.setStrength(QgsRelation.RelationStrength.Composition)
    if not relation.isValid():
        raise PackageWriteError(path=project.fileName(), reason=f"relation {relation_id}")
    project.relationManager().addRelation(relation)


def write_project(
    path: Path,
    gpkg: Path,
    srid: int,
    roles: list[str],
    package_code: str,
    verifier: str,
    images: Sequence[str] = (),
) -> QgsProject:
    """Write the QField project ``path`` (.qgs) over ``gpkg``; ``roles``: the role tables
    written into it, ``images``: its raster tables (前时相, 后时相), drawn at the bottom.
    Returns the project (not the application's: it stays untouched)."""
    project = QgsProject()
    project.setCrs(QgsCoordinateReferenceSystem(f"EPSG:{srid}"))
    project.setTitle(tr("LandCase field package"))
    project.writeEntryBool("Paths", "/Absolute", False)
    project.writeEntry("qfieldsync", "/attachmentDirs", [fc.PHOTO_FOLDER])
    QgsExpressionContextUtils.setProjectVariable(project, VERIFIER_VARIABLE, verifier)
    QgsExpressionContextUtils.setProjectVariable(project, PACKAGE_VARIABLE, package_code)
    for image in images:  # drawn below everything
        raster = QgsRasterLayer(f"GPKG:{gpkg}:{image}", ROLES[image].chinese, "gdal")
        if not raster.isValid():
            raise PackageWriteError(path=str(gpkg), reason=f"QGIS cannot read the image {image}")
        raster.setCustomProperty("QFieldSync/action", "copy")
        project.addMapLayer(raster)
    for role in roles:  # drawn below the plots
        layer = _open(project, gpkg, role, ROLES[role].chinese if role in ROLES else role)
        layer.setReadOnly(True)
        layer.setCustomProperty("QFieldSync/action", "copy")
        layer.setCustomProperty("QFieldSync/cloud_action", "no_action")
    plots = _open(project, gpkg, fc.PLOTS_TABLE, tr("Plots to visit"))
    verification = _open(project, gpkg, fc.VERIFICATION_TABLE, tr("Field records"))
    photo = _open(project, gpkg, fc.PHOTO_TABLE, tr("Photos"))
    new_find = _open(project, gpkg, fc.NEW_FIND_TABLE, tr("New finds"))
    find_photo = _open(project, gpkg, fc.FIND_PHOTO_TABLE, tr("Photos of new finds"))
    _plots(plots)
    _verification(verification)
    _photo(photo)
    _new_find(new_find)
    _find_photo(find_photo)
    for layer in (plots, verification, photo, new_find, find_photo):
        layer.setCustomProperty("QFieldSync/action", "copy")
    _relation(
        project, RELATION_PLOT_VERIFICATION, tr("Field records"), verification, "jcbh", plots,
        "jcbh",
    )  # fmt: skip
    _relation(
        project, RELATION_VERIFICATION_PHOTO, tr("Photos"), photo, "verification_uuid",
        verification, "uuid",
    )  # fmt: skip
    _relation(
        project, RELATION_FIND_PHOTO, tr("Photos of new finds"), find_photo, "find_uuid",
        new_find, "uuid",
    )  # fmt: skip
    root = project.layerTreeRoot()
    for layer in (new_find, plots):  # finds and plots on top of the role layers
        node = root.findLayer(layer.id())
        clone = node.clone()
        root.insertChildNode(0, clone)
        root.removeChildNode(node)
    if not project.write(str(path)):
        raise PackageWriteError(path=str(path), reason=project.error() or "QGIS cannot write it")
    return project
