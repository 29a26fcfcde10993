"""The LandCase menu opens *Prepare field package* and *Merge field package* for the open
database; they are disabled without one; a merge refreshes the plugin's layers and panels."""

from __future__ import annotations

import pytest
from qgis.core import QgsProject

import landcase
from helpers import small_database


@pytest.fixture
def plugin(qgis_iface, qgis_new_project, qgis_processing):
    instance = landcase.classFactory(qgis_iface)
    instance.initGui()
    yield instance
    instance.unload()


def test_the_field_package_entries_open_their_dialogs_for_the_open_database(
    plugin, tmp_path, monkeypatch
):
    import processing

    opened, refreshed = [], []
    merged = {"REPORT": "merge.json"}  # what the dialog returns after a run
    monkeypatch.setattr(
        processing,
        "execAlgorithmDialog",
        lambda algorithm, parameters: opened.append((algorithm, parameters)) or merged,
    )
    assert not plugin.prepare_field_action.isEnabled()
    assert not plugin.merge_field_action.isEnabled()
    path = tmp_path / "station.sqlite"
    small_database(path, plots=1).close()
    plugin.open_database(str(path))
    monkeypatch.setattr(plugin, "_case_changed", lambda: refreshed.append(True))
    assert plugin.prepare_field_action.isEnabled() and plugin.merge_field_action.isEnabled()
    texts = [action.text() for action in plugin.menu.actions()]
    at = texts.index(plugin.print_action.text())
    assert texts[at + 1 : at + 3] == [
        plugin.prepare_field_action.text(),
        plugin.merge_field_action.text(),
    ]

    plugin.prepare_field_action.trigger()
    assert opened == [("landcase:fieldpackage", {"DATABASE": str(path)})]
    assert refreshed == []  # a package going out changes nothing shown
    plugin.merge_field_action.trigger()
    assert opened[1] == ("landcase:mergefieldpackage", {"DATABASE": str(path)})
    assert refreshed == [True]
    merged.clear()  # the dialog closed without a run: nothing to refresh
    plugin.merge_field_action.trigger()
    assert refreshed == [True]
    plugin.close_database()
    assert not plugin.merge_field_action.isEnabled()
    QgsProject.instance().clear()
