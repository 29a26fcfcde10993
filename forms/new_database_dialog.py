"""Dialog for a new case database: where to save it and which Gauss-Krüger zone it uses."""

from __future__ import annotations

import os

from qgis.core import QgsCoordinateReferenceSystem
from qgis.gui import QgsFileWidget
from qgis.PyQt.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QMessageBox,
)

from ..cases.crs import GK3_CENTRAL_MERIDIAN, GK3_WITH_ZONE_PREFIX
from ..toolbelt.files import DATABASE_FILTER
from ..toolbelt.i18n import tr


class NewDatabaseDialog(QDialog):
    def __init__(self, default_srid: int, folder: str = "", parent=None, reason: str | None = None):
        super().__init__(parent)
        self.setWindowTitle(tr("New case database"))
        self.setMinimumWidth(520)
        self.file = QgsFileWidget()
        self.file.setStorageMode(QgsFileWidget.SaveFile)
        self.file.setFilter(DATABASE_FILTER)
        self.file.setDefaultRoot(folder)
        self.file.setConfirmOverwrite(False)  # asked once, below, in words of our own
        self.crs = QComboBox()
        for srid in list(GK3_CENTRAL_MERIDIAN) + list(GK3_WITH_ZONE_PREFIX):
            name = QgsCoordinateReferenceSystem(f"EPSG:{srid}").description()
            self.crs.addItem(f"EPSG:{srid} — {name}", srid)
        self.crs.setCurrentIndex(self.crs.findData(default_srid))
        hint = QLabel(
            tr("Suggested: {reason}. The zone cannot be changed later.").format(reason=reason)
            if reason
            else tr(
                "The zone suggested is the one of the current map extent. It cannot be changed later."
            )
        )
        self.hint = hint
        hint.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(tr("File"), self.file)
        form.addRow(tr("Coordinate reference system"), self.crs)
        form.addRow(hint)
        form.addRow(buttons)
        self.overwrite = False

    def path(self) -> str:
        path = self.file.filePath().strip()
        if path and not path.lower().endswith((".sqlite", ".db")):
            path += ".sqlite"
        return path

    def srid(self) -> int:
        return int(self.crs.currentData())

    def _accept(self) -> None:
        path = self.path()
        if not path:
            QMessageBox.warning(self, self.windowTitle(), tr("Choose a file for the database."))
            return
        if os.path.exists(path):
            answer = QMessageBox.question(
                self,
                self.windowTitle(),
                tr("{path} already exists. Replace it? Everything in it will be lost.").format(
                    path=path
                ),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
            self.overwrite = True
        self.accept()
