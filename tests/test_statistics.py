"""The monthly figures on a small hand-built county, every expected value worked out by
hand below (in 亩: the overlay areas are multiples of 200 m² = 0.3 亩), and the Excel
workbook read back with openpyxl."""

from __future__ import annotations

import datetime
import re
from collections import Counter

import openpyxl
import pytest

from helpers import square
from landcase.cases import CaseStore, NewPlot, deadlines
from landcase.cases import statistics as st
from landcase.cases import workflow as wf
from landcase.cases.excel_export import write_statistics_workbook
from landcase.cases.overlay_records import OverlayRow, save_overlay

MU = 10000 / 15  # m² per 亩
TODAY = "2026-06-01"
QS, BS = "青山镇", "白水镇"


def _plot(store, batch, index, township, village, xzqdm, **fields) -> int:
    plot = NewPlot(
        jcbh=f"320123202603{index:03d}",
        geometry=square(index),
        xzqdm=xzqdm,
        xzqmc=fields.pop("xzqmc", township),
        township=township,
        village=village,
        **fields,
    )
    return store.add_plot(plot, batch)


def m2(area_mu: float) -> float:
    """亩 to m² as 亩 × 10000 / 15: the test's areas (multiples of 0.3 亩 = 200 m²) are then
    whole m², so that ratios like 11,600 / 12,800 = 90.625 % are exact halves."""
    return area_mu * 10000 / 15


def _overlay(store, plot_id, area_mu, cropland_mu=0.0, farmland_mu=0.0) -> None:
    """The plot's official (ellipsoidal) area as the store keeps it (``plot.area_*_m2``,
    set here to the hand figure; the planar one a little off so that the test sees the
    ellipsoidal one used), and overlay rows as the engine writes them: the land-use total
    row (耕地 compared), the 耕地 row when there is 耕地, the 永久基本农田 total row."""
    store._db.execute(
        "UPDATE plot SET area_planar_m2 = ?, area_ellipsoidal_m2 = ? WHERE id = ?",
        (m2(area_mu) - 7.0, m2(area_mu), plot_id),
    )
    store._db.commit()
    rows = [
        OverlayRow(plot_id, "plot", None, None, m2(area_mu) - 7.0, m2(area_mu), "geom:x"),
        OverlayRow(plot_id, "landuse", None, None, m2(area_mu) - 7.0, m2(area_mu), "v"),
    ]
    if cropland_mu:
        rows.append(
            OverlayRow(plot_id, "cropland", "耕地", "耕地", m2(cropland_mu), m2(cropland_mu), "v")
        )
    rows.append(OverlayRow(plot_id, "farmland", None, None, m2(farmland_mu), m2(farmland_mu), "v"))
    save_overlay(store, rows)


def _verify(store, plot_id, built="2026-02", use=None, on="2026-03-10"):
    wf.record_verification(
        store,
        plot_id,
        "已建成",
        actual_use=use,
        construction_date=built,
        verifier="核查员",
        verified_on=on,
    )


def _illegal(store, plot_id, built="2026-02", use="厂房", on="2026-03-15"):
    _verify(store, plot_id, built)
    wf.determine(store, plot_id, "违法", use, decided_by="判定员", decided_on=on)


def _rectified(store, plot_id, listed, done_on, result="整改到位"):
    wf.start_rectification(store, plot_id, ["拆除复耕"], listed)
    wf.record_reinspection(store, plot_id, result, done_on, "复核员", demolished_area_m2=1000)


