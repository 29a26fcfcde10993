"""Verifying a server case database: what a superuser did behind LandCase is named."""

from __future__ import annotations

from helpers import small_database
from landcase.cases import rounds, verification_findings, workflow


def _kinds(store):
    return sorted((f.kind, f.trigger) for f in verification_findings.verify(store))


def test_a_server_database_verifies_clean_and_names_a_dropped_or_disabled_trigger(pg_database):
    store = small_database(pg_database, plots=3)
    workflow.record_verification(
        store, 1, "在建", "张三", "厂房", "2025-06", "核查", "李", "2026-02-05"
    )
    round_id = rounds.create_round(store, "2026-03", "一上")
    rounds.lock_round(store, round_id)
    assert _kinds(store) == []
    with store.transaction() as db:  # the owner (here a superuser) behind LandCase's back
        db.execute("ALTER TABLE determination DISABLE TRIGGER lock_determination")
        db.execute("DROP TRIGGER audit_photo ON photo")
    assert _kinds(store) == [
        ("trigger_altered", "lock_determination"),
        ("trigger_missing", "audit_photo"),
    ]
    store.close()


def test_opening_puts_the_triggers_back_and_keeps_what_it_found(pg_database):
    from landcase.cases import CaseStore

    store = small_database(pg_database, plots=2)
    with store.transaction() as db:
        db.execute("ALTER TABLE plot DISABLE TRIGGER audit_plot")
    store.close()
    reopened = CaseStore.open(pg_database)
    assert [(f.kind, f.trigger) for f in reopened.opening_findings] == [
        ("trigger_altered", "audit_plot")
    ]
    with reopened.transaction() as db:  # audited again
        db.execute("UPDATE plot SET reporter = '张三' WHERE id = 1")
    assert reopened.audit_entries("plot")[-1].changes["reporter"] == [None, "张三"]
    # what was found stays on record (integrity_event), named by every verification
    assert ("trigger_altered", "audit_plot") in _kinds(reopened)
    reopened.close()
