"""The figures' catalogue (no Qt, no QGIS): every figure defined once, as a function whose
docstring is its formula (shown as its definition in the workbook's 说明 and the 月报).

A *plot figure* gives each plot's contribution (1 or 0 for a count, m² for an area, NaN
where the plot's area is unknown: 未比对) and is summed per county, township and village;
a *derived figure* is computed from those sums (still in exact m²), then every area is
rounded once to 亩 by ``areas.official_mu`` and every flag is decided on the number that
is printed (``areas.official_mu`` / ``areas.official_rate_percent``).
"""

from __future__ import annotations

import datetime
import inspect
import re
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import pandas as pd

from . import determination_codes as dc
from .areas import official_mu, official_rate_percent
from .stats_load import OVERDUE_SUFFIXES
from .stats_periods import julian_day

# -- thresholds (DOMAIN.md, "Figures and thresholds"; seeds 001, 002, 004) -----------

INITIAL_CROPLAND_LIMIT_MU = 100.0  # seed 001: 初始违法占耕面积 100 亩以上(含) costs points
REMAINING_CROPLAND_LIMIT_MU = 50.0  # seed 001: 整改后违法占耕面积仍超过 50 亩 costs points
CROPLAND_RATIO_LIMIT_PERCENT = 15.0  # seed 001: 违法占耕比例超过 15 % → 问责
QUOTA_RETURN_SHARE = 0.8  # seed 002: 80 % returned when rectified by 30 June next year
LOW_RECTIFICATION_PERCENT = 50.0  # seed 002: 整改到位率低于 50 % suspends approvals
RANKING_SIZE = 10  # seed 004: 前十名街镇
LOW_RECTIFICATION_RATE = LOW_RECTIFICATION_PERCENT / 100
TOTAL = "合计"

COUNT, AREA, RATE, FLAG, TEXT, NUMBER = "count", "area", "rate", "flag", "text", "number"


@dataclass(frozen=True)
class Column:
    """A column of the tables: Chinese header, unit (count, area in 亩, rate, flag, text,
    number) and, for a figure, its definition in Chinese (the docstring of its function, on
    one line: see ``_definition``)."""

    key: str
    header: str
    unit: str
    definition: str = ""


@dataclass(frozen=True)
class Context:
    """What some plot figures need besides the plots: the accountability year and the day
    the figures are computed for (overdue counts)."""

    year: int
    today: datetime.date
    start: datetime.date | None = None  # the period (events are counted in it)
    end: datetime.date | None = None


COLUMNS: dict[str, Column] = {}
PLOT_FIGURES: dict[str, Callable[[pd.DataFrame, Context], pd.Series]] = {}
DERIVED_FIGURES: dict[str, Callable[[pd.DataFrame], pd.Series]] = {}


def _label(key: str, header: str, unit: str = TEXT) -> None:
    COLUMNS[key] = Column(key, header, unit)


# A line break of a definition between two Chinese characters or punctuation marks.
_CJK = "\u3000-\u303f\u4e00-\u9fff\uff00-\uffef"
_CJK_LINE_BREAK = re.compile(f"(?<=[{_CJK}])\\s*\n\\s*(?=[{_CJK}])")


def _definition(function) -> str:
    """A figure's definition: its docstring on one line. Lines join without a space
    between Chinese characters (Chinese has no spaces between words), else with one."""
    text = _CJK_LINE_BREAK.sub("", inspect.getdoc(function) or "")
    return " ".join(line.strip() for line in text.splitlines())


def _plot_figure(header: str, unit: str):
    def register(function):
        key = function.__name__
        COLUMNS[key] = Column(key, header, unit, _definition(function))
        PLOT_FIGURES[key] = function
        return function

    return register


def _derived_figure(header: str, unit: str):
    def register(function):
        key = function.__name__
        COLUMNS[key] = Column(key, header, unit, _definition(function))
        DERIVED_FIGURES[key] = function
        return function

    return register


def _count(mask: pd.Series) -> pd.Series:
    return mask.astype(np.int64)


def _area(p: pd.DataFrame, mask: pd.Series, column: str = "area_m2") -> pd.Series:
    """The plot's area (m²) where ``mask``, else 0; NaN where ``mask`` and unknown."""
    return p[column].where(mask, 0.0)


