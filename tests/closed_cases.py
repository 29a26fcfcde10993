"""A plot driven through the workflow to its close-out (销号), for the tests of what
follows it (post-closure visits, 回头看, rebounds)."""

from __future__ import annotations

from landcase.cases import workflow


def close_out(store, plot_id: int, closed_on: str) -> None:
    """Verified, determined 违法, filed, rectified (task listed 2026-03-01), re-inspected
    整改到位 and closed out on ``closed_on``."""
    workflow.record_verification(
        store, plot_id, "已建成", "青山建材厂", "厂房", "2025-06", "彩钢板厂房一栋", "李核查",
        "2026-02-05",
    )  # fmt: skip
    workflow.determine(store, plot_id, "违法", "厂房", decided_by="张判定", decided_on="2026-02-10")
    workflow.file_case(store, plot_id, f"青自然资立〔2026〕{plot_id}号", "2026-02-15", "青山镇")
    workflow.start_rectification(store, plot_id, ["拆除复耕"], "2026-03-01")
    workflow.record_reinspection(
        store, plot_id, "整改到位", "2026-04-20", "李核查", demolished_area_m2=1600.0
    )
    workflow.close_out(store, plot_id, closed_on, "王所长")
