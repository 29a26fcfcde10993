"""Guard triggers: what the audit and lock triggers cannot see on their own.

- ``INSERT OR REPLACE`` (and an insert's ``ON CONFLICT REPLACE``) deletes the row it
  replaces without firing any DELETE trigger (SQLite fires them only with
  ``recursive_triggers``, a setting of the writing connection): the audit log would lose
  the old row unseen; so does ``UPDATE OR REPLACE`` setting a key to another row's value.
  On every audited table an insert that meets an existing row (its id or any UNIQUE key),
  and an update that would take another row's key, are refused; the store's own upserts update first and insert only new
  rows. ``audit_log`` itself: an insert on an existing id is refused the same way.
- The CRS recorded in the database (``meta`` key ``srid``) never changes: every stored
  coordinate and area is in it.
- The seals of locked rounds (``round_seal``, ``round_seal_row``) are written once and
  never changed or deleted; the audit checkpoint only moves forward.

Like the lock triggers they call no SpatiaLite function, so a plain sqlite3 connection is
refused the same way, and they are rebuilt when the store opens a file whose guards differ
from what this version generates.
"""

from __future__ import annotations

import sqlite3

from . import audit, catalog

PREFIX = "guard_"
REPLACE_REFUSED = (
    "replace refused: a row with this key already exists in {key}; LandCase never "
    "replaces an audited row (记录已存在，不允许覆盖写入)"
)
SRID_REFUSED = (
    "crs refused: the CRS recorded in this case database cannot change (案件数据库的坐标系不能更改)"
)
SEAL_REFUSED = (
    "seal refused: the seals of locked rounds are written once and never changed "
    "(锁定轮次的封存值不能修改或删除)"
)
EVENT_REFUSED = "event refused: what LandCase found in this file is kept (完整性记录不能修改或删除)"
CHECKPOINT_REFUSED = (
    "checkpoint refused: the audit checkpoint only moves forward (审计检查点只能前进)"
)


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def unique_keys(db: sqlite3.Connection, table: str) -> list[tuple[str, ...]]:
    """The columns of each key an insert can conflict on: the integer primary key
    (``id``) and every UNIQUE index or PRIMARY KEY constraint."""
    keys: list[tuple[str, ...]] = []
    columns = db.execute(f"PRAGMA table_info({table})").fetchall()
    primary = [c[1] for c in columns if c[5]]
    types = {c[1]: (c[2] or "").upper() for c in columns}
    if len(primary) == 1 and types[primary[0]] == "INTEGER":
        keys.append((primary[0],))
    for index in db.execute(f"PRAGMA index_list({table})").fetchall():
        if index[2]:  # unique
            names = tuple(r[2] for r in db.execute(f"PRAGMA index_info({index[1]})"))
            if names and all(names) and names not in keys:
                keys.append(names)
    return keys


def _replace_guard(db: sqlite3.Connection, table: str) -> str | None:
    keys = unique_keys(db, table)
    if not keys:
        return None
    branches = " ".join(
        f"WHEN EXISTS (SELECT 1 FROM {table} WHERE "
        + " AND ".join(f"{c} = NEW.{c}" for c in key)
        + f") THEN RAISE(ABORT, {_literal(REPLACE_REFUSED.format(key=table + '.' + '+'.join(key)))})"
        for key in keys
    )
    return (
        f"CREATE TRIGGER {PREFIX}{table}_no_replace BEFORE INSERT ON {table} BEGIN\n"
        f"        SELECT CASE {branches} END;\n"
        f"    END"
    )


def _replace_update_guard(db: sqlite3.Connection, table: str) -> str | None:
    """``UPDATE OR REPLACE`` setting a key to another row's value deletes that row unseen."""
    keys = unique_keys(db, table)
    if not keys:
        return None
    branches = " ".join(
        f"WHEN EXISTS (SELECT 1 FROM {table} WHERE "
        + " AND ".join(f"{c} = NEW.{c}" for c in key)
        + " AND rowid IS NOT OLD.rowid) THEN RAISE(ABORT, "
        + _literal(REPLACE_REFUSED.format(key=table + "." + "+".join(key)))
        + ")"
        for key in keys
    )
    changed = " OR ".join(f"NEW.{c} IS NOT OLD.{c}" for key in keys for c in key)
    return (
        f"CREATE TRIGGER {PREFIX}{table}_no_replace_update BEFORE UPDATE ON {table}\n"
        f"    WHEN {changed} BEGIN\n"
        f"        SELECT CASE {branches} END;\n"
        f"    END"
    )