def _area_mu(values: pd.Series) -> pd.Series:
    """Summed m² to the printed 亩 (``areas.official_mu``: half up from the exact m²);
    NaN (unknown) stays NaN."""
    sums = values.tolist()
    printed = {value: official_mu(value) for value in set(sums)}  # equal sums (0) once
    return pd.Series([printed[v] for v in sums], index=values.index, dtype=float)


def _rate(numerator: pd.Series, denominator: pd.Series) -> pd.Series:
    """numerator ÷ denominator as printed (``areas.official_rate_percent``, percent with
    two decimals, half up, from the exact values), kept as a fraction (15.01 % → 0.1501);
    NaN where the denominator is 0 or a value unknown."""
    values = [official_rate_percent(n, d) for n, d in zip(numerator.tolist(), denominator.tolist())]
    return pd.Series(
        [np.nan if v is None else v / 100 for v in values], index=numerator.index, dtype=float
    )


def _percent(rate: pd.Series) -> pd.Series:
    """A rate of ``_rate`` back to its printed percent (0.1501 → 15.01)."""
    return (rate * 100).round(2)


def _flag(mask: pd.Series, known: pd.Series) -> pd.Series:
    """A flag, None (shown 未比对) where the figure it is decided on is unknown."""
    return pd.Series(
        [bool(m) if k else None for m, k in zip(mask.tolist(), known.tolist())],
        index=mask.index,
        dtype=object,
    )


def _in(days: pd.Series, ctx) -> pd.Series:
    """Days inside the period of ``ctx``."""
    return (days >= julian_day(ctx.start)) & (days <= julian_day(ctx.end))


_label("county_code", "县级行政区代码")
_label("county_name", "县级行政区名称")
_label("township", "乡镇(街道)")
_label("village", "村(社区)")
_label("year", "年度", NUMBER)
_label("rank", "排名", NUMBER)
_label("denominator_source", "占耕比例分母来源")


@_plot_figure("登记图斑数", COUNT)
def registered(p, ctx):
    """登记图斑数 = 本统计期的登记图斑数量（含全部线索来源：下发批次、巡查发现、群众举报等）。"""
    return _count(pd.Series(True, index=p.index))


@_plot_figure("登记图斑面积", AREA)
def registered_area(p, ctx):
    """登记图斑面积 = Σ 登记图斑的图斑面积。"""
    return p["area_m2"]


@_plot_figure("下发图斑数", COUNT)
def issued(p, ctx):
    """下发图斑数 = 线索来源为部卫片或市卫片的图斑数量。"""
    return _count(p["issued"])


@_plot_figure("下发图斑面积", AREA)
def issued_area(p, ctx):
    """下发图斑面积 = Σ 下发图斑的图斑面积。"""
    return _area(p, p["issued"])


@_plot_figure("已判定图斑数", COUNT)
def determined(p, ctx):
    """已判定图斑数 = 已有判定结果（不论判定类型）的图斑数量。"""
    return _count(p["determined"])


@_plot_figure("未判定图斑数", COUNT)
def undetermined(p, ctx):
    """未判定图斑数 = 登记图斑数 − 已判定图斑数（即尚无判定结果的图斑数量）。"""
    return _count(~p["determined"])


@_plot_figure("判定合法", COUNT)
def legal(p, ctx):
    """判定合法 = 最新判定结果为合法的图斑数量。"""
    return _count(p["category"] == dc.LEGAL)


@_plot_figure("违法宗数", COUNT)
def illegal_count(p, ctx):
    """违法宗数 = 最新判定结果为违法的图斑数量（一个图斑计一宗）。"""
    return _count(p["illegal"])


@_plot_figure("判定其他", COUNT)
def other(p, ctx):
    """判定其他 = 最新判定结果为其他的图斑数量。"""
    return _count(p["category"] == dc.OTHER)


@_plot_figure("伪变化", COUNT)
def no_real_change(p, ctx):
    """伪变化 = 最新判定结果为伪变化的图斑数量。"""
    return _count(p["category"] == dc.NO_REAL_CHANGE)


@_plot_figure("设施农用地", COUNT)
def facility_farmland(p, ctx):
    """设施农用地 = 最新判定结果为设施农用地的图斑数量。"""
    return _count(p["category"] == dc.FACILITY_FARMLAND)


