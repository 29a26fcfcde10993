"""The photo rules (照片规则): what a case's field photos must show, checked per photo and
for the set, against the station's one set of rules (table ``photo_rule``, schema v10).

Per photo:

- ``WINDOW``: taken inside the plot's date window, widened by ``window_margin_days`` on
  both sides. A 核查 photo's window runs from the day the plot came in (its batch's
  received date, else its found date: a clue's) to the latest verification's date (today
  while there is none); a 复核 photo's from the day the rectification task was listed
  (else the plot's day) to the re-inspection's date (else today). The camera's local date
  is compared (photos and dates are the station's, Beijing time).
- ``DISTANCE``: at most ``max_distance_m`` from the plot (0 inside it), in the database
  CRS, measured from the current outline as ``photos`` measures ``distance_to_plot_m``.
- ``FACING``: its direction (EXIF GPSImgDirection, from true north) within
  ``±facing_tolerance_deg`` of the bearing from the photo to the plot's *nearest point*.
  The nearest point, not the centroid: a verifier at the edge of a long plot photographs
  the part in front of him, and a centroid can lie far to one side (or outside a bent
  plot); for a small plot seen from a few dozen metres the two differ by a few degrees.
  A photo taken inside the plot faces it whichever way it points. The bearing is the
  geodesic azimuth on the CGCS2000 ellipsoid between the two points' longitude and
  latitude (pyproj), so it is measured from true north as EXIF's is: a grid bearing in a
  3-degree Gauss-Krüger zone would be off by the meridian convergence, γ ≈ Δλ·sin φ, up
  to about 1.2° at a zone's edge in north China. A direction recorded from magnetic north
  (flag ``magnetic_direction``) is taken as it is: China's declination is 0° to −11°.
- ``UNCHANGED``: the stored copy still hashes to the SHA-256 recorded when it was stored
  (read again now). What happened to the file before it reached LandCase no hash can say.

Each rule is True (met), False (missed) or None (cannot tell: no time, no position, no
direction). For the set: at least ``min_photos`` photos of the purpose, and one of each
of ``required_kinds`` (the kind a photo was given: 全景, 近景 …).
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field

import numpy as np
import shapely
from pyproj import Geod

from . import errors
from .ellipsoid_area import INVERSE_FLATTENING, SEMI_MAJOR_AXIS, _geodetic_degrees
from .errors import N_
from .photo_storage import stored_copy_intact
from .photos import KINDS, REINSPECTION_PURPOSE, SURVEY_PURPOSE, Photo, list_photos

WINDOW, DISTANCE, FACING, UNCHANGED = "window", "distance", "facing", "unchanged"
PHOTO_RULES = (WINDOW, DISTANCE, FACING, UNCHANGED)

_GEOD = Geod(a=SEMI_MAJOR_AXIS, rf=INVERSE_FLATTENING)  # CGCS2000 (no EPSG database needed)


@dataclass(frozen=True)
class PhotoRules:
    min_photos: int = 2
    required_kinds: tuple[str, ...] = ("全景", "近景")
    window_margin_days: int = 3
    max_distance_m: float = 50.0
    facing_tolerance_deg: float = 45.0


class PhotoRulesRefused(errors.CaseDatabaseError):
    template = N_("The photo rules were not changed: {reason}")


@dataclass(frozen=True)
class PhotoCheck:
    """One photo against the per-photo rules."""

    photo: Photo
    results: dict[str, bool | None]  # rule → met, missed or cannot tell
    distance_m: float | None = None
    bearing_deg: float | None = None  # from the photo to the plot, from true north

    def rules(self, outcome: bool | None) -> tuple[str, ...]:
        """The rules with this outcome (True: met, False: missed, None: cannot tell)."""
        return tuple(rule for rule in PHOTO_RULES if self.results[rule] is outcome)

    @property
    def passed(self) -> bool:
        return all(self.results[rule] is True for rule in PHOTO_RULES)


@dataclass(frozen=True)
class RulesCheck:
    """A case's photos of one purpose against the rules."""

    rules: PhotoRules
    purpose: str
    window: tuple[str | None, str]  # first and last day, margin included
    photos: tuple[PhotoCheck, ...]
    kinds_present: dict[str, bool] = field(default_factory=dict)

    @property
    def enough_photos(self) -> bool:
        return len(self.photos) >= self.rules.min_photos

    @property
    def missing_kinds(self) -> tuple[str, ...]:
        return tuple(kind for kind, present in self.kinds_present.items() if not present)

    @property
    def passed(self) -> bool:
        return self.enough_photos and not self.missing_kinds and all(p.passed for p in self.photos)


# -- the rules ------------------------------------------------------------------------------


