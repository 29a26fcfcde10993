"""Reporting units, levels, zones and patrol records, on both backends."""

from __future__ import annotations

import pytest
import shapely
from photo_files import make_photo

from helpers import ORIGIN, small_database
from landcase.cases import errors
from landcase.cases.clues import NewClue, clue_by_code
from landcase.cases.patrol_units import (
    NewUnit,
    add_unit,
    level_days,
    list_units,
    set_level_days,
    update_unit,
)
from landcase.cases.patrol_zones import (
    NewZone,
    guess_zone_fields,
    import_zones,
    list_zones,
    save_zone,
)
from landcase.cases.patrols import NewPatrol, get_patrol, list_patrols, record_patrol
from landcase.cases.record_files import RecordFileRefused, list_record_files

X, Y = ORIGIN


@pytest.fixture
def store(case_target):
    store = small_database(case_target, plots=2)
    add_unit(store, NewUnit("东村", township="青山镇", head="王建国", deputy="李明"))
    add_unit(store, NewUnit("青山农业公司", kind="镇属公司", township="青山镇"))
    import_zones(
        store,
        [NewZone("PQ01", "东片", "中", "东村", "张三", shapely.box(X, Y, X + 500, Y + 500))],
        "zones.gpkg",
    )
    yield store
    store.close()


def test_units_and_the_levels_a_station_sets(store):
    units = list_units(store)
    assert [(u.name, u.kind, u.head, u.deputy) for u in units] == [
        ("东村", "村居", "王建国", "李明"),
        ("青山农业公司", "镇属公司", None, None),
    ]
    update_unit(
        store, units[0].id, NewUnit("东村", township="青山镇", head="王建国", deputy="赵新")
    )
    assert list_units(store)[0].deputy == "赵新"
    with pytest.raises(errors.InvalidRecord, match="already exists"):
        add_unit(store, NewUnit(" 东村 "))
    with pytest.raises(errors.InvalidRecord, match="kind of unit"):
        add_unit(store, NewUnit("西村", kind="公司"))
    assert level_days(store) == {"高": 1, "中": 3, "低": 7}
    set_level_days(store, "低", 10)
    assert level_days(store)["低"] == 10
    with pytest.raises(errors.InvalidRecord, match="above 0"):
        set_level_days(store, "高", 0)


def test_zones_import_the_good_rows_and_report_each_bad_one(store):
    bowtie = shapely.Polygon([(X, Y), (X + 10, Y + 10), (X + 10, Y), (X, Y + 10)])
    result = import_zones(
        store,
        [
            NewZone("PQ01", "东片（重划）", "高级", "东村", "张三", shapely.box(X, Y, X + 300, Y + 300), row=1),
            NewZone("PQ02", "西片", "特", "东村", None, shapely.box(X, Y, X + 1, Y + 1), row=2),
            NewZone("PQ03", "南片", "低", "南村", None, shapely.box(X, Y, X + 1, Y + 1), row=3),
            NewZone("PQ04", "北片", "低", None, None, shapely.box(1, 2, 3, 4), row=4),
            NewZone("PQ05", "河道", "低", None, None, shapely.LineString([(X, Y), (X + 1, Y)]), row=5),
            NewZone("", "无号", "低", None, None, shapely.box(X, Y, X + 1, Y + 1), row=6),
            NewZone("PQ07", "蝴蝶", "中", "青山农业公司", None, bowtie, row=7),
            NewZone("PQ07", "重复", "中", None, None, shapely.box(X, Y, X + 1, Y + 1), row=8),
        ],
        "片区.shp",
    )  # fmt: skip
    assert len(result.updated) == 1 and len(result.added) == 1
    texts = [p.text() for p in result.problems]
    assert [p.row for p in result.problems] == [2, 3, 4, 5, 6, 8]
    assert texts[0] == "片区.shp, row 2 (PQ02): the level must be 高, 中 or 低, not 特"
    assert "no unit named 南村" in texts[1]
    assert "outside the area of use" in texts[2]
    assert "not an area" in texts[3]
    assert "no code" in texts[4]
    assert "appears twice" in texts[5]
    zones = {z.code: z for z in list_zones(store)}
    assert (zones["PQ01"].name, zones["PQ01"].level, zones["PQ01"].geometry.area) == (
        "东片（重划）", "高", 90_000.0,
    )  # fmt: skip
    # the bow-tie is repaired into its two triangles of 25 m² each
    assert zones["PQ07"].geometry.geom_type == "MultiPolygon"
    assert zones["PQ07"].geometry.area == pytest.approx(50.0)
    assert zones["PQ07"].unit == "青山农业公司"


