"""Migration 10: the photo rules (照片规则).

- ``photo.kind``: what a photo shows (全景, 近景, 其他), as the field package's photo form
  records it; NULL for a photo whose kind nobody said (the desktop's, before v10).
- ``photo_rule``: the station's one set of rules a case's photos are checked against
  (``photo_rules.check_photos``); one row (id 1), changed only by
  ``photo_rules.set_photo_rules`` and audited like the case tables. The row's defaults are
  LandCase's own choice, not a ministry's: at least 2 photos, a 全景 and a 近景, taken
  within 3 days of the plot's date window, at most 50 m from the plot, facing it within
  ±45°.
"""

from __future__ import annotations

from typing import Any

NOW = "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')"

_STATEMENTS = f"""
ALTER TABLE photo ADD COLUMN kind TEXT;
CREATE TABLE photo_rule (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    min_photos INTEGER NOT NULL DEFAULT 2 CHECK (min_photos >= 0),
    required_kinds TEXT NOT NULL DEFAULT '["全景", "近景"]',
    window_margin_days INTEGER NOT NULL DEFAULT 3 CHECK (window_margin_days >= 0),
    max_distance_m REAL NOT NULL DEFAULT 50 CHECK (max_distance_m > 0),
    facing_tolerance_deg REAL NOT NULL DEFAULT 45
        CHECK (facing_tolerance_deg > 0 AND facing_tolerance_deg <= 180),
    updated_by TEXT,
    updated_at TEXT NOT NULL DEFAULT ({NOW})
);
INSERT INTO photo_rule (id) VALUES (1)
"""

# Audited like the case tables (a change of the rules leaves an audit row).
TABLES = ("photo_rule",)


def v10_photo_rules(db: Any, srid: int) -> None:
    for statement in (s.strip() for s in _STATEMENTS.split(";\n")):
        if statement:
            db.execute(statement)
