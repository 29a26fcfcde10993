"""Plots that overlap another, stored or in the same batch (plain Python).

More than half of the smaller plot in common is flagged for a person to look at (two issued
plots over one building site); more than ``SAME_SHAPE_SHARE`` of both plots' areas is the same
plot under another number (a batch issued again with new numbers, a patrol find later issued):
flagged too, and the later plot keeps the earlier one's 监测编号 (plot.same_shape_as). Plots
are never merged.
"""

from __future__ import annotations

import shapely

from .areas import official_rate_percent
from .errors import N_
from .intake_report import OVERLAP, SAME_SHAPE, Issue
from .store import NewPlot

OVERLAP_SHARE = 0.5  # of the smaller plot: more than this is flagged
SAME_SHAPE_SHARE = 0.95  # of both plots: more than this is the same plot under another number


def find_overlaps(
    new: list[tuple[int, NewPlot]], existing: list[tuple[str, shapely.Geometry]]
) -> list[Issue]:
    """Plots overlapping another (stored or in the same batch) by more than half of the
    smaller one, and plots of the same shape: flagged for a person to look at, never merged."""
    return check_overlaps(new, existing)[0]


def check_overlaps(
    new: list[tuple[int, NewPlot]], existing: list[tuple[str, shapely.Geometry]]
) -> tuple[list[Issue], dict[int, str]]:
    """The overlap issues, and for each new plot (by index) that has the shape of an earlier
    one (a stored plot, or an earlier row of the batch: overlap above ``SAME_SHAPE_SHARE`` of
    both plots' areas) the 监测编号 of that earlier plot."""
    if not new:
        return [], {}
    others = existing + [(plot.jcbh, plot.geometry) for _, plot in new]
    geometries = [geometry for _, geometry in others]
    tree = shapely.STRtree(geometries)
    new_geometries = [plot.geometry for _, plot in new]
    pairs = tree.query(new_geometries, predicate="intersects")
    issues, reported = [], set()
    same_as: dict[int, str] = {}
    offset = len(existing)
    for new_index, other_index in zip(*pairs):
        if other_index == offset + new_index:
            continue  # the plot itself
        row, plot = new[new_index]
        other_jcbh, other = others[other_index]
        key = frozenset((plot.jcbh, other_jcbh))
        if key in reported:
            continue
        reported.add(key)
        shared = shapely.intersection(plot.geometry, other).area
        smaller = min(plot.geometry.area, other.area)
        if smaller > 0 and shared / smaller > OVERLAP_SHARE:
            issues.append(
                Issue(
                    row,
                    plot.jcbh,
                    OVERLAP,
                    N_("overlaps {other} by {share}% of the smaller plot; check before handling"),
                    {"other": other_jcbh, "share": f"{100 * shared / smaller:.0f}"},
                )
            )
        same = _same_shape(new, new_index, other_index - offset, other_jcbh, shared, other.area)
        if same is not None:
            later, earlier_jcbh, issue = same
            same_as.setdefault(later, earlier_jcbh)
            issues.append(issue)
    return issues, same_as


def _same_shape(new, new_index, batch_index, other_jcbh, shared, other_area):
    """(index of the later plot, 监测编号 of the earlier one, its issue) when the two plots
    overlap by more than ``SAME_SHAPE_SHARE`` of each one's area (as printed); else None.
    ``batch_index`` < 0: the other plot is a stored one, which is the earlier."""
    row, plot = new[new_index]
    share_of_plot = official_rate_percent(shared, plot.geometry.area)
    share_of_other = official_rate_percent(shared, other_area)
    if share_of_plot is None or share_of_other is None:
        return None
    if min(share_of_plot, share_of_other) <= SAME_SHAPE_SHARE * 100:
        return None
    if batch_index >= 0 and new[batch_index][0] > row:  # the other one comes later
        later, earlier_jcbh, shares = batch_index, plot.jcbh, (share_of_other, share_of_plot)
    else:
        later, earlier_jcbh, shares = new_index, other_jcbh, (share_of_plot, share_of_other)
    later_row, later_plot = new[later]
    issue = Issue(
        later_row,
        later_plot.jcbh,
        SAME_SHAPE,
        N_(
            "has the shape of {other}: they overlap by {share}% of this plot and {other_share}% "
            "of {other}; probably the same plot under another number, check before handling"
        ),
        {"other": earlier_jcbh, "share": f"{shares[0]:.2f}", "other_share": f"{shares[1]:.2f}"},
    )
    return later, earlier_jcbh, issue
