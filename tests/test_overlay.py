"""Desk comparison (内业比对): the overlay engine, the role layers, the stored rows and the
landcase:setlayerrole / landcase:overlay algorithms.

Most tests use a hand-built plot, 100 m × 100 m, over small role layers of rectangles, so
that every figure is known by construction:

    land use (x from the plot's west edge):  0–40 m 0101 水田, 40–70 m 0103 旱地,
    70–90 m 0702 农村宅基地, 90–100 m 1202 设施农用地 (south half) and 1206 裸土地 (north)
    permanent basic farmland: the south half;  red line: 0–10 m;  approval: 70–100 m;
    facility filing: 90–100 m, south half.
"""

from __future__ import annotations

import csv
import shutil
import sqlite3
import time
from pathlib import Path

import numpy as np
import pytest
import shapely
from osgeo import ogr, osr
from pyproj import Transformer

from landcase.cases import CaseStore, NewPlot
from landcase.cases import overlay_records as rec
from landcase.cases.areas import official_mu
from landcase.cases.ellipsoid_area import ellipsoidal_area
from landcase.layers import overlay_engine
from landcase.layers.overlay_engine import OverlayEngine, RoleFeatures, repair_polygons

ogr.UseExceptions()

SRID = 4549
X0, Y0 = 500_000.0, 3_400_000.0
PLOT = shapely.box(X0, Y0, X0 + 100, Y0 + 100)
APPROVAL_NUMBER = "苏政地〔2024〕12号"
FILING_NUMBER = "SN32012320240001"


def box(x1, y1, x2, y2):
    """A rectangle in metres from the plot's south-west corner."""
    return shapely.box(X0 + x1, Y0 + y1, X0 + x2, Y0 + y2)


LANDUSE = [  # (DLBM, DLMC, rectangle reaching beyond the plot)
    ("0101", "水田", box(-50, -50, 40, 150)),
    ("0103", "旱地", box(40, -50, 70, 150)),
    ("0702", "农村宅基地", box(70, -50, 90, 150)),
    ("1202", "设施农用地", box(90, -50, 150, 50)),
    ("1206", "裸土地", box(90, 50, 150, 150)),
]
FARMLAND = [box(-50, -50, 150, 50)]
REDLINE = [box(-50, -50, 10, 150)]
APPROVALS = [(APPROVAL_NUMBER, "标准厂房项目", box(70, -50, 200, 150))]
FILINGS = [(FILING_NUMBER, 480.0, box(90, -50, 100, 50))]


def ellipsoidal(geometry) -> float:
    return ellipsoidal_area(geometry, SRID)


def inside(geometry) -> shapely.Geometry:
    return shapely.intersection(geometry, PLOT)


# -- writing role layers ------------------------------------------------------------------


def write_layer(
    path: Path,
    name: str,
    geometries,
    fields: dict | None = None,
    epsg: int | None = SRID,
    driver: str = "GPKG",
) -> str:
    """A polygon layer written with GDAL (GeoPackage with its R*-tree, or a shapefile);
    returns the QGIS source. ``epsg`` None writes no CRS."""
    fields = fields or {}
    if driver == "GPKG":
        source = (
            ogr.Open(str(path), 1)
            if path.exists()
            else ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
        )
    else:
        source = ogr.GetDriverByName(driver).CreateDataSource(str(path))
    srs = None
    if epsg is not None:
        srs = osr.SpatialReference()
        srs.ImportFromEPSG(epsg)
        srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    layer = source.CreateLayer(name, srs, ogr.wkbMultiPolygon)
    for field, values in fields.items():
        kind = ogr.OFTReal if isinstance(values[0], float) else ogr.OFTString
        layer.CreateField(ogr.FieldDefn(field, kind))
    for index, geometry in enumerate(geometries):
        feature = ogr.Feature(layer.GetLayerDefn())
        for field, values in fields.items():
            feature.SetField(field, values[index])
        if geometry.geom_type == "Polygon":
            geometry = shapely.MultiPolygon([geometry])
        feature.SetGeometry(ogr.CreateGeometryFromWkb(shapely.to_wkb(geometry)))
        layer.CreateFeature(feature)
    source = None
    return f"{path}|layername={name}" if driver == "GPKG" else str(path)


def county_layers(folder: Path, landuse=LANDUSE, epsg: dict | None = None) -> dict:
    """The hand-built role layers in one GeoPackage; role → (source, fields)."""
    gpkg = folder / "roles.gpkg"
    epsg = epsg or {}
    return {
        "landuse": (
            write_layer(
                gpkg,
                "dltb",
                [g for _c, _n, g in landuse],
                {"DLBM": [c for c, _n, _g in landuse], "DLMC": [n for _c, n, _g in landuse]},
            ),
            {"code": "DLBM", "name": "DLMC"},
        ),
        "farmland": (write_layer(gpkg, "yjjbnt", FARMLAND, {"BHTBBH": ["J001"]}), {}),
        "redline": (write_layer(gpkg, "sthx", REDLINE), {}),
        "approval": (
            write_layer(
                gpkg,
                "pzyd",
                [g for _n, _m, g in APPROVALS],
                {"PZWH": [n for n, _m, _g in APPROVALS], "XMMC": [m for _n, m, _g in APPROVALS]},
            ),
            {"number": "PZWH", "name": "XMMC"},
        ),
        "facility": (
            write_layer(
                gpkg,
                "ssnyd",
                [g for _n, _a, g in FILINGS],
                {"SBBH": [n for n, _a, _g in FILINGS], "BAMJ": [a for _n, a, _g in FILINGS]},
            ),
            {"number": "SBBH", "filed_area": "BAMJ"},
        ),
    }


def new_store(path: Path, plots=((1, PLOT),)) -> CaseStore:
    store = CaseStore.create(path, SRID, user="测试员")
    store.add_plots(
        [
            NewPlot(jcbh=f"3201232026010{number:03d}", geometry=geometry)
            for number, geometry in plots
        ]
    )
    return store


def set_roles(store: CaseStore, layers: dict) -> None:
    for role, (source, fields) in layers.items():
        store.set_layer_role(role, source, "ogr", fields)


@pytest.fixture
def county(case_target, tmp_path, qgis_app, qgis_new_project):
    """A database with the hand-built plot and the role layers assigned (on each backend)."""
    store = new_store(case_target)
    set_roles(store, county_layers(tmp_path))
    yield store
    store.close()


def rows_by(rows, role, code=None):
    return [r for r in rows if r.role == role and r.class_code == code]


# -- the hand-built plot ------------------------------------------------------------------


