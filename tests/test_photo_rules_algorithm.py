"""landcase:photorules: the station changes its photo rules headless; an empty value keeps
the database's; a bad one is refused in words and nothing changes."""

from __future__ import annotations

import pytest
from qgis.core import QgsProcessingException

from helpers import small_database
from landcase.cases import CaseStore
from landcase.cases.photo_rules import photo_rules


@pytest.fixture
def plugin_provider(qgis_iface, qgis_processing):
    import landcase

    plugin = landcase.classFactory(qgis_iface)
    plugin.initProcessing()
    yield plugin
    plugin.unload()


def test_the_rules_are_changed_and_read_back(plugin_provider, case_target):
    import processing

    small_database(case_target, plots=1).close()
    result = processing.run(
        "landcase:photorules",
        {"DATABASE": case_target, "MIN_PHOTOS": 3, "MAX_DISTANCE_M": 80,
         "REQUIRED_KINDS": "全景，近景"},
    )  # fmt: skip
    store = CaseStore.open(case_target)
    rules = photo_rules(store)
    # changed: 3 photos, 80 m; kept: the 3-day margin and ±45° (the defaults)
    assert (rules.min_photos, rules.max_distance_m) == (3, 80.0)
    assert (rules.window_margin_days, rules.facing_tolerance_deg) == (3, 45.0)
    assert rules.required_kinds == ("全景", "近景")
    assert "3" in result["RULES"] and "80" in result["RULES"]
    store.close()


def test_a_bad_angle_is_refused_and_nothing_changes(plugin_provider, case_target):
    import processing

    small_database(case_target, plots=1).close()
    with pytest.raises(QgsProcessingException, match="180"):
        processing.run("landcase:photorules", {"DATABASE": case_target, "FACING_DEGREES": 270})
    store = CaseStore.open(case_target)
    assert photo_rules(store).facing_tolerance_deg == 45.0
    store.close()