def build_county(path) -> tuple[CaseStore, dict[str, int]]:
    """Thirteen plots. March 2026 batch: P1–P6, patrol plot P7 (found 12 March);
    January 2026 batch: P8, P9; November 2025 batch: P10–P13.

    | plot | place      | 亩: area / 耕地 / 基本农田 | case                                            |
    |------|------------|---------------------------|-------------------------------------------------|
    | P1   | 青山 东村  | 9.0 / 4.5 / 1.8           | 违法 新增, 立案, 整改到位 2026-04-20, 已销号     |
    | P2   | 青山 东村  | 4.5 / 4.5 / 0             | 违法 存量, 移交 2026-03-20 (reply due 03-27)     |
    | P3   | 青山 西村  | 3.6 / 0.9 / 0.9           | 违法 新增, 立案, task list 2026-03-20, 整改中    |
    | P4   | 白水 南村  | 2.7 / 1.8 / 0             | 合法 (批文), 已办结                              |
    | P5   | 白水 南村  | 1.8 / 0.9 / 0             | 其他-灾毁地块, 已判定                            |
    | P6   | 白水 南村  | 3.0 / 3.0 / 0             | 已核查, use 鱼塘养殖 (非粮化)                     |
    | P7   | 青山 东村  | 2.4 (40 m square) / 0 / 0 | patrol, 待核查, no overlay                       |
    | P8   | 青山 西村  | 6.0 / 6.0 / 0             | 违法 新增, 立案, 整改到位 2026-02-15, 已销号     |
    | P9   | 白水 南村  | 3.0 / 1.5 / 0             | 违法 新增, 移交, 整改到位 2026-02-28 (待复核)    |
    | P10  | 青山 东村  | 4.5 / 4.5 / 0             | 违法 (2025), 立案, 整改到位 2026-05-10 (待复核)  |
    | P11  | 青山 西村  | 3.0 / 3.0 / 0             | 违法 (2025), 立案, 整改中                        |
    | P12  | 青山 西村  | 1.5 / 1.5 / 0             | 违法 (2025), 立案, 整改中                        |
    | P13  | 白水 南村  | 1.5 / 0 / 0               | 违法 (2025), 立案, 整改到位 2026-08-01 (待复核)  |

    P1 carries the county's 6-digit code with its name 江宁区; the others township codes.
    """
    store = CaseStore.create(path, 4549, user="测试员")
    march = store.add_batch("2026年第3批部卫片", received_date="2026-03-05")
    january = store.add_batch("2026年第1批部卫片", received_date="2026-01-10")
    november = store.add_batch("2025年第11批部卫片", received_date="2025-11-05")
    qs, bs = "320123101", "320123102"
    ids = {}
    ids["P1"] = _plot(store, march, 1, QS, "东村", "320123", xzqmc="江宁区")
    ids["P2"] = _plot(store, march, 2, QS, "东村", qs)
    ids["P3"] = _plot(store, march, 3, QS, "西村", qs)
    ids["P4"] = _plot(store, march, 4, BS, "南村", bs)
    ids["P5"] = _plot(store, march, 5, BS, "南村", bs)
    ids["P6"] = _plot(store, march, 6, BS, "南村", bs, bglx="耕地变其他")
    ids["P7"] = _plot(
        store, None, 7, QS, "东村", qs, clue_source="属地巡查", found_date="2026-03-12"
    )
    ids["P8"] = _plot(store, january, 8, QS, "西村", qs)
    ids["P9"] = _plot(store, january, 9, BS, "南村", bs)
    ids["P10"] = _plot(store, november, 10, QS, "东村", qs)
    ids["P11"] = _plot(store, november, 11, QS, "西村", qs)
    ids["P12"] = _plot(store, november, 12, QS, "西村", qs)
    ids["P13"] = _plot(store, november, 13, BS, "南村", bs)

    for name, areas in {
        "P1": (9.0, 4.5, 1.8),
        "P2": (4.5, 4.5, 0.0),
        "P3": (3.6, 0.9, 0.9),
        "P4": (2.7, 1.8, 0.0),
        "P5": (1.8, 0.9, 0.0),
        "P6": (3.0, 3.0, 0.0),
        "P8": (6.0, 6.0, 0.0),
        "P9": (3.0, 1.5, 0.0),
        "P10": (4.5, 4.5, 0.0),
        "P11": (3.0, 3.0, 0.0),
        "P12": (1.5, 1.5, 0.0),
        "P13": (1.5, 0.0, 0.0),
    }.items():
        _overlay(store, ids[name], *areas)

    p = ids
    _illegal(store, p["P1"])
    wf.file_case(store, p["P1"], "江规资立〔2026〕1号", "2026-03-18")
    _rectified(store, p["P1"], "2026-03-20", "2026-04-20")
    wf.close_out(store, p["P1"], "2026-04-25", "验收员")

    _illegal(store, p["P2"], built="2024-06")
    wf.refer_case(store, p["P2"], "农业农村", "2026-03-20")

    _illegal(store, p["P3"])
    wf.file_case(store, p["P3"], "江规资立〔2026〕3号", "2026-03-18")
    wf.start_rectification(store, p["P3"], ["拆除复耕"], "2026-03-20")

    _verify(store, p["P4"])
    wf.determine(
        store,
        p["P4"],
        "合法",
        "批文",
        {"approval_number": "苏政地〔2025〕12号", "covered_share": 1.0},
        decided_by="判定员",
        decided_on="2026-03-15",
    )
    wf.close_without_case(store, p["P4"])

    _verify(store, p["P5"])
    wf.determine(store, p["P5"], "其他", "灾毁地块", decided_by="判定员", decided_on="2026-03-15")

    _verify(store, p["P6"], use="鱼塘养殖")

    _illegal(store, p["P8"], built="2026-01", on="2026-01-20")
    wf.file_case(store, p["P8"], "江规资立〔2026〕8号", "2026-01-22")
    _rectified(store, p["P8"], "2026-01-25", "2026-02-15")
    wf.close_out(store, p["P8"], "2026-02-20", "验收员")

    _illegal(store, p["P9"], built="2026-01", on="2026-01-20")
    wf.refer_case(store, p["P9"], "乡镇(街道)", "2026-01-22")
    _rectified(store, p["P9"], "2026-01-25", "2026-02-28")

    for name, number in (("P10", 10), ("P11", 11), ("P12", 12), ("P13", 13)):
        _illegal(store, p[name], built="2025-09", on="2025-11-15")
        wf.file_case(store, p[name], f"江规资立〔2025〕{number}号", "2025-11-20")
        wf.start_rectification(store, p[name], ["拆除复耕"], "2025-11-25")
    wf.record_reinspection(store, p["P10"], "整改到位", "2026-05-10", "复核员")
    wf.record_reinspection(store, p["P13"], "整改到位", "2026-08-01", "复核员")
    return store, ids


