"""The case panel's warning when the open file's triggers were dropped or changed (or a
round was locked by another program): shown prominently above the table, naming what was
found, with a button that runs the records verification (``verify_requested``)."""

from __future__ import annotations

from qgis.PyQt.QtCore import pyqtSignal
from qgis.PyQt.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton

from ..toolbelt.i18n import tr

SHOWN = 5  # findings listed in the banner; the verification lists them all


class IntegrityBanner(QFrame):
    verify_requested = pyqtSignal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("LandCaseIntegrityBanner")
        self.setStyleSheet(
            "#LandCaseIntegrityBanner { background: #fdecea; border: 2px solid #b03a2e; "
            "border-radius: 4px; } QLabel { color: #7b241c; }"
        )
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.verify_button = QPushButton(tr("Verify records…"))
        self.verify_button.clicked.connect(self.verify_requested.emit)
        layout = QHBoxLayout(self)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.verify_button)
        self.hide()

    def show_store(self, store) -> None:
        """Show what ``store`` found when it opened its file; hide when nothing."""
        findings = list(getattr(store, "opening_findings", []) or [])
        if not findings:
            self.text.clear()
            self.hide()
            return
        lines = [finding.message(tr) for finding in findings[:SHOWN]]
        if len(findings) > SHOWN:
            lines.append(tr("… and {count} more").format(count=len(findings) - SHOWN))
        self.text.setText(
            "<b>"
            + tr(
                "Another program changed the protection of this case database: LandCase "
                "restored it, but data may have been changed meanwhile. Run the verification."
            )
            + "</b><br>"
            + "<br>".join(_escaped(line) for line in lines)
        )
        self.show()


def _escaped(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
