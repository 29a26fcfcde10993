"""Post-closure patrol (事后巡查点位) and 回头看 campaigns.

Seed 000 (练府〔2021〕73号 二(三)) lists a closed-out site as a 事后巡查点位, and 四(四) asks
for "整治地块后续巡查" so that it does not rebound (反弹, 回潮) and for the 回头看 checks of
the city and district. Here:

- after 销号 a case gets scheduled visits (``schedule_revisits``): ``due_on`` is the
  close-out date plus each interval of the station's schedule. The intervals are the
  station's choice, not a seed's (the seeds ask for follow-up patrols, not how often);
  the default is 1, 3 and 6 months, editable with ``set_revisit_schedule``. Scheduling
  makes a 已销号 case a 事后巡查 point;
- a visit is recorded (``record_revisit``: date, visitor, 无反弹 or 反弹, note) while the
  case is 已销号 or 事后巡查; it fills the earliest open visit of its schedule (or of its
  campaign), or adds an unscheduled one. A 反弹 (回潮) opens a new clue whose
  ``rebound_of`` is the old case, linked from the visit, in the same transaction;
- a 回头看 ``campaign`` selects closed-out plots, each a visit due by the campaign's end
  (``campaigns.py``), recorded here under the campaign;
- open visits due soon, overdue, and the overdue ones as ``Breach`` (``breaches``).

A visit is on time on its due date. Photos of a visit are ``record_file`` rows.
"""

from __future__ import annotations

import calendar
import dataclasses
import datetime
import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import shapely

from . import catalog, deadlines, errors
from .breaches import Breach, days_late
from .calendar import as_date
from .clues import NewClue, insert_clue
from .errors import N_
from .workflow_guards import (
    _check_status,
    _load,
    _load_for_change,
    _refuse,
    _required_date,
    _required_text,
    _text,
    _update_case,
)
from .workflow_states import CLOSED_OUT, POST_CLOSURE_PATROL, START_POST_CLOSURE_PATROL

# The station's choice of intervals (months after 销号); no seed fixes them.
DEFAULT_SCHEDULE_MONTHS = (1, 3, 6)
SCHEDULE_KEY = "revisit_schedule"
SCHEDULE_RECORD = "事后巡查计划"
MAX_SCHEDULE_MONTHS = 120

NO_REBOUND, REBOUND = "无反弹", "反弹"
# 回潮 is the seeds' other word for a rebound (seed 000 四(三), 四(四)).
RESULT_WORDS = {NO_REBOUND: NO_REBOUND, "未反弹": NO_REBOUND, REBOUND: REBOUND, "回潮": REBOUND}
VISITABLE = (CLOSED_OUT, POST_CLOSURE_PATROL)

SCHEDULE_RULE = "事后巡查点位未按期巡查"
CAMPAIGN_RULE = "“回头看”检查未按期完成"
SCHEDULE_SOURCE = "练府〔2021〕73号 二(三)、四(四)（巡查间隔为本站设定）"
CAMPAIGN_SOURCE = "练府〔2021〕73号 四(四)"
NO_UNIT = "（未填村居）"
_NOT_CLOSED = N_("post-closure visits follow the close-out (销号); the case is {status}")


@dataclass(frozen=True)
class Revisit:
    id: int
    case_id: int
    plot_id: int
    jcbh: str
    township: str | None
    village: str | None
    campaign_id: int | None
    campaign: str | None
    due_on: str | None
    visited_on: str | None
    visitor: str | None
    result: str | None
    clue_id: int | None
    note: str | None


@dataclass(frozen=True)
class RevisitRecorded:
    revisit_id: int
    clue_id: int | None  # the new clue of a rebound


_SELECT = """
    SELECT r.id, r.case_id, p.id, p.jcbh, p.township, p.village, r.campaign_id, m.name,
        r.due_on, r.visited_on, r.visitor, r.result, r.clue_id, r.note
    FROM revisit AS r
    JOIN case_record AS c ON c.id = r.case_id
    JOIN plot AS p ON p.id = c.plot_id
    LEFT JOIN campaign AS m ON m.id = r.campaign_id"""
_ORDER = " ORDER BY r.due_on IS NULL, r.due_on, p.jcbh, r.id"


def add_months(day, months: int) -> datetime.date:
    """The same day ``months`` later (the month's last day when it is shorter)."""
    day = as_date(day)
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return datetime.date(year, month + 1, min(day.day, last))


