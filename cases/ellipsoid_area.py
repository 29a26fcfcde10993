"""椭球面积: the ellipsoidal area of plots by the method of 国土调查办发〔2008〕32号.

The notice 《图幅理论面积与图斑椭球面积计算公式及要求》 (2008, still the rule in 三调 and the yearly
变更调查) fixes how the official area of a plot (图斑) is computed:

1. every boundary point's Gauss-Krüger plane coordinates (x, y) are inverse-projected to geodetic
   latitude and longitude (B, L) on the ellipsoid, the zone number (带号) first taken off an easting
   that carries it; here the ellipsoid is CGCS2000 (a = 6378137 m, f = 1/298.257222101);
2. edges longer than 70 m are densified first, so that no edge is longer than 70 m
   (``MAX_EDGE_M``; the points are inserted on the straight edge in the projection plane);
3. the plot is cut into narrow horizontal ellipsoidal trapezoids (横向梯形), one per edge, each
   bounded by the parallels of the edge's two end points and by a reference meridian; each
   trapezoid's area is given by formula (2) of the notice (below), signed with the edge's
   direction, and the sum over the ring is the ring's area; holes are subtracted.

Formula (2), the area of the ellipsoidal trapezoid of longitude extent ΔL between the parallels
B1 and B2 (ΔB = B2 − B1, Bm = (B1 + B2) / 2, all in radians, b the semi-minor axis)::

    S = 2 b² ΔL [ A sin(ΔB/2) cos(Bm) − B sin(3ΔB/2) cos(3Bm) + C sin(5ΔB/2) cos(5Bm)
                  − D sin(7ΔB/2) cos(7Bm) + E sin(9ΔB/2) cos(9Bm) ]

    A = 1 + (3/6) e² + (30/80) e⁴ + (35/112) e⁶ + (630/2304) e⁸
    B =     (1/6) e² + (15/80) e⁴ + (21/112) e⁶ + (420/2304) e⁸
    C =                (3/80) e⁴ +  (7/112) e⁶ + (180/2304) e⁸
    D =                             (1/112) e⁶ +  (45/2304) e⁸
    E =                                           (5/2304) e⁸

with e² = (a² − b²) / a² the first eccentricity squared. It is S = ΔL (F(B2) − F(B1)) with
F(B) = b² ∫₀ᴮ cos B / (1 − e² sin² B)² dB, the integral of the ellipsoid's area element
M N cos B dB dL, its integrand expanded to e⁸. For an edge from (L1, B1) to (L2, B2), ΔL is the edge's mean longitude minus the reference
meridian ((L1 + L2) / 2 − L0); summed round a closed ring this is ∮ (L − L0) dF(B), the ring's
area, whatever L0 is (L0 here is the ring's first vertex, which keeps the terms small).

Accuracy, measured in tests/test_ellipsoid_area.py against GeographicLib (pyproj ``Geod`` on the
CGCS2000 ellipsoid, on the same densified rings in longitude/latitude), in zones with and
without the zone prefix, on and 1.4° off the central meridian, at 20°N, 35°N and 50°N: plots of
0.3–30 亩 agree to 2.5e-7 relative (under 0.002 m² on 30 亩), 1 km squares to 2e-11. What is
left comes from how the two methods join the same vertices: GeographicLib by geodesics, the
trapezoid sum by a curve along which L varies linearly with F(B) (close to a rhumb line). The two
part by about s² tan(B) / 8R on an edge of length s (under 0.1 mm for s ≤ 70 m), so the difference
grows with tan(B) and cancels between opposite edges (hence the squares). The series itself,
stopped at e⁸, leaves out terms of order e¹⁰ ≈ 1.4e-11 relative. Without the densification the
same curve on a 2 km edge parts from the straight GK edge by 3–9 cm: a 2 km right triangle
loses 6e-5 (20°N) to 1.9e-4 (50°N) of its area; that is what step 2 is for.

EPSG:4490 (CGCS2000 longitude/latitude) input is taken directly, without inverse projection and
without densification: an edge straight in longitude/latitude is already the curve the trapezoid
sum follows (densifying it changes the area by about 1e-15).

Coordinates are easting, northing (x = easting, as QGIS and shapely hold them); an easting that
does not fit the CRS (a wrong zone prefix, swapped axes) raises ValueError rather than giving a
wrong area.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np
import shapely
from pyproj import Transformer

from .crs import CGCS2000_GEOGRAPHIC, GK3_WITH_ZONE_PREFIX, central_meridian, is_gk3_srid

SEMI_MAJOR_AXIS = 6378137.0
INVERSE_FLATTENING = 298.257222101
FLATTENING = 1 / INVERSE_FLATTENING
SEMI_MINOR_AXIS = SEMI_MAJOR_AXIS * (1 - FLATTENING)
E2 = (SEMI_MAJOR_AXIS**2 - SEMI_MINOR_AXIS**2) / SEMI_MAJOR_AXIS**2

# Densify edges longer than this (metres) before summing the trapezoids.
MAX_EDGE_M = 70.0
GK_FALSE_EASTING = 500_000.0
ZONE_PREFIX_UNIT = 1_000_000.0

_E4, _E6, _E8 = E2**2, E2**3, E2**4
# Coefficients of formula (2), as the notice writes them, in the order A, B, C, D, E.
SERIES_COEFFICIENTS = (
    1 + (3 / 6) * E2 + (30 / 80) * _E4 + (35 / 112) * _E6 + (630 / 2304) * _E8,
    (1 / 6) * E2 + (15 / 80) * _E4 + (21 / 112) * _E6 + (420 / 2304) * _E8,
    (3 / 80) * _E4 + (7 / 112) * _E6 + (180 / 2304) * _E8,
    (1 / 112) * _E6 + (45 / 2304) * _E8,
    (5 / 2304) * _E8,
)

_POLYGON = shapely.GeometryType.POLYGON
# GEOS numbers the collections consecutively: MultiPoint 4 … GeometryCollection 7.
_FIRST_MULTI, _LAST_MULTI = shapely.GeometryType.MULTIPOINT, shapely.GeometryType.GEOMETRYCOLLECTION
_EDGE_BLOCK = 4096
# Formula (2) as one product: n = 1, 3, 5, 7, 9 and the coefficients with their signs.
_SERIES_ORDERS = np.arange(1, 2 * len(SERIES_COEFFICIENTS), 2, dtype=float)[:, None]
_SIGNED_COEFFICIENTS = np.array(
    [c if k % 2 == 0 else -c for k, c in enumerate(SERIES_COEFFICIENTS)]
)


def ellipsoidal_area(geometry, srid: int, *, max_edge: float | None = MAX_EDGE_M) -> float:
    """椭球面积 in m² of one Polygon or MultiPolygon in EPSG:``srid`` (see the module docstring).

    ``srid`` is a CGCS2000 3-degree GK CRS (EPSG:4513–4554) or EPSG:4490. ``max_edge`` is the
    densification length in metres for GK input (None: none, only for comparisons).
    None and empty geometries have area 0.
    """
    return float(ellipsoidal_areas(np.array([geometry], dtype=object), srid, max_edge=max_edge)[0])


def ellipsoidal_areas(geometries, srid: int, *, max_edge: float | None = MAX_EDGE_M) -> np.ndarray:
    """椭球面积 in m² of each geometry of a 1-D array, all in EPSG:``srid``.

    Polygons and MultiPolygons; in a GeometryCollection only the polygons count (the lines and
    points an overlay leaves have no area). None and empty geometries give 0.
    """
    geometries = np.asarray(geometries, dtype=object).reshape(-1)
    if srid != CGCS2000_GEOGRAPHIC and not is_gk3_srid(srid):
        raise ValueError(
            f"EPSG:{srid} has no ellipsoidal area here: expected EPSG:4490 or a CGCS2000 "
            "3-degree Gauss-Krüger CRS (EPSG:4513–4554)"
        )
    polygons, owner = _polygons(geometries)
    if len(polygons) == 0:
        return np.zeros(len(geometries))
    rings, polygon_of_ring = shapely.get_rings(polygons, return_index=True)
    is_exterior = np.ones(len(rings), dtype=bool)
    is_exterior[1:] = polygon_of_ring[1:] != polygon_of_ring[:-1]
    if max_edge is not None and srid != CGCS2000_GEOGRAPHIC:
        rings = shapely.segmentize(rings, max_edge)
    coordinates, ring_of_point = shapely.get_coordinates(rings, return_index=True)
    longitude, latitude = _geodetic_degrees(coordinates[:, 0], coordinates[:, 1], srid)
    ring_areas = np.abs(
        _ring_sums(np.radians(longitude), np.radians(latitude), ring_of_point, len(rings))
    )
    polygon_areas = np.bincount(
        polygon_of_ring,
        weights=np.where(is_exterior, ring_areas, -ring_areas),
        minlength=len(polygons),
    )
    return np.bincount(owner, weights=polygon_areas, minlength=len(geometries))


def _polygons(geometries: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The non-empty polygons in the geometries, with the index of the geometry of each."""
    parts, owner = shapely.get_parts(geometries, return_index=True)
    while True:
        types = shapely.get_type_id(parts)
        # (comparisons, not np.isin: this runs for every single-plot check)
        multi = (types >= _FIRST_MULTI) & (types <= _LAST_MULTI)
        if not multi.any():
            break
        inner, index = shapely.get_parts(parts[multi], return_index=True)
        parts = np.concatenate([parts[~multi], inner])
        owner = np.concatenate([owner[~multi], owner[multi][index]])
    keep = (types == _POLYGON) & ~shapely.is_empty(parts)
    return parts[keep], owner[keep]


