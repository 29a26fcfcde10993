"""The daily and monthly patrol reports of the reporting units, and the breaches of their rules.

Seed 000 三(一): "发现一起上报一起（日报为有则报，无则零报或不报），同时每月汇总之后再次上报
（月报必须报）"; 四(二): "巡查发现疑似违法用地行为的当日报送". So:

- a 日报 (period ``YYYY-MM-DD``) is submitted on the day it reports; a 零报 (``zero``)
  says nothing was found. A day without a report and without a find is 未报 in the
  daily table but breaks no rule (the seed allows 不报). A day with a find (a clue the
  unit found that day, or a patrol of the unit with findings) and no report submitted
  that day, or only a 零报, is a breach;
- a 月报 (period ``YYYY-MM``) is always due, by ``deadlines.monthly_report_due`` (the
  20th of the next month); missing or late, it is a breach;
- a zone must be visited within its level's days (``patrol_level``): more days between
  two visits is a breach, from the day the visit was due to the visit (or to today).

Seed 002 二(一)1 holds a village's 分管负责人 directly and its 主要负责人 as leader
accountable for its patrols; a zone's breach names its own 专人 (seed 000 二(一)1) directly,
the unit's 分管负责人 when the zone has none.
"""

from __future__ import annotations

import dataclasses
import datetime
import re
import sqlite3
from collections import defaultdict
from dataclasses import dataclass

from . import errors
from .breaches import Breach, days_late
from .deadlines import monthly_report_due
from .errors import N_
from .moments import day_of, iso_moment
from .patrol_units import Unit, list_units, unit_id_of
from .stats_periods import month_end

DAILY, MONTHLY = "日报", "月报"
SEED_000 = "练府〔2021〕73号"
SEED_002 = "启政办发〔2020〕32号"
RULE_MONTHLY = "巡查月报未按时报送（月报必须报）"
RULE_DAILY = "巡查发现未当日报送（发现一起上报一起）"
RULE_ZONE = "片区未按等级频次巡查（划片区巡查，专人负责）"
SOURCE_MONTHLY = f"{SEED_000} 三(一)；{SEED_002} 二(一)1"
SOURCE_DAILY = f"{SEED_000} 三(一)、四(二)"
SOURCE_ZONE = f"{SEED_000} 二(一)1；{SEED_002} 二(一)1"
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")


@dataclass(frozen=True)
class Report:
    id: int
    unit_id: int
    kind: str
    period: str
    submitted_at: str
    zero: bool
    findings: int | None
    content: str | None
    submitted_by: str | None


def _refuse(record: str, reason: str, **params) -> errors.InvalidRecord:
    return errors.InvalidRecord(record=record, reason=reason, **params)


def month_bounds(period: str) -> tuple[datetime.date, datetime.date]:
    """First and last day of the month ``YYYY-MM``; ValueError when it is not one."""
    match = _MONTH.match((period or "").strip())
    if match is None:
        raise ValueError(period)
    year, month = int(match.group(1)), int(match.group(2))
    return datetime.date(year, month, 1), month_end(year, month)


def _period(kind: str, period: str, record: str) -> datetime.date:
    """The first day the report may be submitted: its day, or its month's first day."""
    period = (period or "").strip()
    try:
        if kind == DAILY and _DAY.match(period):
            return datetime.date.fromisoformat(period)
        if kind == MONTHLY:
            return month_bounds(period)[0]
    except ValueError:
        pass
    if kind not in (DAILY, MONTHLY):
        raise _refuse(
            record, N_("the kind of report must be 日报 or 月报, not {value}"), value=kind
        )
    shape = "YYYY-MM-DD" if kind == DAILY else "YYYY-MM"
    raise _refuse(record, N_("the period {value} is not a {shape}"), value=period, shape=shape)


