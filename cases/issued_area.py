"""The issued 监测面积 (JCMJ …) against the plot's own official area.

An issued batch gives each plot's area in a field whose unit the field's name does not always
say: the national 监测面积 is in 亩, but provincial and county batches often give m². The unit
is part of the field mapping (``jcmj_unit``, remembered with it); when it is not given it is
guessed from the values: the unit in which more plots agree with their ellipsoidal area (椭球面积,
computed from the geometry) within ``TOLERANCE_PERCENT`` (or equal to it as printed in that
unit: a small plot's 0.01 亩 is more than 5 %). Each plot whose issued area then
differs by more than that is flagged, and where the other unit would agree the message says so.
The unit is stored on the plot (plot.jcmj_unit), so that exports convert to the unit their
national field name says.
"""

from __future__ import annotations

import dataclasses
from decimal import Decimal

from .areas import (
    figure_decimal,
    half_up,
    m2_text,
    mu_to_m2,
    official_mu_decimal,
    official_rate_percent,
    rate_text,
)
from .errors import N_
from .field_mapping import MU, SQUARE_METRE
from .intake_report import AREA_MISMATCH, Issue, Note
from .store import NewPlot

TOLERANCE_PERCENT = 5.0  # the issued and the computed area may differ by this much


def issued_m2(jcmj: float, unit: str) -> float:
    """The issued area in m² (亩 × 10000 / 15)."""
    if unit == MU:
        return mu_to_m2(jcmj)
    return float(jcmj)


def deviation_percent(jcmj: float, unit: str, area_m2: float) -> float | None:
    """How far the issued area is from ``area_m2``, in percent of it (2 decimals, half up)."""
    return official_rate_percent(abs(issued_m2(jcmj, unit) - area_m2), area_m2)


def printed_alike(jcmj: float, unit: str, area_m2: float) -> bool:
    """Whether the issued value is the plot's area as printed in that unit (亩 to 0.01 by
    the one rounding rule, m² to the whole square metre): 0.08 亩 for a 50.6 m² plot is
    6.6 % off only because 0.01 亩 is 6.67 m²."""
    given = Decimal(str(jcmj))
    if unit == MU:
        return official_mu_decimal(area_m2) == figure_decimal(jcmj)
    return half_up(area_m2, 0) == half_up(given, 0)


def agrees(jcmj: float, unit: str, area_m2: float) -> bool:
    """Within the tolerance, or the same number once the area is printed like the value."""
    deviation = deviation_percent(jcmj, unit, area_m2)
    if deviation is not None and deviation <= TOLERANCE_PERCENT:
        return True
    return printed_alike(jcmj, unit, area_m2)


def _other(unit: str) -> str:
    return SQUARE_METRE if unit == MU else MU


def _number(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".")


def guess_unit(pairs: list[tuple[float, float]]) -> tuple[str, Note]:
    """The unit of the issued areas ``(jcmj, ellipsoidal m²)`` and the note saying the guess."""
    in_mu = sum(1 for jcmj, area in pairs if agrees(jcmj, MU, area))
    in_m2 = sum(1 for jcmj, area in pairs if agrees(jcmj, SQUARE_METRE, area))
    if in_mu == in_m2 == 0:
        return MU, Note(
            N_(
                "The unit of 监测面积 was not given and none of the {total} issued areas agrees "
                "with its plot's ellipsoidal area within {tolerance} % in 亩 or in m²; they "
                "were read in 亩, the unit of the national field."
            ),
            {"total": len(pairs), "tolerance": _number(TOLERANCE_PERCENT)},
        )
    unit = SQUARE_METRE if in_m2 > in_mu else MU
    agree, other_agree = (in_m2, in_mu) if unit == SQUARE_METRE else (in_mu, in_m2)
    return unit, Note(
        N_(
            "The unit of 监测面积 was not given; guessed {unit}: read in {unit}, {agree} of "
            "{total} issued areas agree with their plot's ellipsoidal area within {tolerance} % "
            "(read in {other}: {other_agree})."
        ),
        {
            "unit": unit,
            "other": _other(unit),
            "agree": agree,
            "other_agree": other_agree,
            "total": len(pairs),
            "tolerance": _number(TOLERANCE_PERCENT),
        },
    )


def check_issued_areas(
    plots: list[tuple[int, NewPlot]],
    areas: list[tuple[float, float]],
    unit: str | None,
) -> tuple[list[tuple[int, NewPlot]], list[Issue], list[Note], str | None]:
    """The plots with the unit of their issued area set, the plots whose issued area differs
    from the ellipsoidal one by more than the tolerance, a note when the unit was guessed,
    and the unit used (None when no plot has an issued area)."""
    pairs = [(plot.jcmj, area[1]) for (_, plot), area in zip(plots, areas) if plot.jcmj is not None]
    if not pairs:
        return plots, [], [], unit or None
    notes = []
    if not unit:
        unit, note = guess_unit(pairs)
        notes.append(note)
    issues, checked = [], []
    for (row, plot), (_, area) in zip(plots, areas):
        if plot.jcmj is None:
            checked.append((row, plot))
            continue
        checked.append((row, dataclasses.replace(plot, jcmj_unit=unit)))
        if agrees(plot.jcmj, unit, area):
            continue
        deviation = deviation_percent(plot.jcmj, unit, area)
        other = _other(unit)
        params = {
            "jcmj": _number(plot.jcmj),
            "unit": unit,
            "given": m2_text(issued_m2(plot.jcmj, unit)),
            "area": m2_text(area),
            "percent": rate_text(deviation),
            "other": other,
            "other_given": m2_text(issued_m2(plot.jcmj, other)),
        }
        if agrees(plot.jcmj, other, area):
            reason = N_(
                "监测面积 {jcmj} {unit} ({given} m²) differs from the plot's ellipsoidal area "
                "{area} m² by {percent}; read in {other} ({other_given} m²) it agrees: check "
                "the unit of 监测面积"
            )
        else:
            reason = N_(
                "监测面积 {jcmj} {unit} ({given} m²) differs from the plot's ellipsoidal area "
                "{area} m² by {percent}"
            )
        issues.append(Issue(row, plot.jcbh, AREA_MISMATCH, reason, params))
    return checked, issues, notes, unit