# -- the station's schedule ----------------------------------------------------------


def revisit_schedule(store) -> tuple[int, ...]:
    """The months after 销号 at which a post-closure visit is due (the station's)."""
    value = store._meta(SCHEDULE_KEY)
    if not value:
        return DEFAULT_SCHEDULE_MONTHS
    return tuple(int(m) for m in json.loads(value))


def set_revisit_schedule(store, months: Iterable[int]) -> tuple[int, ...]:
    """Set the station's schedule: whole months after 销号, each once, 1 to 120."""
    try:
        chosen = sorted({int(m) for m in months})
    except (TypeError, ValueError):
        chosen = []
    if not chosen or not all(1 <= m <= MAX_SCHEDULE_MONTHS for m in chosen):
        raise errors.InvalidRecord(
            record=SCHEDULE_RECORD,
            reason=N_("the visits are due whole months after the close-out, 1 to {most}"),
            most=MAX_SCHEDULE_MONTHS,
        )
    with store.transaction() as db:
        catalog.upsert_meta(db, SCHEDULE_KEY, json.dumps(chosen))
    return tuple(chosen)


def schedule_revisits(store, plot_id: int, months: Iterable[int] | None = None) -> list[int]:
    """Schedule the post-closure visits of a closed-out case (the station's schedule, or
    ``months``): one visit due at the close-out date plus each interval, unless the case
    has it already. A 已销号 case becomes a 事后巡查 point. Returns the new visits' ids."""
    months = tuple(months) if months else revisit_schedule(store)
    with store.transaction() as db:
        case = _load_for_change(store, db, plot_id)
        if case.status not in VISITABLE:
            _refuse(case, _NOT_CLOSED)
        row = db.execute("SELECT closed_on FROM closeout WHERE case_id = ?", (case.case_id,))
        closed = row.fetchone()
        if closed is None:
            _refuse(case, N_("the case has no close-out record"))
        added = []
        for month in sorted(set(months)):
            due = add_months(closed[0], int(month)).isoformat()
            exists = db.execute(
                "SELECT 1 FROM revisit WHERE case_id = ? AND campaign_id IS NULL AND due_on = ?",
                (case.case_id, due),
            ).fetchone()
            if exists is None:
                added.append(
                    db.execute(
                        "INSERT INTO revisit (case_id, due_on) VALUES (?, ?) RETURNING id",
                        (case.case_id, due),
                    ).fetchone()[0]
                )
        if case.status == CLOSED_OUT:
            _check_status(case, START_POST_CLOSURE_PATROL)
            _update_case(db, case, POST_CLOSURE_PATROL)
        return added


# -- visits ----------------------------------------------------------------------------


def _rebound_clue(db, srid: int, case, clue: NewClue | None, visited_on, visitor, note):
    """The new clue of a rebound: what the caller gave, completed from the visit and the
    old plot (its township, village, and a point inside it when no position is given)."""
    plot = db.execute(
        "SELECT township, village, xzqdm, AsBinary(geom) FROM plot WHERE id = ?",
        (case.plot_id,),
    ).fetchone()
    clue = clue or NewClue(found_at=visited_on)
    given: dict[str, Any] = {
        "found_by": clue.found_by or visitor,
        "township": clue.township or plot[0],
        "village": clue.village or plot[1],
        "xzqdm": clue.xzqdm or plot[2],
        "description": clue.description or note,
    }
    positioned = (clue.x is not None and clue.y is not None) or (
        clue.longitude is not None and clue.latitude is not None
    )
    if not positioned and plot[3] is not None:
        inside = shapely.from_wkb(bytes(plot[3])).point_on_surface()
        given.update(x=inside.x, y=inside.y)
    clue = dataclasses.replace(clue, rebound_of=case.case_id, **given)
    return insert_clue(db, clue, srid)


