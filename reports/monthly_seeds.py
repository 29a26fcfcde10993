"""The 月报's sections for the seeds' remaining figures: the township award proposal
(seed 002) and the three-year campaign's progress (seed 004), as plain tables with the
note that states their criteria (from ``cases.statistics``; nothing is queried here)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .monthly_model import AREA, NUMBER, TEXT, ReportColumn, ReportTable, _header, _records

AWARD_KEYS = (
    ("rank", "排名", NUMBER),
    ("township", "乡镇(街道)", TEXT),
    ("award", "奖项", TEXT),
    ("award_quota", "奖励指标(亩)", AREA),
    ("accountable_cropland_area", None, None),
    ("illegal_area", None, None),
    ("illegal_count", None, None),
    ("rectification_rate", None, None),
)
CAMPAIGN_KEYS = (
    "campaign_year",
    "campaign_cleaned",
    "campaign_cumulative",
    "campaign_plan",
    "campaign_share",
    "campaign_cumulative_share",
    "campaign_target_met",
)


@dataclass
class SeedSection:
    """A section of the 月报: its title, the note that states its criteria, its table."""

    title: str
    note: str
    table: ReportTable


def seed_sections(stats, columns: dict[str, Any]) -> list[SeedSection]:
    """The award proposal and the campaign's progress, when the figures hold them."""
    from ..cases import statistics as st

    tables, sections = stats.tables, []
    if "township_awards" in tables:
        head = [
            ReportColumn(
                header or _header(columns[key]),
                unit or columns[key].unit,
            )
            for key, header, unit in AWARD_KEYS
        ]
        body = [[r[key] for key, _h, _u in AWARD_KEYS] for r in _records(tables["township_awards"])]
        sections.append(
            SeedSection(
                "乡镇用地指标奖励建议",
                st.AWARD_CRITERIA,
                ReportTable(head, body, empty_note="无符合参评条件的乡镇"),
            )
        )
    if "campaign" in tables:
        head = [ReportColumn(_header(columns[key]), columns[key].unit) for key in CAMPAIGN_KEYS]
        body = [[r[key] for key in CAMPAIGN_KEYS] for r in _records(tables["campaign"])]
        note = next((n for n in stats.notes if n.startswith("违法用地综合整治三年行动")), "")
        sections.append(
            SeedSection(
                "违法用地综合整治三年行动进度",
                note,
                ReportTable(head, body, empty_note="未录入计划整治量"),
            )
        )
    return sections
