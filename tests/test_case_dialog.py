"""The case dialog: a plot walked from verification to post-closure patrol through the
form's own widgets and buttons; each tab offers only what the state allows."""

from __future__ import annotations

import pytest
from photo_files import make_photo
from qgis.PyQt.QtCore import QDate

from helpers import small_database, square
from landcase.cases import workflow
from landcase.forms.case_dialog import CaseDialog


@pytest.fixture
def dialog(qgis_app, tmp_path):
    store = small_database(tmp_path / "s.sqlite", plots=2)
    plot_id = store.list_plots()[0].plot_id
    form = CaseDialog(store, plot_id, user="李核查")
    yield form
    form.deleteLater()
    store.close()


def _choose(combo, value):
    index = combo.findData(value)
    assert index >= 0, value
    combo.setCurrentIndex(index)


def test_only_the_allowed_steps_are_offered(dialog):
    assert dialog.state.status == "待核查"
    assert dialog.save_verification.isEnabled()
    assert not dialog.save_determination.isEnabled()
    assert not dialog.file_button.isEnabled() and not dialog.close_out_button.isEnabled()
    assert dialog.tabs.currentIndex() == 0


def test_a_refused_step_says_why(dialog):
    dialog.verifier.clear()
    dialog.save_verification.click()
    assert "核查人" in dialog.message.text() or "verifier" in dialog.message.text()
    assert dialog.state.status == "待核查"


def test_a_plot_walks_the_whole_illegal_path_through_the_form(dialog, tmp_path):
    changes = []
    dialog.changed.connect(lambda: changes.append(dialog.state.status))
    centre = square(0).centroid
    photo = make_photo(tmp_path / "现场.jpg", xy=(centre.x, centre.y), direction=135)
    dialog.attach_photos([str(photo)], kind="全景")
    assert dialog.photos.count() == 1 and "135°" in dialog.photos.item(0).text()
    kept = dialog.store._db.execute("SELECT kind FROM photo").fetchall()
    assert [row[0] for row in kept] == ["全景"]

    _choose(dialog.site_status, "已建成")
    dialog.land_user.setText("某某农业公司")
    dialog.construction_date.setText("2026-01-15")
    dialog.verified_on.setDate(QDate(2026, 2, 10))
    dialog.save_verification.click()
    assert dialog.state.status == "已核查", dialog.message.text()
    assert dialog.tabs.currentIndex() == 1  # the form moves on to the determination

    _choose(dialog.category, "违法")
    _choose(dialog.subtype, "厂房")
    dialog.decided_on.setDate(QDate(2026, 2, 15))
    dialog.save_determination.click()
    assert dialog.state.status == "已判定", dialog.message.text()
    assert dialog.state.determination.detail == "厂房"
    assert dialog.state.determination.new_or_existing == "新增"

    assert dialog.file_button.isEnabled() and not dialog.close_without_case_button.isEnabled()
    dialog.filing_number.setText("青国土立〔2026〕12号")
    dialog.filed_on.setDate(QDate(2026, 2, 20))
    dialog.file_button.click()
    assert dialog.state.status == "已立案", dialog.message.text()

    dialog.measures["拆除复耕"].setChecked(True)
    dialog.task_listed_on.setDate(QDate(2026, 3, 1))
    dialog.start_rectification_button.click()
    assert dialog.state.status == "整改中", dialog.message.text()

    _choose(dialog.reinspection_result, "整改到位")
    dialog.demolished.setValue(1600)
    dialog.restored.setValue(1600)
    dialog.reinspected_on.setDate(QDate(2026, 4, 20))
    dialog.reinspect_button.click()
    assert dialog.state.status == "待复核", dialog.message.text()
    assert dialog.state.rectification.restored_area_m2 == pytest.approx(1600)

    dialog.closed_on.setDate(QDate(2026, 4, 25))
    dialog.close_out_button.click()
    assert dialog.state.status == "已销号", dialog.message.text()
    dialog.patrol_button.click()
    assert dialog.state.status == "事后巡查"
    assert changes[-6:] == ["已判定", "已立案", "整改中", "待复核", "已销号", "事后巡查"]
    assert workflow.allowed_actions(dialog.store, dialog.plot_id) == []


def test_a_revision_needs_a_reason_and_keeps_the_earlier_determination(dialog):
    _choose(dialog.site_status, "未动工")
    dialog.save_verification.click()
    _choose(dialog.category, "伪变化")
    dialog.save_determination.click()
    assert dialog.state.status == "已判定"
    _choose(dialog.category, "其他")
    _choose(dialog.subtype, "农村宅基地")
    dialog.save_determination.click()
    assert dialog.state.determination.category == "伪变化"  # refused: no reason given
    dialog.revision_reason.setText("复核发现为村民建房")
    dialog.save_determination.click()
    assert dialog.state.determination.category == "其他", dialog.message.text()
    assert dialog.history.count() == 2


