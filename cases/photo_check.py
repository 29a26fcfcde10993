"""Checking the files given as photos before anything is stored.

A file is read only when ``os.stat`` says it is a regular file: a FIFO, a device, a socket
or a folder given where a file was expected is refused without being opened (opening a
FIFO waits for a writer for ever). The file is then opened without blocking and checked
again on the open handle, so a file swapped for a FIFO in between is refused too.

The bytes must be a JPEG or a PNG (by content, not by name) that decodes completely:
Pillow opens it and loads every pixel (``ImageFile.LOAD_TRUNCATED_IMAGES`` is held False
for the check, so a truncated file raises instead of being grey-filled). A JPEG is decoded at 1/8 scale
(``draft``): libjpeg still reads all of the compressed data, so truncation is still
found, at a fraction of the memory of a 50-megapixel photo. A PNG must end with its IEND
chunk.

Each file that fails gives a ``PhotoRefused`` naming it and the reason; ``refuse_all``
turns the refusals of a batch into one error naming every bad file.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
import stat
import warnings
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageFile

from . import errors
from .errors import N_
from .photo_exif import ExifFacts, read_exif

FOLDER_SUFFIXES = (".jpg", ".jpeg", ".png")  # what a folder is scanned for

_JPEG_MAGIC = b"\xff\xd8\xff"
_PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
_JPEG_END = b"\xff\xd9"
_PNG_END = b"\x00\x00\x00\x00IEND\xaeB`\x82"
_PIL_FORMATS = ("JPEG", "PNG")  # MPO (a JPEG with a second picture) comes through JPEG


class PhotoRefused(errors.CaseDatabaseError):
    """A file given as a photo was not attached; the batch it came with was not stored."""

    template = N_("{path} was not attached: {reason}")


class PhotosRefused(PhotoRefused):
    """Several files of a batch were refused; the batch was not stored. ``refusals`` holds
    one ``PhotoRefused`` per file, and the message names each file with its reason."""

    template = N_("{count} files were not attached, so none of the batch was stored:\n{files}")

    def __init__(self, refusals: list[PhotoRefused]):
        self.refusals = tuple(refusals)
        super().__init__(count=len(self.refusals), files="")

    def filled_params(self, translate) -> dict:
        params = dict(self.params)
        params["files"] = "\n".join(refusal.text(translate) for refusal in self.refusals)
        return params


def refuse_all(refusals: list[PhotoRefused]) -> None:
    """Raise the refusal of a batch: the one file's own, or one naming every file."""
    if len(refusals) == 1:
        raise refusals[0]
    if refusals:
        raise PhotosRefused(refusals)


@dataclass(frozen=True)
class Candidate:
    """What was read from one file before anything is written."""

    path: Path
    sha256: str
    extension: str
    size: int
    exif: ExifFacts

    @property
    def stored_name(self) -> str:
        return f"{self.sha256}.{self.extension}"


def expand(paths, refusals: list[PhotoRefused]) -> list[Path]:
    """The files given: a folder gives its JPEG and PNG files (not its hidden ones); a
    folder without any is added to ``refusals``."""
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    files: list[Path] = []
    for entry in paths:
        path = Path(entry)
        if path.is_dir():
            try:
                children = list(path.iterdir())
            except OSError as exc:
                refusals.append(
                    PhotoRefused(
                        path=str(path),
                        reason=N_("the folder could not be read ({detail})"),
                        detail=exc.strerror or exc.__class__.__name__,
                    )
                )
                continue
            found = sorted(
                child
                for child in children
                # '._name.jpg' files are macOS resource forks, not photos; subfolders are
                # not scanned, but a FIFO, device or socket named like a photo is kept so
                # that read_candidate refuses it by name (without opening it)
                if not child.name.startswith(".")
                and child.suffix.lower() in FOLDER_SUFFIXES
                and not child.is_dir()
            )
            if not found:
                refusals.append(
                    PhotoRefused(path=str(path), reason=N_("the folder holds no JPEG or PNG file"))
                )
            files.extend(found)
        else:
            files.append(path)
    return files


def _not_regular(path: Path, mode: int) -> PhotoRefused:
    if stat.S_ISDIR(mode):
        reason = N_("it is a folder, not a file")
    elif stat.S_ISFIFO(mode):
        reason = N_("it is a pipe (FIFO), not a file; it was not opened")
    elif stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        reason = N_("it is a device, not a file; it was not opened")
    elif stat.S_ISSOCK(mode):
        reason = N_("it is a socket, not a file; it was not opened")
    else:
        reason = N_("it is not a regular file; it was not opened")
    return PhotoRefused(path=str(path), reason=reason)


