"""PDF reports: 核查报告, 销号报告 and 卷宗, built from plain report models and images.

Only ``map_renderer`` uses QGIS; everything here is plain Python with reportlab and
Pillow, and never queries the case database: the caller fills the models in
``reports.models`` and calls a builder::

    from landcase.reports import build_verification_report, should_rebuild
    if should_rebuild(path, report.case_hash()):
        result = build_verification_report(report, path, fonts=register_cjk_font(setting))
        # store result.sha256 on the case
"""

from __future__ import annotations

from .closeout_report import build_closeout_report
from .dossier import build_dossier
from .fonts import FontMissing, FontSet, register_cjk_font
from .layout import BuildResult, PageRange, qr_payload
from .pdfinfo import read_case_hash, should_rebuild
from .verification_report import build_verification_report, map_pixel_size

__all__ = [
    "BuildResult",
    "FontMissing",
    "FontSet",
    "PageRange",
    "build_closeout_report",
    "build_dossier",
    "build_verification_report",
    "map_pixel_size",
    "qr_payload",
    "read_case_hash",
    "register_cjk_font",
    "should_rebuild",
]