@_plot_figure("农村道路", COUNT)
def rural_road(p, ctx):
    """农村道路 = 最新判定结果为农村道路的图斑数量。"""
    return _count(p["category"] == dc.RURAL_ROAD)


@_plot_figure("违法面积", AREA)
def illegal_area(p, ctx):
    """违法面积 = Σ 违法图斑的图斑面积。"""
    return _area(p, p["illegal"])


@_plot_figure("违法占用耕地面积", AREA)
def illegal_cropland_area(p, ctx):
    """违法占用耕地面积 = Σ 违法图斑的耕地面积，不论是否已整改（即非农化面积；按年度统计即
    为初始违法占耕面积）。"""
    return _area(p, p["illegal"], "cropland_m2")


@_plot_figure("违法占耕宗数", COUNT)
def illegal_cropland_count(p, ctx):
    """违法占耕宗数 = 耕地面积大于0的违法图斑数量（有违法图斑未比对耕地时为"未比对"）。"""
    return _count(p["illegal"] & (p["cropland_m2"] > 0)).where(
        ~(p["illegal"] & ~p["cropland_known"])
    )


@_plot_figure("问责违法占耕面积", AREA)
def accountable_cropland_area(p, ctx):
    """问责违法占耕面积 = Σ 违法图斑的耕地面积 + 判定为其他-农村宅基地（符合"一户一宅"
    条件）、其他-保障性安居工程、其他-临时用地（市级重点工程临时用地违法不再扣减）的图斑的
    耕地面积（依据永川府办发〔2022〕53号，用于违法占耕比例和县级考核）。"""
    return _area(p, p["accountable"], "cropland_m2")


@_plot_figure("整改后问责违法占耕面积", AREA)
def unrectified_accountable_cropland_area(p, ctx):
    """整改后问责违法占耕面积 = Σ 问责违法占耕图斑中未整改到位的图斑的耕地面积（判定为
    其他的图斑无整改，按未整改计）。"""
    return _area(p, p["accountable"] & ~p["rectified"], "cropland_m2")


@_plot_figure("耕地未比对图斑数", COUNT)
def cropland_not_compared(p, ctx):
    """耕地未比对图斑数 = 未与土地利用现状图层比对（无比对结果）的登记图斑数量；含此类图斑
    的耕地面积合计显示为"未比对"，而不是按0计。"""
    return _count(~p["cropland_known"])


@_plot_figure("永久基本农田未比对图斑数", COUNT)
def farmland_not_compared(p, ctx):
    """永久基本农田未比对图斑数 = 未与永久基本农田图层比对的登记图斑数量；含此类图斑的
    永久基本农田面积合计显示为"未比对"。"""
    return _count(~p["farmland_known"])


@_plot_figure("违法占用永久基本农田面积", AREA)
def illegal_farmland_area(p, ctx):
    """违法占用永久基本农田面积 = Σ 违法图斑的永久基本农田面积。"""
    return _area(p, p["illegal"], "farmland_m2")


@_plot_figure("新增违法宗数", COUNT)
def new_illegal_count(p, ctx):
    """新增违法宗数 = 判定为新增（监测年度内建设）的违法图斑数量。"""
    return _count(p["illegal"] & (p["new_or_existing"] == dc.NEW))


@_plot_figure("新增违法面积", AREA)
def new_illegal_area(p, ctx):
    """新增违法面积 = Σ 新增违法图斑的图斑面积。"""
    return _area(p, p["illegal"] & (p["new_or_existing"] == dc.NEW))


@_plot_figure("存量违法宗数", COUNT)
def existing_illegal_count(p, ctx):
    """存量违法宗数 = 判定为存量（以前年度建设）的违法图斑数量。"""
    return _count(p["illegal"] & (p["new_or_existing"] == dc.EXISTING))


@_plot_figure("存量违法面积", AREA)
def existing_illegal_area(p, ctx):
    """存量违法面积 = Σ 存量违法图斑的图斑面积。"""
    return _area(p, p["illegal"] & (p["new_or_existing"] == dc.EXISTING))


@_plot_figure("新增建设用地占用耕地面积", AREA)
def construction_cropland_area(p, ctx):
    """新增建设用地占用耕地面积 = 由图斑计算：Σ 判定为合法或违法的图斑，以及判定为其他
    （灾毁地块、生态修复用地除外）的图斑的耕地面积。"""
    return _area(p, p["construction"], "cropland_m2")


