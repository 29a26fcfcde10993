"""整改面积: the area a rectification put right (no Qt, no QGIS).

拆除 (demolition) and 复耕 (restoring the land) are done on the same ground one after the
other, so they are never added: the larger of the two counts once. 补办手续 (legalising)
covers other ground, so it is added:

    整改面积 = max(拆除, 复耕) + 补办手续

An area not recorded (None) counts as 0; all three None gives None (nothing recorded).
"""

from __future__ import annotations


def rectified_area_m2(
    demolished: float | None, restored: float | None, legalised: float | None
) -> float | None:
    """max(demolished, restored) + legalised, in m²; None when none is recorded."""
    if demolished is None and restored is None and legalised is None:
        return None
    return max(demolished or 0.0, restored or 0.0) + (legalised or 0.0)
