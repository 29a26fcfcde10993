"""The case database schema in PostgreSQL/PostGIS: the SQL that differs from SQLite's.

A new PostgreSQL database runs the same migrations as a SpatiaLite file (``schema.py``),
through ``_Ddl``, which spells SQLite's DDL as PostgreSQL's: identity keys, BIGINT and
DOUBLE PRECISION, PostGIS geometry columns with GiST indexes, the schema version in
``meta``. The SQLite triggers a migration writes are left out: PostgreSQL gets its own
(``pg_triggers.py``). The few SQLite functions the shared SQL calls (``julianday``,
``strftime`` of now, ``date`` plus days, ``AsBinary`` …) are defined as SQL functions,
so that the rooms' statements run unchanged on both.
"""

from __future__ import annotations

import re

from . import catalog, schema

APPLICATION = "LandCase"

# SQLite's functions the shared SQL uses, with SQLite's results (NULL for what it cannot
# read, ISO text, Julian day numbers).
COMPAT_FUNCTIONS = r"""
CREATE OR REPLACE FUNCTION landcase_moment(value text) RETURNS timestamp
LANGUAGE plpgsql STABLE AS $$
BEGIN
    IF value = 'now' THEN
        RETURN statement_timestamp() AT TIME ZONE 'UTC';
    END IF;
    RETURN value::timestamp;
EXCEPTION WHEN others THEN
    RETURN NULL;  -- what SQLite's date functions give for text they cannot read
END $$;

CREATE OR REPLACE FUNCTION strftime(fmt text, value text) RETURNS text
LANGUAGE sql STABLE AS $$
    -- T and Z are literal in SQLite's formats (and TH a suffix in PostgreSQL's): quoted
    SELECT to_char(landcase_moment(value), replace(replace(replace(replace(replace(replace(
        replace(replace(replace(fmt, 'T', '"T"'), 'Z', '"Z"'), '%Y', 'YYYY'), '%m', 'MM'),
        '%d', 'DD'), '%H', 'HH24'), '%M', 'MI'), '%f', 'SS.MS'), '%S', 'SS'))
$$;

CREATE OR REPLACE FUNCTION julianday(value text) RETURNS double precision
LANGUAGE sql STABLE AS $$
    SELECT extract(epoch FROM landcase_moment(value))::double precision / 86400.0 + 2440587.5
$$;

CREATE OR REPLACE FUNCTION date(value text, modifier text) RETURNS text
LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
    day date;
BEGIN
    IF value IS NULL OR modifier IS NULL THEN RETURN NULL; END IF;
    BEGIN
        day := value::date;
    EXCEPTION WHEN others THEN RETURN NULL;
    END;
    IF modifier !~ '^\s*[+-]?\d+\s+days?\s*$' THEN RETURN NULL; END IF;
    RETURN to_char(day + (substring(modifier FROM '[+-]?\d+'))::int, 'YYYY-MM-DD');
END $$;

CREATE OR REPLACE FUNCTION asbinary(geom geometry) RETURNS bytea
LANGUAGE sql IMMUTABLE AS $$ SELECT ST_AsBinary(geom) $$;

CREATE OR REPLACE FUNCTION astext(geom geometry) RETURNS text
LANGUAGE sql IMMUTABLE AS $$ SELECT ST_AsText(geom) $$;

CREATE OR REPLACE FUNCTION geomfromwkb(wkb bytea, srid integer) RETURNS geometry
LANGUAGE sql IMMUTABLE AS $$ SELECT ST_GeomFromWKB(wkb, srid) $$;

CREATE OR REPLACE FUNCTION casttomulti(geom geometry) RETURNS geometry
LANGUAGE sql IMMUTABLE AS $$ SELECT ST_Multi(geom) $$;

CREATE OR REPLACE FUNCTION makepoint(x double precision, y double precision, srid integer)
RETURNS geometry LANGUAGE sql IMMUTABLE AS $$ SELECT ST_SetSRID(ST_MakePoint(x, y), srid) $$;

CREATE OR REPLACE FUNCTION transform(geom geometry, srid integer) RETURNS geometry
LANGUAGE sql IMMUTABLE AS $$ SELECT ST_Transform(geom, srid) $$;

CREATE OR REPLACE FUNCTION x(geom geometry) RETURNS double precision
LANGUAGE sql IMMUTABLE AS $$ SELECT ST_X(geom) $$;

CREATE OR REPLACE FUNCTION y(geom geometry) RETURNS double precision
LANGUAGE sql IMMUTABLE AS $$ SELECT ST_Y(geom) $$;

CREATE OR REPLACE FUNCTION buildmbr(x1 double precision, y1 double precision,
    x2 double precision, y2 double precision, srid integer)
RETURNS geometry LANGUAGE sql IMMUTABLE AS $$ SELECT ST_MakeEnvelope(x1, y1, x2, y2, srid) $$;

CREATE OR REPLACE FUNCTION instr(haystack text, needle text) RETURNS integer
LANGUAGE sql IMMUTABLE AS $$ SELECT strpos(haystack, needle) $$;
"""

