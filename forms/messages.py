"""Showing the case database's errors in QGIS's message bar, translated."""

from __future__ import annotations

from qgis.core import Qgis

from ..toolbelt.i18n import error_text, tr

__all__ = ["error_text", "show_error", "show_success"]


def show_error(iface, error: Exception, title: str | None = None) -> None:
    iface.messageBar().pushMessage(
        title or tr("LandCase"), error_text(error), Qgis.MessageLevel.Critical, 0
    )


def show_success(iface, text: str) -> None:
    iface.messageBar().pushMessage(tr("LandCase"), text, Qgis.MessageLevel.Success, 5)
