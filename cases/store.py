"""The one store API over a LandCase case database (a SpatiaLite file).

Forms, layers, reports and Processing algorithms read and write cases only through
this module: no SQL lives outside ``cases/``. Every public method that changes data
is one transaction: it is written whole or not at all.
"""

from __future__ import annotations

import contextlib
import datetime
import getpass
import json
import logging
import os
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

import shapely

from . import (
    audit,
    audit_chain,
    deadlines,
    errors,
    guards,
    locks,
    plot_areas,
    schema,
    seals,
    verification_findings,
)
from .codes import INITIAL_STATUS, square_metres_to_mu
from .connection import APPLICATION_ID, connect, read_header
from .crs import CGCS2000_GEOGRAPHIC, is_gk3_srid
from .errors import N_
from .finding import Finding

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class NewPlot:
    """A plot to register; ``geometry`` is a shapely (Multi)Polygon in the database CRS."""

    jcbh: str
    geometry: shapely.Geometry
    xzqdm: str | None = None
    xzqmc: str | None = None
    jcpc: str | None = None
    qsx: str | None = None
    hsx: str | None = None
    jcmj: float | None = None
    tblx: str | None = None
    bglx: str | None = None
    clue_source: str = "部卫片"
    found_date: str | None = None
    reporter: str | None = None
    description: str | None = None
    township: str | None = None
    village: str | None = None
    geometry_repair: str | None = None
    extra_fields: dict = field(default_factory=dict)
    jcmj_unit: str | None = None  # '亩' or 'm²': the unit ``jcmj`` was issued in
    same_shape_as: str | None = None  # 监测编号 of an earlier plot of the same shape


class PlotSummary(NamedTuple):
    """One row of the case panel (a named tuple: 50,000 of them are built per reload)."""

    plot_id: int
    jcbh: str
    batch: str | None
    township: str | None
    village: str | None
    area_m2: float
    status: str
    clue_source: str
    determination: str | None = None
    due_kind: str | None = None
    due_date: str | None = None
    days_left: int | None = None

    @property
    def area_mu(self) -> float:
        return square_metres_to_mu(self.area_m2)

    @property
    def overdue(self) -> bool:
        return self.days_left is not None and self.days_left < 0


@dataclass(frozen=True)
class LayerSource:
    """What a GIS needs to show a table of the database as a layer."""

    path: str
    table: str
    geometry_column: str | None
    key_column: str
    srid: int


@dataclass(frozen=True)
class LayerRole:
    """A project layer the station assigned to a role (land use, farmland, township…)."""

    role: str
    source: str
    provider: str
    fields: dict


@dataclass(frozen=True)
class AuditEntry:
    table_name: str
    row_id: int
    action: str
    changes: dict
    user_name: str
    changed_at: str


class MissingTable(errors.CaseDatabaseError):
    template = (
        "{path}: table {table} is missing: another program changed the file. Run "
        "'Verify records' (landcase:verifyrecords) on it to see what else changed."
    )


def _default_user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no login name in some service environments
        return "unknown"


