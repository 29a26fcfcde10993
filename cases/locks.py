"""Locked submission rounds, enforced by triggers in the database file.

After a round (一上, 一下, 二上 of a month) is reviewed it is locked (``rounds.lock_round``)
and its data can no longer be changed, whichever program opens the file (DOMAIN.md,
"Submission rounds and locking"). Once a round is locked, the triggers refuse:

- any update or deletion of its ``submission_round`` row (unlocking included), and any
  insert or update that would replace it (``INSERT OR REPLACE``, a conflicting id);
- any insert, update or deletion of its ``round_item`` rows (its snapshot);
- any update or deletion of the ``determination`` and ``rectification`` rows its items
  reference, and inserts that would replace them. Inserts of new rows stay allowed: a
  revision is a new determination whose ``revises`` points at the old one.

Each refusal is ``RAISE(ABORT, 'locked: …')`` naming the round (period and stage), in
English and Chinese, because QGIS shows SQLite's message as it is. SQLite 3.40 accepts only
a literal message, so the triggers hold one ``CASE`` branch per locked round and are
regenerated whenever a round is locked (and when the store opens a file whose triggers
differ from what this version generates). They call no SpatiaLite function: a plain
sqlite3 connection is refused the same way.
"""

from __future__ import annotations

import logging
import re
import sqlite3

from . import audit, catalog
from .errors import CaseDatabaseError

PREFIX = "lock_"
GENERIC = (
    "locked: this row belongs to a locked submission round and can no longer be changed "
    "(已锁定的报送数据，不能再修改)"
)
MESSAGES = {
    "submission_round": (
        "locked: submission round {name} is locked and can no longer be changed "
        "(报送轮次 {name} 已锁定，不能再修改)"
    ),
    "round_item": (
        "locked: the snapshot of submission round {name} is locked and can no longer be "
        "changed (报送轮次 {name} 已锁定，其快照不能再修改)"
    ),
    "determination": (
        "locked: this determination was submitted in round {name}, which is locked; record "
        "a revision instead (该判定已随 {name} 报送并锁定，不能修改或删除，请新增修订判定)"
    ),
    "rectification": (
        "locked: this rectification record was submitted in round {name}, which is locked; "
        "add a new record instead (该整改记录已随 {name} 报送并锁定，不能修改或删除，请新增记录)"
    ),
}
_NAMED = re.compile(r"round (\d{4}-\d{2} (?:一上|一下|二上))")

log = logging.getLogger(__name__)


class RoundLocked(CaseDatabaseError):
    template = "Submission round {round} is locked: its data can no longer be changed."


def as_round_locked(exc: BaseException) -> RoundLocked | None:
    """The ``RoundLocked`` error for a refusal of the lock triggers, else None.

    For callers that change determinations or rectifications: ``except
    sqlite3.IntegrityError as exc: raise (locks.as_round_locked(exc) or exc) from exc``.
    """
    text = str(exc)
    if not (isinstance(exc, sqlite3.IntegrityError) and text.startswith("locked:")):
        return None
    named = _NAMED.search(text)
    return RoundLocked(round=named.group(1) if named else "?")


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _locked_rounds(db: sqlite3.Connection) -> list[tuple[int, str]]:
    rows = db.execute("SELECT id, period, stage FROM submission_round WHERE locked = 1 ORDER BY id")
    return [(row[0], f"{row[1]} {row[2]}") for row in rows]


def _refusal(kind: str, round_sql: str, rounds: list[tuple[int, str]]) -> str:
    """SELECT that aborts with the message naming the round ``round_sql`` finds."""
    generic = f"RAISE(ABORT, {_literal(GENERIC)})"
    if not rounds:
        return f"SELECT {generic};"
    branches = " ".join(
        f"WHEN {round_id} THEN RAISE(ABORT, {_literal(MESSAGES[kind].format(name=name))})"
        for round_id, name in rounds
    )
    return f"SELECT CASE {round_sql} {branches} ELSE {generic} END;"


def _trigger(name: str, timing: str, table: str, kind: str, round_sql: str, rounds) -> str:
    return (
        f"CREATE TRIGGER {PREFIX}{name} {timing} ON {table}\n"
        f"    WHEN {round_sql} IS NOT NULL BEGIN\n"
        f"        {_refusal(kind, round_sql, rounds)}\n"
        f"    END"
    )


def _locked(condition: str) -> str:
    """The id of a locked round meeting ``condition`` on ``r`` (a submission_round), or NULL."""
    return (
        f"(SELECT r.id FROM submission_round AS r WHERE r.locked = 1 AND ({condition}) "
        "ORDER BY r.id LIMIT 1)"
    )


def _referencing(column: str, ids: str) -> str:
    """The id of a locked round whose items reference ``ids`` in ``column``, or NULL."""
    return (
        "(SELECT r.id FROM round_item AS i JOIN submission_round AS r ON r.id = i.round_id "
        f"WHERE i.{column} IN ({ids}) AND r.locked = 1 ORDER BY r.id LIMIT 1)"
    )


def index_statements(db: sqlite3.Connection) -> list[str]:
    """Indexes the triggers need to find a row's rounds at once (derived, like triggers)."""
    if not catalog.has_table(db, "round_item"):
        return []
    return [
        f"CREATE INDEX {PREFIX}round_item_{column} ON round_item ({column}_id) "
        f"WHERE {column}_id IS NOT NULL"
        for column in ("determination", "rectification")
    ]


