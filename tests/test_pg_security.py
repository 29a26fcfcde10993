"""A shared PostgreSQL case database: the server enforces who sees and changes what.

Login roles of the test cluster stand for a county technician, a township station, a field
verifier and a 纪委 reader; the owner (the cluster's superuser here) made the schema. Every
statement the SQLite tamper suite uses against a file is tried here by a station user, and
the server refuses it; the audit names the session user, and the chain the server writes
checks out with the same verification as a file's.
"""

from __future__ import annotations

import uuid

import psycopg
import pytest

from helpers import new_plot
from landcase.cases import CaseStore, pg_roles, rounds, workflow
from landcase.cases.audit_chain import verify_audit_trail
from landcase.cases.errors import InvalidRecord, NotPermitted, OutsideScope
from landcase.cases.pg_connection import PgConnection
from tools import pg_cluster


def _as(uri: str, role: str) -> str:
    """The database's URI for login role ``role`` (the test cluster trusts 127.0.0.1)."""
    rest = uri.split("@", 1)[1]
    return f"postgresql://{role}@{rest}"


@pytest.fixture
def county_db(pg_database, pg_uri):
    """A county database with plots in two townships (320101 青山镇, 320102 红旗镇) and four
    users: 县局 (county), 青山站 (station, 320101), 外业 (field: plot 1), 纪委 (read-only)."""
    suffix = uuid.uuid4().hex[:8]
    users = {kind: f"u_{kind}_{suffix}" for kind in ("county", "station", "field", "readonly")}
    with psycopg.connect(pg_uri, autocommit=True) as admin:
        for role in users.values():
            admin.execute(f'CREATE ROLE "{role}" LOGIN')
    store = CaseStore.create(pg_database, 4549, user="管理员")
    batch = store.add_batch("2026年第1批部卫片", received_date="2026-02-01")
    store.add_plots(
        [
            new_plot(0, xzqdm="320101001"),
            new_plot(1, xzqdm="320101002"),
            new_plot(2, xzqdm="320102001"),
        ],
        batch,
    )
    prefix = store._db.execute("SELECT value FROM meta WHERE key = 'role_prefix'").fetchone()[0]
    with store.transaction() as db:
        pg_roles.add_user(db, prefix, users["county"], "county")
        pg_roles.add_user(db, prefix, users["station"], "station", ("320101",))
        pg_roles.add_user(db, prefix, users["field"], "field", ("320100202601000",))
        pg_roles.add_user(db, prefix, users["readonly"], "readonly")
    store.close()
    yield pg_database, users
    # roles are the cluster's: the database goes first (pg_database drops it IF EXISTS),
    # then the users and the database's group roles
    pg_cluster.drop_database(pg_uri, pg_database.rsplit("/", 1)[1], tuple(users.values()))


def test_the_schema_belongs_to_its_owner_and_the_groups_exist(county_db):
    uri, users = county_db
    db = PgConnection(uri)
    owners = {
        row[0]
        for row in db.execute(
            "SELECT tableowner FROM pg_tables WHERE schemaname = 'public' AND tablename <> "
            "'spatial_ref_sys'"
        )
    }
    assert owners == {"landcase"}  # nobody else owns a table: only the owner may alter one
    prefix = db.execute("SELECT value FROM meta WHERE key = 'role_prefix'").fetchone()[0]
    groups = {
        row[0]
        for row in db.execute("SELECT rolname FROM pg_roles WHERE rolname LIKE ?", (prefix + "_%",))
    }
    assert groups == {f"{prefix}_{k}" for k in ("county", "station", "field", "readonly")}
    db.close()


