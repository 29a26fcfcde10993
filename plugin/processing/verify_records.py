"""landcase:verifyrecords — the whole records verification of a case database, headless:
tables, triggers, the seals of locked rounds, the audit trail and its checkpoint, the CRS
(``cases/verification_findings.py``). The file is read as it is: no store is opened, so
dropped triggers are named before anything rebuilds them."""

from __future__ import annotations

from qgis.core import (
    QgsProcessingOutputNumber,
    QgsProcessingParameterFileDestination,
)

from ...cases import verification_findings as vf
from ...toolbelt.i18n import tr
from .base import LandCaseAlgorithm, detached_errors


class VerifyRecordsAlgorithm(LandCaseAlgorithm):
    REPORT, FINDINGS = "REPORT", "FINDINGS"

    def name(self) -> str:
        return "verifyrecords"

    def displayName(self) -> str:  # noqa: N802 (Qt API)
        return tr("Verify records")

    def shortHelpString(self) -> str:  # noqa: N802 (Qt API)
        return tr(
            "Checks that the case database is as LandCase left it: every table of its "
            "schema is there, every audit, lock and guard trigger is there and unchanged, "
            "every row of a locked round still matches the seal taken when it was locked, "
            "the audit trail's hash chain is whole and reaches its last checkpoint, no audit "
            "row was forged, and the CRS recorded in the database is that of its geometries. "
            "FINDINGS is the number of findings (0 for an untouched database); REPORT, when "
            "given, receives them as a CSV in Chinese, each naming its row (with its sealed "
            "and current values), trigger or table. The file is only read."
        )

    def initAlgorithm(self, config=None):  # noqa: N802 (Qt API)
        self.add_database_parameter()
        self.addParameter(
            QgsProcessingParameterFileDestination(
                self.REPORT,
                tr("Findings (CSV)"),
                "CSV (*.csv)",
                optional=True,
                createByDefault=False,
            )
        )
        self.addOutput(QgsProcessingOutputNumber(self.FINDINGS, tr("Number of findings")))

    @detached_errors
    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802 (Qt API)
        path = self.parameterAsFile(parameters, self.DATABASE, context)
        report = self.parameterAsFileOutput(parameters, self.REPORT, context)
        findings = vf.verify_file(path)  # a file it cannot read: detached_errors says why
        for finding in findings:
            feedback.reportError(finding.message(tr), fatalError=False)
        if not findings:
            feedback.pushInfo(tr("No findings: the records are as LandCase left them."))
        results = {self.FINDINGS: len(findings)}
        if report:
            vf.write_report(findings, report)
            results[self.REPORT] = report
        return results
