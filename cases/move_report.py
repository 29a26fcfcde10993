"""The report of a move to PostgreSQL as a CSV in Chinese (UTF-8 with BOM, which Excel
reads as UTF-8): what was moved, what was there already, what was refused and why."""

from __future__ import annotations

import csv
from pathlib import Path

from .move_rounds import NO_MOVED_CASE, SAME_ROUND_ON_SERVER

CSV_HEADER = ("项目", "对象", "数量或说明")
TABLE_NAMES_ZH = {
    "batch": "批次",
    "plot": "图斑",
    "case_record": "案件",
    "overlay": "叠加分析结果",
    "verification": "外业核查",
    "photo": "照片",
    "determination": "合法性判定",
    "rectification": "整改",
    "closeout": "销号",
    "document": "已打印文书",
    "attachment": "附件",
    "layer_role": "图层角色",
    "calendar_day": "节假日调整",
    "submission_round": "报送轮次",
    "patrol_level": "片区等级",
    "recipient": "抄告对象",
    "campaign": "专项行动",
    "patrol_unit": "巡查单位",
    "patrol_zone": "巡查片区",
    "patrol": "巡查记录",
    "clue": "线索",
    "patrol_finding": "巡查发现",
    "patrol_report": "巡查日报月报",
    "problem_item": "问题清单事项",
    "stop_action": "制止记录",
    "notification": "抄告函告",
    "notification_recipient": "抄告对象回复",
    "transfer": "移送",
    "escalation": "督办通报",
    "revisit": "回头看",
    "feedback": "反馈意见",
    "record_file": "巡查制止等记录的文件",
}
ROUND_REASONS_ZH = {
    SAME_ROUND_ON_SERVER: "服务器上已有其他数据库的报送轮次 {round}",
    NO_MOVED_CASE: "报送轮次 {round} 不含本次迁移的案件",
}
RENAMED_ZH = "服务器上已有该编号（来自其他数据库），迁入后编号为 {new_code}"
REFUSED_ZH = "服务器上已有该监测编号（来自其他数据库），该图斑及其案件未迁移"
FILE_MISSING_ZH = "站点数据库的附件目录中缺少该文件或文件已损坏（记录已迁移）"


def rows(report) -> list[tuple]:
    """The CSV's rows after its header."""
    lines: list[tuple] = [
        ("迁入", TABLE_NAMES_ZH.get(table, table), count)
        for table, count in report.moved.items()
        if count
    ]
    if report.already_moved:
        lines.append(("此前已迁移", "图斑", report.already_moved))
    if report.outside_township:
        lines.append(("不属于所选乡镇", "图斑", report.outside_township))
    lines += [("拒绝", plot.jcbh, REFUSED_ZH) for plot in report.refused]
    lines += [
        (f"改号（{TABLE_NAMES_ZH[r.table]}）", r.code, RENAMED_ZH.format(new_code=r.new_code))
        for r in report.renamed
    ]
    lines += [
        ("未迁移的报送轮次", left.name, ROUND_REASONS_ZH[left.reason].format(round=left.name))
        for left in report.rounds_left
    ]
    lines += [("缺少文件", name, FILE_MISSING_ZH) for name in report.files_missing]
    lines.append(("复制的照片与附件文件", "", report.files_copied))
    lines.append(("归档的审计记录", "", report.audit_rows_archived))
    lines.append(("归档的轮次封存", "", report.seals_archived))
    lines.append(("来源标识", report.origin, ""))
    return lines


def write_report(report, path: Path | str) -> Path:
    path = Path(path)
    with open(path, "w", newline="", encoding="utf-8-sig") as handle:
        writer = csv.writer(handle)
        writer.writerow(CSV_HEADER)
        writer.writerows(rows(report))
    return path
