"""The 'landcase' Processing provider."""

from __future__ import annotations

import importlib
import logging
from pathlib import Path

from qgis.core import QgsProcessingProvider
from qgis.PyQt.QtGui import QIcon

from ...toolbelt.i18n import install_translator, remove_translator, tr

# (module, algorithm classes) in the toolbox's order. A module is imported when the
# algorithms load, and one whose Python packages are missing is left out (the plugin's
# message bar names them): the other algorithms still run.
ALGORITHMS = (
    ("create_database", ("CreateDatabaseAlgorithm",)),
    ("import_plots", ("ImportPlotsAlgorithm",)),
    ("holiday_calendar", ("HolidayCalendarAlgorithm",)),
    ("set_layer_role", ("SetLayerRoleAlgorithm",)),
    ("overlay", ("OverlayAlgorithm",)),
    ("statistics_algorithms", ("MonthlyStatisticsAlgorithm", "ExportSubmissionAlgorithm")),
    ("rounds_algorithms", ("CreateRoundAlgorithm", "LockRoundAlgorithm")),
    ("database_users", ("GrantUserAlgorithm",)),
    ("verify_records", ("VerifyRecordsAlgorithm",)),
    (
        "print_documents",
        ("VerificationReportsAlgorithm", "CloseOutReportsAlgorithm", "DossiersAlgorithm"),
    ),
    ("case_materials", ("AttachDocumentAlgorithm", "CheckCompletenessAlgorithm")),
    ("move_to_postgis", ("MoveToPostgisAlgorithm",)),
    (
        "accountability_algorithms",
        ("AccountabilityAlgorithm", "PrintNoticesAlgorithm", "ImportRepliesAlgorithm"),
    ),
    (
        "followup_algorithms",
        ("ImportProblemListAlgorithm", "ImportFeedbackAlgorithm", "ScheduleRevisitsAlgorithm"),
    ),
    ("patrol_algorithms", ("ImportZonesAlgorithm", "RecordPatrolsAlgorithm")),
    ("patrol_report_algorithm", ("PatrolReportAlgorithm",)),
    ("field_package", ("FieldPackageAlgorithm", "MergeFieldPackageAlgorithm")),
    ("photo_rules_algorithm", ("PhotoRulesAlgorithm",)),
)

LOG = logging.getLogger("landcase")
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
        for module_name, class_names in ALGORITHMS:
            try:
                module = importlib.import_module(f"{__package__}.{module_name}")
            except ImportError as error:  # a package of dependencies.FEATURES is missing
                LOG.warning("Processing algorithms of %s left out: %s", module_name, error)
                continue
            for class_name in class_names:
                self.addAlgorithm(getattr(module, class_name)())
