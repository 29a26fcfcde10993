"""The monthly figures (月报) and the submission table, with pandas (no Qt, no QGIS).

Every figure is defined once, below, as a function whose docstring is its formula: a
*plot figure* gives each plot's contribution (1 or 0 for a count, m² for an area) and is
summed per county, township and village; a *derived figure* is computed from those sums
(rates, ratios, flags). The Excel workbook and the report show the docstrings as the
definitions. Areas are summed in m² and shown in 亩 (1 亩 = 10000/15 m²) with two decimals.

Figures describe each case as it stands when they are computed (its current status,
determination and rectification), for the plots of the period. Rows are sorted by code
point (拼音 order for most names); a place left empty shows as 未填写.

Terms (each defined in one place: ``_PLOTS_SQL`` for the places, the period and the
clue source, ``_classify`` for the rest):

- **plot area**: the official ellipsoidal area (椭球面积) of the overlay's ``plot`` row,
  else its planar area, else the planar area of the stored geometry.
- **耕地 area**: the overlay's ``cropland`` row (plot ∩ 0101 水田, 0102 水浇地, 0103 旱地);
  **永久基本农田 area**: the overlay's ``farmland`` total row; 0 when not computed.
- **period**: a plot belongs to the day of ``deadlines.plot_reference_date`` (its batch's
  received date, else the date it was found, else the day it was registered).
- **county**: the first six digits of XZQDM; its name is the XZQMC of a plot whose XZQDM
  has exactly six digits, else the code.
- **issued (下发)**: the clue source is 部卫片 or 市卫片.
- **current determination**: the latest determination row of the case (revisions add rows).
- **立案**: a 违法 case with a filing number (立案编号).
- **非立案处理**: a 违法 case handled without filing: referred (移交) to the department in
  charge and never filed.
- **整改到位**: a 违法 case whose re-inspection found the rectification done: status
  待复核, 已销号 or 事后巡查. Its date is that re-inspection's date (else the close-out's).
  A violation counts whole: either 整改到位 or not (partial areas are not deducted).
- **已结案**: a 立案 case closed out (已销号 or 事后巡查).
- **新增建设用地** (for the 违法占耕比例 computed from the plots): plots determined 合法 or 违法,
  or 其他 except 灾毁地块 and 生态修复用地 (which are not construction).
- **非农化**: 违法 occupying 耕地 for construction; its area is the 违法占用耕地面积.
- **非粮化**: 耕地 turned to another agricultural use (园地, 林地, 草地, 坑塘): a plot not
  determined 违法 or 伪变化 whose current use (latest field verification's 实际用途, else its
  变化类型 BGLX) names one of ``NON_GRAIN_USES``; its area is the plot's 耕地 area.

Tables (``compute``): ``county``, ``township`` and ``village`` for the period's plots;
``county_flags`` and ``township_quota`` for the accountability year (the year of the
period's end, from 1 January to the period's end); ``non_agri_ranking`` and
``non_grain_ranking``: the ten townships with most 非农化 and 非粮化 area in the period.
The 违法占耕比例 of ``county_flags`` divides by the year's 新增建设用地占用耕地总面积 as
entered (``set_new_construction_cropland``, meta key ``new_construction_cropland_m2:<year>``)
when there is one, else by the figure computed from the plots; the main tables always use the
plots' figure. ``Statistics.denominator`` says which was used.
"""

from __future__ import annotations

import datetime
import inspect
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from . import deadlines, rounds
from . import determination_codes as dc
from . import workflow as wf
from .calendar import as_date
from .codes import CASE_STATUSES, SQUARE_METRES_PER_MU
from .errors import N_, CaseDatabaseError, InvalidRecord
from .overlay_records import CROPLAND, PLOT, mu

FARMLAND_ROLE = "farmland"  # overlay_records.ROLES["farmland"]: 永久基本农田

# -- thresholds (DOMAIN.md, "Figures and thresholds"; seeds 001, 002, 004) -----------

INITIAL_CROPLAND_LIMIT_MU = 100.0  # seed 001: 初始违法占耕面积 100 亩以上(含) costs points
REMAINING_CROPLAND_LIMIT_MU = 50.0  # seed 001: 整改后违法占耕面积仍超过 50 亩 costs points
CROPLAND_RATIO_LIMIT = 0.15  # seed 001: 违法占耕比例超过 15 % → 问责
QUOTA_RETURN_SHARE = 0.8  # seed 002: 80 % returned when rectified by 30 June next year
LOW_RECTIFICATION_RATE = 0.5  # seed 002: 整改到位率低于 50 % suspends approvals
RANKING_SIZE = 10  # seed 004: 前十名街镇

ISSUED_SOURCES = ("部卫片", "市卫片")
RECTIFIED_STATUSES = (wf.AWAITING_RECHECK, wf.CLOSED_OUT, wf.POST_CLOSURE_PATROL)
CONCLUDED_STATUSES = (wf.CLOSED_OUT, wf.POST_CLOSURE_PATROL)
NON_CONSTRUCTION_OTHER = ("灾毁地块", "生态修复用地")
NON_GRAIN_USES = ("园地", "果园", "茶园", "林地", "苗圃", "苗木", "草地", "草坪", "坑塘", "鱼塘")
UNKNOWN_PLACE = "未填写"
TOTAL = "合计"

COUNT, AREA, RATE, FLAG, TEXT, NUMBER = "count", "area", "rate", "flag", "text", "number"

DENOMINATOR_KEY = "new_construction_cropland_m2:{year}"
DENOMINATOR_SOURCE_KEY = "new_construction_cropland_source:{year}"
ENTERED = "录入"
FROM_PLOTS = "由图斑计算"


class StatisticsError(CaseDatabaseError):
    template = "Statistics: {reason}"


# -- the period --------------------------------------------------------------------------

