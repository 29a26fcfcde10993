"""What the printed stopping and notifying documents say, read from the record: the
责令停止违法行为通知书 of a stop action with a numbered notice, and the 抄告单 of a
notification with each recipient's deadline. ``content_hash`` fingerprints the printed
content (the footer's 数据校验码 and QR code), so a paper copy can be checked against the
database."""

from __future__ import annotations

import dataclasses
import datetime
import hashlib
import json
from dataclasses import dataclass

from . import errors, notifications, stops
from .errors import N_


@dataclass(frozen=True)
class Place:
    record: str  # 监测编号 or clue code
    record_label: str  # 监测编号 / 线索编号
    township: str | None
    village: str | None
    address: str | None
    party: str | None  # 当事人 (verification's land user, or the clue's party)


@dataclass(frozen=True)
class StopNoticeData:
    number: str
    notice_date: str | None
    kind: str  # 停工通知书 / 责令停止违法行为通知书
    place: Place
    found_at: str
    stopped_at: str | None
    unit: str
    stopped_by: str | None
    facts: str | None


@dataclass(frozen=True)
class RecipientLine:
    recipient: str
    deadline: str  # in words: "2026年10月13日前（5个工作日）", "批示后2日内"
    rule: str | None
    replied_on: str | None


@dataclass(frozen=True)
class NotificationSheetData:
    number: str | None
    sent_on: str
    sender: str | None
    subject: str
    content: str | None
    place: Place
    recipients: tuple[RecipientLine, ...]


def content_hash(data) -> str:
    """The first 16 hex digits of the SHA-256 of the document's content."""
    text = json.dumps(dataclasses.asdict(data), ensure_ascii=False, sort_keys=True, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def _place(db, case_id: int | None, clue_id: int | None) -> Place:
    if case_id is not None:
        row = db.execute(
            """SELECT p.jcbh, p.township, p.village,
                   (SELECT land_user FROM verification WHERE case_id = c.id ORDER BY id DESC LIMIT 1)
               FROM case_record AS c JOIN plot AS p ON p.id = c.plot_id WHERE c.id = ?""",
            (case_id,),
        ).fetchone()
        return Place(row[0], "监测编号", row[1], row[2], None, row[3])
    row = db.execute(
        "SELECT code, township, village, address, party FROM clue WHERE id = ?", (clue_id,)
    ).fetchone()
    return Place(row[0], "线索编号", row[1], row[2], row[3], row[4])


def stop_notice_data(store, stop_id: int) -> StopNoticeData:
    """The notice of a stop action recorded with a numbered 停工通知书 or 责令停止违法行为通知书."""
    stop = stops.get_stop(store, stop_id)
    number = stop.notice_number
    if stop.method not in stops.NOTICE_METHODS or not number:
        raise errors.InvalidRecord(
            record=stop.record,
            reason=N_("this stop action was not recorded with a numbered notice"),
        )
    return StopNoticeData(
        number, stop.notice_date, stop.method,
        _place(store._db, stop.case_id, stop.clue_id), stop.found_at, stop.stopped_at,
        stop.unit, stop.stopped_by, stop.note,
    )  # fmt: skip


def _chinese_date(day: datetime.date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def deadline_words(recipient: notifications.Recipient | None, due) -> str:
    """A recipient's deadline as the 抄告单 prints it."""
    if recipient is None:
        return "—"
    unit = "个工作日" if recipient.working_days else "日"
    if recipient.counted_from == "instructed":
        start = "镇政府主要负责人批示后"
        return f"{start}{recipient.deadline_days}{unit}内" + (
            f"（{_chinese_date(due)}前）" if due is not None else ""
        )
    return f"{_chinese_date(due)}前（{recipient.deadline_days}{unit}内）"


def notification_sheet_data(store, notification_id: int) -> NotificationSheetData:
    notice = notifications.get_notification(store, notification_id)
    rules = {r.name: r for r in notifications.list_recipients(store)}
    lines = tuple(
        RecipientLine(r.recipient, deadline_words(rules.get(r.recipient), r.clock.due),
                      notifications.rule_words(r.rule)[1] if r.rule else None, r.replied_on)
        for r in notice.recipients
    )  # fmt: skip
    return NotificationSheetData(
        notice.number, notice.sent_on, notice.sender, notice.subject, notice.content,
        _place(store._db, notice.case_id, notice.clue_id), lines,
    )  # fmt: skip
