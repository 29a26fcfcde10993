"""Patrol routes from GPX and GeoJSON files: read, refused naming the file, stored."""

from __future__ import annotations

import json

import pytest

from helpers import ORIGIN, small_database
from landcase.cases.patrol_routes import DATABASE_CRS, DEGREES, RouteRefused, read_route
from landcase.cases.patrol_units import NewUnit, add_unit
from landcase.cases.patrols import NewPatrol, get_patrol, record_patrol

GPX = """<?xml version="1.0" encoding="UTF-8"?>
<gpx version="1.1" creator="phone" xmlns="http://www.topografix.com/GPX/1/1">
  <trk><name>巡查</name>
    <trkseg>
      <trkpt lat="30.0" lon="120.0"><time>2026-03-02T00:30:00Z</time></trkpt>
      <trkpt lat="30.001" lon="120.0"><time>2026-03-02T00:40:00Z</time></trkpt>
    </trkseg>
    <trkseg>
      <trkpt lat="30.002" lon="120.0"><time>2026-03-02T01:00:00Z</time></trkpt>
      <trkpt lat="30.003" lon="120.0"><time>2026-03-02T02:15:00Z</time></trkpt>
    </trkseg>
  </trk>
</gpx>"""

RTE = """<gpx version="1.0"><rte><rtept lat="30" lon="120"/><rtept lat="30.01" lon="120"/>
<rtept lat="30.01" lon="120.01"/></rte></gpx>"""


def _file(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _geojson(geometry, crs=None):
    data = {
        "type": "FeatureCollection",
        "features": [{"type": "Feature", "properties": {}, "geometry": geometry}],
    }
    if crs:
        data["crs"] = {"type": "name", "properties": {"name": crs}}
    return json.dumps(data)


def test_a_gpx_track_gives_its_segments_and_its_times_in_beijing_time(tmp_path):
    route = read_route(_file(tmp_path, "t.gpx", GPX), 4549)
    assert route.crs == DEGREES and len(route.lines.geoms) == 2
    assert list(route.lines.geoms[0].coords) == [(120.0, 30.0), (120.0, 30.001)]
    # 00:30 UTC is 08:30 in Beijing; the last point 02:15 UTC is 10:15
    assert (route.started_at, route.ended_at) == ("2026-03-02T08:30", "2026-03-02T10:15")
    route = read_route(_file(tmp_path, "r.gpx", RTE), 4549)
    assert len(route.lines.geoms) == 1 and len(route.lines.geoms[0].coords) == 3
    assert route.started_at is None


def test_geojson_in_degrees_or_in_the_database_crs(tmp_path):
    x, y = ORIGIN
    degrees = _geojson({"type": "LineString", "coordinates": [[120, 30], [120.01, 30]]})
    assert read_route(_file(tmp_path, "a.geojson", degrees), 4549).crs == DEGREES
    named = _geojson(
        {
            "type": "MultiLineString",
            "coordinates": [[[x, y], [x + 10, y]], [[x, y + 5], [x, y + 9]]],
        },
        crs="urn:ogc:def:crs:EPSG::4549",
    )
    route = read_route(_file(tmp_path, "b.geojson", named), 4549)
    assert route.crs == DATABASE_CRS and route.lines.length == 14.0
    plain = json.dumps({"type": "LineString", "coordinates": [[x, y], [x, y + 30]]})
    assert read_route(_file(tmp_path, "c.json", plain), 4549).crs == DATABASE_CRS


@pytest.mark.parametrize(
    "name, text, reason",
    [
        ("a.gpx", "<gpx><trk><trkseg><trkpt lat='30' lon='120'/></trkseg></trk></gpx>", "no track"),
        ("b.gpx", "<gpx><trk><trkseg><trkpt lat='30' lon='东'/>", "not well-formed"),
        ("c.gpx", "<gpx><rte><rtept lat='30' lon='x'/><rtept lat='3' lon='1'/></rte></gpx>", "no number"),
        ("d.gpx", "<kml><Document/></kml>", "neither GPX nor GeoJSON"),
        ("e.txt", "巡查记录", "neither GPX nor GeoJSON"),
        ("f.geojson", _geojson({"type": "Point", "coordinates": [120, 30]}), "holds a Point"),
        ("g.geojson", _geojson({"type": "LineString", "coordinates": [[2.3, 48.8], [2.4, 48.8]]}),
         "outside China"),
        ("h.geojson", _geojson({"type": "LineString", "coordinates": [[1, 2], [3, 4]]}, "EPSG:3857"),
         "neither longitude/latitude"),
        ("i.geojson", _geojson({"type": "LineString", "coordinates": [[1e6, 2e6], [1e6, 3e6]]}),
         "outside the area of use"),
        ("j.geojson", _geojson({"type": "LineString", "coordinates": [[120, 30]]}), "malformed"),
    ],
)  # fmt: skip
def test_bad_route_files_are_refused_naming_the_file(tmp_path, name, text, reason):
    path = _file(tmp_path, name, text)
    with pytest.raises(RouteRefused) as refused:
        read_route(path, 4549)
    assert str(path) in str(refused.value) and reason in str(refused.value)


def test_a_missing_route_file_is_named(tmp_path):
    with pytest.raises(RouteRefused, match="没有.gpx.*does not exist"):
        read_route(tmp_path / "没有.gpx", 4549)


def test_a_gpx_route_is_stored_in_the_database_crs(case_target, tmp_path):
    store = small_database(case_target, plots=1)
    try:
        add_unit(store, NewUnit("东村"))
        patrol_id = record_patrol(
            store, NewPatrol("2026-03-02", "东村", "张三", route=_file(tmp_path, "t.gpx", GPX))
        )
        patrol = get_patrol(store, patrol_id)
        assert patrol.route_source == "t.gpx"
        # the track's times are the patrol's when none were given
        assert (patrol.started_at, patrol.ended_at) == ("2026-03-02T08:30", "2026-03-02T10:15")
        assert patrol.route.geom_type == "MultiLineString" and len(patrol.route.geoms) == 2
        # 120°E is EPSG:4549's central meridian: every easting is the false easting 500 km;
        # 0.001° of latitude is about 111 m
        start = patrol.route.geoms[0].coords[0]
        assert start[0] == pytest.approx(500_000.0, abs=1e-6)
        assert patrol.route.geoms[0].length == pytest.approx(110.9, abs=0.5)
    finally:
        store.close()
