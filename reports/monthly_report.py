"""月报: the monthly figures of the station as a PDF, through the common report layer.

Sections: 一、县级汇总 (every figure of the period, by county); 二、乡镇汇总 (the main
figures per township); 三、乡镇违法面积图 (bars of 违法面积 and 违法占用耕地 by township);
四、县级考核指标 (the accountability year so far: the three flags of seed 001 and which
denominator the 违法占耕比例 used); 五、乡镇考核指标 (the 1:1 quota deduction, the 80 %
returned, 整改到位率 < 50 %); 六、七、the ten townships with most 非农化 and 非粮化 area; then
指标说明 (period, batch, day of the overdue counts, the definition of every figure).

The builder prints a plain :class:`MonthlyReport` (no Qt, no database, no pandas); the
caller fills it with :func:`monthly_report_model` from the figures of
``cases.statistics.compute``. Numbers are printed the way the workbook shows them: 亩 with
two decimals (rounded half up), rates as percentages with two decimals, flags as 是 / 否, a
blank figure (a rate without a denominator) as —. The report hash covers every figure,
the period, the batch, the day of the overdue counts, the unit and the notes; it is
printed in every footer and held by the QR code (``LANDCASE|<统计期间>|<hash>``).
"""

from __future__ import annotations

import datetime as dt
import math
import os
import re
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Any, ClassVar
from xml.sax.saxutils import escape

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import CondPageBreak, Flowable, PageBreak, Paragraph, Spacer

from .fonts import FontSet
from .layout import (
    CELL_PADDING,
    FRAME_HEIGHT,
    FRAME_WIDTH,
    LABEL_BACKGROUND,
    WARNING_TEXT,
    BoldText,
    BuildContext,
    BuildResult,
    ContextMarker,
    PageContext,
    PageRange,
    PdfMeta,
    fmt_area,
    grid_style,
    make_context,
    render_pdf,
    section_heading,
    truncate,
    wrap_cjk,
    write_atomically,
)
from .models import SQUARE_METRES_PER_MU, _HashedReport, _nohash

# Units of a figure (the same words as cases.statistics).
COUNT, AREA, RATE, FLAG, TEXT, NUMBER = "count", "area", "rate", "flag", "text", "number"
YES, NO, BLANK = "是", "否", "—"
TOTAL = "合计"
CHINESE_NUMBERS = "〇一二三四五六七八九十"
GROUP_BACKGROUND = colors.Color(0.86, 0.86, 0.86)
BAR_COLORS = (colors.HexColor("#4472c4"), colors.HexColor("#ed7d31"))
CHART_HEIGHT = 82 * mm


# -- numbers ------------------------------------------------------------------------------


def _missing(value: Any) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def fmt_rate(value: float | None) -> str:
    """A rate as a percentage with two decimals, rounded half up (0.84615 → 84.62%)."""
    if _missing(value):
        return BLANK
    percent = Decimal(repr(float(value))) * 100
    rounded = percent.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    return f"{abs(rounded) if rounded == 0 else rounded:.2f}%"


