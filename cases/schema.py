"""The case database schema as a list of forward migrations.

Migration N takes a file from schema version N-1 to N. A new file runs them all; an
old file runs the ones it lacks when it is opened. Never edit a released migration:
add the next one. Audit triggers are not part of the migrations: they are derived
from the tables' columns and rebuilt after every migration (see ``audit.py``).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from typing import Any

from . import plot_areas, schema_field, schema_patrol, schema_photo_rules, seals


def _split(script: str) -> list[str]:
    return [s.strip() for s in script.split(";\n") if s.strip()]


NOW = "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')"


def _v1_initial(db: sqlite3.Connection, srid: int) -> None:
    # Statement by statement: executescript() would commit the caller's transaction.
    for statement in _split(
        f"""
        CREATE TABLE meta (
            key TEXT PRIMARY KEY,
            value TEXT
        );
        CREATE TABLE audit_actor (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            user_name TEXT NOT NULL
        );
        INSERT INTO audit_actor (id, user_name) VALUES (1, 'unknown');
        CREATE TABLE audit_log (
            id INTEGER PRIMARY KEY,
            table_name TEXT NOT NULL,
            row_id INTEGER,
            action TEXT NOT NULL CHECK (action IN ('INSERT', 'UPDATE', 'DELETE')),
            changes TEXT NOT NULL,
            user_name TEXT NOT NULL,
            changed_at TEXT NOT NULL DEFAULT ({NOW})
        );
        CREATE INDEX audit_log_row ON audit_log (table_name, row_id);

        CREATE TABLE batch (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE,
            source TEXT NOT NULL DEFAULT '部卫片',
            received_date TEXT,
            created_at TEXT NOT NULL DEFAULT ({NOW})
        );

        CREATE TABLE plot (
            id INTEGER PRIMARY KEY,
            batch_id INTEGER REFERENCES batch (id) ON DELETE RESTRICT,
            jcbh TEXT NOT NULL UNIQUE,
            xzqdm TEXT,
            xzqmc TEXT,
            jcpc TEXT,
            qsx TEXT,
            hsx TEXT,
            jcmj REAL,
            tblx TEXT,
            bglx TEXT,
            clue_source TEXT NOT NULL DEFAULT '部卫片',
            found_date TEXT,
            reporter TEXT,
            description TEXT,
            township TEXT,
            village TEXT,
            extra_fields TEXT,
            created_at TEXT NOT NULL DEFAULT ({NOW})
        );
        CREATE INDEX plot_batch ON plot (batch_id);

        CREATE TABLE case_record (
            id INTEGER PRIMARY KEY,
            plot_id INTEGER NOT NULL UNIQUE REFERENCES plot (id) ON DELETE CASCADE,
            status TEXT NOT NULL DEFAULT '待核查',
            responsible_unit TEXT,
            handling_department TEXT,
            filing_number TEXT,
            created_at TEXT NOT NULL DEFAULT ({NOW}),
            updated_at TEXT
        );
        CREATE INDEX case_status ON case_record (status);

        CREATE TABLE verification (
            id INTEGER PRIMARY KEY,
            case_id INTEGER NOT NULL REFERENCES case_record (id) ON DELETE CASCADE,
            site_status TEXT,
            land_user TEXT,
            actual_use TEXT,
            construction_date TEXT,
            description TEXT,
            verifier TEXT,
            verified_on TEXT,
            created_at TEXT NOT NULL DEFAULT ({NOW})
        );

        CREATE TABLE photo (
            id INTEGER PRIMARY KEY,
            case_id INTEGER NOT NULL REFERENCES case_record (id) ON DELETE CASCADE,
            verification_id INTEGER REFERENCES verification (id) ON DELETE SET NULL,
            sha256 TEXT NOT NULL,
            stored_name TEXT NOT NULL,
            original_name TEXT,
            taken_at TEXT,
            direction REAL,
            flags TEXT,
            created_at TEXT NOT NULL DEFAULT ({NOW})
        );

        CREATE TABLE determination (
            id INTEGER PRIMARY KEY,
            case_id INTEGER NOT NULL REFERENCES case_record (id) ON DELETE CASCADE,
            category TEXT NOT NULL,
            subtype TEXT,
            new_or_existing TEXT,
            approval_number TEXT,
            covered_share REAL,
            title_number TEXT,
            facility_record_number TEXT,
            filed_area_m2 REAL,
            evidence TEXT,
            decided_by TEXT,
            decided_on TEXT,
            revision_reason TEXT,
            superseded_by INTEGER REFERENCES determination (id),
            created_at TEXT NOT NULL DEFAULT ({NOW})
        );

        CREATE TABLE rectification (
            id INTEGER PRIMARY KEY,
            case_id INTEGER NOT NULL REFERENCES case_record (id) ON DELETE CASCADE,
            measures TEXT,
            task_listed_on TEXT,
            demolished_area_m2 REAL,
            restored_area_m2 REAL,
            legalised_area_m2 REAL,
            reinspection_result TEXT,
            reinspected_on TEXT,
            note TEXT,
            created_at TEXT NOT NULL DEFAULT ({NOW})
        );

        CREATE TABLE closeout (
            id INTEGER PRIMARY KEY,
            case_id INTEGER NOT NULL UNIQUE REFERENCES case_record (id) ON DELETE CASCADE,
            closed_on TEXT NOT NULL,
            closed_by TEXT NOT NULL,
            joint_recheck_result TEXT,
            note TEXT,
            created_at TEXT NOT NULL DEFAULT ({NOW})
        );

        CREATE TABLE layer_role (
            role TEXT PRIMARY KEY,
            source TEXT NOT NULL,
            provider TEXT NOT NULL,
            fields TEXT,
            updated_at TEXT NOT NULL DEFAULT ({NOW})
        );

        CREATE TABLE overlay (
            id INTEGER PRIMARY KEY,
            plot_id INTEGER NOT NULL REFERENCES plot (id) ON DELETE CASCADE,
            role TEXT NOT NULL,
            class_code TEXT,
            class_name TEXT,
            area_planar_m2 REAL NOT NULL,
            area_ellipsoidal_m2 REAL,
            layer_version TEXT,
            computed_at TEXT NOT NULL DEFAULT ({NOW})
        );
        CREATE INDEX overlay_plot ON overlay (plot_id, role);

        CREATE TABLE submission_round (
            id INTEGER PRIMARY KEY,
            period TEXT NOT NULL,
            stage TEXT NOT NULL CHECK (stage IN ('一上', '一下', '二上')),
            snapshot TEXT,
            locked INTEGER NOT NULL DEFAULT 0 CHECK (locked IN (0, 1)),
            locked_at TEXT,
            created_at TEXT NOT NULL DEFAULT ({NOW}),
            UNIQUE (period, stage)
        );
        """
    ):
        db.execute(statement)
    db.execute(f"SELECT AddGeometryColumn('plot', 'geom', {srid}, 'MULTIPOLYGON', 'XY', 1)")
    db.execute("SELECT CreateSpatialIndex('plot', 'geom')")


def _v2_photo_position_and_geometry_repair(db: sqlite3.Connection, srid: int) -> None:
    """Photos get their EXIF position as a point; plots record how their geometry was repaired."""
    db.execute("ALTER TABLE photo ADD COLUMN distance_to_plot_m REAL")
    db.execute("ALTER TABLE plot ADD COLUMN geometry_repair TEXT")
    db.execute(f"SELECT AddGeometryColumn('photo', 'geom', {srid}, 'POINT', 'XY', 0)")
    db.execute("SELECT CreateSpatialIndex('photo', 'geom')")


def _v3_workflow_rounds_and_audit_chain(db: sqlite3.Connection, srid: int) -> None:
    """The case workflow (revisions kept, handling dates, re-inspection), photo EXIF
    positions, submission-round snapshots per case, a calendar of official holiday
    adjustments, and the audit log's hash chain."""
    for statement in _split(
        f"""
        ALTER TABLE determination ADD COLUMN revises INTEGER REFERENCES determination (id);
        ALTER TABLE determination ADD COLUMN subtype_detail TEXT;
        ALTER TABLE determination ADD COLUMN construction_date TEXT;
        ALTER TABLE case_record ADD COLUMN filed_on TEXT;
        ALTER TABLE case_record ADD COLUMN referred_on TEXT;
        ALTER TABLE case_record ADD COLUMN reply_due TEXT;
        ALTER TABLE rectification ADD COLUMN reinspected_by TEXT;
        ALTER TABLE photo ADD COLUMN longitude REAL;
        ALTER TABLE photo ADD COLUMN latitude REAL;
        ALTER TABLE photo ADD COLUMN purpose TEXT NOT NULL DEFAULT '核查';
        ALTER TABLE audit_log ADD COLUMN prev_hash TEXT;
        ALTER TABLE audit_log ADD COLUMN row_hash TEXT;
        CREATE TABLE round_item (
            id INTEGER PRIMARY KEY,
            round_id INTEGER NOT NULL REFERENCES submission_round (id) ON DELETE CASCADE,
            case_id INTEGER NOT NULL REFERENCES case_record (id) ON DELETE RESTRICT,
            status TEXT,
            determination_id INTEGER REFERENCES determination (id),
            rectification_id INTEGER REFERENCES rectification (id),
            snapshot TEXT NOT NULL,
            UNIQUE (round_id, case_id)
        );
        CREATE INDEX round_item_case ON round_item (case_id);
        CREATE TABLE calendar_day (
            day TEXT PRIMARY KEY,
            kind TEXT NOT NULL CHECK (kind IN ('holiday', 'workday')),
            name TEXT,
            updated_at TEXT NOT NULL DEFAULT ({NOW})
        );
        CREATE INDEX determination_case ON determination (case_id);
        CREATE INDEX rectification_case ON rectification (case_id);
        CREATE INDEX photo_case ON photo (case_id);
        CREATE INDEX verification_case ON verification (case_id)
        """
    ):
        db.execute(statement)