def _remove_database_files(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        candidate = Path(f"{path}{suffix}")
        if candidate.exists():
            candidate.unlink()


def inspect_file(path: Path) -> int:
    """Check, without writing anything, that ``path`` is a LandCase database this
    version can open; return its schema version or raise a ``CaseDatabaseError``.

    Reads the SQLite header itself: opening a WAL file read-only would need to create
    its shared-memory file, which a read-only folder does not allow.
    """
    path = Path(path)
    shown = str(path)
    if not path.is_file():
        raise errors.DatabaseMissing(path=shown)
    header = read_header(path)
    if header is None:
        raise errors.NotSqliteFile(path=shown)
    if header.application_id != APPLICATION_ID:
        raise errors.NotLandCaseDatabase(path=shown)
    if header.user_version > schema.LATEST_VERSION:
        raise errors.NewerSchema(
            path=shown, found=header.user_version, supported=schema.LATEST_VERSION
        )
    return header.user_version


class CaseStore:
    """An open case database. Use ``CaseStore.create`` or ``CaseStore.open``."""

    def __init__(self, path: Path, db: sqlite3.Connection):
        self.path = Path(path)
        self._db = db
        self.srid = int(self._meta("srid"))
        self.actor: str | None = None  # the user this store's changes are recorded under
        # What opening the file found before the store rebuilt its triggers (dropped or
        # changed triggers, rounds locked without a seal): ``finding.Finding`` objects,
        # shown by the case panel and included in ``verification_findings.verify``.
        self.opening_findings: list = []

    # -- opening and closing -------------------------------------------------------

    @classmethod
    def create(
        cls,
        path: Path | str,
        srid: int,
        overwrite: bool = False,
        user: str | None = None,
        up_to_version: int = schema.LATEST_VERSION,
    ) -> CaseStore:
        """Create a new database in CGCS2000 3-degree Gauss-Krüger ``srid``.

        An existing file is replaced only with ``overwrite=True`` (the caller asks the
        user first). ``up_to_version`` exists for migration tests: it writes a file as
        an older release did.
        """
        path = Path(path)
        if not is_gk3_srid(srid):
            raise errors.UnsupportedCrs(srid=srid)
        if path.exists():
            if not overwrite:
                raise errors.DatabaseExists(path=str(path))
            _remove_database_files(path)
        if not os.access(path.parent, os.W_OK):
            raise errors.ReadOnlyDatabase(path=str(path))
        db = connect(path)
        try:
            db.execute("PRAGMA journal_mode = WAL")
            db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            db.execute("BEGIN IMMEDIATE")
            db.execute("SELECT InitSpatialMetadata(0, 'NONE')")
            db.execute("SELECT InsertEpsgSrid(?)", (srid,))
            db.execute("SELECT InsertEpsgSrid(?)", (CGCS2000_GEOGRAPHIC,))
            _migrate(db, srid, 0, up_to_version)
            db.execute("INSERT INTO meta (key, value) VALUES ('srid', ?)", (str(srid),))
            db.execute("COMMIT")
            _write_header(db)
        except BaseException:
            db.close()
            _remove_database_files(path)  # nothing half-written stays behind
            raise
        store = cls(path, db)
        try:
            store.set_actor(user or _default_user())
        except BaseException:
            db.close()
            raise
        return store

    @classmethod
    def open(cls, path: Path | str, user: str | None = None) -> CaseStore:
        """Open an existing database, running the forward migrations it lacks."""
        path = Path(path)
        version = inspect_file(path)
        if not (os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)):
            raise errors.ReadOnlyDatabase(path=str(path))
        db = connect(path)
        try:
            if db.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
                db.execute("PRAGMA journal_mode = WAL")  # a file copied or restored elsewhere
            # The header read above may lag behind the WAL (see _write_header): ask SQLite.
            version = db.execute("PRAGMA user_version").fetchone()[0]
            if version > schema.LATEST_VERSION:
                raise errors.NewerSchema(
                    path=str(path), found=version, supported=schema.LATEST_VERSION
                )
            missing = verification_findings.missing_tables(db, version)
            if missing:
                raise MissingTable(path=str(path), table=", ".join(missing))
            # Triggers not as this version writes them in a file of this version: a program
            # dropped or changed them. Say so (before rebuilding them) and name each one.
            found = (
                verification_findings.trigger_findings(db)
                if version == schema.LATEST_VERSION
                else []
            )
            unsealed = seals.unsealed_locked_rounds(db)
            if (
                version < schema.LATEST_VERSION
                or found
                or unsealed
                or audit.outdated_triggers(db)
                or locks.outdated_triggers(db)
                or guards.outdated_triggers(db)
            ):  # migrations to run, or triggers an older build wrote (or a program dropped)
                _begin(db, path)
                try:
                    # Read again under the write lock: another program may have migrated it.
                    version = db.execute("PRAGMA user_version").fetchone()[0]
                    if version > schema.LATEST_VERSION:
                        raise errors.NewerSchema(
                            path=str(path), found=version, supported=schema.LATEST_VERSION
                        )
                    srid = int(
                        db.execute("SELECT value FROM meta WHERE key = 'srid'").fetchone()[0]
                    )
                    _migrate(db, srid, version, schema.LATEST_VERSION)
                    for round_id, name in seals.unsealed_locked_rounds(db):
                        # locked by another program: sealed now, and named
                        found.append(
                            Finding("round_unsealed", {"round": name}, "submission_round", round_id)
                        )
                        seals.seal_round(db, round_id)
                    verification_findings.record_events(db, found)
                    db.execute("COMMIT")
                except BaseException:
                    db.execute("ROLLBACK")
                    raise
                _write_header(db)
            store = cls(path, db)
            store.opening_findings = found
            if found:
                log.warning("%s: %s", path, "; ".join(f.message() for f in found))
            store.set_actor(user or _default_user())
            store.refresh_plot_areas()  # plots edited by another program since
        except BaseException:
            db.close()  # no handle left on the file when opening fails (locked, …)
            raise
        return store

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> CaseStore:
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

    @contextlib.contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One user action: everything inside is committed together or rolled back."""
        _begin(self._db, self.path)
        try:
            if self.actor is not None:
                # Another program (or station PC) may have named its own user since: say
                # again who acts, inside this action's write lock.
                self._db.execute(
                    "UPDATE audit_actor SET user_name = ? WHERE id = 1 AND user_name IS NOT ?",
                    (self.actor, self.actor),
                )
            yield self._db
            audit_chain.seal(self._db)  # this action's audit rows, and any left by others
            self._db.execute("COMMIT")
        except BaseException:
            if self._db.in_transaction:  # a failed COMMIT (disk full) must not wedge the store
                self._db.execute("ROLLBACK")
            raise

    # -- facts about the file ------------------------------------------------------

    def _meta(self, key: str) -> str | None:
        row = self._db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    @property
    def schema_version(self) -> int:
        return self._db.execute("PRAGMA user_version").fetchone()[0]

    @property
    def journal_mode(self) -> str:
        return self._db.execute("PRAGMA journal_mode").fetchone()[0]

    def tables(self) -> set[str]:
        rows = self._db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        return {row[0] for row in rows}

    def spatially_indexed_columns(self) -> dict[str, bool]:
        """Every geometry column of the file, and whether it has a spatial index."""
        rows = self._db.execute(
            "SELECT f_table_name, f_geometry_column, spatial_index_enabled FROM geometry_columns"
        )
        return {f"{row[0]}.{row[1]}": bool(row[2]) for row in rows}

    def plot_layer_source(self) -> LayerSource:
        return LayerSource(str(self.path), "plot", "geom", "id", self.srid)

    def case_table_source(self) -> LayerSource:
        return LayerSource(str(self.path), "case_record", None, "id", self.srid)

    # -- who acts ------------------------------------------------------------------

    def set_actor(self, user: str) -> None:
        """Name the user the audit triggers record for this store's changes (each of its
        actions says it again) and for changes other programs make meanwhile (QGIS's own
        editor: the plugin calls ``claim_actor`` before the layer commits)."""
        self.actor = user
        with self.transaction():
            pass

    def claim_actor(self) -> None:
        """Write this store's user as the acting user now (before QGIS commits edits made
        in its own attribute table or editing tools on the case layers)."""
        if self.actor is not None:
            with self.transaction():
                pass

    # -- batches and plots ---------------------------------------------------------

    def add_batch(self, name: str, source: str = "部卫片", received_date: str | None = None) -> int:
        with self.transaction() as db:
            try:
                cursor = db.execute(
                    "INSERT INTO batch (name, source, received_date) VALUES (?, ?, ?)",
                    (name, source, received_date),
                )
            except sqlite3.IntegrityError as exc:
                raise errors.InvalidRecord(
                    record=name, reason=N_("a batch of this name already exists")
                ) from exc
            return cursor.lastrowid

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
                    CastToMulti(GeomFromWKB(?, ?)))""",
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
        plot_id = cursor.lastrowid
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
                    "INSERT INTO batch (name, source, received_date) VALUES (?, ?, ?)",
                    (name, source_kind, received_date),
                ).lastrowid
            if field_mapping is not None:
                signature, mapping = field_mapping
                db.execute(
                    "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)",
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
        rows = self._db.execute(
            """SELECT jcbh, AsBinary(geom) FROM plot WHERE ROWID IN (
                   SELECT ROWID FROM SpatialIndex
                   WHERE f_table_name = 'plot' AND f_geometry_column = 'geom'
                     AND search_frame = BuildMbr(?, ?, ?, ?, ?))""",
            (*bounds, self.srid),
        )
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
            f"""WITH current_determination AS (
                    -- the latest determination stands; revisions add rows, never edit them.
                    -- SQLite takes bare columns from the row holding max()
                    SELECT case_id, category, max(id) FROM determination GROUP BY case_id
                ),
                latest_rectification AS (
                    SELECT case_id, task_listed_on, max(id) FROM rectification
                    GROUP BY case_id
                ),
                listed AS (
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
                    LEFT JOIN current_determination AS d ON d.case_id = c.id
                    LEFT JOIN latest_rectification AS r ON r.case_id = c.id
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

    def set_case_status(self, plot_id: int, status: str) -> None:
        """Low-level status change; the workflow rules that guard it come with the workflow."""
        with self.transaction() as db:
            db.execute(
                "UPDATE case_record SET status = ?, updated_at = "
                "strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE plot_id = ?",
                (status, plot_id),
            )

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


def _polygonal_or_none(geometry):
    """The geometry when it can have an area; ``_insert_plot`` refuses the others."""
    if geometry is None or geometry.geom_type not in ("Polygon", "MultiPolygon"):
        return None
    return geometry


def _write_header(db: sqlite3.Connection) -> None:
    """Copy the WAL into the file now: other programs (and ``inspect_file``) read the
    application id and schema version from the file's header, which a WAL journal would
    otherwise only update at the next checkpoint. While another connection reads an older
    snapshot the copy cannot finish; the header then follows at a later checkpoint, and
    ``CaseStore.open`` asks SQLite for the version rather than trusting the header."""
    _busy, pages, copied = db.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    if copied < pages:  # (busy alone may only mean the WAL could not be truncated)
        log.info("the file header waits for the next checkpoint (another reader)")


def _begin(db: sqlite3.Connection, path: Path) -> None:
    try:
        db.execute("BEGIN IMMEDIATE")
    except sqlite3.OperationalError as exc:
        if "locked" in str(exc) or "busy" in str(exc):
            raise errors.DatabaseLocked(path=str(path), reason=str(exc)) from exc
        raise


def _migrate(db: sqlite3.Connection, srid: int, current: int, target: int) -> None:
    """Run migrations current+1..target inside the caller's transaction."""
    for migration in schema.MIGRATIONS[current:target]:
        migration(db, srid)
    audit.rebuild_triggers(db, tuple(t for t in schema.AUDITED_TABLES if _has_table(db, t)))
    guards.rebuild(db)  # before the lock triggers: SQLite fires the newest trigger first
    locks.rebuild_lock_triggers(db)
    db.execute(f"PRAGMA user_version = {target}")


def _has_table(db: sqlite3.Connection, table: str) -> bool:
    row = db.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (table,)
    ).fetchone()
    return row is not None
