"""整改面积: how much of a plot a rectification dealt with, in one function (no Qt, no QGIS).

A re-inspection records three areas (m²): 拆除面积 (demolished), 复耕面积 (restored to
cultivation) and 补办手续面积 (legalised: the part that stays, its procedures completed).
Demolition and restoration are usually done on the same ground one after the other (拆除
后复耕), and restoration without demolition (clearing a 堆放, levelling a 硬化) stays on
ground that was occupied: so those two overlap and are not added. Legalised ground is the
part that is *not* demolished. Hence

    整改面积 = max(拆除面积, 复耕面积) + 补办手续面积

It can never exceed the plot's area; the workflow refuses a re-inspection whose areas say
otherwise (``workflow.record_reinspection``). Statistics, the submission and the 销号报告
all call :func:`rectified_area_m2`.
"""

from __future__ import annotations


def _number(value) -> float | None:
    if value is None:
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return None if number != number else number  # NaN: not recorded


def rectified_area_m2(demolished, restored, legalised) -> float | None:
    """整改面积 (m²) = max(拆除面积, 复耕面积) + 补办手续面积; an area not recorded counts
    as 0, and None comes back when none of the three is recorded."""
    values = [_number(v) for v in (demolished, restored, legalised)]
    if all(v is None for v in values):
        return None
    demolished_m2, restored_m2, legalised_m2 = (v or 0.0 for v in values)
    return max(demolished_m2, restored_m2) + legalised_m2


def rectified_areas_m2(demolished, restored, legalised):
    """:func:`rectified_area_m2` for arrays (NaN: not recorded; NaN back where none of the
    three is), for the figures of many cases at once."""
    import numpy as np

    values = [np.asarray(v, dtype=float) for v in (demolished, restored, legalised)]
    none = np.isnan(values[0]) & np.isnan(values[1]) & np.isnan(values[2])
    demolished_m2, restored_m2, legalised_m2 = (np.nan_to_num(v) for v in values)
    total = np.maximum(demolished_m2, restored_m2) + legalised_m2
    return np.where(none, np.nan, total)
