"""Dialogs: a new database never replaces a file without asking."""

from __future__ import annotations

from qgis.PyQt.QtWidgets import QDialog, QMessageBox

from landcase.forms.new_database_dialog import NewDatabaseDialog


def test_new_database_dialog_suggests_the_zone_and_adds_the_suffix(qgis_app, tmp_path):
    dialog = NewDatabaseDialog(4543, str(tmp_path))
    assert dialog.srid() == 4543
    dialog.file.setFilePath(str(tmp_path / "青山所"))
    assert dialog.path().endswith("青山所.sqlite")


def test_an_existing_file_is_replaced_only_when_the_user_says_yes(qgis_app, tmp_path, monkeypatch):
    existing = tmp_path / "station.sqlite"
    existing.write_bytes(b"keep me")
    asked = []

    def answer(reply):
        def question(parent, title, text, *args):
            asked.append(text)
            return reply

        return question

    dialog = NewDatabaseDialog(4549, str(tmp_path))
    dialog.file.setFilePath(str(existing))
    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.No))
    dialog._accept()
    assert dialog.result() != QDialog.Accepted and not dialog.overwrite
    assert len(asked) == 1 and "station.sqlite" in asked[0]

    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.Yes))
    dialog._accept()
    assert dialog.result() == QDialog.Accepted and dialog.overwrite
    assert existing.read_bytes() == b"keep me"  # the dialog only asks; the store replaces
