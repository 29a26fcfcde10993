"""Stopping a find (制止): each attempt recorded against a case (by 监测编号) or a point
clue (by code), its clocks from seed 002, and the breaches with the party the seed names.

The rules (启政办发〔2020〕32号; the clocks are defined in ``clocks.py``):

- 二(一)2, a village (村居): on site to stop within one day of the find, and when the stop
  fails (制止无效: result 继续施工) a written report to the township and the station the
  same day. 直接责任 村（居）委会分管负责人, 领导责任 主要负责人.
- 二(三)2, the station (国土所): at least 2 persons stop the find. 直接责任 所长（分局长）.
- 二(三)3, the station: within one day after a failed stop, a written 专报 to the township
  and the city bureau (市自然资源局) and a 抄告 to 纪委, 公安, 规划建设, 综合执法, 供电 and
  供水; the 专报 is the stop's written report (``reported_to``) or a notification, the
  抄告 the notifications of the same case or clue. 直接责任 所长（分局长）.

Units of other kinds (综合执法, 规划建设 …) are judged by their replies to the station's
notification (``notifications.py``, 二(二)4); their stops show the on-site clock only.
"""

from __future__ import annotations

import dataclasses
import datetime
from dataclasses import dataclass, field

from . import clocks, errors
from .breaches import Breach
from .calendar import as_date
from .errors import N_
from .moments import day_of, iso_moment, parse_moment
from .record_checks import iso_date
from .record_refs import LABEL_COLUMNS, label_joins, resolve

SOURCE = "启政办发〔2020〕32号"
UNIT_KINDS = ("村居", "国土所", "镇属公司", "综合执法", "规划建设", "其他")
VILLAGE, STATION = "村居", "国土所"
METHODS = ("劝阻", "停工通知书", "责令停止违法行为通知书", "其他")
NOTICE_METHODS = ("停工通知书", "责令停止违法行为通知书")  # a numbered, dated notice
STOPPED, CONTINUED = "已制止", "继续施工"
RESULTS = (STOPPED, CONTINUED)

# Words that name an addressee in a written report (``reported_to``) or a recipient.
TOWNSHIP_WORDS = ("镇", "园区", "街道")
STATION_WORDS = ("国土所", "分局", "自然资源所", "规划资源所")
CITY_BUREAU_WORDS = ("自然资源局",)
# 二(三)3: the joint departments the station copies (抄告), each by the words naming it
COPY_TO = (
    ("纪委", ("纪委",)),
    ("公安", ("公安", "派出所")),
    ("规划建设", ("规划", "建管")),
    ("综合执法", ("综合执法", "城管")),
    ("供电", ("供电",)),
    ("供水", ("供水",)),
)

ON_SITE = "一天内到场制止"
VILLAGE_REPORT = "制止无效当天书面报告镇政府和国土所"
STATION_REPORT = "制止无效后一天内书面专报镇政府、市自然资源局并抄告共同监管部门"

RULE_ON_SITE = "对发现的违法用地超过一天未到场制止"
RULE_VILLAGE_REPORT = (
    "对违法用地制止无效并在当天未能向镇人民政府（园区管委会）和国土所（分局）书面报告"
)
RULE_PERSONS = "对发现的违法用地未及时安排2名以上人员制止"
RULE_STATION_REPORT = (
    "对制止无效后一天内未书面专报镇人民政府（园区管委会）、市自然资源局或未抄告镇（园区）"
    "纪委、公安、规划（建管）、城管（综合执法）、供电、供水等镇（园区）共同监管部门"
)
VILLAGE_DIRECT, VILLAGE_LEADING = "村（居）委会分管负责人", "村（居）委会主要负责人"
STATION_HEAD = "国土所（分局）所长（分局长）"


@dataclass(frozen=True)
class NewStop:
    found_at: str
    unit: str
    unit_kind: str
    jcbh: str | None = None  # the plot's case, or
    clue_code: str | None = None  # the clue
    stopped_at: str | None = None
    stopped_by: str | None = None
    persons: int | None = None
    method: str | None = None
    notice_number: str | None = None
    notice_date: str | None = None
    result: str | None = None
    reported_at: str | None = None
    reported_to: str | None = None
    note: str | None = None


