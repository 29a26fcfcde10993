"""The dialog that opens a case database on a server."""

from __future__ import annotations

from qgis.core import QgsDataSourceUri, QgsProviderRegistry
from qgis.PyQt.QtWidgets import QDialogButtonBox

from landcase.forms.server_database_dialog import ServerDatabaseDialog


def test_saved_qgis_connections_are_offered_and_only_a_connection_is_accepted(qgis_app):
    metadata = QgsProviderRegistry.instance().providerMetadata("postgres")
    uri = QgsDataSourceUri()
    uri.setConnection("127.0.0.1", "5432", "county", "station1", "")
    saved = metadata.createConnection(uri.uri(False), {"saveUsername": True})
    metadata.saveConnection(saved, "县局服务器")
    try:
        dialog = ServerDatabaseDialog()
        ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
        assert not ok.isEnabled()  # nothing typed
        dialog.text.setText("D:/数据/站点.sqlite")
        assert not ok.isEnabled()  # a file is opened with the other action
        names = [dialog.connections.itemText(i) for i in range(dialog.connections.count())]
        assert "县局服务器" in names
        dialog.connections.setCurrentIndex(names.index("县局服务器"))
        assert ok.isEnabled()
        chosen = dialog.target()
        assert "dbname='county'" in chosen and "user='station1'" in chosen
        dialog.text.setText("service=county")
        assert ok.isEnabled() and dialog.target() == "service=county"
    finally:
        metadata.deleteConnection("县局服务器")
