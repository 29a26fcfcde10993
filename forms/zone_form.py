"""The form of a patrol zone drawn on the map: its code, name, level (高/中/低), the unit
that patrols it and its person. A code already registered redraws that zone
(``cases/patrol_zones.py save_zone``, which also checks what is given)."""

from __future__ import annotations

from qgis.PyQt.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
)

from ..cases.patrol_units import LEVELS
from ..toolbelt.i18n import tr


class ZoneForm(QDialog):
    """``units``: the names of the active reporting units; ``days``: level → days allowed
    between two visits (shown beside the level)."""

    def __init__(self, units=(), days: dict | None = None, parent=None):
        super().__init__(parent)
        self.setWindowTitle(tr("Draw a patrol zone"))
        self.setMinimumWidth(380)
        self.code = QLineEdit()
        self.name = QLineEdit()
        self.level = QComboBox()
        for level in LEVELS:
            every = (days or {}).get(level)
            shown = (
                tr("{level} (a visit every {days} days)").format(level=level, days=every)
                if every
                else level
            )
            self.level.addItem(shown, level)
        self.unit = QComboBox()
        self.unit.addItems(["", *units])
        self.person = QLineEdit()
        self.message = QLabel()
        self.message.setStyleSheet("color: #b03a2e")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(tr("Zone code"), self.code)
        form.addRow(tr("Zone name"), self.name)
        form.addRow(tr("Level"), self.level)
        form.addRow(tr("Unit responsible"), self.unit)
        form.addRow(tr("Person responsible"), self.person)
        form.addRow(self.message)
        form.addRow(buttons)

    def values(self) -> dict:
        """The fields of a ``cases.patrol_zones.NewZone`` but its geometry."""
        return {
            "code": self.code.text().strip(),
            "name": self.name.text().strip(),
            "level": self.level.currentData(),
            "unit": self.unit.currentText().strip() or None,
            "person": self.person.text().strip() or None,
        }

    def _accept(self) -> None:
        if not self.code.text().strip():
            self.message.setText(tr("Give the zone a code."))
            return
        self.accept()
