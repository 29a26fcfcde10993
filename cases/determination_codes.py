"""Code lists of the legality determination (合法性判定) and the case workflow, and the
evidence each determination must carry (DOMAIN.md, "Legality determination categories").

All values are Chinese, exactly as stored in the database and shown in the forms.
The rules here are pure functions (no database): ``workflow.determine`` applies them and
the forms may call ``check_evidence`` to show problems before saving.
"""

from __future__ import annotations

import datetime
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from .areas import rounded
from .errors import N_

# -- categories and sub-types --------------------------------------------------------

LEGAL = "合法"
ILLEGAL = "违法"
OTHER = "其他"
NO_REAL_CHANGE = "伪变化"
FACILITY_FARMLAND = "设施农用地"
RURAL_ROAD = "农村道路"

CATEGORIES = (LEGAL, ILLEGAL, OTHER, NO_REAL_CHANGE, FACILITY_FARMLAND, RURAL_ROAD)

# Only 违法 leads to a case (立案 or 移交); every other category is closed without one.
CASE_CATEGORIES = (ILLEGAL,)
CLOSED_WITHOUT_CASE = tuple(c for c in CATEGORIES if c not in CASE_CATEGORIES)

# 合法 by what evidence
LEGAL_BY_APPROVAL = "批文"
LEGAL_BY_LAND_SUPPLY = "供地手续"
LEGAL_BY_TITLE = "登记发证"
LEGAL_BY_OTHER = "其他"
LEGAL_SUBTYPES = (LEGAL_BY_APPROVAL, LEGAL_BY_LAND_SUPPLY, LEGAL_BY_TITLE, LEGAL_BY_OTHER)

# 违法 by use group, each with its specific uses (a group without uses takes none).
ILLEGAL_USES: dict[str, tuple[str, ...]] = {
    "工矿商服": ("厂房", "光伏", "硬化", "文旅", "采矿", "挖湖造景"),
    "民生公益": ("公共管理与公共服务", "城镇住宅", "特殊用地"),
    "道路交通": ("高速高铁", "国省干道", "地方城镇道路"),
    "圈占堆放等": (),
}
ILLEGAL_GROUPS = tuple(ILLEGAL_USES)

# 其他: the kinds named in DOMAIN.md; "其他情形" takes what the list does not name
# (it must say why in the evidence ``basis``). Add kinds here when the province does.
OTHER_SUBTYPES = (
    "农村宅基地",
    "边角细缝",
    "边坡治理",
    "电力设施",
    "灾毁地块",
    "生态修复用地",
    "临时用地",
    "紧急用地",
    "出入口",
    "保障性安居工程",  # seed 001: 符合政策要求的保障性安居工程 (counted in 违法占耕比例)
    "其他情形",
)
OTHER_UNLISTED = "其他情形"

# The sub-types a form offers for each category (违法: the use groups).
SUBTYPES: dict[str, tuple[str, ...]] = {
    LEGAL: LEGAL_SUBTYPES,
    ILLEGAL: ILLEGAL_GROUPS,
    OTHER: OTHER_SUBTYPES,
    NO_REAL_CHANGE: (),
    FACILITY_FARMLAND: (),
    RURAL_ROAD: (),
}

# -- field verification, handling, rectification ------------------------------------

SITE_STATUSES = ("已建成", "在建", "未动工", "已拆除", "其他")

HANDLING_DEPARTMENTS = ("农业农村", "林业", "水务", "综合执法", "公安", "纪委监委", "乡镇(街道)")

MEASURES = ("拆除复耕", "没收", "补办手续", "罚款")

REINSPECTION_DONE = "整改到位"
REINSPECTION_NOT_DONE = "未整改到位"
REINSPECTION_RESULTS = (REINSPECTION_DONE, REINSPECTION_NOT_DONE)

NEW = "新增"
EXISTING = "存量"

# -- evidence ------------------------------------------------------------------------