_YEAR = re.compile(r"^(\d{4})$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_RANGE = re.compile(r"^(\d{4}-\d{2}-\d{2})\s*(?:/|\.\.|至|~)\s*(\d{4}-\d{2}-\d{2})$")


@dataclass(frozen=True)
class Period:
    """The days ``start`` to ``end`` (both included); ``label`` as the report shows it."""

    start: datetime.date
    end: datetime.date
    label: str

    @property
    def year(self) -> int:
        """The accountability year: the year of the period's end."""
        return self.end.year

    def year_to_date(self) -> Period:
        start = datetime.date(self.year, 1, 1)
        return Period(start, self.end, f"{start.isoformat()}至{self.end.isoformat()}")


def parse_period(value) -> Period:
    """A period from 'YYYY' (a year), 'YYYY-MM' (a month), 'YYYY-MM-DD/YYYY-MM-DD' (a date
    range; '..', '至' or '~' also separate), a (start, end) pair of dates, or a Period."""
    if isinstance(value, Period):
        return value
    if isinstance(value, (tuple, list)) and len(value) == 2:
        value = f"{value[0]}/{value[1]}"
    text = str(value or "").strip()
    try:
        if match := _YEAR.match(text):
            year = int(match.group(1))
            return Period(datetime.date(year, 1, 1), datetime.date(year, 12, 31), f"{year}年")
        if match := _MONTH.match(text):
            year, month = int(match.group(1)), int(match.group(2))
            start = datetime.date(year, month, 1)
            following = datetime.date(year + month // 12, month % 12 + 1, 1)
            end = following - datetime.timedelta(days=1)
            return Period(start, end, f"{year}年{month}月")
        if match := _RANGE.match(text):
            start = datetime.date.fromisoformat(match.group(1))
            end = datetime.date.fromisoformat(match.group(2))
            if end >= start:
                return Period(start, end, f"{start.isoformat()}至{end.isoformat()}")
    except ValueError:
        pass
    raise StatisticsError(
        reason=N_(
            "the period {value} is not a year (YYYY), a month (YYYY-MM) or a date range "
            "(YYYY-MM-DD/YYYY-MM-DD, start before end)"
        ),
        value=text or "—",
    )


# -- the entered denominator of 违法占耕比例 ---------------------------------------------


def set_new_construction_cropland(
    store, year: int, area_m2: float | None, source: str = ENTERED
) -> None:
    """Enter the year's 新增建设用地占用耕地总面积 (m²) and where it comes from (e.g. "录入"
    or the layer it was summed from); None removes it (the plots' figure is used again)."""
    key, source_key = (
        DENOMINATOR_KEY.format(year=int(year)),
        DENOMINATOR_SOURCE_KEY.format(year=int(year)),
    )
    with store.transaction() as db:
        if area_m2 is None:
            db.execute("DELETE FROM meta WHERE key IN (?, ?)", (key, source_key))
            return
        area = dc.number_or_none(area_m2)
        if area is None or area <= 0:
            raise StatisticsError(
                reason=N_("the 新增建设用地占用耕地总面积 must be more than 0 m² (got {value})"),
                value=area_m2,
            )
        db.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (key, repr(area)))
        db.execute(
            "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)",
            (source_key, str(source or ENTERED)),
        )


def new_construction_cropland(store, year: int) -> tuple[float, str] | None:
    """(m², source) of the year's entered 新增建设用地占用耕地总面积, or None."""
    rows = dict(
        store._db.execute(
            "SELECT key, value FROM meta WHERE key IN (?, ?)",
            (DENOMINATOR_KEY.format(year=int(year)), DENOMINATOR_SOURCE_KEY.format(year=int(year))),
        ).fetchall()
    )
    area = dc.number_or_none(rows.get(DENOMINATOR_KEY.format(year=int(year))))
    if area is None:
        return None
    return area, rows.get(DENOMINATOR_SOURCE_KEY.format(year=int(year))) or ENTERED


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
_TEXT_COLUMNS = ("county_code", "county_name", "township", "village")
_NON_GRAIN_SQL = " OR ".join(f"instr(use, {_sql_text(word)}) > 0" for word in NON_GRAIN_USES)

# One row per plot of the period. Places are trimmed and defaulted here, texts of code lists
# come as codes (``_CODES``), dates as Julian day numbers (SQLite's ``julianday``, the same
# numbers as pandas' ``Timestamp.to_julian_date``). 非粮化 is looked for only where it can
# count (耕地 under a plot not determined 违法 or 伪变化).
_PLOTS_SQL = f"""
WITH plots AS (
    SELECT p.id, p.xzqdm, p.xzqmc, p.township, p.village, p.clue_source, p.bglx, p.batch_id,
        b.received_date,
        substr(COALESCE(NULLIF(b.received_date, ''), NULLIF(p.found_date, ''), p.created_at),
            1, 10) AS ref_date
    FROM plot AS p LEFT JOIN batch AS b ON b.id = p.batch_id
)
SELECT p.id AS plot_id, julianday(p.ref_date) AS ref_day,
    CASE WHEN trim(COALESCE(p.xzqdm, '')) = '' THEN '{UNKNOWN_PLACE}'
        ELSE substr(trim(p.xzqdm), 1, 6) END AS county_code,
    CASE WHEN length(trim(p.xzqdm)) = 6 THEN NULLIF(trim(p.xzqmc), '') END AS county_name,
    COALESCE(NULLIF(trim(p.township), ''), '{UNKNOWN_PLACE}') AS township,
    COALESCE(NULLIF(trim(p.village), ''), '{UNKNOWN_PLACE}') AS village,
    p.clue_source IN ({", ".join(_sql_text(s) for s in ISSUED_SOURCES)}) AS issued,
    {_code_sql("c.status", _CODES["status"])} AS status,
    c.filing_number IS NOT NULL AS has_filing_number,
    c.referred_on IS NOT NULL AS was_referred,
    {_code_sql("d.category", _CODES["category"])} AS category,
    CASE WHEN d.category = {_sql_text(dc.OTHER)}
        THEN {_code_sql("d.subtype", _CODES["subtype"])} END AS subtype,
    {_code_sql("d.new_or_existing", _CODES["new_or_existing"])} AS new_or_existing,
    CASE WHEN COALESCE(d.category, '') NOT IN ({_sql_text(dc.ILLEGAL)},
            {_sql_text(dc.NO_REAL_CHANGE)})
        AND EXISTS (SELECT 1 FROM overlay WHERE plot_id = p.id AND role = '{CROPLAND}')
    THEN (
        SELECT {_NON_GRAIN_SQL} FROM (SELECT COALESCE((
            SELECT actual_use FROM verification WHERE case_id = c.id
            ORDER BY verified_on DESC, id DESC LIMIT 1), p.bglx, '') AS use))
    END AS names_non_grain,
    julianday(COALESCE(
        CASE WHEN r.reinspection_result = {_sql_text(dc.REINSPECTION_DONE)}
            THEN r.reinspected_on END,
        co.closed_on)) AS done_day,
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
WHERE p.ref_date BETWEEN ? AND ? {{batch}}
ORDER BY p.id
"""

# The overlay rows the figures use; summed per plot in numpy.
_AREAS_SQL = f"""
SELECT plot_id, role = '{CROPLAND}' AS is_cropland, role = '{FARMLAND_ROLE}' AS is_farmland,
    COALESCE(area_ellipsoidal_m2, area_planar_m2) AS area_m2
FROM overlay
WHERE role IN ('{PLOT}', '{CROPLAND}') OR (role = '{FARMLAND_ROLE}' AND class_code IS NULL)
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
    return "AND p.batch_id = ?", (found[0],)


def _rows(store, sql: str, params: tuple = ()) -> tuple[list[str], list[tuple]]:
    """Column names and rows of a query, as plain tuples (the store's connection makes
    ``sqlite3.Row``s, which cost more to build for 100,000 rows)."""
    cursor = store._db.cursor()
    cursor.row_factory = None
    try:
        cursor.execute(sql, params)
        return [d[0] for d in cursor.description], cursor.fetchall()
    finally:
        cursor.close()


def _fetch(store, sql: str, params: tuple = ()) -> dict[str, np.ndarray]:
    """The columns of a query as arrays: floats (NULL: NaN), or objects for the names in
    ``_TEXT_COLUMNS``."""
    names, rows = _rows(store, sql, params)
    table = np.array(rows, dtype=object).reshape(len(rows), len(names))
    return {
        name: table[:, number] if name in _TEXT_COLUMNS else table[:, number].astype(float)
        for number, name in enumerate(names)
    }


def load_plots(store, start: datetime.date, end: datetime.date, batch=None) -> pd.DataFrame:
    """One row per plot of the days ``start``..``end`` (and ``batch``: name or id), with
    its case state and areas (m²); the terms of the module docstring as columns."""
    where, params = _batch_filter(store, batch)
    frame = pd.DataFrame(
        _fetch(store, _PLOTS_SQL.format(batch=where), (start.isoformat(), end.isoformat(), *params))
    )
    plot_ids = frame["plot_id"].to_numpy(np.int64)
    size = int(plot_ids.max()) + 1 if len(plot_ids) else 1
    overlay = _fetch(store, _AREAS_SQL)
    ids = overlay["plot_id"].astype(np.int64)
    area = np.nan_to_num(overlay["area_m2"])
    cropland = overlay["is_cropland"] == 1
    farmland = overlay["is_farmland"] == 1
    inside = ids < size
    for name, mask in (
        ("overlay_plot_m2", ~cropland & ~farmland),
        ("cropland_m2", cropland),
        ("farmland_m2", farmland),
    ):
        chosen = inside & mask
        sums = np.bincount(ids[chosen], area[chosen], minlength=size)
        frame[name] = sums[plot_ids]
    frame["has_plot_row"] = (
        np.bincount(ids[inside & ~cropland & ~farmland], minlength=size)[plot_ids] > 0
    )
    missing = frame.loc[~frame["has_plot_row"], "plot_id"].astype(np.int64).tolist()
    planar = _planar_areas(store, missing)
    frame["area_m2"] = frame["overlay_plot_m2"].where(
        frame["has_plot_row"], frame["plot_id"].map(planar)
    )
    return _classify(frame)


def _planar_areas(store, plot_ids: list[int]) -> dict[int, float]:
    """The planar areas of the stored geometries, for plots the overlay has not measured."""
    found: dict[int, float] = {}
    for start in range(0, len(plot_ids), 500):  # under SQLite's bound-parameter limit
        chunk = plot_ids[start : start + 500]
        _, rows = _rows(
            store,
            f"SELECT id, ST_Area(geom) FROM plot WHERE id IN ({', '.join('?' * len(chunk))})",
            tuple(chunk),
        )
        found.update(rows)
    return found


def julian_day(day: datetime.date) -> float:
    """The Julian day number of a date at 00:00, as SQLite's ``julianday`` gives it."""
    return pd.Timestamp(day).to_julian_date()


def _from_julian(days: pd.Series) -> pd.Series:
    return pd.to_datetime(days - 2440587.5, unit="D")  # 2440587.5: 1970-01-01 00:00


def _to_julian(stamps: pd.Series) -> pd.Series:
    return (stamps - pd.Timestamp(1970, 1, 1)) / pd.Timedelta(days=1) + 2440587.5


def _due_days(p: pd.DataFrame) -> dict[str, pd.Series]:
    """Each case's due date per kind of deadline (Julian days; NaN when it works towards
    none), with the rules of ``deadlines.py`` (see its table) applied to the whole frame."""
    status = p["status"]
    open_case = ~status.isin(deadlines.FINISHED)
    waiting = open_case & status.isin(deadlines.AWAITING_DETERMINATION)
    reference = _from_julian(p["ref_day"])
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
        deadlines.MONTHLY_REPORT: _to_julian(monthly).where(waiting),
        deadlines.REPLY: p["reply_due_day"].where(
            open_case & status.isin(deadlines.AWAITING_REPLY)
        ),
        deadlines.PENALTY_DECISION: (p["filed_day"] + deadlines.PENALTY_DECISION_DAYS).where(
            open_case & status.isin(deadlines.AWAITING_PENALTY_DECISION)
        ),
        deadlines.RECTIFICATION: (p["task_listed_day"] + deadlines.RECTIFICATION_DAYS).where(
            open_case & status.isin(deadlines.AWAITING_RECTIFICATION)
        ),
        deadlines.CITY_ACCEPTANCE: _to_julian(acceptance).where(open_case),
    }


