"""The forms of a point clue: its details when it is recorded where it was clicked
(``ClueForm``), and the plot number and clue source when its outline is drawn
(``OutlineForm``). What is stored and refused is the store's (``cases/clues.py``,
``cases/clue_outline.py``); the forms only gather."""

from __future__ import annotations

from qgis.PyQt.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
)

from ..cases.clue_outline import PATROL_SOURCE
from ..cases.clues import KINDS, SIGNS
from ..cases.codes import CLUE_SOURCES
from ..toolbelt.i18n import tr
from .case_steps import moment_edit

# Patrol finds: the issued batches (部卫片, 市卫片) come through the import instead.
OUTLINE_SOURCES = CLUE_SOURCES[2:]


def _text(edit) -> str | None:
    value = edit.toPlainText() if isinstance(edit, QPlainTextEdit) else edit.text()
    return value.strip() or None


class ClueForm(QDialog):
    """``units``: (id, name) of the active reporting units; ``names``: the township and
    village at the point (from the role layers)."""

    def __init__(self, position: str, names: dict, units=(), parent=None):
        super().__init__(parent)
        self.setWindowTitle(tr("Record a point clue"))
        self.setMinimumWidth(420)
        self.found_at = moment_edit()
        self.kind = QComboBox()
        self.kind.addItems(KINDS)
        self.signs = QComboBox()
        self.signs.setEditable(True)  # the named signs, or what the patroller saw
        self.signs.addItems(["", *SIGNS])
        self.kind.currentTextChanged.connect(self._kind_changed)
        self.unit = QComboBox()
        self.unit.addItem("", None)
        for unit_id, name in units:
            self.unit.addItem(name, unit_id)
        self.township = QLineEdit(names.get("township") or "")
        self.village = QLineEdit(names.get("village") or "")
        self.address = QLineEdit()
        self.party = QLineEdit()
        self.description = QPlainTextEdit()
        self.description.setFixedHeight(70)
        self.found_by = QLineEdit()
        self.outline_now = QCheckBox(tr("Draw its outline as a plot next"))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(tr("Position"), QLabel(position))
        form.addRow(tr("Found at"), self.found_at)
        form.addRow(tr("Kind"), self.kind)
        form.addRow(tr("Signs of building"), self.signs)
        form.addRow(tr("Reporting unit"), self.unit)
        form.addRow(tr("Township"), self.township)
        form.addRow(tr("Village"), self.village)
        form.addRow(tr("Address"), self.address)
        form.addRow(tr("Party"), self.party)
        form.addRow(tr("Description"), self.description)
        form.addRow(tr("Found by"), self.found_by)
        form.addRow(self.outline_now)
        form.addRow(buttons)
        self._kind_changed(self.kind.currentText())

    def _kind_changed(self, kind: str) -> None:
        # 动工迹象: what was seen before any violation (seed 002 一)
        self.signs.setEnabled(kind == "动工迹象")

    def values(self) -> dict:
        """The fields of a ``cases.clues.NewClue`` but its position."""
        signs = self.signs.currentText().strip() if self.signs.isEnabled() else ""
        return {
            "found_at": self.found_at.dateTime().toString("yyyy-MM-dd'T'HH:mm"),
            "kind": self.kind.currentText(),
            "signs": signs or None,
            "unit_id": self.unit.currentData(),
            "township": _text(self.township),
            "village": _text(self.village),
            "address": _text(self.address),
            "party": _text(self.party),
            "description": _text(self.description),
            "found_by": _text(self.found_by),
        }


class OutlineForm(QDialog):
    """The plot a clue's outline becomes: its 监测编号 (the next patrol number of the day
    the clue was found) and where the clue came from."""

    def __init__(self, clue_code: str, plot_number: str, found_by_patrol: bool, parent=None):
        super().__init__(parent)
        self.setWindowTitle(tr("Outline the clue as a plot"))
        self.setMinimumWidth(380)
        self.jcbh = QLineEdit(plot_number)
        self.clue_source = QComboBox()
        self.clue_source.addItems(OUTLINE_SOURCES)
        if found_by_patrol:
            self.clue_source.setCurrentText(PATROL_SOURCE)
        self.description = QPlainTextEdit()
        self.description.setFixedHeight(60)
        self.description.setPlaceholderText(tr("The clue's description when left empty"))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(tr("Clue"), QLabel(clue_code))
        form.addRow(tr("Plot number"), self.jcbh)
        form.addRow(tr("Clue source"), self.clue_source)
        form.addRow(tr("Description"), self.description)
        form.addRow(buttons)

    def values(self) -> dict:
        """Keyword arguments of ``cases.clue_outline.outline_clue``."""
        return {
            "jcbh": _text(self.jcbh),
            "clue_source": self.clue_source.currentText(),
            "description": _text(self.description),
        }
