"""The audit log's hash chain: every audit row is sealed with the hash of the row before it.

Each ``audit_log`` row stores ``prev_hash`` (the seal of the row before it in id order, or
``GENESIS`` for the first row) and ``row_hash`` = SHA-256 over (prev_hash, id, table_name,
row_id, action, changes, user_name, changed_at). A row changed, deleted or moved behind the
store's back (after dropping the append-only triggers) then no longer matches its seal or
breaks the links that follow, and ``verify_audit_trail`` names the first such row.

SQLite has no SHA-256 in a plain connection, so the triggers write rows unsealed and the
store seals them in Python, in id order: at the end of each of its transactions (before
COMMIT) and so also when a file is opened (rows other programs wrote since). The
append-only triggers (``audit.append_only_sql``) allow that one update and nothing else.

What a chain inside the file cannot prove: someone who can drop the triggers can also
recompute every seal after the row they changed. ``chain_head`` is the value to keep
outside the file (it is printed with a locked submission round's figures, and recorded in
the round when it is locked) so that such a rewrite shows against the copy.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass, field

from . import audit_origin, catalog
from .errors import N_

GENESIS = "0" * 64
HASHED_COLUMNS = ("id", "table_name", "row_id", "action", "changes", "user_name", "changed_at")
_SELECT = f"SELECT {', '.join(HASHED_COLUMNS)}, prev_hash, row_hash FROM audit_log"


def _encode(value):
    # The log's columns are text and integers; a BLOB written by another program still hashes.
    if isinstance(value, (bytes, bytearray, memoryview)):
        return {"blob": bytes(value).hex()}
    raise TypeError(f"{type(value).__name__} in audit_log")


_JSON = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), default=_encode)


def row_hash(prev_hash: str, values: Iterable) -> str:
    """The seal of one row: ``values`` are the row's ``HASHED_COLUMNS`` in that order.

    The row is hashed as a compact JSON array ``[prev_hash, id, table_name, row_id, action,
    changes, user_name, changed_at]`` in UTF-8 without escaping Chinese (what Python's
    ``json.dumps(..., ensure_ascii=False, separators=(",", ":"))`` writes), which keeps each
    value's type and boundaries: ("ab", "c") and ("a", "bc") hash differently.
    """
    return hashlib.sha256(_JSON.encode([prev_hash, *values]).encode("utf-8")).hexdigest()


def _rows(db: sqlite3.Connection, sql: str) -> sqlite3.Cursor:
    cursor = db.cursor()
    cursor.row_factory = None  # plain tuples: the store's connection makes sqlite3.Row
    return cursor.execute(sql)


def has_chain(db: sqlite3.Connection) -> bool:
    """Whether the file's audit log has the chain's columns (schema v3 and later)."""
    names = set(catalog.columns(db, "audit_log"))
    return {"prev_hash", "row_hash"} <= names


def _pending(db: sqlite3.Connection) -> list[tuple]:
    """The unsealed rows after the last sealed one, in id order."""
    pending = []
    cursor = _rows(db, _SELECT + " ORDER BY id DESC")
    try:
        for row in cursor:
            if row[-1] is not None:
                break
            pending.append(row)
    finally:
        cursor.close()
    return pending[::-1]


def _last_seal(db: sqlite3.Connection) -> str:
    row = db.execute(
        "SELECT row_hash FROM audit_log WHERE row_hash IS NOT NULL ORDER BY id DESC LIMIT 1"
    ).fetchone()
    return row[0] if row else GENESIS


def seal(db: sqlite3.Connection) -> int:
    """Seal the unsealed rows at the end of the log, in id order; return how many.

    Runs inside the caller's write transaction. Rows are written unsealed only at the end
    of the log, so the log is read backwards from its last row to the last sealed one.
    Rows that do not match the data (``audit_origin.forged_rows``: not written by the
    product's triggers) are never sealed; they stay behind, named by the verification.
    The checkpoint (``audit_checkpoint``: the last sealed row and its seal) follows.
    """
    if catalog.is_postgres(db):
        # the server seals itself: this transaction's rows move into the log now
        # (pg_triggers: audit_pending), so the chain's head covers them
        db.execute("SET CONSTRAINTS audit_pending_flush IMMEDIATE")
        return 0
    if not has_chain(db):
        return 0
    pending = _pending(db)
    if not pending:
        return 0
    forged = audit_origin.forged_rows(db, pending)
    previous = _last_seal(db)
    seals = []
    for row in pending:
        if row[0] in forged:
            continue
        sealed = row_hash(previous, row[: len(HASHED_COLUMNS)])
        seals.append((previous, sealed, row[0]))
        previous = sealed
    db.executemany("UPDATE audit_log SET prev_hash = ?, row_hash = ? WHERE id = ?", seals)
    if seals:
        _checkpoint(db, seals[-1][2], seals[-1][1])
    return len(seals)


def _checkpoint(db: sqlite3.Connection, audit_id: int, audit_hash: str) -> None:
    if not catalog.has_table(
        db, "audit_checkpoint"
    ):  # a file before schema v6 (during its migration)
        return
    updated = db.execute(
        "UPDATE audit_checkpoint SET audit_id = ?, audit_hash = ?, "
        "updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = 1 AND audit_id <= ?",
        (audit_id, audit_hash, audit_id),
    ).rowcount
    if not updated and db.execute("SELECT 1 FROM audit_checkpoint").fetchone() is None:
        db.execute(
            "INSERT INTO audit_checkpoint (id, audit_id, audit_hash) VALUES (1, ?, ?)",
            (audit_id, audit_hash),
        )


def unsealed_forged(db: sqlite3.Connection) -> list[tuple]:
    """Rows of the log that are not sealed and never will be: those in the middle of the
    log (later rows are sealed) and those at its end that do not match the data."""
    if not has_chain(db):
        return []
    last = db.execute("SELECT max(id) FROM audit_log WHERE row_hash IS NOT NULL").fetchone()[0] or 0
    middle = list(
        _rows(
            db,
            _SELECT + f" WHERE row_hash IS NULL AND prev_hash IS NULL AND id < {int(last)} "
            "ORDER BY id",
        )
    )
    pending = _pending(db)
    forged = audit_origin.forged_rows(db, pending) if pending else set()
    return middle + [row for row in pending if row[0] in forged]


@dataclass(frozen=True)
class ChainHead:
    """The last sealed row of the log: keep it outside the file to anchor the chain."""

    id: int
    row_hash: str


def chain_head(db: sqlite3.Connection) -> ChainHead | None:
    row = db.execute(
        "SELECT id, row_hash FROM audit_log WHERE row_hash IS NOT NULL ORDER BY id DESC LIMIT 1"
    ).fetchone()
    return ChainHead(row[0], row[1]) if row else None


# Reasons verify_audit_trail gives (translated by the forms; {id} is first_broken_id,
# {previous_id} the row before it, {round} a locked submission round).
CHANGED = N_("audit row {id} does not match its seal: it was changed or moved")
MISSING = N_("audit rows between {previous_id} and {id} are missing (deleted)")
BROKEN_LINK = N_(
    "audit row {id} is not linked to row {previous_id}: a row was deleted, re-ordered or re-sealed"
)
UNSEALED = N_(
    "audit row {id} is not sealed while later rows are: it was not written by LandCase's "
    "triggers, or its seal was removed"
)
HALF_SEALED = N_("audit row {id} is only half sealed")
ANCHOR = N_("audit row {id} no longer matches the seal recorded when round {round} was locked")
TRUNCATED = N_("audit row {id}, sealed when round {round} was locked, is missing")
NO_CHAIN = N_("this case database has no audit hash chain")


@dataclass(frozen=True)
class AuditVerification:
    """What ``verify_audit_trail`` found.

    ``checked`` counts the sealed rows found intact (up to the first broken one);
    ``unsealed`` the rows at the end of the log that wait for their seal (another program
    wrote them; the store's next transaction seals them). ``reason`` is an untranslated
    template filled from ``params``.
    """

    ok: bool
    checked: int
    first_broken_id: int | None = None
    reason: str | None = None
    unsealed: int = 0
    params: dict = field(default_factory=dict)

    def message(self, translate=lambda text: text) -> str | None:
        if self.reason is None:
            return None
        return translate(self.reason).format(id=self.first_broken_id, **self.params)


def verify_audit_trail(store) -> AuditVerification:
    """Recompute the whole chain of ``store``'s audit log; name the first broken row.

    Reads only. Checks, row by row in id order: that the row's seal matches its content
    and ``prev_hash`` (a changed or moved row fails here), that ``prev_hash`` is the seal of
    the row before (a deleted or re-ordered row breaks the link of the row after it), that
    no unsealed row comes before a sealed one, and that the seals recorded when submission
    rounds were locked are still those of the chain.
    """
    db = store._db if hasattr(store, "_db") else store  # a store or a connection
    if not has_chain(db):
        return AuditVerification(False, 0, None, NO_CHAIN)
    anchors = _lock_anchors(db)
    checked = unsealed = 0
    first_unsealed = None
    previous, previous_id = GENESIS, None
    failure = None
    for row in _rows(db, _SELECT + " ORDER BY id"):
        row_id, prev_hash, sealed = row[0], row[-2], row[-1]
        if sealed is None and prev_hash is None:
            unsealed += 1
            first_unsealed = first_unsealed or row_id
            continue
        reason, params = None, {}
        if sealed is None or prev_hash is None:
            reason = HALF_SEALED
        elif row_hash(prev_hash, row[: len(HASHED_COLUMNS)]) != sealed:
            reason = CHANGED
        elif prev_hash != previous:
            expected_id = 1 if previous_id is None else previous_id + 1
            reason = MISSING if row_id > expected_id + unsealed else BROKEN_LINK
            params = {"previous_id": previous_id or 0}
        elif row_id in anchors and anchors[row_id][0] != sealed:
            reason, params = ANCHOR, {"round": anchors[row_id][1]}
        if first_unsealed is not None:
            # an unsealed row before a sealed one: forged (never sealed) or its seal cleared.
            # The rows after it are still checked: it is skipped in the chain.
            failure = failure or (first_unsealed, UNSEALED, {})
            first_unsealed = None
        if reason is not None:
            failure = failure or (row_id, reason, params)
            return AuditVerification(False, checked, *failure[:2], unsealed, failure[2])
        anchors.pop(row_id, None)
        checked += 1
        unsealed = 0
        previous, previous_id = sealed, row_id
    if failure is not None:
        return AuditVerification(False, checked, *failure[:2], unsealed, failure[2])
    if anchors:  # a row sealed when a round was locked is no longer in the log
        anchor_id = min(anchors)
        params = {"round": anchors[anchor_id][1]}
        return AuditVerification(False, checked, anchor_id, TRUNCATED, unsealed, params)
    return AuditVerification(True, checked, None, None, unsealed)


def _lock_anchors(db: sqlite3.Connection) -> dict[int, tuple[str, str]]:
    """audit row id -> (seal, 'period stage') recorded by ``rounds.lock_round``."""
    try:
        rows = db.execute(
            "SELECT period, stage, snapshot FROM submission_round WHERE locked = 1 ORDER BY id"
        ).fetchall()
    except sqlite3.OperationalError:  # no such table
        return {}
    anchors = {}
    for period, stage, snapshot in rows:
        try:
            head = json.loads(snapshot or "{}").get("audit_head")
        except (ValueError, AttributeError):
            continue
        if isinstance(head, dict) and "id" in head and "row_hash" in head:
            anchors[int(head["id"])] = (head["row_hash"], f"{period} {stage}")
    return anchors
