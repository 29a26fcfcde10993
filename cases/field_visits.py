"""What a field package brings back besides verifications and re-inspections: the
post-closure visits (事后巡查) and the photos kept as record files (a visit's, a new
find's), for ``field_merge``.

A visit is written through ``revisits.record_revisit`` (its rules and refusals; a 反弹
opens a clue linked to the case) inside the plot's transaction; its photos and a new
find's are ``record_file`` rows of the visit or the clue (``record_files``), checked and
copied under their hash first, the rows written in the same transaction. The copies of
a plot or find that is then refused are removed by the caller (``remove_copies``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from . import record_files, revisits


@dataclass(frozen=True)
class VisitWritten:
    revisit_id: int
    photos: int  # photos newly attached to the visit
    clue_code: str | None  # the clue a rebound opened


def write_visit(store, db, case, record: dict, files: Sequence[Path], copies: list[Path]):
    """Record the post-closure visit of a field record (``verified_at``: when, ``verifier``:
    who, ``revisit_result``, ``description``: the note) with its photos."""
    day = (record.get("verified_at") or "")[:10] or None
    recorded = revisits.record_revisit(
        store,
        case.plot_id,
        day,
        record.get("verifier"),
        record.get("revisit_result"),
        note=record.get("description"),
    )
    photos = attach_photos(store, db, "revisit", recorded.revisit_id, files, copies)
    code = None
    if recorded.clue_id is not None:
        code = db.execute("SELECT code FROM clue WHERE id = ?", (recorded.clue_id,)).fetchone()[0]
    return VisitWritten(recorded.revisit_id, photos, code)


def attach_photos(
    store, db, owner: str, owner_id: int, files: Sequence[Path], copies: list[Path]
) -> int:
    """Attach the photos ``files`` to a record inside the caller's transaction ``db``;
    how many were not attached already. The copies made are added to ``copies``."""
    checked = record_files.read_record_files((path, record_files.PHOTO) for path in files)
    new, seen = [], set()
    for file in checked:
        digest = file.candidate.sha256
        if digest in seen or _attached(db, owner, owner_id, digest):
            continue
        seen.add(digest)
        new.append(file)
    if not new:
        return 0
    copies.extend(record_files.store_file_copies(store, new))
    record_files.insert_record_files(db, owner, owner_id, new)
    return len(new)


def attach_later(store, owner: str, owner_id: int, files: Sequence[Path]) -> int:
    """Photos of a record merged before that were missing then (in a transaction of
    their own); how many were added. Nothing when none is new."""
    copies: list[Path] = []
    try:
        with store.transaction() as db:
            return attach_photos(store, db, owner, owner_id, files, copies)
    except BaseException:
        remove_copies(store, copies)
        raise


def merged_visit(db, case_id: int, record: dict) -> int | None:
    """The visit a merged field record wrote (the latest of its day and visitor)."""
    day = (record.get("verified_at") or "")[:10] or None
    row = db.execute(
        "SELECT id FROM revisit WHERE case_id = ? AND visited_on = ? AND visitor = ? "
        "ORDER BY id DESC LIMIT 1",
        (case_id, day, (record.get("verifier") or "").strip()),
    ).fetchone()
    return None if row is None else row[0]


def visited_since(db, case_id: int, since: str) -> bool:
    """Whether a post-closure visit of the case was recorded at or after ``since`` (a
    visit does not change the case's ``updated_at``, so its audit rows tell)."""
    row = db.execute(
        """SELECT 1 FROM revisit AS r JOIN audit_log AS a
               ON a.table_name = 'revisit' AND a.row_id = r.id
           WHERE r.case_id = ? AND r.visited_on IS NOT NULL AND a.changed_at >= ?
           LIMIT 1""",
        (case_id, since),
    ).fetchone()
    return row is not None


def last_visit_result(db, case_id: int) -> str | None:
    """The result of the case's latest post-closure visit (None before the first)."""
    row = db.execute(
        "SELECT result FROM revisit WHERE case_id = ? AND visited_on IS NOT NULL "
        "ORDER BY visited_on DESC, id DESC LIMIT 1",
        (case_id,),
    ).fetchone()
    return None if row is None else row[0]


def remove_copies(store, copies: list[Path]) -> None:
    record_files.remove_copies(store, copies)


def _attached(db, owner: str, owner_id: int, digest: str) -> bool:
    row = db.execute(
        "SELECT 1 FROM record_file WHERE owner_table = ? AND owner_id = ? AND sha256 = ?",
        (owner, owner_id, digest),
    ).fetchone()
    return row is not None
