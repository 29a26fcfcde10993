"""An old case database always opens: forward migrations keep its data."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from landcase.cases import CaseStore
from landcase.cases.schema import LATEST_VERSION

V1_FILE = Path(__file__).parent / "data" / "schema_v1.sqlite"


@pytest.fixture
def v1_copy(tmp_path) -> Path:
    target = tmp_path / "old_station.sqlite"
    shutil.copy(V1_FILE, target)
    return target


def _rows(path: Path, sql: str) -> list[tuple]:
    db = sqlite3.connect(path)
    try:
        return db.execute(sql).fetchall()
    finally:
        db.close()


def test_the_fixture_really_is_schema_version_1(v1_copy):
    assert _rows(v1_copy, "PRAGMA user_version") == [(1,)]
    columns = {row[1] for row in _rows(v1_copy, "PRAGMA table_info(plot)")}
    assert "geometry_repair" not in columns


def test_opening_a_version_1_file_migrates_it_and_keeps_its_data(v1_copy):
    before_plots = _rows(
        v1_copy, "SELECT id, jcbh, xzqmc, jcmj, tblx, hex(geom) FROM plot ORDER BY id"
    )
    before_cases = _rows(v1_copy, "SELECT plot_id, status, responsible_unit FROM case_record")
    before_audit = _rows(v1_copy, "SELECT count(*) FROM audit_log")[0][0]
    store = CaseStore.open(v1_copy, user="升级测试")
    assert store.schema_version == LATEST_VERSION
    assert store.journal_mode == "wal"
    store.close()

    assert _rows(
        v1_copy, "SELECT id, jcbh, xzqmc, jcmj, tblx, hex(geom) FROM plot ORDER BY id"
    ) == (before_plots)
    assert (
        _rows(v1_copy, "SELECT plot_id, status, responsible_unit FROM case_record") == before_cases
    )
    assert _rows(v1_copy, "SELECT site_status, land_user FROM verification") == [
        ("已建成", "某某农业公司")
    ]
    assert _rows(v1_copy, "SELECT count(*) FROM audit_log")[0][0] == before_audit
    assert _rows(v1_copy, "SELECT name FROM batch") == [("2025年第4批部卫片",)]


def test_a_migrated_file_gets_the_new_columns_indexes_and_audit_of_them(v1_copy):
    store = CaseStore.open(v1_copy, user="升级测试")
    indexed = store.spatially_indexed_columns()
    # plots, photos (v2), patrol zones, routes, point clues and 问题清单 items (v8)
    assert indexed == {
        f"{table}.geom": True
        for table in ("plot", "photo", "patrol_zone", "patrol", "clue", "problem_item")
    }
    rows = store.list_plots()
    assert [r.jcbh for r in rows] == ["320100202504001", "320100202504002"]
    assert rows[0].status == "已核查"
    with store.transaction() as db:
        db.execute("UPDATE plot SET geometry_repair = 'make_valid' WHERE id = 1")
    change = store.audit_entries("plot", 1)[-1]
    assert change.changes == {"geometry_repair": [None, "make_valid"]}
    assert change.user_name == "升级测试"


def test_migrating_twice_is_harmless(v1_copy):
    CaseStore.open(v1_copy).close()
    store = CaseStore.open(v1_copy)
    assert store.schema_version == LATEST_VERSION
    assert store.plot_count() == 2


def test_a_file_written_at_version_1_today_migrates_the_same_way(tmp_path):
    path = tmp_path / "fresh_v1.sqlite"
    CaseStore.create(path, 4549, up_to_version=1).close()
    assert _rows(path, "PRAGMA user_version") == [(1,)]
    store = CaseStore.open(path)
    assert store.schema_version == LATEST_VERSION
    assert {"geometry_repair"} <= {r[1] for r in store._db.execute("PRAGMA table_info(plot)")}
