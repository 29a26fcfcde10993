"""土地巡查报告: the daily and monthly patrol reports of a day or a month as a PDF.

Prints the tables of ``cases.patrol_tables.patrol_report`` (monthly reports, daily reports
per unit, per township, units that did not report, zones not visited at their level's
frequency, the breaches) through the common report layer: A4 pages numbered, the report's
hash in every footer and in the QR code (``LANDCASE|<统计期间>|<hash>``). The units × days
table of a month is left to the workbook (31 columns do not fit a page); a day's is printed.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, Spacer

from ..cases.patrol_tables import PatrolReport
from .fonts import FontSet
from .layout import (
    BoldText,
    BuildResult,
    ContextMarker,
    PageContext,
    PageRange,
    PdfMeta,
    make_context,
    render_pdf,
    section_heading,
    write_atomically,
)
from .monthly_model import ReportColumn, ReportTable
from .monthly_tables import grid_table

KIND = "patrol_report"
CHINESE_NUMBERS = "〇一二三四五六七八九十"
# Columns the printed breaches leave out (the workbook keeps them): the page is narrow.
_NOT_PRINTED = {"breaches": ("依据", "乡镇")}


def report_hash(report: PatrolReport) -> str:
    """SHA-256 (first 16 hex digits) of everything the report prints."""
    content = {
        "period": report.period,
        "today": report.today.isoformat(),
        "tables": [[t.key, t.columns, t.rows] for t in report.tables],
        "notes": report.notes,
    }
    text = json.dumps(content, ensure_ascii=False, sort_keys=True, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def _printed_table(table) -> ReportTable:
    left_out = _NOT_PRINTED.get(table.key, ())
    keep = [i for i, (header, _unit) in enumerate(table.columns) if header not in left_out]
    return ReportTable(
        [ReportColumn(table.columns[i][0], table.columns[i][1]) for i in keep],
        [[row[i] for i in keep] for row in table.rows],
        empty_note=table.empty_note,
    )


def patrol_story(report: PatrolReport, ctx, report_sha: str, unit: str = "") -> list[Flowable]:
    s = ctx.styles
    context = PageContext(
        report.title, report.period, report_sha, ctx.generated, identifier_label="统计期间"
    )
    story: list[Flowable] = [
        ContextMarker(context, key=report),
        BoldText(report.title, ctx.fonts, 18, after=3 * mm),
    ]
    if unit:
        story.append(s.p(f"填报单位：{unit}", s.subtitle))
    story.append(
        s.p(
            f"统计期间：{report.start.isoformat()}至{report.end.isoformat()}　　"
            f"逾期计算日：{report.today.isoformat()}",
            s.subtitle,
        )
    )
    story.append(s.p(f"生成时间：{ctx.generated}", s.subtitle))
    story.append(Spacer(1, 3 * mm))
    number = 0
    for table in report.tables:
        if not table.printed:
            continue
        number += 1
        story += [
            CondPageBreak(40 * mm),
            section_heading(s, f"{CHINESE_NUMBERS[number]}、{table.title}"),
            grid_table(ctx, _printed_table(table)),
        ]
    story += [CondPageBreak(30 * mm), section_heading(s, "说明")]
    for note in report.notes:
        story.append(s.p(f"· {note}", s.small))
    return story


def build_patrol_report(
    report: PatrolReport,
    output_path: str | os.PathLike,
    *,
    unit: str = "",
    fonts: FontSet | None = None,
    generated_at: dt.datetime | None = None,
) -> BuildResult:
    """Write the patrol report PDF; raises FontMissing (before writing) with no CJK font."""
    ctx = make_context(fonts, generated_at)
    report_sha = report_hash(report)
    story = patrol_story(report, ctx, report_sha, unit)
    meta = PdfMeta(report.title, report.period, report_sha, KIND, author=unit)
    data, pages = render_pdf(story, meta, ctx)
    path, sha = write_atomically(data, output_path)
    return BuildResult(path, pages, sha, report_sha, [PageRange(report.title, 1, pages)])
