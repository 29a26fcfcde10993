"""Registering an issued batch: check every source row, repair what can be repaired,
leave out what cannot with its reason, and store the rest in one transaction.

Plain Python: the rows come from a reader (layers/source_reader.py in QGIS, or any other)
with their geometry already in the database's CRS.
"""

from __future__ import annotations

import csv
import dataclasses
import datetime
import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import shapely

from .errors import N_
from .field_mapping import source_fields_of
from .store import CaseStore, NewPlot

REJECTED, REPAIRED, DUPLICATE, OVERLAP = "rejected", "repaired", "duplicate", "overlap"
OVERLAP_SHARE = 0.5  # of the smaller plot: more than this is flagged


@dataclass(frozen=True)
class SourceRow:
    """One feature of the source: ``row`` counts from 1 in the source's own order."""

    row: int
    attributes: dict
    geometry: shapely.Geometry | None


@dataclass(frozen=True)
class Issue:
    row: int
    jcbh: str | None
    kind: str
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
    report_file: Path | None = None

    def count(self, kind: str) -> int:
        return sum(1 for issue in self.issues if issue.kind == kind)


def _text(value) -> str | None:
    if value is None:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)  # codes read as numbers: 320100 not 320100.0
    text = str(value).strip()
    return text or None


def finite_number(value) -> float | None:
    """``value`` as a float, or None when it is none, not a number, NaN or infinite."""
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return number if math.isfinite(number) else None


def repair(geometry: shapely.Geometry) -> tuple[shapely.Geometry | None, str | None]:
    """The polygonal part of a geometry, made valid; and what was done, if anything."""
    if geometry is None or geometry.is_empty:
        return None, None
    note = None
    if shapely.has_z(geometry):
        geometry = shapely.force_2d(geometry)  # plots are XY; a PolygonZ export is common
    if not geometry.is_valid:
        note = shapely.is_valid_reason(geometry)
        geometry = shapely.make_valid(geometry)
    if geometry.geom_type == "GeometryCollection":
        polygons = [
            g for g in shapely.get_parts(geometry) if g.geom_type in ("Polygon", "MultiPolygon")
        ]
        geometry = shapely.union_all(polygons) if polygons else shapely.Polygon()
        note = note or "kept the polygonal part"
    if geometry.geom_type == "Polygon":
        geometry = shapely.MultiPolygon([geometry])
    return geometry, note


def prepare(
    rows: Iterable[SourceRow], mapping: dict[str, str], existing: set[str], batch: str
) -> tuple[list[tuple[int, NewPlot]], list[Issue]]:
    """Turn source rows into plots to register, and the issues met on the way."""
    plots: list[tuple[int, NewPlot]] = []
    issues: list[Issue] = []
    seen: dict[str, int] = {}
    mapping = source_fields_of(mapping)
    mapped = set(mapping.values())
    for source in rows:
        values = {attribute: source.attributes.get(name) for attribute, name in mapping.items()}
        jcbh = _text(values.get("jcbh"))
        if jcbh is None:
            issues.append(Issue(source.row, None, REJECTED, N_("no 监测编号")))
            continue
        if jcbh in existing:
            issues.append(
                Issue(
                    source.row, jcbh, DUPLICATE, N_("already in the database; not imported again")
                )
            )
            continue
        if jcbh in seen:
            issues.append(
                Issue(
                    source.row,
                    jcbh,
                    DUPLICATE,
                    N_("repeats row {first} of the source"),
                    {"first": seen[jcbh]},
                )
            )
            continue
        geometry = source.geometry
        if geometry is None or geometry.is_empty:
            issues.append(Issue(source.row, jcbh, REJECTED, N_("the geometry is empty")))
            continue
        if geometry.geom_type not in ("Polygon", "MultiPolygon", "GeometryCollection"):
            issues.append(
                Issue(
                    source.row,
                    jcbh,
                    REJECTED,
                    N_("not a polygon but a {kind}"),
                    {"kind": geometry.geom_type},
                )
            )
            continue
        repaired, note = repair(geometry)
        if repaired is None or repaired.is_empty or repaired.area <= 0:
            issues.append(Issue(source.row, jcbh, REJECTED, N_("the geometry has no area")))
            continue
        if note:
            issues.append(
                Issue(source.row, jcbh, REPAIRED, N_("geometry repaired: {note}"), {"note": note})
            )
        seen[jcbh] = source.row
        extra = {k: _plain(v) for k, v in source.attributes.items() if k not in mapped}
        plots.append(
            (
                source.row,
                NewPlot(
                    jcbh=jcbh,
                    geometry=repaired,
                    xzqdm=_text(values.get("xzqdm")),
                    xzqmc=_text(values.get("xzqmc")),
                    jcpc=_text(values.get("jcpc")) or batch,
                    qsx=_text(values.get("qsx")),
                    hsx=_text(values.get("hsx")),
                    jcmj=finite_number(values.get("jcmj")),
                    tblx=_text(values.get("tblx")),
                    bglx=_text(values.get("bglx")),
                    township=_text(values.get("township")) or _text(values.get("xzqmc")),
                    village=_text(values.get("village")),
                    description=_text(values.get("description")),
                    geometry_repair=note,
                    extra_fields={k: v for k, v in extra.items() if v is not None},
                ),
            )
        )
    return plots, issues