def photo_rules(store) -> PhotoRules:
    row = store._db.execute(
        "SELECT min_photos, required_kinds, window_margin_days, max_distance_m, "
        "facing_tolerance_deg FROM photo_rule WHERE id = 1"
    ).fetchone()
    if row is None:  # (the migration writes the row; another program may have removed it)
        return PhotoRules()
    return PhotoRules(row[0], tuple(json.loads(row[1])), row[2], float(row[3]), float(row[4]))


def set_photo_rules(store, rules: PhotoRules) -> None:
    """Store the station's photo rules (one transaction, audited)."""
    if rules.min_photos < 0 or rules.window_margin_days < 0:
        raise PhotoRulesRefused(reason=N_("a count or a number of days is negative"))
    if rules.max_distance_m <= 0 or not 0 < rules.facing_tolerance_deg <= 180:
        raise PhotoRulesRefused(
            reason=N_("the distance must be above 0 m and the angle between 0° and 180°")
        )
    unknown = [kind for kind in rules.required_kinds if kind not in KINDS]
    if unknown:
        raise PhotoRulesRefused(
            reason=N_("{kinds} is not a kind of photo"), kinds="、".join(unknown)
        )
    values = (
        int(rules.min_photos),
        json.dumps(list(dict.fromkeys(rules.required_kinds)), ensure_ascii=False),
        int(rules.window_margin_days),
        float(rules.max_distance_m),
        float(rules.facing_tolerance_deg),
        store.actor,
    )
    with store.transaction() as db:
        # (an update, not an upsert: the guards refuse to replace an audited row)
        changed = db.execute(
            """UPDATE photo_rule SET min_photos = ?, required_kinds = ?,
                   window_margin_days = ?, max_distance_m = ?, facing_tolerance_deg = ?,
                   updated_by = ?, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
               WHERE id = 1""",
            values,
        ).rowcount
        if not changed:
            db.execute(
                """INSERT INTO photo_rule (min_photos, required_kinds, window_margin_days,
                       max_distance_m, facing_tolerance_deg, updated_by, id)
                   VALUES (?, ?, ?, ?, ?, ?, 1)""",
                values,
            )


# -- the check --------------------------------------------------------------------------------


def check_photos(
    store, plot_id: int, purpose: str = SURVEY_PURPOSE, today: dt.date | None = None
) -> RulesCheck:
    """The photos of ``purpose`` (核查 or 复核) of the case of ``plot_id`` against the rules:
    each rule per photo, and the count and kinds for the set."""
    rules = photo_rules(store)
    window = _window(store, plot_id, purpose, rules.window_margin_days, today or dt.date.today())
    outline = store.plot_geometry(plot_id)
    checks = tuple(
        _check_one(store, photo, rules, window, outline)
        for photo in list_photos(store, plot_id)
        if photo.purpose == purpose
    )
    kinds = {c.photo.kind for c in checks}
    present = {kind: kind in kinds for kind in rules.required_kinds}
    return RulesCheck(rules, purpose, window, checks, present)


def angle_between(a: float, b: float) -> float:
    """The smaller angle between two directions in degrees (0–180)."""
    return abs((a - b + 180.0) % 360.0 - 180.0)


def true_bearing(srid: int, start: tuple[float, float], end: tuple[float, float]) -> float:
    """The geodesic azimuth from ``start`` to ``end`` (database CRS), degrees clockwise
    from true north, 0–360."""
    x = np.array([start[0], end[0]])
    y = np.array([start[1], end[1]])
    longitude, latitude = _geodetic_degrees(x, y, srid)  # identity for EPSG:4490
    azimuth, _back, _length = _GEOD.inv(longitude[0], latitude[0], longitude[1], latitude[1])
    return float(azimuth) % 360.0


def _check_one(store, photo: Photo, rules: PhotoRules, window, outline) -> PhotoCheck:
    start, end = window
    day = (photo.taken_at or "")[:10] or None
    in_window = None if day is None else (start is None or start <= day) and day <= end
    distance = bearing = None
    near = facing = None
    if photo.x is not None and photo.y is not None and outline is not None:
        point = shapely.Point(photo.x, photo.y)
        distance = float(shapely.distance(point, outline))
        near = distance <= rules.max_distance_m
        if distance == 0:
            facing = True  # inside the plot: it shows the plot whichever way it points
        else:
            nearest = shapely.shortest_line(point, outline).coords[-1]
            bearing = true_bearing(store.srid, (photo.x, photo.y), nearest)
            if photo.direction is not None:
                facing = angle_between(photo.direction, bearing) <= rules.facing_tolerance_deg
    results = {
        WINDOW: in_window,
        DISTANCE: near,
        FACING: facing,
        UNCHANGED: stored_copy_intact(store, photo),
    }
    return PhotoCheck(photo, results, distance, bearing)