def _refuse(name: str, timing: str, table: str, message: str, when: str | None = None) -> str:
    condition = f"\n    WHEN {when}" if when else ""
    return (
        f"CREATE TRIGGER {PREFIX}{name} {timing} ON {table}{condition} BEGIN\n"
        f"        SELECT RAISE(ABORT, {_literal(message)});\n"
        f"    END"
    )


def trigger_statements(db: sqlite3.Connection) -> list[str]:
    """Every guard trigger the file should hold, given its tables."""
    statements = []
    for table in (*audit.audited_tables(db), "audit_log"):
        if catalog.has_table(db, table):
            for guard in (_replace_guard, _replace_update_guard):
                statement = guard(db, table)
                if statement and not (table == "audit_log" and guard is _replace_update_guard):
                    statements.append(statement)
    if catalog.has_table(db, "meta"):
        statements += [
            _refuse(
                "meta_srid_update",
                "BEFORE UPDATE",
                "meta",
                SRID_REFUSED,
                "(OLD.key = 'srid' OR NEW.key = 'srid') AND "
                "(NEW.key IS NOT OLD.key OR NEW.value IS NOT OLD.value)",
            ),
            _refuse("meta_srid_delete", "BEFORE DELETE", "meta", SRID_REFUSED, "OLD.key = 'srid'"),
            _refuse(
                "meta_srid_insert",
                "BEFORE INSERT",
                "meta",
                SRID_REFUSED,
                "NEW.key = 'srid' AND EXISTS (SELECT 1 FROM meta WHERE key = 'srid')",
            ),
        ]
    if catalog.has_table(db, "round_seal") and catalog.has_table(db, "round_seal_row"):
        for table in ("round_seal", "round_seal_row"):
            statements += [
                _refuse(f"{table}_update", "BEFORE UPDATE", table, SEAL_REFUSED),
                _refuse(f"{table}_delete", "BEFORE DELETE", table, SEAL_REFUSED),
            ]
        statements += [
            _refuse(
                "round_seal_insert",
                "BEFORE INSERT",
                "round_seal",
                SEAL_REFUSED,
                "EXISTS (SELECT 1 FROM round_seal WHERE round_id = NEW.round_id)",
            ),
            _refuse(
                "round_seal_row_insert",
                "BEFORE INSERT",
                "round_seal_row",
                SEAL_REFUSED,
                "EXISTS (SELECT 1 FROM round_seal WHERE round_id = NEW.round_id) OR EXISTS "
                "(SELECT 1 FROM round_seal_row WHERE round_id = NEW.round_id "
                "AND table_name = NEW.table_name AND row_id = NEW.row_id)",
            ),
        ]
    if catalog.has_table(db, "integrity_event"):
        statements += [
            _refuse("integrity_event_update", "BEFORE UPDATE", "integrity_event", EVENT_REFUSED),
            _refuse("integrity_event_delete", "BEFORE DELETE", "integrity_event", EVENT_REFUSED),
        ]
    if catalog.has_table(db, "audit_checkpoint"):
        statements += [
            _refuse(
                "audit_checkpoint_delete", "BEFORE DELETE", "audit_checkpoint", CHECKPOINT_REFUSED
            ),
            _refuse(
                "audit_checkpoint_update",
                "BEFORE UPDATE",
                "audit_checkpoint",
                CHECKPOINT_REFUSED,
                "NEW.id IS NOT OLD.id OR NEW.audit_id < OLD.audit_id",
            ),
            _refuse(
                "audit_checkpoint_insert",
                "BEFORE INSERT",
                "audit_checkpoint",
                CHECKPOINT_REFUSED,
                "EXISTS (SELECT 1 FROM audit_checkpoint)",
            ),
        ]
    return statements


def outdated_triggers(db: sqlite3.Connection) -> list[str]:
    """Guard triggers of the file that are not what this version generates."""
    return audit.differ(db, PREFIX, trigger_statements(db))


def rebuild(db: sqlite3.Connection) -> None:
    """Drop and recreate the guard triggers (inside the caller's transaction)."""
    for name in audit.installed_triggers(db, PREFIX):
        db.execute(f"DROP TRIGGER {name}")
    for statement in trigger_statements(db):
        db.execute(statement)
