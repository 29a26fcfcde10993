"""Faults around an import that the batch corpus does not reach: two imports of one batch
racing, a crash after the commit, a re-run, a remembered mapping spelt otherwise, several
layers (dialog and headless), a damaged database, the area limit as a parameter and a
setting, dates and FIELD_MAP given to Processing."""

from __future__ import annotations

import csv
import zipfile
from pathlib import Path

import pytest
from batch_files import square, write_shapefile

from landcase.cases import CaseStore, import_reports
from landcase.cases.field_mapping import fields_signature
from landcase.cases.intake import DUPLICATE, REJECTED, DamagedDatabase, import_batch
from landcase.layers.batch_import import import_layer
from landcase.layers.source_reader import SeveralLayers, open_source, read_rows


@pytest.fixture
def plugin_provider(qgis_iface, qgis_processing):
    import landcase

    plugin = landcase.classFactory(qgis_iface)
    plugin.initProcessing()
    yield plugin
    plugin.unload()


FIELDS = [("JCBH", 20), ("XZMC", 40), ("QSX", 20)]
X, Y = 500_000.0, 3_500_000.0


def _batch(path: Path, count: int, prefix: str = "P", bad_rows=(), fields=FIELDS, cpg="UTF-8"):
    """``count`` 50 m squares 100 m apart; rows in ``bad_rows`` have QSX 'not a date'."""
    records = [
        [
            f"{prefix}{k}".encode(),
            "秣陵街道".encode(cpg if cpg != "UTF-8" else "utf-8"),
            b"not a date" if k + 1 in bad_rows else b"2025-10-01",
        ]
        for k in range(count)
    ]
    return write_shapefile(
        path, [square(X + 100 * k, Y) for k in range(count)], fields, records, cpg=cpg
    )


def _rows(store, path):
    opened = open_source(str(path))
    names, rows = read_rows(opened.layer, store.srid)
    mapping = {"jcbh": names[0], "township": names[1], "qsx": names[2]}
    return opened, names, rows, mapping


def _csv(path: Path) -> list[list[str]]:
    with open(path, encoding="utf-8-sig", newline="") as handle:
        return list(csv.reader(handle))


def test_two_imports_of_one_batch_racing_the_second_reports_duplicates(tmp_path):
    path = tmp_path / "s.sqlite"
    CaseStore.create(path, 4549).close()
    first, second = CaseStore.open(path), CaseStore.open(path)
    source = _batch(tmp_path / "b.shp", 4)
    _, _, rows, mapping = _rows(second, source)
    raced = []

    def locate(geometry):
        # the second import has checked the numbers already; now the first one runs whole
        if not raced:
            _, _, rows_first, _ = _rows(first, source)
            raced.append(import_batch(first, rows_first, mapping, "第1批", "b.shp"))
        return {}

    report = import_batch(second, rows, mapping, "第1批", "b.shp", locate=locate)
    assert raced[0].imported == 4
    # no error: the second run stored nothing and names each of the 4 rows as a duplicate
    assert report.imported == 0
    assert [(i.row, i.kind) for i in report.issues] == [(k, DUPLICATE) for k in (1, 2, 3, 4)]
    assert "registered meanwhile by another import" in report.issues[0].text()
    assert second.plot_count() == 4
    first.close()
    second.close()


def test_the_report_survives_a_crash_after_the_commit_and_a_rerun_shows_it(tmp_path, monkeypatch):
    path = tmp_path / "s.sqlite"
    store = CaseStore.create(path, 4549)
    source = _batch(tmp_path / "b.shp", 3, bad_rows=(2,))
    _, _, rows, mapping = _rows(store, source)

    def crash(*args, **kwargs):
        raise KeyboardInterrupt  # the process dies after the commit, before the CSV

    monkeypatch.setattr(import_reports, "write_stored", crash)
    with pytest.raises(KeyboardInterrupt):
        import_batch(store, rows, mapping, "第1批", "b.shp", report_folder=tmp_path / "r")
    store.close()
    monkeypatch.undo()
    assert not (tmp_path / "r").exists()  # no CSV was written

    store = CaseStore.open(path)
    assert store.plot_count() == 2  # rows 1 and 3; row 2's QSX is not a date
    db = store._db  # noqa: SLF001 (the test reads the kept report as the module does)
    [report_id] = import_reports.report_ids(db, "第1批")
    kept = import_reports.load(db, report_id)
    assert (kept.rows, kept.imported) == (3, 2)
    assert [(i.row, i.jcbh, i.kind) for i in kept.issues] == [(2, "P1", REJECTED)]
    # the CSV is written from the kept rows, after the crash
    lines = _csv(import_reports.write_stored(db, report_id, tmp_path / "r"))
    assert ["源记录数", "3"] in lines and ["导入", "2"] in lines
    assert [
        "2",
        "P1",
        "拒绝",
        "QSX“not a date”不是日期，请在源数据中按 YYYY-MM-DD 填写后重新导入",
    ] in lines

    # a re-run of the same batch: nothing new, and its CSV shows what the first run refused
    again = import_batch(store, rows, mapping, "第1批", "b.shp", report_folder=tmp_path / "r")
    assert again.imported == 0 and again.count(DUPLICATE) == 2
    assert [[i.row for i in run.issues] for run in again.earlier] == [[2]]
    lines = _csv(again.report_file)
    earlier = lines.index(next(line for line in lines if line and line[0] == "此前导入"))
    assert lines[earlier + 1][:3] == ["2", "P1", "拒绝"]
    store.close()


