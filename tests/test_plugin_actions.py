"""The plugin's actions follow its state: those that work on the case database are enabled
only while one is open, and those whose feature lacks a Python package stay disabled with
a tooltip naming it (plugin/main.py ``update_actions``)."""

from __future__ import annotations

import sys

import pytest
from qgis.core import Qgis

import landcase
from helpers import small_database

# objectName of each action: LandCase + its slot's name in CamelCase
NEEDS_DATABASE = (
    "LandCaseImportBatchDialog",
    "LandCaseStartNewPlot",
    "LandCaseStartClueTool",
    "LandCaseOutlineSelectedClue",
    "LandCaseStartZoneDrawing",
    "LandCaseOpenCaseDialog",
    "LandCasePrintDocuments",
    "LandCasePrepareFieldPackage",
    "LandCaseMergeFieldPackage",
    "LandCaseOpenRolesDialog",
    "LandCaseRunBulkOverlay",
    "LandCaseOpenRoundsDialog",
    "LandCaseVerifyAuditTrail",
)
ALWAYS = (
    "LandCaseNewDatabase",
    "LandCaseOpenDatabaseDialog",
    "LandCaseOpenServerDatabase",
    "LandCaseOpenHolidayCalendar",
    "LandCaseOpenSettings",
    "LandCaseStatistics",
)


def _enabled(plugin) -> dict[str, bool]:
    return {action.objectName(): action.isEnabled() for action in plugin.action_needs}


def _load(qgis_iface):
    plugin = landcase.classFactory(qgis_iface)
    plugin.initGui()
    return plugin


def test_database_actions_are_enabled_while_a_database_is_open(
    qgis_iface, qgis_new_project, qgis_processing, tmp_path
):
    plugin = _load(qgis_iface)
    try:
        assert set(_enabled(plugin)) == set(NEEDS_DATABASE) | set(ALWAYS)
        closed = {name: False for name in NEEDS_DATABASE} | {name: True for name in ALWAYS}
        assert _enabled(plugin) == closed
        small_database(tmp_path / "s.sqlite", plots=2).close()
        assert plugin.open_database(str(tmp_path / "s.sqlite")) is not None
        assert all(_enabled(plugin).values())
        plugin.close_database()
        assert _enabled(plugin) == closed
        # a failed open leaves the actions as they were (nothing open)
        (tmp_path / "not.sqlite").write_text("not a database")
        assert plugin.open_database(str(tmp_path / "not.sqlite")) is None
        assert _enabled(plugin) == closed
    finally:
        plugin.unload()


def test_a_call_without_a_database_still_says_to_open_one(
    qgis_iface, qgis_new_project, qgis_processing
):
    plugin = _load(qgis_iface)
    bar = qgis_iface.messageBar()
    bar.clear_messages()
    try:
        assert plugin.open_case_dialog(3) is None  # e.g. from the panel, no action involved
        assert plugin.verify_audit_trail() is None
    finally:
        plugin.unload()
    errors = bar.get_messages(Qgis.MessageLevel.Critical)
    assert len(errors) == 2 and all("Open or create a case database first." in e for e in errors)


def test_a_missing_package_disables_only_its_features_and_names_it(
    qgis_iface, qgis_new_project, qgis_processing, tmp_path, monkeypatch
):
    monkeypatch.setitem(sys.modules, "reportlab", None)  # import fails: the check finds it missing
    monkeypatch.setitem(sys.modules, "openpyxl", None)
    bar = qgis_iface.messageBar()
    bar.clear_messages()
    plugin = _load(qgis_iface)
    try:
        assert type(plugin).__name__ == "LandCasePlugin"
        (warning,) = bar.get_messages(Qgis.MessageLevel.Warning)
        assert "reportlab" in warning and "openpyxl" in warning
        assert "PDF reports and dossiers" in warning and "Excel workbooks" in warning
        assert plugin.statistics_dock is None and plugin.settings_factory is None
        small_database(tmp_path / "s.sqlite", plots=2).close()
        assert plugin.open_database(str(tmp_path / "s.sqlite")) is not None
        enabled = _enabled(plugin)
        lacking = {
            "LandCasePrintDocuments": "reportlab",
            "LandCaseOpenSettings": "reportlab",
            "LandCaseStatistics": "openpyxl",
        }
        assert {name for name, on in enabled.items() if not on} == set(lacking)
        tooltips = {action.objectName(): action.toolTip() for action in plugin.action_needs}
        for name, package in lacking.items():
            assert package in tooltips[name], name
        assert "openpyxl" not in tooltips["LandCasePrintDocuments"]
        # the case dialog (Pillow, exifread) and the rest still work
        assert plugin.case_action.isEnabled() and plugin.import_action.isEnabled()
        bar.clear_messages()
        assert plugin.print_documents() is None  # called anyway: refused, naming the package
        (error,) = bar.get_messages(Qgis.MessageLevel.Critical)
        assert "reportlab" in error
    finally:
        plugin.unload()


@pytest.mark.parametrize("package", ["PIL", "exifread"])
def test_without_photo_packages_the_case_dialog_is_disabled(
    package, qgis_iface, qgis_new_project, qgis_processing, tmp_path, monkeypatch
):
    monkeypatch.setitem(sys.modules, package, None)
    plugin = _load(qgis_iface)
    try:
        small_database(tmp_path / "s.sqlite", plots=2).close()
        assert plugin.open_database(str(tmp_path / "s.sqlite")) is not None
        assert plugin.photo_layer is None  # the photo layer needs them too
        assert not plugin.case_action.isEnabled()
        assert plugin.import_action.isEnabled() and plugin.rounds_action.isEnabled()
    finally:
        plugin.unload()
