"""A patrol's route from a phone's track: GPX (tracks or routes) or a GeoJSON line.

GPX is always longitude/latitude (WGS 84, which equals CGCS2000 at the centimetre level);
its track points' times, when written, give the patrol's start and end. A GeoJSON file
holds LineStrings or MultiLineStrings (as geometries, features or a collection) in
degrees (RFC 7946), or in the database CRS when its old-style ``crs`` member names that
EPSG code or its coordinates are plainly not degrees. The lines reach the database as one
MULTILINESTRING in its CRS (degrees are transformed by the database's own PROJ).

A file that cannot be read, is not GPX or GeoJSON, holds no line of two points or names
another CRS is refused (``RouteRefused``, naming the file and the reason).
"""

from __future__ import annotations

import datetime
import json
import math
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

import shapely

from . import errors
from .crs import CGCS2000_GEOGRAPHIC
from .errors import N_
from .moments import iso_moment
from .record_checks import coordinate_problem

DEGREES = "degrees"
DATABASE_CRS = "database"
_DEGREE_CODES = ("4326", "4490", "CRS84")
_MAX_BYTES = 64 << 20  # a day's track is far smaller; anything larger is not a route


class RouteRefused(errors.CaseDatabaseError):
    template = N_("The route {path} was not read: {reason}")


@dataclass(frozen=True)
class Route:
    lines: shapely.MultiLineString
    crs: str  # DEGREES or DATABASE_CRS
    source: str  # the file's name
    started_at: str | None = None  # the first and last track point times (GPX)
    ended_at: str | None = None


def _refused(path, reason: str, **params) -> RouteRefused:
    return RouteRefused(path=str(path), reason=reason, **params)


