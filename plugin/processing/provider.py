"""The 'landcase' Processing provider."""

from __future__ import annotations

from pathlib import Path

from qgis.core import QgsProcessingProvider
from qgis.PyQt.QtGui import QIcon

from ...toolbelt.i18n import install_translator, remove_translator, tr
from .case_materials import AttachDocumentAlgorithm, CheckCompletenessAlgorithm
from .create_database import CreateDatabaseAlgorithm
from .holiday_calendar import HolidayCalendarAlgorithm
from .import_plots import ImportPlotsAlgorithm
from .overlay import OverlayAlgorithm
from .print_documents import (
    CloseOutReportsAlgorithm,
    DossiersAlgorithm,
    VerificationReportsAlgorithm,
)
from .rounds_algorithms import CreateRoundAlgorithm, LockRoundAlgorithm
from .set_layer_role import SetLayerRoleAlgorithm
from .statistics_algorithms import ExportSubmissionAlgorithm, MonthlyStatisticsAlgorithm
from .verify_records import VerifyRecordsAlgorithm

ICON = Path(__file__).resolve().parent.parent.parent / "resources" / "icons" / "landcase.svg"


class LandCaseProvider(QgsProcessingProvider):
    """Installs the translation for QGIS's locale when it is loaded: ``qgis_process``
    loads the provider without the plugin's interface, and its messages, help and
    feedback follow the profile's locale too (shared with the plugin's translator)."""

    _translator = None

    def load(self) -> bool:
        if self._translator is None:
            self._translator = install_translator()
        return super().load()

    def unload(self) -> None:
        remove_translator(self._translator)
        self._translator = None
        super().unload()

    def id(self) -> str:
        return "landcase"

    def name(self) -> str:
        return tr("LandCase")

    def longName(self) -> str:  # noqa: N802 (Qt API)
        return tr("LandCase land enforcement cases")

    def icon(self) -> QIcon:
        return QIcon(str(ICON))

    def loadAlgorithms(self) -> None:  # noqa: N802 (Qt API)
        self.addAlgorithm(CreateDatabaseAlgorithm())
        self.addAlgorithm(ImportPlotsAlgorithm())
        self.addAlgorithm(HolidayCalendarAlgorithm())
        self.addAlgorithm(SetLayerRoleAlgorithm())
        self.addAlgorithm(OverlayAlgorithm())
        self.addAlgorithm(MonthlyStatisticsAlgorithm())
        self.addAlgorithm(ExportSubmissionAlgorithm())
        self.addAlgorithm(CreateRoundAlgorithm())
        self.addAlgorithm(LockRoundAlgorithm())
        self.addAlgorithm(VerifyRecordsAlgorithm())
        for algorithm in (
            VerificationReportsAlgorithm,
            CloseOutReportsAlgorithm,
            DossiersAlgorithm,
            AttachDocumentAlgorithm,
            CheckCompletenessAlgorithm,
        ):
            self.addAlgorithm(algorithm())
