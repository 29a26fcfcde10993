"""Importing issued batches: encodings, CRSs, broken geometry, duplicates, overlaps, one
transaction per batch, and the import report."""

from __future__ import annotations

import csv
import json
import sqlite3
import zipfile
from pathlib import Path

import pytest
import shapely
from osgeo import ogr, osr
from qgis.core import QgsCoordinateReferenceSystem

from helpers import file_digest, small_database
from landcase.cases import CaseStore
from landcase.cases.encoding import detect_dbf_encoding
from landcase.cases.field_mapping import fields_signature, mapping_problems, suggest_mapping
from landcase.cases.intake import DUPLICATE, OVERLAP, REJECTED, REPAIRED, import_batch
from landcase.layers.source_reader import SourceError, open_source, read_rows

ogr.UseExceptions()


@pytest.fixture(scope="module")
def expected(demo_sample) -> dict:
    return json.loads((demo_sample / "batch" / "expected.json").read_text(encoding="utf-8"))


def _import(
    store: CaseStore, source, encoding=None, batch="2026年第1批", source_crs=None, mapping=None
):
    opened = open_source(str(source), encoding)
    names, rows = read_rows(opened.layer, store.srid, source_crs)
    return import_batch(
        store,
        rows,
        mapping or suggest_mapping(names),
        batch,
        opened.name,
        received_date="2026-02-10",
        fields_signature=fields_signature(names),
    )


def _write(
    path: Path, driver: str, features: list[dict], epsg: int | None, encoding: str | None = None
):
    """A small vector file written with GDAL, the way other programs write them."""
    source = ogr.GetDriverByName(driver).CreateDataSource(str(path))
    srs = None
    if epsg:
        srs = osr.SpatialReference()
        srs.ImportFromEPSG(epsg)
    options = [f"ENCODING={encoding}"] if encoding else []
    layer = source.CreateLayer(path.stem, srs, ogr.wkbPolygon, options=options)
    for name in features[0]["attributes"]:
        layer.CreateField(ogr.FieldDefn(name, ogr.OFTString))
    for item in features:
        feature = ogr.Feature(layer.GetLayerDefn())
        for name, value in item["attributes"].items():
            feature.SetField(name, value)
        feature.SetGeometry(ogr.CreateGeometryFromWkt(item["wkt"]))
        layer.CreateFeature(feature)
    source = None
    return path


def test_gbk_shapefile_without_cpg_is_detected_and_chinese_arrives_intact(demo_sample, case_target):
    shp = demo_sample / "batch" / "wpzf_2026_01.shp"
    assert not shp.with_suffix(".cpg").exists()
    guess = detect_dbf_encoding(shp.with_suffix(".dbf"))
    assert guess.encoding in ("GBK", "GB18030") and guess.reason != "cpg"
    store = CaseStore.create(case_target, 4549)
    _import(store, shp)
    townships = {row.township for row in store.list_plots()}
    assert townships and all(name.endswith("镇") or name.endswith("乡") for name in townships)


def test_the_sample_batch_imports_with_every_problem_reported(demo_sample, expected, case_target):
    store = CaseStore.create(case_target, 4549)
    report = _import(store, demo_sample / "batch" / "wpzf_2026_01.shp")
    by_kind = {
        kind: {i.jcbh for i in report.issues if i.kind == kind}
        for kind in (REPAIRED, REJECTED, DUPLICATE, OVERLAP)
    }
    assert by_kind[REPAIRED] == set(expected["invalid"])
    assert by_kind[REJECTED] == set(expected["degenerate"])
    assert by_kind[DUPLICATE] == set(expected["duplicates"])
    flagged = {frozenset((i.jcbh, i.params["other"])) for i in report.issues if i.kind == OVERLAP}
    assert flagged == {frozenset(pair[:2]) for pair in expected["overlapping"]}
    assert report.imported == expected["records"] - len(expected["duplicates"]) - len(
        expected["degenerate"]
    )
    assert store.plot_count() == report.imported  # overlapping plots are kept, not merged
    repaired = store._db.execute(
        "SELECT jcbh FROM plot WHERE geometry_repair IS NOT NULL"
    ).fetchall()
    assert {r[0] for r in repaired} == set(expected["invalid"])

    with open(report.report_file, encoding="utf-8-sig", newline="") as handle:
        lines = list(csv.reader(handle))
    assert lines[0] == ["批次", "2026年第1批"]
    detail = lines[lines.index(["源记录行号", "监测编号", "类别", "原因"]) + 1 :]
    assert len(detail) == len(report.issues)
    degenerate = next(line for line in detail if line[1] == expected["degenerate"][0])
    assert degenerate[2] == "拒绝" and "面积为零" in degenerate[3] and degenerate[0].isdigit()


