"""The whole records verification: what in a case database no longer is as LandCase left
it, as a list of findings (``finding.Finding``), each naming its row, trigger or table.

- tables: each table of the file's schema version that is missing;
- triggers: each audit, lock and guard trigger that is missing (dropped, also with
  ``PRAGMA writable_schema``), altered (its SQL changed, or it follows a renamed table)
  or added under LandCase's names;
- locked rounds: each sealed row that differs from its seal (sealed and current values),
  is missing, or was added; a seal whose root no longer matches; a round locked without
  a seal (``seals.py``);
- the audit trail: the chain (``audit_chain.verify_audit_trail``), each row left unsealed
  because it does not match the data (forged, ``audit_origin.py``), and the log's end
  against the checkpoint kept at every sealing and at every lock (a deleted tail);
- the CRS: the srid recorded in ``meta`` against the geometry columns'.

``verify(store)`` adds what the store found when it opened the file (before it rebuilt
the triggers: ``CaseStore.opening_findings``); ``verify_file(path)`` reads a file as it
is, without opening a store (``landcase:verifyrecords``). An untouched database gives none.
"""

from __future__ import annotations

import csv
import json
import re
import sqlite3
from pathlib import Path

from . import audit, audit_chain, catalog, guards, locks, seals
from .connection import connect
from .errors import CaseDatabaseError
from .finding import KINDS, Finding, values_text
from .schema import AUDITED_TABLES as AUDITED


class DamagedFile(CaseDatabaseError):
    template = (
        "{path} cannot be read to the end: the file is damaged. Restore it from a copy; the "
        "verification cannot tell what changed."
    )


# The tables each schema version adds (``schema.MIGRATIONS``).
TABLES_BY_VERSION = {
    1: (
        "meta",
        "audit_actor",
        "audit_log",
        "batch",
        "plot",
        "case_record",
        "verification",
        "photo",
        "determination",
        "rectification",
        "closeout",
        "layer_role",
        "overlay",
        "submission_round",
    ),
    3: ("round_item", "calendar_day"),
    4: ("document",),
    5: ("attachment",),
    6: ("round_seal", "round_seal_row", "audit_checkpoint", "integrity_event"),
}
_ON_TABLE = re.compile(r"\bON\s+\"?([A-Za-z_][A-Za-z0-9_]*)\"?", re.IGNORECASE)


def required_tables(version: int) -> list[str]:
    return [t for v, tables in sorted(TABLES_BY_VERSION.items()) if v <= version for t in tables]


def present_tables(db: sqlite3.Connection) -> set[str]:
    return catalog.table_names(db)


def missing_tables(db: sqlite3.Connection, version: int | None = None) -> list[str]:
    if version is None:
        version = catalog.schema_version(db)
    present = present_tables(db)
    return [t for t in required_tables(version) if t not in present]


def _trigger_table(sql: str) -> str | None:
    found = _ON_TABLE.search(sql.split(" BEGIN", 1)[0])
    return found.group(1) if found else None


def expected_triggers(db: sqlite3.Connection) -> dict[str, str]:
    """name -> SQL (whitespace normalised) of every trigger this version generates."""
    # The lock triggers name the rounds LandCase locked (and sealed): a round another
    # program locked is a finding of its own (round_unsealed), not a changed trigger.
    sealed = None
    if seals.has_seal_tables(db) and "submission_round" in present_tables(db):
        sealed = [
            (r[0], f"{r[1]} {r[2]}")
            for r in db.execute(
                "SELECT id, period, stage FROM submission_round AS r WHERE locked = 1 "
                "AND EXISTS (SELECT 1 FROM round_seal AS s WHERE s.round_id = r.id) ORDER BY id"
            )
        ]
    statements = (
        audit.trigger_statements(db, audit.audited_tables(db))
        + locks.trigger_statements(db, sealed)
        + guards.trigger_statements(db)
    )
    return {s.split(None, 3)[2]: " ".join(s.split()) for s in statements}


def _server_trigger_findings(db) -> list[Finding]:
    """On a server, users cannot touch the triggers (the owner's); the owner or a
    superuser could still drop or disable one: each is named."""
    from . import pg_triggers

    installed = {
        row[0]: row[1]
        for row in db.execute(
            "SELECT t.tgname, t.tgenabled FROM pg_trigger AS t "
            "JOIN pg_class AS c ON c.oid = t.tgrelid "
            "WHERE c.relnamespace = current_schema()::regnamespace AND NOT t.tgisinternal"
        )
    }
    findings = []
    for name, table in sorted(pg_triggers.expected_triggers(db).items()):
        if name not in installed:
            findings.append(Finding("trigger_missing", {}, table, trigger=name))
        elif installed[name] == "D":  # ALTER TABLE … DISABLE TRIGGER
            findings.append(Finding("trigger_altered", {}, table, trigger=name))
    return findings


