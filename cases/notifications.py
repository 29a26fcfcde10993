"""Notifying (抄告 / 函告) and the replies: one notification to several recipients, each
answered on its own and judged by its own deadline (seed 002 二 协作处置, 二(二)2/4/6).

The recipients and their deadline rules are an editable list (table ``recipient``, seeded
with the departments the seeds name; ``schema_patrol.DEFAULT_RECIPIENTS``). Each
recipient's due date comes from ``clocks.recipient_due``: N calendar or working days from
the day the notification was sent, or for the township's leading official (镇牵头责任领导)
from the township head's 批示, which is the head's reply in the same notification.

Replies are recorded as a date, a text and who replied; a scan of the reply letter is a
``record_file`` of the ``notification_recipient`` row, stored by ``record_files`` (the
functions here take no file).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from . import clocks, errors, record_files
from .breaches import Breach
from .errors import N_
from .record_checks import iso_date
from .record_refs import LABEL_COLUMNS, label_joins, resolve

SOURCE = "启政办发〔2020〕32号"
COUNTED_FROM = ("sent", "instructed")


@dataclass(frozen=True)
class Recipient:
    name: str
    deadline_days: int
    working_days: bool
    counted_from: str  # 'sent' or 'instructed' (the township head's 批示)
    accountable: str | None  # who answers for a late reply (直接责任)
    rule: str | None  # the rule in the seed's words
    sort: int


@dataclass(frozen=True)
class NewNotification:
    subject: str
    sent_on: str
    recipients: tuple[str, ...]
    number: str | None = None  # 文号
    content: str | None = None
    sender: str | None = None
    jcbh: str | None = None  # the plot it is about, or
    clue_code: str | None = None  # the clue


@dataclass(frozen=True)
class RecipientState:
    id: int
    recipient: str
    accountable: str | None
    rule: str | None
    replied_on: str | None
    reply_text: str | None
    replied_by: str | None
    clock: clocks.Clock


@dataclass(frozen=True)
class Notification:
    id: int
    number: str | None
    sent_on: str
    subject: str
    content: str | None
    sender: str | None
    record: str  # 监测编号 or clue code
    township: str | None
    case_id: int | None
    clue_id: int | None
    recipients: tuple[RecipientState, ...]


def _refuse(record: str, reason: str, **params) -> errors.InvalidRecord:
    return errors.InvalidRecord(record=record, reason=reason, **params)


# -- the recipient list -----------------------------------------------------------------


def list_recipients(store) -> list[Recipient]:
    rows = store._db.execute(
        """SELECT name, deadline_days, working_days, counted_from, accountable, rule, sort
           FROM recipient ORDER BY sort, name"""
    )
    return [Recipient(r[0], r[1], bool(r[2]), r[3], r[4], r[5], r[6]) for r in rows]


def _checked_rule(name: str, deadline_days, counted_from: str) -> int:
    try:
        days = int(deadline_days)
    except (TypeError, ValueError):
        days = 0
    if days <= 0:
        raise _refuse(name, N_("the deadline must be a whole number of days above 0"))
    if counted_from not in COUNTED_FROM:
        raise _refuse(
            name,
            N_("a deadline counts from 'sent' or 'instructed', not {value}"),
            value=counted_from,
        )
    return days


def add_recipient(
    store,
    name: str,
    deadline_days: int,
    working_days: bool = True,
    counted_from: str = "sent",
    accountable: str | None = None,
    rule: str | None = None,
) -> None:
    """Add a recipient with its deadline rule at the end of the list."""
    name = (name or "").strip()
    if not name:
        raise _refuse("—", N_("the recipient's name is missing"))
    days = _checked_rule(name, deadline_days, counted_from)
    with store.transaction() as db:
        if db.execute("SELECT 1 FROM recipient WHERE name = ?", (name,)).fetchone():
            raise _refuse(name, N_("this recipient is already in the list"))
        sort = db.execute("SELECT COALESCE(max(sort), -1) + 1 FROM recipient").fetchone()[0]
        db.execute(
            """INSERT INTO recipient (name, deadline_days, working_days, counted_from,
                   accountable, rule, sort) VALUES (?, ?, ?, ?, ?, ?, ?)""",
            (name, days, int(bool(working_days)), counted_from, accountable, rule, sort),
        )


def change_recipient(
    store,
    name: str,
    deadline_days: int,
    working_days: bool,
    counted_from: str = "sent",
    accountable: str | None = None,
    rule: str | None = None,
) -> None:
    """Change a recipient's deadline rule: every due date computed after it follows."""
    days = _checked_rule(name, deadline_days, counted_from)
    with store.transaction() as db:
        cursor = db.execute(
            """UPDATE recipient SET deadline_days = ?, working_days = ?, counted_from = ?,
                   accountable = ?, rule = ? WHERE name = ?""",
            (days, int(bool(working_days)), counted_from, accountable, rule, name),
        )
        if cursor.rowcount == 0:
            raise _refuse(name, N_("there is no recipient of this name"))


