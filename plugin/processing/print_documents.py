"""landcase:verificationreports, landcase:closeoutreports, landcase:dossiers — print the
documents of the plots a filter selects into a folder, headless or from the toolbox."""

from __future__ import annotations

from qgis.core import (
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterExpression,
    QgsProcessingParameterFolderDestination,
)

from ...cases import CaseDatabaseError
from ...cases.errors import N_
from ...forms.messages import error_text
from ...layers.plot_filter import PlotFilterError, plot_ids_matching
from ...reports import FontMissing
from ...toolbelt import settings
from ...toolbelt.i18n import tr
from ..printing import CLOSEOUT, DOSSIER, VERIFICATION, print_documents
from .base import LandCaseAlgorithm
from .errors import detached_errors


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
        self.addOutput(QgsProcessingOutputNumber("BUILT", tr("Documents made")))
        self.addOutput(QgsProcessingOutputNumber("UNCHANGED", tr("Documents already up to date")))

    @detached_errors
    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802 (Qt API)
        expression = self.parameterAsExpression(parameters, self.FILTER, context)
        folder = self.parameterAsString(parameters, self.OUTPUT_FOLDER, context)
        store = self.open_database(parameters, context)
        try:
            plot_ids = plot_ids_matching(store, expression)
            feedback.pushInfo(tr("{count} plots selected.").format(count=len(plot_ids)))
            printed = print_documents(
                store,
                plot_ids,
                self.KIND,
                folder,
                unit=settings.value(settings.UNIT_NAME, ""),
                font=settings.value(settings.REPORT_FONT, "") or None,
                feedback=feedback,
            )
        except PlotFilterError as error:
            raise QgsProcessingException(error.text(tr)) from error
        except FontMissing as error:
            raise QgsProcessingException(tr(error.template).format(**error.params)) from error
        except CaseDatabaseError as error:
            raise QgsProcessingException(error_text(error)) from error
        finally:
            store.close()
        for item in printed:
            state = tr("made") if item.built else tr("up to date")
            feedback.pushInfo(f"{item.path} ({state})")
        return {
            self.OUTPUT_FOLDER: folder,
            "BUILT": sum(1 for item in printed if item.built),
            "UNCHANGED": sum(1 for item in printed if not item.built),
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

    def displayName(self) -> str:  # noqa: N802 (Qt API)
        return tr("Dossier (卷宗)")

    def shortHelpString(self) -> str:  # noqa: N802 (Qt API)
        return tr(
            "Binds the documents of the plots the expression selects into one dossier: cover, "
            "table of contents with page numbers, the documents in a fixed order, notes page."
        )