def test_a_drawn_zone_is_saved_and_redrawn_under_its_code(store):
    first = save_zone(
        store, NewZone("PQ09", "新片", "低", None, None, shapely.box(X, Y, X + 20, Y + 10))
    )
    again = save_zone(
        store, NewZone("PQ09", "新片", "高", "东村", "钱七", shapely.box(X, Y, X + 30, Y + 10))
    )
    assert first == again
    zone = {z.code: z for z in list_zones(store)}["PQ09"]
    assert (zone.level, zone.unit, zone.person, zone.geometry.area) == ("高", "东村", "钱七", 300.0)
    with pytest.raises(errors.InvalidRecord, match="PQ10: the level must be"):
        save_zone(store, NewZone("PQ10", "坏", "最高", None, None, shapely.box(X, Y, X + 1, Y + 1)))


def test_guessing_the_zone_fields_of_a_layer():
    assert guess_zone_fields(["FID", "片区编号", "名称", "等级", "责任单位", "ZRR"]) == {
        "code": "片区编号", "name": "名称", "level": "等级", "unit": "责任单位", "person": "ZRR",
    }  # fmt: skip


def test_a_patrol_with_plots_clues_a_new_clue_a_route_and_photos(store, tmp_path):
    from landcase.cases.clues import record_clue

    record_clue(store, NewClue(found_at="2026-03-01", code="JB-7"))
    photo = make_photo(tmp_path / "p.jpg", xy=(X + 20, Y + 20))
    patrol_id = record_patrol(
        store,
        NewPatrol(
            "2026年3月2日", "东村", " 张三、李四 ", zone="PQ01", started_at="08:30",
            ended_at="2026-03-02 10:15", plots=("320100202601000",), clues=("JB-7",),
            new_clues=(NewClue(found_at=None, kind="动工迹象", signs="机械进场", x=X + 50, y=Y + 60),),
            route=shapely.LineString([(X, Y), (X + 100, Y), (X + 100, Y + 100)]),
            files=((photo, "照片"),), note="雨后巡查",
        ),
    )  # fmt: skip
    patrol = get_patrol(store, patrol_id)
    assert (patrol.unit, patrol.zone, patrol.patrol_date) == ("东村", "PQ01", "2026-03-02")
    assert (patrol.started_at, patrol.ended_at) == ("2026-03-02T08:30", "2026-03-02T10:15")
    assert patrol.patrollers == "张三、李四" and patrol.no_finding is False
    assert patrol.plots == ("320100202601000",)
    assert patrol.clues == ("JB-7", "XS20260302-001")
    new = clue_by_code(store, "XS20260302-001")
    # the new clue takes the patrol's day, unit, patrollers and id
    assert (new.found_at, new.found_by, new.patrol_id, new.kind) == (
        "2026-03-02", "张三、李四", patrol_id, "动工迹象",
    )  # fmt: skip
    assert (new.x, new.y) == (X + 50, Y + 60)
    assert patrol.route.geom_type == "MultiLineString" and patrol.route.length == 200.0
    assert [f.kind for f in list_record_files(store, "patrol", patrol_id)] == ["照片"]
    assert [p.id for p in list_patrols(store, "2026-03-01", "2026-03-31")] == [patrol_id]
    assert list_patrols(store, "2026-03-03", "2026-03-31") == []


def test_a_patrol_without_findings_is_no_finding(store):
    patrol_id = record_patrol(store, NewPatrol("2026-03-03", "青山农业公司", "王五"))
    patrol = get_patrol(store, patrol_id)
    assert patrol.no_finding is True and patrol.zone is None and patrol.route is None


@pytest.mark.parametrize(
    "patrol, reason",
    [
        (NewPatrol("2026-02-30", "东村", "张三"), "is not a date"),
        (NewPatrol("2026-03-02", "东村", " "), "patrollers"),
        (NewPatrol("2026-03-02", "西村", "张三"), "no unit with this name"),
        (NewPatrol("2026-03-02", "东村", "张三", zone="PQ99"), "no patrol zone"),
        (NewPatrol("2026-03-02", "东村", "张三", plots=("999",)), "no plot with this 监测编号"),
        (NewPatrol("2026-03-02", "东村", "张三", clues=("XS-1",)), "no clue with this code"),
        (NewPatrol("2026-03-02", "东村", "张三", started_at="10:00", ended_at="09:00"), "ends"),
        (NewPatrol("2026-03-02", "东村", "张三", started_at="2026-03-03 08:00"), "not on the"),
        (
            NewPatrol("2026-03-02", "东村", "张三", new_clues=(NewClue(found_at=None, x=1, y=2),)),
            "outside the area of use",
        ),
    ],
)
def test_a_bad_patrol_is_refused_and_nothing_is_stored(store, patrol, reason):
    with pytest.raises(errors.InvalidRecord, match=reason):
        record_patrol(store, patrol)
    for table in ("patrol", "patrol_finding", "clue"):
        assert store._db.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == 0


def test_a_bad_file_refuses_the_patrol(store, tmp_path):
    with pytest.raises(RecordFileRefused, match="没有.jpg"):
        record_patrol(
            store, NewPatrol("2026-03-02", "东村", "张三", files=((tmp_path / "没有.jpg", "照片"),))
        )
    assert store._db.execute("SELECT count(*) FROM patrol").fetchone()[0] == 0
