"""Moments of the patrol and stopping records: when a find was made, stopped, reported.

Seed 002 judges these by the day ("当天", "超过一天", "2天内"), so a moment is kept as local
time (Beijing, as the station writes it, no zone) in ISO text ``YYYY-MM-DDTHH:MM``; a date
alone is accepted where the hour was not written down (``YYYY-MM-DD``). Clocks compare
their dates (``cases/clocks.py``).
"""

from __future__ import annotations

import datetime
import re

from .record_checks import parse_date

_MOMENT = re.compile(
    r"^\s*(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:[ T]+(\d{1,2})[:时](\d{2})(?::(\d{2}))?分?)?\s*$"
)


def parse_moment(value) -> datetime.datetime | datetime.date | None:
    """A datetime (to the minute) or a date from ISO text, 2026/12/3 14:05, 2026年12月3日
    14时05分, a datetime or a date; None when it is none of these."""
    if isinstance(value, datetime.datetime):
        return value.replace(second=0, microsecond=0, tzinfo=None)
    if isinstance(value, datetime.date):
        return value
    if value is None:
        return None
    match = _MOMENT.match(str(value))
    if match is None:
        return parse_date(value)
    year, month, day, hour, minute, _second = match.groups()
    try:
        if hour is None:
            return datetime.date(int(year), int(month), int(day))
        return datetime.datetime(int(year), int(month), int(day), int(hour), int(minute))
    except ValueError:
        return None


def iso_moment(value) -> str | None:
    """``value`` as ``YYYY-MM-DDTHH:MM`` (or ``YYYY-MM-DD`` without a time); None when it
    is not a moment."""
    moment = parse_moment(value)
    if moment is None:
        return None
    if isinstance(moment, datetime.datetime):
        return moment.strftime("%Y-%m-%dT%H:%M")
    return moment.isoformat()


def day_of(value) -> datetime.date | None:
    """The date of a stored moment (``YYYY-MM-DD…``), None for None."""
    moment = parse_moment(value)
    if isinstance(moment, datetime.datetime):
        return moment.date()
    return moment
