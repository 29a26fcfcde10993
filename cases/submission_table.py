"""The submission table of a round (一上 / 二上) in the national field names (no Qt, no
QGIS). Areas in 亩 as printed (``areas.official_mu``): TBMJ from the plot's official
ellipsoidal area, GDMJ / JBNTMJ from the overlay's ellipsoidal areas (empty when the role
was never compared: not computed is not zero), JCMJ in 亩 whatever unit it was issued in
(``plot.jcmj_unit``), CCMJ / FGMJ / BBMJ from the round's snapshot and ZGMJ, the 整改面积,
from ``rectification_area.rectified_area_m2``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

import pandas as pd

from . import determination_codes as dc
from . import rounds
from . import workflow as wf
from .areas import figure_decimal, official_mu
from .errors import N_, InvalidRecord
from .overlay_records import CROPLAND
from .rectification_area import rectified_area_m2
from .stats_catalogue import AREA, TEXT
from .stats_load import CONCLUDED_STATUSES, FARMLAND_ROLE, LANDUSE_ROLE
from .stats_load import rows as _rows
from .stats_periods import StatisticsError


@dataclass(frozen=True)
class SubmissionField:
    """A field of the submission in its national name (at most 10 ASCII characters, for
    the shapefile), its Chinese header and its kind: text or 亩 with two decimals."""

    name: str
    header: str
    unit: str = TEXT


SUBMISSION_FIELDS = (
    SubmissionField("JCBH", "监测编号"),
    SubmissionField("XZQDM", "行政区代码"),
    SubmissionField("XZQMC", "行政区名称"),
    SubmissionField("XZMC", "乡镇名称"),
    SubmissionField("CMC", "村名称"),
    SubmissionField("JCPC", "监测批次"),
    SubmissionField("XSLY", "线索来源"),
    SubmissionField("QSX", "前时相"),
    SubmissionField("HSX", "后时相"),
    SubmissionField("TBLX", "图斑类型"),
    SubmissionField("BGLX", "变化类型"),
    SubmissionField("JCMJ", "监测面积(亩)", AREA),
    SubmissionField("TBMJ", "图斑面积(亩)", AREA),
    SubmissionField("GDMJ", "占用耕地面积(亩)", AREA),
    SubmissionField("JBNTMJ", "占用永久基本农田面积(亩)", AREA),
    SubmissionField("PDLX", "判定类型"),
    SubmissionField("PDZL", "判定子类"),
    SubmissionField("XZCL", "新增或存量"),
    SubmissionField("BLZT", "办理状态"),
    SubmissionField("CCFS", "查处方式"),
    SubmissionField("LABH", "立案编号"),
    SubmissionField("YJBM", "移交部门"),
    SubmissionField("ZGCS", "整改措施"),
    SubmissionField("ZGXDRQ", "整改任务下达日期"),
    SubmissionField("CCMJ", "拆除面积(亩)", AREA),
    SubmissionField("FGMJ", "复耕面积(亩)", AREA),
    SubmissionField("BBMJ", "补办手续面积(亩)", AREA),
    SubmissionField("ZGMJ", "整改面积(亩)", AREA),
    SubmissionField("FHJG", "复核结果"),
    SubmissionField("FHRQ", "复核日期"),
    SubmissionField("XHRQ", "销号日期"),
    SubmissionField("SBLC", "上报轮次"),
)
SUBMISSION_STAGES = ("一上", "二上")
FILED_STATUSES = (wf.FILED, wf.RECTIFYING, wf.AWAITING_RECHECK, *CONCLUDED_STATUSES)
HANDLED_STATUSES = (wf.FILED, wf.REFERRED, wf.RECTIFYING, wf.AWAITING_RECHECK, *CONCLUDED_STATUSES)

_SUBMISSION_SQL = f"""
SELECT ri.snapshot, p.jcbh, p.xzqdm, p.xzqmc, p.township, p.village,
    COALESCE(p.jcpc, b.name), p.clue_source, p.qsx, p.hsx, p.tblx, p.bglx, p.jcmj,
    p.area_ellipsoidal_m2,
    CASE WHEN EXISTS (SELECT 1 FROM overlay WHERE plot_id = p.id
            AND role = '{LANDUSE_ROLE}' AND class_code IS NULL)
        THEN COALESCE((SELECT sum(area_ellipsoidal_m2) FROM overlay
            WHERE plot_id = p.id AND role = '{CROPLAND}'), 0) END,
    (SELECT sum(area_ellipsoidal_m2) FROM overlay
        WHERE plot_id = p.id AND role = '{FARMLAND_ROLE}' AND class_code IS NULL),
    p.jcmj_unit,
    c.filing_number, c.handling_department, co.closed_on, AsBinary(p.geom)
