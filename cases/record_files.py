"""Photos, video, scans and documents of the patrol, stopping and notifying records.

A file is attached to one row of a v8 table (``record_file.owner_table`` / ``owner_id``:
a patrol, a clue, a stop action, a reply …) as a 照片, 视频, 文件 or 扫描件. It is kept the
way a case's photos and scans are: copied under its SHA-256 into the attachments folder
beside the database (``photo_storage.attachments_folder``)::

    <database folder>/<database stem>_attachments/<sha256[:2]>/<sha256>.<extension>

The extension is chosen from the file's content, never from its name. What each kind
accepts: 照片 a JPEG or PNG that decodes whole (``photo_check``; its EXIF time, position
and direction are kept); 扫描件 a PDF, JPEG, PNG or TIFF; 视频 an MP4/MOV/3GP, AVI, MKV/WebM
or MPEG container (by its header: decoding video needs a codec LandCase does not ship);
文件 any of these, or a Word, Excel or PowerPoint file.

Every file is read and checked before anything is written: one that is missing,
unreadable, empty or of another type refuses the whole batch (``RecordFileRefused``
naming it). The rows are written inside the caller's transaction (``insert_record_files``)
or in one of their own (``attach_files``); copies made for a batch that then fails are
removed unless something else uses them.
"""

from __future__ import annotations

import hashlib
import re
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from . import errors
from .errors import N_
from .photo_check import Candidate, PhotoRefused, open_regular, read_candidate
from .photo_exif import ExifFacts
from .photo_storage import attachments_folder, remove_unreferenced, store_copy

PHOTO, VIDEO, DOCUMENT, SCAN = "照片", "视频", "文件", "扫描件"
KINDS = (PHOTO, VIDEO, DOCUMENT, SCAN)
# The tables a file may belong to (the schema's CHECK on record_file.owner_table).
OWNERS = (
    "patrol", "clue", "stop_action", "notification", "notification_recipient", "transfer",
    "escalation", "revisit", "problem_item", "patrol_report",
)  # fmt: skip

_IMAGES = ("jpg", "png", "tif")
_VIDEOS = ("mp4", "mov", "3gp", "avi", "mkv", "webm", "mpg")
_OFFICE = ("docx", "xlsx", "pptx", "doc")
ACCEPTED = {
    PHOTO: ("jpg", "png"),
    SCAN: ("pdf", *_IMAGES),
    VIDEO: _VIDEOS,
    DOCUMENT: ("pdf", *_IMAGES, *_OFFICE, *_VIDEOS),
}
_STORED_NAME = re.compile(r"^([0-9a-f]{64})\.([a-z0-9]{2,5})$")
_CHUNK = 1 << 20
_NO_EXIF = ExifFacts(None, None, None, None, False, False)


class RecordFileRefused(errors.CaseDatabaseError):
    """A file given for a record was not attached; nothing of its batch was stored."""

    template = N_("{path} was not attached: {reason}")


@dataclass(frozen=True)
class RecordFile:
    id: int
    owner_table: str
    owner_id: int
    kind: str
    title: str | None
    sha256: str
    stored_name: str
    original_name: str | None
    taken_at: str | None
    longitude: float | None  # CGCS2000 / WGS 84 degrees, from a photo's EXIF
    latitude: float | None
    direction: float | None
    created_at: str


@dataclass(frozen=True)
class FileToAttach:
    """A file checked and hashed, not yet stored (``read_record_file``)."""

    candidate: Candidate  # path, sha256, extension, size and (photos) EXIF
    kind: str
    title: str | None = None


def _refused(path, reason: str, **params) -> RecordFileRefused:
    return RecordFileRefused(path=str(path), reason=reason, **params)


def _content_kind(path: Path, head: bytes) -> str | None:
    """The extension the first bytes say the file is; None for what is not accepted."""
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"\xff\xd8\xff"):
        return "jpg"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head[:4] in (b"II*\x00", b"MM\x00*"):
        return "tif"
    if head[4:8] == b"ftyp":
        brand = head[8:12]
        return "mov" if brand == b"qt  " else "3gp" if brand.startswith(b"3g") else "mp4"
    if head[:4] == b"RIFF" and head[8:12] == b"AVI ":
        return "avi"
    if head.startswith(b"\x1a\x45\xdf\xa3"):
        return "webm" if b"webm" in head[:64] else "mkv"
    if head[:4] in (b"\x00\x00\x01\xba", b"\x00\x00\x01\xb3"):
        return "mpg"
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return "doc"  # Word 97–2003 and its siblings (.xls, .ppt): one OLE container
    if head.startswith(b"PK\x03\x04"):
        return _office_kind(path)
    return None


def _office_kind(path: Path) -> str | None:
    """A zip is a Word, Excel or PowerPoint file by the part it holds, else not accepted."""
    try:
        with open_regular(path) as handle, zipfile.ZipFile(handle) as archive:
            names = set(archive.namelist())
    except (OSError, zipfile.BadZipFile, PhotoRefused):
        return None
    for part, extension in (
        ("word/document.xml", "docx"),
        ("xl/workbook.xml", "xlsx"),
        ("ppt/presentation.xml", "pptx"),
    ):
        if part in names:
            return extension
    return None


def _hash(path: Path) -> tuple[str, int, bytes]:
    """SHA-256, size and first bytes of a regular file (read in blocks: videos are large)."""
    digest, size, head = hashlib.sha256(), 0, b""
    try:
        with open_regular(path) as handle:
            for block in iter(lambda: handle.read(_CHUNK), b""):
                if not head:
                    head = block[:64]
                digest.update(block)
                size += len(block)
    except OSError as exc:
        raise _refused(
            path,
            N_("the file could not be read ({detail})"),
            detail=exc.strerror or exc.__class__.__name__,
        ) from exc
    return digest.hexdigest(), size, head


