"""The 问题清单 ledger (seed 003, 石鱼镇2024年违法违规占用耕地专项整治行动工作方案 四(一)–(三)):
the problems found by 督察, 审计, 巡察, 举报 and 媒体 (and 卫片), each with its 整改计划, to
be rectified within 60 days of the list ("原则上在形成整改任务清单后60日内整改到位"), or by a
later date approved "确因客观原因无法按时完成" with its plan and time node.

A list comes as a spreadsheet (``import_problem_list``): rows refused are named by file,
row and reason and the others are stored; an item already in the ledger (same 清单名称 and
序号) is not added again. A 监测编号 links the item to its plot's case; an outline may be
given as WKT (in the database CRS, or in CGCS2000 degrees), and a point position (WKT
POINT, or 经度/纬度) is kept in the item's note: the ledger holds outlines only.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import shapely
import shapely.errors

from . import deadlines, errors
from .breaches import Breach, days_late
from .calendar import as_date
from .crs import CGCS2000_GEOGRAPHIC
from .errors import N_
from .intake import finite_number
from .record_checks import coordinate_problem, parse_date
from .sheet_rows import RowProblem, read_sheet, text

SOURCES = ("督察", "审计", "巡察", "举报", "媒体", "卫片", "其他")
# the other names the seeds and the lists give the sources
SOURCE_WORDS = {
    "国家自然资源督察": "督察",
    "自然资源督察": "督察",
    "群众举报": "举报",
    "媒体反映": "媒体",
    "部卫片": "卫片",
    "市卫片": "卫片",
    "卫片执法": "卫片",
}
COLUMNS = {
    "source": ("来源", "问题来源"),
    "list_name": ("清单名称", "清单"),
    "listed_on": ("列入日期", "列入清单日期", "清单日期"),
    "item_number": ("序号", "问题序号", "编号"),
    "description": ("问题描述", "问题", "描述"),
    "township": ("镇街", "镇（街）", "镇(街)", "乡镇", "镇街名称"),
    "xzqdm": ("行政区代码", "XZQDM"),
    "responsible": ("责任单位",),
    "plan": ("整改计划", "整改措施"),
    "jcbh": ("监测编号", "JCBH"),
    "wkt": ("WKT", "几何", "图形"),
    "longitude": ("经度",),
    "latitude": ("纬度",),
}
REQUIRED = ("source", "list_name", "listed_on", "item_number", "description")

SOURCE = "石鱼镇2024年违法违规占用耕地专项整治行动工作方案 四(二)"
RULE = f"问题清单未在{deadlines.RECTIFICATION_DAYS}日内整改到位"
EXTENDED_RULE = "问题清单未在批准的延期日期前整改到位（确因客观原因）"
NO_UNIT = "（未填责任单位）"
POINT_KEPT = N_("the point position is kept in the note: the 问题清单 holds outlines only")


@dataclass(frozen=True)
class ProblemItem:
    id: int
    source: str
    list_name: str
    listed_on: str
    item_number: str
    description: str
    township: str | None
    xzqdm: str | None
    responsible: str | None
    plan: str | None
    case_id: int | None
    jcbh: str | None
    extended_to: str | None
    extension_reason: str | None
    extension_approved_by: str | None
    extension_approved_on: str | None
    rectified_on: str | None
    note: str | None

    @property
    def due(self) -> datetime.date:
        return item_due(self.listed_on, self.extended_to)

    @property
    def record(self) -> str:
        return f"{self.list_name} {self.item_number}"


@dataclass(frozen=True)
class ProblemListImport:
    file: str
    rows: int  # data rows read
    imported: tuple[int, ...]  # ids of the items added
    already: int  # rows already in the ledger (not added again)
    problems: tuple[RowProblem, ...]  # rows left out, each with its reason
    notes: tuple[RowProblem, ...]  # rows stored with a remark


def item_due(listed_on, extended_to=None) -> datetime.date:
    """When an item is to be rectified: the approved later date, else the list date plus
    ``deadlines.RECTIFICATION_DAYS`` (seed 003)."""
    if extended_to:
        return as_date(extended_to)
    return deadlines.rectification_due(listed_on)


class _Refused(Exception):
    def __init__(self, reason: str, **params):
        super().__init__(reason)
        self.reason, self.params = reason, params


def _source(value, default) -> str:
    word = text(value) or text(default)
    if word is None:
        raise _Refused(N_("the source (来源) is missing"))
    word = SOURCE_WORDS.get(word, word)
    if word not in SOURCES:
        raise _Refused(
            N_("the source {value} is not one of {allowed}"), value=word, allowed="、".join(SOURCES)
        )
    return word


def _outline(db, srid: int, wkt: str) -> tuple[bytes | None, str | None]:
    """(WKB of the outline in the database CRS, None) or (None, the point's note)."""
    try:
        shape = shapely.from_wkt(wkt)
    except shapely.errors.GEOSException:
        raise _Refused(N_("the WKT geometry cannot be read")) from None
    if shape.is_empty:
        raise _Refused(N_("the WKT geometry is empty"))
    minx, miny, maxx, maxy = shape.bounds
    degrees = -180 <= minx and maxx <= 180 and -90 <= miny and maxy <= 90
    if shape.geom_type == "Point":
        if degrees:
            return None, _point_note(shape.x, shape.y)
        return None, f"位置：X {shape.x:.2f}，Y {shape.y:.2f}（EPSG:{srid}）"
    if shape.geom_type not in ("Polygon", "MultiPolygon"):
        raise _Refused(
            N_("the geometry must be a polygon or a point, not a {kind}"), kind=shape.geom_type
        )
    if not shape.is_valid:
        raise _Refused(N_("the outline is not a valid polygon"))
    if degrees:
        wkb = db.execute(
            "SELECT AsBinary(Transform(GeomFromWKB(?, ?), ?))",
            (shapely.to_wkb(shape), CGCS2000_GEOGRAPHIC, srid),
        ).fetchone()[0]
        shape = shapely.from_wkb(bytes(wkb))
    problem = coordinate_problem(shape, srid)
    if problem is not None:
        raise _Refused(problem[0], **problem[1])
    if shape.geom_type == "Polygon":
        shape = shapely.MultiPolygon([shape])
    return shapely.to_wkb(shape), None


def _point_note(longitude: float, latitude: float) -> str:
    if not (73.0 <= longitude <= 136.0 and 3.0 <= latitude <= 54.0):
        raise _Refused(
            N_("the position {longitude}, {latitude} is not in China"),
            longitude=longitude,
            latitude=latitude,
        )
    return f"位置：经度 {longitude:.6f}，纬度 {latitude:.6f}"


def _item(db, srid: int, values: dict, list_name, source) -> tuple[dict, str | None]:
    """The columns of one ledger row, and its position note; ``_Refused`` otherwise."""
    item: dict[str, Any] = {"source": _source(values.get("source"), source)}
    item["list_name"] = text(values.get("list_name")) or text(list_name)
    if item["list_name"] is None:
        raise _Refused(N_("the list name (清单名称) is missing"))
    listed = values.get("listed_on")
    if text(listed) is None:
        raise _Refused(N_("the list date (列入日期) is missing"))
    day = parse_date(listed)
    if day is None:
        raise _Refused(N_("the list date {value} is not a date"), value=text(listed))
    item["listed_on"] = day.isoformat()
    for key, missing in (
        ("item_number", N_("the item number (序号) is missing")),
        ("description", N_("the description (问题描述) is missing")),
    ):
        item[key] = text(values.get(key))
        if item[key] is None:
            raise _Refused(missing)
    for key in ("township", "xzqdm", "responsible", "plan"):
        item[key] = text(values.get(key))
    item["case_id"] = None
    jcbh = text(values.get("jcbh"))
    if jcbh is not None:
        found = db.execute(
            "SELECT c.id FROM plot AS p JOIN case_record AS c ON c.plot_id = p.id WHERE p.jcbh = ?",
            (jcbh,),
        ).fetchone()
        if found is None:
            raise _Refused(N_("there is no plot with the 监测编号 {jcbh}"), jcbh=jcbh)
        item["case_id"] = found[0]
    item["wkb"], note = None, None
    wkt = text(values.get("wkt"))
    if wkt is not None:
        item["wkb"], note = _outline(db, srid, wkt)
    lon, lat = values.get("longitude"), values.get("latitude")
    if item["wkb"] is None and note is None and (text(lon) or text(lat)):
        lon, lat = finite_number(lon), finite_number(lat)
        if lon is None or lat is None:
            raise _Refused(N_("经度 and 纬度 must both be numbers of degrees"))
        note = _point_note(lon, lat)
    item["note"] = note
    return item, note


def import_problem_list(store, path, list_name=None, source=None) -> ProblemListImport:
    """Add the items of a 问题清单 spreadsheet (.xlsx or .csv) in one transaction.
    ``list_name`` and ``source`` stand in for the 清单名称 and 来源 columns when the sheet
    has none (or leaves a cell empty)."""
    required = [k for k in REQUIRED if not (k == "list_name" and list_name)]
    required = [k for k in required if not (k == "source" and source)]
    rows = read_sheet(path, COLUMNS, required)
    file = Path(path).name
    imported, problems, notes = [], [], []
    already = 0
    seen: dict[tuple[str, str], int] = {}
    with store.transaction() as db:
        for row in rows:
            try:
                item, note = _item(db, store.srid, row.values, list_name, source)
            except _Refused as refused:
                problems.append(RowProblem(file, row.row, refused.reason, refused.params))
                continue
            key = (item["list_name"], item["item_number"])
            if key in seen:
                problems.append(
                    RowProblem(file, row.row, N_("repeats row {first}"), {"first": seen[key]})
                )
                continue
            seen[key] = row.row
            exists = db.execute(
                "SELECT 1 FROM problem_item WHERE list_name = ? AND item_number = ?", key
            ).fetchone()
            if exists:
                already += 1
                continue
            imported.append(
                db.execute(
                    """INSERT INTO problem_item (source, list_name, listed_on, item_number,
                        description, township, xzqdm, responsible, plan, case_id, note, geom)
                       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,
                        CastToMulti(GeomFromWKB(?, ?))) RETURNING id""",
                    (
                        *(item[k] for k in ("source", "list_name", "listed_on", "item_number")),
                        *(item[k] for k in ("description", "township", "xzqdm", "responsible")),
                        item["plan"], item["case_id"], item["note"], item["wkb"], store.srid,
                    ),
                ).fetchone()[0]
            )  # fmt: skip
            if note is not None:
                notes.append(RowProblem(file, row.row, POINT_KEPT))
    return ProblemListImport(
        file, len(rows), tuple(imported), already, tuple(problems), tuple(notes)
    )


# -- reading and recording -------------------------------------------------------------

_SELECT = """
    SELECT i.id, i.source, i.list_name, i.listed_on, i.item_number, i.description,
        i.township, i.xzqdm, i.responsible, i.plan, i.case_id, p.jcbh, i.extended_to,
        i.extension_reason, i.extension_approved_by, i.extension_approved_on,
        i.rectified_on, i.note
    FROM problem_item AS i
    LEFT JOIN case_record AS c ON c.id = i.case_id
    LEFT JOIN plot AS p ON p.id = c.plot_id"""
_ORDER = " ORDER BY i.list_name, i.listed_on, i.id"


def get_item(store, item_id: int) -> ProblemItem:
    row = store._db.execute(f"{_SELECT} WHERE i.id = ?", (item_id,)).fetchone()
    if row is None:
        raise errors.InvalidRecord(record=f"#{item_id}", reason=N_("there is no such item"))
    return ProblemItem(*row)


def list_items(store, list_name: str | None = None) -> list[ProblemItem]:
    """The ledger (or one list of it), list by list in the order the items were listed."""
    if list_name is None:
        rows = store._db.execute(_SELECT + _ORDER)
    else:
        rows = store._db.execute(f"{_SELECT} WHERE i.list_name = ?{_ORDER}", (list_name,))
    return [ProblemItem(*row) for row in rows]


def _date_or_refuse(item: ProblemItem, value, missing: str) -> str:
    if value is None or not str(value).strip():
        raise errors.InvalidRecord(record=item.record, reason=missing)
    day = parse_date(value)
    if day is None:
        raise errors.InvalidRecord(
            record=item.record, reason=N_("{value} is not a date (YYYY-MM-DD)"), value=value
        )
    return day.isoformat()


def _update(store, item_id: int, **columns) -> None:
    assignments = ", ".join(f"{name} = ?" for name in columns)
    with store.transaction() as db:
        db.execute(
            f"UPDATE problem_item SET {assignments} WHERE id = ?", (*columns.values(), item_id)
        )


def record_plan(store, item_id: int, plan: str) -> None:
    """Record (or replace) an item's 整改计划."""
    item = get_item(store, item_id)
    if not text(plan):
        raise errors.InvalidRecord(record=item.record, reason=N_("the plan (整改计划) is empty"))
    _update(store, item_id, plan=text(plan))


def record_rectified(store, item_id: int, rectified_on) -> None:
    """Record the day an item was rectified (整改到位)."""
    item = get_item(store, item_id)
    day = _date_or_refuse(item, rectified_on, N_("the date of the rectification is missing"))
    if day < item.listed_on:
        raise errors.InvalidRecord(
            record=item.record,
            reason=N_("it cannot be rectified ({date}) before it was listed ({listed})"),
            date=day,
            listed=item.listed_on,
        )
    _update(store, item_id, rectified_on=day)


def approve_extension(
    store, item_id: int, extended_to, reason: str, approved_by: str, approved_on, plan=None
) -> None:
    """Record the approved later date of an item that "确因客观原因" cannot be rectified
    in time: the date (after the 60-day deadline), the reason, who approved it and when,
    all required; seed 003 asks for the plan with it ("应明确计划安排和时间节点"), so the
    item needs its 整改计划 (recorded before, or given here)."""
    item = get_item(store, item_id)
    until = _date_or_refuse(item, extended_to, N_("the extended date is missing"))
    approved = _date_or_refuse(item, approved_on, N_("the date of the approval is missing"))
    normal = item_due(item.listed_on)
    if as_date(until) <= normal:
        raise errors.InvalidRecord(
            record=item.record,
            reason=N_("an extension must end after the deadline {due}"),
            due=normal.isoformat(),
        )
    for value, missing in (
        (reason, N_("the reason of the extension (确因客观原因…) is missing")),
        (approved_by, N_("who approved the extension is missing")),
    ):
        if not text(value):
            raise errors.InvalidRecord(record=item.record, reason=missing)
    plan = text(plan) or item.plan
    if plan is None:
        raise errors.InvalidRecord(
            record=item.record,
            reason=N_("an extension needs the plan (整改计划) with its time nodes"),
        )
    _update(
        store,
        item_id,
        plan=plan,
        extended_to=until,
        extension_reason=text(reason),
        extension_approved_by=text(approved_by),
        extension_approved_on=approved,
    )


# -- overdue items and breaches -------------------------------------------------------


def overdue_items(store, today) -> list[ProblemItem]:
    """Items not rectified whose due date is past on ``today`` (due on the day: on time)."""
    today = as_date(today)
    return [i for i in list_items(store) if i.rectified_on is None and i.due < today]


def breaches(store, start, end, today) -> list[Breach]:
    """Items due from ``start`` to ``end`` (inclusive) rectified after their due date, or
    not rectified and past it on ``today``."""
    start, end, today = as_date(start), as_date(end), as_date(today)
    found = []
    for item in list_items(store):
        due = item.due
        done = as_date(item.rectified_on) if item.rectified_on else None
        late = days_late(due, done, today)
        if not (start <= due <= end) or late == 0:
            continue
        found.append(
            Breach(
                rule=EXTENDED_RULE if item.extended_to else RULE,
                source=SOURCE,
                record=item.record,
                unit=item.responsible or NO_UNIT,
                direct=None,
                leading=None,
                due=due,
                done=done,
                days_late=late,
                township=item.township,
                detail=item.description[:40],
            )
        )
    return found