def trigger_findings(db: sqlite3.Connection) -> list[Finding]:
    """Each of LandCase's triggers that is missing, altered or not LandCase's own."""
    if catalog.is_postgres(db):
        return _server_trigger_findings(db)
    expected = expected_triggers(db)
    installed: dict[str, tuple[str, str]] = {}
    for name, table, sql in db.execute(
        "SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'trigger'"
    ):
        if name.startswith(("audit_", locks.PREFIX, guards.PREFIX)) or name in expected:
            installed[name] = (table, " ".join((sql or "").split()))
    # The triggers of a missing table cannot be generated from its columns: named by
    # their pattern (and lock triggers that need the missing round tables are not "extra").
    gone = set(missing_tables(db))
    for table in sorted(gone):
        names = []
        if table in AUDITED:
            names += [f"audit_{table}_{a}" for a in ("insert", "update", "delete")]
            names.append(f"{guards.PREFIX}{table}_no_replace")
        if table in ("submission_round", "round_item"):
            names += [f"{locks.PREFIX}{table}_{a}" for a in ("insert", "update", "delete")]
        for name in names:
            if name not in installed:
                expected.setdefault(name, f"CREATE TRIGGER {name} ON {table} BEGIN END")
    lock_tables_gone = bool(gone & {"submission_round", "round_item"})
    findings = []
    for name in sorted(set(expected) | set(installed)):
        if name not in expected and lock_tables_gone and name.startswith(locks.PREFIX):
            continue
        if name not in installed:
            findings.append(
                Finding("trigger_missing", {}, _trigger_table(expected[name]), trigger=name)
            )
        elif name not in expected:
            findings.append(Finding("trigger_extra", {}, installed[name][0], trigger=name))
        elif installed[name][1] != expected[name]:
            findings.append(Finding("trigger_altered", {}, installed[name][0], trigger=name))
    return findings


def _srid_findings(db: sqlite3.Connection, present: set[str]) -> list[Finding]:
    if "meta" not in present or "geometry_columns" not in present:
        return []
    row = db.execute("SELECT value FROM meta WHERE key = 'srid'").fetchone()
    recorded = row[0] if row else None
    findings = []
    for table, srid in db.execute(
        "SELECT f_table_name, srid FROM geometry_columns ORDER BY f_table_name"
    ):
        if str(srid) != str(recorded):
            findings.append(Finding("srid_changed", {"srid": recorded, "found": srid}, table))
    return findings


def _checkpoint_findings(db: sqlite3.Connection, present: set[str]) -> list[Finding]:
    """The log's end against the checkpoint and against the head kept at each lock."""
    if "audit_log" not in present or not audit_chain.has_chain(db):
        return []
    anchors = []
    if "audit_checkpoint" in present:
        anchors += [
            (r[0], r[1], "audit_checkpoint " + r[2])
            for r in db.execute("SELECT audit_id, audit_hash, updated_at FROM audit_checkpoint")
        ]
    if "round_seal" in present and "submission_round" in present:
        anchors += [
            (r[0], r[1], f"{r[2]} (round_seal)")
            for r in db.execute(
                "SELECT s.audit_id, s.audit_hash, coalesce(r.period || ' ' || r.stage, "
                "'#' || s.round_id) FROM round_seal AS s LEFT JOIN submission_round AS r "
                "ON r.id = s.round_id WHERE s.audit_id IS NOT NULL"
            )
        ]
    last_id = db.execute("SELECT max(id) FROM audit_log").fetchone()[0] or 0
    findings = []
    for audit_id, audit_hash, source in anchors:
        row = db.execute("SELECT row_hash FROM audit_log WHERE id = ?", (audit_id,)).fetchone()
        if row is None and audit_id > last_id:
            findings.append(
                Finding(
                    "audit_truncated",
                    {"last_id": last_id, "source": source},
                    "audit_log",
                    audit_id,
                )
            )
        elif row is None or row[0] != audit_hash:
            findings.append(Finding("audit_checkpoint", {"source": source}, "audit_log", audit_id))
    return findings


def _audit_findings(db: sqlite3.Connection, present: set[str]) -> list[Finding]:
    if "audit_log" not in present:
        return []
    forged = audit_chain.unsealed_forged(db)
    findings = [
        Finding(
            "audit_forged",
            {"action": row[3], "target": row[2]},
            row[1],
            row[0],
            new={"changes": row[4], "user_name": row[5], "changed_at": row[6]},
        )
        for row in forged
    ]
    result = audit_chain.verify_audit_trail(db)
    forged_ids = {row[0] for row in forged}
    if not result.ok and not (
        result.reason == audit_chain.UNSEALED and result.first_broken_id in forged_ids
    ):
        findings.insert(
            0,
            Finding(
                "audit_chain",
                {
                    "reason": result.reason,
                    "reason_params": {"id": result.first_broken_id, **result.params},
                },
                "audit_log",
                result.first_broken_id,
            ),
        )
    return findings


