"""Code lists shared by the store, the forms and the layer styles."""

from __future__ import annotations

# Case states in lifecycle order (DOMAIN.md, "the life of a plot"). The plot layer's
# style in resources/styles/plot_status.qml has one rule per state; keep both in step.
CASE_STATUSES = (
    "待核查",  # registered, waiting for field verification
    "已核查",  # field verified
    "已判定",  # legality determined
    "已立案",  # case filed
    "已移交",  # handed to the department in charge
    "整改中",  # rectification under way
    "待复核",  # waiting for re-inspection
    "已销号",  # closed out
    "事后巡查",  # post-closure patrol point
    "已办结",  # closed without a case (合法, 其他, 伪变化, 设施农用地, 农村道路)
)
INITIAL_STATUS = CASE_STATUSES[0]

# Where a plot came from (seeds 000-002).
CLUE_SOURCES = (
    "部卫片",
    "市卫片",
    "属地巡查",
    "网格巡查",
    "群众举报",
    "督察",
    "审计",
    "巡察",
    "媒体反映",
    "其他",
)
