"""The direct GeoPackage reader (layers/gpkg_reader.py), against GDAL-written files and a
plain row-by-row SQL reference."""

from __future__ import annotations

import sqlite3

import numpy as np
import pytest
import shapely
from osgeo import ogr, osr

from landcase.layers import gpkg_reader

ogr.UseExceptions()

SRID = 4549
X0, Y0 = 500_000.0, 3_400_000.0


def square(i: int, j: int, size: float = 80.0) -> shapely.Geometry:
    x, y = X0 + i * 100.0, Y0 + j * 100.0
    return shapely.MultiPolygon([shapely.box(x, y, x + size, y + size)])


def write_gpkg(path, geometries, codes, names, areas, kind=ogr.wkbMultiPolygon):
    source = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(SRID)
    layer = source.CreateLayer("dltb", srs, kind)
    layer.CreateField(ogr.FieldDefn("DLBM", ogr.OFTString))
    layer.CreateField(ogr.FieldDefn("DLMC", ogr.OFTString))
    layer.CreateField(ogr.FieldDefn("BAMJ", ogr.OFTReal))
    for geometry, code, name, area in zip(geometries, codes, names, areas):
        feature = ogr.Feature(layer.GetLayerDefn())
        if code is not None:
            feature.SetField("DLBM", code)
        if name is not None:
            feature.SetField("DLMC", name)
        if area is not None:
            feature.SetField("BAMJ", area)
        if geometry is not None:
            feature.SetGeometry(ogr.CreateGeometryFromWkb(shapely.to_wkb(geometry)))
        layer.CreateFeature(feature)
    source = None


@pytest.fixture
def grid(tmp_path):
    """A 10 × 10 grid of 80 m squares (fid 1–100), a feature without geometry (fid 101),
    Chinese names, NULLs and a real number."""
    geometries = [square(i, j) for j in range(10) for i in range(10)] + [None]
    codes = [f"{(k % 7) + 1:02d}01" for k in range(100)] + ["0101"]
    names = ["水田" if k % 3 else None for k in range(100)] + ["无图形"]
    areas = [k * 1.25 if k % 5 else None for k in range(100)] + [3.5]
    areas[11], areas[12] = 0.1 + 0.2, 1 / 3  # need 17 digits (SQLite's JSON writes 15)
    path = tmp_path / "grid.gpkg"
    write_gpkg(path, geometries, codes, names, areas)
    return path


def edit(path) -> sqlite3.Connection:
    """The file opened with plain sqlite3 for editing, its R*-tree triggers dropped (they
    call GDAL's SQL functions, which plain sqlite3 lacks)."""
    db = sqlite3.connect(path)
    triggers = db.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'").fetchall()
    for (name,) in triggers:
        db.execute(f'DROP TRIGGER "{name}"')
    return db


def reference(path, bounds):
    """The same features read row by row with plain SQL."""
    with sqlite3.connect(path) as db:
        found = set()
        for minx, miny, maxx, maxy in bounds.tolist():
            found.update(
                row[0]
                for row in db.execute(
                    "SELECT id FROM rtree_dltb_geom WHERE minx <= ? AND maxx >= ? "
                    "AND miny <= ? AND maxy >= ?",
                    (maxx, minx, maxy, miny),
                )
            )
        rows = db.execute(
            f"SELECT fid, geom, DLBM, DLMC, BAMJ FROM dltb WHERE fid IN "
            f"({','.join(map(str, sorted(found))) or 'NULL'})"
        ).fetchall()
    return {row[0]: row[1:] for row in rows}


def test_describe_finds_the_columns_and_the_index(grid):
    assert gpkg_reader.describe(grid, "dltb") == ("geom", "fid", "rtree_dltb_geom")
    assert gpkg_reader.describe(grid, "DLTB") == ("geom", "fid", "rtree_dltb_geom")
    assert gpkg_reader.describe(grid, "missing") is None
    with edit(grid) as db:
        db.execute("DROP TABLE rtree_dltb_geom")
    assert gpkg_reader.describe(grid, "dltb") is None  # no spatial index: through QGIS


def test_describe_refuses_points_and_non_geopackages(tmp_path):
    path = tmp_path / "points.gpkg"
    source = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    source.CreateLayer("wells", None, ogr.wkbPoint)
    source = None
    assert gpkg_reader.describe(path, "wells") is None
    text = tmp_path / "not.gpkg"
    text.write_text("not a database")
    assert gpkg_reader.describe(text, "dltb") is None