@dataclass(frozen=True)
class Stop:
    id: int
    record: str  # 监测编号 or clue code
    township: str | None
    case_id: int | None
    clue_id: int | None
    found_at: str
    unit: str
    unit_kind: str
    stopped_at: str | None
    stopped_by: str | None
    persons: int | None
    method: str | None
    notice_number: str | None
    notice_date: str | None
    result: str | None
    reported_at: str | None
    reported_to: str | None
    note: str | None
    clocks: tuple[clocks.Clock, ...] = ()
    missing: tuple[str, ...] = field(default=())  # addressees of 二(三)3 not yet reached

    @property
    def failed(self) -> bool:
        return self.result == CONTINUED

    @property
    def failed_at(self) -> str:
        """When the stop was seen to fail: the stop itself (else the find)."""
        return self.stopped_at or self.found_at


def _refuse(record: str, reason: str, **params) -> errors.InvalidRecord:
    return errors.InvalidRecord(record=record, reason=reason, **params)


def _moment(record: str, value, reason: str) -> str | None:
    """``value`` as a stored moment, None when empty; ``reason`` (with {value}) otherwise."""
    if value is None or str(value).strip() == "":
        return None
    moment = iso_moment(value)
    if moment is None:
        raise _refuse(record, reason, value=value)
    return moment


def _checked(stop: NewStop, record: str) -> dict:
    found_at = _moment(record, stop.found_at, N_("the time of the find ({value}) is not a date"))
    if found_at is None:
        raise _refuse(record, N_("the time of the find is missing"))
    unit = (stop.unit or "").strip()
    if not unit:
        raise _refuse(record, N_("the unit that stopped it is missing"))
    if stop.unit_kind not in UNIT_KINDS:
        raise _refuse(record, N_("the kind of unit {value} is not one of {allowed}"),
                      value=stop.unit_kind, allowed="、".join(UNIT_KINDS))  # fmt: skip
    stopped_at = _moment(
        record, stop.stopped_at, N_("the time of the stop ({value}) is not a date")
    )
    if stopped_at is not None and as_date(stopped_at) < as_date(found_at):
        raise _refuse(record, N_("the stop ({value}) is dated before the find"), value=stopped_at)
    persons = stop.persons
    if persons is not None and (not isinstance(persons, int) or persons < 0):
        raise _refuse(record, N_("the number of persons ({value}) is not a whole number"),
                      value=persons)  # fmt: skip
    if stop.method is not None and stop.method not in METHODS:
        raise _refuse(record, N_("the method {value} is not one of {allowed}"),
                      value=stop.method, allowed="、".join(METHODS))  # fmt: skip
    number = (stop.notice_number or "").strip() or None
    notice_date = iso_date(stop.notice_date) if stop.notice_date else None
    if stop.notice_date and notice_date is None:
        raise _refuse(record, N_("the notice date ({value}) is not a date"), value=stop.notice_date)
    if stop.method in NOTICE_METHODS and (number is None or notice_date is None):
        raise _refuse(record, N_("a {value} needs its number and its date"), value=stop.method)
    if stop.result is not None and stop.result not in RESULTS:
        raise _refuse(record, N_("the result {value} is not one of {allowed}"),
                      value=stop.result, allowed="、".join(RESULTS))  # fmt: skip
    if stop.result is not None and stopped_at is None:
        raise _refuse(record, N_("a result needs the time of the stop"))
    reported_at = _moment(
        record, stop.reported_at, N_("the time of the written report ({value}) is not a date")
    )
    reported_to = (stop.reported_to or "").strip() or None
    if (reported_at is None) != (reported_to is None):
        raise _refuse(record, N_("a written report needs both its time and whom it went to"))
    return dict(
        found_at=found_at, unit=unit, unit_kind=stop.unit_kind, stopped_at=stopped_at,
        stopped_by=(stop.stopped_by or "").strip() or None, persons=persons, method=stop.method,
        notice_number=number, notice_date=notice_date, result=stop.result,
        reported_at=reported_at, reported_to=reported_to, note=stop.note,
    )  # fmt: skip


