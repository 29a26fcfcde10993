"""*Merge field package*: a day in the field (written with GDAL into the package, JPEGs
with EXIF in its DCIM folder) comes back through the workflow; a case changed in the
office meanwhile is a conflict; merging again adds nothing; missing photos are listed;
each merge leaves a report. On SpatiaLite and PostgreSQL."""

from __future__ import annotations

import csv
import json
import shutil

import pytest
from field_day import FIND_XY, PLOT_NUMBERS, RECTIFYING_PLOT, database, spend_the_day

from helpers import file_digest
from landcase.cases import field_cases, workflow
from landcase.cases.clues import list_clues
from landcase.cases.field_merge import (
    ALREADY_MERGED,
    CONFLICT,
    MERGED,
    MISSING_PHOTO,
    REFUSED,
    merge_package,
)
from landcase.cases.field_report import write_report
from landcase.cases.photos import list_photos
from landcase.layers.field_package import prepare_package, write_zip


def _count(store, table: str) -> int:
    return store._db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def _outcomes(result, kind=None) -> dict:
    return {(o.subject, o.record): o for o in result.outcomes if kind is None or o.result == kind}


@pytest.fixture
def returned(case_target, tmp_path, qgis_app):
    """The store, the package, and the photo files of the day."""
    store = database(case_target)
    package = prepare_package(store, tmp_path / "out", assignee="张三")
    # in the office, after the package went out: plot 2 is verified at the desk
    workflow.record_verification(
        store, 2, "已建成", "某某公司", "厂房", "2025", None, "王内业", "2026-03-03"
    )
    files = spend_the_day(package.folder)
    yield store, package, files
    store.close()


def test_a_day_in_the_field_comes_back_through_the_workflow(returned, tmp_path):
    store, package, files = returned
    result = merge_package(store, package.folder)
    assert (result.verifications, result.reinspections, result.photos, result.clues) == (
        2,
        1,
        2,
        1,
    )
    # plot 1: verified as recorded on site, its two photos stored by hash with their EXIF
    state = workflow.case_state(store, 1)
    assert state.status == "已核查"
    row = store._db.execute(
        "SELECT id, site_status, land_user, actual_use, construction_date, verifier, "
        "verified_on FROM verification WHERE case_id = ?",
        (state.case_id,),
    ).fetchone()
    # 01:10 UTC is 09:10 in Beijing, the same day
    assert tuple(row[1:]) == ("在建", "青山物流", "硬化", "2026-01", "张三", "2026-03-04")
    photos = list_photos(store, 1)
    assert {p.sha256 for p in photos} == {file_digest(files["wide"]), file_digest(files["close"])}
    assert {p.direction for p in photos} == {0.0, 350.5}  # GPSImgDirection read
    assert all(p.verification_id == row[0] and p.purpose == "核查" for p in photos)
    assert all(p.flags == () for p in photos)  # time and position read, within 100 m
    # plot 3: the re-inspection found it rectified: 待复核, by the field's verifier
    assert workflow.case_state(store, RECTIFYING_PLOT).status == "待复核"
    rectification = workflow.case_state(store, RECTIFYING_PLOT).rectification
    assert (rectification.reinspection_result, rectification.reinspected_by) == ("整改到位", "张三")
    assert rectification.reinspected_on == "2026-03-04" and rectification.note == "已拆除复耕"
    # plot 5: merged without its photo, which is listed as missing
    assert workflow.case_state(store, 5).status == "已核查"
    missing = _outcomes(result, MISSING_PHOTO)
    assert list(missing) == [(PLOT_NUMBERS[4], "DCIM/lost.jpg")]
    # plot 6: a re-inspection of a plot due for its verification: refused, named, and
    # nothing of it written (not its photo either)
    refused = _outcomes(result, REFUSED)[(PLOT_NUMBERS[5], "{r-6}")]
    assert refused.detail.params["jcbh"] == PLOT_NUMBERS[5]
    assert "start the rectification" in refused.detail.text()
    assert workflow.case_state(store, 6).status == "待核查" and list_photos(store, 6) == []
    # the new find is a clue at the point the verifier put it
    [clue] = list_clues(store)
    assert (clue.kind, clue.signs, clue.found_by) == ("动工迹象", "机械进场", "张三")
    assert (clue.x, clue.y) == pytest.approx(FIND_XY)
    assert clue.found_at == "2026-03-04T15:30"  # 07:30 UTC, Beijing time
    merged = field_cases.package_cases(store, result.package.id)
    assert [j for j, c in merged.items() if c.merged_at] == [
        PLOT_NUMBERS[0],
        PLOT_NUMBERS[2],
        PLOT_NUMBERS[4],
    ]


