"""销号报告: the close-out report of one plot.

Sections: 一、图斑基本信息; 二、判定及查处情况; 三、整改情况 (measures, areas demolished /
restored / legalised in m² and 亩); 四、复核情况 with the re-inspection photos; 五、销号情况
(joint re-check, who closed it and when); 六、签字.
"""

from __future__ import annotations

import datetime as dt
import os

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table

from .fonts import FontSet
from .layout import (
    FRAME_WIDTH,
    LABEL_BACKGROUND,
    BuildContext,
    BuildResult,
    fmt_area,
    grid_style,
    key_value_table,
    section_heading,
)
from .models import CloseOutReport, mu
from .sections import (
    KV_WIDTHS,
    build_plot_report,
    photo_grid,
    report_opening,
    signature_block,
    titled,
)

TITLE = "卫片执法图斑整改销号报告"


def rectified_area_table(ctx: BuildContext, report: CloseOutReport) -> Table:
    """图斑面积, 拆除, 复耕（恢复）, 完善手续 and their sum, in m² and 亩."""
    s = ctx.styles
    r = report.rectification
    values = [
        report.plot.official_area_m2,
        r.demolished_m2,
        r.restored_m2,
        r.legalised_m2,
        r.rectified_m2,
    ]
    header = ["项目", "图斑面积", "拆除面积", "复耕面积", "完善手续面积", "整改面积合计"]
    data = [
        [s.p(h, s.label) for h in header],
        [s.p("面积（m²）", s.label)] + [s.p(fmt_area(v), s.cell_right) for v in values],
        [s.p("面积（亩）", s.label)] + [s.p(fmt_area(mu(v)), s.cell_right) for v in values],
    ]
    widths = [21 * mm] + [(FRAME_WIDTH - 21 * mm) / 5] * 5
    return s.table(
        data,
        colWidths=widths,
        style=grid_style([("BACKGROUND", (0, 0), (0, -1), LABEL_BACKGROUND)], 1),
    )


def closeout_story(
    report: CloseOutReport,
    ctx: BuildContext,
    case_hash: str | None = None,
    page_title: str | None = None,
) -> list[Flowable]:
    """The report's flowables, starting with its page context (header, footer, QR);
    ``page_title`` replaces the report's name in the page header (a dossier's entry)."""
    s = ctx.styles
    story = report_opening(ctx, report, TITLE, "报告单位", case_hash, page_title)

    d = report.determination
    rows: list[list] = [
        ["判定类别", d.category if d else "", "判定细类", d.subtype if d else ""],
        ["新增 / 存量", d.new_or_existing if d else "", "立案号", report.filing_number],
        ["整改责任单位", report.responsible_unit],
    ]
    story += titled(ctx, "二、判定及查处情况", key_value_table(s, rows, KV_WIDTHS))

    r = report.rectification
    rows = [
        ["整改措施", r.measures or "—"],
        ["任务下达日期", r.task_listed_on, "整改期限", r.deadline],
    ]
    if r.note:
        rows.append(["备注", r.note])
    story += titled(
        ctx,
        "三、整改情况",
        key_value_table(s, rows, KV_WIDTHS),
        Spacer(1, 3 * mm),
        KeepTogether(
            [
                s.p("整改面积（1 亩 = 666.67 m²）", s.small),
                Spacer(1, 1.5 * mm),
                rectified_area_table(ctx, report),
            ]
        ),
    )

    rows = [
        ["复核日期", r.reinspected_on, "复核人", r.reinspected_by],
        ["复核结果", r.reinspection_result or "—"],
    ]
    story += titled(
        ctx,
        "四、复核情况",
        key_value_table(s, rows, KV_WIDTHS),
        Spacer(1, 2 * mm),
        photo_grid(ctx, r.reinspection_photos, "无复核照片", label="复核照片"),
    )

    c = report.closeout
    rows = [
        ["联合复核结果", c.joint_recheck_result or "—"],
        ["销号人", c.closed_by, "销号日期", c.closed_on],
    ]
    if c.note:
        rows.append(["备注", c.note])
    story += titled(ctx, "五、销号情况", key_value_table(s, rows, KV_WIDTHS))
    story.append(
        KeepTogether(
            [
                section_heading(s, "六、签字"),
                signature_block(ctx, report.signatures, roles=("经办人", "审核人")),
            ]
        )
    )
    return story


def build_closeout_report(
    report: CloseOutReport,
    output_path: str | os.PathLike,
    *,
    fonts: FontSet | None = None,
    generated_at: dt.datetime | None = None,
) -> BuildResult:
    """Write the 销号报告 PDF; raises FontMissing (before writing) with no CJK font."""
    return build_plot_report(report, output_path, closeout_story, TITLE, fonts, generated_at)
