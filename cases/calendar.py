"""Working days in China: official holidays and adjusted working days (调休).

The base is the ``chinese_calendar`` package (the State Council's yearly holiday
arrangements, pinned in pyproject.toml). A station can override or extend it with rows of
the database's ``calendar_day`` table (day, kind 'holiday' | 'workday', name), for
instance when the State Council publishes next year's arrangement before the plugin is
updated. A row always wins over the package.

Years the package does not know: a year counts as known when the package has it or when
the station has entered at least one ``calendar_day`` row in it (entering the notice of a
year means entering its holidays and adjusted working days; the other days then follow
the week: Monday to Friday work, Saturday and Sunday rest). Asking about a day of an
unknown year raises ``CalendarYearUnknown`` instead of guessing from weekends: a reply
deadline computed without the Spring Festival would be a week early, and the message
tells the station what to enter.

Functions take a ``CaseStore`` or None (None: the package's calendar only) and dates as
``datetime.date`` or ISO text 'YYYY-MM-DD'; they return ``datetime.date``.
"""

from __future__ import annotations

import datetime

import chinese_calendar
from chinese_calendar import constants as _official

from .errors import N_, CaseDatabaseError, InvalidRecord

HOLIDAY = "holiday"
WORKDAY = "workday"
KINDS = (HOLIDAY, WORKDAY)

NOW = "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')"

OFFICIAL_YEARS = range(min(_official.holidays).year, max(_official.holidays).year + 1)


class CalendarYearUnknown(CaseDatabaseError):
    template = (
        "No official holiday calendar for {year}: enter the State Council's holiday "
        "arrangement for {year} (holidays and adjusted working days) with LandCase ▸ "
        "Official holiday calendar… (or the Processing algorithm landcase:holidaycalendar) "
        "before working-day deadlines in that year can be computed."
    )


def as_date(value) -> datetime.date:
    """A ``datetime.date`` from a date, a datetime or ISO text; ValueError otherwise."""
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    if isinstance(value, str):
        return datetime.date.fromisoformat(value.strip()[:10])
    raise ValueError(f"not a date: {value!r}")


class _Calendar:
    """The package's calendar under a station's overrides, read once per call."""

    def __init__(self, store) -> None:
        self.overrides: dict[datetime.date, str] = {}
        if store is not None:
            for day, kind in store._db.execute("SELECT day, kind FROM calendar_day"):
                self.overrides[datetime.date.fromisoformat(day)] = kind
        self.station_years = {day.year for day in self.overrides}

    def is_working_day(self, day: datetime.date) -> bool:
        kind = self.overrides.get(day)
        if kind is not None:
            return kind == WORKDAY
        if day.year in OFFICIAL_YEARS:
            return chinese_calendar.is_workday(day)
        if day.year in self.station_years:
            return day.weekday() < 5
        raise CalendarYearUnknown(year=day.year)


def is_working_day(store_or_none, day) -> bool:
    """Whether ``day`` is a working day (raises ``CalendarYearUnknown`` for a year
    neither the package nor the station's calendar knows)."""
    return _Calendar(store_or_none).is_working_day(as_date(day))


def add_working_days(store_or_none, start, n: int) -> datetime.date:
    """The n-th working day after ``start`` (``start`` itself is not counted, whether
    it is a working day or not); ``start`` itself for n = 0."""
    if n < 0:
        raise ValueError("n must be 0 or more")
    calendar = _Calendar(store_or_none)
    day = as_date(start)
    counted = 0
    while counted < n:
        day += datetime.timedelta(days=1)
        if calendar.is_working_day(day):
            counted += 1
    return day


def set_calendar_days(store, days) -> None:
    """Enter several (day, kind, name) rows in one transaction, e.g. a year's notice;
    an existing row for the same day is replaced."""
    rows = []
    for day, kind, name in days:
        try:
            parsed = as_date(day)
        except ValueError as exc:
            raise InvalidRecord(
                record=str(day), reason=N_("{value} is not a date (YYYY-MM-DD)"), value=day
            ) from exc
        if kind not in KINDS:
            raise InvalidRecord(
                record=parsed.isoformat(),
                reason=N_("a calendar day is 'holiday' or 'workday', not {kind}"),
                kind=kind,
            )
        rows.append((parsed.isoformat(), kind, (name or "").strip() or None))
    with store.transaction() as db:
        for day, kind, name in rows:  # update, else insert (guards.py refuses replacing)
            if not db.execute(
                f"UPDATE calendar_day SET kind = ?, name = ?, updated_at = {NOW} WHERE day = ?",
                (kind, name, day),
            ).rowcount:
                db.execute(
                    "INSERT INTO calendar_day (day, kind, name) VALUES (?, ?, ?)", (day, kind, name)
                )


def set_calendar_day(store, day, kind: str, name: str | None = None) -> None:
    """Make ``day`` a 'holiday' or a 'workday' for this station, whatever the package says."""
    set_calendar_days(store, [(day, kind, name)])


def remove_calendar_day(store, day) -> bool:
    """Drop the station's row for ``day`` (the package's calendar applies again);
    False when there was none."""
    with store.transaction() as db:
        cursor = db.execute("DELETE FROM calendar_day WHERE day = ?", (as_date(day).isoformat(),))
        return cursor.rowcount > 0


def calendar_days(store, year: int | None = None) -> list[tuple[str, str, str | None]]:
    """The station's rows (day, kind, name), by day; of one year when given."""
    sql = "SELECT day, kind, name FROM calendar_day"
    params: tuple = ()
    if year is not None:
        sql += " WHERE day LIKE ? || '-%'"
        params = (f"{year:04d}",)
    return [tuple(row) for row in store._db.execute(sql + " ORDER BY day", params)]
