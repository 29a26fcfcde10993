"""Patrols, clues, stops and notifications (schema v8) in a shared PostgreSQL database: the
server keeps each station to its townships' rows, as it does for plots and cases.

Two townships: 青山镇 (行政区代码 320101…, the station's) and 红旗镇 (320102…). Each has a
patrol unit with a zone and a day's patrol, a clue, a case, a stop action and a
notification (with two recipients) on its case and on its clue, a record file of its clue
and a 督办 of the township. The station sees and writes the 青山镇 half only; the county's
shared lists (patrol levels, recipients, campaigns) it reads and cannot change; the 纪委
reader sees both halves and changes nothing.
"""

from __future__ import annotations

import uuid

import psycopg
import pytest

from helpers import new_plot
from landcase.cases import CaseStore, clues, pg_roles
from landcase.cases.errors import NotPermitted, OutsideScope
from landcase.cases.pg_connection import PgConnection
from tools import pg_cluster

QINGSHAN, HONGQI = "320101", "320102"


def _as(uri: str, role: str) -> str:
    return f"postgresql://{role}@{uri.split('@', 1)[1]}"


def _patrol_records(store, township: str, code: str, case_id: int) -> dict:
    """One township's half: a unit, zone, patrol, clue, and a stop action and a
    notification (two recipients) on the case and on the clue. Returns the ids."""
    clue = clues.record_clue(
        store,
        clues.NewClue(found_at="2026-03-02", code=f"XS-{code}", xzqdm=f"{code}003",
                      township=township, kind="动工迹象"),
    )  # fmt: skip
    ids = {"clue": clue}
    with store.transaction() as db:
        unit = db.execute(
            "INSERT INTO patrol_unit (name, township, xzqdm) VALUES (?, ?, ?) RETURNING id",
            (f"{township}村", township, f"{code}001"),
        ).fetchone()[0]
        zone = db.execute(
            "INSERT INTO patrol_zone (code, name, level, unit_id, xzqdm) "
            "VALUES (?, ?, '中', ?, ?) RETURNING id",
            (f"PQ-{code}", f"{township}片区", unit, f"{code}001"),
        ).fetchone()[0]
        patrol = db.execute(
            "INSERT INTO patrol (unit_id, zone_id, patrol_date, patrollers) "
            "VALUES (?, ?, '2026-03-02', '巡查员') RETURNING id",
            (unit, zone),
        ).fetchone()[0]
        ids.update(unit=unit, zone=zone, patrol=patrol)
        for owner, column, value in (("case", "case_id", case_id), ("clue", "clue_id", clue)):
            ids[f"stop_{owner}"] = db.execute(
                f"INSERT INTO stop_action ({column}, found_at, unit, unit_kind) "
                "VALUES (?, '2026-03-02', ?, '村居') RETURNING id",
                (value, f"{township}村"),
            ).fetchone()[0]
            notification = db.execute(
                f"INSERT INTO notification ({column}, sent_on, subject) "
                "VALUES (?, '2026-03-03', '抄告') RETURNING id",
                (value,),
            ).fetchone()[0]
            ids[f"notification_{owner}"] = notification
            for recipient in ("规划建设", "综合执法"):
                db.execute(
                    "INSERT INTO notification_recipient (notification_id, recipient) VALUES (?, ?)",
                    (notification, recipient),
                )
        ids["file"] = db.execute(
            "INSERT INTO record_file (owner_table, owner_id, kind, sha256, stored_name) "
            "VALUES ('clue', ?, '照片', ?, ?) RETURNING id",
            (clue, code * 4, f"{code}.jpg"),
        ).fetchone()[0]
        ids["escalation"] = db.execute(
            "INSERT INTO escalation (township, kind, issued_on, issuer) "
            "VALUES (?, '督办', '2026-03-04', '区局') RETURNING id",
            (township,),
        ).fetchone()[0]
    return ids


