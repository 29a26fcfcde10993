"""What an import did: counts, and every rejected, repaired, duplicate or overlapping row
with its source row number, 监测编号 and reason."""

from __future__ import annotations

from qgis.PyQt.QtCore import QAbstractTableModel, Qt, QUrl
from qgis.PyQt.QtGui import QDesktopServices
from qgis.PyQt.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTableView,
    QVBoxLayout,
)

from ..cases.encoding import reason_text
from ..cases.intake import (
    AREA_MISMATCH,
    DUPLICATE,
    OTHER_ZONE,
    OVERLAP,
    REJECTED,
    REPAIRED,
    SAME_SHAPE,
)
from ..toolbelt.i18n import tr


def kind_labels() -> dict[str, str]:
    return {
        REJECTED: tr("Rejected"),
        REPAIRED: tr("Repaired"),
        DUPLICATE: tr("Duplicate"),
        OVERLAP: tr("Overlap"),
        SAME_SHAPE: tr("Same shape"),
        AREA_MISMATCH: tr("Area differs"),
        OTHER_ZONE: tr("Other zone"),
    }


def summary_text(report) -> str:
    """The counts, then the notes on the whole batch (zone, unit of 监测面积)."""
    notes = "".join("\n" + note.text(tr) for note in getattr(report, "notes", []))
    encoding = ""
    if getattr(report, "encoding", None):
        encoding = "\n" + tr("Text read as {encoding}: {reason}").format(
            encoding=report.encoding, reason=reason_text(report.encoding_reason)
        )
    earlier = getattr(report, "earlier", [])
    if earlier:
        notes += "\n" + tr(
            "Earlier imports of this batch: {runs}; what they refused and flagged is in the "
            "report file."
        ).format(runs=len(earlier))
    return counts_text(report) + encoding + notes


def counts_text(report) -> str:
    return (
        tr(
            "Batch {batch}: {imported} of {rows} rows imported; {repaired} repaired, "
            "{rejected} rejected, {duplicates} duplicates skipped, {overlaps} overlaps to check."
        ).format(
            batch=report.batch,
            imported=report.imported,
            rows=report.rows,
            repaired=report.count(REPAIRED),
            rejected=report.count(REJECTED),
            duplicates=report.count(DUPLICATE),
            overlaps=report.count(OVERLAP),
        )
        + " "
        + tr(
            "{same} plots have the shape of another; {areas} issued areas differ from the "
            "plot's ellipsoidal area by more than 5 %."
        ).format(same=report.count(SAME_SHAPE), areas=report.count(AREA_MISMATCH))
    )


class IssueModel(QAbstractTableModel):
    def __init__(self, issues, parent=None):
        super().__init__(parent)
        self._issues = list(issues)
        self._kinds = kind_labels()
        self._headers = (tr("Source row"), tr("Plot number"), tr("Kind"), tr("Reason"))

    def rowCount(self, parent=None):
        return 0 if parent is not None and parent.isValid() else len(self._issues)

    def columnCount(self, parent=None):
        return 0 if parent is not None and parent.isValid() else len(self._headers)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        issue = self._issues[index.row()]
        return (
            str(issue.row),
            issue.jcbh or "",
            self._kinds[issue.kind],
            issue.text(tr),
        )[index.column()]


class ImportReportDialog(QDialog):
    def __init__(self, report, parent=None):
        super().__init__(parent)
        self.setWindowTitle(tr("Import report"))
        self.resize(760, 420)
        self.summary = QLabel(summary_text(report))
        self.summary.setWordWrap(True)
        self.table = QTableView()
        self.table.setModel(IssueModel(report.issues, self))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.resizeColumnsToContents()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(tr("Close"))
        open_csv = buttons.addButton(tr("Open report file"), QDialogButtonBox.ButtonRole.ActionRole)
        open_csv.clicked.connect(
            lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(report.report_file)))
        )
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(QLabel(tr("Report file: {path}").format(path=report.report_file)))
        layout.addWidget(self.table)
        layout.addWidget(buttons)
