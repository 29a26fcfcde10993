"""Attaching a scanned document to a case (批文, 备案, 立案文书 … as PDF, JPEG or PNG), with
what the dossier's 卷内目录 lists for it: kind, title, 文号, 责任者 and date. The dialog
only collects the values; the case dialog stores them (``cases.attachments``)."""

from __future__ import annotations

from pathlib import Path

from qgis.PyQt.QtCore import QDate
from qgis.PyQt.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
)

from ..toolbelt.i18n import tr

KINDS = ("批文", "备案", "立案文书")  # offered; another kind may be typed
SUFFIXES = (".pdf", ".jpg", ".jpeg", ".png")


class AttachmentDialog(QDialog):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle(tr("Attach document"))
        self.setMinimumWidth(520)
        self.path = QLineEdit()
        self.path.setPlaceholderText(tr("PDF, JPEG or PNG scan"))
        browse = QPushButton(tr("Browse…"))
        browse.clicked.connect(self._browse)
        file_row = QHBoxLayout()
        file_row.addWidget(self.path, 1)
        file_row.addWidget(browse)
        self.kind = QComboBox()
        self.kind.setEditable(True)
        self.kind.addItems(KINDS)
        self.title = QLineEdit()
        self.doc_number = QLineEdit()
        self.doc_number.setPlaceholderText("例：青政地〔2025〕12号")
        self.author = QLineEdit()
        self.doc_date = QLineEdit()
        self.doc_date.setPlaceholderText("YYYY-MM-DD")
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b03a2e")
        form = QFormLayout()
        form.addRow(tr("File"), file_row)
        form.addRow(tr("Kind"), self.kind)
        form.addRow(tr("Title"), self.title)
        form.addRow(tr("Document number (文号)"), self.doc_number)
        form.addRow(tr("Issued by (责任者)"), self.author)
        form.addRow(tr("Document date"), self.doc_date)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            tr("Attach document"),
            "",
            tr("Scans (*.pdf *.jpg *.jpeg *.png *.PDF *.JPG *.PNG)"),
        )
        if path:
            self.set_path(path)

    def set_path(self, path: str) -> None:
        """The file; its name becomes the title when none is typed yet."""
        self.path.setText(path)
        if not self.title.text().strip():
            self.title.setText(Path(path).stem)

    def problem(self) -> str | None:
        """Why the values cannot be taken yet, or None."""
        path = self.path.text().strip()
        if not path:
            return tr("Choose the scanned file.")
        if Path(path).suffix.lower() not in SUFFIXES:
            return tr("{name} is not a PDF, JPEG or PNG file.").format(name=Path(path).name)
        if not self.kind.currentText().strip():
            return tr("Give the kind of document.")
        if not self.title.text().strip():
            return tr("Give the document's title.")
        date = self.doc_date.text().strip()
        if date and not QDate.fromString(date, "yyyy-MM-dd").isValid():
            return tr("The document date {value} is not a date (YYYY-MM-DD).").format(value=date)
        return None

    def values(self) -> dict:
        """The arguments of ``cases.attachments.add_attachment`` after store and case."""

        def text(edit) -> str | None:
            return edit.text().strip() or None

        return {
            "path": self.path.text().strip(),
            "kind": self.kind.currentText().strip(),
            "title": self.title.text().strip(),
            "doc_number": text(self.doc_number),
            "author": text(self.author),
            "doc_date": text(self.doc_date),
        }

    def _accept(self) -> None:
        problem = self.problem()
        if problem:
            self.message.setText(problem)
            return
        self.accept()