def _close_out_through_the_workflow(store, plot_id):
    """A 违法 plot taken to 已销号 with the workflow functions, each step on its own date."""
    workflow.record_verification(
        store,
        plot_id,
        site_status="已建成",
        land_user="某某农业公司",
        actual_use="厂房",
        construction_date="2025-11",
        verifier="王核查",
        verified_on="2026-02-10",
    )
    workflow.determine(
        store,
        plot_id,
        category="违法",
        subtype="厂房",
        evidence={"basis": "无批准文件"},
        decided_by="赵判定",
        decided_on="2026-02-15",
    )
    workflow.file_case(
        store,
        plot_id,
        filing_number="青国土立〔2026〕12号",
        filed_on="2026-02-20",
        responsible_unit="青山镇人民政府",
    )
    workflow.start_rectification(
        store, plot_id, measures=["拆除复耕"], task_listed_on="2026-03-01", note="限期拆除"
    )
    workflow.record_reinspection(
        store,
        plot_id,
        result="整改到位",
        reinspected_on="2026-04-20",
        reinspected_by="钱复核",
        demolished_area_m2=1600,
        restored_area_m2=1500,
    )
    workflow.close_out(
        store,
        plot_id,
        closed_on="2026-04-25",
        closed_by="孙销号",
        joint_recheck_result="县乡联合复核通过",
        note="已复耕种植小麦",
    )


def test_a_closed_case_shows_what_was_recorded_read_only(qgis_app, tmp_path, case_target):
    store = small_database(case_target, plots=1)
    plot_id = store.list_plots()[0].plot_id
    _close_out_through_the_workflow(store, plot_id)
    # a photo without position: its flag in words, not the code "no_position"
    photo = make_photo(tmp_path / "无定位.jpg", xy=None)
    from landcase.cases.photos import add_photos

    add_photos(store, plot_id, [str(photo)], purpose="复核")
    form = CaseDialog(store, plot_id, user="今天的用户")
    try:
        assert form.state.status == "已销号"
        assert form.tabs.currentIndex() == 4  # the furthest step recorded
        # field verification: the recorded values and date, not the user and today
        assert form.site_status.currentText() == "已建成"
        assert form.land_user.text() == "某某农业公司" and form.land_user.isReadOnly()
        assert form.verifier.text() == "王核查" and form.verifier.isReadOnly()
        assert form.verified_on.date() == QDate(2026, 2, 10) and form.verified_on.isReadOnly()
        assert not form.site_status.isEnabled() and not form.save_verification.isEnabled()
        # determination
        assert form.category.currentText() == "违法" and not form.category.isEnabled()
        assert form.subtype.currentData() == "厂房"
        assert form.basis.text() == "无批准文件"
        assert form.decided_by.text() == "赵判定" and form.decided_by.isReadOnly()
        assert form.decided_on.date() == QDate(2026, 2, 15)
        # filing: filed, never referred (no date shown there, not today's)
        assert form.filing_number.text() == "青国土立〔2026〕12号"
        assert form.filing_number.isReadOnly()
        assert form.filed_on.date() == QDate(2026, 2, 20)
        assert form.responsible_unit.text() == "青山镇人民政府"
        assert form.referred_on.text() == "—"
        assert form.department.currentIndex() == -1 and not form.department.isEnabled()
        # rectification
        assert form.measures["拆除复耕"].isChecked() and not form.measures["罚款"].isChecked()
        assert not form.measures["拆除复耕"].isEnabled()
        assert form.task_listed_on.date() == QDate(2026, 3, 1)
        assert form.rectification_note.text() == "限期拆除"
        # re-inspection and close-out
        assert form.reinspection_result.currentText() == "整改到位"
        assert form.reinspected_on.date() == QDate(2026, 4, 20)
        assert form.reinspected_by.text() == "钱复核"
        assert form.demolished.value() == 1600 and form.restored.value() == 1500
        assert form.legalised.text() == "—"  # none recorded: not 0.00
        assert form.closed_on.date() == QDate(2026, 4, 25) and form.closed_on.isReadOnly()
        assert form.closed_by.text() == "孙销号"
        assert form.joint_recheck.text() == "县乡联合复核通过"
        assert form.closeout_note.text() == "已复耕种植小麦"
        assert not form.close_out_button.isEnabled() and form.patrol_button.isEnabled()
        assert form.reinspection_photos.count() == 1
        text = form.reinspection_photos.item(0).text()
        assert "无定位" in text and "no_position" not in text
    finally:
        form.deleteLater()
        store.close()


def test_a_step_that_can_be_taken_is_a_form_with_today_and_the_user(qgis_app, case_target):
    store = small_database(case_target, plots=1)
    plot_id = store.list_plots()[0].plot_id
    workflow.record_verification(
        store, plot_id, site_status="已建成", verifier="王核查", verified_on="2026-02-10"
    )
    workflow.determine(
        store,
        plot_id,
        category="合法",
        subtype="批文",
        evidence={"approval_number": "苏政地〔2025〕88号", "covered_share": 1.0},
        decided_by="赵判定",
        decided_on="2026-02-15",
    )
    form = CaseDialog(store, plot_id, user="今天的用户")
    try:
        assert form.state.status == "已判定"
        # a further verification may be recorded: a form dated today, by the user
        assert form.verified_on.date() == QDate.currentDate()
        assert form.verifier.text() == "今天的用户" and not form.verifier.isReadOnly()
        # a revision starts from the current determination, dated today
        assert form.category.currentText() == "合法" and form.category.isEnabled()
        assert form.approval_number.text() == "苏政地〔2025〕88号"
        assert form.covered_share.value() == 100.0  # stored 1.0 = 100 %
        assert form.decided_on.date() == QDate.currentDate() and not form.decided_on.isReadOnly()
        # filing or referral cannot be taken after 合法: empty, read-only, no date
        assert form.filed_on.text() == "—" and form.filed_on.isReadOnly()
        assert form.filing_number.text() == "" and form.filing_number.isReadOnly()
        assert form.closed_on.text() == "—" and form.closed_by.text() == ""
        assert form.tabs.currentIndex() == 2  # close without a case is the step ahead
    finally:
        form.deleteLater()
        store.close()
