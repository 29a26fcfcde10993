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
    dialog.attach_photos([str(photo)])
    assert dialog.photos.count() == 1 and "135°" in dialog.photos.item(0).text()

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