FROM round_item AS ri
JOIN case_record AS c ON c.id = ri.case_id
JOIN plot AS p ON p.id = c.plot_id
LEFT JOIN batch AS b ON b.id = p.batch_id
LEFT JOIN closeout AS co ON co.case_id = c.id
WHERE ri.round_id = ?
ORDER BY p.jcbh
"""


@dataclass
class SubmissionTable:
    """The plots of a round in the national field names (``frame``, one column per
    ``SUBMISSION_FIELDS`` name), their geometries as WKB in the database's CRS."""

    round: rounds.SubmissionRound
    srid: int
    frame: pd.DataFrame
    wkb: list[bytes]

    @property
    def name(self) -> str:
        return self.round.name


def _mu2(area_m2) -> float | None:
    """亩 as printed (``areas.official_mu``); None (an empty cell) when not computed."""
    return official_mu(dc.number_or_none(area_m2))


def jcmj_mu(jcmj, unit: str | None) -> float | None:
    """The issued 监测面积 in 亩 (the national field JCMJ is in 亩): ``plot.jcmj_unit`` says
    the unit it was stored in ('m²' → converted with ``areas.official_mu``; NULL or '亩' →
    as issued, to two decimals half up)."""
    value = dc.number_or_none(jcmj)
    if value is None:
        return None
    if (unit or "").strip() in ("m²", "m2", "平方米"):
        return official_mu(value)
    return float(figure_decimal(value))


def submission_table(store, round_id: int) -> SubmissionTable:
    """The submission of round ``round_id`` (一上 or 二上): each case as the round's snapshot
    keeps it (determination, status, rectification), with the plot's national fields and
    its areas (亩, two decimals, rounded half up). See ``SUBMISSION_FIELDS``."""
    submitted = rounds.get_round(store, round_id)
    if submitted.stage not in SUBMISSION_STAGES:
        raise StatisticsError(
            reason=N_("round {round} is not a submission: only 一上 and 二上 are exported"),
            round=submitted.name,
        )
    records, wkbs = [], []
    for row in _rows(store, _SUBMISSION_SQL, (round_id,))[1]:
        snapshot = json.loads(row[0])
        (jcbh, xzqdm, xzqmc, township, village, jcpc, source, qsx, hsx, tblx, bglx) = row[1:12]
        jcmj, plot_m2, cropland_m2, farmland_m2 = row[12:16]
        jcmj_unit, filing_number, department, closed_on, wkb = row[16:21]
        status = snapshot.get("status")
        category = snapshot.get("category")
        subtype = "-".join(
            s for s in (snapshot.get("subtype"), snapshot.get("subtype_detail")) if s
        )
        handled = status in HANDLED_STATUSES and category == dc.ILLEGAL
        filed = handled and filing_number is not None and status in FILED_STATUSES
        referred = handled and not filed and department is not None
        area_m2 = plot_m2  # the official (ellipsoidal) area stored with the plot
        records.append(
            {
                "JCBH": jcbh,
                "XZQDM": xzqdm,
                "XZQMC": xzqmc,
                "XZMC": township,
                "CMC": village,
                "JCPC": jcpc,
                "XSLY": source,
                "QSX": qsx,
                "HSX": hsx,
                "TBLX": tblx,
                "BGLX": bglx,
                "JCMJ": jcmj_mu(jcmj, jcmj_unit),
                "TBMJ": _mu2(area_m2),
                "GDMJ": _mu2(cropland_m2),
                "JBNTMJ": _mu2(farmland_m2),
                "PDLX": category or rounds.UNDETERMINED,
                "PDZL": subtype or None,
                "XZCL": snapshot.get("new_or_existing"),
                "BLZT": status,
                "CCFS": "立案" if filed else ("移交" if referred else None),
                "LABH": filing_number if filed else None,
                "YJBM": department if referred else None,
                "ZGCS": snapshot.get("measures"),
                "ZGXDRQ": snapshot.get("task_listed_on"),
                "CCMJ": _mu2(snapshot.get("demolished_area_m2")),
                "FGMJ": _mu2(snapshot.get("restored_area_m2")),
                "BBMJ": _mu2(snapshot.get("legalised_area_m2")),
                "ZGMJ": _mu2(
                    rectified_area_m2(
                        snapshot.get("demolished_area_m2"),
                        snapshot.get("restored_area_m2"),
                        snapshot.get("legalised_area_m2"),
                    )
                ),
                "FHJG": snapshot.get("reinspection_result"),
                "FHRQ": snapshot.get("reinspected_on"),
                "XHRQ": closed_on if status in CONCLUDED_STATUSES else None,
                "SBLC": submitted.name,
            }
        )
        wkbs.append(bytes(wkb) if wkb is not None else None)
    frame = pd.DataFrame.from_records(records, columns=[f.name for f in SUBMISSION_FIELDS])
    return SubmissionTable(submitted, store.srid, frame, wkbs)


def find_round(store, value) -> rounds.SubmissionRound:
    """A round from its id (number or digits) or its name 'YYYY-MM 一上'."""
    text = str(value or "").strip()
    if text.isdigit():
        return rounds.get_round(store, int(text))
    for candidate in rounds.list_rounds(store):
        if candidate.name == " ".join(text.split()):
            return candidate
    raise InvalidRecord(record=text or "—", reason=N_("there is no submission round of this name"))
