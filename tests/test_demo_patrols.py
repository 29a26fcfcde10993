"""The demo database `make run` opens has a week of patrols, a stop and a notification,
so the patrol panels show something: counted here from the tables themselves."""

from __future__ import annotations

import datetime

from landcase.cases import CaseStore, accountability


def test_the_demo_has_patrols_a_stop_and_a_notification(demo_database):
    store = CaseStore.open(demo_database)
    try:
        count = lambda sql: store._db.execute(sql).fetchone()[0]  # noqa: E731
        assert count("SELECT count(*) FROM patrol_unit") == 2
        assert count("SELECT count(*) FROM patrol_zone WHERE geom IS NOT NULL") == 2
        # the first village daily for a week; the second every third day (days 6 and 3)
        assert count("SELECT count(*) FROM patrol") == 7 + 2
        assert count("SELECT count(*) FROM patrol_report WHERE zero = 1") == 7
        assert count("SELECT count(*) FROM stop_action WHERE persons = 1") == 1
        assert count("SELECT count(*) FROM notification_recipient") == 5
        assert (
            count("SELECT count(*) FROM notification_recipient WHERE replied_on IS NOT NULL") == 2
        )
        today = datetime.date.today()
        found = accountability.accountability(
            store, today - datetime.timedelta(days=31), today, today
        )
        assert any("2名以上人员" in breach.rule for breach in found)
    finally:
        store.close()
