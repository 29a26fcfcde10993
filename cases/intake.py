"""Registering an issued batch: check every source row, repair what can be repaired,
leave out what cannot with its reason, and store the rest in one transaction.

Plain Python: the rows come from a reader (layers/source_reader.py in QGIS, or any other)
with their geometry already in the database's CRS.
"""

from __future__ import annotations

import dataclasses
import math
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import shapely
from shapely.errors import GEOSException

from . import import_reports
from .errors import N_, CaseDatabaseError
from .field_mapping import JCMJ_UNIT, source_fields_of, unit_of
from .geometry_words import KEPT_POLYGONAL_PART, repair_note
from .intake_report import (  # noqa: F401 (the report's names, imported from here too)
    AREA_MISMATCH,
    DUPLICATE,
    KINDS_ZH,
    OTHER_ZONE,
    OVERLAP,
    REASONS_ZH,
    REJECTED,
    REPAIRED,
    SAME_SHAPE,
    IntakeReport,
    Issue,
    Note,
    chinese,
    write_report,
)
from .issued_area import check_issued_areas
from .placing import OutsideZone, UnplacedBatch, measure, place  # noqa: F401 (re-exported)
from .plot_overlaps import (  # noqa: F401 (re-exported)
    OVERLAP_SHARE,
    SAME_SHAPE_SHARE,
    check_overlaps,
    find_overlaps,
)
from .record_checks import (
    EASTING_REACH,
    OTHER_ZONE_REACH,
    coordinate_problems,
    iso_date,
    size_problem,
)
from .store import CaseStore, NewPlot


@dataclass(frozen=True)
class SourceRow:
    """One feature of the source: ``row`` counts from 1 in the source's own order."""

    row: int
    attributes: dict
    geometry: shapely.Geometry | None
    # (west, east) longitude of the source geometry, found by the reader from the source's
    # own CRS; None: found here from the geometry in the database's CRS
    longitudes: tuple[float, float] | None = None
    # why the reader could not read this record's geometry (an N_-marked reason and its
    # params): the record is refused with it, the rest of the batch goes on
    problem: tuple[str, dict] | None = None


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
        note = repair_note(shapely.is_valid_reason(geometry))
        geometry = shapely.make_valid(geometry)
    if geometry.geom_type == "GeometryCollection":
        polygons = [
            g for g in shapely.get_parts(geometry) if g.geom_type in ("Polygon", "MultiPolygon")
        ]
        geometry = shapely.union_all(polygons) if polygons else shapely.Polygon()
        note = note or KEPT_POLYGONAL_PART
    if geometry.geom_type == "Polygon":
        geometry = shapely.MultiPolygon([geometry])
    return geometry, note


def prepare(
    rows: Iterable[SourceRow],
    mapping: dict[str, str],
    existing: set[str],
    batch: str,
    srid: int | None = None,
) -> tuple[list[tuple[int, NewPlot]], list[Issue]]:
    """Turn source rows into plots to register, and the issues met on the way; a record
    with a coordinate that is not a finite number is refused, and with ``srid`` one with a
    coordinate beyond China in that CRS (the zone's own reach is checked after placing)."""
    plots: list[tuple[int, NewPlot]] = []
    issues: list[Issue] = []
    seen: dict[str, int] = {}
    mapping = source_fields_of(mapping)
    mapped = set(mapping.values())
    rows = list(rows)
    drawn = [r for r in rows if r.geometry is not None and not r.geometry.is_empty]
    found = coordinate_problems([r.geometry for r in drawn], srid, OTHER_ZONE_REACH)
    problems = {r.row: problem for r, problem in zip(drawn, found) if problem is not None}
    for source in rows:
        values = {attribute: source.attributes.get(name) for attribute, name in mapping.items()}
        jcbh = _text(values.get("jcbh"))
        if source.problem is not None:
            issues.append(Issue(source.row, jcbh, REJECTED, *source.problem))
            continue
        undecoded = _undecoded_field(source.attributes)
        if undecoded is not None:
            issues.append(
                Issue(
                    source.row,
                    jcbh,
                    REJECTED,
                    N_(
                        "the text of field {field} could not be decoded (it holds U+FFFD); "
                        "choose the text encoding by hand and import again"
                    ),
                    {"field": undecoded},
                )
            )
            continue
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
        dates, date_issue = _dates(source.row, jcbh, values)
        if date_issue is not None:
            issues.append(date_issue)
            continue
        if geometry is None and source.longitudes is not None:  # the reader could not move it
            issues.append(
                Issue(
                    source.row,
                    jcbh,
                    REJECTED,
                    N_("its coordinates cannot be transformed into the database's CRS"),
                )
            )
            continue
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
        problem = problems.get(source.row)
        if problem is not None:
            issues.append(Issue(source.row, jcbh, REJECTED, *problem))
            continue
        try:
            repaired, note = repair(geometry)
        except GEOSException:
            issues.append(
                Issue(
                    source.row,
                    jcbh,
                    REJECTED,
                    N_("the geometry cannot be read or repaired; correct it in the source"),
                )
            )
            continue
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
                    qsx=dates.get("qsx"),
                    hsx=dates.get("hsx"),
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


