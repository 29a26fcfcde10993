"""Opening SQLite connections with SpatiaLite loaded and the pragmas LandCase relies on."""

from __future__ import annotations

import sqlite3
from pathlib import Path

SQLITE_HEADER = b"SQLite format 3\x00"
# PRAGMA application_id marks a file as ours: 'LNDC' in ASCII.
APPLICATION_ID = 0x4C4E4443


def has_sqlite_header(path: Path) -> bool:
    with open(path, "rb") as handle:
        return handle.read(16) == SQLITE_HEADER


def connect(path: Path, read_only: bool = False) -> sqlite3.Connection:
    """A connection in autocommit mode: the store opens every transaction itself."""
    mode = "ro" if read_only else "rwc"
    uri = f"{Path(path).resolve().as_uri()}?mode={mode}"
    connection = sqlite3.connect(uri, uri=True, isolation_level=None, timeout=5.0)
    connection.row_factory = sqlite3.Row
    connection.enable_load_extension(True)
    connection.load_extension("mod_spatialite")
    connection.enable_load_extension(False)
    connection.execute("PRAGMA foreign_keys = ON")
    return connection