def test_a_station_sees_and_changes_only_its_townships(county_db):
    uri, users = county_db
    station = CaseStore.open(_as(uri, users["station"]))
    listed = [p.jcbh for p in station.list_plots("2026-03-01")]
    assert listed == ["320100202601000", "320100202601001"]  # not 红旗镇's 320102001
    assert station.plot_count() == 2
    with station.transaction() as db:
        changed = db.execute("UPDATE plot SET reporter = '李' WHERE xzqdm = '320102001'")
        assert changed.rowcount == 0  # the other township's row is not there for it
    with pytest.raises(OutsideScope) as outside:
        station.add_plots([new_plot(5, xzqdm="320102009")], station.batch_id("2026年第1批部卫片"))
    assert outside.value.params == {"user": users["station"], "table": "plot"}
    station.close()
    county = CaseStore.open(_as(uri, users["county"]))
    assert county.plot_count() == 3
    county.close()


TAMPERING = [
    "DROP TRIGGER audit_plot ON plot",
    "DROP TRIGGER lock_determination ON determination",
    "ALTER TABLE plot DISABLE TRIGGER ALL",
    "ALTER TABLE determination DISABLE TRIGGER lock_determination",
    "ALTER TABLE plot DISABLE ROW LEVEL SECURITY",
    "DROP POLICY landcase_scope ON plot",
    "UPDATE audit_log SET user_name = 'someone'",
    "DELETE FROM audit_log",
    "INSERT INTO audit_log (table_name, action, changes, user_name) VALUES ('plot', 'UPDATE', "
    "'{}', 'x')",
    "TRUNCATE audit_log",
    "INSERT INTO audit_pending (table_name, action, changes, user_name) VALUES ('plot', "
    "'UPDATE', '{}', 'x')",
    "DELETE FROM audit_pending",
    "ALTER TABLE audit_pending DISABLE TRIGGER audit_pending_flush",
    "UPDATE audit_checkpoint SET audit_id = 0",
    "DELETE FROM round_seal",
    "UPDATE integrity_event SET kind = 'x'",
    "SET session_replication_role = replica",
    "DROP TABLE plot",
    "ALTER TABLE audit_log DROP COLUMN row_hash",
    "CREATE OR REPLACE FUNCTION audit_plot() RETURNS trigger LANGUAGE plpgsql AS "
    "$$ BEGIN RETURN NULL; END $$",
]


@pytest.mark.parametrize("statement", TAMPERING)
def test_a_station_user_cannot_tamper(county_db, statement):
    uri, users = county_db
    with psycopg.connect(_as(uri, users["station"]), autocommit=True) as station:
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            station.execute(statement)
    admin = PgConnection(uri)
    assert verify_audit_trail(admin).ok
    admin.close()


def test_the_crs_cannot_change(county_db):
    uri, users = county_db
    with psycopg.connect(_as(uri, users["county"]), autocommit=True) as county:
        with pytest.raises(psycopg.errors.RaiseException, match="crs refused"):
            county.execute("UPDATE meta SET value = '4490' WHERE key = 'srid'")


def test_the_audit_names_the_session_user_and_the_chain_holds(county_db):
    uri, users = county_db
    station = CaseStore.open(_as(uri, users["station"]), user="王站长")
    workflow.record_verification(
        station, 1, "在建", "张三", "厂房", "2025-06", "现场核查", "王站长", "2026-02-05"
    )
    station.close()
    county = CaseStore.open(_as(uri, users["county"]))
    with county.transaction() as db:
        db.execute("UPDATE plot SET reporter = '县局' WHERE id = 3")
    entries = county.audit_entries("verification")
    assert [e.user_name for e in entries] == [users["station"]]
    assert county.audit_entries("plot")[-1].user_name == users["county"]
    result = verify_audit_trail(county)
    assert result.ok and result.checked == len(county.audit_entries())
    county.close()


def test_read_only_reads_everything_and_writes_nothing(county_db):
    uri, users = county_db
    reader = CaseStore.open(_as(uri, users["readonly"]))
    assert reader.plot_count() == 3
    with pytest.raises(NotPermitted) as refused:
        with reader.transaction() as db:
            db.execute("UPDATE case_record SET responsible_unit = 'x'")
    assert refused.value.params == {"user": users["readonly"], "table": "case_record"}
    assert "has no right to change case_record" in str(refused.value)
    reader.close()