@pytest.fixture
def patrol_db(pg_database, pg_uri):
    """The county database, its users (county, station of 320101, field, read-only) and
    both townships' records: {township code: ids}."""
    suffix = uuid.uuid4().hex[:8]
    users = {kind: f"u_{kind}_{suffix}" for kind in ("county", "station", "field", "readonly")}
    with psycopg.connect(pg_uri, autocommit=True) as admin:
        for role in users.values():
            admin.execute(f'CREATE ROLE "{role}" LOGIN')
    store = CaseStore.create(pg_database, 4549, user="管理员")
    batch = store.add_batch("2026年第1批部卫片", received_date="2026-02-01")
    store.add_plots(
        [
            new_plot(0, xzqdm=f"{QINGSHAN}001", township="青山镇"),
            new_plot(1, xzqdm=f"{HONGQI}001", township="红旗镇"),
        ],
        batch,
    )
    cases = dict(
        store._db.execute(
            "SELECT p.xzqdm, c.id FROM case_record AS c JOIN plot AS p ON p.id = c.plot_id"
        ).fetchall()
    )
    records = {
        QINGSHAN: _patrol_records(store, "青山镇", QINGSHAN, cases[f"{QINGSHAN}001"]),
        HONGQI: _patrol_records(store, "红旗镇", HONGQI, cases[f"{HONGQI}001"]),
    }
    for township, case_id in ((QINGSHAN, cases[f"{QINGSHAN}001"]),
                              (HONGQI, cases[f"{HONGQI}001"])):  # fmt: skip
        records[township]["case"] = case_id
    prefix = store._db.execute("SELECT value FROM meta WHERE key = 'role_prefix'").fetchone()[0]
    with store.transaction() as db:
        pg_roles.add_user(db, prefix, users["county"], "county")
        pg_roles.add_user(db, prefix, users["station"], "station", (QINGSHAN,))
        pg_roles.add_user(db, prefix, users["field"], "field", ("320100202601000",))
        pg_roles.add_user(db, prefix, users["readonly"], "readonly")
    store.close()
    yield pg_database, users, records
    pg_cluster.drop_database(pg_uri, pg_database.rsplit("/", 1)[1], tuple(users.values()))


def _one(store, sql: str, *params):
    return store._db.execute(sql, params).fetchone()[0]


def _ids(store, sql: str) -> set[int]:
    return {row[0] for row in store._db.execute(sql)}


def _seen(store) -> dict[str, set[int]]:
    return {
        "unit": _ids(store, "SELECT id FROM patrol_unit"),
        "zone": _ids(store, "SELECT id FROM patrol_zone"),
        "patrol": _ids(store, "SELECT id FROM patrol"),
        "clue": _ids(store, "SELECT id FROM clue"),
        "stop": _ids(store, "SELECT id FROM stop_action"),
        "notification": _ids(store, "SELECT id FROM notification"),
        "recipient rows": _ids(store, "SELECT notification_id FROM notification_recipient"),
        "file": _ids(store, "SELECT id FROM record_file"),
        "escalation": _ids(store, "SELECT id FROM escalation"),
    }


def _expected(*halves: dict) -> dict[str, set[int]]:
    seen = {key: set() for key in ("unit", "zone", "patrol", "clue", "stop", "notification",
                                   "recipient rows", "file", "escalation")}  # fmt: skip
    for ids in halves:
        for key in ("unit", "zone", "patrol", "clue", "file", "escalation"):
            seen[key].add(ids[key])
        seen["stop"] |= {ids["stop_case"], ids["stop_clue"]}
        seen["notification"] |= {ids["notification_case"], ids["notification_clue"]}
        seen["recipient rows"] |= {ids["notification_case"], ids["notification_clue"]}
    return seen


def test_a_station_sees_only_its_townships_patrol_records(patrol_db):
    uri, users, records = patrol_db
    station = CaseStore.open(_as(uri, users["station"]))
    assert _seen(station) == _expected(records[QINGSHAN])
    station.close()
    county = CaseStore.open(_as(uri, users["county"]))
    assert _seen(county) == _expected(records[QINGSHAN], records[HONGQI])
    county.close()


