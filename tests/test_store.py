"""The case database without QGIS: creation, structure, transactions, audit, bad files."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
import shapely

from helpers import audit_name, file_digest, force_status, new_plot, small_database
from landcase.cases import CaseStore, errors
from landcase.cases.codes import INITIAL_STATUS
from landcase.cases.connection import connect
from landcase.cases.schema import LATEST_VERSION

EXPECTED_TABLES = {
    "batch",
    "plot",
    "case_record",
    "verification",
    "photo",
    "determination",
    "rectification",
    "closeout",
    "overlay",
    "layer_role",
    "submission_round",
    "audit_log",
}


def test_new_database_has_the_tables_crs_wal_and_spatial_indexes(tmp_path):
    store = CaseStore.create(tmp_path / "station.sqlite", 4549)
    assert EXPECTED_TABLES <= store.tables()
    assert store.srid == 4549
    assert store.schema_version == LATEST_VERSION
    assert store.journal_mode == "wal"
    indexed = store.spatially_indexed_columns()
    assert indexed and all(indexed.values()), indexed
    assert {"plot.geom", "photo.geom"} <= set(indexed)
    store.close()
    raw = sqlite3.connect(tmp_path / "station.sqlite")
    assert raw.execute("PRAGMA user_version").fetchone()[0] == LATEST_VERSION
    srids = {row[0] for row in raw.execute("SELECT srid FROM spatial_ref_sys")}
    assert {4549, 4490} <= srids


def test_foreign_keys_are_enforced(case_target):
    store = small_database(case_target, plots=1)
    with pytest.raises(sqlite3.IntegrityError), store.transaction() as db:
        db.execute("INSERT INTO verification (case_id) VALUES (9999)")


@pytest.mark.parametrize("srid", [4326, 4490, 3857, 4512, 4555])
def test_only_gauss_kruger_cgcs2000_crs_is_accepted(tmp_path, srid):
    with pytest.raises(errors.UnsupportedCrs) as raised:
        CaseStore.create(tmp_path / "x.sqlite", srid)
    assert str(srid) in str(raised.value)
    assert not (tmp_path / "x.sqlite").exists()


def test_an_existing_file_is_never_overwritten_silently(tmp_path):
    path = tmp_path / "station.sqlite"
    small_database(path, plots=2).close()
    before = file_digest(path)
    with pytest.raises(errors.DatabaseExists) as raised:
        CaseStore.create(path, 4549)
    assert str(path) in str(raised.value)
    assert file_digest(path) == before
    replaced = CaseStore.create(path, 4550, overwrite=True)
    assert replaced.plot_count() == 0 and replaced.srid == 4550


def test_plots_get_a_case_each_and_list_with_area_in_mu(case_target):
    store = small_database(case_target, plots=3)
    rows = store.list_plots()
    assert [row.jcbh for row in rows] == sorted(row.jcbh for row in rows)
    assert len(rows) == 3
    assert all(row.status == INITIAL_STATUS for row in rows)
    assert rows[0].batch == "2026年第1批部卫片"
    assert rows[0].area_m2 == pytest.approx(1600.0)
    assert rows[0].area_mu == pytest.approx(1600.0 * 15 / 10000)
    geometry = store.plot_geometry(rows[0].plot_id)
    assert geometry.geom_type == "MultiPolygon"
    assert geometry.area == pytest.approx(1600.0)


def test_one_bad_plot_rolls_back_the_whole_action(case_target):
    store = small_database(case_target, plots=2)
    audit_rows = len(store.audit_entries())
    bowtie = shapely.Polygon([(0, 0), (10, 10), (10, 0), (0, 10)])
    with pytest.raises(errors.InvalidRecord) as raised:
        store.add_plots([new_plot(10), new_plot(11, jcbh="BAD-1", geometry=bowtie), new_plot(12)])
    assert "BAD-1" in str(raised.value) and "invalid" in str(raised.value)
    assert store.plot_count() == 2
    assert len(store.audit_entries()) == audit_rows


def test_duplicate_plot_number_is_refused_naming_the_record(case_target):
    store = small_database(case_target, plots=2)
    duplicate = store.list_plots()[0].jcbh
    with pytest.raises(errors.InvalidRecord) as raised:
        store.add_plot(new_plot(50, jcbh=duplicate))
    assert duplicate in str(raised.value)
    assert "监测编号" in str(raised.value)
    assert store.plot_count() == 2


@pytest.mark.parametrize(
    "geometry, reason",
    [
        (shapely.Point(500000, 3400000), "polygon"),
        (shapely.Polygon(), "empty"),
    ],
)
def test_non_polygons_and_empty_geometries_are_refused(case_target, geometry, reason):
    store = small_database(case_target, plots=0)
    with pytest.raises(errors.InvalidRecord) as raised:
        store.add_plot(new_plot(1, jcbh="P-1", geometry=geometry))
    assert "P-1" in str(raised.value) and reason in str(raised.value)


def test_audit_rows_for_insert_update_delete_with_user_and_changed_fields(case_target):
    store = small_database(case_target, plots=1)
    plot = store.list_plots()[0]
    inserted = store.audit_entries("plot", plot.plot_id)
    assert [e.action for e in inserted] == ["INSERT"]
    assert inserted[0].changes["jcbh"] == plot.jcbh
    assert inserted[0].user_name == audit_name(store, "测试员")

    store.set_actor("王核查")
    force_status(store, plot.plot_id, "已核查")
    update = store.audit_entries("case_record")[-1]
    assert update.action == "UPDATE"
    assert update.changes["status"] == [INITIAL_STATUS, "已核查"]
    assert "plot_id" not in update.changes  # only the fields that changed
    assert update.user_name == audit_name(store, "王核查")
    assert update.changed_at.startswith("20")

    with store.transaction() as db:
        db.execute("DELETE FROM plot WHERE id = ?", (plot.plot_id,))
    deleted = [e for e in store.audit_entries() if e.action == "DELETE"]
    tables = {e.table_name for e in deleted}
    assert tables == {"plot", "case_record"}  # the case went with its plot (cascade)
    plot_row = next(e for e in deleted if e.table_name == "plot")
    assert plot_row.changes["geom"].startswith("MULTIPOLYGON")  # the shape can be restored


def test_two_users_on_one_file_each_get_their_own_changes(tmp_path):
    """Two station PCs with the file open: whoever opened it last does not take over the
    other's changes."""
    path = tmp_path / "s.sqlite"
    small_database(path, plots=2).close()
    first = CaseStore.open(path, user="张核查")
    second = CaseStore.open(path, user="李审核")  # opened last: the file names 李审核
    plots = first.list_plots()
    try:
        force_status(first, plots[0].plot_id, "已核查")
        force_status(second, plots[1].plot_id, "已核查")
        force_status(first, plots[0].plot_id, "已判定")
        updates = [e for e in first.audit_entries("case_record") if e.action == "UPDATE"]
        assert [(e.changes["status"][1], e.user_name) for e in updates] == [
            ("已核查", "张核查"),
            ("已核查", "李审核"),
            ("已判定", "张核查"),
        ]
        # an edit by another program (QGIS's editor) after first.claim_actor() is first's
        first.claim_actor()
        other = connect(path)  # a program with SpatiaLite, as QGIS's provider
        other.execute("UPDATE plot SET reporter = '网格员' WHERE id = ?", (plots[1].plot_id,))
        other.commit()
        other.close()
        edit = [e for e in first.audit_entries("plot", plots[1].plot_id) if e.action == "UPDATE"]
        assert edit[-1].user_name == "张核查"
    finally:
        first.close()
        second.close()