# Evidence keys kept in their own determination columns; any other key is kept in the
# determination's ``evidence`` JSON as given.
EVIDENCE_COLUMNS = (
    "approval_number",
    "covered_share",
    "title_number",
    "facility_record_number",
    "filed_area_m2",
)

_PARTIAL_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


@dataclass(frozen=True)
class EvidenceProblem:
    """Why a determination cannot be saved: an N_-marked English template and its params."""

    template: str
    params: dict = field(default_factory=dict)

    @property
    def message(self) -> str:
        return self.template.format(**self.params)


@dataclass(frozen=True)
class EvidenceWarning:
    """A finding to show with the determination (it is saved all the same)."""

    code: str
    template: str
    params: dict = field(default_factory=dict)

    @property
    def message(self) -> str:
        return self.template.format(**self.params)

    def as_json(self) -> dict:
        return {"code": self.code, "template": self.template, "params": self.params}


@dataclass(frozen=True)
class EvidenceCheck:
    """The outcome of ``check_evidence``: the sub-type split into the stored sub-type and
    detail, the problems that refuse the determination and the warnings that do not."""

    subtype: str | None
    detail: str | None
    problems: tuple[EvidenceProblem, ...]
    warnings: tuple[EvidenceWarning, ...]

    @property
    def ok(self) -> bool:
        return not self.problems


def _text(value) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def number_or_none(value) -> float | None:
    """A finite number from a number or numeric text; None for anything else."""
    if value is None or isinstance(value, bool) or (isinstance(value, str) and not value.strip()):
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return number if math.isfinite(number) else None


def _shown(value):
    """A value for a message: a dash for nothing."""
    return "—" if value is None or (isinstance(value, str) and not value.strip()) else value


def _joined(values) -> str:
    return "、".join(values)


def split_subtype(category: str, subtype: str | None) -> tuple[str | None, str | None]:
    """(stored sub-type, detail). A 违法 sub-type may be given as the use group
    ("圈占堆放等") or as the specific use ("厂房"): the group is stored as the sub-type and
    the specific use as ``subtype_detail``. Other categories have no detail."""
    subtype = _text(subtype)
    if category == ILLEGAL and subtype is not None and subtype not in ILLEGAL_USES:
        for group, uses in ILLEGAL_USES.items():
            if subtype in uses:
                return group, subtype
    return subtype, None


