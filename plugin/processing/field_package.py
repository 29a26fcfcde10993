"""landcase:fieldpackage — the plots due for 核查, 复核 or 事后巡查 (FILTER selects among
them) in a folder and a zip QField opens offline; landcase:mergefieldpackage — what comes back from
the field, merged through the workflow, with its report."""

from __future__ import annotations

from pathlib import Path

from qgis.core import (
    QgsProcessingOutputFile,
    QgsProcessingOutputFolder,
    QgsProcessingOutputNumber,
    QgsProcessingParameterExpression,
    QgsProcessingParameterFile,
    QgsProcessingParameterFolderDestination,
    QgsProcessingParameterString,
)

from ...cases.errors import N_
from ...cases.field_merge import CONFLICT, MISSING_PHOTO, REFUSED, merge_package
from ...cases.field_report import detail_text, write_report
from ...layers.field_package import prepare_package
from ...layers.plot_filter import plot_ids_matching
from ...toolbelt.i18n import tr
from .base import LandCaseAlgorithm, detached_errors


class PackageParameter(QgsProcessingParameterFile):
    """A returned field package: its folder, or its zip (a file parameter alone would
    take only one of them)."""

    def checkValueIsAcceptable(self, value, context=None) -> bool:  # noqa: N802 (Qt API)
        if isinstance(value, str) and Path(value).is_dir():
            return True
        return super().checkValueIsAcceptable(value, context)

    def clone(self):
        return PackageParameter(self.name(), self.description(), fileFilter=self.fileFilter())


