"""The one store API over a LandCase case database (a SpatiaLite file).

Forms, layers, reports and Processing algorithms read and write cases only through
this module: no SQL lives outside ``cases/``. Every public method that changes data
is one transaction: it is written whole or not at all.
"""

from __future__ import annotations

import contextlib
import getpass
import logging
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from . import (
    audit,
    audit_chain,
    catalog,
    errors,
    guards,
    locks,
    schema,
    seals,
    store_pg,
    targets,
    verification_findings,
)
from .connection import APPLICATION_ID, connect, read_header
from .crs import CGCS2000_GEOGRAPHIC, is_gk3_srid
from .finding import Finding
from .store_listing import (  # noqa: F401 (re-exported: callers import them from here)
    ListingMixin,
)
from .store_plots import (  # noqa: F401 (re-exported: callers import them from here)
    PlotsMixin,
    _polygonal_or_none,
)
from .store_records import (  # noqa: F401 (re-exported: callers import them from here)
    AuditEntry,
    LayerRole,
    LayerSource,
    MissingTable,
    NewPlot,
    PlotSummary,
)

log = logging.getLogger(__name__)


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


class CaseStore(PlotsMixin, ListingMixin):
    """An open case database. Use ``CaseStore.create`` or ``CaseStore.open``."""

    def __init__(self, path: Path | str | targets.Target, db: sqlite3.Connection):
        self.target = targets.parse(path)
        self._db = db
        # SQLite: the file; PostgreSQL: a name in the evidence folder (``.parent`` is where
        # photos, scans and reports go on both)
        self.path = (
            store_pg.working_folder(db, self.target) / "case_database"
            if self.target.is_postgres
            else Path(self.target.text)
        )
        self.srid = int(self._meta("srid"))
        self.actor: str | None = None  # the user this store's changes are recorded under
        # What opening the file found before the store rebuilt its triggers (dropped or
        # changed triggers, rounds locked without a seal): ``finding.Finding`` objects,
        # shown by the case panel and included in ``verification_findings.verify``.
        self.opening_findings: list = []
        # plot id -> the case's updated_at when ``workflow.case_state`` last showed it: a
        # step refuses to overwrite a change made since by someone else (workflow_guards)
        self.seen_cases: dict[int, str | None] = {}
        self._depth = 0  # transactions of this store open now (inner ones are savepoints)

    # -- opening and closing -------------------------------------------------------

    @classmethod
    def create(
        cls,
        path: Path | str,
        srid: int,
        overwrite: bool = False,
        user: str | None = None,
        up_to_version: int = schema.LATEST_VERSION,
        evidence_folder: str | None = None,
    ) -> CaseStore:
        """Create a new database in CGCS2000 3-degree Gauss-Krüger ``srid``: a SpatiaLite
        file, or the schema in an empty PostgreSQL database (``targets.parse``), whose
        photos, scans and reports go to ``evidence_folder`` (a share every PC mounts at
        the same path; a file keeps them beside itself).

        An existing file is replaced only with ``overwrite=True`` (the caller asks the
        user first); a PostgreSQL database is never emptied. ``up_to_version`` exists for
        migration tests: it writes a file as an older release did.
        """
        if not is_gk3_srid(srid):
            raise errors.UnsupportedCrs(srid=srid)
        target = targets.parse(path)
        if target.is_postgres:
            db = store_pg.create(target, srid, up_to_version, evidence_folder)
            return cls._opened(target, db, user)
        path = Path(target.text)
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
        target = targets.parse(path)
        if target.is_postgres:
            db, found = store_pg.open_database(target)
            store = cls._opened(target, db, user)
            store.opening_findings = found
            return store
        path = Path(target.text)
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

    @classmethod
    def _opened(cls, target: targets.Target, db, user: str | None) -> CaseStore:
        try:
            store = cls(target, db)
            # the server records its session user; ``actor`` names who acts in the forms
            store.actor = user or db.session_user
            store.refresh_plot_areas()
        except BaseException:
            db.close()
            raise
        return store

    @property
    def is_postgres(self) -> bool:
        return self.target.is_postgres

    @property
    def location(self) -> str:
        """What opens this database again (a path, or the connection as given)."""
        return self.target.text

    def shown(self) -> str:
        """The database as messages show it (never a password)."""
        return self.target.shown()

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> CaseStore:
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

    @contextlib.contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One user action: everything inside is committed together or rolled back.

        Inside another transaction of this store it is a savepoint: a step that fails is
        undone alone and the outer action decides (a field package's merge writes one
        plot's workflow steps and photos together, see ``field_merge``)."""
        if self._depth:
            with self._savepoint():
                yield self._db
            return
        _begin(self._db, self.path)
        self._depth = 1
        try:
            if self.actor is not None and not self.is_postgres:
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
        finally:
            self._depth = 0

    @contextlib.contextmanager
    def _savepoint(self) -> Iterator[None]:
        name = f"landcase_{self._depth}"
        self._db.execute(f"SAVEPOINT {name}")
        self._depth += 1
        try:
            yield
        except BaseException:
            self._db.execute(f"ROLLBACK TO SAVEPOINT {name}")
            self._db.execute(f"RELEASE SAVEPOINT {name}")
            raise
        finally:
            self._depth -= 1
        self._db.execute(f"RELEASE SAVEPOINT {name}")

    # -- facts about the file ------------------------------------------------------

    def _meta(self, key: str) -> str | None:
        row = self._db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    @property
    def schema_version(self) -> int:
        return catalog.schema_version(self._db)

    @property
    def journal_mode(self) -> str:
        return self._db.execute("PRAGMA journal_mode").fetchone()[0]

    def tables(self) -> set[str]:
        return catalog.table_names(self._db)

    def spatially_indexed_columns(self) -> dict[str, bool]:
        """Every geometry column of the file, and whether it has a spatial index."""
        rows = self._db.execute(
            "SELECT f_table_name, f_geometry_column, spatial_index_enabled FROM geometry_columns"
        )
        return {f"{row[0]}.{row[1]}": bool(row[2]) for row in rows}

    def plot_layer_source(self) -> LayerSource:
        return self.layer_source("plot", "geom")

    def case_table_source(self) -> LayerSource:
        return self.layer_source("case_record", None)

    def layer_source(self, table: str, geometry_column: str | None) -> LayerSource:
        if self.is_postgres:
            where, provider = self.location, "postgres"
        else:
            where, provider = str(self.path.resolve()), "spatialite"
        return LayerSource(where, table, geometry_column, "id", self.srid, provider)

    # -- who acts ------------------------------------------------------------------

    def set_actor(self, user: str) -> None:
        """Name the user the audit triggers record for this store's changes (each of its
        actions says it again) and for changes other programs make meanwhile (QGIS's own
        editor: the plugin calls ``claim_actor`` before the layer commits)."""
        self.actor = user
        if not self.is_postgres:  # (the server names its session user itself)
            with self.transaction():
                pass

    def claim_actor(self) -> None:
        """Write this store's user as the acting user now (before QGIS commits edits made
        in its own attribute table or editing tools on the case layers)."""
        if self.actor is not None and not self.is_postgres:
            with self.transaction():
                pass


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
    audit.rebuild_triggers(db, tuple(t for t in schema.AUDITED_TABLES if catalog.has_table(db, t)))
    guards.rebuild(db)  # before the lock triggers: SQLite fires the newest trigger first
    locks.rebuild_lock_triggers(db)
    db.execute(f"PRAGMA user_version = {target}")
