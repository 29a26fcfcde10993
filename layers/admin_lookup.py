"""Township and village of a place, from the layers assigned to the 'township' and
'village' roles (their name field is named in the role's fields: {"name": "XZQMC"})."""

from __future__ import annotations

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeatureRequest,
    QgsGeometry,
    QgsProject,
    QgsVectorLayer,
)

ROLES = ("township", "village")


def _name_at(role, point: QgsGeometry, crs: QgsCoordinateReferenceSystem) -> str | None:
    layer = QgsVectorLayer(role.source, role.role, role.provider)
    field = role.fields.get("name")
    if not layer.isValid() or not field or layer.fields().indexOf(field) < 0:
        return None
    probe = QgsGeometry(point)
    if layer.crs().isValid() and layer.crs() != crs:
        probe.transform(QgsCoordinateTransform(crs, layer.crs(), QgsProject.instance()))
    request = (
        QgsFeatureRequest()
        .setFilterRect(probe.boundingBox())
        .setSubsetOfAttributes([field], layer.fields())
    )
    for feature in layer.getFeatures(request):
        if feature.geometry().contains(probe):
            return feature[field]
    return None


def admin_names(store, geometry: QgsGeometry) -> dict[str, str | None]:
    """{'township': …, 'village': …} for a plot geometry in the database's CRS; None
    where no role layer is set or nothing contains the plot."""
    crs = QgsCoordinateReferenceSystem(f"EPSG:{store.srid}")
    point = geometry.pointOnSurface()
    names = {}
    for name in ROLES:
        role = store.layer_role(name)
        names[name] = _name_at(role, point, crs) if role else None
    return names
