"""抄告单: a notification printed from the record: its 文号, the recipients, the facts,
each recipient's deadline (``clocks.recipient_due`` through ``stop_documents``), and a
reply slip (回执) per recipient to be returned with the reply."""

from __future__ import annotations

import datetime as dt
import os

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, KeepTogether, Spacer

from ..cases.stop_documents import NotificationSheetData, content_hash
from .fonts import FontSet
from .layout import FRAME_WIDTH, BuildResult, grid_style, key_value_table, section_heading
from .record_pdf import build_record_pdf, chinese_date, new_context, opening, seal_lines
from .sections import KV_WIDTHS

TITLE = "违法用地抄告单"
KIND = "notification_sheet"
NO_NUMBER = "（未编号）"
REPLY_NOTE = (
    "请各单位按上表期限依职权处置或协助处置到位，并将处置情况填写下方回执函复"
    "（启政办发〔2020〕32号：各相关部门和单位要在5个工作日内处置或协助处置到位，"
    "并将情况函复自然资源部门）。"
)


def deadline_table(ctx, data: NotificationSheetData):
    s = ctx.styles
    rows = [[s.p(h, s.label) for h in ("序号", "接收单位", "处置及函复期限", "要求")]]
    for i, line in enumerate(data.recipients, 1):
        rows.append([
            s.p(str(i), s.cell_center), s.p(line.recipient, s.cell),
            s.p(line.deadline, s.cell), s.p(line.rule or "—", s.cell),
        ])  # fmt: skip
    widths = [12 * mm, 38 * mm, 62 * mm, FRAME_WIDTH - 112 * mm]
    return s.table(rows, colWidths=widths, style=grid_style(header_rows=1), repeatRows=1)


def notification_sheet_story(data: NotificationSheetData, ctx, issuer: str) -> list:
    s = ctx.styles
    number = data.number or NO_NUMBER
    story = opening(ctx, TITLE, number, content_hash(data), issuer)
    p = data.place
    place = "".join(x for x in (p.township, p.village, p.address) if x) or "—"
    story += [
        s.p("、".join(line.recipient for line in data.recipients) + "：", s.body),
        Spacer(1, 2 * mm),
        s.p(f"事由：{data.subject}", s.body_indent),
    ]
    if data.content:
        story.append(s.p(data.content, s.body_indent))
    story += [
        Spacer(1, 3 * mm),
        key_value_table(
            s,
            [
                [p.record_label, p.record, "发出日期", chinese_date(data.sent_on)],
                ["违法地点", place],
                ["当事人", p.party, "抄告单位", data.sender or issuer],
            ],
            KV_WIDTHS,
        ),  # fmt: skip
        Spacer(1, 3 * mm),
        section_heading(s, "处置及函复期限"),
        deadline_table(ctx, data),
        Spacer(1, 2 * mm),
        s.p(REPLY_NOTE, s.small),
    ]
    story += seal_lines(ctx, issuer or data.sender or "", data.sent_on)
    for line in data.recipients:
        slip = [
            ["抄告单文号", number, "接收单位", line.recipient],
            ["处置期限", line.deadline],
            ["处置情况", Spacer(1, 18 * mm)],
            ["函复日期", Spacer(1, 6 * mm), "经办人", Spacer(1, 6 * mm)],
            ["负责人签字", Spacer(1, 6 * mm), "单位盖章", Spacer(1, 6 * mm)],
        ]
        story += [
            CondPageBreak(70 * mm),
            Spacer(1, 4 * mm),
            s.p("－" * 16 + "（沿此线剪下回执）" + "－" * 16, s.caption_center),
            KeepTogether(
                [
                    section_heading(s, f"回执（{line.recipient}）"),
                    key_value_table(s, slip, KV_WIDTHS),
                ]
            ),  # fmt: skip
        ]
    return story


def build_notification_sheet(
    data: NotificationSheetData,
    output_path: str | os.PathLike,
    issuer: str = "",
    *,
    fonts: FontSet | None = None,
    generated_at: dt.datetime | None = None,
) -> BuildResult:
    """Write the 抄告单 PDF; raises FontMissing (before writing) with no CJK font."""
    ctx = new_context(fonts, generated_at)
    story = notification_sheet_story(data, ctx, issuer)
    number = data.number or NO_NUMBER
    return build_record_pdf(story, TITLE, number, content_hash(data), KIND, output_path, ctx)
