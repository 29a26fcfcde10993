"""Creating and opening a case database on a PostgreSQL/PostGIS server.

``CaseStore.create`` and ``CaseStore.open`` call these for a PostgreSQL target
(``targets.parse``); what follows (the rooms' SQL, transactions, audit) is shared.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from pathlib import Path

from . import catalog, pg_roles, pg_schema, pg_triggers, schema
from .errors import CaseDatabaseError
from .targets import Target


class ServerUnreachable(CaseDatabaseError):
    template = "Cannot connect to the case database {path}: {reason}"


class DatabaseNotEmpty(CaseDatabaseError):
    template = (
        "{path} already holds tables that are not a LandCase case database: "
        "create the case database in an empty PostgreSQL database."
    )


class NotLandCaseServerDatabase(CaseDatabaseError):
    template = "{path} is a PostgreSQL database but not a LandCase case database."


class NoPostGis(CaseDatabaseError):
    template = (
        "{path}: PostGIS is not installed in this database and this user may not install it "
        "(ask the administrator: CREATE EXTENSION postgis)."
    )


def connect(target: Target):
    from .pg_connection import PgConnection  # psycopg only when a server is used

    try:
        return PgConnection(target.text)
    except sqlite3.Error as exc:
        raise ServerUnreachable(path=target.shown(), reason=_first_line(exc)) from exc


def _first_line(exc: BaseException) -> str:
    return (str(exc).strip().splitlines() or [""])[0]


def create(
    target: Target,
    srid: int,
    up_to_version: int = schema.LATEST_VERSION,
    evidence_folder: str | None = None,
):
    """A new case database in an empty PostgreSQL database: the connection, committed."""
    db = connect(target)
    try:
        if pg_schema.is_landcase(db):
            from .errors import DatabaseExists

            raise DatabaseExists(path=target.shown())
        if not pg_schema.is_empty(db):
            raise DatabaseNotEmpty(path=target.shown())
        with _transaction(db):
            try:
                pg_schema.create(db, srid, up_to_version)
            except sqlite3.OperationalError as exc:
                if "postgis" in str(exc).lower() and "extension" in str(exc).lower():
                    raise NoPostGis(path=target.shown()) from exc
                raise
            db.execute("INSERT INTO meta (key, value) VALUES ('srid', ?)", (str(srid),))
            if evidence_folder:
                catalog.upsert_meta(db, "evidence_folder", str(evidence_folder))
            if may_create_roles(db):  # else the administrator runs pg_roles.install later
                pg_roles.install(db)
    except BaseException:
        db.close()
        raise
    return db


@contextlib.contextmanager
def _transaction(db):
    """BEGIN … COMMIT, rolled back on any error (the schema's DDL included)."""
    db.execute("BEGIN")
    try:
        yield
        db.execute("COMMIT")
    except BaseException:
        if db.in_transaction:
            db.execute("ROLLBACK")
        raise


def may_create_roles(db) -> bool:
    row = db.execute(
        "SELECT rolsuper OR rolcreaterole FROM pg_roles WHERE rolname = current_user"
    ).fetchone()
    return bool(row and row[0])


class OwnerMustUpgrade(CaseDatabaseError):
    template = (
        "{path} was made by an older LandCase (schema {found}); its owner opens it once with "
        "this version to upgrade it (schema {supported})."
    )


def is_owner(db) -> bool:
    """Whether this session may change the schema: it owns the tables, or is a superuser."""
    row = db.execute(
        "SELECT t.tableowner = current_user OR r.rolsuper FROM pg_tables AS t, pg_roles AS r "
        "WHERE t.schemaname = current_schema() AND t.tablename = 'plot' "
        "AND r.rolname = current_user"
    ).fetchone()
    return bool(row and row[0])


def open_database(target: Target):
    """The connection to an existing case database and what opening it found: triggers
    dropped or disabled behind LandCase (named; put back and recorded when the owner opens
    it), the schema upgraded when an earlier version made it, and the roles' grants and row
    security when older than pg_roles' (by the owner only)."""
    from . import verification_findings

    db = connect(target)
    try:
        if not pg_schema.is_landcase(db):
            raise NotLandCaseServerDatabase(path=target.shown())
        version = catalog.schema_version(db)
        if version > schema.LATEST_VERSION:
            from .errors import NewerSchema

            raise NewerSchema(path=target.shown(), found=version, supported=schema.LATEST_VERSION)
        found = verification_findings.trigger_findings(db)
        owner = is_owner(db)
        if version < schema.LATEST_VERSION and not owner:
            raise OwnerMustUpgrade(
                path=target.shown(), found=version, supported=schema.LATEST_VERSION
            )
        if owner and (version < schema.LATEST_VERSION or found or pg_roles.outdated(db)):
            with _transaction(db):
                db.execute("LOCK TABLE meta IN EXCLUSIVE MODE")  # one PC migrates
                version = catalog.schema_version(db)
                srid = int(db.execute("SELECT value FROM meta WHERE key = 'srid'").fetchone()[0])
                ddl_db = pg_schema._Ddl(db)
                for migration in schema.MIGRATIONS[version:]:
                    migration(ddl_db, srid)
                catalog.set_schema_version(db, schema.LATEST_VERSION)
                pg_triggers.install(db)
                prefix = db.execute("SELECT value FROM meta WHERE key = 'role_prefix'").fetchone()
                if prefix:  # the new tables' grants and row security, or newer rules
                    pg_roles.install(db, prefix[0])
                verification_findings.record_events(db, found)
    except BaseException:
        db.close()
        raise
    return db, found


def working_folder(db, target: Target) -> Path:
    """Where this database's evidence and reports live: the shared folder recorded in the
    database (``meta`` key ``evidence_folder``), else a folder of this user's own named
    after the database under ``LANDCASE_EVIDENCE_ROOT`` (default ~/LandCase: one PC)."""
    row = db.execute("SELECT value FROM meta WHERE key = 'evidence_folder'").fetchone()
    if row and row[0]:
        return Path(row[0])
    name = db.execute("SELECT current_database()").fetchone()[0]
    root = os.environ.get("LANDCASE_EVIDENCE_ROOT") or Path.home() / "LandCase"
    folder = Path(root) / name
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:  # said when something is written there
        pass
    return folder