def _v4_documents(db: sqlite3.Connection, srid: int) -> None:
    """The PDFs printed for a case (verification report, close-out report, dossier): the
    file's hash and the hash of the case data it was made from, so that a printed page
    can be checked against the database and a file is rebuilt only when the data changed."""
    for statement in _split(
        f"""
        CREATE TABLE document (
            id INTEGER PRIMARY KEY,
            case_id INTEGER NOT NULL REFERENCES case_record (id) ON DELETE CASCADE,
            kind TEXT NOT NULL,
            path TEXT NOT NULL,
            file_sha256 TEXT NOT NULL,
            case_hash TEXT NOT NULL,
            pages INTEGER,
            created_at TEXT NOT NULL DEFAULT ({NOW})
        );
        CREATE INDEX document_case ON document (case_id, kind)
        """
    ):
        db.execute(statement)


def _v5_plot_areas_and_attachments(db: sqlite3.Connection, srid: int) -> None:
    """Each plot keeps its planar and official ellipsoidal area from the moment it is
    stored (not only after a desk comparison), the unit its issued area (JCMJ) was given
    in, and the 监测编号 of an earlier plot with the same shape; scanned documents
    (approvals, 备案, filing documents) are attached to a case to be bound in its dossier."""
    for statement in _split(
        f"""
        ALTER TABLE plot ADD COLUMN area_planar_m2 REAL;
        ALTER TABLE plot ADD COLUMN area_ellipsoidal_m2 REAL;
        ALTER TABLE plot ADD COLUMN jcmj_unit TEXT;
        ALTER TABLE plot ADD COLUMN same_shape_as TEXT;
        CREATE TABLE attachment (
            id INTEGER PRIMARY KEY,
            case_id INTEGER NOT NULL REFERENCES case_record (id) ON DELETE CASCADE,
            kind TEXT NOT NULL,
            title TEXT NOT NULL,
            doc_number TEXT,
            author TEXT,
            doc_date TEXT,
            sha256 TEXT NOT NULL,
            stored_name TEXT NOT NULL,
            original_name TEXT,
            pages INTEGER,
            created_at TEXT NOT NULL DEFAULT ({NOW})
        );
        CREATE INDEX attachment_case ON attachment (case_id, kind)
        """
    ):
        db.execute(statement)
    db.execute(plot_areas.STALE_TRIGGER)
    plot_areas.fill_missing(db, srid)


