"""The photo rules (``cases.photo_rules``) in the user's words, for the case dialog's
photo lists: which rules each photo meets, misses or cannot be judged by, and whether the
set has enough photos of the kinds required."""

from __future__ import annotations

from ..cases.photo_rules import DISTANCE, FACING, UNCHANGED, WINDOW, PhotoCheck, RulesCheck
from ..toolbelt.i18n import tr


def _rule_names(rules) -> dict[str, str]:
    return {
        WINDOW: tr("taken in the date window"),
        DISTANCE: tr("within {metres:g} m").format(metres=rules.max_distance_m),
        FACING: tr("facing the plot (±{degrees:g}°)").format(degrees=rules.facing_tolerance_deg),
        UNCHANGED: tr("unchanged since stored"),
    }


def photo_rule_text(check: PhotoCheck, rules) -> str:
    """e.g. "Meets: …; misses: facing the plot (±45°); cannot tell: …"."""
    names = _rule_names(rules)
    parts = []
    for outcome, label in (
        (True, tr("Meets: {rules}")),
        (False, tr("misses: {rules}")),
        (None, tr("cannot tell: {rules}")),
    ):
        met = check.rules(outcome)
        if met:
            parts.append(label.format(rules=tr(", ").join(names[rule] for rule in met)))
    kind = check.photo.kind or tr("kind not given")
    return tr("{kind}; {results}").format(kind=kind, results=tr("; ").join(parts))


def set_rule_text(check: RulesCheck) -> str:
    """e.g. "Photo rules: 2 photos (at least 2); lacking: 近景"."""
    start, end = check.window
    lines = [
        tr("Photo rules: {count} photos (at least {minimum}); date window {start} to {end}").format(
            count=len(check.photos),
            minimum=check.rules.min_photos,
            start=start or "—",
            end=end,
        )
    ]
    if check.missing_kinds:
        lines.append(tr("Lacking: {kinds}").format(kinds=tr(", ").join(check.missing_kinds)))
    lines.append(tr("All photo rules met") if check.passed else tr("Not all photo rules met"))
    return "\n".join(lines)
