"""landcase:holidaycalendar — enter the State Council's holiday arrangement for a year
(holidays and adjusted working days) in a case database, so that working-day deadlines
(department replies: 5 working days) can be computed for that year."""

from __future__ import annotations

import datetime

from qgis.core import (
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterString,
)

from ...cases.calendar import set_calendar_days
from ...toolbelt.i18n import tr
from .base import LandCaseAlgorithm, detached_errors

MAX_RANGE_DAYS = 31  # a holiday of the notice is at most a few days; more is a typo


def parse_days(text: str) -> list[tuple[str, str, str | None]]:
    """One day or one range of days a line, as the notice lists them:
    ``2027-02-06 holiday 春节``, ``2027-02-10..2027-02-17 holiday 春节`` (both days
    included) or ``2027-02-14 workday 春节调休`` (a range of workdays is taken too)."""
    rows = []
    for line in text.replace(";", "\n").splitlines():
        parts = line.split(maxsplit=2)
        if not parts:
            continue
        if len(parts) < 2:
            raise QgsProcessingException(
                tr("Line '{line}': give the day and holiday or workday.").format(line=line.strip())
            )
        name = parts[2] if len(parts) > 2 else None
        for day in _days(parts[0], line.strip()):
            rows.append((day, parts[1], name))
    return rows


def _days(text: str, line: str) -> list[str]:
    if ".." not in text:
        try:
            return [datetime.date.fromisoformat(text).isoformat()]
        except ValueError:
            raise QgsProcessingException(
                tr("Line '{line}': {day} is not a date (YYYY-MM-DD).").format(line=line, day=text)
            ) from None
    first, _, last = text.partition("..")
    try:
        start, end = datetime.date.fromisoformat(first), datetime.date.fromisoformat(last)
    except ValueError:
        raise QgsProcessingException(
            tr("Line '{line}': a range is written 2027-02-10..2027-02-17.").format(line=line)
        ) from None
    count = (end - start).days + 1
    if not 1 <= count <= MAX_RANGE_DAYS:
        raise QgsProcessingException(
            tr("Line '{line}': a range runs forward over at most {days} days.").format(
                line=line, days=MAX_RANGE_DAYS
            )
        )
    return [(start + datetime.timedelta(days=i)).isoformat() for i in range(count)]


class HolidayCalendarAlgorithm(LandCaseAlgorithm):
    DATABASE, DAYS = "DATABASE", "DAYS"

    def name(self) -> str:
        return "holidaycalendar"

    def displayName(self) -> str:  # noqa: N802 (Qt API)
        return tr("Official holiday calendar")

    def shortHelpString(self) -> str:  # noqa: N802 (Qt API)
        return tr(
            "Enters holidays and adjusted working days from the State Council's notice for a "
            "year the built-in calendar does not know yet, one a line: YYYY-MM-DD holiday|workday "
            "name, or a range YYYY-MM-DD..YYYY-MM-DD holiday|workday name (both days included). A "
            "day entered here overrides the built-in calendar."
        )

    def initAlgorithm(self, config=None):  # noqa: N802 (Qt API)
        self.add_database_parameter()
        self.addParameter(QgsProcessingParameterString(self.DAYS, tr("Days"), multiLine=True))
        self.addOutput(QgsProcessingOutputNumber("DAYS_ENTERED", tr("Days entered")))

    @detached_errors
    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802 (Qt API)
        rows = parse_days(self.parameterAsString(parameters, self.DAYS, context))
        with self.open_store(parameters, context) as store:
            set_calendar_days(store, rows)
        return {"DAYS_ENTERED": len(rows)}