def _classify(p: pd.DataFrame) -> pd.DataFrame:
    """The terms of the module docstring, each once, as columns of the plots' frame."""
    for name, values in _CODES.items():
        codes = p[name].fillna(-1).to_numpy(np.int64)
        p[name] = pd.Categorical.from_codes(codes, categories=list(values))
    for name in ("area_m2", "cropland_m2", "farmland_m2"):
        p[name] = p[name].fillna(0.0)
    for name in ("issued", "has_filing_number", "was_referred", "names_non_grain"):
        p[name] = p[name].fillna(0).astype(bool)

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
    p["non_grain"] = (
        p["names_non_grain"]
        & ~category.isin((dc.ILLEGAL, dc.NO_REAL_CHANGE))
        & (p["cropland_m2"] > 0)
    )
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


# -- the figures -------------------------------------------------------------------------


@dataclass(frozen=True)
class Column:
    """A column of the tables: Chinese header, unit (count, area in 亩, rate, flag, text,
    number) and, for a figure, its definition in Chinese (the docstring of its function, on
    one line: see ``_definition``)."""

    key: str
    header: str
    unit: str
    definition: str = ""


@dataclass(frozen=True)
class Context:
    """What some plot figures need besides the plots: the accountability year and the day
    the figures are computed for (overdue counts)."""

    year: int
    today: datetime.date


COLUMNS: dict[str, Column] = {}
PLOT_FIGURES: dict[str, Callable[[pd.DataFrame, Context], pd.Series]] = {}
DERIVED_FIGURES: dict[str, Callable[[pd.DataFrame], pd.Series]] = {}


def _label(key: str, header: str, unit: str = TEXT) -> None:
    COLUMNS[key] = Column(key, header, unit)


