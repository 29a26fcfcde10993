"""The tamper suite: another program holding the file tries, statement by statement, to
change a locked round and its audit trail. Each attempt is refused by the database or
found by the records verification, the finding naming the row, trigger or table."""

from __future__ import annotations

import sqlite3

import pytest

from helpers import force_status, new_plot, small_database
from landcase.cases import CaseStore, audit_chain, rounds, schema, seals
from landcase.cases import verification_findings as vf
from landcase.cases.connection import connect

RECONNECT = "-- reconnect"  # writable_schema edits show to the next connection


@pytest.fixture
def store(tmp_path):
    """Round 2026-03 一上 locked: it holds submission_round 1, round_item 1-3 (cases 1-3),
    determination 2 (case 1's revision) and 3 (case 2), rectification 2 (case 1).
    Afterwards more work (case 4 registered, statuses) moves the audit log past the lock."""
    store = small_database(tmp_path / "s.sqlite", plots=3)
    with store.transaction() as db:
        db.execute(
            "INSERT INTO determination (case_id, category, subtype) VALUES (1, '违法', '工矿商服')"
        )
        db.execute(
            "INSERT INTO determination (case_id, category, subtype, revises) "
            "VALUES (1, '违法', '圈占堆放等', 1)"
        )
        db.execute(
            "INSERT INTO determination (case_id, category, approval_number) "
            "VALUES (2, '合法', '苏政地〔2025〕12号')"
        )
        db.execute("INSERT INTO rectification (case_id, measures) VALUES (1, '拆除复耕')")
        db.execute(
            "INSERT INTO rectification (case_id, measures, demolished_area_m2) "
            "VALUES (1, '拆除复耕', 812.3456)"
        )
    round_id = rounds.create_round(store, "2026-03", "一上")
    rounds.lock_round(store, round_id)
    store.add_plot(new_plot(7))  # case 4, after the lock: not in the round
    force_status(store, 3, "已核查")
    force_status(store, 2, "已核查")
    yield store
    store.close()


def _drop(prefixes: tuple[str, ...]) -> str:
    """A marker: drop every trigger whose name starts with one of ``prefixes``."""
    return "-- drop " + " ".join(prefixes)


def _run(path, statements, spatialite=False):
    """Run ``statements`` as another program: autocommit, plain sqlite3 unless asked."""
    db = connect(path) if spatialite else sqlite3.connect(path, isolation_level=None)
    db.isolation_level = None
    try:
        for statement in statements:
            if statement == RECONNECT:
                db.close()
                db = sqlite3.connect(path, isolation_level=None)
            elif statement.startswith("-- drop "):
                prefixes = tuple(statement.split()[2:])
                names = [
                    r[0]
                    for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")
                    if r[0].startswith(prefixes)
                ]
                for name in names:
                    db.execute(f"DROP TRIGGER {name}")
            else:
                db.execute(statement)
    finally:
        db.close()


def _keys(findings):
    return {(f.kind, f.table, f.row_id, f.trigger) for f in findings}


# -- refused: the triggers hold against a plain connection ---------------------------------