def submit_report(
    store, unit, kind: str, period: str, submitted_at, *, zero: bool = False,
    findings: int | None = None, content: str | None = None, submitted_by: str | None = None,
) -> int:  # fmt: skip
    """Record a unit's 日报 or 月报 as it was submitted; returns its id."""
    record = f"{unit} {kind} {period}"
    first = _period(kind, period, record)
    moment = iso_moment(submitted_at)
    submitted_on = day_of(moment)
    if moment is None or submitted_on is None:
        raise _refuse(record, N_("the time it was submitted ({value}) is not a date"),
                      value=submitted_at)  # fmt: skip
    if submitted_on < first:
        raise _refuse(record, N_("it cannot be submitted ({value}) before the day it reports"),
                      value=moment)  # fmt: skip
    if zero and findings:
        raise _refuse(record, N_("a zero report (零报) cannot report {count} findings"),
                      count=findings)  # fmt: skip
    if findings is not None and (not isinstance(findings, int) or findings < 0):
        raise _refuse(record, N_("the number of findings must be a whole number"))
    with store.transaction() as db:
        unit_id = unit_id_of(db, unit)
        try:
            return db.execute(
                """INSERT INTO patrol_report (unit_id, kind, period, submitted_at, zero, findings,
                       content, submitted_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""",
                (unit_id, kind, period.strip(), moment, int(bool(zero)), findings,
                 (content or "").strip() or None, (submitted_by or "").strip() or None),
            ).fetchone()[0]  # fmt: skip
        except sqlite3.IntegrityError as exc:
            raise _refuse(record, N_("this report was submitted already")) from exc


def reports(store, kind: str, first: str, last: str) -> dict[tuple[int, str], Report]:
    """The reports of ``kind`` whose period lies from ``first`` to ``last``, by (unit, period)."""
    rows = store._db.execute(
        """SELECT id, unit_id, kind, period, submitted_at, zero, findings, content, submitted_by
           FROM patrol_report WHERE kind = ? AND period BETWEEN ? AND ?""",
        (kind, first, last),
    )
    return {
        (r[1], r[3]): dataclasses.replace(Report(*r), zero=bool(r[5]))
        for r in rows
    }  # fmt: skip


def finds_by_day(store, start: datetime.date, end: datetime.date) -> dict[tuple[int, str], int]:
    """What each unit found each day: clues it found and plots or clues its patrols found,
    each counted once, by (unit id, YYYY-MM-DD)."""
    found: dict[tuple[int, str], set] = defaultdict(set)
    first, after = start.isoformat(), (end + datetime.timedelta(days=1)).isoformat()
    for unit_id, found_at, clue_id in store._db.execute(
        "SELECT unit_id, found_at, id FROM clue WHERE unit_id IS NOT NULL "
        "AND found_at >= ? AND found_at < ?",
        (first, after),
    ):
        found[(unit_id, found_at[:10])].add(("clue", clue_id))
    for unit_id, day, plot_id, clue_id in store._db.execute(
        """SELECT p.unit_id, p.patrol_date, f.plot_id, f.clue_id
           FROM patrol AS p JOIN patrol_finding AS f ON f.patrol_id = p.id
           WHERE p.patrol_date BETWEEN ? AND ?""",
        (first, end.isoformat()),
    ):
        found[(unit_id, day)].add(("clue", clue_id) if clue_id is not None else ("plot", plot_id))
    return {key: len(value) for key, value in found.items()}


def patrol_counts(store, start: datetime.date, end: datetime.date) -> dict[int, int]:
    """Patrols of each unit from ``start`` to ``end``."""
    return dict(
        store._db.execute(
            "SELECT unit_id, count(*) FROM patrol WHERE patrol_date BETWEEN ? AND ? "
            "GROUP BY unit_id",
            (start.isoformat(), end.isoformat()),
        ).fetchall()
    )


def days(start: datetime.date, end: datetime.date) -> list[datetime.date]:
    return [start + datetime.timedelta(days=n) for n in range((end - start).days + 1)]


def months(start: datetime.date, end: datetime.date) -> list[str]:
    """The months ``YYYY-MM`` that the days from ``start`` to ``end`` touch."""
    found = []
    month = start.replace(day=1)
    while month <= end:
        found.append(month.strftime("%Y-%m"))
        month = (month + datetime.timedelta(days=32)).replace(day=1)
    return found


def _breach(rule, source, record, unit: Unit, due, done, today, *, direct=None, detail=None):
    return Breach(
        rule=rule, source=source, record=record, unit=unit.name,
        direct=direct or (f"分管负责人 {unit.deputy}" if unit.deputy else "分管负责人"),
        leading=f"主要负责人 {unit.head}" if unit.head else "主要负责人",
        due=due, done=done, days_late=days_late(due, done, today),
        township=unit.township, detail=detail,
    )  # fmt: skip


def monthly_breaches(store, start, end, today) -> list[Breach]:
    """Monthly reports of the months touching ``start``–``end``: missing once their due
    day has passed, or submitted after it."""
    found = []
    periods = months(start, end)
    submitted = reports(store, MONTHLY, periods[0], periods[-1]) if periods else {}
    for unit in list_units(store):
        for period in periods:
            due = monthly_report_due(month_bounds(period)[0])
            report = submitted.get((unit.id, period))
            done = day_of(report.submitted_at) if report else None
            done = done if done is not None and done <= today else None  # as known on today
            if (done is None and today > due) or (done is not None and done > due):
                detail = "未报" if done is None else f"{done.isoformat()} 报送"
                found.append(_breach(RULE_MONTHLY, SOURCE_MONTHLY, f"{period} 月报", unit, due,
                                     done, today, detail=detail))  # fmt: skip
    return found


