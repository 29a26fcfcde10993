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
import os
from typing import Any

from reportlab.graphics.shapes import Drawing
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, PageBreak, Spacer

from .fonts import FontSet
from .layout import (
    FRAME_HEIGHT,
    FRAME_WIDTH,
    BoldText,
    BuildContext,
    BuildResult,
    ContextMarker,
    PageContext,
    PageRange,
    PdfMeta,
    grid_style,
    make_context,
    render_pdf,
    section_heading,
    write_atomically,
)
from .monthly_model import (  # noqa: F401 (the 月报's public names, as before the split)
    AREA,
    BLANK,
    COUNT,
    FLAG,
    NO,
    NUMBER,
    RATE,
    TEXT,
    TOTAL,
    YES,
    ChartBar,
    Definition,
    DenominatorInfo,
    Figure,
    FigureGroup,
    FigureSheet,
    MonthlyReport,
    ReportColumn,
    ReportTable,
    area_text,
    cell_text,
    fmt_rate,
    monthly_report_model,
)
from .monthly_tables import (  # noqa: F401
    CHART_HEIGHT,
    _style,
    figure_sheet,
    fit_widths,
    fitted_cell,
    grid_table,
    header_lines,
    header_width,
    printable,
    township_chart,
    wrap_lines,
)

CHINESE_NUMBERS = "〇一二三四五六七八九十"


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


RATE_DEFINITION = (
    "整改到位率 =（已整改到位宗数 + 非立案处理宗数）÷ 违法宗数；非立案处理指未立案且经复核"
    "整改到位的违法案件，仅移交而未整改到位的不计为到位。"
)


def basis(report: MonthlyReport, table: str) -> str:
    """What a table counts ("统计口径：…。"), or "" when the model does not say."""
    text = report.bases.get(table, "")
    return f"统计口径：{text}。" if text else ""


def denominator_text(report: MonthlyReport) -> str:
    d = report.denominator
    area = area_text(d.area_mu)
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
        s.p(
            f"本期登记图斑 {report.plots} 个；面积单位：亩（椭球面积）。" + basis(report, "county"),
            s.small,
        ),
        Spacer(1, 1.5 * mm),
        *figure_sheet(ctx, report.summary),
    )
    story += _section(
        ctx,
        _heading(2, "乡镇汇总"),
        s.p(basis(report, "township"), s.small),
        grid_table(ctx, report.township),
        keep=40 * mm,
    )
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
        s.p(basis(report, "township_quota") + RATE_DEFINITION, s.small),
        grid_table(ctx, report.township_quota),
    )
    story += _section(
        ctx, _heading(6, "非农化面积前十乡镇（本期）"), grid_table(ctx, report.non_agri_ranking)
    )
    story += _section(
        ctx, _heading(7, "非粮化面积前十乡镇（本期）"), grid_table(ctx, report.non_grain_ranking)
    )
    if report.events.columns:
        story += _section(
            ctx,
            _heading(8, "本期办理情况（按发生日期）"),
            s.p(basis(report, "events"), s.small),
            grid_table(ctx, report.events),
        )
    for number, section in enumerate(report.seeds, start=9):
        story += _section(
            ctx,
            _heading(number, section.title),
            s.p(section.note, s.small),
            grid_table(ctx, section.table),
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
    ctx = make_context(fonts, generated_at or report.generated_at, report.lock_root)
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