@_plot_figure("立案宗数", COUNT)
def filed_count(p, ctx):
    """立案宗数 = 有立案编号（立案查处）的违法案件数量。"""
    return _count(p["filed"])


@_plot_figure("移交宗数", COUNT)
def referred_count(p, ctx):
    """移交宗数 = 已移交主管部门处理且未立案的违法案件数量（移交不等于整改到位）。"""
    return _count(p["non_filing"])


@_plot_figure("非立案处理宗数", COUNT)
def non_filing_count(p, ctx):
    """非立案处理宗数 = 规则允许不立案办结的违法案件数量：未立案（移交主管部门处理或当即
    整改）且经复核整改到位（办理状态为待复核、已销号或事后巡查）的；仅移交而未整改到位的
    不计。"""
    return _count(p["illegal"] & ~p["has_filing_number"] & p["rectified"])


@_plot_figure("已整改到位宗数", COUNT)
def rectified_count(p, ctx):
    """已整改到位宗数 = 整改到位（办理状态为待复核、已销号或事后巡查）的立案案件数量。"""
    return _count(p["filed"] & p["rectified"])


@_plot_figure("已结案宗数", COUNT)
def concluded_count(p, ctx):
    """已结案宗数 = 已销号（办理状态为已销号或事后巡查）的立案案件数量。"""
    return _count(p["concluded"])


@_plot_figure("未整改到位宗数", COUNT)
def unrectified_count(p, ctx):
    """未整改到位宗数 = 未整改到位的违法图斑数量，不论查处方式如何。"""
    return _count(p["illegal"] & ~p["rectified"])


@_plot_figure("剩余未整改面积", AREA)
def unrectified_area(p, ctx):
    """剩余未整改面积 = Σ 未整改到位的违法图斑的图斑面积（违法图斑在复核认定整改到位前
    按全部面积计算）。"""
    return _area(p, p["illegal"] & ~p["rectified"])


@_plot_figure("整改后违法占耕面积", AREA)
def unrectified_cropland_area(p, ctx):
    """整改后违法占耕面积 = Σ 未整改到位的违法图斑的耕地面积。"""
    return _area(p, p["illegal"] & ~p["rectified"], "cropland_m2")


@_plot_figure("非粮化宗数", COUNT)
def non_grain_count(p, ctx):
    """非粮化宗数 = 非粮化图斑数量（耕地转为园地、林地、草地或坑塘；最新判定结果不是
    违法或伪变化；现状用途取最近一次外业核查的实际用途，无外业核查的取变化类型）。"""
    return _count(p["non_grain"]).where(~p["non_grain_unknown"])


@_plot_figure("非粮化面积", AREA)
def non_grain_area(p, ctx):
    """非粮化面积 = Σ 非粮化图斑的耕地面积。"""
    return _area(p, p["non_grain"], "cropland_m2").where(~p["non_grain_unknown"])


@_plot_figure("年末未整改面积(1:1扣减指标)", AREA)
def year_end_unrectified_area(p, ctx):
    """年末未整改面积 = Σ 本年度违法图斑中截至当年12月31日仍未整改到位的图斑面积（在此
    之前统计的，为统计时尚未整改到位的图斑面积）；按1:1从乡镇增减挂钩留用建设用地指标
    中扣减。整改到位但未记录日期的，视为年末前已整改到位。"""
    year_end = julian_day(datetime.date(ctx.year, 12, 31))
    done = p["rectified_undated"] | (p["rectified_day"] <= year_end)
    return _area(p, p["illegal"] & ~done)


@_plot_figure("次年6月30日前整改面积", AREA)
def rectified_by_june_area(p, ctx):
    """次年6月30日前整改面积 = Σ 本年度违法图斑中在当年12月31日之后、次年6月30日（含）
    之前整改到位的图斑面积。"""
    after = julian_day(datetime.date(ctx.year, 12, 31))
    by = julian_day(datetime.date(ctx.year + 1, 6, 30))
    return _area(p, (p["rectified_day"] > after) & (p["rectified_day"] <= by))


# Overdue deadlines, one figure per kind of ``deadlines.py``, from the due dates of
# ``_due_days`` (that module's days and statuses); tests/test_statistics.py checks them
# against ``deadlines.overdue``.

