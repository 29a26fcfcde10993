"""Submission rounds (一上 → 一下 → 二上): snapshots, differences, and locks that the
database itself enforces, whichever program writes."""

from __future__ import annotations

import sqlite3

import pytest

from helpers import new_plot, small_database
from landcase.cases import CaseStore, errors, locks, rounds
from landcase.cases.audit_chain import verify_audit_trail
from landcase.cases.connection import connect
from landcase.cases.locks import RoundLocked
from landcase.cases.pg_connection import PgConnection
from landcase.cases.rounds import RoundError


@pytest.fixture
def store(case_target):
    """Three cases: case 1 determined twice (a revision) and rectifying, case 2 determined
    合法, case 3 not yet determined."""
    store = small_database(case_target, plots=3)
    with store.transaction() as db:
        db.execute(
            "INSERT INTO determination (case_id, category, subtype) VALUES (1, '违法', '工矿商服')"
        )
        db.execute(
            "INSERT INTO determination (case_id, category, subtype, new_or_existing, revises, "
            "revision_reason) VALUES (1, '违法', '圈占堆放等', '新增', 1, '复核后更正')"
        )
        db.execute(
            "INSERT INTO determination (case_id, category, subtype, approval_number) "
            "VALUES (2, '合法', '批文', '苏政地〔2025〕12号')"
        )
        db.execute(
            "INSERT INTO rectification (case_id, measures, task_listed_on) "
            "VALUES (1, '拆除复耕', '2026-03-01')"
        )
        db.execute(
            "INSERT INTO rectification (case_id, measures, task_listed_on, demolished_area_m2) "
            "VALUES (1, '拆除复耕', '2026-03-01', 812.3456)"
        )
        db.execute("UPDATE case_record SET status = '整改中' WHERE id = 1")
    yield store
    store.close()


def _plain(store: CaseStore):
    """Another program in autocommit mode: sqlite3 without SpatiaLite on a file, another
    session on the server."""
    if store.is_postgres:
        return PgConnection(store.location)
    return sqlite3.connect(store.path, isolation_level=None)


# -- snapshots ---------------------------------------------------------------------------


def test_a_round_snapshots_every_case_with_its_current_determination_and_rectification(store):
    round_id = rounds.create_round(store, "2026-03", "一上")
    items = store._db.execute(
        "SELECT case_id, status, determination_id, rectification_id FROM round_item "
        "WHERE round_id = ? ORDER BY case_id",
        (round_id,),
    ).fetchall()
    assert [tuple(row) for row in items] == [
        (1, "整改中", 2, 2),  # the revision (max id), the latest rectification row
        (2, "待核查", 3, None),
        (3, "待核查", None, None),
    ]
    snapshot = rounds.round_items(store, round_id)
    assert snapshot[1] == {
        "jcbh": "320100202601000",
        "status": "整改中",
        "category": "违法",
        "subtype": "圈占堆放等",
        "subtype_detail": None,
        "new_or_existing": "新增",
        "area_m2": 1600.0,
        "measures": "拆除复耕",
        "task_listed_on": "2026-03-01",
        "demolished_area_m2": 812.35,
        "restored_area_m2": None,
        "legalised_area_m2": None,
        "reinspection_result": None,
        "reinspected_on": None,
    }
    assert snapshot[3]["category"] is None and snapshot[3]["measures"] is None
    listed = rounds.list_rounds(store)
    assert [(r.id, r.name, r.locked, r.cases) for r in listed] == [
        (round_id, "2026-03 一上", False, 3)
    ]
    assert listed[0].summary == {
        "cases": 3,
        "by_status": {"整改中": 1, "待核查": 2},
        "by_category": {"违法": 1, "合法": 1, "未判定": 1},
    }