def rename_recipient(store, name: str, new_name: str) -> None:
    """Rename a recipient, with the notifications sent to it (they keep their rule). The
    township head keeps its name: its reply is the 批示 the leader's clock starts from."""
    new_name = (new_name or "").strip()
    if name == clocks.TOWNSHIP_HEAD:
        raise _refuse(
            name, N_("the township head's reply starts the leader's clock; it keeps its name")
        )
    if not new_name:
        raise _refuse(name, N_("the recipient's name is missing"))
    with store.transaction() as db:
        if db.execute("SELECT 1 FROM recipient WHERE name = ?", (new_name,)).fetchone():
            raise _refuse(new_name, N_("this recipient is already in the list"))
        if not db.execute(
            "UPDATE recipient SET name = ? WHERE name = ?", (new_name, name)
        ).rowcount:
            raise _refuse(name, N_("there is no recipient of this name"))
        db.execute(
            "UPDATE notification_recipient SET recipient = ? WHERE recipient = ?", (new_name, name)
        )


# -- sending and replying -----------------------------------------------------------------


def send_notification(store, notice: NewNotification) -> int:
    """Record one notification to several recipients in one transaction; its id."""
    record = (notice.number or "").strip() or (notice.subject or "").strip() or "—"
    subject = (notice.subject or "").strip()
    if not subject:
        raise _refuse(record, N_("the subject of the notification is missing"))
    sent_on = iso_date(notice.sent_on) if notice.sent_on else None
    if sent_on is None:
        raise _refuse(
            record, N_("the date it was sent ({value}) is not a date"), value=notice.sent_on
        )
    names = [(n or "").strip() for n in notice.recipients]
    if not names or not all(names):
        raise _refuse(record, N_("a notification goes to at least one recipient"))
    if len(set(names)) != len(names):
        raise _refuse(record, N_("a recipient is named twice"))
    with store.transaction() as db:
        ref = resolve(db, notice.jcbh, notice.clue_code, record)
        known = {row[0] for row in db.execute("SELECT name FROM recipient")}
        unknown = [n for n in names if n not in known]
        if unknown:
            raise _refuse(
                record, N_("{value} is not in the list of recipients"), value="、".join(unknown)
            )
        number = (notice.number or "").strip() or None
        if (
            number
            and db.execute("SELECT 1 FROM notification WHERE number = ?", (number,)).fetchone()
        ):
            raise _refuse(number, N_("a notification with this number (文号) already exists"))
        notification_id = db.execute(
            """INSERT INTO notification (case_id, clue_id, number, sent_on, sender, subject, content)
               VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id""",
            (ref.case_id, ref.clue_id, number, sent_on, notice.sender, subject, notice.content),
        ).fetchone()[0]
        for name in names:
            db.execute(
                "INSERT INTO notification_recipient (notification_id, recipient) VALUES (?, ?)",
                (notification_id, name),
            )
    return notification_id


def notification_id_of(store, number: str) -> int:
    row = store._db.execute(
        "SELECT id FROM notification WHERE number = ?", ((number or "").strip(),)
    ).fetchone()
    if row is None:
        raise _refuse(str(number), N_("there is no notification with this number (文号)"))
    return row[0]


def record_reply(
    store,
    notification_id: int,
    recipient: str,
    replied_on,
    text: str | None = None,
    by: str | None = None,
    scan=None,
) -> None:
    """Record (or correct) a recipient's reply: its date, what it says, who replied, and
    the scanned reply (函复) kept with it (``record_files``); all in one transaction."""
    files = [record_files.read_record_file(scan, record_files.SCAN)] if scan else []
    created = record_files.store_file_copies(store, files)
    try:
        with store.transaction() as db:
            row_id = apply_reply(db, notification_id, recipient, replied_on, text, by)
            if files:
                record_files.insert_record_files(db, "notification_recipient", row_id, files)
    except BaseException:
        record_files.remove_copies(store, created)
        raise


def apply_reply(db, notification_id: int, recipient: str, replied_on, text=None, by=None) -> int:
    """``record_reply`` inside the caller's transaction (a spreadsheet of replies is
    recorded whole or not at all)."""
    row = db.execute(
        """SELECT nr.id, n.sent_on, COALESCE(n.number, n.subject) FROM notification_recipient AS nr
           JOIN notification AS n ON n.id = nr.notification_id
           WHERE nr.notification_id = ? AND nr.recipient = ?""",
        (notification_id, recipient),
    ).fetchone()
    if row is None:
        raise _refuse(
            f"{notification_id} {recipient}", N_("the notification was not sent to this recipient")
        )
    row_id, sent_on, record = row
    replied = iso_date(replied_on) if replied_on else None
    if replied is None:
        raise _refuse(f"{record} {recipient}", N_("the reply date ({value}) is not a date"),
                      value=replied_on)  # fmt: skip
    if replied < sent_on:
        raise _refuse(
            f"{record} {recipient}",
            N_("the reply ({value}) is dated before the notification was sent ({sent})"),
            value=replied, sent=sent_on,
        )  # fmt: skip
    db.execute(
        "UPDATE notification_recipient SET replied_on = ?, reply_text = ?, replied_by = ? "
        "WHERE id = ?",
        (replied, text, by, row_id),
    )
    return row_id


