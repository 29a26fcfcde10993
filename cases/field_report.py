"""The report each merge of a field package leaves: a JSON file with everything (each
record's outcome, conflicts with the office's and the field's values side by side), a CSV
in Chinese for the station (UTF-8 with BOM, so Excel reads it; a conflict takes one row
per value compared) and a summary line."""

from __future__ import annotations

import csv
import datetime
import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .errors import N_, LandCaseError, _untranslated
from .field_merge import (
    ALREADY_MERGED,
    COMPARED,
    CONFLICT,
    MERGED,
    MISSING_PHOTO,
    NOT_IN_PACKAGE,
    REFUSED,
    MergeResult,
    Outcome,
)

RESULT_WORDS = {
    MERGED: "已合并",
    ALREADY_MERGED: "已合并过（未重复写入）",
    CONFLICT: "冲突（未覆盖）",
    REFUSED: "未合并",
    MISSING_PHOTO: "照片缺失",
    NOT_IN_PACKAGE: "不在本数据包",
}
VALUE_WORDS = {
    "status": "案件状态",
    "site_status": "现场状态",
    "land_user": "用地主体",
    "actual_use": "实际用途",
    "construction_date": "建设时间",
    "reinspection_result": "复核结果",
    "revisit_result": "事后巡查结果",
    "verifier": "核查人",
    "verified_on": "核查日期",
}
CSV_HEADER = ("监测编号/编号", "外业记录", "类别", "结果", "说明", "比对项", "内业值", "外业值")

SUMMARY = N_(
    "Field package {name}: {verifications} verifications and {reinspections} "
    "re-inspections merged, {revisits} post-closure visits ({rebounds} rebounds opened "
    "as clues), {photos} photos stored, {clues} new finds recorded as clues; "
    "{already} records merged before (not written again), {conflicts} conflicts (not "
    "overwritten), {refused} refused, {missing} photos missing."
)


@dataclass(frozen=True)
class ReportFiles:
    json_path: Path
    csv_path: Path
    summary: str


def summary(result: MergeResult, translate: Callable[[str], str] = _untranslated) -> str:
    return translate(SUMMARY).format(
        name=result.package.name,
        verifications=result.verifications,
        reinspections=result.reinspections,
        revisits=result.revisits,
        rebounds=result.rebounds,
        photos=result.photos,
        clues=result.clues,
        already=result.count(ALREADY_MERGED),
        conflicts=result.count(CONFLICT),
        refused=result.count(REFUSED),
        missing=result.count(MISSING_PHOTO),
    )


def detail_text(outcome: Outcome, translate: Callable[[str], str] = _untranslated) -> str:
    if isinstance(outcome.detail, LandCaseError):
        return outcome.detail.text(translate)
    return translate(outcome.detail) if outcome.detail else ""


def write_report(
    result: MergeResult,
    folder: Path | str,
    translate: Callable[[str], str] = _untranslated,
    now: datetime.datetime | None = None,
) -> ReportFiles:
    """Write ``merge_<package>_<time>.json`` and ``.csv`` into ``folder``."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    stamp = (now or datetime.datetime.now()).strftime("%Y%m%d_%H%M%S")
    stem = f"merge_{result.package.name}_{stamp}"
    text = summary(result, translate)
    json_path, csv_path = folder / f"{stem}.json", folder / f"{stem}.csv"
    document = {
        "package": {"code": result.package.code, "name": result.package.name},
        "merged_at": stamp,
        "summary": text,
        "counts": {
            "verifications": result.verifications,
            "reinspections": result.reinspections,
            "revisits": result.revisits,
            "rebounds": result.rebounds,
            "photos": result.photos,
            "clues": result.clues,
            **{kind: result.count(kind) for kind in RESULT_WORDS},
        },
        "outcomes": [
            {
                "subject": o.subject,
                "record": o.record,
                "kind": o.kind,
                "result": o.result,
                "detail": detail_text(o, translate),
                "office": o.office,
                "field": o.field,
            }
            for o in result.outcomes
        ],
    }
    json_path.write_text(json.dumps(document, ensure_ascii=False, indent=2), encoding="utf-8")
    with open(csv_path, "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(CSV_HEADER)
        for outcome in result.outcomes:
            head = (
                outcome.subject,
                outcome.record,
                outcome.kind,
                RESULT_WORDS[outcome.result],
                detail_text(outcome, translate),
            )
            if outcome.result != CONFLICT:
                writer.writerow((*head, "", "", ""))
                continue
            for name in COMPARED:  # side by side: the office's value, the field's
                office = (outcome.office or {}).get(name)
                field = (outcome.field or {}).get(name)
                writer.writerow((*head, VALUE_WORDS[name], office or "", field or ""))
    return ReportFiles(json_path, csv_path, text)