def read_record_file(path, kind: str, title: str | None = None) -> FileToAttach:
    """Check and hash one file for a record; ``RecordFileRefused`` naming it otherwise."""
    path = Path(path)
    if kind not in KINDS:
        raise _refused(
            path, N_("the kind must be one of {allowed}, not {value}"),
            allowed="、".join(KINDS), value=kind,
        )  # fmt: skip
    if not path.exists():
        raise _refused(path, N_("the file does not exist"))
    if kind == PHOTO:
        try:
            candidate = read_candidate(path)  # decoded whole; its EXIF read
        except PhotoRefused as refusal:
            raise RecordFileRefused(**refusal.params) from None
        return FileToAttach(candidate, kind, _text(title))
    try:
        sha256, size, head = _hash(path)
    except PhotoRefused as refusal:  # a folder, FIFO or device: refused without opening it
        raise RecordFileRefused(**refusal.params) from None
    if size == 0:
        raise _refused(path, N_("the file is empty"))
    extension = _content_kind(path, head)
    if extension not in ACCEPTED[kind]:
        raise _refused(
            path, N_("it is not a file of the kind {kind} ({allowed})"),
            kind=kind, allowed=", ".join(ACCEPTED[kind]),
        )  # fmt: skip
    return FileToAttach(Candidate(path, sha256, extension, size, _NO_EXIF), kind, _text(title))


def read_record_files(files: Iterable[tuple]) -> list[FileToAttach]:
    """Check every ``(path, kind[, title])``; the first bad file refuses them all."""
    return [read_record_file(*entry) for entry in files]


def store_file_copies(store, files: list[FileToAttach]) -> list[Path]:
    """Copy each file under its hash (an intact copy already there is kept); the files and
    folders made, for ``remove_copies`` if the rows are then not stored."""
    created: list[Path] = []
    try:
        for file in files:
            store_copy(store, file.candidate, created)
    except PhotoRefused as refusal:
        remove_copies(store, created)
        raise RecordFileRefused(**refusal.params) from None
    except BaseException:
        remove_copies(store, created)
        raise
    return created


def remove_copies(store, created: list[Path]) -> None:
    """Undo the copies of a batch that failed, unless a photo, scan or record file uses them."""
    remove_unreferenced(store, created)


def check_owner(db, owner_table: str, owner_id: int) -> None:
    if owner_table not in OWNERS:
        raise errors.InvalidRecord(
            record=str(owner_table), reason=N_("files cannot be attached to this kind of record")
        )
    # owner_table is one of OWNERS (checked above), never the caller's text
    if db.execute(f"SELECT 1 FROM {owner_table} WHERE id = ?", (owner_id,)).fetchone() is None:
        raise errors.InvalidRecord(
            record=f"{owner_table} {owner_id}", reason=N_("the record does not exist")
        )


def insert_record_files(
    db, owner_table: str, owner_id: int, files: list[FileToAttach]
) -> list[int]:
    """The rows of ``files`` (copied already) inside the caller's transaction; a content
    already attached to the same record adds no second row (its id is given again)."""
    check_owner(db, owner_table, owner_id)
    ids: list[int] = []
    for file in files:
        c, exif = file.candidate, file.candidate.exif
        row = db.execute(
            "SELECT id FROM record_file WHERE owner_table = ? AND owner_id = ? AND sha256 = ?",
            (owner_table, owner_id, c.sha256),
        ).fetchone()
        if row is None:
            row = db.execute(
                """INSERT INTO record_file (owner_table, owner_id, kind, title, sha256,
                       stored_name, original_name, taken_at, longitude, latitude, direction)
                   VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""",
                (
                    owner_table, owner_id, file.kind, file.title, c.sha256, c.stored_name,
                    c.path.name, exif.taken_at, exif.longitude, exif.latitude, exif.direction,
                ),
            ).fetchone()  # fmt: skip
        ids.append(row[0])
    return ids


def attach_files(store, owner_table: str, owner_id: int, files: Iterable[tuple]) -> list[int]:
    """Attach ``(path, kind[, title])`` files to one record in one transaction: all or none."""
    checked = read_record_files(files)
    check_owner(store._db, owner_table, owner_id)  # before anything is copied
    created = store_file_copies(store, checked)
    try:
        with store.transaction() as db:
            return insert_record_files(db, owner_table, owner_id, checked)
    except BaseException:
        remove_copies(store, created)
        raise


def list_record_files(store, owner_table: str, owner_id: int) -> list[RecordFile]:
    """The files of one record, photos in the order taken, then the others as attached."""
    rows = store._db.execute(
        """SELECT id, owner_table, owner_id, kind, title, sha256, stored_name, original_name,
               taken_at, longitude, latitude, direction, created_at
           FROM record_file WHERE owner_table = ? AND owner_id = ?
           ORDER BY taken_at IS NULL, taken_at, id""",
        (owner_table, owner_id),
    )
    return [RecordFile(*row) for row in rows]


def record_file_path(store, record_file: RecordFile) -> Path:
    """Where the stored copy is; the stored name is checked so it never leaves the folder."""
    match = _STORED_NAME.match(record_file.stored_name or "")
    if match is None or match.group(1) != record_file.sha256:
        raise ValueError(
            f"record file {record_file.id}: unexpected name {record_file.stored_name!r}"
        )
    return attachments_folder(store) / record_file.sha256[:2] / record_file.stored_name


def _text(value) -> str | None:
    text = "" if value is None else str(value).strip()
    return text or None