def _geodetic_degrees(x: np.ndarray, y: np.ndarray, srid: int) -> tuple[np.ndarray, np.ndarray]:
    """Longitude and latitude in degrees of easting/northing points (or of lon/lat for 4490)."""
    if srid == CGCS2000_GEOGRAPHIC:
        if np.abs(x).max() > 180 or np.abs(y).max() > 90:
            raise ValueError("EPSG:4490 coordinates outside ±180° longitude / ±90° latitude")
        return x, y
    meridian = central_meridian(srid)
    false_easting = GK_FALSE_EASTING
    low, high = 0.0, ZONE_PREFIX_UNIT
    if srid in GK3_WITH_ZONE_PREFIX:
        zone = meridian // 3
        false_easting += zone * ZONE_PREFIX_UNIT  # the 带号 in front of the easting
        low, high = zone * ZONE_PREFIX_UNIT, (zone + 1) * ZONE_PREFIX_UNIT
    if x.min() <= low or x.max() >= high:
        raise ValueError(
            f"eastings {x.min():.0f}–{x.max():.0f} do not fit EPSG:{srid} "
            f"(expected {low:.0f}–{high:.0f}): wrong CRS, zone prefix or axis order"
        )
    longitude, latitude = _inverse_gauss_kruger(meridian, false_easting).transform(x, y)
    return np.asarray(longitude), np.asarray(latitude)


