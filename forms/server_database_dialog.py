"""Choosing a case database on a PostgreSQL server: one of QGIS's saved PostgreSQL
connections (Data Source Manager), a ``service=`` name from pg_service.conf, or a
``postgresql://`` URI typed in."""

from __future__ import annotations

from qgis.core import QgsProviderRegistry
from qgis.PyQt.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
)

from ..cases import targets
from ..toolbelt.i18n import tr


def saved_connections() -> dict[str, str]:
    """name -> libpq connection string of QGIS's saved PostgreSQL connections."""
    metadata = QgsProviderRegistry.instance().providerMetadata("postgres")
    if metadata is None:
        return {}
    found = {}
    for name, connection in metadata.connections().items():
        from qgis.core import QgsDataSourceUri

        found[name] = QgsDataSourceUri(connection.uri()).connectionInfo(True)
    return found


class ServerDatabaseDialog(QDialog):
    def __init__(self, last: str = "", parent=None):
        super().__init__(parent)
        self.setWindowTitle(tr("Open a case database on a server"))
        self.connections = QComboBox()
        self.connections.addItem(tr("(typed below)"), "")
        for name, info in sorted(saved_connections().items()):
            self.connections.addItem(name, info)
        self.connections.currentIndexChanged.connect(self._chosen)
        self.text = QLineEdit(last if targets.is_postgres(last) else "")
        self.text.setPlaceholderText("service=county  /  postgresql://user@host:5432/database")
        self.text.textChanged.connect(self._check)
        self.hint = QLabel(
            tr(
                "Keep passwords in pg_service.conf or ~/.pgpass rather than in the text: "
                "QGIS saves the connection with the project."
            )
        )
        self.hint.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(tr("QGIS connection"), self.connections)
        form.addRow(tr("Connection"), self.text)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.hint)
        layout.addWidget(self.buttons)
        self._check()

    def _chosen(self) -> None:
        info = self.connections.currentData()
        if info:
            self.text.setText(info)

    def _check(self) -> None:
        ok = targets.is_postgres(self.text.text())
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)

    def target(self) -> str:
        return self.text.text().strip()
