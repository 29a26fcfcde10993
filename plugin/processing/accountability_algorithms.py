"""landcase:accountability — the accountability list (追责问责清单) and the notification
register of a month as a workbook, and as a PDF when asked; landcase:printnotices — the
责令停止违法行为通知书 and 抄告单 of a month, printed from the record; landcase:importreplies
— replies to notifications from a spreadsheet."""

from __future__ import annotations

import re
from pathlib import Path

from qgis.core import (
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterFolderDestination,
    QgsProcessingParameterString,
)

from ...cases import notifications, stops
from ...cases.accountability import accountability, by_township, period_bounds
from ...cases.accountability_workbook import write_accountability_workbook
from ...cases.errors import N_
from ...cases.reply_import import import_replies
from ...cases.stop_documents import notification_sheet_data, stop_notice_data
from ...reports.accountability_report import build_accountability_report
from ...reports.notification_sheet import build_notification_sheet
from ...reports.stop_notice import build_stop_notice
from ...toolbelt import settings
from ...toolbelt.i18n import tr
from .base import LandCaseAlgorithm, detached_errors

_UNSAFE = re.compile(r'[\\/:*?"<>|\s]+')


def file_name(kind: str, number: str) -> str:
    """A PDF's name from its kind and 文号 (characters a file name cannot hold replaced)."""
    return f"{kind}_{_UNSAFE.sub('_', number).strip('_') or 'NA'}.pdf"


class _AccountabilityBase(LandCaseAlgorithm):
    PERIOD = "PERIOD"
    GROUP_ID = "accountability"
    GROUP_NAME = N_("Stopping, notifying and accountability")

    def add_period_parameter(self) -> None:
        self.addParameter(QgsProcessingParameterString(self.PERIOD, tr("Period (YYYY-MM)")))

    def period(self, parameters, context):
        text = self.parameterAsString(parameters, self.PERIOD, context).strip()
        return text, period_bounds(text)


class AccountabilityAlgorithm(_AccountabilityBase):
    OUTPUT_XLSX, OUTPUT_PDF = "OUTPUT_XLSX", "OUTPUT_PDF"

    def name(self) -> str:
        return "accountability"

    def displayName(self) -> str:  # noqa: N802 (Qt API)
        return tr("Accountability list (追责问责清单)")

    def shortHelpString(self) -> str:  # noqa: N802 (Qt API)
        return tr(
            "Lists, per township, every accountability rule of 启政办发〔2020〕32号 broken in "
            "the period: a find not stopped on site within one day, a failed stop not reported "
            "the same day, a station stopping with fewer than 2 persons or not reporting and "
            "copying within one day, a recipient of a notification replying late or not at "
            "all, a case that should have been transferred to 公安. Each row names the unit, "
            "who bears the 直接责任 and the 领导责任, the due date and how many days late. The "
            "workbook also holds the notification register of the period."
        )

    def initAlgorithm(self, config=None):  # noqa: N802 (Qt API)
        self.add_database_parameter()
        self.add_period_parameter()
        self.addParameter(
            QgsProcessingParameterFileDestination(
                self.OUTPUT_XLSX, tr("Accountability list (Excel)"), "Excel (*.xlsx)"
            )
        )
        self.addParameter(
            QgsProcessingParameterFileDestination(
                self.OUTPUT_PDF, tr("Accountability list (PDF)"), "PDF (*.pdf)", optional=True
            )
        )
        self.addOutput(QgsProcessingOutputNumber("BREACHES", tr("Rules broken")))

    @detached_errors
    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802 (Qt API)
        period, (start, end) = self.period(parameters, context)
        xlsx = self.parameterAsFileOutput(parameters, self.OUTPUT_XLSX, context)
        pdf = self.parameterAsFileOutput(parameters, self.OUTPUT_PDF, context)
        with self.open_store(parameters, context) as store:
            found = accountability(store, start, end)
            register = notifications.register(store, start, end)
            grouped = by_township(found)
            try:
                write_accountability_workbook(found, grouped, register, xlsx)
            except OSError as error:
                raise QgsProcessingException(
                    tr("The list could not be written to {path}: {error}").format(
                        path=xlsx, error=error.strerror or error
                    )
                ) from None
            if pdf:
                build_accountability_report(grouped, period, pdf, settings.UNIT_NAME.get())
        feedback.pushInfo(
            tr("{count} rules broken in {period}; the list: {path}").format(
                count=len(found), period=period, path=xlsx
            )
        )
        return {self.OUTPUT_XLSX: xlsx, self.OUTPUT_PDF: pdf or None, "BREACHES": len(found)}