def _plain(value):
    """JSON-friendly attribute values for the unmapped fields kept on the plot."""
    if value is None or isinstance(value, (str, int, bool)):
        return value
    if isinstance(value, float):
        return None if math.isnan(value) else value
    return str(value)


def find_overlaps(
    new: list[tuple[int, NewPlot]], existing: list[tuple[str, shapely.Geometry]]
) -> list[Issue]:
    """Plots overlapping another (stored or in the same batch) by more than half of the
    smaller one: flagged for a person to look at, never merged."""
    if not new:
        return []
    others = existing + [(plot.jcbh, plot.geometry) for _, plot in new]
    geometries = [geometry for _, geometry in others]
    tree = shapely.STRtree(geometries)
    new_geometries = [plot.geometry for _, plot in new]
    pairs = tree.query(new_geometries, predicate="intersects")
    issues, reported = [], set()
    offset = len(existing)
    for new_index, other_index in zip(*pairs):
        if other_index == offset + new_index:
            continue  # the plot itself
        row, plot = new[new_index]
        other_jcbh, other = others[other_index]
        key = frozenset((plot.jcbh, other_jcbh))
        if key in reported:
            continue
        shared = shapely.intersection(plot.geometry, other).area
        smaller = min(plot.geometry.area, other.area)
        if smaller > 0 and shared / smaller > OVERLAP_SHARE:
            reported.add(key)
            issues.append(
                Issue(
                    row,
                    plot.jcbh,
                    OVERLAP,
                    N_("overlaps {other} by {share}% of the smaller plot; check before handling"),
                    {"other": other_jcbh, "share": f"{100 * shared / smaller:.0f}"},
                )
            )
    return issues


def import_batch(
    store: CaseStore,
    rows: Iterable[SourceRow],
    mapping: dict[str, str],
    batch: str,
    source: str,
    source_kind: str = "部卫片",
    received_date: str | None = None,
    fields_signature: str | None = None,
    report_folder: Path | None = None,
    locate=None,
) -> IntakeReport:
    """Check and register a batch in one transaction; write the import report as CSV.

    ``locate(geometry) -> {'township': …, 'village': …}`` fills the township and village
    the source does not give (from the station's administrative layers)."""
    rows = list(rows)
    report = IntakeReport(batch=batch, source=source, rows=len(rows))
    candidates = [_text(row.attributes.get(mapping.get("jcbh", ""))) for row in rows]
    existing = store.existing_plot_numbers([c for c in candidates if c])
    plots, issues = prepare(rows, mapping, existing, batch)
    if locate is not None:
        plots = [(row, _located(plot, locate)) for row, plot in plots]
    bounds = _bounds([plot.geometry for _, plot in plots])
    nearby = store.plots_in_extent(bounds) if bounds else []
    issues += find_overlaps(plots, nearby)
    store.register_batch(
        batch,
        [plot for _, plot in plots],
        source_kind=source_kind,
        received_date=received_date,
        field_mapping=(fields_signature, mapping) if fields_signature else None,
    )
    report.imported = len(plots)
    report.issues = sorted(issues, key=lambda issue: (issue.row, issue.kind))
    try:
        report.report_file = write_report(
            report, report_folder or store.path.parent / "import_reports"
        )
    except OSError:  # the plots are stored; only the CSV copy of the report is missing
        report.report_file = None
    return report


def _located(plot: NewPlot, locate) -> NewPlot:
    if plot.township and plot.village:
        return plot
    names = locate(plot.geometry)
    return dataclasses.replace(
        plot,
        township=plot.township or names.get("township"),
        village=plot.village or names.get("village"),
    )


def _bounds(geometries: list[shapely.Geometry]) -> tuple[float, float, float, float] | None:
    if not geometries:
        return None
    return tuple(shapely.total_bounds(geometries))


def write_report(report: IntakeReport, folder: Path) -> Path:
    """The import report beside the database: counts, then one line per issue. UTF-8 with
    a byte-order mark so that Excel on a Chinese Windows opens it correctly."""
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
        writer.writerow([])
        writer.writerow(["源记录行号", "监测编号", "类别", "原因"])
        names = {REJECTED: "拒绝", REPAIRED: "修复", DUPLICATE: "重复", OVERLAP: "重叠待查"}
        for issue in report.issues:
            writer.writerow([issue.row, issue.jcbh or "", names[issue.kind], issue.text(_chinese)])
    return path


def _chinese(text: str) -> str:
    """The report is an official record: reasons in Chinese, whatever the UI language."""
    return REASONS_ZH.get(text, text)


REASONS_ZH = {
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
}
