"""Placing a batch's plots in the database's zone and measuring them, before they are stored
(plain Python): plots outside the zone are refused with the zone that fits them named (see
``zones``), unless the user allows them; each plot's planar and ellipsoidal area is computed
once for the batch.
"""

from __future__ import annotations

from . import plot_areas
from .errors import N_, CaseDatabaseError
from .intake_report import OTHER_ZONE, REJECTED, Issue, Note
from .store import NewPlot
from .zones import (
    accepted_band,
    check_zone,
    fitting_srid,
    longitude_ranges,
    span_text,
    zone_name,
)


class OutsideZone(CaseDatabaseError):
    """No plot of the batch lies in the database's zone: nothing is imported."""

    template = (
        "None of the {count} plots of {source} lies within {band}, the reach of the database's "
        "zone {zone}: they lie at {span} and fit {fitting}. Nothing was imported. Import them "
        "into a case database in {fitting}, or allow plots from another zone if they belong in "
        "this one."
    )


class UnplacedBatch(CaseDatabaseError):
    """No plot of the batch can be placed in the database's CRS at all."""

    template = (
        "None of the {count} plots of {source} can be placed in the database's zone {zone}: their "
        "coordinates lie beyond it. Nothing was imported; check the CRS of the source."
    )


def place(
    plots: list[tuple[int, NewPlot]],
    longitudes: dict[int, tuple[float, float] | None],
    srid: int,
    source: str,
    allow_other_zone: bool = False,
) -> tuple[list[tuple[int, NewPlot]], list[Issue], list[Note]]:
    """The plots that lie in the database's zone (all of them when ``allow_other_zone``),
    the issues of those that do not, and one note on the batch. Raises ``OutsideZone`` (or
    ``UnplacedBatch``) when not one plot lies in the zone and other zones are not allowed."""
    if not plots:
        return plots, [], []
    known = [longitudes.get(row) for row, _ in plots]
    missing = [index for index, pair in enumerate(known) if pair is None]
    if missing:
        found = longitude_ranges([plots[i][1].geometry for i in missing], srid)
        for index, pair in zip(missing, found):
            known[index] = (float(pair[0]), float(pair[1]))
    check = check_zone(known, srid)
    if not check.outside:
        return plots, [], []
    west, east = accepted_band(srid)
    band = span_text(west, east)
    fitting = check.fitting()
    span = check.span()
    common = {"zone": zone_name(srid), "band": band}
    if check.all_outside and not allow_other_zone:
        if fitting is None:
            raise UnplacedBatch(count=len(plots), source=source, **common)
        raise OutsideZone(
            count=len(plots),
            source=source,
            span=span_text(*span),
            fitting=zone_name(fitting),
            **common,
        )
    issues, kept = [], []
    outside = {placed.index: placed for placed in check.outside}
    for index, (row, plot) in enumerate(plots):
        placed = outside.get(index)
        if placed is None:
            kept.append((row, plot))
            continue
        if placed.west is None:  # beyond the zone's reach: never storable
            issues.append(
                Issue(
                    row,
                    plot.jcbh,
                    REJECTED,
                    N_("its coordinates lie beyond the database's zone {zone}"),
                    common,
                )
            )
            continue
        params = {
            **common,
            "span": span_text(placed.west, placed.east),
            "fitting": zone_name(fitting_srid(placed.centre, srid)),
        }
        if allow_other_zone:
            kept.append((row, plot))
            issues.append(
                Issue(
                    row,
                    plot.jcbh,
                    OTHER_ZONE,
                    N_(
                        "lies at {span}, outside {band}, the reach of the database's zone {zone}; "
                        "imported as allowed; it fits {fitting}"
                    ),
                    params,
                )
            )
        else:
            issues.append(
                Issue(
                    row,
                    plot.jcbh,
                    REJECTED,
                    N_(
                        "lies at {span}, outside {band}, the reach of the database's zone {zone}; "
                        "it fits {fitting}"
                    ),
                    params,
                )
            )
    placed_count = sum(1 for p in check.outside if p.west is not None)
    note_params = {**common, "count": len(check.outside), "rows": len(plots)}
    note_params["fitting"] = zone_name(fitting) if fitting is not None else "—"
    if allow_other_zone:
        reason = N_(
            "{count} of {rows} plots lie outside {band}, the reach of the database's zone {zone}, "
            "and were imported because plots from another zone were allowed; they fit {fitting}."
        )
        if placed_count < len(check.outside):
            reason = N_(
                "{count} of {rows} plots lie outside {band}, the reach of the database's zone "
                "{zone}; those that can be placed in it were imported because plots from another "
                "zone were allowed; they fit {fitting}."
            )
    else:
        reason = N_(
            "{count} of {rows} plots lie outside {band}, the reach of the database's zone {zone}, "
            "and were not imported; they fit {fitting}. Allow plots from another zone to import "
            "them."
        )
    return kept, issues, [Note(reason, note_params)]


def measure(
    plots: list[tuple[int, NewPlot]], srid: int
) -> tuple[list[tuple[int, NewPlot]], list[tuple[float, float]], list[Issue]]:
    """Each plot's planar and official ellipsoidal area (m²), computed once for the batch;
    a plot whose coordinates cannot be inverse-projected at all is left out with its reason."""
    if not plots:
        return plots, [], []
    geometries = [plot.geometry for _, plot in plots]
    try:
        planar, ellipsoidal = plot_areas.compute(geometries, srid)
        return plots, list(zip(planar.tolist(), ellipsoidal.tolist())), []
    except ValueError:
        pass
    kept, areas, issues = [], [], []
    for row, plot in plots:
        try:
            planar, ellipsoidal = plot_areas.compute([plot.geometry], srid)
        except ValueError:
            issues.append(
                Issue(
                    row,
                    plot.jcbh,
                    REJECTED,
                    N_("its coordinates lie beyond the database's zone {zone}"),
                    {"zone": zone_name(srid)},
                )
            )
            continue
        kept.append((row, plot))
        areas.append((float(planar[0]), float(ellipsoidal[0])))
    return kept, areas, issues
