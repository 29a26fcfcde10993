"""Which unsealed audit rows the product's triggers wrote, and which were forged.

A SQLite file cannot tell a row its triggers inserted from one a program inserted
directly into ``audit_log``: any marker the triggers write is in their SQL, which every
program holding the file can read. What can be checked is that a row tells the truth:
the product's triggers write, for each change, what the row was and became, so the rows
waiting for their seal, replayed backwards from the data as it is now, must each match
it. A forged row that describes no change (an UPDATE whose new values are not the row's,
an INSERT of a row that does not exist, a DELETE of a row still there, a table that is not
audited) does not; it is never sealed and the verification names it.

What this cannot catch (README, "What the case file cannot prove"): a forged row that
agrees with the data (say, claiming a change to the value a row already holds).
"""

from __future__ import annotations

import json
import sqlite3

from . import audit

_ABSENT = object()


def _current_rows(db: sqlite3.Connection, table: str, ids: set[int]) -> dict[int, dict]:
    """rowid -> the row as the triggers log it (geometry as WKT), for rows that exist."""
    columns = audit._columns(db, table)
    geometry = audit._geometry_columns(db, table)
    found: dict[int, dict] = {}
    ordered = sorted(ids)
    for start in range(0, len(ordered), 500):
        chunk = ordered[start : start + 500]
        cursor = db.cursor()
        cursor.row_factory = None
        rows = cursor.execute(
            f"SELECT {table}.rowid, {audit._object(table, columns, geometry)} FROM {table} "
            f"WHERE {table}.rowid IN ({', '.join('?' * len(chunk))})",
            chunk,
        )
        for rowid, content in rows:
            found[rowid] = json.loads(content)
    return found


def forged_rows(db: sqlite3.Connection, pending: list[tuple]) -> set[int]:
    """Ids of the rows of ``pending`` (audit rows in id order: id, table_name, row_id,
    action, changes, …) that do not match the data, replayed from the last one back."""
    audited = set(audit.audited_tables(db))
    wanted: dict[str, set[int]] = {}
    for row in pending:
        if row[1] in audited and isinstance(row[2], int):
            wanted.setdefault(row[1], set()).add(row[2])
    state: dict[tuple[str, int], object] = {}
    for table, ids in wanted.items():
        try:
            current = _current_rows(db, table, ids)
        except sqlite3.Error:  # a table changed beyond reading: nothing of it is sealed
            audited.discard(table)
            continue
        for row_id in ids:
            state[(table, row_id)] = current.get(row_id, _ABSENT)
    forged: set[int] = set()
    for row in reversed(pending):
        log_id, table, row_id, action, changes = row[:5]
        key = (table, row_id)
        try:
            logged = json.loads(changes)
        except (TypeError, ValueError):
            logged = None
        if table not in audited or key not in state or not isinstance(logged, dict):
            forged.add(log_id)
            continue
        now = state[key]
        if action == "INSERT":
            ok = now is not _ABSENT and all(now.get(k, _ABSENT) == v for k, v in logged.items())
            if ok:
                state[key] = _ABSENT
        elif action == "UPDATE":
            ok = (
                now is not _ABSENT
                and bool(logged)
                and all(
                    isinstance(v, list) and len(v) == 2 and now.get(k, _ABSENT) == v[1]
                    for k, v in logged.items()
                )
            )
            if ok:
                state[key] = {**now, **{k: v[0] for k, v in logged.items()}}
        elif action == "DELETE":
            ok = now is _ABSENT
            if ok:
                state[key] = dict(logged)
        else:
            ok = False
        if not ok:
            forged.add(log_id)
    return forged
