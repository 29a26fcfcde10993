"""Submission rounds: the monthly 一上 → 一下 → 二上 snapshots of every case, their
differences, and their locks (DOMAIN.md, "Submission rounds and locking"; seed 001).

A round is a snapshot taken in one transaction: for every case, its status, its current
determination (the latest determination row, ``max(id)``: revisions add rows) and its
latest rectification row, as ``round_item`` rows with a JSON snapshot of the fields that
are reported. The snapshot does not follow later edits: the current month's work goes on
in the next round, and ``diff_rounds`` shows what changed between two rounds. Once
reviewed, a round is locked (``lock_round``); the triggers of ``locks.py`` then refuse any
change to it and to the determination and rectification rows it holds.
"""

from __future__ import annotations

import datetime
import json
import re
from collections import Counter
from dataclasses import dataclass, field

from . import audit_chain, catalog, errors, locks, seals
from .areas import rounded
from .errors import N_, CaseDatabaseError

STAGES = ("一上", "一下", "二上")
NOW = "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')"
_PERIOD = re.compile(r"\d{4}-(0[1-9]|1[0-2])")
UNDETERMINED = "未判定"

# The fields a round keeps per case, in the order the snapshot JSON lists them.
SNAPSHOT_FIELDS = (
    "jcbh",
    "status",
    "category",
    "subtype",
    "subtype_detail",
    "new_or_existing",
    "area_m2",
    "measures",
    "task_listed_on",
    "demolished_area_m2",
    "restored_area_m2",
    "legalised_area_m2",
    "reinspection_result",
    "reinspected_on",
)
_AREAS = {"area_m2", "demolished_area_m2", "restored_area_m2", "legalised_area_m2"}

_CURRENT_STATE = """
    SELECT c.id, d.id, r.id, p.jcbh, c.status, d.category, d.subtype, d.subtype_detail,
        d.new_or_existing, p.area_ellipsoidal_m2, r.measures, r.task_listed_on,
        r.demolished_area_m2, r.restored_area_m2, r.legalised_area_m2,
        r.reinspection_result, r.reinspected_on
    FROM case_record AS c
    LEFT JOIN plot AS p ON p.id = c.plot_id
    LEFT JOIN determination AS d
        ON d.id = (SELECT max(id) FROM determination WHERE case_id = c.id)
    LEFT JOIN rectification AS r
        ON r.id = (SELECT max(id) FROM rectification WHERE case_id = c.id)
    ORDER BY c.id"""


class RoundError(CaseDatabaseError):
    template = "Submission round {period} {stage}: {reason}"


@dataclass(frozen=True)
class SubmissionRound:
    id: int
    period: str
    stage: str
    locked: bool
    locked_at: str | None
    created_at: str
    cases: int
    summary: dict = field(default_factory=dict)

    @property
    def name(self) -> str:
        return f"{self.period} {self.stage}"


@dataclass(frozen=True)
class RoundChange:
    """One case that differs between two rounds: ``change`` is 'changed', 'added' (only in
    the later round) or 'removed' (only in the earlier); ``fields`` maps each differing
    snapshot field to (old, new), None standing for a side that has no value."""

    case_id: int
    jcbh: str | None
    change: str
    fields: dict


def _is_period(period) -> bool:
    return isinstance(period, str) and _PERIOD.fullmatch(period) is not None


def _order(period: str, stage: str) -> tuple[str, int]:
    return period, STAGES.index(stage)


def _rounds(db) -> list[tuple[int, str, str, int]]:
    rows = db.execute("SELECT id, period, stage, locked FROM submission_round").fetchall()
    return sorted(
        # a round another program wrote with a malformed period or stage takes no part
        ((r[0], r[1], r[2], r[3]) for r in rows if r[2] in STAGES and _is_period(r[1])),
        key=lambda r: _order(r[1], r[2]),
    )