class FieldPackageAlgorithm(LandCaseAlgorithm):
    FILTER, ASSIGNEE, OUTPUT_FOLDER = "FILTER", "ASSIGNEE", "OUTPUT_FOLDER"
    GROUP_ID = "field"
    GROUP_NAME = N_("Field work")

    def name(self) -> str:
        return "fieldpackage"

    def displayName(self) -> str:  # noqa: N802 (Qt API)
        return tr("Prepare field package (QField)")

    def shortHelpString(self) -> str:  # noqa: N802 (Qt API)
        return tr(
            "Writes the plots due for a field visit (核查: 待核查; 复核: 整改中 or 待复核; "
            "事后巡查: closed out, with a post-closure visit due within a week), those of "
            "FILTER when given, into a folder and a zip that QField opens offline: a "
            "GeoPackage with the plots, tables for the field records and their photos, a "
            "point layer for new finds with their photos and the role layers clipped around "
            "the plots, and a "
            "project with forms, value lists and required fields. ASSIGNEE names who takes "
            "the package (the forms' default verifier). The database records which cases "
            "went out in it; merge it back with 'Merge field package'."
        )

    def initAlgorithm(self, config=None):  # noqa: N802 (Qt API)
        self.add_database_parameter()
        self.addParameter(
            QgsProcessingParameterExpression(self.FILTER, tr("Plots (expression)"), optional=True)
        )
        self.addParameter(
            QgsProcessingParameterString(
                self.ASSIGNEE, tr("Verifier who takes the package"), optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterFolderDestination(self.OUTPUT_FOLDER, tr("Output folder"))
        )
        self.addOutput(QgsProcessingOutputFolder("PACKAGE", tr("Package folder")))
        self.addOutput(QgsProcessingOutputFile("ZIP", tr("Package zip")))
        self.addOutput(QgsProcessingOutputNumber("PLOTS", tr("Plots in the package")))

    @detached_errors
    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802 (Qt API)
        expression = self.parameterAsExpression(parameters, self.FILTER, context)
        assignee = self.parameterAsString(parameters, self.ASSIGNEE, context).strip()
        output = self.parameterAsString(parameters, self.OUTPUT_FOLDER, context)
        with self.open_store(parameters, context) as store:
            plot_ids = plot_ids_matching(store, expression) if expression else None
            package = prepare_package(store, output, plot_ids, assignee or None, expression or None)
        for problem in package.role_problems:
            feedback.reportError(problem.text(tr), fatalError=False)
        feedback.pushInfo(
            tr("{plots} plots in the field package {folder} ({zip}).").format(
                plots=package.plots, folder=package.folder, zip=package.zip_path
            )
        )
        return {
            self.OUTPUT_FOLDER: output,
            "PACKAGE": str(package.folder),
            "ZIP": str(package.zip_path),
            "PLOTS": package.plots,
        }


class MergeFieldPackageAlgorithm(LandCaseAlgorithm):
    INPUT, REPORT_FOLDER = "INPUT", "REPORT_FOLDER"
    GROUP_ID = "field"
    GROUP_NAME = N_("Field work")

    def name(self) -> str:
        return "mergefieldpackage"

    def displayName(self) -> str:  # noqa: N802 (Qt API)
        return tr("Merge field package (QField)")

    def shortHelpString(self) -> str:  # noqa: N802 (Qt API)
        return tr(
            "Merges a field package that came back from QField (its folder or zip): each "
            "field record becomes a verification, a re-inspection or a post-closure visit "
            "through the workflow, with the same rules and refusals (a rebound found on a "
            "visit opens a clue linked to the case); its photos are stored by hash with "
            "their EXIF checked; new finds become clues, with their photos. A case changed in the office after the package "
            "was made is a conflict, listed with the office's and the field's values side by "
            "side and never overwritten. Photos named but missing are listed. Merging the "
            "same package again adds nothing. The report (JSON and CSV) goes to REPORT_FOLDER, "
            "by default beside the package."
        )

    def initAlgorithm(self, config=None):  # noqa: N802 (Qt API)
        self.add_database_parameter()
        self.addParameter(
            PackageParameter(
                self.INPUT, tr("Field package (folder or zip)"), fileFilter="ZIP (*.zip)"
            )
        )
        self.addParameter(
            QgsProcessingParameterFolderDestination(
                self.REPORT_FOLDER, tr("Report folder"), optional=True, createByDefault=False
            )
        )
        self.addOutput(QgsProcessingOutputFile("REPORT", tr("Merge report (JSON)")))
        self.addOutput(QgsProcessingOutputFile("REPORT_CSV", tr("Merge report (CSV)")))
        for key, label in (
            ("VERIFICATIONS", tr("Verifications merged")),
            ("REINSPECTIONS", tr("Re-inspections merged")),
            ("PHOTOS", tr("Photos stored")),
            ("CLUES", tr("Clues recorded")),
            ("CONFLICTS", tr("Conflicts")),
            ("REFUSED", tr("Records refused")),
            ("MISSING_PHOTOS", tr("Photos missing")),
        ):
            self.addOutput(QgsProcessingOutputNumber(key, label))

    @detached_errors
    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802 (Qt API)
        given = Path(self.parameterAsString(parameters, self.INPUT, context))
        folder = self.parameterAsString(parameters, self.REPORT_FOLDER, context)
        with self.open_store(parameters, context) as store:
            result = merge_package(store, given)
        report = write_report(result, folder or (given if given.is_dir() else given.parent), tr)
        for outcome in result.outcomes:
            if outcome.result in (CONFLICT, REFUSED, MISSING_PHOTO):
                feedback.reportError(
                    f"{outcome.subject} {outcome.record}: {detail_text(outcome, tr)}",
                    fatalError=False,
                )
        feedback.pushInfo(report.summary)
        return {
            "REPORT": str(report.json_path),
            "REPORT_CSV": str(report.csv_path),
            "VERIFICATIONS": result.verifications,
            "REINSPECTIONS": result.reinspections,
            "PHOTOS": result.photos,
            "CLUES": result.clues,
            "CONFLICTS": result.count(CONFLICT),
            "REFUSED": result.count(REFUSED),
            "MISSING_PHOTOS": result.count(MISSING_PHOTO),
        }
