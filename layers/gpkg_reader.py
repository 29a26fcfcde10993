"""Reading a GeoPackage table's features near a set of boxes, straight from the file.

No QGIS here (sqlite3 and numpy): ``layers/role_layers.py`` uses it for role layers that sit
on disk as they are (no unsaved edits, no filter, in the database's CRS).

The features whose R*-tree box (``rtree_<table>_<geometry>``) meets one of the boxes are
found and read with **one SQL statement that returns one row**: the ids, attribute values
and blob lengths as JSON arrays, the geometry blobs concatenated. Why one row: Python's
sqlite3 releases the GIL inside each ``sqlite3_step`` and takes it back after it. Read row by
row, a thread reading 20,000 features takes the GIL back 20,000 times, and each time it may
wait for a thread doing Python work to let go of it (up to the interpreter's switch
interval, 5 ms): beside the overlay's compute threads a read that takes 0.1 s alone took
seconds. In one step the whole R*-tree search and blob reading run without the GIL.

The boxes go in as one JSON parameter (``json_each``); more than ``MAX_BOXES_PER_QUERY`` boxes
are sent in groups (a feature found by two groups is kept once). Real numbers go through
``quote()``, which writes as many digits as the value needs (SQLite's JSON writes 15).

When the one-row statement cannot serve (an SQLite without its JSON functions, a BLOB value
in an attribute, a result beyond SQLite's string limit) the same features are read row by
row, and a warning says why. A geometry blob that is not a standard GeoPackage geometry
raises ``NotStandardGeoPackage``: the caller reads the layer through QGIS.
"""

from __future__ import annotations

import json
import logging
import sqlite3
from pathlib import Path
from urllib.parse import quote

import numpy as np

log = logging.getLogger(__name__)

MAX_BOXES_PER_QUERY = 10_000
# Bytes of the envelope after the 8-byte GeoPackage blob header, by envelope indicator.
_ENVELOPE_BYTES = np.array([0, 32, 48, 48, 64, -1, -1, -1])
_EXTENDED_TYPE = 0x20


class NotStandardGeoPackage(Exception):
    """The file holds something the direct reader does not read (the caller then reads
    through QGIS): an extended geometry type or a blob that is not a GeoPackage geometry."""


def quoted(name: str) -> str:
    """An SQL identifier in double quotes."""
    return '"' + str(name).replace('"', '""') + '"'


def connect_read_only(path: str | Path) -> sqlite3.Connection:
    return sqlite3.connect(f"file:{quote(str(Path(path).resolve()))}?mode=ro", uri=True)


def describe(path: str | Path, table: str) -> tuple[str, str, str] | None:
    """(geometry column, fid column, R*-tree table) of a polygon table with a spatial
    index, or None when the table does not suit the direct reader."""
    try:
        connection = connect_read_only(path)
    except sqlite3.Error:
        return None
    try:
        # group_concat treats the blobs as text: in a UTF-16 file it would re-encode them
        if connection.execute("PRAGMA encoding").fetchone()[0].upper() != "UTF-8":
            return None
        row = connection.execute(
            "SELECT column_name, geometry_type_name, table_name FROM gpkg_geometry_columns "
            "WHERE lower(table_name) = lower(?)",
            (table,),
        ).fetchone()
        if row is None or row[1].upper() not in ("POLYGON", "MULTIPOLYGON", "GEOMETRY"):
            return None
        rtree = f"rtree_{row[2]}_{row[0]}"  # as the table is spelt in the file
        found = connection.execute("SELECT 1 FROM sqlite_master WHERE name = ?", (rtree,))
        if found.fetchone() is None:
            return None
        info = connection.execute(f"PRAGMA table_info({quoted(table)})").fetchall()
        fid = [column[1] for column in info if column[5] == 1]
        return (row[0], fid[0], rtree) if len(fid) == 1 else None
    except sqlite3.Error:
        return None
    finally:
        connection.close()


def read_near(
    path: str | Path,
    table: str,
    geometry_column: str,
    fid_column: str,
    rtree: str,
    columns: list[str],
    bounds: np.ndarray,
) -> tuple[list, list[bytes | None], list[list]]:
    """Feature ids, WKB geometries (None for a NULL geometry) and the values of
    ``columns`` (one list per column) of the features whose R*-tree box meets one of
    ``bounds`` (rows minx, miny, maxx, maxy)."""
    bounds = np.asarray(bounds, dtype=float).reshape(-1, 4)
    ids: list = []
    wkbs: list[bytes | None] = []
    attributes: list[list] = [[] for _ in columns]
    seen: set = set()
    connection = connect_read_only(path)
    try:
        for start in range(0, len(bounds), MAX_BOXES_PER_QUERY):
            group = bounds[start : start + MAX_BOXES_PER_QUERY]
            try:
                found = _one_row(
                    connection, table, geometry_column, fid_column, rtree, columns, group
                )
            except (sqlite3.Error, _NotJson) as exc:
                log.warning("%s: reading row by row (%s)", table, exc)
                found = _row_by_row(
                    connection, table, geometry_column, fid_column, rtree, columns, group
                )
            group_ids, group_wkbs, group_values = found
            keep = [i for i, fid in enumerate(group_ids) if fid not in seen]
            seen.update(group_ids)
            ids += [group_ids[i] for i in keep]
            wkbs += [group_wkbs[i] for i in keep]
            for column, column_values in zip(attributes, group_values):
                column += [column_values[i] for i in keep]
    finally:
        connection.close()
    return ids, wkbs, attributes