@pytest.mark.parametrize("fast_path", [True, False], ids=["geopackage", "qgis-request"])
def test_hand_built_plot_every_figure_known(county, fast_path):
    from landcase.layers.role_layers import RoleLayers

    layers = RoleLayers(county, fast_path=fast_path)
    try:
        result = layers.overlay_store()
        counts = layers.read_counts()
    finally:
        layers.close()
    assert counts["landuse"] == ((0, 1) if fast_path else (1, 0))

    plot_id = county.list_plots()[0].plot_id
    b = rec.read_breakdown(county, plot_id)
    assert b.plot.planar_m2 == pytest.approx(10_000, rel=1e-12)
    assert b.plot.ellipsoidal_m2 == pytest.approx(ellipsoidal(PLOT), rel=1e-12)
    assert b.plot.planar_mu == 15.0

    expected = {code: inside(g) for code, _n, g in LANDUSE}
    assert sorted(c.code for c in b.landuse) == ["0101", "0103", "0702", "1202", "1206"]
    assert [c.code for c in b.landuse][:3] == ["0101", "0103", "0702"]  # largest first
    for item in b.landuse:
        assert item.area.planar_m2 == pytest.approx(expected[item.code].area, rel=1e-12)
        assert item.area.ellipsoidal_m2 == pytest.approx(ellipsoidal(expected[item.code]), rel=1e-9)
    assert {c.code: c.name for c in b.landuse}["1202"] == "设施农用地"
    assert {c.code: c.area.planar_mu for c in b.landuse} == {
        "0101": 6.0,
        "0103": 4.5,
        "0702": 3.0,
        "1202": 0.75,
        "1206": 0.75,
    }
    # 三大类 and 耕地 (1202 counts as 农用地, 1206 as 未利用地)
    assert b.classes["农用地"].planar_m2 == pytest.approx(7_500)
    assert b.classes["建设用地"].planar_m2 == pytest.approx(2_000)
    assert b.classes["未利用地"].planar_m2 == pytest.approx(500)
    assert b.cropland.planar_m2 == pytest.approx(7_000)
    assert b.cropland.ellipsoidal_m2 == pytest.approx(ellipsoidal(box(0, 0, 70, 100)), rel=1e-9)
    assert b.non_cropland_farmland.planar_m2 == pytest.approx(500)
    assert b.identity_holds and abs(b.identity_difference_m2) < 1e-6
    # the other roles
    assert b.farmland.planar_m2 == pytest.approx(5_000)
    assert b.farmland.ellipsoidal_m2 == pytest.approx(ellipsoidal(box(0, 0, 100, 50)), rel=1e-9)
    assert b.redline.planar_m2 == pytest.approx(1_000)
    assert b.urban_boundary.planar_m2 == 0  # role not set
    assert "urban_boundary" not in b.roles
    assert [(a.number, a.name) for a in b.approvals] == [(APPROVAL_NUMBER, "标准厂房项目")]
    assert b.approvals[0].share == pytest.approx(0.3, rel=1e-6)
    assert b.approved.planar_m2 == pytest.approx(3_000)
    assert [(f.number, f.filed_m2) for f in b.filings] == [(FILING_NUMBER, 480.0)]
    assert b.filings[0].area.planar_m2 == pytest.approx(500)
    assert b.checks == [] and b.repairs == []
    assert b.complete
    # 30 % approved, on 耕地: a 违法 suggestion listing what is missing
    suggestion = b.suggestion()
    assert suggestion.category == "违法"
    texts = [note.text() for note in suggestion.missing]
    assert any("30.0%" in t and APPROVAL_NUMBER in t for t in texts), texts
    assert any("耕地 10.50 亩" in n.text() for n in suggestion.reasons)
    # the versions: the geometry digest and each role layer's file state
    assert b.versions["plot"] == rec.plot_digest(county.plot_geometry(plot_id))
    assert b.versions["landuse"] and "Z/" in b.versions["landuse"]
    assert len(result.rows) == len(rec.overlay_rows(county, plot_id))


def test_both_reading_paths_give_the_same_rows(county):
    from landcase.layers.role_layers import RoleLayers

    results = []
    for fast_path in (True, False):
        layers = RoleLayers(county, fast_path=fast_path)
        try:
            results.append(layers.overlay([1], [PLOT], reuse=False).rows)
        finally:
            layers.close()
    assert sorted(results[0], key=str) == sorted(results[1], key=str)


def test_single_plot_check_keeps_pieces_for_the_map(county):
    from landcase.layers.role_layers import RoleLayers

    layers = RoleLayers(county)
    try:
        drawn = box(30, 30, 80, 80)  # a plot being drawn: not in the database
        result = layers.overlay_one(drawn)
    finally:
        layers.close()
    pieces = result.pieces[0]
    landuse = {code: g for role, code, g in pieces if role == "landuse"}
    assert set(landuse) == {"0101", "0103", "0702"}
    assert landuse["0103"].area == pytest.approx(30 * 50)
    assert shapely.equals(shapely.union_all(list(landuse.values())), drawn)
    b = result.breakdown(0)
    assert b.cropland.planar_m2 == pytest.approx(40 * 50)
    assert b.approved.planar_m2 == pytest.approx(10 * 50)


# -- the area identity --------------------------------------------------------------------


def test_area_identity_flags_a_gap_in_the_land_use(tmp_path, qgis_app, qgis_new_project):
    from landcase.layers.role_layers import RoleLayers

    holed = [
        (code, name, shapely.difference(g, box(50, 20, 60, 40)) if code == "0103" else g)
        for code, name, g in LANDUSE
    ]  # a 10 m × 20 m hole in the 旱地
    store = new_store(tmp_path / "gap.sqlite")
    set_roles(store, {"landuse": county_layers(tmp_path, landuse=holed)["landuse"]})
    layers = RoleLayers(store)
    try:
        layers.overlay_store()
    finally:
        layers.close()
    b = rec.read_breakdown(store, 1)
    assert not b.identity_holds
    assert b.identity_difference_m2 == pytest.approx(ellipsoidal(box(50, 20, 60, 40)), rel=1e-6)
    [gap] = b.check(rec.CHECK_LANDUSE_GAP)
    assert gap.amount_m2 == pytest.approx(200, rel=1e-3)
    assert sum(p.mu for p in b.identity_parts.values()) == pytest.approx(15 - 0.3, abs=0.021)
    store.close()


def test_area_identity_flags_overlapping_land_use(tmp_path, qgis_app, qgis_new_project):
    from landcase.layers.role_layers import RoleLayers

    overlapping = [*LANDUSE, ("0601", "工业用地", box(60, 60, 80, 80))]  # 400 m² twice
    store = new_store(tmp_path / "overlap.sqlite")
    set_roles(store, {"landuse": county_layers(tmp_path, landuse=overlapping)["landuse"]})
    layers = RoleLayers(store)
    try:
        layers.overlay_store()
    finally:
        layers.close()
    b = rec.read_breakdown(store, 1)
    assert not b.identity_holds
    [overlap] = b.check(rec.CHECK_LANDUSE_OVERLAP)
    assert overlap.amount_m2 == pytest.approx(400, rel=1e-3)
    store.close()


