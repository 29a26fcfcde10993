"""Computing the tables of the figures (no Qt, no QGIS): the plots' figures summed per
place, the derived figures from the exact sums, then every area rounded once to 亩
(``areas.official_mu``). A sum over plots of which one is unknown (未比对) is unknown: it
is printed 未比对, never as if complete, and ``cropland_not_compared`` /
``farmland_not_compared`` count the plots concerned.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from . import determination_codes as dc
from .areas import mu_text, official_mu, printed_m2_array
from .calendar import as_date
from .errors import N_
from .stats_catalogue import (
    AREA,
    COLUMNS,
    COUNT,
    DERIVED_FIGURES,
    PLOT_FIGURES,
    RANKING_SIZE,
    TOTAL,
    Context,
)
from .stats_load import load_plots
from .stats_periods import Period, StatisticsError, julian_day, parse_period
from .stats_seeds import AWARD_CRITERIA, CAMPAIGN_NOTE, campaign_progress, township_awards
from .stats_tables import (
    COUNTY_FLAG_COLUMNS,
    EVENT_COLUMNS,
    LEVEL_KEYS,
    MAIN_COLUMNS,
    TABLE_BASIS,
    TABLE_TITLES,
    TOWNSHIP_QUOTA_COLUMNS,
)

DENOMINATOR_KEY = "new_construction_cropland_m2:{year}"
DENOMINATOR_SOURCE_KEY = "new_construction_cropland_source:{year}"
ENTERED = "录入"
FROM_PLOTS = "由图斑计算"


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
        db.execute(
            "INSERT INTO meta (key, value) VALUES (?, ?) "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (key, repr(area)),
        )
        db.execute(
            "INSERT INTO meta (key, value) VALUES (?, ?) "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
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


def plot_figures(p: pd.DataFrame, ctx: Context) -> pd.DataFrame:
    """Every plot figure of every plot, as floats (counts 0/1, areas m² of the plot's
    printed 亩: a table's total is then the sum of the figures printed for its plots, on
    the documents and in the export alike)."""
    values = np.empty((len(PLOT_FIGURES), len(p)))  # one block, filled a figure a row
    for number, (key, function) in enumerate(PLOT_FIGURES.items()):
        values[number] = function(p, ctx).to_numpy(float)
        if COLUMNS[key].unit == AREA:
            values[number] = printed_m2_array(values[number])
    return pd.DataFrame(values.T, index=p.index, columns=list(PLOT_FIGURES), copy=False)


def _places(p: pd.DataFrame) -> pd.DataFrame:
    """The place columns, with one name per county (its first known name, else its code)."""
    names = p.groupby("county_code")["county_name"].first()
    places = p[["county_code", "township", "village"]].copy()
    places["county_name"] = places["county_code"].map(names).fillna(places["county_code"])
    return places


def _area_mu_columns(frame: pd.DataFrame, keys: list[str]) -> np.ndarray:
    """``stats_catalogue._area_mu`` of several columns at once: the printed 亩 as a 2-D
    array (``areas.official_mu`` once per distinct sum)."""
    values = frame[keys].to_numpy(float)
    sums = values.ravel().tolist()
    printed = {value: official_mu(value) for value in set(sums)}  # equal sums (0) once
    return np.array([printed[v] for v in sums], dtype=float).reshape(values.shape)


def _finish(sums: pd.DataFrame, derived: bool = True) -> pd.DataFrame:
    """The derived figures from the exact sums (m²) (unless not ``derived``: the sums of
    some plot figures only), then every area to the printed 亩."""
    if derived:
        for key, function in DERIVED_FIGURES.items():
            sums[key] = function(sums)
    areas = [key for key in sums.columns if key in COLUMNS and COLUMNS[key].unit == AREA]
    if areas:
        sums[areas] = _area_mu_columns(sums, areas)
    return sums


@dataclass(frozen=True)
class _Groups:
    """The plots' group number at one level (groups numbered in the sort order of their
    key columns) and each group's key columns."""

    codes: np.ndarray
    labels: pd.DataFrame

    def select(self, rows: np.ndarray) -> _Groups:
        """The groups of the plots ``rows`` selects (numbers and labels unchanged)."""
        return _Groups(self.codes[rows], self.labels)


