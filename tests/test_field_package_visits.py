"""A field package takes out the closed-out plots with a post-closure visit due (事后巡查)
and the new finds' photos: the visit comes back through ``revisits.record_revisit`` (a
反弹 opens a clue linked to the case, the visit's photos its record files), a find's
JPEG is the clue's record file; merging again adds nothing; a visit recorded in the
office meanwhile is a conflict. On SpatiaLite and PostgreSQL."""

from __future__ import annotations

import datetime
import shutil

import pytest
from closed_cases import close_out
from field_day import FIND_XY, PLOT_NUMBERS, add_find, add_photo, add_record, centre, database
from osgeo import ogr
from photo_files import make_photo

from helpers import file_digest
from landcase.cases import field_cases, revisits, workflow
from landcase.cases.clues import list_clues
from landcase.cases.field_merge import (
    ALREADY_MERGED,
    CONFLICT,
    MERGED,
    MISSING_PHOTO,
    merge_package,
)
from landcase.cases.record_files import list_record_files
from landcase.layers.field_package import prepare_package

CLOSED_PLOT = 6  # PLOT_NUMBERS[5]; closed out 2026-05-31, visits due 06-30, 08-31, 11-30
TODAY = datetime.date(2026, 7, 10)  # the first visit overdue, the others not yet due


def _count(store, table: str, where: str = "") -> int:
    return store._db.execute(f"SELECT count(*) FROM {table} {where}").fetchone()[0]


def _add_find_photo(layer, uuid: str, find: str, path: str) -> None:
    feature = ogr.Feature(layer.GetLayerDefn())
    for name, value in (("uuid", uuid), ("find_uuid", find), ("path", path)):
        feature.SetField(name, value)
    assert layer.CreateFeature(feature) == 0


def _visit_the_site(folder, result: str) -> dict:
    """A 事后巡查 of the closed plot with a photo, and a new find with two photos, one of
    which never left the phone."""
    source = ogr.Open(str(folder / "field.gpkg"), 1)
    records, photos, finds, find_photos = (
        source.GetLayerByName(n) for n in ("verification", "photo", "new_find", "find_photo")
    )
    add_record(records, "{v-6}", PLOT_NUMBERS[5], "事后巡查", "2026-07-08T01:00:00Z",
               revisit_result=result, description="东侧又堆土")  # fmt: skip
    files = {
        "visit": make_photo(folder / "DCIM" / "v6.jpg", centre(5), direction=10.0),
        "find": make_photo(folder / "DCIM" / "f1.jpg", FIND_XY, colour=(7, 8, 9)),
    }
    add_photo(photos, "{p-v}", "{v-6}", "DCIM/v6.jpg", "全景")
    add_find(finds, "{f-1}", FIND_XY, "2026-07-08T02:30:00Z", kind="动工迹象",
             signs="机械进场", found_by="张三")  # fmt: skip
    _add_find_photo(find_photos, "{fp-1}", "{f-1}", "DCIM/f1.jpg")
    _add_find_photo(find_photos, "{fp-2}", "{f-1}", "DCIM/f1_far.jpg")  # not copied back
    source = None  # noqa: F841 (GDAL writes the file when the last reference goes)
    return files


@pytest.fixture
def closed(case_target, tmp_path, qgis_app):
    store = database(case_target)
    close_out(store, CLOSED_PLOT, "2026-05-31")
    revisits.schedule_revisits(store, CLOSED_PLOT)  # 已销号 -> 事后巡查
    yield store
    store.close()


