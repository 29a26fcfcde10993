"""landcase:movetopostgis — a station's .sqlite file into a shared PostgreSQL case database
(``cases/move_to_postgis.py``): plots, cases, history, files and rounds; 监测编号 the
server has from another database are refused and listed; a second run adds nothing."""

from __future__ import annotations

from qgis.core import (
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterString,
)

from ...cases import targets
from ...cases.move_report import write_report
from ...cases.move_to_postgis import move
from ...toolbelt.files import DATABASE_FILTER
from ...toolbelt.i18n import tr
from .base import LandCaseAlgorithm, detached_errors


class MoveToPostgisAlgorithm(LandCaseAlgorithm):
    TARGET, TOWNSHIP, OUTPUT_REPORT = "TARGET", "TOWNSHIP", "OUTPUT_REPORT"
    MOVED, REFUSED = "PLOTS_MOVED", "PLOTS_REFUSED"

    def name(self) -> str:
        return "movetopostgis"

    def displayName(self) -> str:  # noqa: N802 (Qt API)
        return tr("Move a station file to PostgreSQL")

    def shortHelpString(self) -> str:  # noqa: N802 (Qt API)
        return tr(
            "Copies a station's case database file (DATABASE) into a PostgreSQL case database "
            "(TARGET: a postgresql:// URI or service=<name>; run it as the database's owner) in "
            "one transaction: its plots with their cases, field checks, photos, determinations, "
            "rectifications, close-outs, documents and attachments, its submission rounds "
            "(locked ones locked and sealed again on the server), and the photo and attachment "
            "files. The file's audit log and round seals are archived as they are and stay "
            "verifiable; a file whose audit trail is broken is not moved. TOWNSHIP (optional) "
            "moves one township only: a 行政区代码 prefix (digits) or a township's name. A "
            "监测编号 the server already has from another database is refused and listed; "
            "running it again adds nothing. OUTPUT_REPORT, when given, receives the report as "
            "a CSV in Chinese."
        )

    def initAlgorithm(self, config=None):  # noqa: N802 (Qt API)
        self.addParameter(
            QgsProcessingParameterFile(
                self.DATABASE, tr("Station case database file"), fileFilter=DATABASE_FILTER
            )
        )
        self.addParameter(
            QgsProcessingParameterString(
                self.TARGET, tr("PostgreSQL case database (postgresql:// URI or service=)")
            )
        )
        self.addParameter(
            QgsProcessingParameterString(
                self.TOWNSHIP,
                tr("Township (行政区代码 prefix or name; empty: all)"),
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterFileDestination(
                self.OUTPUT_REPORT,
                tr("Move report (CSV)"),
                "CSV (*.csv)",
                optional=True,
                createByDefault=False,
            )
        )
        self.addOutput(QgsProcessingOutputNumber(self.MOVED, tr("Plots moved")))
        self.addOutput(QgsProcessingOutputNumber(self.REFUSED, tr("Plots refused")))

    @detached_errors
    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802 (Qt API)
        path = self.parameterAsFile(parameters, self.DATABASE, context)
        target = self.parameterAsString(parameters, self.TARGET, context).strip()
        township = self.parameterAsString(parameters, self.TOWNSHIP, context)
        report_path = self.parameterAsFileOutput(parameters, self.OUTPUT_REPORT, context)
        if not targets.is_postgres(target):
            raise QgsProcessingException(
                tr("TARGET must be a PostgreSQL connection: a postgresql:// URI or service=<name>.")
            )
        report = move(path, target, township or None)
        feedback.pushInfo(
            tr(
                "{moved} plots moved; {already} moved by an earlier run; {outside} outside the township."
            ).format(
                moved=report.plots_moved,
                already=report.already_moved,
                outside=report.outside_township,
            )
        )
        for refused in report.refused:
            feedback.reportError(refused.message(tr), fatalError=False)
        for left in report.rounds_left:
            feedback.reportError(left.message(tr), fatalError=False)
        for name in report.files_missing:
            feedback.reportError(
                tr(
                    "The file {name} is missing or damaged beside the station file; its row was moved."
                ).format(name=name),
                fatalError=False,
            )
        feedback.pushInfo(
            tr(
                "{files} files copied; {rows} audit rows and {seals} round seals of the file archived."
            ).format(
                files=report.files_copied,
                rows=report.audit_rows_archived,
                seals=report.seals_archived,
            )
        )
        results = {self.MOVED: report.plots_moved, self.REFUSED: len(report.refused)}
        if report_path:
            write_report(report, report_path)
            results[self.OUTPUT_REPORT] = report_path
        return results