def record_stop(store, stop: NewStop) -> int:
    """Record one stop action in its own transaction; InvalidRecord naming it otherwise."""
    record = stop.jcbh or stop.clue_code or str(stop.found_at)
    values = _checked(stop, record)
    with store.transaction() as db:
        ref = resolve(db, stop.jcbh, stop.clue_code, record)
        number = values["notice_number"]
        if (
            number
            and db.execute(
                "SELECT 1 FROM stop_action WHERE notice_number = ?", (number,)
            ).fetchone()
        ):
            raise _refuse(number, N_("a notice with this number was already recorded"))
        columns = ", ".join(values)
        return db.execute(
            f"""INSERT INTO stop_action (case_id, clue_id, {columns})
                VALUES (?, ?, {", ".join("?" * len(values))}) RETURNING id""",
            (ref.case_id, ref.clue_id, *values.values()),
        ).fetchone()[0]


# -- reading, with the clocks ------------------------------------------------------------

_SELECT = f"""
SELECT s.id, {LABEL_COLUMNS}, s.case_id, s.clue_id, s.found_at, s.unit, s.unit_kind,
    s.stopped_at, s.stopped_by, s.persons, s.method, s.notice_number, s.notice_date, s.result,
    s.reported_at, s.reported_to, s.note
FROM stop_action AS s
{label_joins("s")}
"""


def _names(text: str | None, words) -> bool:
    if not text:
        return False
    return any(w in text for w in words)


def _reported_day(stop: Stop, words) -> datetime.date | None:
    """The day of the stop's written report when it went to an addressee named by ``words``."""
    return day_of(stop.reported_at) if _names(stop.reported_to, words) else None


def _notified(store, stop: Stop) -> list[tuple[str, str]]:
    """(sent_on, recipient) of the notifications about the same case or clue since the find."""
    column, value = ("case_id", stop.case_id) if stop.case_id else ("clue_id", stop.clue_id)
    return store._db.execute(
        f"""SELECT n.sent_on, nr.recipient FROM notification AS n
            JOIN notification_recipient AS nr ON nr.notification_id = n.id
            WHERE n.{column} = ? AND n.sent_on >= ? ORDER BY n.sent_on""",
        (value, as_date(stop.found_at).isoformat()),
    ).fetchall()


def _station_report(store, stop: Stop, today) -> tuple[clocks.Clock, tuple[str, ...]]:
    """二(三)3: the day the last addressee was reached (None while one is missing) against
    the day after the failed stop; and the addressees not reached yet."""
    sent = _notified(store, stop)

    def first(words, reported: bool) -> datetime.date | None:
        days = [datetime.date.fromisoformat(on) for on, name in sent if _names(name, words)]
        if reported and (day := _reported_day(stop, words)) is not None:
            days.append(day)
        return min(days) if days else None

    reached = {
        "镇政府": first(TOWNSHIP_WORDS, True),
        "市自然资源局": first(CITY_BUREAU_WORDS, True),
    }
    reached.update({label: first(words, False) for label, words in COPY_TO})
    missing = tuple(label for label, day in reached.items() if day is None)
    done = None if missing else max(d for d in reached.values() if d is not None)
    return clocks.clock(
        STATION_REPORT, clocks.station_report_due(stop.failed_at), done, today
    ), missing


def _with_clocks(store, stop: Stop, today) -> Stop:
    found = [clocks.clock(ON_SITE, clocks.on_site_due(stop.found_at), stop.stopped_at, today)]
    missing: tuple[str, ...] = ()
    if stop.failed and stop.unit_kind == VILLAGE:
        both = _names(stop.reported_to, TOWNSHIP_WORDS) and _names(stop.reported_to, STATION_WORDS)
        done = day_of(stop.reported_at) if both else None
        due = clocks.same_day_report_due(stop.failed_at)
        found.append(clocks.clock(VILLAGE_REPORT, due, done, today))
    if stop.failed and stop.unit_kind == STATION:
        report, missing = _station_report(store, stop, today)
        found.append(report)
    return dataclasses.replace(stop, clocks=tuple(found), missing=missing)


def _read(store, where: str, params: tuple, today) -> list[Stop]:
    today = today or datetime.date.today()
    rows = store._db.execute(f"{_SELECT} WHERE {where} ORDER BY s.found_at, s.id", params)
    return [_with_clocks(store, Stop(*row), today) for row in rows.fetchall()]


