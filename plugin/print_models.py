"""What a printed document is built from: a case read through ``cases/`` mapped onto the
report models of ``reports/`` (核查报告, 销号报告 and the items of a 卷宗). No QGIS here:
the maps are drawn by ``printing.MapMaker``; this module only says what they are."""

from __future__ import annotations

import datetime

from ..cases import overlay_records
from ..cases.areas import m2_text
from ..cases.attachments import Attachment, attachment_path
from ..cases.case_file import CaseFile
from ..cases.completeness import case_missing
from ..cases.deadlines import plot_reference_date, rectification_due
from ..cases.landuse_codes import three_way_class
from ..cases.photo_rules import (
    PhotoCheck,
    PhotoRules,
    check_photos,
    describe_photo_check,
    describe_rules_check,
)
from ..cases.photos import REINSPECTION_PURPOSE, SURVEY_PURPOSE, describe_flags, photo_path
from ..cases.seals import lock_root_text
from ..reports import models
from ..reports.closeout_report import report_title as closeout_title
from ..reports.verification_report import report_title as verification_title

VERIFICATION, CLOSEOUT, DOSSIER = "核查报告", "销号报告", "卷宗"
NO_NUMBER = "无"  # a 卷内目录 item without a 文号 (the reports carry none)
NOT_FILLED = "未填写"


def _text(value) -> str:
    return "" if value is None else str(value)


def _day(value) -> str:
    """The YYYY-MM-DD of a stored date or timestamp ('' when none)."""
    return _text(value)[:10]


# -- case → report models -------------------------------------------------------------


def plot_info(case: CaseFile) -> models.PlotInfo:
    plot = case.plot
    return models.PlotInfo(
        jcbh=plot["jcbh"],
        batch=_text(plot["batch"] or plot["jcpc"]),
        clue_source=_text(plot["clue_source"]),
        county=_text(plot["xzqmc"]) if plot["xzqmc"] != plot["township"] else "",
        township=_text(plot["township"]),
        village=_text(plot["village"]),
        qsx=_text(plot["qsx"]),
        hsx=_text(plot["hsx"]),
        change_type=_text(plot["bglx"] or plot["tblx"]),
        area_m2=plot.get("area_planar_m2"),
        area_ellipsoidal_m2=plot.get("area_ellipsoidal_m2"),
        center_lon=plot["center_lon"],
        center_lat=plot["center_lat"],
        found_date=_text(plot["found_date"]),
    )


def photo_info(
    store, photo, check: PhotoCheck | None = None, rules: PhotoRules | None = None
) -> models.PhotoInfo:
    """One photo as printed; with ``check``, what it meets of the photo rules."""
    words = describe_flags(photo.flags, photo.distance_to_plot_m)
    outcome = describe_photo_check(check, rules) if check and rules else {}
    return models.PhotoInfo(
        path=str(photo_path(store, photo)),
        taken_at=_text(photo.taken_at).replace("T", " ")[:19],
        lon=photo.longitude,
        lat=photo.latitude,
        direction=photo.direction,
        flags=[words] if words else [],
        kind=_text(photo.kind),
        rules_met=outcome.get(True, []),
        rules_missed=[*outcome.get(False, []), *outcome.get(None, [])],
    )


def survey_photos(case: CaseFile) -> list:
    """The photos a 核查报告 shows, in its order (照片1, 照片2 …)."""
    return [p for p in case.photos if p.purpose != REINSPECTION_PURPOSE]


def photo_sightings(case: CaseFile) -> list[tuple]:
    """(number, x, y, direction) of each of the report's photos with a position, for the
    map: numbered as the report numbers them."""
    return [
        (number, p.x, p.y, p.direction)
        for number, p in enumerate(survey_photos(case), 1)
        if p.x is not None and p.y is not None
    ]


def determination(case: CaseFile) -> models.Determination | None:
    current = case.state.determination
    if current is None:
        return None
    evidence = {
        "批准文号": current.approval_number,
        "批文覆盖比例": f"{current.covered_share:.1%}" if current.covered_share else None,
        "不动产权证号": current.title_number,
        "设施农用地上图入库号": current.facility_record_number,
        "备案面积（m²）": m2_text(current.filed_area_m2) if current.filed_area_m2 else None,
        "判定依据": current.evidence.get("basis"),
    }
    subtype = current.subtype or ""
    if current.detail:
        subtype = f"{subtype}（{current.detail}）"
    return models.Determination(
        category=current.category,
        subtype=subtype,
        new_or_existing=_text(current.new_or_existing),
        evidence={k: str(v) for k, v in evidence.items() if v},
        note="；".join(w.message for w in current.warnings),
        decided_by=_text(current.decided_by),
        decided_on=_text(current.decided_on),
    )


