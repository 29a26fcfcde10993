"""A land-use layer with only names (DLMC), as village and township layers often are, in
二调 wording: the names map to 三调 codes (三调 names by the classification, 二调 names by
the 二调→三调 correspondence), the mapping is stored with the role and can be edited, names
that map to nothing are listed and never stored as codes; a required field that is not
found is named, never taken from an unrelated field.

The hand-built plot is 100 m × 100 m (EPSG:4549); the land-use layer is strips across it
(x from the plot's west edge), each reaching 50 m beyond the plot north and south:

    0–30 m 有林地 (二调 031 → 0301 乔木林地)    30–50 m 村庄 (203 → 0702 农村宅基地)
    50–65 m 建制镇 (202 → 0701 城镇住宅用地)    65–80 m 水田 (0101, 耕地)
    80–90 m 裸地 (127 → 1206 裸土地)            90–95 m 坑塘水面 (1104, 农用地)
    95–100 m 菜地 (no 二调 or 三调 class: maps to nothing)
and one feature away from the plot, 城市 (201 → 0701).
"""

from __future__ import annotations

import csv

import pytest
from qgis.core import QgsProcessingException, QgsVectorLayer
from test_overlay import FARMLAND, PLOT, box, new_store, write_layer

from landcase.cases import overlay_records as rec
from landcase.cases.landuse_names import code_for_name, name_mapping
from landcase.layers.role_layers import (
    RoleLayerError,
    RoleLayers,
    assign_role,
    unmapped_names,
)

STRIPS = [  # (DLMC, x from, x to)
    ("有林地", 0, 30),
    ("村庄", 30, 50),
    ("建制镇", 50, 65),
    ("水田", 65, 80),
    ("裸地", 80, 90),
    ("坑塘水面", 90, 95),
    ("菜地", 95, 100),
]
FAR_AWAY = ("城市", box(1000, 1000, 1100, 1100))
EXPECTED_MAPPING = {
    "有林地": "0301",
    "村庄": "0702",
    "建制镇": "0701",
    "水田": "0101",
    "裸地": "1206",
    "坑塘水面": "1104",
    "城市": "0701",
}


def names_only_layer(folder, field="DLMC", extra=None) -> str:
    geometries = [box(x1, -50, x2, 150) for _n, x1, x2 in STRIPS] + [FAR_AWAY[1]]
    names = [n for n, _x1, _x2 in STRIPS] + [FAR_AWAY[0]]
    fields = {field: names}
    if extra:
        fields.update(extra)
    return write_layer(folder / "village.gpkg", "dltb", geometries, fields)


def test_erdiao_and_sandiao_names_map_to_sandiao_codes():
    erdiao = {  # 二调 name: 三调 code, by the published correspondence (main class)
        "有林地": "0301",
        "灌木林地": "0305",
        "其他林地": "0307",
        "天然牧草地": "0401",
        "人工牧草地": "0403",
        "其他园地": "0204",
        "村庄": "0702",
        "建制镇": "0701",
        "城市": "0701",
        "采矿用地": "0602",
        "风景名胜及特殊用地": "09",
        "铁路用地": "1001",
        "公路用地": "1003",
        "农村道路": "1006",
        "水库水面": "1103",
        "坑塘水面": "1104",
        "沟渠": "1107",
        "水工建筑用地": "1109",
        "设施农用地": "1202",
        "田坎": "1203",
        "盐碱地": "1204",
        "沼泽地": "1108",
        "沙地": "1205",
        "裸地": "1206",
        "空闲地": "1201",
        "街巷用地": "1004",
    }
    for name, code in erdiao.items():
        assert code_for_name(name) == code, name
    sandiao = {
        "乔木林地": "0301",
        "旱地": "0103",
        "商业服务业设施用地": "05H1",
        "广场用地": "0810A",
    }
    for name, code in sandiao.items():
        assert code_for_name(name) == code, name
    assert code_for_name("零售商业用地") == "05H1"  # GB/T 21010-2017 class 三调 merges
    assert code_for_name(" 有林地\u3000") == "0301"  # spaces, also full-width, taken off
    assert code_for_name("可调整果园") == "0201"  # 二调's 可调整 class: the class itself
    assert code_for_name("菜地") is None and code_for_name("") is None
    mapping, unmatched = name_mapping(["村庄", "菜地", None, "", "村庄", "水田"])
    assert mapping == {"村庄": "0702", "水田": "0101"} and unmatched == ["菜地"]


