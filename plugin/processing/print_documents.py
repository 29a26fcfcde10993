"""landcase:verificationreports, landcase:closeoutreports, landcase:dossiers — print the
documents of the plots a filter selects into a folder, headless or from the toolbox. The
feedback and the outputs say how many plots the filter left out and which selected
plots were not printed, and why (e.g. 已办结 plots in a close-out run)."""

from __future__ import annotations

from qgis.core import (
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterExpression,
    QgsProcessingParameterFolderDestination,
    QgsProcessingParameterString,
)

from ...cases.errors import N_
from ...layers.plot_filter import plot_ids_matching
from ...toolbelt import settings
from ...toolbelt.i18n import tr
from ..printing import CLOSEOUT, DOSSIER, VERIFICATION, print_documents
from .base import LandCaseAlgorithm, detached_errors


class _PrintAlgorithm(LandCaseAlgorithm):
    DATABASE, FILTER, OUTPUT_FOLDER = "DATABASE", "FILTER", "OUTPUT_FOLDER"
    KIND = VERIFICATION
    NAME = ""

    def name(self) -> str:
        return self.NAME

    GROUP_ID = "documents"
    GROUP_NAME = N_("Documents")

    def initAlgorithm(self, config=None):  # noqa: N802 (Qt API)
        self.add_database_parameter()
        self.addParameter(
            QgsProcessingParameterExpression(self.FILTER, tr("Plots (expression)"), optional=True)
        )
        self.addParameter(
            QgsProcessingParameterFolderDestination(self.OUTPUT_FOLDER, tr("Output folder"))
        )
        self.add_extra_parameters()
        self.addOutput(QgsProcessingOutputNumber("BUILT", tr("Documents made")))
        self.addOutput(QgsProcessingOutputNumber("UNCHANGED", tr("Documents already up to date")))
        self.addOutput(QgsProcessingOutputNumber("SELECTED", tr("Plots the filter selected")))
        self.addOutput(QgsProcessingOutputNumber("FILTERED_OUT", tr("Plots the filter left out")))
        self.addOutput(QgsProcessingOutputNumber("SKIPPED", tr("Selected plots not printed")))
        self.addOutput(
            QgsProcessingOutputString("SKIPPED_REASONS", tr("Why plots were not printed"))
        )

    def add_extra_parameters(self) -> None:
        """Parameters of one kind of document only (the dossier's unit and volumes)."""

    def print_options(self, parameters, context) -> dict:
        return {"unit": settings.UNIT_NAME.get()}

    @detached_errors
    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802 (Qt API)
        expression = self.parameterAsExpression(parameters, self.FILTER, context)
        folder = self.parameterAsString(parameters, self.OUTPUT_FOLDER, context)
        options = self.print_options(parameters, context)
        with self.open_store(parameters, context) as store:
            plot_ids = plot_ids_matching(store, expression)
            total = store.plot_count()
            filtered_out = total - len(plot_ids)
            feedback.pushInfo(tr("{count} plots selected.").format(count=len(plot_ids)))
            if filtered_out:
                feedback.pushInfo(
                    tr(
                        "{count} of the {total} plots of the database left out by the filter {filter}."
                    ).format(count=filtered_out, total=total, filter=expression)
                )
            printed = print_documents(
                store,
                plot_ids,
                self.KIND,
                folder,
                font=settings.REPORT_FONT.get() or None,
                feedback=feedback,
                **options,
            )
        for item in printed:
            state = tr("made") if item.built else tr("up to date")
            feedback.pushInfo(f"{item.path} ({state})")
        reasons = printed.skipped_summary()
        if reasons:
            feedback.pushWarning(reasons)
        return {
            self.OUTPUT_FOLDER: folder,
            "BUILT": sum(1 for item in printed if item.built),
            "UNCHANGED": sum(1 for item in printed if not item.built),
            "SELECTED": len(plot_ids),
            "FILTERED_OUT": filtered_out,
            "SKIPPED": len(printed.skipped),
            "SKIPPED_REASONS": reasons,
        }


class VerificationReportsAlgorithm(_PrintAlgorithm):
    KIND, NAME = VERIFICATION, "verificationreports"

    def displayName(self) -> str:  # noqa: N802 (Qt API)
        return tr("Verification reports (核查报告)")

    def shortHelpString(self) -> str:  # noqa: N802 (Qt API)
        return tr(
            "Prints the verification report of every plot the expression selects, named after "
            "its plot number. A report whose case data did not change is left as it is."
        )


class CloseOutReportsAlgorithm(_PrintAlgorithm):
    KIND, NAME = CLOSEOUT, "closeoutreports"

    def displayName(self) -> str:  # noqa: N802 (Qt API)
        return tr("Close-out reports (销号报告)")

    def shortHelpString(self) -> str:  # noqa: N802 (Qt API)
        return tr("Prints the close-out report of every plot the expression selects.")


class DossiersAlgorithm(_PrintAlgorithm):
    KIND, NAME = DOSSIER, "dossiers"
    UNIT, ONE_VOLUME = "UNIT", "ONE_VOLUME"

    def add_extra_parameters(self) -> None:
        self.addParameter(
            QgsProcessingParameterString(
                self.UNIT,
                tr("Compiling unit (立卷单位; default: the unit name of the LandCase settings)"),
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterBoolean(
                self.ONE_VOLUME, tr("Bind all selected plots in one volume"), defaultValue=False
            )
        )

    def print_options(self, parameters, context) -> dict:
        unit = (self.parameterAsString(parameters, self.UNIT, context) or "").strip()
        return {
            "unit": unit or settings.UNIT_NAME.get(),
            "one_volume": self.parameterAsBoolean(parameters, self.ONE_VOLUME, context),
        }

    def displayName(self) -> str:  # noqa: N802 (Qt API)
        return tr("Dossier (卷宗)")

    def shortHelpString(self) -> str:  # noqa: N802 (Qt API)
        return tr(
            "Binds the documents of each plot the expression selects into its own dossier (or "
            "all of them into one volume when asked): cover with the dates of the documents, "
            "table of contents with 文号, 责任者, date and pages, the reports and the attached "
            "scans in a fixed order, and the notes page naming the materials still missing. "
            "The compiling unit (立卷单位) is required: the UNIT parameter or the unit name of "
            "the LandCase settings."
        )
