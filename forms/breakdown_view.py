"""The desk comparison (内业比对) of one plot as the case panel shows it: areas by
land-use class, 耕地, farmland, red line, approvals and filings, the area identity, and the
suggested determination (a suggestion only: a person decides)."""

from __future__ import annotations

from html import escape

from ..cases.codes import square_metres_to_mu
from ..toolbelt.i18n import tr


def _mu(area) -> str:
    return "—" if area is None or area.m2 is None else f"{square_metres_to_mu(area.m2):.2f}"


def breakdown_html(jcbh: str, breakdown) -> str:
    if breakdown is None:
        return tr(
            "No desk comparison for {jcbh}: assign the land-use layer (Layer roles…)."
        ).format(jcbh=escape(jcbh))
    rows = [(tr("Plot"), _mu(breakdown.plot)), (tr("Cropland (耕地)"), _mu(breakdown.cropland))]
    for key, label in (
        ("farmland", tr("Permanent basic farmland")),
        ("redline", tr("Ecological red line")),
        ("urban_boundary", tr("Urban development boundary")),
    ):
        if key in breakdown.masks:
            rows.append((label, _mu(breakdown.masks[key])))
    for item in breakdown.landuse:
        rows.append((f"{escape(item.code or '')} {escape(item.name or '')}", _mu(item.area)))
    for approval in breakdown.approvals:
        rows.append(
            (
                tr("Approval {number}").format(number=escape(approval.number or "")),
                f"{approval.share:.1%}",
            )
        )
    table = "".join(
        f"<tr><td>{label}</td><td align='right'>{value}</td></tr>" for label, value in rows
    )
    suggestion = breakdown.suggestion()
    notes = [note.text(tr) for note in suggestion.reasons + suggestion.missing]
    identity = breakdown.identity_holds
    check = (
        ""
        if identity is None
        else "<p>"
        + (
            tr("Area identity holds.")
            if identity
            else tr("Area identity fails by {m2:.2f} m²: gaps or overlaps in the land use.").format(
                m2=breakdown.identity_difference_m2 or 0
            )
        )
        + "</p>"
    )
    return (
        f"<b>{escape(jcbh)}</b> — {tr('areas in mu')}<table width='100%'>{table}</table>{check}"
        f"<p><b>{tr('Suggested determination')}: {escape(suggestion.label)}</b><br>"
        + "<br>".join(escape(n) for n in notes)
        + "</p>"
    )
