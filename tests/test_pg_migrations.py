"""A server database made by an older LandCase is upgraded when its owner opens it."""

from __future__ import annotations

import pytest

from helpers import new_plot
from landcase.cases import CaseStore, schema, verification_findings
from landcase.cases.audit_chain import verify_audit_trail


@pytest.mark.parametrize("version", [5, 6])
def test_an_older_schema_is_upgraded_on_open_with_its_data_and_triggers(pg_database, version):
    old = CaseStore.create(pg_database, 4549, up_to_version=version)
    assert old.schema_version == version and "import_report" not in old.tables()
    batch = old.add_batch("b", received_date="2026-02-01")
    old.add_plots([new_plot(i) for i in range(2)], batch)
    old.close()

    store = CaseStore.open(pg_database)
    assert store.schema_version == schema.LATEST_VERSION
    assert {"import_report", "import_report_row", "round_seal"} <= store.tables()
    assert store.plot_count() == 2
    assert verification_findings.verify(store) == []
    with store.transaction() as db:  # the tables of the new version are guarded too
        db.execute("INSERT INTO integrity_event (kind) VALUES ('test')")
    with pytest.raises(Exception, match="event refused"), store.transaction() as db:
        db.execute("DELETE FROM integrity_event")
    assert verify_audit_trail(store).ok
    # the new tables are granted to the groups the older version made
    prefix = store._db.execute("SELECT value FROM meta WHERE key = 'role_prefix'").fetchone()[0]
    granted = store._db.execute(
        "SELECT has_table_privilege(?, 'round_seal', 'INSERT')", (f"{prefix}_station",)
    ).fetchone()[0]
    assert granted
    store.close()
