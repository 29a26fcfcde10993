"""A batch of patrol records from the station's 巡查记录表 (CSV or Excel), one patrol a row.

Villages hand in their patrol records as a table; each row's route (GPX from the
patroller's phone, or GeoJSON) and photos, video and documents are files named in it,
relative to the table's folder. The headers are recognised by their Chinese names
(``COLUMNS``). Each row is one patrol recorded in its own transaction: a bad row is
reported with its row number and reason and the others go on; a row already recorded
(same unit, day, zone, start and patrollers) is skipped, so a table given twice adds
nothing the second time.
"""

from __future__ import annotations

import csv
import datetime
import re
from dataclasses import dataclass, field
from pathlib import Path

from . import errors
from .clues import NewClue
from .errors import N_
from .patrols import NewPatrol, already_recorded, record_patrol
from .record_files import DOCUMENT, PHOTO, VIDEO

# field → the headers it goes by (the first is the one the template uses)
COLUMNS = {
    "date": ("巡查日期", "日期"),
    "unit": ("报送单位", "单位", "责任单位", "村居"),
    "zone": ("片区编号", "片区"),
    "patrollers": ("巡查人员", "巡查人"),
    "started": ("开始时间",),
    "ended": ("结束时间",),
    "plots": ("发现图斑", "监测编号"),
    "clues": ("发现线索", "线索编号"),
    "longitude": ("发现经度", "经度"),
    "latitude": ("发现纬度", "纬度"),
    "finding": ("发现情况", "发现描述"),
    "route": ("轨迹文件", "轨迹"),
    "photos": ("照片",),
    "videos": ("视频",),
    "documents": ("文件", "附件"),
    "note": ("备注",),
}
REQUIRED = ("date", "unit", "patrollers")
_SEPARATORS = re.compile(r"[、,，;；\s]+")
_FILE_SEPARATORS = re.compile(r"[;；\n|]+")


class BatchRefused(errors.CaseDatabaseError):
    template = N_("{path} was not read: {reason}")


@dataclass(frozen=True)
class RowProblem:
    row: int
    error: errors.LandCaseError


@dataclass
class BatchResult:
    source: str
    recorded: list[tuple[int, int]] = field(default_factory=list)  # (row, patrol id)
    skipped: list[int] = field(default_factory=list)  # rows already recorded
    problems: list[RowProblem] = field(default_factory=list)


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        return value.strftime("%Y-%m-%d %H:%M") if value.time() else value.date().isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, datetime.time):
        return value.strftime("%H:%M")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def read_table(path) -> list[tuple[int, dict[str, str]]]:
    """The rows of a CSV (UTF-8 or GB18030) or XLSX table as (row number, {header: text});
    empty rows are left out, the numbers are the table's own (the headers are row 1)."""
    path = Path(path)
    if not path.is_file():
        raise BatchRefused(path=str(path), reason=N_("the file does not exist"))
    try:
        if path.suffix.lower() in (".xlsx", ".xlsm"):
            from openpyxl import load_workbook

            workbook = load_workbook(path, read_only=True, data_only=True)
            try:
                rows = [
                    [_cell(v) for v in row]
                    for row in workbook.worksheets[0].iter_rows(values_only=True)
                ]
            finally:
                workbook.close()
        else:
            raw = path.read_bytes()
            try:
                text = raw.decode("utf-8-sig")
            except UnicodeDecodeError:
                text = raw.decode("gb18030", errors="replace")
            rows = [[c.strip() for c in row] for row in csv.reader(text.splitlines())]
    except OSError as exc:
        raise BatchRefused(path=str(path), reason=N_("the file could not be read ({detail})"),
                           detail=exc.strerror or exc.__class__.__name__) from exc  # fmt: skip
    except Exception as exc:  # openpyxl on a damaged workbook: no raw text to the user
        raise BatchRefused(path=str(path), reason=N_("it is not a CSV or Excel table")) from exc
    if not rows:
        raise BatchRefused(path=str(path), reason=N_("the table is empty"))
    headers = rows[0]
    return [(n, dict(zip(headers, row))) for n, row in enumerate(rows[1:], start=2) if any(row)]


def match_columns(headers) -> dict[str, str]:
    """field → the table's header for it (names compared without spaces)."""
    found = {}
    present = {re.sub(r"\s", "", h): h for h in headers if h}
    for key, names in COLUMNS.items():
        for name in names:
            if name in present:
                found[key] = present[name]
                break
    return found


def _files(folder: Path, text: str, kind: str) -> list[tuple]:
    return [(folder / part.strip(), kind) for part in _FILE_SEPARATORS.split(text) if part.strip()]


def patrol_of_row(row: dict[str, str], columns: dict[str, str], folder: Path) -> NewPatrol:
    def get(key: str) -> str:
        return (row.get(columns.get(key, ""), "") or "").strip()

    new_clues: tuple[NewClue, ...] = ()
    if get("longitude") and get("latitude"):
        try:
            lon, lat = float(get("longitude")), float(get("latitude"))
        except ValueError:
            raise errors.InvalidRecord(
                record=get("date"), reason=N_("the position {longitude}, {latitude} is not a number"),
                longitude=get("longitude"), latitude=get("latitude"),
            ) from None  # fmt: skip
        new_clues = (NewClue(found_at=get("date"), longitude=lon, latitude=lat,
                             description=get("finding") or None),)  # fmt: skip
    route = get("route")
    return NewPatrol(
        patrol_date=get("date"), unit=get("unit"), patrollers=get("patrollers"),
        zone=get("zone") or None, started_at=get("started") or None,
        ended_at=get("ended") or None,
        plots=tuple(p for p in _SEPARATORS.split(get("plots")) if p),
        clues=tuple(c for c in _SEPARATORS.split(get("clues")) if c),
        new_clues=new_clues, route=folder / route if route else None,
        files=tuple(_files(folder, get("photos"), PHOTO) + _files(folder, get("videos"), VIDEO)
                    + _files(folder, get("documents"), DOCUMENT)),
        note=get("note") or None,
    )  # fmt: skip


def record_batch(store, path) -> BatchResult:
    """Record every patrol of the table at ``path``; see the module's docstring."""
    path = Path(path)
    rows = read_table(path)
    if not rows:  # the headers alone: nothing to record
        return BatchResult(path.name)
    columns = match_columns(rows[0][1].keys() if rows else [])
    missing = [COLUMNS[key][0] for key in REQUIRED if key not in columns]
    if missing:
        raise BatchRefused(path=str(path), reason=N_("the table has no column {columns}"),
                           columns="、".join(missing))  # fmt: skip
    result = BatchResult(path.name)
    for number, row in rows:
        try:
            patrol = patrol_of_row(row, columns, path.parent)
            if already_recorded(store, patrol) is not None:
                result.skipped.append(number)
                continue
            result.recorded.append((number, record_patrol(store, patrol)))
        except errors.LandCaseError as error:
            result.problems.append(RowProblem(number, error))
    return result