def _v6_round_seals(db: sqlite3.Connection, srid: int) -> None:
    """Seals of locked rounds: when a round is locked, the content and hash of every row
    it locks and a root hash over them (``seals.py``), and the audit log's checkpoint (the
    last sealed row and its seal, kept at every sealing: a log cut short shows against it),
    and what the store found when it opened a file (triggers dropped or changed, a round
    locked without a seal) before it restored them: ``integrity_event``, append-only."""
    for statement in _split(
        f"""
        CREATE TABLE round_seal (
            round_id INTEGER PRIMARY KEY REFERENCES submission_round (id),
            root_hash TEXT NOT NULL,
            rows INTEGER NOT NULL,
            audit_id INTEGER,
            audit_hash TEXT,
            sealed_at TEXT NOT NULL DEFAULT ({NOW})
        );
        CREATE TABLE round_seal_row (
            round_id INTEGER NOT NULL REFERENCES submission_round (id),
            table_name TEXT NOT NULL,
            row_id INTEGER NOT NULL,
            row_hash TEXT NOT NULL,
            content TEXT NOT NULL,
            PRIMARY KEY (round_id, table_name, row_id)
        );
        CREATE TABLE audit_checkpoint (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            audit_id INTEGER NOT NULL,
            audit_hash TEXT NOT NULL,
            updated_at TEXT NOT NULL DEFAULT ({NOW})
        );
        CREATE TABLE integrity_event (
            id INTEGER PRIMARY KEY,
            found_at TEXT NOT NULL DEFAULT ({NOW}),
            kind TEXT NOT NULL,
            table_name TEXT,
            row_id INTEGER,
            trigger_name TEXT,
            params TEXT
        )
        """
    ):
        db.execute(statement)
    # Rounds locked before seals existed are sealed as they are now (the upgrade).
    for (round_id,) in db.execute(
        "SELECT id FROM submission_round WHERE locked = 1 ORDER BY id"
    ).fetchall():
        seals.seal_round(db, round_id)