def _groups(places: pd.DataFrame, keys: tuple[str, ...]) -> _Groups:
    grouped = places.groupby(list(keys), sort=True)
    labels = grouped.size().index.to_frame(index=False)
    return _Groups(grouped.ngroup().to_numpy(), labels)


def _coarser(finer: _Groups, keys: tuple[str, ...]) -> _Groups:
    """The groups by the first ``keys`` of ``finer``'s (whose labels are sorted): the same
    as ``_groups`` on those keys, without grouping the plots again."""
    prefix = finer.labels[list(keys)]
    starts = np.ones(len(prefix), dtype=bool)
    if len(prefix):
        starts[1:] = (prefix.iloc[1:].to_numpy() != prefix.iloc[:-1].to_numpy()).any(axis=1)
    number = np.cumsum(starts) - 1  # each finer group's coarser group
    labels = prefix[starts].reset_index(drop=True)
    return _Groups(number[finer.codes], labels)


def summarise(
    figures: pd.DataFrame,
    groups: _Groups,
    keys: tuple[str, ...],
    rows: np.ndarray | None = None,
    columns: tuple[str, ...] | None = None,
) -> pd.DataFrame:
    """The figures of ``plot_figures`` (of the plots ``rows`` selects, default all) summed
    per group, then the derived figures; and a 合计 row over those plots. With ``columns``
    (plot figures), only those are summed and no derived figure is computed."""
    derived = columns is None
    if rows is not None and rows.all():
        rows = None  # every plot: no copy of the figures
    if not derived:
        figures = figures[list(columns)]
    values = figures if rows is None else figures[rows]
    codes = groups.codes if rows is None else groups.codes[rows]
    sums = values.groupby(codes, sort=True).sum()
    unknown = values.columns[values.isna().any().to_numpy()]
    if len(unknown):  # a sum over a plot whose figure is unknown is unknown
        sums[unknown] = sums[unknown].mask(values[unknown].isna().groupby(codes, sort=True).any())
    # the groups' sums and the 合计 row finished together (row by row: the same figures)
    total = values.sum(skipna=False).to_frame().T
    finished = _finish(pd.concat([sums, total], ignore_index=True), derived)
    labels = groups.labels.iloc[sums.index].reset_index(drop=True)
    labels.loc[len(labels)] = [TOTAL, *[""] * (len(keys) - 1)]
    table = pd.concat([labels, finished], axis=1)
    for key in values.columns:
        if COLUMNS[key].unit == COUNT and not table[key].isna().any():
            table[key] = table[key].round().astype(np.int64)
    return table