def test_a_remembered_mapping_matches_field_names_case_insensitively(tmp_path, case_target):
    store = CaseStore.create(case_target, 4549)
    fields = [("BH_NO", 20), ("XZMC", 40), ("QSX", 20)]
    # the first batch of this issuer: upper-case names, mapping remembered
    first = _batch(tmp_path / "first.shp", 1, prefix="U", fields=fields)
    opened = open_source(str(first))
    report = import_layer(
        store, opened.layer, opened.name, "第1批", mapping={"jcbh": "BH_NO", "qsx": "QSX"}
    )
    assert report.imported == 1
    # the next batch spells its fields in lower case: same signature, mapping applies
    lower = [("bh_no", 20), ("xzmc", 40), ("qsx", 20)]
    assert fields_signature([n for n, _ in lower]) == fields_signature([n for n, _ in fields])
    second = _batch(tmp_path / "second.shp", 2, prefix="L", fields=lower)
    opened = open_source(str(second))
    report = import_layer(store, opened.layer, opened.name, "第2批")
    assert report.imported == 2 and report.count(REJECTED) == 0
    assert {row.jcbh for row in store.list_plots()} == {"U0", "L0", "L1"}
    store.close()


def test_a_zip_with_several_layers_asks_in_the_dialog_and_refuses_headless(
    tmp_path, plugin_provider
):
    import processing
    from qgis.core import QgsProcessingException

    from landcase.forms.import_dialog import ImportDialog

    (tmp_path / "src").mkdir()
    east = _batch(tmp_path / "src" / "east.shp", 1, prefix="E")
    west = _batch(tmp_path / "src" / "west.shp", 2, prefix="W")
    archive = tmp_path / "two.zip"
    with zipfile.ZipFile(archive, "w") as handle:
        for shp in (east, west):
            for part in shp.parent.glob(shp.stem + ".*"):
                handle.write(part, f"数据/{part.name}")
    database = tmp_path / "s.sqlite"
    store = CaseStore.create(database, 4549)

    with pytest.raises(SeveralLayers) as raised:
        open_source(str(archive))
    assert raised.value.layers == ["数据/east.shp", "数据/west.shp"]

    asked = []
    dialog = ImportDialog(store)
    dialog._choose_layer = lambda several: asked.append(several.layers) or "数据/west.shp"
    dialog.from_file.setChecked(True)
    dialog.file.setFilePath(str(archive))  # the dialog reads the file as it is chosen
    assert asked == [["数据/east.shp", "数据/west.shp"]]
    assert dialog._layer is not None and dialog._layer.featureCount() == 2  # west: 2 plots
    dialog._choose_layer = lambda several: None  # the user cancels: nothing chosen
    dialog._source_changed()
    assert dialog._layer is None and "east.shp" in dialog.message.text()
    dialog.deleteLater()
    store.close()

    with pytest.raises(QgsProcessingException) as refused:
        processing.run(
            "landcase:importplots",
            {"DATABASE": str(database), "INPUT": str(archive), "BATCH": "b"},
        )
    assert "several layers" in str(refused.value) or "多个图层" in str(refused.value)
    assert "east.shp" in str(refused.value) and "west.shp" in str(refused.value)
    result = processing.run(
        "landcase:importplots",
        {"DATABASE": str(database), "INPUT": f"{archive}|layername=west", "BATCH": "b"},
    )
    assert result["IMPORTED"] == 2


