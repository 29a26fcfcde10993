"""Which Gauss-Krüger zone suits the area the user is looking at, and why."""

from __future__ import annotations

from dataclasses import dataclass, field

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsProject,
    QgsRectangle,
)

from ..cases.crs import CGCS2000_GEOGRAPHIC, gk3_srid_for_longitude
from ..cases.errors import N_
from ..cases.zones import degrees, zone_name

DEFAULT_SRID = 4549  # CGCS2000 / 3-degree GK CM 120E, when nothing on the map tells better


@dataclass(frozen=True)
class CrsChoice:
    """A zone and why it was chosen (``reason``: an N_-marked template)."""

    srid: int
    reason: str
    params: dict = field(default_factory=dict)

    def text(self, translate=lambda s: s) -> str:
        params = {k: translate(v) if k == "what" else v for k, v in self.params.items()}
        return translate("{zone}: {reason}").format(
            zone=zone_name(self.srid), reason=translate(self.reason).format(**params)
        )


def choose_srid(extent: QgsRectangle, crs: QgsCoordinateReferenceSystem, of_what: str) -> CrsChoice:
    """The 3-degree zone (without zone prefix) whose meridian is nearest the centre of
    ``extent``; ``of_what`` (N_-marked) says whose extent it is, for the reason."""
    if extent is None or extent.isEmpty() or not crs.isValid():
        return CrsChoice(
            DEFAULT_SRID, N_("the default zone, because {what} is empty"), {"what": of_what}
        )
    try:
        transform = QgsCoordinateTransform(
            crs, QgsCoordinateReferenceSystem(f"EPSG:{CGCS2000_GEOGRAPHIC}"), QgsProject.instance()
        )
        centre = transform.transform(extent.center())
    except Exception:  # QgsCsException: an extent outside the CRS's domain
        return CrsChoice(
            DEFAULT_SRID,
            N_("the default zone, because {what} cannot be placed on the earth"),
            {"what": of_what},
        )
    if not (70 <= centre.x() <= 140 and 0 <= centre.y() <= 60):
        # not over China: the world view QGIS starts with, for example
        return CrsChoice(
            DEFAULT_SRID,
            N_("the default zone, because the centre of {what} ({longitude}) is not over China"),
            {"what": of_what, "longitude": degrees(centre.x())},
        )
    return CrsChoice(
        gk3_srid_for_longitude(centre.x()),
        N_("the zone of {what}, whose centre lies at {longitude}"),
        {"what": of_what, "longitude": degrees(centre.x())},
    )
