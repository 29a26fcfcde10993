"""The photo rules: per photo (date window, distance, facing the plot, unchanged since
stored) and for the set (count, 全景 and 近景), on both backends, with values worked out by
hand from the test plot: square(0) = the 40 m square with its south-west corner at
(500 000, 3 400 000) in EPSG:4549 (on the zone's central meridian, 120°E)."""

from __future__ import annotations

import datetime as dt
import os
import stat

import pytest
from photo_files import make_photo

from helpers import ORIGIN, small_database
from landcase.cases.photo_rules import (
    DISTANCE,
    FACING,
    UNCHANGED,
    WINDOW,
    PhotoRules,
    PhotoRulesRefused,
    angle_between,
    check_photos,
    photo_rules,
    set_photo_rules,
    true_bearing,
)
from landcase.cases.photo_storage import photo_path
from landcase.cases.photos import REINSPECTION_PURPOSE, add_photos

X0, Y0 = ORIGIN
SOUTH_30 = (X0 + 20, Y0 - 30)  # 30 m south of the middle of the plot's south edge
SOUTH_80 = (X0 + 20, Y0 - 80)
TODAY = dt.date(2026, 3, 10)  # the batch came on 2026-02-01; no verification yet


@pytest.fixture
def store(case_target):
    store = small_database(case_target, plots=1)
    yield store
    store.close()


def _plot(store) -> int:
    return store.list_plots()[0].plot_id


def _by_name(check):
    return {c.photo.original_name: c for c in check.photos}


def test_the_defaults_are_two_photos_a_wide_and_a_close_view_50_m_45_degrees(store):
    assert photo_rules(store) == PhotoRules(2, ("全景", "近景"), 3, 50.0, 45.0)


def test_each_rule_per_photo_with_values_worked_out_by_hand(store, tmp_path):
    plot = _plot(store)
    files = {
        "north.jpg": make_photo(tmp_path / "north.jpg", xy=SOUTH_30, direction=0.0),
        "east.jpg": make_photo(tmp_path / "east.jpg", xy=SOUTH_30, direction=90.0),
        "far.jpg": make_photo(tmp_path / "far.jpg", xy=SOUTH_80, direction=0.0, colour=(1, 2, 3)),
        "early.jpg": make_photo(
            tmp_path / "early.jpg", xy=SOUTH_30, direction=10.0, taken="2026:01:20 10:00:00"
        ),
        "no_direction.jpg": make_photo(
            tmp_path / "no_direction.jpg", xy=SOUTH_30, colour=(9, 9, 9)
        ),
    }
    add_photos(store, plot, list(files.values()), kind="全景")
    check = _by_name(check_photos(store, plot, today=TODAY))

    north = check["north.jpg"]
    assert north.distance_m == pytest.approx(30.0, abs=0.01)
    # due north on the central meridian: no meridian convergence
    assert angle_between(north.bearing_deg, 0.0) < 0.01
    assert north.results == {WINDOW: True, DISTANCE: True, FACING: True, UNCHANGED: True}
    assert north.passed

    east = check["east.jpg"]  # 90° from the bearing of 0°: more than 45°
    assert east.results[FACING] is False and east.rules(False) == (FACING,)
    assert east.rules(True) == (WINDOW, DISTANCE, UNCHANGED)

    far = check["far.jpg"]  # 80 m > 50 m, but facing it
    assert far.distance_m == pytest.approx(80.0, abs=0.01)
    assert far.results[DISTANCE] is False and far.results[FACING] is True

    # window: 2026-02-01 − 3 days = 2026-01-29 to today + 3 days = 2026-03-13
    early = check["early.jpg"]
    assert early.results[WINDOW] is False and early.results[FACING] is True
    assert north.results[WINDOW] is True  # taken 2026-03-04

    assert check["no_direction.jpg"].results[FACING] is None  # cannot tell
    assert check["no_direction.jpg"].rules(None) == (FACING,)


def test_the_window_ends_at_the_verification_date_and_the_margin_is_set(store, tmp_path):
    from landcase.cases import workflow

    plot = _plot(store)
    add_photos(store, plot, make_photo(tmp_path / "a.jpg", xy=SOUTH_30, direction=0.0))
    workflow.record_verification(store, plot, "已建成", verifier="张三", verified_on="2026-03-02")
    # taken 2026-03-04: two days after the verification, inside a 3-day margin …
    assert check_photos(store, plot, today=TODAY).window == ("2026-01-29", "2026-03-05")
    assert check_photos(store, plot, today=TODAY).photos[0].results[WINDOW] is True
    # … and outside a 1-day one
    set_photo_rules(store, PhotoRules(window_margin_days=1))
    check = check_photos(store, plot, today=TODAY)
    assert check.window == ("2026-01-31", "2026-03-03")
    assert check.photos[0].results[WINDOW] is False


