"""Sections the verification and close-out reports share: plot table, overlay tables,
photo grid, determination and signature block."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Spacer, Table

from .layout import (
    CELL_PADDING,
    FRAME_HEIGHT,
    FRAME_WIDTH,
    LABEL_BACKGROUND,
    BoldText,
    BuildContext,
    BuildResult,
    ContextMarker,
    FittedImage,
    PageContext,
    PageRange,
    PdfMeta,
    fmt_coord,
    fmt_direction,
    fmt_m2,
    fmt_mu,
    grid_style,
    key_value_table,
    make_context,
    render_pdf,
    section_heading,
    write_atomically,
)
from .models import Determination, OverlayRow, PhotoInfo, PlotInfo, Signatures, sum_rows

LABEL_W = 28.5 * mm
VALUE_W = (FRAME_WIDTH - 2 * LABEL_W) / 2
KV_WIDTHS = [LABEL_W, VALUE_W, LABEL_W, VALUE_W]


def plot_table(ctx: BuildContext, plot: PlotInfo) -> Table:
    place = plot.township if not plot.county else f"{plot.county} {plot.township}".strip()
    centre = "—"
    if plot.center_lon is not None and plot.center_lat is not None:
        centre = f"{fmt_coord(plot.center_lon, 'E', 'W')}，{fmt_coord(plot.center_lat, 'N', 'S')}"
    rows = [
        ["监测批次", plot.batch, "线索来源", plot.clue_source],
        ["监测编号", plot.jcbh, "变化类型", plot.change_type],
        ["乡镇（街道）", place, "村（社区）", plot.village],
        ["前时相", plot.qsx, "后时相", plot.hsx],
        [
            "椭球面积（m²）",
            fmt_m2(plot.area_ellipsoidal_m2, "未计算"),
            "椭球面积（亩）",
            fmt_mu(plot.area_ellipsoidal_m2, "未计算"),
        ],
        ["平面面积（m²）", fmt_m2(plot.area_m2, "未计算"), "中心点坐标", centre],
    ]
    return key_value_table(ctx.styles, rows, KV_WIDTHS)


OVERLAY_WIDTHS = [11 * mm, 19 * mm, 34 * mm, 21 * mm, 27 * mm, 27 * mm, 26 * mm]


def overlay_table(ctx: BuildContext, rows: list[OverlayRow], empty_note: str) -> Table:
    """By class: 序号, 地类编码, 地类名称, 三大类, 平面 m², 椭球 m², 亩, and 合计."""
    s = ctx.styles
    header = [
        "序号",
        "地类编码",
        "地类名称",
        "三大类",
        "平面面积（m²）",
        "椭球面积（m²）",
        "面积（亩）",
    ]
    data = [[s.p(h, s.label) for h in header]]
    ordered = sorted(rows, key=lambda r: (r.class_code, r.class_name))
    for i, row in enumerate(ordered, 1):
        data.append(
            [
                s.p(str(i), s.cell_center),
                s.p(row.class_code, s.cell_center),
                s.p(row.class_name, s.cell),
                s.p(row.group or "—", s.cell_center),
                s.p(fmt_m2(row.planar_m2), s.cell_right),
                s.p(fmt_m2(row.ellipsoidal_m2), s.cell_right),
                s.p(fmt_mu(row.area_m2), s.cell_right),
            ]
        )
    extra = []
    if ordered:
        total = sum_rows(ordered)
        data.append(
            [
                s.p("合计", s.label),
                "",
                "",
                "",
                s.p(fmt_m2(total.planar_m2), s.cell_right),
                s.p(fmt_m2(total.area_m2), s.cell_right),
                s.p(fmt_mu(total.area_m2), s.cell_right),
            ]
        )
        extra += [("SPAN", (0, -1), (3, -1)), ("BACKGROUND", (0, -1), (-1, -1), LABEL_BACKGROUND)]
    else:
        data.append([s.p(empty_note, s.note)] + [""] * 6)
        extra.append(("SPAN", (0, -1), (-1, -1)))
    return s.table(data, colWidths=OVERLAY_WIDTHS, style=grid_style(extra, 1), repeatRows=1)


def layer_table(ctx: BuildContext, rows: list[OverlayRow]) -> Table:
    """Other overlaid layers (生态保护红线, 城镇开发边界…): one row each, in m² and 亩."""
    s = ctx.styles
    header = ["序号", "叠加图层", "平面面积（m²）", "椭球面积（m²）", "面积（亩）"]
    data = [[s.p(h, s.label) for h in header]]
    for i, row in enumerate(rows, 1):
        name = " ".join(x for x in (row.class_code, row.class_name) if x)
        data.append(
            [
                s.p(str(i), s.cell_center),
                s.fitted(name, s.cell, 73 * mm - CELL_PADDING),
                s.p(fmt_m2(row.planar_m2), s.cell_right),
                s.p(fmt_m2(row.ellipsoidal_m2), s.cell_right),
                s.p(fmt_mu(row.area_m2), s.cell_right),
            ]
        )
    widths = [11 * mm, 73 * mm, 27 * mm, 27 * mm, 27 * mm]
    return s.table(data, colWidths=widths, style=grid_style(header_rows=1), repeatRows=1)


def composition_table(
    ctx: BuildContext,
    plot: PlotInfo,
    rows: list[OverlayRow],
    farmland: list[OverlayRow],
    farmland_compared: bool | None = None,
) -> Table:
    """面积构成: plot area, 耕地, 非耕农用地, 建设用地, 未利用地, 永久基本农田 in m² and 亩."""
    s = ctx.styles
    grouped = bool(rows) and all(r.group for r in rows)

    def total(selected: list[OverlayRow], known: bool = True):
        """The official sum; None (printed 未比对) when not compared or a row's
        ellipsoidal area is missing."""
        if not known or any(r.area_m2 is None for r in selected):
            return None
        return sum(r.area_m2 for r in selected)

    values = [
        plot.official_area_m2,
        total([r for r in rows if r.is_cultivated], bool(rows)),
        total([r for r in rows if r.group == "农用地" and not r.is_cultivated], grouped),
        total([r for r in rows if r.group == "建设用地"], grouped),
        total([r for r in rows if r.group == "未利用地"], grouped),
        total(farmland, bool(farmland or rows) if farmland_compared is None else farmland_compared),
    ]
    header = ["项目", "图斑面积", "耕地", "非耕农用地", "建设用地", "未利用地", "永久基本农田"]
    data = [
        [s.p(h, s.label) for h in header],
        [s.p("面积（m²）", s.label)] + [s.p(fmt_m2(v), s.cell_right) for v in values],
        [s.p("面积（亩）", s.label)] + [s.p(fmt_mu(v), s.cell_right) for v in values],
    ]
    widths = [21 * mm] + [(FRAME_WIDTH - 21 * mm) / 6] * 6
    extra = [("BACKGROUND", (0, 0), (0, -1), LABEL_BACKGROUND)]
    return s.table(data, colWidths=widths, style=grid_style(extra, 1))


PHOTO_W = FRAME_WIDTH / 2 - 4 * mm
PHOTO_H = 58 * mm


def photo_caption(ctx: BuildContext, number: int, photo: PhotoInfo, label: str = "照片") -> list:
    s = ctx.styles
    kind = f"（{photo.kind}）" if photo.kind else ""
    lines = [f"{label}{number}{kind}　拍摄时间：{photo.taken_at or '无'}"]
    if photo.lon is not None and photo.lat is not None:
        position = f"{fmt_coord(photo.lon, 'E', 'W')}，{fmt_coord(photo.lat, 'N', 'S')}"
    else:
        position = "无"
    lines.append(f"位置：{position}")
    lines.append(f"拍摄方向：{fmt_direction(photo.direction) or '无'}")
    flowables: list[Flowable] = [s.p("\n".join(lines), s.caption)]
    if photo.description:
        flowables.append(s.p(f"说明：{photo.description}", s.caption))
    for flag in photo.flags:
        flowables.append(s.p(f"【提示】{flag}", s.warning))
    if photo.rules_met:
        flowables.append(s.p(f"符合：{'；'.join(photo.rules_met)}", s.caption))
    if photo.rules_missed:
        flowables.append(s.p(f"不符合或无法判断：{'；'.join(photo.rules_missed)}", s.warning))
    return flowables


def photo_grid(
    ctx: BuildContext, photos: list[PhotoInfo], empty_note: str, label: str = "照片"
) -> Flowable:
    """Two photos a row, each with time, position and direction under it."""
    s = ctx.styles
    if not photos:
        return s.p(empty_note, s.note)
    cells = []
    for i, photo in enumerate(photos, 1):
        missing = "" if photo.path else "照片文件缺失"
        image = FittedImage(s, ctx.images, photo.path, PHOTO_W, PHOTO_H, missing, photo=True)
        cells.append([image, Spacer(1, 2 * mm), *photo_caption(ctx, i, photo, label)])
    if len(cells) % 2:
        cells.append("")
    data = [cells[i : i + 2] for i in range(0, len(cells), 2)]
    style = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 2 * mm),
        ("RIGHTPADDING", (0, 0), (-1, -1), 2 * mm),
        ("TOPPADDING", (0, 0), (-1, -1), 2 * mm),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3 * mm),
        ("ALIGN", (0, 0), (-1, -1), "CENTER"),
    ]
    return s.table(data, colWidths=[FRAME_WIDTH / 2] * 2, style=style)


def determination_table(ctx: BuildContext, determination: Determination | None) -> Flowable:
    s = ctx.styles
    if determination is None:
        return key_value_table(s, [["判定结果", "尚未判定"]], KV_WIDTHS)
    d = determination
    decided = " ".join(x for x in (d.decided_by, d.decided_on) if x)
    rows: list[list] = [
        ["判定类别", d.category, "判定细类", d.subtype],
        ["新增 / 存量", d.new_or_existing, "判定人及日期", decided],
    ]
    if d.evidence:
        for key, value in d.evidence.items():
            rows.append([key, value])
    else:
        rows.append(["判定依据", "无"])
    if d.note:
        rows.append(["说明", d.note])
    return key_value_table(s, rows, KV_WIDTHS)


def signature_block(
    ctx: BuildContext, signatures: Signatures, roles=("核查人", "审核人")
) -> Flowable:
    """核查人 / 审核人 (names typed when known, room to sign), dates, unit and seal."""
    s = ctx.styles
    sig = signatures
    data = [
        [
            s.p(f"{roles[0]}（签字）", s.label),
            s.p(sig.verifier, s.cell),
            s.p("日期", s.label),
            s.p(sig.verifier_date, s.cell_center),
        ],
        [
            s.p(f"{roles[1]}（签字）", s.label),
            s.p(sig.reviewer, s.cell),
            s.p("日期", s.label),
            s.p(sig.reviewer_date, s.cell_center),
        ],
        [s.p("单位（盖章）", s.label), s.p(sig.unit, s.cell), "", ""],
    ]
    extra = [
        ("SPAN", (1, 2), (3, 2)),
        ("BACKGROUND", (0, 0), (0, -1), LABEL_BACKGROUND),
        ("BACKGROUND", (2, 0), (2, 1), LABEL_BACKGROUND),
        ("VALIGN", (1, 0), (1, -1), "TOP"),
    ]
    widths = [32 * mm, 63 * mm, 20 * mm, FRAME_WIDTH - 115 * mm]
    table = s.table(data, colWidths=widths, rowHeights=[15 * mm, 15 * mm, 24 * mm])
    table.setStyle(grid_style(extra))
    return table


KEEP_ROWS_HEIGHT = 45 * mm


def signed_last_section(
    ctx: BuildContext, heading: str, content: Flowable, signature_heading: str, signature
) -> list[Flowable]:
    """The last section and the signature block kept on one page: a signature block
    never stands alone on a page of its own. When the section is too long to share a
    page with it, its last part moves over with the signatures (KeepTogether splits
    only what does not fit)."""
    s = ctx.styles
    return [
        KeepTogether(
            [
                section_heading(s, heading),
                content,
                section_heading(s, signature_heading),
                signature,
            ]
        )
    ]


def titled(ctx: BuildContext, heading: str, *flowables: Flowable) -> list[Flowable]:
    """A heading that starts a new page unless what follows it fits below it, up to the
    first table: the whole table when it is short, else at least KEEP_ROWS_HEIGHT of it
    (and its header rows). A long table may then run on over the page, but a heading is
    never left alone at the foot of a page."""
    title = section_heading(ctx.styles, heading)
    need = title.wrap(FRAME_WIDTH, FRAME_HEIGHT)[1] + title.spaceBefore + title.spaceAfter
    for flowable in flowables:
        height = flowable.wrap(FRAME_WIDTH, FRAME_HEIGHT)[1]
        if isinstance(flowable, Table):
            rows = flowable._rowHeights  # known once wrapped
            need += min(height, max(KEEP_ROWS_HEIGHT, sum(rows[: 1 + flowable.repeatRows])))
            break
        need += height + flowable.getSpaceBefore() + flowable.getSpaceAfter()
    return [CondPageBreak(need + 2), title, *flowables]


def report_opening(
    ctx: BuildContext,
    report,
    title: str,
    unit_label: str,
    case_hash: str | None = None,
    page_title: str | None = None,
) -> list[Flowable]:
    """The first flowables of a plot's report: its page context (header, footer, QR), the
    title, the 监测编号, the issuing unit and the plot table. ``page_title`` replaces the
    report's name in the page header (a dossier's entry)."""
    plot = report.plot
    context = PageContext(
        page_title or title, plot.jcbh, case_hash or report.case_hash(), ctx.generated
    )
    story: list[Flowable] = [
        ContextMarker(context, key=report),
        BoldText(title, ctx.fonts, 18, after=3 * mm),
        ctx.styles.p(f"监测编号：{plot.jcbh}", ctx.styles.subtitle),
    ]
    if report.unit:
        story.append(ctx.styles.p(f"{unit_label}：{report.unit}", ctx.styles.subtitle))
    story.append(Spacer(1, 3 * mm))
    return story + titled(ctx, "一、图斑基本信息", plot_table(ctx, plot))


def build_plot_report(report, output_path, story, title: str, fonts=None, generated_at=None):
    """Write one plot's report PDF from ``story(report, ctx, case_hash)``; raises
    FontMissing (before writing anything) when no CJK font is found."""
    ctx = make_context(fonts, generated_at or report.generated_at, report.lock_root)
    case_hash = report.case_hash()
    meta = PdfMeta(f"{title} {report.plot.jcbh}", report.plot.jcbh, case_hash, report.KIND)
    data, pages = render_pdf(story(report, ctx, case_hash), meta, ctx)
    path, sha = write_atomically(data, output_path)
    return BuildResult(path, pages, sha, case_hash, [PageRange(title, 1, pages)])