def cell_text(value: Any, unit: str) -> str:
    """A figure as printed: 亩 with two decimals, rates in %, counts whole, flags 是/否."""
    if _missing(value):
        return BLANK
    if unit == AREA:
        return fmt_area(float(value))
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
    """One township of the bar chart (亩)."""

    township: str
    illegal_area: float
    illegal_cropland_area: float


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
    unit: str = ""  # the station (填报单位)
    batch: str = ""  # "" for every batch
    plots: int = 0
    notes: list[str] = field(default_factory=list)
    definitions: list[Definition] = field(default_factory=list)
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
COUNTY_FLAG_KEYS = (
    "illegal_cropland_area",
    "unrectified_cropland_area",
    "construction_cropland_area",
    "denominator_source",
    "illegal_cropland_ratio",
    "flag_initial_cropland",
    "flag_remaining_cropland",
    "flag_cropland_ratio",
)
TOWNSHIP_QUOTA_KEYS = (
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
            float(r["illegal_area"] or 0.0),
            float(r["illegal_cropland_area"] or 0.0),
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

    denominator = stats.denominator
    area_mu = None if denominator.area_m2 is None else denominator.area_m2 / SQUARE_METRES_PER_MU
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


# -- tables -------------------------------------------------------------------------------

FONT_SIZES = (9.0, 8.5, 8.0, 7.5, 7.0, 6.5)
PREFERRED_SIZES = (9.0, 8.5, 8.0)
MAX_HEADER_LINES = 3
_NO_LINE_START = set("，。、；：！？）》」』】〕”’,.;:!?)%")
_LAST_TOKEN = re.compile(r"[A-Za-z0-9.\-_/:²³°%]+$|\S$")
# Signs the report font may lack, with what prints instead (rather than 〓).
_SUBSTITUTES = {"−": "-", "–": "-", "×": "x", "≤": "<=", "≥": ">="}


def _style(ctx: BuildContext, name: str, size: float, align=TA_LEFT) -> ParagraphStyle:
    return ParagraphStyle(
        name,
        fontName=ctx.fonts.regular,
        fontSize=size,
        leading=round(size * 1.3, 1),
        alignment=align,
        wordWrap="CJK",
    )


def printable(fonts: FontSet, text: str) -> str:
    """``text`` with the signs the font lacks replaced by a plain equivalent (− by -),
    then any other missing character by 〓 (never an empty box)."""
    for sign, plain in _SUBSTITUTES.items():
        if sign in text and not fonts.has_char(sign):
            text = text.replace(sign, plain)
    return fonts.clean(text)


def wrap_lines(text: str, font: str, size: float, width: float) -> list[str]:
    """``wrap_cjk``'s lines, with a line that would start with closing punctuation
    (").", "）") taking the word before it down with it."""
    lines = wrap_cjk(text, font, size, width)
    for i in range(len(lines) - 1):
        following = lines[i + 1]
        if following[:1] in _NO_LINE_START and len(lines[i].strip()) > 1:
            match = _LAST_TOKEN.search(lines[i].rstrip())
            if match and match.start() > 0:
                lines[i] = lines[i].rstrip()[: match.start()].rstrip()
                lines[i + 1] = match.group() + following
    return lines


def header_lines(text: str, font: str, size: float, width: float) -> list[str]:
    """A header in lines of ``width``: broken before an opening bracket first (违法面积 /
    (亩)), a bracketed part joining the line before only when that holds a whole part;
    a part too long for a line breaks where a CJK text may break."""
    if stringWidth(text, font, size) <= width:
        return [text]
    lines: list[str] = []
    whole = False  # the last line holds whole parts only
    for piece in (p for p in re.split(r"(?=[(（])", text) if p):
        if lines and whole and stringWidth(lines[-1] + piece, font, size) <= width:
            lines[-1] += piece
        elif stringWidth(piece, font, size) <= width:
            lines.append(piece)
            whole = True
        else:
            lines += wrap_lines(piece, font, size, width)
            whole = False
    return lines


def header_width(text: str, font: str, size: float, max_lines: int) -> float:
    """The narrowest text width at which ``text`` takes at most ``max_lines`` lines."""
    full = stringWidth(text, font, size)
    width = max(size, full / max_lines)
    while width < full and len(header_lines(text, font, size, width)) > max_lines:
        width += 1.0
    return min(width, full)


def fitted_cell(ctx: BuildContext, text: str, style: ParagraphStyle, width: float, header=False):
    """A paragraph of ``text`` broken into lines of ``width`` points (a column's width
    less its padding) beforehand, so reportlab does not break it again."""
    clean = printable(ctx.fonts, "" if text is None else str(text))
    split = header_lines if header else wrap_lines
    lines = split(clean, style.fontName, style.fontSize, width - CELL_PADDING - 0.05)
    return Paragraph("<br/>".join(escape(line) for line in lines), style)


def fit_widths(
    font: str,
    headers: list[str],
    units: list[str],
    texts: list[list[str]],
    width: float = FRAME_WIDTH,
) -> tuple[float, list[float]]:
    """The font size and column widths of a grid filling ``width``. Every number stays on
    one line. Preferred: the largest of PREFERRED_SIZES at which every header takes two
    lines at most (one up to three characters); else the largest of FONT_SIZES at which
    every header fits in three lines, the room left going to the headers that need it."""
    pad = CELL_PADDING + 1

    def measure(size: float) -> tuple[list[float], list[float], list[float]]:
        """Per column: three header lines, two, and a short header on one line."""
        mins, wants, nicer = [], [], []
        for j, (header, unit) in enumerate(zip(headers, units)):
            widest = max((stringWidth(row[j], font, size) for row in texts), default=0.0)
            if unit == TEXT:  # names wrap, but keep four characters a line
                value_min = min(widest, stringWidth("四个汉字", font, size))
            else:
                value_min = widest
            mins.append(max(value_min, header_width(header, font, size, MAX_HEADER_LINES)))
            wants.append(max(value_min, header_width(header, font, size, 2)))
            short = min(stringWidth(header, font, size), stringWidth("三个字", font, size))
            nicer.append(max(wants[-1], short))
        return [m + pad for m in mins], [w + pad for w in wants], [n + pad for n in nicer]

    for size in PREFERRED_SIZES:
        mins, wants, nicer = measure(size)
        if sum(wants) <= width:
            return size, _spread(wants, nicer, width)
    for size in FONT_SIZES:
        mins, wants, nicer = measure(size)
        if sum(mins) <= width:
            return size, _spread(mins, wants, width)
    return size, [m * width / sum(mins) for m in mins]


def _spread(mins: list[float], wants: list[float], width: float) -> list[float]:
    """Widths from ``mins`` up to ``wants`` (in proportion to what each lacks), then all
    alike, filling ``width``."""
    room = width - sum(mins)
    short = [max(0.0, w - m) for w, m in zip(wants, mins)]
    if sum(short) >= room:
        return [m + s * room / sum(short) for m, s in zip(mins, short)]
    widths = [m + s for m, s in zip(mins, short)]
    left = width - sum(widths)
    return [w + left * w / sum(widths) for w in widths]


def grid_table(ctx: BuildContext, table: ReportTable, width: float = FRAME_WIDTH) -> Flowable:
    """A grid of ``table`` filling ``width``: header row shaded and repeated on each page,
    numbers right-aligned on one line, names wrapped, the 合计 row shaded, 是 in red."""
    s = ctx.styles
    font = ctx.fonts.regular
    headers = [c.header for c in table.columns]
    units = [c.unit for c in table.columns]
    texts = [
        [printable(ctx.fonts, cell_text(v, c.unit)) for v, c in zip(row, table.columns)]
        for row in table.rows
    ]
    size, widths = fit_widths(font, headers, units, texts, width)
    header_style = _style(ctx, "grid_header", size, TA_CENTER)
    text_style = _style(ctx, "grid_text", size)
    center_style = _style(ctx, "grid_center", size, TA_CENTER)
    data: list[list[Any]] = [
        [fitted_cell(ctx, h, header_style, w, header=True) for h, w in zip(headers, widths)]
    ]
    commands: list[tuple] = [
        ("FONTSIZE", (0, 1), (-1, -1), size),
        ("LEADING", (0, 1), (-1, -1), round(size * 1.3, 1)),
    ]
    for j, unit in enumerate(units):
        if unit in (FLAG, NUMBER):
            commands.append(("ALIGN", (j, 1), (j, -1), "CENTER"))
        elif unit != TEXT:
            commands.append(("ALIGN", (j, 1), (j, -1), "RIGHT"))
    last = len(texts)
    for i, row in enumerate(texts, 1):
        is_total = table.total_row and i == last
        cells: list[Any] = []
        for j, (text, unit) in enumerate(zip(row, units)):
            if unit == TEXT:
                style = center_style if is_total else text_style
                cells.append(fitted_cell(ctx, text, style, widths[j]))
            else:
                cells.append(text)
                if unit == FLAG and text == YES:
                    commands.append(("TEXTCOLOR", (j, i), (j, i), WARNING_TEXT))
        data.append(cells)
        if is_total:
            commands.append(("BACKGROUND", (0, i), (-1, i), LABEL_BACKGROUND))
            texts_before = [j for j, u in enumerate(units) if u == TEXT]
            if len(texts_before) > 1 and texts_before == list(range(len(texts_before))):
                commands.append(("SPAN", (0, i), (texts_before[-1], i)))
    if not texts:
        data.append([s.p(table.empty_note, s.note)] + [""] * (len(headers) - 1))
        commands.append(("SPAN", (0, 1), (-1, 1)))
    return s.table(data, colWidths=widths, style=grid_style(commands, 1), repeatRows=1)


def figure_sheet(
    ctx: BuildContext, sheet: FigureSheet, empty_note: str = "无数据"
) -> list[Flowable]:
    """Figures one a row, a column per place; with one place, two figures a row (指标,
    数值, 指标, 数值). Each group starts with a shaded band holding its title."""
    s = ctx.styles
    if not sheet.names:
        return [s.p(empty_note, s.note)]
    label_style = _style(ctx, "sheet_label", 9)
    band_style = _style(ctx, "sheet_band", 9.5, TA_LEFT)
    header_style = _style(ctx, "sheet_header", 9, TA_CENTER)
    size = 9
    commands: list[tuple] = [
        ("FONTSIZE", (0, 1), (-1, -1), size),
        ("LEADING", (0, 1), (-1, -1), round(size * 1.3, 1)),
    ]
    data: list[list[Any]] = []
    if len(sheet.names) == 1:
        label_w = 47 * mm
        value_w = FRAME_WIDTH / 2 - label_w
        widths = [label_w, value_w, label_w, value_w]
        data.append(
            [
                fitted_cell(ctx, h, header_style, w)
                for h, w in zip(("指标", "数值", "指标", "数值"), widths)
            ]
        )
        commands += [
            ("ALIGN", (1, 1), (1, -1), "RIGHT"),
            ("ALIGN", (3, 1), (3, -1), "RIGHT"),
        ]
        for group in sheet.groups:
            if group.title:
                data.append([s.p(group.title, band_style), "", "", ""])
                commands += [
                    ("SPAN", (0, len(data) - 1), (-1, len(data) - 1)),
                    ("BACKGROUND", (0, len(data) - 1), (-1, len(data) - 1), GROUP_BACKGROUND),
                ]
            figures = group.figures
            for k in range(0, len(figures), 2):
                row: list[Any] = []
                for j, figure in enumerate(figures[k : k + 2]):
                    text = printable(ctx.fonts, cell_text(figure.values[0], figure.unit))
                    row += [fitted_cell(ctx, figure.label, label_style, label_w), text]
                    r, c = len(data), 2 * j
                    commands.append(("BACKGROUND", (c, r), (c, r), LABEL_BACKGROUND))
                    if figure.unit == FLAG and text == YES:
                        commands.append(("TEXTCOLOR", (c + 1, r), (c + 1, r), WARNING_TEXT))
                    if figure.unit in (TEXT, FLAG):
                        commands.append(("ALIGN", (c + 1, r), (c + 1, r), "CENTER"))
                row += [""] * (4 - len(row))
                data.append(row)
        return [s.table(data, colWidths=widths, style=grid_style(commands, 1), repeatRows=1)]

    tables: list[Flowable] = []
    per_table = 5
    for start in range(0, len(sheet.names), per_table):
        names = sheet.names[start : start + per_table]
        label_w = 55 * mm
        value_w = (FRAME_WIDTH - label_w) / len(names)
        widths = [label_w] + [value_w] * len(names)
        data = [[fitted_cell(ctx, "指标", header_style, label_w)]]
        data[0] += [fitted_cell(ctx, n, header_style, value_w) for n in names]
        part = list(commands) + [("ALIGN", (1, 1), (-1, -1), "RIGHT")]
        for group in sheet.groups:
            if group.title:
                data.append([s.p(group.title, band_style)] + [""] * len(names))
                r = len(data) - 1
                part += [
                    ("SPAN", (0, r), (-1, r)),
                    ("BACKGROUND", (0, r), (-1, r), GROUP_BACKGROUND),
                ]
            for figure in group.figures:
                r = len(data)
                row = [fitted_cell(ctx, figure.label, label_style, label_w)]
                for j, value in enumerate(figure.values[start : start + per_table], 1):
                    text = printable(ctx.fonts, cell_text(value, figure.unit))
                    row.append(truncate(text, ctx.fonts.regular, size, value_w - CELL_PADDING))
                    if figure.unit == FLAG and text == YES:
                        part.append(("TEXTCOLOR", (j, r), (j, r), WARNING_TEXT))
                    if figure.unit in (TEXT, FLAG):
                        part.append(("ALIGN", (j, r), (j, r), "CENTER"))
                part.append(("BACKGROUND", (0, r), (0, r), LABEL_BACKGROUND))
                data.append(row)
        tables.append(s.table(data, colWidths=widths, style=grid_style(part, 1), repeatRows=1))
        tables.append(Spacer(1, 3 * mm))
    return tables[:-1]


# -- the chart ----------------------------------------------------------------------------


def township_chart(ctx: BuildContext, bars: list[ChartBar]) -> Flowable:
    """违法面积 and 违法占用耕地 (亩) by township, as grouped vertical bars with a legend;
    the values over the bars when there are few townships."""
    s = ctx.styles
    font = ctx.fonts.regular
    if not bars:
        return s.p("本期无图斑", s.note)
    if not any(b.illegal_area > 0 or b.illegal_cropland_area > 0 for b in bars):
        return s.p("本期各乡镇（街道）均无违法用地", s.note)
    count = len(bars)
    slot = FRAME_WIDTH / count
    names = [printable(ctx.fonts, b.township) for b in bars]
    label_size = 8 if count <= 20 else 6.5
    upright = all(stringWidth(n, font, label_size) <= slot - 4 for n in names)
    longest = max(stringWidth(n, font, label_size) for n in names)
    tilted_room = min(longest, 30 * mm) * 0.71 + 4  # 45°
    bottom = 8 * mm if upright else tilted_room + 4 * mm
    drawing = Drawing(FRAME_WIDTH, CHART_HEIGHT)
    drawing.initialFontName = font  # else the renderer sets Helvetica (not embedded)
    chart = VerticalBarChart()
    chart.x = 16 * mm
    chart.y = bottom
    chart.width = FRAME_WIDTH - chart.x - 3 * mm
    chart.height = CHART_HEIGHT - bottom - 14 * mm
    chart.data = [
        [round(b.illegal_area, 2) for b in bars],
        [round(b.illegal_cropland_area, 2) for b in bars],
    ]
    chart.strokeColor = None
    chart.groupSpacing = 6 if count <= 12 else 3
    chart.barSpacing = 1
    for index, color in enumerate(BAR_COLORS):
        chart.bars[index].fillColor = color
        chart.bars[index].strokeColor = None
    axis = chart.categoryAxis
    axis.categoryNames = [n if upright else truncate(n, font, label_size, 30 * mm) for n in names]
    axis.labels.fontName = font
    axis.labels.fontSize = label_size
    axis.labels.dy = -3
    if upright:
        axis.labels.boxAnchor = "n"
    else:
        axis.labels.angle = 45
        axis.labels.boxAnchor = "ne"
        axis.labels.dx = 2
    axis.tickDown = 2
    top = max(max(row) for row in chart.data)
    values = chart.valueAxis
    values.valueMin = 0
    if top <= 0:
        values.valueMax = 1
        values.valueStep = 0.25
    values.labels.fontName = font
    values.labels.fontSize = 8
    values.labelTextFormat = lambda v: f"{v:g}"
    values.visibleGrid = True
    values.gridStrokeColor = colors.Color(0.85, 0.85, 0.85)
    values.gridStrokeWidth = 0.4
    values.forceZero = True
    if count <= 12:
        chart.barLabelFormat = fmt_area
        chart.barLabels.fontName = font
        chart.barLabels.fontSize = 6.5 if count > 6 else 7.5
        chart.barLabels.nudge = 5
        chart.barLabels.boxAnchor = "s"
        chart.barLabels.dy = -1
    drawing.add(chart)
    drawing.add(
        String(
            chart.x - 3,
            chart.y + chart.height + 6,
            "亩",
            fontName=font,
            fontSize=8,
            textAnchor="end",
        )
    )
    legend = Legend()
    legend.fontName = font
    legend.fontSize = 8.5
    legend.alignment = "right"
    legend.columnMaximum = 1
    legend.deltax = 62
    legend.dxTextSpace = 4
    legend.dx = 9
    legend.dy = 7
    legend.boxAnchor = "ne"
    legend.x = FRAME_WIDTH - 2 * mm - 150
    legend.y = CHART_HEIGHT - 2 * mm
    legend.colorNamePairs = [(BAR_COLORS[0], "违法面积"), (BAR_COLORS[1], "违法占用耕地面积")]
    legend.strokeColor = None
    drawing.add(legend)
    drawing.hAlign = "CENTER"
    return drawing


# -- the report ---------------------------------------------------------------------------


def _heading(number: int, title: str) -> str:
    return f"{CHINESE_NUMBERS[number]}、{title}"


def _section(ctx: BuildContext, heading: str, *flowables: Flowable, keep: float = 45 * mm):
    """A heading kept with at least ``keep`` of what follows (all of it when shorter)."""
    title = section_heading(ctx.styles, heading)
    need = title.wrap(FRAME_WIDTH, FRAME_HEIGHT)[1] + title.spaceBefore + title.spaceAfter
    following = 0.0
    for flowable in flowables:
        following += flowable.wrap(FRAME_WIDTH, FRAME_HEIGHT)[1] + flowable.getSpaceBefore()
    return [CondPageBreak(need + min(following, keep) + 2), title, *flowables]


def denominator_text(report: MonthlyReport) -> str:
    d = report.denominator
    area = fmt_area(d.area_mu)
    if d.entered:
        return (
            f"违法占耕比例的分母：{d.year}年新增建设用地占用耕地总面积 {area} 亩，"
            f"为录入数值（来源：{d.source}）。"
        )
    return (
        f"违法占耕比例的分母：由图斑计算的{d.year}年新增建设用地占用耕地面积 {area} 亩"
        f"（未录入{d.year}年新增建设用地占用耕地总面积）。"
    )


def monthly_story(report: MonthlyReport, ctx: BuildContext, case_hash: str) -> list[Flowable]:
    s = ctx.styles
    context = PageContext(
        report.title, report.period_label, case_hash, ctx.generated, identifier_label="统计期间"
    )
    story: list[Flowable] = [
        ContextMarker(context, key=report),
        BoldText(report.title, ctx.fonts, 18, after=3 * mm),
    ]
    if report.unit:
        story.append(s.p(f"填报单位：{report.unit}", s.subtitle))
    story.append(
        s.p(
            f"统计期间：{report.period_start}至{report.period_end}　　"
            f"监测批次：{report.batch or '全部'}　　逾期计算日：{report.today}",
            s.subtitle,
        )
    )
    story.append(s.p(f"生成时间：{ctx.generated}", s.subtitle))
    story.append(Spacer(1, 3 * mm))

    year_span = f"{report.year}年1月1日至{report.period_end}"
    names = report.summary.names
    place = f"（{names[0]}）" if len(names) == 1 else ""
    story += _section(
        ctx,
        _heading(1, f"县级汇总{place}"),
        s.p(f"本期登记图斑 {report.plots} 个；面积单位：亩。", s.small),
        Spacer(1, 1.5 * mm),
        *figure_sheet(ctx, report.summary),
    )
    story += _section(ctx, _heading(2, "乡镇汇总"), grid_table(ctx, report.township), keep=40 * mm)
    chart = township_chart(ctx, report.chart)
    caption = "图1　各乡镇（街道）本期违法面积与违法占用耕地面积（亩）"
    parts = [chart, Spacer(1, 1 * mm), s.p(caption, s.caption_center)]
    story += _section(
        ctx,
        _heading(3, "乡镇违法面积图"),
        *(parts if isinstance(chart, Drawing) else [chart]),
        keep=CHART_HEIGHT + 10 * mm,
    )
    story += _section(
        ctx,
        _heading(4, f"县级考核指标（{year_span}）"),
        *figure_sheet(ctx, report.county_flags, "本年度无图斑"),
        Spacer(1, 1.5 * mm),
        s.p(denominator_text(report), s.small),
    )
    story += _section(
        ctx,
        _heading(5, f"乡镇考核指标（{year_span}）"),
        grid_table(ctx, report.township_quota),
    )
    story += _section(
        ctx, _heading(6, "非农化面积前十乡镇（本期）"), grid_table(ctx, report.non_agri_ranking)
    )
    story += _section(
        ctx, _heading(7, "非粮化面积前十乡镇（本期）"), grid_table(ctx, report.non_grain_ranking)
    )
    story += [PageBreak(), section_heading(s, "指标说明")]
    for note in report.notes:
        story.append(s.p(f"· {note}", s.small))
    story.append(Spacer(1, 3 * mm))
    story.append(definitions_table(ctx, report.definitions))
    return story


def definitions_table(ctx: BuildContext, definitions: list[Definition]) -> Flowable:
    s = ctx.styles
    size = 8.5
    label = _style(ctx, "def_label", size)
    center = _style(ctx, "def_center", size, TA_CENTER)
    text = _style(ctx, "def_text", size)
    header = _style(ctx, "def_header", 9, TA_CENTER)
    widths = [40 * mm, 13 * mm, FRAME_WIDTH - 53 * mm]
    data: list[list[Any]] = [
        [fitted_cell(ctx, h, header, w) for h, w in zip(("指标", "单位", "定义"), widths)]
    ]
    for d in definitions:
        data.append(
            [
                fitted_cell(ctx, d.label, label, widths[0]),
                fitted_cell(ctx, d.unit, center, widths[1]),
                fitted_cell(ctx, d.text, text, widths[2]),
            ]
        )
    commands = [("VALIGN", (0, 1), (-1, -1), "TOP")]
    return s.table(data, colWidths=widths, style=grid_style(commands, 1), repeatRows=1)


def build_monthly_report(
    report: MonthlyReport,
    output_path: str | os.PathLike,
    *,
    fonts: FontSet | None = None,
    generated_at: dt.datetime | None = None,
) -> BuildResult:
    """Write the 月报 PDF; raises FontMissing (before writing) with no CJK font."""
    ctx = make_context(fonts, generated_at or report.generated_at)
    case_hash = report.case_hash()
    story = monthly_story(report, ctx, case_hash)
    meta = PdfMeta(report.title, report.period_label, case_hash, report.KIND, author=report.unit)
    data, pages = render_pdf(story, meta, ctx)
    path, sha = write_atomically(data, output_path)
    return BuildResult(path, pages, sha, case_hash, [PageRange(report.title, 1, pages)])


__all__ = [
    "ChartBar",
    "DenominatorInfo",
    "Definition",
    "Figure",
    "FigureGroup",
    "FigureSheet",
    "MonthlyReport",
    "ReportColumn",
    "ReportTable",
    "build_monthly_report",
    "cell_text",
    "fmt_rate",
    "monthly_report_model",
]