def stops_of(
    store, jcbh: str | None = None, clue_code: str | None = None, today=None
) -> list[Stop]:
    """The stop actions of a case or a clue with their clocks (the case panel's list)."""
    ref = resolve(store._db, jcbh, clue_code, jcbh or clue_code or "—")
    if ref.case_id is not None:
        return _read(store, "s.case_id = ?", (ref.case_id,), today)
    return _read(store, "s.clue_id = ?", (ref.clue_id,), today)


def get_stop(store, stop_id: int, today=None) -> Stop:
    found = _read(store, "s.id = ?", (stop_id,), today)
    if not found:
        raise _refuse(str(stop_id), N_("there is no stop action with this id"))
    return found[0]


def stops_found(store, start, end, today=None) -> list[Stop]:
    """The stop actions of the finds made from ``start`` to ``end`` (dates, inclusive)."""
    return _read(store, "substr(s.found_at, 1, 10) BETWEEN ? AND ?", (str(start), str(end)), today)


def notices_issued(store, start, end) -> list[Stop]:
    """The stop actions whose numbered notice is dated from ``start`` to ``end``."""
    return _read(
        store,
        f"s.method IN ({', '.join('?' * len(NOTICE_METHODS))}) AND s.notice_date BETWEEN ? AND ?",
        (*NOTICE_METHODS, str(start), str(end)),
        None,
    )


# -- breaches -----------------------------------------------------------------------------


def _village_people(store, unit: str) -> tuple[str, str]:
    """The village's 分管负责人 and 主要负责人, with their names when the unit is recorded."""
    row = store._db.execute(
        "SELECT deputy, head FROM patrol_unit WHERE name = ?", (unit,)
    ).fetchone()
    deputy, head = (row[0], row[1]) if row else (None, None)
    return (
        f"{VILLAGE_DIRECT}（{deputy}）" if deputy else VILLAGE_DIRECT,
        f"{VILLAGE_LEADING}（{head}）" if head else VILLAGE_LEADING,
    )


def breaches(store, start, end, today) -> list[Breach]:
    """The stop rules broken by ``today`` whose due date (for the persons rule: the day of
    the find) lies from ``start`` to ``end``."""
    start, end = str(start), str(end)
    since = (datetime.date.fromisoformat(start) - datetime.timedelta(days=2)).isoformat()
    found: list[Breach] = []
    for stop in stops_found(store, since, end, today):
        for rule, article, direct, leading, c, detail in _broken(store, stop):
            day = c.due or as_date(stop.found_at)
            if start <= day.isoformat() <= end:
                found.append(Breach(rule, f"{SOURCE} {article}", stop.record, stop.unit, direct,
                                    leading, c.due, c.done, c.days_late, stop.township, detail))  # fmt: skip
    return found


def _broken(store, stop: Stop):
    """(rule, article, direct, leading, clock, detail) of each rule ``stop`` breaks."""
    for c in stop.clocks:
        if not clocks.is_breach(c):
            continue
        if stop.unit_kind == VILLAGE and c.name in (ON_SITE, VILLAGE_REPORT):
            rule = RULE_ON_SITE if c.name == ON_SITE else RULE_VILLAGE_REPORT
            direct, leading = _village_people(store, stop.unit)
            yield rule, "二(一)2", direct, leading, c, _fact(stop, c)
        elif stop.unit_kind == STATION and c.name == STATION_REPORT:
            detail = "未专报/抄告：" + "、".join(stop.missing) if stop.missing else None
            yield RULE_STATION_REPORT, "二(三)3", STATION_HEAD, None, c, detail
    if stop.unit_kind == STATION and not clocks.enough_persons(stop.persons):
        detail = "制止人数未记录" if stop.persons is None else f"{stop.persons} 人制止"
        # a rule without a date: no due day, never late by days; the find's day places it
        persons = clocks.Clock("2名以上人员制止", None, day_of(stop.stopped_at), clocks.LATE, 0)
        yield RULE_PERSONS, "二(三)2", STATION_HEAD, None, persons, detail


def _fact(stop: Stop, c: clocks.Clock) -> str:
    found = parse_moment(stop.found_at)
    text = f"{found:%Y-%m-%d %H:%M}" if isinstance(found, datetime.datetime) else str(found)
    return f"{text} 发现，{c.name}：" + ("未办" if c.done is None else f"{c.done.isoformat()} 办")
