"""Choosing what to print for the plots of the case panel: the document, the plots and
the folder. The printing itself runs as a QgsTask (plugin/printing.py)."""

from __future__ import annotations

from qgis.gui import QgsFileWidget
from qgis.PyQt.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QRadioButton,
    QVBoxLayout,
)

from ..toolbelt.i18n import tr

KINDS = ("核查报告", "销号报告", "卷宗")


class PrintDialog(QDialog):
    def __init__(self, selected: list[int], shown: list[int], folder: str = "", parent=None):
        super().__init__(parent)
        self.setWindowTitle(tr("Print documents"))
        self.setMinimumWidth(480)
        self._selected, self._shown = selected, shown
        self.kind = QComboBox()
        self.kind.addItems(KINDS)
        self.one_volume = QCheckBox(tr("Bind all plots in one volume (default: one per case)"))
        self.one_volume.setObjectName("oneVolume")
        self.kind.currentTextChanged.connect(self._kind_changed)
        self.only_selected = QRadioButton(
            tr("The selected plots ({count})").format(count=len(selected))
        )
        self.all_shown = QRadioButton(
            tr("All plots shown in the panel ({count})").format(count=len(shown))
        )
        group = QButtonGroup(self)
        group.addButton(self.only_selected)
        group.addButton(self.all_shown)
        (self.only_selected if selected else self.all_shown).setChecked(True)
        self.only_selected.setEnabled(bool(selected))
        self.folder = QgsFileWidget()
        self.folder.setStorageMode(QgsFileWidget.GetDirectory)
        self.folder.setFilePath(folder)
        self.message = QLabel()
        self.message.setStyleSheet("color: #b03a2e")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("Print"))
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(tr("Document"), self.kind)
        form.addRow("", self.one_volume)
        form.addRow(tr("Plots"), self.only_selected)
        form.addRow("", self.all_shown)
        form.addRow(tr("Output folder"), self.folder)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self._kind_changed(self.kind.currentText())

    def _kind_changed(self, kind: str) -> None:
        self.one_volume.setEnabled(kind == "卷宗")
        if kind != "卷宗":
            self.one_volume.setChecked(False)

    def bind_in_one_volume(self) -> bool:
        return self.one_volume.isEnabled() and self.one_volume.isChecked()

    def plot_ids(self) -> list[int]:
        return list(self._selected if self.only_selected.isChecked() else self._shown)

    def _accept(self) -> None:
        if not self.folder.filePath().strip():
            self.message.setText(tr("Choose the output folder."))
            return
        if not self.plot_ids():
            self.message.setText(tr("No plot to print."))
            return
        self.accept()