def _undecoded_field(attributes: dict) -> str | None:
    """The first field whose text holds U+FFFD, the mark of bytes that were not decoded."""
    for name, value in attributes.items():
        if isinstance(value, str) and "\ufffd" in value:
            return name
    return None


DATE_FIELDS = ("qsx", "hsx")


def _dates(row: int, jcbh: str, values: dict) -> tuple[dict, Issue | None]:
    """The record's date fields as YYYY-MM-DD; an issue when one is given but is no date."""
    dates = {}
    for attribute in DATE_FIELDS:
        text = _text(values.get(attribute))
        if text is None:
            continue
        date = iso_date(values.get(attribute))
        if date is None:
            return dates, Issue(
                row,
                jcbh,
                REJECTED,
                N_(
                    "{field} '{value}' is not a date; write it as YYYY-MM-DD in the source and "
                    "import it again"
                ),
                {"field": attribute.upper(), "value": text},
            )
        dates[attribute] = date
    return dates, None


def _in_area_of_use(plots, srid: int, allow_other_zone: bool):
    """Leave out the plots with a coordinate outside the area of use of the CRS."""
    reach = OTHER_ZONE_REACH if allow_other_zone else EASTING_REACH
    kept, issues = [], []
    found = coordinate_problems([plot.geometry for _, plot in plots], srid, reach)
    for (row, plot), problem in zip(plots, found):
        if problem is None:
            kept.append((row, plot))
        else:
            issues.append(Issue(row, plot.jcbh, REJECTED, *problem))
    return kept, issues


def _plain(value):
    """JSON-friendly attribute values for the unmapped fields kept on the plot."""
    if value is None or isinstance(value, (str, int, bool)):
        return value
    if isinstance(value, float):
        return None if math.isnan(value) else value
    return str(value)


def import_batch(store: CaseStore, *args, **kwargs) -> IntakeReport:
    """See ``_import_batch``; a damaged case database is named in words (``DamagedDatabase``),
    never with SQLite's own text."""
    try:
        return _import_batch(store, *args, **kwargs)
    except sqlite3.DatabaseError as exc:
        if type(exc) is not sqlite3.DatabaseError:  # a full disk, a lock …: said as they are
            raise
        raise DamagedDatabase(path=str(store.path)) from exc


class DamagedDatabase(CaseDatabaseError):
    template = (
        "{path} could not be read or written: the case database file is damaged or is not a "
        "whole case database. Nothing of this batch was stored. Restore the file from a backup "
        "(or ask the administrator to repair it) and import the batch again."
    )


