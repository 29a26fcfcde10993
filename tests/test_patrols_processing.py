"""The patrol algorithms in Processing: zones from a layer in degrees, a 巡查记录表 with its
GPX routes and photos, and the patrol report as Excel and PDF."""

from __future__ import annotations

import json

import openpyxl
import pytest
from photo_files import make_photo
from test_documents import plugin_provider  # noqa: F401
from test_patrols_routes import GPX

from helpers import small_database
from landcase.cases import CaseStore
from landcase.cases.patrol_units import NewUnit, add_unit
from landcase.cases.patrol_zones import list_zones
from landcase.cases.patrols import list_patrols


def _square(lon, lat, size=0.002):
    return [
        [[lon, lat], [lon + size, lat], [lon + size, lat + size], [lon, lat + size], [lon, lat]]
    ]


@pytest.fixture
def database(tmp_path):
    store = small_database(tmp_path / "c.sqlite", plots=1)
    add_unit(store, NewUnit("东村", township="青山镇", head="王建国", deputy="李明"))
    location = store.location
    store.close()
    return location


def test_importzones_reprojects_and_reports_the_bad_rows(plugin_provider, database, tmp_path):  # noqa: F811
    import processing

    features = [
        {"type": "Feature", "properties": {"编号": "PQ01", "名称": "东片", "等级": "中",
         "责任单位": "东村", "责任人": "张三"},
         "geometry": {"type": "Polygon", "coordinates": _square(120.0, 30.7)}},
        {"type": "Feature", "properties": {"编号": "PQ02", "名称": "西片", "等级": "特",
         "责任单位": "东村", "责任人": None},
         "geometry": {"type": "Polygon", "coordinates": _square(120.01, 30.7)}},
    ]  # fmt: skip
    source = tmp_path / "片区.geojson"
    source.write_text(
        json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False),
        encoding="utf-8",
    )
    result = processing.run("landcase:importzones", {"DATABASE": database, "INPUT": str(source)})
    assert (result["ADDED"], result["UPDATED"], result["REJECTED"]) == (1, 0, 1)
    store = CaseStore.open(database)
    try:
        [zone] = list_zones(store)
        # 120°E is EPSG:4549's central meridian: the west edge lies on the false easting
        assert zone.geometry.bounds[0] == pytest.approx(500_000.0, abs=1e-3)
        # 0.002° of latitude is about 222 m
        assert zone.geometry.bounds[3] - zone.geometry.bounds[1] == pytest.approx(221.8, abs=1)
        assert (zone.code, zone.level, zone.unit, zone.person) == ("PQ01", "中", "东村", "张三")
    finally:
        store.close()


def test_recordpatrols_and_patrolreport(plugin_provider, database, tmp_path):  # noqa: F811
    import processing
    from qgis.core import QgsProcessingException

    (tmp_path / "轨迹").mkdir()
    (tmp_path / "轨迹" / "0302.gpx").write_text(GPX, encoding="utf-8")
    make_photo(tmp_path / "照片" / "a.jpg")
    table = tmp_path / "巡查记录表.csv"
    table.write_text(
        "巡查日期,报送单位,巡查人员,发现图斑,轨迹文件,照片,备注\n"
        "2026-03-02,东村,张三、李四,,轨迹/0302.gpx,照片/a.jpg,\n"
        "2026-03-03,东村,张三,320100202601000,,,\n"
        "2026-03-04,南村,张三,,,,\n"
        "\n"
        "2026-03-05,东村,张三,,轨迹/没有.gpx,,\n",
        encoding="gbk",
    )
    run = {"DATABASE": database, "INPUT": str(table)}
    result = processing.run("landcase:recordpatrols", run)
    assert (result["RECORDED"], result["SKIPPED"], result["REJECTED"]) == (2, 0, 2)
    result = processing.run("landcase:recordpatrols", run)  # the same table again
    assert (result["RECORDED"], result["SKIPPED"], result["REJECTED"]) == (0, 2, 2)
    store = CaseStore.open(database)
    try:
        first, second = list_patrols(store, "2026-03-01", "2026-03-31")
        assert (first.started_at, first.route_source, first.no_finding) == (
            "2026-03-02T08:30", "0302.gpx", True,
        )  # fmt: skip
        assert second.plots == ("320100202601000",) and second.no_finding is False
    finally:
        store.close()

    xlsx, pdf = tmp_path / "r.xlsx", tmp_path / "r.pdf"
    result = processing.run(
        "landcase:patrolreport",
        {"DATABASE": database, "PERIOD": "2026-03", "TODAY": "2026-04-25",
         "OUTPUT_XLSX": str(xlsx), "OUTPUT_PDF": str(pdf)},
    )  # fmt: skip
    # the find of 3 March was never reported; the March 月报 is 5 days late on 25 April
    assert result["BREACHES"] == 2 and result["PAGES"] >= 1 and pdf.exists()
    sheet = openpyxl.load_workbook(xlsx)["问责情形"]
    assert [sheet.cell(row, 3).value for row in (2, 3)] == ["2026-03-03 日报", "2026-03 月报"]
    with pytest.raises(QgsProcessingException, match="2026-13"):
        processing.run(
            "landcase:patrolreport",
            {"DATABASE": database, "PERIOD": "2026-13", "OUTPUT_XLSX": str(xlsx)},
        )