class PrintNoticesAlgorithm(_AccountabilityBase):
    OUTPUT_FOLDER, ISSUER = "OUTPUT_FOLDER", "ISSUER"

    def name(self) -> str:
        return "printnotices"

    def displayName(self) -> str:  # noqa: N802 (Qt API)
        return tr("Print stop notices and notification sheets (责令停止违法行为通知书, 抄告单)")

    def shortHelpString(self) -> str:  # noqa: N802 (Qt API)
        return tr(
            "Prints, from the record, the 责令停止违法行为通知书 (or 停工通知书) of every stop "
            "action whose numbered notice is dated in the period, and the 抄告单 of every "
            "notification sent in the period, with each recipient's deadline and a reply slip. "
            "One PDF each, named by its number (文号)."
        )

    def initAlgorithm(self, config=None):  # noqa: N802 (Qt API)
        self.add_database_parameter()
        self.add_period_parameter()
        self.addParameter(
            QgsProcessingParameterString(
                self.ISSUER, tr("Issuing authority (leave empty: the unit in the settings)"),
                optional=True,
            )
        )  # fmt: skip
        self.addParameter(
            QgsProcessingParameterFolderDestination(self.OUTPUT_FOLDER, tr("Output folder"))
        )
        self.addOutput(QgsProcessingOutputNumber("NOTICES", tr("Stop notices printed")))
        self.addOutput(QgsProcessingOutputNumber("SHEETS", tr("Notification sheets printed")))

    @detached_errors
    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802 (Qt API)
        _period, (start, end) = self.period(parameters, context)
        issuer = self.parameterAsString(parameters, self.ISSUER, context).strip()
        issuer = issuer or settings.UNIT_NAME.get()
        folder = Path(self.parameterAsString(parameters, self.OUTPUT_FOLDER, context))
        folder.mkdir(parents=True, exist_ok=True)
        notices = sheets = 0
        with self.open_store(parameters, context) as store:
            for stop in stops.notices_issued(store, start, end):
                data = stop_notice_data(store, stop.id)
                build_stop_notice(data, folder / file_name(data.kind, data.number), issuer)
                notices += 1
            for notice in notifications.register(store, start, end):
                data = notification_sheet_data(store, notice.id)
                number = data.number or f"{data.sent_on}-{notice.id}"
                build_notification_sheet(data, folder / file_name("抄告单", number), issuer)
                sheets += 1
        feedback.pushInfo(
            tr("{notices} stop notices and {sheets} notification sheets printed to {path}").format(
                notices=notices, sheets=sheets, path=folder
            )
        )
        return {self.OUTPUT_FOLDER: str(folder), "NOTICES": notices, "SHEETS": sheets}


class ImportRepliesAlgorithm(_AccountabilityBase):
    INPUT = "INPUT"

    def name(self) -> str:
        return "importreplies"

    def displayName(self) -> str:  # noqa: N802 (Qt API)
        return tr("Import replies to notifications (回复)")

    def shortHelpString(self) -> str:  # noqa: N802 (Qt API)
        return tr(
            "Records the replies of a spreadsheet (.xlsx or .csv) with the columns 文号, "
            "接收单位 and 回复日期, and optionally 回复内容 and 回复人: one row per reply. All "
            "rows are recorded, or none: a row that cannot be recorded is named with its "
            "number and the reason."
        )

    def initAlgorithm(self, config=None):  # noqa: N802 (Qt API)
        self.add_database_parameter()
        self.addParameter(
            QgsProcessingParameterFile(
                self.INPUT, tr("Replies (spreadsheet)"), fileFilter="Excel, CSV (*.xlsx *.csv)"
            )
        )
        self.addOutput(QgsProcessingOutputNumber("REPLIES", tr("Replies recorded")))

    @detached_errors
    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802 (Qt API)
        path = self.parameterAsFile(parameters, self.INPUT, context)
        with self.open_store(parameters, context) as store:
            count = import_replies(store, path)
        feedback.pushInfo(tr("{count} replies recorded from {path}").format(count=count, path=path))
        return {"REPLIES": count}
