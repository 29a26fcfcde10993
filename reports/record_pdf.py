"""What the printed records of stopping and notifying share: the build of a one-record
PDF (header, footer with 文号 and the content's 数据校验码, QR code) and the issuer's seal
line with the date in Chinese."""

from __future__ import annotations

import datetime as dt
import os

from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from .fonts import FontSet
from .layout import (
    BoldText,
    BuildContext,
    BuildResult,
    ContextMarker,
    PageContext,
    PageRange,
    PdfMeta,
    make_context,
    render_pdf,
    write_atomically,
)


def chinese_date(value) -> str:
    """'2026-09-30' (or a date) as 2026年9月30日; '' for None."""
    if value is None or value == "":
        return ""
    day = value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value)[:10])
    return f"{day.year}年{day.month}月{day.day}日"


def opening(
    ctx: BuildContext, title: str, number: str, content_hash: str, issuer: str, label: str = "文号"
) -> list:
    """Page context (the 文号 in header and footer), the issuer, the title and the 文号."""
    context = PageContext(title, number, content_hash, ctx.generated, identifier_label=label)
    story: list[Flowable] = [ContextMarker(context)]
    if issuer:
        story.append(BoldText(issuer, ctx.fonts, 16, after=1 * mm))
    story += [
        BoldText(title, ctx.fonts, 20, after=3 * mm),
        ctx.styles.p(number, ctx.styles.subtitle),
        Spacer(1, 4 * mm),
    ]
    return story


def seal_lines(ctx: BuildContext, issuer: str, day) -> list[Flowable]:
    """The issuer's name with （盖章） and the date, right-aligned."""
    s = ctx.styles
    right = ParagraphStyle("seal", parent=s.body, alignment=TA_RIGHT)
    return [
        Spacer(1, 10 * mm),
        s.p(f"{issuer or '　' * 8}（盖章）", right),
        s.p(chinese_date(day), right),
    ]


def build_record_pdf(
    story: list[Flowable],
    title: str,
    number: str,
    content_hash: str,
    kind: str,
    output_path: str | os.PathLike,
    ctx: BuildContext,
) -> BuildResult:
    meta = PdfMeta(f"{title} {number}", number, content_hash, kind)
    data, pages = render_pdf(story, meta, ctx)
    path, sha = write_atomically(data, output_path)
    return BuildResult(path, pages, sha, content_hash, [PageRange(title, 1, pages)])


def new_context(fonts: FontSet | None, generated_at: dt.datetime | None) -> BuildContext:
    return make_context(fonts, generated_at)
