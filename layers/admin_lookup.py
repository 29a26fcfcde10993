"""Township and village of a place, from the layers assigned to the 'township' and
'village' roles (their name field is named in the role's fields: {"name": "XZQMC"}).

The role layers are read once into shapely spatial indexes in the database's CRS, so a
batch of thousands of plots is located in one pass."""

from __future__ import annotations

import shapely
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsGeometry,
    QgsProject,
    QgsVectorLayer,
)

ROLES = ("township", "village")


class AdminIndex:
    def __init__(self):
        self._trees: dict[str, tuple[shapely.STRtree, list[str]]] = {}

    @classmethod
    def from_store(cls, store) -> AdminIndex:
        index = cls()
        target = QgsCoordinateReferenceSystem(f"EPSG:{store.srid}")
        for name in ROLES:
            role = store.layer_role(name)
            if role is not None:
                loaded = _load(role, target)
                if loaded is not None:
                    index._trees[name] = loaded
        return index

    def __bool__(self) -> bool:
        return bool(self._trees)

    def names_at(self, geometry: shapely.Geometry) -> dict[str, str | None]:
        """{'township': …, 'village': …} for a plot (database CRS): the unit holding a
        point inside the plot, None where no role layer is set or nothing holds it."""
        point = shapely.point_on_surface(geometry)
        names: dict[str, str | None] = dict.fromkeys(ROLES)
        for role, (tree, values) in self._trees.items():
            hits = tree.query(point, predicate="within")
            if len(hits):
                names[role] = values[int(hits.min())]
        return names


def _load(role, target: QgsCoordinateReferenceSystem):
    layer = QgsVectorLayer(role.source, role.role, role.provider)
    field = role.fields.get("name")
    if not layer.isValid() or not field or layer.fields().indexOf(field) < 0:
        return None
    transform = None
    if layer.crs().isValid() and layer.crs() != target:
        transform = QgsCoordinateTransform(layer.crs(), target, QgsProject.instance())
    geometries, values = [], []
    for feature in layer.getFeatures():
        geometry = feature.geometry()
        if geometry.isEmpty():
            continue
        if transform is not None:
            geometry.transform(transform)
        geometries.append(shapely.from_wkb(bytes(geometry.asWkb())))
        values.append(feature[field])
    return shapely.STRtree(geometries), values


def admin_names(store, geometry: QgsGeometry) -> dict[str, str | None]:
    """Township and village of one plot drawn on the map (database CRS)."""
    return AdminIndex.from_store(store).names_at(shapely.from_wkb(bytes(geometry.asWkb())))