def test_identity_holds_within_a_hundredth_of_a_mu():
    rows = [
        rec.OverlayRow(1, "plot", None, None, 1000.0, 1000.0, "g"),
        rec.OverlayRow(1, "landuse", None, None, 995.0, 995.0, "v"),
        rec.OverlayRow(1, "landuse_class", "农用地", "农用地", 995.0, 995.0, "v"),
        rec.OverlayRow(1, "cropland", "耕地", "耕地", 995.0, 995.0, "v"),
    ]
    assert rec.breakdown_from_rows(rows).identity_holds  # 5 m² < 0.01 亩 (6.67 m²)
    rows[0] = rec.OverlayRow(1, "plot", None, None, 1010.0, 1010.0, "g")
    assert not rec.breakdown_from_rows(rows).identity_holds


# -- invalid geometry ---------------------------------------------------------------------


def bow_tie(x, y, size=40.0):
    """A self-intersecting quadrilateral: two triangles meeting at its centre."""
    return shapely.Polygon([(x, y), (x + size, y + size), (x + size, y), (x, y + size), (x, y)])


def test_invalid_plot_is_repaired_and_recorded(county):
    from landcase.layers.role_layers import RoleLayers

    plot = bow_tie(X0 + 10, Y0 + 10)  # two triangles of 400 m² over 0101 and 0103
    assert not plot.is_valid
    layers = RoleLayers(county)
    try:
        result = layers.overlay([7], [plot], reuse=False)
    finally:
        layers.close()
    b = result.breakdown(7)
    assert b.repairs and b.repairs[0][0] == "plot" and "自相交" in b.repairs[0][1]
    assert b.plot.planar_m2 == pytest.approx(800)
    assert b.identity_holds
    assert sum(c.area.planar_m2 for c in b.landuse) == pytest.approx(800)
    assert result.repairs[0].key == 7


def test_invalid_layer_features_are_repaired_recorded_and_never_zero(
    tmp_path, qgis_app, qgis_new_project
):
    from landcase.layers.role_layers import RoleLayers

    broken = [
        ("0101", "水田", box(-50, -50, 40, 150)),
        ("0103", "旱地", bow_tie(X0 + 40, Y0, 100)),  # bow tie across the rest of the plot
        ("0702", "农村宅基地", box(40, -50, 150, 0)),
    ]
    store = new_store(tmp_path / "broken.sqlite")
    set_roles(store, {"landuse": county_layers(tmp_path, landuse=broken)["landuse"]})
    for fast_path in (True, False):
        layers = RoleLayers(store, fast_path=fast_path)
        try:
            layers.overlay_store()
            repaired = layers.repairs("landuse")
        finally:
            layers.close()
        assert [r.role for r in repaired] == ["landuse"]
        assert "自相交" in repaired[0].reason
        b = rec.read_breakdown(store, 1)
        [(what, reason)] = b.repairs
        assert what == f"landuse:{repaired[0].key}" and "自相交" in reason
        # the repaired bow tie's two triangles: 60 × 30 / 2 each side … inside the plot
        fixed = shapely.make_valid(bow_tie(X0 + 40, Y0, 100))
        dry = {c.code: c.area.planar_m2 for c in b.landuse}
        assert dry["0103"] == pytest.approx(inside(fixed).area, rel=1e-9)
        assert dry["0103"] > 0


def test_a_geos_failure_is_retried_and_never_a_silent_zero(county, monkeypatch):
    real = shapely.intersection
    calls = {"grid": 0}

    def flaky(a, b, grid_size=None, **kwargs):
        if isinstance(a, np.ndarray):  # the vectorised call fails for the whole batch
            raise shapely.errors.GEOSException("TopologyException: side location conflict")
        hard = shapely.equals(b, FARMLAND[0])
        if grid_size is None and (hard or shapely.equals(b, APPROVALS[0][2])):
            raise shapely.errors.GEOSException("TopologyException: found non-noded intersection")
        if grid_size is not None:
            calls["grid"] += 1
            if hard:
                raise shapely.errors.GEOSException("still failing")
        return real(a, b, grid_size=grid_size, **kwargs)

    features = {
        "approval": RoleFeatures.build(
            "approval", [11], [APPROVALS[0][2]], {"number": [APPROVAL_NUMBER]}, "v"
        ),
        "farmland": RoleFeatures.build("farmland", [21], FARMLAND, {}, "v"),
        "landuse": RoleFeatures.build(
            "landuse",
            [1, 2],
            [box(-50, -50, 50, 150), box(50, -50, 150, 150)],
            {"code": ["0101", "0601"]},
            "v",
        ),
    }
    monkeypatch.setattr(overlay_engine.shapely, "intersection", flaky)
    engine = OverlayEngine(SRID, features, workers=1)
    b = engine.compute([1], [box(0, 0, 100, 100)]).breakdown(1)
    monkeypatch.undo()
    assert calls["grid"] >= 2
    # the approval: computed on a 1 mm grid, flagged approximate, not zero
    assert b.approved.planar_m2 == pytest.approx(3_000, rel=1e-6)
    assert [c.detail for c in b.check(rec.CHECK_APPROXIMATE)] == ["approval:11"]
    # the farmland: not computed at all — flagged, and the plot is not complete
    assert [c.detail for c in b.check(rec.CHECK_NOT_COMPUTED)] == ["farmland:21"]
    assert not b.complete
    assert any("could not be computed" in n.text() for n in b.suggestion().missing)
    # land use went pair by pair and is exact
    assert {c.code: c.area.planar_m2 for c in b.landuse} == pytest.approx(
        {"0101": 5_000, "0601": 5_000}
    )


def test_repair_polygons_keeps_the_polygonal_part():
    geometries = [
        bow_tie(0, 0),
        shapely.Polygon([(0, 0), (10, 0), (20, 0), (0, 0)]),  # collapsed: no area left
        shapely.box(0, 0, 1, 1),
        None,
        shapely.LineString([(0, 0), (1, 1)]),
    ]
    fixed, usable, repairs = repair_polygons(geometries, "landuse", [1, 2, 3, 4, 5])
    assert usable.tolist() == [True, False, True, False, False]
    assert [r.key for r in repairs] == [1, 2, 5]
    assert fixed[0].is_valid and fixed[0].area == pytest.approx(800)
    assert repairs[1].dropped and repairs[2].dropped


# -- CRS ----------------------------------------------------------------------------------


