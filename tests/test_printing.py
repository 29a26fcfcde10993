"""Printing documents from a real case database: models filled from the case, maps drawn
through QGIS, PDFs read back with poppler, their hashes stored on the case."""

from __future__ import annotations

import hashlib
import subprocess

import pytest
from photo_files import make_photo

from helpers import small_database, square
from landcase.cases import workflow
from landcase.cases.case_file import documents
from landcase.cases.photos import add_photos
from landcase.plugin.printing import CLOSEOUT, DOSSIER, VERIFICATION, print_documents


def _text(pdf, page=None) -> str:
    args = ["pdftotext", "-layout"] + (["-f", str(page), "-l", str(page)] if page else [])
    return subprocess.run(args + [str(pdf), "-"], capture_output=True, text=True, check=True).stdout


@pytest.fixture
def station(qgis_app, demo_sample, tmp_path, case_target):
    store = small_database(case_target, plots=2)
    county = demo_sample / "county.gpkg"
    store.set_layer_role(
        "landuse", f"{county}|layername=dltb", "ogr", {"code": "DLBM", "name": "DLMC"}
    )
    first, second = (row.plot_id for row in store.list_plots())
    centre = square(0).centroid
    add_photos(
        store,
        first,
        [make_photo(tmp_path / "p" / "现场.jpg", xy=(centre.x, centre.y), direction=90)],
    )
    workflow.record_verification(
        store,
        first,
        "已建成",
        land_user="某某公司",
        construction_date="2026-01",
        verifier="李核查",
        verified_on="2026-02-10",
    )
    workflow.determine(store, first, "违法", "厂房", decided_by="王判定", decided_on="2026-02-12")
    workflow.file_case(store, first, "青国土立〔2026〕3号", "2026-02-15")
    workflow.start_rectification(store, first, ["拆除复耕"], "2026-02-20")
    workflow.record_reinspection(
        store,
        first,
        "整改到位",
        "2026-04-01",
        "赵复核",
        demolished_area_m2=1600,
        restored_area_m2=1600,
    )
    workflow.close_out(store, first, "2026-04-05", "钱销号")
    yield store, first, second
    store.close()


def test_verification_report_is_printed_once_and_again_when_the_case_changes(station, tmp_path):
    store, first, second = station
    out = tmp_path / "reports"
    printed = print_documents(store, [first, second], VERIFICATION, out)
    assert [p.built for p in printed] == [True, True]
    pdf = printed[0].path
    assert pdf.name == f"{printed[0].jcbh}_核查报告.pdf"
    text = _text(pdf)
    assert printed[0].jcbh in text and "某某公司" in text and "违法" in text
    assert "1600.00" in text and "2.40" in text  # 40 m × 40 m = 1600 m² = 2.40 亩
    stored = documents(store, first)
    assert stored[-1]["file_sha256"] == hashlib.sha256(pdf.read_bytes()).hexdigest()
    assert stored[-1]["pages"] == printed[0].pages >= 2
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True).stdout
    assert "yes yes" in fonts.replace("  ", " ") or "TrueType" in fonts
    # nothing changed: the files are left as they are
    again = print_documents(store, [first, second], VERIFICATION, out)
    assert [p.built for p in again] == [False, False]
    # the second plot gets a verification: only its report is made again
    workflow.record_verification(
        store, second, "未动工", verifier="李核查", verified_on="2026-02-11"
    )
    third = print_documents(store, [first, second], VERIFICATION, out)
    assert [p.built for p in third] == [False, True]


def test_closeout_report_and_dossier(station, tmp_path):
    store, first, second = station
    out = tmp_path / "reports"
    [closeout] = print_documents(store, [first], CLOSEOUT, out)
    text = _text(closeout.path)
    assert "钱销号" in text and "整改到位" in text and "青国土立" in text
    # one volume per case by default (issue 11); several in one volume only when asked
    dossier, other = print_documents(store, [first, second], DOSSIER, out, unit="青山所")
    assert dossier.built and dossier.pages >= 6
    assert other.built and other.path != dossier.path
    contents = _text(dossier.path, page=2)
    assert "卷内目录" in contents.replace(" ", "")
    [volume] = print_documents(store, [first, second], DOSSIER, out, unit="青山所", one_volume=True)
    assert volume.path.name.endswith("_等2个_卷宗.pdf")
    assert {d["kind"] for d in documents(store, first)} == {"销号报告", "卷宗"}