def trigger_statements(
    db: sqlite3.Connection, rounds: list[tuple[int, str]] | None = None
) -> list[str]:
    """Every lock trigger the file should hold, given its tables and locked rounds
    (``rounds``: (id, 'period stage') to name instead, for the verification)."""
    if not catalog.has_table(db, "submission_round"):
        return []
    rounds = _locked_rounds(db) if rounds is None else rounds
    replaced = "r.id = NEW.id OR (r.period = NEW.period AND r.stage = NEW.stage)"
    statements = [
        _trigger(
            "submission_round_update",
            "BEFORE UPDATE",
            "submission_round",
            "submission_round",
            _locked(f"r.id = OLD.id OR {replaced}"),
            rounds,
        ),
        _trigger(
            "submission_round_delete",
            "BEFORE DELETE",
            "submission_round",
            "submission_round",
            _locked("r.id = OLD.id"),
            rounds,
        ),
        _trigger(
            "submission_round_insert",
            "BEFORE INSERT",
            "submission_round",
            "submission_round",
            _locked(replaced),
            rounds,
        ),
    ]
    if not catalog.has_table(db, "round_item"):
        return statements
    item_of = "r.id = (SELECT i.round_id FROM round_item AS i WHERE i.id = NEW.id)"
    statements += [
        _trigger(
            "round_item_insert",
            "BEFORE INSERT",
            "round_item",
            "round_item",
            _locked(f"r.id = NEW.round_id OR {item_of}"),
            rounds,
        ),
        _trigger(
            "round_item_update",
            "BEFORE UPDATE",
            "round_item",
            "round_item",
            _locked(f"r.id IN (OLD.round_id, NEW.round_id) OR {item_of}"),
            rounds,
        ),
        _trigger(
            "round_item_delete",
            "BEFORE DELETE",
            "round_item",
            "round_item",
            _locked("r.id = OLD.round_id"),
            rounds,
        ),
    ]
    for table in ("determination", "rectification"):
        column = f"{table}_id"
        statements += [
            _trigger(
                f"{table}_update",
                "BEFORE UPDATE",
                table,
                table,
                _referencing(column, "OLD.id, NEW.id"),
                rounds,
            ),
            _trigger(
                f"{table}_delete",
                "BEFORE DELETE",
                table,
                table,
                _referencing(column, "OLD.id"),
                rounds,
            ),
            # an explicit id of a locked row: INSERT OR REPLACE would delete it unseen
            _trigger(
                f"{table}_insert",
                "BEFORE INSERT",
                table,
                table,
                _referencing(column, "NEW.id"),
                rounds,
            ),
        ]
    return statements


def _installed_indexes(db: sqlite3.Connection) -> dict[str, str]:
    rows = db.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' "
        "AND substr(name, 1, length(?)) = ?",
        (PREFIX, PREFIX),
    )
    return {row[0]: " ".join(row[1].split()) for row in rows}


def outdated_triggers(db: sqlite3.Connection) -> list[str]:
    """Lock triggers and indexes of the file that are not what this version generates
    (an older build wrote them, a round was locked by another program, or a program
    dropped them): the store rebuilds them when it opens the file."""
    names = audit.differ(db, PREFIX, trigger_statements(db))
    expected = {s.split()[2]: " ".join(s.split()) for s in index_statements(db)}
    installed = _installed_indexes(db)
    names += sorted(
        n for n in set(expected) | set(installed) if expected.get(n) != installed.get(n)
    )
    if names:
        log.warning("lock triggers to rebuild: %s", ", ".join(names))
    return names


def rebuild_lock_triggers(db: sqlite3.Connection) -> None:
    """Drop and recreate the lock triggers and their indexes (in the caller's transaction).

    Called after migrations (``store._migrate``) and by ``rounds.lock_round`` in the
    transaction that locks a round, so that the triggers name every locked round.
    """
    for name in audit.installed_triggers(db, PREFIX):
        db.execute(f"DROP TRIGGER {name}")
    installed = _installed_indexes(db)
    expected = {s.split()[2]: s for s in index_statements(db)}
    for name, sql in installed.items():  # an index as it should be stays: no re-indexing
        if name not in expected or " ".join(expected[name].split()) != sql:
            db.execute(f"DROP INDEX {name}")
    for name, statement in expected.items():
        if installed.get(name) != " ".join(statement.split()):
            db.execute(statement)
    for statement in trigger_statements(db):
        db.execute(statement)


def locked_round_of(store, table: str, row_id: int) -> str | None:
    """'period stage' of the locked round that holds this row, or None (for the forms:
    show the record read-only instead of waiting for the database to refuse the edit)."""
    queries = {
        "submission_round": "SELECT period || ' ' || stage FROM submission_round "
        "WHERE id = ? AND locked = 1",
        "round_item": "SELECT r.period || ' ' || r.stage FROM round_item AS i "
        "JOIN submission_round AS r ON r.id = i.round_id WHERE i.id = ? AND r.locked = 1",
        "determination": "SELECT r.period || ' ' || r.stage FROM round_item AS i "
        "JOIN submission_round AS r ON r.id = i.round_id "
        "WHERE i.determination_id = ? AND r.locked = 1 ORDER BY r.id LIMIT 1",
        "rectification": "SELECT r.period || ' ' || r.stage FROM round_item AS i "
        "JOIN submission_round AS r ON r.id = i.round_id "
        "WHERE i.rectification_id = ? AND r.locked = 1 ORDER BY r.id LIMIT 1",
    }
    if table not in queries:
        return None
    row = store._db.execute(queries[table], (row_id,)).fetchone()
    return row[0] if row else None
