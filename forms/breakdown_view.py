"""The desk comparison (内业比对) of one plot as the case panel shows it: areas by
land-use class, 耕地, farmland, red line, approvals and filings, the area identity, and the
suggested determination (a suggestion only: a person decides).

Not computed is not zero: a figure of a role that was not compared for the plot (no layer
assigned, or no comparison run) reads 未比对, and no determination is suggested without
land use and 永久基本农田. The plot's area is its official area as stored with the plot
(椭球面积). Every 亩 figure is ``cases/areas.mu_text``."""

from __future__ import annotations

from html import escape

from ..cases import overlay_records as rec
from ..cases.areas import NOT_COMPARED, mu_text
from ..toolbelt.i18n import tr

ROLE_LABELS = {  # the roles a suggestion needs, as the panel names them
    rec.LANDUSE: "地类图斑",
    "farmland": "永久基本农田",
}


def _mu(area) -> str:
    return NOT_COMPARED if area is None else mu_text(area.m2)


def panel_html(store, plot_id: int, jcbh: str, breakdown) -> str:
    """``breakdown_html`` with the plot's official area read from the case database."""
    return breakdown_html(jcbh, breakdown, rec.plot_official_area(store, plot_id))


def breakdown_html(jcbh: str, breakdown, plot_area_m2: float | None = None) -> str:
    """The panel's HTML. ``plot_area_m2``: the plot's stored official area (椭球面积); the
    comparison's own figure of the plot only when none is stored."""
    if plot_area_m2 is None and breakdown is not None:
        plot_area_m2 = breakdown.plot.m2

    def compared(role: str) -> bool:
        return breakdown is not None and breakdown.compared(role)

    rows = [(tr("Plot"), mu_text(plot_area_m2, missing="—"))]
    rows.append(
        (tr("Cropland (耕地)"), _mu(breakdown.cropland) if compared(rec.LANDUSE) else NOT_COMPARED)
    )
    rows.append(
        (
            tr("Permanent basic farmland"),
            _mu(breakdown.farmland) if compared("farmland") else NOT_COMPARED,
        )
    )
    for key, label in (
        ("redline", tr("Ecological red line")),
        ("urban_boundary", tr("Urban development boundary")),
    ):
        if compared(key):
            rows.append((label, _mu(breakdown.masks[key])))
    if compared(rec.LANDUSE):
        for item in breakdown.landuse:
            rows.append((f"{escape(item.code or '')} {escape(item.name or '')}", _mu(item.area)))
    else:
        rows.append((tr("Land use by class"), NOT_COMPARED))
    for approval in breakdown.approvals if breakdown is not None else ():
        rows.append(
            (
                tr("Approval {number}").format(number=escape(approval.number or "")),
                f"{approval.share:.1%}",
            )
        )
    table = "".join(
        f"<tr><td>{label}</td><td align='right'>{value}</td></tr>" for label, value in rows
    )
    identity = breakdown.identity_holds if breakdown is not None else None
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
    suggestion = breakdown.suggestion() if breakdown is not None else None
    if suggestion is None:
        missing = (
            breakdown.roles_for_suggestion_missing
            if breakdown is not None
            else list(rec.SUGGESTION_ROLES)
        )
        advice = (
            "<p>"
            + escape(
                tr(
                    "No suggested determination: {roles} not compared (Layer roles…, then "
                    "the desk comparison)."
                ).format(roles="、".join(ROLE_LABELS.get(role, role) for role in missing))
            )
            + "</p>"
        )
    else:
        notes = [note.text(tr) for note in suggestion.reasons + suggestion.missing]
        advice = (
            f"<p><b>{tr('Suggested determination')}: {escape(suggestion.label)}</b><br>"
            + "<br>".join(escape(n) for n in notes)
            + "</p>"
        )
    return (
        f"<b>{escape(jcbh)}</b> — {tr('areas in mu')}<table width='100%'>{table}</table>"
        f"{check}{advice}"
    )
