"""Issue 11's figure rules on small hand-built databases: one area basis (the plot's stored
ellipsoidal area), not compared is not zero, 整改到位率 without referrals, the 违法占耕比例's
numerator of seed 001, flags decided on the printed number, events counted in their month,
quarters and the year-end cut-off. Every expected figure is worked out by hand below."""

from __future__ import annotations

import datetime

import pytest

from helpers import square
from landcase.cases import CaseStore, NewPlot
from landcase.cases import statistics as st
from landcase.cases import workflow as wf
from landcase.cases.overlay_records import OverlayRow, save_overlay

TODAY = "2026-12-20"


def _store(path, received="2026-03-05"):
    store = CaseStore.create(path, 4549, user="测试员")
    batch = store.add_batch("2026年第3批部卫片", received_date=received)
    return store, batch


def _plot(store, batch, index, township="青山镇", plot_m2=None, **fields) -> int:
    plot_id = store.add_plot(
        NewPlot(
            jcbh=f"320123202603{index:03d}",
            geometry=square(index),
            xzqdm="320123101",
            xzqmc=township,
            township=township,
            village="东村",
            **fields,
        ),
        batch,
    )
    if plot_m2 is not None:  # the stored official area, as plot_areas computes it
        store._db.execute(
            "UPDATE plot SET area_ellipsoidal_m2 = ? WHERE id = ?", (plot_m2, plot_id)
        )
        store._db.commit()
    return plot_id


def _compared(store, plot_id, cropland_m2=0.0, farmland_m2=0.0) -> None:
    """The rows the engine writes once land use and farmland are compared."""
    rows = [
        OverlayRow(plot_id, "landuse", None, None, 1.0, 1.0, "v"),
        OverlayRow(plot_id, "farmland", None, None, farmland_m2, farmland_m2, "v"),
    ]
    if cropland_m2:
        rows.append(OverlayRow(plot_id, "cropland", "耕地", "耕地", cropland_m2, cropland_m2, "v"))
    save_overlay(store, rows)


def _illegal(store, plot_id, on="2026-03-15"):
    wf.record_verification(
        store, plot_id, "已建成", construction_date="2026-02", verifier="核", verified_on=on
    )
    wf.determine(store, plot_id, "违法", "厂房", decided_by="判", decided_on=on)


# -- one area basis --------------------------------------------------------------------------


def test_plot_areas_are_the_stored_ellipsoidal_areas(case_target):
    store, batch = _store(case_target)
    first = _plot(store, batch, 1)
    second = _plot(store, batch, 2)
    stored = dict(store._db.execute("SELECT id, area_ellipsoidal_m2 FROM plot").fetchall())
    planar = dict(store._db.execute("SELECT id, area_planar_m2 FROM plot").fetchall())
    assert stored[first] != planar[first]  # the ellipsoidal area differs from the planar one
    row = st.compute(store, "2026-03", today=TODAY).row("county", county_code="320123")
    # two 40 m squares; the figure is their stored ellipsoidal m² summed, then × 15 / 10000
    expected = (stored[first] + stored[second]) * 15 / 10000
    assert row["registered_area"] == pytest.approx(round(expected + 1e-9, 2), abs=1e-9)
    store.close()


def test_670_square_metres_print_1_01_mu(case_target):
    store, batch = _store(case_target)
    _plot(store, batch, 1, plot_m2=670.0)  # 670 × 15 / 10000 = 1.005 亩 → 1.01 half up
    row = st.compute(store, "2026-03", today=TODAY).row("county", county_code="320123")
    assert row["registered_area"] == 1.01
    store.close()


# -- not compared is not zero ----------------------------------------------------------------


def test_a_plot_never_compared_makes_its_sums_unknown(case_target):
    store, batch = _store(case_target)
    compared = _plot(store, batch, 1, plot_m2=2000.0)
    never = _plot(store, batch, 2, plot_m2=1000.0)
    _compared(store, compared, cropland_m2=1000.0)  # 1.50 亩 of 耕地
    _illegal(store, compared)
    _illegal(store, never)  # no comparison at all
    figures = st.compute(store, "2026-03", today=TODAY)
    row = figures.row("county", county_code="320123")
    assert row["illegal_area"] == pytest.approx(4.5)  # 3,000 m² (plot areas are known)
    assert row["illegal_cropland_area"] != row["illegal_cropland_area"]  # NaN: 未比对, not 1.50
    assert row["illegal_farmland_area"] != row["illegal_farmland_area"]
    assert row["illegal_cropland_ratio"] != row["illegal_cropland_ratio"]
    assert (row["cropland_not_compared"], row["farmland_not_compared"]) == (1, 1)
    flags = figures["county_flags"].iloc[0]
    assert flags["flag_initial_cropland"] is None  # undecided, not 否
    assert any("未比对" in note for note in figures.notes)
    store.close()


