"""The case dialog's 制止与抄告 tab: a stop, a notification to several recipients and a
reply, a transfer beside the filed case and a post-closure visit, each through the tab's
own calls, with the clocks shown beneath and a broken one in red."""

from __future__ import annotations

import pytest
from closed_cases import close_out
from PIL import Image
from qgis.PyQt.QtGui import QColor

from helpers import small_database
from landcase.cases import workflow
from landcase.forms.case_dialog import CaseDialog
from landcase.forms.enforcement_tab import LATE_COLOUR, ROLE

JCBH = "320100202601000"


def _texts(item) -> list[str]:
    found = [item.text(0)]
    for index in range(item.childCount()):
        found += _texts(item.child(index))
    return found


def _group(dialog, index: int):
    return dialog.enforcement.tree.topLevelItem(index)


@pytest.fixture
def store(qgis_app, case_target):
    store = small_database(case_target, plots=2)
    yield store
    store.close()


def _filed(store, plot_id):
    workflow.record_verification(
        store, plot_id, site_status="已建成", land_user="某某公司", construction_date="2025-11",
        verifier="王核查",
        verified_on="2026-02-10",
    )  # fmt: skip
    workflow.determine(
        store, plot_id, category="违法", subtype="厂房", evidence={"basis": "无批准文件"},
        decided_by="赵判定", decided_on="2026-02-15",
    )  # fmt: skip
    workflow.file_case(
        store, plot_id, filing_number="青国土立〔2026〕12号", filed_on="2026-02-20",
        responsible_unit="青山镇人民政府",
    )  # fmt: skip


def test_a_stop_by_one_person_shows_its_clocks_and_the_broken_one_in_red(store):
    plot_id = store.list_plots()[0].plot_id
    dialog = CaseDialog(store, plot_id, user="李核查")
    dialog.tabs.setCurrentIndex(6)
    assert dialog.enforcement.record_stop(
        found_at="2026-03-02T09:00", unit="青山国土所", unit_kind="国土所",
        stopped_at="2026-03-02T10:30", stopped_by="张三", persons=1, method="劝阻",
        result="已制止",
    ), dialog.message.text()  # fmt: skip
    assert dialog.tabs.currentIndex() == 6  # the dialog stays on the tab
    stops = _group(dialog, 0)
    assert stops.text(0).endswith("（1）")
    stop = stops.child(0)
    assert "2026-03-02T09:00" in stop.text(0) and "青山国土所" in stop.text(0)
    assert "1 人" in stop.text(0) or "1 persons" in stop.text(0)
    # seed 002 二(三)2: at least two persons of the station — one came: broken, in red
    lines = [stop.child(i) for i in range(stop.childCount())]
    persons = [
        c for c in lines if "2" in c.text(0) and "人" in c.text(0) or "2 persons" in c.text(0)
    ]
    assert len(persons) == 1 and persons[0].foreground(0).color() == QColor(LATE_COLOUR)
    # on site the same day: met, in green
    on_site = [c for c in lines if "2026-03-03" in c.text(0)]
    assert len(on_site) == 1 and on_site[0].foreground(0).color() != QColor(LATE_COLOUR)
    dialog.deleteLater()


def test_a_refused_stop_says_why_and_stores_nothing(store):
    plot_id = store.list_plots()[0].plot_id
    dialog = CaseDialog(store, plot_id)
    assert not dialog.enforcement.record_stop(found_at="昨天", unit="东村", unit_kind="村居")
    assert JCBH in dialog.message.text()
    assert store._db.execute("SELECT count(*) FROM stop_action").fetchone()[0] == 0
    dialog.deleteLater()


def test_a_notification_to_three_recipients_and_a_reply(store, tmp_path):
    plot_id = store.list_plots()[0].plot_id
    dialog = CaseDialog(store, plot_id)
    assert dialog.enforcement.send_notification(
        number="青国土抄〔2026〕3号", sent_on="2026-03-02", subject="违法占地抄告",
        content="青山镇东村违法占地", sender="青山国土所",
        recipients=("镇政府主要负责人", "公安", "供电"),
    ), dialog.message.text()  # fmt: skip
    notices = _group(dialog, 1)
    notice = notices.child(0)
    assert "青国土抄〔2026〕3号" in notice.text(0) and notice.childCount() == 3
    head = notice.child(0)
    assert head.text(0).startswith("镇政府主要负责人")
    # 2 calendar days from 2026-03-02 (seed 002 二(二)2)
    assert "2026-03-04" in head.text(0)
    # 公安: 5 working days from Monday 2026-03-02 (no holiday): Monday 2026-03-09
    assert "2026-03-09" in notice.child(1).text(0)
    notice.child(0).setSelected(True)
    assert dialog.enforcement.reply_button.isEnabled()
    notification_id, recipient = notice.child(0).data(0, ROLE)[1]
    assert recipient == "镇政府主要负责人"
    scan = tmp_path / "批示.png"
    Image.new("RGB", (40, 30), "white").save(scan)
    assert dialog.enforcement.record_reply(
        notification_id, recipient, replied_on="2026-03-06", text="请立即制止", by="镇长",
        scan=str(scan),
    ), dialog.message.text()  # fmt: skip
    head = _group(dialog, 1).child(0).child(0)
    assert "2026-03-06" in head.text(0)
    assert "扫描件 1 份" in head.text(0) or "(scanned reply: 1)" in head.text(0)
    kept = store._db.execute(
        "SELECT f.kind, f.original_name FROM record_file AS f JOIN notification_recipient AS nr "
        "ON f.owner_table = 'notification_recipient' AND f.owner_id = nr.id "
        "WHERE nr.recipient = '镇政府主要负责人'"
    ).fetchall()
    assert [tuple(row) for row in kept] == [("扫描件", "批示.png")]
    assert head.foreground(0).color() == QColor(LATE_COLOUR)  # two days late
    dialog.deleteLater()


def test_a_transfer_is_offered_beside_a_filed_case_only(store):
    plot_id = store.list_plots()[0].plot_id
    dialog = CaseDialog(store, plot_id)
    assert not dialog.enforcement.transfer_button.isEnabled()
    _filed(store, plot_id)
    dialog.refresh()
    assert dialog.enforcement.transfer_button.isEnabled()
    assert dialog.enforcement.transfer(
        receiver="公安", transferred_on="2026-03-10", number="青国土移〔2026〕1号",
        reason="非法占用农用地",
    ), dialog.message.text()  # fmt: skip
    assert dialog.state.status == "已立案"  # a transfer is beside the case, not a step
    transfers = _group(dialog, 2)
    assert "2026-03-10" in transfers.child(0).text(0) and "公安" in transfers.child(0).text(0)
    dialog.deleteLater()


def test_a_rebound_found_on_a_visit_opens_a_clue(store):
    plot_id = store.list_plots()[0].plot_id
    close_out(store, plot_id, "2026-05-10")
    dialog = CaseDialog(store, plot_id)
    assert dialog.enforcement.visit_button.isEnabled()
    assert dialog.enforcement.record_visit(
        visited_on="2026-08-12", visitor="孙巡查", result="反弹", note="又见堆放建材"
    ), dialog.message.text()
    visits = _group(dialog, 4)
    assert "2026-08-12" in visits.child(0).text(0) and "反弹" in visits.child(0).text(0)
    row = store._db.execute(
        "SELECT c.rebound_of, r.case_id FROM clue AS c JOIN revisit AS r ON r.clue_id = c.id"
    ).fetchone()
    assert row[0] == row[1] == dialog.state.case_id
    dialog.deleteLater()
