"""市级验收: which materials each case still lacks for the city's acceptance check.

What a case must hold follows its determination and its handling (查处工作规程, seeds
001-003):

- every case past 待核查: the field verification (核查人, 核查日期) and its photos, each
  with a position (a photo without one cannot show where it was taken);
- a determination with who made it and when;
- 合法: the approval number with the share of the plot it covers, or the title number,
  or the facility record number; an approval number needs its scan (批文);
- 设施农用地: the facility record number (上图入库号) and the scan of the record (备案);
- 违法: filed (立案编号, filing date, the filing documents' scan 立案文书) or referred
  (handling department, referral date); a 违法 case neither filed nor referred lacks its
  handling;
- a rectification: the task list date and, for 拆除复耕 / 补办手续, the areas;
- a closed-out case: the re-inspection photos (复核) and the joint re-check result.

``missing_materials`` answers per case, in 监测编号 order; ``case_missing`` answers for one
case already read (cases/case_file). Each item is a short Chinese phrase as printed in
the dossier's 备考表 and in the CSV of ``landcase:checkcompleteness``.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass

from . import determination_codes as codes
from .photos import NO_POSITION, REINSPECTION_PURPOSE


@dataclass(frozen=True)
class CaseMaterials:
    plot_id: int
    jcbh: str
    status: str
    category: str  # 判定类别, "" when not determined
    missing: tuple[str, ...]

    @property
    def complete(self) -> bool:
        return not self.missing


def _blank(value) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def case_missing(store, case) -> list[str]:
    """The materials the case (a ``case_file.CaseFile``) lacks, in words."""
    state = case.state
    missing: list[str] = []
    verification = case.verification
    survey_photos = [p for p in case.photos if p.purpose != REINSPECTION_PURPOSE]
    kinds = {a.kind for a in case.attachments}
    if verification is None:
        missing.append("外业核查记录")
    else:
        if _blank(verification.get("verifier")) or _blank(verification.get("verified_on")):
            missing.append("核查人及核查日期")
        if not survey_photos:
            missing.append("现场核查照片")
    unplaced = [p for p in survey_photos if NO_POSITION in p.flags or p.longitude is None]
    if unplaced:
        missing.append(f"核查照片定位（{len(unplaced)} 张无定位）")

    d = state.determination
    if d is None:
        missing.append("合法性判定")
        return missing
    if _blank(d.decided_by) or _blank(d.decided_on):
        missing.append("判定人及判定日期")
    if d.category == codes.LEGAL:
        by_approval = not _blank(d.approval_number) and d.covered_share is not None
        if not (by_approval or not _blank(d.title_number) or not _blank(d.facility_record_number)):
            missing.append("合法依据（批准文号及覆盖比例、不动产权证号或设施农用地上图入库号）")
        if not _blank(d.approval_number) and "批文" not in kinds:
            missing.append("批文扫描件")
    elif d.category == codes.FACILITY_FARMLAND:
        if _blank(d.facility_record_number):
            missing.append("设施农用地上图入库号")
        if "备案" not in kinds:
            missing.append("设施农用地备案材料扫描件")
    elif d.category == codes.ILLEGAL:
        filed = not _blank(state.filing_number) or state.status == "已立案"
        referred = not _blank(state.handling_department) or state.status == "已移交"
        if filed:
            if _blank(state.filing_number):
                missing.append("立案编号")
            if _blank(state.filed_on):
                missing.append("立案日期")
            if "立案文书" not in kinds:
                missing.append("立案文书扫描件")
        elif referred:
            if _blank(state.referred_on):
                missing.append("移交日期")
        else:
            missing.append("立案查处或移交处理")

    r = state.rectification
    if r is not None:
        if _blank(r.task_listed_on):
            missing.append("整改任务下达日期")
        if "拆除复耕" in r.measures and r.demolished_area_m2 is None and r.restored_area_m2 is None:
            missing.append("拆除、复耕面积")
        if "补办手续" in r.measures and r.legalised_area_m2 is None:
            missing.append("补办手续面积")
    if state.closed_on:
        if not [p for p in case.photos if p.purpose == REINSPECTION_PURPOSE]:
            missing.append("整改复核照片")
        closeout = case.closeout or {}
        if _blank(closeout.get("joint_recheck_result")):
            missing.append("联合复核结果")
    return missing


def missing_materials(store, plot_ids=None) -> list[CaseMaterials]:
    """Per case (every case, or those of ``plot_ids``), what it lacks; 监测编号 order."""
    from .case_file import read_case_file

    if plot_ids is None:
        plot_ids = [row[0] for row in store._db.execute("SELECT plot_id FROM case_record")]
    found = []
    for plot_id in plot_ids:
        case = read_case_file(store, plot_id)
        d = case.state.determination
        found.append(
            CaseMaterials(
                plot_id,
                case.plot["jcbh"],
                case.state.status,
                d.category if d is not None else "",
                tuple(case_missing(store, case)),
            )
        )
    found.sort(key=lambda c: (len(c.jcbh), c.jcbh))
    return found


CSV_HEADER = ("监测编号", "案件状态", "判定类别", "是否齐全", "缺失材料数", "缺失材料")


def write_csv(found: list[CaseMaterials], path) -> None:
    """The check as a CSV in Chinese (UTF-8 with BOM, so Excel reads it), one case a row."""
    with open(path, "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(CSV_HEADER)
        for case in found:
            writer.writerow(
                (
                    case.jcbh,
                    case.status,
                    case.category or "未判定",
                    "是" if case.complete else "否",
                    len(case.missing),
                    "；".join(case.missing),
                )
            )