REFUSED = {
    "update a locked determination": "UPDATE determination SET subtype = '工矿商服' WHERE id = 2",
    "delete a locked rectification": "DELETE FROM rectification WHERE id = 2",
    "delete the locked snapshot": "DELETE FROM round_item WHERE round_id = 1",
    "add to the locked snapshot": "INSERT INTO round_item (round_id, case_id, snapshot) "
    "VALUES (1, 3, '{}')",
    "unlock the round": "UPDATE submission_round SET locked = 0 WHERE id = 1",
    "replace a locked determination": "INSERT OR REPLACE INTO determination (id, case_id, "
    "category) VALUES (2, 1, '合法')",
    "replace a case": "INSERT OR REPLACE INTO case_record (id, plot_id, status) "
    "VALUES (1, 1, '已销号')",
    "REPLACE a batch": "REPLACE INTO batch (id, name) VALUES (1, '另一批')",
    "replace a batch by its name": "INSERT OR REPLACE INTO batch (name) VALUES ('2026年第1批部卫片')",
    "replace an unlocked determination": "INSERT OR REPLACE INTO determination (id, case_id, "
    "category) VALUES (1, 1, '合法')",
    "replace an audit row": "INSERT OR REPLACE INTO audit_log (id, table_name, row_id, action, "
    "changes, user_name) VALUES (3, 'plot', 1, 'UPDATE', '{}', 'x')",
    "UPDATE OR REPLACE a case onto another's plot": "UPDATE OR REPLACE case_record "
    "SET plot_id = 2 WHERE id = 1",
    "UPDATE OR REPLACE a case's id onto another": "UPDATE OR REPLACE case_record "
    "SET id = 4 WHERE id = 3",
    "change the srid": "UPDATE meta SET value = '4550' WHERE key = 'srid'",
    "replace the srid": "INSERT OR REPLACE INTO meta (key, value) VALUES ('srid', '4550')",
    "delete the srid": "DELETE FROM meta WHERE key = 'srid'",
    "rename the srid key": "UPDATE meta SET key = 'old_srid' WHERE key = 'srid'",
    "change an audit row": "UPDATE audit_log SET user_name = '某人' WHERE id = 5",
    "delete the audit log's tail": "DELETE FROM audit_log WHERE id > "
    "(SELECT max(id) - 3 FROM audit_log)",
    "insert a sealed audit row": "INSERT INTO audit_log (table_name, row_id, action, changes, "
    "user_name, prev_hash, row_hash) VALUES ('plot', 1, 'UPDATE', '{}', 'x', "
    "'" + "0" * 64 + "', '" + "1" * 64 + "')",
    "change a row seal": "UPDATE round_seal_row SET content = '{}' WHERE row_id = 2",
    "delete a round's seal": "DELETE FROM round_seal",
    "replace a round's seal": "INSERT OR REPLACE INTO round_seal (round_id, root_hash, rows) "
    "VALUES (1, 'x', 0)",
    "add a row seal": "INSERT INTO round_seal_row (round_id, table_name, row_id, row_hash, "
    "content) VALUES (1, 'determination', 1, 'x', '{}')",
    "move the checkpoint back": "UPDATE audit_checkpoint SET audit_id = 1",
    "delete the checkpoint": "DELETE FROM audit_checkpoint",
}


@pytest.mark.parametrize("statement", REFUSED.values(), ids=list(REFUSED))
def test_refused_by_the_database(store, statement):
    with pytest.raises(sqlite3.IntegrityError):
        _run(store.path, [statement])
    assert vf.verify_file(store.path) == []


def test_a_replace_of_a_plot_by_its_number_is_refused_for_spatialite_programs(store):
    statement = "INSERT OR REPLACE INTO plot (jcbh, geom) SELECT jcbh, geom FROM plot WHERE id = 1"
    with pytest.raises(sqlite3.IntegrityError, match="replace refused: .*plot.jcbh"):
        _run(store.path, [statement], spatialite=True)
    assert vf.verify_file(store.path) == []


# -- found: the triggers were taken away first ---------------------------------------------

