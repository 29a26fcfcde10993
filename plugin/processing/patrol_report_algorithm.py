"""landcase:patrolreport — the daily and monthly patrol reports of a day or a month, per
unit and township, as an Excel workbook and a PDF."""

from __future__ import annotations

import datetime

from qgis.core import (
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterString,
)

from ...cases.patrol_tables import patrol_report, period_bounds
from ...cases.patrol_workbook import write_patrol_workbook
from ...reports import register_cjk_font
from ...reports.patrol_report import build_patrol_report
from ...toolbelt import settings
from ...toolbelt.i18n import tr
from .base import detached_errors
from .patrol_algorithms import _PatrolAlgorithm


class PatrolReportAlgorithm(_PatrolAlgorithm):
    PERIOD, TODAY, UNIT = "PERIOD", "TODAY", "UNIT"
    OUTPUT_XLSX, OUTPUT_PDF = "OUTPUT_XLSX", "OUTPUT_PDF"

    def name(self) -> str:
        return "patrolreport"

    def displayName(self) -> str:  # noqa: N802 (Qt API)
        return tr("Patrol report (巡查日报、月报)")

    def shortHelpString(self) -> str:  # noqa: N802 (Qt API)
        return tr(
            "The daily and monthly patrol reports per unit and township of a month (YYYY-MM) "
            "or a day (YYYY-MM-DD): monthly reports submitted on time or late (due the 20th "
            "of the next month), daily reports and 零报 per unit, the units × days table, the "
            "units that did not report, the zones not visited at their level's frequency and "
            "the breaches (a find not reported the same day, a monthly report missing or "
            "late, a zone not visited), with the unit and persons accountable. A day without "
            "a find and without a report is listed as 未报 but is no breach (日报: 有则报，"
            "无则零报或不报). Writes an Excel workbook and, when OUTPUT_PDF is given, a PDF."
        )

    def initAlgorithm(self, config=None):  # noqa: N802 (Qt API)
        self.add_database_parameter()
        self.addParameter(
            QgsProcessingParameterString(self.PERIOD, tr("Period (YYYY-MM or YYYY-MM-DD)"))
        )
        self.addParameter(
            QgsProcessingParameterString(
                self.TODAY, tr("Overdue as of (YYYY-MM-DD; default today)"), optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterString(
                self.UNIT, tr("Reporting office (printed on the PDF)"), optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterFileDestination(
                self.OUTPUT_XLSX, tr("Patrol report workbook"), "Excel (*.xlsx)"
            )
        )
        self.addParameter(
            QgsProcessingParameterFileDestination(
                self.OUTPUT_PDF,
                tr("Patrol report PDF"),
                "PDF (*.pdf)",
                optional=True,
                createByDefault=False,
            )  # fmt: skip
        )
        self.addOutput(QgsProcessingOutputNumber("BREACHES", tr("Breaches")))
        self.addOutput(QgsProcessingOutputNumber("PAGES", tr("Pages of the PDF")))

    @detached_errors
    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802 (Qt API)
        period = self.parameterAsString(parameters, self.PERIOD, context).strip()
        today_text = self.parameterAsString(parameters, self.TODAY, context).strip()
        workbook = self.parameterAsFileOutput(parameters, self.OUTPUT_XLSX, context)
        pdf = self.parameterAsFileOutput(parameters, self.OUTPUT_PDF, context)
        try:
            period_bounds(period)
        except ValueError:
            raise QgsProcessingException(
                tr("{value} is not a month (YYYY-MM) or a day (YYYY-MM-DD)").format(value=period)
            ) from None
        try:
            today = datetime.date.fromisoformat(today_text) if today_text else datetime.date.today()
        except ValueError:
            raise QgsProcessingException(
                tr("{value} is not a date (YYYY-MM-DD)").format(value=today_text)
            ) from None
        with self.open_store(parameters, context) as store:
            report = patrol_report(store, period, today)
        try:
            write_patrol_workbook(report, workbook)
        except OSError as error:
            raise QgsProcessingException(
                tr("The patrol report could not be written to {path}: {error}").format(
                    path=workbook, error=error.strerror or error
                )
            ) from None
        breaches = len(report.table("breaches").rows)
        feedback.pushInfo(
            tr("{title}: {breaches} breaches; workbook: {path}").format(
                title=report.title, breaches=breaches, path=workbook
            )
        )
        results = {self.OUTPUT_XLSX: workbook, "BREACHES": breaches}
        if pdf:
            unit = self.parameterAsString(parameters, self.UNIT, context).strip()
            try:
                fonts = register_cjk_font(settings.REPORT_FONT.get() or None)
                built = build_patrol_report(
                    report, pdf, unit=unit or settings.UNIT_NAME.get(), fonts=fonts
                )
            except OSError as error:
                raise QgsProcessingException(
                    tr("The patrol report could not be written to {path}: {error}").format(
                        path=pdf, error=error.strerror or error
                    )
                ) from None
            feedback.pushInfo(
                tr("Patrol report PDF: {path} ({pages} pages)").format(
                    path=built.path, pages=built.pages
                )
            )
            results[self.OUTPUT_PDF] = str(built.path)
            results["PAGES"] = built.pages
        return results