def record_revisit(
    store,
    plot_id: int,
    visited_on,
    visitor: str | None,
    result: str | None,
    note: str | None = None,
    campaign_id: int | None = None,
    rebound: NewClue | None = None,
) -> RevisitRecorded:
    """Record a visit of a closed-out plot (已销号 or 事后巡查), under ``campaign_id`` for a
    回头看. ``result`` is 无反弹 or 反弹 (回潮 is read as 反弹). A rebound opens a new clue
    (``rebound`` gives its details; by default it is found at the visit, by the visitor,
    at a point of the old plot) whose ``rebound_of`` is this case, linked from the visit,
    in the same transaction."""
    with store.transaction() as db:
        case = _load(db, plot_id)
        if case.status not in VISITABLE:
            _refuse(case, _NOT_CLOSED)
        visited_on = _required_date(case, visited_on, N_("the date of the visit is missing"))
        visitor = _required_text(case, visitor, N_("the name of who visited is missing"))
        word = _text(result) or "—"
        result = RESULT_WORDS.get(word)
        if result is None:
            _refuse(
                case,
                N_("the result of the visit must be one of {allowed}, not {value}"),
                allowed="、".join(RESULT_WORDS),
                value=word,
            )
        if campaign_id is not None:
            found = db.execute("SELECT 1 FROM campaign WHERE id = ?", (campaign_id,)).fetchone()
            if found is None:
                _refuse(case, N_("there is no campaign with the id {value}"), value=campaign_id)
        clue_id = None
        if result == REBOUND:
            clue_id = _rebound_clue(db, store.srid, case, rebound, visited_on, visitor, note)
        open_visit = db.execute(
            "SELECT id FROM revisit WHERE case_id = ? AND campaign_id IS ? "
            "AND visited_on IS NULL ORDER BY due_on IS NULL, due_on, id LIMIT 1",
            (case.case_id, campaign_id),
        ).fetchone()
        values = (visited_on, visitor, result, clue_id, _text(note))
        if open_visit is not None:
            db.execute(
                "UPDATE revisit SET visited_on = ?, visitor = ?, result = ?, clue_id = ?, "
                "note = ? WHERE id = ?",
                (*values, open_visit[0]),
            )
            return RevisitRecorded(open_visit[0], clue_id)
        revisit_id = db.execute(
            "INSERT INTO revisit (case_id, campaign_id, visited_on, visitor, result, clue_id, "
            "note) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
            (case.case_id, campaign_id, *values),
        ).fetchone()[0]
        return RevisitRecorded(revisit_id, clue_id)


def revisits_of(store, plot_id: int) -> list[Revisit]:
    """Every visit of a plot, scheduled and recorded, by due date."""
    rows = store._db.execute(f"{_SELECT} WHERE p.id = ?{_ORDER}", (plot_id,))
    return [Revisit(*row) for row in rows]


# -- lists and breaches ---------------------------------------------------------------


def due_revisits(store, today, within_days: int = deadlines.DUE_SOON_DAYS) -> list[Revisit]:
    """Visits not yet made that are due by ``today`` plus ``within_days`` (the overdue
    ones included), by due date."""
    until = (as_date(today) + datetime.timedelta(days=within_days)).isoformat()
    rows = store._db.execute(
        f"{_SELECT} WHERE r.visited_on IS NULL AND r.due_on <= ?{_ORDER}", (until,)
    )
    return [Revisit(*row) for row in rows]


def overdue_revisits(store, today) -> list[Revisit]:
    """Visits not yet made whose due date is past on ``today``."""
    rows = store._db.execute(
        f"{_SELECT} WHERE r.visited_on IS NULL AND r.due_on < ?{_ORDER}",
        (as_date(today).isoformat(),),
    )
    return [Revisit(*row) for row in rows]


def breaches(store, start, end, today) -> list[Breach]:
    """Visits due from ``start`` to ``end`` (inclusive) that were made after their due
    date, or are not made and past it on ``today``."""
    today = as_date(today)
    rows = store._db.execute(
        f"{_SELECT} WHERE r.due_on >= ? AND r.due_on <= ?{_ORDER}",
        (as_date(start).isoformat(), as_date(end).isoformat()),
    )
    found = []
    for visit in (Revisit(*row) for row in rows):
        due = as_date(visit.due_on)
        done = as_date(visit.visited_on) if visit.visited_on else None
        late = days_late(due, done, today)
        if late == 0:  # on time, or not yet due
            continue
        in_campaign = visit.campaign_id is not None
        found.append(
            Breach(
                rule=CAMPAIGN_RULE if in_campaign else SCHEDULE_RULE,
                source=CAMPAIGN_SOURCE if in_campaign else SCHEDULE_SOURCE,
                record=visit.jcbh,
                unit=visit.village or visit.township or NO_UNIT,
                direct=None,
                leading=None,
                due=due,
                done=done,
                days_late=late,
                township=visit.township,
                detail=visit.campaign,
            )
        )
    return found
