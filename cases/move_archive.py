"""What a move to PostgreSQL keeps of a station file's own history, verbatim.

The file's audit log cannot join the server's chain under its own seals (the server seals
every row it writes itself), and the seals of its locked rounds hash the file's row ids,
which change on the server. Both are kept as they were, in tables of their own made by
the move (``ensure_tables``): ``audit_archive`` (every sealed audit row of the file) and
``seal_archive`` / ``seal_row_archive`` (every round seal of the file). ``verify_archive``
recomputes them with the same hashes the file used (``audit_chain.row_hash``,
``seals.row_hash``, ``seals.root_hash``): a root printed on paper before the move is still
checked against its rows. ``moved_row`` records which file row became which server row,
so that a second move of the same file adds nothing.
"""

from __future__ import annotations

import json

from . import audit_chain, catalog, seals
from .errors import N_

ARCHIVE_TABLES = ("moved_row", "audit_archive", "seal_archive", "seal_row_archive")
# what the server says to a change of an archived row (as the guards' messages: not translated)
ARCHIVE_REFUSED = "the archive of moved files is append-only"

_TABLES = (
    """CREATE TABLE IF NOT EXISTS moved_row (
        origin TEXT NOT NULL,
        table_name TEXT NOT NULL,
        old_id BIGINT NOT NULL,
        new_id BIGINT NOT NULL,
        moved_at TEXT NOT NULL DEFAULT strftime('%Y-%m-%dT%H:%M:%fZ', 'now'),
        PRIMARY KEY (origin, table_name, old_id))""",
    """CREATE TABLE IF NOT EXISTS audit_archive (
        origin TEXT NOT NULL,
        id BIGINT NOT NULL,
        table_name TEXT NOT NULL,
        row_id BIGINT,
        action TEXT NOT NULL,
        changes TEXT NOT NULL,
        user_name TEXT NOT NULL,
        changed_at TEXT NOT NULL,
        prev_hash TEXT NOT NULL,
        row_hash TEXT NOT NULL,
        PRIMARY KEY (origin, id))""",
    """CREATE TABLE IF NOT EXISTS seal_archive (
        origin TEXT NOT NULL,
        round_id BIGINT NOT NULL,
        round_name TEXT NOT NULL,
        root_hash TEXT NOT NULL,
        rows BIGINT NOT NULL,
        audit_id BIGINT,
        audit_hash TEXT,
        sealed_at TEXT NOT NULL,
        PRIMARY KEY (origin, round_id))""",
    """CREATE TABLE IF NOT EXISTS seal_row_archive (
        origin TEXT NOT NULL,
        round_id BIGINT NOT NULL,
        table_name TEXT NOT NULL,
        row_id BIGINT NOT NULL,
        row_hash TEXT NOT NULL,
        content TEXT NOT NULL,
        PRIMARY KEY (origin, round_id, table_name, row_id))""",
)

# Reasons verify_archive adds to audit_chain's ({round} a round of the file).
SEAL_ARCHIVE_BROKEN = N_("the archived seal of round {round} no longer matches its rows")
ARCHIVE_ANCHOR = N_(
    "archived audit row {id} no longer matches the seal recorded when round {round} was locked"
)
NOTHING_ARCHIVED = N_("nothing of this file is archived in the database")


def ensure_tables(db) -> None:
    """The move's tables (inside the caller's transaction, as the database's owner); rows
    of the archives can be added, never changed."""
    for statement in _TABLES:
        db.execute(statement)
    refusal = "'" + ARCHIVE_REFUSED.replace("'", "''") + "'"
    for table in ARCHIVE_TABLES:
        db.execute(
            f"CREATE OR REPLACE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table} "
            f"FOR EACH ROW EXECUTE FUNCTION landcase_refuse({refusal})"
        )
    _grant_reading(db)


def _grant_reading(db) -> None:
    """The county and the read-only groups (``pg_roles``) read the archives."""
    row = db.execute("SELECT value FROM meta WHERE key = 'role_prefix'").fetchone()
    if not row or not row[0]:
        return
    from .pg_roles import group  # (a server database only)

    readers = ", ".join(f'"{group(row[0], kind)}"' for kind in ("county", "readonly"))
    present = db.execute(
        "SELECT count(*) FROM pg_roles WHERE rolname IN (?, ?)",
        (group(row[0], "county"), group(row[0], "readonly")),
    ).fetchone()[0]
    if present == 2:
        db.execute(f"GRANT SELECT ON {', '.join(ARCHIVE_TABLES)} TO {readers}")


def earlier_moves(db, origin: str) -> dict[str, dict[int, int]]:
    """table -> {file id: server id} of the rows earlier moves of ``origin`` wrote."""
    found: dict[str, dict[int, int]] = {}
    for table, old_id, new_id in db.execute(
        "SELECT table_name, old_id, new_id FROM moved_row WHERE origin = ?", (origin,)
    ).fetchall():
        found.setdefault(table, {})[old_id] = new_id
    return found


def record_moves(db, origin: str, moved: list[tuple[str, int, int]]) -> None:
    db.executemany(
        "INSERT INTO moved_row (origin, table_name, old_id, new_id) VALUES (?, ?, ?, ?) "
        "ON CONFLICT DO NOTHING",
        [(origin, table, old, new) for table, old, new in moved],
    )


