"""The tables of the figures and the event figures of a period (no Qt, no QGIS).

The main tables (county, township, village) count the plots registered in the period
(by batch date) as they stand now; the ``events`` table counts each event in the period
it happened in (determined, filed, referred, rectified, closed out), whatever the plot's
registration date. ``TABLE_BASIS`` says which, for the report and the workbook.
"""

from __future__ import annotations

import numpy as np

from .rectification_area import rectified_areas_m2
from .stats_catalogue import (
    AREA,
    COLUMNS,
    COUNT,
    OVERDUE_KEYS,
    Column,
    _area,
    _count,
    _in,
    _plot_figure,
)

# -- event figures: counted in the period the event happened in --------------------------


@_plot_figure("本期判定数", COUNT)
def event_determined(p, ctx):
    """本期判定数 = 最新判定日期在统计期内的图斑数量。"""
    return _count(p["determined"] & _in(p["decided_day"], ctx))


@_plot_figure("本期判定违法宗数", COUNT)
def event_illegal(p, ctx):
    """本期判定违法宗数 = 最新判定日期在统计期内且判定为违法的图斑数量。"""
    return _count(p["illegal"] & _in(p["decided_day"], ctx))


@_plot_figure("本期判定违法面积", AREA)
def event_illegal_area(p, ctx):
    """本期判定违法面积 = Σ 本期判定违法图斑的图斑面积。"""
    return _area(p, p["illegal"] & _in(p["decided_day"], ctx))


@_plot_figure("本期立案宗数", COUNT)
def event_filed(p, ctx):
    """本期立案宗数 = 立案日期在统计期内的违法案件数量。"""
    return _count(p["filed"] & _in(p["filed_day"], ctx))


@_plot_figure("本期移交宗数", COUNT)
def event_referred(p, ctx):
    """本期移交宗数 = 移交日期在统计期内且未立案的违法案件数量。"""
    return _count(p["non_filing"] & _in(p["referred_day"], ctx))


@_plot_figure("本期整改到位宗数", COUNT)
def event_rectified(p, ctx):
    """本期整改到位宗数 = 复核认定整改到位的日期（无复核日期的取销号日期）在统计期内的
    违法案件数量。"""
    return _count(_in(p["rectified_day"], ctx))


@_plot_figure("本期整改面积", AREA)
def event_rectified_area(p, ctx):
    """本期整改面积 = Σ 本期整改到位案件的整改面积；整改面积 = 拆除面积与复耕面积中的较大者 +
    补办手续面积（同一地块先拆除后复耕不重复计算），未填写整改面积的按图斑面积计。"""
    done = _in(p["rectified_day"], ctx)
    area = rectified_areas_m2(p["demolished_m2"], p["restored_m2"], p["legalised_m2"])
    return p["area_m2"].where(np.isnan(area), area).where(done, 0.0)


@_plot_figure("本期销号宗数", COUNT)
def event_closed(p, ctx):
    """本期销号宗数 = 销号日期在统计期内的案件数量。"""
    return _count(_in(p["closed_day"], ctx))


EVENT_COLUMNS = (
    "event_determined",
    "event_illegal",
    "event_illegal_area",
    "event_filed",
    "event_referred",
    "event_rectified",
    "event_rectified_area",
    "event_closed",
)


# -- the tables --------------------------------------------------------------------------

# The main tables' figures in groups (the 月报 prints a group a block, under its title).
MAIN_GROUPS = (
    (
        "图斑登记与判定",
        (
            "registered",
            "registered_area",
            "cropland_not_compared",
            "farmland_not_compared",
            "issued",
            "issued_area",
            "determined",
            "undetermined",
            "legal",
            "illegal_count",
            "other",
            "no_real_change",
            "facility_farmland",
            "rural_road",
        ),
    ),
    (
        "违法用地",
        (
            "illegal_area",
            "illegal_cropland_area",
            "illegal_cropland_count",
            "illegal_farmland_area",
            "new_illegal_count",
            "new_illegal_area",
            "existing_illegal_count",
            "existing_illegal_area",
            "construction_cropland_area",
            "accountable_cropland_area",
            "illegal_cropland_ratio",
        ),
    ),
    (
        "查处与整改",
        (
            "filed_count",
            "referred_count",
            "non_filing_count",
            "rectified_count",
            "concluded_count",
            "rectification_rate",
            "performance_rate",
            "unrectified_count",
            "unrectified_area",
            "unrectified_cropland_area",
        ),
    ),
    ("非粮化", ("non_grain_count", "non_grain_area")),
)
MAIN_COLUMNS = (*(key for _title, keys in MAIN_GROUPS for key in keys), *OVERDUE_KEYS.values())
COUNTY_FLAG_COLUMNS = (
    "year",
    "illegal_cropland_area",
    "accountable_cropland_area",
    "unrectified_accountable_cropland_area",
    "construction_cropland_area",
    "denominator_source",
    "illegal_cropland_ratio",
    "flag_initial_cropland",
    "flag_remaining_cropland",
    "flag_cropland_ratio",
)
TOWNSHIP_QUOTA_COLUMNS = (
    "year",
    "illegal_count",
    "illegal_area",
    "year_end_unrectified_area",
    "rectified_by_june_area",
    "returned_quota",
    "rectified_count",
    "referred_count",
    "non_filing_count",
    "rectification_rate",
    "flag_low_rectification",
)
LEVEL_KEYS = {
    "county": ("county_code", "county_name"),
    "township": ("county_code", "county_name", "township"),
    "village": ("county_code", "county_name", "township", "village"),
}
TABLE_TITLES = {
    "county": "县级汇总",
    "township": "乡镇汇总",
    "village": "村级汇总",
    "county_flags": "县级考核",
    "township_quota": "乡镇考核",
    "non_agri_ranking": "非农化前十乡镇",
    "non_grain_ranking": "非粮化前十乡镇",
    "events": "本期办理情况",
    "township_awards": "乡镇奖励建议",
    "campaign": "三年行动进度",
}
# What each table counts (printed under its title and in the 说明).
TABLE_BASIS = {
    "county": "按登记：统计期内登记的图斑（批次接收日期，巡查发现日期，否则登记日期），各指标为其当前办理情况",
    "township": "按登记：统计期内登记的图斑，各指标为其当前办理情况",
    "village": "按登记：统计期内登记的图斑，各指标为其当前办理情况",
    "county_flags": "按登记：考核年度1月1日至统计期末登记的图斑",
    "township_quota": "按登记：考核年度1月1日至统计期末登记的图斑",
    "non_agri_ranking": "按登记：统计期内登记的图斑",
    "non_grain_ranking": "按登记：统计期内登记的图斑",
    "events": "按发生日期：统计期内判定、立案、移交、整改到位、销号的案件，不论图斑何时登记",
    "township_awards": "按登记：考核年度1月1日至统计期末登记的图斑（建议名单，由县区确认）",
    "campaign": "按发生日期：2024年起至统计期末经复核整改到位的违法案件（不限批次）",
}


def definitions(keys: tuple[str, ...] | None = None) -> list[Column]:
    """The figures with their definitions, in table order (all figures by default)."""
    keys = keys or (*MAIN_COLUMNS, *COUNTY_FLAG_COLUMNS, *TOWNSHIP_QUOTA_COLUMNS, *EVENT_COLUMNS)
    seen, found = set(), []
    for key in keys:
        column = COLUMNS[key]
        if column.definition and key not in seen:
            seen.add(key)
            found.append(column)
    return found
