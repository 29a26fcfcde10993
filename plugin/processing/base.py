"""What LandCase's Processing algorithms share: their group, a new instance of their own
class, the case-database parameter and opening the database with a message QGIS shows."""

from __future__ import annotations

from qgis.core import QgsProcessingAlgorithm, QgsProcessingException, QgsProcessingParameterFile

from ...cases import CaseDatabaseError, CaseStore
from ...cases.errors import N_
from ...toolbelt.files import DATABASE_FILTER
from ...toolbelt.i18n import error_text, tr


class LandCaseAlgorithm(QgsProcessingAlgorithm):
    DATABASE = "DATABASE"
    GROUP_ID = "database"
    GROUP_NAME = N_("Case database")

    def group(self) -> str:
        return tr(self.GROUP_NAME)

    def groupId(self) -> str:  # noqa: N802 (Qt API)
        return self.GROUP_ID

    def createInstance(self):  # noqa: N802 (Qt API)
        return type(self)()

    def add_database_parameter(self) -> None:
        self.addParameter(
            QgsProcessingParameterFile(
                self.DATABASE, tr("Case database"), fileFilter=DATABASE_FILTER
            )
        )

    def open_database(self, parameters, context) -> CaseStore:
        """The case database of the DATABASE parameter; a file that cannot be opened is a
        QgsProcessingException naming it and the reason."""
        try:
            return CaseStore.open(self.parameterAsFile(parameters, self.DATABASE, context))
        except CaseDatabaseError as error:
            raise QgsProcessingException(error_text(error)) from error