@pytest.mark.parametrize("epsg", [4326, 3857, 4490])
def test_a_role_layer_in_another_crs_is_transformed(tmp_path, qgis_app, qgis_new_project, epsg):
    from landcase.layers.role_layers import RoleLayers

    to_other = Transformer.from_crs(SRID, epsg, always_xy=True)
    farmland = [
        shapely.transform(g, lambda xy: np.column_stack(to_other.transform(*xy.T)))
        for g in FARMLAND
    ]
    store = new_store(tmp_path / "crs.sqlite")
    source = write_layer(tmp_path / "other.gpkg", "yjjbnt", farmland, epsg=epsg)
    store.set_layer_role("farmland", source, "ogr", {})
    layers = RoleLayers(store)
    try:
        layers.overlay_store()
        assert layers.read_counts()["farmland"] == (1, 0)  # through QGIS, transformed
    finally:
        layers.close()
    b = rec.read_breakdown(store, 1)
    assert b.farmland.planar_m2 == pytest.approx(5_000, rel=1e-6)
    store.close()


def test_a_role_layer_without_crs_is_refused(tmp_path, qgis_app, qgis_new_project):
    from qgis.core import QgsVectorLayer

    from landcase.layers.role_layers import RoleLayerError, RoleLayers, assign_role

    source = write_layer(
        tmp_path / "nocrs.shp", "nocrs", FARMLAND, epsg=None, driver="ESRI Shapefile"
    )
    layer = QgsVectorLayer(source, "nocrs", "ogr")
    assert layer.isValid() and not layer.crs().isValid()
    store = new_store(tmp_path / "nocrs.sqlite")
    with pytest.raises(RoleLayerError, match="no coordinate reference system"):
        assign_role(store, "farmland", layer)
    assert store.layer_role("farmland") is None
    # stored by another program all the same: left out of the overlay with the reason
    store.set_layer_role("farmland", source, "ogr", {})
    layers = RoleLayers(store)
    try:
        assert layers.roles == []
        assert "no coordinate reference system" in layers.problems[0].text()
    finally:
        layers.close()
    store.close()


# -- the caches ---------------------------------------------------------------------------


def test_cache_invalidated_after_an_edit_of_a_project_layer(tmp_path, qgis_app, qgis_new_project):
    from qgis.core import QgsFeature, QgsGeometry, QgsVectorLayer

    from landcase.layers.role_layers import RoleLayers

    layer = QgsVectorLayer(
        f"MultiPolygon?crs=EPSG:{SRID}&field=DLBM:string&field=DLMC:string", "地类图斑", "memory"
    )
    features = []
    for code, name, geometry in LANDUSE:
        feature = QgsFeature(layer.fields())
        feature.setAttributes([code, name])
        feature.setGeometry(QgsGeometry.fromWkt(geometry.wkt))
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    qgis_new_project.addMapLayer(layer)
    store = new_store(tmp_path / "edit.sqlite")
    store.set_layer_role("landuse", layer.source(), "memory", {"code": "DLBM", "name": "DLMC"})
    layers = RoleLayers(store)
    try:
        before = layers.overlay([1], [PLOT]).breakdown(1)
        version = layers.versions()["landuse"]
        assert layers.read_counts()["landuse"] == (1, 0)
        again = layers.overlay([1], [PLOT]).breakdown(1)  # cached: nothing read again
        assert layers.read_counts()["landuse"] == (1, 0)
        assert again.cropland == before.cropland

        layer.startEditing()  # the 旱地 becomes 农村宅基地, unsaved
        fid = next(f.id() for f in layer.getFeatures() if f["DLBM"] == "0103")
        layer.changeAttributeValue(fid, layer.fields().indexOf("DLBM"), "0702")
        after = layers.overlay([1], [PLOT]).breakdown(1)
        assert layers.read_counts()["landuse"] == (2, 0)
        assert after.cropland.planar_m2 == pytest.approx(4_000)
        assert before.cropland.planar_m2 == pytest.approx(7_000)
        assert layers.versions()["landuse"] != version
        assert "unsaved edits" in layers.versions()["landuse"]

        layer.changeGeometry(  # the 水田 shrinks by half inside the plot
            next(f.id() for f in layer.getFeatures() if f["DLBM"] == "0101"),
            QgsGeometry.fromWkt(box(-50, -50, 20, 150).wkt),
        )
        edited = layers.overlay([1], [PLOT]).breakdown(1)
        assert edited.cropland.planar_m2 == pytest.approx(2_000)
        assert edited.check(rec.CHECK_LANDUSE_GAP)[0].amount_m2 == pytest.approx(2_000, rel=1e-3)
        layer.rollBack()
        assert layers.overlay([1], [PLOT]).breakdown(1).cropland.planar_m2 == pytest.approx(7_000)
    finally:
        layers.close()
        store.close()


def test_cache_invalidated_when_the_file_changes(county, tmp_path):
    from landcase.layers.role_layers import RoleLayers

    layers = RoleLayers(county)
    try:
        assert layers.overlay([1], [PLOT]).breakdown(1).farmland.planar_m2 == pytest.approx(5_000)
        version = layers.versions()["farmland"]
        time.sleep(0.05)  # past the file system's time stamp resolution
        source = ogr.Open(str(tmp_path / "roles.gpkg"), 1)  # another program edits the file
        farmland = source.GetLayerByName("yjjbnt")
        feature = farmland.GetNextFeature()
        feature.SetGeometry(ogr.CreateGeometryFromWkb(shapely.to_wkb(box(-50, -50, 150, 80))))
        farmland.SetFeature(feature)
        source = None
        assert layers.versions()["farmland"] != version
        result = layers.overlay([1], [PLOT])
        assert result.breakdown(1).farmland.planar_m2 == pytest.approx(8_000)
        assert layers.read_counts()["farmland"] == (0, 2)
    finally:
        layers.close()


# -- stored rows --------------------------------------------------------------------------


def test_rows_are_stored_and_replaced_in_one_transaction(tmp_path, qgis_app, qgis_new_project):
    from landcase.layers.role_layers import RoleLayers

    store = new_store(tmp_path / "rows.sqlite", plots=((1, PLOT), (2, box(200, 0, 250, 50))))
    set_roles(store, county_layers(tmp_path))
    layers = RoleLayers(store)
    try:
        first = layers.overlay_store()
        assert rec.stale_plots(store, layers.versions()) == []
        count = store._db.execute("SELECT count(*) FROM overlay").fetchone()[0]
        assert count == len(first.rows)
        other = rec.overlay_rows(store, 2)

        # plot 1 is redrawn: stale; recomputed, its rows replaced, plot 2's untouched
        with store.transaction() as db:
            db.execute(
                "UPDATE plot SET geom = CastToMulti(GeomFromWKB(?, ?)) WHERE id = 1",
                (shapely.to_wkb(box(0, 0, 40, 100)), SRID),
            )
        assert rec.stale_plots(store, layers.versions()) == [1]
        layers.overlay_store([1])
        b = rec.read_breakdown(store, 1)
        assert b.plot.planar_m2 == pytest.approx(4_000)
        assert [c.code for c in b.landuse] == ["0101"]
        assert rec.overlay_rows(store, 2) == other
        assert len(rows_by(rec.overlay_rows(store, 1), "plot")) == 1
        assert rec.stale_plots(store, layers.versions()) == []

        # a role layer of another version makes every plot stale
        versions = dict(layers.versions(), farmland="another version")
        assert rec.stale_plots(store, versions) == [1, 2]
        assert rec.stale_plots(store, dict(layers.versions(), urban_boundary="v")) == [1, 2]
    finally:
        layers.close()

    # a failing write leaves the earlier rows as they were
    before = rec.overlay_rows(store, 1)
    with pytest.raises(sqlite3.IntegrityError):
        rec.save_overlay(store, [rec.OverlayRow(1, None, None, None, 1.0, 1.0, "v")])
    assert rec.overlay_rows(store, 1) == before
    store.close()


