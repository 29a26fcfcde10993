"""Loading the plots the figures are computed from (no Qt, no QGIS): one row per plot
with its case state, its areas (m²) and the days of its events, and the terms of
``cases/statistics.py`` as columns (``_classify``).

Areas: the plot's official area is ``plot.area_ellipsoidal_m2`` (椭球面积, stored with the
plot since schema v5); its 耕地 area the ellipsoidal area of its overlay ``cropland`` row,
its 永久基本农田 area the ellipsoidal area of the overlay ``farmland`` total row. A role is
*compared* for a plot when the overlay holds that role's total row (``landuse`` for 耕地,
``farmland`` for 永久基本农田), which the engine writes even when the area is 0; otherwise
the area is *unknown* (NaN here, 未比对 when printed), never 0.
"""

from __future__ import annotations

import datetime

import numpy as np
import pandas as pd

from . import deadlines
from . import determination_codes as dc
from . import workflow as wf
from .codes import CASE_STATUSES
from .errors import N_
from .overlay_records import CROPLAND
from .stats_periods import StatisticsError, from_julian, to_julian

FARMLAND_ROLE = "farmland"  # overlay_records.ROLES["farmland"]: 永久基本农田
LANDUSE_ROLE = "landuse"  # overlay_records.ROLES["landuse"]: its total row says 耕地 was compared

ISSUED_SOURCES = ("部卫片", "市卫片")
RECTIFIED_STATUSES = (wf.AWAITING_RECHECK, wf.CLOSED_OUT, wf.POST_CLOSURE_PATROL)
CONCLUDED_STATUSES = (wf.CLOSED_OUT, wf.POST_CLOSURE_PATROL)
NON_CONSTRUCTION_OTHER = ("灾毁地块", "生态修复用地")
# seed 001: 其他 kinds that enter the 违法占耕比例's numerator (符合"一户一宅"条件的农村宅基地,
# 保障性安居工程) and 临时用地 (市级重点工程的临时用地违法不再扣减).
ACCOUNTABLE_OTHER = ("农村宅基地", "保障性安居工程", "临时用地")
NON_GRAIN_USES = ("园地", "果园", "茶园", "林地", "苗圃", "苗木", "草地", "草坪", "坑塘", "鱼塘")
UNKNOWN_PLACE = "未填写"
# -- loading the plots -------------------------------------------------------------------


