"""Evidence photos of a case: EXIF time, position and direction, and a content-hash copy.

``add_photos`` reads each file's EXIF (exifread: DateTimeOriginal, else DateTime; the GPS
position with its N/S/E/W references; GPSImgDirection), hashes its bytes and copies it
into the attachments folder beside the database::

    <database folder>/<database stem>_attachments/<sha256[:2]>/<sha256>.<jpg|png>

Nothing of the file's own name becomes part of a path: only the hash and an extension
chosen from the file's content. The original is only read, never changed or moved. The
same content is stored once; attaching it again to the same case adds no second row.

The GPS position (WGS 84, which equals CGCS2000 at the centimetre level) is transformed
to the database CRS by SpatiaLite's own PROJ, so no second projection library is needed.
A photo without position or time is accepted and flagged; one more than
``FAR_FROM_PLOT_M`` from its plot is flagged ``far_from_plot``.

A batch is one transaction: a file that is not a readable JPEG or PNG refuses the whole
batch (``PhotoRefused``, naming the file) before anything is copied or written.
"""

from __future__ import annotations

import contextlib
import datetime
import hashlib
import io
import json
import logging
import os
import re
import sqlite3
import stat
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import exifread
import shapely

from . import errors
from .crs import CGCS2000_GEOGRAPHIC
from .errors import N_
from .store import CaseStore, LayerSource

LOG = logging.getLogger(__name__)

PURPOSES = ("核查", "复核")  # field verification, re-inspection after rectification
FAR_FROM_PLOT_M = 100.0
FOLDER_SUFFIXES = (".jpg", ".jpeg", ".png")  # what a folder is scanned for

# Flags stored as a JSON list in photo.flags (the photo layer's style reads them).
NO_TIME = "no_time"
NO_POSITION = "no_position"
FAR_FROM_PLOT = "far_from_plot"
MAGNETIC_DIRECTION = "magnetic_direction"  # GPSImgDirectionRef 'M': not from true north
EXIF_UNREADABLE = "exif_unreadable"  # an image whose EXIF block is damaged

# How each flag reads on a document or in a form (Chinese, as the archive reads it).
_FLAG_WORDS = {
    NO_TIME: "无拍摄时间",
    NO_POSITION: "无定位",
    MAGNETIC_DIRECTION: "方位为磁北",
    EXIF_UNREADABLE: "EXIF 信息损坏",
}


def describe_flags(flags, distance_to_plot_m: float | None = None) -> str:
    """The photo's flags in words, e.g. "无定位" or "距图斑 295 米"; "" when none."""
    words = []
    for flag in flags or ():
        if flag == FAR_FROM_PLOT:
            if distance_to_plot_m is None:
                words.append(f"距图斑超过 {FAR_FROM_PLOT_M:.0f} 米")
            else:
                words.append(f"距图斑 {distance_to_plot_m:.0f} 米")
        else:
            words.append(_FLAG_WORDS.get(flag, str(flag)))
    return "；".join(words)


_JPEG_MAGIC = b"\xff\xd8\xff"
_PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
_STORED_NAME = re.compile(r"^([0-9a-f]{64})\.(jpg|png)$")
_EXIF_DATETIME = re.compile(r"^\s*(\d{4})[:-](\d{2})[:-](\d{2})[ T](\d{2}):(\d{2}):(\d{2})")
_EXIF_OFFSET = re.compile(r"^\s*([+-])(\d{2}):(\d{2})\s*$")
_CHUNK = 1 << 20


class PhotoRefused(errors.CaseDatabaseError):
    """A file given as a photo was not attached; the batch it came with was not stored."""

    template = N_("{path} was not attached: {reason}")


@dataclass(frozen=True)
class Photo:
    id: int
    case_id: int
    plot_id: int
    verification_id: int | None
    sha256: str
    stored_name: str
    original_name: str | None
    taken_at: str | None  # ISO 8601, camera local time (with its UTC offset when recorded)
    direction: float | None  # degrees clockwise from north (see MAGNETIC_DIRECTION)
    longitude: float | None
    latitude: float | None
    x: float | None  # position in the database CRS
    y: float | None
    distance_to_plot_m: float | None
    purpose: str
    flags: tuple[str, ...]
    created_at: str

    @property
    def flagged(self) -> bool:
        return bool(self.flags)