def test_result_reuse_for_unchanged_plots(county):
    from landcase.layers.role_layers import RoleLayers

    layers = RoleLayers(county)
    try:
        first = layers.overlay([1, 2], [PLOT, box(0, 0, 50, 50)])
        calls = []
        real = layers.engine

        def counting(geometries=()):
            calls.append(len(geometries))
            return real(geometries)

        layers.engine = counting
        second = layers.overlay([1, 2, 3], [PLOT, box(0, 0, 50, 50), box(0, 0, 20, 20)])
        assert calls == [1]  # only plot 3 was computed
        assert set(first.rows) < set(second.rows)
        assert second.plot_ids == [1, 2, 3]
    finally:
        layers.close()


# -- roles --------------------------------------------------------------------------------


def test_role_definitions_and_fields():
    assert list(rec.ROLES) == [
        "landuse", "farmland", "redline", "urban_boundary", "approval", "facility",
        "temporary", "township", "village", "raster_before", "raster_after",
    ]  # fmt: skip
    assert rec.ROLES["landuse"].field_keys == ("code", "name")
    assert rec.ROLES["approval"].required_keys == ("number",)
    assert rec.ROLES["facility"].required_keys == ("number", "filed_area")
    assert rec.ROLES["raster_after"].kind == "raster"
    assert rec.suggest_role_fields("landuse", ["bsm", "dlbm", "DLMC"]) == {
        "code": "dlbm",
        "name": "DLMC",
    }
    assert rec.check_role_fields("landuse", {"code": "DLBM"}, ["DLBM"]) == []
    problems = [t for t, _p in rec.check_role_fields("approval", {"nope": "X"}, ["PZWH"])]
    assert problems == [
        "{key} is not a field of the {role} role (its fields: {known})",
        "the {role} role needs the field {key}",
    ]
    assert rec.check_role_fields("landuse", {"code": "DLBM"}, ["XX"])[0][1]["name"] == "DLBM"
    with pytest.raises(rec.RoleError, match="not a layer role"):
        rec.role_definition("roads")


def test_restored_roles_report_a_missing_source(tmp_path, qgis_app, qgis_new_project):
    from landcase.layers.role_layers import RoleLayers, restore_roles

    store = new_store(tmp_path / "restore.sqlite")
    layers_written = county_layers(tmp_path)
    set_roles(store, {"landuse": layers_written["landuse"]})
    store.set_layer_role("farmland", str(tmp_path / "gone.gpkg") + "|layername=x", "ogr", {})
    store.set_layer_role("raster_after", str(tmp_path / "hsx.tif"), "gdal", {})
    restored = {r.role: r for r in restore_roles(store)}
    assert not restored["landuse"].missing
    assert restored["farmland"].missing and "does not exist" in restored["farmland"].reason
    assert restored["raster_after"].missing
    assert [r.role for r in restore_roles(store)] == ["landuse", "farmland", "raster_after"]
    layers = RoleLayers(store)
    try:
        assert layers.roles == ["landuse"]  # the overlay goes on without the missing one
        assert "gone.gpkg" in layers.problems[0].text()
        b = layers.overlay([1], [PLOT]).breakdown(1)
        assert b.cropland.planar_m2 == pytest.approx(7_000)
        assert "farmland" not in b.roles
    finally:
        layers.close()
    store.close()


# -- suggestions --------------------------------------------------------------------------


def _rows(plot_m2=1000.0, **roles):
    rows = [rec.OverlayRow(1, "plot", None, None, plot_m2, plot_m2, "g")]
    for role, items in roles.items():
        total = sum(area for _code, area in items) if role != "facility_filed" else None
        if total is not None:
            rows.append(rec.OverlayRow(1, role, None, None, total, total, "v"))
        for code, area in items:
            ellipsoidal_m2 = None if role == "facility_filed" else area
            rows.append(rec.OverlayRow(1, role, code, None, area, ellipsoidal_m2, "v"))
    return rows


def test_suggestion_legal_by_approval():
    rows = _rows(approval=[("苏政地〔2023〕5号", 960.0)], landuse=[("0601", 1000.0)])
    # 永久基本农田 not compared: nothing is suggested (not computed is not zero)
    assert rec.breakdown_from_rows(rows).suggestion() is None
    rows = _rows(approval=[("苏政地〔2023〕5号", 960.0)], landuse=[("0601", 1000.0)], farmland=[])
    suggestion = rec.breakdown_from_rows(rows).suggestion()
    assert suggestion.label == "合法-批文"
    assert suggestion.evidence == {"approval_number": "苏政地〔2023〕5号", "covered_share": 0.96}
    from landcase.cases.determination_codes import check_evidence

    assert check_evidence(suggestion.category, suggestion.subtype, suggestion.evidence).ok


def test_suggestion_facility_farmland_and_filed_less_than_occupied():
    rows = _rows(
        landuse=[("1202", 900.0), ("0101", 100.0)],
        facility=[(FILING_NUMBER, 980.0)],
        facility_filed=[(FILING_NUMBER, 1000.0)],
        farmland=[],
    )
    suggestion = rec.breakdown_from_rows(rows).suggestion()
    assert suggestion.category == "设施农用地"
    assert suggestion.evidence["facility_record_number"] == FILING_NUMBER
    assert suggestion.evidence["filed_area_m2"] == 1000.0

    rows = _rows(
        landuse=[("1202", 1000.0)],
        facility=[(FILING_NUMBER, 600.0)],
        facility_filed=[(FILING_NUMBER, 600.0)],
        farmland=[],
    )
    suggestion = rec.breakdown_from_rows(rows).suggestion()
    assert suggestion.category == "违法"
    assert any("备少占多" in n.text() for n in suggestion.missing)


