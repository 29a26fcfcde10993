"""landcase:attachdocument — attach a scanned document (批文, 备案, 立案文书 …) to a case,
to be bound in its dossier; landcase:checkcompleteness — which materials each case still
lacks for the city's acceptance check (市级验收), as a CSV in Chinese."""

from __future__ import annotations

from qgis.core import (
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterEnum,
    QgsProcessingParameterExpression,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterString,
)

from ...cases.attachments import KINDS, add_attachment, case_id_of_jcbh, list_attachments
from ...cases.completeness import missing_materials, write_csv
from ...cases.errors import N_
from ...layers.plot_filter import plot_ids_matching
from ...toolbelt.i18n import tr
from .base import LandCaseAlgorithm, detached_errors


class AttachDocumentAlgorithm(LandCaseAlgorithm):
    JCBH, FILE, KIND, TITLE = "JCBH", "FILE", "KIND", "TITLE"
    DOC_NUMBER, AUTHOR, DOC_DATE = "DOC_NUMBER", "AUTHOR", "DOC_DATE"
    GROUP_ID = "documents"
    GROUP_NAME = N_("Documents")

    def name(self) -> str:
        return "attachdocument"

    def displayName(self) -> str:  # noqa: N802 (Qt API)
        return tr("Attach a scanned document (附件)")

    def shortHelpString(self) -> str:  # noqa: N802 (Qt API)
        return tr(
            "Attaches a scan (PDF, JPEG or PNG) to the case of a plot: an approval (批文), a "
            "record (备案), filing or penalty documents. The file is copied beside the "
            "database under its SHA-256 and bound in the plot's dossier after the document it "
            "supports, listed in the table of contents with its 文号, 责任者, date and pages. "
            "Kinds: {kinds}."
        ).format(kinds="、".join(KINDS))

    def initAlgorithm(self, config=None):  # noqa: N802 (Qt API)
        self.add_database_parameter()
        self.addParameter(QgsProcessingParameterString(self.JCBH, tr("Plot number (监测编号)")))
        self.addParameter(
            QgsProcessingParameterFile(
                self.FILE,
                tr("Scanned document"),
                fileFilter="PDF, JPEG, PNG (*.pdf *.jpg *.jpeg *.png)",
            )
        )
        self.addParameter(
            QgsProcessingParameterEnum(self.KIND, tr("Kind"), options=list(KINDS), defaultValue=0)
        )
        self.addParameter(QgsProcessingParameterString(self.TITLE, tr("Title (题名)")))
        self.addParameter(
            QgsProcessingParameterString(
                self.DOC_NUMBER, tr("Document number (文号)"), optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterString(self.AUTHOR, tr("Issued by (责任者)"), optional=True)
        )
        self.addParameter(
            QgsProcessingParameterString(
                self.DOC_DATE, tr("Date of the document (YYYY-MM-DD)"), optional=True
            )
        )
        self.addOutput(QgsProcessingOutputNumber("ATTACHMENT_ID", tr("Attachment id")))
        self.addOutput(QgsProcessingOutputNumber("PAGES", tr("Pages")))

    @detached_errors
    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802 (Qt API)
        jcbh = self.parameterAsString(parameters, self.JCBH, context)
        path = self.parameterAsFile(parameters, self.FILE, context)
        kind = KINDS[self.parameterAsEnum(parameters, self.KIND, context)]
        with self.open_store(parameters, context) as store:
            case_id = case_id_of_jcbh(store, jcbh)
            attachment_id = add_attachment(
                store,
                case_id,
                path,
                kind=kind,
                title=self.parameterAsString(parameters, self.TITLE, context),
                doc_number=self.parameterAsString(parameters, self.DOC_NUMBER, context),
                author=self.parameterAsString(parameters, self.AUTHOR, context),
                doc_date=self.parameterAsString(parameters, self.DOC_DATE, context),
            )
            [added] = [a for a in list_attachments(store, case_id) if a.id == attachment_id]
            pages = added.pages
        feedback.pushInfo(
            tr("{path} attached to plot {jcbh} as {kind} ({pages} pages).").format(
                path=path, jcbh=jcbh, kind=kind, pages=pages
            )
        )
        return {"ATTACHMENT_ID": attachment_id, "PAGES": pages}


class CheckCompletenessAlgorithm(LandCaseAlgorithm):
    FILTER, OUTPUT = "FILTER", "OUTPUT"
    GROUP_ID = "documents"
    GROUP_NAME = N_("Documents")

    def name(self) -> str:
        return "checkcompleteness"

    def displayName(self) -> str:  # noqa: N802 (Qt API)
        return tr("Check materials for the city acceptance (市级验收)")

    def shortHelpString(self) -> str:  # noqa: N802 (Qt API)
        return tr(
            "Lists, per case, the materials its determination and handling require that are "
            "missing: verification and photos with position, the evidence of a 合法 or 设施农用地 "
            "determination and its scans, the filing number and filing documents of a filed "
            "case, the rectification areas, the re-inspection photos and joint re-check result "
            "of a closed-out case. Writes a CSV in Chinese; INCOMPLETE is the number of cases "
            "with something missing."
        )

    def initAlgorithm(self, config=None):  # noqa: N802 (Qt API)
        self.add_database_parameter()
        self.addParameter(
            QgsProcessingParameterExpression(self.FILTER, tr("Plots (expression)"), optional=True)
        )
        self.addParameter(
            QgsProcessingParameterFileDestination(
                self.OUTPUT, tr("Completeness check (CSV)"), "CSV (*.csv)"
            )
        )
        self.addOutput(QgsProcessingOutputNumber("CASES", tr("Cases checked")))
        self.addOutput(QgsProcessingOutputNumber("INCOMPLETE", tr("Cases with missing materials")))

    @detached_errors
    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802 (Qt API)
        expression = self.parameterAsExpression(parameters, self.FILTER, context)
        output = self.parameterAsFileOutput(parameters, self.OUTPUT, context)
        with self.open_store(parameters, context) as store:
            plot_ids = plot_ids_matching(store, expression) if expression else None
            found = missing_materials(store, plot_ids)
        try:
            write_csv(found, output)
        except OSError as error:
            raise QgsProcessingException(
                tr("The check could not be written to {path}: {error}").format(
                    path=output, error=error.strerror or error
                )
            ) from error
        incomplete = [case for case in found if case.missing]
        for case in incomplete:
            feedback.pushInfo(f"{case.jcbh}：" + "；".join(case.missing))
        feedback.pushInfo(
            tr("{incomplete} of {cases} cases lack materials; the list: {path}").format(
                incomplete=len(incomplete), cases=len(found), path=output
            )
        )
        return {self.OUTPUT: output, "CASES": len(found), "INCOMPLETE": len(incomplete)}
