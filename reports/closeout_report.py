"""销号报告: the close-out report of one plot.

Sections: 一、图斑基本信息; 二、判定及查处情况; 三、整改情况 (task list date and the deadline
60 days after it, each measure with its area, the areas demolished / restored / legalised
and the rectified total in m² and 亩); 四、复核情况 with the re-inspection photos; 五、销号
情况 (joint re-check result, who closed it and when, the close-out note) kept on one page
with 六、签字.
"""

from __future__ import annotations

import datetime as dt
import os

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table

from ..cases.areas import mu_definition_text
from .fonts import FontSet
from .layout import (
    FRAME_WIDTH,
    LABEL_BACKGROUND,
    BuildContext,
    BuildResult,
    fmt_m2,
    fmt_mu,
    grid_style,
    key_value_table,
)
from .models import CloseOutReport
from .sections import (
    KV_WIDTHS,
    build_plot_report,
    photo_grid,
    report_opening,
    signature_block,
    signed_last_section,
    titled,
)

TITLE = "卫片执法图斑整改销号报告"  # a patrol find's: 违法用地巡查图斑整改销号报告 (report_title())
NOT_RECORDED = "—"
RULE_NOTE = (
    "整改面积合计 = max(拆除面积, 复耕面积) + 补办手续面积：拆除与复耕是同一地块上先后"
    f"采取的措施，只计一次。{mu_definition_text()}。"
)


def report_title(report: CloseOutReport) -> str:
    """The report's title after the plot's clue source (models.report_line)."""
    return f"{report.plot.report_line}图斑整改销号报告"


def measure_rows(r) -> list[tuple[str, float | None, bool]]:
    """Each measure with the area it covers: (name, m², has an area). 拆除复耕 is two
    steps on the same ground (拆除, 复耕); 没收 and 罚款 cover no area."""
    rows: list[tuple[str, float | None, bool]] = []
    for measure in [m for m in r.measures.split("、") if m.strip()]:
        if measure == "拆除复耕":
            rows += [("拆除", r.demolished_m2, True), ("复耕", r.restored_m2, True)]
        elif measure == "补办手续":
            rows.append(("补办手续", r.legalised_m2, True))
        else:
            rows.append((measure, None, False))
    return rows


def measures_table(ctx: BuildContext, report: CloseOutReport) -> Table:
    """整改措施 one row each, with its area in m² and 亩."""
    s = ctx.styles
    data = [[s.p(h, s.label) for h in ("序号", "整改措施", "面积（m²）", "面积（亩）")]]
    rows = measure_rows(report.rectification)
    for i, (name, area, has_area) in enumerate(rows, 1):
        missing = "未填报" if has_area else "不涉及面积"
        data.append(
            [
                s.p(str(i), s.cell_center),
                s.p(name, s.cell),
                s.p(fmt_m2(area, missing), s.cell_right),
                s.p(fmt_mu(area, missing), s.cell_right),
            ]
        )
    extra = []
    if not rows:
        data.append([s.p("未录入整改措施", s.note), "", "", ""])
        extra.append(("SPAN", (0, -1), (-1, -1)))
    widths = [14 * mm, 66 * mm, (FRAME_WIDTH - 80 * mm) / 2, (FRAME_WIDTH - 80 * mm) / 2]
    return s.table(data, colWidths=widths, style=grid_style(extra, 1), repeatRows=1)


def rectified_area_table(ctx: BuildContext, report: CloseOutReport) -> Table:
    """图斑面积 (椭球), 拆除, 复耕, 补办手续 and 整改面积合计, in m² and 亩."""
    s = ctx.styles
    r = report.rectification
    values = [
        report.plot.official_area_m2,
        r.demolished_m2,
        r.restored_m2,
        r.legalised_m2,
        r.rectified_m2,
    ]
    missing = ["未计算"] + [NOT_RECORDED] * 4
    header = ["项目", "图斑面积", "拆除面积", "复耕面积", "补办手续面积", "整改面积合计"]
    data = [
        [s.p(h, s.label) for h in header],
        [s.p("面积（m²）", s.label)]
        + [s.p(fmt_m2(v, m), s.cell_right) for v, m in zip(values, missing)],
        [s.p("面积（亩）", s.label)]
        + [s.p(fmt_mu(v, m), s.cell_right) for v, m in zip(values, missing)],
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
    story = report_opening(ctx, report, report_title(report), "报告单位", case_hash, page_title)

    d = report.determination
    rows: list[list] = [
        ["判定类别", d.category if d else "", "判定细类", d.subtype if d else ""],
        ["新增 / 存量", d.new_or_existing if d else "", "立案号", report.filing_number],
        ["整改责任单位", report.responsible_unit],
    ]
    story += titled(ctx, "二、判定及查处情况", key_value_table(s, rows, KV_WIDTHS))

    r = report.rectification
    rows = [["任务下达日期", r.task_listed_on, "整改期限", r.deadline]]
    if r.note:
        rows.append(["备注", r.note])
    story += titled(
        ctx,
        "三、整改情况",
        key_value_table(s, rows, KV_WIDTHS),
        Spacer(1, 3 * mm),
        KeepTogether(
            [s.p("（一）整改措施及面积", s.small), Spacer(1, 1.5 * mm), measures_table(ctx, report)]
        ),
        Spacer(1, 3 * mm),
        KeepTogether(
            [
                s.p("（二）整改面积", s.small),
                Spacer(1, 1.5 * mm),
                rectified_area_table(ctx, report),
                Spacer(1, 1.5 * mm),
                s.p(RULE_NOTE, s.caption),
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
        ["销号说明", c.note or "—"],
    ]
    story += signed_last_section(
        ctx,
        "五、销号情况",
        key_value_table(s, rows, KV_WIDTHS),
        "六、签字",
        signature_block(ctx, report.signatures, roles=("经办人", "审核人")),
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
    return build_plot_report(
        report, output_path, closeout_story, report_title(report), fonts, generated_at
    )
