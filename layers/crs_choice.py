"""Which Gauss-Krüger zone suits the area the user is looking at."""

from __future__ import annotations

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsProject,
    QgsRectangle,
)

from ..cases.crs import CGCS2000_GEOGRAPHIC, gk3_srid_for_longitude

DEFAULT_SRID = 4549  # CGCS2000 / 3-degree GK CM 120E, when nothing on the map tells better


def srid_for_extent(extent: QgsRectangle, crs: QgsCoordinateReferenceSystem) -> int:
    """The 3-degree zone (without zone prefix) whose meridian is nearest the extent's centre."""
    if extent.isEmpty() or not crs.isValid():
        return DEFAULT_SRID
    try:
        transform = QgsCoordinateTransform(
            crs, QgsCoordinateReferenceSystem(f"EPSG:{CGCS2000_GEOGRAPHIC}"), QgsProject.instance()
        )
        centre = transform.transform(extent.center())
    except Exception:  # QgsCsException: an extent outside the CRS's domain
        return DEFAULT_SRID
    if not (70 <= centre.x() <= 140 and 0 <= centre.y() <= 60):
        return DEFAULT_SRID  # not over China: the world view QGIS starts with, for example
    return gk3_srid_for_longitude(centre.x())