def test_reads_the_features_near_the_boxes_like_plain_sql(grid):
    boxes = np.array(
        [
            [X0 + 10, Y0 + 10, X0 + 20, Y0 + 20],  # inside square (0, 0)
            [X0 + 150, Y0 + 150, X0 + 260, Y0 + 170],  # across squares (1..2, 1)
            [X0 + 85, Y0 + 5, X0 + 95, Y0 + 15],  # in the gap between (0, 0) and (1, 0)
            [X0 + 990, Y0 + 990, X0 + 995, Y0 + 995],  # beyond the grid
        ]
    )
    ids, wkbs, (codes, names, areas) = gpkg_reader.read_near(
        grid, "dltb", "geom", "fid", "rtree_dltb_geom", ["DLBM", "DLMC", "BAMJ"], boxes
    )
    expected = reference(grid, boxes)
    assert sorted(ids) == sorted(expected) == [1, 12, 13]
    for fid, wkb, code, name, area in zip(ids, wkbs, codes, names, areas):
        blob, e_code, e_name, e_area = expected[fid]
        assert shapely.from_wkb(wkb).equals_exact(square((fid - 1) % 10, (fid - 1) // 10), 0)
        assert wkb == bytes(blob[8 + 32 :])  # the WKB after the header and the xy envelope
        assert (code, name, area) == (e_code, e_name, e_area)
    assert "水田" in names and None in names  # Chinese text and NULL survive the JSON


def test_a_feature_without_geometry_comes_back_as_none(grid):
    everything = np.array([[X0 - 1e6, Y0 - 1e6, X0 + 1e6, Y0 + 1e6]])
    ids, wkbs, _ = gpkg_reader.read_near(
        grid, "dltb", "geom", "fid", "rtree_dltb_geom", [], everything
    )
    assert len(ids) == 100  # the R*-tree holds no box for the feature without geometry
    with edit(grid) as db:  # give it a box: its blob is NULL
        db.execute("INSERT INTO rtree_dltb_geom VALUES (101, ?, ?, ?, ?)", (X0, X0, Y0, Y0))
    ids, wkbs, (names,) = gpkg_reader.read_near(
        grid, "dltb", "geom", "fid", "rtree_dltb_geom", ["DLMC"], everything
    )
    by_id = dict(zip(ids, zip(wkbs, names)))
    assert by_id[101] == (None, "无图形")
    assert all(wkb is not None for fid, (wkb, _n) in by_id.items() if fid != 101)
    assert len(shapely.from_wkb([w for w, _n in by_id.values() if w is not None])) == 100


def test_many_boxes_are_sent_in_groups_and_each_feature_kept_once(grid, monkeypatch):
    monkeypatch.setattr(gpkg_reader, "MAX_BOXES_PER_QUERY", 3)
    statements = []
    original = gpkg_reader.connect_read_only

    def traced(path):
        connection = original(path)
        connection.set_trace_callback(statements.append)
        return connection

    monkeypatch.setattr(gpkg_reader, "connect_read_only", traced)
    # ten boxes over the corner where four squares almost meet: the same features each time
    boxes = np.array([[X0 + 70, Y0 + 70, X0 + 110 + k, Y0 + 110] for k in range(10)])
    ids, wkbs, (codes,) = gpkg_reader.read_near(
        grid, "dltb", "geom", "fid", "rtree_dltb_geom", ["DLBM"], boxes
    )
    assert sorted(ids) == [1, 2, 11, 12]
    assert len(wkbs) == len(codes) == 4
    assert sum(s.lstrip().startswith("WITH") for s in statements) == 4  # 3 + 3 + 3 + 1 boxes


def test_no_box_reads_nothing(grid):
    ids, wkbs, (codes,) = gpkg_reader.read_near(
        grid, "dltb", "geom", "fid", "rtree_dltb_geom", ["DLBM"], np.empty((0, 4))
    )
    assert ids == wkbs == codes == []


@pytest.mark.parametrize(
    "change, reason",
    [
        (lambda blob: b"XX" + blob[2:], "not a standard GeoPackage geometry"),
        (lambda blob: blob[:3] + bytes([blob[3] | 0x20]) + blob[4:], "not a standard"),
        (lambda blob: blob[:3] + bytes([(blob[3] & ~0x0E) | (6 << 1)]) + blob[4:], "standard"),
    ],
    ids=["not-gp-magic", "extended-type", "bad-envelope"],
)
def test_blobs_the_reader_does_not_know_are_refused(grid, change, reason):
    with edit(grid) as db:
        (blob,) = db.execute("SELECT geom FROM dltb WHERE fid = 12").fetchone()
        db.execute("UPDATE dltb SET geom = ? WHERE fid = 12", (change(bytes(blob)),))
    near = np.array([[X0 + 150, Y0 + 150, X0 + 160, Y0 + 160]])
    with pytest.raises(gpkg_reader.NotStandardGeoPackage, match=reason):
        gpkg_reader.read_near(grid, "dltb", "geom", "fid", "rtree_dltb_geom", [], near)


def test_a_blob_attribute_is_read_row_by_row(grid, caplog):
    with edit(grid) as db:
        db.execute("UPDATE dltb SET DLMC = x'00ff' WHERE fid = 12")
    near = np.array([[X0 + 150, Y0 + 150, X0 + 160, Y0 + 160]])
    with caplog.at_level("WARNING", logger="landcase.layers.gpkg_reader"):
        ids, wkbs, (names, areas) = gpkg_reader.read_near(
            grid, "dltb", "geom", "fid", "rtree_dltb_geom", ["DLMC", "BAMJ"], near
        )
    assert "row by row" in caplog.text
    expected = reference(grid, near)
    assert ids == list(expected) == [12]
    assert names == [b"\x00\xff"] and areas == [0.1 + 0.2]
    assert wkbs == [bytes(expected[12][0][40:])]


def test_without_sqlite_json_the_same_features_are_read_row_by_row(grid, monkeypatch):
    boxes = np.array(
        [[X0 + 150, Y0 + 150, X0 + 260, Y0 + 170], [X0 + 10, Y0 + 10, X0 + 20, Y0 + 20]]
    )
    columns = ["DLBM", "DLMC", "BAMJ"]
    one_row = gpkg_reader.read_near(grid, "dltb", "geom", "fid", "rtree_dltb_geom", columns, boxes)

    def no_json(*_args):
        raise sqlite3.OperationalError("no such function: json_each")

    monkeypatch.setattr(gpkg_reader, "_one_row", no_json)
    by_rows = gpkg_reader.read_near(grid, "dltb", "geom", "fid", "rtree_dltb_geom", columns, boxes)

    def by_id(read):
        ids, wkbs, values = read
        return {fid: (wkb, *(v[i] for v in values)) for i, (fid, wkb) in enumerate(zip(ids, wkbs))}

    assert by_id(one_row) == by_id(by_rows)
    assert sorted(by_id(by_rows)) == [1, 12, 13]


def test_real_values_keep_every_digit(grid):
    everything = np.array([[X0 - 1e6, Y0 - 1e6, X0 + 1e6, Y0 + 1e6]])
    ids, _wkbs, (areas,) = gpkg_reader.read_near(
        grid, "dltb", "geom", "fid", "rtree_dltb_geom", ["BAMJ"], everything
    )
    by_id = dict(zip(ids, areas))
    assert by_id[12] == 0.1 + 0.2 and by_id[13] == 1 / 3  # exactly, not 0.3 and 0.333…
    assert by_id[2] == 1.25 and by_id[1] is None


def test_a_utf16_file_is_left_to_qgis(grid, tmp_path):
    """group_concat would re-encode the blobs of a UTF-16 database."""
    for encoding in ("UTF-8", "UTF-16le"):
        copy = tmp_path / f"{encoding}.gpkg"
        db = sqlite3.connect(copy)
        db.execute(f"PRAGMA encoding = '{encoding}'")
        with sqlite3.connect(grid) as source:
            columns = source.execute("SELECT * FROM gpkg_geometry_columns").fetchall()
            features = source.execute("SELECT fid, geom, DLBM FROM dltb").fetchall()
            boxes = source.execute("SELECT * FROM rtree_dltb_geom").fetchall()
        db.execute(
            "CREATE TABLE gpkg_geometry_columns (table_name, column_name, geometry_type_name, "
            "srs_id, z, m)"
        )
        db.executemany("INSERT INTO gpkg_geometry_columns VALUES (?, ?, ?, ?, ?, ?)", columns)
        db.execute("CREATE TABLE dltb (fid INTEGER PRIMARY KEY, geom BLOB, DLBM TEXT)")
        db.executemany("INSERT INTO dltb VALUES (?, ?, ?)", features)
        db.execute("CREATE VIRTUAL TABLE rtree_dltb_geom USING rtree(id, minx, maxx, miny, maxy)")
        db.executemany("INSERT INTO rtree_dltb_geom VALUES (?, ?, ?, ?, ?)", boxes)
        db.commit()
        db.close()
        described = gpkg_reader.describe(copy, "dltb")
        assert described == (("geom", "fid", "rtree_dltb_geom") if encoding == "UTF-8" else None)