LOCKED_DETERMINATION = ("row_changed", "determination", 2, None)
FOUND = {
    "drop the lock and audit triggers, then update a locked determination": (
        [
            _drop(("lock_", "audit_determination")),
            "UPDATE determination SET subtype = '工矿商服' WHERE id = 2",
        ],
        {
            LOCKED_DETERMINATION,
            ("trigger_missing", "determination", None, "lock_determination_update"),
            ("trigger_missing", "determination", None, "audit_determination_update"),
            ("trigger_missing", "round_item", None, "lock_round_item_delete"),
        },
    ),
    "writable_schema: delete a lock trigger's entry, then update": (
        [
            "PRAGMA writable_schema = ON",
            "DELETE FROM sqlite_master WHERE type = 'trigger' "
            "AND name = 'lock_determination_update'",
            RECONNECT,
            "UPDATE determination SET category = '合法' WHERE id = 2",
        ],
        {
            ("row_changed", "determination", 2, None),
            ("trigger_missing", "determination", None, "lock_determination_update"),
        },
    ),
    "writable_schema: disarm a lock trigger's condition, then update": (
        [
            "PRAGMA writable_schema = ON",
            "UPDATE sqlite_master SET sql = replace(sql, 'WHEN (', 'WHEN 0 AND (') "
            "WHERE type = 'trigger' AND name = 'lock_rectification_update'",
            RECONNECT,
            "UPDATE rectification SET demolished_area_m2 = 0 WHERE id = 2",
        ],
        {
            ("row_changed", "rectification", 2, None),
            ("trigger_altered", "rectification", None, "lock_rectification_update"),
        },
    ),
    "writable_schema: delete every audit trigger's entry": (
        [
            "PRAGMA writable_schema = ON",
            "DELETE FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'audit_case%'",
            RECONNECT,
            "UPDATE case_record SET status = '已销号' WHERE id = 3",
        ],
        {("trigger_missing", "case_record", None, "audit_case_record_update")},
    ),
    "rename the determination table and recreate it": (
        [
            "ALTER TABLE determination RENAME TO determination_old",
            "CREATE TABLE determination AS SELECT * FROM determination_old",
            "UPDATE determination SET category = '合法' WHERE id = 2",
        ],
        {
            ("row_changed", "determination", 2, None),
            ("trigger_altered", "determination_old", None, "lock_determination_update"),
            ("trigger_altered", "determination_old", None, "audit_determination_insert"),
        },
    ),
    "DROP TABLE round_item": (
        ["DROP TABLE round_item"],
        {
            ("table_missing", "round_item", None, None),
            ("row_missing", "round_item", 1, None),
            ("row_missing", "round_item", 3, None),
            ("trigger_missing", "round_item", None, "lock_round_item_update"),
            ("trigger_missing", "round_item", None, "audit_round_item_insert"),
        },
    ),
    "drop the triggers and delete a locked determination": (
        [_drop(("lock_", "audit_")), "DELETE FROM determination WHERE id = 3"],
        {("row_missing", "determination", 3, None)},
    ),
    "drop the triggers and unlock the round": (
        [_drop(("lock_",)), "UPDATE submission_round SET locked = 0 WHERE id = 1"],
        {("row_changed", "submission_round", 1, None)},
    ),
    "drop the triggers and add a case to the locked snapshot": (
        [
            _drop(("lock_",)),
            "INSERT INTO round_item (round_id, case_id, snapshot) "
            "SELECT 1, 4, snapshot FROM round_item WHERE id = 3",
        ],
        {("row_extra", "round_item", 4, None)},
    ),
    "drop the guards and replace a locked determination": (
        [
            _drop(("lock_", "guard_")),
            "INSERT OR REPLACE INTO determination (id, case_id, category) VALUES (2, 1, '合法')",
        ],
        {
            ("row_changed", "determination", 2, None),
            ("trigger_missing", "determination", None, "guard_determination_no_replace"),
        },
    ),
    "drop the guards and replace a case": (
        [
            _drop(("guard_",)),
            "INSERT OR REPLACE INTO case_record (id, plot_id, status) VALUES (3, 3, '已销号')",
        ],
        {("trigger_missing", "case_record", None, "guard_case_record_no_replace")},
    ),
    "drop the guards and change the srid": (
        [_drop(("guard_meta",)), "UPDATE meta SET value = '4550' WHERE key = 'srid'"],
        {
            ("srid_changed", "plot", None, None),
            ("trigger_missing", "meta", None, "guard_meta_srid_update"),
        },
    ),
    "a forged INSERT into audit_log": (
        [
            "INSERT INTO audit_log (table_name, row_id, action, changes, user_name) VALUES "
            "('determination', 2, 'UPDATE', '{\"subtype\":[\"工矿商服\",\"圈占堆放等\"]}', '王五')"
        ],
        set(),  # completed below: the finding names the forged row's id
    ),
    "a forged audit row about a row that does not exist": (
        [
            "INSERT INTO audit_log (table_name, row_id, action, changes, user_name) VALUES "
            "('plot', 99, 'INSERT', '{\"jcbh\":\"X\"}', '王五')"
        ],
        set(),
    ),
    "delete the audit log's tail": (
        [
            _drop(("audit_log_",)),
            "DELETE FROM audit_log WHERE id > (SELECT max(id) - 3 FROM audit_log)",
        ],
        set(),  # the checkpoint's row is named below
    ),
    "delete the tail and move the checkpoint back": (
        [
            _drop(("audit_log_", "guard_audit_checkpoint")),
            "DELETE FROM audit_log WHERE id > 10",
            "UPDATE audit_checkpoint SET audit_id = 10, "
            "audit_hash = (SELECT row_hash FROM audit_log WHERE id = 10)",
        ],
        set(),  # the lock's own checkpoint still names its row
    ),
    "change a sealed audit row": (
        [_drop(("audit_log_",)), "UPDATE audit_log SET user_name = '某人' WHERE id = 4"],
        {("audit_chain", "audit_log", 4, None)},
    ),
    "change a row's seal": (
        [
            _drop(("guard_round_seal",)),
            "UPDATE round_seal_row SET row_hash = 'x' WHERE row_id = 2 "
            "AND table_name = 'determination'",
        ],
        set(),
    ),
    "lock a round from another program": (
        [
            "INSERT INTO submission_round (period, stage) VALUES ('2026-03', '一下')",
            "UPDATE submission_round SET locked = 1 WHERE stage = '一下'",
        ],
        {("round_unsealed", "submission_round", 2, None)},
    ),
}
# a round locked by another program is named as such, not as nine changed lock triggers
NOT_FOUND = {
    "lock a round from another program": {"trigger_altered", "trigger_missing"},
}