def test_suggestion_illegal_lists_the_missing_evidence():
    rows = _rows(landuse=[("0101", 1000.0)], cropland=[("耕地", 1000.0)], approval=[], farmland=[])
    suggestion = rec.breakdown_from_rows(rows).suggestion()
    assert suggestion.category == "违法"
    assert [n.text() for n in suggestion.missing] == ["no approval (批准文号) covers the plot"]
    assert suggestion.reasons[0].text() == "occupies 耕地 1.50 亩"


def test_mu_rounds_half_up():
    # From the exact m² (亩 = m² × 15 / 10000): 670 m² is exactly 1.005 亩, half up 1.01,
    # where the float quotient 670 / 666.66… = 1.00499… would give 1.00.
    assert official_mu(670.0) == 1.01
    assert official_mu(669.9999) == 1.0  # 1.00499985 亩
    assert official_mu(83.4) == 0.13  # 0.1251 亩
    assert official_mu(10000 / 15 * 2.0049) == 2.0
    assert official_mu(None) is None


# -- the engine ---------------------------------------------------------------------------


def test_single_plot_and_bulk_give_the_same_rows(demo_database, demo_sample, tmp_path, qgis_app):
    from landcase.layers.role_layers import RoleLayers

    database = tmp_path / "demo.sqlite"
    shutil.copy(demo_database, database)
    store = CaseStore.open(database)
    county = demo_sample / "county.gpkg"
    set_roles(store, _sample_roles(county))
    plots = rec.plot_geometries(store)[:150]
    ids = [p[0] for p in plots]
    geometries = shapely.from_wkb([p[2] for p in plots])
    layers = RoleLayers(store)
    try:
        engine = layers.engine(geometries)
        bulk = engine.compute(ids, geometries, chunk_size=40)
        one = [r for pid, g in zip(ids, geometries) for r in engine.compute_one(g, pid).rows]
        processes = OverlayEngine(SRID, engine.roles, workers=2, parallel="processes").compute(
            ids, geometries, chunk_size=40
        )
    finally:
        layers.close()
        store.close()

    def normal(rows):
        return sorted(
            (r.plot_id, r.role, r.class_code or "", r.class_name or "",
             round(r.area_planar_m2, 6), round(r.area_ellipsoidal_m2 or 0.0, 6))
            for r in rows
        )  # fmt: skip

    assert normal(bulk.rows) == normal(one) == normal(processes.rows)
    assert {r.role for r in bulk.rows} >= {"plot", "landuse", "farmland", "approval", "facility"}


def _sample_roles(county: Path) -> dict:
    return {
        "landuse": (f"{county}|layername=dltb", {"code": "DLBM", "name": "DLMC"}),
        "farmland": (f"{county}|layername=yjjbnt", {}),
        "approval": (f"{county}|layername=pzyd", {"number": "PZWH", "name": "XMMC"}),
        "facility": (f"{county}|layername=ssnyd", {"number": "SBBH", "filed_area": "BAMJ"}),
    }


def test_areas_equal_qgis_native_intersection(
    demo_database, demo_sample, tmp_path, qgis_processing
):
    """Per plot, the land-use and farmland areas equal QGIS's native:intersection with
    $area sums, to 1e-9 relative."""
    import processing
    from qgis.core import QgsVectorLayer

    from landcase.layers.plot_layer import spatialite_uri
    from landcase.layers.role_layers import RoleLayers

    database = tmp_path / "demo.sqlite"
    shutil.copy(demo_database, database)
    store = CaseStore.open(database)
    county = demo_sample / "county.gpkg"
    set_roles(store, _sample_roles(county))
    plots = rec.plot_geometries(store)
    chosen = [p[0] for p in plots[::25]]  # 20 or so plots across the county
    layers = RoleLayers(store)
    try:
        layers.overlay_store(chosen)
    finally:
        layers.close()
    plot_layer = QgsVectorLayer(spatialite_uri(store.plot_layer_source()), "plot", "spatialite")
    plot_layer.setSubsetString(f"id IN ({', '.join(map(str, chosen))})")
    for role, table in (("landuse", "dltb"), ("farmland", "yjjbnt")):
        overlay = QgsVectorLayer(f"{county}|layername={table}", table, "ogr")
        output = processing.run(
            "native:intersection",
            {"INPUT": plot_layer, "OVERLAY": overlay, "INPUT_FIELDS": ["id"], "OUTPUT": "memory:"},
        )["OUTPUT"]
        qgis_sums: dict[int, float] = {}
        for feature in output.getFeatures():
            qgis_sums[feature["id"]] = qgis_sums.get(feature["id"], 0.0) + feature.geometry().area()
        for plot_id in chosen:
            ours = rows_by(rec.overlay_rows(store, plot_id), role)[0].area_planar_m2
            theirs = qgis_sums.get(plot_id, 0.0)
            assert ours == pytest.approx(theirs, rel=1e-9, abs=1e-9), (role, plot_id)
        assert len(qgis_sums) > 5
    store.close()


# -- the Processing algorithms ------------------------------------------------------------


def test_setlayerrole_then_overlay_in_processing(
    demo_database, demo_sample, tmp_path, qgis_processing
):
    import processing
    from qgis.core import QgsProcessingException

    from landcase.plugin.processing.overlay import OverlayAlgorithm
    from landcase.plugin.processing.set_layer_role import SetLayerRoleAlgorithm

    database = tmp_path / "demo.sqlite"
    shutil.copy(demo_database, database)
    store = CaseStore.open(database)  # the demo before its desk comparison was set up
    with store.transaction() as db:
        db.execute("DELETE FROM layer_role WHERE role NOT IN ('township', 'village')")
        db.execute("DELETE FROM overlay")
    store.close()
    county = demo_sample / "county.gpkg"
    result = processing.run(
        SetLayerRoleAlgorithm(),
        {
            "DATABASE": str(database),
            "ROLE": "landuse",
            "INPUT": f"{county}|layername=dltb",
            "FIELDS": '{"code": "DLBM"}',
        },
    )
    assert result["ROLE"] == "landuse"
    assert '"name": "DLMC"' in result["FIELDS"]  # found under its usual name
    processing.run(
        SetLayerRoleAlgorithm(),
        {"DATABASE": str(database), "ROLE": "farmland", "INPUT": f"{county}|layername=yjjbnt"},
    )
    with pytest.raises(QgsProcessingException, match="NOPE"):
        processing.run(
            SetLayerRoleAlgorithm(),
            {
                "DATABASE": str(database),
                "ROLE": "approval",
                "INPUT": f"{county}|layername=pzyd",
                "FIELDS": '{"number": "NOPE"}',
            },
        )
    store = CaseStore.open(database)
    assert store.layer_role("landuse").fields == {"code": "DLBM", "name": "DLMC"}
    assert store.layer_role("approval") is None
    numbers = sorted(p.jcbh for p in store.list_plots())
    prefix = numbers[0][:-1]
    selected = [n for n in numbers if n.startswith(prefix)]
    store.close()

    csv_path = tmp_path / "overlay.csv"
    result = processing.run(
        OverlayAlgorithm(),
        {"DATABASE": str(database), "FILTER": f"jcbh LIKE '{prefix}%'", "OUTPUT": str(csv_path)},
    )
    assert result["PLOTS"] == len(selected)
    with open(csv_path, encoding="utf-8-sig", newline="") as handle:
        lines = list(csv.reader(handle))
    assert tuple(lines[0]) == rec.CSV_HEADER and lines[0][1] == "图层角色"
    assert {line[0] for line in lines[1:]} == set(selected)
    assert {line[1] for line in lines[1:]} >= {"图斑", "地类图斑", "三大类", "永久基本农田"}
    plot_line = next(line for line in lines[1:] if line[1] == "图斑")
    assert float(plot_line[8]) == pytest.approx(float(plot_line[7]) * 15 / 10000, abs=0.006)
    store = CaseStore.open(database)
    computed = store._db.execute("SELECT count(DISTINCT plot_id) FROM overlay").fetchone()[0]
    assert computed == len(selected)
    store.close()

    everything = processing.run(OverlayAlgorithm(), {"DATABASE": str(database)})
    assert everything["PLOTS"] == len(numbers) and "OUTPUT" not in everything
    with pytest.raises(QgsProcessingException, match="nope"):
        processing.run(OverlayAlgorithm(), {"DATABASE": str(database), "FILTER": "nope = 1"})
    with pytest.raises(QgsProcessingException, match="not valid"):
        processing.run(OverlayAlgorithm(), {"DATABASE": str(database), "FILTER": "jcbh LIKE"})


