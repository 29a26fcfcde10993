"""The synthetic county generator (tools/sample_county.py), on its small size."""

import json
from pathlib import Path

import numpy as np
import pytest
import shapely
from osgeo import gdal, ogr

# tests/conftest.py puts the repository root on the import path
from tools.sample_county import MU, generate, shapefile_encoding_honoured

ogr.UseExceptions()

LAYERS = ("xzq_township", "xzq_village", "dltb", "yjjbnt", "pzyd", "ssnyd")
LISTED_CODES = (
    "0101 0102 0103 0201 0204 0301 0305 0307 0404 0702 0601 0701 0508 "
    "1003 1006 1101 1104 1107 1202 1203 1206"
).split()
# 三调 names, written out by hand rather than taken from the generator
NAMES = {
    "0101": "水田", "0102": "水浇地", "0103": "旱地", "0201": "果园", "0301": "乔木林地",
    "0702": "农村宅基地", "1006": "农村道路", "1104": "坑塘水面", "1107": "沟渠",
    "1202": "设施农用地", "1203": "田坎",
}  # fmt: skip
CROPLAND = ("0101", "0102", "0103")


def read(path, layer=None, options=()):
    """(geometries, {field: array}) of one layer."""
    with shapefile_encoding_honoured():
        ds = gdal.OpenEx(str(path), gdal.OF_VECTOR, open_options=list(options))
        lyr = ds.GetLayerByName(layer) if layer else ds.GetLayer(0)
        defn = lyr.GetLayerDefn()
        names = [defn.GetFieldDefn(i).GetName() for i in range(defn.GetFieldCount())]
        geoms, rows = [], []
        for feature in lyr:
            geoms.append(bytes(feature.GetGeometryRef().ExportToWkb()))
            rows.append([feature.GetField(name) for name in names])
    columns = {name: np.array([row[i] for row in rows]) for i, name in enumerate(names)}
    return shapely.from_wkb(geoms), columns


def read_all(result):
    """Every layer written: name -> (geometries, columns); the batch read as GBK."""
    layers = {name: read(result["gpkg"], name) for name in LAYERS}
    layers["batch"] = read(result["shapefile"], options=["ENCODING=GBK"])
    return layers


def snapshot(layers):
    """Attributes and WKB of every feature, comparable with ==."""
    return {
        name: (shapely.to_wkb(geoms).tolist(), {k: v.tolist() for k, v in columns.items()})
        for name, (geoms, columns) in layers.items()
    }


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    return generate(tmp_path_factory.mktemp("county"), "small", 42)


@pytest.fixture(scope="module")
def data(sample):
    return read_all(sample)


def test_layers_are_valid_and_in_cgcs2000_gk_120e(sample, data):
    ds = gdal.OpenEx(sample["gpkg"], gdal.OF_VECTOR)
    for name in LAYERS:
        assert ds.GetLayerByName(name).GetSpatialRef().GetAuthorityCode(None) == "4549"
        geoms, _ = data[name]
        assert len(geoms) and shapely.is_valid(geoms).all(), name
    batch = gdal.OpenEx(sample["shapefile"], gdal.OF_VECTOR)  # .prj in ESRI WKT
    assert batch.GetLayer(0).GetSpatialRef().GetAuthorityCode(None) == "4549"


def test_landuse_is_a_coverage_of_the_county(data):
    county = shapely.union_all(data["xzq_township"][0])
    geoms, columns = data["dltb"]
    assert 15_000 < len(geoms) < 25_000
    area = shapely.area(geoms)
    assert area.sum() == pytest.approx(county.area, rel=1e-4)  # no overlaps
    assert shapely.union_all(geoms).area == pytest.approx(county.area, rel=1e-4)  # no gaps
    # neighbours share their vertices exactly, as in a topologically clean 三调 export;
    # GEOS's coverage union leaves seams (several parts, holes) wherever they do not
    for name in ("dltb", "xzq_village", "xzq_township"):
        union = shapely.coverage_union_all(data[name][0])
        assert union.geom_type == "Polygon" and not union.interiors, name
        assert union.area == pytest.approx(county.area, rel=1e-9), name
    np.testing.assert_allclose(columns["TBMJ"], area, atol=0.01)
    x, y = shapely.get_coordinates(shapely.centroid(county))[0]
    assert abs(x - 500_000) < 30_000 and abs(y - 3_400_000) < 100_000


def test_landuse_classes_are_realistic(data):
    geoms, columns = data["dltb"]
    code, area = columns["DLBM"], shapely.area(geoms)
    assert set(LISTED_CODES) <= set(code)
    assert 0.35 < area[np.isin(code, CROPLAND)].sum() / area.sum() < 0.55
    for c, name in NAMES.items():
        assert set(columns["DLMC"][code == c]) == {name}
    # clustered, not salt and pepper: most neighbours share the first two code digits
    group = code.astype("<U2")
    left, right = shapely.STRtree(geoms).query(geoms, predicate="touches")
    assert (group[left] == group[right]).mean() > 0.6


def test_landuse_pieces_carry_their_village(data):
    geoms, columns = data["dltb"]
    villages, vcols = data["xzq_village"]
    points = shapely.point_on_surface(geoms)
    inside, village = shapely.STRtree(villages).query(points, predicate="within")
    assert len(np.unique(inside)) == len(geoms)
    assert (columns["ZLDWDM"][inside] == vcols["XZQDM"][village]).all()


