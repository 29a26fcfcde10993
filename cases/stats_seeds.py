"""The seeds' remaining figures (no Qt, no QGIS): the township award ranking of seed 002
and the progress of seed 004's 2024–2026 three-year campaign.

**Awards (seed 002)**: "对辖区内土地管理秩序良好的区镇予以用地指标奖励，根据年终高质量考核
土地保护情况设一等奖1名、二等奖2名、三等奖2名，分别给予新增建设用地指标30亩、25亩、20亩的
奖励". The seed leaves the 考核 to the county; the product proposes a transparent ranking
from the data, for the county to confirm (``AWARD_CRITERIA``): a township takes part when
it has no 违法 plot left unrectified in the accountability year (未整改到位宗数 = 0), its
整改到位率 is not below 50 %, and its 耕地 figures are complete (no 未比对 plot); the
townships taking part are ranked by 问责违法占耕面积 (least first), then 违法面积, then
违法宗数 (least first), then by name. First: 一等奖 30 亩; second and third: 二等奖 25 亩;
fourth and fifth: 三等奖 20 亩.

**Campaign (seed 004)**: "定于2024年起至2026年底……开展新一轮违法用地综合整治三年行动，
2024年度整治目标为计划整治量的30%以上". The planned quantity (计划整治量, m²) is entered
(``set_campaign_plan``; meta key ``campaign_plan_m2``); the quantity cleaned up in a year is
the 整改面积 (``rectification_area.rectified_area_m2``; the plot's area when none was
recorded) of the 违法 cases found 整改到位 that year. Each campaign year is set the target
of ≥ 30 % of the plan; the cumulative share is shown beside it.
"""

from __future__ import annotations

import datetime

import numpy as np
import pandas as pd

from . import determination_codes as dc
from .areas import official_mu, official_rate_percent
from .errors import N_
from .rectification_area import rectified_area_m2
from .stats_catalogue import (
    AREA,
    COLUMNS,
    FLAG,
    LOW_RECTIFICATION_PERCENT,
    NUMBER,
    RATE,
    TEXT,
    TOTAL,
    Column,
)
from .stats_load import RECTIFIED_STATUSES, rows
from .stats_periods import StatisticsError

# -- awards (seed 002) -----------------------------------------------------------------------

AWARDS = (("一等奖", 1, 30.0), ("二等奖", 2, 25.0), ("三等奖", 2, 20.0))  # name, places, 亩
AWARD_CRITERIA = (
    "乡镇用地指标奖励建议名单（依据启政办发〔2020〕32号：一等奖1名30亩、二等奖2名25亩、三等奖"
    "2名20亩），由县（区）根据年终高质量考核确认。参评条件：考核年度内无未整改到位的违法图斑、"
    "整改到位率不低于50%、耕地比对完整（无未比对图斑）；排序：问责违法占耕面积从少到多，"
    "其次违法面积、违法宗数从少到多，再按乡镇名称。"
)

# -- campaign (seed 004) ---------------------------------------------------------------------

CAMPAIGN_YEARS = (2024, 2025, 2026)
CAMPAIGN_TARGET_PERCENT = 30.0  # seed 004: 年度整治目标为计划整治量的30%以上
CAMPAIGN_PLAN_KEY = "campaign_plan_m2"
CAMPAIGN_PLAN_SOURCE_KEY = "campaign_plan_source"
CAMPAIGN_NOTE = (
    "违法用地综合整治三年行动（2024—2026年）：整治量为当年经复核整改到位的违法案件的整改面积"
    "（拆除面积与复耕面积中的较大者 + 补办手续面积；未填写的按图斑面积）；年度目标为计划整治量"
    "的30%以上（依据2024年规划资源执法行动通知）。"
)

for _key, _header, _unit, _definition in (
    ("award", "奖项", TEXT, ""),
    (
        "award_quota",
        "奖励指标(亩)",
        AREA,
        "奖励指标 = 一等奖30亩、二等奖25亩、三等奖20亩（建议）。",
    ),
    ("campaign_year", "年度", NUMBER, ""),
    ("campaign_cleaned", "整治量", AREA, CAMPAIGN_NOTE),
    ("campaign_cumulative", "累计整治量", AREA, "累计整治量 = 2024年起至该年末的整治量之和。"),
    ("campaign_plan", "计划整治量", AREA, "计划整治量 = 录入的三年行动计划整治面积。"),
    (
        "campaign_share",
        "年度完成比例",
        RATE,
        "年度完成比例 = 整治量 ÷ 计划整治量（四舍五入精确到0.01%）。",
    ),
    ("campaign_cumulative_share", "累计完成比例", RATE, "累计完成比例 = 累计整治量 ÷ 计划整治量。"),
    (
        "campaign_target_met",
        "年度目标(≥30%)",
        FLAG,
        "年度目标 = 年度完成比例（表中所示数字）不低于30%；当年未结束的为截至统计期末的进度。",
    ),
):
    COLUMNS[_key] = Column(_key, _header, _unit, _definition)


