"""Audit triggers: every insert, update and delete on case data writes an audit row.

The triggers live in the database file, so edits made by any program — QGIS's own
attribute table and editing tools on the SpatiaLite layer included — are audited.
They are generated from the tables' current columns and rebuilt after migrations, and
when the store opens a file whose triggers differ from what this version generates.
The acting user is read from the one-row ``audit_actor`` table (SQLite has no notion of a
session user), which the store writes at the start of each of its transactions, and the
plugin when QGIS starts editing the case layers and before it commits (best effort: a
program writing in between is named instead).
"""

from __future__ import annotations

import logging
import sqlite3

from . import catalog
from .schema import AUDITED_TABLES

ACTOR = "(SELECT user_name FROM audit_actor WHERE id = 1)"


def _columns(db: sqlite3.Connection, table: str) -> list[str]:
    return catalog.columns(db, table)


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


APPEND_ONLY_MESSAGE = "audit_log is append-only"
# The columns of the hash chain (schema v3, see ``audit_chain.py``). SQLite has no SHA-256
# in a plain connection, so rows are born unsealed and the store seals them in Python.
CHAIN_COLUMNS = ("prev_hash", "row_hash")


def append_only_sql(db: sqlite3.Connection) -> list[str]:
    """Triggers that keep ``audit_log`` append-only.

    With the hash chain's columns, exactly one update stays allowed: sealing a row, that is
    setting ``prev_hash`` and ``row_hash`` from NULL to a 64-digit value with every other
    column unchanged. A sealed row can never change again, no row can be deleted, and a row
    cannot be inserted already sealed (a seal is only ever written by the store's sealing).
    """
    columns = _columns(db, "audit_log")
    refuse = f"SELECT RAISE(ABORT, '{APPEND_ONLY_MESSAGE}');"
    delete = f"""CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN
        {refuse}
    END"""
    if not set(CHAIN_COLUMNS) <= set(columns):  # a file before schema v3
        return [
            f"""CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN
        {refuse}
    END""",
            delete,
        ]
    unchanged = " AND ".join(f"NEW.{c} IS OLD.{c}" for c in columns if c not in CHAIN_COLUMNS)
    sealing = " AND ".join(
        [
            "OLD.prev_hash IS NULL",
            "OLD.row_hash IS NULL",
            "NEW.prev_hash IS NOT NULL",
            "NEW.row_hash IS NOT NULL",
            "length(NEW.prev_hash) = 64",
            "length(NEW.row_hash) = 64",
            unchanged,
        ]
    )
    return [
        f"""CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
    WHEN NOT coalesce({sealing}, 0) BEGIN
        {refuse}
    END""",
        delete,
        f"""CREATE TRIGGER audit_log_born_unsealed BEFORE INSERT ON audit_log
    WHEN NEW.prev_hash IS NOT NULL OR NEW.row_hash IS NOT NULL BEGIN
        SELECT RAISE(ABORT, '{APPEND_ONLY_MESSAGE}: new rows are sealed by LandCase');
    END""",
    ]


def trigger_statements(db: sqlite3.Connection, tables: tuple[str, ...]) -> list[str]:
    """Every audit trigger the file should hold, generated from its current columns."""
    statements = [statement for table in tables for statement in trigger_sql(db, table)]
    return statements + append_only_sql(db)


def _normalised(sql: str) -> str:
    return " ".join(sql.split())


def installed_triggers(db: sqlite3.Connection, prefix: str) -> dict[str, str]:
    """name -> SQL (whitespace normalised) of the file's triggers named ``prefix…``."""
    rows = db.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' "
        "AND substr(name, 1, length(?)) = ?",
        (prefix, prefix),
    )
    return {row[0]: _normalised(row[1]) for row in rows}


def differ(db: sqlite3.Connection, prefix: str, statements: list[str]) -> list[str]:
    """Names of the triggers ``prefix…`` that are missing, extra or not as generated."""
    installed = installed_triggers(db, prefix)
    expected = {_trigger_name(s): _normalised(s) for s in statements}
    return sorted(
        name for name in set(installed) | set(expected) if installed.get(name) != expected.get(name)
    )


def _trigger_name(statement: str) -> str:
    return statement.split(None, 3)[2]  # CREATE TRIGGER <name> …


def audited_tables(db: sqlite3.Connection) -> tuple[str, ...]:
    present = catalog.table_names(db)
    return tuple(t for t in AUDITED_TABLES if t in present)


def outdated_triggers(db: sqlite3.Connection) -> list[str]:
    """The audit triggers of the file that are not what this version generates (an older
    build wrote them, or a program dropped them): the store rebuilds them on open."""
    names = differ(db, "audit_", trigger_statements(db, audited_tables(db)))
    if names:
        logging.getLogger(__name__).warning("audit triggers to rebuild: %s", ", ".join(names))
    return names


def rebuild_triggers(db: sqlite3.Connection, tables: tuple[str, ...]) -> None:
    """Drop and recreate the audit triggers (inside the caller's transaction)."""
    for name in installed_triggers(db, "audit_"):
        db.execute(f"DROP TRIGGER {name}")
    for statement in trigger_statements(db, tables):
        db.execute(statement)
