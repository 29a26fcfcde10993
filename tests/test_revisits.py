"""Post-closure visits (事后巡查点位), rebounds and 回头看 campaigns, on both backends.

Plots: helpers.new_plot squares of 40 m × 40 m, 监测编号 320100202601{index:03d}, plot id
index + 1; the fourth (id 4) lies in 白水镇, the others in 青山镇. The schedule used is
the default one, 1, 3 and 6 months after 销号 (the station's choice).
"""

from __future__ import annotations

import datetime

import pytest
import shapely
from closed_cases import close_out

from helpers import new_plot
from landcase.cases import CaseStore, campaigns, clues, errors, revisits, workflow
from landcase.cases.clue_outline import outline_clue


def jcbh(plot_id: int) -> str:
    return f"320100202601{plot_id - 1:03d}"


@pytest.fixture
def store(case_target):
    store = CaseStore.create(case_target, 4549, user="测试员")
    batch = store.add_batch("2026年第1批部卫片", received_date="2026-02-01")
    store.add_plots(
        [new_plot(i, township="白水镇" if i == 3 else "青山镇") for i in range(5)], batch
    )
    yield store
    store.close()


def _case_id(store, plot_id):
    return workflow.case_state(store, plot_id).case_id


def test_months_are_added_to_the_last_day_of_a_shorter_month():
    assert revisits.add_months("2026-05-31", 1) == datetime.date(2026, 6, 30)
    assert revisits.add_months("2026-05-31", 9) == datetime.date(2027, 2, 28)
    assert revisits.add_months("2026-11-15", 2) == datetime.date(2027, 1, 15)


def test_a_rebound_after_closeout_opens_a_new_clue_linked_to_the_old_case(store):
    close_out(store, 1, "2026-05-31")
    # 1, 3, 6 months after 2026-05-31: 06-30 (June has 30 days), 08-31, 11-30
    first = revisits.schedule_revisits(store, 1)
    assert len(first) == 3
    assert workflow.case_state(store, 1).status == "事后巡查"
    assert revisits.schedule_revisits(store, 1) == []  # scheduled once
    dues = [v.due_on for v in revisits.revisits_of(store, 1)]
    assert dues == ["2026-06-30", "2026-08-31", "2026-11-30"]

    done = revisits.record_revisit(store, 1, "2026-07-02", "李巡查", "无反弹")
    assert done.clue_id is None and done.revisit_id == first[0]  # the earliest open visit
    # on 2026-08-25 the visit due 08-31 is due within the week; none is overdue yet
    assert [v.due_on for v in revisits.due_revisits(store, "2026-08-25")] == ["2026-08-31"]
    assert revisits.overdue_revisits(store, "2026-08-31") == []
    assert [v.due_on for v in revisits.overdue_revisits(store, "2026-09-01")] == ["2026-08-31"]

    rebound = revisits.record_revisit(
        store, 1, "2026-09-03", "李巡查", "回潮", note="原址重新搭建彩钢棚"
    )
    assert rebound.revisit_id == first[1]
    clue = clues.get_clue(store, rebound.clue_id)
    assert (clue.code, clue.kind, clue.found_at, clue.found_by, clue.township) == (
        "XS20260903-001", "疑似违法", "2026-09-03", "李巡查", "青山镇",
    )  # fmt: skip
    assert clue.rebound_of == _case_id(store, 1)
    assert clue.description == "原址重新搭建彩钢棚"
    # the clue lies on the old plot: its square is x 500000–500040, y 3400000–3400040
    assert shapely.box(500_000, 3_400_000, 500_040, 3_400_040).contains(
        shapely.Point(clue.x, clue.y)
    )
    [visit] = [v for v in revisits.revisits_of(store, 1) if v.id == rebound.revisit_id]
    assert (visit.result, visit.clue_id, visit.visitor) == ("反弹", rebound.clue_id, "李巡查")
    assert workflow.case_state(store, 1).status == "事后巡查"  # the old case stays closed

    # the rebound is outlined later: a new plot of 属地巡查 naming the old one
    plot_id = outline_clue(store, rebound.clue_id, shapely.box(500_005, 3_400_005, 500_025,
                                                               3_400_025))  # fmt: skip
    row = store._db.execute(
        "SELECT jcbh, clue_source, extra_fields FROM plot WHERE id = ?", (plot_id,)
    ).fetchone()
    assert (row[0], row[1]) == ("XC20260903001", "属地巡查")
    assert jcbh(1) in row[2] and "XS20260903-001" in row[2]

    # on 2026-12-04: 06-30 done 07-02 (2 days late), 08-31 done 09-03 (3 days late),
    # 11-30 not done (4 days late)
    found = revisits.breaches(store, "2026-06-01", "2026-12-31", "2026-12-04")
    assert [(b.record, b.due, b.done, b.days_late) for b in found] == [
        (jcbh(1), datetime.date(2026, 6, 30), datetime.date(2026, 7, 2), 2),
        (jcbh(1), datetime.date(2026, 8, 31), datetime.date(2026, 9, 3), 3),
        (jcbh(1), datetime.date(2026, 11, 30), None, 4),
    ]
    assert {b.rule for b in found} == {"事后巡查点位未按期巡查"}
    assert found[0].unit == "青山镇" and found[2].open
    # a window that ends before the last visit was due leaves it out
    assert len(revisits.breaches(store, "2026-06-01", "2026-11-29", "2026-12-04")) == 2


