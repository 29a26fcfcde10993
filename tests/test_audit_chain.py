"""The audit log's hash chain: rows are sealed in id order, sealing is the only update the
triggers allow, and tampering behind the store's back is found and named."""

from __future__ import annotations

import hashlib
import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from helpers import force_status, small_database
from landcase.cases import CaseStore, audit_chain, rounds
from landcase.cases.audit_chain import GENESIS, verify_audit_trail
from landcase.cases.connection import connect

V1_FILE = Path(__file__).parent / "data" / "schema_v1.sqlite"
APPEND_ONLY_TRIGGERS = ("audit_log_no_update", "audit_log_no_delete", "audit_log_born_unsealed")


def _log(path: Path, chain: bool = True) -> list[tuple]:
    db = sqlite3.connect(path)
    try:
        return db.execute(
            "SELECT id, table_name, row_id, action, changes, user_name, changed_at"
            + (", prev_hash, row_hash" if chain else "")
            + " FROM audit_log ORDER BY id"
        ).fetchall()
    finally:
        db.close()


def _tamper(path: Path, *statements: str, params=()) -> None:
    """Edit the log the way it takes behind the store's back: drop the append-only
    triggers first, with a plain sqlite3 connection (no SpatiaLite)."""
    db = sqlite3.connect(path, isolation_level=None)
    try:
        for name in APPEND_ONLY_TRIGGERS:
            db.execute(f"DROP TRIGGER IF EXISTS {name}")
        for statement in statements:
            db.execute(statement, params)
    finally:
        db.close()


@pytest.fixture
def store(tmp_path):
    """A store with a few dozen audit rows of several kinds, all sealed."""
    store = small_database(tmp_path / "s.sqlite", plots=4)
    store.set_actor("王核查")
    force_status(store, 1, "已核查")
    with store.transaction() as db:
        db.execute("INSERT INTO determination (case_id, category) VALUES (1, '违法')")
        db.execute("UPDATE plot SET reporter = '张三' WHERE id = 2")
    rounds.create_round(store, "2026-03", "一上")
    yield store
    store.close()


def test_every_row_is_sealed_and_linked_to_the_one_before(store):
    rows = _log(store.path)
    assert len(rows) > 15
    previous = GENESIS
    for row in rows:
        prev_hash, row_hash = row[-2:]
        assert prev_hash == previous
        assert len(row_hash) == 64 and int(row_hash, 16) >= 0
        previous = row_hash
    result = verify_audit_trail(store)
    assert result.ok and result.first_broken_id is None and result.reason is None
    assert result.checked == len(rows) and result.unsealed == 0


def test_the_seal_is_sha256_of_the_documented_json(store):
    row = _log(store.path)[3]
    values = list(row[:7])
    payload = json.dumps([row[7], *values], ensure_ascii=False, separators=(",", ":"))
    assert row[8] == hashlib.sha256(payload.encode("utf-8")).hexdigest()
    assert "青山镇" in payload or "测试员" in payload  # Chinese is hashed as UTF-8, not \\u


def test_a_rolled_back_action_leaves_no_seal_behind(store):
    before = _log(store.path)
    with pytest.raises(RuntimeError), store.transaction() as db:
        db.execute("UPDATE plot SET reporter = '李四' WHERE id = 3")
        raise RuntimeError("the user cancelled")
    assert _log(store.path) == before
    assert verify_audit_trail(store).ok


def test_rows_written_by_another_program_are_sealed_on_next_open(tmp_path):
    path = tmp_path / "s.sqlite"
    small_database(path, plots=2).close()
    plain = sqlite3.connect(path)  # no SpatiaLite, no store: a QGIS attribute-table edit
    plain.execute("UPDATE case_record SET responsible_unit = '青山镇人民政府' WHERE id = 1")
    plain.execute("UPDATE case_record SET responsible_unit = '红旗镇人民政府' WHERE id = 2")
    plain.commit()
    plain.close()
    written = _log(path)[-2:]
    assert [row[-2:] for row in written] == [(None, None), (None, None)]

    store = CaseStore.open(path)
    rows = _log(path)
    assert all(row[-1] is not None for row in rows)
    assert rows[-2][-2] == rows[-3][-1] and rows[-1][-2] == rows[-2][-1]
    result = verify_audit_trail(store)
    assert result.ok and result.checked == len(rows)


