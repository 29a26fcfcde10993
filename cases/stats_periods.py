"""The periods of the figures (no Qt, no QGIS): what a PERIOD parameter, the dock and
``statistics.compute`` accept, and the Julian day numbers the figures compare dates with.

Accepted periods:

- ``YYYY``: a year (1 January to 31 December);
- ``YYYY-MM``: a month;
- ``YYYY-Qn`` (n = 1–4; also ``YYYYQn``): a quarter, e.g. ``2026-Q3`` = 1 July to 30 September;
- ``YYYY-年末``: the seeds' year-end cut-off (seed 002: 截至当年12月31日): the whole year
  as it stands on 31 December; the same days as ``YYYY``, labelled 年末;
- ``YYYY-MM-DD/YYYY-MM-DD``: a date range (``..``, ``至`` or ``~`` also separate);
- a (start, end) pair of dates, or a :class:`Period`.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

import pandas as pd

from .errors import N_, CaseDatabaseError


class StatisticsError(CaseDatabaseError):
    template = "Statistics: {reason}"


YEAR_END = "年末"
_YEAR = re.compile(r"^(\d{4})$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_QUARTER = re.compile(r"^(\d{4})-?[Qq]([1-4])$")
_YEAR_END = re.compile(rf"^(\d{{4}})-?{YEAR_END}$")
_RANGE = re.compile(r"^(\d{4}-\d{2}-\d{2})\s*(?:/|\.\.|至|~)\s*(\d{4}-\d{2}-\d{2})$")
QUARTER_NAMES = "一二三四"


@dataclass(frozen=True)
class Period:
    """The days ``start`` to ``end`` (both included); ``label`` as the report shows it."""

    start: datetime.date
    end: datetime.date
    label: str

    @property
    def year(self) -> int:
        """The accountability year: the year of the period's end."""
        return self.end.year

    def year_to_date(self) -> Period:
        start = datetime.date(self.year, 1, 1)
        return Period(start, self.end, f"{start.isoformat()}至{self.end.isoformat()}")


def month_end(year: int, month: int) -> datetime.date:
    following = datetime.date(year + month // 12, month % 12 + 1, 1)
    return following - datetime.timedelta(days=1)


def parse_period(value) -> Period:
    """A period (see the module docstring for the forms accepted)."""
    if isinstance(value, Period):
        return value
    if isinstance(value, (tuple, list)) and len(value) == 2:
        value = f"{value[0]}/{value[1]}"
    text = str(value or "").strip()
    try:
        if match := _YEAR.match(text):
            year = int(match.group(1))
            return Period(datetime.date(year, 1, 1), datetime.date(year, 12, 31), f"{year}年")
        if match := _YEAR_END.match(text):
            year = int(match.group(1))
            return Period(datetime.date(year, 1, 1), datetime.date(year, 12, 31), f"{year}年末")
        if match := _MONTH.match(text):
            year, month = int(match.group(1)), int(match.group(2))
            return Period(
                datetime.date(year, month, 1), month_end(year, month), f"{year}年{month}月"
            )
        if match := _QUARTER.match(text):
            year, quarter = int(match.group(1)), int(match.group(2))
            first = 3 * quarter - 2
            return Period(
                datetime.date(year, first, 1),
                month_end(year, first + 2),
                f"{year}年第{QUARTER_NAMES[quarter - 1]}季度",
            )
        if match := _RANGE.match(text):
            start = datetime.date.fromisoformat(match.group(1))
            end = datetime.date.fromisoformat(match.group(2))
            if end >= start:
                return Period(start, end, f"{start.isoformat()}至{end.isoformat()}")
    except ValueError:
        pass
    raise StatisticsError(
        reason=N_(
            "the period {value} is not a year (YYYY), a month (YYYY-MM), a quarter (YYYY-Q1 "
            "to YYYY-Q4), a year-end cut-off (YYYY-年末) or a date range "
            "(YYYY-MM-DD/YYYY-MM-DD, start before end)"
        ),
        value=text or "—",
    )


def julian_day(day: datetime.date) -> float:
    """The Julian day number of a date at 00:00, as SQLite's ``julianday`` gives it."""
    return pd.Timestamp(day).to_julian_date()


def from_julian(days: pd.Series) -> pd.Series:
    return pd.to_datetime(days - 2440587.5, unit="D")  # 2440587.5: 1970-01-01 00:00


def to_julian(stamps: pd.Series) -> pd.Series:
    return (stamps - pd.Timestamp(1970, 1, 1)) / pd.Timedelta(days=1) + 2440587.5
