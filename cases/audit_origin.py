"""Which unsealed audit rows the product's triggers wrote, and which were forged.

A SQLite file cannot tell a row its triggers inserted from one a program inserted
directly into ``audit_log``: any marker the triggers write is in their SQL, which every
program holding the file can read. What can be checked is that a row tells the truth:
the product's triggers write, for each change, what the row was and became, so the rows
waiting for their seal, replayed backwards from the data as it is now, must each match
it. Replayed back to the first of them, what they undo must also lead to what the sealed
log says the row was. A forged row that describes no change that happened (an UPDATE
whose new values are not the row's or whose old values are not what the log had, an
INSERT of a row that does not exist, a DELETE of a row still there, a table that is not
audited) does not; it is never sealed and the verification names it.

What this cannot catch (README, "What the case file cannot prove"): a forged row telling
the truth about a change made with the triggers dropped (the lock's seals find such a
change to locked data; the trigger findings name the dropped triggers). Conversely, a
genuine row written after such an unaudited change no longer leads back to the log and
is left unsealed too: the verification names it, which is right, the data was changed.
"""

from __future__ import annotations

import json
import sqlite3

from . import audit

_ABSENT = object()


def _current_rows(
    db: sqlite3.Connection, table: str, ids: set[int], wanted: set[str]
) -> dict[int, dict]:
    """rowid -> the row's ``wanted`` columns as the triggers log them (geometry as WKT),
    for rows that exist (only the columns the pending rows name: no WKT of every plot)."""
    columns = [c for c in audit._columns(db, table) if c in wanted]
    geometry = audit._geometry_columns(db, table)
    content = audit._object(table, columns, geometry) if columns else "'{}'"
    found: dict[int, dict] = {}
    ordered = sorted(ids)
    for start in range(0, len(ordered), 500):
        chunk = ordered[start : start + 500]
        cursor = db.cursor()
        cursor.row_factory = None
        rows = cursor.execute(
            f"SELECT {table}.rowid, {content} FROM {table} "
            f"WHERE {table}.rowid IN ({', '.join('?' * len(chunk))})",
            chunk,
        )
        for rowid, values in rows:
            found[rowid] = json.loads(values)
    return found


def _history(db: sqlite3.Connection, table: str, ids: set[int]) -> dict[int, object]:
    """rowid -> what the sealed log says the row was after its last sealed change:
    ``_ABSENT`` (deleted), or {column: value} of the columns the log knows."""
    rows_by_id: dict[int, list] = {}
    ordered = sorted(ids)
    for start in range(0, len(ordered), 500):
        chunk = ordered[start : start + 500]
        for row_id, action, changes in db.execute(
            "SELECT row_id, action, changes FROM audit_log WHERE table_name = ? "
            f"AND row_id IN ({', '.join('?' * len(chunk))}) AND row_hash IS NOT NULL "
            "ORDER BY id DESC",
            (table, *chunk),
        ):
            rows_by_id.setdefault(row_id, []).append((action, changes))
    known: dict[int, object] = {}
    for row_id, rows in rows_by_id.items():
        values: dict = {}
        for action, changes in rows:  # newest first
            try:
                logged = json.loads(changes)
            except (TypeError, ValueError):
                break
            if not isinstance(logged, dict):
                break
            if action == "DELETE":
                known[row_id] = values if values else _ABSENT
                break
            if action == "UPDATE":
                for column, pair in logged.items():
                    if isinstance(pair, list) and len(pair) == 2:
                        values.setdefault(column, pair[1])
            elif action == "INSERT":
                for column, value in logged.items():
                    values.setdefault(column, value)
                break
        known.setdefault(row_id, values)
    return known


def forged_rows(db: sqlite3.Connection, pending: list[tuple]) -> set[int]:
    """Ids of the rows of ``pending`` (audit rows in id order: id, table_name, row_id,
    action, changes, …) that do not tell the truth: replayed from the data as it is now
    back to the first of them, each must match the data, and what they undo must lead
    back to what the sealed log says (an UPDATE's old values, a DELETE's row, an INSERT of
    a row the log has as deleted or never had). An UPDATE changing nothing is forged: the
    triggers log only changed columns."""
    audited = set(audit.audited_tables(db))
    wanted: dict[str, set[int]] = {}
    named: dict[str, set[str]] = {}  # the columns the pending rows of each table name
    for row in pending:
        if row[1] in audited and isinstance(row[2], int):
            wanted.setdefault(row[1], set()).add(row[2])
            try:
                named.setdefault(row[1], set()).update(json.loads(row[4]))
            except (TypeError, ValueError):
                pass
    state: dict[tuple[str, int], object] = {}
    history: dict[tuple[str, int], object] = {}
    for table, ids in wanted.items():
        try:
            current = _current_rows(db, table, ids, named.get(table, set()))
            logged_before = _history(db, table, ids)
        except sqlite3.Error:  # a table changed beyond reading: nothing of it is sealed
            audited.discard(table)
            continue
        for row_id in ids:
            state[(table, row_id)] = current.get(row_id, _ABSENT)
            if row_id in logged_before:
                history[(table, row_id)] = logged_before[row_id]
    forged: set[int] = set()
    first_touch: dict[tuple, int] = {}  # (key, column or None) -> earliest pending row
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
                first_touch[(key, None)] = log_id
        elif action == "UPDATE":
            ok = (
                now is not _ABSENT
                and bool(logged)
                and all(
                    isinstance(v, list)
                    and len(v) == 2
                    and v[0] != v[1]
                    and now.get(k, _ABSENT) == v[1]
                    for k, v in logged.items()
                )
            )
            if ok:
                state[key] = {**now, **{k: v[0] for k, v in logged.items()}}
                first_touch[(key, None)] = log_id
                for column in logged:
                    first_touch[(key, column)] = log_id
        elif action == "DELETE":
            ok = now is _ABSENT
            if ok:
                state[key] = dict(logged)
                first_touch[(key, None)] = log_id
                for column in logged:
                    first_touch[(key, column)] = log_id
        else:
            ok = False
        if not ok:
            forged.add(log_id)
    # What the pending rows lead back to must be what the sealed log says.
    for (key, column), log_id in first_touch.items():
        if key not in history:
            continue
        before, logged = state[key], history[key]
        if column is None:
            if (before is _ABSENT) != (logged is _ABSENT):
                forged.add(log_id)
        elif before is not _ABSENT and logged is not _ABSENT and column in logged:
            if before.get(column, _ABSENT) != logged[column]:
                forged.add(log_id)
    return forged