@pytest.fixture(scope="module")
def county(module_target):
    store, ids = build_county(module_target)
    yield store, ids
    store.close()


@pytest.fixture(scope="module")
def march(county):
    store, _ids = county
    return st.compute(store, "2026-03", today=TODAY)


def approx(value):
    return pytest.approx(value, abs=1e-9)


# -- the period ----------------------------------------------------------------------------


def test_periods():
    assert st.parse_period("2026-03") == st.Period(
        datetime.date(2026, 3, 1), datetime.date(2026, 3, 31), "2026年3月"
    )
    assert st.parse_period("2024-02").end == datetime.date(2024, 2, 29)
    assert st.parse_period("2026-12").end == datetime.date(2026, 12, 31)
    assert st.parse_period("2026").start == datetime.date(2026, 1, 1)
    ranged = st.parse_period("2026-01-15/2026-02-10")
    assert (ranged.start, ranged.end) == (datetime.date(2026, 1, 15), datetime.date(2026, 2, 10))
    assert st.parse_period(("2026-01-15", "2026-02-10")) == ranged
    assert st.parse_period("2026-01-15..2026-02-10") == ranged
    assert ranged.year_to_date().start == datetime.date(2026, 1, 1)
    for bad in ("2026-13", "2026-3", "march", "", "2026-02-10/2026-01-15", "2026-02-30/2026-03-01"):
        with pytest.raises(st.StatisticsError):
            st.parse_period(bad)


# -- the period's tables --------------------------------------------------------------------


