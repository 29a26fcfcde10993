"""Corpus inputs about geometry: coordinates, rings, sizes and types."""

from __future__ import annotations

from collections.abc import Callable

from batch_files import square
from corpus_base import INF, NAN, Case, Refused, Stored, cell, shapefile_case
from corpus_files import _wkt
from osgeo import ogr, osr

from landcase.cases.intake import REPAIRED

# -- 3. coordinates, rings and sizes ------------------------------------------------------


def with_vertex(index: int, value: tuple) -> Callable:
    """The 50 m square beside the anchor with vertex ``index`` replaced by ``value``
    (a function of the square's corner)."""

    def rings(x, y):
        ring = list(square(x + 100, y)[0])
        ring[index] = value(x + 100, y)
        return [ring]

    return rings


def coordinate_cases() -> list[Case]:
    cases = []
    not_finite = "has a coordinate that is not a finite number"
    for index in range(5):  # vertex 4 closes the ring
        for label, value in (
            ("nan-x", lambda x, y: (NAN, y)),
            ("nan-y", lambda x, y: (x, NAN)),
            ("inf-x", lambda x, y: (INF, y)),
            ("minf-y", lambda x, y: (x, -INF)),
        ):
            cases.append(
                shapefile_case(
                    f"coord-{label}-{index}",
                    with_vertex(index, value),
                    None,
                    Refused((not_finite,)),
                )
            )
    # NaN Z (today: "NOT NULL constraint failed")
    for index in range(3):

        def rings(x, y, index=index):
            ring = [(px, py, 5.0) for px, py in square(x + 100, y)[0]]
            ring[index] = (ring[index][0], ring[index][1], NAN)
            return [ring]

        cases.append(
            shapefile_case(f"coord-nan-z-{index}", rings, None, Refused((not_finite,)), z=True)
        )
    # finite Z is dropped: a 50 m square, 50 × 50 = 2,500 m² planar
    for index in range(2):

        def rings(x, y, index=index):
            return [[(px, py, 10.0 * index) for px, py in square(x + 100, y)[0]]]

        cases.append(
            shapefile_case(
                f"coord-z-{index}", rings, None, Stored({"area_planar_m2": 2500.0}), z=True
            )
        )
    # Huge coordinates. 1e300 and 1e20 lie far beyond the zone: the zone check names the
    # record before any area is computed (today: an infinite area, or stored without a word).
    area_of_use = ("outside the area of use of EPSG:4549",)
    beyond = ("EPSG:4549",)
    for index in range(4):
        cases.append(
            shapefile_case(
                f"coord-1e300-{index}",
                with_vertex(index, lambda x, y: (1e300, y)),
                None,
                Refused(beyond),
            )
        )
        cases.append(
            shapefile_case(
                f"coord-1e20-{index}",
                with_vertex(index, lambda x, y: (x, 1e20)),
                None,
                Refused(beyond),
            )
        )
    cases.append(
        shapefile_case("coord-1e20-square", lambda x, y: square(1e20, 1e20), None, Refused(beyond))
    )
    # (0, 0) lies 500 km west of 120°E at the equator (about 115.5°E): outside the zone's
    # reach 118°E–122°E, named with the zone that fits it.
    cases.append(
        shapefile_case("coord-origin", lambda x, y: square(0, 0), None, Refused(("outside",)))
    )
    # On the central meridian but at the equator (y = 0 to 50 m; China begins near 3°N,
    # y ≈ 330 km): inside the zone, outside the CRS's area of use (y from 300,000).
    for index, northing in enumerate((0.0, 1_000.0, 100_000.0, 250_000.0)):
        cases.append(
            shapefile_case(
                f"coord-equator-{index}",
                lambda x, y, northing=northing: square(500_000.0, northing),
                None,
                Refused(area_of_use),
            )
        )
    # North of China (y 6,100 km ≈ 55°N): outside the area of use (y up to 6,050,000)
    cases.append(
        shapefile_case(
            "coord-far-north",
            lambda x, y: square(500_000.0, 6_100_000.0),
            None,
            Refused(area_of_use),
        )
    )
    # A plot 1,000 km across: 1 m wide, from y = 3,000,000 to 4,000,000 north-south
    # (area 1,000,000 × 1 = 1 km², under 10 km²; but 1,000 km > 10 × √10 km = 31.6 km).
    cases.append(
        shapefile_case(
            "size-1000km",
            lambda x, y: [
                [
                    (x + 5000, 3e6),
                    (x + 5000, 4e6),
                    (x + 5001, 4e6),
                    (x + 5001, 3e6),
                    (x + 5000, 3e6),
                ]
            ],
            None,
            Refused(("reaches 1,000.0 km", "31.6 km")),
        )
    )
    # slivers 10 m wide: 40 km long (0.4 km², 40 > 31.6 km) refused; 30 km long stored
    # (10 × 30,000 = 300,000 m² planar)
    for length, outcome in (
        (40_000.0, Refused(("reaches 40.0 km",))),
        (30_000.0, Stored({"area_planar_m2": 300_000.0})),
    ):
        cases.append(
            shapefile_case(
                f"size-sliver-{int(length)}",
                lambda x, y, length=length: [
                    [
                        (x + 5000, y),
                        (x + 5000, y + length),
                        (x + 5010, y + length),
                        (x + 5010, y),
                        (x + 5000, y),
                    ]
                ],
                None,
                outcome,
            )
        )
    # area limit 10 km²: 5,000 × 4,000 = 20 km² and 1,100 × 10,000 = 11 km² refused;
    # 3,000 × 3,000 = 9 km² stored
    for width, height, outcome in (
        (5000.0, 4000.0, Refused(("is larger than 10 km²",))),
        (1100.0, 10000.0, Refused(("is larger than 10 km²",))),
        (3000.0, 3000.0, Stored({"area_planar_m2": 9_000_000.0})),
    ):
        cases.append(
            shapefile_case(
                f"size-{int(width)}x{int(height)}",
                lambda x, y, w=width, h=height: [
                    [
                        (x + 2000, y + 100),
                        (x + 2000, y + 100 + h),
                        (x + 2000 + w, y + 100 + h),
                        (x + 2000 + w, y + 100),
                        (x + 2000, y + 100),
                    ]
                ],
                None,
                outcome,
            )
        )
    # ordinary sizes: a square of side s has s² m² planar
    for side in (1.0, 2.0, 5.0, 10.0, 20.0, 100.0, 250.0, 500.0, 1000.0, 2000.0):
        cases.append(
            shapefile_case(
                f"size-square-{int(side)}",
                lambda x, y, side=side: square(x + 100, y + 100, side),
                None,
                Stored({"area_planar_m2": side * side}),
            )
        )
    # rings of one, two or three points (a ring needs four): refused, that record only
    one_ring = "the geometry cannot be read"
    for index in range(3):
        cases.append(
            shapefile_case(
                f"ring-one-point-{index}",
                lambda x, y, index=index: [[(x + 100 + index, y)]],
                None,
                Refused((one_ring,)),
            )
        )
        cases.append(
            shapefile_case(
                f"ring-two-points-{index}",
                lambda x, y, index=index: [[(x + 100, y), (x + 110 + index, y)]],
                None,
                Refused(("the geometry",)),
            )
        )
        cases.append(
            shapefile_case(
                f"ring-three-points-{index}",
                lambda x, y, index=index: [[(x + 100, y), (x + 110 + index, y), (x + 100, y)]],
                None,
                Refused(("the geometry",)),
            )
        )
    # a bow-tie is repaired: two triangles of 25 × 50 / 2 = 625 m² each, 1,250 m² in all
    for index in range(2):
        cases.append(
            shapefile_case(
                f"ring-bowtie-{index}",
                lambda x, y: [
                    [(x + 100, y), (x + 150, y + 50), (x + 150, y), (x + 100, y + 50), (x + 100, y)]
                ],
                None,
                Stored({"area_planar_m2": 1250.0}, kind=REPAIRED),
            )
        )
    # a square of 100 m with a hole of 20 m: 10,000 − 400 = 9,600 m²
    cases.append(
        shapefile_case(
            "ring-hole",
            lambda x, y: [
                square(x + 100, y, 100.0)[0],
                list(reversed(square(x + 140, y + 40, 20.0)[0])),
            ],
            None,
            Stored({"area_planar_m2": 9600.0}),
        )
    )
    return cases