def test_overlay_refuses_a_database_without_roles(tmp_path, qgis_processing):
    import processing
    from qgis.core import QgsProcessingException

    from landcase.plugin.processing.overlay import OverlayAlgorithm

    new_store(tmp_path / "empty.sqlite").close()
    with pytest.raises(QgsProcessingException, match="setlayerrole"):
        processing.run(OverlayAlgorithm(), {"DATABASE": str(tmp_path / "empty.sqlite")})


def test_overlay_task_runs_and_stores(county, qgis_app):
    from landcase.layers.role_layers import OverlayTask

    # Closed first: CaseStore.open reads the file header, which a connection still holding
    # the freshly created database in its WAL has not written yet.
    path = county.location
    county.close()
    task = OverlayTask(path)
    assert task.run(), task.error
    assert task.computed_plots == 1 and task.finished_rows > 10
    store = CaseStore.open(path)
    assert rec.read_breakdown(store, 1).cropland.planar_m2 == pytest.approx(7_000)
    store.close()

    canceled = OverlayTask(path)
    canceled.cancel()
    assert not canceled.run()


def test_csv_lines_in_chinese(tmp_path):
    rows = [
        rec.OverlayRow(1, "plot", None, None, 1000.004, 999.996, "g"),
        rec.OverlayRow(1, "landuse", None, None, 1000.0, 1000.0, "v"),
        rec.OverlayRow(1, "landuse", "0101", "水田", 670.0, 670.0, "v"),
        rec.OverlayRow(1, "landuse", "", "菜地", 330.0, 330.0, "v"),
        rec.OverlayRow(1, "farmland", None, None, 0.0, 0.0, "v"),
        rec.OverlayRow(1, "approval", "苏政地〔2024〕12号", "标准厂房项目", 300.0, 300.3, "v"),
        rec.OverlayRow(1, "facility_filed", "SN1", None, 666.67, None, "v"),
        rec.OverlayRow(1, "check", rec.CHECK_UNKNOWN_CODE, "菜地", 330.0, None, "v"),
        rec.OverlayRow(1, "check", rec.CHECK_NOT_COMPUTED, "farmland:21", 0.0, None, "v"),
    ]
    path = rec.write_csv(rows, {1: "320123202601001"}, tmp_path / "o.csv")
    assert path.read_bytes()[:3] == b"\xef\xbb\xbf"  # UTF-8 with BOM, for Excel
    with open(path, encoding="utf-8-sig", newline="") as handle:
        lines = list(csv.reader(handle))
    assert lines[0] == [
        "监测编号",
        "图层角色",
        "地类编码",
        "地类名称",
        "编号",
        "名称",
        "平面面积(平方米)",
        "椭球面积(平方米)",
        "椭球面积(亩)",
        "说明",
    ]
    jcbh = "320123202601001"
    # 999.996 m² × 15 / 10000 = 1.499994 亩 → 1.50
    assert lines[1] == [jcbh, "图斑", "", "", "", "", "1000.00", "1000.00", "1.50", ""]
    assert lines[2] == [jcbh, "地类图斑", "", "", "", "", "1000.00", "1000.00", "1.50", "合计"]
    # 670 m² is exactly 1.005 亩: half up 1.01
    assert lines[3] == [jcbh, "地类图斑", "0101", "水田", "", "", "670.00", "670.00", "1.01", ""]
    # 330 m² × 15 / 10000 = 0.495 亩 → 0.50
    assert lines[4][:9] == [jcbh, "地类图斑", "", "菜地", "", "", "330.00", "330.00", "0.50"]
    assert lines[4][9] == "地类名称未对应地类编码"
    assert lines[5] == [jcbh, "永久基本农田", "", "", "", "", "0.00", "0.00", "0.00", ""]
    # 300.3 m² × 15 / 10000 = 0.45045 亩 → 0.45
    assert lines[6] == [
        jcbh, "批准用地", "", "", "苏政地〔2024〕12号", "标准厂房项目",
        "300.00", "300.30", "0.45", "",
    ]  # fmt: skip
    # the filed area is no overlay: no area cells, said in 说明 (666.67 m² = 1.000005 亩)
    assert lines[7][:9] == [jcbh, "设施农用地备案", "", "", "SN1", "", "", "", ""]
    assert lines[7][9] == "备案面积 666.67 平方米（1.00 亩）"
    assert lines[8][1] == "核查提示" and lines[8][6:9] == ["", "", ""]
    assert lines[8][9] == "地类名称 菜地 未对应地类编码，330.00 平方米未计入三大类"
    assert lines[9][9] == "永久基本农田要素 21 与图斑的叠加未能计算，面积未计入，请检查"
    assert not any(cell in ("plot", "landuse", "check") for line in lines for cell in line)