def overlay_rows(store, plot_id: int):
    """(land-use rows, 永久基本农田 rows, other layers, whether 永久基本农田 was compared)."""
    breakdown = overlay_records.read_breakdown(store, plot_id)
    if breakdown is None:
        return [], [], [], False
    landuse = []
    for item in breakdown.landuse:
        try:
            group = three_way_class(item.code) if item.code else ""
        except ValueError:
            group = ""
        landuse.append(
            models.OverlayRow(
                _text(item.code),
                _text(item.name),
                item.area.planar_m2,
                item.area.ellipsoidal_m2,
                group,
            )
        )
    farmland_area = breakdown.masks.get("farmland")
    farmland = (
        [
            models.OverlayRow(
                "", "永久基本农田", farmland_area.planar_m2, farmland_area.ellipsoidal_m2
            )
        ]
        if farmland_area is not None and farmland_area.planar_m2 > 0
        else []
    )
    names = {"redline": "生态保护红线", "urban_boundary": "城镇开发边界", "temporary": "临时用地"}
    other = [
        models.OverlayRow("", names[key], area.planar_m2, area.ellipsoidal_m2)
        for key, area in breakdown.masks.items()
        if key in names and area.planar_m2 > 0
    ]
    other += [
        models.OverlayRow(_text(a.number), "批准用地", a.area.planar_m2, a.area.ellipsoidal_m2)
        for a in breakdown.approvals
    ]
    return landuse, farmland, other, farmland_area is not None


def verification_report(store, case: CaseFile, maps: models.MapImages, unit: str = ""):
    verification = case.verification or {}
    verdict = check_photos(store, case.plot_id, SURVEY_PURPOSE)
    checks = {c.photo.id: c for c in verdict.photos}
    landuse, farmland, other, farmland_compared = overlay_rows(store, case.plot_id)
    return models.VerificationReport(
        plot=plot_info(case),
        verification=models.Verification(
            site_status=_text(verification.get("site_status")),
            land_user=_text(verification.get("land_user")),
            actual_use=_text(verification.get("actual_use")),
            construction_date=_text(verification.get("construction_date")),
            description=_text(verification.get("description")),
            verifier=_text(verification.get("verifier")),
            verified_on=_text(verification.get("verified_on")),
        ),
        determination=determination(case),
        overlay=landuse,
        farmland=farmland,
        farmland_compared=farmland_compared,
        other_layers=other,
        photos=[photo_info(store, p, checks.get(p.id), verdict.rules) for p in survey_photos(case)],
        photo_rules=describe_rules_check(verdict) if verdict.photos else "",
        maps=maps,
        signatures=models.Signatures(
            verifier=_text(verification.get("verifier")),
            verifier_date=_text(verification.get("verified_on")),
            unit=unit,
        ),
        unit=unit,
        lock_root=lock_root_text(store),
    )


def closeout_report(store, case: CaseFile, unit: str = ""):
    state = case.state
    r = state.rectification
    closeout = case.closeout or {}
    rectification = models.Rectification()
    if r is not None:
        rectification = models.Rectification(
            measures="、".join(r.measures),
            task_listed_on=_text(r.task_listed_on),
            deadline=rectification_due(r.task_listed_on).isoformat() if r.task_listed_on else "",
            demolished_m2=r.demolished_area_m2,
            restored_m2=r.restored_area_m2,
            legalised_m2=r.legalised_area_m2,
            reinspection_result=_text(r.reinspection_result),
            reinspected_on=_text(r.reinspected_on),
            reinspected_by=_text(r.reinspected_by),
            note=_text(r.note),
        )
    rectification.reinspection_photos = [
        photo_info(store, p) for p in case.photos if p.purpose == REINSPECTION_PURPOSE
    ]
    return models.CloseOutReport(
        plot=plot_info(case),
        determination=determination(case),
        rectification=rectification,
        closeout=models.CloseOut(
            closed_by=_text(closeout.get("closed_by") or state.closed_by),
            closed_on=_text(closeout.get("closed_on") or state.closed_on),
            joint_recheck_result=_text(closeout.get("joint_recheck_result")),
            note=_text(closeout.get("note")),
        ),
        filing_number=_text(state.filing_number),
        responsible_unit=_text(state.responsible_unit),
        unit=unit,
        lock_root=lock_root_text(store),
    )


# -- the dossier ----------------------------------------------------------------------


