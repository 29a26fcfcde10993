"""Plots outside the database's Gauss-Krüger zone: refused with the zone that fits named,
unless the user allows them (issue 11, "Placing plots right")."""

from __future__ import annotations

import csv

import pytest
import shapely
from osgeo import ogr, osr
from test_plugin import plugin  # noqa: F401 (the plugin fixture)

from landcase.cases import CaseStore
from landcase.cases.intake import (
    OTHER_ZONE,
    REJECTED,
    OutsideZone,
    SourceRow,
    import_batch,
)
from landcase.cases.zones import accepted_band, check_zone, zone_name
from landcase.layers.source_reader import open_source, read_rows

ogr.UseExceptions()


def _write(path, epsg, features):
    """A shapefile of squares: features are (JCBH, [(x, y) ring])."""
    source = ogr.GetDriverByName("ESRI Shapefile").CreateDataSource(str(path))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(epsg)
    srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    layer = source.CreateLayer(path.stem, srs, ogr.wkbPolygon, options=["ENCODING=UTF-8"])
    layer.CreateField(ogr.FieldDefn("JCBH", ogr.OFTString))
    for jcbh, ring in features:
        feature = ogr.Feature(layer.GetLayerDefn())
        feature.SetField("JCBH", jcbh)
        feature.SetGeometry(ogr.CreateGeometryFromWkb(shapely.Polygon(ring).wkb))
        layer.CreateFeature(feature)
    source = None
    return path


def _lonlat_square(lon, lat, size=0.001):
    return [(lon, lat), (lon + size, lat), (lon + size, lat + size), (lon, lat + size)]


def _import(store, path, allow=False, batch="外带批次"):
    opened = open_source(str(path))
    names, rows = read_rows(opened.layer, store.srid)
    return import_batch(store, rows, {"jcbh": "JCBH"}, batch, opened.name, allow_other_zone=allow)


def test_the_band_is_the_zone_plus_half_a_degree():
    # EPSG:4549 is CGCS2000 / 3-degree GK CM 120E: its band 118.5–121.5°E, 0.5° beyond it
    assert accepted_band(4549) == (118.0, 122.0)
    assert zone_name(4549) == "EPSG:4549 (中央经线 120°)"
    # zone 40 with its number in front of the easting has the same meridian
    assert accepted_band(4528) == (118.0, 122.0)
    check = check_zone([(119.0, 119.1), (121.95, 122.01), (117.9, 118.2), None], 4549)
    assert [p.index for p in check.outside] == [1, 2, 3]


def test_a_batch_sixteen_degrees_east_is_refused_naming_the_zone_that_fits(case_target, tmp_path):
    # A batch drawn in CGCS2000 / 3-degree GK CM 135E (EPSG:4554): plots near 136°E, 35°N,
    # 16° east of the database's meridian 120°E. 136 / 3 = 45.33 → zone 45, meridian 135°.
    source_srs = osr.SpatialReference()
    source_srs.ImportFromEPSG(4554)
    source_srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    to_gk = osr.CoordinateTransformation(_wgs(), source_srs)
    features = []
    for index in range(3):
        lon = 136.0 + index * 0.01
        ring = [to_gk.TransformPoint(x, y)[:2] for x, y in _lonlat_square(lon, 35.0)]
        features.append((f"E-{index}", ring))
    shp = _write(tmp_path / "east.shp", 4554, features)
    store = CaseStore.create(case_target, 4549)
    with pytest.raises(OutsideZone) as raised:
        _import(store, shp)
    text = str(raised.value)
    assert "None of the 3 plots of east.shp" in text
    assert "EPSG:4549 (中央经线 120°)" in text and "118.00°E–122.00°E" in text
    assert "fit EPSG:4554 (中央经线 135°)" in text and "136.00°E" in text
    assert store.plot_count() == 0 and store.batch_names() == []

    # the zone named is the right one: a database in it takes the batch
    right = CaseStore.create(tmp_path / "right.sqlite", 4554)  # a second database: a file
    assert _import(right, shp).imported == 3
    # allowed into the wrong zone, the plots cannot even be held there: eastings beyond 1e6
    allowed = _import(store, shp, allow=True)
    assert allowed.imported == 0 and allowed.count(REJECTED) == 3
    assert store.batch_names() == []