def _local_name(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _gpx(path: Path, root: ET.Element) -> Route:
    lines, times = [], []
    for element in root.iter():
        if _local_name(element.tag) not in ("trkseg", "rte"):
            continue
        points = []
        for point in element:
            if _local_name(point.tag) not in ("trkpt", "rtept"):
                continue
            try:
                lon, lat = float(point.get("lon", "")), float(point.get("lat", ""))
            except ValueError:
                raise _refused(
                    path, N_("a point has no number for lon or lat ({lon}, {lat})"),
                    lon=point.get("lon", "—"), lat=point.get("lat", "—"),
                ) from None  # fmt: skip
            points.append((lon, lat))
            for child in point:
                if _local_name(child.tag) == "time" and child.text:
                    times.append(child.text.strip())
        if len(points) >= 2:
            lines.append(shapely.LineString(points))
    if not lines:
        raise _refused(path, N_("it holds no track or route of two points or more"))
    moments = sorted(m for m in (_gpx_time(t) for t in times) if m)
    started, ended = (moments[0], moments[-1]) if moments else (None, None)
    return Route(shapely.MultiLineString(lines), DEGREES, path.name, started, ended)


def _gpx_time(text: str) -> str | None:
    """A GPX time (UTC, ``Z``) as Beijing local time, the way the station writes moments."""
    match = re.match(r"^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})", text)
    if match is None:
        return None
    try:
        year, month, day, hour, minute = (int(part) for part in match.groups())
        moment = datetime.datetime(year, month, day, hour, minute)
    except ValueError:
        return None
    if text.endswith("Z") or text.endswith("+00:00"):
        moment += datetime.timedelta(hours=8)
    return iso_moment(moment)


def _geojson_lines(path: Path, data) -> list[shapely.LineString]:
    kind = data.get("type") if isinstance(data, dict) else None
    if kind == "FeatureCollection":
        found = []
        for feature in data.get("features") or []:
            found += _geojson_lines(path, feature)
        return found
    if kind == "Feature":
        return _geojson_lines(path, data.get("geometry") or {})
    if kind == "GeometryCollection":
        found = []
        for geometry in data.get("geometries") or []:
            found += _geojson_lines(path, geometry)
        return found
    if kind in ("LineString", "MultiLineString"):
        try:
            geometry = shapely.geometry.shape(data)
        except Exception:  # shapely's words on a malformed geometry are not for users
            raise _refused(path, N_("a {kind} has malformed coordinates"), kind=kind) from None
        return [line for line in shapely.get_parts(geometry) if len(line.coords) >= 2]
    if kind in ("Point", "MultiPoint", "Polygon", "MultiPolygon"):
        raise _refused(path, N_("it holds a {kind}, not a line"), kind=kind)
    raise _refused(path, N_("it is neither GPX nor GeoJSON"))


def _geojson_crs(path: Path, data, srid: int) -> str | None:
    """DEGREES or DATABASE_CRS as the file's ``crs`` member says; None when it says nothing."""
    try:
        name = str(data["crs"]["properties"]["name"])
    except (KeyError, TypeError):
        return None
    code = re.search(r"(CRS84|\d{4,5})\s*$", name)
    if code and code.group(1) in _DEGREE_CODES:
        return DEGREES
    if code and code.group(1) == str(srid):
        return DATABASE_CRS
    raise _refused(
        path, N_("its CRS {crs} is neither longitude/latitude nor the database's EPSG:{srid}"),
        crs=name, srid=srid,
    )  # fmt: skip


def _geojson(path: Path, text: str, srid: int) -> Route:
    try:
        data = json.loads(text)
    except ValueError:
        raise _refused(path, N_("it is neither GPX nor GeoJSON")) from None
    lines = _geojson_lines(path, data)
    if not lines:
        raise _refused(path, N_("it holds no line of two points or more"))
    multi = shapely.MultiLineString([shapely.force_2d(line) for line in lines])
    crs = _geojson_crs(path, data, srid)
    if crs is None:
        xmin, ymin, xmax, ymax = multi.bounds
        crs = (
            DEGREES if -180 <= xmin and xmax <= 180 and -90 <= ymin and ymax <= 90 else DATABASE_CRS
        )
    return Route(multi, crs, path.name)


def read_route(path, srid: int) -> Route:
    """The lines of the GPX or GeoJSON file at ``path``; RouteRefused naming it otherwise."""
    path = Path(path)
    try:
        if not path.is_file():
            raise _refused(path, N_("the file does not exist"))
        if path.stat().st_size > _MAX_BYTES:
            raise _refused(path, N_("the file is too large for a route"))
        raw = path.read_bytes()
    except OSError as exc:
        raise _refused(
            path, N_("the file could not be read ({detail})"),
            detail=exc.strerror or exc.__class__.__name__,
        ) from exc  # fmt: skip
    text = raw.decode("utf-8-sig", errors="replace").lstrip()
    if text.startswith("<"):
        try:
            root = ET.fromstring(raw)
        except ET.ParseError:
            raise _refused(path, N_("the GPX file is damaged (not well-formed XML)")) from None
        if _local_name(root.tag) != "gpx":
            raise _refused(path, N_("it is neither GPX nor GeoJSON"))
        route = _gpx(path, root)
    else:
        route = _geojson(path, text, srid)
    _check_coordinates(path, route, srid)
    return route


def _check_coordinates(path: Path, route: Route, srid: int) -> None:
    coordinates = shapely.get_coordinates(route.lines)
    if not all(math.isfinite(value) for value in coordinates.flat):
        raise _refused(path, N_("a coordinate is not a finite number"))
    if route.crs == DEGREES:
        xmin, ymin, xmax, ymax = route.lines.bounds
        if not (73.0 <= xmin and xmax <= 136.0 and 3.0 <= ymin and ymax <= 54.0):
            raise _refused(
                path, N_("the route lies outside China (longitude 73–136°, latitude 3–54°)")
            )
        return
    problem = coordinate_problem(route.lines, srid)
    if problem is not None:
        reason, params = problem
        raise _refused(path, reason, **params)


def route_wkb(db, route: Route | shapely.Geometry, srid: int) -> bytes:
    """The route as a MULTILINESTRING in the database CRS (WKB), inside ``db``'s transaction.
    A shapely geometry is taken to be in the database CRS already."""
    if not isinstance(route, Route):
        lines = [line for line in shapely.get_parts(shapely.force_2d(route))
                 if line.geom_type == "LineString" and len(line.coords) >= 2]  # fmt: skip
        if not lines:
            raise errors.InvalidRecord(record="—", reason=N_("the route is not a line"))
        route = Route(shapely.MultiLineString(lines), DATABASE_CRS, "—")
        problem = coordinate_problem(route.lines, srid)
        if problem is not None:
            raise errors.InvalidRecord(record="—", reason=problem[0], **problem[1])
    wkb = shapely.to_wkb(route.lines)
    if route.crs == DATABASE_CRS:
        return wkb
    moved = db.execute(
        "SELECT AsBinary(Transform(GeomFromWKB(?, ?), ?))", (wkb, CGCS2000_GEOGRAPHIC, srid)
    ).fetchone()[0]
    if moved is None:
        raise errors.InvalidRecord(
            record=route.source, reason=N_("the route could not be transformed to EPSG:{srid}"),
            srid=srid,
        )  # fmt: skip
    return bytes(moved)
