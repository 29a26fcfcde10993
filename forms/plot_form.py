"""The plot form for a patrol find: where the clue came from, when, who reported it, a
short description, and the township and village (filled from the role layers)."""

from __future__ import annotations

from qgis.PyQt.QtCore import QDate
from qgis.PyQt.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
)

from ..cases.areas import m2_text, mu_text
from ..cases.codes import CLUE_SOURCES
from ..toolbelt.i18n import tr

# Patrol finds: the issued batches (部卫片, 市卫片) come through the import instead.
PATROL_SOURCES = CLUE_SOURCES[2:]


class PlotForm(QDialog):
    def __init__(self, plot_number: str, area_m2: float, names: dict, parent=None):
        super().__init__(parent)
        self.setWindowTitle(tr("New plot"))
        self.setMinimumWidth(420)
        self.jcbh = QLineEdit(plot_number)
        self.clue_source = QComboBox()
        self.clue_source.addItems(PATROL_SOURCES)
        self.found = QDateEdit(QDate.currentDate())
        self.found.setCalendarPopup(True)
        self.found.setDisplayFormat("yyyy-MM-dd")
        self.reporter = QLineEdit()
        self.description = QPlainTextEdit()
        self.description.setFixedHeight(70)
        self.township = QLineEdit(names.get("township") or "")
        self.village = QLineEdit(names.get("village") or "")
        self.message = QLabel()
        self.message.setStyleSheet("color: #b03a2e")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(tr("Plot number"), self.jcbh)
        form.addRow(
            tr("Area"),
            QLabel(
                tr("{mu} mu ({m2} m², ellipsoidal)").format(
                    mu=mu_text(area_m2), m2=m2_text(area_m2)
                )
            ),
        )
        form.addRow(tr("Clue source"), self.clue_source)
        form.addRow(tr("Date found"), self.found)
        form.addRow(tr("Reported by"), self.reporter)
        form.addRow(tr("Description"), self.description)
        form.addRow(tr("Township"), self.township)
        form.addRow(tr("Village"), self.village)
        form.addRow(self.message)
        form.addRow(buttons)

    def values(self) -> dict:
        return {
            "jcbh": self.jcbh.text().strip(),
            "clue_source": self.clue_source.currentText(),
            "found_date": self.found.date().toString("yyyy-MM-dd"),
            "reporter": self.reporter.text().strip() or None,
            "description": self.description.toPlainText().strip() or None,
            "township": self.township.text().strip() or None,
            "village": self.village.text().strip() or None,
        }

    def _accept(self) -> None:
        if not self.jcbh.text().strip():
            self.message.setText(tr("The plot needs a number."))
            return
        if not self.reporter.text().strip():
            self.message.setText(tr("Name who reported the plot."))
            return
        self.accept()
