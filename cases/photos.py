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

A batch is one transaction: a file that is not a JPEG or PNG whose image decodes
completely, or that is not a regular file (a FIFO, a device), refuses the whole batch
before anything is copied or written: ``PhotoRefused`` names the file and the reason, or
``PhotosRefused`` names every such file of the batch.

The work is split: ``photo_check`` (what may be read and whether it decodes),
``photo_exif`` (time, position, direction), ``photo_storage`` (the attachments folder);
this module holds the public API and the rows of table ``photo``.
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

import shapely

from . import errors
from .areas import rounded
from .crs import CGCS2000_GEOGRAPHIC
from .errors import N_
from .photo_check import (
    FOLDER_SUFFIXES,
    Candidate,
    PhotoRefused,
    PhotosRefused,
    expand,
    read_candidate,
    refuse_all,
)
from .photo_exif import plausible_time
from .photo_storage import attachments_folder, photo_path, remove_unreferenced, store_copy
from .store import CaseStore, LayerSource

__all__ = [
    "EXIF_UNREADABLE",
    "FAR_FROM_PLOT",
    "FAR_FROM_PLOT_M",
    "FOLDER_SUFFIXES",
    "IMPLAUSIBLE_TIME",
    "KINDS",
    "MAGNETIC_DIRECTION",
    "NO_POSITION",
    "NO_TIME",
    "PURPOSES",
    "REINSPECTION_PURPOSE",
    "SURVEY_PURPOSE",
    "AlreadyAttached",
    "Photo",
    "PhotoImport",
    "PhotoRefused",
    "PhotosRefused",
    "add_photos",
    "attachments_folder",
    "describe_flags",
    "list_photos",
    "photo_layer_source",
    "photo_path",
]

SURVEY_PURPOSE = "核查"  # field verification (also the column's default in the schema)
REINSPECTION_PURPOSE = "复核"  # re-inspection after rectification
PURPOSES = (SURVEY_PURPOSE, REINSPECTION_PURPOSE)
# What a photo shows (the field package's photo form offers these); None: nobody said
WIDE_VIEW, CLOSE_VIEW, OTHER_VIEW = "全景", "近景", "其他"
KINDS = (WIDE_VIEW, CLOSE_VIEW, OTHER_VIEW)
FAR_FROM_PLOT_M = 100.0

# Flags stored as a JSON list in photo.flags (the photo layer's style reads them).
NO_TIME = "no_time"
NO_POSITION = "no_position"
FAR_FROM_PLOT = "far_from_plot"
MAGNETIC_DIRECTION = "magnetic_direction"  # GPSImgDirectionRef 'M': not from true north
EXIF_UNREADABLE = "exif_unreadable"  # an image whose EXIF block is damaged
IMPLAUSIBLE_TIME = "implausible_time"  # before 2000-01-02 or after tomorrow: a wrong clock