# A line break of a definition between two Chinese characters or punctuation marks.
_CJK = "\u3000-\u303f\u4e00-\u9fff\uff00-\uffef"
_CJK_LINE_BREAK = re.compile(f"(?<=[{_CJK}])\\s*\n\\s*(?=[{_CJK}])")


def _definition(function) -> str:
    """A figure's definition: its docstring on one line. Lines join without a space
    between Chinese characters (Chinese has no spaces between words), else with one."""
    text = _CJK_LINE_BREAK.sub("", inspect.getdoc(function) or "")
    return " ".join(line.strip() for line in text.splitlines())


def _plot_figure(header: str, unit: str):
    def register(function):
        key = function.__name__
        COLUMNS[key] = Column(key, header, unit, _definition(function))
        PLOT_FIGURES[key] = function
        return function

    return register


def _derived_figure(header: str, unit: str):
    def register(function):
        key = function.__name__
        COLUMNS[key] = Column(key, header, unit, _definition(function))
        DERIVED_FIGURES[key] = function
        return function

    return register


def _count(mask: pd.Series) -> pd.Series:
    return mask.astype(np.int64)


def _area(p: pd.DataFrame, mask: pd.Series, column: str = "area_m2") -> pd.Series:
    return p[column].where(mask, 0.0)


def _divide(numerator: pd.Series, denominator: pd.Series) -> pd.Series:
    """numerator ÷ denominator; NaN (shown blank) where the denominator is 0."""
    denominator = denominator.astype(float)
    return numerator.astype(float) / denominator.where(denominator != 0)


def _half_up(values: pd.Series, decimals: int) -> pd.Series:
    """Rounded half up (四舍五入), as official figures are compared; pandas' round() would
    round halves to even."""
    scale = 10**decimals
    return np.floor(values.astype(float) * scale + 0.5) / scale


def _official_mu(area_mu: pd.Series) -> pd.Series:
    """亩 rounded half up to two decimals."""
    return _half_up(area_mu, 2)


_label("county_code", "县级行政区代码")
_label("county_name", "县级行政区名称")
_label("township", "乡镇(街道)")
_label("village", "村(社区)")
_label("year", "年度", NUMBER)
_label("rank", "排名", NUMBER)
_label("denominator_source", "占耕比例分母来源")


@_plot_figure("登记图斑数", COUNT)
def registered(p, ctx):
    """登记图斑数 = 本统计期的登记图斑数量（含全部线索来源：下发批次、巡查发现、群众举报等）。"""
    return _count(pd.Series(True, index=p.index))


@_plot_figure("登记图斑面积", AREA)
def registered_area(p, ctx):
    """登记图斑面积 = Σ 登记图斑的图斑面积。"""
    return p["area_m2"]


@_plot_figure("下发图斑数", COUNT)
def issued(p, ctx):
    """下发图斑数 = 线索来源为部卫片或市卫片的图斑数量。"""
    return _count(p["issued"])


@_plot_figure("下发图斑面积", AREA)
def issued_area(p, ctx):
    """下发图斑面积 = Σ 下发图斑的图斑面积。"""
    return _area(p, p["issued"])


@_plot_figure("已判定图斑数", COUNT)
def determined(p, ctx):
    """已判定图斑数 = 已有判定结果（不论判定类型）的图斑数量。"""
    return _count(p["determined"])


@_plot_figure("未判定图斑数", COUNT)
def undetermined(p, ctx):
    """未判定图斑数 = 登记图斑数 − 已判定图斑数（即尚无判定结果的图斑数量）。"""
    return _count(~p["determined"])


@_plot_figure("判定合法", COUNT)
def legal(p, ctx):
    """判定合法 = 最新判定结果为合法的图斑数量。"""
    return _count(p["category"] == dc.LEGAL)


@_plot_figure("违法宗数", COUNT)
def illegal_count(p, ctx):
    """违法宗数 = 最新判定结果为违法的图斑数量（一个图斑计一宗）。"""
    return _count(p["illegal"])


@_plot_figure("判定其他", COUNT)
def other(p, ctx):
    """判定其他 = 最新判定结果为其他的图斑数量。"""
    return _count(p["category"] == dc.OTHER)


@_plot_figure("伪变化", COUNT)
def no_real_change(p, ctx):
    """伪变化 = 最新判定结果为伪变化的图斑数量。"""
    return _count(p["category"] == dc.NO_REAL_CHANGE)


@_plot_figure("设施农用地", COUNT)
def facility_farmland(p, ctx):
    """设施农用地 = 最新判定结果为设施农用地的图斑数量。"""
    return _count(p["category"] == dc.FACILITY_FARMLAND)


@_plot_figure("农村道路", COUNT)
def rural_road(p, ctx):
    """农村道路 = 最新判定结果为农村道路的图斑数量。"""
    return _count(p["category"] == dc.RURAL_ROAD)


@_plot_figure("违法面积", AREA)
def illegal_area(p, ctx):
    """违法面积 = Σ 违法图斑的图斑面积。"""
    return _area(p, p["illegal"])


@_plot_figure("违法占用耕地面积", AREA)
def illegal_cropland_area(p, ctx):
    """违法占用耕地面积 = Σ 违法图斑的耕地面积，不论是否已整改（即非农化面积；按年度统计即
    为初始违法占耕面积）。"""
    return _area(p, p["illegal"], "cropland_m2")


@_plot_figure("违法占耕宗数", COUNT)
def illegal_cropland_count(p, ctx):
    """违法占耕宗数 = 耕地面积大于0的违法图斑数量。"""
    return _count(p["illegal"] & (p["cropland_m2"] > 0))


@_plot_figure("违法占用永久基本农田面积", AREA)
def illegal_farmland_area(p, ctx):
    """违法占用永久基本农田面积 = Σ 违法图斑的永久基本农田面积。"""
    return _area(p, p["illegal"], "farmland_m2")


@_plot_figure("新增违法宗数", COUNT)
def new_illegal_count(p, ctx):
    """新增违法宗数 = 判定为新增（监测年度内建设）的违法图斑数量。"""
    return _count(p["illegal"] & (p["new_or_existing"] == dc.NEW))


@_plot_figure("新增违法面积", AREA)
def new_illegal_area(p, ctx):
    """新增违法面积 = Σ 新增违法图斑的图斑面积。"""
    return _area(p, p["illegal"] & (p["new_or_existing"] == dc.NEW))


@_plot_figure("存量违法宗数", COUNT)
def existing_illegal_count(p, ctx):
    """存量违法宗数 = 判定为存量（以前年度建设）的违法图斑数量。"""
    return _count(p["illegal"] & (p["new_or_existing"] == dc.EXISTING))