def test_geometry_edits_are_audited_with_old_and_new_shape(case_target):
    store = small_database(case_target, plots=1)
    plot_id = store.list_plots()[0].plot_id
    with store.transaction() as db:
        db.execute(
            "UPDATE plot SET geom = CastToMulti(GeomFromWKB(?, 4549)) WHERE id = ?",
            (shapely.box(500000, 3400000, 500010, 3400010).wkb, plot_id),
        )
    # The edit's row; the trigger's clearing of the stale areas follows it.
    change, cleared = store.audit_entries("plot", plot_id)[-2:]
    assert change.action == "UPDATE"
    old, new = change.changes["geom"]
    assert old != new and new.startswith("MULTIPOLYGON")
    assert cleared.changes["area_ellipsoidal_m2"][1] is None
    store.refresh_plot_areas()
    planar, ellipsoidal = store._db.execute(
        "SELECT area_planar_m2, area_ellipsoidal_m2 FROM plot WHERE id = ?", (plot_id,)
    ).fetchone()
    assert planar == 100.0  # the 10 m × 10 m square
    assert abs(ellipsoidal - 100.0) < 0.1  # near the central meridian scale ≈ 1


def test_changes_by_another_program_are_audited_and_the_log_is_append_only(tmp_path):
    path = tmp_path / "s.sqlite"
    small_database(path, plots=1).close()
    other = connect(path)  # any program with SpatiaLite: the triggers are in the file
    other.execute("UPDATE plot SET reporter = '张三' WHERE id = 1")
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        other.execute("DELETE FROM audit_log")
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        other.execute("UPDATE audit_log SET user_name = 'x'")
    other.close()
    store = CaseStore.open(path)
    last = store.audit_entries("plot")[-1]
    assert last.changes == {"reporter": [None, "张三"]}