@dataclass(frozen=True)
class AlreadyAttached:
    """A file whose content the case already holds (or that came twice in the batch)."""

    path: Path
    photo_id: int


@dataclass(frozen=True)
class PhotoImport:
    added: tuple[Photo, ...]
    already_attached: tuple[AlreadyAttached, ...]

    @property
    def flagged(self) -> tuple[Photo, ...]:
        return tuple(photo for photo in self.added if photo.flags)


@dataclass(frozen=True)
class _Candidate:
    """What was read from one file before anything is written."""

    path: Path
    sha256: str
    extension: str
    size: int
    taken_at: str | None
    longitude: float | None
    latitude: float | None
    direction: float | None
    magnetic: bool
    exif_damaged: bool

    @property
    def stored_name(self) -> str:
        return f"{self.sha256}.{self.extension}"


# -- public API ------------------------------------------------------------------------


def attachments_folder(store: CaseStore) -> Path:
    """The folder beside the database that holds the attached files."""
    return store.path.parent / f"{store.path.stem}_attachments"


def photo_layer_source(store: CaseStore) -> LayerSource:
    return LayerSource(str(store.path.resolve()), "photo", "geom", "id", store.srid)


def photo_path(store: CaseStore, photo: Photo) -> Path:
    """Where the stored copy of ``photo`` is. The stored name is checked again (the
    database may have been edited by another program) so it can never leave the folder."""
    match = _STORED_NAME.match(photo.stored_name or "")
    if match is None or match.group(1) != photo.sha256:
        raise ValueError(f"photo {photo.id}: unexpected stored name {photo.stored_name!r}")
    return attachments_folder(store) / photo.sha256[:2] / photo.stored_name


def add_photos(
    store: CaseStore,
    plot_id: int,
    paths: Iterable[str | os.PathLike] | str | os.PathLike,
    purpose: str = "核查",
    verification_id: int | None = None,
) -> PhotoImport:
    """Attach photo files (and the JPEG/PNG files of folders) to the case of ``plot_id``.

    All or nothing: every file is read and checked first; a file that is not a readable
    JPEG or PNG raises ``PhotoRefused`` and nothing is copied or stored. The rows are
    written in one transaction; copies made for a batch that then fails are removed.
    """
    if purpose not in PURPOSES:
        raise ValueError(f"purpose must be one of {PURPOSES}, not {purpose!r}")
    files = _expand(paths)
    candidates = [_read(path) for path in files]
    case_id = _case_of_plot(store, plot_id)
    if verification_id is not None:
        _check_verification(store, case_id, verification_id)

    unique: dict[str, _Candidate] = {}
    for candidate in candidates:
        unique.setdefault(candidate.sha256, candidate)

    created: list[Path] = []
    try:
        for candidate in unique.values():
            _store_copy(store, candidate, created)
        with store.transaction() as db:
            plot_geometry = store.plot_geometry(plot_id)
            photo_ids: dict[str, int] = {}
            added_ids: list[int] = []
            already: list[AlreadyAttached] = []
            for candidate in candidates:
                existing = photo_ids.get(candidate.sha256)
                if existing is None:
                    existing = _attached_photo(db, case_id, candidate.sha256)
                if existing is not None:
                    already.append(AlreadyAttached(candidate.path, existing))
                    continue
                photo_id = _insert_photo(
                    db, store.srid, case_id, verification_id, purpose, candidate, plot_geometry
                )
                photo_ids[candidate.sha256] = photo_id
                added_ids.append(photo_id)
            added = _photos(db, "p.id IN ({})".format(", ".join("?" * len(added_ids))), added_ids)
    except BaseException:
        _remove_unreferenced(store, created)
        raise
    by_id = {photo.id: photo for photo in added}
    return PhotoImport(tuple(by_id[i] for i in added_ids), tuple(already))


