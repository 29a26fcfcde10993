"""What a case database holds (tables, columns, schema version), asked of either backend.

SQLite answers from ``sqlite_master`` and PRAGMAs, PostgreSQL from its catalogue; the rooms
ask here so that neither spelling leaks into them.
"""

from __future__ import annotations


def is_postgres(db) -> bool:
    return getattr(db, "backend", "sqlite") == "postgres"


def table_names(db) -> set[str]:
    if is_postgres(db):
        rows = db.execute(
            "SELECT table_name FROM information_schema.tables "
            "WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'"
        )
    else:
        rows = db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
    return {row[0] for row in rows}


def has_table(db, table: str) -> bool:
    if is_postgres(db):
        sql = (
            "SELECT 1 FROM information_schema.tables "
            "WHERE table_schema = current_schema() AND table_name = ?"
        )
    else:
        sql = "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?"
    return db.execute(sql, (table,)).fetchone() is not None


def columns(db, table: str) -> list[str]:
    """The table's columns in their order."""
    if is_postgres(db):
        rows = db.execute(
            "SELECT column_name FROM information_schema.columns "
            "WHERE table_schema = current_schema() AND table_name = ? ORDER BY ordinal_position",
            (table,),
        )
        return [row[0] for row in rows]
    return [row[1] for row in db.execute(f"PRAGMA table_info({table})")]


def geometry_columns(db, table: str) -> set[str]:
    if is_postgres(db):
        sql = (
            "SELECT f_geometry_column FROM geometry_columns "
            "WHERE f_table_schema = current_schema() AND lower(f_table_name) = lower(?)"
        )
    else:
        sql = "SELECT f_geometry_column FROM geometry_columns WHERE lower(f_table_name) = lower(?)"
    return {row[0] for row in db.execute(sql, (table,))}


def in_box_sql(db, table: str) -> str:
    """SQL condition: the box of ``table``'s ``geom`` meets the box of five parameters
    (x min, y min, x max, y max, srid), found through the spatial index: SpatiaLite's is the
    SpatialIndex table, PostgreSQL's GiST index serves ``&&`` itself."""
    if is_postgres(db):
        return "geom && ST_MakeEnvelope(?, ?, ?, ?, ?)"
    return (
        "ROWID IN (SELECT ROWID FROM SpatialIndex WHERE f_table_name = "
        f"'{table}' AND f_geometry_column = 'geom' AND search_frame = BuildMbr(?, ?, ?, ?, ?))"
    )


def schema_version(db) -> int:
    """SQLite keeps it in the file header (PRAGMA user_version); PostgreSQL in ``meta``."""
    if is_postgres(db):
        if not has_table(db, "meta"):
            return 0
        row = db.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        return int(row[0]) if row else 0
    return db.execute("PRAGMA user_version").fetchone()[0]


def set_schema_version(db, version: int) -> None:
    if is_postgres(db):
        db.execute(
            "INSERT INTO meta (key, value) VALUES ('schema_version', ?) "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (str(int(version)),),
        )
    else:
        db.execute(f"PRAGMA user_version = {int(version)}")


def upsert_meta(db, key: str, value: str) -> None:
    """Write one ``meta`` value (an update of an existing key: audited and guarded as one)."""
    db.execute(
        "INSERT INTO meta (key, value) VALUES (?, ?) "
        "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        (key, value),
    )
