"""追责问责清单 of a period as a PDF: per township, each rule broken with its record, the
unit and persons accountable (直接责任 / 领导责任), the due date, when it was done and how
late (``cases.accountability``)."""

from __future__ import annotations

import datetime as dt
import hashlib
import os

from reportlab.lib.units import mm
from reportlab.platypus import Spacer

from ..cases.breaches import Breach
from .fonts import FontSet
from .layout import FRAME_WIDTH, BuildResult, grid_style, section_heading
from .record_pdf import build_record_pdf, new_context, opening

TITLE = "自然资源执法监管追责问责清单"
KIND = "accountability"
HEADER = ("序号", "追责情形及依据", "事项", "责任单位及责任人", "期限", "完成", "逾期（天）")
WIDTHS = [9 * mm, 44 * mm, 28 * mm, 36 * mm, 20 * mm, 20 * mm]


def _day(value) -> str:
    return value.isoformat() if value is not None else "—"


def township_table(ctx, items: list[Breach]):
    s = ctx.styles
    rows = [[s.p(h, s.label) for h in HEADER]]
    for i, b in enumerate(items, 1):
        people = "；".join(x for x in (f"直接责任：{b.direct}" if b.direct else "",
                                       f"领导责任：{b.leading}" if b.leading else "") if x)  # fmt: skip
        rule = f"{b.rule}（{b.source}）" + (f"\n{b.detail}" if b.detail else "")
        rows.append([
            s.p(str(i), s.cell_center), s.p(rule, s.small), s.p(b.record, s.small),
            s.p(f"{b.unit}\n{people}", s.small), s.p(_day(b.due), s.cell_center),
            s.p(_day(b.done) if b.done else ("未办" if b.due else "—"), s.cell_center),
            s.p(str(b.days_late), s.cell_right),
        ])  # fmt: skip
    widths = WIDTHS + [FRAME_WIDTH - sum(WIDTHS)]
    return s.table(rows, colWidths=widths, style=grid_style(header_rows=1), repeatRows=1)


def build_accountability_report(
    grouped: dict[str, list[Breach]],
    period: str,
    output_path: str | os.PathLike,
    issuer: str = "",
    *,
    fonts: FontSet | None = None,
    generated_at: dt.datetime | None = None,
) -> BuildResult:
    """Write the list's PDF, one section per township; a period without breaches says so."""
    ctx = new_context(fonts, generated_at)
    s = ctx.styles
    text = repr(sorted((k, [tuple(map(str, b.__dict__.values())) for b in v])
                       for k, v in grouped.items()))  # fmt: skip
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
    story = opening(ctx, TITLE, period, digest, issuer, label="统计期间")
    total = sum(len(v) for v in grouped.values())
    story.append(s.p(f"统计期间：{period}　　追责情形共 {total} 条", s.subtitle))
    if not grouped:
        story.append(s.p("本期无追责情形。", s.note))
    for township, items in grouped.items():
        story += [Spacer(1, 3 * mm), section_heading(s, f"{township}（{len(items)} 条）"),
                  township_table(ctx, items)]  # fmt: skip
    return build_record_pdf(story, TITLE, period, digest, KIND, output_path, ctx)