def test_unsealed_rows_at_the_end_wait_for_the_next_action(store):
    other = connect(store.path)
    other.execute("UPDATE plot SET reporter = '赵六' WHERE id = 1")
    other.close()
    waiting = verify_audit_trail(store)
    assert waiting.ok and waiting.unsealed == 1
    force_status(store, 2, "已核查")
    sealed = verify_audit_trail(store)
    assert sealed.ok and sealed.unsealed == 0 and sealed.checked == waiting.checked + 2


def test_sealing_is_the_only_update_the_triggers_allow(store):
    path = store.path
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("UPDATE case_record SET responsible_unit = '青山镇' WHERE id = 1")  # unsealed
    last = other.execute("SELECT max(id) FROM audit_log").fetchone()[0]
    good = "a" * 64
    refused = [
        ("UPDATE audit_log SET row_hash = ? WHERE id = 1", (good,)),  # a sealed row
        ("UPDATE audit_log SET prev_hash = NULL, row_hash = NULL WHERE id = 1", ()),
        ("UPDATE audit_log SET row_hash = ? WHERE id = ?", (good, last)),  # half a seal
        ("UPDATE audit_log SET prev_hash = ?, row_hash = 'short' WHERE id = ?", (good, last)),
        (  # sealing while changing the content
            "UPDATE audit_log SET prev_hash = ?, row_hash = ?, user_name = 'x' WHERE id = ?",
            (good, good, last),
        ),
        ("DELETE FROM audit_log WHERE id = ?", (last,)),
        (
            "INSERT INTO audit_log (table_name, row_id, action, changes, user_name, prev_hash, "
            "row_hash) VALUES ('plot', 1, 'UPDATE', '{}', 'x', ?, ?)",
            (good, good),
        ),
    ]
    for statement, params in refused:
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            other.execute(statement, params)
    # The one update allowed: a seal on an unsealed row. Anyone may write it; a wrong one
    # is found by the verification.
    other.execute(
        "UPDATE audit_log SET prev_hash = ?, row_hash = ? WHERE id = ?", (good, good, last)
    )
    other.close()
    result = verify_audit_trail(store)
    assert not result.ok and result.first_broken_id == last
    assert result.reason == audit_chain.CHANGED


