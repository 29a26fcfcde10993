"""回头看 campaigns: the checks the city and district organise of rectified sites (seed 000,
练府〔2021〕73号 四(四): "接受市级、区级部门组织的“回头看”检查"; seed 004 names those of
the 大棚房 and golf courses).

A ``campaign`` selects closed-out plots (已销号 or 事后巡查), by a list of 监测编号 or by
township and close-out date (``select_for_campaign``): each becomes a visit due by the
campaign's end, recorded with ``revisits.record_revisit`` under the campaign and judged
by ``revisits.breaches``. ``closed_out_plots`` is the same selection for scheduling the
station's own post-closure visits.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from dataclasses import dataclass
from typing import NamedTuple

from . import errors
from .calendar import as_date
from .errors import N_
from .record_checks import parse_date
from .revisits import VISITABLE
from .workflow_guards import _text


@dataclass(frozen=True)
class Skipped:
    """A plot a campaign's selection left out, and why (an N_-marked reason)."""

    jcbh: str
    reason: str
    params: dict = dataclasses.field(default_factory=dict)

    def text(self, translate=lambda s: s) -> str:
        return f"{self.jcbh}: " + translate(self.reason).format(**self.params)


@dataclass(frozen=True)
class Selection:
    added: tuple[str, ...]  # 监测编号 of the plots added to the campaign
    skipped: tuple[Skipped, ...]


def create_campaign(
    store,
    name: str,
    started_on,
    issuer: str | None = None,
    ends_on=None,
    note: str | None = None,
) -> int:
    """A 回头看 campaign; its end date is when its visits are due. Returns its id."""
    name = (name or "").strip()
    if not name:
        raise errors.InvalidRecord(record="—", reason=N_("the campaign needs a name"))
    try:
        started = as_date(started_on).isoformat()
        ends = as_date(ends_on).isoformat() if ends_on else None
    except ValueError:
        raise errors.InvalidRecord(
            record=name, reason=N_("the start and end of the campaign must be dates (YYYY-MM-DD)")
        ) from None
    if ends is not None and ends < started:
        raise errors.InvalidRecord(record=name, reason=N_("the campaign ends before it starts"))
    with store.transaction() as db:
        if db.execute("SELECT 1 FROM campaign WHERE name = ?", (name,)).fetchone():
            raise errors.InvalidRecord(record=name, reason=N_("a campaign of this name exists"))
        return db.execute(
            "INSERT INTO campaign (name, issuer, started_on, ends_on, note) "
            "VALUES (?, ?, ?, ?, ?) RETURNING id",
            (name, _text(issuer), started, ends, _text(note)),
        ).fetchone()[0]


def campaign_by_name(store, name: str) -> int | None:
    row = store._db.execute("SELECT id FROM campaign WHERE name = ?", (name.strip(),))
    found = row.fetchone()
    return found[0] if found else None


class ClosedPlot(NamedTuple):
    jcbh: str
    plot_id: int
    case_id: int


def _closed_out(db, jcbhs, township, closed_before) -> tuple[list[ClosedPlot], list[Skipped]]:
    """The closed-out plots of the list ``jcbhs`` (each other one left out with its
    reason), or else of ``township`` closed out before ``closed_before`` (None: any)."""
    base = """SELECT p.jcbh, p.id, c.id, c.status FROM plot AS p
              JOIN case_record AS c ON c.plot_id = p.id"""
    skipped: list[Skipped] = []
    if jcbhs is not None:
        wanted = list(dict.fromkeys(j.strip() for j in jcbhs if j and j.strip()))
        marks = ", ".join("?" * len(wanted))
        listed = db.execute(f"{base} WHERE p.jcbh IN ({marks})", wanted) if wanted else ()
        rows = {row[0]: row for row in listed}
        chosen = []
        for jcbh in wanted:
            if jcbh not in rows:
                skipped.append(Skipped(jcbh, N_("there is no plot with this 监测编号")))
            elif rows[jcbh][3] not in VISITABLE:
                status = {"status": rows[jcbh][3]}
                skipped.append(Skipped(jcbh, N_("not closed out (the case is {status})"), status))
            else:
                chosen.append(ClosedPlot(*rows[jcbh][:3]))
        return chosen, skipped
    sql = f"{base} JOIN closeout AS o ON o.case_id = c.id WHERE c.status IN (?, ?)"
    params: list = list(VISITABLE)
    if _text(township):
        sql += " AND p.township = ?"
        params.append(_text(township))
    if closed_before:
        day = parse_date(closed_before)
        if day is None:
            raise errors.InvalidRecord(
                record=str(closed_before), reason=N_("{value} is not a date (YYYY-MM-DD)"),
                value=closed_before,
            )  # fmt: skip
        sql += " AND o.closed_on < ?"
        params.append(day.isoformat())
    return [ClosedPlot(*row[:3]) for row in db.execute(sql + " ORDER BY p.jcbh", params)], []


def closed_out_plots(
    store, jcbhs: Iterable[str] | None = None, township: str | None = None, closed_before=None
) -> tuple[list[ClosedPlot], list[Skipped]]:
    """The closed-out plots (已销号 or 事后巡查) of the list of 监测编号 ``jcbhs`` (the
    others left out, each with its reason), or else of ``township`` (all when None)
    closed out before ``closed_before`` (any day when None), by 监测编号."""
    return _closed_out(store._db, jcbhs, township, closed_before)


def select_for_campaign(
    store,
    campaign_id: int,
    jcbhs: Iterable[str] | None = None,
    township: str | None = None,
    closed_before=None,
) -> Selection:
    """Add the closed-out plots ``closed_out_plots`` selects to a campaign, each as a
    visit due by its end; plots not found, not closed out, or already in the campaign
    are left out, each with its reason."""
    with store.transaction() as db:
        found = db.execute("SELECT ends_on FROM campaign WHERE id = ?", (campaign_id,)).fetchone()
        if found is None:
            raise errors.InvalidRecord(
                record=str(campaign_id), reason=N_("there is no campaign with this id")
            )
        candidates, skipped = _closed_out(db, jcbhs, township, closed_before)
        added = []
        for plot in candidates:
            exists = db.execute(
                "SELECT 1 FROM revisit WHERE case_id = ? AND campaign_id = ?",
                (plot.case_id, campaign_id),
            ).fetchone()
            if exists:
                skipped.append(Skipped(plot.jcbh, N_("already in this campaign")))
                continue
            db.execute(
                "INSERT INTO revisit (case_id, campaign_id, due_on) VALUES (?, ?, ?)",
                (plot.case_id, campaign_id, found[0]),
            )
            added.append(plot.jcbh)
        return Selection(tuple(added), tuple(skipped))