def test_re_importing_the_same_batch_adds_nothing(demo_sample, case_target):
    store = CaseStore.create(case_target, 4549)
    first = _import(store, demo_sample / "batch" / "wpzf_2026_01.shp")
    count, audit = store.plot_count(), len(store.audit_entries())
    again = _import(store, demo_sample / "batch" / "wpzf_2026_01.shp")
    assert again.imported == 0 and store.plot_count() == count == first.imported
    assert again.count(DUPLICATE) >= first.imported
    assert len(store.audit_entries()) == audit  # not even the batch row was touched


def test_a_failure_half_way_leaves_the_database_as_it_was(demo_sample, tmp_path, monkeypatch):
    path = tmp_path / "s.sqlite"
    small_database(path, plots=3).close()
    store = CaseStore.open(path)
    before = store.list_plots()
    original = CaseStore._insert_plot
    calls = []

    def failing(self, db, plot, batch_id, *rest):
        calls.append(plot.jcbh)
        if len(calls) == 200:
            raise sqlite3.OperationalError("disk I/O error")  # a disk failing mid-batch
        return original(self, db, plot, batch_id, *rest)

    monkeypatch.setattr(CaseStore, "_insert_plot", failing)
    with pytest.raises(sqlite3.OperationalError):
        _import(store, demo_sample / "batch" / "wpzf_2026_01.shp", batch="新批次")
    assert len(calls) == 200
    assert store.list_plots() == before
    assert store.batch_id("新批次") is None


def test_zipped_shapefile_and_geopackage(demo_sample, tmp_path):
    archive = tmp_path / "batch.zip"
    with zipfile.ZipFile(archive, "w") as handle:
        for part in (demo_sample / "batch").glob("wpzf_2026_01.*"):
            handle.write(part, f"下发图斑/{part.name}")
    store = CaseStore.create(tmp_path / "z.sqlite", 4549)
    report = _import(store, archive)
    assert report.imported > 400 and report.source.endswith("wpzf_2026_01.shp")
    assert "镇" in store.list_plots()[0].township

    gpkg = tmp_path / "batch.gpkg"
    _write(
        gpkg,
        "GPKG",
        [
            {
                "attributes": {"监测编号": "G-1", "XZQMC": "青山镇"},
                "wkt": "POLYGON((500000 3400000,500100 3400000,500100 3400100,500000 3400000))",
            }
        ],
        4549,
    )
    other = CaseStore.create(tmp_path / "g.sqlite", 4549)
    assert _import(other, gpkg).imported == 1
    assert other.list_plots()[0].jcbh == "G-1"  # the Chinese alias 监测编号 was recognised


def test_geographic_crs_is_transformed(tmp_path, case_target):
    lonlat = "POLYGON((120 30.7, 120.001 30.7, 120.001 30.701, 120 30.701, 120 30.7))"
    geojson = _write(
        tmp_path / "p.geojson", "GeoJSON", [{"attributes": {"JCBH": "W-1"}, "wkt": lonlat}], 4326
    )
    store = CaseStore.create(case_target, 4549)
    assert _import(store, geojson).imported == 1
    geometry = store.plot_geometry(store.list_plots()[0].plot_id)
    x, y = geometry.centroid.coords[0]
    assert 500_000 < x < 500_200 and 3_396_000 < y < 3_398_000  # 120°E is the central meridian
    assert 10_550 < geometry.area < 10_700  # about 95.8 m × 110.9 m