def test_villages_nest_in_townships(data):
    townships, tcols = data["xzq_township"]
    villages, vcols = data["xzq_village"]
    assert all(len(c) == 9 and c.startswith("320") for c in tcols["XZQDM"])
    assert all(name.endswith("镇") for name in tcols["XZQMC"])
    assert all(name.endswith("村") for name in vcols["XZQMC"])
    parent = dict(zip(tcols["XZQDM"], townships))
    for code, town, village in zip(vcols["XZQDM"], vcols["ZXZQDM"], villages):
        assert len(code) == 12 and code.startswith(town)
        assert shapely.difference(village, parent[town]).area < 1e-6 * village.area
    for code, township in parent.items():
        inner = shapely.area(villages[vcols["ZXZQDM"] == code]).sum()
        assert inner == pytest.approx(township.area, rel=1e-6)


def test_farmland_lies_on_cropland(data):
    farmland, columns = data["yjjbnt"]
    land, lcols = data["dltb"]
    crop = land[np.isin(lcols["DLBM"], CROPLAND)]
    plot, piece = shapely.STRtree(crop).query(farmland, predicate="intersects")
    on_crop = shapely.area(shapely.intersection(farmland[plot], crop[piece])).sum()
    assert on_crop >= 0.95 * shapely.area(farmland).sum()
    assert 0.75 < shapely.area(farmland).sum() / shapely.area(crop).sum() < 0.95
    assert (shapely.get_num_interior_rings(shapely.get_parts(farmland)) > 0).any()
    assert len(set(columns["BHTBBH"])) == len(farmland)


def test_approvals_and_filings(data):
    approvals, acols = data["pzyd"]
    filings, fcols = data["ssnyd"]
    assert 30 <= len(approvals) <= 40 and 15 <= len(filings) <= 20
    assert all(w.startswith("苏政地〔") and w.endswith("号") for w in acols["PZWH"])
    assert all(len(d) == 10 and d[4] == "-" for d in acols["PZRQ"])
    np.testing.assert_allclose(acols["PZMJ"], shapely.area(approvals), atol=0.01)
    np.testing.assert_allclose(fcols["BAMJ"], shapely.area(filings), atol=0.01)


def test_batch_is_gbk_without_cpg(sample, data):
    shp = Path(sample["shapefile"])
    assert not shp.with_suffix(".cpg").exists()
    raw = shp.with_suffix(".dbf").read_bytes()
    assert raw[29] == 0  # no code page in the header either
    records = raw[int.from_bytes(raw[8:10], "little") :]
    with pytest.raises(UnicodeDecodeError):
        records.decode("utf-8")
    assert "镇" in records.decode("gbk")

    geoms, columns = data["batch"]
    assert set(columns["XZQMC"]) <= set(data["xzq_township"][1]["XZQMC"])
    assert set(columns["JCPC"]) == {"2026年第1批"}
    assert 450 < len(geoms) < 550
    # the copy with a .cpg reads right without being told the encoding
    _, with_cpg = read(sample["shapefile_with_cpg"])
    assert with_cpg["XZQMC"].tolist() == columns["XZQMC"].tolist()


def test_expected_faults_are_real(sample, data):
    expected = json.loads(Path(sample["expected_json"]).read_text(encoding="utf-8"))
    assert {k: v for k, v in sample.items() if k in expected} == expected
    geoms, columns = data["batch"]
    jcbh = columns["JCBH"]
    assert len(geoms) == expected["records"] and len(set(jcbh)) == expected["unique"]
    invalid = np.isin(jcbh, expected["invalid"])
    degenerate = np.isin(jcbh, expected["degenerate"])
    assert len(expected["invalid"]) >= 3 and invalid.sum() == len(expected["invalid"])
    assert not shapely.is_valid(geoms[invalid]).any()
    assert shapely.is_valid(geoms[~invalid & ~degenerate]).all()
    assert (shapely.area(geoms[degenerate]) == 0).all() and degenerate.sum() == 1
    assert 3 <= len(expected["duplicates"]) <= 5
    for code in expected["duplicates"]:
        rows = np.flatnonzero(jcbh == code)
        assert len(rows) == 2
        assert shapely.equals_exact(geoms[rows[0]], geoms[rows[1]])
        assert len({tuple(columns[f][r] for f in columns) for r in rows}) == 1
    big = [pair for pair in expected["overlapping"] if pair[2] > 0.5]
    assert 2 <= len(big) <= 3
    for a, b, _ in big:
        ga, gb = geoms[jcbh == a][0], geoms[jcbh == b][0]
        assert ga.intersection(gb).area > 0.5 * min(ga.area, gb.area)
    ok = ~invalid
    np.testing.assert_allclose(columns["JCMJ"][ok], shapely.area(geoms[ok]) / MU, atol=0.006)
    legal = geoms[np.isin(jcbh, expected["in_approval"])]
    assert len(legal) >= 20
    inside = shapely.STRtree(data["pzyd"][0]).query(legal, predicate="within")[0]
    assert len(np.unique(inside)) == len(legal)


def test_same_seed_same_data(data, tmp_path):
    first = snapshot(data)
    assert snapshot(read_all(generate(tmp_path / "again", "small", 42))) == first
    other = snapshot(read_all(generate(tmp_path / "other", "small", 43)))
    assert other["dltb"] != first["dltb"] and other["batch"] != first["batch"]