def _window(store, plot_id: int, purpose: str, margin: int, today: dt.date):
    db = store._db
    received, found = db.execute(
        "SELECT b.received_date, p.found_date FROM plot AS p "
        "LEFT JOIN batch AS b ON b.id = p.batch_id WHERE p.id = ?",
        (plot_id,),
    ).fetchone() or (None, None)
    start, end = _day(received) or _day(found), None
    if purpose == REINSPECTION_PURPOSE:
        row = db.execute(
            "SELECT r.task_listed_on, r.reinspected_on FROM rectification AS r "
            "JOIN case_record AS c ON c.id = r.case_id WHERE c.plot_id = ? "
            "ORDER BY r.id DESC LIMIT 1",
            (plot_id,),
        ).fetchone()
        if row is not None:
            start, end = _day(row[0]) or start, _day(row[1])
    else:
        row = db.execute(
            "SELECT v.verified_on FROM verification AS v "
            "JOIN case_record AS c ON c.id = v.case_id WHERE c.plot_id = ? "
            "ORDER BY v.id DESC LIMIT 1",
            (plot_id,),
        ).fetchone()
        end = _day(row[0]) if row else None
    last = (dt.date.fromisoformat(end) if end else today) + dt.timedelta(days=margin)
    first = dt.date.fromisoformat(start) - dt.timedelta(days=margin) if start else None
    return (first.isoformat() if first else None, last.isoformat())


def _day(value) -> str | None:
    """The YYYY-MM-DD of a stored date, or None when it is not one."""
    text = str(value or "")[:10]
    try:
        return dt.date.fromisoformat(text).isoformat()
    except ValueError:
        return None


# -- in words, as the 核查报告 prints them (Chinese, as the archive reads it) ---------------


def describe_photo_check(check: PhotoCheck, rules: PhotoRules) -> dict[bool | None, list[str]]:
    """Each rule of one photo in words, by outcome (True met, False missed, None cannot
    tell), e.g. {True: ["拍摄时间在期限内", "距图斑 30 米"], False: ["未朝向图斑"] …}."""
    results = check.results
    words: dict[bool | None, list[str]] = {True: [], False: [], None: []}
    words[results[WINDOW]].append(
        {True: "拍摄时间在期限内", False: "拍摄时间不在期限内", None: "无拍摄时间"}[results[WINDOW]]
    )
    if check.distance_m is None:
        words[None].append("无定位，距离未知")
    else:
        sign = "≤" if results[DISTANCE] else ">"
        words[results[DISTANCE]].append(
            f"距图斑 {check.distance_m:.0f} 米（{sign}{rules.max_distance_m:g} 米）"
        )
    if check.distance_m == 0:
        words[True].append("在图斑内")
    elif results[FACING] is None:
        words[None].append("无拍摄方向，朝向未知" if check.distance_m is not None else "朝向未知")
    else:
        bearing = f"图斑方位 {check.bearing_deg:.0f}°，拍摄方向 {check.photo.direction:.0f}°"
        facing = "朝向图斑" if results[FACING] else "未朝向图斑"
        words[results[FACING]].append(f"{facing}（{bearing}）")
    words[results[UNCHANGED]].append(
        "文件与入库时一致" if results[UNCHANGED] else "文件已改动或缺失（哈希不符）"
    )
    return words


def describe_rules_check(verdict: RulesCheck) -> str:
    """The set against the rules in words: the rules, then what the set lacks."""
    rules = verdict.rules
    start, end = verdict.window
    kinds = "、".join(rules.required_kinds)
    parts = [
        f"照片规则：至少 {rules.min_photos} 张" + (f"，须有{kinds}" if kinds else ""),
        f"拍摄日期 {start or '不限'} 至 {end}",
        f"距图斑不超过 {rules.max_distance_m:g} 米",
        f"朝向图斑（±{rules.facing_tolerance_deg:g}°）",
        "文件未改动。",
    ]
    text = "；".join(parts)
    lacks = []
    if not verdict.enough_photos:
        lacks.append(f"仅 {len(verdict.photos)} 张")
    if verdict.missing_kinds:
        lacks.append("缺" + "、".join(verdict.missing_kinds))
    failing = [f"照片{n}" for n, c in enumerate(verdict.photos, 1) if not c.passed]
    if failing:
        lacks.append("、".join(failing) + "未全部符合")
    result = "结论：符合照片规则。" if verdict.passed else f"结论：{'；'.join(lacks)}。"
    return f"{text}{result}"