def _ranking(township: pd.DataFrame, area_key: str, count_key: str) -> pd.DataFrame:
    rows = township[(township["county_code"] != TOTAL) & (township[area_key].fillna(0) > 0)]
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
    """The figures for ``period`` (see ``stats_periods.parse_period``), optionally one
    ``batch`` (name or id); ``today`` (default: the local date) decides what is overdue."""
    period = parse_period(period)
    today = as_date(today) if today is not None else datetime.date.today()
    year_period = period.year_to_date()
    start = min(period.start, year_period.start)
    loaded = load_plots(store, start, period.end, batch)
    ctx = Context(period.year, today, period.start, period.end)
    figures = plot_figures(loaded, ctx)
    places = _places(loaded)
    groups = {"village": _groups(places, LEVEL_KEYS["village"])}
    for level in ("township", "county"):
        groups[level] = _coarser(groups["village"], LEVEL_KEYS[level])
    registered = loaded["ref_day"] <= julian_day(period.end)
    in_period = (registered & (loaded["ref_day"] >= julian_day(period.start))).to_numpy()
    in_year = (registered & (loaded["ref_day"] >= julian_day(year_period.start))).to_numpy()

    def selected(rows: np.ndarray) -> pd.DataFrame:  # the plots' figures, copied once
        return figures if rows.all() else figures[rows]

    period_figures = selected(in_period)
    full = {
        level: summarise(period_figures, groups[level].select(in_period), keys)
        for level, keys in LEVEL_KEYS.items()
    }
    tables = {level: full[level][[*keys, *MAIN_COLUMNS]] for level, keys in LEVEL_KEYS.items()}
    if bool((in_period == in_year).all()):  # the period is the year so far
        county_year, township_year = full["county"], full["township"]
    else:
        year_figures = selected(in_year)
        county_year, township_year = (
            summarise(year_figures, groups[level].select(in_year), LEVEL_KEYS[level])
            for level in ("county", "township")
        )

    county_year = county_year[county_year["county_code"] != TOTAL].reset_index(drop=True).copy()
    entered = new_construction_cropland(store, period.year)
    if entered is not None and len(county_year) <= 1:
        area_m2, source = entered
        if len(county_year):
            sums = figures[in_year].sum(skipna=False).to_frame().T
            sums["construction_cropland_area"] = area_m2
            redone = _finish(sums)
            for key in (*DERIVED_FIGURES, "construction_cropland_area"):
                county_year[key] = redone[key].to_numpy()  # one row: keeps None and bools
    else:
        area_m2 = float(figures["construction_cropland_area"][in_year].sum(skipna=False))
        area_m2 = None if area_m2 != area_m2 else area_m2
        source = FROM_PLOTS
    denominator = Denominator(period.year, area_m2, source)
    county_year["year"] = period.year
    county_year["denominator_source"] = source
    tables["county_flags"] = county_year[[*LEVEL_KEYS["county"], *COUNTY_FLAG_COLUMNS]]

    township_year = township_year.copy()
    township_year["year"] = period.year
    awards = township_awards(township_year)
    tables["township_quota"] = township_year[[*LEVEL_KEYS["township"], *TOWNSHIP_QUOTA_COLUMNS]]

    tables["non_agri_ranking"] = _ranking(
        tables["township"], "illegal_cropland_area", "illegal_cropland_count"
    )
    tables["non_grain_ranking"] = _ranking(tables["township"], "non_grain_area", "non_grain_count")
    events = summarise(figures, groups["township"], LEVEL_KEYS["township"], None, EVENT_COLUMNS)
    tables["events"] = events[[*LEVEL_KEYS["township"], *EVENT_COLUMNS]]
    tables["township_awards"] = awards
    tables["campaign"] = campaign_progress(store, period.end)

    not_compared = int((~loaded["cropland_known"].to_numpy() & in_period).sum())
    notes = [
        f"统计期间：{period.label}（{period.start.isoformat()}至{period.end.isoformat()}）",
        f"监测批次：{batch if batch not in (None, '') else '全部'}",
        f"逾期计算日：{today.isoformat()}",
        f"考核年度：{period.year}年（1月1日至{period.end.isoformat()}）",
        "违法占耕比例分母（县级考核）："
        + (
            f"{source}，{mu_text(area_m2)} 亩"
            if source != FROM_PLOTS
            else f"{FROM_PLOTS}（未录入{period.year}年新增建设用地占用耕地总面积）"
        ),
        *(f"{TABLE_TITLES[name]}：{basis}" for name, basis in TABLE_BASIS.items()),
        AREA_NOTE,
        NOT_COMPARED_NOTE + (f"本期登记图斑中{not_compared}宗未比对耕地。" if not_compared else ""),
        RECTIFICATION_NOTE,
        AWARD_CRITERIA,
        CAMPAIGN_NOTE + ("" if len(tables["campaign"]) else "（未录入计划整治量，不计算进度。）"),
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


AREA_NOTE = (
    "面积口径：图斑面积为图斑入库时计算的椭球面积，耕地、永久基本农田面积为内业比对结果的"
    "椭球面积；每个图斑的面积由平方米按1亩=10000/15平方米四舍五入保留两位小数（与核查报告、"
    "销号报告及上报表所印一致），各表合计为所含图斑亩数之和；比例由表中所示面积计算，"
    "各考核标志按表中所示（已四舍五入）的数字判断。"
)
NOT_COMPARED_NOTE = (
    "未比对：图斑未与土地利用现状（耕地）或永久基本农田图层比对的，其面积不按0计；"
    '合计中含未比对图斑的，该合计显示为"未比对"（工作簿中为空白单元格），'
    '未比对图斑数见"耕地未比对图斑数""永久基本农田未比对图斑数"。'
)
RECTIFICATION_NOTE = (
    "整改到位率 =（已整改到位宗数 + 非立案处理宗数）÷ 违法宗数；非立案处理指未立案（移交或"
    "当即整改）且经复核整改到位的违法案件，仅移交而未整改到位的不计为到位。"
)