@pytest.mark.parametrize("fast_path", [True, False], ids=["gpkg", "qgis"])
def test_a_dlmc_only_layer_with_erdiao_names(tmp_path, qgis_app, qgis_new_project, fast_path):
    store = new_store(tmp_path / "station.sqlite")
    layer = QgsVectorLayer(names_only_layer(tmp_path), "地类图斑", "ogr")
    stored = assign_role(store, "landuse", layer)
    assert stored == {"name": "DLMC", "name_to_code": EXPECTED_MAPPING}  # no code field
    assert store.layer_role("landuse").fields == stored
    assert unmapped_names(layer, stored) == ["菜地"]  # listed, not stored
    assign_role(store, "farmland", QgsVectorLayer(write_layer(
        tmp_path / "village.gpkg", "yjjbnt", FARMLAND), "永久基本农田", "ogr"))  # fmt: skip

    layers = RoleLayers(store, fast_path=fast_path)
    try:
        rows = layers.overlay([1], [PLOT]).rows
    finally:
        layers.close()
    by_code = {
        (r.class_code, r.class_name): r.area_planar_m2 for r in rows if r.role == rec.LANDUSE
    }
    # each strip is 100 m long inside the plot: width × 100 m²
    assert by_code == pytest.approx(
        {
            ("0301", "乔木林地"): 30 * 100,
            ("0702", "农村宅基地"): 20 * 100,
            ("0701", "城镇住宅用地"): 15 * 100,
            ("0101", "水田"): 15 * 100,
            ("1206", "裸土地"): 10 * 100,
            ("1104", "坑塘水面"): 5 * 100,
            ("", "菜地"): 5 * 100,  # the name kept, no code
            (None, None): 100 * 100,  # the role's total
        }
    )
    assert not {r.class_code for r in rows} & set(EXPECTED_MAPPING)  # no name as a code
    classes = {r.class_code: r.area_planar_m2 for r in rows if r.role == rec.LANDUSE_CLASS}
    assert classes == pytest.approx(
        {
            "农用地": (30 + 15 + 5) * 100,  # 0301, 0101, 1104
            "建设用地": (20 + 15) * 100,  # 0702, 0701
            "未利用地": 10 * 100,  # 1206
        }
    )
    breakdown = rec.breakdown_from_rows(rows)
    assert breakdown.cropland.planar_m2 == pytest.approx(1_500)  # 水田 only
    assert breakdown.cropland.mu == 2.25  # 1500 × 15 / 10000
    assert breakdown.farmland.planar_m2 == pytest.approx(5_000)  # the south half
    unknown = breakdown.check(rec.CHECK_UNKNOWN_CODE)
    assert [c.detail for c in unknown] == ["菜地"]
    # 菜地 is under the plot but in no class: the area identity misses its 500 m²
    assert breakdown.identity_difference_m2 == pytest.approx(500, rel=1e-3)
    assert breakdown.identity_holds is False
    store.close()


def test_the_edited_mapping_is_stored_and_used(tmp_path, qgis_app, qgis_new_project):
    store = new_store(tmp_path / "station.sqlite")
    layer = QgsVectorLayer(names_only_layer(tmp_path, field="地类名称"), "地类图斑", "ogr")
    assign_role(store, "landuse", layer)
    assert store.layer_role("landuse").fields["name"] == "地类名称"  # a recognised name
    layers = RoleLayers(store)
    try:
        layers.overlay_store()
        assert rec.stale_plots(store, layers.versions()) == []

        edited = dict(EXPECTED_MAPPING, 菜地="0103", 建制镇="08H2")  # the station knows better
        stored = assign_role(store, "landuse", layer, {"name": "地类名称", "name_to_code": edited})
        assert stored["name_to_code"] == edited and unmapped_names(layer, stored) == []
        layers.reload_roles()
        assert rec.stale_plots(store, layers.versions()) == [1]  # another mapping: recompute
        again = layers.overlay([1], [PLOT], reuse=False).breakdown(1)
    finally:
        layers.close()
    assert again.cropland.planar_m2 == pytest.approx(1_500 + 500)  # 水田 + 菜地 as 0103 旱地
    assert {c.code: c.area.planar_m2 for c in again.landuse}["08H2"] == pytest.approx(1_500)
    assert again.check(rec.CHECK_UNKNOWN_CODE) == [] and again.identity_holds

    with pytest.raises(RoleLayerError) as refused:
        assign_role(store, "landuse", layer, {"name": "地类名称", "name_to_code": {"菜地": "99"}})
    assert "菜地" in refused.value.text() and "99" in refused.value.text()
    assert store.layer_role("landuse").fields["name_to_code"] == edited  # unchanged
    store.close()


