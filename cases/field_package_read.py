"""Reading a field package that came back: its folder (or zip), the package code and the
records of its GeoPackage (plain SQLite, so no GDAL is needed here), and where a photo
it names lies in the folder.

The GeoPackage is copied (with its ``-wal`` file, which QField may leave) and read from
the copy: the returned folder is never written, and may be read-only.
"""

from __future__ import annotations

import contextlib
import datetime
import shutil
import sqlite3
import struct
import tempfile
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import shapely

from . import errors
from . import field_codes as fc
from .errors import N_

BEIJING = datetime.timezone(datetime.timedelta(hours=8))


class PackageUnreadable(errors.CaseDatabaseError):
    template = N_("{path} is not a field package LandCase can read: {reason}")


@dataclass(frozen=True)
class ReturnedPackage:
    folder: Path  # where the project, the GeoPackage and the DCIM folder are
    info: dict[str, str]
    records: list[dict]  # verification rows, oldest first
    photos: list[dict]
    finds: list[dict]  # new_find rows with x, y (database CRS)
    find_photos: list[dict]

    @property
    def code(self) -> str:
        return self.info.get("code", "")


@contextlib.contextmanager
def opened(path: Path | str) -> Iterator[ReturnedPackage]:
    """The package at ``path`` (its folder, its ``field.gpkg`` or its zip), read."""
    path = Path(path)
    with tempfile.TemporaryDirectory(prefix="landcase_field_") as scratch_name:
        scratch = Path(scratch_name)
        if path.is_file() and zipfile.is_zipfile(path):
            try:
                with zipfile.ZipFile(path) as archive:
                    archive.extractall(scratch / "unzipped")  # (drops '..' and roots)
            except (OSError, zipfile.BadZipFile) as error:
                raise PackageUnreadable(
                    path=str(path), reason=N_("the zip file cannot be unpacked")
                ) from error
            folder = _package_folder(scratch / "unzipped", path)
        elif path.is_file():
            folder = path.parent
        else:
            folder = _package_folder(path, path)
        gpkg = folder / fc.GPKG_NAME
        copy = scratch / fc.GPKG_NAME
        for suffix in ("", "-wal"):
            source = Path(f"{gpkg}{suffix}")
            if source.is_file():
                shutil.copyfile(source, Path(f"{copy}{suffix}"))
        yield _read(copy, folder, path)


def _package_folder(root: Path, shown: Path) -> Path:
    if (root / fc.GPKG_NAME).is_file():
        return root
    found = sorted(root.glob(f"*/{fc.GPKG_NAME}")) if root.is_dir() else []
    if len(found) != 1:
        raise PackageUnreadable(
            path=str(shown), reason=N_("it holds no {name} (or more than one)"), name=fc.GPKG_NAME
        )
    return found[0].parent


def _read(copy: Path, folder: Path, shown: Path) -> ReturnedPackage:
    unreadable = N_("its {name} lacks the package's tables or cannot be read")
    if not copy.is_file():
        raise PackageUnreadable(path=str(shown), reason=unreadable, name=fc.GPKG_NAME)
    db = sqlite3.connect(copy)
    try:
        info = dict(db.execute(f"SELECT key, value FROM {fc.INFO_TABLE}").fetchall())
        records = _rows(db, fc.VERIFICATION_TABLE, fc.VERIFICATION_FIELDS)
        photos = _rows(db, fc.PHOTO_TABLE, fc.PHOTO_FIELDS)
        finds = _rows(db, fc.NEW_FIND_TABLE, fc.NEW_FIND_FIELDS, geometry=True)
        find_photos = _rows(db, fc.FIND_PHOTO_TABLE, fc.FIND_PHOTO_FIELDS, optional=True)
    except sqlite3.Error as error:
        raise PackageUnreadable(path=str(shown), reason=unreadable, name=fc.GPKG_NAME) from error
    finally:
        db.close()
    records.sort(key=lambda row: (row.get("verified_at") or "", row.get("uuid") or ""))
    return ReturnedPackage(folder, info, records, photos, finds, find_photos)


def _rows(db, table: str, fields, geometry: bool = False, optional: bool = False) -> list[dict]:
    """The rows of ``table``; a field (or, when ``optional``, the table) that a package
    made by an earlier LandCase lacks reads as NULL (or no rows)."""
    present = {row[1] for row in db.execute(f"PRAGMA table_info({table})")}
    if not present and optional:
        return []
    names = [name for name, _kind in fields]
    columns = ", ".join(f'"{name}"' if name in present else "NULL" for name in names)
    columns += ", geom" if geometry else ""
    rows = []
    for row in db.execute(f"SELECT {columns} FROM {table} ORDER BY fid"):
        values = {name: _clean(value) for name, value in zip(names, row)}
        for name, kind in fields:
            if kind == "datetime":
                values[name] = local_moment(values[name])
        if geometry:
            point = gpkg_geometry(row[-1])
            values["x"], values["y"] = (point.x, point.y) if point is not None else (None, None)
        rows.append(values)
    return rows


def _clean(value):
    if isinstance(value, str):
        value = value.strip()
        return value or None
    return value


def local_moment(value) -> str | None:
    """A moment as the station writes it (Beijing time, ``YYYY-MM-DDTHH:MM:SS``): QField
    writes ISO text, in UTC ('Z') or with an offset, or local without either."""
    if value is None:
        return None
    text = str(value).replace("Z", "+00:00")
    try:
        moment = datetime.datetime.fromisoformat(text)
    except ValueError:
        return str(value)
    if moment.tzinfo is not None:
        moment = moment.astimezone(BEIJING).replace(tzinfo=None)
    return moment.replace(microsecond=0).isoformat()


def gpkg_geometry(blob) -> shapely.Geometry | None:
    """The geometry of a GeoPackage blob (header 'GP', version, flags, srs id, envelope,
    then WKB); None for NULL or an empty geometry."""
    if blob is None or len(blob) < 8 or bytes(blob[:2]) != b"GP":
        return None
    flags = blob[3]
    envelope = {0: 0, 1: 32, 2: 48, 3: 48, 4: 64}.get((flags >> 1) & 0x07, 0)
    if flags & 0x10:  # the empty-geometry flag
        return None
    struct.unpack("<i" if flags & 1 else ">i", bytes(blob[4:8]))  # srs id (the package's)
    geometry = shapely.from_wkb(bytes(blob[8 + envelope :]))
    return None if geometry.is_empty else geometry


def photo_file(folder: Path, relative: str | None) -> Path | None:
    """The file a photo record names, inside the package folder; None when the path
    leads outside it (never read then)."""
    if not relative:
        return None
    candidate = (folder / relative.replace("\\", "/")).resolve()
    try:
        candidate.relative_to(folder.resolve())
    except ValueError:
        return None
    return candidate