def _import_batch(
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
    allow_other_zone: bool = False,
    max_area_km2: float | None = None,
    encoding: tuple[str, str] | None = None,
) -> IntakeReport:
    """Check and register a batch in one transaction; write the import report as CSV.

    ``locate(geometry) -> {'township': …, 'village': …}`` fills the township and village
    the source does not give (from the station's administrative layers). Plots outside the
    database's zone are refused (the whole batch with ``OutsideZone`` when none is inside)
    unless ``allow_other_zone``. A plot larger than ``max_area_km2`` (default 10 km²) is
    refused. A ``received_date`` that is not a date refuses the batch (``InvalidBatch``)."""
    if received_date is not None and str(received_date).strip():
        given = received_date
        received_date = iso_date(given)
        if received_date is None:
            raise InvalidBatch(
                batch=batch,
                reason=N_(
                    "the date received '{value}' is not a date; give it as YYYY-MM-DD. "
                    "Nothing was imported."
                ),
                value=given,
            )
    else:
        received_date = None
    rows = list(rows)
    report = IntakeReport(batch=batch, source=source, rows=len(rows))
    if encoding is not None:
        report.encoding, report.encoding_reason = encoding
    candidates = [_text(row.attributes.get(mapping.get("jcbh", ""))) for row in rows]
    existing = store.existing_plot_numbers([c for c in candidates if c])
    plots, issues = prepare(rows, mapping, existing, batch, store.srid)
    plots, zone_issues, report.notes = place(
        plots, {row.row: row.longitudes for row in rows}, store.srid, source, allow_other_zone
    )
    issues += zone_issues
    plots, use_issues = _in_area_of_use(plots, store.srid, allow_other_zone)
    issues += use_issues
    plots, areas, area_issues = measure(plots, store.srid)
    issues += area_issues
    plots, areas, size_issues = _plausible(plots, areas, max_area_km2)
    issues += size_issues
    plots, unit_issues, unit_notes, report.jcmj_unit = check_issued_areas(
        plots, areas, unit_of(mapping.get(JCMJ_UNIT))
    )
    issues += unit_issues
    report.notes += unit_notes
    if locate is not None:
        plots = [(row, _located(plot, locate)) for row, plot in plots]
    bounds = _bounds([plot.geometry for _, plot in plots])
    numbers = {plot.jcbh for _, plot in plots}
    # a plot stored meanwhile under the same number is this plot (a duplicate), not another
    nearby = [n for n in (store.plots_in_extent(bounds) if bounds else []) if n[0] not in numbers]
    overlap_issues, same_as = check_overlaps(plots, nearby)
    issues += overlap_issues
    plots = [
        (row, dataclasses.replace(plot, same_shape_as=same_as[index]) if index in same_as else plot)
        for index, (row, plot) in enumerate(plots)
    ]
    report.issues = sorted(issues, key=lambda issue: (issue.row, issue.kind))
    rows_of = {plot.jcbh: row for row, plot in plots}

    def keep_report(db, batch_id, skipped):
        """Inside the transaction: plots registered meanwhile are duplicates, and the
        report is stored with the batch."""
        raced = [
            Issue(
                rows_of[plot.jcbh],
                plot.jcbh,
                DUPLICATE,
                N_("registered meanwhile by another import; not imported again"),
            )
            for plot in skipped
        ]
        report.imported = len(plots) - len(skipped)
        report.issues = sorted(report.issues + raced, key=lambda issue: (issue.row, issue.kind))
        report.report_id = import_reports.save(db, report, batch_id)

    store.register_batch(
        batch,
        [plot for _, plot in plots],
        source_kind=source_kind,
        received_date=received_date,
        field_mapping=(fields_signature, mapping) if fields_signature else None,
        areas=areas,
        skip_registered=True,
        before_commit=keep_report,
    )
    db = store._db  # noqa: SLF001 (cases/ owns the SQL; the store has no reader for this)
    report.earlier = [
        import_reports.load(db, i)
        for i in import_reports.report_ids(db, batch)
        if i < report.report_id
    ]
    try:
        report.report_file = import_reports.write_stored(
            db,
            report.report_id,
            report_folder or store.path.parent / "import_reports",
        )
    except OSError:  # the plots and the report are stored; only the CSV copy is missing
        report.report_file = None
    return report


def _plausible(plots, areas, max_area_km2):
    """Leave out the plots too large (or too long) to be a plot, each with its reason."""
    kept, kept_areas, issues = [], [], []
    for (row, plot), area in zip(plots, areas):
        problem = size_problem(plot.geometry, area[1], max_area_km2)
        if problem is not None:
            issues.append(Issue(row, plot.jcbh, REJECTED, *problem))
            continue
        kept.append((row, plot))
        kept_areas.append(area)
    return kept, kept_areas, issues


class InvalidBatch(CaseDatabaseError):
    """The batch as a whole cannot be imported (its date received is not a date, …)."""

    template = "Batch {batch}: {reason}"


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