def test_a_round_is_one_transaction(store):
    """An item that cannot be written leaves no round and no item behind."""
    audit_rows = len(store.audit_entries())
    with store.transaction() as db:
        if store.is_postgres:
            db.execute(
                "CREATE FUNCTION test_refuse() RETURNS trigger LANGUAGE plpgsql AS "
                "$$ BEGIN RAISE EXCEPTION 'refused for the test'; END $$"
            )
            db.execute(
                "CREATE TRIGGER test_refuse_case_3 BEFORE INSERT ON round_item "
                "FOR EACH ROW WHEN (NEW.case_id = 3) EXECUTE FUNCTION test_refuse()"
            )
        else:
            db.execute(
                "CREATE TRIGGER test_refuse_case_3 BEFORE INSERT ON round_item "
                "WHEN NEW.case_id = 3 BEGIN SELECT RAISE(ABORT, 'refused for the test'); END"
            )
    with pytest.raises(sqlite3.IntegrityError, match="refused for the test"):
        rounds.create_round(store, "2026-03", "一上")
    assert rounds.list_rounds(store) == []
    assert store._db.execute("SELECT count(*) FROM round_item").fetchone()[0] == 0
    assert len(store.audit_entries()) == audit_rows


def test_stages_follow_each_other_within_a_month(store):
    with pytest.raises(RoundError) as raised:
        rounds.create_round(store, "2026-03", "一下")
    assert "2026-03 一下" in str(raised.value) and "一上" in raised.value.params["previous"]
    rounds.create_round(store, "2026-03", "一上")
    with pytest.raises(RoundError, match="一下 of the same month must come first"):
        rounds.create_round(store, "2026-03", "二上")
    with pytest.raises(RoundError, match="already exists"):
        rounds.create_round(store, "2026-03", "一上")
    rounds.create_round(store, "2026-03", "一下")
    rounds.create_round(store, "2026-03", "二上")
    assert rounds.next_round(store) == ("2026-04", "一上")
    rounds.create_round(store, "2026-04", "一上")
    with pytest.raises(RoundError, match="later round 2026-04 一上 already exists"):
        rounds.create_round(store, "2026-02", "一上")
    assert [r.name for r in rounds.list_rounds(store)] == [
        "2026-03 一上",
        "2026-03 一下",
        "2026-03 二上",
        "2026-04 一上",
    ]


@pytest.mark.parametrize(
    "period, stage, reason",
    [
        ("2026-3", "一上", "YYYY-MM"),
        ("2026-13", "一上", "YYYY-MM"),
        ("202603", "一上", "YYYY-MM"),
        ("2026-03", "三上", "一上, 一下, 二上"),
    ],
)
def test_a_malformed_round_is_refused(store, period, stage, reason):
    with pytest.raises(RoundError, match=reason):
        rounds.create_round(store, period, stage)


def test_next_round(store):
    import datetime

    assert rounds.next_round(store, today=datetime.date(2026, 12, 5)) == ("2026-12", "一上")
    for stage in rounds.STAGES:
        rounds.create_round(store, "2026-12", stage)
        expected = (
            ("2027-01", "一上")
            if stage == "二上"
            else ("2026-12", rounds.STAGES[rounds.STAGES.index(stage) + 1])
        )
        assert rounds.next_round(store) == expected


def test_differences_between_rounds(store):
    first = rounds.create_round(store, "2026-03", "一上")
    with store.transaction() as db:  # the city questioned case 2; work went on
        db.execute(
            "INSERT INTO determination (case_id, category, subtype, revises, revision_reason) "
            "VALUES (2, '违法', '工矿商服', 3, '一下退回')"
        )
        db.execute(
            "INSERT INTO rectification (case_id, measures, task_listed_on, demolished_area_m2,"
            " reinspection_result) VALUES (1, '拆除复耕', '2026-03-01', 1600, '已整改到位')"
        )
        db.execute("UPDATE case_record SET status = '待复核' WHERE id = 1")
    store.add_plot(new_plot(9))
    second = rounds.create_round(store, "2026-03", "一下")

    changes = rounds.diff_rounds(store, first, second)
    assert [(c.jcbh, c.change) for c in changes] == [
        ("320100202601000", "changed"),
        ("320100202601001", "changed"),
        ("320100202601009", "added"),
    ]
    assert changes[0].fields == {
        "status": ("整改中", "待复核"),
        "demolished_area_m2": (812.35, 1600.0),
        "reinspection_result": (None, "已整改到位"),
    }
    assert changes[1].fields == {"category": ("合法", "违法"), "subtype": ("批文", "工矿商服")}
    assert changes[2].fields["status"] == (None, "待核查")
    assert changes[2].fields["area_m2"] == (None, 1600.0)

    backwards = rounds.diff_rounds(store, second, first)
    assert [(c.case_id, c.change) for c in backwards][-1] == (4, "removed")
    assert rounds.diff_rounds(store, first, first) == []
    with pytest.raises(errors.InvalidRecord, match="no submission round"):
        rounds.diff_rounds(store, first, 999)