def _check_new_round(db, period: str, stage: str) -> None:
    def refuse(reason: str, **params) -> RoundError:
        return RoundError(period=period, stage=stage, reason=reason, **params)

    if not _is_period(period):
        raise refuse(N_("the period must be a month written as YYYY-MM"))
    if stage not in STAGES:
        raise refuse(N_("the stage must be one of 一上, 一下, 二上"))
    existing = _rounds(db)
    if any((p, s) == (period, stage) for _, p, s, _ in existing):
        raise refuse(N_("this round already exists"))
    index = STAGES.index(stage)
    if index > 0 and not any((p, s) == (period, STAGES[index - 1]) for _, p, s, _ in existing):
        raise refuse(N_("{previous} of the same month must come first"), previous=STAGES[index - 1])
    if existing and _order(*existing[-1][1:3]) > _order(period, stage):
        latest = f"{existing[-1][1]} {existing[-1][2]}"
        raise refuse(
            N_("the later round {latest} already exists: rounds follow each other in order"),
            latest=latest,
        )


def _snapshot(row) -> dict:
    """The snapshot of one row of ``_CURRENT_STATE`` (its columns after the three ids are
    the ``SNAPSHOT_FIELDS`` in order)."""
    values = dict(zip(SNAPSHOT_FIELDS, tuple(row)[3:]))
    for name in _AREAS:  # two decimals of m²: no float noise in the differences
        if values[name] is not None:
            values[name] = rounded(float(values[name]))
    return values


def _dumps(value) -> str:
    return json.dumps(value, ensure_ascii=False)


def round_summary(snapshots) -> dict:
    """A round's figures over its cases' snapshots: how many, by status, by category."""
    snapshots = list(snapshots)
    return {
        "cases": len(snapshots),
        "by_status": dict(Counter(s.get("status") for s in snapshots)),
        "by_category": dict(Counter(s.get("category") or UNDETERMINED for s in snapshots)),
    }


def create_round(store, period: str, stage: str) -> int:
    """Snapshot every case into a new round ``period`` ('YYYY-MM') ``stage``; return its id.

    Stages come in order within a month (一上, then 一下, then 二上) and rounds one after
    the other: a round before the latest existing one is refused.
    """
    stage = stage.strip() if isinstance(stage, str) else stage
    with store.transaction() as db:
        _check_new_round(db, period, stage)
        items = [(row[0], row[1], row[2], _snapshot(row)) for row in db.execute(_CURRENT_STATE)]
        summary = round_summary(s for *_, s in items)
        round_id = db.execute(
            "INSERT INTO submission_round (period, stage, snapshot) VALUES (?, ?, ?) RETURNING id",
            (period, stage, _dumps(summary)),
        ).fetchone()[0]
        db.executemany(
            "INSERT INTO round_item (round_id, case_id, status, determination_id, "
            "rectification_id, snapshot) VALUES (?, ?, ?, ?, ?, ?)",
            (
                (round_id, case_id, s["status"], determination, rectification, _dumps(s))
                for case_id, determination, rectification, s in items
            ),
        )
        return round_id


def _round(db, round_id: int) -> SubmissionRound:
    row = db.execute(
        """SELECT r.id, r.period, r.stage, r.locked, r.locked_at, r.created_at,
               (SELECT count(*) FROM round_item WHERE round_id = r.id), r.snapshot
           FROM submission_round AS r WHERE r.id = ?""",
        (round_id,),
    ).fetchone()
    if row is None:
        raise errors.InvalidRecord(
            record=f"#{round_id}", reason=N_("there is no submission round with this id")
        )
    return _make(row)


def _make(row) -> SubmissionRound:
    try:
        summary = json.loads(row[7] or "{}")
    except ValueError:
        summary = {}
    return SubmissionRound(row[0], row[1], row[2], bool(row[3]), row[4], row[5], row[6], summary)


def get_round(store, round_id: int) -> SubmissionRound:
    return _round(store._db, round_id)