@lru_cache
def _inverse_gauss_kruger(meridian: int, false_easting: float) -> Transformer:
    """A transformer from GK easting/northing to longitude/latitude in degrees.

    A plain PROJ pipeline (no EPSG database): the inverse transverse Mercator of the notice's
    step 1 on the CGCS2000 ellipsoid, scale 1 on the central meridian. Cached; pyproj ≥ 3.1
    transformers are safe to share between threads (a QgsTask may compute areas).
    """
    return Transformer.from_pipeline(
        "+proj=pipeline +step +inv +proj=tmerc +lat_0=0 "
        f"+lon_0={meridian} +k=1 +x_0={false_easting:.0f} +y_0=0 "
        f"+a={SEMI_MAJOR_AXIS} +rf={INVERSE_FLATTENING} "
        "+step +proj=unitconvert +xy_in=rad +xy_out=deg"
    )


def _ring_sums(
    longitude: np.ndarray, latitude: np.ndarray, ring_of_point: np.ndarray, rings: int
) -> np.ndarray:
    """Signed sum of formula (2) over the edges of each closed ring (radians in, m² out)."""
    starts = np.flatnonzero(np.r_[True, ring_of_point[1:] != ring_of_point[:-1]])
    reference = np.zeros(rings)
    reference[ring_of_point[starts]] = longitude[starts]
    edge = np.flatnonzero(ring_of_point[1:] == ring_of_point[:-1])  # point edge → edge + 1
    ring = ring_of_point[edge]
    delta_l = (longitude[edge] + longitude[edge + 1]) / 2 - reference[ring]
    delta_b = latitude[edge + 1] - latitude[edge]
    mean_b = (latitude[edge] + latitude[edge + 1]) / 2
    # A sin(ΔB/2) cos(Bm) − B sin(3ΔB/2) cos(3Bm) + …: the five terms in one array operation
    # each (the single-plot check is mostly per-call costs), by blocks of edges that keep
    # the 5 × block temporaries in the processor's cache
    series = np.empty(len(edge))
    for start in range(0, len(edge), _EDGE_BLOCK):
        block = slice(start, start + _EDGE_BLOCK)
        terms = np.sin(_SERIES_ORDERS * (delta_b[block] / 2))
        terms *= np.cos(_SERIES_ORDERS * mean_b[block])
        # einsum, not @: a matrix product goes to OpenBLAS, whose threads then spin on
        # the cores the overlay's own threads need
        series[block] = np.einsum("k,kn->n", _SIGNED_COEFFICIENTS, terms)
    trapezoids = 2 * SEMI_MINOR_AXIS**2 * delta_l * series
    return np.bincount(ring, weights=trapezoids, minlength=rings)