def list_photos(store: CaseStore, plot_id: int) -> list[Photo]:
    """The photos of the case of ``plot_id``, in the order they were taken."""
    return _photos(store._db, "c.plot_id = ?", [plot_id])


# -- reading files -----------------------------------------------------------------------


def _expand(paths) -> list[Path]:
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    files: list[Path] = []
    for entry in paths:
        path = Path(entry)
        if path.is_dir():
            found = sorted(
                child
                for child in path.iterdir()
                # '._name.jpg' files are macOS resource forks, not photos
                if child.is_file()
                and not child.name.startswith(".")
                and child.suffix.lower() in FOLDER_SUFFIXES
            )
            if not found:
                raise PhotoRefused(
                    path=str(path), reason=N_("the folder holds no JPEG or PNG file")
                )
            files.extend(found)
        else:
            files.append(path)
    return files


def _image_kind(head: bytes) -> str | None:
    if head.startswith(_JPEG_MAGIC):
        return "jpg"
    if head.startswith(_PNG_MAGIC) and head[12:16] == b"IHDR":
        return "png"
    return None


def _read(path: Path) -> _Candidate:
    """Hash and read the EXIF of one file, or refuse it."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise PhotoRefused(
            path=str(path),
            reason=N_("the file could not be read ({detail})"),
            detail=exc.strerror or exc.__class__.__name__,
        ) from exc
    extension = _image_kind(data[:16])
    if extension is None:
        raise PhotoRefused(path=str(path), reason=N_("it is not a JPEG or PNG image"))
    damaged = False
    try:
        tags = exifread.process_file(
            io.BytesIO(data), details=False, extract_thumbnail=False, builtin_types=False
        )
    except Exception as exc:  # exifread on a damaged EXIF block: keep the image, flag it
        LOG.warning("%s: EXIF not readable (%s)", path, exc)
        tags, damaged = {}, True
    longitude, latitude = _position(tags)
    direction = _number(tags.get("GPS GPSImgDirection"))
    if direction is not None:
        direction %= 360.0
    return _Candidate(
        path=path,
        sha256=hashlib.sha256(data).hexdigest(),
        extension=extension,
        size=len(data),
        taken_at=_taken_at(tags),
        longitude=longitude,
        latitude=latitude,
        direction=direction,
        magnetic=direction is not None and _text(tags.get("GPS GPSImgDirectionRef")) == "M",
        exif_damaged=damaged,
    )


def _text(tag) -> str:
    if tag is None:
        return ""
    values = tag.values
    if isinstance(values, bytes):
        values = values.decode("ascii", "replace")
    if isinstance(values, list):
        values = "".join(str(v) for v in values)
    return str(values).strip("\x00 ").upper()[:32] if values is not None else ""


def _ratio(value) -> float | None:
    try:
        numerator, denominator = value.numerator, value.denominator
    except AttributeError:
        numerator, denominator = value, 1
    try:
        if not denominator:
            return None
        return float(numerator) / float(denominator)
    except (TypeError, ValueError):
        return None


def _number(tag) -> float | None:
    if tag is None or not isinstance(tag.values, list) or not tag.values:
        return None
    return _ratio(tag.values[0])


def _degrees(tag) -> float | None:
    """Degrees from EXIF's (degrees, minutes, seconds); phones sometimes write fewer parts."""
    if tag is None or not isinstance(tag.values, list) or not 1 <= len(tag.values) <= 3:
        return None
    parts = [_ratio(value) for value in tag.values]
    if any(part is None for part in parts):
        return None
    return sum(part / 60**i for i, part in enumerate(parts))