def test_visits_before_closeout_and_bad_visits_are_refused(store):
    with pytest.raises(workflow.WorkflowRefused, match=f"{jcbh(2)}.*follow the close-out.*待核查"):
        revisits.record_revisit(store, 2, "2026-07-02", "李巡查", "无反弹")
    with pytest.raises(workflow.WorkflowRefused, match="follow the close-out"):
        revisits.schedule_revisits(store, 2)
    close_out(store, 2, "2026-05-31")
    with pytest.raises(workflow.WorkflowRefused, match="must be one of 无反弹、未反弹、反弹、回潮"):
        revisits.record_revisit(store, 2, "2026-07-02", "李巡查", "良好")
    with pytest.raises(workflow.WorkflowRefused, match="who visited is missing"):
        revisits.record_revisit(store, 2, "2026-07-02", " ", "反弹")
    assert store._db.execute("SELECT count(*) FROM revisit").fetchone()[0] == 0
    assert store._db.execute("SELECT count(*) FROM clue").fetchone()[0] == 0
    # a visit to a 已销号 case nobody scheduled is recorded as it comes
    done = revisits.record_revisit(store, 2, "2026-07-02", "李巡查", "无反弹")
    assert [v.due_on for v in revisits.revisits_of(store, 2)] == [None]
    assert done.clue_id is None


def test_the_schedule_is_the_stations(store):
    assert revisits.revisit_schedule(store) == (1, 3, 6)
    assert revisits.set_revisit_schedule(store, [12, 2]) == (2, 12)
    with pytest.raises(errors.InvalidRecord, match="事后巡查计划.*1 to 120"):
        revisits.set_revisit_schedule(store, [0, 3])
    assert revisits.revisit_schedule(store) == (2, 12)
    close_out(store, 1, "2026-06-15")
    revisits.schedule_revisits(store, 1)
    assert [v.due_on for v in revisits.revisits_of(store, 1)] == ["2026-08-15", "2027-06-15"]


def test_a_campaign_selects_plots_and_its_late_visits_are_breaches(store):
    for plot_id, closed in ((1, "2026-05-31"), (2, "2026-06-15"), (3, "2026-08-20"),
                            (4, "2026-05-31")):  # fmt: skip
        close_out(store, plot_id, closed)
    campaign = campaigns.create_campaign(
        store, "2026年耕地整治回头看", "2026-10-01", issuer="区规划资源局", ends_on="2026-11-15"
    )
    # 青山镇, closed out before July: plots 1 and 2 (plot 4 is in 白水镇, plot 3 closed in August)
    chosen = campaigns.select_for_campaign(store, campaign, township="青山镇",
                                          closed_before="2026-07-01")  # fmt: skip
    assert chosen.added == (jcbh(1), jcbh(2)) and chosen.skipped == ()
    plots, _ = campaigns.closed_out_plots(store, closed_before="2026-06-01")
    assert [p.jcbh for p in plots] == [jcbh(1), jcbh(4)]  # both closed 2026-05-31
    listed = campaigns.select_for_campaign(
        store, campaign, [jcbh(3), "3201009999", jcbh(5), jcbh(1)]
    )
    assert listed.added == (jcbh(3),)
    assert [s.text() for s in listed.skipped] == [
        "3201009999: there is no plot with this 监测编号",
        f"{jcbh(5)}: not closed out (the case is 待核查)",
        f"{jcbh(1)}: already in this campaign",
    ]
    revisits.record_revisit(store, 1, "2026-11-10", "区局检查组", "无反弹", campaign_id=campaign)
    revisits.record_revisit(store, 2, "2026-11-20", "区局检查组", "无反弹", campaign_id=campaign)
    # due 2026-11-15: plot 2 visited 11-20 (5 days late), plot 3 not visited by 12-04 (19 days:
    # 15 to the end of November, 4 in December); plot 1 on time
    found = revisits.breaches(store, "2026-11-01", "2026-11-30", "2026-12-04")
    assert [(b.record, b.days_late, b.rule, b.detail) for b in found] == [
        (jcbh(2), 5, "“回头看”检查未按期完成", "2026年耕地整治回头看"),
        (jcbh(3), 19, "“回头看”检查未按期完成", "2026年耕地整治回头看"),
    ]
    with pytest.raises(errors.InvalidRecord, match="a campaign of this name exists"):
        campaigns.create_campaign(store, "2026年耕地整治回头看", "2026-10-01")
