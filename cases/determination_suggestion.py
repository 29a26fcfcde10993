"""The suggested determination (建议判定) of a plot from its desk comparison: 合法-批文,
设施农用地, 其他-临时用地 or 违法, with the evidence found and the evidence looked for and not
found. A suggestion only: a person decides. Plain Python (no Qt, no QGIS)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from . import determination_codes as dc
from .areas import rounded
from .errors import N_
from .overlay_breakdown import (
    APPROVAL,
    APPROVAL_SHARE_FOR_LEGAL,
    FACILITY_SHARE,
    Breakdown,
    share_of,
)


@dataclass(frozen=True)
class Note:
    """A line of the suggestion: N_-marked template and its params."""

    template: str
    params: dict = field(default_factory=dict)

    def text(self, translate: Callable[[str], str] = lambda s: s) -> str:
        return translate(self.template).format(**self.params)


@dataclass(frozen=True)
class Suggestion:
    """A suggested determination; a person decides. ``evidence`` uses the keys of
    ``determination_codes.check_evidence``; ``missing`` lists the evidence not found."""

    category: str
    subtype: str | None
    evidence: dict
    reasons: tuple[Note, ...] = ()
    missing: tuple[Note, ...] = ()

    @property
    def label(self) -> str:
        return f"{self.category}-{self.subtype}" if self.subtype else self.category


def suggest(breakdown: Breakdown) -> Suggestion | None:
    """None when land use or 永久基本农田 was not compared for the plot (no layer
    assigned, or no comparison run): a determination is not suggested on figures that
    were never computed. Otherwise 合法-批文 when approvals cover ≥ 95 % of the plot;
    设施农用地 when a filing covers it (≥ 95 %, or the plot lies on 1202 land) and the
    plot is not larger than the filed area; 其他-临时用地 when a temporary-use approval
    covers ≥ 95 %; otherwise 违法, listing the evidence that was not found. A suggestion
    only: a person decides."""
    if breakdown.roles_for_suggestion_missing:
        return None
    reasons: list[Note] = []
    missing: list[Note] = []
    share = breakdown.approved_share
    if not breakdown.complete:
        missing.append(Note(N_("some overlaps could not be computed; check the plot")))
    if breakdown.approvals and share >= APPROVAL_SHARE_FOR_LEGAL:
        ordered = sorted(breakdown.approvals, key=lambda a: -a.share)
        numbers = [a.number for a in ordered if a.number]
        reasons.append(
            Note(
                N_("approvals cover {share:.1%} of the plot: {numbers}"),
                {"share": share, "numbers": "、".join(numbers) or "—"},
            )
        )
        if not numbers:
            missing.append(Note(N_("the approval has no approval number (批准文号)")))
        return Suggestion(
            dc.LEGAL,
            dc.LEGAL_BY_APPROVAL,
            {"approval_number": "、".join(numbers), "covered_share": rounded(min(share, 1.0), 4)},
            tuple(reasons),
            tuple(missing),
        )
    dominant = max(breakdown.landuse, key=lambda c: c.area.m2 or 0.0, default=None)
    on_facility_land = dominant is not None and dominant.code == "1202"
    filings = sorted(breakdown.filings, key=lambda f: -f.share)
    if filings and (filings[0].share >= FACILITY_SHARE or on_facility_land):
        filing = filings[0]
        occupied = breakdown.plot.m2
        evidence = {
            "facility_record_number": filing.number or "",
            "filed_area_m2": filing.filed_m2,
            "occupied_area_m2": rounded(occupied),
        }
        reasons.append(
            Note(
                N_("filing {number} covers {share:.1%} of the plot"),
                {"number": filing.number or "—", "share": filing.share},
            )
        )
        if on_facility_land:
            reasons.append(Note(N_("the land use under the plot is 1202 设施农用地")))
        if filing.filed_m2 is not None and occupied > filing.filed_m2 + 0.005:
            missing.append(
                Note(
                    N_(
                        "备少占多: the plot occupies {occupied:.2f} m², more than the "
                        "filed {filed:.2f} m²"
                    ),
                    {"occupied": occupied, "filed": filing.filed_m2},
                )
            )
            return Suggestion(dc.ILLEGAL, None, evidence, tuple(reasons), tuple(missing))
        return Suggestion(dc.FACILITY_FARMLAND, None, evidence, tuple(reasons), tuple(missing))
    temporary = breakdown.masks.get("temporary")
    if temporary is not None and share_of(temporary, breakdown.plot) >= APPROVAL_SHARE_FOR_LEGAL:
        numbers = [t.code for t in breakdown.temporary if t.code]
        reasons.append(
            Note(
                N_("temporary land use covers {share:.1%} of the plot"),
                {"share": share_of(temporary, breakdown.plot)},
            )
        )
        return Suggestion(
            dc.OTHER,
            "临时用地",
            {"basis": "、".join(numbers) or "临时用地"},
            tuple(reasons),
            tuple(missing),
        )
    # 违法: say what was looked for and not found
    if breakdown.approvals:
        missing.append(
            Note(
                N_("approvals cover only {share:.1%} of the plot (95 % needed): {numbers}"),
                {
                    "share": share,
                    "numbers": "、".join(a.number or "—" for a in breakdown.approvals),
                },
            )
        )
    elif APPROVAL in breakdown.roles:
        missing.append(Note(N_("no approval (批准文号) covers the plot")))
    else:
        missing.append(Note(N_("approvals were not compared (no approval layer)")))
    if on_facility_land and not filings:
        missing.append(Note(N_("the plot lies on 1202 设施农用地 but no filing covers it")))
    elif filings:
        missing.append(
            Note(
                N_("filing {number} covers only {share:.1%} of the plot"),
                {"number": filings[0].number or "—", "share": filings[0].share},
            )
        )
    if breakdown.cropland.m2:
        reasons.append(Note(N_("occupies 耕地 {area:.2f} 亩"), {"area": breakdown.cropland.mu}))
    if breakdown.farmland.m2:
        reasons.append(
            Note(N_("occupies 永久基本农田 {area:.2f} 亩"), {"area": breakdown.farmland.mu})
        )
    if breakdown.redline.m2:
        reasons.append(
            Note(N_("inside the ecological red line {area:.2f} 亩"), {"area": breakdown.redline.mu})
        )
    evidence = {}
    if breakdown.approvals:
        best = max(breakdown.approvals, key=lambda a: a.share)
        evidence = {"approval_number": best.number or "", "covered_share": rounded(share, 4)}
    return Suggestion(dc.ILLEGAL, None, evidence, tuple(reasons), tuple(missing))
