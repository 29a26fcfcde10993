"""*Prepare field package*: the plots due for a visit go out in a folder and a zip that
QField opens: a GeoPackage, and a project whose forms, widgets, defaults, constraints and
relations are what QField reads."""

from __future__ import annotations

import zipfile

import pytest
import shapely
from field_day import PLOT_NUMBERS, database
from osgeo import ogr, osr
from qgis.core import QgsFieldConstraints, QgsProject, QgsVectorLayer

from helpers import ORIGIN
from landcase.cases import field_cases
from landcase.cases import field_codes as fc
from landcase.layers.field_package import prepare_package
from landcase.layers.field_package_gpkg import CLIP_MARGIN_M

NOT_NULL = QgsFieldConstraints.Constraint.ConstraintNotNull
EXPRESSION = QgsFieldConstraints.Constraint.ConstraintExpression


def _landuse(path) -> str:
    """A land-use layer: one polygon over the plots, one 5 km away."""
    source = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4549)
    layer = source.CreateLayer("dltb", srs, ogr.wkbMultiPolygon)
    layer.CreateField(ogr.FieldDefn("DLBM", ogr.OFTString))
    near = shapely.box(ORIGIN[0] - 1000, ORIGIN[1] - 1000, ORIGIN[0] + 2000, ORIGIN[1] + 1000)
    far = shapely.box(ORIGIN[0] + 5000, ORIGIN[1], ORIGIN[0] + 5100, ORIGIN[1] + 100)
    for code, shape in (("0101", near), ("0702", far)):
        feature = ogr.Feature(layer.GetLayerDefn())
        feature.SetField("DLBM", code)
        feature.SetGeometry(
            ogr.CreateGeometryFromWkb(shapely.to_wkb(shapely.MultiPolygon([shape])))
        )
        layer.CreateFeature(feature)
    source = None  # noqa: F841
    return f"{path}|layername=dltb"


@pytest.fixture
def store(case_target, tmp_path):
    store = database(case_target)
    store.set_layer_role("landuse", _landuse(tmp_path / "landuse.gpkg"), "ogr", {"code": "DLBM"})
    yield store
    store.close()


def test_the_package_takes_the_plots_due_and_the_database_records_it(store, tmp_path, qgis_app):
    package = prepare_package(store, tmp_path / "out", assignee="张三", filter_text="全部")
    # plots 1, 2, 5, 6 are 待核查 (核查), 3 is 整改中 (复核); 4, 已判定, is not due
    source = ogr.Open(str(package.folder / "field.gpkg"))
    plots = source.GetLayerByName("plots")
    due = {f.GetField("jcbh"): f.GetField("due") for f in plots}
    assert due == {
        PLOT_NUMBERS[0]: "核查",
        PLOT_NUMBERS[1]: "核查",
        PLOT_NUMBERS[2]: "复核",
        PLOT_NUMBERS[4]: "核查",
        PLOT_NUMBERS[5]: "核查",
    }
    plots.SetAttributeFilter(f"jcbh = '{PLOT_NUMBERS[2]}'")
    rectifying = plots.GetNextFeature()
    assert rectifying.GetField("measures") == "拆除复耕"
    assert rectifying.GetField("area_mu") == 2.4  # 1600 m² = 2.40 亩
    for table in ("verification", "photo", "new_find", "package_info"):
        assert source.GetLayerByName(table).GetFeatureCount() == 0 or table == "package_info"
    info = {f.GetField("key"): f.GetField("value") for f in source.GetLayerByName("package_info")}
    assert info["code"] == package.code and info["assignee"] == "张三"
    # the land-use layer clipped to the plots and 200 m around them: the far polygon left out
    landuse = source.GetLayerByName("landuse")
    assert landuse.GetFeatureCount() == 1 and package.roles == {"landuse": 1}
    feature = landuse.GetNextFeature()  # (kept: its geometry lives as long as it does)
    clipped = shapely.from_wkb(bytes(feature.GetGeometryRef().ExportToWkb()))
    # plots at x 0..540 (six 40 m squares 100 m apart), y 0..40, plus the margin
    expected_box = (-CLIP_MARGIN_M, -CLIP_MARGIN_M, 540 + CLIP_MARGIN_M, 40 + CLIP_MARGIN_M)
    bounds = [b - o for b, o in zip(clipped.bounds, (*ORIGIN, *ORIGIN))]
    assert bounds == pytest.approx(expected_box, abs=0.5)
    source = None

    recorded = field_cases.package(store, package.code)
    assert (recorded.name, recorded.assignee) == (package.name, "张三")
    cases = field_cases.package_cases(store, recorded.id)
    assert sorted(cases) == sorted(due)
    assert cases[PLOT_NUMBERS[2]].sent_status == "整改中" and cases[PLOT_NUMBERS[2]].due == "复核"
    assert field_cases.packages_of_case(store, 3)[0][1] == package.code
    with zipfile.ZipFile(package.zip_path) as archive:
        names = set(archive.namelist())
    assert {
        f"{package.name}/field.gpkg",
        f"{package.name}/{package.name}.qgs",
        f"{package.name}/DCIM/",
    } <= names


def _layer(project: QgsProject, name: str) -> QgsVectorLayer:
    [layer] = project.mapLayersByName(name)
    return layer