@_plot_figure("存量违法面积", AREA)
def existing_illegal_area(p, ctx):
    """存量违法面积 = Σ 存量违法图斑的图斑面积。"""
    return _area(p, p["illegal"] & (p["new_or_existing"] == dc.EXISTING))


@_plot_figure("新增建设用地占用耕地面积", AREA)
def construction_cropland_area(p, ctx):
    """新增建设用地占用耕地面积 = 由图斑计算：Σ 判定为合法或违法的图斑，以及判定为其他
    （灾毁地块、生态修复用地除外）的图斑的耕地面积。"""
    return _area(p, p["construction"], "cropland_m2")


@_plot_figure("立案宗数", COUNT)
def filed_count(p, ctx):
    """立案宗数 = 有立案编号（立案查处）的违法案件数量。"""
    return _count(p["filed"])


@_plot_figure("非立案处理宗数", COUNT)
def non_filing_count(p, ctx):
    """非立案处理宗数 = 已移交主管部门处理且未立案的违法案件数量。"""
    return _count(p["non_filing"])


@_plot_figure("已整改到位宗数", COUNT)
def rectified_count(p, ctx):
    """已整改到位宗数 = 整改到位（办理状态为待复核、已销号或事后巡查）的立案案件数量。"""
    return _count(p["filed"] & p["rectified"])


@_plot_figure("已结案宗数", COUNT)
def concluded_count(p, ctx):
    """已结案宗数 = 已销号（办理状态为已销号或事后巡查）的立案案件数量。"""
    return _count(p["concluded"])


@_plot_figure("未整改到位宗数", COUNT)
def unrectified_count(p, ctx):
    """未整改到位宗数 = 未整改到位的违法图斑数量，不论查处方式如何。"""
    return _count(p["illegal"] & ~p["rectified"])


@_plot_figure("剩余未整改面积", AREA)
def unrectified_area(p, ctx):
    """剩余未整改面积 = Σ 未整改到位的违法图斑的图斑面积（违法图斑在复核认定整改到位前
    按全部面积计算）。"""
    return _area(p, p["illegal"] & ~p["rectified"])


@_plot_figure("整改后违法占耕面积", AREA)
def unrectified_cropland_area(p, ctx):
    """整改后违法占耕面积 = Σ 未整改到位的违法图斑的耕地面积。"""
    return _area(p, p["illegal"] & ~p["rectified"], "cropland_m2")


@_plot_figure("非粮化宗数", COUNT)
def non_grain_count(p, ctx):
    """非粮化宗数 = 非粮化图斑数量（耕地转为园地、林地、草地或坑塘；最新判定结果不是
    违法或伪变化；现状用途取最近一次外业核查的实际用途，无外业核查的取变化类型）。"""
    return _count(p["non_grain"])


@_plot_figure("非粮化面积", AREA)
def non_grain_area(p, ctx):
    """非粮化面积 = Σ 非粮化图斑的耕地面积。"""
    return _area(p, p["non_grain"], "cropland_m2")


@_plot_figure("年末未整改面积(1:1扣减指标)", AREA)
def year_end_unrectified_area(p, ctx):
    """年末未整改面积 = Σ 本年度违法图斑中截至当年12月31日仍未整改到位的图斑面积（在此
    之前统计的，为统计时尚未整改到位的图斑面积）；按1:1从乡镇增减挂钩留用建设用地指标
    中扣减。整改到位但未记录日期的，视为年末前已整改到位。"""
    year_end = julian_day(datetime.date(ctx.year, 12, 31))
    done = p["rectified_undated"] | (p["rectified_day"] <= year_end)
    return _area(p, p["illegal"] & ~done)


@_plot_figure("次年6月30日前整改面积", AREA)
def rectified_by_june_area(p, ctx):
    """次年6月30日前整改面积 = Σ 本年度违法图斑中在当年12月31日之后、次年6月30日（含）
    之前整改到位的图斑面积。"""
    after = julian_day(datetime.date(ctx.year, 12, 31))
    by = julian_day(datetime.date(ctx.year + 1, 6, 30))
    return _area(p, (p["rectified_day"] > after) & (p["rectified_day"] <= by))


# Overdue deadlines, one figure per kind of ``deadlines.py``, from the due dates of
# ``_due_days`` (that module's days and statuses); tests/test_statistics.py checks them
# against ``deadlines.overdue``.

OVERDUE_KEYS = {kind: f"overdue_{suffix}" for kind, suffix in OVERDUE_SUFFIXES.items()}


def _overdue_figure(kind: str, key: str) -> None:
    due = key.replace("overdue_", "due_")

    def overdue(p, ctx):
        return _count(p[due] < julian_day(ctx.today))

    overdue.__name__ = key
    overdue.__doc__ = (
        f"逾期({kind}) = 在逾期计算日已超过{kind}期限的图斑数量（期限按期限规则确定，到期日当天"
        "不计逾期）。"
    )
    _plot_figure(f"逾期({kind})", COUNT)(overdue)


for _kind, _key in OVERDUE_KEYS.items():
    _overdue_figure(_kind, _key)


# Derived figures: computed from the summed figures of a row (areas in 亩 by then).


@_derived_figure("违法占耕比例", RATE)
def illegal_cropland_ratio(t):
    """违法占耕比例 = 违法占用耕地面积 ÷ 新增建设用地占用耕地面积（分母为0时留空）。县级考核
    表中，已录入本年度新增建设用地占用耕地总面积的，以录入值为分母。"""
    return _divide(t["illegal_cropland_area"], t["construction_cropland_area"])


@_derived_figure("整改到位率", RATE)
def rectification_rate(t):
    """整改到位率 = （已整改到位宗数 + 非立案处理宗数）÷ 违法宗数（无违法图斑时留空）。"""
    return _divide(t["rectified_count"] + t["non_filing_count"], t["illegal_count"])


@_derived_figure("履职到位率", RATE)
def performance_rate(t):
    """履职到位率 = （已结案宗数 + 非立案处理宗数）÷ 违法宗数（无违法图斑时留空）。"""
    return _divide(t["concluded_count"] + t["non_filing_count"], t["illegal_count"])


@_derived_figure("初始违法占耕≥100亩(扣分)", FLAG)
def flag_initial_cropland(t):
    """初始违法占耕≥100亩 = 本年度违法占用耕地面积（以亩计，四舍五入保留两位小数）大于或
    等于100亩（依据永川府办发〔2022〕53号：区县扣分）。"""
    return _official_mu(t["illegal_cropland_area"]) >= INITIAL_CROPLAND_LIMIT_MU


@_derived_figure("整改后违法占耕>50亩(扣分)", FLAG)
def flag_remaining_cropland(t):
    """整改后违法占耕>50亩 = 本年度整改后违法占耕面积（以亩计，四舍五入保留两位小数）
    大于50亩（依据永川府办发〔2022〕53号：区县扣分）。"""
    return _official_mu(t["unrectified_cropland_area"]) > REMAINING_CROPLAND_LIMIT_MU


