"""Photos, video, scans and documents of the v8 records, content-hash keyed beside the
database, on both backends."""

from __future__ import annotations

import hashlib
import os
import zipfile

import pytest
from photo_files import make_photo
from test_documents import scan_pdf

from helpers import ORIGIN, small_database
from landcase.cases import clues, errors
from landcase.cases.photos import attachments_folder
from landcase.cases.record_files import (
    RecordFileRefused,
    attach_files,
    list_record_files,
    record_file_path,
)


@pytest.fixture
def store(case_target):
    store = small_database(case_target, plots=1)
    yield store
    store.close()


@pytest.fixture
def clue_id(store):
    return clues.record_clue(store, clues.NewClue(found_at="2026-03-04 09:00"))


def _mp4(path):
    # an ISO media file starts with a box of type 'ftyp' (size, 'ftyp', brand 'isom')
    path.write_bytes(b"\x00\x00\x00\x18ftypisom\x00\x00\x02\x00isomiso2" + bytes(2000))
    return path


def _docx(path):
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    return path


def _written(path, data: bytes):
    path.write_bytes(data)
    return path


def _stored_files(store):
    folder = attachments_folder(store)
    return sorted(p.name for p in folder.rglob("*") if p.is_file()) if folder.exists() else []


def test_each_kind_is_stored_under_its_hash_with_the_photo_exif(store, clue_id, tmp_path):
    photo = make_photo(tmp_path / "现场.jpg", xy=(ORIGIN[0] + 5, ORIGIN[1] + 5), direction=135)
    video = _mp4(tmp_path / "视频.mp4")
    scan = scan_pdf(tmp_path / "回执.pdf", 2, "SCAN")
    document = _docx(tmp_path / "说明.docx")
    ids = attach_files(
        store,
        "clue",
        clue_id,
        [(photo, "照片"), (video, "视频"), (scan, "扫描件", "回执"), (document, "文件")],
    )
    assert len(ids) == 4
    files = list_record_files(store, "clue", clue_id)
    # the photo (taken 2026-03-04 09:08:07, see photo_files.TAKEN) first, then as attached
    assert [f.kind for f in files] == ["照片", "视频", "扫描件", "文件"]
    first = files[0]
    assert first.taken_at == "2026-03-04T09:08:07+08:00"
    assert first.direction == pytest.approx(135.0)
    # ORIGIN is on EPSG:4549's central meridian 120°E, 3,400 km north: about 30.7°N
    assert first.longitude == pytest.approx(120.0, abs=1e-3)
    assert 30.6 < first.latitude < 30.8
    assert files[1].longitude is None and files[2].title == "回执"
    digest = hashlib.sha256(video.read_bytes()).hexdigest()
    assert files[1].stored_name == f"{digest}.mp4" and files[1].original_name == "视频.mp4"
    assert [f.stored_name.split(".")[1] for f in files] == ["jpg", "mp4", "pdf", "docx"]
    stored = record_file_path(store, files[1])
    assert stored == attachments_folder(store) / digest[:2] / f"{digest}.mp4"
    assert stored.read_bytes() == video.read_bytes()
    # the same content again adds no second row
    assert attach_files(store, "clue", clue_id, [(video, "视频")]) == [ids[1]]
    assert len(list_record_files(store, "clue", clue_id)) == 4
    assert store.audit_entries("record_file", ids[0])[-1].action == "INSERT"


@pytest.mark.parametrize(
    "make, kind, reason",
    [
        (lambda p: p / "没有.jpg", "照片", "does not exist"),
        (lambda p: p, "文件", "folder"),
        (lambda p: _written(p / "空.pdf", b""), "扫描件", "empty"),
        (lambda p: _written(p / "t.mp4", b"hello"), "视频", "not a file of"),
        (lambda p: scan_pdf(p / "s.pdf", 1, "X"), "照片", "not a JPEG or PNG"),
        (lambda p: scan_pdf(p / "s.pdf", 1, "X"), "录音", "kind must be one of"),
    ],
)
def test_a_bad_file_refuses_the_batch_naming_it_and_nothing_is_written(
    store, clue_id, tmp_path, make, kind, reason
):
    good = make_photo(tmp_path / "good.jpg")
    bad = make(tmp_path)
    with pytest.raises(RecordFileRefused) as refused:
        attach_files(store, "clue", clue_id, [(good, "照片"), (bad, kind)])
    assert str(bad) in str(refused.value) and reason in str(refused.value)
    assert list_record_files(store, "clue", clue_id) == []
    assert _stored_files(store) == []


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
def test_a_pipe_is_refused_without_being_opened(store, clue_id, tmp_path):
    pipe = tmp_path / "pipe.mp4"
    os.mkfifo(pipe)
    with pytest.raises(RecordFileRefused, match="pipe"):
        attach_files(store, "clue", clue_id, [(pipe, "视频")])


def test_files_need_a_record_that_exists(store, tmp_path):
    photo = make_photo(tmp_path / "a.jpg")
    with pytest.raises(errors.InvalidRecord, match="does not exist"):
        attach_files(store, "patrol", 99, [(photo, "照片")])
    with pytest.raises(errors.InvalidRecord, match="cannot be attached"):
        attach_files(store, "plot; DROP TABLE plot", 1, [(photo, "照片")])
    assert _stored_files(store) == []


def test_a_failed_insert_removes_the_copies_it_made(store, clue_id, tmp_path, monkeypatch):
    from landcase.cases import record_files

    def broken(db, owner_table, owner_id, files):
        raise errors.InvalidRecord(record="x", reason="broken")

    monkeypatch.setattr(record_files, "insert_record_files", broken)
    with pytest.raises(errors.InvalidRecord):
        attach_files(store, "clue", clue_id, [(make_photo(tmp_path / "a.jpg"), "照片")])
    assert _stored_files(store) == []
