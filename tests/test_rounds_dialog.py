"""The submission-rounds dialog and the audit-trail check, as the station uses them."""

from __future__ import annotations

import sqlite3

import pytest
from qgis.core import Qgis

import landcase
from helpers import small_database
from landcase.cases import seals, workflow
from landcase.forms.rounds_dialog import RoundsDialog


@pytest.fixture
def plugin(qgis_iface, qgis_new_project, qgis_processing, tmp_path, case_target):
    small_database(case_target, plots=3).close()
    instance = landcase.classFactory(qgis_iface)
    instance.initGui()
    instance.open_database(case_target)
    yield instance
    instance.unload()


def test_take_compare_and_lock_rounds(plugin):
    store = plugin.store
    dialog = RoundsDialog(store)
    first = dialog.next
    dialog.create_next()
    assert dialog.table.rowCount() == 1 and dialog.table.item(0, 2).text() == "3"
    plot_id = store.list_plots()[0].plot_id
    workflow.record_verification(
        store, plot_id, "已建成", verifier="王五", verified_on="2026-11-20"
    )
    assert dialog.next != first
    dialog.create_next()
    assert dialog.table.rowCount() == 2
    dialog.table.selectRow(1)
    dialog.compare_selected()
    assert dialog.changes.count() == 1
    assert "待核查 → 已核查" in dialog.changes.item(0).text()
    dialog.table.selectRow(0)
    dialog.lock_selected(confirm=False)
    assert dialog.rounds[0].locked and dialog.table.item(0, 3).text()
    name, root = seals.latest_lock_root(store)
    assert name == f"{first[0]} {first[1]}" and len(root) == 64
    assert root in dialog.table.item(0, 3).text() and root in dialog.message.text()
    dialog.deleteLater()


@pytest.mark.spatialite_only  # a file edited behind the store; the server refuses it
def test_verify_audit_trail_names_the_first_tampered_row(plugin, qgis_iface):
    """The menu's Verify audit trail runs the whole records verification (issue 12): no
    findings for an untouched file, and the tampered audit row named."""
    found = plugin.verify_audit_trail(show_dialog=False)
    assert found == []
    successes = qgis_iface.messageBar().get_messages(Qgis.MessageLevel.Success)
    assert any("as LandCase left them" in m and "audit rows checked" in m for m in successes)
    # behind the store's back: drop the guard, change an old audit row
    raw = sqlite3.connect(plugin.store.path)
    raw.execute("DROP TRIGGER audit_log_no_update")
    target = raw.execute("SELECT id FROM audit_log ORDER BY id LIMIT 1 OFFSET 3").fetchone()[0]
    raw.execute("UPDATE audit_log SET user_name = '某人' WHERE id = ?", (target,))
    raw.commit()
    raw.close()
    found = plugin.verify_audit_trail(show_dialog=False)
    keys = {(f.kind, f.table, f.row_id, f.trigger) for f in found}
    assert ("audit_chain", "audit_log", target, None) in keys
    assert ("trigger_missing", "audit_log", None, "audit_log_no_update") in keys
    errors = qgis_iface.messageBar().get_messages(Qgis.MessageLevel.Critical)
    assert any(str(target) in m for m in errors)
