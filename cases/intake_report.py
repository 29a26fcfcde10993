"""What one import did, and its CSV copy beside the database (in Chinese: an official record)."""

from __future__ import annotations

import csv
import datetime
from dataclasses import dataclass, field
from pathlib import Path

from .encoding import reason_text as encoding_reason_text

REJECTED, REPAIRED, DUPLICATE, OVERLAP = "rejected", "repaired", "duplicate", "overlap"
SAME_SHAPE = "same_shape"  # overlap above 95 % of both plots: the same plot, another number
AREA_MISMATCH = "area_mismatch"  # the issued 监测面积 differs from the geometry by over 5 %
OTHER_ZONE = "other_zone"  # imported, though outside the database's zone (the user allowed it)
KINDS_ZH = {
    REJECTED: "拒绝",
    REPAIRED: "修复",
    DUPLICATE: "重复",
    OVERLAP: "重叠待查",
    SAME_SHAPE: "疑似同一图斑",
    AREA_MISMATCH: "面积不符",
    OTHER_ZONE: "跨带",
}


@dataclass(frozen=True)
class Issue:
    row: int
    jcbh: str | None
    kind: str
    reason: str  # N_-marked template, filled from ``params``
    params: dict = field(default_factory=dict)

    def text(self, translate=lambda s: s) -> str:
        return translate(self.reason).format(**self.params)


@dataclass(frozen=True)
class Note:
    """A sentence about the whole batch (its zone, the unit of 监测面积 …)."""

    reason: str  # N_-marked template, filled from ``params``
    params: dict = field(default_factory=dict)

    def text(self, translate=lambda s: s) -> str:
        return translate(self.reason).format(**self.params)


@dataclass
class IntakeReport:
    batch: str
    source: str
    rows: int = 0
    imported: int = 0
    issues: list[Issue] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    report_file: Path | None = None
    jcmj_unit: str | None = None  # the unit the batch's 监测面积 was read in
    encoding: str | None = None  # the text encoding the source was read in, and why
    encoding_reason: str | None = None
    report_id: int | None = None  # the report as kept in the database (import_report)
    created_at: str | None = None
    earlier: list[IntakeReport] = field(default_factory=list)  # earlier runs of the batch

    def count(self, kind: str) -> int:
        return sum(1 for issue in self.issues if issue.kind == kind)