def case_dates(case: CaseFile) -> list[str]:
    """Every date the case's documents carry: registration (batch received, found or
    registered), verification, determination, filing, rectification, re-inspection,
    close-out and the attachments' own dates."""
    plot = case.plot
    state = case.state
    registered = plot_reference_date(
        plot.get("received_date"), plot.get("found_date"), _day(plot.get("created_at")) or None
    )
    dates = [registered.isoformat()]
    if case.verification:
        dates.append(_day(case.verification.get("verified_on")))
    if state.determination is not None:
        dates.append(_day(state.determination.decided_on))
    dates.append(_day(state.filed_on))
    dates.append(_day(state.referred_on))
    if state.rectification is not None:
        dates += [
            _day(state.rectification.task_listed_on),
            _day(state.rectification.reinspected_on),
        ]
    if case.closeout:
        dates.append(_day(case.closeout.get("closed_on")))
    dates += [_day(a.doc_date) for a in case.attachments]
    return [d for d in dates if _is_date(d)]


def _is_date(text: str) -> bool:
    try:
        datetime.date.fromisoformat(text)
    except ValueError:
        return False
    return True


def attachment_document(store, attachment: Attachment, jcbh: str) -> models.DossierDocument:
    path = str(attachment_path(store, attachment))
    return models.DossierDocument(
        kind=attachment.kind,
        title=attachment.title,
        content=models.AttachedFile(path, attachment.pages or 1, attachment.is_pdf),
        jcbh=jcbh,
        doc_number=attachment.doc_number or NO_NUMBER,
        responsible=attachment.author or NOT_FILLED,
        date=attachment.doc_date or NOT_FILLED,
        note=f"{attachment.pages or 1}页",  # the scan's own page count (备注)
    )


def case_documents(store, case: CaseFile, report, unit: str, several: bool):
    """The documents of one case in a dossier: its 核查报告 (``report``, maps planned),
    the scans attached to it, and its 销号报告 once closed out."""
    jcbh = case.plot["jcbh"]
    suffix = f"（监测编号 {jcbh}）" if several else ""
    verification = case.verification or {}
    verified_on = _day(verification.get("verified_on"))
    decided_on = _day(case.state.determination.decided_on) if case.state.determination else ""
    documents = [
        models.DossierDocument(
            kind=VERIFICATION,
            title=verification_title(report) + suffix,
            content=report,
            jcbh=jcbh,
            doc_number=NO_NUMBER,
            responsible=unit or NOT_FILLED,
            date=verified_on or decided_on or NOT_FILLED,
        )
    ]
    documents += [attachment_document(store, a, jcbh) for a in case.attachments]
    if case.state.closed_on:
        closeout = closeout_report(store, case, unit)
        documents.append(
            models.DossierDocument(
                kind=CLOSEOUT,
                title=closeout_title(closeout) + suffix,
                content=closeout,
                jcbh=jcbh,
                doc_number=NO_NUMBER,
                responsible=unit or NOT_FILLED,
                date=_day(case.state.closed_on),
            )
        )
    return documents


def dossier_of(store, cases_and_reports, unit: str):
    """The 卷宗 of one case, or of several when asked: cover with the 起止日期 of its
    documents, the documents, and a 备考表 naming the materials still missing."""
    several = len(cases_and_reports) > 1
    documents = []
    dates: list[str] = []
    remarks = []
    for case, report in cases_and_reports:
        documents += case_documents(store, case, report, unit, several)
        dates += case_dates(case)
        missing = case_missing(store, case)
        jcbh = case.plot["jcbh"]
        if missing:
            remarks.append(f"监测编号 {jcbh} 尚缺材料：" + "；".join(missing) + "。")
        else:
            remarks.append(f"监测编号 {jcbh} 经市级验收材料完整性检查，未发现缺失材料。")
    first_case, first_report = cases_and_reports[0]
    numbers = [case.plot["jcbh"] for case, _ in cases_and_reports]
    line = first_report.plot.report_line
    if several:
        title = f"{line}图斑核查及查处卷宗（监测编号 {numbers[0]} 等 {len(numbers)} 个图斑）"
    else:
        title = f"{line}图斑核查及查处卷宗（监测编号 {numbers[0]}）"
    return models.Dossier(
        cover=models.DossierCover(
            title=title,
            unit=unit,
            start_date=min(dates) if dates else "",
            end_date=max(dates) if dates else "",
        ),
        documents=documents,
        # 立卷人, 检查人 and 立卷时间 are left to be written by hand: a date printed here
        # would change the dossier's hash every day
        notes=models.DossierNotes(remarks="\n".join(remarks)),
        lock_root=lock_root_text(store),
    )