def test_a_field_verifier_sees_its_plots_and_records_verifications(county_db):
    uri, users = county_db
    field = PgConnection(_as(uri, users["field"]))
    assert [row[0] for row in field.execute("SELECT id FROM plot ORDER BY id")] == [1]
    field.execute("BEGIN")
    field.execute(
        "INSERT INTO verification (case_id, site_status, verifier) VALUES (1, '未动工', '外业')"
    )
    field.execute("COMMIT")
    with pytest.raises(NotPermitted):
        field.execute("UPDATE plot SET reporter = 'x' WHERE id = 1")
    with pytest.raises(NotPermitted):
        field.execute("INSERT INTO determination (case_id, category) VALUES (1, '违法')")
    field.close()


def test_a_locked_round_holds_for_every_role(county_db):
    uri, users = county_db
    county = CaseStore.open(_as(uri, users["county"]))
    with county.transaction() as db:
        db.execute("INSERT INTO determination (case_id, category) VALUES (1, '违法')")
    round_id = rounds.create_round(county, "2026-03", "一上")
    rounds.lock_round(county, round_id)
    county.close()
    for kind in ("county", "station"):
        with psycopg.connect(_as(uri, users[kind]), autocommit=True) as other:
            with pytest.raises(psycopg.errors.RaiseException, match="locked: .*2026-03 一上"):
                other.execute("UPDATE determination SET category = '合法' WHERE case_id = 1")
            with pytest.raises(psycopg.errors.RaiseException, match="locked: .*2026-03 一上"):
                other.execute("UPDATE submission_round SET locked = 0")


def test_the_deployment_of_the_readme_works_without_a_superuser(pg_uri):
    """An owner role with CREATEROLE (not a superuser) makes the case database in a database
    it owns where the superuser created PostGIS, and gives a station user its rights."""
    suffix = uuid.uuid4().hex[:8]
    owner, station, name = f"owner_{suffix}", f"station_{suffix}", f"county_{suffix}"
    with psycopg.connect(pg_uri, autocommit=True) as admin:
        admin.execute(f'CREATE ROLE "{owner}" LOGIN CREATEROLE')
        admin.execute(f'CREATE ROLE "{station}" LOGIN')
        admin.execute(f'CREATE DATABASE "{name}" OWNER "{owner}"')
    database = pg_uri.rsplit("/", 1)[0] + "/" + name
    try:
        with psycopg.connect(database, autocommit=True) as admin:
            admin.execute("CREATE EXTENSION postgis")
        as_owner = _as(database, owner)
        store = CaseStore.create(as_owner, 4549)
        batch = store.add_batch("b", received_date="2026-02-01")
        store.add_plots([new_plot(0, xzqdm="320101001"), new_plot(1, xzqdm="320102001")], batch)
        assert pg_roles.grant(store, station, "station", ("320102",)).endswith("_station")
        store.close()
        mine = CaseStore.open(_as(database, station))
        assert [p.jcbh for p in mine.list_plots("2026-03-01")] == ["320100202601001"]
        workflow.record_verification(
            mine, 2, "在建", "张三", "厂房", "2025-06", "现场核查", "王", "2026-02-05"
        )
        assert mine.audit_entries("verification")[-1].user_name == station
        mine.close()
    finally:
        pg_cluster.drop_database(pg_uri, name, (station, owner))


def test_a_field_verifier_records_a_verification_through_the_workflow(county_db):
    """The field role's rights are enough for the workflow's own step (the case row locked,
    its status and time written), and for nothing of a plot not assigned to it."""
    uri, users = county_db
    field = CaseStore.open(_as(uri, users["field"]))
    workflow.case_state(field, 1)
    workflow.record_verification(
        field, 1, "在建", "张三", "厂房", "2025-06", "现场核查", "外业", "2026-02-05"
    )
    assert workflow.case_state(field, 1).status == "已核查"
    assert field.audit_entries("verification")[-1].user_name == users["field"]
    with pytest.raises(InvalidRecord):  # plot 3 is not its own: not even there
        workflow.record_verification(field, 3, "在建", verifier="外业", verified_on="2026-02-05")
    field.close()