def test_county_figures_of_march(march):
    """P1–P7 (P8, P9 are January's, P10–P13 are 2025's)."""
    row = march.row("county", county_code="320123")
    assert row["county_name"] == "江宁区"  # from P1, the plot with the 6-digit code
    expected_counts = {
        "registered": 7,
        "issued": 6,  # P7 is a patrol plot
        "determined": 5,  # P1–P5
        "undetermined": 2,  # P6, P7
        "legal": 1,
        "illegal_count": 3,  # P1, P2, P3
        "other": 1,
        "no_real_change": 0,
        "facility_farmland": 0,
        "rural_road": 0,
        "illegal_cropland_count": 3,
        "new_illegal_count": 2,  # P1, P3
        "existing_illegal_count": 1,  # P2 (built 2024)
        "filed_count": 2,  # P1, P3
        "referred_count": 1,  # P2, referred
        "non_filing_count": 0,  # P2 referred but not rectified: not 非立案处理 (issue 11)
        "cropland_not_compared": 1,  # P7: no comparison
        "farmland_not_compared": 1,
        "rectified_count": 1,  # P1
        "concluded_count": 1,  # P1
        "unrectified_count": 2,  # P2, P3
        "non_grain_count": 1,  # P6
    }
    for key, value in expected_counts.items():
        assert row[key] == value, key
    expected_areas = {
        "registered_area": 9.0 + 4.5 + 3.6 + 2.7 + 1.8 + 3.0 + 2.4,  # 27.0; P7: 1600 m²
        "issued_area": 9.0 + 4.5 + 3.6 + 2.7 + 1.8 + 3.0,
        "illegal_area": 9.0 + 4.5 + 3.6,
        "illegal_cropland_area": 4.5 + 4.5 + 0.9,
        "illegal_farmland_area": 1.8 + 0.9,
        "new_illegal_area": 9.0 + 3.6,
        "existing_illegal_area": 4.5,
        "construction_cropland_area": 4.5 + 4.5 + 0.9 + 1.8,  # P5 灾毁地块 is not construction
        "unrectified_area": 4.5 + 3.6,
        "unrectified_cropland_area": 4.5 + 0.9,
        "non_grain_area": 3.0,
    }
    for key, value in expected_areas.items():
        assert row[key] == approx(value), key
    # 6,600 / 7,800 m² = 84.615… % → 84.62 % (printed); kept as the fraction 0.8462
    assert row["illegal_cropland_ratio"] == approx(0.8462)
    assert row["accountable_cropland_area"] == approx(9.9)  # P5 灾毁地块 is not accountable
    # (已整改到位 1 + 非立案处理 0) ÷ 3 = 33.333… % → 33.33 %: P2's referral is no rectification
    assert row["rectification_rate"] == approx(0.3333)
    assert row["performance_rate"] == approx(0.3333)


def test_overdue_counts_of_march(march):
    row = march.row("county", county_code="320123")
    assert row["overdue_determination"] == 1  # P6: received 03-05, due 03-25 (P7 has no batch)
    assert row["overdue_monthly_report"] == 2  # P6, P7: due 04-20
    assert row["overdue_reply"] == 1  # P2: referred 03-20, reply due 03-27
    assert row["overdue_penalty_decision"] == 0  # no case stays 已立案
    assert row["overdue_rectification"] == 1  # P3: task list 03-20, due 05-19
    assert row["overdue_city_acceptance"] == 0  # due 2027-01-31


def test_township_and_village_figures_of_march(march):
    qs = march.row("township", township=QS)
    assert (qs["registered"], qs["illegal_count"]) == (4, 3)  # P1, P2, P3, P7
    assert qs["registered_area"] == approx(9.0 + 4.5 + 3.6 + 2.4)
    assert qs["illegal_cropland_ratio"] == approx(1.0)  # all its construction is 违法
    assert qs["rectification_rate"] == approx(0.3333)  # P1 of P1, P2, P3: 33.33 %
    bs = march.row("township", township=BS)
    assert (bs["registered"], bs["illegal_count"], bs["legal"], bs["other"]) == (3, 0, 1, 1)
    assert bs["construction_cropland_area"] == approx(1.8)
    assert bs["illegal_cropland_ratio"] == approx(0.0)
    assert bs["rectification_rate"] != bs["rectification_rate"]  # NaN: no violation
    east = march.row("village", township=QS, village="东村")
    assert (east["registered"], east["illegal_count"]) == (3, 2)  # P1, P2, P7
    assert east["illegal_area"] == approx(13.5)
    west = march.row("village", township=QS, village="西村")
    assert (west["registered"], west["overdue_rectification"]) == (1, 1)  # P3
    total = march.row("village", county_code=st.TOTAL)
    assert total["registered"] == 7 and total["illegal_area"] == approx(17.1)
    assert list(march["township"]["township"]) == [BS, QS, ""]  # sorted, then 合计


def test_rankings_of_march(march):
    non_agri = march["non_agri_ranking"]
    assert non_agri[["rank", "township"]].values.tolist() == [[1, QS]]  # 白水镇 has none
    assert non_agri["illegal_cropland_area"].tolist() == [approx(9.9)]
    non_grain = march["non_grain_ranking"]
    assert non_grain[["rank", "township", "non_grain_count"]].values.tolist() == [[1, BS, 1]]
    assert non_grain["non_grain_area"].tolist() == [approx(3.0)]


# -- the year's accountability -----------------------------------------------------------


