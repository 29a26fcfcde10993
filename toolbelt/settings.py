"""Every setting the plugin reads, declared once with its type and default: LandCase's own
under one prefix in QGIS's settings (QgsSettings), and the few of QGIS's it reads.

    unit = settings.UNIT_NAME.get()
    settings.UNIT_NAME.set("青山县自然资源局青山所")
"""

from __future__ import annotations

from dataclasses import dataclass

from qgis.core import QgsSettings

PREFIX = "plugins/landcase/"


@dataclass(frozen=True)
class Setting:
    key: str  # under PREFIX, or QGIS's own key when ``own`` is False
    default: object
    type: type
    own: bool = True

    @property
    def path(self) -> str:
        return PREFIX + self.key if self.own else self.key

    def get(self):
        """The stored value as ``type``; the default when unset or not of that type."""
        try:
            return QgsSettings().value(self.path, self.default, type=self.type)
        except (TypeError, ValueError):
            return self.default

    def set(self, value) -> None:
        QgsSettings().setValue(self.path, value)


LAST_DATABASE = Setting("last_database", "", str)
LAST_FOLDER = Setting("last_folder", "", str)  # where the file dialogs start
LAST_PRINT_FOLDER = Setting("last_print_folder", "", str)  # "": documents/ beside the database
UNIT_NAME = Setting("unit_name", "", str)  # the station, printed as the issuing unit of documents
# a TrueType CJK font file for the PDFs, when not found by itself ("": look for one)
REPORT_FONT = Setting("report_font", "", str)
# a plot larger than this (km²) is refused at import; 0 (unset): the import's own limit,
# cases.record_checks.DEFAULT_MAX_AREA_KM2 (not imported here: it needs shapely, and the
# message naming a missing shapely is translated through this package)
MAX_PLOT_AREA_KM2 = Setting("max_plot_area_km2", 0.0, float)

# QGIS's own: the interface language when the user overrides the system's
QGIS_LOCALE_OVERRIDE = Setting("locale/overrideFlag", False, bool, own=False)
QGIS_USER_LOCALE = Setting("locale/userLocale", "en_US", str, own=False)
