"""Checks on one source record before it may be stored (plain Python): every coordinate a
finite number inside the area of use of the database's CRS, an area plausible for a plot,
and dates that are dates. Each check returns an N_-marked reason and its params, or None."""

from __future__ import annotations

import datetime
import re

import numpy as np
import shapely

from .crs import GK3_WITH_ZONE_PREFIX, central_meridian
from .errors import N_

# A plot larger than this is not a plot (a whole county, a CRS mix-up): refused unless the
# user raises the limit (Processing parameter MAX_PLOT_AREA_KM2, setting max_plot_area_km2).
DEFAULT_MAX_AREA_KM2 = 10.0
# A plot reaching further than this many times the side of a square of the largest area
# (10 km² → 31.6 km) is refused too: a sliver 1,000 km long has little area but is no plot.
SPAN_FACTOR = 10.0
# The area of use of the CGCS2000 3-degree Gauss-Krüger CRSs (EPSG): China, between about
# 3°N and 54°N; in northings (metres from the equator along the central meridian) with margin.
NORTHING_RANGE = (300_000.0, 6_050_000.0)
# Eastings: the false easting 500 km (plus the zone number × 1,000 km when prefixed); a
# 3-degree band with the 0.5° reach accepted beyond it is well within ±400 km of it.
EASTING_REACH = 400_000.0


# Plots allowed from another zone lie beyond the band; still within China's 60 degrees.
OTHER_ZONE_REACH = 4_000_000.0


def area_of_use(srid: int, reach: float = EASTING_REACH) -> tuple[float, float, float, float]:
    """(xmin, ymin, xmax, ymax) in the CRS's metres that a plot of this database may lie in."""
    false_easting = 500_000.0
    if srid in GK3_WITH_ZONE_PREFIX:
        false_easting += (central_meridian(srid) // 3) * 1_000_000.0
    return (
        false_easting - reach,
        NORTHING_RANGE[0],
        false_easting + reach,
        NORTHING_RANGE[1],
    )


def coordinate_problem(
    geometry: shapely.Geometry, srid: int | None, reach: float = EASTING_REACH
) -> tuple[str, dict] | None:
    """Why the coordinates of ``geometry`` (in EPSG:``srid``) cannot be stored, or None.
    Without ``srid`` only whether every coordinate is a finite number."""
    coordinates = shapely.get_coordinates(geometry, include_z=shapely.has_z(geometry))
    if coordinates.size == 0:
        return None
    finite = np.isfinite(coordinates)
    if not finite.all():
        return not_finite(coordinates[~finite.all(axis=1)][0])
    if srid is None:
        return None
    xmin, ymin, xmax, ymax = area_of_use(srid, reach)
    xy = coordinates[:, :2]
    inside = (xy[:, 0] >= xmin) & (xy[:, 0] <= xmax) & (xy[:, 1] >= ymin) & (xy[:, 1] <= ymax)
    if not inside.all():
        x, y = xy[~inside][0]
        return (
            N_(
                "has a coordinate ({x}, {y}) outside the area of use of EPSG:{srid} (x {xmin} to "
                "{xmax}, y {ymin} to {ymax}); check the CRS of the source"
            ),
            {
                "x": _number(x),
                "y": _number(y),
                "srid": srid,
                "xmin": _number(xmin),
                "xmax": _number(xmax),
                "ymin": _number(ymin),
                "ymax": _number(ymax),
            },
        )
    return None


def coordinate_problems(
    geometries: list[shapely.Geometry], srid: int | None, reach: float = EASTING_REACH
) -> list[tuple[str, dict] | None]:
    """``coordinate_problem`` of each geometry, found for the whole batch at once (the
    reason itself is written only for the few that have one)."""
    problems: list[tuple[str, dict] | None] = [None] * len(geometries)
    if not geometries:
        return problems
    array = np.empty(len(geometries), dtype=object)
    array[:] = geometries
    coordinates, index = shapely.get_coordinates(array, return_index=True)
    ok = np.isfinite(coordinates).all(axis=1)
    if srid is not None:
        xmin, ymin, xmax, ymax = area_of_use(srid, reach)
        x, y = coordinates[:, 0], coordinates[:, 1]
        ok &= (x >= xmin) & (x <= xmax) & (y >= ymin) & (y <= ymax)
    bad = set(np.unique(index[~ok]).tolist())
    with_z = np.flatnonzero(shapely.has_z(array))
    if with_z.size:
        values, z_index = shapely.get_coordinates(array[with_z], include_z=True, return_index=True)
        finite = np.isfinite(values).all(axis=1)
        bad.update(with_z[np.unique(z_index[~finite])].tolist())
    for number in bad:
        problems[number] = coordinate_problem(geometries[number], srid, reach)
    return problems


def not_finite(point) -> tuple[str, dict]:
    """The reason for a vertex with NaN or an infinite value."""
    return (
        N_(
            "has a coordinate that is not a finite number ({point}); correct the geometry "
            "in the source and import it again"
        ),
        {"point": ", ".join(_number(float(v)) for v in point)},
    )


def size_problem(
    geometry: shapely.Geometry, area_m2: float, max_area_km2: float | None
) -> tuple[str, dict] | None:
    """Why a plot of this size is not plausible, or None. ``area_m2`` is its ellipsoidal area."""
    if max_area_km2 is None:
        max_area_km2 = DEFAULT_MAX_AREA_KM2
    if not np.isfinite(area_m2):
        return N_("its area cannot be computed; correct the geometry in the source"), {}
    if area_m2 > max_area_km2 * 1_000_000.0:
        return (
            N_(
                "its area {area} km² is larger than {limit} km², the largest plausible for a "
                "plot; check the CRS and units of the source, or raise the limit"
            ),
            {"area": f"{area_m2 / 1_000_000.0:,.2f}", "limit": f"{max_area_km2:g}"},
        )
    xmin, ymin, xmax, ymax = geometry.bounds
    span = max(xmax - xmin, ymax - ymin)
    reach = SPAN_FACTOR * (max_area_km2 * 1_000_000.0) ** 0.5
    if span > reach:
        return (
            N_(
                "it reaches {span} km from end to end, more than {reach} km, the furthest "
                "plausible for a plot; check the geometry, or raise the area limit"
            ),
            {"span": f"{span / 1000.0:,.1f}", "reach": f"{reach / 1000.0:,.1f}"},
        )
    return None


_DATE_PATTERNS = (
    re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T][\d:.]+)?$"),
    re.compile(r"^(\d{4})/(\d{1,2})/(\d{1,2})$"),
    re.compile(r"^(\d{4})\.(\d{1,2})\.(\d{1,2})$"),
    re.compile(r"^(\d{4})(\d{2})(\d{2})$"),
    re.compile(r"^(\d{4})年(\d{1,2})月(\d{1,2})日$"),
)


def parse_date(value) -> datetime.date | None:
    """A date written in one of the ways issued batches write them (2025-10-01, 2025/10/01,
    20251001, 2025年10月1日); None when it is not one."""
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value).strip()
    for pattern in _DATE_PATTERNS:
        match = pattern.match(text)
        if match:
            try:
                return datetime.date(*(int(part) for part in match.groups()))
            except ValueError:
                return None
    return None


def iso_date(value) -> str | None:
    """``value`` as YYYY-MM-DD, or None when it is not a date."""
    date = parse_date(value)
    return date.isoformat() if date else None


def _number(value: float) -> str:
    if not np.isfinite(value):
        return str(value)
    if abs(value) >= 1e12:
        return f"{value:.3g}"
    return f"{value:,.1f}"
