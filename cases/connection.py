"""Opening SQLite connections with SpatiaLite loaded and the pragmas LandCase relies on."""

from __future__ import annotations

import sqlite3
import struct
from dataclasses import dataclass
from pathlib import Path

SQLITE_HEADER = b"SQLite format 3\x00"
# PRAGMA application_id marks a file as ours: 'LNDC' in ASCII.
APPLICATION_ID = 0x4C4E4443


@dataclass(frozen=True)
class Header:
    user_version: int
    application_id: int


def read_header(path: Path) -> Header | None:
    """The schema and application ids of a SQLite file, read from its 100-byte header
    (see sqlite.org/fileformat.html); None when the file is not SQLite."""
    with open(path, "rb") as handle:
        header = handle.read(100)
    if len(header) < 100 or not header.startswith(SQLITE_HEADER):
        return None
    (user_version,) = struct.unpack(">i", header[60:64])
    (application_id,) = struct.unpack(">i", header[68:72])
    return Header(user_version, application_id)


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