@_derived_figure("违法占耕比例>15%(问责)", FLAG)
def flag_cropland_ratio(t):
    """违法占耕比例>15% = 违法占耕比例（四舍五入精确到0.01%）大于15%（依据永川府办发
    〔2022〕53号：纳入问责范围）。"""
    return _half_up(t["illegal_cropland_ratio"], 4) > CROPLAND_RATIO_LIMIT


@_derived_figure("返还指标(80%)", AREA)
def returned_quota(t):
    """返还指标 = 80% × 次年6月30日前整改面积（依据启政办发〔2020〕32号）。"""
    return QUOTA_RETURN_SHARE * t["rectified_by_june_area"]


@_derived_figure("整改到位率<50%(暂停报批)", FLAG)
def flag_low_rectification(t):
    """整改到位率<50% = 本年度整改到位率低于50%（依据启政办发〔2020〕32号：暂停新增建设用地
    项目农转用和征地报批）；无违法图斑时为否。"""
    return t["rectification_rate"] < LOW_RECTIFICATION_RATE


# -- the tables --------------------------------------------------------------------------

# The main tables' figures in groups (the 月报 prints a group a block, under its title).
MAIN_GROUPS = (
    (
        "图斑登记与判定",
        (
            "registered",
            "registered_area",
            "issued",
            "issued_area",
            "determined",
            "undetermined",
            "legal",
            "illegal_count",
            "other",
            "no_real_change",
            "facility_farmland",
            "rural_road",
        ),
    ),
    (
        "违法用地",
        (
            "illegal_area",
            "illegal_cropland_area",
            "illegal_cropland_count",
            "illegal_farmland_area",
            "new_illegal_count",
            "new_illegal_area",
            "existing_illegal_count",
            "existing_illegal_area",
            "construction_cropland_area",
            "illegal_cropland_ratio",
        ),
    ),
    (
        "查处与整改",
        (
            "filed_count",
            "non_filing_count",
            "rectified_count",
            "concluded_count",
            "rectification_rate",
            "performance_rate",
            "unrectified_count",
            "unrectified_area",
            "unrectified_cropland_area",
        ),
    ),
    ("非粮化", ("non_grain_count", "non_grain_area")),
)
MAIN_COLUMNS = (*(key for _title, keys in MAIN_GROUPS for key in keys), *OVERDUE_KEYS.values())
COUNTY_FLAG_COLUMNS = (
    "year",
    "illegal_cropland_area",
    "unrectified_cropland_area",
    "construction_cropland_area",
    "denominator_source",
    "illegal_cropland_ratio",
    "flag_initial_cropland",
    "flag_remaining_cropland",
    "flag_cropland_ratio",
)
TOWNSHIP_QUOTA_COLUMNS = (
    "year",
    "illegal_count",
    "illegal_area",
    "year_end_unrectified_area",
    "rectified_by_june_area",
    "returned_quota",
    "rectified_count",
    "non_filing_count",
    "rectification_rate",
    "flag_low_rectification",
)
LEVEL_KEYS = {
    "county": ("county_code", "county_name"),
    "township": ("county_code", "county_name", "township"),
    "village": ("county_code", "county_name", "township", "village"),
}
TABLE_TITLES = {
    "county": "县级汇总",
    "township": "乡镇汇总",
    "village": "村级汇总",
    "county_flags": "县级考核",
    "township_quota": "乡镇考核",
    "non_agri_ranking": "非农化前十乡镇",
    "non_grain_ranking": "非粮化前十乡镇",
}


def plot_figures(p: pd.DataFrame, ctx: Context) -> pd.DataFrame:
    """Every plot figure of every plot, as floats (counts 0/1, areas m²)."""
    return pd.DataFrame(
        {key: function(p, ctx).astype(float) for key, function in PLOT_FIGURES.items()},
        index=p.index,
    )


def _places(p: pd.DataFrame) -> pd.DataFrame:
    """The place columns, with one name per county (its first known name, else its code)."""
    names = p.groupby("county_code")["county_name"].first()
    places = p[["county_code", "township", "village"]].copy()
    places["county_name"] = places["county_code"].map(names).fillna(places["county_code"])
    return places


def _finish(sums: pd.DataFrame) -> pd.DataFrame:
    """Areas to 亩, then the derived figures from the sums."""
    for key in PLOT_FIGURES:
        if COLUMNS[key].unit == AREA:
            sums[key] = sums[key] / SQUARE_METRES_PER_MU
    for key, function in DERIVED_FIGURES.items():
        sums[key] = function(sums)
    return sums


@dataclass(frozen=True)
class _Groups:
    """The plots' group number at one level (groups numbered in the sort order of their
    key columns) and each group's key columns."""

    codes: np.ndarray
    labels: pd.DataFrame


def _groups(places: pd.DataFrame, keys: tuple[str, ...]) -> _Groups:
    grouped = places.groupby(list(keys), sort=True)
    labels = grouped.size().index.to_frame(index=False)
    return _Groups(grouped.ngroup().to_numpy(), labels)


def summarise(
    figures: pd.DataFrame, groups: _Groups, keys: tuple[str, ...], rows: np.ndarray | None = None
) -> pd.DataFrame:
    """The figures of ``plot_figures`` (of the plots ``rows`` selects, default all) summed
    per group, then the derived figures; and a 合计 row over those plots."""
    values = figures if rows is None else figures[rows]
    codes = groups.codes if rows is None else groups.codes[rows]
    sums = values.groupby(codes, sort=True).sum()
    table = pd.concat(
        [
            groups.labels.iloc[sums.index].reset_index(drop=True),
            _finish(sums.reset_index(drop=True)),
        ],
        axis=1,
    )
    total = _finish(values.sum().to_frame().T)
    for number, key in enumerate(keys):
        total.insert(number, key, TOTAL if number == 0 else "")
    table = pd.concat([table, total], ignore_index=True)
    for key in PLOT_FIGURES:
        if COLUMNS[key].unit == COUNT:
            table[key] = table[key].round().astype(np.int64)
    return table


def _ranking(township: pd.DataFrame, area_key: str, count_key: str) -> pd.DataFrame:
    rows = township[(township["county_code"] != TOTAL) & (township[area_key] > 0)]
    rows = rows.sort_values([area_key, "township"], ascending=[False, True], kind="stable")
    rank = rows[area_key].rank(method="min", ascending=False).astype(np.int64)
    ranked = rows.assign(rank=rank)[["rank", "county_name", "township", area_key, count_key]]
    return ranked[ranked["rank"] <= RANKING_SIZE].reset_index(drop=True)


