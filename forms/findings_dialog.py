"""The records verification's findings, one row each (kind, table, record, trigger, what
was found, sealed and current values), with a button that saves them as the CSV report."""

from __future__ import annotations

from qgis.PyQt.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from ..cases import verification_findings as vf
from ..cases.finding import values_text
from ..toolbelt.i18n import tr


class FindingsDialog(QDialog):
    def __init__(self, findings, parent=None):
        super().__init__(parent)
        self.findings = list(findings)
        self.setWindowTitle(tr("Verify records"))
        self.resize(900, 420)
        summary = QLabel(
            tr("{count} findings: the case database is no longer as LandCase left it.").format(
                count=len(self.findings)
            )
        )
        summary.setWordWrap(True)
        self.table = QTableWidget(len(self.findings), 6)
        self.table.setHorizontalHeaderLabels(
            [
                tr("Finding"),
                tr("Database table"),
                tr("Record"),
                tr("Trigger"),
                tr("Sealed"),
                tr("Now"),
            ]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setStretchLastSection(True)
        for row, finding in enumerate(self.findings):
            values = (
                finding.message(tr),
                finding.table or "",
                "" if finding.row_id is None else str(finding.row_id),
                finding.trigger or "",
                values_text(finding.old),
                values_text(finding.new),
            )
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setToolTip(value)
                self.table.setItem(row, column, item)
        self.table.setWordWrap(True)
        self.table.resizeColumnsToContents()
        self.table.setColumnWidth(0, 400)  # the finding, wrapped
        for column in range(1, 6):
            self.table.setColumnWidth(column, min(self.table.columnWidth(column), 200))
        self.table.resizeRowsToContents()
        save = QPushButton(tr("Save as CSV…"))
        save.clicked.connect(self.save)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(tr("Close"))
        buttons.addButton(save, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addWidget(self.table)
        layout.addWidget(buttons)

    def save(self, path: str | None = None) -> str | None:
        if not path:
            path, _ = QFileDialog.getSaveFileName(self, tr("Save findings"), "", "CSV (*.csv)")
        if path:
            vf.write_report(self.findings, path)
        return path or None
