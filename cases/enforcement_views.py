"""The lists of the 巡查与问责 panel, each as a title, Chinese headers and rows of text.

They are the rooms' own lists put side by side for one month: the accountability list
(``accountability``), the notification register with its replies (``notifications``), the
patrol report's tables (``patrol_tables``: daily and monthly reports per unit and township,
units that did not report, zones not visited), 应移送未移送 (``transfers``), the overdue
问题清单 items (``problem_items``), post-closure visits due or overdue (``revisits``) and the
city's 一下 feedback (``feedback``). Nothing is computed here that a room does not compute:
the panel and the Excel/PDF outputs read the same functions.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from . import (
    accountability,
    feedback,
    notifications,
    patrol_tables,
    problem_items,
    revisits,
    transfers,
)
from .accountability_workbook import BREACH_COLUMNS, REGISTER_COLUMNS, breach_rows, register_rows


@dataclass(frozen=True)
class View:
    key: str
    title: str
    headers: tuple[str, ...]
    rows: list[tuple] = field(default_factory=list)


def _from_dicts(key: str, title: str, columns, rows: list[dict]) -> View:
    return View(
        key,
        title,
        tuple(c.header for c in columns),
        [tuple(row[c.key] for c in columns) for row in rows],
    )


def accountability_view(store, period: str, today: datetime.date) -> View:
    start, end = accountability.period_bounds(period)
    found = accountability.accountability(store, start, end, today)
    return _from_dicts("accountability", "追责问责清单", BREACH_COLUMNS, breach_rows(found))


def register_view(store, period: str, today: datetime.date) -> View:
    start, end = accountability.period_bounds(period)
    register = notifications.register(store, start, end, today)
    return _from_dicts("register", "抄告登记", REGISTER_COLUMNS, register_rows(register))


def patrol_views(store, period: str, today: datetime.date) -> list[View]:
    report = patrol_tables.patrol_report(store, period, today)
    return [
        View(
            "patrol_" + table.key,
            table.title,
            tuple(header for header, _unit in table.columns),
            [tuple(row) for row in table.rows],
        )
        for table in report.tables
    ]


def should_transfer_view(store, today: datetime.date) -> View:
    return View(
        "should_transfer",
        "应移送未移送",
        ("监测编号", "乡镇（园区）", "立案日期", "理由"),
        [
            (c.jcbh, c.township or "", c.filed_on, c.reason)
            for c in transfers.should_transfer(store, today)
        ],
    )


def overdue_items_view(store, today: datetime.date) -> View:
    return View(
        "overdue_items",
        "问题清单逾期未整改",
        ("来源", "清单", "序号", "问题", "乡镇（园区）", "责任单位", "整改期限", "逾期天数"),
        [
            (
                item.source,
                item.list_name,
                item.item_number,
                item.description,
                item.township or "",
                item.responsible or "",
                item.due.isoformat(),
                (today - item.due).days,
            )
            for item in problem_items.overdue_items(store, today)
        ],
    )


def revisits_view(store, today: datetime.date) -> View:
    """Visits not made that are overdue or due within the due-soon days."""
    overdue = {r.id for r in revisits.overdue_revisits(store, today)}
    rows = [
        (
            r.jcbh,
            r.township or "",
            r.campaign or "事后巡查",
            r.due_on or "",
            "逾期" if r.id in overdue else "将到期",
        )
        for r in revisits.due_revisits(store, today)
    ]
    return View(
        "revisits",
        "事后巡查到期",
        ("监测编号", "乡镇（园区）", "批次/活动", "应巡查日期", "状态"),
        rows,
    )


def feedback_view(store, period: str) -> View:
    return View(
        "feedback",
        "一下反馈",
        ("监测编号", "乡镇（园区）", "意见", "收到日期", "更正日期", "更正情况", "状态"),
        [
            (
                f.jcbh,
                f.township or "",
                f.comment,
                f.received_on,
                f.corrected_on or "",
                f.correction or "",
                f.state,
            )
            for f in feedback.feedback_list(store, period)
        ],
    )


def month_views(store, period: str, today: datetime.date | None = None) -> list[View]:
    """Every list of the panel for the month ``period`` (YYYY-MM), as known on ``today``."""
    today = today or datetime.date.today()
    return [
        accountability_view(store, period, today),
        register_view(store, period, today),
        *patrol_views(store, period, today),
        should_transfer_view(store, today),
        overdue_items_view(store, today),
        revisits_view(store, today),
        feedback_view(store, period),
    ]
