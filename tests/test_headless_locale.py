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


def test_statistics_and_close_out_say_what_they_left_out_in_chinese(chinese_profile, tmp_path):
    """Issue 11: a PERIOD or a filter that leaves plots out is said, with how many and why,
    in the profile's language."""
    from helpers import new_plot, small_database
    from landcase.cases import workflow as wf

    store = small_database(tmp_path / "county.sqlite", plots=2)  # batch received 2026-02-01
    april = store.add_batch("2026年第4批部卫片", received_date="2026-04-06")
    store.add_plots([new_plot(5, jcbh="320100202604001")], april)
    first = next(r.plot_id for r in store.list_plots() if r.jcbh == "320100202601000")
    wf.record_verification(
        store, first, "已建成", construction_date="2026-01", verifier="李", verified_on="2026-02-10"
    )
    wf.determine(store, first, "违法", "厂房", decided_by="王", decided_on="2026-02-12")
    store.close()
    run = _qgis_process(
        chinese_profile,
        "run",
        "landcase:monthlystatistics",
        "--",
        f"DATABASE={tmp_path / 'county.sqlite'}",
        "PERIOD=2026-02",
        "TODAY=2026-03-01",
        f"OUTPUT_XLSX={tmp_path / 'm.xlsx'}",
    )
    assert run.returncode == 0, run.stdout + run.stderr
    # 3 plots in the database, 2 registered in February (batch received 2026-02-01): 1 left out
    assert "2026年2月：共 2 个图斑，违法 1 宗" in run.stdout, run.stdout
    assert "数据库 3 个图斑中有 1 个未计入按登记统计的各表" in run.stdout, run.stdout
    assert "not counted" not in run.stdout
    run = _qgis_process(
        chinese_profile,
        "run",
        "landcase:closeoutreports",
        "--",
        f"DATABASE={tmp_path / 'county.sqlite'}",
        "FILTER=\"jcbh\" <> '320100202604001'",
        f"OUTPUT_FOLDER={tmp_path / 'out'}",
    )
    assert run.returncode == 0, run.stdout + run.stderr
    # the filter leaves 1 of 3 out; of the 2 selected none is closed out (销号)
    assert "数据库 3 个图斑中有 1 个被筛选条件" in run.stdout, run.stdout
    assert "2 个图斑未打印" in run.stdout and "尚未销号" in run.stdout, run.stdout
    assert "SKIPPED:\t2" in run.stdout
