"""Whether plots lie in the database's Gauss-Krüger zone, and which zone fits them if not.

A case database keeps one CGCS2000 3-degree Gauss-Krüger CRS. Its band is the central
meridian ± 1.5°; plots are accepted up to ``ZONE_MARGIN_DEGREES`` beyond it, because a
county is often cut by a zone boundary and a station keeps the whole county in the zone of
most of it: 0.5° is about 50 km at China's latitudes, the width of a county. At 2° from the
central meridian the plane's scale is 1 + (2° in radians)² / 2 ≈ 1.0006 on the equator, a
planar area 0.12 % too large; at 16° (the batch of issue 11) it is 1.04, an area 6.5 % too
large at 30°N and a map that no longer fits the county's other layers. The official
ellipsoidal area is exact anywhere the projection can be inverted, but a plot drawn in the
wrong zone is a sign of a wrong batch or a wrong database, so the import refuses it unless the
user says the plots belong there.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import shapely

from .crs import GK3_WITH_ZONE_PREFIX, central_meridian, gk3_srid_for_longitude
from .ellipsoid_area import _geodetic_degrees  # the one inverse Gauss-Krüger (三调 step 1)

HALF_BAND_DEGREES = 1.5
ZONE_MARGIN_DEGREES = 0.5


def zone_name(srid: int) -> str:
    """'EPSG:4549 (中央经线 120°)'."""
    return f"EPSG:{srid} (中央经线 {central_meridian(srid)}°)"


def accepted_band(srid: int) -> tuple[float, float]:
    """West and east longitude of the plots accepted in a database of EPSG:``srid``."""
    meridian = central_meridian(srid)
    reach = HALF_BAND_DEGREES + ZONE_MARGIN_DEGREES
    return meridian - reach, meridian + reach


def fitting_srid(longitude: float, srid: int) -> int:
    """The zone whose meridian is nearest ``longitude``, written like ``srid`` (with or
    without the zone number in front of the easting)."""
    return gk3_srid_for_longitude(longitude, zone_prefix=srid in GK3_WITH_ZONE_PREFIX)


def longitude_ranges(geometries: list[shapely.Geometry], srid: int) -> np.ndarray:
    """(west, east) longitude of each geometry's box in EPSG:``srid``; NaN where the
    coordinates cannot be inverse-projected at all (eastings beyond the zone)."""
    result = np.full((len(geometries), 2), np.nan)
    if not geometries:
        return result
    bounds = shapely.bounds(np.asarray(geometries, dtype=object))
    try:
        result[:] = _corner_longitudes(bounds, srid)
    except ValueError:  # some plot beyond the zone: each one alone
        for index, box in enumerate(bounds):
            try:
                result[index] = _corner_longitudes(box[None, :], srid)[0]
            except ValueError:
                pass
    return result


def _corner_longitudes(bounds: np.ndarray, srid: int) -> np.ndarray:
    x = np.concatenate([bounds[:, 0], bounds[:, 2], bounds[:, 0], bounds[:, 2]])
    y = np.concatenate([bounds[:, 1], bounds[:, 1], bounds[:, 3], bounds[:, 3]])
    longitude, _ = _geodetic_degrees(x, y, srid)
    corners = np.asarray(longitude).reshape(4, -1)
    return np.stack([corners.min(axis=0), corners.max(axis=0)], axis=1)


@dataclass(frozen=True)
class Placed:
    """Where one plot lies: its longitudes (None when they could not be found)."""

    index: int
    west: float | None
    east: float | None

    @property
    def centre(self) -> float | None:
        return None if self.west is None else (self.west + self.east) / 2


@dataclass(frozen=True)
class ZoneCheck:
    srid: int
    outside: list[Placed]
    checked: int

    @property
    def all_outside(self) -> bool:
        return self.checked > 0 and len(self.outside) == self.checked

    def fitting(self) -> int | None:
        """The zone that fits the outside plots (by the median of their centres)."""
        centres = [p.centre for p in self.outside if p.centre is not None]
        return fitting_srid(float(np.median(centres)), self.srid) if centres else None

    def span(self) -> tuple[float, float] | None:
        wests = [p.west for p in self.outside if p.west is not None]
        easts = [p.east for p in self.outside if p.east is not None]
        return (min(wests), max(easts)) if wests else None


def check_zone(longitudes: list[tuple[float, float] | None], srid: int) -> ZoneCheck:
    """Which of the plots (their (west, east) longitudes, None when unknown) lie beyond
    the database's band and margin. An unknown longitude counts as outside."""
    west_limit, east_limit = accepted_band(srid)
    outside = []
    for index, pair in enumerate(longitudes):
        west, east = pair if pair is not None else (math.nan, math.nan)
        if math.isnan(west) or math.isnan(east):
            outside.append(Placed(index, None, None))
        elif west < west_limit or east > east_limit:
            outside.append(Placed(index, float(west), float(east)))
    return ZoneCheck(srid, outside, len(longitudes))


def degrees(value: float) -> str:
    """A longitude as printed in messages: '136.21°E'."""
    return f"{value:.2f}°E"


def span_text(west: float, east: float) -> str:
    """'122.30°E' for a plot narrower than the printed digits, else '136.00°E–136.03°E'."""
    return degrees(west) if degrees(west) == degrees(east) else f"{degrees(west)}–{degrees(east)}"
