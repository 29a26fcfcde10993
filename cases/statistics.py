"""The monthly figures (月报) and the submission table, with pandas (no Qt, no QGIS).

Every figure is defined once, below, as a function whose docstring is its formula: a
*plot figure* gives each plot's contribution (1 or 0 for a count, m² for an area) and is
summed per county, township and village; a *derived figure* is computed from those sums
(rates, ratios, flags). The Excel workbook and the report show the docstrings as the
definitions. Areas are summed in m² and shown in 亩 (1 亩 = 10000/15 m²) with two decimals.

The main tables describe each case as it stands when they are computed (its current
status, determination and rectification), for the plots registered in the period; the
``events`` table counts each event in the period it happened in (``stats_tables``). Rows are sorted by code
point (拼音 order for most names); a place left empty shows as 未填写.

Terms (each defined in one place: ``_PLOTS_SQL`` for the places, the period and the
clue source, ``_classify`` for the rest):

- **plot area**: the official ellipsoidal area (椭球面积) stored with the plot
  (``plot.area_ellipsoidal_m2``, schema v5); planar areas are used nowhere here.
- **耕地 area**: the ellipsoidal area of the overlay's ``cropland`` rows (plot ∩ 0101 水田,
  0102 水浇地, 0103 旱地), 0 when the land-use comparison ran and found none;
  **永久基本农田 area**: the overlay's ``farmland`` total row. **Unknown** (未比对, never 0)
  when the role was not compared for the plot (no total row of ``landuse`` / ``farmland``):
  a sum over plots of which one is unknown is unknown, and the tables count such plots.
- **period**: a plot belongs to the day of ``deadlines.plot_reference_date`` (its batch's
  received date, else the date it was found, else the day it was registered).
- **county**: the first six digits of XZQDM; its name is the XZQMC of a plot whose XZQDM
  has exactly six digits, else the code.
- **issued (下发)**: the clue source is 部卫片 or 市卫片.
- **current determination**: the latest determination row of the case (revisions add rows).
- **立案**: a 违法 case with a filing number (立案编号).
- **非立案处理**: a 违法 case the rules allow to end without a case: never filed (referred
  to the department in charge, or rectified at once) and found 整改到位. A referral alone
  is not a rectification (``移交宗数`` counts referrals).
- **整改到位**: a 违法 case whose re-inspection found the rectification done: status
  待复核, 已销号 or 事后巡查. Its date is that re-inspection's date (else the close-out's).
  A violation counts whole: either 整改到位 or not (partial areas are not deducted).
- **已结案**: a 立案 case closed out (已销号 or 事后巡查).
- **问责违法占耕** (seed 001): 违法, and 其他-农村宅基地 (一户一宅), 其他-保障性安居工程 and
  其他-临时用地 (市级重点工程临时用地违法不再扣减): the numerator of 违法占耕比例 and the
  county flags.
- **新增建设用地** (for the 违法占耕比例 computed from the plots): plots determined 合法 or 违法,
  or 其他 except 灾毁地块 and 生态修复用地 (which are not construction).
- **非农化**: 违法 occupying 耕地 for construction; its area is the 违法占用耕地面积.
- **非粮化**: 耕地 turned to another agricultural use (园地, 林地, 草地, 坑塘): a plot not
  determined 违法 or 伪变化 whose current use (latest field verification's 实际用途, else its
  变化类型 BGLX) names one of ``NON_GRAIN_USES``; its area is the plot's 耕地 area.

Tables (``compute``): ``county``, ``township`` and ``village`` for the period's plots;
``county_flags`` and ``township_quota`` for the accountability year (the year of the
period's end, from 1 January to the period's end); ``non_agri_ranking`` and
``non_grain_ranking``: the ten townships with most 非农化 and 非粮化 area in the period.
The 违法占耕比例 of ``county_flags`` divides by the year's 新增建设用地占用耕地总面积 as
entered (``set_new_construction_cropland``, meta key ``new_construction_cropland_m2:<year>``)
when there is one, else by the figure computed from the plots; the main tables always use the
plots' figure. ``Statistics.denominator`` says which was used.
"""

from __future__ import annotations

# The facade: the figures live in the modules below, split along their seams; callers
# import them from here.
from .errors import CaseDatabaseError, InvalidRecord  # noqa: F401
from .stats_catalogue import (  # noqa: F401
    AREA,
    COLUMNS,
    COUNT,
    CROPLAND_RATIO_LIMIT_PERCENT,
    DERIVED_FIGURES,
    FLAG,
    INITIAL_CROPLAND_LIMIT_MU,
    LOW_RECTIFICATION_PERCENT,
    LOW_RECTIFICATION_RATE,
    NUMBER,
    OVERDUE_KEYS,
    PLOT_FIGURES,
    QUOTA_RETURN_SHARE,
    RANKING_SIZE,
    RATE,
    REMAINING_CROPLAND_LIMIT_MU,
    TEXT,
    TOTAL,
    Column,
    Context,
)
from .stats_compute import (  # noqa: F401
    DENOMINATOR_KEY,
    DENOMINATOR_SOURCE_KEY,
    ENTERED,
    FROM_PLOTS,
    Denominator,
    Statistics,
    compute,
    new_construction_cropland,
    plot_figures,
    set_new_construction_cropland,
    summarise,
)
from .stats_load import (  # noqa: F401
    ACCOUNTABLE_OTHER,
    CONCLUDED_STATUSES,
    FARMLAND_ROLE,
    ISSUED_SOURCES,
    NON_CONSTRUCTION_OTHER,
    NON_GRAIN_USES,
    OVERDUE_SUFFIXES,
    RECTIFIED_STATUSES,
    UNKNOWN_PLACE,
    load_plots,
)
from .stats_periods import Period, StatisticsError, julian_day, parse_period  # noqa: F401
from .stats_seeds import (  # noqa: F401
    AWARD_CRITERIA,
    AWARDS,
    CAMPAIGN_TARGET_PERCENT,
    campaign_plan,
    campaign_progress,
    set_campaign_plan,
    township_awards,
)
from .stats_tables import (  # noqa: F401
    COUNTY_FLAG_COLUMNS,
    EVENT_COLUMNS,
    LEVEL_KEYS,
    MAIN_COLUMNS,
    MAIN_GROUPS,
    TABLE_BASIS,
    TABLE_TITLES,
    TOWNSHIP_QUOTA_COLUMNS,
    definitions,
)
from .submission_table import (  # noqa: F401
    SUBMISSION_FIELDS,
    SUBMISSION_STAGES,
    SubmissionField,
    SubmissionTable,
    find_round,
    jcmj_mu,
    submission_table,
)