@pytest.mark.parametrize("statements, expected", FOUND.values(), ids=list(FOUND))
def test_found_by_the_verification(store, statements, expected):
    path = store.path
    last_before = store._db.execute("SELECT max(id) FROM audit_log").fetchone()[0]
    checkpoint = store._db.execute("SELECT audit_id FROM audit_checkpoint").fetchone()[0]
    lock_head = store._db.execute("SELECT audit_id FROM round_seal").fetchone()[0]
    store.close()
    _run(path, statements)
    findings = vf.verify_file(path)
    keys = _keys(findings)
    assert findings, "nothing found"
    assert expected <= keys, (expected - keys, keys)
    for case, kinds in NOT_FOUND.items():
        if FOUND[case][0] == statements:
            assert not kinds & {k[0] for k in keys}, keys
    name = statements[-1]
    if "forged" in str(statements) or name.startswith("INSERT INTO audit_log"):
        assert ("audit_forged", _table_of(name), last_before + 1, None) in keys
    if "DELETE FROM audit_log WHERE id > (" in name:
        # the log now ends 3 rows early: the checkpoint (the last sealed row) is named
        assert ("audit_truncated", "audit_log", checkpoint, None) in keys
    if "audit_checkpoint SET audit_id = 10" in name:
        assert ("audit_truncated", "audit_log", lock_head, None) in keys
    if "round_seal_row SET row_hash" in name:
        assert any(f.kind == "seal_broken" and "2026-03 一上" in f.message() for f in findings)
    for finding in findings:  # every finding reads as a sentence in both languages
        assert "{" not in finding.message() and "{" not in finding.chinese()
    # The store: a missing table is named, never a raw OperationalError; otherwise it opens,
    # says what it found before rebuilding the triggers, and the verification agrees.
    missing = [f.table for f in findings if f.kind == "table_missing"]
    if missing:
        with pytest.raises(Exception) as raised:
            CaseStore.open(path)
        assert not isinstance(raised.value, sqlite3.Error)
        assert missing[0] in str(raised.value)
        return
    reopened = CaseStore.open(path)
    try:
        trigger_keys = {k for k in keys if k[0].startswith("trigger_")}
        assert trigger_keys <= _keys(reopened.opening_findings)
        assert expected <= _keys(vf.verify(reopened))
        # forged rows stay unsealed, also after the store's own actions
        force_status(reopened, 1, "整改中")
        for kind, _table, row_id, _trigger in keys:
            if kind == "audit_forged":
                sealed = reopened._db.execute(
                    "SELECT row_hash FROM audit_log WHERE id = ?", (row_id,)
                ).fetchone()[0]
                assert sealed is None
    finally:
        reopened.close()


def _table_of(statement: str) -> str:
    return statement.split("VALUES ('", 1)[1].split("'", 1)[0]