def test_county_flags_from_the_plots(march):
    """The year so far (1 January – 31 March 2026): P1–P9."""
    flags = march["county_flags"]
    assert len(flags) == 1
    row = flags.iloc[0]
    assert row["year"] == 2026
    assert row["illegal_cropland_area"] == approx(9.9 + 6.0 + 1.5)  # + P8, P9: 17.4
    assert row["accountable_cropland_area"] == approx(17.4)
    assert row["unrectified_accountable_cropland_area"] == approx(4.5 + 0.9)  # P2, P3
    assert row["construction_cropland_area"] == approx(11.7 + 6.0 + 1.5)  # 19.2
    assert row["denominator_source"] == st.FROM_PLOTS
    # 11,600 / 12,800 m² = 90.625 % exactly → 90.63 % half up
    assert row["illegal_cropland_ratio"] == approx(0.9063)
    assert (row["flag_initial_cropland"], row["flag_remaining_cropland"]) == (False, False)
    assert row["flag_cropland_ratio"]  # 90.6 % > 15 %
    assert march.denominator == st.Denominator(2026, approx(19.2 * MU), st.FROM_PLOTS)


def test_county_flags_with_the_entered_denominator(county):
    store, _ids = county
    st.set_new_construction_cropland(store, 2026, 60_000)  # 90 亩
    try:
        row = st.compute(store, "2026-03", today=TODAY)["county_flags"].iloc[0]
        assert row["construction_cropland_area"] == approx(90.0)
        assert row["denominator_source"] == st.ENTERED
        assert row["illegal_cropland_ratio"] == approx(0.1933)  # 11,600 / 60,000 = 19.33 %
        assert row["flag_cropland_ratio"]
        st.set_new_construction_cropland(store, 2026, 150_000, source="变更调查新增建设用地图层")
        figures = st.compute(store, "2026-03", today=TODAY)
        row = figures["county_flags"].iloc[0]
        assert row["illegal_cropland_ratio"] == approx(0.0773)  # 11,600 / 150,000 = 7.73 %
        assert not row["flag_cropland_ratio"]
        assert row["denominator_source"] == "变更调查新增建设用地图层"
        assert any("变更调查新增建设用地图层" in note for note in figures.notes)
        # the period's tables keep the plots' denominator
        assert figures.row("county", county_code="320123")["illegal_cropland_ratio"] == approx(
            0.8462
        )
        with pytest.raises(st.StatisticsError):
            st.set_new_construction_cropland(store, 2026, -5)
    finally:
        st.set_new_construction_cropland(store, 2026, None)
    assert st.new_construction_cropland(store, 2026) is None


def test_township_quota_of_2026(march):
    quota = march["township_quota"]
    qs = quota[quota["township"] == QS].iloc[0]
    assert qs["illegal_count"] == 4  # P1, P2, P3, P8
    assert qs["illegal_area"] == approx(9.0 + 4.5 + 3.6 + 6.0)
    assert qs["year_end_unrectified_area"] == approx(4.5 + 3.6)  # P2, P3
    assert qs["rectified_by_june_area"] == approx(0.0)
    assert qs["returned_quota"] == approx(0.0)
    # P1, P8 rectified; P2 only referred (issue 11: a referral is no rectification)
    assert (qs["rectified_count"], qs["referred_count"], qs["non_filing_count"]) == (2, 1, 0)
    assert qs["rectification_rate"] == approx(0.5)  # (2 + 0) ÷ 4 = 50.00 %
    assert qs["flag_low_rectification"] is False  # 50.00 % is not below 50 %
    bs = quota[quota["township"] == BS].iloc[0]
    # P9: referred, then found 整改到位: 非立案处理
    assert (bs["illegal_count"], bs["rectified_count"], bs["non_filing_count"]) == (1, 0, 1)
    assert bs["year_end_unrectified_area"] == approx(0.0)  # P9 rectified 02-28
    assert bs["rectification_rate"] == approx(1.0)