def test_a_station_records_clues_and_stops_of_its_townships_only(patrol_db):
    uri, users, records = patrol_db
    mine, other = records[QINGSHAN], records[HONGQI]
    station = CaseStore.open(_as(uri, users["station"]))
    new_id = clues.record_clue(
        station, clues.NewClue(found_at="2026-03-05", code="XS-mine", xzqdm=f"{QINGSHAN}009")
    )
    assert clues.get_clue(station, new_id).code == "XS-mine"
    refused = [
        lambda db: clues.insert_clue(
            db, clues.NewClue(found_at="2026-03-05", code="XS-x", xzqdm=f"{HONGQI}009"), 4549
        ),
        # a clue placed nowhere is the county's to record
        lambda db: clues.insert_clue(db, clues.NewClue(found_at="2026-03-05", code="XS-y"), 4549),
        lambda db: db.execute(
            "INSERT INTO patrol_unit (name, xzqdm) VALUES ('外镇村', ?)", (f"{HONGQI}002",)
        ),
        lambda db: db.execute(
            "INSERT INTO patrol_zone (code, name, level, xzqdm) VALUES ('PQ-x', 'x', '高', ?)",
            (f"{HONGQI}002",),
        ),
        lambda db: db.execute(
            "INSERT INTO stop_action (case_id, found_at, unit, unit_kind) "
            "VALUES (?, '2026-03-05', '外镇', '村居')",
            (other["case"],),
        ),
        lambda db: db.execute(
            "INSERT INTO stop_action (clue_id, found_at, unit, unit_kind) "
            "VALUES (?, '2026-03-05', '外镇', '村居')",
            (other["clue"],),
        ),
        lambda db: db.execute(
            "INSERT INTO notification (clue_id, sent_on, subject) VALUES (?, '2026-03-05', 'x')",
            (other["clue"],),
        ),
        lambda db: db.execute(
            "INSERT INTO notification_recipient (notification_id, recipient) VALUES (?, '公安')",
            (other["notification_case"],),
        ),
        # its own notification moved onto the other township's case
        lambda db: db.execute(
            "UPDATE notification SET case_id = ?, clue_id = NULL WHERE id = ?",
            (other["case"], mine["notification_clue"]),
        ),
    ]
    for attempt in refused:
        with pytest.raises(OutsideScope):
            with station.transaction() as db:
                attempt(db)
    with station.transaction() as db:
        db.execute(
            "INSERT INTO stop_action (clue_id, found_at, unit, unit_kind, result) "
            "VALUES (?, '2026-03-05', '青山镇村', '村居', '已制止')",
            (mine["clue"],),
        )
        db.execute(
            "INSERT INTO notification_recipient (notification_id, recipient) VALUES (?, '公安')",
            (mine["notification_case"],),
        )
        replied = db.execute(
            "UPDATE notification_recipient SET replied_on = '2026-03-06' "
            "WHERE notification_id IN (?, ?)",
            (mine["notification_clue"], other["notification_clue"]),
        )
        assert replied.rowcount == 2  # its clue's two recipients, not the other's two
        hidden = db.execute("DELETE FROM stop_action WHERE id = ?", (other["stop_case"],))
        assert hidden.rowcount == 0
    station.close()
    county = CaseStore.open(_as(uri, users["county"]))
    assert _one(county, "SELECT count(*) FROM stop_action WHERE clue_id = ?", mine["clue"]) == 2
    replied = "SELECT count(*) FROM notification_recipient WHERE replied_on IS NOT NULL"
    assert _one(county, replied) == 2
    assert _one(county, "SELECT count(*) FROM stop_action WHERE id = ?", other["stop_case"]) == 1
    assert county.audit_entries("stop_action")[-1].user_name == users["station"]
    county.close()


COUNTY_LIST_CHANGES = [
    "INSERT INTO recipient (name, deadline_days) VALUES ('消防', 3)",
    "UPDATE recipient SET deadline_days = 10 WHERE name = '公安'",
    "DELETE FROM recipient WHERE name = '公安'",
    "UPDATE patrol_level SET visit_every_days = 30 WHERE level = '高'",
    "INSERT INTO campaign (name, started_on) VALUES ('回头看', '2026-04-01')",
]


@pytest.mark.parametrize("statement", COUNTY_LIST_CHANGES)
def test_a_station_reads_the_county_lists_and_cannot_change_them(patrol_db, statement):
    uri, users, _records = patrol_db
    station = CaseStore.open(_as(uri, users["station"]))
    # the default lists of schema v8: 16 recipients, the levels 高/中/低
    assert _one(station, "SELECT count(*) FROM recipient") == 16
    assert _one(station, "SELECT visit_every_days FROM patrol_level WHERE level = '中'") == 3
    with pytest.raises(NotPermitted):
        with station.transaction() as db:
            db.execute(statement)
    station.close()
    county = CaseStore.open(_as(uri, users["county"]))
    with county.transaction() as db:
        assert db.execute(statement).rowcount == 1  # the county may
    county.close()