def test_the_changed_row_is_named_with_its_old_and_new_values(store):
    store.close()
    _run(
        store.path,
        [_drop(("lock_",)), "UPDATE determination SET subtype = '工矿商服' WHERE id = 2"],
    )
    (changed,) = [f for f in vf.verify_file(store.path) if f.kind == "row_changed"]
    assert (changed.old, changed.new) == ({"subtype": "圈占堆放等"}, {"subtype": "工矿商服"})
    assert changed.message() == (
        "locked row determination #2 of round 2026-03 一上 was changed: "
        'subtype: "圈占堆放等" → "工矿商服"'
    )
    assert changed.chinese().startswith("已锁定轮次 2026-03 一上 的记录 determination #2 被修改")


def test_an_untouched_database_gives_no_finding(store):
    assert vf.verify(store) == [] and store.opening_findings == []
    assert audit_chain.verify_audit_trail(store).ok
    store.close()
    assert vf.verify_file(store.path) == []
    reopened = CaseStore.open(store.path)
    assert reopened.opening_findings == [] and vf.verify(reopened) == []
    reopened.close()


def test_edits_by_another_program_through_the_triggers_are_sealed_not_flagged(store):
    """QGIS's attribute table writes through the triggers: its rows are genuine."""
    other = connect(store.path)
    other.execute("UPDATE case_record SET responsible_unit = '青山镇' WHERE id = 1")
    other.execute("UPDATE plot SET reporter = '赵六' WHERE id = 2")
    other.execute("DELETE FROM rectification WHERE id = 1")  # not locked: superseded
    other.close()
    assert vf.verify(store) == []
    force_status(store, 3, "待复核")  # seals them
    assert vf.verify(store) == []
    assert (
        store._db.execute("SELECT count(*) FROM audit_log WHERE row_hash IS NULL").fetchone()[0]
        == 0
    )


def test_a_batch_of_1200_plots_is_sealed_whole(tmp_path):
    """The rows of one import are checked against the data in chunks (SQLite's parameter
    limit): 1,200 plots and their cases = 2,400 audit rows, all genuine, all sealed."""
    store = small_database(tmp_path / "big.sqlite", plots=0)
    before = store._db.execute("SELECT count(*) FROM audit_log").fetchone()[0]
    store.add_plots([new_plot(i) for i in range(1200)], 1)
    counts = store._db.execute(
        "SELECT count(*), count(row_hash) FROM audit_log WHERE id > ?", (before,)
    ).fetchone()
    assert tuple(counts) == (2400, 2400)
    assert vf.verify(store) == []
    store.close()


def test_the_seal_is_sha256_of_the_documented_json(store):
    import hashlib
    import json

    content = store._db.execute(
        "SELECT content, row_hash FROM round_seal_row WHERE table_name = 'determination' "
        "AND row_id = 2"
    ).fetchone()
    row = dict(store._db.execute("SELECT * FROM determination WHERE id = 2").fetchone())
    assert json.loads(content[0]) == row
    payload = json.dumps(["determination", 2, row], ensure_ascii=False, separators=(",", ":"))
    assert content[1] == hashlib.sha256(payload.encode("utf-8")).hexdigest()
    sealed = store._db.execute(
        "SELECT table_name, row_id, row_hash FROM round_seal_row ORDER BY table_name, row_id"
    ).fetchall()
    # 1 round + 3 items + determinations 2 and 3 + rectification 2 = 7 rows
    assert [(r[0], r[1]) for r in sealed] == [
        ("determination", 2),
        ("determination", 3),
        ("rectification", 2),
        ("round_item", 1),
        ("round_item", 2),
        ("round_item", 3),
        ("submission_round", 1),
    ]
    root = hashlib.sha256(
        json.dumps([list(r) for r in sealed], separators=(",", ":")).encode()
    ).hexdigest()
    assert seals.latest_lock_root(store) == ("2026-03 一上", root)