def test_township_quota_of_2025_with_returns_by_june(county):
    """2025's plots P10–P13 as seen on 1 September 2026."""
    store, _ids = county
    figures = st.compute(store, "2025", today="2026-09-01")
    quota = figures["township_quota"]
    qs = quota[quota["township"] == QS].iloc[0]
    # P10 (4.5), P11 (3.0), P12 (1.5): none rectified by 2025-12-31
    assert qs["year_end_unrectified_area"] == approx(9.0)
    assert qs["rectified_by_june_area"] == approx(4.5)  # P10, 2026-05-10
    assert qs["returned_quota"] == approx(0.8 * 4.5)
    assert qs["rectification_rate"] == approx(0.3333)  # P10 of three: 33.33 %
    assert qs["flag_low_rectification"]
    bs = quota[quota["township"] == BS].iloc[0]
    assert bs["year_end_unrectified_area"] == approx(1.5)  # P13
    assert bs["rectified_by_june_area"] == approx(0.0)  # rectified 2026-08-01: too late
    assert bs["rectification_rate"] == approx(1.0)
    assert not bs["flag_low_rectification"]
    total = quota[quota["county_code"] == st.TOTAL].iloc[0]
    assert total["year_end_unrectified_area"] == approx(10.5)
    assert total["returned_quota"] == approx(3.6)
    assert figures.row("county", county_code="320123")["registered"] == 4


def test_county_thresholds_on_large_areas(tmp_path):
    """初始违法占耕 ≥ 100 亩 and > 50 亩 after rectification: two violations, 耕地 70 and
    30 亩; the 30 亩 one rectified. Then 100.00 亩 exactly still counts (含)."""
    store = CaseStore.create(tmp_path / "big.sqlite", 4549, user="测试员")
    batch = store.add_batch("2026年第2批部卫片", received_date="2026-02-03")
    big = _plot(store, batch, 1, QS, "东村", "320123101")
    small = _plot(store, batch, 2, QS, "东村", "320123101")
    _overlay(store, big, 80.0, 70.0)
    _overlay(store, small, 30.0, 30.0)
    for plot_id in (big, small):
        _illegal(store, plot_id, on="2026-02-10")
        wf.file_case(store, plot_id, f"立{plot_id}", "2026-02-11")
    _rectified(store, small, "2026-02-12", "2026-03-01")
    row = st.compute(store, "2026", today=TODAY)["county_flags"].iloc[0]
    assert row["illegal_cropland_area"] == approx(100.0)  # initial: 70 + 30
    assert row["unrectified_accountable_cropland_area"] == approx(70.0)
    assert row["flag_initial_cropland"] and row["flag_remaining_cropland"]
    store.close()


def test_a_batch_restricts_the_figures(county):
    store, _ids = county
    figures = st.compute(store, "2026", batch="2026年第1批部卫片", today=TODAY)
    row = figures.row("county", county_code="320123")
    assert (row["registered"], row["illegal_count"]) == (2, 2)  # P8, P9
    assert row["illegal_area"] == approx(9.0)
    by_id = st.compute(store, "2026", batch=str(store.batch_id("2026年第1批部卫片")), today=TODAY)
    assert by_id.row("county", county_code="320123")["registered"] == 2
    with pytest.raises(st.StatisticsError):
        st.compute(store, "2026", batch="no such batch")


def test_an_empty_period_gives_zero_rows_and_a_total(county):
    store, _ids = county
    figures = st.compute(store, "2030-01", today=TODAY)
    assert figures.plots == 0
    assert figures["county"]["county_code"].tolist() == [st.TOTAL]
    assert figures["county"].iloc[0]["registered"] == 0
    assert figures["non_agri_ranking"].empty


def test_overdue_counts_follow_the_deadline_module(county):
    """The array rules give the same overdue deadlines as ``deadlines.overdue``."""
    store, _ids = county
    for today in ("2026-03-26", "2026-04-21", TODAY, "2027-02-01"):
        expected = Counter(d.kind for d in deadlines.overdue(store, today))
        total = st.compute(store, "2025-01-01/2026-12-31", today=today).row(
            "county", county_code=st.TOTAL
        )
        for kind, key in st.OVERDUE_KEYS.items():
            assert total[key] == expected.get(kind, 0), (today, kind)


def test_every_figure_has_a_definition_and_a_chinese_header():
    for key in (*st.MAIN_COLUMNS, *st.COUNTY_FLAG_COLUMNS, *st.TOWNSHIP_QUOTA_COLUMNS):
        column = st.COLUMNS[key]
        assert column.header and any("\u4e00" <= ch <= "\u9fff" for ch in column.header), key
        if key not in ("year", "denominator_source"):
            assert "=" in column.definition, key
    assert len(st.definitions()) == len(set(st.definitions()))