def _position(tags: dict) -> tuple[float | None, float | None]:
    latitude = _degrees(tags.get("GPS GPSLatitude"))
    longitude = _degrees(tags.get("GPS GPSLongitude"))
    if latitude is None or longitude is None:
        return None, None
    if _text(tags.get("GPS GPSLatitudeRef")) == "S":
        latitude = -latitude
    if _text(tags.get("GPS GPSLongitudeRef")) == "W":
        longitude = -longitude
    if not (-90 <= latitude <= 90 and -180 <= longitude <= 180):
        return None, None
    if latitude == 0 and longitude == 0:  # what some phones write when they had no fix
        return None, None
    return longitude, latitude


def _taken_at(tags: dict) -> str | None:
    for time_tag, offset_tag in (
        ("EXIF DateTimeOriginal", "EXIF OffsetTimeOriginal"),
        ("Image DateTime", "EXIF OffsetTime"),
    ):
        match = _EXIF_DATETIME.match(_text(tags.get(time_tag)))
        if match is None:
            continue
        try:
            moment = datetime.datetime(*(int(part) for part in match.groups()))
        except ValueError:  # '0000:00:00 00:00:00' and other placeholders
            continue
        offset = _EXIF_OFFSET.match(_text(tags.get(offset_tag)))
        if offset is not None and int(offset.group(2)) <= 14 and int(offset.group(3)) < 60:
            return moment.isoformat() + offset.group(0).strip()
        return moment.isoformat()
    return None


# -- the attachments folder ---------------------------------------------------------------


def _sha256_of(path: Path) -> str | None:
    digest = hashlib.sha256()
    try:
        with open(path, "rb") as handle:
            for block in iter(lambda: handle.read(_CHUNK), b""):
                digest.update(block)
    except OSError:
        return None
    return digest.hexdigest()


def _store_copy(store: CaseStore, candidate: _Candidate, created: list[Path]) -> None:
    """Copy the file under its hash unless an intact copy is there already. The bytes are
    hashed again while copying: a file changed since it was read is refused."""
    folder = attachments_folder(store) / candidate.sha256[:2]
    target = folder / candidate.stored_name
    if target.is_file() and _sha256_of(target) == candidate.sha256:
        return
    try:
        for directory in (folder.parent, folder):
            if not directory.is_dir():
                directory.mkdir()
                created.append(directory)
        temporary = folder / f".{candidate.sha256}.{uuid.uuid4().hex}.part"
        digest = hashlib.sha256()
        try:
            with open(candidate.path, "rb") as source, open(temporary, "xb") as copy:
                for block in iter(lambda: source.read(_CHUNK), b""):
                    digest.update(block)
                    copy.write(block)
                copy.flush()
                os.fsync(copy.fileno())
            if digest.hexdigest() != candidate.sha256:
                raise PhotoRefused(
                    path=str(candidate.path),
                    reason=N_("the file changed while it was being attached"),
                )
            os.chmod(temporary, stat.S_IREAD | stat.S_IRGRP | stat.S_IROTH)
            if target.exists():  # a damaged copy: replace it (Windows cannot replace read-only)
                os.chmod(target, stat.S_IWRITE | stat.S_IREAD)
            os.replace(temporary, target)
        finally:
            if temporary.exists():
                os.chmod(temporary, stat.S_IWRITE | stat.S_IREAD)
                temporary.unlink()
    except OSError as exc:
        raise PhotoRefused(
            path=str(candidate.path),
            reason=N_("the copy in {folder} could not be written ({detail})"),
            folder=str(attachments_folder(store)),
            detail=exc.strerror or exc.__class__.__name__,
        ) from exc
    created.append(target)


def _remove_unreferenced(store: CaseStore, created: list[Path]) -> None:
    """Undo the copies of a batch that failed, unless another import now uses them."""
    for path in reversed(created):
        with contextlib.suppress(OSError, sqlite3.Error):
            if path.is_dir():
                path.rmdir()  # only when empty
                continue
            sha256 = path.name.split(".")[0]
            used = store._db.execute(
                "SELECT 1 FROM photo WHERE sha256 = ? LIMIT 1", (sha256,)
            ).fetchone()
            if used is None:
                os.chmod(path, stat.S_IWRITE | stat.S_IREAD)
                path.unlink()


