"""The 月报's model: plain dataclasses (no Qt, no database, no pandas in what is printed)
and :func:`monthly_report_model`, which fills them from ``cases.statistics.compute``'s
figures. Numbers come already rounded (``cases/areas.py``: 亩 half up from the exact m²,
rates in percent); here they are only formatted: 亩 with two decimals, 未比对 where an
area was not computed, rates as percentages, flags as 是 / 否.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field
from typing import Any, ClassVar

from ..cases.areas import NOT_COMPARED, figure_text, official_mu, official_rate_percent, rate_text
from ..cases.stats_tables import COUNTY_FLAG_COLUMNS, TOWNSHIP_QUOTA_COLUMNS
from .models import _HashedReport, _nohash

# Units of a figure (the same words as cases.statistics).
COUNT, AREA, RATE, FLAG, TEXT, NUMBER = "count", "area", "rate", "flag", "text", "number"
YES, NO, BLANK = "是", "否", "—"
TOTAL = "合计"


# -- numbers ------------------------------------------------------------------------------


def _missing(value: Any) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def fmt_rate(value: float | None) -> str:
    """A rate (a fraction; the figures' rates are already the printed ones, e.g. 0.8462) as
    a percentage with two decimals by ``areas.official_rate_percent`` (half up, from the
    exact value); — when there is none."""
    if _missing(value):
        return BLANK
    return rate_text(official_rate_percent(float(value), 1))


def area_text(value: float | None) -> str:
    """An area of the figures in 亩 (already ``areas.official_mu``'s printed number: this
    only writes its two decimals, half up from its decimal form, so that a hand-made model
    prints like the workbook); 未比对 when it was not computed, never 0.00."""
    return figure_text(None if _missing(value) else value, NOT_COMPARED)


def cell_text(value: Any, unit: str) -> str:
    """A figure as printed: 亩 with two decimals, rates in %, counts whole, flags 是/否;
    an area, count or flag not computed prints 未比对, a rate without denominator —."""
    if unit == AREA:
        return area_text(value)
    if _missing(value):
        return NOT_COMPARED if unit in (COUNT, FLAG) else BLANK
    if unit == RATE:
        return fmt_rate(float(value))
    if unit == FLAG:
        return YES if value else NO
    if unit in (COUNT, NUMBER) and isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(int(value)) if float(value).is_integer() else str(value)
    text = str(value).strip()
    return text or BLANK


# -- the model ----------------------------------------------------------------------------


@dataclass
class ReportColumn:
    """A column of a grid table: its Chinese header and the unit of its values."""

    header: str
    unit: str = TEXT


@dataclass
class ReportTable:
    """A grid table: one row per place (values as plain Python numbers, text, booleans or
    None), the last row the 合计 when ``total_row``; ``empty_note`` when there is no row."""

    columns: list[ReportColumn]
    rows: list[list[Any]] = field(default_factory=list)
    total_row: bool = False
    empty_note: str = "无数据"


@dataclass
class Figure:
    """One figure of a summary: its label, unit and a value per column of the sheet."""

    label: str
    unit: str
    values: list[Any]


@dataclass
class FigureGroup:
    title: str  # printed as a band over its figures; "" for none
    figures: list[Figure]


@dataclass
class FigureSheet:
    """Figures by place, printed one figure a row: ``names`` are the value columns (a
    county each, then 合计 when there are several). With one column, figures go two a row."""

    names: list[str]
    groups: list[FigureGroup]


@dataclass
class ChartBar:
    """One township of the bar chart (亩); None where not computed (未比对: no bar, the
    label says so, never 0.00)."""

    township: str
    illegal_area: float | None
    illegal_cropland_area: float | None


@dataclass
class DenominatorInfo:
    """The denominator of the county 违法占耕比例: the year's 新增建设用地占用耕地总面积 as
    entered (``entered``, with its source), or the figure computed from the plots."""

    year: int
    area_mu: float | None
    source: str
    entered: bool


@dataclass
class Definition:
    label: str
    unit: str  # 宗/个, 亩, %, 是/否 or ""
    text: str


@dataclass
class MonthlyReport(_HashedReport):
    """What the 月报 prints; filled by :func:`monthly_report_model`."""

    KIND: ClassVar[str] = "monthly_report"

    period_label: str  # 2026年3月
    period_start: str  # ISO dates
    period_end: str
    year: int  # the accountability year
    today: str  # the day the overdue counts are for
    summary: FigureSheet  # 县级汇总
    township: ReportTable  # 乡镇汇总
    county_flags: FigureSheet  # 县级考核 (the year so far)
    township_quota: ReportTable  # 乡镇考核 (the year so far)
    non_agri_ranking: ReportTable
    non_grain_ranking: ReportTable
    chart: list[ChartBar]
    denominator: DenominatorInfo
    events: ReportTable = field(default_factory=lambda: ReportTable([]))  # 本期办理情况
    bases: dict[str, str] = field(default_factory=dict)  # table → what it counts
    seeds: list = field(default_factory=list)  # monthly_seeds.SeedSection: awards, campaign
    unit: str = ""  # the station (填报单位)
    batch: str = ""  # "" for every batch
    plots: int = 0
    notes: list[str] = field(default_factory=list)
    definitions: list[Definition] = field(default_factory=list)
    lock_root: str = ""  # the last locked round and its root hash, printed in the footer
    generated_at: dt.datetime | None = _nohash(default=None)

    @property
    def identifier(self) -> str:
        return self.period_label

    @property
    def monthly(self) -> bool:
        """The period is one whole calendar month."""
        try:
            start = dt.date.fromisoformat(self.period_start)
            end = dt.date.fromisoformat(self.period_end)
        except ValueError:
            return False
        following = dt.date(start.year + start.month // 12, start.month % 12 + 1, 1)
        return start.day == 1 and end == following - dt.timedelta(days=1)

    @property
    def title(self) -> str:
        kind = "月报" if self.monthly else "统计报告"
        return f"卫片执法图斑{kind}（{self.period_label}）"


# -- from the figures (cases.statistics) ----------------------------------------------------

OVERDUE_GROUP = "逾期"
OVERDUE_TOTAL = "overdue_total"
OVERDUE_TOTAL_HEADER = "逾期(项)"

# 乡镇汇总: (key, header); the headers are shortened to fit twelve columns on A4.
TOWNSHIP_COLUMNS = (
    ("issued", "下发图斑"),
    ("registered", "登记图斑"),
    ("determined", "已判定"),
    ("illegal_count", "违法宗数"),
    ("illegal_area", "违法面积(亩)"),
    ("illegal_cropland_area", "违法占用耕地(亩)"),
    ("illegal_farmland_area", "永久基本农田(亩)"),
    ("rectification_rate", "整改到位率"),
    ("performance_rate", "履职到位率"),
    ("unrectified_area", "剩余未整改(亩)"),
    (OVERDUE_TOTAL, OVERDUE_TOTAL_HEADER),
)
# the accountability tables' columns as the statistics define them, less the year (the
# report names the year once)
COUNTY_FLAG_KEYS = tuple(key for key in COUNTY_FLAG_COLUMNS if key != "year")
TOWNSHIP_QUOTA_KEYS = tuple(key for key in TOWNSHIP_QUOTA_COLUMNS if key != "year")
# 本期办理情况 (events counted in the period they happened in): (key, header)
EVENT_COLUMNS = (
    ("event_determined", "判定"),
    ("event_illegal", "判定违法"),
    ("event_illegal_area", "判定违法面积(亩)"),
    ("event_filed", "立案"),
    ("event_referred", "移交"),
    ("event_rectified", "整改到位"),
    ("event_rectified_area", "整改面积(亩)"),
    ("event_closed", "销号"),
)
UNIT_NAMES = {COUNT: "宗/个", AREA: "亩", RATE: "%", FLAG: "是/否", NUMBER: "", TEXT: ""}


def _plain(value: Any) -> Any:
    """numpy and pandas scalars as plain Python values; NaN and NA as None."""
    if value is None:
        return None
    if hasattr(value, "item") and not isinstance(value, (str, bytes)):
        try:
            value = value.item()
        except (ValueError, AttributeError):
            pass
    try:
        if value != value:  # NaN, pandas.NA raises TypeError
            return None
    except TypeError:
        return None
    return value


def _records(frame) -> list[dict[str, Any]]:
    return [{k: _plain(v) for k, v in row.items()} for row in frame.to_dict("records")]


def _header(column) -> str:
    if column.unit == AREA and "亩" not in column.header:
        return f"{column.header}(亩)"
    return column.header


def monthly_report_model(
    stats,
    unit: str = "",
    *,
    generated_at: dt.datetime | None = None,
    columns: dict | None = None,
) -> MonthlyReport:
    """The 月报 of the figures ``stats`` (a ``cases.statistics.Statistics``: only its
    ``period``, ``batch``, ``today``, ``plots``, ``tables``, ``denominator`` and ``notes``
    are read; nothing is queried). ``unit`` is the station printed as 填报单位; ``columns``
    (default ``cases.statistics.COLUMNS``) gives each figure's header, unit and definition."""
    from ..cases import statistics as st  # the figures: groups, labels, definitions
    from .monthly_seeds import seed_sections

    columns = columns if columns is not None else st.COLUMNS
    tables = stats.tables
    overdue_keys = [key for key in columns if key.startswith("overdue_")]

    def column(key: str):
        return columns[key]

    # 县级汇总: a county a column (then 合计 when there are several)
    county_rows = _records(tables["county"])
    places = [r for r in county_rows if r["county_code"] != TOTAL]
    total = next((r for r in county_rows if r["county_code"] == TOTAL), None)
    shown = places if len(places) == 1 else places + ([total] if total else [])
    names = [r["county_name"] or r["county_code"] for r in places]
    names = names if len(places) == 1 else names + [TOTAL]
    listed = {key for _title, keys in st.MAIN_GROUPS for key in keys}
    groups = []
    frame_columns = list(tables["county"].columns)
    for title, keys in st.MAIN_GROUPS:
        figures = [
            Figure(_header(column(k)), column(k).unit, [r[k] for r in shown])
            for k in keys
            if k in frame_columns
        ]
        if figures:
            groups.append(FigureGroup(title, figures))
    overdue = [k for k in frame_columns if k in overdue_keys]
    rest = [
        k
        for k in frame_columns
        if k in columns
        and k not in listed
        and k not in overdue
        and k not in ("county_code", "county_name")
    ]
    if rest:
        groups.append(
            FigureGroup(
                "其他指标",
                [Figure(_header(column(k)), column(k).unit, [r[k] for r in shown]) for k in rest],
            )
        )
    if overdue:
        groups.append(
            FigureGroup(
                OVERDUE_GROUP,
                [Figure(column(k).header, COUNT, [r[k] for r in shown]) for k in overdue],
            )
        )
    summary = FigureSheet(names, groups)

    # 乡镇汇总
    township_rows = _records(tables["township"])
    several = len({r["county_code"] for r in township_rows if r["county_code"] != TOTAL}) > 1
    key_columns = [ReportColumn("县级行政区", TEXT)] if several else []
    key_columns.append(ReportColumn("乡镇(街道)", TEXT))

    def place(row: dict, with_county: bool) -> list:
        if row["county_code"] == TOTAL:
            return [TOTAL, ""] if with_county else [TOTAL]
        name = row["county_name"] or row["county_code"]
        return [name, row["township"]] if with_county else [row["township"]]

    def overdue_total(row: dict) -> int:
        return int(sum(row.get(k) or 0 for k in overdue_keys))

    township = ReportTable(
        key_columns
        + [
            ReportColumn(header, COUNT if key == OVERDUE_TOTAL else column(key).unit)
            for key, header in TOWNSHIP_COLUMNS
        ],
        [
            place(r, several)
            + [overdue_total(r) if key == OVERDUE_TOTAL else r[key] for key, _h in TOWNSHIP_COLUMNS]
            for r in township_rows
        ],
        total_row=any(r["county_code"] == TOTAL for r in township_rows),
        empty_note="本期无图斑",
    )
    chart = [
        ChartBar(
            " ".join(place(r, several)),
            None if _missing(r["illegal_area"]) else float(r["illegal_area"]),
            None if _missing(r["illegal_cropland_area"]) else float(r["illegal_cropland_area"]),
        )
        for r in township_rows
        if r["county_code"] != TOTAL
    ]

    # 县级考核 and 乡镇考核 (the year so far)
    flag_rows = _records(tables["county_flags"])
    county_flags = FigureSheet(
        [r["county_name"] or r["county_code"] for r in flag_rows],
        [
            FigureGroup(
                "",
                [
                    Figure(_header(column(k)), column(k).unit, [r.get(k) for r in flag_rows])
                    for k in COUNTY_FLAG_KEYS
                ],
            )
        ],
    )
    quota_rows = _records(tables["township_quota"])
    several_quota = len({r["county_code"] for r in quota_rows if r["county_code"] != TOTAL}) > 1
    quota_keys = [ReportColumn("县级行政区", TEXT)] if several_quota else []
    quota_keys.append(ReportColumn("乡镇(街道)", TEXT))
    township_quota = ReportTable(
        quota_keys
        + [ReportColumn(_header(column(k)), column(k).unit) for k in TOWNSHIP_QUOTA_KEYS],
        [place(r, several_quota) + [r[k] for k in TOWNSHIP_QUOTA_KEYS] for r in quota_rows],
        total_row=any(r["county_code"] == TOTAL for r in quota_rows),
        empty_note="本年度无图斑",
    )

    def ranking(name: str, area_key: str, count_key: str, note: str) -> ReportTable:
        rows = _records(tables[name])
        many = len({r["county_name"] for r in rows}) > 1
        head = [ReportColumn("排名", NUMBER)]
        head += [ReportColumn("县级行政区", TEXT)] if many else []
        head += [
            ReportColumn("乡镇(街道)", TEXT),
            ReportColumn(_header(column(area_key)), AREA),
            ReportColumn(column(count_key).header, COUNT),
        ]
        body = [
            [r["rank"]]
            + ([r["county_name"]] if many else [])
            + [r["township"], r[area_key], r[count_key]]
            for r in rows
        ]
        return ReportTable(head, body, empty_note=note)

    events = None
    if "events" in tables:
        event_rows = _records(tables["events"])
        several_events = (
            len({r["county_code"] for r in event_rows if r["county_code"] != TOTAL}) > 1
        )
        events = ReportTable(
            ([ReportColumn("县级行政区", TEXT)] if several_events else [])
            + [ReportColumn("乡镇(街道)", TEXT)]
            + [ReportColumn(header, column(key).unit) for key, header in EVENT_COLUMNS],
            [place(r, several_events) + [r[key] for key, _h in EVENT_COLUMNS] for r in event_rows],
            total_row=any(r["county_code"] == TOTAL for r in event_rows),
            empty_note="本期无办理事项",
        )

    denominator = stats.denominator
    area_mu = official_mu(denominator.area_m2)
    definitions = [
        Definition(c.header, UNIT_NAMES.get(c.unit, ""), " ".join(c.definition.split()))
        for c in st.definitions()
    ]
    kinds = "、".join(column(k).header for k in overdue_keys)
    definitions.append(
        Definition(
            OVERDUE_TOTAL_HEADER,
            "项",
            f"{OVERDUE_TOTAL_HEADER} = {kinds} 之和（乡镇汇总表；一宗图斑可同时逾期多项）。",
        )
    )
    period = stats.period
    batch = getattr(stats, "batch", None)
    today = getattr(stats, "today", None)
    return MonthlyReport(
        period_label=period.label,
        period_start=period.start.isoformat(),
        period_end=period.end.isoformat(),
        year=int(period.end.year),
        today=today.isoformat() if today is not None else "",
        summary=summary,
        township=township,
        county_flags=county_flags,
        township_quota=township_quota,
        non_agri_ranking=ranking(
            "non_agri_ranking",
            "illegal_cropland_area",
            "illegal_cropland_count",
            "本期无非农化图斑",
        ),
        non_grain_ranking=ranking(
            "non_grain_ranking", "non_grain_area", "non_grain_count", "本期无非粮化图斑"
        ),
        chart=chart,
        events=events if events is not None else ReportTable([]),
        bases=dict(getattr(st, "TABLE_BASIS", {})),
        seeds=seed_sections(stats, columns),
        denominator=DenominatorInfo(
            int(denominator.year),
            area_mu,
            str(denominator.source),
            denominator.source != st.FROM_PLOTS,
        ),
        unit=unit or "",
        batch="" if batch in (None, "") else str(batch),
        plots=int(getattr(stats, "plots", 0) or 0),
        notes=list(stats.notes),
        definitions=definitions,
        generated_at=generated_at,
    )