def test_definitions_are_official_chinese_on_one_line():
    """The definitions (口径) are printed in official documents: Chinese only, no English
    word, no line break, each `<header> = <definition>`."""
    headers = {key: column.header for key, column in st.COLUMNS.items()}
    for column in st.definitions():
        text = column.definition
        assert not re.search(r"[A-Za-z]{3,}", text), text
        assert "\n" not in text and "  " not in text, text
        name, _, formula = text.partition(" = ")
        assert formula and headers[column.key].startswith(name), text
        assert text.endswith("。"), text
    overdue = st.COLUMNS[st.OVERDUE_KEYS[deadlines.RECTIFICATION]].definition
    assert overdue == (
        "逾期(整改) = 在逾期计算日已超过整改期限的图斑数量（期限按期限规则确定，到期日当天不计逾期）。"
    )
    # lines of a docstring join without a space between Chinese characters
    assert st.COLUMNS["illegal_cropland_area"].definition == (
        "违法占用耕地面积 = Σ 违法图斑的耕地面积，不论是否已整改（即非农化面积；"
        "按年度统计即为初始违法占耕面积）。"
    )


# -- the workbook --------------------------------------------------------------------------


def test_statistics_workbook(march, tmp_path):
    path = write_statistics_workbook(march, tmp_path / "月报.xlsx")
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["说明", *st.TABLE_TITLES.values()]
    notes = [row for row in book["说明"].iter_rows(values_only=True) if row and row[0]]
    assert any("2026年3月" in str(row[0]) for row in notes)
    definitions = {row[0]: row for row in notes if len(row) >= 3}
    assert definitions["违法占耕比例"][1] == "%"
    assert definitions["违法占耕比例"][2].startswith("违法占耕比例 = 问责违法占耕面积 ÷")
    assert "一户一宅" in definitions["问责违法占耕面积"][2]
    assert "仅移交而未整改到位的不计" in definitions["非立案处理宗数"][2]
    assert any("按发生日期" in str(row[0]) for row in notes)  # each table's basis
    assert any("椭球面积" in str(row[0]) and "未比对" not in str(row[0]) for row in notes)
    assert definitions["整改到位率"][2].startswith(
        "整改到位率 = （已整改到位宗数 + 非立案处理宗数）"
    )
    assert definitions["初始违法占耕≥100亩(扣分)"][2].endswith(
        "（依据永川府办发〔2022〕53号：区县扣分）。"
    )

    sheet = book["乡镇汇总"]
    assert sheet.freeze_panes == "A2"
    headers = [cell.value for cell in sheet[1]]
    assert headers[:3] == ["县级行政区代码", "县级行政区名称", "乡镇(街道)"]
    assert "违法面积(亩)" in headers and "整改到位率" in headers and "违法宗数" in headers
    rows = {row[2]: row for row in sheet.iter_rows(min_row=2, values_only=True)}
    qs = dict(zip(headers, rows[QS]))
    assert qs["违法宗数"] == 3
    assert qs["违法面积(亩)"] == pytest.approx(17.1)
    assert qs["整改到位率"] == pytest.approx(0.3333)  # (1 + 0) ÷ 3 = 33.33 %
    assert qs["耕地未比对图斑数"] == 1  # P7
    assert qs["非粮化面积(亩)"] == pytest.approx(0.0)
    cells = {cell.value: cell.column for cell in sheet[1]}
    second = sheet[2]
    assert second[cells["违法面积(亩)"] - 1].number_format == "0.00"
    assert second[cells["整改到位率"] - 1].number_format == "0.00%"
    assert second[cells["违法宗数"] - 1].number_format == "0"
    bs = dict(zip(headers, rows[BS]))
    assert bs["整改到位率"] is None  # no violation: blank, not 0 %
    width = sheet.column_dimensions["C"].width
    assert width >= 10  # 乡镇(街道): six wide characters

    flags = book["县级考核"]
    flag_headers = [cell.value for cell in flags[1]]
    flag_row = dict(zip(flag_headers, next(flags.iter_rows(min_row=2, values_only=True))))
    assert flag_row["违法占耕比例>15%(问责)"] == "是"
    assert flag_row["初始违法占耕≥100亩(扣分)"] == "否"
    assert flag_row["占耕比例分母来源"] == st.FROM_PLOTS
    assert flag_row["违法占用耕地面积(亩)"] == pytest.approx(17.4)
