"""The "Attach document…" dialog: the values it collects for cases.attachments.add_attachment
(kind, title, 文号, 责任者, date), and what it refuses before anything is stored."""

from __future__ import annotations

import pytest

from helpers import small_database
from landcase.forms.attachment_dialog import AttachmentDialog
from landcase.forms.case_dialog import CaseDialog


@pytest.fixture
def form(qgis_app):
    dialog = AttachmentDialog()
    yield dialog
    dialog.deleteLater()


def test_the_values_collected_are_the_arguments_of_add_attachment(form):
    form.set_path("/scans/青政地〔2025〕12号 批复.pdf")
    assert form.title.text() == "青政地〔2025〕12号 批复"  # the file name, until one is typed
    form.kind.setCurrentText("批文")
    form.title.setText("关于青山镇建设用地的批复")
    form.doc_number.setText("青政地〔2025〕12号")
    form.author.setText("青山县人民政府")
    form.doc_date.setText("2025-06-18")
    assert form.problem() is None
    assert form.values() == {
        "path": "/scans/青政地〔2025〕12号 批复.pdf",
        "kind": "批文",
        "title": "关于青山镇建设用地的批复",
        "doc_number": "青政地〔2025〕12号",
        "author": "青山县人民政府",
        "doc_date": "2025-06-18",
    }


def test_optional_fields_left_empty_are_none_and_another_kind_may_be_typed(form):
    form.set_path("/scans/备案表.JPG")
    form.kind.setCurrentText("设施农用地备案表")
    values = form.values()
    assert values["kind"] == "设施农用地备案表" and values["title"] == "备案表"
    assert values["doc_number"] is None and values["author"] is None
    assert values["doc_date"] is None
    assert form.problem() is None


def test_what_cannot_be_stored_is_refused_in_the_dialog(form):
    form._accept()
    text = form.message.text()
    assert form.result() == 0 and ("scanned file" in text or "扫描件" in text), text
    form.set_path("/scans/说明.docx")
    assert "说明.docx" in form.problem()
    form.set_path("/scans/说明.png")
    form.title.clear()
    assert form.problem() is not None
    form.title.setText("情况说明")
    form.doc_date.setText("2025-13-40")
    assert "2025-13-40" in form.problem()
    form.doc_date.setText("2025-12-31")
    assert form.problem() is None


def test_the_case_dialog_offers_the_button_in_its_documents_tab(qgis_app, case_target):
    store = small_database(case_target, plots=1)
    dialog = CaseDialog(store, store.list_plots()[0].plot_id, user="李核查")
    try:
        page = dialog.tabs.widget(5).widget()
        assert dialog.attach_button.isEnabled() and dialog.attach_button.window() is dialog
        assert dialog.attach_button in page.findChildren(type(dialog.attach_button))
    finally:
        dialog.deleteLater()
        store.close()
