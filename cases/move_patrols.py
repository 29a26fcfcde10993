"""Moving a station file's patrols, clues, stops and notifications (schema v8) to the server.

Copied after the plots and cases, in the same server transaction, each row at most once
(``moved_row`` remembers it, so a second move adds nothing):
- the county's lists: patrol levels and recipients by their name, the server's own row
  winning; a campaign the server has by name is the same campaign;
- rows placed by a 行政区代码 (patrol units and zones, clues, 问题清单 items): those of the
  township when one is given, as for plots. A unit the server has by name is the same
  unit (this station's patrols are added to it); a 问题清单 item of the same list and number
  is the same item. A zone or clue whose code the server already has from elsewhere (codes
  are numbered per file: ``XS20260302-001``) is moved under that code with ``-2``, ``-3`` …
  appended, and listed in the report;
- rows hanging on another (a patrol and its findings on the unit, a stop action or a
  notification on its case or clue, a recipient's row on its notification, a file on its
  record …) when what they hang on is on the server through this file, moved now or by an
  earlier move. Another reference to a row the server does not have from this file (a
  plot outside the township) is left empty; a finding left naming nothing is not moved.
"""

from __future__ import annotations

from dataclasses import dataclass

from . import catalog
from .move_rows import IdMap, copy_keyed, in_township, insert_row, shared_columns, source_rows

CASE, CLUE = ("case_id", "case_record"), ("clue_id", "clue")
# Keyed by a name, no id: the server's row of that name wins.
KEYED_LISTS = (("patrol_level", "level"), ("recipient", "name"))


@dataclass(frozen=True)
class Spec:
    """How one table's rows come over: ``parents`` (column, table), one of which must be on
    the server (none: the row is taken by itself); ``references`` emptied when not there;
    ``same_by`` columns naming the server's row that is the same; ``renamed_by`` a unique
    code suffixed when the server has it; ``placed``: by its 行政区代码 (a row none of
    whose parents is set); ``one_of``: columns at least one of which must stay set."""

    table: str
    parents: tuple[tuple[str, str], ...] = ()
    references: tuple[tuple[str, str], ...] = ()
    same_by: tuple[str, ...] = ()
    renamed_by: str | None = None
    placed: bool = False
    one_of: tuple[str, ...] = ()


# In the order they are copied: a reference names a table further up.
SPECS = (
    Spec("campaign", same_by=("name",)),
    Spec("patrol_unit", same_by=("name",), placed=True),
    Spec("patrol_zone", references=(("unit_id", "patrol_unit"),), renamed_by="code", placed=True),
    Spec("patrol", (("unit_id", "patrol_unit"),), (("zone_id", "patrol_zone"),)),
    Spec(
        "clue",
        references=(
            ("unit_id", "patrol_unit"),
            ("patrol_id", "patrol"),
            ("plot_id", "plot"),
            ("rebound_of", "case_record"),
        ),
        renamed_by="code",
        placed=True,
    ),
    Spec(
        "patrol_finding",
        (("patrol_id", "patrol"),),
        (("plot_id", "plot"), CLUE),
        one_of=("plot_id", "clue_id"),
    ),
    Spec("patrol_report", (("unit_id", "patrol_unit"),), same_by=("unit_id", "kind", "period")),
    Spec("problem_item", references=(CASE,), same_by=("list_name", "item_number"), placed=True),
    Spec("stop_action", (CASE, CLUE)),
    Spec("notification", (CASE, CLUE)),
    Spec("notification_recipient", (("notification_id", "notification"),)),
    Spec("transfer", (CASE,)),
    Spec("escalation", (CASE,), placed=True),
    Spec("revisit", (CASE,), (("campaign_id", "campaign"), CLUE)),
    Spec("feedback", (("plot_id", "plot"),)),
)


@dataclass(frozen=True)
class Renamed:
    table: str
    code: str  # the file's
    new_code: str  # the server's