def _unreadable(path: Path, exc: OSError) -> PhotoRefused:
    return PhotoRefused(
        path=str(path),
        reason=N_("the file could not be read ({detail})"),
        detail=exc.strerror or exc.__class__.__name__,
    )


@contextlib.contextmanager
def open_regular(path: Path) -> Iterator[io.BufferedReader]:
    """Open ``path`` for reading only if it is a regular file; ``PhotoRefused`` otherwise.
    Nothing that is not a regular file is ever opened (stat first), and the open handle is
    checked again (the name may have been swapped for a FIFO in between; O_NONBLOCK keeps
    that open from waiting)."""
    try:
        mode = os.stat(path).st_mode
    except OSError as exc:
        raise _unreadable(path, exc) from exc
    if not stat.S_ISREG(mode):
        raise _not_regular(path, mode)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        descriptor = os.open(path, flags)
    except OSError as exc:
        raise _unreadable(path, exc) from exc
    try:
        mode = os.fstat(descriptor).st_mode
        if not stat.S_ISREG(mode):
            raise _not_regular(path, mode)
        handle = os.fdopen(descriptor, "rb")
    except BaseException:
        os.close(descriptor)
        raise
    with handle:
        yield handle


def read_candidate(path: Path) -> Candidate:
    """Hash, decode and read the EXIF of one file, or refuse it (``PhotoRefused``)."""
    try:
        with open_regular(path) as handle:
            data = handle.read()
    except OSError as exc:
        raise _unreadable(path, exc) from exc
    if not data:
        raise PhotoRefused(path=str(path), reason=N_("the file is empty"))
    extension = image_kind(data[:16])
    if extension is None:
        raise PhotoRefused(path=str(path), reason=N_("it is not a JPEG or PNG image"))
    _check_decodes(path, data, extension)
    return Candidate(
        path=path,
        sha256=hashlib.sha256(data).hexdigest(),
        extension=extension,
        size=len(data),
        exif=read_exif(data, str(path)),
    )


def image_kind(head: bytes) -> str | None:
    if head.startswith(_JPEG_MAGIC):
        return "jpg"
    if head.startswith(_PNG_MAGIC) and head[12:16] == b"IHDR":
        return "png"
    return None


def _check_decodes(path: Path, data: bytes, extension: str) -> None:
    """Refuse an image whose pixels cannot all be decoded (no raw Pillow text to users)."""
    if extension == "png" and not data.rstrip(b"\x00").endswith(_PNG_END):
        raise PhotoRefused(
            path=str(path), reason=N_("the image data is truncated (the file is incomplete)")
        )
    # Another plugin in the same QGIS may have set Pillow's global to grey-fill truncated
    # images; for this check it must be off (Pillow reads it while loading).
    saved = ImageFile.LOAD_TRUNCATED_IMAGES
    ImageFile.LOAD_TRUNCATED_IMAGES = False
    try:
        with warnings.catch_warnings():
            # Pillow warns about a large image or a corrupt EXIF block; what matters here
            # is only whether the pixels decode (the EXIF is read and judged elsewhere)
            warnings.simplefilter("ignore")
            with Image.open(io.BytesIO(data), formats=_PIL_FORMATS) as image:
                if extension == "jpg":  # 1/8 scale: every byte still read, 1/64 the pixels
                    image.draft(image.mode, (max(1, image.width // 8), max(1, image.height // 8)))
                image.load()
    except Image.DecompressionBombError as exc:
        raise PhotoRefused(
            path=str(path),
            reason=N_("the image is too large to check (over {limit} megapixels)"),
            limit=f"{2 * Image.MAX_IMAGE_PIXELS / 1e6:.0f}",
        ) from exc
    except Exception as exc:  # whatever Pillow raises on a malformed file
        # a JPEG that stops before its end marker ran out of data; Pillow says so for most
        # cuts ("image file is truncated"), but not for every cut inside the headers
        truncated = "truncated" in str(exc).lower() or (
            extension == "jpg" and not data.rstrip(b"\x00\r\n ").endswith(_JPEG_END)
        )
        raise PhotoRefused(
            path=str(path),
            reason=N_("the image data is truncated (the file is incomplete)")
            if truncated
            else N_("the image data cannot be decoded (the file is damaged)"),
        ) from exc
    finally:
        ImageFile.LOAD_TRUNCATED_IMAGES = saved