READ_ONLY_CHANGES = [
    "INSERT INTO patrol_unit (name, xzqdm) VALUES ('x', '320101005')",
    "UPDATE clue SET description = 'x'",
    "DELETE FROM stop_action",
    "UPDATE notification_recipient SET replied_on = '2026-03-06'",
    "INSERT INTO campaign (name, started_on) VALUES ('x', '2026-04-01')",
    "UPDATE recipient SET deadline_days = 3",
    "DELETE FROM record_file",
]


def test_read_only_reads_every_township_and_writes_nothing(patrol_db):
    uri, users, records = patrol_db
    reader = CaseStore.open(_as(uri, users["readonly"]))
    assert _seen(reader) == _expected(records[QINGSHAN], records[HONGQI])
    for statement in READ_ONLY_CHANGES:
        with pytest.raises(NotPermitted):
            with reader.transaction() as db:
                db.execute(statement)
    reader.close()


def test_a_field_verifier_has_no_patrol_records(patrol_db):
    uri, users, _records = patrol_db
    with psycopg.connect(_as(uri, users["field"]), autocommit=True) as field:
        for table in ("clue", "stop_action", "notification", "recipient"):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                field.execute(f"SELECT count(*) FROM {table}")


def _as_before_the_patrol_rules(uri: str) -> None:
    """Put the database back as LandCase left it before RULES_VERSION 2: the v8 tables
    granted to every writer like the case tables, no row security on them, no version."""
    owner = PgConnection(uri)
    prefix = owner.execute("SELECT value FROM meta WHERE key = 'role_prefix'").fetchone()[0]
    owner.execute("BEGIN")
    for table in pg_roles.PATROL_RULES:
        owner.execute(f"DROP POLICY landcase_scope ON {table}")
        owner.execute(f"ALTER TABLE {table} DISABLE ROW LEVEL SECURITY")
    for table in pg_roles.COUNTY_LISTS:
        owner.execute(f'GRANT INSERT, UPDATE, DELETE ON {table} TO "{prefix}_station"')
    owner.execute("DELETE FROM meta WHERE key = 'role_rules'")
    owner.execute("COMMIT")
    owner.close()


def test_an_older_database_gets_the_rules_when_its_owner_opens_it(patrol_db):
    uri, users, records = patrol_db
    _as_before_the_patrol_rules(uri)
    station = CaseStore.open(_as(uri, users["station"]))  # a user opens it as it is
    assert _seen(station)["clue"] == {records[QINGSHAN]["clue"], records[HONGQI]["clue"]}
    station.close()
    owner = CaseStore.open(uri)
    assert owner._meta("role_rules") == pg_roles.RULES_VERSION
    assert not pg_roles.outdated(owner._db)
    owner.close()
    station = CaseStore.open(_as(uri, users["station"]))
    assert _seen(station) == _expected(records[QINGSHAN])
    with pytest.raises(NotPermitted):
        with station.transaction() as db:
            db.execute("UPDATE recipient SET deadline_days = 9 WHERE name = '公安'")
    station.close()


def test_a_station_numbering_a_clue_skips_a_code_another_township_holds(patrol_db):
    """The county records 红旗镇's first find of 2026-03-05 (XS20260305-001); the station
    cannot see it, so it counts no clue that day and tries the same code: its clue takes
    the next number, and a code it gives that way is refused in words."""
    uri, users, _records = patrol_db
    county = CaseStore.open(_as(uri, users["county"]))
    taken = clues.record_clue(
        county, clues.NewClue(found_at="2026-03-05T08:00", xzqdm=f"{HONGQI}003")
    )
    assert clues.get_clue(county, taken).code == "XS20260305-001"
    county.close()
    station = CaseStore.open(_as(uri, users["station"]))
    mine = clues.record_clue(
        station, clues.NewClue(found_at="2026-03-05T09:00", xzqdm=f"{QINGSHAN}003")
    )
    assert clues.get_clue(station, mine).code == "XS20260305-002"
    with pytest.raises(clues.errors.InvalidRecord, match="XS20260305-001.*already exists"):
        clues.record_clue(
            station,
            clues.NewClue(found_at="2026-03-05", code="XS20260305-001", xzqdm=f"{QINGSHAN}003"),
        )
    station.close()