class _NotJson(Exception):
    """The aggregated values could not be read back as JSON."""


def _near(fid_column: str, rtree: str, boxes: str) -> str:
    """The ids whose R*-tree box meets a box of the table ``boxes`` (minx, miny, maxx, maxy)."""
    return (
        f"{quoted(fid_column)} IN (SELECT r.id FROM {boxes} AS b CROSS JOIN {quoted(rtree)} AS r "
        "WHERE r.minx <= b.maxx AND r.maxx >= b.minx AND r.miny <= b.maxy AND r.maxy >= b.miny)"
    )


def _one_row(connection, table, geometry_column, fid_column, rtree, columns, boxes):
    values = "".join(
        f", json_group_array(CASE typeof({quoted(c)}) WHEN 'real' THEN json(quote({quoted(c)})) "
        f"ELSE {quoted(c)} END)"
        for c in columns
    )
    sql = (
        "WITH b AS (SELECT json_extract(value, '$[0]') AS minx, "
        "json_extract(value, '$[1]') AS miny, json_extract(value, '$[2]') AS maxx, "
        "json_extract(value, '$[3]') AS maxy FROM json_each(?)) "
        f"SELECT json_group_array({quoted(fid_column)}), "
        f"json_group_array(length({quoted(geometry_column)})), "
        f"group_concat({quoted(geometry_column)}, ''){values} "
        f"FROM {quoted(table)} WHERE {_near(fid_column, rtree, 'b')}"
    )
    connection.text_factory = bytes  # the concatenated blobs come back as TEXT
    try:
        row = connection.execute(sql, (json.dumps(boxes.tolist()),)).fetchone()
    finally:
        connection.text_factory = str
    try:
        ids = json.loads(row[0])
        lengths = json.loads(row[1])
        values = [json.loads(text) for text in row[3 : 3 + len(columns)]]
    except ValueError as exc:  # JSON or UTF-8
        raise _NotJson(f"attribute values not readable as JSON: {exc}") from None
    return ids, _geometries(lengths, row[2] or b""), values


def _row_by_row(connection, table, geometry_column, fid_column, rtree, columns, boxes):
    connection.execute("DROP TABLE IF EXISTS temp.landcase_boxes")
    connection.execute(
        "CREATE TEMP TABLE landcase_boxes (minx REAL, miny REAL, maxx REAL, maxy REAL)"
    )
    connection.executemany("INSERT INTO temp.landcase_boxes VALUES (?, ?, ?, ?)", boxes.tolist())
    names = "".join(f", {quoted(c)}" for c in columns)
    rows = connection.execute(
        f"SELECT {quoted(fid_column)}, {quoted(geometry_column)}{names} FROM {quoted(table)} "
        f"WHERE {_near(fid_column, rtree, 'temp.landcase_boxes')}"
    ).fetchall()
    connection.execute("DROP TABLE temp.landcase_boxes")
    blobs = [row[1] for row in rows]
    lengths = [None if blob is None else len(blob) for blob in blobs]
    joined = b"".join(bytes(blob) for blob in blobs if blob is not None)
    values = [[row[2 + i] for row in rows] for i in range(len(columns))]
    return [row[0] for row in rows], _geometries(lengths, joined), values


def _geometries(lengths: list, blob: bytes) -> list[bytes | None]:
    """The WKB of each feature from the concatenated GeoPackage blobs (``lengths``: bytes
    of each, None for a NULL geometry), each blob's header (magic, flags, srs id, envelope)
    checked and taken off."""
    present = np.array([length is not None for length in lengths], dtype=bool)
    sizes = np.array([length or 0 for length in lengths], dtype=np.int64)
    ends = np.cumsum(sizes)
    starts = ends - sizes
    if len(blob) != (int(ends[-1]) if len(ends) else 0):
        raise NotStandardGeoPackage("geometry blobs of unexpected length")
    data = np.frombuffer(blob, dtype=np.uint8)
    first = starts[present]
    if len(first):
        if (sizes[present] < 8).any() or not (
            (data[first] == ord("G")) & (data[first + 1] == ord("P"))
        ).all():
            raise NotStandardGeoPackage("not a standard GeoPackage geometry")
        flags = data[first + 3]
        envelope = _ENVELOPE_BYTES[(flags >> 1) & 7]
        if (flags & _EXTENDED_TYPE).any() or (envelope < 0).any():
            raise NotStandardGeoPackage("not a standard GeoPackage geometry")
        if (sizes[present] < 8 + envelope).any():
            raise NotStandardGeoPackage("a GeoPackage geometry shorter than its header")
        header = np.zeros(len(sizes), dtype=np.int64)
        header[present] = 8 + envelope
        starts = starts + header
    wkbs = [
        blob[s:e] if p else None
        for s, e, p in zip(starts.tolist(), ends.tolist(), present.tolist())
    ]
    return wkbs