# -- reading ------------------------------------------------------------------------------

_SELECT = f"""
SELECT n.id, n.number, n.sent_on, n.subject, n.content, n.sender, {LABEL_COLUMNS},
    n.case_id, n.clue_id, nr.id, nr.recipient, nr.replied_on, nr.reply_text, nr.replied_by,
    r.deadline_days, r.working_days, r.counted_from, r.accountable, r.rule, COALESCE(r.sort, 0)
FROM notification AS n
{label_joins("n")}
JOIN notification_recipient AS nr ON nr.notification_id = n.id
LEFT JOIN recipient AS r ON r.name = nr.recipient
"""


def _read(store, where: str, params: tuple, today) -> list[Notification]:
    rows = store._db.execute(
        f"{_SELECT} WHERE {where} ORDER BY n.sent_on, n.id, COALESCE(r.sort, 0), nr.id", params
    ).fetchall()
    today = today or datetime.date.today()
    grouped: dict[int, list] = {}
    for row in rows:
        grouped.setdefault(row[0], []).append(row)
    found = []
    for group in grouped.values():
        head = group[0]
        instructed = next((r[12] for r in group if r[11] == clocks.TOWNSHIP_HEAD), None)
        states = []
        for r in group:
            days, working, counted_from = r[15], r[16], r[17]
            due = (
                None
                if days is None
                else clocks.recipient_due(
                    store, days, bool(working), counted_from, head[2], instructed
                )
            )
            states.append(
                RecipientState(r[10], r[11], r[18], r[19], r[12], r[13], r[14],
                               clocks.clock(rule_words(r[19])[1], due, r[12], today))
            )  # fmt: skip
        found.append(
            Notification(head[0], head[1], head[2], head[3], head[4], head[5], head[6],
                         head[7], head[8], head[9], tuple(states))
        )  # fmt: skip
    return found


def notifications_of(store, jcbh: str | None = None, clue_code: str | None = None, today=None):
    """The notifications about a case or a clue, each recipient with its due date and state."""
    ref = resolve(store._db, jcbh, clue_code, jcbh or clue_code or "—")
    if ref.case_id is not None:
        return _read(store, "n.case_id = ?", (ref.case_id,), today)
    return _read(store, "n.clue_id = ?", (ref.clue_id,), today)


def get_notification(store, notification_id: int, today=None) -> Notification:
    found = _read(store, "n.id = ?", (notification_id,), today)
    if not found:
        raise _refuse(str(notification_id), N_("there is no notification with this id"))
    return found[0]


def register(store, start, end, today=None) -> list[Notification]:
    """The notification register: those sent from ``start`` to ``end`` (inclusive)."""
    return _read(store, "n.sent_on BETWEEN ? AND ?", (str(start), str(end)), today)


def breaches(store, start, end, today) -> list[Breach]:
    """Each recipient whose reply was due from ``start`` to ``end`` and came late or not
    at all by ``today``; the accountable party is the recipient row's."""
    start, end = str(start), str(end)
    # a due date lies at most a few weeks after the sending (5 working days over the
    # Spring Festival); the leader's clock may start later, so read back generously
    since = (datetime.date.fromisoformat(start) - datetime.timedelta(days=120)).isoformat()
    found = []
    for notice in _read(store, "n.sent_on BETWEEN ? AND ?", (since, end), today):
        for r in notice.recipients:
            c = r.clock
            if c.due is None or not (start <= c.due.isoformat() <= end) or not clocks.is_breach(c):
                continue
            what = "逾期未回复" if c.done is None else f"{c.done.isoformat()} 回复"
            found.append(
                Breach(
                    rule=c.name,
                    source=f"{SOURCE} {rule_words(r.rule)[0]}".strip(),
                    record=notice.record,
                    unit=r.recipient,
                    direct=r.accountable,
                    leading=None,
                    due=c.due,
                    done=c.done,
                    days_late=c.days_late,
                    township=notice.township,
                    detail=f"{notice.number or notice.subject}（{notice.sent_on} 发出）{what}",
                )
            )
    return found


DEFAULT_RULE = "抄告后按期处置并函复"


def rule_words(rule: str | None) -> tuple[str, str]:
    """(article, words) of a recipient's rule text: 'seed 002 二(二)2：超过2天未批示' gives
    ('二(二)2', '超过2天未批示'); a rule without an article is all words."""
    if not rule:
        return "", DEFAULT_RULE
    if "：" not in rule:
        return "", rule.strip()
    head, words = rule.split("：", 1)
    article = head.split(" ", 2)[-1] if head.startswith("seed") else head
    return article.strip(), words.strip() or DEFAULT_RULE
