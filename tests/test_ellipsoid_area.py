"""椭球面积 by the 2008 notice's method, checked against GeographicLib and the closed form.

The reference is pyproj's Geod (GeographicLib) on the CGCS2000 ellipsoid, given the same rings
densified to 70 m in the GK plane and taken to longitude/latitude through the EPSG definition of
the CRS (so the module's own PROJ pipeline, zone prefix included, is checked too).
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np
import pytest
import shapely
from pyproj import Geod, Transformer
from shapely import affinity
from shapely.geometry import GeometryCollection, LineString, MultiPolygon, Polygon
from shapely.geometry.polygon import orient

from landcase.cases.crs import central_meridian
from landcase.cases.ellipsoid_area import E2, SEMI_MINOR_AXIS, ellipsoidal_area, ellipsoidal_areas

GEOD = Geod(a=6378137, f=1 / 298.257222101)
PLOT_TOLERANCE = 1e-6  # relative; measured up to 2.2e-7 (edges as geodesics vs the trapezoid sum)
SQUARE_TOLERANCE = 1e-9  # relative; measured up to 1.3e-11 (opposite edges cancel)

MU = 10000 / 15
# Plot shapes in metres around their first vertex.
SMALL_PLOT = Polygon([(0, 0), (18, -2), (21, 9), (9, 14), (-2, 10)])  # 0.40 亩, edges < 70 m
LARGE_PLOT = Polygon([(0, 0), (160, 10), (150, 120), (60, 150), (-10, 90)])  # 29.9 亩
SQUARE_KM = Polygon([(0, 0), (1000, 0), (1000, 1000), (0, 1000)])


@lru_cache
def _to_lonlat(srid: int) -> Transformer:
    return Transformer.from_crs(srid, 4490, always_xy=True)


@lru_cache
def _from_lonlat(srid: int) -> Transformer:
    return Transformer.from_crs(4490, srid, always_xy=True)


def lonlat(geometry, srid: int):
    transformer = _to_lonlat(srid)
    return shapely.transform(
        geometry, lambda xy: np.column_stack(transformer.transform(xy[:, 0], xy[:, 1]))
    )


def geodesic_area(lonlat_geometry) -> float:
    """GeographicLib area of a lon/lat Polygon or MultiPolygon: shells minus holes."""
    total = 0.0
    for polygon in getattr(lonlat_geometry, "geoms", [lonlat_geometry]):
        total += abs(GEOD.polygon_area_perimeter(*polygon.exterior.xy)[0])
        for hole in polygon.interiors:
            total -= abs(GEOD.polygon_area_perimeter(*hole.xy)[0])
    return total


def reference_area(geometry, srid: int, max_edge: float | None = 70.0) -> float:
    densified = shapely.segmentize(geometry, max_edge) if max_edge else geometry
    return geodesic_area(lonlat(densified, srid))


def placed(shape, srid: int, latitude: float, meridian_offset: float):
    """The shape moved to the GK point at ``latitude`` and central meridian + offset (degrees)."""
    x, y = _from_lonlat(srid).transform(central_meridian(srid) + meridian_offset, latitude)
    return affinity.translate(shape, x, y)


def relative(value: float, reference: float) -> float:
    return abs(value - reference) / reference


ZONES = (4549, 4544, 4528)  # CM 120°E, CM 105°E, zone 40 (CM 120°E) with the prefix
LATITUDES = (20.0, 35.0, 50.0)
OFFSETS = (0.0, 1.4, -1.4)  # ±1.4°: near the zone edge, ~140 km from the central meridian


@pytest.mark.parametrize("srid", ZONES)
@pytest.mark.parametrize("latitude", LATITUDES)
@pytest.mark.parametrize("offset", OFFSETS)
@pytest.mark.parametrize(
    "shape, tolerance",
    [(SMALL_PLOT, PLOT_TOLERANCE), (LARGE_PLOT, PLOT_TOLERANCE), (SQUARE_KM, SQUARE_TOLERANCE)],
    ids=["0.4mu", "30mu", "1km"],
)
def test_agrees_with_geographiclib(srid, latitude, offset, shape, tolerance):
    plot = placed(shape, srid, latitude, offset)
    area = ellipsoidal_area(plot, srid)
    assert relative(area, reference_area(plot, srid)) < tolerance
    # Off the central meridian the GK plane enlarges areas by about k² ≈ 1 + (y/R)²
    # (y ≈ 100 km at 50°N, 1.4° off: 2.5e-4).
    assert area < plot.area * (1 + tolerance)
    if offset:
        assert relative(area, plot.area) > 2e-4


def test_zone_prefix_only_shifts_the_easting():
    plot = placed(LARGE_PLOT, 4549, 35.0, 1.4)
    prefixed = affinity.translate(plot, 40_000_000)  # zone 40, central meridian 120°E
    # Equal up to the rounding of eastings near 4e7 (7e-9 m steps).
    assert relative(ellipsoidal_area(prefixed, 4528), ellipsoidal_area(plot, 4549)) < 1e-10


def test_polygon_with_hole():
    shell = placed(SQUARE_KM, 4544, 35.0, -1.4)
    hole = affinity.translate(LARGE_PLOT, *shell.exterior.coords[0])
    hole = affinity.translate(hole, 300, 300)
    plot = Polygon(shell.exterior.coords, [hole.exterior.coords])
    area = ellipsoidal_area(plot, 4544)
    assert relative(area, reference_area(plot, 4544)) < PLOT_TOLERANCE
    difference = ellipsoidal_area(shell, 4544) - ellipsoidal_area(hole, 4544)
    assert relative(area, difference) < 1e-12
    # Winding order does not matter.
    assert relative(ellipsoidal_area(orient(plot, -1), 4544), area) < 1e-12


def test_multipolygon():
    first = placed(LARGE_PLOT, 4549, 20.0, 1.4)
    second = placed(SMALL_PLOT, 4549, 20.02, 1.42)
    plot = MultiPolygon([first, second])
    area = ellipsoidal_area(plot, 4549)
    assert relative(area, reference_area(plot, 4549)) < PLOT_TOLERANCE
    parts = ellipsoidal_area(first, 4549) + ellipsoidal_area(second, 4549)
    assert relative(area, parts) < 1e-12


def test_densification_matters_on_long_edges():
    # A 2 km right triangle: its east-west edge is not balanced by an opposite one.
    x, y = placed(Polygon([(0, 0), (1, 0), (0, 1)]), 4549, 35.0, 1.4).exterior.coords[0]
    triangle = Polygon([(x, y), (x + 2000, y), (x, y + 2000)])
    densified = ellipsoidal_area(triangle, 4549)
    undensified = ellipsoidal_area(triangle, 4549, max_edge=None)
    assert relative(undensified, densified) > 5e-5  # measured 1.1e-4 (220 m²)
    assert relative(densified, reference_area(triangle, 4549)) < PLOT_TOLERANCE
    assert relative(undensified, reference_area(triangle, 4549)) > 5e-5


def test_geographic_input():
    plot = placed(LARGE_PLOT, 4549, 35.0, 1.4)
    plot_lonlat = lonlat(shapely.segmentize(plot, 70.0), 4549)
    area = ellipsoidal_area(plot_lonlat, 4490)
    assert relative(area, ellipsoidal_area(plot, 4549)) < 1e-12
    assert relative(area, geodesic_area(plot_lonlat)) < PLOT_TOLERANCE


def test_quadrangle_matches_the_closed_form():
    """A 1° × 1° quadrangle (图幅-like): the series against the exact zone area."""
    e = np.sqrt(E2)

    def zone(latitude: float) -> float:  # ∫ cos B / (1 − e² sin² B)² dB from the equator
        s = np.sin(np.radians(latitude))
        return s / (2 * (1 - E2 * s * s)) + np.log((1 + e * s) / (1 - e * s)) / (4 * e)

    quadrangle = Polygon([(120, 35), (121, 35), (121, 36), (120, 36)])
    exact = SEMI_MINOR_AXIS**2 * np.radians(1.0) * (zone(36) - zone(35))
    assert relative(ellipsoidal_area(quadrangle, 4490), exact) < 1e-12


def test_empty_and_non_polygonal_parts():
    plot = placed(SMALL_PLOT, 4549, 35.0, 0.0)
    line = LineString(plot.exterior.coords[:2])
    areas = ellipsoidal_areas(
        np.array([None, Polygon(), GeometryCollection([plot, line]), line], dtype=object), 4549
    )
    assert areas[0] == areas[1] == areas[3] == 0.0
    assert areas[2] == ellipsoidal_area(plot, 4549)
    assert ellipsoidal_area(None, 4549) == 0.0
    assert len(ellipsoidal_areas(np.array([], dtype=object), 4549)) == 0


def test_rejects_a_wrong_crs():
    plot = placed(SMALL_PLOT, 4549, 35.0, 0.0)
    with pytest.raises(ValueError, match="EPSG:3857"):
        ellipsoidal_area(plot, 3857)
    with pytest.raises(ValueError, match="zone prefix"):
        ellipsoidal_area(plot, 4528)  # no 带号 in front of the easting
    with pytest.raises(ValueError, match="axis order"):
        ellipsoidal_area(shapely.transform(plot, lambda xy: xy[:, ::-1]), 4549)


def test_five_thousand_plots_at_once_agree_with_one_by_one():
    rng = np.random.default_rng(7)
    plots = []
    for _ in range(5000):
        vertices = int(rng.integers(5, 30))
        angles = np.sort(rng.uniform(0, 2 * np.pi, vertices))
        radii = rng.uniform(10, 120) * rng.uniform(0.6, 1.0, vertices)
        x, y = 500_000 + rng.uniform(-100e3, 100e3), 3_900_000 + rng.uniform(-50e3, 50e3)
        plots.append(
            Polygon(np.column_stack([x + radii * np.cos(angles), y + radii * np.sin(angles)]))
        )
    plots = np.array(plots, dtype=object)
    # Speed is a benchmark's business (benchmarks/); here the vectorised path must agree.
    areas = ellipsoidal_areas(plots, 4549)
    assert areas[17] == pytest.approx(ellipsoidal_area(plots[17], 4549), rel=1e-12)
    assert np.allclose(areas, shapely.area(plots), rtol=1e-3)
    assert 0.3 * MU < np.median(areas) < 30 * MU
