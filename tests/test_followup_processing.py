"""landcase:importproblemlist, landcase:importfeedback and landcase:schedulerevisits in the
Processing framework, on both backends."""

from __future__ import annotations

import pytest
from closed_cases import close_out
from qgis.core import QgsProcessingException

from helpers import small_database
from landcase.cases import CaseStore, feedback, problem_items, revisits, workflow


@pytest.fixture
def plugin_provider(qgis_iface, qgis_processing):
    import landcase

    plugin = landcase.classFactory(qgis_iface)
    plugin.initProcessing()
    yield plugin
    plugin.unload()


@pytest.fixture
def database(case_target):
    store = small_database(case_target, plots=3)
    close_out(store, 1, "2026-05-31")
    close_out(store, 2, "2026-06-30")
    store.close()
    return case_target


def test_a_problem_list_and_the_citys_feedback_through_processing(
    plugin_provider, database, tmp_path
):
    import processing

    sheet = tmp_path / "巡察清单.csv"
    sheet.write_text(
        "序号,问题描述,列入日期,监测编号\n"
        "1,耕地上堆放建材,2026-06-01,320100202601002\n"
        "2,无日期,,\n",
        encoding="utf-8",
    )
    params = {"DATABASE": database, "INPUT": str(sheet), "LIST_NAME": "2026年巡察清单",
              "SOURCE": 2}  # fmt: skip
    result = processing.run("landcase:importproblemlist", params)
    assert (result["IMPORTED"], result["ALREADY"], result["REJECTED"]) == (1, 0, 1)
    result = processing.run("landcase:importproblemlist", params)
    assert (result["IMPORTED"], result["ALREADY"], result["REJECTED"]) == (0, 1, 1)

    questioned = tmp_path / "一下.csv"
    questioned.write_text("监测编号,意见\n320100202601000,面积有误\n", encoding="utf-8")
    result = processing.run(
        "landcase:importfeedback",
        {"DATABASE": database, "INPUT": str(questioned), "PERIOD": "2026-11",
         "RECEIVED_ON": "2026-11-25"},
    )  # fmt: skip
    assert (result["IMPORTED"], result["REJECTED"], result["UNCORRECTED"]) == (1, 0, 1)
    with CaseStore.open(database) as store:
        [item] = problem_items.list_items(store)
        assert (item.source, item.jcbh) == ("巡察", "320100202601002")
        assert [i.jcbh for i in feedback.uncorrected(store, "2026-11")] == ["320100202601000"]
    with pytest.raises(QgsProcessingException, match="YYYY-MM"):
        processing.run(
            "landcase:importfeedback",
            {"DATABASE": database, "INPUT": str(questioned), "PERIOD": "11月"},
        )


def test_schedulerevisits_schedules_the_station_visits_and_a_campaign(plugin_provider, database):
    import processing

    result = processing.run(
        "landcase:schedulerevisits",
        {"DATABASE": database, "JCBH": "320100202601000, 320100202601002", "MONTHS": "2,4"},
    )
    # plot 3 (…002) is not closed out; plot 1 gets 2 and 4 months after 2026-05-31
    assert (result["SCHEDULED"], result["SKIPPED"]) == (2, 1)
    result = processing.run(
        "landcase:schedulerevisits",
        {"DATABASE": database, "TOWNSHIP": "青山镇", "CAMPAIGN": "2026年回头看",
         "STARTED_ON": "2026-10-01", "ENDS_ON": "2026-11-15", "ISSUER": "区规划资源局"},
    )  # fmt: skip
    assert (result["SCHEDULED"], result["SKIPPED"]) == (2, 0)
    with CaseStore.open(database) as store:
        assert revisits.revisit_schedule(store) == (2, 4)
        assert [(v.due_on, v.campaign) for v in revisits.revisits_of(store, 1)] == [
            ("2026-07-31", None),
            ("2026-09-30", None),
            ("2026-11-15", "2026年回头看"),
        ]
        assert workflow.case_state(store, 1).status == "事后巡查"
        assert workflow.case_state(store, 2).status == "已销号"