def test_a_case_changed_in_the_office_is_a_conflict_side_by_side(returned, tmp_path):
    store, package, _files = returned
    result = merge_package(store, package.folder)
    conflict = _outcomes(result, CONFLICT)[(PLOT_NUMBERS[1], "{r-2}")]
    assert conflict.office["site_status"] == "已建成" and conflict.field["site_status"] == "未动工"
    assert conflict.office["status"] == "已核查" and conflict.field["status"] == "待核查"
    assert conflict.office["verifier"] == "王内业" and conflict.field["verifier"] == "张三"
    # never overwritten: the desk's verification is the only one
    rows = store._db.execute(
        "SELECT site_status FROM verification AS v JOIN case_record AS c ON c.id = v.case_id "
        "WHERE c.plot_id = 2"
    ).fetchall()
    assert [r[0] for r in rows] == ["已建成"]

    report = write_report(result, tmp_path / "report")
    assert "2 verifications and 1 re-inspections merged" in report.summary
    assert "1 conflicts" in report.summary and "1 photos missing" in report.summary
    with open(report.csv_path, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0][:4] == ["监测编号/编号", "外业记录", "类别", "结果"]
    side = [r for r in rows if r[0] == PLOT_NUMBERS[1] and r[5] == "现场状态"]
    assert side == [
        [
            PLOT_NUMBERS[1],
            "{r-2}",
            "核查",
            "冲突（未覆盖）",
            side[0][4],
            "现场状态",
            "已建成",
            "未动工",
        ]
    ]
    assert [r for r in rows if r[3] == "照片缺失"][0][:2] == [PLOT_NUMBERS[4], "DCIM/lost.jpg"]
    document = json.loads(report.json_path.read_text(encoding="utf-8"))
    assert document["counts"]["conflict"] == 1 and document["counts"]["clues"] == 1
    assert document["package"]["code"] == package.code


def test_merging_again_adds_nothing_and_a_photo_found_later_is_added(returned, tmp_path):
    store, package, files = returned
    merge_package(store, package.folder)
    tables = ("verification", "rectification", "photo", "clue", "audit_log")
    before = {table: _count(store, table) for table in tables}
    zipped = tmp_path / "back.zip"
    write_zip(package.folder, zipped)  # what comes back by mail: the zip
    again = merge_package(store, zipped)
    assert (again.verifications, again.reinspections, again.photos, again.clues) == (0, 0, 0, 0)
    assert {table: _count(store, table) for table in tables} == before
    assert _outcomes(again, ALREADY_MERGED).keys() >= {
        (PLOT_NUMBERS[0], "{r-1}"),
        (PLOT_NUMBERS[2], "{r-3}"),
        ("{f-1}", "{f-1}"),
    }
    assert (PLOT_NUMBERS[1], "{r-2}") in _outcomes(again, CONFLICT)  # still not overwritten
    assert not _outcomes(again, MERGED)

    shutil.copyfile(files["wide"], package.folder / "DCIM" / "lost.jpg")
    later = merge_package(store, package.folder)
    assert later.photos == 1 and not _outcomes(later, MISSING_PHOTO)
    [photo] = list_photos(store, 5)
    assert photo.verification_id is not None and photo.sha256 == file_digest(files["wide"])


def test_a_package_from_another_database_is_refused(returned, tmp_path):
    store, package, _files = returned
    other = database(str(tmp_path / "other.sqlite"))
    with pytest.raises(field_cases.UnknownPackage):
        merge_package(other, package.folder)
    assert _count(other, "verification") == 2  # its own two desk verifications only
    other.close()


def test_a_damaged_photo_refuses_its_plot_whole_and_the_others_are_merged(returned):
    store, package, files = returned
    files["close"].write_bytes(files["close"].read_bytes()[:300])  # cut off on the phone
    result = merge_package(store, package.folder)
    refused = _outcomes(result, REFUSED)[(PLOT_NUMBERS[0], "{r-1}")]
    assert "close.jpg" in refused.detail.text()
    # the verification written before the photo was refused is undone with it
    assert workflow.case_state(store, 1).status == "待核查" and list_photos(store, 1) == []
    assert workflow.case_state(store, RECTIFYING_PLOT).status == "待复核"
    merged = field_cases.package_cases(store, result.package.id)
    assert merged[PLOT_NUMBERS[0]].merged_at is None  # merged again once put right