def test_layer_without_crs_is_refused_unless_named(tmp_path):
    shp = _write(
        tmp_path / "nocrs.shp",
        "ESRI Shapefile",
        [
            {
                "attributes": {"JCBH": "N-1"},
                "wkt": "POLYGON((500000 3400000,500050 3400000,500050 3400050,500000 3400000))",
            }
        ],
        None,
    )
    assert not shp.with_suffix(".prj").exists()
    path = tmp_path / "s.sqlite"
    CaseStore.create(path, 4549).close()
    before = file_digest(path)
    store = CaseStore.open(path)
    with pytest.raises(SourceError) as raised:
        _import(store, shp)
    assert "nocrs" in str(raised.value) and "coordinate reference system" in str(raised.value)
    assert store.plot_count() == 0
    store.close()
    assert file_digest(path) == before
    store = CaseStore.open(path)
    report = _import(store, shp, source_crs=QgsCoordinateReferenceSystem("EPSG:4549"))
    assert report.imported == 1


def test_utf8_with_cpg_override_and_unmapped_fields_kept(tmp_path, case_target):
    shp = _write(
        tmp_path / "utf8.shp",
        "ESRI Shapefile",
        [
            {
                "attributes": {"JCBH": "U-1", "XZQMC": "东湖镇", "FXRY": "网格员李四"},
                "wkt": "POLYGON((500000 3400000,500050 3400000,500050 3400050,500000 3400000))",
            }
        ],
        4549,
        encoding="UTF-8",
    )
    assert detect_dbf_encoding(shp.with_suffix(".dbf")).encoding == "UTF-8"
    store = CaseStore.create(case_target, 4549)
    _import(store, shp)
    extra = store._db.execute("SELECT extra_fields, township FROM plot").fetchone()
    assert json.loads(extra[0]) == {"FXRY": "网格员李四"} and extra[1] == "东湖镇"
    # a wrong override is the user's choice and is used as given
    other = CaseStore.create(tmp_path / "o.sqlite", 4549)
    _import(other, shp, encoding="GBK")
    assert other.list_plots()[0].township != "东湖镇"


def test_a_source_without_plot_numbers_needs_a_mapping(tmp_path):
    fields = ["BH2", "NAME"]
    assert "jcbh" not in suggest_mapping(fields)
    problems = mapping_problems(suggest_mapping(fields), fields)
    assert any("监测编号" in p.text() for p in problems)
    assert mapping_problems({"jcbh": "BH2"}, fields) == []
    assert fields_signature(["A", "b"]) == fields_signature(["B", "a"])


def test_the_mapping_is_remembered_per_kind_of_source(tmp_path, case_target):
    shp = _write(
        tmp_path / "m.shp",
        "ESRI Shapefile",
        [
            {
                "attributes": {"BIANHAO": "M-1"},
                "wkt": "POLYGON((500000 3400000,500050 3400000,500050 3400050,500000 3400000))",
            }
        ],
        4549,
        encoding="UTF-8",
    )
    store = CaseStore.create(case_target, 4549)
    _import(store, shp, mapping={"jcbh": "BIANHAO"})
    assert store.saved_field_mapping(fields_signature(["BIANHAO"])) == {"jcbh": "BIANHAO"}


def test_non_polygons_are_rejected_with_their_row(tmp_path):
    from landcase.cases.intake import SourceRow, prepare

    rows = [
        SourceRow(1, {"JCBH": "L-1"}, shapely.LineString([(0, 0), (1, 1)])),
        SourceRow(2, {"JCBH": None}, shapely.box(0, 0, 1, 1)),
        SourceRow(3, {"JCBH": "E-1"}, None),
        SourceRow(4, {"JCBH": 320100.0}, shapely.box(0, 0, 10, 10)),
    ]
    plots, issues = prepare(rows, {"jcbh": "JCBH"}, set(), "b")
    assert [(i.row, i.kind) for i in issues] == [(1, REJECTED), (2, REJECTED), (3, REJECTED)]
    assert "LineString" in issues[0].text()
    assert [p.jcbh for _, p in plots] == ["320100"]  # a number read from a DBF, not "320100.0"


