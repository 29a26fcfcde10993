"""Audit triggers: every insert, update and delete on case data writes an audit row.

The triggers live in the database file, so edits made by any program — QGIS's own
attribute table and editing tools on the SpatiaLite layer included — are audited.
They are generated from the tables' current columns and rebuilt after migrations.
The acting user is read from the one-row ``audit_actor`` table, which the store sets
when it opens the file (SQLite has no notion of a session user).
"""

from __future__ import annotations

import sqlite3

ACTOR = "(SELECT user_name FROM audit_actor WHERE id = 1)"


def _columns(db: sqlite3.Connection, table: str) -> list[str]:
    return [row[1] for row in db.execute(f"PRAGMA table_info({table})")]


def _geometry_columns(db: sqlite3.Connection, table: str) -> set[str]:
    rows = db.execute(
        "SELECT f_geometry_column FROM geometry_columns WHERE lower(f_table_name) = lower(?)",
        (table,),
    )
    return {row[0] for row in rows}


def _value(row: str, column: str, geometry: set[str]) -> str:
    # JSON cannot hold a BLOB: geometries are kept as WKT so an old shape can be restored.
    return f"AsText({row}.{column})" if column in geometry else f"{row}.{column}"


def _object(row: str, columns: list[str], geometry: set[str]) -> str:
    pairs = ", ".join(f"'{c}', {_value(row, c, geometry)}" for c in columns)
    return f"json_object({pairs})"


def _changed_fields(columns: list[str], geometry: set[str]) -> str:
    """A JSON object {column: [old, new]} holding only the columns that changed."""
    parts = [
        f"CASE WHEN OLD.{c} IS NOT NEW.{c} THEN json_quote('{c}') || ':' || "
        f"json_array({_value('OLD', c, geometry)}, {_value('NEW', c, geometry)}) || ',' "
        f"ELSE '' END"
        for c in columns
    ]
    return "'{' || rtrim(" + " || ".join(parts) + ", ',') || '}'"


def trigger_sql(db: sqlite3.Connection, table: str) -> list[str]:
    columns = _columns(db, table)
    geometry = _geometry_columns(db, table)
    # An insert's geometry is the row itself; copying it into the log only doubles the file.
    inserted = [c for c in columns if c not in geometry]
    any_change = " OR ".join(f"OLD.{c} IS NOT NEW.{c}" for c in columns)
    log = "INSERT INTO audit_log (table_name, row_id, action, changes, user_name) VALUES"
    return [
        f"""CREATE TRIGGER audit_{table}_insert AFTER INSERT ON {table} BEGIN
            {log} ('{table}', NEW.rowid, 'INSERT', {_object("NEW", inserted, geometry)}, {ACTOR});
        END""",
        f"""CREATE TRIGGER audit_{table}_update AFTER UPDATE ON {table}
        WHEN {any_change} BEGIN
            {log} ('{table}', NEW.rowid, 'UPDATE', {_changed_fields(columns, geometry)}, {ACTOR});
        END""",
        f"""CREATE TRIGGER audit_{table}_delete AFTER DELETE ON {table} BEGIN
            {log} ('{table}', OLD.rowid, 'DELETE', {_object("OLD", columns, geometry)}, {ACTOR});
        END""",
    ]


APPEND_ONLY = [
    """CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN
        SELECT RAISE(ABORT, 'audit_log is append-only');
    END""",
    """CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN
        SELECT RAISE(ABORT, 'audit_log is append-only');
    END""",
]


def rebuild_triggers(db: sqlite3.Connection, tables: tuple[str, ...]) -> None:
    """Drop and recreate the audit triggers (inside the caller's transaction)."""
    names = [
        row[0]
        for row in db.execute(
            "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'audit\\_%' "
            "ESCAPE '\\'"
        )
    ]
    for name in names:
        db.execute(f"DROP TRIGGER {name}")
    for table in tables:
        for statement in trigger_sql(db, table):
            db.execute(statement)
    for statement in APPEND_ONLY:
        db.execute(statement)