def test_processing_area_limit_received_date_and_field_map(tmp_path, plugin_provider):
    import processing
    from qgis.core import QgsProcessingException

    from landcase.toolbelt import settings

    database = tmp_path / "s.sqlite"
    CaseStore.create(database, 4549).close()
    source = _batch(tmp_path / "b.shp", 2)
    base = {"DATABASE": str(database), "INPUT": str(source), "BATCH": "b"}
    # each plot is 50 × 50 = 2,500 m² = 0.0025 km²: a limit of 0.002 km² refuses both
    result = processing.run("landcase:importplots", {**base, "MAX_PLOT_AREA_KM2": 0.002})
    assert (result["IMPORTED"], result["REJECTED"]) == (0, 2)
    # the setting serves when the parameter is not given
    settings.MAX_PLOT_AREA_KM2.set(0.002)
    try:
        result = processing.run("landcase:importplots", base)
        assert (result["IMPORTED"], result["REJECTED"]) == (0, 2)
    finally:
        settings.MAX_PLOT_AREA_KM2.set(10.0)
    with pytest.raises(QgsProcessingException) as refused:
        processing.run("landcase:importplots", {**base, "RECEIVED_DATE": "not a date"})
    assert "not a date" in str(refused.value)
    for text in ("[1, 2]", '"JCBH"', "3"):
        with pytest.raises(QgsProcessingException) as refused:
            processing.run("landcase:importplots", {**base, "FIELD_MAP": text})
        assert "JSON object" in str(refused.value) or "JSON 对象" in str(refused.value)
    result = processing.run("landcase:importplots", {**base, "RECEIVED_DATE": "2026/2/10"})
    assert result["IMPORTED"] == 2
    store = CaseStore.open(database)
    rows = store._db.execute("SELECT received_date FROM batch").fetchall()
    assert [tuple(row) for row in rows] == [("2026-02-10",)]
    store.close()


def test_a_damaged_database_is_named_in_words(tmp_path, plugin_provider):
    import processing
    from qgis.core import QgsProcessingException

    database = tmp_path / "s.sqlite"
    store = CaseStore.create(database, 4549)
    source = _batch(tmp_path / "b.shp", 2)
    opened = open_source(str(source))
    import_layer(store, opened.layer, opened.name, "第1批")
    store._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()
    data = bytearray(database.read_bytes())
    page = 4096
    for offset in range(page * 2, len(data), page):  # every page but the first two
        data[offset : offset + 64] = b"\xa5" * 64
    database.write_bytes(bytes(data))
    with pytest.raises(QgsProcessingException) as refused:
        processing.run(
            "landcase:importplots", {"DATABASE": str(database), "INPUT": str(source), "BATCH": "x"}
        )
    message = str(refused.value)
    assert "s.sqlite" in message
    assert "DatabaseError" not in message and "malformed" not in message
    assert DamagedDatabase.template.split("{path}")[1][:20] in message or "损坏" in message


def test_a_fifo_given_to_processing_is_refused_without_being_opened(tmp_path, plugin_provider):
    import os

    import processing
    from qgis.core import QgsProcessingException

    database = tmp_path / "s.sqlite"
    CaseStore.create(database, 4549).close()
    pipe = tmp_path / "batch.shp"
    os.mkfifo(pipe)  # opening it to read would block until a writer comes: never here
    with pytest.raises(QgsProcessingException) as refused:
        processing.run(
            "landcase:importplots", {"DATABASE": str(database), "INPUT": str(pipe), "BATCH": "b"}
        )
    assert "batch.shp" in str(refused.value)
    assert "not a regular file" in str(refused.value) or "不是普通文件" in str(refused.value)


def test_the_report_says_which_encoding_was_used_and_why(tmp_path, case_target):
    store = CaseStore.create(case_target, 4549)
    # GBK bytes under a .cpg that claims UTF-8: read as GBK, and the report says why
    source = _batch(tmp_path / "b.shp", 2, cpg="GBK")
    source.with_suffix(".cpg").write_text("UTF-8", encoding="ascii")
    opened = open_source(str(source))
    assert (opened.encoding, opened.encoding_reason) == ("GBK", "cpg UTF-8 wrong; gbk bytes")
    report = import_layer(store, opened.layer, opened.name, "第1批")
    assert {row.township for row in store.list_plots()} == {"秣陵街道"}
    lines = _csv(report.report_file)
    assert [
        "文字编码",
        "GBK",
        ".cpg 文件写的是 UTF-8，但文本字节不符合 UTF-8；改为：无可用的 .cpg，文本字节按 GBK "
        "读取常用汉字比例最高",
    ] in lines
    # the same bytes without a .cpg
    source.with_suffix(".cpg").unlink()
    opened = open_source(str(source))
    assert (opened.encoding, opened.encoding_reason) == ("GBK", "gbk bytes")
    store.close()
