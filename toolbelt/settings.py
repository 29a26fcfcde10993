"""The plugin's settings, all under one prefix in QGIS's settings (QgsSettings)."""

from __future__ import annotations

from qgis.core import QgsSettings

PREFIX = "plugins/landcase/"


def value(key: str, default=None, value_type=str):
    return QgsSettings().value(PREFIX + key, default, type=value_type)


def set_value(key: str, new_value) -> None:
    QgsSettings().setValue(PREFIX + key, new_value)


# Keys in use, so that a typo does not silently read an empty setting.
LAST_DATABASE = "last_database"
LAST_FOLDER = "last_folder"
LAST_PRINT_FOLDER = "last_print_folder"
UNIT_NAME = "unit_name"  # the station, printed as the issuing unit of documents
REPORT_FONT = "report_font"  # a TrueType CJK font file for the PDFs, when not found by itself
MAX_PLOT_AREA_KM2 = "max_plot_area_km2"  # a plot larger than this is refused at import
