"""landcase:createdatabase in the Processing framework and headless with qgis_process."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from helpers import file_digest, qgis_subprocess_env, small_database
from landcase.cases import CaseStore

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
from qgis_profile import make_profile  # noqa: E402


@pytest.fixture
def plugin_provider(qgis_iface, qgis_processing):
    import landcase

    plugin = landcase.classFactory(qgis_iface)
    plugin.initProcessing()
    yield plugin
    plugin.unload()


def test_createdatabase_in_processing(plugin_provider, tmp_path):
    import processing

    result = processing.run(
        "landcase:createdatabase", {"OUTPUT": str(tmp_path / "a.sqlite"), "CRS": "EPSG:4544"}
    )
    assert result["CRS"] == "EPSG:4544"
    store = CaseStore.open(result["OUTPUT"])
    assert store.srid == 4544 and store.plot_count() == 0


def test_createdatabase_refuses_a_geographic_crs_and_an_existing_file(plugin_provider, tmp_path):
    import processing
    from qgis.core import QgsProcessingException

    with pytest.raises(QgsProcessingException, match="4490"):
        processing.run(
            "landcase:createdatabase", {"OUTPUT": str(tmp_path / "g.sqlite"), "CRS": "EPSG:4490"}
        )
    existing = tmp_path / "kept.sqlite"
    small_database(existing, plots=3).close()
    before = file_digest(existing)
    with pytest.raises(QgsProcessingException, match="already exists"):
        processing.run("landcase:createdatabase", {"OUTPUT": str(existing), "CRS": "EPSG:4549"})
    assert file_digest(existing) == before


@pytest.fixture(scope="module")
def headless_profile(tmp_path_factory) -> Path:
    profiles = tmp_path_factory.mktemp("qgis-process")
    make_profile(profiles, name="default", enable=False)  # enabled below, as a user would
    return profiles


def _qgis_process(profiles: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        ["qgis_process.bin", *args],
        env=qgis_subprocess_env(profiles),
        capture_output=True,
        text=True,
        timeout=180,
    )


def test_createdatabase_headless_with_qgis_process(headless_profile, tmp_path):
    enabled = _qgis_process(headless_profile, "plugins", "enable", "landcase")
    assert enabled.returncode == 0, enabled.stderr
    listed = _qgis_process(headless_profile, "list")
    assert "landcase:createdatabase" in listed.stdout, listed.stderr

    output = tmp_path / "headless.sqlite"
    result = _qgis_process(
        headless_profile,
        "run",
        "landcase:createdatabase",
        "--",
        f"OUTPUT={output}",
        "CRS=EPSG:4551",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert CaseStore.open(output).srid == 4551

    refused = _qgis_process(
        headless_profile,
        "run",
        "landcase:createdatabase",
        "--",
        f"OUTPUT={output}",
        "CRS=EPSG:4551",
    )
    assert refused.returncode != 0
    assert "already exists" in refused.stdout + refused.stderr


def test_importplots_headless_with_qgis_process(headless_profile, demo_sample, case_target):
    _qgis_process(headless_profile, "plugins", "enable", "landcase")
    database = case_target
    CaseStore.create(database, 4549).close()
    shapefile = demo_sample / "batch" / "wpzf_2026_01.shp"
    run = _qgis_process(
        headless_profile,
        "--json",
        "run",
        "landcase:importplots",
        "--",
        f"DATABASE={database}",
        f"INPUT={shapefile}",
        "BATCH=2026年第1批部卫片",
        "RECEIVED_DATE=2026-02-10",
    )
    assert run.returncode == 0, run.stdout[-2000:] + run.stderr[-2000:]
    import json

    results = json.loads(run.stdout)["results"]
    expected = json.loads((demo_sample / "batch" / "expected.json").read_text(encoding="utf-8"))
    assert results["DUPLICATES"] == len(expected["duplicates"])
    assert results["REPAIRED"] == len(expected["invalid"])
    assert results["OVERLAPS"] == len(expected["overlapping"])
    store = CaseStore.open(database)
    assert store.plot_count() == results["IMPORTED"] > 400
    assert Path(results["REPORT"]).exists()
    again = _qgis_process(
        headless_profile,
        "--json",
        "run",
        "landcase:importplots",
        "--",
        f"DATABASE={database}",
        f"INPUT={shapefile}",
        "BATCH=2026年第1批部卫片",
    )
    assert json.loads(again.stdout)["results"]["IMPORTED"] == 0
    assert store.plot_count() == results["IMPORTED"]


def test_importplots_refuses_a_bad_field_map_and_stores_nothing(
    plugin_provider, demo_sample, tmp_path
):
    import processing
    from qgis.core import QgsProcessingException

    database = tmp_path / "station.sqlite"
    CaseStore.create(database, 4549).close()
    with pytest.raises(QgsProcessingException, match="NOPE"):
        processing.run(
            "landcase:importplots",
            {
                "DATABASE": str(database),
                "INPUT": str(demo_sample / "batch" / "wpzf_2026_01.shp"),
                "BATCH": "b",
                "FIELD_MAP": '{"jcbh": "NOPE"}',
            },
        )
    store = CaseStore.open(database)
    assert store.plot_count() == 0 and store.batch_id("b") is None


def test_verificationreports_headless_with_a_filter(headless_profile, tmp_path):
    _qgis_process(headless_profile, "plugins", "enable", "landcase")
    database = tmp_path / "station.sqlite"
    store = small_database(database, plots=3)
    wanted = store.list_plots()[1].jcbh
    store.close()
    out = tmp_path / "pdf"
    run = _qgis_process(
        headless_profile,
        "--json",
        "run",
        "landcase:verificationreports",
        "--",
        f"DATABASE={database}",
        f"FILTER=\"jcbh\" = '{wanted}'",
        f"OUTPUT_FOLDER={out}",
    )
    assert run.returncode == 0, run.stdout[-2000:] + run.stderr[-2000:]
    import json

    assert json.loads(run.stdout)["results"]["BUILT"] == 1
    assert [p.name for p in out.glob("*.pdf")] == [f"{wanted}_核查报告.pdf"]
    again = _qgis_process(
        headless_profile,
        "--json",
        "run",
        "landcase:verificationreports",
        "--",
        f"DATABASE={database}",
        f"FILTER=\"jcbh\" = '{wanted}'",
        f"OUTPUT_FOLDER={out}",
    )
    assert json.loads(again.stdout)["results"]["UNCHANGED"] == 1


def test_a_bad_filter_is_named(plugin_provider, tmp_path):
    import processing
    from qgis.core import QgsProcessingException

    database = tmp_path / "station.sqlite"
    small_database(database, plots=1).close()
    with pytest.raises(QgsProcessingException, match="no_such_field"):
        processing.run(
            "landcase:dossiers",
            {
                "DATABASE": str(database),
                "FILTER": "no_such_field = 1",
                "OUTPUT_FOLDER": str(tmp_path / "o"),
            },
        )


def test_holiday_ranges_are_entered_day_by_day_and_bad_ones_named():
    from qgis.core import QgsProcessingException

    from landcase.plugin.processing.holiday_calendar import parse_days

    assert parse_days("2027-02-10..2027-02-12 holiday 春节\n\n2027-02-07 workday 春节调休") == [
        ("2027-02-10", "holiday", "春节"),
        ("2027-02-11", "holiday", "春节"),
        ("2027-02-12", "holiday", "春节"),
        ("2027-02-07", "workday", "春节调休"),
    ]
    for bad, reason in (
        ("2027-02-12..2027-02-10 holiday 春节", "forward"),
        ("2027-01-01..2027-03-01 holiday 寒假", "31 days"),
        ("2027-02-10..2027-13-01 holiday 春节", "2027-02-10..2027-02-17"),
        ("2027-02-10", "holiday or workday"),
        ("2027-02-06x holiday 春节", "not a date"),
    ):
        with pytest.raises(QgsProcessingException, match=reason):
            parse_days(bad)


def test_holiday_calendar_for_a_year_the_package_does_not_know(plugin_provider, tmp_path):
    import processing

    from landcase.cases.calendar import add_working_days

    database = tmp_path / "station.sqlite"
    small_database(database, plots=1).close()
    result = processing.run(
        "landcase:holidaycalendar",
        {
            "DATABASE": str(database),
            "DAYS": "2027-01-01..2027-01-03 holiday 元旦\n2027-02-06 workday 春节调休",
        },
    )
    assert result["DAYS_ENTERED"] == 4
    store = CaseStore.open(database)
    # Thursday 2026-12-31 + 1 working day skips the 元旦 holiday (Fri 1 Jan) and the weekend
    assert add_working_days(store, "2026-12-31", 1).isoformat() == "2027-01-04"
    assert add_working_days(store, "2027-02-05", 1).isoformat() == "2027-02-06"  # a Saturday


def test_importplots_field_map_takes_national_names_and_lists_them(
    plugin_provider, demo_sample, tmp_path
):
    import processing
    from qgis.core import QgsApplication, QgsProcessingException

    algorithm = QgsApplication.processingRegistry().algorithmById("landcase:importplots")
    help_text = algorithm.shortHelpString()
    assert "jcbh = JCBH, 监测编号" in help_text and "jcmj = JCMJ, 监测面积" in help_text
    assert "xzqdm = XZQDM, 行政区代码" in help_text and "jcmj_unit" in help_text

    database = tmp_path / "station.sqlite"
    CaseStore.create(database, 4549).close()
    source = str(demo_sample / "batch" / "wpzf_2026_01.shp")
    with pytest.raises(QgsProcessingException) as raised:
        processing.run(
            "landcase:importplots",
            {
                "DATABASE": str(database),
                "INPUT": source,
                "BATCH": "b",
                "FIELD_MAP": '{"BIANHAO": "JCBH"}',
            },
        )
    assert "BIANHAO" in str(raised.value) and "jcbh = JCBH, 监测编号" in str(raised.value)
    store = CaseStore.open(database)
    assert store.plot_count() == 0 and store.batch_id("b") is None
    store.close()

    result = processing.run(
        "landcase:importplots",
        {
            "DATABASE": str(database),
            "INPUT": source,
            "BATCH": "b",
            "FIELD_MAP": '{"监测编号": "JCBH", "jcmj": "JCMJ", "XZQMC": "XZQMC", "面积单位": "亩"}',
        },
    )
    store = CaseStore.open(database)
    assert result["IMPORTED"] == store.plot_count() > 400
    units = {row[0] for row in store._db.execute("SELECT DISTINCT jcmj_unit FROM plot")}
    assert units == {"亩"}  # the unit given in FIELD_MAP, stored on each plot


def test_importplots_refuses_another_zone_unless_allowed(plugin_provider, tmp_path):
    import processing
    from qgis.core import QgsProcessingException
    from test_zones import _lonlat_square, _write

    database = tmp_path / "station.sqlite"
    CaseStore.create(database, 4549).close()
    # 136°E is 16° east of the database's meridian 120°E; 136 / 3 = 45.3 → meridian 135°E,
    # EPSG:4534 + (135 − 75) / 3 = EPSG:4554
    far = _write(tmp_path / "far.shp", 4490, [("F-1", _lonlat_square(136.0, 35.0))])
    with pytest.raises(QgsProcessingException) as raised:
        processing.run(
            "landcase:importplots", {"DATABASE": str(database), "INPUT": str(far), "BATCH": "远"}
        )
    assert "EPSG:4554 (中央经线 135°)" in str(raised.value)
    # 122.5°E: outside 118–122°E, fits meridian 123°E (EPSG:4550), still holdable in 4549
    near = _write(
        tmp_path / "near.shp",
        4490,
        [("N-1", _lonlat_square(120.0, 30.0)), ("N-2", _lonlat_square(122.5, 30.0))],
    )
    refused = processing.run(
        "landcase:importplots", {"DATABASE": str(database), "INPUT": str(near), "BATCH": "近"}
    )
    assert refused["IMPORTED"] == 1 and refused["REJECTED"] == 1
    assert "EPSG:4550 (中央经线 123°)" in refused["NOTES"]
    allowed = processing.run(
        "landcase:importplots",
        {"DATABASE": str(database), "INPUT": str(near), "BATCH": "近", "ALLOW_OTHER_ZONE": True},
    )
    assert allowed["IMPORTED"] == 1 and allowed["REJECTED"] == 0  # N-1 is already stored
    store = CaseStore.open(database)
    assert {row.jcbh for row in store.list_plots()} == {"N-1", "N-2"}
    assert store.batch_names() == ["近"]


def test_createdatabase_without_crs_says_which_it_chose_and_why(plugin_provider, tmp_path):
    import processing

    # centre of 103.9–104.2°E is 104.05°E; 104.05 / 3 = 34.68 → meridian 35 × 3 = 105°E,
    # EPSG:4534 + (105 − 75) / 3 = EPSG:4544
    result = processing.run(
        "landcase:createdatabase",
        {"OUTPUT": str(tmp_path / "c.sqlite"), "EXTENT": "103.9,104.2,30.5,30.8 [EPSG:4326]"},
    )
    assert result["CRS"] == "EPSG:4544" and CaseStore.open(result["OUTPUT"]).srid == 4544
    assert result["CRS_REASON"] == (
        "EPSG:4544 (中央经线 105°): the zone of the extent given, whose centre lies at 104.05°E"
    )


def test_createdatabase_headless_without_crs_reports_the_default(headless_profile, tmp_path):
    import json

    _qgis_process(headless_profile, "plugins", "enable", "landcase")
    output = tmp_path / "default.sqlite"
    run = _qgis_process(
        headless_profile, "--json", "run", "landcase:createdatabase", "--", f"OUTPUT={output}"
    )
    assert run.returncode == 0, run.stdout[-2000:] + run.stderr[-2000:]
    results = json.loads(run.stdout)["results"]
    assert results["CRS"] == "EPSG:4549" and CaseStore.open(output).srid == 4549
    assert results["CRS_REASON"].startswith("EPSG:4549 (中央经线 120°): the default zone")
    log = json.loads(run.stdout)["log"]["info"]
    assert (
        log[0] == "EPSG:4549 (中央经线 120°): the default zone: no CRS, extent or project was given"
    )