# -- locks ---------------------------------------------------------------------------------


@pytest.fixture
def locked(store):
    """Round 2026-03 一上 taken and locked; returns its id."""
    round_id = rounds.create_round(store, "2026-03", "一上")
    locked = rounds.lock_round(store, round_id)
    assert locked.locked and locked.locked_at and locked.summary["audit_head"]["id"] > 0
    return round_id


def test_locking_twice_is_refused(store, locked):
    with pytest.raises(RoundLocked) as raised:
        rounds.lock_round(store, locked)
    assert raised.value.params == {"round": "2026-03 一上"}
    assert str(raised.value) == (
        "Submission round 2026-03 一上 is locked: its data can no longer be changed."
    )


LOCKED_EDITS = [
    ("UPDATE determination SET subtype = '工矿商服' WHERE id = 2", "determination"),
    ("UPDATE determination SET superseded_by = 3 WHERE id = 2", "determination"),
    ("DELETE FROM determination WHERE id = 2", "determination"),
    ("UPDATE rectification SET demolished_area_m2 = 0 WHERE id = 2", "rectification"),
    ("DELETE FROM rectification WHERE id = 2", "rectification"),
    ("UPDATE round_item SET status = '已销号' WHERE case_id = 1", "snapshot"),
    ("DELETE FROM round_item WHERE case_id = 3", "snapshot"),
    (
        "INSERT INTO round_item (round_id, case_id, snapshot) "
        "SELECT 1, id, '{}' FROM case_record WHERE id = 1",
        "snapshot",
    ),
    ("UPDATE submission_round SET locked = 0", "submission round"),
    ("UPDATE submission_round SET snapshot = NULL", "submission round"),
    ("DELETE FROM submission_round", "submission round"),
]
# SQLite only: replacing a locked row deletes it without a DELETE trigger: refused as well
REPLACING_EDITS = [
    (
        "INSERT OR REPLACE INTO determination (id, case_id, category) VALUES (2, 1, '合法')",
        "determination",
    ),
    (
        "INSERT OR REPLACE INTO rectification (id, case_id, measures) VALUES (2, 1, '无')",
        "rectification",
    ),
    ("UPDATE OR REPLACE determination SET id = 2 WHERE id = 1", "determination"),
    (
        "INSERT OR REPLACE INTO submission_round (period, stage) VALUES ('2026-03', '一上')",
        "submission round",
    ),
]


@pytest.mark.parametrize("statement, what", LOCKED_EDITS)
def test_the_store_cannot_change_a_locked_round(store, locked, statement, what):
    _refused_in_store(store, statement, what)


@pytest.mark.spatialite_only
@pytest.mark.parametrize("statement, what", REPLACING_EDITS)
def test_the_store_cannot_replace_a_locked_row(store, locked, statement, what):
    _refused_in_store(store, statement, what)


def _refused_in_store(store, statement, what):
    before = store._db.execute("SELECT count(*) FROM audit_log").fetchone()[0]
    with pytest.raises(sqlite3.IntegrityError) as raised, store.transaction() as db:
        db.execute(statement)
    message = str(raised.value)
    assert message.startswith("locked:") and "2026-03 一上" in message and what in message
    assert "锁定" in message  # QGIS shows this text as it is: Chinese beside English
    error = locks.as_round_locked(raised.value)
    assert isinstance(error, RoundLocked) and error.params == {"round": "2026-03 一上"}
    assert store._db.execute("SELECT count(*) FROM audit_log").fetchone()[0] == before


@pytest.mark.parametrize("statement, what", LOCKED_EDITS)
def test_another_program_cannot_change_a_locked_round(store, locked, statement, what):
    _refused_to_another_program(store, statement)


@pytest.mark.spatialite_only
@pytest.mark.parametrize("statement, what", REPLACING_EDITS)
def test_another_program_cannot_replace_a_locked_row(store, locked, statement, what):
    _refused_to_another_program(store, statement)


def _refused_to_another_program(store, statement):
    plain = _plain(store)  # no SpatiaLite loaded: the triggers must not need it
    try:
        with pytest.raises(sqlite3.IntegrityError, match="locked: .*2026-03 一上"):
            plain.execute(statement)
    finally:
        plain.close()