def write_report(report: IntakeReport, folder: Path) -> Path:
    """The import report beside the database: counts, notes on the batch, then one line per
    issue. UTF-8 with a byte-order mark so that Excel on a Chinese Windows opens it correctly."""
    folder.mkdir(parents=True, exist_ok=True)
    stamp = datetime.datetime.now().strftime("%Y%m%d-%H%M%S")
    safe = "".join(c if c.isalnum() or c in "-_" else "_" for c in report.batch)
    path = folder / f"导入报告_{safe}_{stamp}.csv"
    with open(path, "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["批次", report.batch])
        writer.writerow(["来源", report.source])
        writer.writerow(["源记录数", report.rows])
        writer.writerow(["导入", report.imported])
        writer.writerow(["修复", report.count(REPAIRED)])
        writer.writerow(["拒绝", report.count(REJECTED)])
        writer.writerow(["重复", report.count(DUPLICATE)])
        writer.writerow(["重叠待查", report.count(OVERLAP)])
        writer.writerow(["疑似同一图斑", report.count(SAME_SHAPE)])
        writer.writerow(["面积不符", report.count(AREA_MISMATCH)])
        writer.writerow(["监测面积单位", report.jcmj_unit or ""])
        if report.encoding:
            writer.writerow(
                ["文字编码", report.encoding, encoding_reason_text(report.encoding_reason)]
            )
        for note in report.notes:
            writer.writerow(["说明", note.text(chinese)])
        writer.writerow([])
        writer.writerow(["源记录行号", "监测编号", "类别", "原因"])
        for issue in report.issues:
            writer.writerow(
                [issue.row, issue.jcbh or "", KINDS_ZH[issue.kind], issue.text(chinese)]
            )
        for earlier in report.earlier:
            writer.writerow([])
            writer.writerow(
                ["此前导入", earlier.created_at or "", earlier.source, f"导入 {earlier.imported}"]
            )
            for issue in earlier.issues:
                writer.writerow(
                    [issue.row, issue.jcbh or "", KINDS_ZH[issue.kind], issue.text(chinese)]
                )
    return path


def chinese(text: str) -> str:
    """The report is an official record: reasons in Chinese, whatever the UI language."""
    return REASONS_ZH.get(text, text)


REASONS_ZH = {
    "shape {row} of the .shp has no record in the .dbf (the .shp holds {shapes} shapes, the .dbf {records} records): it has no 监测编号 and was not imported; ask the issuer for the complete .dbf": ".shp 中第 {row} 个图形在 .dbf 中没有对应记录（.shp 有 {shapes} 个图形，.dbf 只有 {records} 条记录）：无监测编号，未导入；请向下发单位索取完整的 .dbf",
    "the geometry cannot be read (a ring with fewer than four points, or a type that is not a polygon); correct it in the source": "几何图形无法读取（环的顶点少于四个，或不是面类型），请在源数据中更正",
    "registered meanwhile by another import; not imported again": (
        "导入期间已由另一次导入登记，未重复导入"
    ),
    "the text of field {field} could not be decoded (it holds U+FFFD); choose the text encoding "
    "by hand and import again": "字段 {field} 的文字无法解码（含 U+FFFD），请手动选择文字编码后重新导入",
    "the date received '{value}' is not a date; give it as YYYY-MM-DD. Nothing was imported.": (
        "接收日期“{value}”不是日期，请按 YYYY-MM-DD 填写。未导入任何图斑。"
    ),
    "{field} '{value}' is not a date; write it as YYYY-MM-DD in the source and import it again": (
        "{field}“{value}”不是日期，请在源数据中按 YYYY-MM-DD 填写后重新导入"
    ),
    "the geometry cannot be read or repaired; correct it in the source": (
        "几何图形无法读取或修复，请在源数据中更正"
    ),
    "has a coordinate that is not a finite number ({point}); correct the geometry in the source "
    "and import it again": "含有非有限数值的坐标（{point}），请在源数据中更正几何图形后重新导入",
    "has a coordinate ({x}, {y}) outside the area of use of EPSG:{srid} (x {xmin} to {xmax}, y "
    "{ymin} to {ymax}); check the CRS of the source": (
        "坐标（{x}, {y}）超出 EPSG:{srid} 的适用范围（x {xmin} 至 {xmax}，y {ymin} 至 {ymax}），"
        "请核对源数据的坐标系"
    ),
    "its area cannot be computed; correct the geometry in the source": (
        "面积无法计算，请在源数据中更正几何图形"
    ),
    "its area {area} km² is larger than {limit} km², the largest plausible for a plot; check the "
    "CRS and units of the source, or raise the limit": (
        "面积 {area} 平方千米，超过图斑面积上限 {limit} 平方千米，请核对源数据的坐标系和单位，或调高上限"
    ),
    "it reaches {span} km from end to end, more than {reach} km, the furthest plausible for a "
    "plot; check the geometry, or raise the area limit": (
        "首尾跨度 {span} 千米，超过图斑可能的最大跨度 {reach} 千米，请核对几何图形，或调高面积上限"
    ),
    "no 监测编号": "缺少监测编号",
    "already in the database; not imported again": "案件库中已有，未重复导入",
    "repeats row {first} of the source": "与源数据第 {first} 行重复",
    "the geometry is empty": "几何图形为空",
    "not a polygon but a {kind}": "不是面要素，而是 {kind}",
    "the geometry has no area": "几何图形面积为零",
    "geometry repaired: {note}": "几何图形已修复：{note}",
    "overlaps {other} by {share}% of the smaller plot; check before handling": (
        "与 {other} 重叠，占较小图斑面积的 {share}%，请核实后处理"
    ),
    "its coordinates cannot be transformed into the database's CRS": (
        "坐标无法转换到案件库的坐标系"
    ),
    "its coordinates lie beyond the database's zone {zone}": "坐标超出案件库分带 {zone} 的范围",
    "lies at {span}, outside {band}, the reach of the database's zone {zone}; it fits {fitting}": (
        "位于 {span}，超出案件库分带 {zone} 的接受范围 {band}，未导入；适用的分带为 {fitting}"
    ),
    "lies at {span}, outside {band}, the reach of the database's zone {zone}; imported as "
    "allowed; it fits {fitting}": (
        "位于 {span}，超出案件库分带 {zone} 的接受范围 {band}，已按允许跨带导入；适用的分带为 {fitting}"
    ),
    "{count} of {rows} plots lie outside {band}, the reach of the database's zone {zone}, and "
    "were not imported; they fit {fitting}. Allow plots from another zone to import them.": (
        "{rows} 个图斑中有 {count} 个超出案件库分带 {zone} 的接受范围 {band}，未导入；适用的分带为 "
        "{fitting}。如确属本库，请选择允许导入其他分带的图斑。"
    ),
    "{count} of {rows} plots lie outside {band}, the reach of the database's zone {zone}, and "
    "were imported because plots from another zone were allowed; they fit {fitting}.": (
        "{rows} 个图斑中有 {count} 个超出案件库分带 {zone} 的接受范围 {band}，因已允许跨带而导入；适用的分带为 {fitting}。"
    ),
    "{count} of {rows} plots lie outside {band}, the reach of the database's zone {zone}; those "
    "that can be placed in it were imported because plots from another zone were allowed; they "
    "fit {fitting}.": (
        "{rows} 个图斑中有 {count} 个超出案件库分带 {zone} 的接受范围 {band}；因已允许跨带，其中能在本分带表示的已导入；适用的分带为 {fitting}。"
    ),
    "has the shape of {other}: they overlap by {share}% of this plot and {other_share}% of "
    "{other}; probably the same plot under another number, check before handling": (
        "与 {other} 形状相同：重叠面积占本图斑的 {share}%、占 {other} 的 {other_share}%，疑似同一图斑另编号，请核实后处理"
    ),
    "监测面积 {jcmj} {unit} ({given} m²) differs from the plot's ellipsoidal area {area} m² by "
    "{percent}; read in {other} ({other_given} m²) it agrees: check the unit of 监测面积": (
        "监测面积 {jcmj} {unit}（{given} m²）与图斑椭球面积 {area} m² 相差 {percent}；按 {other} 计（{other_given} "
        "m²）则相符，请核对监测面积的单位"
    ),
    "监测面积 {jcmj} {unit} ({given} m²) differs from the plot's ellipsoidal area {area} m² by {percent}": "监测面积 {jcmj} {unit}（{given} m²）与图斑椭球面积 {area} m² 相差 {percent}",
    "The unit of 监测面积 was not given and none of the {total} issued areas agrees with its plot's "
    "ellipsoidal area within {tolerance} % in 亩 or in m²; they were read in 亩, the unit of the "
    "national field.": (
        "未指定监测面积单位，{total} 个监测面积无论按 亩 还是 m² 计，均无一与图斑椭球面积相差不超过 {tolerance}%；按国家字段的单位 亩 读取。"
    ),
    "The unit of 监测面积 was not given; guessed {unit}: read in {unit}, {agree} of {total} issued "
    "areas agree with their plot's ellipsoidal area within {tolerance} % (read in {other}: "
    "{other_agree}).": (
        "未指定监测面积单位，按数值推断为 {unit}：按 {unit} 计，{total} 个监测面积中有 {agree} 个与图斑椭球面积相差不超过 {tolerance}%（按 "
        "{other} 计为 {other_agree} 个）。"
    ),
}
