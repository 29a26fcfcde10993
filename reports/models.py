"""Report models: plain dataclasses the PDF builders print, filled by the caller.

The builders never query the database: whoever prints a report (a dock, a Processing
algorithm, a test) reads the case through the store, fills these models and hands them
over with the image files (maps rendered by ``map_renderer``, photos from the
attachment folder).

Every report model has ``case_hash()``: a short SHA-256 of a canonical JSON of the case
data it holds. Images enter that JSON by content (their SHA-256), never by path, so the
same case gives the same hash wherever its files are; a map may instead name what it
was rendered from (``MapImage.source_key``), so a batch can tell whether a report is out
of date before it renders any map. Presentation-only fields (generation time) are left
out. The hash is printed in every page footer, held by the QR code and written into the
PDF's metadata (see ``pdfinfo.should_rebuild``).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Union

from ..cases.landuse_codes import is_cropland
from ..cases.rectification_area import rectified_area_m2

HASH_LENGTH = 12
# Changes when the canonical form of the hashed data changes (not the page layout).
HASH_FORMAT = 1

# Clue sources whose plots were issued from satellite monitoring (卫片执法); the others
# (属地巡查, 群众举报 …) are found by patrol (违法用地巡查).
SATELLITE_SOURCES = ("部卫片", "市卫片")


def report_line(clue_source: str) -> str:
    """The line of work a report's title names: 卫片执法 for issued plots (部卫片, 市卫片,
    or no source given), 违法用地巡查 for patrol finds and every other source."""
    source = (clue_source or "").strip()
    return "卫片执法" if not source or source in SATELLITE_SOURCES else "违法用地巡查"


def _nohash(**kwargs) -> Any:
    """A field left out of the case hash (presentation only)."""
    return field(metadata={"hash": False}, **kwargs)


# -- plot and overlay ---------------------------------------------------------------


@dataclass
class PlotInfo:
    """The plot (图斑) as issued or digitized."""

    jcbh: str  # 监测编号
    batch: str = ""  # 监测批次, e.g. 2026年第1批部卫片
    clue_source: str = ""  # 部卫片, 市卫片, 属地巡查…
    county: str = ""  # 县(市、区): xzqmc
    township: str = ""  # 乡镇(街道)
    village: str = ""  # 村(社区)
    qsx: str = ""  # 前时相
    hsx: str = ""  # 后时相
    area_m2: float | None = None  # planar (平面) area, shown only labelled 平面
    area_ellipsoidal_m2: float | None = None  # 椭球面积, the official area (None: not computed)
    change_type: str = ""  # 变化类型 / 图斑类型
    center_lon: float | None = None
    center_lat: float | None = None
    found_date: str = ""

    @property
    def official_area_m2(self) -> float | None:
        """The official area: the ellipsoidal one (None when it was not computed; a
        planar area is never taken in its place)."""
        return self.area_ellipsoidal_m2

    @property
    def report_line(self) -> str:
        return report_line(self.clue_source)


@dataclass
class OverlayRow:
    """One land-use class (or farmland part) inside the plot, from the overlay engine."""

    class_code: str  # 地类编码 (GB/T 21010 / 三调)
    class_name: str  # 地类名称
    planar_m2: float
    ellipsoidal_m2: float | None = None
    group: str = ""  # 三大类: 农用地 / 建设用地 / 未利用地
    cultivated: bool | None = None  # 耕地; None: from the code (01xx)

    @property
    def area_m2(self) -> float | None:
        """The official area: ellipsoidal (None when not computed)."""
        return self.ellipsoidal_m2

    @property
    def is_cultivated(self) -> bool:
        if self.cultivated is not None:
            return self.cultivated
        return is_cropland(self.class_code)


@dataclass
class AreaSummary:
    """Sums over overlay rows (unrounded; the report rounds when it prints)."""

    planar_m2: float
    area_m2: float | None  # None when a row's ellipsoidal area was not computed


def sum_rows(rows: list[OverlayRow]) -> AreaSummary:
    official = [r.area_m2 for r in rows]
    return AreaSummary(
        planar_m2=sum(r.planar_m2 for r in rows),
        area_m2=None if any(a is None for a in official) else sum(official),
    )


# -- evidence -------------------------------------------------------------------------


@dataclass
class PhotoInfo:
    """A field photo with what its EXIF or the verifier says about it."""

    path: str | None
    taken_at: str = ""  # 2026-02-14 10:32:05
    lon: float | None = None
    lat: float | None = None
    direction: float | None = None  # degrees from north, clockwise
    flags: list[str] = field(default_factory=list)  # in words, e.g. 距图斑 350 米, 无定位
    description: str = ""
    sha256: str | None = None  # the stored content hash; computed from the file if None
    kind: str = ""  # 全景, 近景, 其他 ('' when not given)
    rules_met: list[str] = field(default_factory=list)  # the photo rules, in words
    rules_missed: list[str] = field(default_factory=list)  # missed or cannot tell

    def _hash_data(self) -> dict:
        data = {f.name: getattr(self, f.name) for f in dataclasses.fields(self)}
        data.pop("path")
        data["sha256"] = self.sha256 or file_sha256(self.path)
        return data


@dataclass
class MapImage:
    """One map picture: a rendered image, or a note saying why there is none."""

    path: str | None = None
    caption: str = ""  # e.g. 后时相影像（2026年1月，GF-2）
    note: str = ""  # shown instead of the image, e.g. 未指定后时相影像图层
    source_key: str | None = None  # what it was rendered from; hashed instead of the image

    def _hash_data(self) -> dict:
        if self.source_key is not None:
            content: Any = {"source": self.source_key}
        elif self.path:
            content = {"sha256": file_sha256(self.path)}
        else:
            content = None
        return {"caption": self.caption, "note": self.note, "content": content}


@dataclass
class MapImages:
    """The three maps of a verification report."""

    location: MapImage = field(default_factory=lambda: MapImage(note="未生成区位图"))
    before: MapImage = field(default_factory=lambda: MapImage(note="未指定前时相影像图层"))
    after: MapImage = field(default_factory=lambda: MapImage(note="未指定后时相影像图层"))


@dataclass
class Verification:
    """外业核查: what the verifier found on site."""

    site_status: str = ""  # 已建成 / 在建 / 未动工 / 伪变化…
    land_user: str = ""  # 用地主体
    actual_use: str = ""  # 实际用途
    construction_date: str = ""  # 建设时间
    description: str = ""
    verifier: str = ""
    verified_on: str = ""


@dataclass
class Determination:
    """合法性判定 with its evidence (批准文号, 不动产权证号, 上图入库号…)."""

    category: str = ""  # 合法 / 违法 / 其他 / 农村道路 / 设施农用地 / 伪变化
    subtype: str = ""  # e.g. 工矿商服（厂房）
    new_or_existing: str = ""  # 新增 / 存量
    evidence: dict[str, str] = field(default_factory=dict)
    note: str = ""
    decided_by: str = ""
    decided_on: str = ""


@dataclass
class Signatures:
    """Signature block; empty names leave the line for a handwritten signature."""

    verifier: str = ""  # 核查人
    verifier_date: str = ""
    reviewer: str = ""  # 审核人
    reviewer_date: str = ""
    unit: str = ""  # 核查单位（盖章）


@dataclass
class Rectification:
    """整改 and its re-inspection (复核)."""

    measures: str = ""  # 整改措施, joined by 、
    task_listed_on: str = ""  # 整改任务下达日期
    deadline: str = ""  # 整改期限: task list + 60 days (cases/deadlines.rectification_due)
    demolished_m2: float | None = None  # 拆除 (None: not recorded)
    restored_m2: float | None = None  # 复耕 / 恢复
    legalised_m2: float | None = None  # 补办手续 (完善手续)
    reinspection_result: str = ""
    reinspected_on: str = ""
    reinspected_by: str = ""
    reinspection_photos: list[PhotoInfo] = field(default_factory=list)
    note: str = ""

    @property
    def rectified_m2(self) -> float | None:
        """整改面积: 拆除 and 复耕 on the same ground count once (cases/rectification_area)."""
        return rectified_area_m2(self.demolished_m2, self.restored_m2, self.legalised_m2)


@dataclass
class CloseOut:
    """销号: the joint re-check and who closed the plot, when."""

    closed_by: str = ""
    closed_on: str = ""
    joint_recheck_result: str = ""  # 联合复核结果
    note: str = ""


# -- reports --------------------------------------------------------------------------


class _HashedReport:
    KIND = "report"

    def case_hash(self) -> str:
        """Short SHA-256 of the canonical JSON of the case data (not presentation)."""
        payload = {"kind": self.KIND, "format": HASH_FORMAT, "data": canonical(self)}
        text = json.dumps(payload, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
        return hashlib.sha256(text.encode("utf-8")).hexdigest()[:HASH_LENGTH]

    @property
    def identifier(self) -> str:
        """What the QR code and the footer name besides the hash (the 监测编号)."""
        return self.plot.jcbh  # type: ignore[attr-defined]


@dataclass
class VerificationReport(_HashedReport):
    """核查报告 of one plot."""

    KIND = "verification"

    plot: PlotInfo
    verification: Verification = field(default_factory=Verification)
    determination: Determination | None = None
    overlay: list[OverlayRow] = field(default_factory=list)  # by land-use class
    farmland: list[OverlayRow] = field(default_factory=list)  # 永久基本农田 parts
    # whether the plot was compared with the 永久基本农田 layer (None: when it was
    # compared with the land-use layer); not compared prints 未比对, never 0.00
    farmland_compared: bool | None = None
    # other layers overlaid, one row each: class_name 生态保护红线, 城镇开发边界…
    other_layers: list[OverlayRow] = field(default_factory=list)
    photos: list[PhotoInfo] = field(default_factory=list)
    photo_rules: str = ""  # the photos as a set against the station's photo rules
    maps: MapImages = field(default_factory=MapImages)
    signatures: Signatures = field(default_factory=Signatures)
    unit: str = ""  # 出具单位, e.g. 青山镇规划资源所
    lock_root: str = ""  # the last locked round and its root hash, printed in the footer
    generated_at: dt.datetime | None = _nohash(default=None)


@dataclass
class CloseOutReport(_HashedReport):
    """销号报告 of one plot."""

    KIND = "closeout"

    plot: PlotInfo
    determination: Determination | None = None
    rectification: Rectification = field(default_factory=Rectification)
    closeout: CloseOut = field(default_factory=CloseOut)
    filing_number: str = ""  # 立案号, when a case was filed
    responsible_unit: str = ""  # 整改责任单位
    signatures: Signatures = field(default_factory=Signatures)
    unit: str = ""
    lock_root: str = ""  # the last locked round and its root hash, printed in the footer
    generated_at: dt.datetime | None = _nohash(default=None)


@dataclass
class ScannedDocument:
    """A document kept as scanned page images (立案呈批表, 处罚决定书…)."""

    pages: list[str] = field(default_factory=list)

    def _hash_data(self) -> dict:
        return {"pages": [file_sha256(p) for p in self.pages]}


@dataclass
class AttachedFile:
    """A scan attached to the case (cases/attachments): a PDF whose pages are bound as
    they are (scaled into the page's frame, under the dossier's header and footer), or
    one JPEG/PNG image on a page."""

    path: str
    pages: int = 1
    is_pdf: bool = False

    def _hash_data(self) -> dict:
        return {"sha256": file_sha256(self.path), "pages": self.pages, "pdf": self.is_pdf}


# The fixed order of documents in a dossier (卷宗), after the 查处工作规程; a scan
# attached to the case (cases/attachments.KINDS) follows the document it supports.
DOCUMENT_ORDER = (
    "核查报告",
    "批文",  # approvals supporting a 合法 determination
    "备案",  # 设施农用地 and other records
    "违法线索登记表",
    "立案呈批表",
    "立案文书",
    "责令停止违法行为通知书",
    "行政处罚决定书",
    "处罚文书",
    "整改材料",
    "结案呈批表",
    "销号报告",
    "其他材料",
)

DocumentContent = Union[VerificationReport, CloseOutReport, ScannedDocument, AttachedFile, None]


@dataclass
class DossierDocument:
    """One document bound in a dossier; ``content`` None prints a page saying that the
    paper original is kept elsewhere (the 卷内目录 still lists it)."""

    kind: str  # one of DOCUMENT_ORDER
    title: str  # 题名
    content: DocumentContent = None
    jcbh: str = ""  # the plot; taken from a report's plot when empty
    doc_number: str = ""  # 文号
    responsible: str = ""  # 责任者
    date: str = ""
    note: str = ""  # 备注

    @property
    def plot_number(self) -> str:
        if self.jcbh:
            return self.jcbh
        plot = getattr(self.content, "plot", None)
        return plot.jcbh if plot is not None else ""

    @property
    def rank(self) -> int:
        try:
            return DOCUMENT_ORDER.index(self.kind)
        except ValueError:
            return len(DOCUMENT_ORDER)


@dataclass
class DossierCover:
    """卷宗封面 fields (DA/T 22 style)."""

    title: str  # 案卷题名
    fonds_no: str = ""  # 全宗号
    catalogue_no: str = ""  # 目录号
    volume_no: str = ""  # 案卷号
    archive_code: str = ""  # 档号
    start_date: str = ""  # 起止日期
    end_date: str = ""
    retention: str = "永久"  # 保管期限
    unit: str = ""  # 立卷单位
    classification: str = ""  # 密级


@dataclass
class DossierNotes:
    """卷内备考表."""

    remarks: str = ""  # 本卷情况说明
    compiled_by: str = ""  # 立卷人
    checked_by: str = ""  # 检查人
    compiled_on: str = ""  # 立卷时间


@dataclass
class Dossier(_HashedReport):
    """卷宗 for one plot or a selection: cover, 卷内目录, documents, 备考表."""

    KIND = "dossier"

    cover: DossierCover
    documents: list[DossierDocument] = field(default_factory=list)
    notes: DossierNotes = field(default_factory=DossierNotes)
    lock_root: str = ""  # the last locked round and its root hash, printed in the footer
    generated_at: dt.datetime | None = _nohash(default=None)

    @property
    def plot_numbers(self) -> list[str]:
        numbers: list[str] = []
        for doc in self.documents:
            if doc.plot_number and doc.plot_number not in numbers:
                numbers.append(doc.plot_number)
        return numbers

    @property
    def identifier(self) -> str:
        """The 监测编号 of a one-plot dossier, else its 档号 / 案卷号."""
        numbers = self.plot_numbers
        if len(numbers) == 1:
            return numbers[0]
        return self.cover.archive_code or self.cover.volume_no or "未编档号"

    def ordered_documents(self) -> list[DossierDocument]:
        """Plot by plot (in the order they first appear), each plot's documents in the
        fixed DOCUMENT_ORDER; documents of the same kind keep their given order."""
        plots = {n: i for i, n in enumerate(self.plot_numbers)}
        indexed = list(enumerate(self.documents))
        indexed.sort(key=lambda p: (plots.get(p[1].plot_number, -1), p[1].rank, p[0]))
        return [doc for _i, doc in indexed]


# -- canonical data and file hashes ----------------------------------------------------


def canonical(value: Any) -> Any:
    """JSON-ready data of a model: dataclasses as dicts (without unhashed fields), files
    by content, floats rounded to 6 decimals (what the database's noise cannot move)."""
    if hasattr(value, "_hash_data"):
        return canonical(value._hash_data())
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {
            f.name: canonical(getattr(value, f.name))
            for f in dataclasses.fields(value)
            if f.metadata.get("hash", True)
        }
    if isinstance(value, dict):
        return {str(k): canonical(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [canonical(v) for v in value]
    if isinstance(value, float):
        return round(value, 6) + 0.0  # no -0.0
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, Path):
        return file_sha256(value)
    return value


_file_hashes: dict[tuple[str, int, int], str] = {}


def file_sha256(path: str | os.PathLike | None) -> str | None:
    """SHA-256 of a file's content (cached by path, size and mtime); None without a file."""
    if not path:
        return None
    try:
        stat = os.stat(path)
    except OSError:
        return None
    key = (os.path.abspath(path), stat.st_size, stat.st_mtime_ns)
    cached = _file_hashes.get(key)
    if cached is None:
        digest = hashlib.sha256()
        with open(path, "rb") as f:
            for chunk in iter(lambda: f.read(1 << 20), b""):
                digest.update(chunk)
        cached = _file_hashes[key] = digest.hexdigest()
    return cached