def _unsealed_round_findings(db: sqlite3.Connection) -> list[Finding]:
    return [
        Finding("round_unsealed", {"round": name}, "submission_round", round_id)
        for round_id, name in seals.unsealed_locked_rounds(db)
    ]


def record_events(db: sqlite3.Connection, findings: list[Finding]) -> None:
    """Keep what opening the file found (in the caller's transaction): the store restores
    the triggers, and the verification still names what it found, and when."""
    db.executemany(
        "INSERT INTO integrity_event (kind, table_name, row_id, trigger_name, params) "
        "VALUES (?, ?, ?, ?, ?)",
        [
            (f.kind, f.table, f.row_id, f.trigger, json.dumps(f.params, ensure_ascii=False))
            for f in findings
        ],
    )


def _event_findings(db: sqlite3.Connection) -> list[Finding]:
    findings = []
    for found_at, kind, table, row_id, trigger, params in db.execute(
        "SELECT found_at, kind, table_name, row_id, trigger_name, params FROM integrity_event "
        "ORDER BY id"
    ):
        try:
            values = json.loads(params or "{}")
        except ValueError:
            values = {}
        if kind in KINDS and isinstance(values, dict):
            values["found_at"] = found_at
            findings.append(Finding(kind, values, table, row_id, trigger))
    return findings


def verify_connection(db: sqlite3.Connection) -> list[Finding]:
    """Every finding about the file behind ``db`` as it is now (reads only)."""
    version = catalog.schema_version(db)
    present = present_tables(db)
    findings = [Finding("table_missing", {}, t) for t in missing_tables(db, version)]
    if "integrity_event" in present:
        findings += _event_findings(db)
    findings += trigger_findings(db)
    findings += _srid_findings(db, present)
    findings += seals.verify_seals(db, present)
    if "submission_round" in present:
        findings += _unsealed_round_findings(db)
    findings += _audit_findings(db, present)
    findings += _checkpoint_findings(db, present)
    return findings


def verify(store) -> list[Finding]:
    """The findings about ``store``'s file, with those it made when it opened the file
    (triggers found dropped or changed before it rebuilt them), each named once."""
    findings = verify_connection(store._db)
    named = {_key(f) for f in findings}
    return findings + [f for f in getattr(store, "opening_findings", []) if _key(f) not in named]


def _key(finding: Finding) -> tuple:
    return (finding.kind, finding.table, finding.row_id, finding.trigger)


def verify_file(path: Path | str) -> list[Finding]:
    """The findings about a case database file as it is, without opening a store (which
    would rebuild the triggers first). Raises a ``CaseDatabaseError`` for a file that is
    not a LandCase database."""
    from .store import inspect_file

    inspect_file(Path(path))
    db = connect(Path(path))
    try:
        return verify_connection(db)
    except sqlite3.DatabaseError as exc:  # pages the file cannot read: say so, not SQLite
        raise DamagedFile(path=str(path)) from exc
    finally:
        db.close()


CSV_HEADER = ("序号", "类别", "数据表", "记录", "触发器", "说明", "原值", "现值")
KIND_NAMES_ZH = {
    "table_missing": "数据表缺失",
    "trigger_missing": "触发器缺失",
    "trigger_altered": "触发器被改动",
    "trigger_extra": "多出的触发器",
    "row_changed": "锁定记录被修改",
    "row_missing": "锁定记录缺失",
    "row_extra": "锁定后新增记录",
    "seal_broken": "封存值不符",
    "round_unsealed": "锁定轮次无封存值",
    "audit_chain": "审计日志链断裂",
    "audit_forged": "伪造的审计记录",
    "audit_truncated": "审计日志被截短",
    "audit_checkpoint": "审计检查点不符",
    "srid_changed": "坐标系被改动",
}


def write_report(findings: list[Finding], path: Path | str) -> Path:
    """The findings as a CSV in Chinese (UTF-8 with BOM, which Excel reads as UTF-8)."""
    path = Path(path)
    with open(path, "w", newline="", encoding="utf-8-sig") as handle:
        writer = csv.writer(handle)
        writer.writerow(CSV_HEADER)
        for number, finding in enumerate(findings, 1):
            writer.writerow(
                (
                    number,
                    KIND_NAMES_ZH[finding.kind],
                    finding.table or "",
                    "" if finding.row_id is None else finding.row_id,
                    finding.trigger or "",
                    finding.chinese(),
                    values_text(finding.old),
                    values_text(finding.new),
                )
            )
    return path