def archive_audit(source_db, db, origin: str) -> int:
    """Copy the file's sealed audit rows not archived yet; return how many were added."""
    columns = (*audit_chain.HASHED_COLUMNS, "prev_hash", "row_hash")
    rows = source_db.execute(
        f"SELECT {', '.join(columns)} FROM audit_log WHERE row_hash IS NOT NULL ORDER BY id"
    ).fetchall()
    last = db.execute(
        "SELECT coalesce(max(id), 0) FROM audit_archive WHERE origin = ?", (origin,)
    ).fetchone()[0]
    fresh = [(origin, *tuple(row)) for row in rows if row[0] > last]
    db.executemany(
        f"INSERT INTO audit_archive (origin, {', '.join(columns)}) "
        f"VALUES ({', '.join('?' * (len(columns) + 1))}) ON CONFLICT DO NOTHING",
        fresh,
    )
    return len(fresh)


def archive_seals(source_db, db, origin: str) -> int:
    """Copy the file's round seals not archived yet; return how many rounds were added."""
    if not seals.has_seal_tables(source_db):
        return 0
    done = {
        row[0]
        for row in db.execute(
            "SELECT round_id FROM seal_archive WHERE origin = ?", (origin,)
        ).fetchall()
    }
    added = 0
    for round_id, name, root, count, audit_id, audit_hash, sealed_at in source_db.execute(
        "SELECT s.round_id, coalesce(r.period || ' ' || r.stage, '#' || s.round_id), "
        "s.root_hash, s.rows, s.audit_id, s.audit_hash, s.sealed_at FROM round_seal AS s "
        "LEFT JOIN submission_round AS r ON r.id = s.round_id ORDER BY s.round_id"
    ).fetchall():
        if round_id in done:
            continue
        db.execute(
            "INSERT INTO seal_archive (origin, round_id, round_name, root_hash, rows, audit_id, "
            "audit_hash, sealed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (origin, round_id, name, root, count, audit_id, audit_hash, sealed_at),
        )
        db.executemany(
            "INSERT INTO seal_row_archive (origin, round_id, table_name, row_id, row_hash, "
            "content) VALUES (?, ?, ?, ?, ?, ?)",
            [
                (origin, round_id, *tuple(row))
                for row in source_db.execute(
                    "SELECT table_name, row_id, row_hash, content FROM round_seal_row "
                    "WHERE round_id = ? ORDER BY table_name, row_id",
                    (round_id,),
                ).fetchall()
            ],
        )
        added += 1
    return added


def verify_archive(db, origin: str) -> audit_chain.AuditVerification:
    """Recompute the archived chain of ``origin`` row by row (its seal, its link to the row
    before), then each archived round seal (every row's hash, the root, and the audit row
    recorded at its lock); the first failure is named. Reads only."""
    if not catalog.has_table(db, "audit_archive"):
        return audit_chain.AuditVerification(False, 0, None, NOTHING_ARCHIVED)
    columns = (*audit_chain.HASHED_COLUMNS, "prev_hash", "row_hash")
    rows = db.execute(
        f"SELECT {', '.join(columns)} FROM audit_archive WHERE origin = ? ORDER BY id", (origin,)
    ).fetchall()
    if not rows:
        return audit_chain.AuditVerification(False, 0, None, NOTHING_ARCHIVED)
    previous, previous_id, checked = audit_chain.GENESIS, None, 0
    hashes = {}
    for row in rows:
        row = tuple(row)
        row_id, prev_hash, sealed = row[0], row[-2], row[-1]
        reason = None
        if audit_chain.row_hash(prev_hash, row[: len(audit_chain.HASHED_COLUMNS)]) != sealed:
            reason = audit_chain.CHANGED
        elif prev_hash != previous:
            reason = audit_chain.BROKEN_LINK
        if reason is not None:
            params = {"previous_id": previous_id or 0}
            return audit_chain.AuditVerification(False, checked, row_id, reason, 0, params)
        hashes[row_id] = sealed
        previous, previous_id = sealed, row_id
        checked += 1
    return _verify_seal_archive(db, origin, hashes, checked)


def _verify_seal_archive(db, origin: str, hashes: dict, checked: int):
    for round_id, name, root, audit_id, audit_hash in db.execute(
        "SELECT round_id, round_name, root_hash, audit_id, audit_hash FROM seal_archive "
        "WHERE origin = ? ORDER BY round_id",
        (origin,),
    ).fetchall():
        sealed_rows = db.execute(
            "SELECT table_name, row_id, row_hash, content FROM seal_row_archive "
            "WHERE origin = ? AND round_id = ?",
            (origin, round_id),
        ).fetchall()
        intact = seals.root_hash([(r[0], r[1], r[2]) for r in sealed_rows]) == root and all(
            seals.row_hash(r[0], r[1], _json(r[3])) == r[2] for r in sealed_rows
        )
        if not intact:
            return audit_chain.AuditVerification(
                False, checked, None, SEAL_ARCHIVE_BROKEN, 0, {"round": name}
            )
        if audit_id is not None and hashes.get(audit_id) != audit_hash:
            return audit_chain.AuditVerification(
                False, checked, audit_id, ARCHIVE_ANCHOR, 0, {"round": name}
            )
    return audit_chain.AuditVerification(True, checked)


def _json(content: str):
    try:
        return json.loads(content)
    except ValueError:
        return None