def test_revisions_and_unlocked_data_stay_editable(store, locked):
    plain = _plain(store)
    # a revision is a new row pointing at the locked one, which stays untouched
    plain.execute(
        "INSERT INTO determination (case_id, category, subtype, revises, revision_reason) "
        "VALUES (1, '违法', '工矿商服', 2, '二上更正')"
    )
    plain.execute("INSERT INTO rectification (case_id, measures) VALUES (1, '没收')")
    # rows the locked round does not hold: the superseded determination 1, rectification 1
    plain.execute("UPDATE determination SET evidence = '现场照片' WHERE id = 1")
    plain.execute("UPDATE rectification SET note = '第一次' WHERE id = 1")
    plain.execute("UPDATE case_record SET status = '待复核' WHERE id = 1")  # the live case
    plain.close()
    assert locks.locked_round_of(store, "determination", 2) == "2026-03 一上"
    assert locks.locked_round_of(store, "determination", 1) is None
    # the month's work goes on in the next round
    second = rounds.create_round(store, "2026-03", "一下")
    change = rounds.diff_rounds(store, locked, second)[0]
    assert change.fields["subtype"] == ("圈占堆放等", "工矿商服")
    with store.transaction() as db:  # an unlocked round's snapshot is not locked
        db.execute("UPDATE round_item SET status = '待复核' WHERE round_id = ?", (second,))
    with store.transaction() as db:  # an unlocked round can still be withdrawn whole
        db.execute("DELETE FROM submission_round WHERE id = ?", (second,))
    assert [r.name for r in rounds.list_rounds(store)] == ["2026-03 一上"]
    assert verify_audit_trail(store).ok


def test_each_locked_round_is_named(store, locked):
    second = rounds.create_round(store, "2026-03", "一下")
    rounds.lock_round(store, second)
    with store.transaction() as db:
        db.execute(
            "INSERT INTO determination (case_id, category) VALUES (3, '其他')"
        )  # only in rounds to come
    third = rounds.create_round(store, "2026-03", "二上")
    plain = _plain(store)
    with pytest.raises(sqlite3.IntegrityError, match="2026-03 一下 已锁定"):
        plain.execute("UPDATE submission_round SET snapshot = '{}' WHERE id = ?", (second,))
    with pytest.raises(sqlite3.IntegrityError, match="2026-03 一下 已锁定"):  # take its key
        plain.execute(
            ("UPDATE" if store.is_postgres else "UPDATE OR REPLACE")
            + " submission_round SET stage = '一下' WHERE id = ?",
            (third,),
        )
    with pytest.raises(sqlite3.IntegrityError, match="2026-03 一上"):
        plain.execute("DELETE FROM round_item WHERE round_id = ?", (locked,))
    plain.execute("DELETE FROM round_item WHERE round_id = ?", (third,))  # not locked
    plain.execute("DELETE FROM determination WHERE case_id = 3")
    plain.close()


def test_a_round_locked_by_another_program_is_enforced_at_once_and_named_on_open(store):
    round_id = rounds.create_round(store, "2026-03", "一上")
    plain = _plain(store)
    plain.execute("UPDATE submission_round SET locked = 1 WHERE id = ?", (round_id,))
    # SQLite's triggers name a round once the store regenerates them; the server's at once
    named = "2026-03 一上" if store.is_postgres else "locked submission round"
    with pytest.raises(sqlite3.IntegrityError, match=f"locked: .*{named}"):
        plain.execute("DELETE FROM rectification WHERE id = 2")
    plain.close()
    store.close()
    reopened = CaseStore.open(store.location)
    with pytest.raises(sqlite3.IntegrityError, match="2026-03 一上"), reopened.transaction() as db:
        db.execute("DELETE FROM rectification WHERE id = 2")
    reopened.close()


@pytest.mark.spatialite_only
def test_locks_hold_for_spatialite_programs_too(store, locked):
    other = connect(store.path)  # QGIS's provider loads SpatiaLite
    with pytest.raises(sqlite3.IntegrityError, match="locked: .*2026-03 一上"):
        other.execute("UPDATE determination SET category = '合法' WHERE id = 2")
    other.close()
