"""The attachments folder beside the database: content-hash copies of the photos.

    <database folder>/<database stem>_attachments/<sha256[:2]>/<sha256>.<jpg|png>

Nothing of a file's own name becomes part of a path. A copy is written under a temporary
name, hashed again while copying (a file changed since it was checked is refused), made
read-only and then moved into place; copies of a batch that then fails are removed unless
another import uses them.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import sqlite3
import stat
import uuid
from pathlib import Path

from .errors import N_
from .photo_check import Candidate, PhotoRefused, open_regular
from .store import CaseStore

_STORED_NAME = re.compile(r"^([0-9a-f]{64})\.(jpg|png)$")
_CHUNK = 1 << 20


def attachments_folder(store: CaseStore) -> Path:
    """The folder beside the database that holds the attached files."""
    return store.path.parent / f"{store.path.stem}_attachments"


def photo_path(store: CaseStore, photo) -> Path:
    """Where the stored copy of ``photo`` is. The stored name is checked again (the
    database may have been edited by another program) so it can never leave the folder."""
    match = _STORED_NAME.match(photo.stored_name or "")
    if match is None or match.group(1) != photo.sha256:
        raise ValueError(f"photo {photo.id}: unexpected stored name {photo.stored_name!r}")
    return attachments_folder(store) / photo.sha256[:2] / photo.stored_name


def _sha256_of(path: Path) -> str | None:
    digest = hashlib.sha256()
    try:
        with open_regular(path) as handle:
            for block in iter(lambda: handle.read(_CHUNK), b""):
                digest.update(block)
    except (OSError, PhotoRefused):
        return None
    return digest.hexdigest()


def store_copy(store: CaseStore, candidate: Candidate, created: list[Path]) -> None:
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
            with open_regular(candidate.path) as source, open(temporary, "xb") as copy:
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


def remove_unreferenced(store: CaseStore, created: list[Path]) -> None:
    """Undo the copies of a batch that failed (files, and the folders made for them when
    empty), unless a photo, a scan or a record file uses the content: the one check every
    room that copies evidence uses."""
    for path in reversed(created):
        with contextlib.suppress(OSError, sqlite3.Error):
            if path.is_dir():
                path.rmdir()  # only when empty
                continue
            sha256 = path.name.split(".")[0]
            used = store._db.execute(
                "SELECT 1 FROM photo WHERE sha256 = ? UNION ALL "
                "SELECT 1 FROM attachment WHERE sha256 = ? UNION ALL "
                "SELECT 1 FROM record_file WHERE sha256 = ? LIMIT 1",
                (sha256, sha256, sha256),
            ).fetchone()
            if used is None:
                os.chmod(path, stat.S_IWRITE | stat.S_IREAD)
                path.unlink()


def stored_copy_intact(store: CaseStore, photo) -> bool:
    """Whether the stored copy of ``photo`` is there and still hashes to its SHA-256 (the
    bytes are read again): False for a copy changed, replaced or lost since it was stored."""
    try:
        path = photo_path(store, photo)
    except ValueError:
        return False
    return _sha256_of(path) == photo.sha256