def _v7_import_report_rows(db: sqlite3.Connection, srid: int) -> None:
    """The import report is kept in the database with the batch, written in the same
    transaction as its plots: the CSV is written from these rows, and survives a crash
    after the commit (it can be written again); a later run shows what an earlier one
    refused and flagged. ``batch_id`` is NULL when the run stored no plot. (IF NOT EXISTS: a file written by
    a build where this migration had another number is not refused.)"""
    for statement in _split(
        f"""
        CREATE TABLE IF NOT EXISTS import_report (
            id INTEGER PRIMARY KEY,
            batch_name TEXT NOT NULL,
            batch_id INTEGER REFERENCES batch (id) ON DELETE SET NULL,
            source TEXT NOT NULL,
            source_rows INTEGER NOT NULL,
            imported INTEGER NOT NULL,
            jcmj_unit TEXT,
            encoding TEXT,
            encoding_reason TEXT,
            notes TEXT,
            created_at TEXT NOT NULL DEFAULT ({NOW})
        );
        CREATE INDEX IF NOT EXISTS import_report_batch ON import_report (batch_name);
        CREATE TABLE IF NOT EXISTS import_report_row (
            id INTEGER PRIMARY KEY,
            report_id INTEGER NOT NULL REFERENCES import_report (id) ON DELETE CASCADE,
            source_row INTEGER NOT NULL,
            jcbh TEXT,
            kind TEXT NOT NULL,
            reason TEXT NOT NULL,
            params TEXT
        );
        CREATE INDEX IF NOT EXISTS import_report_row_report ON import_report_row (report_id)
        """
    ):
        db.execute(statement)


# Each takes a sqlite3 connection, or pg_schema's PostgreSQL spelling of one (``_Ddl``)
MIGRATIONS: list[Callable[[Any, int], None]] = [
    _v1_initial,
    _v2_photo_position_and_geometry_repair,
    _v3_workflow_rounds_and_audit_chain,
    _v4_documents,
    _v5_plot_areas_and_attachments,
    _v6_round_seals,
    _v7_import_report_rows,
    schema_patrol.v8_patrols_stops_and_notifications,
    schema_field.v9_field_packages,
    schema_photo_rules.v10_photo_rules,
]
LATEST_VERSION = len(MIGRATIONS)

# Tables holding case data: every change to them leaves an audit row.
AUDITED_TABLES = (
    "batch",
    "plot",
    "case_record",
    "verification",
    "photo",
    "determination",
    "rectification",
    "closeout",
    "layer_role",
    "submission_round",
    "round_item",
    "calendar_day",
    "document",
    "attachment",
    *schema_patrol.TABLES,
    *schema_field.TABLES,
    *schema_photo_rules.TABLES,
)