def test_a_printed_page_shows_the_case(station, tmp_path, artifacts):
    store, first, _ = station
    [printed] = print_documents(store, [first], VERIFICATION, tmp_path / "r")
    subprocess.run(
        [
            "pdftoppm",
            "-r",
            "70",
            "-png",
            str(printed.path),
            str(artifacts / "printed_verification"),
        ],
        check=True,
    )
    qr = subprocess.run(
        ["sh", "-c", f"pdftoppm -r 200 -f 1 -l 1 -png '{printed.path}' | zbarimg --raw -q -"],
        capture_output=True,
        text=True,
    ).stdout.strip()
    assert qr.startswith(f"LANDCASE|{printed.jcbh}|")
    assert qr.split("|")[2] == documents(store, first)[-1]["case_hash"]


def test_printing_runs_as_a_background_task_from_the_panel(
    qgis_iface, qgis_new_project, station, tmp_path, monkeypatch
):
    import time

    from qgis.core import QgsApplication
    from qgis.PyQt.QtWidgets import QDialog

    import landcase
    from landcase.forms.print_dialog import PrintDialog

    store, first, second = station
    plugin = landcase.classFactory(qgis_iface)
    plugin.initGui()
    try:
        plugin.open_database(store.location)
        plugin.dock.table.selectRow(0)
        out = tmp_path / "printed"

        def accept(dialog):
            dialog.folder.setFilePath(str(out))
            return QDialog.DialogCode.Accepted

        monkeypatch.setattr(PrintDialog, "exec", accept)
        task = plugin.print_documents()
        assert task is not None, qgis_iface.messageBar().messages
        assert task.plot_ids == [first]
        deadline = time.time() + 60
        while plugin.print_task is not None and time.time() < deadline:
            QgsApplication.processEvents()
            time.sleep(0.05)
        assert task.error is None and [p.built for p in task.printed] == [True]
        assert (out / f"{task.printed[0].jcbh}_核查报告.pdf").exists()
    finally:
        plugin.unload()


def test_close_out_reports_only_for_closed_cases(station, tmp_path):
    store, first, second = station
    printed = print_documents(store, [first, second], CLOSEOUT, tmp_path / "c")
    assert [p.jcbh for p in printed] == [store.list_plots()[0].jcbh]


def test_the_desktop_says_which_plots_it_left_out_and_offers_one_volume(
    qgis_iface, qgis_new_project, station, tmp_path, monkeypatch
):
    import time

    from qgis.core import QgsApplication
    from qgis.PyQt.QtWidgets import QDialog

    import landcase
    from landcase.forms.print_dialog import PrintDialog

    store, first, second = station
    dialog = PrintDialog([first], [first, second])
    assert not dialog.one_volume.isEnabled()  # 核查报告: one report per plot
    dialog.kind.setCurrentText(DOSSIER)
    assert dialog.one_volume.isEnabled() and not dialog.bind_in_one_volume()
    dialog.one_volume.setChecked(True)
    assert dialog.bind_in_one_volume()
    dialog.kind.setCurrentText(CLOSEOUT)
    assert not dialog.bind_in_one_volume()
    dialog.deleteLater()

    plugin = landcase.classFactory(qgis_iface)
    plugin.initGui()
    try:
        plugin.open_database(store.location)

        def accept(dialog):
            dialog.kind.setCurrentText(CLOSEOUT)
            dialog.all_shown.setChecked(True)
            dialog.folder.setFilePath(str(tmp_path / "desk"))
            return QDialog.DialogCode.Accepted

        monkeypatch.setattr(PrintDialog, "exec", accept)
        task = plugin.print_documents()
        deadline = time.time() + 60
        while plugin.print_task is not None and time.time() < deadline:
            QgsApplication.processEvents()
            time.sleep(0.05)
        assert task.error is None and len(task.printed) == 1
        texts = [t for level in qgis_iface.messageBar().messages.values() for t in level]
        second_jcbh = [r.jcbh for r in store.list_plots() if r.plot_id == second][0]
        # the second plot is only registered: it has no close-out report, and the
        # message says so, with its number
        assert any(
            "1 个图斑未打印" in t and "尚未销号（状态：待核查" in t and second_jcbh in t
            for t in texts
        ), texts
    finally:
        plugin.unload()
