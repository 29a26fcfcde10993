"""landcase:fieldpackage and landcase:mergefieldpackage in the Processing framework."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from field_day import PLOT_NUMBERS, database, spend_the_day

from landcase.cases import workflow


@pytest.fixture
def plugin_provider(qgis_iface, qgis_processing):
    import landcase

    plugin = landcase.classFactory(qgis_iface)
    plugin.initProcessing()
    yield plugin
    plugin.unload()


def test_a_package_goes_out_and_comes_back_through_processing(
    plugin_provider, case_target, tmp_path
):
    import processing

    database(case_target).close()
    out = processing.run(
        "landcase:fieldpackage",
        {
            "DATABASE": case_target,
            "FILTER": '"id" IN (1, 3, 4)',  # 4 is 已判定: not due, left out
            "ASSIGNEE": "张三",
            "OUTPUT_FOLDER": str(tmp_path / "out"),
        },
    )
    assert out["PLOTS"] == 2 and Path(out["ZIP"]).is_file()
    spend_the_day(Path(out["PACKAGE"]))
    back = processing.run(
        "landcase:mergefieldpackage", {"DATABASE": case_target, "INPUT": out["PACKAGE"]}
    )
    assert (back["VERIFICATIONS"], back["REINSPECTIONS"], back["PHOTOS"]) == (1, 1, 2)
    assert (back["CLUES"], back["CONFLICTS"], back["MISSING_PHOTOS"]) == (1, 0, 0)
    report = json.loads(Path(back["REPORT"]).read_text(encoding="utf-8"))
    assert Path(back["REPORT"]).parent == Path(out["PACKAGE"])  # beside the package
    not_out = {o["subject"] for o in report["outcomes"] if o["result"] == "not_in_package"}
    assert not_out == {PLOT_NUMBERS[1], PLOT_NUMBERS[4], PLOT_NUMBERS[5]}
    from landcase.cases import CaseStore

    store = CaseStore.open(case_target)
    try:
        assert workflow.case_state(store, 1).status == "已核查"
        assert workflow.case_state(store, 3).status == "待复核"
        assert workflow.case_state(store, 2).status == "待核查"
    finally:
        store.close()
    # the zip holds the package as it went out: merging it finds nothing new to write
    again = processing.run(
        "landcase:mergefieldpackage",
        {"DATABASE": case_target, "INPUT": out["ZIP"], "REPORT_FOLDER": str(tmp_path / "r")},
    )
    assert (again["VERIFICATIONS"], again["PHOTOS"], again["CLUES"]) == (0, 0, 0)
    assert Path(again["REPORT_CSV"]).parent == tmp_path / "r"


def test_a_folder_that_is_no_package_is_named(plugin_provider, tmp_path):
    import processing
    from qgis.core import QgsProcessingException

    database(str(tmp_path / "s.sqlite")).close()
    (tmp_path / "empty").mkdir()
    with pytest.raises(QgsProcessingException, match="field.gpkg"):
        processing.run(
            "landcase:mergefieldpackage",
            {"DATABASE": str(tmp_path / "s.sqlite"), "INPUT": str(tmp_path / "empty")},
        )
