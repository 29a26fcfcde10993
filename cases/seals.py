"""Seals of locked submission rounds: the content and hash of every row a lock protects.

When a round is locked (``rounds.lock_round``, in the same transaction), every row the
lock triggers protect — the round's ``submission_round`` row, its ``round_item`` rows and
the ``determination`` and ``rectification`` rows they reference — is written to
``round_seal_row`` with its content (JSON) and ``row_hash`` = SHA-256 over the compact
JSON ``[table, id, {column: value, …}]`` (BLOBs as ``{"blob": hex}``). The round's
``root_hash`` (in ``round_seal``) is SHA-256 over the JSON list of ``[table, id,
row_hash]`` sorted by table and id, and records the audit log's checkpoint at the lock.

``verify_seals`` recomputes every sealed row from the data and names each row that
differs (with its sealed and current values), each missing row, each row added to a
locked round, and a root that no longer matches its rows. The root is what goes on paper
(``latest_lock_root``: the submission export and every document printed after the lock):
a file rewritten consistently, seals and all, no longer matches it.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3

from . import catalog
from .finding import Finding


def _plain(value):
    if isinstance(value, (bytes, bytearray, memoryview)):
        return {"blob": bytes(value).hex()}
    return value


def _dumps(value) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def row_content(db: sqlite3.Connection, table: str, row_id: int) -> dict | None:
    """column -> value of one row as it is now (None when there is no such row)."""
    cursor = db.cursor()
    cursor.row_factory = None
    cursor.execute(f"SELECT * FROM {table} WHERE id = ?", (row_id,))
    row = cursor.fetchone()
    if row is None:
        return None
    names = [d[0] for d in cursor.description]
    return {name: _plain(value) for name, value in zip(names, row)}


def row_hash(table: str, row_id: int, content: dict) -> str:
    return hashlib.sha256(_dumps([table, row_id, content]).encode("utf-8")).hexdigest()


def root_hash(row_hashes: list[tuple[str, int, str]]) -> str:
    """The root over (table, id, row_hash) triples, in table and id order."""
    ordered = sorted(row_hashes, key=lambda r: (r[0], r[1]))
    return hashlib.sha256(_dumps([list(r) for r in ordered]).encode("utf-8")).hexdigest()


def locked_rows(db: sqlite3.Connection, round_id: int) -> list[tuple[str, int]]:
    """(table, id) of every row that locking ``round_id`` protects."""
    rows = [("submission_round", round_id)]
    items = db.execute(
        "SELECT id, determination_id, rectification_id FROM round_item WHERE round_id = ? "
        "ORDER BY id",
        (round_id,),
    ).fetchall()
    rows += [("round_item", r[0]) for r in items]
    for column, table in ((1, "determination"), (2, "rectification")):
        rows += [(table, i) for i in sorted({r[column] for r in items if r[column] is not None})]
    return rows


def has_seal_tables(db: sqlite3.Connection) -> bool:
    return {"round_seal", "round_seal_row"} <= catalog.table_names(db)


def seal_round(db: sqlite3.Connection, round_id: int, audit_head=None) -> str:
    """Seal every row of locked round ``round_id`` (in the caller's transaction); return
    the root hash. ``audit_head`` is the audit chain's head at the lock (id, row_hash)."""
    hashes = []
    for table, row_id in locked_rows(db, round_id):
        content = row_content(db, table, row_id)
        if content is None:  # a reference to a row another program deleted: not sealable
            continue
        sealed = row_hash(table, row_id, content)
        db.execute(
            "INSERT INTO round_seal_row (round_id, table_name, row_id, row_hash, content) "
            "VALUES (?, ?, ?, ?, ?)",
            (round_id, table, row_id, sealed, _dumps(content)),
        )
        hashes.append((table, row_id, sealed))
    root = root_hash(hashes)
    db.execute(
        "INSERT INTO round_seal (round_id, root_hash, rows, audit_id, audit_hash) "
        "VALUES (?, ?, ?, ?, ?)",
        (
            round_id,
            root,
            len(hashes),
            audit_head.id if audit_head else None,
            audit_head.row_hash if audit_head else None,
        ),
    )
    return root


def unsealed_locked_rounds(db: sqlite3.Connection) -> list[tuple[int, str]]:
    """(id, 'period stage') of locked rounds without a seal (locked by another program)."""
    if not has_seal_tables(db):
        return []
    rows = db.execute(
        "SELECT r.id, r.period || ' ' || r.stage FROM submission_round AS r "
        "WHERE r.locked = 1 AND NOT EXISTS (SELECT 1 FROM round_seal AS s "
        "WHERE s.round_id = r.id) ORDER BY r.id"
    )
    return [(row[0], row[1]) for row in rows]


def latest_lock_root(store) -> tuple[str, str] | None:
    """('period stage', root hash) of the round locked last, or None before any lock:
    the value the submission export and documents printed after the lock carry."""
    db = store._db if hasattr(store, "_db") else store
    if not has_seal_tables(db):
        return None
    row = db.execute(
        "SELECT r.period || ' ' || r.stage, s.root_hash FROM round_seal AS s "
        "JOIN submission_round AS r ON r.id = s.round_id "
        "ORDER BY s.sealed_at DESC, s.round_id DESC LIMIT 1"
    ).fetchone()
    return (row[0], row[1]) if row else None


def lock_root_text(store, digits: int = 16) -> str:
    """The last lock as a document's footer prints it: "2026-10 二上 根哈希 <first
    ``digits`` hex>" (the submission export carries the whole root); "" before any lock."""
    latest = latest_lock_root(store)
    return "" if latest is None else f"{latest[0]} 根哈希 {latest[1][:digits]}"


def lock_lines(store, round_id: int) -> tuple[str, ...]:
    """What a submission export says of the locks: the root of the round exported when it
    is locked, and the root of the last lock (the state the export was written after)."""
    lines = []
    root = round_roots(store).get(round_id)
    if root is not None:
        name = _round_names(store._db if hasattr(store, "_db") else store).get(round_id, "")
        lines.append(f"本轮（{name}）已锁定，封存根哈希：{root}")
    latest = latest_lock_root(store)
    if latest is not None and latest[1] != root:
        lines.append(f"最近一次锁定（{latest[0]}）的封存根哈希：{latest[1]}")
    if not lines:
        lines.append("导出时尚无锁定的报送轮次。")
    return tuple(lines)


def round_roots(store) -> dict[int, str]:
    """round id -> root hash of every sealed round (for the rounds dialog)."""
    db = store._db if hasattr(store, "_db") else store
    if not has_seal_tables(db):
        return {}
    return {r[0]: r[1] for r in db.execute("SELECT round_id, root_hash FROM round_seal")}


def _round_names(db: sqlite3.Connection) -> dict[int, str]:
    try:
        rows = db.execute("SELECT id, period || ' ' || stage FROM submission_round")
    except sqlite3.OperationalError:  # the table is gone: named by the table findings
        return {}
    return {row[0]: row[1] for row in rows}


def _differences(old: dict, new: dict) -> tuple[dict, dict]:
    names = [*old, *(n for n in new if n not in old)]
    changed = [
        n for n in names if _dumps(old.get(n)) != _dumps(new.get(n)) or (n in old) != (n in new)
    ]
    return {n: old.get(n) for n in changed}, {n: new.get(n) for n in changed}


def verify_seals(db: sqlite3.Connection, present_tables: set[str]) -> list[Finding]:
    """Recompute every sealed row; name what differs (see the module's docstring)."""
    if not has_seal_tables(db):
        return []
    names = _round_names(db)
    findings: list[Finding] = []
    seals = db.execute("SELECT round_id, root_hash FROM round_seal ORDER BY round_id").fetchall()
    for round_id, root in seals:
        name = names.get(round_id, f"#{round_id}")
        sealed_rows = db.execute(
            "SELECT table_name, row_id, row_hash, content FROM round_seal_row "
            "WHERE round_id = ? ORDER BY table_name, row_id",
            (round_id,),
        ).fetchall()
        if root_hash([(r[0], r[1], r[2]) for r in sealed_rows]) != root:
            findings.append(Finding("seal_broken", {"round": name, "root": root}))
        for table, row_id, sealed, content in sealed_rows:
            try:
                old = json.loads(content)
            except ValueError:
                old = {}
            if row_hash(table, row_id, old) != sealed:
                findings.append(Finding("seal_broken", {"round": name, "root": root}))
            current = row_content(db, table, row_id) if table in present_tables else None
            if current is None:
                findings.append(Finding("row_missing", {"round": name}, table, row_id, old=old))
            elif row_hash(table, row_id, current) != sealed:
                before, after = _differences(old, current)
                fields = (
                    "; ".join(
                        f"{k}: {_dumps(before.get(k))} → {_dumps(after.get(k))}" for k in before
                    )
                    or "?"
                )
                findings.append(
                    Finding(
                        "row_changed",
                        {"round": name, "fields": fields},
                        table,
                        row_id,
                        old=before,
                        new=after,
                    )
                )
        if "round_item" in present_tables:
            sealed_items = {r[1] for r in sealed_rows if r[0] == "round_item"}
            for (item_id,) in db.execute(
                "SELECT id FROM round_item WHERE round_id = ? ORDER BY id", (round_id,)
            ).fetchall():
                if item_id not in sealed_items:
                    findings.append(
                        Finding(
                            "row_extra",
                            {"round": name},
                            "round_item",
                            item_id,
                            new=row_content(db, "round_item", item_id),
                        )
                    )
    unique = []
    for finding in findings:  # one broken root is named once per round
        if finding not in unique:
            unique.append(finding)
    return unique