def township_awards(township_year: pd.DataFrame) -> pd.DataFrame:
    """The proposed award list from the accountability year's township table (areas in
    亩 as printed, rates as printed fractions); see ``AWARD_CRITERIA``."""
    rows_ = township_year[township_year["county_code"] != TOTAL]
    taking_part = rows_[
        (rows_["unrectified_count"] == 0)
        & ~(rows_["rectification_rate"] * 100 < LOW_RECTIFICATION_PERCENT)
        & rows_["accountable_cropland_area"].notna()
        & (rows_["cropland_not_compared"] == 0)
    ]
    ranked = taking_part.sort_values(
        ["accountable_cropland_area", "illegal_area", "illegal_count", "township"],
        kind="stable",
    ).reset_index(drop=True)
    places = [(name, quota) for name, count, quota in AWARDS for _ in range(count)]
    ranked = ranked.iloc[: len(places)].copy()
    ranked["rank"] = np.arange(1, len(ranked) + 1)
    ranked["award"] = [places[i][0] for i in range(len(ranked))]
    ranked["award_quota"] = [places[i][1] for i in range(len(ranked))]
    return ranked[
        [
            "rank",
            "county_name",
            "township",
            "award",
            "award_quota",
            "accountable_cropland_area",
            "illegal_area",
            "illegal_count",
            "rectification_rate",
        ]
    ]


def set_campaign_plan(store, area_m2: float | None, source: str = "录入") -> None:
    """Enter the three-year campaign's planned quantity (计划整治量, m²); None removes it."""
    with store.transaction() as db:
        if area_m2 is None:
            db.execute(
                "DELETE FROM meta WHERE key IN (?, ?)",
                (CAMPAIGN_PLAN_KEY, CAMPAIGN_PLAN_SOURCE_KEY),
            )
            return
        area = dc.number_or_none(area_m2)
        if area is None or area <= 0:
            raise StatisticsError(
                reason=N_("the campaign's planned quantity must be more than 0 m² (got {value})"),
                value=area_m2,
            )
        db.execute(
            "INSERT INTO meta (key, value) VALUES (?, ?) "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (CAMPAIGN_PLAN_KEY, repr(area)),
        )
        db.execute(
            "INSERT INTO meta (key, value) VALUES (?, ?) "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (CAMPAIGN_PLAN_SOURCE_KEY, str(source or "录入")),
        )


def campaign_plan(store) -> float | None:
    """The entered planned quantity (m²), or None."""
    row = store._db.execute("SELECT value FROM meta WHERE key = ?", (CAMPAIGN_PLAN_KEY,)).fetchone()
    return None if row is None else dc.number_or_none(row[0])


_CLEANED_SQL = f"""
SELECT substr(COALESCE(
        CASE WHEN r.reinspection_result = '{dc.REINSPECTION_DONE}' THEN r.reinspected_on END,
        co.closed_on), 1, 10) AS done_on,
    r.demolished_area_m2, r.restored_area_m2, r.legalised_area_m2, p.area_ellipsoidal_m2
FROM case_record AS c
JOIN plot AS p ON p.id = c.plot_id
JOIN determination AS d ON d.id = (SELECT max(id) FROM determination WHERE case_id = c.id)
LEFT JOIN rectification AS r
    ON r.id = (SELECT max(id) FROM rectification WHERE case_id = c.id)
LEFT JOIN closeout AS co ON co.case_id = c.id
WHERE d.category = '{dc.ILLEGAL}'
    AND c.status IN ({", ".join(f"'{s}'" for s in RECTIFIED_STATUSES)})
"""


CAMPAIGN_COLUMNS = (
    "campaign_year",
    "campaign_cleaned",
    "campaign_cumulative",
    "campaign_plan",
    "campaign_share",
    "campaign_cumulative_share",
    "campaign_target_met",
)


def campaign_progress(store, end: datetime.date) -> pd.DataFrame:
    """The campaign's progress per year up to ``end`` (no row when no plan is entered)."""
    plan = campaign_plan(store)
    if plan is None:
        return pd.DataFrame(columns=list(CAMPAIGN_COLUMNS))
    cleaned = {year: 0.0 for year in CAMPAIGN_YEARS}
    for done_on, demolished, restored, legalised, plot_m2 in rows(store, _CLEANED_SQL)[1]:
        if not done_on or done_on > end.isoformat():
            continue
        year = int(done_on[:4])
        if year in cleaned:
            area = rectified_area_m2(demolished, restored, legalised)
            cleaned[year] += area if area is not None else (plot_m2 or 0.0)
    records, cumulative = [], 0.0
    for year in CAMPAIGN_YEARS:
        if year > end.year:
            break
        cumulative += cleaned[year]
        share = official_rate_percent(cleaned[year], plan)
        records.append(
            {
                "campaign_year": year,
                "campaign_cleaned": official_mu(cleaned[year]),
                "campaign_cumulative": official_mu(cumulative),
                "campaign_plan": official_mu(plan),
                "campaign_share": share / 100,
                "campaign_cumulative_share": official_rate_percent(cumulative, plan) / 100,
                "campaign_target_met": bool(share >= CAMPAIGN_TARGET_PERCENT),
            }
        )
    return pd.DataFrame.from_records(records, columns=list(CAMPAIGN_COLUMNS))
