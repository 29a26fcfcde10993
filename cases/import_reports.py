"""The import report kept in the database with its batch (schema: import_report and
import_report_row): written in the same transaction as the plots, read back to write the
CSV (again, after a crash) and to show a later run what earlier runs refused and flagged."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from .intake_report import IntakeReport, Issue, Note, write_report


def save(db: sqlite3.Connection, report: IntakeReport, batch_id: int | None) -> int:
    """Store ``report`` (inside the caller's transaction); returns its id."""
    report_id = db.execute(
        """INSERT INTO import_report (batch_name, batch_id, source, source_rows, imported,
               jcmj_unit, encoding, encoding_reason, notes)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""",
        (
            report.batch,
            batch_id,
            report.source,
            report.rows,
            report.imported,
            report.jcmj_unit,
            report.encoding,
            report.encoding_reason,
            json.dumps([[n.reason, n.params] for n in report.notes], ensure_ascii=False),
        ),
    ).fetchone()[0]
    db.executemany(
        """INSERT INTO import_report_row (report_id, source_row, jcbh, kind, reason, params)
           VALUES (?, ?, ?, ?, ?, ?)""",
        [
            (
                report_id,
                issue.row,
                issue.jcbh,
                issue.kind,
                issue.reason,
                json.dumps(issue.params, ensure_ascii=False, default=str),
            )
            for issue in report.issues
        ],
    )
    return report_id


def load(db: sqlite3.Connection, report_id: int) -> IntakeReport:
    """One stored report, as it was when its run committed."""
    row = db.execute(
        """SELECT batch_name, source, source_rows, imported, jcmj_unit, encoding,
               encoding_reason, notes, created_at
           FROM import_report WHERE id = ?""",
        (report_id,),
    ).fetchone()
    if row is None:
        raise KeyError(report_id)
    batch, source, rows, imported, unit, encoding, why, notes, created = row
    report = IntakeReport(batch=batch, source=source, rows=rows, imported=imported)
    report.jcmj_unit, report.encoding, report.encoding_reason = unit, encoding, why
    report.notes = [Note(reason, params) for reason, params in json.loads(notes or "[]")]
    report.created_at = created
    report.report_id = report_id
    report.issues = [
        Issue(number, jcbh, kind, reason, json.loads(params or "{}"))
        for number, jcbh, kind, reason, params in db.execute(
            """SELECT source_row, jcbh, kind, reason, params FROM import_report_row
               WHERE report_id = ? ORDER BY id""",
            (report_id,),
        )
    ]
    return report


def report_ids(db: sqlite3.Connection, batch: str) -> list[int]:
    """The stored reports of a batch, oldest first."""
    return [
        row[0]
        for row in db.execute(
            "SELECT id FROM import_report WHERE batch_name = ? ORDER BY id", (batch,)
        )
    ]


def write_stored(db: sqlite3.Connection, report_id: int, folder: Path) -> Path:
    """The CSV of a stored report, with what earlier runs of its batch refused and flagged."""
    report = load(db, report_id)
    report.earlier = [load(db, i) for i in report_ids(db, report.batch) if i < report_id]
    return write_report(report, folder)