def _sql_text(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def _code_sql(expression: str, values: tuple[str, ...]) -> str:
    """SQL giving the index of ``expression`` in ``values`` (-1 for NULL or another value):
    small integers cost far less to fetch than 100,000 strings."""
    cases = " ".join(f"WHEN {_sql_text(v)} THEN {i}" for i, v in enumerate(values))
    return f"CASE {expression} {cases} ELSE -1 END"


# Coded columns: name -> the values their codes index (pandas categoricals after loading).
# Only the 其他 sub-types are coded: the figures look at no other.
_CODES: dict[str, tuple[str, ...]] = {
    "status": CASE_STATUSES,
    "category": dc.CATEGORIES,
    "subtype": dc.OTHER_SUBTYPES,
    "new_or_existing": (dc.NEW, dc.EXISTING),
}
# Flags (0 or 1, integers on both backends; NULL counts as 0).
_FLAGS = ("issued", "has_filing_number", "was_referred", "names_non_grain")
_CODE_BITS = 5  # a code + 1 (0: NULL or another value) in 5 bits: up to 31 values
assert all(len(values) < 2**_CODE_BITS - 1 for values in _CODES.values())
_TEXT_COLUMNS = ("county_code", "county_name", "township", "village")


def _non_grain_sql(use: str) -> str:
    """SQL: 1 when the text ``use`` names one of ``NON_GRAIN_USES``, 0 when not, NULL when
    ``use`` is NULL. The current use is the latest verification's 实际用途, else (none, or
    none written) the plot's BGLX: ``COALESCE(<of actual_use>, <of bglx>, 0)``. An integer,
    not a comparison's truth value: PostgreSQL's is a boolean, which COALESCE with 0 refuses."""
    names = " OR ".join(f"instr({use}, {_sql_text(w)}) > 0" for w in NON_GRAIN_USES)
    return f"CASE WHEN {names} THEN 1 WHEN {use} IS NOT NULL THEN 0 END"


def _packed_sql() -> str:
    """The coded columns and the flags in one integer (a Python object per value is most
    of the cost of fetching 100,000 rows): each code + 1 in ``_CODE_BITS`` bits, then a
    bit per flag. ``_unpack`` takes them apart."""
    terms = [f"({name} + 1) * {1 << (_CODE_BITS * n)}" for n, name in enumerate(_CODES)]
    first = _CODE_BITS * len(_CODES)
    terms += [f"COALESCE({name}, 0) * {1 << (first + n)}" for n, name in enumerate(_FLAGS)]
    return " + ".join(terms)


def _unpack(packed: np.ndarray) -> dict[str, np.ndarray]:
    """The columns of ``_packed_sql``: codes (-1: NULL or another value) and flags (bool)."""
    packed = packed.astype(np.int64)
    mask = (1 << _CODE_BITS) - 1
    columns = {name: ((packed >> (_CODE_BITS * n)) & mask) - 1 for n, name in enumerate(_CODES)}
    first = _CODE_BITS * len(_CODES)
    columns.update(
        {name: ((packed >> (first + n)) & 1).astype(bool) for n, name in enumerate(_FLAGS)}
    )
    return columns


# One row per plot registered in the days asked for, or with an event (determined,
# referred, filed, rectified, closed out) in them. Places are trimmed and defaulted here,
# texts of code lists come as codes (``_CODES``, packed with the flags: ``_packed_sql``),
# dates as Julian day numbers (SQLite's ``julianday``, the same numbers as pandas'
# ``Timestamp.to_julian_date``). The exact test of the days is the outer WHERE (on the
# latest determination and rectification); the inner WHERE lets through every plot it
# could take (an event row in the days, of any determination or rectification) and
# leaves out the others before their determination, rectification and 非粮化 are looked
# up (it needs only p and c). 非粮化 is looked for only where it can count (a plot not
# determined 违法 or 伪变化).
_PLOTS_SQL = f"""
WITH plots AS (
    SELECT p.id, p.xzqdm, p.xzqmc, p.township, p.village, p.clue_source, p.bglx, p.batch_id,
        p.area_ellipsoidal_m2, b.received_date,
        substr(COALESCE(NULLIF(b.received_date, ''), NULLIF(p.found_date, ''), p.created_at),
            1, 10) AS ref_date
    FROM plot AS p LEFT JOIN batch AS b ON b.id = p.batch_id
), rows AS (
SELECT p.id AS plot_id, julianday(p.ref_date) AS ref_day,
    CASE WHEN trim(COALESCE(p.xzqdm, '')) = '' THEN '{UNKNOWN_PLACE}'
        ELSE substr(trim(p.xzqdm), 1, 6) END AS county_code,
    CASE WHEN length(trim(p.xzqdm)) = 6 THEN NULLIF(trim(p.xzqmc), '') END AS county_name,
    COALESCE(NULLIF(trim(p.township), ''), '{UNKNOWN_PLACE}') AS township,
    COALESCE(NULLIF(trim(p.village), ''), '{UNKNOWN_PLACE}') AS village,
    p.area_ellipsoidal_m2 AS area_m2,
    CASE WHEN p.clue_source IN ({", ".join(_sql_text(s) for s in ISSUED_SOURCES)})
        THEN 1 ELSE 0 END AS issued,
    {_code_sql("c.status", _CODES["status"])} AS status,
    CASE WHEN c.filing_number IS NOT NULL THEN 1 ELSE 0 END AS has_filing_number,
    CASE WHEN c.referred_on IS NOT NULL THEN 1 ELSE 0 END AS was_referred,
    {_code_sql("d.category", _CODES["category"])} AS category,
    CASE WHEN d.category = {_sql_text(dc.OTHER)}
        THEN {_code_sql("d.subtype", _CODES["subtype"])} ELSE -1 END AS subtype,
    {_code_sql("d.new_or_existing", _CODES["new_or_existing"])} AS new_or_existing,
    CASE WHEN COALESCE(d.category, '') NOT IN ({_sql_text(dc.ILLEGAL)},
            {_sql_text(dc.NO_REAL_CHANGE)})
    THEN COALESCE((
        SELECT {_non_grain_sql("actual_use")} FROM verification WHERE case_id = c.id
        ORDER BY verified_on DESC, id DESC LIMIT 1), {_non_grain_sql("p.bglx")}, 0)
    END AS names_non_grain,
    julianday(COALESCE(
        CASE WHEN r.reinspection_result = {_sql_text(dc.REINSPECTION_DONE)}
            THEN r.reinspected_on END,
        co.closed_on)) AS done_day,
    julianday(d.decided_on) AS decided_day,
    julianday(c.referred_on) AS referred_day,
    julianday(co.closed_on) AS closed_day,
    r.demolished_area_m2 AS demolished_m2,
    r.restored_area_m2 AS restored_m2,
    r.legalised_area_m2 AS legalised_m2,
    julianday(p.received_date) AS received_day,
    julianday(c.reply_due) AS reply_due_day,
    julianday(c.filed_on) AS filed_day,
    julianday(r.task_listed_on) AS task_listed_day
FROM plots AS p
JOIN case_record AS c ON c.plot_id = p.id
LEFT JOIN determination AS d
    ON d.id = (SELECT max(id) FROM determination WHERE case_id = c.id)
LEFT JOIN rectification AS r
    ON r.id = (SELECT max(id) FROM rectification WHERE case_id = c.id)
LEFT JOIN closeout AS co ON co.case_id = c.id
WHERE (julianday(p.ref_date) BETWEEN :start AND :end
    OR julianday(c.referred_on) BETWEEN :start AND :end
    OR julianday(c.filed_on) BETWEEN :start AND :end
    OR c.id IN (SELECT case_id FROM determination
        WHERE julianday(decided_on) BETWEEN :start AND :end)
    OR c.id IN (SELECT case_id FROM rectification
        WHERE reinspection_result = {_sql_text(dc.REINSPECTION_DONE)}
            AND julianday(reinspected_on) BETWEEN :start AND :end)
    OR c.id IN (SELECT case_id FROM closeout WHERE julianday(closed_on) BETWEEN :start AND :end))
    {{batch}}
)
SELECT plot_id, ref_day, county_code, county_name, township, village, area_m2,
    {_packed_sql()} AS packed, done_day, decided_day, referred_day, closed_day, demolished_m2,
    restored_m2, legalised_m2, received_day, reply_due_day, filed_day, task_listed_day
FROM rows
WHERE ref_day BETWEEN :start AND :end
    OR decided_day BETWEEN :start AND :end OR referred_day BETWEEN :start AND :end
    OR filed_day BETWEEN :start AND :end OR done_day BETWEEN :start AND :end
    OR closed_day BETWEEN :start AND :end
ORDER BY plot_id
"""

# The overlay rows the figures use (ellipsoidal, the official areas); summed per plot in
# numpy. ``kind``: 0 耕地 (cropland rows), 1 永久基本农田 (farmland total row), 2 the land-use
# total row (耕地 compared).
_AREAS_SQL = f"""
SELECT plot_id, CASE role WHEN '{CROPLAND}' THEN 0 WHEN '{FARMLAND_ROLE}' THEN 1 ELSE 2 END,
    area_ellipsoidal_m2
FROM overlay
WHERE role = '{CROPLAND}' OR (role IN ('{FARMLAND_ROLE}', '{LANDUSE_ROLE}')
    AND class_code IS NULL)
"""


def _batch_filter(store, batch) -> tuple[str, tuple]:
    if batch is None or (isinstance(batch, str) and not batch.strip()):
        return "", ()
    found = None
    if isinstance(batch, int) or (isinstance(batch, str) and batch.strip().isdigit()):
        found = store._db.execute("SELECT id FROM batch WHERE id = ?", (int(batch),)).fetchone()
    if found is None:
        found = store._db.execute(
            "SELECT id FROM batch WHERE name = ?", (str(batch).strip(),)
        ).fetchone()
    if found is None:
        raise StatisticsError(reason=N_("there is no batch {value}"), value=batch)
    return f"AND p.batch_id = {int(found[0])}", ()


def rows(store, sql: str, params=()) -> tuple[list[str], list[tuple]]:
    """Column names and rows of a query, as plain tuples (the store's connection makes
    ``sqlite3.Row``s, which cost more to build for 100,000 rows)."""
    cursor = store._db.cursor()
    cursor.row_factory = None
    try:
        cursor.execute(sql, params)
        return [d[0] for d in cursor.description], cursor.fetchall()
    finally:
        cursor.close()


def _fetch(store, sql: str, params=()) -> dict[str, np.ndarray]:
    """The columns of a query as arrays: floats (NULL: NaN), or objects for the names in
    ``_TEXT_COLUMNS``."""
    names, found = rows(store, sql, params)
    table = np.array(found, dtype=object).reshape(len(found), len(names))
    return {
        name: table[:, number] if name in _TEXT_COLUMNS else table[:, number].astype(float)
        for number, name in enumerate(names)
    }


def load_plots(store, start: datetime.date, end: datetime.date, batch=None) -> pd.DataFrame:
    """One row per plot registered in the days ``start``..``end`` or with an event in them
    (and of ``batch``: name or id), with its case state, areas (m²) and event days."""
    where, _ = _batch_filter(store, batch)
    columns = _fetch(
        store,
        _PLOTS_SQL.format(batch=where),
        {"start": julian_day_of(start), "end": julian_day_of(end)},
    )
    columns.update(_unpack(columns.pop("packed")))
    for name, values in _CODES.items():
        columns[name] = pd.Categorical.from_codes(columns[name], categories=list(values))
    frame = pd.DataFrame(columns)
    plot_ids = frame["plot_id"].to_numpy(np.int64) if len(frame) else np.zeros(0, np.int64)
    size = int(plot_ids.max()) + 1 if len(plot_ids) else 1
    _, overlay = rows(store, _AREAS_SQL)
    table = np.array(overlay, dtype=float).reshape(len(overlay), 3)
    ids, kind, area = table[:, 0].astype(np.int64), table[:, 1], table[:, 2]
    inside = ids < size

    def per_plot(mask, weights=None):
        chosen = inside & mask
        values = None if weights is None else np.nan_to_num(weights[chosen])
        return np.bincount(ids[chosen], values, minlength=size)[plot_ids]

    landuse_compared = per_plot(kind == 2) > 0
    farmland_compared = per_plot(kind == 1) > 0
    # a compared role with an area not computed (NULL) leaves the plot unknown too
    unknown_cropland = per_plot((kind == 0) & np.isnan(area)) > 0
    unknown_farmland = per_plot((kind == 1) & np.isnan(area)) > 0
    frame["cropland_m2"] = np.where(
        landuse_compared & ~unknown_cropland, per_plot(kind == 0, area), np.nan
    )
    frame["farmland_m2"] = np.where(
        farmland_compared & ~unknown_farmland, per_plot(kind == 1, area), np.nan
    )
    return _classify(frame)


def julian_day_of(day: datetime.date) -> float:
    return pd.Timestamp(day).to_julian_date()


def _due_days(p: pd.DataFrame) -> dict[str, pd.Series]:
    """Each case's due date per kind of deadline (Julian days; NaN when it works towards
    none), with the rules of ``deadlines.py`` (see its table) applied to the whole frame."""
    status = p["status"]
    open_case = ~status.isin(deadlines.FINISHED)
    waiting = open_case & status.isin(deadlines.AWAITING_DETERMINATION)
    reference = from_julian(p["ref_day"])
    december = (reference.dt.month == 12).astype(np.int64)
    monthly = pd.to_datetime(
        {
            "year": reference.dt.year + december,
            "month": reference.dt.month % 12 + 1,
            "day": deadlines.MONTHLY_REPORT_DAY,
        },
        errors="coerce",
    )
    acceptance = pd.to_datetime(
        {
            "year": reference.dt.year + 1,
            "month": deadlines.ACCEPTANCE_MONTH,
            "day": deadlines.ACCEPTANCE_DAY,
        },
        errors="coerce",
    )
    return {
        deadlines.DETERMINATION: (p["received_day"] + deadlines.DETERMINATION_DAYS).where(waiting),
        deadlines.MONTHLY_REPORT: to_julian(monthly).where(waiting),
        deadlines.REPLY: p["reply_due_day"].where(
            open_case & status.isin(deadlines.AWAITING_REPLY)
        ),
        deadlines.PENALTY_DECISION: (p["filed_day"] + deadlines.PENALTY_DECISION_DAYS).where(
            open_case & status.isin(deadlines.AWAITING_PENALTY_DECISION)
        ),
        deadlines.RECTIFICATION: (p["task_listed_day"] + deadlines.RECTIFICATION_DAYS).where(
            open_case & status.isin(deadlines.AWAITING_RECTIFICATION)
        ),
        deadlines.CITY_ACCEPTANCE: to_julian(acceptance).where(open_case),
    }


def _classify(p: pd.DataFrame) -> pd.DataFrame:
    """The terms of ``cases/statistics.py``'s docstring, each once, as columns of the
    plots' frame. Unknown areas stay NaN (not compared, or not computed)."""
    # (the coded columns are categoricals and the flags bools already: ``load_plots``)
    category, status = p["category"], p["status"]
    p["determined"] = category.notna()
    p["illegal"] = category == dc.ILLEGAL
    p["filed"] = p["illegal"] & p["has_filing_number"]
    p["non_filing"] = p["illegal"] & ~p["has_filing_number"] & p["was_referred"]
    p["rectified"] = p["illegal"] & status.isin(RECTIFIED_STATUSES)
    p["concluded"] = p["filed"] & status.isin(CONCLUDED_STATUSES)
    p["construction"] = category.isin((dc.LEGAL, dc.ILLEGAL)) | (
        (category == dc.OTHER) & ~p["subtype"].isin(NON_CONSTRUCTION_OTHER)
    )
    p["accountable"] = p["illegal"] | (
        (category == dc.OTHER) & p["subtype"].isin(ACCOUNTABLE_OTHER)
    )
    p["cropland_known"] = p["cropland_m2"].notna()
    p["farmland_known"] = p["farmland_m2"].notna()
    # 非粮化 needs 耕地 under the plot: unknown (NaN) where the use names it but 耕地 was
    # not compared.
    could_be_non_grain = p["names_non_grain"] & ~category.isin((dc.ILLEGAL, dc.NO_REAL_CHANGE))
    p["non_grain"] = could_be_non_grain & (p["cropland_m2"] > 0)
    p["non_grain_unknown"] = could_be_non_grain & ~p["cropland_known"]
    # The day a rectification was found done (NaN: not rectified, or undated).
    p["rectified_day"] = p["done_day"].where(p["rectified"])
    p["rectified_undated"] = p["rectified"] & p["done_day"].isna()
    for kind, due in _due_days(p).items():
        p[f"due_{OVERDUE_SUFFIXES[kind]}"] = due
    return p


OVERDUE_SUFFIXES = {
    deadlines.DETERMINATION: "determination",
    deadlines.MONTHLY_REPORT: "monthly_report",
    deadlines.REPLY: "reply",
    deadlines.PENALTY_DECISION: "penalty_decision",
    deadlines.RECTIFICATION: "rectification",
    deadlines.CITY_ACCEPTANCE: "city_acceptance",
}