def daily_breaches(store, start, end, today) -> list[Breach]:
    """Days with a find and no daily report submitted that day (or only a 零报)."""
    found = []
    finds = finds_by_day(store, start, end)
    submitted = reports(store, DAILY, start.isoformat(), end.isoformat())
    for unit in list_units(store):
        for day in days(start, end):
            count = finds.get((unit.id, day.isoformat()), 0)
            if count == 0 or day > today:
                continue
            report = submitted.get((unit.id, day.isoformat()))
            done = day_of(report.submitted_at) if report and not report.zero else None
            if done == day:
                continue
            if report is not None and report.zero:
                detail = f"发现 {count} 处，仅零报"
            elif done is not None:
                detail = f"发现 {count} 处，{done.isoformat()} 报送"
            else:
                detail = f"发现 {count} 处，未报"
            found.append(_breach(RULE_DAILY, SOURCE_DAILY, f"{day.isoformat()} 日报", unit, day,
                                 done, today, detail=detail))  # fmt: skip
    return found


@dataclass(frozen=True)
class MissedVisit:
    zone_id: int
    code: str
    name: str
    level: str
    every_days: int
    unit: Unit | None
    person: str | None
    last_visit: datetime.date | None  # the visit before the gap (None: none before)
    due: datetime.date  # the last day the next visit was due
    visited: datetime.date | None  # the late visit; None when still not visited


def missed_visits(store, start, end, today) -> list[MissedVisit]:
    """Each time a zone went longer than its level's days without a visit, for the due
    days from ``start`` to ``end`` (and before ``today``). Without a visit before
    ``start`` the count starts that day: a 高 zone (every day) is due on ``start``."""
    db = store._db
    units = {unit.id: unit for unit in list_units(store, active_only=False)}
    found = []
    zones = db.execute(
        """SELECT z.id, z.code, z.name, z.level, l.visit_every_days, z.unit_id, z.person
           FROM patrol_zone AS z JOIN patrol_level AS l ON l.level = z.level ORDER BY z.code"""
    ).fetchall()
    for zone_id, code, name, level, every, unit_id, person in zones:
        visits = [
            datetime.date.fromisoformat(r[0])
            for r in db.execute(
                "SELECT DISTINCT patrol_date FROM patrol WHERE zone_id = ? ORDER BY patrol_date",
                (zone_id,),
            )
        ]
        before = [v for v in visits if v < start]
        last = before[-1] if before else None
        reference = last or start - datetime.timedelta(days=1)
        for visit in [v for v in visits if v >= start] + [None]:
            due = reference + datetime.timedelta(days=every)
            if due > end or due >= today:
                break
            if visit is None or visit > due:
                found.append(MissedVisit(zone_id, code, name, level, every, units.get(unit_id),
                                         person, last, due, visit))  # fmt: skip
            if visit is None:
                break
            reference = last = visit
    return found


def zone_breaches(store, start, end, today) -> list[Breach]:
    found = []
    for missed in missed_visits(store, start, end, today):
        unit = missed.unit or Unit(0, "（未指定责任单位）", "", None, None, None, None, True)
        since = missed.last_visit.isoformat() if missed.last_visit else "期初"
        detail = f"{missed.level}等级每 {missed.every_days} 天巡查一次；上次巡查 {since}"
        direct = f"片区责任人 {missed.person}" if missed.person else None
        found.append(_breach(RULE_ZONE, SOURCE_ZONE, f"片区 {missed.code} {missed.name}", unit,
                             missed.due, missed.visited, today, direct=direct, detail=detail))  # fmt: skip
    return found


def breaches(store, start, end, today) -> list[Breach]:
    """Every breach of the patrol reporting rules from ``start`` to ``end`` as of ``today``:
    monthly reports missing or late, finds not reported the same day, zones not visited
    within their level's days; by due day, then unit."""
    start, end, today = (day_of(value) for value in (start, end, today))
    found = (
        monthly_breaches(store, start, end, today)
        + daily_breaches(store, start, end, today)
        + zone_breaches(store, start, end, today)
    )
    return sorted(found, key=lambda b: (b.due or datetime.date.min, b.unit, b.rule, b.record))
