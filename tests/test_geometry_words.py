"""Geometry repairs are noted in Chinese in the import report, with their place."""

from __future__ import annotations

import shapely

from landcase.cases.geometry_words import repair_note
from landcase.cases.intake import repair


def test_a_bow_tie_is_noted_as_self_intersection_at_its_crossing():
    # the two diagonals of the 10 m square cross at (5, 5)
    bow_tie = shapely.from_wkt("POLYGON ((0 0, 10 10, 10 0, 0 10, 0 0))")
    geometry, note = repair(bow_tie)
    assert note == "自相交（5, 5 处）"
    assert geometry.is_valid and abs(geometry.area - 50.0) < 1e-9  # two triangles of 25 m²


def test_reasons_in_words_and_unknown_reasons_kept():
    assert repair_note("Ring Self-intersection[1 2]") == "环自相交（1, 2 处）"
    assert repair_note("Too few points[3 4]") == "点数不足（3, 4 处）"
    assert repair_note("Something new[1 2]") == "Something new[1 2]"
    assert repair_note(None) is None
