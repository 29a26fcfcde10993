"""The accountability list and the notification register of a period as one workbook:
追责问责清单 (one row per breach), 按乡镇汇总 (per township), 抄告登记 (one row per
recipient of each notification sent in the period, with its deadline and reply)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
from openpyxl import Workbook

from . import stats_catalogue as st
from .breaches import Breach
from .excel_export import save_workbook, write_table
from .notifications import Notification

BREACH_COLUMNS = (
    st.Column("township", "乡镇（园区）", st.TEXT),
    st.Column("rule", "追责情形", st.TEXT),
    st.Column("source", "依据", st.TEXT),
    st.Column("record", "事项（监测编号/线索/文号）", st.TEXT),
    st.Column("unit", "责任单位", st.TEXT),
    st.Column("direct", "直接责任", st.TEXT),
    st.Column("leading", "领导责任", st.TEXT),
    st.Column("due", "期限", st.TEXT),
    st.Column("done", "完成日期", st.TEXT),
    st.Column("days_late", "逾期天数", st.COUNT),
    st.Column("detail", "情况", st.TEXT),
)
SUMMARY_COLUMNS = (
    st.Column("township", "乡镇（园区）", st.TEXT),
    st.Column("count", "追责情形（条）", st.COUNT),
    st.Column("open", "逾期未办（条）", st.COUNT),
    st.Column("most_late", "最长逾期（天）", st.COUNT),
)
REGISTER_COLUMNS = (
    st.Column("number", "文号", st.TEXT),
    st.Column("sent_on", "发出日期", st.TEXT),
    st.Column("record", "事项（监测编号/线索）", st.TEXT),
    st.Column("township", "乡镇（园区）", st.TEXT),
    st.Column("subject", "主题", st.TEXT),
    st.Column("recipient", "接收单位", st.TEXT),
    st.Column("due", "期限", st.TEXT),
    st.Column("replied_on", "回复日期", st.TEXT),
    st.Column("reply_text", "回复内容", st.TEXT),
    st.Column("state", "状态", st.TEXT),
    st.Column("days_late", "逾期天数", st.COUNT),
)


def _day(value) -> str:
    return value.isoformat() if value is not None else ""


def breach_rows(found: list[Breach]) -> list[dict]:
    return [
        dict(
            township=b.township or "",
            rule=b.rule,
            source=b.source,
            record=b.record,
            unit=b.unit,
            direct=b.direct or "",
            leading=b.leading or "",
            due=_day(b.due),
            done=_day(b.done) if b.done else ("未办" if b.due else ""),
            days_late=b.days_late,
            detail=b.detail or "",
        )  # fmt: skip
        for b in found
    ]


def summary_rows(grouped: dict[str, list[Breach]]) -> list[dict]:
    return [
        dict(
            township=name,
            count=len(items),
            open=sum(1 for b in items if b.open and b.due is not None),
            most_late=max((b.days_late for b in items), default=0),
        )  # fmt: skip
        for name, items in grouped.items()
    ]


def register_rows(register: list[Notification]) -> list[dict]:
    return [
        dict(
            number=n.number or "",
            sent_on=n.sent_on,
            record=n.record,
            township=n.township or "",
            subject=n.subject,
            recipient=r.recipient,
            due=_day(r.clock.due),
            replied_on=r.replied_on or "",
            reply_text=r.reply_text or "",
            state=r.clock.state,
            days_late=r.clock.days_late,
        )  # fmt: skip
        for n in register
        for r in n.recipients
    ]


def _frame(rows: list[dict], columns) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=[c.key for c in columns])


def write_accountability_workbook(
    found: list[Breach],
    grouped: dict[str, list[Breach]],
    register: list[Notification],
    path: Path | str,
) -> Path:
    workbook = Workbook(write_only=True)
    write_table(
        workbook, "追责问责清单", _frame(breach_rows(found), BREACH_COLUMNS), BREACH_COLUMNS
    )
    write_table(
        workbook, "按乡镇汇总", _frame(summary_rows(grouped), SUMMARY_COLUMNS), SUMMARY_COLUMNS
    )
    write_table(
        workbook, "抄告登记", _frame(register_rows(register), REGISTER_COLUMNS), REGISTER_COLUMNS
    )
    return save_workbook(workbook, path)
