"""The 巡查与问责 panel: one month's lists of the open database, chosen at the top, shown
below with their counts; an error in the month is said in words; it follows the plugin's
database and its changes."""

from __future__ import annotations

import datetime

import pytest

from helpers import small_database
from landcase.cases import notifications, stops
from landcase.forms.accountability_dock import AccountabilityDock, previous_month

TODAY = datetime.date(2026, 4, 25)


@pytest.fixture
def store(qgis_app, case_target):
    store = small_database(case_target, plots=2)
    # a station stops a find with one person (seed 002 二(三)2), and notifies two
    # recipients on Monday 2026-03-02; the township head never replies
    stops.record_stop(
        store,
        stops.NewStop(
            found_at="2026-03-02T09:00", unit="青山国土所", unit_kind="国土所",
            jcbh="320100202601000", stopped_at="2026-03-02T10:00", persons=1,
            method="劝阻", result="已制止",
        ),
    )  # fmt: skip
    notifications.send_notification(
        store,
        notifications.NewNotification(
            subject="违法占地抄告", sent_on="2026-03-02", number="青国土抄〔2026〕3号",
            recipients=("镇政府主要负责人", "公安"), jcbh="320100202601000",
        ),
    )  # fmt: skip
    yield store
    store.close()


def _rows(dock) -> list[list[str]]:
    table = dock.table
    return [
        [table.item(r, c).text() for c in range(table.columnCount())]
        for r in range(table.rowCount())
    ]


def _choose(dock, key: str) -> None:
    dock.choice.setCurrentIndex(dock.choice.findData(key))


def test_the_month_before_is_offered_first():
    assert previous_month(datetime.date(2026, 1, 5)) == "2025-12"
    assert previous_month(datetime.date(2026, 3, 31)) == "2026-02"


def test_the_lists_of_the_month(store):
    dock = AccountabilityDock(None)
    dock.set_store(store)
    dock.period.setText("2026-03")
    dock.refresh(TODAY)
    titles = [dock.choice.itemText(i) for i in range(dock.choice.count())]
    assert titles[0].startswith("追责问责清单（")
    assert any(t.startswith("抄告登记（2）") for t in titles)  # two recipients

    _choose(dock, "accountability")
    rows = _rows(dock)
    headers = [dock.table.horizontalHeaderItem(c).text() for c in range(dock.table.columnCount())]
    late = headers.index("逾期天数")
    texts = ["".join(row) for row in rows]
    # one person stopped it: the station head, 国土所（分局）所长（分局长）
    assert any("2名以上人员" in t and "所长" in t for t in texts)
    # the township head: due 2026-03-04 (2 calendar days), not replied by 2026-04-25:
    # 52 days late
    head = [row for row in rows if "镇" in "".join(row) and "2026-03-04" in row]
    assert head and head[0][late] == "52"

    _choose(dock, "register")
    register = _rows(dock)
    assert [row[5] for row in register] == ["镇政府主要负责人", "公安"]
    # 公安: 5 working days from Monday 2026-03-02 is Monday 2026-03-09
    assert register[1][6] == "2026-03-09"


def test_a_bad_month_is_said_in_words(store):
    dock = AccountabilityDock(None)
    dock.set_store(store)
    dock.period.setText("2026-13")
    dock.refresh(TODAY)
    assert "YYYY-MM" in dock.message.text()
    assert dock.choice.count() == 0


def test_without_a_database_nothing_is_offered(qgis_app):
    dock = AccountabilityDock(None)
    dock.set_store(None)
    assert not dock.export_button.isEnabled() and dock.choice.count() == 0
    assert dock.export_algorithm() == "landcase:accountability"
