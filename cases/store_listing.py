"""The store's layer roles, the case panel's plot list and the audit log. ``CaseStore``
inherits ``ListingMixin``; see ``store.py``.
"""

from __future__ import annotations

import datetime
import json

import shapely

from . import (
    deadlines,
)
from .codes import INITIAL_STATUS
from .store_records import AuditEntry, LayerRole, PlotSummary


class ListingMixin:
    """Layer roles, the plot list and the audit log of a ``CaseStore``."""

    # -- layer roles -----------------------------------------------------------------

    def set_layer_role(
        self, role: str, source: str, provider: str, fields: dict | None = None
    ) -> None:
        with self.transaction() as db:
            # update, else insert: an insert meeting an existing row is refused (guards.py)
            values = (source, provider, json.dumps(fields or {}, ensure_ascii=False), role)
            updated = db.execute(
                """UPDATE layer_role SET source = ?, provider = ?, fields = ?,
                       updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE role = ?""",
                values,
            ).rowcount
            if not updated:
                db.execute(
                    "INSERT INTO layer_role (source, provider, fields, role) VALUES (?, ?, ?, ?)",
                    values,
                )

    def layer_role(self, role: str) -> LayerRole | None:
        row = self._db.execute(
            "SELECT role, source, provider, fields FROM layer_role WHERE role = ?", (role,)
        ).fetchone()
        return LayerRole(row[0], row[1], row[2], json.loads(row[3] or "{}")) if row else None

    def plot_count(self) -> int:
        return self._db.execute("SELECT count(*) FROM plot").fetchone()[0]

    def list_plots(self, today: str | None = None) -> list[PlotSummary]:
        """All plots with their case state and next deadline; ``today`` (ISO date)
        defaults to the local date and sets the days left."""
        today = today or datetime.date.today().isoformat()
        waiting = ", ".join("?" * len(deadlines.AWAITING_DETERMINATION))
        rectifying = ", ".join("?" * len(deadlines.AWAITING_RECTIFICATION))
        rows = self._db.execute(
            f"""WITH listed AS (
                    SELECT p.id, p.jcbh, b.name, p.township, p.village,
                        COALESCE(p.area_ellipsoidal_m2, ST_Area(p.geom)) AS area,
                        COALESCE(c.status, ?) AS status, p.clue_source, d.category,
                        CASE
                            WHEN c.status IN ({waiting}) AND b.received_date IS NOT NULL THEN ?
                            WHEN c.status IN ({rectifying}) AND r.task_listed_on IS NOT NULL THEN ?
                        END AS kind,
                        CASE
                            WHEN c.status IN ({waiting})
                                THEN date(b.received_date, '+{deadlines.DETERMINATION_DAYS} days')
                            WHEN c.status IN ({rectifying})
                                THEN date(r.task_listed_on, '+{deadlines.RECTIFICATION_DAYS} days')
                        END AS due_date
                    FROM plot AS p
                    LEFT JOIN batch AS b ON b.id = p.batch_id
                    LEFT JOIN case_record AS c ON c.plot_id = p.id
                    -- the latest determination stands (revisions add rows, never edit
                    -- them); found per case through the case_id index on both backends
                    LEFT JOIN determination AS d
                        ON d.id = (SELECT max(id) FROM determination WHERE case_id = c.id)
                    LEFT JOIN rectification AS r
                        ON r.id = (SELECT max(id) FROM rectification WHERE case_id = c.id)
                )
            SELECT *, CAST(julianday(due_date) - julianday(?) AS INTEGER) FROM listed
            ORDER BY jcbh""",
            (
                INITIAL_STATUS,
                *deadlines.AWAITING_DETERMINATION,
                deadlines.DETERMINATION,
                *deadlines.AWAITING_RECTIFICATION,
                deadlines.RECTIFICATION,
                *deadlines.AWAITING_DETERMINATION,
                *deadlines.AWAITING_RECTIFICATION,
                today,
            ),
        )
        return [PlotSummary._make(row) for row in rows]

    def plot_geometry(self, plot_id: int) -> shapely.Geometry | None:
        row = self._db.execute(
            "SELECT AsBinary(geom) FROM plot WHERE id = ?", (plot_id,)
        ).fetchone()
        return shapely.from_wkb(row[0]) if row and row[0] is not None else None

    # -- audit ---------------------------------------------------------------------

    def audit_entries(
        self, table: str | None = None, row_id: int | None = None
    ) -> list[AuditEntry]:
        sql = "SELECT table_name, row_id, action, changes, user_name, changed_at FROM audit_log"
        conditions, params = [], []
        if table is not None:
            conditions.append("table_name = ?")
            params.append(table)
        if row_id is not None:
            conditions.append("row_id = ?")
            params.append(row_id)
        if conditions:
            sql += " WHERE " + " AND ".join(conditions)
        rows = self._db.execute(sql + " ORDER BY id", params)
        return [AuditEntry(r[0], r[1], r[2], json.loads(r[3]), r[4], r[5]) for r in rows]