@dataclass(frozen=True)
class Denominator:
    """The denominator of the county 违法占耕比例 for the year: m², and its source
    ("录入" or what was entered as the source, or "由图斑计算")."""

    year: int
    area_m2: float | None
    source: str


@dataclass
class Statistics:
    period: Period
    batch: str | None
    today: datetime.date
    tables: dict[str, pd.DataFrame]
    denominator: Denominator
    plots: int
    notes: list[str] = field(default_factory=list)

    def __getitem__(self, name: str) -> pd.DataFrame:
        return self.tables[name]

    def row(self, table: str, **keys) -> pd.Series:
        """The one row of ``table`` whose key columns have the given values."""
        frame = self.tables[table]
        mask = pd.Series(True, index=frame.index)
        for key, value in keys.items():
            mask &= frame[key] == value
        rows = frame[mask]
        if len(rows) != 1:
            raise KeyError(f"{table}: {len(rows)} rows for {keys}")
        return rows.iloc[0]


def compute(store, period, batch=None, today: datetime.date | str | None = None) -> Statistics:
    """The figures for ``period`` (see ``parse_period``), optionally one ``batch`` (name or
    id); ``today`` (default: the local date) decides what is overdue."""
    period = parse_period(period)
    today = as_date(today) if today is not None else datetime.date.today()
    year_period = period.year_to_date()
    start = min(period.start, year_period.start)
    loaded = load_plots(store, start, period.end, batch)
    ctx = Context(period.year, today)
    figures = plot_figures(loaded, ctx)
    places = _places(loaded)
    groups = {level: _groups(places, keys) for level, keys in LEVEL_KEYS.items()}
    in_period = (loaded["ref_day"] >= julian_day(period.start)).to_numpy()
    in_year = (loaded["ref_day"] >= julian_day(year_period.start)).to_numpy()
    whole_period, whole_year = bool(in_period.all()), bool(in_year.all())

    period_rows = None if whole_period else in_period
    full = {
        level: summarise(figures, groups[level], keys, period_rows)
        for level, keys in LEVEL_KEYS.items()
    }
    tables = {level: full[level][[*keys, *MAIN_COLUMNS]] for level, keys in LEVEL_KEYS.items()}
    # The accountability year's tables: the period's when the period is the year so far.
    year_rows = None if whole_year else in_year
    same = whole_period and whole_year
    county_year = (
        full["county"]
        if same
        else summarise(figures, groups["county"], LEVEL_KEYS["county"], year_rows)
    )
    township_year = (
        full["township"]
        if same
        else summarise(figures, groups["township"], LEVEL_KEYS["township"], year_rows)
    )

    county_year = county_year[county_year["county_code"] != TOTAL].reset_index(drop=True).copy()
    entered = new_construction_cropland(store, period.year)
    if entered is not None and len(county_year) <= 1:
        area_m2, source = entered
        county_year["construction_cropland_area"] = area_m2 / SQUARE_METRES_PER_MU
        for key, function in DERIVED_FIGURES.items():
            county_year[key] = function(county_year)
    else:
        year_figures = figures if year_rows is None else figures[year_rows]
        area_m2 = float(year_figures["construction_cropland_area"].sum())
        source = FROM_PLOTS
    denominator = Denominator(period.year, area_m2, source)
    county_year["year"] = period.year
    county_year["denominator_source"] = source
    tables["county_flags"] = county_year[[*LEVEL_KEYS["county"], *COUNTY_FLAG_COLUMNS]]

    township_year = township_year.copy()
    township_year["year"] = period.year
    tables["township_quota"] = township_year[[*LEVEL_KEYS["township"], *TOWNSHIP_QUOTA_COLUMNS]]

    tables["non_agri_ranking"] = _ranking(
        tables["township"], "illegal_cropland_area", "illegal_cropland_count"
    )
    tables["non_grain_ranking"] = _ranking(tables["township"], "non_grain_area", "non_grain_count")

    notes = [
        f"统计期间：{period.label}（{period.start.isoformat()}至{period.end.isoformat()}）",
        f"监测批次：{batch if batch not in (None, '') else '全部'}",
        f"逾期计算日：{today.isoformat()}",
        f"考核年度：{period.year}年（1月1日至{period.end.isoformat()}）",
        "违法占耕比例分母（县级考核）："
        + (
            f"{source}，{area_m2 / SQUARE_METRES_PER_MU:.2f} 亩"
            if source != FROM_PLOTS
            else f"{FROM_PLOTS}（未录入{period.year}年新增建设用地占用耕地总面积）"
        ),
        "汇总表的违法占耕比例分母均由图斑计算。面积为椭球面积，按平方米汇总后折算为亩"
        "（1亩=10000/15平方米）。",
    ]
    return Statistics(
        period,
        None if batch in (None, "") else str(batch),
        today,
        tables,
        denominator,
        int(in_period.sum()),
        notes,
    )


# -- the submission table (一上 / 二上) ---------------------------------------------------


@dataclass(frozen=True)
class SubmissionField:
    """A field of the submission in its national name (at most 10 ASCII characters, for
    the shapefile), its Chinese header and its kind: text or 亩 with two decimals."""

    name: str
    header: str
    unit: str = TEXT


SUBMISSION_FIELDS = (
    SubmissionField("JCBH", "监测编号"),
    SubmissionField("XZQDM", "行政区代码"),
    SubmissionField("XZQMC", "行政区名称"),
    SubmissionField("XZMC", "乡镇名称"),
    SubmissionField("CMC", "村名称"),
    SubmissionField("JCPC", "监测批次"),
    SubmissionField("XSLY", "线索来源"),
    SubmissionField("QSX", "前时相"),
    SubmissionField("HSX", "后时相"),
    SubmissionField("TBLX", "图斑类型"),
    SubmissionField("BGLX", "变化类型"),
    SubmissionField("JCMJ", "监测面积(亩)", AREA),
    SubmissionField("TBMJ", "图斑面积(亩)", AREA),
    SubmissionField("GDMJ", "占用耕地面积(亩)", AREA),
    SubmissionField("JBNTMJ", "占用永久基本农田面积(亩)", AREA),
    SubmissionField("PDLX", "判定类型"),
    SubmissionField("PDZL", "判定子类"),
    SubmissionField("XZCL", "新增或存量"),
    SubmissionField("BLZT", "办理状态"),
    SubmissionField("CCFS", "查处方式"),
    SubmissionField("LABH", "立案编号"),
    SubmissionField("YJBM", "移交部门"),
    SubmissionField("ZGCS", "整改措施"),
    SubmissionField("ZGXDRQ", "整改任务下达日期"),
    SubmissionField("CCMJ", "拆除面积(亩)", AREA),
    SubmissionField("FGMJ", "复耕面积(亩)", AREA),
    SubmissionField("BBMJ", "补办手续面积(亩)", AREA),
    SubmissionField("FHJG", "复核结果"),
    SubmissionField("FHRQ", "复核日期"),
    SubmissionField("XHRQ", "销号日期"),
    SubmissionField("SBLC", "上报轮次"),
)
SUBMISSION_STAGES = ("一上", "二上")
FILED_STATUSES = (wf.FILED, wf.RECTIFYING, wf.AWAITING_RECHECK, *CONCLUDED_STATUSES)
HANDLED_STATUSES = (wf.FILED, wf.REFERRED, wf.RECTIFYING, wf.AWAITING_RECHECK, *CONCLUDED_STATUSES)