def test_a_consistent_rewrite_is_not_found_in_the_file_but_changes_the_printed_root(store):
    """What a file cannot prove (README): drop the triggers, rewrite a locked row, its seal
    and the round's root consistently, put the triggers back exactly as they were. The
    file verifies clean; only the root printed at the lock (on paper) shows it."""
    printed = seals.latest_lock_root(store)[1]
    store.close()
    db = sqlite3.connect(store.path, isolation_level=None)
    triggers = db.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND (name LIKE 'lock_%' "
        "OR name LIKE 'guard_round_seal%' OR name LIKE 'audit_determination%')"
    ).fetchall()
    for name, _sql in triggers:
        db.execute(f"DROP TRIGGER {name}")
    db.execute("UPDATE determination SET subtype = '工矿商服' WHERE id = 2")
    db.row_factory = sqlite3.Row
    row = dict(db.execute("SELECT * FROM determination WHERE id = 2").fetchone())
    db.execute(
        "UPDATE round_seal_row SET content = ?, row_hash = ? WHERE table_name = 'determination' "
        "AND row_id = 2",
        (seals._dumps(row), seals.row_hash("determination", 2, row)),
    )
    hashes = db.execute("SELECT table_name, row_id, row_hash FROM round_seal_row").fetchall()
    db.execute(
        "UPDATE round_seal SET root_hash = ?", (seals.root_hash([tuple(h) for h in hashes]),)
    )
    for _name, sql in triggers:
        db.execute(sql)
    db.close()
    assert vf.verify_file(store.path) == []  # the file alone: consistent
    reopened = CaseStore.open(store.path)
    assert reopened.opening_findings == [] and vf.verify(reopened) == []
    assert seals.latest_lock_root(reopened)[1] != printed  # but not what was printed
    reopened.close()


def test_what_opening_found_is_kept_after_the_triggers_are_restored(store):
    """Triggers dropped, an unlocked plot changed unaudited: the store restores them when
    it opens the file, and every later verification still names them, with the time."""
    store.close()
    _run(store.path, [_drop(("audit_plot",)), "UPDATE plot SET reporter = '某人' WHERE id = 1"])
    first = CaseStore.open(store.path)
    assert {f.trigger for f in first.opening_findings} == {
        "audit_plot_delete",
        "audit_plot_insert",
        "audit_plot_update",
    }
    first.close()
    second = CaseStore.open(store.path)
    assert second.opening_findings == []  # the triggers are back
    kept = vf.verify(second)
    assert [(f.kind, f.trigger) for f in kept] == [
        ("trigger_missing", "audit_plot_delete"),
        ("trigger_missing", "audit_plot_insert"),
        ("trigger_missing", "audit_plot_update"),
    ]
    assert kept[2].message().startswith("found when the file was opened at 20")
    assert kept[2].chinese().endswith("数据表 plot 的触发器 audit_plot_update 缺失（已被删除）")
    second.close()
    with pytest.raises(sqlite3.IntegrityError, match="event refused"):
        _run(store.path, ["DELETE FROM integrity_event"])


def test_the_demo_database_gives_no_finding(demo_database, tmp_path):
    """The demo `make run` builds (imports, photos, desk comparisons, workflow steps,
    rounds) is untouched: 0 findings, as a file and through a store."""
    import shutil

    path = tmp_path / "demo.sqlite"
    shutil.copy(demo_database, path)
    assert vf.verify_file(path) == []
    store = CaseStore.open(path)
    assert store.opening_findings == [] and vf.verify(store) == []
    store.close()


def test_an_older_file_with_a_locked_round_is_sealed_on_upgrade(tmp_path):
    """A schema v5 file whose round was locked before seals existed: the upgrade seals it as
    it is, and a later change behind the store's back is found."""
    path = tmp_path / "v5.sqlite"
    store = CaseStore.create(path, 4549, user="测试员", up_to_version=5)
    batch = store.add_batch("2026年第1批部卫片")
    store.add_plots([new_plot(i) for i in range(2)], batch)
    with store.transaction() as db:
        db.execute("INSERT INTO determination (case_id, category) VALUES (1, '违法')")
    round_id = rounds.create_round(store, "2026-03", "一上")
    rounds.lock_round(store, round_id)  # no seal tables yet: locked without a seal
    store.close()
    upgraded = CaseStore.open(path)
    assert upgraded.schema_version == schema.LATEST_VERSION and upgraded.opening_findings == []
    # round 1 + 2 items + determination 1 = 4 sealed rows
    assert upgraded._db.execute("SELECT rows FROM round_seal").fetchone()[0] == 4
    assert vf.verify(upgraded) == []
    upgraded.close()
    _run(path, [_drop(("lock_",)), "UPDATE determination SET category = '合法' WHERE id = 1"])
    assert ("row_changed", "determination", 1, None) in _keys(vf.verify_file(path))