_GEOMETRY_TYPES = {
    "MULTIPOLYGON": "MultiPolygon",
    "POLYGON": "Polygon",
    "POINT": "Point",
    "MULTIPOINT": "MultiPoint",
    "LINESTRING": "LineString",
    "MULTILINESTRING": "MultiLineString",
}
_ADD_GEOMETRY = re.compile(
    r"SELECT\s+AddGeometryColumn\('(\w+)',\s*'(\w+)',\s*(\d+),\s*'(\w+)',\s*'XY',\s*([01])\)", re.I
)
_SPATIAL_INDEX = re.compile(r"SELECT\s+CreateSpatialIndex\('(\w+)',\s*'(\w+)'\)", re.I)
_USER_VERSION = re.compile(r"PRAGMA\s+user_version\s*=\s*(\d+)", re.I)


def ddl(statement: str) -> list[str]:
    """SQLite DDL of a migration as PostgreSQL statements (none for a SQLite trigger)."""
    text = statement.strip()
    if re.match(r"CREATE\s+TRIGGER", text, re.I):
        return []
    match = _ADD_GEOMETRY.match(text)
    if match:
        table, column, srid, kind, not_null = match.groups()
        null = " NOT NULL" if not_null == "1" else ""
        kind = _GEOMETRY_TYPES[kind.upper()]
        return [f"ALTER TABLE {table} ADD COLUMN {column} geometry({kind}, {srid}){null}"]
    match = _SPATIAL_INDEX.match(text)
    if match:
        table, column = match.groups()
        return [f"CREATE INDEX {table}_{column}_gist ON {table} USING GIST ({column})"]
    if re.match(r"(CREATE\s+TABLE|ALTER\s+TABLE)", text, re.I):
        # 32-bit keys: QGIS's postgres provider maps an int4 key straight to feature ids
        # (with an int8 key it keeps a map of the ids it has seen, and a request for
        # features by id finds none it has not seen yet); 2^31 rows is ample
        text = re.sub(
            r"\bINTEGER\s+PRIMARY\s+KEY\b",
            "INTEGER GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY",
            text,
            flags=re.I,
        )
        text = re.sub(r"\bINTEGER\b(?! GENERATED)", "BIGINT", text)
        text = re.sub(r"\bREAL\b", "DOUBLE PRECISION", text)
        text = re.sub(r"\bBLOB\b", "BYTEA", text)
    return [text]


class _Ddl:
    """The connection a migration writes through on PostgreSQL."""

    backend = "postgres"

    def __init__(self, db):
        self._db = db

    def execute(self, sql: str, params=None):
        match = _USER_VERSION.match(sql.strip())
        if match:
            catalog.set_schema_version(self._db, int(match.group(1)))
            return self._db.execute("SELECT 1")
        cursor = None
        for statement in ddl(sql):
            cursor = self._db.execute(statement, params)
        return cursor if cursor is not None else self._db.execute("SELECT 1 WHERE false")

    def __getattr__(self, name):
        return getattr(self._db, name)


def create(db, srid: int, up_to_version: int = schema.LATEST_VERSION) -> None:
    """The schema in an empty PostgreSQL database (inside the caller's transaction)."""
    from . import pg_triggers  # (the triggers read the tables this makes)

    db.execute("CREATE EXTENSION IF NOT EXISTS postgis")
    for statement in COMPAT_FUNCTIONS.split("\n\n"):
        if statement.strip():
            db.execute(statement)
    ddl_db = _Ddl(db)
    for migration in schema.MIGRATIONS[:up_to_version]:
        migration(ddl_db, srid)
    db.execute("INSERT INTO meta (key, value) VALUES ('application', ?)", (APPLICATION,))
    catalog.set_schema_version(db, up_to_version)
    pg_triggers.install(db)


def is_landcase(db) -> bool:
    if not catalog.has_table(db, "meta"):
        return False
    row = db.execute("SELECT value FROM meta WHERE key = 'application'").fetchone()
    return row is not None and row[0] == APPLICATION


def is_empty(db) -> bool:
    """No table of ours or anyone else's (PostGIS's own ``spatial_ref_sys`` aside)."""
    return not (catalog.table_names(db) - {"spatial_ref_sys"})