def test_villages_are_filled_from_the_role_layers_on_import(demo_sample, case_target):
    from landcase.layers.batch_import import import_layer

    store = CaseStore.create(case_target, 4549)
    county = demo_sample / "county.gpkg"
    store.set_layer_role("village", f"{county}|layername=xzq_village", "ogr", {"name": "XZQMC"})
    opened = open_source(str(demo_sample / "batch" / "wpzf_2026_01.shp"))
    report = import_layer(store, opened.layer, opened.name, "b")
    rows = store.list_plots()
    assert report.imported == len(rows) > 400
    assert all(row.village and row.village.endswith("村") for row in rows)
    # each plot lies in the village named for it
    source = ogr.Open(str(county))
    villages = {
        f.GetField("XZQMC"): shapely.from_wkb(bytes(f.GetGeometryRef().ExportToWkb()))
        for f in source.GetLayerByName("xzq_village")
    }
    for row in rows[:50]:
        plot = store.plot_geometry(row.plot_id)
        assert villages[row.village].contains(plot.point_on_surface())


def test_polygon_z_shapefiles_import_in_two_dimensions(tmp_path, case_target):
    source = ogr.GetDriverByName("ESRI Shapefile").CreateDataSource(str(tmp_path / "z.shp"))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4549)
    layer = source.CreateLayer("z", srs, ogr.wkbPolygon25D)
    layer.CreateField(ogr.FieldDefn("JCBH", ogr.OFTString))
    feature = ogr.Feature(layer.GetLayerDefn())
    feature.SetField("JCBH", "Z-1")
    feature.SetGeometry(
        ogr.CreateGeometryFromWkt(
            "POLYGON Z ((500000 3400000 12,500050 3400000 12,500050 3400050 13,500000 3400000 12))"
        )
    )
    layer.CreateFeature(feature)
    source = None
    store = CaseStore.create(case_target, 4549)
    report = _import(store, tmp_path / "z.shp")
    assert report.imported == 1 and store.plot_geometry(store.list_plots()[0].plot_id).area == 1250


def test_a_batch_that_imports_nothing_leaves_no_batch_row(case_target):
    from landcase.cases.intake import SourceRow

    store = CaseStore.create(case_target, 4549)
    rows = [
        SourceRow(1, {"JCBH": None}, shapely.box(500_000, 3_400_000, 500_040, 3_400_040)),
        SourceRow(2, {"JCBH": "E-1"}, None),
    ]
    report = import_batch(store, rows, {"jcbh": "JCBH"}, "空批次", "empty.shp")
    assert report.imported == 0 and report.count(REJECTED) == 2
    assert store.batch_id("空批次") is None and store.batch_names() == []
    assert store.audit_entries() == []  # nothing was written at all


def test_field_map_takes_national_names_case_insensitively():
    from landcase.cases.field_mapping import normalise_mapping

    mapping, problems = normalise_mapping(
        {"监测编号": "BH", "jcmj": "MJ", "行政区代码": "DM", "Xzqmc": "MC", "面积单位": "m2"}
    )
    assert problems == []
    assert mapping == {
        "jcbh": "BH",
        "jcmj": "MJ",
        "xzqdm": "DM",
        "xzqmc": "MC",
        "jcmj_unit": "m²",
    }
    assert normalise_mapping({"JCBH": "A", "jcbh": "B"})[1][0].text() == (
        "'jcbh' and 'JCBH' both stand for jcbh"
    )
    unit_problem = normalise_mapping({"jcmj_unit": "公顷"})[1][0].text()
    assert "公顷" in unit_problem and "亩" in unit_problem


def test_an_unknown_field_map_key_names_itself_and_the_accepted_ones():
    from landcase.cases.field_mapping import normalise_mapping

    mapping, problems = normalise_mapping({"BIANHAO": "X", "JCBH": "BH"})
    assert mapping == {"jcbh": "BH"} and len(problems) == 1
    text = problems[0].text()
    assert "'BIANHAO' is not a plot field" in text
    for name in ("jcbh = JCBH, 监测编号", "jcmj = JCMJ, 监测面积", "xzqdm = XZQDM, 行政区代码"):
        assert name in text