def test_a_required_field_is_never_taken_from_an_unrelated_field(
    tmp_path, qgis_app, qgis_new_project
):
    store = new_store(tmp_path / "station.sqlite")
    grid = write_layer(
        tmp_path / "grid.gpkg", "grid", [box(0, 0, 100, 100)], {"GRID_ID": ["G1"], "dlbm": ["0101"]}
    )
    lower = assign_role(store, "landuse", QgsVectorLayer(grid, "grid", "ogr"))
    assert lower == {"code": "dlbm"}  # recognised in any case
    only_grid = write_layer(
        tmp_path / "grid.gpkg", "cells", [box(0, 0, 100, 100)], {"GRID_ID": ["G1"]}
    )
    with pytest.raises(RoleLayerError) as refused:
        assign_role(store, "landuse", QgsVectorLayer(only_grid, "cells", "ogr"))
    text = refused.value.text()
    assert "code" in text and "DLMC" in text and "GRID_ID" not in text
    assert store.layer_role("landuse").fields == {"code": "dlbm"}  # the earlier role kept
    store.close()


def test_setlayerrole_with_names_only_and_with_a_field_missing(tmp_path, qgis_processing):
    import processing

    from landcase.plugin.processing.set_layer_role import SetLayerRoleAlgorithm

    new_store(tmp_path / "station.sqlite").close()
    source = names_only_layer(tmp_path, extra={"GRID_ID": [f"G{i}" for i in range(8)]})
    result = processing.run(
        SetLayerRoleAlgorithm(),
        {"DATABASE": str(tmp_path / "station.sqlite"), "ROLE": "landuse", "INPUT": source},
    )
    assert result["UNMATCHED"] == "菜地"
    assert '"name_to_code"' in result["FIELDS"] and '"村庄": "0702"' in result["FIELDS"]
    assert '"code"' not in result["FIELDS"]  # GRID_ID is not a land-use code

    from qgis.core import QgsProcessingFeedback

    from landcase.plugin.processing.overlay import OverlayAlgorithm

    class Feedback(QgsProcessingFeedback):
        warnings: list = []

        def pushWarning(self, text):
            self.warnings.append(text)

    feedback = Feedback()
    output = tmp_path / "overlay.csv"
    processing.run(
        OverlayAlgorithm(),
        {"DATABASE": str(tmp_path / "station.sqlite"), "OUTPUT": str(output)},
        feedback=feedback,
    )
    assert any("菜地" in text and "setlayerrole" in text for text in feedback.warnings)
    with open(output, encoding="utf-8-sig", newline="") as handle:
        lines = [line for line in csv.reader(handle) if line[1] == "地类图斑"]
    by_name = {line[3]: line for line in lines}
    # 村庄 → 0702 农村宅基地: 20 m × 100 m = 2000 m² = 3.00 亩 (2000 × 15 / 10000)
    assert by_name["农村宅基地"][2] == "0702" and by_name["农村宅基地"][6] == "2000.00"
    assert by_name["农村宅基地"][8] == "3.00"
    assert by_name["菜地"][2] == "" and by_name["菜地"][9] == "地类名称未对应地类编码"

    approvals = write_layer(
        tmp_path / "village.gpkg", "pzyd", [box(0, 0, 50, 50)], {"XMMC": ["厂房"]}
    )
    with pytest.raises(QgsProcessingException, match="needs the field number"):
        processing.run(
            SetLayerRoleAlgorithm(),
            {"DATABASE": str(tmp_path / "station.sqlite"), "ROLE": "approval", "INPUT": approvals},
        )