def test_a_compared_plot_without_cropland_is_zero(case_target):
    store, batch = _store(case_target)
    plot = _plot(store, batch, 1, plot_m2=2000.0)
    _compared(store, plot)  # compared: no 耕地 row, the land-use total row says so
    _illegal(store, plot)
    row = st.compute(store, "2026-03", today=TODAY).row("county", county_code="320123")
    assert row["illegal_cropland_area"] == 0.0
    assert row["cropland_not_compared"] == 0
    store.close()


# -- 整改到位率 ----------------------------------------------------------------------------


def test_two_referred_unrectified_violations_give_0_percent(case_target):
    store, batch = _store(case_target)
    for index in (1, 2):
        plot = _plot(store, batch, index, plot_m2=1000.0)
        _compared(store, plot)
        _illegal(store, plot)
        wf.refer_case(store, plot, "农业农村", "2026-03-20")
    quota = st.compute(store, "2026-03", today=TODAY)["township_quota"]
    qs = quota[quota["township"] == "青山镇"].iloc[0]
    # (已整改到位 0 + 非立案处理 0) ÷ 2 = 0 %; referrals are counted apart
    assert (qs["referred_count"], qs["non_filing_count"], qs["rectified_count"]) == (2, 0, 0)
    assert qs["rectification_rate"] == 0.0
    assert qs["flag_low_rectification"] is True
    store.close()


# -- 违法占耕比例 (seed 001) -----------------------------------------------------------------


def test_homestead_and_housing_enter_the_numerator(case_target):
    store, batch = _store(case_target)
    factory = _plot(store, batch, 1, plot_m2=3000.0)
    homestead = _plot(store, batch, 2, plot_m2=1000.0)
    housing = _plot(store, batch, 3, plot_m2=1000.0)
    legal = _plot(store, batch, 4, plot_m2=4000.0)
    for plot, crop in ((factory, 2000.0), (homestead, 600.0), (housing, 400.0), (legal, 3000.0)):
        _compared(store, plot, cropland_m2=crop)
        wf.record_verification(
            store,
            plot,
            "已建成",
            construction_date="2026-02",
            verifier="核",
            verified_on="2026-03-10",
        )
    wf.determine(store, factory, "违法", "厂房", decided_by="判", decided_on="2026-03-15")
    wf.determine(store, homestead, "其他", "农村宅基地", decided_by="判", decided_on="2026-03-15")
    wf.determine(store, housing, "其他", "保障性安居工程", decided_by="判", decided_on="2026-03-15")
    wf.determine(
        store,
        legal,
        "合法",
        "批文",
        {"approval_number": "苏政地〔2025〕12号", "covered_share": 1.0},
        decided_by="判",
        decided_on="2026-03-15",
    )
    row = st.compute(store, "2026-03", today=TODAY)["county_flags"].iloc[0]
    # numerator 2,000 + 600 + 400 = 3,000 m² = 4.50 亩; denominator 3,000 + 3,000 = 6,000 m²
    assert row["illegal_cropland_area"] == 3.0  # the violations alone: 2,000 m²
    assert row["accountable_cropland_area"] == 4.5
    assert row["construction_cropland_area"] == 9.0
    assert row["illegal_cropland_ratio"] == pytest.approx(0.5)  # 3,000 ÷ 6,000 = 50.00 %
    store.close()


# -- flags on the printed number -------------------------------------------------------------


@pytest.mark.parametrize(
    ("cropland_m2", "printed", "flag"),
    [
        (66_663.34, 100.00, True),  # 99.99501 亩 prints 100.00: flagged ≥ 100
        (66_663.33, 99.99, False),  # 99.994995 亩 prints 99.99
        (66_667.0, 100.00, True),  # 100.0005 亩
    ],
)
def test_the_100_mu_flag_follows_the_printed_figure(case_target, cropland_m2, printed, flag):
    store, batch = _store(case_target)
    plot = _plot(store, batch, 1, plot_m2=70_000.0)
    _compared(store, plot, cropland_m2=cropland_m2)
    _illegal(store, plot)
    wf.file_case(store, plot, "立1", "2026-03-16")
    row = st.compute(store, "2026", today=TODAY)["county_flags"].iloc[0]
    assert row["accountable_cropland_area"] == printed
    assert row["flag_initial_cropland"] is flag
    assert row["flag_remaining_cropland"] is True  # unrectified, > 50
    store.close()


