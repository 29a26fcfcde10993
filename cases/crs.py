"""CGCS2000 3-degree Gauss-Krüger CRSs: which EPSG codes are allowed, and which fits a place.

EPSG:4513–4533 are zones 25–45 with the zone number prefixed to the easting;
EPSG:4534–4554 are the same central meridians (75°E to 135°E) without the prefix.
"""

from __future__ import annotations

GK3_WITH_ZONE_PREFIX = range(4513, 4534)
GK3_CENTRAL_MERIDIAN = range(4534, 4555)
CGCS2000_GEOGRAPHIC = 4490


def is_gk3_srid(srid: int) -> bool:
    return srid in GK3_WITH_ZONE_PREFIX or srid in GK3_CENTRAL_MERIDIAN


def central_meridian(srid: int) -> int:
    """Central meridian in degrees east of a CGCS2000 3-degree GK EPSG code."""
    if srid in GK3_WITH_ZONE_PREFIX:
        return 75 + 3 * (srid - 4513)
    if srid in GK3_CENTRAL_MERIDIAN:
        return 75 + 3 * (srid - 4534)
    raise ValueError(f"EPSG:{srid} is not a CGCS2000 3-degree Gauss-Krüger CRS")


def gk3_srid_for_longitude(longitude: float, zone_prefix: bool = False) -> int:
    """The 3-degree zone whose central meridian is nearest to ``longitude``.

    Longitudes outside China's zones (75°E–135°E) are clamped to the outermost zone.
    """
    meridian = min(135, max(75, 3 * round(longitude / 3)))
    offset = (meridian - 75) // 3
    return (4513 if zone_prefix else 4534) + offset
