"""End to end in the real QGIS desktop under Xvfb: the plugin enabled in a profile of our
own, the demo database opened, the dock and the layer checked from inside QGIS, and a
screenshot saved to tests/artifacts/."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import qgis_subprocess_env

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
from qgis_profile import make_profile  # noqa: E402

pytestmark = pytest.mark.desktop


def test_qgis_desktop_demo_and_import_through_the_dock(
    demo_database, demo_sample, artifacts, tmp_path
):
    """Issue 2: the dock lists the demo plots over the styled layer. Issue 3: a batch
    imported through the dock's button and dialog, the report shown over the panel."""
    assert shutil.which("xvfb-run") and shutil.which("qgis"), "make test installs xvfb and qgis"
    from landcase.cases import CaseStore

    profiles = tmp_path / "profiles"
    make_profile(profiles, locale="zh-Hans")
    empty = tmp_path / "station.sqlite"
    CaseStore.create(empty, 4549).close()
    result_file = tmp_path / "result.json"
    for name in ("desktop_demo.png", "desktop_import.png", "desktop_verification.png"):
        (artifacts / name).unlink(missing_ok=True)
    env = qgis_subprocess_env(profiles)
    env.pop("QT_QPA_PLATFORM", None)  # a real X server this time (Xvfb)
    env.update(
        LANDCASE_DEMO=str(demo_database),
        LANDCASE_E2E_OUT=str(result_file),
        LANDCASE_E2E_SCREENSHOTS=str(artifacts),
        LANDCASE_E2E_EMPTY=str(empty),
        LANDCASE_E2E_BATCH=str(demo_sample / "batch" / "wpzf_2026_01.shp"),
        LANDCASE_E2E_TESTS=str(ROOT / "tests"),
    )
    run = subprocess.run(
        [
            "xvfb-run",
            "-a",
            "-s",
            "-screen 0 1600x1000x24",
            "qgis",
            "--profiles-path",
            str(profiles),
            "--profile",
            "landcase",
            "--nologo",
            "--noversioncheck",
            "--code",
            str(ROOT / "tests" / "desktop" / "check_in_qgis.py"),
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result_file.exists(), (
        f"QGIS wrote no result (exit {run.returncode}):\n{run.stderr[-3000:]}"
    )
    result = json.loads(result_file.read_text(encoding="utf-8"))
    assert result["ok"], result.get("error") or result

    # issue 2: the plugin, its dock and the demo
    assert result["loaded_at_start"]
    one_of_each = {"menus": 1, "menu_objects": 1, "toolbars": 1, "docks": 1, "provider": True}
    assert result["after_reloads"] == one_of_each
    assert result["ui_after_event_loop"] == one_of_each
    assert result["plots_in_database"] > 400
    assert result["dock_rows"] == result["plots_in_database"]
    assert result["dock_visible"]
    assert result["dock_title"] == "卫片执法案件"  # QGIS in Chinese: the plugin follows
    names = {name: (provider, count) for name, provider, count in result["group_layers"]}
    assert names["图斑"] == ("spatialite", result["plots_in_database"])
    assert names["案件"][0] == "spatialite"
    assert result["renderer"] == "categorizedSymbol"
    assert len(result["selected_on_map"]) == 1
    assert 400 <= result["zoomed_width_m"] < 2_000  # the plot with its surroundings
    assert result["screenshot_demo"] and (artifacts / "desktop_demo.png").stat().st_size > 50_000

    # issue 3: the import through the dock
    assert result["empty_rows"] == 0
    assert result["import_dialog"] == "ImportDialog"
    assert result["import_dialog_mapping"]["jcbh"] == "JCBH"
    assert (
        "GBK" in result["import_dialog_encoding"] or "GB18030" in result["import_dialog_encoding"]
    )
    expected = json.loads((demo_sample / "batch" / "expected.json").read_text(encoding="utf-8"))
    imported = expected["records"] - len(expected["duplicates"]) - len(expected["degenerate"])
    assert result["imported_in_database"] == result["imported_rows_in_dock"] == imported
    assert result["report_visible"] and "2026年第1批部卫片" in result["report_summary"]
    # issue 11: the issued JCMJ is checked against the geometry. The sample computes JCMJ
    # with the planar area of the ring as drawn: for its bow ties (all invalid plots but the
    # spiked one) the two lobes cancel, so their JCMJ is far from the repaired plot's area.
    mismatches = result["report_area_mismatches"]
    assert set(mismatches) <= set(expected["invalid"])
    assert len(mismatches) == len(expected["invalid"]) - 1
    assert result["report_rows"] == (
        len(expected["invalid"])
        + len(expected["duplicates"])
        + len(expected["degenerate"])
        + len(expected["overlapping"])
        + len(mismatches)
    )
    assert (
        result["screenshot_import"] and (artifacts / "desktop_import.png").stat().st_size > 50_000
    )

    # issue 4: a verification with a geotagged photo, recorded in the case dialog
    assert result["verification_status"] == "已核查", result["verification_message"]
    assert result["panel_status"] == "已核查"  # the panel follows
    assert len(result["map_selection_after"]) == 1  # and the map keeps the plot selected
    assert result["dialog_photos"] == 1 and result["photo_layer_features"] == 1
    assert (artifacts / "desktop_verification.png").stat().st_size > 50_000

    # the settings: QGIS's Options dialog opened at LandCase's page
    assert result["settings_dialog"] == "QgsOptionsBase"  # QGIS's Options dialog
    page = result["settings_page"]
    assert page["visible"] and page["unit"] == "青山县自然资源局青山所"  # through QgsSettings
    assert "wqy" in page["font_status"].lower()  # the report font found on the system
    assert (artifacts / "desktop_settings.png").stat().st_size > 50_000