def check_evidence(
    category: str,
    subtype: str | None,
    evidence: Mapping | None,
    occupied_area_m2: float | None = None,
) -> EvidenceCheck:
    """Check a determination's category, sub-type and evidence.

    Rules: 合法-批文 needs ``approval_number`` and ``covered_share`` in (0, 1];
    合法-供地手续 needs ``approval_number`` (the land-supply document number);
    合法-登记发证 needs ``title_number``; 合法-其他 and 其他-其他情形 need a ``basis``
    (what the determination rests on); 设施农用地 needs ``facility_record_number`` and
    ``filed_area_m2`` > 0, and warns 备少占多 when the occupied area (``evidence
    ["occupied_area_m2"]`` when measured, else ``occupied_area_m2``, the plot's area) is
    larger than the filed area. Areas are m².
    """
    evidence = dict(evidence or {})
    problems: list[EvidenceProblem] = []
    warnings: list[EvidenceWarning] = []

    def problem(template: str, **params) -> None:
        problems.append(EvidenceProblem(template, params))

    if category not in CATEGORIES:
        problem(
            N_("the determination category {value} is not one of {allowed}"),
            value=category,
            allowed=_joined(CATEGORIES),
        )
        return EvidenceCheck(_text(subtype), None, tuple(problems), ())

    stored, detail = split_subtype(category, subtype)
    offered = SUBTYPES[category]
    if offered and stored is None:
        problem(
            N_("a {category} determination needs a sub-type: {allowed}"),
            category=category,
            allowed=_joined(offered),
        )
    elif stored is not None and stored not in offered:
        if offered:
            problem(
                N_("the sub-type {value} is not one of the {category} sub-types: {allowed}"),
                value=stored,
                category=category,
                allowed=_joined(
                    [*offered, *(u for uses in ILLEGAL_USES.values() for u in uses)]
                    if category == ILLEGAL
                    else offered
                ),
            )
        else:
            problem(
                N_("a {category} determination has no sub-type (got {value})"),
                category=category,
                value=stored,
            )

    if category == LEGAL and stored == LEGAL_BY_APPROVAL:
        if not _text(evidence.get("approval_number")):
            problem(N_("合法 by 批文 needs the approval number (批准文号)"))
        share = number_or_none(evidence.get("covered_share"))
        if share is None or not 0 < share <= 1:
            problem(
                N_(
                    "合法 by 批文 needs the share of the plot the approval covers, "
                    "more than 0 and at most 1 (got {value})"
                ),
                value=_shown(evidence.get("covered_share")),
            )
    elif category == LEGAL and stored == LEGAL_BY_LAND_SUPPLY:
        if not _text(evidence.get("approval_number")):
            problem(
                N_(
                    "合法 by 供地手续 needs the number of the land-supply document "
                    "(划拨决定书 or 出让合同)"
                )
            )
    elif category == LEGAL and stored == LEGAL_BY_TITLE:
        if not _text(evidence.get("title_number")):
            problem(N_("合法 by 登记发证 needs the title number (不动产权证号)"))
    elif (category, stored) in ((LEGAL, LEGAL_BY_OTHER), (OTHER, OTHER_UNLISTED)):
        if not _text(evidence.get("basis")):
            problem(
                N_("{category} ({subtype}) needs the basis of the determination"),
                category=category,
                subtype=stored,
            )
    elif category == FACILITY_FARMLAND:
        if not _text(evidence.get("facility_record_number")):
            problem(N_("设施农用地 needs the facility-land record number (设施农用地上图入库号)"))
        filed = number_or_none(evidence.get("filed_area_m2"))
        if filed is None or filed <= 0:
            problem(
                N_("设施农用地 needs the filed area in m², more than 0 (got {value})"),
                value=_shown(evidence.get("filed_area_m2")),
            )
        occupied = number_or_none(evidence.get("occupied_area_m2"))
        if occupied is None:
            occupied = occupied_area_m2
        if filed is not None and filed > 0 and occupied is not None and occupied > filed:
            warnings.append(
                EvidenceWarning(
                    "备少占多",
                    N_(
                        "备少占多: the plot occupies {occupied_m2:.2f} m², more than the "
                        "filed {filed_m2:.2f} m²"
                    ),
                    {"occupied_m2": rounded(occupied), "filed_m2": rounded(filed)},
                )
            )
    return EvidenceCheck(stored, detail, tuple(problems), tuple(warnings))


# -- 新增 / 存量 -----------------------------------------------------------------------


def construction_year(construction_date) -> int | None:
    """The year of a construction date given as a date or as 'YYYY', 'YYYY-MM' or
    'YYYY-MM-DD' (site checks often know only the year or the month); None when empty.
    Raises ValueError for anything else."""
    if construction_date is None:
        return None
    if isinstance(construction_date, datetime.date):
        return construction_date.year
    text = str(construction_date).strip()
    if not text:
        return None
    match = _PARTIAL_DATE.match(text)
    if not match:
        raise ValueError(text)
    year, month, day = match.groups()
    try:
        datetime.date(int(year), int(month or 1), int(day or 1))
    except ValueError as exc:
        raise ValueError(text) from exc
    return int(year)


def new_or_existing(construction_date, monitoring_year: int) -> str | None:
    """新增 or 存量 for a violation, from its construction date and the monitoring year.

    The rule: construction in the monitoring year (or later) is 新增; construction in an
    earlier year is 存量. The monitoring year is the year the plot's batch was received
    (see ``workflow.monitoring_year``). Only the year counts, so a partial date ('2025'
    or '2025-06') is enough. None when the construction date is unknown.
    """
    year = construction_year(construction_date)
    if year is None:
        return None
    return NEW if year >= monitoring_year else EXISTING