# -- 6. geometry types in a GeoPackage -----------------------------------------------------


def type_cases() -> list[Case]:
    cases = []
    types = [
        ("point", lambda x, y: f"POINT({x} {y})", Refused(("not a polygon but a Point",))),
        (
            "line",
            lambda x, y: f"LINESTRING({x} {y},{x + 50} {y + 50})",
            Refused(("not a polygon but a LineString",)),
        ),
        (
            "multipoint",
            lambda x, y: f"MULTIPOINT(({x} {y}),({x + 5} {y}))",
            Refused(("not a polygon but a MultiPoint",)),
        ),
        (
            "tin",
            lambda x, y: f"TIN ((({x} {y} 0,{x + 50} {y} 0,{x + 50} {y + 50} 0,{x} {y} 0)))",
            Refused(("not a polygon",)),
        ),
        (
            "triangle",
            lambda x, y: f"TRIANGLE(({x} {y},{x + 50} {y},{x + 50} {y + 50},{x} {y}))",
            Refused(("not a polygon",)),
        ),
        (
            "polyhedral",
            lambda x, y: (
                f"POLYHEDRALSURFACE ((({x} {y} 0,{x + 50} {y} 0,{x + 50} {y + 50} 0,{x} {y} 0)))"
            ),
            Refused(("not a polygon",)),
        ),
        (
            "collection-of-points",
            lambda x, y: f"GEOMETRYCOLLECTION(POINT({x} {y}),POINT({x + 1} {y}))",
            Refused(("the geometry",)),
        ),
        ("empty", lambda x, y: "POLYGON EMPTY", Refused(("the geometry is empty",))),
        ("null", lambda x, y: None, Refused(("the geometry is empty",))),
        # a square of 50 m as a curve polygon: stored, 2,500 m² planar (segmentised: ±1 %)
        (
            "curvepolygon",
            lambda x, y: (
                f"CURVEPOLYGON(COMPOUNDCURVE(({x} {y},{x} {y + 50},{x + 50} {y + 50},"
                f"{x + 50} {y},{x} {y})))"
            ),
            Stored({"area_planar_m2": 2500.0}),
        ),
        # a multipolygon of two 50 m squares: 2 × 2,500 = 5,000 m²
        (
            "multipolygon",
            lambda x, y: (
                f"MULTIPOLYGON((({x} {y},{x} {y + 50},{x + 50} {y + 50},{x + 50} {y},{x} {y})),"
                f"(({x + 100} {y},{x + 100} {y + 50},{x + 150} {y + 50},{x + 150} {y},"
                f"{x + 100} {y})))"
            ),
            Stored({"area_planar_m2": 5000.0}),
        ),
    ]
    for label, wkt, outcome in types:

        def build(folder, n, wkt=wkt, label=label):
            x, y = cell(n)
            path = folder / f"{label}.gpkg"
            source = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
            srs = osr.SpatialReference()
            srs.ImportFromEPSG(4549)
            layer = source.CreateLayer("plots", srs, ogr.wkbUnknown)
            layer.CreateField(ogr.FieldDefn("JCBH", ogr.OFTString))
            for jcbh, geometry in ((f"A{n}", _wkt(square(x, y))), (f"S{n}", wkt(x + 100, y))):
                feature = ogr.Feature(layer.GetLayerDefn())
                feature.SetField("JCBH", jcbh)
                if geometry is not None:
                    feature.SetGeometry(ogr.CreateGeometryFromWkt(geometry))
                layer.CreateFeature(feature)
            source = None
            return path

        cases.append(Case(f"type-{label}", build, outcome))
    return cases