def list_rounds(store) -> list[SubmissionRound]:
    """All rounds, oldest first (by month, then 一上, 一下, 二上)."""
    rows = store._db.execute(
        """SELECT r.id, r.period, r.stage, r.locked, r.locked_at, r.created_at,
               (SELECT count(*) FROM round_item WHERE round_id = r.id), r.snapshot
           FROM submission_round AS r"""
    ).fetchall()
    rounds = [_make(row) for row in rows]
    return sorted(
        rounds, key=lambda r: (r.period, STAGES.index(r.stage) if r.stage in STAGES else 9)
    )


def next_round(store, today: datetime.date | None = None) -> tuple[str, str]:
    """(period, stage) of the round to create next: the next stage of the latest round's
    month, or after 二上 the 一上 of the following month; the current month's 一上 when
    there is no round yet."""
    existing = _rounds(store._db)
    if not existing:
        return (today or datetime.date.today()).strftime("%Y-%m"), STAGES[0]
    _, period, stage, _ = existing[-1]
    index = STAGES.index(stage)
    if index + 1 < len(STAGES):
        return period, STAGES[index + 1]
    year, month = (int(part) for part in period.split("-"))
    year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return f"{year:04d}-{month:02d}", STAGES[0]


def lock_round(store, round_id: int) -> SubmissionRound:
    """Lock a reviewed round: from now on the database refuses any change to it and to the
    determination and rectification rows it holds, whichever program writes.

    The lock records the audit chain's head (``audit_chain.chain_head``) in the round's
    summary: a copy of it kept outside the file anchors the audit trail. It seals every
    row it locks (``seals.seal_round``): ``seals.latest_lock_root`` is then its root hash.
    """
    with store.transaction() as db:
        current = _round(db, round_id)
        if current.locked:
            raise locks.RoundLocked(round=current.name)
        audit_chain.seal(db)  # the head then covers every change before the lock
        head = audit_chain.chain_head(db)
        summary = dict(current.summary)
        if head is not None:
            summary["audit_head"] = {"id": head.id, "row_hash": head.row_hash}
        db.execute(
            f"UPDATE submission_round SET locked = 1, locked_at = {NOW}, snapshot = ? WHERE id = ?",
            (_dumps(summary), round_id),
        )
        if seals.has_seal_tables(db):  # every locked row's content and hash, and the root
            seals.seal_round(db, round_id, head)
        if not catalog.is_postgres(db):  # (PostgreSQL's lock triggers read the rounds)
            locks.rebuild_lock_triggers(db)  # the triggers now name this round
    return _round(store._db, round_id)


def round_items(store, round_id: int) -> dict[int, dict]:
    """case id -> the snapshot the round keeps of it."""
    _round(store._db, round_id)
    rows = store._db.execute(
        "SELECT case_id, snapshot FROM round_item WHERE round_id = ? ORDER BY case_id",
        (round_id,),
    )
    return {row[0]: json.loads(row[1]) for row in rows}


def diff_rounds(store, round_a: int, round_b: int) -> list[RoundChange]:
    """The cases whose snapshot differs from round ``round_a`` to round ``round_b``: changed
    (with each changed field old → new), added (only in b) or removed (only in a), ordered
    by 监测编号."""
    before, after = round_items(store, round_a), round_items(store, round_b)
    changes = []
    for case_id in before.keys() | after.keys():
        old, new = before.get(case_id), after.get(case_id)
        if old == new:
            continue
        kind = "changed" if old and new else ("added" if new else "removed")
        old, new = old or {}, new or {}
        fields = {
            name: (old.get(name), new.get(name))
            for name in [*old, *(n for n in new if n not in old)]
            if old.get(name) != new.get(name)
        }
        jcbh = (new or old).get("jcbh")
        changes.append(RoundChange(case_id, jcbh, kind, fields))
    return sorted(changes, key=lambda c: (c.jcbh or "", c.case_id))
