"""The patrol report of a day or a month, per unit and township, as plain tables.

``patrol_report(store, period, today)`` gathers, for ``YYYY-MM`` (a month) or
``YYYY-MM-DD`` (a day): the monthly reports (submitted on, on time or late by N days), the
daily reports per unit (days reported, 零报, 未报, finds, finds not reported the same
day), per township, the units × days table (the workbook only: a month does not fit a
printed page), the units that did not report, the zones not visited at their level's
frequency and the breaches of these rules. The workbook (``patrol_workbook``) and the PDF
(``reports/patrol_report.py``) print these same tables.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from .breaches import Breach
from .deadlines import monthly_report_due
from .moments import day_of
from .patrol_reports import (
    DAILY,
    MONTHLY,
    breaches,
    days,
    finds_by_day,
    missed_visits,
    month_bounds,
    patrol_counts,
    reports,
)
from .patrol_units import list_units

COUNT, TEXT, NUMBER = "count", "text", "number"  # the units of cases.statistics
# dates are NUMBER: printed on one line, centred, never wrapped
ZERO, NOT_REPORTED = "零报", "未报"


@dataclass
class Table:
    key: str
    title: str
    columns: list[tuple[str, str]]  # (Chinese header, unit)
    rows: list[list] = field(default_factory=list)
    printed: bool = True  # False: the workbook only
    empty_note: str = "无"


@dataclass
class PatrolReport:
    period: str  # YYYY-MM or YYYY-MM-DD
    start: datetime.date
    end: datetime.date
    today: datetime.date
    tables: list[Table]
    notes: list[str]

    @property
    def is_month(self) -> bool:
        return len(self.period) == 7

    @property
    def title(self) -> str:
        if self.is_month:
            return f"{self.start.year}年{self.start.month}月土地巡查报告"
        return f"{self.start.year}年{self.start.month}月{self.start.day}日土地巡查日报"

    def table(self, key: str) -> Table:
        return next(t for t in self.tables if t.key == key)


def period_bounds(period: str) -> tuple[datetime.date, datetime.date]:
    """The days of ``YYYY-MM`` or ``YYYY-MM-DD``; ValueError for anything else."""
    period = (period or "").strip()
    if len(period) == 7:
        return month_bounds(period)
    day = datetime.date.fromisoformat(period) if len(period) == 10 else None
    if day is None:
        raise ValueError(period)
    return day, day


def _late_text(done: datetime.date | None, due: datetime.date, today: datetime.date) -> str:
    if done is None:
        return f"未报（已逾期 {(today - due).days} 天）" if today > due else "未报（未到期）"
    return "按时" if done <= due else f"逾期 {(done - due).days} 天"


def _monthly_table(store, units, period, start, end, today, counts, finds) -> Table:
    due = monthly_report_due(start)
    submitted = reports(store, MONTHLY, period, period)
    table = Table("monthly", "月报报送情况", [
        ("报送单位", TEXT), ("乡镇", TEXT), ("应报日期", NUMBER), ("报送日期", NUMBER),
        ("报送情况", TEXT), ("巡查次数", COUNT), ("发现数", COUNT),
    ])  # fmt: skip
    for unit in units:
        report = submitted.get((unit.id, period))
        done = day_of(report.submitted_at) if report else None
        done = done if done is not None and done <= today else None  # as known on ``today``
        found = sum(n for (u, _d), n in finds.items() if u == unit.id)
        table.rows.append([
            unit.name, unit.township or "", due.isoformat(), done.isoformat() if done else "",
            _late_text(done, due, today), counts.get(unit.id, 0), found,
        ])  # fmt: skip
    return table


def _day_cell(report, found: int) -> str:
    if report is None:
        return f"{NOT_REPORTED}（发现{found}）" if found else NOT_REPORTED
    if report.zero:
        return f"{ZERO}（发现{found}）" if found else ZERO
    reported = report.findings if report.findings is not None else found
    late = str(day_of(report.submitted_at)) > report.period  # ISO dates compare as text
    return f"报{reported}" + ("（迟报）" if late else "")


def _daily_tables(store, units, start, end, today, finds) -> tuple[Table, Table]:
    submitted = reports(store, DAILY, start.isoformat(), end.isoformat())
    span = [day for day in days(start, end) if day <= today]  # days to come are not 未报
    summary = Table("daily", "日报报送情况", [
        ("报送单位", TEXT), ("乡镇", TEXT), ("应报天数", COUNT), ("已报天数", COUNT),
        ("零报天数", COUNT), ("未报天数", COUNT), ("发现数", COUNT), ("有发现未当日报天数", COUNT),
    ])  # fmt: skip
    grid = Table(
        "daily_grid", "日报明细（单位×日）",
        [("报送单位", TEXT), ("乡镇", TEXT)] + [(d.strftime("%m-%d"), TEXT) for d in span],
        printed=start == end,
    )  # fmt: skip
    for unit in units:
        cells: list[str] = []
        counted: defaultdict[str, int] = defaultdict(int)
        for day in span:
            report = submitted.get((unit.id, day.isoformat()))
            found = finds.get((unit.id, day.isoformat()), 0)
            cells.append(_day_cell(report, found))
            counted["reported"] += report is not None and not report.zero
            counted["zero"] += report is not None and report.zero
            counted["missing"] += report is None
            counted["found"] += found
            on_the_day = (
                report is not None and not report.zero and day_of(report.submitted_at) == day
            )
            counted["unreported_finds"] += bool(found) and not on_the_day
        summary.rows.append([
            unit.name, unit.township or "", len(span), counted["reported"], counted["zero"],
            counted["missing"], counted["found"], counted["unreported_finds"],
        ])  # fmt: skip
        grid.rows.append([unit.name, unit.township or "", *cells])
    return summary, grid


def _township_table(units, daily: Table, monthly: Table | None) -> Table:
    """The units' figures added up by township (the 月报 columns for a month only)."""
    month_columns = [("月报按时", COUNT), ("月报逾期或未报", COUNT)] if monthly else []
    table = Table("township", "乡镇汇总", [
        ("乡镇", TEXT), ("报送单位数", COUNT), *month_columns,
        ("日报已报天数", COUNT), ("零报天数", COUNT), ("未报天数", COUNT), ("发现数", COUNT),
        ("有发现未当日报天数", COUNT),
    ])  # fmt: skip
    totals: dict[str, list[int]] = defaultdict(lambda: [0] * (len(table.columns) - 1))
    for index, unit in enumerate(units):
        row = totals[unit.township or "（未填乡镇）"]
        row[0] += 1
        if monthly is not None:
            state = monthly.rows[index][4]
            row[1] += state == "按时"
            row[2] += state != "按时" and not state.endswith("（未到期）")
        for offset, column in enumerate(range(3, 8)):
            row[len(month_columns) + 1 + offset] += daily.rows[index][column]
    for township, row in totals.items():
        table.rows.append([township, *row])
    return table


