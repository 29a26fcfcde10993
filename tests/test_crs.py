"""Which CGCS2000 Gauss-Krüger zone a database gets."""

from __future__ import annotations

import pytest
from qgis.core import QgsCoordinateReferenceSystem, QgsRectangle

from landcase.cases.crs import central_meridian, gk3_srid_for_longitude, is_gk3_srid
from landcase.layers.crs_choice import DEFAULT_SRID, choose_srid


@pytest.mark.parametrize(
    "longitude, srid",
    [
        (120.0, 4549),
        (118.6, 4549),
        (121.4, 4549),
        (121.6, 4550),
        (75.0, 4534),
        (135.0, 4554),
        (60.0, 4534),
    ],
)
def test_zone_nearest_the_longitude(longitude, srid):
    assert gk3_srid_for_longitude(longitude) == srid


def test_zone_prefixed_variant_and_meridians():
    assert gk3_srid_for_longitude(120.0, zone_prefix=True) == 4528  # zone 40
    assert central_meridian(4528) == central_meridian(4549) == 120
    assert is_gk3_srid(4513) and is_gk3_srid(4554)
    assert not is_gk3_srid(4490) and not is_gk3_srid(4555)


def test_every_gk3_code_is_what_qgis_calls_it():
    for srid in range(4513, 4555):
        crs = QgsCoordinateReferenceSystem(f"EPSG:{srid}")
        assert "CGCS2000" in crs.description() and "Gauss-Kruger" in crs.description()
        assert f"{central_meridian(srid)}E" in crs.description() or "zone" in crs.description()


def srid_for_extent(extent, crs) -> int:
    return choose_srid(extent, crs, "the map's extent").srid


def test_zone_from_a_map_extent(qgis_app):
    wgs84 = QgsCoordinateReferenceSystem("EPSG:4326")
    chengdu = QgsRectangle(103.9, 30.5, 104.2, 30.8)
    assert srid_for_extent(chengdu, wgs84) == 4544  # CM 105E
    mercator = QgsCoordinateReferenceSystem("EPSG:3857")
    harbin = QgsRectangle(14_060_000, 5_700_000, 14_080_000, 5_720_000)  # ≈126.4°E
    assert srid_for_extent(harbin, mercator) == 4551  # CM 126E
    world = QgsRectangle(-180, -90, 180, 90)
    assert srid_for_extent(world, wgs84) == DEFAULT_SRID
    assert srid_for_extent(QgsRectangle(), wgs84) == DEFAULT_SRID


def test_the_choice_of_zone_says_why(qgis_app):
    from landcase.layers.crs_choice import choose_srid

    wgs84 = QgsCoordinateReferenceSystem("EPSG:4326")
    # centre 126.5°E: 126.5 / 3 = 42.17 → meridian 126°E, EPSG:4534 + (126 − 75) / 3 = 4551
    harbin = choose_srid(QgsRectangle(126.4, 45.6, 126.6, 45.8), wgs84, "the layer's extent")
    assert harbin.srid == 4551
    assert harbin.text() == (
        "EPSG:4551 (中央经线 126°): the zone of the layer's extent, whose centre lies at 126.50°E"
    )
    world = choose_srid(QgsRectangle(-180, -90, 180, 90), wgs84, "the map's extent")
    assert world.srid == DEFAULT_SRID and "is not over China" in world.text()
    empty = choose_srid(QgsRectangle(), wgs84, "the project's extent")
    assert empty.text() == (
        "EPSG:4549 (中央经线 120°): the default zone, because the project's extent is empty"
    )
