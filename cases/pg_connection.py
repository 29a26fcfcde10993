"""A PostgreSQL connection that the store's rooms use as they use a sqlite3 connection.

The store's SQL is written once, in the SQL that SQLite and PostgreSQL share, with ``?`` (or
``:name``) parameters and ``RETURNING`` for new ids. This adapter carries the few
differences the statements themselves do not: the placeholder style, ``BEGIN IMMEDIATE``,
``IS [NOT] ?`` (SQLite's null-safe comparison; PostgreSQL spells it ``IS [NOT] DISTINCT
FROM``), rows readable by index and by name, and errors raised as the DB-API classes
the rooms catch (``sqlite3.IntegrityError`` / ``OperationalError``, the Python
standard's own classes, with PostgreSQL's primary message). The SQLite functions the
shared SQL uses (``julianday``, ``strftime`` of now, ``AsBinary`` …) exist in a PostgreSQL
database as functions of ``pg_schema``.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterable, Mapping, Sequence

import psycopg
from psycopg import errors as pg_errors
from psycopg.pq import TransactionStatus

from .errors import NotPermitted, OutsideScope

_TOKENS = re.compile(
    r"""('(?:[^']|'')*')            # a string literal: left alone
      | ("(?:[^"]|"")*")            # a quoted identifier
      | (\bIS\s+NOT\s+(?=\?))       # IS NOT ?
      | (\bIS\s+(?=\?))             # IS ?
      | (\?)                        # a positional parameter
      | (?<![:\w]):([A-Za-z_]\w*)   # a named parameter (not ::type)
      | (%)""",
    re.VERBOSE | re.IGNORECASE,
)
_BEGIN = re.compile(
    r"^\s*BEGIN(\s+(IMMEDIATE|DEFERRED|EXCLUSIVE))?(\s+TRANSACTION)?\s*;?\s*$", re.I
)


def translate(sql: str, with_params: bool) -> str:
    """``sql`` as psycopg takes it: ``?`` → ``%s``, ``:name`` → ``%(name)s``, ``%`` → ``%%``
    (only when parameters are passed: psycopg reads placeholders only then)."""

    def replace(match: re.Match) -> str:
        literal, identifier, is_not, is_, positional, named, percent = match.groups()
        if literal is not None or identifier is not None:
            return literal.replace("%", "%%") if literal and with_params else match.group(0)
        if is_not is not None:
            return "IS DISTINCT FROM "
        if is_ is not None:
            return "IS NOT DISTINCT FROM "
        if not with_params:
            return match.group(0)
        if positional is not None:
            return "%s"
        if named is not None:
            return f"%({named})s"
        return "%%"

    return _TOKENS.sub(replace, sql)


class Row(tuple):
    """A result row: by index, by column name, ``keys()``, like ``sqlite3.Row``."""

    _names: tuple[str, ...] = ()

    def __getitem__(self, key):
        if isinstance(key, str):
            try:
                return tuple.__getitem__(self, self._names.index(key))
            except ValueError:
                raise IndexError(f"no column {key}") from None
        return tuple.__getitem__(self, key)

    def keys(self) -> list[str]:
        return list(self._names)


def _row_factory(cursor):
    names = tuple(column.name for column in cursor.description or ())
    row_type = type("Row", (Row,), {"_names": names, "__slots__": ()})

    def make(values: Sequence) -> Row:
        return row_type(values)

    return make


_TABLE = re.compile(r'(?:table|relation) "?([\w.]+)"?')


_KEY = re.compile(r"Key \(([^)]*)\)")


def _sqlite_words(exc: psycopg.Error) -> str | None:
    diag = exc.diag
    table = diag.table_name or "?"
    if isinstance(exc, pg_errors.UniqueViolation):
        key = _KEY.search(diag.message_detail or "")
        columns = [c.strip() for c in key.group(1).split(",")] if key else ["?"]
        if key is None:  # a row the user may not see (row security) hides the key's detail
            named = re.fullmatch(rf"{re.escape(table)}_(\w+?)_key", diag.constraint_name or "")
            columns = [named.group(1)] if named else columns
        return "UNIQUE constraint failed: " + ", ".join(f"{table}.{c}" for c in columns)
    if isinstance(exc, pg_errors.NotNullViolation):
        return f"NOT NULL constraint failed: {table}.{diag.column_name or '?'}"
    if isinstance(exc, pg_errors.CheckViolation):
        return f"CHECK constraint failed: {diag.constraint_name or table}"
    if isinstance(exc, pg_errors.ForeignKeyViolation):
        return "FOREIGN KEY constraint failed"
    return None


def _first_line(exc: BaseException) -> str:
    return (str(exc).strip().splitlines() or [""])[0]


def as_dbapi_error(exc: psycopg.Error, user: str = "?") -> Exception:
    """The DB-API error the rooms catch for a PostgreSQL error, with its primary message
    (a trigger's refusal reads as it does from SQLite: ``locked: …``); a refusal of the
    user's rights is a ``CaseDatabaseError`` in words, naming the database user."""
    message = (exc.diag.message_primary if exc.diag else None) or str(exc)
    if isinstance(exc, pg_errors.InsufficientPrivilege):
        named = _TABLE.search(message)
        table = (exc.diag.table_name if exc.diag else None) or (named.group(1) if named else "?")
        if "row-level security" in message:
            return OutsideScope(user=user, table=table)
        return NotPermitted(user=user, table=table)
    if isinstance(exc, pg_errors.IntegrityError):
        # as SQLite words it, which the rooms read (``UNIQUE constraint failed: plot.jcbh``)
        error: sqlite3.Error = sqlite3.IntegrityError(_sqlite_words(exc) or message)
    elif isinstance(exc, pg_errors.RaiseException):
        error = sqlite3.IntegrityError(message)
    elif isinstance(exc, (pg_errors.LockNotAvailable, pg_errors.QueryCanceled)):
        error = sqlite3.OperationalError(f"database is locked: {message}")
    elif isinstance(exc, pg_errors.DataError):
        error = sqlite3.IntegrityError(message)
    else:
        error = sqlite3.OperationalError(message)
    error.sqlstate = exc.sqlstate  # type: ignore[attr-defined]
    return error


class Cursor:
    def __init__(self, cursor: psycopg.Cursor):
        self._cursor = cursor

    def fetchone(self):
        return self._cursor.fetchone() if self._cursor.description else None

    def fetchall(self) -> list:
        return self._cursor.fetchall() if self._cursor.description else []

    def fetchmany(self, size: int = 1) -> list:
        return self._cursor.fetchmany(size) if self._cursor.description else []

    def __iter__(self):
        return iter(self.fetchall())

    @property
    def rowcount(self) -> int:
        return self._cursor.rowcount

    @property
    def description(self):
        return self._cursor.description

    def close(self) -> None:
        self._cursor.close()


class PgConnection:
    """One psycopg connection in autocommit mode: the store opens every transaction itself
    (``BEGIN`` … ``COMMIT``), as it does with SQLite."""

    backend = "postgres"

    def __init__(self, conninfo: str):
        try:
            self._conn = psycopg.connect(conninfo, autocommit=True, row_factory=_row_factory)
        except psycopg.Error as exc:
            raise sqlite3.OperationalError(_first_line(exc)) from exc
        self.conninfo = conninfo

    def execute(self, sql: str, params: Sequence | Mapping | None = None) -> Cursor:
        if _BEGIN.match(sql):
            sql = "BEGIN"
        query = translate(sql, params is not None)
        if params is not None and not isinstance(params, Mapping):
            params = tuple(_adapt(value) for value in params)
        elif isinstance(params, Mapping):
            params = {key: _adapt(value) for key, value in params.items()}
        try:
            return Cursor(self._conn.execute(query, params))
        except psycopg.Error as exc:
            raise as_dbapi_error(exc, self._user()) from exc

    def executemany(self, sql: str, rows: Iterable[Sequence]) -> None:
        query = translate(sql, True)
        try:
            with self._conn.cursor() as cursor:
                cursor.executemany(query, [tuple(_adapt(v) for v in row) for row in rows])
        except psycopg.Error as exc:
            raise as_dbapi_error(exc, self._user()) from exc

    def cursor(self) -> _PlainCursorMaker:
        return _PlainCursorMaker(self)

    def _user(self) -> str:
        try:
            return self._conn.info.user
        except Exception:  # (a closed connection)
            return "?"

    def commit(self) -> None:
        """Nothing to do (autocommit mode, as the store's sqlite3 connections)."""

    @property
    def in_transaction(self) -> bool:
        return self._conn.info.transaction_status != TransactionStatus.IDLE

    @property
    def session_user(self) -> str:
        return self.execute("SELECT session_user").fetchone()[0]

    def close(self) -> None:
        self._conn.close()

    @property
    def closed(self) -> bool:
        return self._conn.closed


class _PlainCursorMaker:
    """``db.cursor()``: ``row_factory = None`` is accepted (rows are tuples already),
    then ``execute`` and the reads of the last result."""

    row_factory = None

    def __init__(self, connection: PgConnection):
        self._connection = connection
        self._last: Cursor | None = None

    def execute(self, sql: str, params=None) -> _PlainCursorMaker:
        self._last = self._connection.execute(sql, params)
        return self

    def fetchone(self):
        return self._last.fetchone() if self._last else None

    def fetchall(self) -> list:
        return self._last.fetchall() if self._last else []

    def __iter__(self):
        return iter(self.fetchall())

    @property
    def description(self):
        return self._last.description if self._last else None

    @property
    def rowcount(self) -> int:
        return self._last.rowcount if self._last else -1

    def close(self) -> None:
        if self._last is not None:
            self._last.close()


def _adapt(value):
    # memoryview (a blob read back from SQLite code paths) and bytearray go as bytes.
    if isinstance(value, (memoryview, bytearray)):
        return bytes(value)
    return value
