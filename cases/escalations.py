"""Escalations: 督办, 挂牌督办, 通报批评, 公开通报 and 警示约谈 issued by a higher authority on a
case or on a whole township, with the date, the issuer, the number, the date it is due and
the date it was resolved (its clock: ``clocks.clock``). Seed 002 二: "及时交办，严肃督办"."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from . import clocks, errors
from .errors import N_
from .record_checks import iso_date

KINDS = ("督办", "挂牌督办", "通报批评", "公开通报", "警示约谈")
CLOCK = "督办期限"


@dataclass(frozen=True)
class Escalation:
    id: int
    kind: str
    jcbh: str | None
    township: str | None
    issued_on: str
    issuer: str
    number: str | None
    content: str | None
    due_on: str | None
    resolved_on: str | None
    clock: clocks.Clock


def _refuse(record: str, reason: str, **params) -> errors.InvalidRecord:
    return errors.InvalidRecord(record=record, reason=reason, **params)


def _date(record: str, value, reason: str) -> str | None:
    """``value`` as YYYY-MM-DD, None when empty; ``reason`` (with {value}) otherwise."""
    if value is None or str(value).strip() == "":
        return None
    day = iso_date(value)
    if day is None:
        raise _refuse(record, reason, value=value)
    return day


def record_escalation(
    store,
    kind: str,
    issued_on,
    issuer: str,
    jcbh: str | None = None,
    township: str | None = None,
    number: str | None = None,
    content: str | None = None,
    due_on=None,
) -> int:
    """Record an escalation on the case of ``jcbh`` or on ``township`` (or both); its id."""
    record = (number or "").strip() or jcbh or township or "—"
    if kind not in KINDS:
        raise _refuse(record, N_("the kind {value} is not one of {allowed}"),
                      value=kind, allowed="、".join(KINDS))  # fmt: skip
    issued = _date(record, issued_on, N_("the date it was issued ({value}) is not a date"))
    if issued is None:
        raise _refuse(record, N_("the date it was issued is missing"))
    if not (issuer or "").strip():
        raise _refuse(record, N_("who issued it is missing"))
    due = _date(record, due_on, N_("the due date ({value}) is not a date"))
    if due is not None and due < issued:
        raise _refuse(
            record, N_("the due date ({value}) is before the date it was issued"), value=due
        )
    township = (township or "").strip() or None
    with store.transaction() as db:
        case_id = None
        if jcbh:
            row = db.execute(
                """SELECT c.id, p.township FROM case_record AS c
                   JOIN plot AS p ON p.id = c.plot_id WHERE p.jcbh = ?""",
                (jcbh.strip(),),
            ).fetchone()
            if row is None:
                raise _refuse(record, N_("there is no plot with the 监测编号 {value}"), value=jcbh)
            case_id, township = row[0], township or row[1]
        if case_id is None and township is None:
            raise _refuse(record, N_("name the case (监测编号) or the township it is about"))
        return db.execute(
            """INSERT INTO escalation (case_id, township, kind, issued_on, issuer, number,
                   content, due_on) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""",
            (case_id, township, kind, issued, issuer.strip(), (number or "").strip() or None,
             content, due),
        ).fetchone()[0]  # fmt: skip


def resolve_escalation(store, escalation_id: int, resolved_on) -> None:
    """The escalated matter was resolved (办结) on ``resolved_on``."""
    record = str(escalation_id)
    resolved = _date(record, resolved_on, N_("the date it was resolved ({value}) is not a date"))
    with store.transaction() as db:
        row = db.execute(
            "SELECT issued_on FROM escalation WHERE id = ?", (escalation_id,)
        ).fetchone()
        if row is None:
            raise _refuse(record, N_("there is no escalation with this id"))
        if resolved is None or resolved < row[0]:
            raise _refuse(record, N_("the date it was resolved ({value}) is before it was issued"),
                          value=resolved_on)  # fmt: skip
        db.execute("UPDATE escalation SET resolved_on = ? WHERE id = ?", (resolved, escalation_id))


def escalations(
    store, jcbh: str | None = None, township: str | None = None, open_only: bool = False, today=None
) -> list[Escalation]:
    """The escalations of a case, of a township (its cases' included), or all; oldest first."""
    sql = """SELECT e.id, e.kind, p.jcbh, e.township, e.issued_on, e.issuer, e.number,
                 e.content, e.due_on, e.resolved_on
             FROM escalation AS e LEFT JOIN case_record AS c ON c.id = e.case_id
             LEFT JOIN plot AS p ON p.id = c.plot_id WHERE 1 = 1"""
    params: list = []
    if jcbh is not None:
        sql += " AND p.jcbh = ?"
        params.append(jcbh)
    if township is not None:
        sql += " AND e.township = ?"
        params.append(township)
    if open_only:
        sql += " AND e.resolved_on IS NULL"
    today = today or datetime.date.today()
    return [
        Escalation(
            row[0],
            row[1],
            row[2],
            row[3],
            row[4],
            row[5],
            row[6],
            row[7],
            row[8],
            row[9],
            clocks.clock(CLOCK, row[8], row[9], today),
        )  # fmt: skip
        for row in store._db.execute(sql + " ORDER BY e.issued_on, e.id", params).fetchall()
    ]