@pytest.mark.parametrize("column, value", [("user_name", "无名氏"), ("changes", '{"status":[]}')])
def test_a_changed_row_is_named(store, column, value):
    rows = _log(store.path)
    k = rows[len(rows) // 2][0]
    _tamper(store.path, f"UPDATE audit_log SET {column} = ? WHERE id = {k}", params=(value,))
    result = verify_audit_trail(store)
    assert not result.ok
    assert result.first_broken_id == k
    assert result.reason == audit_chain.CHANGED
    assert result.checked == k - 1
    assert str(k) in result.message()


def test_a_changed_and_resealed_row_breaks_the_link_of_the_next(store):
    rows = _log(store.path)
    k = rows[5][0]
    row = list(rows[5])
    row[5] = "无名氏"
    resealed = audit_chain.row_hash(row[7], row[:7])
    _tamper(
        store.path,
        f"UPDATE audit_log SET user_name = '无名氏', row_hash = ? WHERE id = {k}",
        params=(resealed,),
    )
    result = verify_audit_trail(store)
    assert (result.ok, result.first_broken_id) == (False, k + 1)
    assert result.reason == audit_chain.BROKEN_LINK and result.params["previous_id"] == k


def test_a_deleted_row_is_named_by_the_gap(store):
    k = _log(store.path)[7][0]
    _tamper(store.path, f"DELETE FROM audit_log WHERE id = {k}")
    result = verify_audit_trail(store)
    assert (result.ok, result.first_broken_id) == (False, k + 1)
    assert result.reason == audit_chain.MISSING
    assert result.params == {"previous_id": k - 1}
    assert result.message() == f"audit rows between {k - 1} and {k + 1} are missing (deleted)"


def test_a_deleted_first_row_is_found(store):
    _tamper(store.path, "DELETE FROM audit_log WHERE id = 1")
    result = verify_audit_trail(store)
    assert (result.ok, result.first_broken_id, result.reason) == (False, 2, audit_chain.MISSING)


def test_re_ordered_rows_are_found(store):
    k = _log(store.path)[4][0]
    _tamper(
        store.path,
        f"UPDATE audit_log SET id = -1 WHERE id = {k}",
        f"UPDATE audit_log SET id = {k} WHERE id = {k + 1}",
        f"UPDATE audit_log SET id = {k + 1} WHERE id = -1",
    )
    result = verify_audit_trail(store)
    assert (result.ok, result.first_broken_id, result.reason) == (False, k, audit_chain.CHANGED)


def test_a_cleared_seal_before_sealed_rows_is_found(store):
    k = _log(store.path)[3][0]
    _tamper(store.path, f"UPDATE audit_log SET prev_hash = NULL, row_hash = NULL WHERE id = {k}")
    result = verify_audit_trail(store)
    assert (result.ok, result.first_broken_id, result.reason) == (False, k, audit_chain.UNSEALED)


def test_the_head_recorded_at_a_lock_catches_a_rewritten_chain(store):
    """Clearing every seal from row k on lets the store seal the rows again; the head kept
    when the round was locked (and printed with its figures) still shows it."""
    round_id = rounds.list_rounds(store)[0].id
    head = rounds.lock_round(store, round_id).summary["audit_head"]
    assert head == {"id": head["id"], "row_hash": _log(store.path)[head["id"] - 1][-1]}
    force_status(store, 3, "已核查")
    assert verify_audit_trail(store).ok
    k = head["id"] - 3
    _tamper(
        store.path,
        f"UPDATE audit_log SET user_name = '无名氏' WHERE id = {k}",
        f"UPDATE audit_log SET prev_hash = NULL, row_hash = NULL WHERE id >= {k}",
    )
    store.close()
    reopened = CaseStore.open(store.path)  # restores the triggers and seals the rows again
    result = verify_audit_trail(reopened)
    assert (result.ok, result.first_broken_id) == (False, head["id"])
    assert result.reason == audit_chain.ANCHOR and result.params == {"round": "2026-03 一上"}
    reopened.close()


def test_a_log_cut_short_after_a_lock_is_found(store):
    round_id = rounds.list_rounds(store)[0].id
    head = rounds.lock_round(store, round_id).summary["audit_head"]
    _tamper(store.path, f"DELETE FROM audit_log WHERE id >= {head['id']}")
    result = verify_audit_trail(store)
    assert (result.ok, result.first_broken_id) == (False, head["id"])
    assert result.reason == audit_chain.TRUNCATED


def test_opening_restores_dropped_append_only_triggers(store, caplog):
    _tamper(store.path)  # drops them and changes nothing else
    store.close()
    with caplog.at_level("WARNING"):
        reopened = CaseStore.open(store.path)
    assert "audit_log_no_delete" in caplog.text
    with pytest.raises(sqlite3.IntegrityError, match="append-only"), reopened.transaction() as db:
        db.execute("DELETE FROM audit_log WHERE id = 1")
    assert verify_audit_trail(reopened).ok
    reopened.close()


def test_a_v3_file_from_before_the_chain_opens_and_is_sealed(tmp_path):
    """A file written by the build before sealing: every log row unsealed, the old
    append-only triggers that refuse every update, no lock triggers."""
    path = tmp_path / "s.sqlite"
    small_database(path, plots=2).close()
    old = sqlite3.connect(path, isolation_level=None)
    for name in old.execute(
        "SELECT name FROM sqlite_master WHERE type = 'trigger' AND (name LIKE 'lock%' OR "
        "name LIKE 'audit_log%')"
    ).fetchall():
        old.execute(f"DROP TRIGGER {name[0]}")
    old.execute("UPDATE audit_log SET prev_hash = NULL, row_hash = NULL")
    old.execute(
        "CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN "
        "SELECT RAISE(ABORT, 'audit_log is append-only'); END"
    )
    old.close()
    store = CaseStore.open(path)
    result = verify_audit_trail(store)
    assert result.ok and result.checked == len(_log(path))
    names = {r[0] for r in store._db.execute("SELECT name FROM sqlite_master WHERE type='trigger'")}
    assert {"lock_determination_update", "audit_log_born_unsealed"} <= names
    store.close()


def test_a_migrated_version_1_file_has_its_old_rows_sealed(tmp_path):
    path = tmp_path / "old.sqlite"
    shutil.copy(V1_FILE, path)
    before = _log(path, chain=False)
    store = CaseStore.open(path, user="升级测试")
    after = _log(path)
    assert [row[:7] for row in after] == before
    result = verify_audit_trail(store)
    assert result.ok and result.checked == len(after) > 0
    store.close()


def test_a_file_without_the_chain_says_so(tmp_path):
    store = CaseStore.create(tmp_path / "v1.sqlite", 4549, up_to_version=1)
    store.add_batch("2026年第1批部卫片")  # the store works; there is just nothing to seal
    result = verify_audit_trail(store)
    assert not result.ok and result.reason == audit_chain.NO_CHAIN
    store.close()
