"""The 月报's tables and chart: fitting a grid table to the page (font size, header lines,
column widths), the figure sheets (one figure a row) and the township bar chart."""

from __future__ import annotations

import re
from typing import Any
from xml.sax.saxutils import escape

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph, Spacer

from .fonts import FontSet
from .layout import (
    CELL_PADDING,
    FRAME_WIDTH,
    LABEL_BACKGROUND,
    WARNING_TEXT,
    BuildContext,
    grid_style,
    truncate,
    wrap_cjk,
)
from .monthly_model import (
    FLAG,
    NUMBER,
    TEXT,
    YES,
    ChartBar,
    FigureSheet,
    ReportTable,
    area_text,
    cell_text,
)

GROUP_BACKGROUND = colors.Color(0.86, 0.86, 0.86)
BAR_COLORS = (colors.HexColor("#4472c4"), colors.HexColor("#ed7d31"))
CHART_HEIGHT = 82 * mm


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
    series = [[b.illegal_area for b in bars], [b.illegal_cropland_area for b in bars]]
    known = [v for row in series for v in row if v is not None]
    if not any(v > 0 for v in known) and len(known) == 2 * len(bars):
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
    chart.data = [[0.0 if v is None else v for v in row] for row in series]  # printed 亩
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
        chart.barLabelFormat = "values"  # 未比对 over a bar not computed, never 0.00
        chart.barLabelArray = [[area_text(v) for v in row] for row in series]
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
