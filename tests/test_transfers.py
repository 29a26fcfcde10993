"""移送 beside a filed case, 应移送未移送 by the thresholds of 法释〔2000〕14号 第三条
(永久基本农田 ≥ 5 亩, other 耕地 ≥ 10 亩; 1 亩 = 10000/15 m²), and escalations; both backends."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest

from helpers import small_database
from landcase.cases import clocks, errors, escalations, transfers, workflow
from landcase.cases.overlay_store import save_overlay

D = datetime.date


def jcbh(plot_id: int) -> str:
    return f"320100202601{plot_id - 1:03d}"


@pytest.fixture
def store(case_target):
    store = small_database(case_target, plots=4)
    for plot_id in (1, 2, 3, 4):
        workflow.record_verification(store, plot_id, "已建成", "青山建材厂", "厂房", "2026-01",
                                     "厂房一栋", "李核查", "2026-02-05")  # fmt: skip
        workflow.determine(store, plot_id, "违法", "厂房", decided_by="张", decided_on="2026-02-10")
        if plot_id != 4:
            workflow.file_case(store, plot_id, f"青立〔2026〕{plot_id}号", "2026-02-15")
    # (farmland m², cropland m²) of each plot's overlay
    areas = {1: (3400.0, 3400.0), 2: (1000.0, 8000.0), 3: (3000.0, 7000.0), 4: (4000.0, 4000.0)}
    rows = []
    for plot_id, (farmland, cropland) in areas.items():
        rows += [
            (plot_id, "landuse", None, None, cropland, cropland, "v1"),
            (plot_id, "cropland", "耕地", "耕地", cropland, cropland, "v1"),
            (plot_id, "farmland", None, None, farmland, farmland, "v1"),
        ]
    save_overlay(store, rows)
    yield store
    store.close()


def test_a_filed_case_also_transferred_to_the_police(store):
    # plot 1: 3400 m² of 永久基本农田 = 3400 × 15 / 10000 = 5.10 亩 ≥ 5
    # plot 2: 耕地 8000 − 基本农田 1000 = 7000 m² = 10.50 亩 ≥ 10
    # plot 3: 3000 m² = 4.50 亩 < 5 and 4000 m² = 6.00 亩 < 10: below both
    # plot 4: 6.00 亩 of 基本农田 but not filed (应查处未查处 first)
    should = transfers.should_transfer(store, "2026-12-31")
    assert [(c.jcbh, c.farmland_mu, c.other_cropland_mu) for c in should] == [
        (jcbh(1), Decimal("5.10"), Decimal("0.00")),
        (jcbh(2), Decimal("1.50"), Decimal("10.50")),
    ]
    assert should[0].reason == "占用永久基本农田 5.10 亩（≥ 5 亩）"
    transfer_id = transfers.record_transfer(store, jcbh(1), "公安", "2026-03-01", "青移〔2026〕1号",
                                            "涉嫌非法占用农用地罪")  # fmt: skip
    transfers.record_acceptance(store, transfer_id, "2026-03-05")
    # the case stays filed: a transfer is not a status
    assert workflow.case_state(store, 1).status == "已立案"
    [shown] = transfers.transfers_of(store, jcbh(1))
    assert (shown.receiver, shown.transferred_on, shown.accepted_on) == (
        "公安",
        "2026-03-01",
        "2026-03-05",
    )
    [breach] = transfers.breaches(store, "2026-03-01", "2026-03-31", D(2026, 3, 31))
    assert (breach.record, breach.unit, breach.direct, breach.due) == (
        jcbh(2), "市自然资源局", "市自然资源部门相关责任人", None,
    )  # fmt: skip
    assert breach.source == "启政办发〔2020〕32号 二(三)5"
    assert "10.50 亩" in breach.detail
    # before the filing date nothing was due
    assert transfers.breaches(store, "2026-01-01", "2026-01-31", D(2026, 3, 31)) == []
    # a transfer to 纪委监委 does not answer the police threshold
    transfers.record_transfer(store, jcbh(2), "纪委监委", "2026-03-02")
    assert [c.jcbh for c in transfers.should_transfer(store)] == [jcbh(2)]


@pytest.mark.parametrize(
    "args, reason",
    [
        ((jcbh(4), "公安", "2026-03-01"), "beside a filed case.*已判定"),
        ((jcbh(1), "法院", "2026-03-01"), "transferred to 公安、纪委监委"),
        ((jcbh(1), "公安", "三月"), "is not a date"),
        (("999", "公安", "2026-03-01"), "no plot with this 监测编号"),
    ],
)
def test_bad_transfers_are_refused(store, args, reason):
    with pytest.raises(errors.InvalidRecord, match=reason):
        transfers.record_transfer(store, *args)
    assert transfers.transfers_of(store) == []


def test_escalations_on_a_case_and_on_a_township(store):
    on_case = escalations.record_escalation(store, "挂牌督办", "2026-03-01", "南通市自然资源和规划局",
                                            jcbh=jcbh(1), number="通督〔2026〕2号", due_on="2026-03-31")  # fmt: skip
    escalations.record_escalation(
        store, "通报批评", "2026-03-10", "启东市人民政府", township="海复镇"
    )
    shown = escalations.escalations(store, today="2026-04-02")
    assert [(e.kind, e.jcbh, e.township) for e in shown] == [
        ("挂牌督办", jcbh(1), "青山镇"), ("通报批评", None, "海复镇"),
    ]  # fmt: skip
    assert (shown[0].clock.state, shown[0].clock.days_late) == (clocks.OVERDUE, 2)
    escalations.resolve_escalation(store, on_case, "2026-03-30")
    assert escalations.escalations(store, jcbh=jcbh(1))[0].clock.state == clocks.MET
    assert [e.kind for e in escalations.escalations(store, open_only=True)] == ["通报批评"]
    assert [e.kind for e in escalations.escalations(store, township="青山镇")] == ["挂牌督办"]
    with pytest.raises(errors.InvalidRecord, match="not one of"):
        escalations.record_escalation(store, "约谈", "2026-03-01", "市局", township="海复镇")
    with pytest.raises(errors.InvalidRecord, match="case .*or the township"):
        escalations.record_escalation(store, "督办", "2026-03-01", "市局")
    with pytest.raises(errors.InvalidRecord, match="before the date it was issued"):
        escalations.record_escalation(store, "督办", "2026-03-01", "市局", township="海复镇",
                                      due_on="2026-02-01")  # fmt: skip
