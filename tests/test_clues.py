"""Point clues and the moments they are recorded with, on both backends."""

from __future__ import annotations

import datetime

import pytest

from helpers import ORIGIN, small_database
from landcase.cases import clues, errors
from landcase.cases.moments import day_of, iso_moment, parse_moment


@pytest.fixture
def store(case_target):
    store = small_database(case_target, plots=2)
    yield store
    store.close()


def test_moments_are_read_as_stations_write_them():
    assert iso_moment("2026年12月3日 14时05分") == "2026-12-03T14:05"
    assert iso_moment("2026/12/3 9:30") == "2026-12-03T09:30"
    assert iso_moment("2026-12-03") == "2026-12-03"
    assert iso_moment("2026-12-03T14:05:59") == "2026-12-03T14:05"
    assert iso_moment("2026-02-30") is None
    assert iso_moment("昨天") is None
    assert parse_moment(datetime.datetime(2026, 12, 3, 8, 1, 30)) == datetime.datetime(
        2026, 12, 3, 8, 1
    )
    assert day_of("2026-12-03T23:59") == datetime.date(2026, 12, 3)


def test_a_clue_gets_a_code_by_its_day_and_its_position(store):
    first = clues.record_clue(
        store,
        clues.NewClue(found_at="2026-12-03 14:05", kind="动工迹象", signs="机械进场",
                      x=ORIGIN[0] + 10, y=ORIGIN[1] + 20, village="东村"),
    )  # fmt: skip
    second = clues.record_clue(store, clues.NewClue(found_at="2026-12-03"))
    other_day = clues.record_clue(store, clues.NewClue(found_at="2026-12-04T08:00"))
    assert [clues.get_clue(store, i).code for i in (first, second, other_day)] == [
        "XS20261203-001",
        "XS20261203-002",
        "XS20261204-001",
    ]
    clue = clues.get_clue(store, first)
    assert (clue.kind, clue.signs, clue.found_at) == ("动工迹象", "机械进场", "2026-12-03T14:05")
    assert (clue.x, clue.y) == (ORIGIN[0] + 10, ORIGIN[1] + 20)
    assert clues.get_clue(store, second).x is None
    # a date alone sorts before the times of its day
    assert [c.code for c in clues.list_clues(store, open_only=True)] == [
        "XS20261203-002",
        "XS20261203-001",
        "XS20261204-001",
    ]
    entries = store.audit_entries("clue", first)
    assert entries[-1].action == "INSERT"


def test_a_phone_position_is_transformed_to_the_database_crs(store):
    # 120°E is EPSG:4549's central meridian: the easting is the false easting 500 km
    clue_id = clues.record_clue(
        store, clues.NewClue(found_at="2026-12-03", longitude=120.0, latitude=30.0)
    )
    clue = clues.get_clue(store, clue_id)
    assert clue.x == pytest.approx(500_000.0, abs=1e-6)
    assert clue.y == pytest.approx(3_320_000.0, abs=5_000)


@pytest.mark.parametrize(
    "clue, reason",
    [
        (clues.NewClue(found_at="前天"), "is not a date"),
        (clues.NewClue(found_at="2026-12-03", kind="违法"), "疑似违法 or 动工迹象"),
        (clues.NewClue(found_at="2026-12-03", x=1.0, y=2.0), "outside the area of use"),
        (clues.NewClue(found_at="2026-12-03", longitude=2.35, latitude=48.85), "not in China"),
        (clues.NewClue(found_at="2026-12-03", unit_id=99), "does not exist"),
    ],
)
def test_bad_clues_are_refused_naming_the_record_and_nothing_is_stored(store, clue, reason):
    with pytest.raises(errors.InvalidRecord) as refused:
        clues.record_clue(store, clue)
    assert reason in str(refused.value)
    assert store._db.execute("SELECT count(*) FROM clue").fetchone()[0] == 0


def test_a_code_is_unique(store):
    clues.record_clue(store, clues.NewClue(found_at="2026-12-03", code="JB-1"))
    with pytest.raises(errors.InvalidRecord, match="JB-1.*already exists"):
        clues.record_clue(store, clues.NewClue(found_at="2026-12-04", code="JB-1"))