def test_a_geopackage_unfit_for_the_fast_path_is_read_through_qgis(county, monkeypatch):
    from landcase.layers import role_layers
    from landcase.layers.role_layers import RoleLayers

    def unfit(self, entry, bounds):
        raise role_layers._FastPathUnavailable("an extended geometry type")

    monkeypatch.setattr(RoleLayers, "_read_gpkg", unfit)
    plots = [box(i * 3, 0, i * 3 + 2, 100) for i in range(30)]  # a bulk run: worker threads
    layers = RoleLayers(county, workers=2)
    try:
        result = layers.overlay(list(range(1, 31)), plots, reuse=False)
        counts = layers.read_counts()
    finally:
        layers.close()
    assert counts["landuse"] == (1, 0) and counts["farmland"] == (1, 0)
    farmland = {r.plot_id: r.area_planar_m2 for r in result.rows if r.role == "farmland"}
    assert farmland == pytest.approx({i: 100.0 for i in range(1, 31)})


def test_curved_role_features_are_segmentized(tmp_path, qgis_app, qgis_new_project):
    from landcase.layers.role_layers import RoleLayers

    gpkg = tmp_path / "curved.gpkg"
    source = ogr.GetDriverByName("GPKG").CreateDataSource(str(gpkg))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(SRID)
    layer = source.CreateLayer("yjjbnt", srs, ogr.wkbCurvePolygon)
    feature = ogr.Feature(layer.GetLayerDefn())
    x, y = X0 + 50, Y0 + 50  # a disc of radius 30 m, as a circular arc
    feature.SetGeometry(
        ogr.CreateGeometryFromWkt(
            f"CURVEPOLYGON(CIRCULARSTRING({x - 30} {y}, {x + 30} {y}, {x - 30} {y}))"
        )
    )
    layer.CreateFeature(feature)
    source = None
    store = new_store(tmp_path / "curved.sqlite")
    store.set_layer_role("farmland", f"{gpkg}|layername=yjjbnt", "ogr", {})
    layers = RoleLayers(store)
    try:
        b = layers.overlay([1], [PLOT]).breakdown(1)
    finally:
        layers.close()
    assert b.farmland.planar_m2 == pytest.approx(np.pi * 30**2, rel=2e-3)
    store.close()


REGISTERED = "OverlayAlgorithm" in (
    Path(__file__).resolve().parent.parent / "plugin" / "processing" / "provider.py"
).read_text(encoding="utf-8")


@pytest.mark.skipif(not REGISTERED, reason="landcase:overlay is not registered in provider.py")
def test_setlayerrole_and_overlay_headless_with_qgis_process(demo_sample, tmp_path):
    import json
    import subprocess

    from helpers import qgis_subprocess_env
    from tools.qgis_profile import make_profile

    profiles = tmp_path / "qgis-process"
    make_profile(profiles, name="default")
    environment = qgis_subprocess_env(profiles)

    def run(*args):
        return subprocess.run(
            ["qgis_process.bin", "--json", "run", *args],
            env=environment,
            capture_output=True,
            text=True,
            timeout=300,
        )

    database = tmp_path / "station.sqlite"
    new_store(database, plots=((1, PLOT),)).close()
    county = demo_sample / "county.gpkg"
    for role, table, fields in (
        ("landuse", "dltb", '{"code": "DLBM"}'),
        ("farmland", "yjjbnt", ""),
    ):
        arguments = [f"DATABASE={database}", f"ROLE={role}", f"INPUT={county}|layername={table}"]
        if fields:
            arguments.append(f"FIELDS={fields}")
        done = run("landcase:setlayerrole", "--", *arguments)
        assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    output = tmp_path / "overlay.csv"
    done = run("landcase:overlay", "--", f"DATABASE={database}", f"OUTPUT={output}")
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    results = json.loads(done.stdout)["results"]
    assert results["PLOTS"] == 1 and results["ROWS"] > 3
    with open(output, encoding="utf-8-sig", newline="") as handle:
        lines = list(csv.reader(handle))
    assert lines[0] == list(rec.CSV_HEADER) and {line[1] for line in lines[1:]} >= {
        "图斑",
        "地类图斑",
    }
    refused = run(
        "landcase:setlayerrole",
        "--",
        f"DATABASE={database}",
        "ROLE=farmland",
        f"INPUT={write_layer(tmp_path / 'nocrs.shp', 'nocrs', FARMLAND, epsg=None, driver='ESRI Shapefile')}",
    )
    assert refused.returncode != 0
    assert "no coordinate reference system" in refused.stdout + refused.stderr


def test_a_role_layer_removed_from_the_project(county, tmp_path, qgis_new_project):
    from qgis.core import QgsVectorLayer

    from landcase.layers.role_layers import RoleLayers

    project_layer = QgsVectorLayer(county.layer_role("farmland").source, "永久基本农田", "ogr")
    qgis_new_project.addMapLayer(project_layer)
    layers = RoleLayers(county)
    try:
        assert layers.layer("farmland").id() == project_layer.id()
        assert layers.overlay([1], [PLOT]).breakdown(1).farmland.planar_m2 == pytest.approx(5_000)
        qgis_new_project.removeMapLayer(project_layer.id())
        again = layers.overlay([1], [box(0, 0, 50, 100)]).breakdown(1)
        assert again.farmland.planar_m2 == pytest.approx(2_500)
        assert layers.layer("farmland") is not None and "farmland" in layers.roles
    finally:
        layers.close()


def test_no_role_set_gives_the_plot_area_only(tmp_path, qgis_app, qgis_new_project):
    from landcase.layers.role_layers import RoleLayers

    rows = OverlayEngine(SRID, {}).compute([1], [PLOT]).rows
    assert [r.role for r in rows] == ["plot"]
    store = new_store(tmp_path / "bare.sqlite")
    layers = RoleLayers(store)
    try:
        many = [box(i * 3, 0, i * 3 + 2, 100) for i in range(300)]  # the threaded path too
        result = layers.overlay(list(range(300)), many, reuse=False)
    finally:
        layers.close()
    assert {r.role for r in result.rows} == {"plot"} and len(result.plot_ids) == 300
    b = result.breakdown(0)
    # no layer assigned: nothing is suggested (it was 违法 before issue 11)
    assert b.identity_holds is None and b.suggestion() is None
    assert b.roles_for_suggestion_missing == ["landuse", "farmland"]
    store.close()


def test_the_demo_has_its_desk_comparison(demo_database):
    """`make run` opens a demo whose plots are compared with the sample county's layers."""
    store = CaseStore.open(demo_database)
    try:
        roles = {r: store.layer_role(r) for r in ("landuse", "farmland", "approval", "facility")}
        assert all(roles.values()), roles
        plots = store.list_plots()
        compared = store._db.execute("SELECT count(DISTINCT plot_id) FROM overlay").fetchone()[0]
        assert compared == len(plots) > 400
        landuse = store._db.execute(
            "SELECT count(DISTINCT plot_id) FROM overlay WHERE role = 'landuse'"
        ).fetchone()[0]
        assert landuse == len(plots)
        b = rec.read_breakdown(store, plots[0].plot_id)
        assert b.landuse and b.suggestion is not None
    finally:
        store.close()