def test_a_stored_copy_altered_after_storing_fails_the_hash(store, tmp_path):
    plot = _plot(store)
    added = add_photos(store, plot, make_photo(tmp_path / "a.jpg", xy=SOUTH_30, direction=0.0))
    stored = photo_path(store, added.added[0])
    os.chmod(stored, stat.S_IWRITE | stat.S_IREAD)  # stored read-only: a tamperer's step
    with open(stored, "ab") as handle:
        handle.write(b"\x00")
    check = check_photos(store, plot, today=TODAY)
    assert check.photos[0].results[UNCHANGED] is False
    assert check.photos[0].results[DISTANCE] is True
    stored.unlink()  # gone altogether: not intact either
    assert check_photos(store, plot, today=TODAY).photos[0].results[UNCHANGED] is False


def test_the_set_lacks_a_close_view_until_one_is_added(store, tmp_path):
    plot = _plot(store)
    add_photos(
        store,
        plot,
        [
            make_photo(tmp_path / "a.jpg", xy=SOUTH_30, direction=0.0),
            make_photo(tmp_path / "b.jpg", xy=SOUTH_30, direction=5.0),
        ],
        kinds={tmp_path / "a.jpg": "全景", tmp_path / "b.jpg": "其他"},
    )
    check = check_photos(store, plot, today=TODAY)
    assert [p.photo.kind for p in check.photos] == ["全景", "其他"]
    assert check.enough_photos  # 2 ≥ 2
    assert check.kinds_present == {"全景": True, "近景": False}
    assert check.missing_kinds == ("近景",) and not check.passed
    add_photos(
        store, plot, make_photo(tmp_path / "c.jpg", xy=SOUTH_30, direction=355.0), kind="近景"
    )
    check = check_photos(store, plot, today=TODAY)
    assert check.missing_kinds == () and check.passed  # 355° is 5° from 0°


def test_one_photo_is_not_enough_and_reinspection_photos_are_a_set_of_their_own(store, tmp_path):
    plot = _plot(store)
    add_photos(store, plot, make_photo(tmp_path / "a.jpg", xy=SOUTH_30, direction=0.0), kind="全景")
    assert not check_photos(store, plot, today=TODAY).enough_photos  # 1 < 2
    assert check_photos(store, plot, REINSPECTION_PURPOSE, today=TODAY).photos == ()


def test_a_photo_inside_the_plot_faces_it_whichever_way_it_points(store, tmp_path):
    plot = _plot(store)
    add_photos(store, plot, make_photo(tmp_path / "a.jpg", xy=(X0 + 20, Y0 + 20), direction=200))
    (inside,) = check_photos(store, plot, today=TODAY).photos
    assert inside.distance_m == 0 and inside.bearing_deg is None
    assert inside.results[FACING] is True and inside.results[DISTANCE] is True


def test_the_bearing_is_from_true_north_not_grid_north():
    # 100 km east of the central meridian at about 30.7°N: grid north is not true north.
    # Δλ = 100 km / (N cos φ) = 100 000 / (6 383 716 × cos 30.72°) = 1.044°;
    # convergence γ ≈ Δλ · sin φ = 1.044° × 0.511 = 0.533°, grid north lying east of true
    # north, so a line due grid north has a true bearing of +0.533°
    bearing = true_bearing(4549, (600_000.0, 3_399_970.0), (600_000.0, 3_400_000.0))
    assert bearing == pytest.approx(0.533, abs=0.01)
    # and a line due grid east, 90° + γ
    east = true_bearing(4549, (600_000.0, 3_400_000.0), (600_030.0, 3_400_000.0))
    assert east == pytest.approx(90.533, abs=0.01)


def test_setting_the_rules_is_checked_stored_and_audited(store):
    set_photo_rules(store, PhotoRules(3, ("近景",), 0, 20.0, 30.0))
    assert photo_rules(store) == PhotoRules(3, ("近景",), 0, 20.0, 30.0)
    assert store.audit_entries("photo_rule", 1)[-1].changes["min_photos"] == [2, 3]
    for wrong in (
        PhotoRules(max_distance_m=0),
        PhotoRules(facing_tolerance_deg=200),
        PhotoRules(min_photos=-1),
        PhotoRules(required_kinds=("航拍",)),
    ):
        with pytest.raises(PhotoRulesRefused):
            set_photo_rules(store, wrong)
    assert photo_rules(store) == PhotoRules(3, ("近景",), 0, 20.0, 30.0)


def test_add_photos_refuses_an_unknown_kind(store, tmp_path):
    with pytest.raises(ValueError, match="kind"):
        add_photos(store, _plot(store), make_photo(tmp_path / "a.jpg"), kind="航拍")
