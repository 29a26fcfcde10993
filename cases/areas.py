"""The one rounding rule for official areas and rates (no Qt, no QGIS).

Official areas are in 亩 with two decimals, rounded half up (四舍五入) from the exact
square metres: 1 亩 = 10000/15 m², so 亩 = m² × 15 / 10000 is computed in decimal
arithmetic from the float's exact value, never from a float quotient (670 m² is exactly
1.005 亩 and prints 1.01; the float 670 / 666.666… is 1.00499… and would print 1.00).

Every figure that is printed, and every flag decided on a figure (≥ 100 亩, > 50 亩,
> 15 %, < 50 %), goes through these functions, so a flag agrees with the number shown
beside it. Statistics, reports, the case panel and the exports all call them.

Not computed is not zero: ``None`` (or NaN) stays ``None`` here, and prints as
``NOT_COMPARED`` (未比对) where an area was never computed.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

SQUARE_METRES_PER_MU = Decimal(10000) / Decimal(15)
_MU_PER_SQUARE_METRE_NUM = Decimal(15)
_MU_PER_SQUARE_METRE_DEN = Decimal(10000)

NOT_COMPARED = "未比对"  # shown where an area was never computed (never 0.00)


def _is_missing(value) -> bool:
    return value is None or value != value  # None or NaN


def half_up(value: float | Decimal, places: int = 2) -> Decimal:
    """``value`` rounded half up (四舍五入) to ``places`` decimals, from the float's exact
    value: the one rounding of every official figure (m², 亩, percent, shares)."""
    exact = value if isinstance(value, Decimal) else Decimal(float(value))
    return exact.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def rounded(value: float, places: int = 2) -> float:
    """``half_up`` as a float (a stored or recorded figure: 12.35)."""
    return float(half_up(float(value), places))


def mu_to_m2(area_mu: float) -> float:
    """The square metres of ``area_mu`` 亩 (亩 × 10000 / 15 in decimal arithmetic)."""
    return float(Decimal(float(area_mu)) * SQUARE_METRES_PER_MU)


def mu_exact(area_m2: float) -> Decimal:
    """The exact 亩 of ``area_m2`` (m² × 15 / 10000 in decimal arithmetic)."""
    return Decimal(area_m2) * _MU_PER_SQUARE_METRE_NUM / _MU_PER_SQUARE_METRE_DEN


def official_mu_decimal(area_m2: float | None) -> Decimal | None:
    """亩 with two decimals, rounded half up from the exact m²; None when not computed."""
    if area_m2 is None or _is_missing(area_m2):
        return None
    value = half_up(mu_exact(float(area_m2)))
    return value if value != 0 else Decimal("0.00")  # no "-0.00"


def official_mu(area_m2: float | None) -> float | None:
    """``official_mu_decimal`` as a float (the printed number, e.g. 12.35)."""
    value = official_mu_decimal(area_m2)
    return None if value is None else float(value)


def official_mu_array(area_m2):
    """``official_mu`` of every value of a numpy array (NaN stays NaN), fast: the float
    product decides every value except those within 1e-6 of a half cent, which are
    decided in decimal arithmetic like ``official_mu`` (so both always agree)."""
    import numpy as np

    values = np.asarray(area_m2, dtype=float)
    cents = values * 0.15  # 亩 × 100
    result = np.floor(cents + 0.5) / 100
    near_half = np.abs(cents - np.floor(cents) - 0.5) < 1e-6
    for index in np.flatnonzero(near_half & np.isfinite(values)):
        result.flat[index] = official_mu(float(values.flat[index]))
    return result


def printed_m2_array(area_m2):
    """The m² of each value's printed 亩 (``official_mu_array`` × 10000 / 15): plot figures
    summed from these add up to the sum of the plots' printed 亩, so a table's total is the
    total of the documents and the export (NaN stays NaN)."""
    return official_mu_array(area_m2) * float(SQUARE_METRES_PER_MU)


def mu_text(area_m2: float | None, missing: str = NOT_COMPARED) -> str:
    """The printed 亩 figure ("12.35"), or ``missing`` when not computed."""
    value = official_mu_decimal(area_m2)
    return missing if value is None else f"{value:.2f}"


def mu_float(area_m2: float) -> float:
    """The unrounded 亩 of ``area_m2`` as a float (for sums, sorting and thresholds that
    are not printed); a printed 亩 goes through ``mu_text`` / ``official_mu``."""
    return float(mu_exact(float(area_m2)))


def m2_text(area_m2: float | None, missing: str = NOT_COMPARED) -> str:
    """An area in m² as printed: two decimals, rounded half up from the float's exact
    value (no grouping, no "-0.00"); ``missing`` when not computed."""
    if area_m2 is None or _is_missing(area_m2):
        return missing
    value = half_up(float(area_m2))
    return f"{abs(value) if value == 0 else value:.2f}"


def figure_decimal(value: float | None, scale: int = 1) -> Decimal | None:
    """A figure that is already a printed number (an ``official_mu`` float, a rate as a
    fraction, an issued 亩 value) × ``scale`` to two decimals, rounded half up from its
    shortest decimal form (as Excel shows it: 0.90625 × 100 is 90.63, 1.005 is 1.01);
    None when not given."""
    if value is None or _is_missing(value):
        return None
    result = half_up(Decimal(repr(float(value))) * scale)
    return result if result != 0 else Decimal("0.00")


def figure_text(value: float | None, missing: str = NOT_COMPARED, scale: int = 1) -> str:
    """``figure_decimal`` as printed ("12.35"), or ``missing``."""
    printed = figure_decimal(value, scale)
    return missing if printed is None else f"{printed:.2f}"


def official_rate_percent(numerator: float | None, denominator: float | None) -> float | None:
    """numerator ÷ denominator as a percentage with two decimals, rounded half up
    (e.g. 15.005 % prints 15.01 %); None when the denominator is 0 or unknown.

    Areas are passed in m² and counts as integers: the ratio is taken on the exact
    values, then rounded once."""
    if numerator is None or denominator is None:
        return None
    if _is_missing(numerator) or _is_missing(denominator) or float(denominator) == 0:
        return None
    value = Decimal(float(numerator)) * 100 / Decimal(float(denominator))
    return float(half_up(value))


def rate_text(percent: float | None, missing: str = "") -> str:
    """A rate from ``official_rate_percent`` as printed ("15.01%")."""
    return missing if percent is None else f"{percent:.2f}%"


def mu_definition_text() -> str:
    """The note printed under area tables: "1 亩 = 666.67 m²" (from the one definition)."""
    return f"1 亩 = {m2_text(float(SQUARE_METRES_PER_MU))} m²"
