"""Copying rows of a station file into a PostgreSQL case database, new ids and all.

Every column the two tables share is copied as it is (dates, areas, ``extra_fields``),
geometries as WKB; a column naming another row (``plot_id``, ``case_id``, ``revises`` …)
is given that row's id on the server. ``IdMap`` keeps file id -> server id per table:
those written by earlier moves of the same file (``move_archive.moved_row``) and those
written now, which alone count as parents of the rows copied now (a plot moved before
keeps what the server has made of it since).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from . import catalog


@dataclass
class IdMap:
    """file id -> server id, per table."""

    ids: dict[str, dict[int, int]] = field(default_factory=dict)
    fresh: dict[str, set[int]] = field(default_factory=dict)  # (file ids) written by this move

    def get(self, table: str, old_id) -> int | None:
        return self.ids.get(table, {}).get(old_id)

    def new_now(self, table: str, old_id) -> int | None:
        """The server id of a row written by this move (None for others)."""
        return self.get(table, old_id) if old_id in self.fresh.get(table, ()) else None

    def add(self, table: str, old_id: int, new_id: int) -> None:
        self.ids.setdefault(table, {})[old_id] = new_id
        self.fresh.setdefault(table, set()).add(old_id)

    def moved(self) -> list[tuple[str, int, int]]:
        """(table, file id, server id) of the rows written by this move."""
        return [(t, old, self.ids[t][old]) for t, olds in self.fresh.items() for old in olds]


@dataclass(frozen=True)
class Dependent:
    """A table copied after its parent: ``parent`` is (column, table) whose row must have
    been written by this move; ``references`` the other columns naming rows (self
    references included: a later row is named once it is written)."""

    table: str
    parent: tuple[str, str]
    references: tuple[tuple[str, str], ...] = ()


# In the order they are copied (a reference to a table further down is not allowed but to
# the table itself).
DEPENDENTS = (
    Dependent("case_record", ("plot_id", "plot")),
    Dependent("overlay", ("plot_id", "plot")),
    Dependent("verification", ("case_id", "case_record")),
    Dependent("photo", ("case_id", "case_record"), (("verification_id", "verification"),)),
    Dependent(
        "determination",
        ("case_id", "case_record"),
        (("revises", "determination"), ("superseded_by", "determination")),
    ),
    Dependent("rectification", ("case_id", "case_record")),
    Dependent("closeout", ("case_id", "case_record")),
    Dependent("document", ("case_id", "case_record")),
    Dependent("attachment", ("case_id", "case_record")),
)


def shared_columns(source_db, db, table: str) -> list[str]:
    """The columns of ``table`` both databases have, in the file's order, without ``id``."""
    present = set(catalog.columns(db, table))
    return [c for c in catalog.columns(source_db, table) if c != "id" and c in present]


def source_rows(source_db, table: str, columns: list[str], where: str = "", params=()):
    """The file's rows of ``table`` (``id`` first, geometries as WKB) in id order."""
    geometry = catalog.geometry_columns(source_db, table)
    selected = ", ".join(f"AsBinary({c})" if c in geometry else c for c in columns)
    return source_db.execute(
        f"SELECT id, {selected} FROM {table} {where} ORDER BY id", params
    ).fetchall()


def insert_row(db, table: str, columns: list[str], values: Iterable, geometry: set[str], srid):
    """One row on the server; its new id."""
    marks = ", ".join(f"GeomFromWKB(?, {int(srid)})" if c in geometry else "?" for c in columns)
    return db.execute(
        f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks}) RETURNING id",
        tuple(values),
    ).fetchone()[0]


def copy_rows(
    source_db,
    db,
    table: str,
    rows,
    columns: list[str],
    ids: IdMap,
    srid: int,
    remap: Callable[[str, object], object] = lambda column, value: value,
    after: Callable[[int, int], None] = lambda old_id, new_id: None,
) -> int:
    """Write ``rows`` (from ``source_rows``) with ``remap``'s values; return how many."""
    geometry = catalog.geometry_columns(source_db, table)
    for row in rows:
        values = [remap(c, v) for c, v in zip(columns, tuple(row)[1:])]
        new_id = insert_row(db, table, columns, values, geometry, srid)
        ids.add(table, row[0], new_id)
        after(row[0], new_id)
    return len(rows)


def copy_dependent(source_db, db, spec: Dependent, ids: IdMap, srid: int) -> int:
    """The rows of ``spec.table`` whose parent this move wrote; return how many."""
    if not catalog.has_table(source_db, spec.table):
        return 0
    columns = shared_columns(source_db, db, spec.table)
    parent_column, parent_table = spec.parent
    index = columns.index(parent_column)
    rows = [
        row
        for row in source_rows(source_db, spec.table, columns)
        if ids.new_now(parent_table, row[index + 1]) is not None
    ]
    references = dict((spec.parent, *spec.references))
    later: list[tuple[int, str, int]] = []  # (file id, column, file id named) of self references
    for row in rows:

        def remap(column: str, value, old_id: int = row[0]):
            if column not in references or value is None:
                return value
            new_id = ids.get(references[column], value)
            if new_id is None and references[column] == spec.table:
                later.append((old_id, column, value))  # a row written further on
            return new_id

        copy_rows(source_db, db, spec.table, [row], columns, ids, srid, remap)
    for old_id, column, named in later:
        target = ids.new_now(spec.table, named)
        if target is not None:
            db.execute(
                f"UPDATE {spec.table} SET {column} = ? WHERE id = ?",
                (target, ids.get(spec.table, old_id)),
            )
    return len(rows)


def in_township(values: dict, township: str) -> bool:
    """A row (column -> value) of ``township``: a 行政区代码 prefix (digits) or a name."""
    if township.isdigit():
        return str(values.get("xzqdm") or "").startswith(township)
    return (values.get("township") or "").strip() == township


def copy_keyed(source_db, db, table: str, key: str) -> int:
    """Rows keyed by a name, not an id: the server's own row wins. Returns how many added."""
    if not catalog.has_table(source_db, table):
        return 0
    columns = [c for c in catalog.columns(source_db, table) if c in catalog.columns(db, table)]
    added = 0
    for row in source_db.execute(f"SELECT {', '.join(columns)} FROM {table}").fetchall():
        added += db.execute(
            f"INSERT INTO {table} ({', '.join(columns)}) "
            f"VALUES ({', '.join('?' * len(columns))}) ON CONFLICT ({key}) DO NOTHING",
            tuple(row),
        ).rowcount
    return added