def test_only_the_plots_outside_are_refused_each_named(case_target, tmp_path):
    # 120.0°E and 121.9°E are inside 118–122°E; 122.3°E is not: 122.3 / 3 = 40.77 → zone 41,
    # meridian 123°E, EPSG:4534 + (123 − 75) / 3 = EPSG:4550.
    features = [
        ("IN-1", _lonlat_square(120.0, 30.0)),
        ("IN-2", _lonlat_square(121.9, 30.0)),
        ("OUT-1", _lonlat_square(122.3, 30.0)),
    ]
    shp = _write(tmp_path / "mixed.shp", 4490, features)
    store = CaseStore.create(case_target, 4549)
    report = _import(store, shp)
    assert report.imported == 2
    assert {row.jcbh for row in store.list_plots()} == {"IN-1", "IN-2"}
    (refused,) = [issue for issue in report.issues if issue.kind == REJECTED]
    assert refused.jcbh == "OUT-1" and refused.row == 3
    assert "lies at 122.30°E," in refused.text() and "EPSG:4550 (中央经线 123°)" in refused.text()
    (note,) = report.notes
    assert note.text().startswith(
        "1 of 3 plots lie outside 118.00°E–122.00°E, the reach of the database's zone EPSG:4549"
    )
    with open(report.report_file, encoding="utf-8-sig", newline="") as handle:
        lines = list(csv.reader(handle))
    notes = [line[1] for line in lines if line and line[0] == "说明"]
    assert len(notes) == 1 and "EPSG:4550 (中央经线 123°)" in notes[0] and "未导入" in notes[0]
    detail = next(line for line in lines if line and line[1] == "OUT-1")
    assert (
        detail[2] == "拒绝" and "超出案件库分带 EPSG:4549 (中央经线 120°) 的接受范围" in detail[3]
    )

    # allowed: all three, the one outside flagged
    other = CaseStore.create(tmp_path / "o.sqlite", 4549)  # a second database: a file
    allowed = _import(other, shp, allow=True)
    assert allowed.imported == 3 and [i.jcbh for i in allowed.issues] == ["OUT-1"]
    assert allowed.issues[0].kind == OTHER_ZONE


def test_rows_in_the_database_crs_are_placed_without_a_reader(case_target):
    # No longitudes from a reader: they are found from the geometry in EPSG:4549.
    # Easting 500 000 is the meridian 120°E; 230 000 m east of it at 30°N is about
    # 230 000 / (N cos 30° × π / 180) = 230 000 / (6 383 403 × 0.8660 × 0.017453) = 2.38°
    # east (N, the prime vertical radius at 30°N): 122.38°E, outside 118–122°E.
    store = CaseStore.create(case_target, 4549)
    rows = [
        SourceRow(1, {"JCBH": "A"}, shapely.box(500_000, 3_320_000, 500_050, 3_320_050)),
        SourceRow(2, {"JCBH": "B"}, shapely.box(730_000, 3_320_000, 730_050, 3_320_050)),
    ]
    report = import_batch(store, rows, {"jcbh": "JCBH"}, "b", "rows")
    assert report.imported == 1 and report.issues[0].jcbh == "B"
    assert "lies at 122.38°E," in report.issues[0].text()
    assert "EPSG:4550 (中央经线 123°)" in report.issues[0].text()


def _wgs():
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4490)
    srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    return srs


def test_the_desktop_import_refuses_another_zone_unless_allowed(
    plugin,  # noqa: F811 (the fixture imported above)
    qgis_iface,
    tmp_path,
):
    from qgis.core import Qgis

    path = tmp_path / "station.sqlite"
    CaseStore.create(path, 4549).close()
    plugin.open_database(str(path))
    # 125°E at 30°N: 125 / 3 = 41.67 → meridian 126°E (EPSG:4551), outside 118–122°E but
    # still within the eastings EPSG:4549 can hold
    shp = _write(tmp_path / "east.shp", 4490, [("E-1", _lonlat_square(125.0, 30.0))])
    opened = open_source(str(shp))
    arguments = (opened.layer, opened.name, {"jcbh": "JCBH"}, None)
    fields = {"batch": "东边", "source_kind": "部卫片", "received_date": "2026-03-01"}
    refused = plugin.import_layer(*arguments, **fields)
    assert refused is None and plugin.store.plot_count() == 0
    errors = qgis_iface.messageBar().get_messages(Qgis.MessageLevel.Critical)
    assert any("EPSG:4551 (中央经线 126°)" in message for message in errors)
    report = plugin.import_layer(*arguments, **fields, allow_other_zone=True)
    assert report.imported == 1 and report.count(OTHER_ZONE) == 1
    assert plugin.store.plot_count() == 1
