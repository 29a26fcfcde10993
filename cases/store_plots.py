"""The store's batches and plots: registering a batch, adding plots (their areas computed as
they are stored), field mappings, patrol numbers and plots in an extent. ``CaseStore``
inherits ``PlotsMixin``; see ``store.py``.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable

import shapely

from . import (
    catalog,
    errors,
    plot_areas,
)
from .codes import INITIAL_STATUS
from .errors import N_
from .store_records import NewPlot


class PlotsMixin:
    """Batches and plots of a ``CaseStore`` (uses its ``_db``, ``srid`` and ``transaction``)."""

    # -- batches and plots ---------------------------------------------------------

    def add_batch(self, name: str, source: str = "部卫片", received_date: str | None = None) -> int:
        with self.transaction() as db:
            try:
                cursor = db.execute(
                    "INSERT INTO batch (name, source, received_date) VALUES (?, ?, ?) RETURNING id",
                    (name, source, received_date),
                )
            except sqlite3.IntegrityError as exc:
                raise errors.InvalidRecord(
                    record=name, reason=N_("a batch of this name already exists")
                ) from exc
            return cursor.fetchone()[0]

    def batch_names(self) -> list[str]:
        return [row[0] for row in self._db.execute("SELECT name FROM batch ORDER BY id")]

    def batch_id(self, name: str) -> int | None:
        row = self._db.execute("SELECT id FROM batch WHERE name = ?", (name,)).fetchone()
        return row[0] if row else None

    def refresh_plot_areas(self) -> int:
        """Compute the areas of plots whose geometry changed outside the store (the
        trigger cleared them); returns how many. One transaction, none when all are known."""
        if not plot_areas.has_missing(self._db):
            return 0
        with self.transaction() as db:
            return plot_areas.fill_missing(db, self.srid)

    def add_plots(self, plots: Iterable[NewPlot], batch_id: int | None = None) -> list[int]:
        """Register plots, each with its case, in one transaction: all or none."""
        with self.transaction() as db:
            return self._insert_plots(db, plots, batch_id)

    def add_plot(self, plot: NewPlot, batch_id: int | None = None) -> int:
        return self.add_plots([plot], batch_id)[0]

    def _insert_plots(
        self, db: sqlite3.Connection, plots, batch_id: int | None, areas=None
    ) -> list[int]:
        """Insert plots with their areas (planar m², ellipsoidal m²), computed for the whole
        batch at once unless the caller has them already."""
        plots = list(plots)
        if areas is not None:
            areas = [(float(planar), float(ellipsoidal)) for planar, ellipsoidal in areas]
            return [self._insert_plot(db, plot, batch_id, area) for plot, area in zip(plots, areas)]
        try:
            planar, ellipsoidal = plot_areas.compute(
                [_polygonal_or_none(p.geometry) for p in plots], self.srid
            )
            areas = list(zip(planar.tolist(), ellipsoidal.tolist()))
        except ValueError:  # a plot outside the zone: each one alone names it
            areas = [None] * len(plots)
        return [self._insert_plot(db, plot, batch_id, area) for plot, area in zip(plots, areas)]

    def _insert_plot(
        self,
        db: sqlite3.Connection,
        plot: NewPlot,
        batch_id: int | None,
        areas: tuple[float, float] | None,
    ) -> int:
        geometry = plot.geometry
        if geometry is None or geometry.is_empty:
            raise errors.InvalidRecord(record=plot.jcbh, reason=N_("the geometry is empty"))
        if geometry.geom_type not in ("Polygon", "MultiPolygon"):
            raise errors.InvalidRecord(
                record=plot.jcbh,
                reason=N_("a plot must be a polygon, not a {kind}"),
                kind=geometry.geom_type,
            )
        if not geometry.is_valid:
            raise errors.InvalidRecord(
                record=plot.jcbh,
                reason=N_("the geometry is invalid ({detail})"),
                detail=shapely.is_valid_reason(geometry),
            )
        if geometry.area <= 0:
            raise errors.InvalidRecord(record=plot.jcbh, reason=N_("the geometry has no area"))
        if areas is None:
            try:
                planar, ellipsoidal = plot_areas.compute([geometry], self.srid)
            except ValueError as exc:
                raise errors.InvalidRecord(
                    record=plot.jcbh,
                    reason=N_("its coordinates lie outside the database's CRS (EPSG:{srid})"),
                    srid=self.srid,
                ) from exc
            areas = (float(planar[0]), float(ellipsoidal[0]))
        try:
            cursor = db.execute(
                """INSERT INTO plot (batch_id, jcbh, xzqdm, xzqmc, jcpc, qsx, hsx, jcmj, tblx,
                    bglx, clue_source, found_date, reporter, description, township, village,
                    geometry_repair, extra_fields, jcmj_unit, same_shape_as, area_planar_m2,
                    area_ellipsoidal_m2, geom)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,
                    CastToMulti(GeomFromWKB(?, ?))) RETURNING id""",
                (
                    batch_id,
                    plot.jcbh,
                    plot.xzqdm,
                    plot.xzqmc,
                    plot.jcpc,
                    plot.qsx,
                    plot.hsx,
                    plot.jcmj,
                    plot.tblx,
                    plot.bglx,
                    plot.clue_source,
                    plot.found_date,
                    plot.reporter,
                    plot.description,
                    plot.township,
                    plot.village,
                    plot.geometry_repair,
                    json.dumps(plot.extra_fields, ensure_ascii=False)
                    if plot.extra_fields
                    else None,
                    plot.jcmj_unit,
                    plot.same_shape_as,
                    *areas,
                    shapely.to_wkb(geometry),
                    self.srid,
                ),
            )
        except sqlite3.IntegrityError as exc:
            if "plot.jcbh" in str(exc):
                reason = N_("a plot with this 监测编号 is already in the database")
            else:
                reason = str(exc).replace("{", "{{").replace("}", "}}")
            raise errors.InvalidRecord(record=plot.jcbh, reason=reason) from exc
        plot_id = cursor.fetchone()[0]
        db.execute(
            "INSERT INTO case_record (plot_id, status) VALUES (?, ?)", (plot_id, INITIAL_STATUS)
        )
        return plot_id

    def register_batch(
        self,
        name: str,
        plots: list[NewPlot],
        source_kind: str = "部卫片",
        received_date: str | None = None,
        field_mapping: tuple[str, dict] | None = None,
        areas: list[tuple[float, float]] | None = None,
        skip_registered: bool = False,
        before_commit=None,
    ) -> list[int]:
        """One import: the batch (created when new, reused when the same batch comes
        again), its plots with their cases, and the field mapping to offer next time.
        A batch that brings no plot leaves no batch row and no mapping.

        With ``skip_registered``, plots whose 监测编号 was registered meanwhile (another
        import of the same batch, racing) are skipped, not refused. ``before_commit(db,
        batch_id, skipped)`` runs inside the transaction at its end (the import report)."""
        with self.transaction() as db:
            skipped: list[NewPlot] = []
            if skip_registered and plots:
                registered = self.existing_plot_numbers([p.jcbh for p in plots])
                if registered:
                    kept = [i for i, p in enumerate(plots) if p.jcbh not in registered]
                    skipped = [p for p in plots if p.jcbh in registered]
                    plots = [plots[i] for i in kept]
                    areas = [areas[i] for i in kept] if areas is not None else None
            if not plots:
                if before_commit is not None:
                    before_commit(db, self.batch_id(name), skipped)
                return []
            batch_id = self.batch_id(name)
            if batch_id is None:
                batch_id = db.execute(
                    "INSERT INTO batch (name, source, received_date) VALUES (?, ?, ?) RETURNING id",
                    (name, source_kind, received_date),
                ).fetchone()[0]
            if field_mapping is not None:
                signature, mapping = field_mapping
                db.execute(
                    "INSERT INTO meta (key, value) VALUES (?, ?) "
                    "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                    (f"field_mapping:{signature}", json.dumps(mapping, ensure_ascii=False)),
                )
            ids = self._insert_plots(db, plots, batch_id, areas)
            if before_commit is not None:
                before_commit(db, batch_id, skipped)
            return ids

    def saved_field_mapping(self, signature: str) -> dict | None:
        value = self._meta(f"field_mapping:{signature}")
        return json.loads(value) if value else None

    def existing_plot_numbers(self, numbers: Iterable[str]) -> set[str]:
        """Those of ``numbers`` (监测编号) already registered."""
        numbers = list(dict.fromkeys(numbers))
        found: set[str] = set()
        for start in range(0, len(numbers), 500):  # under SQLite's bound-parameter limit
            chunk = numbers[start : start + 500]
            rows = self._db.execute(
                f"SELECT jcbh FROM plot WHERE jcbh IN ({', '.join('?' * len(chunk))})", chunk
            )
            found.update(row[0] for row in rows)
        return found

    def plots_in_extent(
        self, bounds: tuple[float, float, float, float]
    ) -> list[tuple[str, shapely.Geometry]]:
        """(监测编号, geometry) of the stored plots whose box meets ``bounds``, found
        through the spatial index."""
        sql = f"SELECT jcbh, AsBinary(geom) FROM plot WHERE {catalog.in_box_sql(self._db, 'plot')}"
        rows = self._db.execute(sql, (*bounds, self.srid))
        return [(row[0], shapely.from_wkb(row[1])) for row in rows]

    def next_patrol_number(self, found_date: str) -> str:
        """A 监测编号 for a plot found by patrol: XC + date + a three-digit sequence."""
        prefix = "XC" + found_date.replace("-", "")
        row = self._db.execute(
            "SELECT count(*) FROM plot WHERE jcbh LIKE ? || '%'", (prefix,)
        ).fetchone()
        number = row[0] + 1
        while self.existing_plot_numbers([f"{prefix}{number:03d}"]):
            number += 1
        return f"{prefix}{number:03d}"


def _polygonal_or_none(geometry):
    """The geometry when it can have an area; ``_insert_plot`` refuses the others."""
    if geometry is None or geometry.geom_type not in ("Polygon", "MultiPolygon"):
        return None
    return geometry
