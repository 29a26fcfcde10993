"""Headless runs follow the QGIS locale: qgis_process loads only the Processing provider
(no initGui), and the provider installs the translation for the profile's locale itself,
shared with the plugin's (one translator, removed by the last user)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from helpers import qgis_subprocess_env

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
from qgis_profile import make_profile  # noqa: E402


def _qgis_process(profiles: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        ["qgis_process.bin", *args],
        env=qgis_subprocess_env(profiles),
        capture_output=True,
        text=True,
        timeout=180,
    )


@pytest.fixture(scope="module")
def chinese_profile(tmp_path_factory) -> Path:
    """A profile folder whose QGIS locale is set to zh_CN (locale/overrideFlag=true,
    locale/userLocale=zh_CN), the plugin enabled the way a user enables it headless."""
    profiles = tmp_path_factory.mktemp("qgis-process-zh")
    make_profile(profiles, locale="zh_CN", name="default", enable=False)
    enabled = _qgis_process(profiles, "plugins", "enable", "landcase")
    assert enabled.returncode == 0, enabled.stderr
    return profiles


def test_a_refusal_is_in_chinese_for_a_zh_cn_profile(chinese_profile, tmp_path):
    target = tmp_path / "g.sqlite"
    run = _qgis_process(
        chinese_profile,
        "run",
        "landcase:createdatabase",
        "--",
        f"OUTPUT={target}",
        "CRS=EPSG:4490",
    )
    output = run.stdout + run.stderr
    assert run.returncode != 0 and not target.exists()
    # the error, translated (English: "EPSG:4490 is not a CGCS2000 3-degree Gauss-Krüger
    # CRS …"), refused before anything is created
    assert "EPSG:4490 不是 CGCS2000 3 度带高斯-克吕格投影坐标系" in output, output
    assert "is not a CGCS2000" not in output and "ValueError" not in output, output
    # and the feedback of a run that goes through (English: "Creating … in EPSG:4549")
    run = _qgis_process(
        chinese_profile,
        "run",
        "landcase:createdatabase",
        "--",
        f"OUTPUT={target}",
        "CRS=EPSG:4549",
    )
    assert run.returncode == 0, run.stdout + run.stderr
    assert f"正在新建 {target}，坐标系 EPSG:4549" in run.stdout, run.stdout


def test_the_help_is_in_chinese_for_a_zh_cn_profile(chinese_profile):
    run = _qgis_process(chinese_profile, "help", "landcase:createdatabase")
    assert run.returncode == 0, run.stderr
    assert "新建案件库 (landcase:createdatabase)" in run.stdout
    assert "新建一个空的 LandCase 案件库（SpatiaLite）" in run.stdout
    assert "Creates an empty" not in run.stdout


def test_the_plugin_and_its_provider_share_one_translator(qgis_app):
    from landcase.plugin.processing.provider import LandCaseProvider
    from landcase.toolbelt.i18n import install_translator, remove_translator, tr

    plugin_translator = install_translator("zh_CN")  # as initGui does
    provider = LandCaseProvider()
    provider._translator = install_translator("zh_CN")  # as load() does, for this locale
    try:
        assert provider._translator is plugin_translator  # installed once
        remove_translator(plugin_translator)  # the plugin unloads first
        assert tr("Plots") == "图斑"  # the provider still needs it
    finally:
        provider.unload()
    assert tr("Plots") == "Plots"