# How each flag reads on a document or in a form (Chinese, as the archive reads it).
_FLAG_WORDS = {
    NO_TIME: "无拍摄时间",
    NO_POSITION: "无定位",
    MAGNETIC_DIRECTION: "方位为磁北",
    EXIF_UNREADABLE: "EXIF 信息损坏",
    IMPLAUSIBLE_TIME: "拍摄时间不可信",
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
    kind: str | None = None  # 全景, 近景, 其他 (KINDS), or None when nobody said

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


# -- public API ------------------------------------------------------------------------


def photo_layer_source(store: CaseStore) -> LayerSource:
    return store.layer_source("photo", "geom")


def add_photos(
    store: CaseStore,
    plot_id: int,
    paths: Iterable[str | os.PathLike] | str | os.PathLike,
    purpose: str = SURVEY_PURPOSE,
    verification_id: int | None = None,
    kind: str | None = None,
    kinds: Mapping[Path, str | None] | None = None,
) -> PhotoImport:
    """Attach photo files (and the JPEG/PNG files of folders) to the case of ``plot_id``.

    ``kind`` (one of ``KINDS``) is what every photo of the batch shows; ``kinds`` gives it
    per file instead (a file it does not name takes ``kind``).

    All or nothing: every file is read and checked first; a file that is not a readable
    JPEG or PNG raises ``PhotoRefused`` and nothing is copied or stored. The rows are
    written in one transaction; copies made for a batch that then fails are removed.
    """
    if purpose not in PURPOSES:
        raise ValueError(f"purpose must be one of {PURPOSES}, not {purpose!r}")
    kinds = {Path(path): value for path, value in (kinds or {}).items()}
    for value in (kind, *kinds.values()):
        if value is not None and value not in KINDS:
            raise ValueError(f"kind must be one of {KINDS}, not {value!r}")
    candidates: list[Candidate] = []
    refusals: list[PhotoRefused] = []
    entries = [paths] if isinstance(paths, (str, os.PathLike)) else list(paths)
    for entry in entries:  # refusals in the order the files were given
        for path in expand(entry, refusals):
            try:
                candidates.append(read_candidate(path))
            except PhotoRefused as refusal:
                refusals.append(refusal)
    refuse_all(refusals)  # every bad file named, nothing stored
    case_id = _case_of_plot(store, plot_id)
    if verification_id is not None:
        _check_verification(store, case_id, verification_id)

    unique: dict[str, Candidate] = {}
    for candidate in candidates:
        unique.setdefault(candidate.sha256, candidate)

    created: list[Path] = []
    try:
        for candidate in unique.values():
            store_copy(store, candidate, created)
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
                photo_kind = kinds.get(candidate.path, kind)
                photo_id = _insert_photo(
                    db,
                    store.srid,
                    case_id,
                    verification_id,
                    (purpose, photo_kind),
                    candidate,
                    plot_geometry,
                )
                photo_ids[candidate.sha256] = photo_id
                added_ids.append(photo_id)
            added = (
                _photos(db, "p.id IN ({})".format(", ".join("?" * len(added_ids))), added_ids)
                if added_ids
                else []
            )
    except BaseException:
        remove_unreferenced(store, created)
        raise
    by_id = {photo.id: photo for photo in added}
    return PhotoImport(tuple(by_id[i] for i in added_ids), tuple(already))


def list_photos(store: CaseStore, plot_id: int) -> list[Photo]:
    """The photos of the case of ``plot_id``, in the order they were taken."""
    return _photos(store._db, "c.plot_id = ?", [plot_id])


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
    purpose_and_kind: tuple[str, str | None],
    candidate: Candidate,
    plot_geometry: shapely.Geometry | None,
) -> int:
    exif = candidate.exif
    flags = []
    if exif.damaged:
        flags.append(EXIF_UNREADABLE)
    if exif.taken_at is None:
        flags.append(NO_TIME)
    elif not plausible_time(exif.taken_at):
        flags.append(IMPLAUSIBLE_TIME)
    point_wkb, distance = None, None
    if exif.longitude is None:
        flags.append(NO_POSITION)
    else:
        point_wkb = db.execute(
            "SELECT AsBinary(Transform(MakePoint(?, ?, ?), ?))",
            (exif.longitude, exif.latitude, CGCS2000_GEOGRAPHIC, srid),
        ).fetchone()[0]
        if point_wkb is None:
            raise PhotoRefused(
                path=str(candidate.path),
                reason=N_("its GPS position could not be transformed to EPSG:{srid}"),
                srid=srid,
            )
        if plot_geometry is not None:
            distance = rounded(float(shapely.distance(shapely.from_wkb(point_wkb), plot_geometry)))
            if distance > FAR_FROM_PLOT_M:
                flags.append(FAR_FROM_PLOT)
    if exif.magnetic:
        flags.append(MAGNETIC_DIRECTION)
    cursor = db.execute(
        """INSERT INTO photo (case_id, verification_id, sha256, stored_name, original_name,
               taken_at, direction, flags, distance_to_plot_m, longitude, latitude, purpose,
               kind, geom)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, GeomFromWKB(?, ?)) RETURNING id""",
        (
            case_id,
            verification_id,
            candidate.sha256,
            candidate.stored_name,
            candidate.path.name,
            exif.taken_at,
            exif.direction,
            json.dumps(flags),
            distance,
            exif.longitude,
            exif.latitude,
            *purpose_and_kind,
            point_wkb,
            srid,
        ),
    )
    return cursor.fetchone()[0]


def _photos(db: sqlite3.Connection, where: str, params: list) -> list[Photo]:
    rows = db.execute(
        f"""SELECT p.id, p.case_id, c.plot_id, p.verification_id, p.sha256, p.stored_name,
                p.original_name, p.taken_at, p.direction, p.longitude, p.latitude,
                X(p.geom), Y(p.geom), p.distance_to_plot_m, p.purpose, p.flags, p.created_at,
                p.kind
            FROM photo AS p JOIN case_record AS c ON c.id = p.case_id
            WHERE {where}
            ORDER BY p.taken_at IS NULL, p.taken_at, p.id""",
        params,
    )
    return [
        Photo(*row[:15], flags=_flags(row[15]), created_at=row[16], kind=row[17]) for row in rows
    ]


def _flags(value: str | None) -> tuple[str, ...]:
    try:
        flags = json.loads(value) if value else []
    except ValueError:
        return (str(value),)
    return tuple(str(flag) for flag in flags) if isinstance(flags, list) else (str(flags),)