def test_a_rebound_found_on_a_visit_opens_a_clue_linked_to_the_case(closed, tmp_path):
    store = closed
    package = prepare_package(store, tmp_path / "out", assignee="张三", today=TODAY)
    source = ogr.Open(str(package.folder / "field.gpkg"))
    plots = {f.GetField("jcbh"): f for f in source.GetLayerByName("plots")}
    visit_plot = plots[PLOT_NUMBERS[5]]
    assert visit_plot.GetField("due") == "事后巡查" and visit_plot.GetField("status") == "事后巡查"
    assert visit_plot.GetField("revisit_due_on") == "2026-06-30"  # the earliest open one
    assert plots[PLOT_NUMBERS[0]].GetField("revisit_due_on") is None
    source = None
    files = _visit_the_site(package.folder, "反弹")

    result = merge_package(store, package.folder)
    assert (result.revisits, result.rebounds, result.clues, result.photos) == (1, 1, 1, 2)
    [visit] = [v for v in revisits.revisits_of(store, CLOSED_PLOT) if v.visited_on]
    # 01:00 UTC is 09:00 in Beijing, the same day; the earliest scheduled visit filled
    assert (visit.due_on, visit.visited_on, visit.visitor, visit.result, visit.note) == (
        "2026-06-30", "2026-07-08", "张三", "反弹", "东侧又堆土"
    )  # fmt: skip
    case_id = workflow.case_state(store, CLOSED_PLOT).case_id
    rebound, find = sorted(list_clues(store), key=lambda c: c.rebound_of is None)
    assert rebound.rebound_of == case_id and visit.clue_id == rebound.id
    assert rebound.found_by == "张三" and rebound.description == "东侧又堆土"
    outcome = next(o for o in result.outcomes if o.record == "{v-6}")
    assert (outcome.kind, outcome.result, outcome.detail) == ("事后巡查", MERGED, rebound.code)
    [visit_photo] = list_record_files(store, "revisit", visit.id)
    assert visit_photo.sha256 == file_digest(files["visit"]) and visit_photo.direction == 10.0
    # the find's JPEG is the clue's record file; the one left on the phone is listed
    assert find.rebound_of is None and find.signs == "机械进场"
    [find_photo] = list_record_files(store, "clue", find.id)
    assert (find_photo.kind, find_photo.sha256) == ("照片", file_digest(files["find"]))
    missing = [(o.subject, o.record) for o in result.outcomes if o.result == MISSING_PHOTO]
    assert missing == [("{f-1}", "DCIM/f1_far.jpg")]

    tables = ("revisit", "clue", "record_file", "audit_log")
    before = {table: _count(store, table) for table in tables}
    again = merge_package(store, package.folder)
    assert (again.revisits, again.rebounds, again.clues, again.photos) == (0, 0, 0, 0)
    assert {table: _count(store, table) for table in tables} == before
    assert {(o.record, o.result) for o in again.outcomes if o.result != MISSING_PHOTO} >= {
        ("{v-6}", ALREADY_MERGED),
        ("{f-1}", ALREADY_MERGED),
    }

    shutil.copyfile(files["visit"], package.folder / "DCIM" / "f1_far.jpg")
    later = merge_package(store, package.folder)
    assert later.photos == 1 and not [o for o in later.outcomes if o.result == MISSING_PHOTO]
    assert len(list_record_files(store, "clue", find.id)) == 2


def test_no_rebound_opens_no_clue(closed, tmp_path):
    store = closed
    package = prepare_package(store, tmp_path / "out", assignee="张三", today=TODAY)
    _visit_the_site(package.folder, "无反弹")
    result = merge_package(store, package.folder)
    assert (result.revisits, result.rebounds, result.clues) == (1, 0, 1)
    [visit] = [v for v in revisits.revisits_of(store, CLOSED_PLOT) if v.visited_on]
    assert (visit.result, visit.clue_id) == ("无反弹", None)
    assert [c.rebound_of for c in list_clues(store)] == [None]  # the find's clue only


def test_a_visit_recorded_in_the_office_meanwhile_is_a_conflict(closed, tmp_path):
    store = closed
    package = prepare_package(store, tmp_path / "out", assignee="张三", today=TODAY)
    revisits.record_revisit(store, CLOSED_PLOT, "2026-07-05", "王内业", "无反弹")
    _visit_the_site(package.folder, "反弹")
    result = merge_package(store, package.folder)
    conflict = next(o for o in result.outcomes if o.record == "{v-6}")
    assert conflict.result == CONFLICT and conflict.kind == "事后巡查"
    assert conflict.office["revisit_result"] == "无反弹"
    assert conflict.field["revisit_result"] == "反弹"
    visited = [v for v in revisits.revisits_of(store, CLOSED_PLOT) if v.visited_on]
    assert [(v.visitor, v.result) for v in visited] == [("王内业", "无反弹")]
    assert all(c.rebound_of is None for c in list_clues(store))  # no rebound clue written


def test_a_plot_closed_out_with_no_visit_due_stays_home(closed, tmp_path):
    store = closed
    before_first_due = datetime.date(2026, 6, 1)  # due 06-30: not within the 7 days ahead
    with pytest.raises(field_cases.NothingDue):
        prepare_package(store, tmp_path / "out", plot_ids=[CLOSED_PLOT], today=before_first_due)