_SUBMISSION_SQL = f"""
SELECT ri.snapshot, p.jcbh, p.xzqdm, p.xzqmc, p.township, p.village,
    COALESCE(p.jcpc, b.name), p.clue_source, p.qsx, p.hsx, p.tblx, p.bglx, p.jcmj,
    (SELECT COALESCE(area_ellipsoidal_m2, area_planar_m2) FROM overlay
        WHERE plot_id = p.id AND role = '{PLOT}' LIMIT 1),
    (SELECT sum(COALESCE(area_ellipsoidal_m2, area_planar_m2)) FROM overlay
        WHERE plot_id = p.id AND role = '{CROPLAND}'),
    (SELECT sum(COALESCE(area_ellipsoidal_m2, area_planar_m2)) FROM overlay
        WHERE plot_id = p.id AND role = '{FARMLAND_ROLE}' AND class_code IS NULL),
    c.filing_number, c.handling_department, co.closed_on, AsBinary(p.geom)
FROM round_item AS ri
JOIN case_record AS c ON c.id = ri.case_id
JOIN plot AS p ON p.id = c.plot_id
LEFT JOIN batch AS b ON b.id = p.batch_id
LEFT JOIN closeout AS co ON co.case_id = c.id
WHERE ri.round_id = ?
ORDER BY p.jcbh
"""


@dataclass
class SubmissionTable:
    """The plots of a round in the national field names (``frame``, one column per
    ``SUBMISSION_FIELDS`` name), their geometries as WKB in the database's CRS."""

    round: rounds.SubmissionRound
    srid: int
    frame: pd.DataFrame
    wkb: list[bytes]

    @property
    def name(self) -> str:
        return self.round.name


def _mu2(area_m2) -> float | None:
    value = dc.number_or_none(area_m2)
    return None if value is None else mu(value)


def submission_table(store, round_id: int) -> SubmissionTable:
    """The submission of round ``round_id`` (一上 or 二上): each case as the round's snapshot
    keeps it (determination, status, rectification), with the plot's national fields and
    its areas (亩, two decimals, rounded half up). See ``SUBMISSION_FIELDS``."""
    submitted = rounds.get_round(store, round_id)
    if submitted.stage not in SUBMISSION_STAGES:
        raise StatisticsError(
            reason=N_("round {round} is not a submission: only 一上 and 二上 are exported"),
            round=submitted.name,
        )
    records, wkbs = [], []
    for row in _rows(store, _SUBMISSION_SQL, (round_id,))[1]:
        snapshot = json.loads(row[0])
        (jcbh, xzqdm, xzqmc, township, village, jcpc, source, qsx, hsx, tblx, bglx) = row[1:12]
        jcmj, plot_m2, cropland_m2, farmland_m2 = row[12:16]
        filing_number, department, closed_on, wkb = row[16:20]
        status = snapshot.get("status")
        category = snapshot.get("category")
        subtype = "-".join(
            s for s in (snapshot.get("subtype"), snapshot.get("subtype_detail")) if s
        )
        handled = status in HANDLED_STATUSES and category == dc.ILLEGAL
        filed = handled and filing_number is not None and status in FILED_STATUSES
        referred = handled and not filed and department is not None
        area_m2 = plot_m2 if plot_m2 is not None else snapshot.get("area_m2")
        records.append(
            {
                "JCBH": jcbh,
                "XZQDM": xzqdm,
                "XZQMC": xzqmc,
                "XZMC": township,
                "CMC": village,
                "JCPC": jcpc,
                "XSLY": source,
                "QSX": qsx,
                "HSX": hsx,
                "TBLX": tblx,
                "BGLX": bglx,
                "JCMJ": None if dc.number_or_none(jcmj) is None else round(float(jcmj), 2),
                "TBMJ": _mu2(area_m2),
                "GDMJ": _mu2(cropland_m2 or 0.0),
                "JBNTMJ": _mu2(farmland_m2 or 0.0),
                "PDLX": category or rounds.UNDETERMINED,
                "PDZL": subtype or None,
                "XZCL": snapshot.get("new_or_existing"),
                "BLZT": status,
                "CCFS": "立案" if filed else ("移交" if referred else None),
                "LABH": filing_number if filed else None,
                "YJBM": department if referred else None,
                "ZGCS": snapshot.get("measures"),
                "ZGXDRQ": snapshot.get("task_listed_on"),
                "CCMJ": _mu2(snapshot.get("demolished_area_m2")),
                "FGMJ": _mu2(snapshot.get("restored_area_m2")),
                "BBMJ": _mu2(snapshot.get("legalised_area_m2")),
                "FHJG": snapshot.get("reinspection_result"),
                "FHRQ": snapshot.get("reinspected_on"),
                "XHRQ": closed_on if status in CONCLUDED_STATUSES else None,
                "SBLC": submitted.name,
            }
        )
        wkbs.append(bytes(wkb) if wkb is not None else None)
    frame = pd.DataFrame.from_records(records, columns=[f.name for f in SUBMISSION_FIELDS])
    return SubmissionTable(submitted, store.srid, frame, wkbs)


def find_round(store, value) -> rounds.SubmissionRound:
    """A round from its id (number or digits) or its name 'YYYY-MM 一上'."""
    text = str(value or "").strip()
    if text.isdigit():
        return rounds.get_round(store, int(text))
    for candidate in rounds.list_rounds(store):
        if candidate.name == " ".join(text.split()):
            return candidate
    raise InvalidRecord(record=text or "—", reason=N_("there is no submission round of this name"))


def definitions(keys: tuple[str, ...] | None = None) -> list[Column]:
    """The figures with their definitions, in table order (all figures by default)."""
    keys = keys or (*MAIN_COLUMNS, *COUNTY_FLAG_COLUMNS, *TOWNSHIP_QUOTA_COLUMNS)
    seen, found = set(), []
    for key in keys:
        column = COLUMNS[key]
        if column.definition and key not in seen:
            seen.add(key)
            found.append(column)
    return found
