"""landcase:holidaycalendar — enter the State Council's holiday arrangement for a year
(holidays and adjusted working days) in a case database, so that working-day deadlines
(department replies: 5 working days) can be computed for that year."""

from __future__ import annotations

from qgis.core import (
    QgsProcessingAlgorithm,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFile,
    QgsProcessingParameterString,
)

from ...cases import CaseDatabaseError, CaseStore
from ...cases.calendar import set_calendar_days
from ...forms.messages import error_text
from ...toolbelt.i18n import tr
from .errors import detached_errors


def parse_days(text: str) -> list[tuple[str, str, str | None]]:
    """One day a line: ``2027-02-06 holiday 春节`` or ``2027-02-14 workday 春节调休``."""
    rows = []
    for line in text.replace(";", "\n").splitlines():
        parts = line.split(maxsplit=2)
        if not parts:
            continue
        if len(parts) < 2:
            raise QgsProcessingException(
                tr("Line '{line}': give the day and holiday or workday.").format(line=line.strip())
            )
        rows.append((parts[0], parts[1], parts[2] if len(parts) > 2 else None))
    return rows


class HolidayCalendarAlgorithm(QgsProcessingAlgorithm):
    DATABASE, DAYS = "DATABASE", "DAYS"

    def name(self) -> str:
        return "holidaycalendar"

    def displayName(self) -> str:  # noqa: N802 (Qt API)
        return tr("Official holiday calendar")

    def group(self) -> str:
        return tr("Case database")

    def groupId(self) -> str:  # noqa: N802 (Qt API)
        return "database"

    def shortHelpString(self) -> str:  # noqa: N802 (Qt API)
        return tr(
            "Enters holidays and adjusted working days (one a line: YYYY-MM-DD holiday|workday "
            "name) from the State Council's notice for a year the built-in calendar does not "
            "know yet. A day entered here overrides the built-in calendar."
        )

    def createInstance(self):  # noqa: N802 (Qt API)
        return HolidayCalendarAlgorithm()

    def initAlgorithm(self, config=None):  # noqa: N802 (Qt API)
        self.addParameter(
            QgsProcessingParameterFile(
                self.DATABASE, tr("Case database"), fileFilter="SpatiaLite (*.sqlite *.db)"
            )
        )
        self.addParameter(QgsProcessingParameterString(self.DAYS, tr("Days"), multiLine=True))
        self.addOutput(QgsProcessingOutputNumber("DAYS_ENTERED", tr("Days entered")))

    @detached_errors
    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802 (Qt API)
        rows = parse_days(self.parameterAsString(parameters, self.DAYS, context))
        try:
            store = CaseStore.open(self.parameterAsFile(parameters, self.DATABASE, context))
            try:
                set_calendar_days(store, rows)
            finally:
                store.close()
        except CaseDatabaseError as error:
            raise QgsProcessingException(error_text(error)) from error
        return {"DAYS_ENTERED": len(rows)}
