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


def test_qgis_desktop_opens_the_demo_with_the_dock_and_styled_layer(
    demo_database, artifacts, tmp_path
):
    assert shutil.which("xvfb-run") and shutil.which("qgis"), "make test installs xvfb and qgis"
    profiles = tmp_path / "profiles"
    make_profile(profiles, locale="zh-Hans")
    result_file = tmp_path / "result.json"
    screenshot = artifacts / "desktop_demo.png"
    screenshot.unlink(missing_ok=True)
    env = qgis_subprocess_env(profiles)
    env.pop("QT_QPA_PLATFORM", None)  # a real X server this time (Xvfb)
    env.update(
        LANDCASE_DEMO=str(demo_database),
        LANDCASE_E2E_OUT=str(result_file),
        LANDCASE_E2E_SCREENSHOT=str(screenshot),
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
    assert result["ok"], result.get("error")
    assert result["loaded_at_start"]
    assert result["after_reloads"] == {
        "menus": 1,
        "menu_objects": 1,
        "toolbars": 1,
        "docks": 1,
        "provider": True,
    }
    assert result["ui_at_end"] == result["after_reloads"]
    assert result["plots_in_database"] > 400
    assert result["dock_rows"] == result["plots_in_database"]
    assert result["dock_visible"]
    assert result["dock_title"] == "卫片执法案件"  # QGIS in Chinese: the plugin follows
    names = {name: (provider, count) for name, provider, count in result["group_layers"]}
    assert names["图斑"] == ("spatialite", result["plots_in_database"])
    assert names["案件"][0] == "spatialite"
    assert result["renderer"] == "categorizedSymbol"
    assert len(result["selected_on_map"]) == 1
    assert 400 <= result["zoomed_width_m"] < 20_000  # the plot with its surroundings
    assert result["screenshot"] and screenshot.stat().st_size > 50_000
