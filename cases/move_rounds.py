"""Submission rounds of a station file moved to the server, locked ones locked again.

A round keeps its period, stage, dates and the snapshot of each moved case; its items
name the cases, determinations and rectifications by their server ids. A round locked in
the file is locked on the server as ``rounds.lock_round`` locks one: the server's audit
head recorded in its summary, and sealed again (``seals.seal_round``) over the server's
rows, so the lock triggers refuse any change and ``verify_seals`` checks it. The file's
own seal, whose hashes name the file's ids, stays verifiable in the archive
(``move_archive.seal_archive``); the summary names it (``moved_from``).

The server holds one round per period and stage (UNIQUE): a round of the file whose
period and stage the server already has from elsewhere is not moved (listed in the
report), nor one holding none of the moved cases. A round moved before is left as it is:
a locked round takes no new cases.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from . import audit_chain, seals
from .errors import N_
from .move_rows import IdMap, insert_row, shared_columns, source_rows
from .rounds import round_summary

NOW = "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')"
SAME_ROUND_ON_SERVER = N_("the server already has a round {round} from elsewhere")
NO_MOVED_CASE = N_("round {round} holds none of the moved cases")


@dataclass(frozen=True)
class RoundLeft:
    """A round of the file not moved, and why (an untranslated template)."""

    name: str
    reason: str

    def message(self, translate=lambda text: text) -> str:
        return translate(self.reason).format(round=self.name)


def move_rounds(source_db, db, ids: IdMap, srid: int, origin: str) -> list[RoundLeft]:
    """Copy the file's rounds (in id order) not moved before; return those left out."""
    left: list[RoundLeft] = []
    roots = dict(
        source_db.execute("SELECT round_id, root_hash FROM round_seal").fetchall()
        if seals.has_seal_tables(source_db)
        else ()
    )
    columns = shared_columns(source_db, db, "submission_round")
    for row in source_rows(source_db, "submission_round", columns):
        old_id, values = row[0], dict(zip(columns, tuple(row)[1:]))
        name = f"{values['period']} {values['stage']}"
        if ids.get("submission_round", old_id) is not None:
            continue  # moved before
        items = _movable_items(source_db, old_id, ids)
        if not items:
            left.append(RoundLeft(name, NO_MOVED_CASE))
            continue
        taken = db.execute(
            "SELECT 1 FROM submission_round WHERE period = ? AND stage = ?",
            (values["period"], values["stage"]),
        ).fetchone()
        if taken:
            left.append(RoundLeft(name, SAME_ROUND_ON_SERVER))
            continue
        _copy_round(db, old_id, values, items, ids, srid, origin, roots.get(old_id))
    return left


def _movable_items(source_db, round_id: int, ids: IdMap) -> list[tuple]:
    """(case, determination, rectification, status, snapshot) with server ids, of the
    round's cases that are on the server as moved from this file."""
    items = []
    for case_id, determination, rectification, status, snapshot in source_db.execute(
        "SELECT case_id, determination_id, rectification_id, status, snapshot FROM round_item "
        "WHERE round_id = ? ORDER BY id",
        (round_id,),
    ).fetchall():
        case = ids.get("case_record", case_id)
        if case is None:
            continue
        items.append(
            (
                case,
                None if determination is None else ids.get("determination", determination),
                None if rectification is None else ids.get("rectification", rectification),
                status,
                snapshot,
            )
        )
    return items


def _copy_round(db, old_id, values, items, ids: IdMap, srid, origin, root) -> None:
    try:
        summary = json.loads(values.get("snapshot") or "{}")
    except ValueError:
        summary = {}
    if not isinstance(summary, dict):
        summary = {}
    summary.pop("audit_head", None)  # the file's chain: the server's is recorded at the lock
    original_cases = summary.get("cases")
    if original_cases != len(items):  # part of the round moved: its figures are of those
        summary.update(round_summary(_snapshot(item[4]) for item in items))
    summary["moved_from"] = {"origin": origin, "round_id": old_id, "root_hash": root}
    locked = bool(values.get("locked"))
    fields = dict(values, snapshot=json.dumps(summary, ensure_ascii=False), locked=0)
    fields["locked_at"] = None
    names = list(fields)
    new_id = insert_row(db, "submission_round", names, fields.values(), set(), srid)
    ids.add("submission_round", old_id, new_id)
    db.executemany(
        "INSERT INTO round_item (round_id, case_id, determination_id, rectification_id, status, "
        "snapshot) VALUES (?, ?, ?, ?, ?, ?)",
        [(new_id, *item) for item in items],
    )
    if locked:  # as rounds.lock_round: the server's head, then the seal over its rows
        audit_chain.seal(db)  # (the server: this transaction's audit rows into the log)
        head = audit_chain.chain_head(db)
        if head is not None:
            summary["audit_head"] = {"id": head.id, "row_hash": head.row_hash}
        db.execute(
            f"UPDATE submission_round SET locked = 1, locked_at = coalesce(?, {NOW}), "
            "snapshot = ? WHERE id = ?",
            (values.get("locked_at"), json.dumps(summary, ensure_ascii=False), new_id),
        )
        seals.seal_round(db, new_id, head)


def _snapshot(text) -> dict:
    try:
        value = json.loads(text or "{}")
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}