def _widget(layer: QgsVectorLayer, field: str):
    setup = layer.editorWidgetSetup(layer.fields().indexOf(field))
    return setup.type(), setup.config()


def test_the_project_is_configured_as_qfield_reads_it(store, tmp_path, qgis_app):
    package = prepare_package(store, tmp_path / "out", assignee="张三")
    text = package.project_path.read_text(encoding="utf-8")
    assert "<datasource>./field.gpkg|layername=plots</datasource>" in text  # relative paths
    project = QgsProject()
    assert project.read(str(package.project_path))
    assert project.crs().authid() == "EPSG:4549"
    assert project.customVariables()["landcase_verifier"] == "张三"
    names = {layer.name() for layer in project.mapLayers().values()}
    assert names == {
        "Plots to visit", "Field records", "Photos", "New finds", "Photos of new finds", "地类图斑"
    }  # fmt: skip
    for layer in project.mapLayers().values():
        assert layer.isValid(), layer.name()

    plots = _layer(project, "Plots to visit")
    assert plots.featureCount() == 5
    config = plots.editFormConfig()
    assert all(config.readOnly(i) for i in range(plots.fields().count()))
    assert plots.renderer().classAttribute() == "due"
    assert {c.value() for c in plots.renderer().categories()} == {"核查", "复核", "事后巡查"}

    records = _layer(project, "Field records")
    kind, config = _widget(records, "site_status")
    assert kind == "ValueMap"
    offered = [value for entry in config["map"] for value in entry.values()]
    assert offered[1:] == ["已建成", "在建", "未动工", "已拆除", "其他"]  # after the NULL entry
    kind, config = _widget(records, "actual_use")
    offered = [value for entry in config["map"] for value in entry.values()]
    assert {"厂房", "光伏", "农村宅基地", "设施农用地", "农村道路"} <= set(offered)
    kind, config = _widget(records, "reinspection_result")
    assert [v for e in config["map"] for v in e.values()][1:] == ["整改到位", "未整改到位"]
    kind, config = _widget(records, "revisit_result")
    assert [v for e in config["map"] for v in e.values()][1:] == ["无反弹", "反弹"]
    revisit = records.fields().field("revisit_result").constraints()
    assert revisit.constraintExpression().startswith("\"task\" <> '事后巡查'")
    kind, config = _widget(records, "task")
    assert [v for e in config["map"] for v in e.values()] == ["核查", "复核", "事后巡查"]
    assert _widget(records, "uuid")[0] == "UuidGenerator"
    kind, config = _widget(records, "verified_at")
    assert kind == "DateTime" and config["field_format"] == "yyyy-MM-ddTHH:mm:ss"
    defaults = {
        name: records.defaultValueDefinition(records.fields().indexOf(name)).expression()
        for name in ("uuid", "verifier", "verified_at", "task")
    }
    assert defaults["uuid"] == "uuid()" and defaults["verified_at"] == "now()"
    assert defaults["verifier"] == "@landcase_verifier"
    assert "get_feature('plots', 'jcbh', \"jcbh\")" in defaults["task"]
    for name in ("uuid", "jcbh", "task", "verifier", "verified_at"):
        constraints = records.fields().field(name).constraints()
        assert constraints.constraints() & NOT_NULL, name
    site = records.fields().field("site_status").constraints()
    assert site.constraints() & EXPRESSION
    assert site.constraintExpression().startswith("\"task\" <> '核查'")

    photos = _layer(project, "Photos")
    kind, config = _widget(photos, "path")
    assert kind == "ExternalResource"
    assert config["RelativeStorage"] == 1 and config["DocumentViewer"] == 1
    assert "'DCIM/'" in photos.customProperty("QFieldSync/attachment_naming")
    kind, config = _widget(photos, "kind")
    assert [v for e in config["map"] for v in e.values()] == ["全景", "近景", "其他"]
    finds = _layer(project, "New finds")
    assert [v for e in _widget(finds, "kind")[1]["map"] for v in e.values()] == list(fc.FIND_KINDS)
    assert _layer(project, "地类图斑").readOnly()

    find_photos = _layer(project, "Photos of new finds")
    kind, config = _widget(find_photos, "path")
    assert kind == "ExternalResource" and config["RelativeStorage"] == 1
    assert "'DCIM/'" in find_photos.customProperty("QFieldSync/attachment_naming")
    assert find_photos.fields().field("find_uuid").constraints().constraints() & NOT_NULL

    relations = project.relationManager().relations()
    assert set(relations) == {"plot_verification", "verification_photo", "find_photo"}
    assert relations["find_photo"].fieldPairs() == {"find_uuid": "uuid"}
    assert relations["find_photo"].referencedLayer().name() == "New finds"
    pairs = relations["verification_photo"].fieldPairs()
    assert pairs == {"verification_uuid": "uuid"}
    assert relations["plot_verification"].referencedLayer().name() == "Plots to visit"


def test_nothing_due_writes_nothing(store, tmp_path, qgis_app):
    with pytest.raises(field_cases.NothingDue):
        prepare_package(store, tmp_path / "out", plot_ids=[4])
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())
    assert store._db.execute("SELECT count(*) FROM field_package").fetchone()[0] == 0