# -- the database -------------------------------------------------------------------------


def _case_of_plot(store: CaseStore, plot_id: int) -> int:
    row = store._db.execute("SELECT id FROM case_record WHERE plot_id = ?", (plot_id,)).fetchone()
    if row is None:
        raise errors.InvalidRecord(record=str(plot_id), reason=N_("there is no plot with this id"))
    return row[0]


def _check_verification(store: CaseStore, case_id: int, verification_id: int) -> None:
    row = store._db.execute(
        "SELECT case_id FROM verification WHERE id = ?", (verification_id,)
    ).fetchone()
    if row is None or row[0] != case_id:
        raise errors.InvalidRecord(
            record=str(verification_id),
            reason=N_("this verification does not belong to the plot's case"),
        )


def _attached_photo(db: sqlite3.Connection, case_id: int, sha256: str) -> int | None:
    row = db.execute(
        "SELECT id FROM photo WHERE case_id = ? AND sha256 = ? ORDER BY id LIMIT 1",
        (case_id, sha256),
    ).fetchone()
    return row[0] if row else None


def _insert_photo(
    db: sqlite3.Connection,
    srid: int,
    case_id: int,
    verification_id: int | None,
    purpose: str,
    candidate: _Candidate,
    plot_geometry: shapely.Geometry | None,
) -> int:
    flags = []
    if candidate.exif_damaged:
        flags.append(EXIF_UNREADABLE)
    if candidate.taken_at is None:
        flags.append(NO_TIME)
    point_wkb, distance = None, None
    if candidate.longitude is None:
        flags.append(NO_POSITION)
    else:
        point_wkb = db.execute(
            "SELECT AsBinary(Transform(MakePoint(?, ?, ?), ?))",
            (candidate.longitude, candidate.latitude, CGCS2000_GEOGRAPHIC, srid),
        ).fetchone()[0]
        if point_wkb is None:
            raise PhotoRefused(
                path=str(candidate.path),
                reason=N_("its GPS position could not be transformed to EPSG:{srid}"),
                srid=srid,
            )
        if plot_geometry is not None:
            distance = round(float(shapely.distance(shapely.from_wkb(point_wkb), plot_geometry)), 2)
            if distance > FAR_FROM_PLOT_M:
                flags.append(FAR_FROM_PLOT)
    if candidate.magnetic:
        flags.append(MAGNETIC_DIRECTION)
    cursor = db.execute(
        """INSERT INTO photo (case_id, verification_id, sha256, stored_name, original_name,
               taken_at, direction, flags, distance_to_plot_m, longitude, latitude, purpose,
               geom)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, GeomFromWKB(?, ?))""",
        (
            case_id,
            verification_id,
            candidate.sha256,
            candidate.stored_name,
            candidate.path.name,
            candidate.taken_at,
            candidate.direction,
            json.dumps(flags),
            distance,
            candidate.longitude,
            candidate.latitude,
            purpose,
            point_wkb,
            srid,
        ),
    )
    return cursor.lastrowid


def _photos(db: sqlite3.Connection, where: str, params: list) -> list[Photo]:
    rows = db.execute(
        f"""SELECT p.id, p.case_id, c.plot_id, p.verification_id, p.sha256, p.stored_name,
                p.original_name, p.taken_at, p.direction, p.longitude, p.latitude,
                X(p.geom), Y(p.geom), p.distance_to_plot_m, p.purpose, p.flags, p.created_at
            FROM photo AS p JOIN case_record AS c ON c.id = p.case_id
            WHERE {where}
            ORDER BY p.taken_at IS NULL, p.taken_at, p.id""",
        params,
    )
    return [Photo(*row[:15], flags=_flags(row[15]), created_at=row[16]) for row in rows]


def _flags(value: str | None) -> tuple[str, ...]:
    try:
        flags = json.loads(value) if value else []
    except ValueError:
        return (str(value),)
    return tuple(str(flag) for flag in flags) if isinstance(flags, list) else (str(flags),)