def _not_reported_table(units, daily: Table, monthly: Table | None) -> Table:
    table = Table("not_reported", "未报送单位", [
        ("报送单位", TEXT), ("乡镇", TEXT), ("报告", TEXT), ("情况", TEXT),
        ("主要负责人", TEXT), ("分管负责人", TEXT),
    ], empty_note="各单位均已报送")  # fmt: skip
    for index, unit in enumerate(units):
        if monthly is not None and monthly.rows[index][4].startswith(NOT_REPORTED):
            table.rows.append([unit.name, unit.township or "", MONTHLY,
                               monthly.rows[index][4], unit.head or "", unit.deputy or ""])  # fmt: skip
        missing = daily.rows[index][5]
        if missing:
            state = f"{missing} 天未报，其中有发现未当日报 {daily.rows[index][7]} 天"
            table.rows.append([unit.name, unit.township or "", DAILY, state, unit.head or "",
                               unit.deputy or ""])  # fmt: skip
    return table


def _zones_table(store, start, end, today) -> Table:
    table = Table("zones", "未按等级频次巡查的片区", [
        ("片区编号", TEXT), ("片区名称", TEXT), ("等级", TEXT), ("巡查频次", TEXT),
        ("责任单位", TEXT), ("责任人", TEXT), ("上次巡查", NUMBER), ("应巡查日期", NUMBER),
        ("实际巡查", NUMBER), ("逾期天数", COUNT),
    ], empty_note="各片区均按频次巡查")  # fmt: skip
    for missed in missed_visits(store, start, end, today):
        late = ((missed.visited or today) - missed.due).days
        table.rows.append([
            missed.code, missed.name, missed.level, f"每 {missed.every_days} 天",
            missed.unit.name if missed.unit else "", missed.person or "",
            missed.last_visit.isoformat() if missed.last_visit else "期初前无巡查",
            missed.due.isoformat(), missed.visited.isoformat() if missed.visited else "未巡查",
            late,
        ])  # fmt: skip
    return table


def breaches_table(found: list[Breach]) -> Table:
    table = Table("breaches", "问责情形", [
        ("情形", TEXT), ("依据", TEXT), ("事项", TEXT), ("责任单位", TEXT), ("乡镇", TEXT),
        ("直接责任", TEXT), ("领导责任", TEXT), ("应完成日期", NUMBER), ("完成日期", NUMBER),
        ("逾期天数", COUNT), ("说明", TEXT),
    ], empty_note="无问责情形")  # fmt: skip
    for b in found:
        table.rows.append([
            b.rule, b.source, b.record, b.unit, b.township or "", b.direct or "", b.leading or "",
            b.due.isoformat() if b.due else "", b.done.isoformat() if b.done else "未完成",
            b.days_late, b.detail or "",
        ])  # fmt: skip
    return table


NOTES = (
    "日报：有则报，无则零报或不报（练府〔2021〕73号 三(一)）；无发现且未报的日期列为“未报”，不作问责。",
    "巡查发现疑似违法用地的，应当日报送（练府〔2021〕73号 四(二)）；当日未报或仅零报的，列入问责情形。",
    "月报必须报，应报日期为次月20日（含当日）；逾期天数自应报日期次日起算。",
    "片区按高、中、低等级巡查，两次巡查间隔不得超过该等级的天数；期初前无巡查记录的，自期初起算。",
    "发现数：单位当日登记的点位线索与巡查发现的图斑、线索，同一处只计一次。",
)


def patrol_report(store, period: str, today) -> PatrolReport:
    """The patrol report of ``period`` (``YYYY-MM`` or ``YYYY-MM-DD``) as of ``today``."""
    start, end = period_bounds(period)
    today = day_of(today)
    units = list_units(store)
    counts = patrol_counts(store, start, end)
    finds = finds_by_day(store, start, end)
    monthly = (
        _monthly_table(store, units, period, start, end, today, counts, finds)
        if len(period.strip()) == 7
        else None
    )
    daily, grid = _daily_tables(store, units, start, end, today, finds)
    tables = [t for t in (monthly,) if t is not None] + [
        daily,
        _township_table(units, daily, monthly),
        grid,
        _not_reported_table(units, daily, monthly),
        _zones_table(store, start, end, today),
        breaches_table(breaches(store, start, end, today)),
    ]
    notes = [f"统计期间：{start.isoformat()}至{end.isoformat()}；逾期计算日：{today.isoformat()}。"]
    return PatrolReport(period.strip(), start, end, today, tables, notes + list(NOTES))
