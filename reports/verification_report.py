"""核查报告: the verification report of one plot.

Sections: 一、图斑基本信息 (attributes table); 二、区位图与前后时相影像 (location map, before
and after images, or a note where a layer was not assigned); 三、叠加分析 (by land-use
class, the area make-up with 耕地 and 永久基本农田); 四、外业核查情况; 五、现场照片 (time,
position, direction); 六、合法性判定 with its evidence; 七、签字.
"""

from __future__ import annotations

import datetime as dt
import os

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer

from ..cases.areas import mu_definition_text
from .fonts import FontSet
from .layout import (
    FRAME_WIDTH,
    IMAGE_DPI,
    BuildContext,
    BuildResult,
    FittedImage,
    key_value_table,
)
from .models import MapImage, VerificationReport
from .sections import (
    KV_WIDTHS,
    build_plot_report,
    composition_table,
    determination_table,
    layer_table,
    overlay_table,
    photo_grid,
    report_opening,
    signature_block,
    signed_last_section,
    titled,
)

TITLE = "卫片执法图斑核查报告"  # a patrol find's: 违法用地巡查图斑核查报告 (report_title())


def report_title(report: VerificationReport) -> str:
    """The report's title after the plot's clue source (models.report_line)."""
    return f"{report.plot.report_line}图斑核查报告"


CHINESE_NUMBERS = "〇一二三四五六七八九十"
LOCATION_MAP_HEIGHT = 88 * mm
SIDE_MAP_SIZE = FRAME_WIDTH / 2 - 4 * mm


def map_pixel_size(kind: str, dpi: int = IMAGE_DPI) -> tuple[int, int]:
    """The largest picture the report prints for ``kind`` ("location", "before",
    "after"), in pixels at ``dpi``: the map renderer renders at this size, so that
    nothing is resampled and its scale bar and labels print at the size it chose. A
    picture of another shape is fitted into the box (aspect kept)."""
    width, height = (
        (FRAME_WIDTH, LOCATION_MAP_HEIGHT) if kind == "location" else (SIDE_MAP_SIZE,) * 2
    )
    return round(width / 72 * dpi), round(height / 72 * dpi)


def _map_cell(ctx: BuildContext, image: MapImage, default_caption: str, w: float, h: float):
    s = ctx.styles
    note = image.note or "未生成此图"
    picture = FittedImage(s, ctx.images, image.path, w, h, note=note)
    caption = image.caption or default_caption
    return [picture, Spacer(1, 1.5 * mm), s.p(caption, s.caption_center)]


def maps_section(ctx: BuildContext, report: VerificationReport) -> list[Flowable]:
    plot, maps = report.plot, report.maps
    location = ctx.styles.table(
        [[_map_cell(ctx, maps.location, "图1　区位图", FRAME_WIDTH, LOCATION_MAP_HEIGHT)]],
        colWidths=[FRAME_WIDTH],
        style=[
            ("ALIGN", (0, 0), (-1, -1), "CENTER"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ],
    )
    before = f"图2　前时相影像（{plot.qsx}）" if plot.qsx else "图2　前时相影像"
    after = f"图3　后时相影像（{plot.hsx}）" if plot.hsx else "图3　后时相影像"
    pair = ctx.styles.table(
        [
            [
                _map_cell(ctx, maps.before, before, SIDE_MAP_SIZE, SIDE_MAP_SIZE),
                _map_cell(ctx, maps.after, after, SIDE_MAP_SIZE, SIDE_MAP_SIZE),
            ]
        ],
        colWidths=[FRAME_WIDTH / 2] * 2,
        style=[
            ("ALIGN", (0, 0), (-1, -1), "CENTER"),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ],
    )
    return titled(ctx, "二、区位图与前后时相影像", location, Spacer(1, 3 * mm), pair)


def verification_story(
    report: VerificationReport,
    ctx: BuildContext,
    case_hash: str | None = None,
    page_title: str | None = None,
) -> list[Flowable]:
    """The report's flowables, starting with its page context (header, footer, QR);
    ``page_title`` replaces the report's name in the page header (a dossier's entry)."""
    s = ctx.styles
    plot = report.plot
    story = report_opening(ctx, report, report_title(report), "核查单位", case_hash, page_title)
    story += maps_section(ctx, report)
    story += titled(
        ctx,
        "三、叠加分析",
        s.p(f"（一）按地类统计（亩数按椭球面积折算，{mu_definition_text()}）", s.small),
        Spacer(1, 1.5 * mm),
        overlay_table(ctx, report.overlay, "未进行叠加分析"),
    )
    composition = composition_table(
        ctx, plot, report.overlay, report.farmland, report.farmland_compared
    )
    parts = [("面积构成", composition)]
    if report.farmland:
        parts.append(("压占永久基本农田", overlay_table(ctx, report.farmland, "")))
    if report.other_layers:
        parts.append(("其他叠加图层", layer_table(ctx, report.other_layers)))
    for number, (title, table) in enumerate(parts, 2):
        story += [
            Spacer(1, 3 * mm),
            KeepTogether(
                [s.p(f"（{CHINESE_NUMBERS[number]}）{title}", s.small), Spacer(1, 1.5 * mm), table]
            ),
        ]
    v = report.verification
    rows: list[list] = [
        ["现场状态", v.site_status, "建设时间", v.construction_date],
        ["用地主体", v.land_user, "实际用途", v.actual_use],
        ["核查人", v.verifier, "核查日期", v.verified_on],
        ["核查情况说明", v.description or "—"],
    ]
    story += titled(ctx, "四、外业核查情况", key_value_table(s, rows, KV_WIDTHS))
    photos: list[Flowable] = [photo_grid(ctx, report.photos, "无现场照片")]
    if report.photo_rules:  # the set against the station's photo rules, under the photos
        photos += [Spacer(1, 1.5 * mm), s.p(report.photo_rules, s.small)]
    story += titled(ctx, "五、现场照片", *photos)
    story += signed_last_section(
        ctx,
        "六、合法性判定",
        determination_table(ctx, report.determination),
        "七、签字",
        signature_block(ctx, report.signatures),
    )
    return story


def build_verification_report(
    report: VerificationReport,
    output_path: str | os.PathLike,
    *,
    fonts: FontSet | None = None,
    generated_at: dt.datetime | None = None,
) -> BuildResult:
    """Write the 核查报告 PDF; raises FontMissing (before writing) with no CJK font."""
    return build_plot_report(
        report, output_path, verification_story, report_title(report), fonts, generated_at
    )
