"""Migration 9: field packages (外业数据包) for QField.

- ``field_package``: one package made for the field (its ``code`` is a UUID written into
  the package's GeoPackage too, so the package that comes back is known for sure), who
  takes it (``assignee``, the default verifier of its forms) and the filter it was made
  with; ``merged_finds`` maps the UUID of each new find merged from it to its clue (JSON),
  so that merging the package again adds no clue twice.
- ``field_package_case``: each case that went out in a package, what was due (核查,
  复核 or 事后巡查), and the case's status and ``updated_at`` when the package was made: a case
  changed in the office since is a conflict at the merge, never overwritten. ``merged_at``,
  ``merged_records`` (the UUIDs of the field records written) and ``verification_id`` say
  what the merge wrote, so that merging again adds nothing.
"""

from __future__ import annotations

from typing import Any

NOW = "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')"

_TABLES = f"""
CREATE TABLE field_package (
    id INTEGER PRIMARY KEY,
    code TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    assignee TEXT,
    filter TEXT,
    created_by TEXT,
    created_at TEXT NOT NULL DEFAULT ({NOW}),
    merged_at TEXT,
    merged_finds TEXT
);
CREATE TABLE field_package_case (
    id INTEGER PRIMARY KEY,
    package_id INTEGER NOT NULL REFERENCES field_package (id) ON DELETE CASCADE,
    case_id INTEGER NOT NULL REFERENCES case_record (id) ON DELETE CASCADE,
    due TEXT NOT NULL CHECK (due IN ('核查', '复核', '事后巡查')),
    sent_status TEXT NOT NULL,
    sent_updated_at TEXT,
    merged_at TEXT,
    merged_records TEXT,
    verification_id INTEGER REFERENCES verification (id) ON DELETE SET NULL,
    UNIQUE (package_id, case_id)
);
CREATE INDEX field_package_case_case ON field_package_case (case_id)
"""

# Audited like the case tables (every change leaves an audit row).
TABLES = ("field_package", "field_package_case")


def v9_field_packages(db: Any, srid: int) -> None:
    for statement in (s.strip() for s in _TABLES.split(";\n")):
        if statement:
            db.execute(statement)