def test_a_non_geometry_table_can_be_edited_without_spatialite(tmp_path):
    path = tmp_path / "s.sqlite"
    small_database(path, plots=1).close()
    plain = sqlite3.connect(path)  # no mod_spatialite loaded
    plain.execute("UPDATE case_record SET responsible_unit = '青山镇人民政府'")
    plain.commit()
    plain.close()
    store = CaseStore.open(path)
    assert store.audit_entries("case_record")[-1].changes == {
        "responsible_unit": [None, "青山镇人民政府"]
    }


# -- files that are not what they should be ---------------------------------------------


def test_missing_file(tmp_path):
    with pytest.raises(errors.DatabaseMissing) as raised:
        CaseStore.open(tmp_path / "nothing.sqlite")
    assert "nothing.sqlite" in str(raised.value)
    assert not (tmp_path / "nothing.sqlite").exists()


def test_a_file_that_is_not_sqlite_is_refused_unchanged(tmp_path):
    path = tmp_path / "plots.sqlite"
    path.write_text("JCBH,XZQMC\n1,青山镇\n", encoding="utf-8")
    before = file_digest(path)
    with pytest.raises(errors.NotSqliteFile) as raised:
        CaseStore.open(path)
    assert str(path) in str(raised.value)
    assert file_digest(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plots.sqlite"]


def test_a_sqlite_file_of_another_program_is_refused_unchanged(tmp_path):
    path = tmp_path / "other.sqlite"
    other = sqlite3.connect(path)
    other.execute("CREATE TABLE plot (id INTEGER PRIMARY KEY)")
    other.commit()
    other.close()
    before = file_digest(path)
    with pytest.raises(errors.NotLandCaseDatabase) as raised:
        CaseStore.open(path)
    assert "not a LandCase case database" in str(raised.value)
    assert file_digest(path) == before


def test_a_database_from_a_newer_schema_is_refused_unchanged(tmp_path):
    path = tmp_path / "newer.sqlite"
    small_database(path, plots=1).close()
    raw = sqlite3.connect(path)
    raw.execute(f"PRAGMA user_version = {LATEST_VERSION + 5}")
    raw.commit()
    raw.close()
    before = file_digest(path)
    with pytest.raises(errors.NewerSchema) as raised:
        CaseStore.open(path)
    assert f"schema version {LATEST_VERSION + 5}" in str(raised.value)
    assert file_digest(path) == before


def test_a_newer_schema_still_in_the_wal_is_refused(tmp_path):
    """A newer LandCase migrated the file while someone was reading it: the version is in
    the WAL, the file's header still shows the old one."""
    path = tmp_path / "newer.sqlite"
    small_database(path, plots=1).close()
    reader = connect(path)
    reader.execute("BEGIN")
    reader.execute("SELECT count(*) FROM plot").fetchone()  # holds a snapshot: no checkpoint
    writer = sqlite3.connect(path)
    writer.execute(f"PRAGMA user_version = {LATEST_VERSION + 1}")
    writer.commit()
    writer.close()
    try:
        from landcase.cases.connection import read_header

        assert read_header(path).user_version == LATEST_VERSION  # the header lags
        with pytest.raises(errors.NewerSchema):
            CaseStore.open(path)
    finally:
        reader.rollback()
        reader.close()


def test_a_read_only_file_is_refused():
    # Not pytest's tmp_path: its parents are private to root, and the check runs as nobody.
    folder = Path(tempfile.mkdtemp(prefix="landcase-readonly-"))
    path = folder / "ro.sqlite"
    small_database(path, plots=1).close()
    before = file_digest(path)
    path.chmod(0o444)
    folder.chmod(0o555)
    try:
        if os.geteuid() == 0:
            # root may write anything: ask as an ordinary user, the way a station PC runs.
            result = _open_as_nobody(path)
            assert result.returncode == 3, result.stderr
            assert "read-only" in result.stdout and str(path) in result.stdout
        else:
            with pytest.raises(errors.ReadOnlyDatabase):
                CaseStore.open(path)
        assert file_digest(path) == before
    finally:
        folder.chmod(0o755)
        shutil.rmtree(folder)


def _open_as_nobody(path: Path) -> subprocess.CompletedProcess:
    script = (
        "import sys\n"
        f"sys.path[:0] = {sys.path!r}\n"
        "from landcase.cases import CaseStore, errors\n"
        "try:\n"
        f"    CaseStore.open({str(path)!r})\n"
        "except errors.ReadOnlyDatabase as e:\n"
        "    print(e); sys.exit(3)\n"
    )
    for parent in [path.parent, *path.parent.parents]:
        if parent.stat().st_mode & 0o005 != 0o005:
            pytest.fail(f"{parent} is not readable by others; cannot run as nobody")
    return subprocess.run(
        [
            "setpriv",
            "--reuid=65534",
            "--regid=65534",
            "--clear-groups",
            sys.executable,
            "-c",
            script,
        ],
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_a_locked_database_says_so_and_keeps_its_data(tmp_path):
    path = tmp_path / "s.sqlite"
    store = small_database(path, plots=1)
    blocker = connect(path)
    blocker.execute("BEGIN IMMEDIATE")  # another program is writing
    store._db.execute("PRAGMA busy_timeout = 100")
    with pytest.raises(errors.DatabaseLocked) as raised:
        store.add_plot(new_plot(7))
    assert str(path) in str(raised.value)
    blocker.execute("ROLLBACK")
    blocker.close()
    assert store.plot_count() == 1


def test_panel_rows_carry_the_next_deadline_and_days_left(case_target):
    store = small_database(case_target, plots=3)  # batch received 2026-02-01
    first, second, third = store.list_plots()
    with store.transaction() as db:
        db.execute("UPDATE case_record SET status = '整改中' WHERE plot_id = ?", (second.plot_id,))
        case_id = db.execute(
            "SELECT id FROM case_record WHERE plot_id = ?", (second.plot_id,)
        ).fetchone()[0]
        db.execute(
            "INSERT INTO rectification (case_id, task_listed_on) VALUES (?, '2026-03-01')",
            (case_id,),
        )
        db.execute("UPDATE case_record SET status = '已销号' WHERE plot_id = ?", (third.plot_id,))
        db.execute(
            "INSERT INTO determination (case_id, category) SELECT id, '违法' FROM case_record "
            "WHERE plot_id = ?",
            (third.plot_id,),
        )
    rows = {row.plot_id: row for row in store.list_plots(today="2026-02-25")}
    # 20 days after 2026-02-01 is 2026-02-21: four days late on the 25th
    assert (rows[first.plot_id].due_kind, rows[first.plot_id].due_date) == ("判定", "2026-02-21")
    assert rows[first.plot_id].days_left == -4 and rows[first.plot_id].overdue
    # 60 days after 2026-03-01 is 2026-04-30
    assert (rows[second.plot_id].due_kind, rows[second.plot_id].due_date) == ("整改", "2026-04-30")
    assert rows[second.plot_id].days_left == 64 and not rows[second.plot_id].overdue
    assert rows[third.plot_id].due_date is None and rows[third.plot_id].determination == "违法"


def test_a_new_database_opens_elsewhere_while_it_is_still_open(case_target):
    # The header (application id, schema version) must be in the file, not only in the WAL;
    # on a server, the creation is committed before anyone else connects.
    first = small_database(case_target, plots=2)
    second = CaseStore.open(first.location)
    assert second.plot_count() == 2
    second.close()
    first.close()