@pytest.mark.parametrize(
    ("numerator_m2", "printed", "flag"),
    # The ratio of the printed figures (a table's areas are the sums of the plots' printed
    # 亩): 3,004 m² = 4.506 亩 prints 4.51; 4.51 ÷ 30.00 (20,000 m²) = 15.0333 % → 15.03 %,
    # flagged. 3,003 m² = 4.5045 亩 prints 4.50; 4.50 ÷ 30.00 = 15.00 %, not above 15 %.
    [(3_004.0, 0.1503, True), (3_003.0, 0.15, False)],
)
def test_the_15_percent_flag_follows_the_printed_rate(case_target, numerator_m2, printed, flag):
    store, batch = _store(case_target)
    plot = _plot(store, batch, 1, plot_m2=5000.0)
    _compared(store, plot, cropland_m2=numerator_m2)
    _illegal(store, plot)
    st.set_new_construction_cropland(store, 2026, 20_000.0)
    row = st.compute(store, "2026", today=TODAY)["county_flags"].iloc[0]
    assert row["illegal_cropland_ratio"] == pytest.approx(printed, abs=1e-12)
    assert row["flag_cropland_ratio"] is flag
    store.close()


# -- periods and events ----------------------------------------------------------------------


def test_quarters_and_the_year_end_cut_off():
    q3 = st.parse_period("2026-Q3")
    assert (q3.start, q3.end, q3.label) == (
        datetime.date(2026, 7, 1),
        datetime.date(2026, 9, 30),
        "2026年第三季度",
    )
    assert st.parse_period("2026Q1").end == datetime.date(2026, 3, 31)
    year_end = st.parse_period("2026-年末")
    assert (year_end.start, year_end.end, year_end.label) == (
        datetime.date(2026, 1, 1),
        datetime.date(2026, 12, 31),
        "2026年末",
    )
    with pytest.raises(st.StatisticsError):
        st.parse_period("2026-Q5")


def test_a_month_counts_the_events_that_happened_in_it(case_target):
    """Three plots registered in March, rectified and closed out in October: October's
    tables register nothing, but its events table shows the three close-outs."""
    store, batch = _store(case_target)
    for index in (1, 2, 3):
        plot = _plot(store, batch, index, plot_m2=1500.0)
        _compared(store, plot)
        _illegal(store, plot)
        wf.file_case(store, plot, f"立{index}", "2026-03-16")
        wf.start_rectification(store, plot, ["拆除复耕"], "2026-03-20")
        wf.record_reinspection(
            store,
            plot,
            "整改到位",
            "2026-10-08",
            "复",
            demolished_area_m2=1000.0,
            restored_area_m2=1000.0,
        )
        wf.close_out(store, plot, "2026-10-20", "验收员")
    october = st.compute(store, "2026-10", today=TODAY)
    assert october["county"]["county_code"].tolist() == [st.TOTAL]  # nothing registered
    assert october.row("county", county_code=st.TOTAL)["registered"] == 0
    events = october.row("events", county_code=st.TOTAL)
    assert (events["event_rectified"], events["event_closed"]) == (3, 3)
    assert events["event_filed"] == 0  # filed in March
    # 整改面积 of each: max(1,000, 1,000) + 0 = 1,000 m²; 3 × 1,000 = 3,000 m² = 4.50 亩
    assert events["event_rectified_area"] == 4.5
    march = st.compute(store, "2026-03", today=TODAY).row("events", county_code=st.TOTAL)
    assert (march["event_illegal"], march["event_filed"], march["event_closed"]) == (3, 3, 0)
    q4 = st.compute(store, "2026-Q4", today=TODAY).row("events", county_code=st.TOTAL)
    assert q4["event_closed"] == 3
    store.close()


# -- seeds' remaining figures ----------------------------------------------------------------


