"""GEOS's validity reasons in the words of an import report (Chinese), coordinates kept."""

from __future__ import annotations

import re

# GEOS's reasons (shapely.is_valid_reason) as a station's technician reads them.
_REASONS = (
    ("Ring Self-intersection", "环自相交"),
    ("Self-intersection", "自相交"),
    ("Too few points", "点数不足"),
    ("Hole lies outside shell", "内环在外环之外"),
    ("Holes are nested", "内环嵌套"),
    ("Interior is disconnected", "内部不连通"),
    ("Nested shells", "外环嵌套"),
    ("Duplicate Rings", "重复的环"),
    ("Invalid Coordinate", "无效坐标"),
    ("Ring is not closed", "环未闭合"),
)
KEPT_POLYGONAL_PART = "保留面状部分"
_AT = re.compile(r"\[\s*([-\d.eE+]+)\s+([-\d.eE+]+)\s*\]")


def repair_note(reason: str | None) -> str | None:
    """'Self-intersection[502212.63 3396195.02]' → '自相交（502212.63, 3396195.02 处）'."""
    if not reason:
        return reason
    words = reason
    for english, chinese in _REASONS:
        if reason.startswith(english):
            words = chinese
            break
    place = _AT.search(reason)
    if place and words != reason:
        words += f"（{place.group(1)}, {place.group(2)} 处）"
    return words