def move_patrols(source_db, db, ids: IdMap, srid: int, township: str | None) -> tuple:
    """Copy the file's v8 rows (see the module); ({table: rows written}, [Renamed])."""
    moved: dict[str, int] = {}
    renamed: list[Renamed] = []
    for table, key in KEYED_LISTS:
        if _both_have(source_db, db, table):
            moved[table] = copy_keyed(source_db, db, table, key)
    for spec in SPECS:
        if _both_have(source_db, db, spec.table):
            moved[spec.table] = _copy(source_db, db, spec, ids, srid, township, renamed)
    if _both_have(source_db, db, "record_file"):
        moved["record_file"] = _copy_record_files(source_db, db, ids, srid)
    return moved, renamed


def _both_have(source_db, db, table: str) -> bool:
    return catalog.has_table(source_db, table) and catalog.has_table(db, table)


def _copy(source_db, db, spec: Spec, ids: IdMap, srid, township, renamed: list) -> int:
    columns = shared_columns(source_db, db, spec.table)
    geometry = catalog.geometry_columns(source_db, spec.table)
    references = dict((*spec.parents, *spec.references))
    written = 0
    for row in source_rows(source_db, spec.table, columns):
        if ids.get(spec.table, row[0]) is not None:
            continue  # moved before (or found the same on the server)
        values = dict(zip(columns, tuple(row)[1:]))
        if not _taken(spec, values, ids, township):
            continue
        for column, table in references.items():
            if column in values and values[column] is not None:
                values[column] = ids.get(table, values[column])
        if spec.one_of and all(values.get(c) is None for c in spec.one_of):
            continue
        same = _same_on_server(db, spec, values)
        if same is not None:
            ids.add(spec.table, row[0], same)
            continue
        if spec.renamed_by and values.get(spec.renamed_by) is not None:
            code = values[spec.renamed_by]
            values[spec.renamed_by] = _free_code(db, spec.table, spec.renamed_by, code)
            if values[spec.renamed_by] != code:
                renamed.append(Renamed(spec.table, code, values[spec.renamed_by]))
        new_id = insert_row(db, spec.table, columns, values.values(), geometry, srid)
        ids.add(spec.table, row[0], new_id)
        written += 1
    return written


def _taken(spec: Spec, values: dict, ids: IdMap, township: str | None) -> bool:
    named = [(table, values.get(column)) for column, table in spec.parents]
    named = [(table, value) for table, value in named if value is not None]
    if named:
        return any(ids.get(table, value) is not None for table, value in named)
    if not spec.placed:  # (a county list is taken whole; a row must hang on something)
        return not spec.parents
    return township is None or in_township(values, township)


def _same_on_server(db, spec: Spec, values: dict) -> int | None:
    if not spec.same_by or any(values.get(c) is None for c in spec.same_by):
        return None
    where = " AND ".join(f"{c} = ?" for c in spec.same_by)
    row = db.execute(
        f"SELECT id FROM {spec.table} WHERE {where}", tuple(values[c] for c in spec.same_by)
    ).fetchone()
    return row[0] if row else None


def _free_code(db, table: str, column: str, code: str) -> str:
    candidate, number = code, 1
    while db.execute(f"SELECT 1 FROM {table} WHERE {column} = ?", (candidate,)).fetchone():
        number += 1
        candidate = f"{code}-{number}"
    return candidate


def _copy_record_files(source_db, db, ids: IdMap, srid) -> int:
    """A record's files follow their record (``owner_table``, ``owner_id``)."""
    columns = shared_columns(source_db, db, "record_file")
    geometry = catalog.geometry_columns(source_db, "record_file")
    written = 0
    for row in source_rows(source_db, "record_file", columns):
        values = dict(zip(columns, tuple(row)[1:]))
        owner = ids.get(values["owner_table"], values["owner_id"])
        if ids.get("record_file", row[0]) is not None or owner is None:
            continue
        values["owner_id"] = owner
        ids.add("record_file", row[0], insert_row(db, "record_file", columns,
                                                   values.values(), geometry, srid))  # fmt: skip
        written += 1
    return written