OVERDUE_KEYS = {kind: f"overdue_{suffix}" for kind, suffix in OVERDUE_SUFFIXES.items()}


def _overdue_figure(kind: str, key: str) -> None:
    due = key.replace("overdue_", "due_")

    def overdue(p, ctx):
        return _count(p[due] < julian_day(ctx.today))

    overdue.__name__ = key
    overdue.__doc__ = (
        f"逾期({kind}) = 在逾期计算日已超过{kind}期限的图斑数量（期限按期限规则确定，到期日当天"
        "不计逾期）。"
    )
    _plot_figure(f"逾期({kind})", COUNT)(overdue)


for _kind, _key in OVERDUE_KEYS.items():
    _overdue_figure(_kind, _key)


# Derived figures: computed from the summed figures of a row (areas in 亩 by then).


@_derived_figure("违法占耕比例", RATE)
def illegal_cropland_ratio(t):
    """违法占耕比例 = 问责违法占耕面积 ÷ 新增建设用地占用耕地面积，按平方米计算后四舍五入
    保留两位小数（%）（分母为0时留空，含未比对图斑时为"未比对"）。县级考核表中，已录入
    本年度新增建设用地占用耕地总面积的，以录入值为分母。"""
    return _rate(t["accountable_cropland_area"], t["construction_cropland_area"])


@_derived_figure("整改到位率", RATE)
def rectification_rate(t):
    """整改到位率 = （已整改到位宗数 + 非立案处理宗数）÷ 违法宗数（无违法图斑时留空）。
    移交而未整改到位的不计为到位。"""
    return _rate(t["rectified_count"] + t["non_filing_count"], t["illegal_count"])


@_derived_figure("履职到位率", RATE)
def performance_rate(t):
    """履职到位率 = （已结案宗数 + 非立案处理宗数）÷ 违法宗数（无违法图斑时留空）。"""
    return _rate(t["concluded_count"] + t["non_filing_count"], t["illegal_count"])


@_derived_figure("初始违法占耕≥100亩(扣分)", FLAG)
def flag_initial_cropland(t):
    """初始违法占耕≥100亩 = 本年度问责违法占耕面积（以亩计，四舍五入保留两位小数，即
    表中所示数字）大于或等于100亩（依据永川府办发〔2022〕53号：区县扣分）。"""
    mu = _area_mu(t["accountable_cropland_area"])
    return _flag(mu >= INITIAL_CROPLAND_LIMIT_MU, mu.notna())


@_derived_figure("整改后违法占耕>50亩(扣分)", FLAG)
def flag_remaining_cropland(t):
    """整改后违法占耕>50亩 = 本年度整改后问责违法占耕面积（以亩计，四舍五入保留两位
    小数）大于50亩（依据永川府办发〔2022〕53号：区县扣分）。"""
    mu = _area_mu(t["unrectified_accountable_cropland_area"])
    return _flag(mu > REMAINING_CROPLAND_LIMIT_MU, mu.notna())


@_derived_figure("违法占耕比例>15%(问责)", FLAG)
def flag_cropland_ratio(t):
    """违法占耕比例>15% = 违法占耕比例（四舍五入精确到0.01%，即表中所示数字）大于15%
    （依据永川府办发〔2022〕53号：纳入问责范围）。"""
    percent = _percent(t["illegal_cropland_ratio"])
    return _flag(percent > CROPLAND_RATIO_LIMIT_PERCENT, percent.notna())


@_derived_figure("返还指标(80%)", AREA)
def returned_quota(t):
    """返还指标 = 80% × 次年6月30日前整改面积（依据启政办发〔2020〕32号）。"""
    return QUOTA_RETURN_SHARE * t["rectified_by_june_area"]


@_derived_figure("整改到位率<50%(暂停报批)", FLAG)
def flag_low_rectification(t):
    """整改到位率<50% = 本年度整改到位率（四舍五入精确到0.01%）低于50%（依据启政办发
    〔2020〕32号：暂停新增建设用地项目农转用和征地报批）；无违法图斑时为否。"""
    percent = _percent(t["rectification_rate"])
    return _flag(percent < LOW_RECTIFICATION_PERCENT, pd.Series(True, index=t.index))
