"""责令停止违法行为通知书 (or 停工通知书): printed from a stop action recorded with its
numbered notice: the party, the place, the facts, the legal basis and the date, and a
service slip (送达回证).

Legal basis: the act is an occupation of land without approval (《中华人民共和国土地管理法》
第七十七条, 非法占用土地); the order to stop is the measure of 第六十八条第（四）项 ("责令非法
占用土地的单位或者个人停止违反土地管理法律、法规的行为", article numbers of the 2019
revision)."""

from __future__ import annotations

import datetime as dt
import os

from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Spacer

from ..cases.moments import parse_moment
from ..cases.stop_documents import StopNoticeData, content_hash
from .fonts import FontSet
from .layout import BuildResult, key_value_table, section_heading
from .record_pdf import build_record_pdf, chinese_date, new_context, opening, seal_lines
from .sections import KV_WIDTHS

TITLE = "责令停止违法行为通知书"
KIND = "stop_notice"
BASIS = (
    "你（单位）的上述行为涉嫌未经批准非法占用土地，违反了《中华人民共和国土地管理法》的规定，"
    "属于该法第七十七条规定的非法占用土地行为。依据《中华人民共和国土地管理法》第六十八条"
    "第（四）项的规定，现责令你（单位）立即停止上述违法行为，听候处理。"
)
WARNING = "逾期不停止的，本机关将依法处理；拒不停止、继续施工的，依法从重处理。"


def _moment_words(value) -> str:
    moment = parse_moment(value)
    if isinstance(moment, dt.datetime):
        return f"{chinese_date(moment.date())}{moment.hour}时{moment.minute:02d}分"
    return chinese_date(moment) if moment else ""


def _place_words(data: StopNoticeData) -> str:
    p = data.place
    words = "".join(x for x in (p.township, p.village, p.address) if x)
    return (
        f"{words}（{p.record_label}：{p.record}）" if words else f"{p.record_label} {p.record} 处"
    )


def stop_notice_story(data: StopNoticeData, ctx, issuer: str) -> list:
    s = ctx.styles
    title = TITLE if data.kind != "停工通知书" else "停工通知书"
    story = opening(ctx, title, data.number, content_hash(data), issuer)
    party = data.place.party or "_" * 16  # a line to write the party on
    facts = data.facts or "未经批准擅自占地进行建设"
    story += [
        s.p(f"{party}：", s.body),
        Spacer(1, 2 * mm),
        s.p(
            f"经查，你（单位）于{_moment_words(data.found_at)}前后在{_place_words(data)}{facts}。",
            s.body_indent,
        ),  # fmt: skip
        s.p(BASIS, s.body_indent),
        s.p(WARNING, s.body_indent),
    ]
    story += seal_lines(ctx, issuer, data.notice_date)
    rows = [
        ["当事人", data.place.party, "文号", data.number],
        [data.place.record_label, data.place.record, "发现时间", _moment_words(data.found_at)],
        ["违法地点", _place_words(data)],
        ["制止单位", data.unit, "制止人员", data.stopped_by],
    ]
    slip = [
        ["受送达人", data.place.party, "送达日期", Spacer(1, 6 * mm)],
        ["送达地点", Spacer(1, 6 * mm), "送达方式", Spacer(1, 6 * mm)],
        ["受送达人签名", Spacer(1, 6 * mm), "送达人签名", Spacer(1, 6 * mm)],
    ]
    story += [
        Spacer(1, 6 * mm),
        section_heading(s, "附：案件信息"),
        key_value_table(s, rows, KV_WIDTHS),
        Spacer(1, 6 * mm),
        KeepTogether([section_heading(s, "送达回证"), key_value_table(s, slip, KV_WIDTHS)]),
    ]
    return story


def build_stop_notice(
    data: StopNoticeData,
    output_path: str | os.PathLike,
    issuer: str = "",
    *,
    fonts: FontSet | None = None,
    generated_at: dt.datetime | None = None,
) -> BuildResult:
    """Write the notice PDF; raises FontMissing (before writing) with no CJK font."""
    ctx = new_context(fonts, generated_at)
    story = stop_notice_story(data, ctx, issuer)
    return build_record_pdf(story, TITLE, data.number, content_hash(data), KIND, output_path, ctx)
