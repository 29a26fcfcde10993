"""One finding of the records verification (``verification_findings.verify``): what was
found changed, missing or forged in a case database, naming the row, trigger or table.

Each kind has an English template for the user interface (``tr(finding.template)``, the
zh_CN translation is in the .ts file) and a Chinese one for the CSV report, which is read
by people who may never open QGIS (documents and exports are in Chinese).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from .errors import N_

KINDS: dict[str, tuple[str, str]] = {
    "table_missing": (
        N_("table {table} is missing"),
        "数据表 {table} 缺失",
    ),
    "trigger_missing": (
        N_("trigger {trigger} on {table} is missing (it was dropped)"),
        "数据表 {table} 的触发器 {trigger} 缺失（已被删除）",
    ),
    "trigger_altered": (
        N_("trigger {trigger} on {table} was changed"),
        "数据表 {table} 的触发器 {trigger} 已被改动",
    ),
    "trigger_extra": (
        N_("trigger {trigger} on {table} was not written by LandCase"),
        "数据表 {table} 的触发器 {trigger} 不是 LandCase 建立的",
    ),
    "row_changed": (
        N_("locked row {table} #{row_id} of round {round} was changed: {fields}"),
        "已锁定轮次 {round} 的记录 {table} #{row_id} 被修改：{fields}",
    ),
    "row_missing": (
        N_("locked row {table} #{row_id} of round {round} is missing (deleted)"),
        "已锁定轮次 {round} 的记录 {table} #{row_id} 缺失（已被删除）",
    ),
    "row_extra": (
        N_("row {table} #{row_id} was added to locked round {round} after it was locked"),
        "记录 {table} #{row_id} 是在轮次 {round} 锁定后加入的",
    ),
    "seal_broken": (
        N_("the seal of round {round} no longer matches its row seals (root hash {root})"),
        "轮次 {round} 的封存根哈希 {root} 与各记录的封存值不符",
    ),
    "round_unsealed": (
        N_("round {round} is locked but has no seal: it was locked by another program"),
        "轮次 {round} 已锁定但没有封存值：由其他程序锁定",
    ),
    "audit_chain": (
        N_("audit trail: {reason}"),
        "审计日志：{reason}",
    ),
    "audit_forged": (
        N_(
            "audit row {row_id} ({action} {table} #{target}) does not agree with the data or "
            "with the log before it: it was not written by LandCase's triggers, or the data "
            "was changed unaudited; it is not sealed"
        ),
        "审计记录 {row_id}（{action} {table} #{target}）与数据或此前的日志不符：不是 LandCase "
        "触发器写入的，或数据曾被绕过审计修改；未予封存",
    ),
    "audit_truncated": (
        N_(
            "the audit log ends at row {last_id}, but row {row_id} was sealed before "
            "(checkpoint {source}): rows at its end were deleted"
        ),
        "审计日志止于第 {last_id} 条，但第 {row_id} 条此前已封存（检查点：{source}）：日志末尾的记录已被删除",
    ),
    "audit_checkpoint": (
        N_("audit row {row_id} no longer matches the checkpoint {source}"),
        "审计记录 {row_id} 与检查点（{source}）不符",
    ),
    "srid_changed": (
        N_("the CRS recorded in the database (EPSG:{srid}) differs from {table}'s (EPSG:{found})"),
        "数据库记录的坐标系（EPSG:{srid}）与 {table} 的坐标系（EPSG:{found}）不一致",
    ),
}

# A finding the store made when it opened the file, kept in ``integrity_event``.
FOUND_AT_OPEN = (
    N_("found when the file was opened at {at} (LandCase restored the triggers): {finding}"),
    "{at} 打开文件时发现（LandCase 已恢复触发器）：{finding}",
)

# Reasons of the audit chain's verification, in Chinese for the CSV (audit_chain's N_
# templates are translated in the user interface).
AUDIT_REASONS_ZH = {
    "audit row {id} does not match its seal: it was changed or moved": (
        "审计记录 {id} 与其封存值不符：被修改或移动"
    ),
    "audit rows between {previous_id} and {id} are missing (deleted)": (
        "审计记录 {previous_id} 与 {id} 之间的记录缺失（已被删除）"
    ),
    "audit row {id} is not linked to row {previous_id}: a row was deleted, re-ordered or "
    "re-sealed": "审计记录 {id} 与记录 {previous_id} 未衔接：有记录被删除、重排或重新封存",
    "audit row {id} is not sealed while later rows are: it was not written by LandCase's "
    "triggers, or its seal was removed": (
        "审计记录 {id} 未封存而其后的记录已封存：不是 LandCase 触发器写入的，或其封存值被清除"
    ),
    "audit row {id} is only half sealed": "审计记录 {id} 只有一半封存值",
    "audit row {id} no longer matches the seal recorded when round {round} was locked": (
        "审计记录 {id} 与轮次 {round} 锁定时记录的封存值不符"
    ),
    "audit row {id}, sealed when round {round} was locked, is missing": (
        "轮次 {round} 锁定时已封存的审计记录 {id} 缺失"
    ),
    "this case database has no audit hash chain": "该案件数据库没有审计哈希链",
}


@dataclass(frozen=True)
class Finding:
    """``kind`` is a key of ``KINDS``; ``params`` fill its templates. ``table``,
    ``row_id`` and ``trigger`` name what the finding is about; ``old`` and ``new`` are a
    changed row's values (column -> value) as sealed and as found."""

    kind: str
    params: dict = field(default_factory=dict)
    table: str | None = None
    row_id: int | None = None
    trigger: str | None = None
    old: dict | None = None
    new: dict | None = None

    @property
    def template(self) -> str:
        return KINDS[self.kind][0]

    def _fill(self, text: str, reason: str | None) -> str:
        params = {"table": self.table, "row_id": self.row_id, "trigger": self.trigger}
        params.update(self.params)
        if reason is not None:
            params["reason"] = reason
        return text.format(**params)

    def message(self, translate=lambda text: text) -> str:
        reason = self.params.get("reason")
        if reason is not None:
            reason = translate(reason).format(**self.params.get("reason_params", {}))
        text = self._fill(translate(self.template), reason)
        if "found_at" in self.params:
            text = translate(FOUND_AT_OPEN[0]).format(at=self.params["found_at"], finding=text)
        return text

    def chinese(self) -> str:
        reason = self.params.get("reason")
        if reason is not None:
            reason = AUDIT_REASONS_ZH.get(reason, reason).format(
                **self.params.get("reason_params", {})
            )
        text = self._fill(KINDS[self.kind][1], reason)
        if "found_at" in self.params:
            text = FOUND_AT_OPEN[1].format(at=self.params["found_at"], finding=text)
        return text


def values_text(values: dict | None) -> str:
    """A row's values for the CSV report: compact JSON, Chinese unescaped."""
    if values is None:
        return ""
    return json.dumps(values, ensure_ascii=False, separators=(",", ":"))
