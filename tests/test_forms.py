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
    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.No))
    dialog._accept()
    assert dialog.result() != QDialog.DialogCode.Accepted and not dialog.overwrite
    assert len(asked) == 1 and "station.sqlite" in asked[0]

    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.Yes))
    dialog._accept()
    assert dialog.result() == QDialog.DialogCode.Accepted and dialog.overwrite
    assert existing.read_bytes() == b"keep me"  # the dialog only asks; the store replaces


def test_import_dialog_takes_the_unit_of_jcmj_and_remembers_it(qgis_app, tmp_path, case_target):
    from test_intake import _write

    from landcase.cases import CaseStore
    from landcase.forms.import_dialog import ImportDialog
    from landcase.layers.batch_import import import_layer

    shp = _write(
        tmp_path / "mj.shp",
        "ESRI Shapefile",
        [
            {
                "attributes": {"JCBH": "M-1", "JCMJ": "6300"},
                "wkt": "POLYGON((500000 3400000,500090 3400000,500090 3400070,"
                "500000 3400070,500000 3400000))",
            }
        ],
        4549,
        encoding="UTF-8",
    )
    store = CaseStore.create(case_target, 4549)
    dialog = ImportDialog(store)
    dialog.file.setFilePath(str(shp))
    assert dialog.chosen_mapping() == {"jcbh": "JCBH", "jcmj": "JCMJ"}  # unit: guessed
    assert not dialog.allow_other_zone()  # plots from another zone are refused by default
    dialog.jcmj_unit.setCurrentIndex(dialog.jcmj_unit.findData("m²"))
    mapping = dialog.chosen_mapping()
    assert mapping == {"jcbh": "JCBH", "jcmj": "JCMJ", "jcmj_unit": "m²"}
    report = import_layer(store, dialog.source_layer(), dialog.source_name(), "b", mapping)
    # 90 m × 70 m = 6300 m², given as 6300 m²: agrees, nothing flagged
    assert report.imported == 1 and report.issues == [] and report.jcmj_unit == "m²"
    again = ImportDialog(store)
    again.file.setFilePath(str(shp))
    assert again.jcmj_unit.currentData() == "m²"  # remembered with the mapping


def test_new_database_dialog_says_why_the_zone_is_suggested(qgis_app, tmp_path):
    from qgis.core import QgsCoordinateReferenceSystem, QgsRectangle

    from landcase.layers.crs_choice import choose_srid

    # the map over 103.9–104.2°E: centre 104.05°E → meridian 105°E, EPSG:4544
    choice = choose_srid(
        QgsRectangle(103.9, 30.5, 104.2, 30.8),
        QgsCoordinateReferenceSystem("EPSG:4326"),
        "the map's extent",
    )
    dialog = NewDatabaseDialog(choice.srid, str(tmp_path), reason=choice.text())
    assert dialog.srid() == 4544
    assert dialog.hint.text() == (
        "Suggested: EPSG:4544 (中央经线 105°): the zone of the map's extent, whose centre lies "
        "at 104.05°E. The zone cannot be changed later."
    )