def _rectified_violation(store, plot, on="2026-03-15", done="2026-05-10", **areas):
    _illegal(store, plot, on=on)
    wf.file_case(store, plot, f"立{plot}", on)
    wf.start_rectification(store, plot, ["拆除复耕"], on)
    wf.record_reinspection(store, plot, "整改到位", done, "复", **areas)


def test_the_township_award_proposal_follows_its_stated_criteria(case_target):
    store, batch = _store(case_target)
    ids = {}
    for index, name in enumerate("ABCDEFG", start=1):
        ids[name] = _plot(store, batch, index, township=f"{name}镇", plot_m2=2000.0)
    # A: violation rectified, 耕地 600 m²; B: a legal plot only; C: violation unrectified;
    # D: violation rectified, 耕地 300 m²; E: never compared; F, G: rectified, no 耕地,
    # plots of 2,000 and 1,000 m²
    store._db.execute("UPDATE plot SET area_ellipsoidal_m2 = 1000 WHERE id = ?", (ids["G"],))
    store._db.commit()
    for name, crop in (("A", 600.0), ("B", 0.0), ("C", 0.0), ("D", 300.0), ("F", 0.0), ("G", 0)):
        _compared(store, ids[name], cropland_m2=crop)
    for name in "ADFG":
        _rectified_violation(store, ids[name])
    _illegal(store, ids["C"])
    wf.record_verification(
        store,
        ids["B"],
        "已建成",
        construction_date="2026-02",
        verifier="核",
        verified_on="2026-03-10",
    )
    wf.determine(
        store,
        ids["B"],
        "合法",
        "批文",
        {"approval_number": "苏政地〔2025〕1号", "covered_share": 1.0},
        decided_by="判",
        decided_on="2026-03-15",
    )
    figures = st.compute(store, "2026-年末", today=TODAY)
    awards = figures["township_awards"]
    # C (unrectified) and E (未比对) take no part; the others by 问责违法占耕面积, then 违法面积:
    # B 0 / 0; G 0 / 1.50; F 0 / 3.00; D 0.45; A 0.90
    assert awards[["township", "award", "award_quota"]].values.tolist() == [
        ["B镇", "一等奖", 30.0],
        ["G镇", "二等奖", 25.0],
        ["F镇", "二等奖", 25.0],
        ["D镇", "三等奖", 20.0],
        ["A镇", "三等奖", 20.0],
    ]
    assert any("由县（区）根据年终高质量考核确认" in note for note in figures.notes)
    store.close()


def test_the_campaign_progress_against_the_entered_plan(case_target):
    store, batch = _store(case_target, received="2024-03-05")
    first = _plot(store, batch, 1, plot_m2=4000.0)
    second = _plot(store, batch, 2, plot_m2=4000.0)
    for plot in (first, second):
        _compared(store, plot)
    # 2024: 拆除 3,000 then 复耕 2,500 on the same ground: 3,000 m²
    _rectified_violation(
        store,
        first,
        on="2024-03-15",
        done="2024-10-08",
        demolished_area_m2=3000.0,
        restored_area_m2=2500.0,
    )
    # 2025: 拆除 1,500 + 补办手续 500 = 2,000 m²
    _rectified_violation(
        store,
        second,
        on="2024-03-15",
        done="2025-06-30",
        demolished_area_m2=1500.0,
        legalised_area_m2=500.0,
    )
    assert st.compute(store, "2025", today=TODAY)["campaign"].empty  # no plan entered
    st.set_campaign_plan(store, 10_000.0)  # 15.00 亩
    campaign = st.compute(store, "2025", today=TODAY)["campaign"]
    assert campaign.to_dict("records") == [
        {
            "campaign_year": 2024,
            "campaign_cleaned": 4.5,  # 3,000 m²
            "campaign_cumulative": 4.5,
            "campaign_plan": 15.0,
            "campaign_share": 0.3,  # 3,000 ÷ 10,000 = 30.00 %: target met (≥ 30 %)
            "campaign_cumulative_share": 0.3,
            "campaign_target_met": True,
        },
        {
            "campaign_year": 2025,
            "campaign_cleaned": 3.0,  # 2,000 m²
            "campaign_cumulative": 7.5,
            "campaign_plan": 15.0,
            "campaign_share": 0.2,  # 20.00 %: not met
            "campaign_cumulative_share": 0.5,
            "campaign_target_met": False,
        },
    ]
    with pytest.raises(st.StatisticsError):
        st.set_campaign_plan(store, 0)
    store.close()
