"""Scanned documents attached to a case (批文, 备案, 立案文书 …), bound in its dossier.

``add_attachment`` checks the file (a PDF pypdf can read, or a JPEG or PNG image),
copies it beside the database under its SHA-256, the way photos are kept::

    <database folder>/<database stem>_attachments/<sha256[:2]>/<sha256>.<pdf|jpg|png>

and stores one ``attachment`` row (kind, title, 文号, 责任者, date, page count) in one
transaction. The original is only read. A file that is missing, unreadable or of another
type is refused (``AttachmentRefused``, naming the file) before anything is copied.
"""

from __future__ import annotations

import datetime
import hashlib
import io
import os
import stat
import uuid
from dataclasses import dataclass
from pathlib import Path

from . import errors
from .errors import N_
from .photo_storage import remove_unreferenced
from .photos import attachments_folder

# The kinds the dossier knows where to bind (after the document each supports); another
# kind typed by the user is accepted and bound after them, with 其他材料.
KINDS = ("批文", "备案", "立案文书", "处罚文书", "整改材料", "其他材料")
_PDF_MAGIC = b"%PDF-"
_JPEG_MAGIC = b"\xff\xd8\xff"
_PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
_CHUNK = 1 << 20


class AttachmentRefused(errors.CaseDatabaseError):
    """A file given as a scanned document was not attached; nothing was stored."""

    template = N_("{path} was not attached: {reason}")


@dataclass(frozen=True)
class Attachment:
    id: int
    case_id: int
    kind: str
    title: str
    doc_number: str | None  # 文号
    author: str | None  # 责任者
    doc_date: str | None  # YYYY-MM-DD
    sha256: str
    stored_name: str
    original_name: str | None
    pages: int | None
    created_at: str

    @property
    def is_pdf(self) -> bool:
        return self.stored_name.endswith(".pdf")


def case_id_of_plot(store, plot_id: int) -> int:
    row = store._db.execute("SELECT id FROM case_record WHERE plot_id = ?", (plot_id,)).fetchone()
    if row is None:
        raise errors.InvalidRecord(record=str(plot_id), reason=N_("there is no plot with this id"))
    return row[0]


def case_id_of_jcbh(store, jcbh: str) -> int:
    """The case of the plot numbered ``jcbh`` (监测编号); InvalidRecord naming it if none."""
    row = store._db.execute(
        "SELECT c.id FROM case_record AS c JOIN plot AS p ON p.id = c.plot_id WHERE p.jcbh = ?",
        ((jcbh or "").strip(),),
    ).fetchone()
    if row is None:
        raise errors.InvalidRecord(
            record=str(jcbh), reason=N_("there is no plot with this 监测编号")
        )
    return row[0]


def attachment_path(store, attachment: Attachment) -> Path:
    """Where the stored copy is (the stored name is checked: it never leaves the folder)."""
    name = attachment.stored_name or ""
    stem, _, extension = name.partition(".")
    if stem != attachment.sha256 or extension not in ("pdf", "jpg", "png"):
        raise ValueError(f"attachment {attachment.id}: unexpected stored name {name!r}")
    return attachments_folder(store) / attachment.sha256[:2] / name


def add_attachment(
    store,
    case_id: int,
    path,
    *,
    kind: str,
    title: str,
    doc_number: str | None = None,
    author: str | None = None,
    doc_date=None,
) -> int:
    """Attach the scan at ``path`` to the case ``case_id``; returns the attachment id."""
    path = Path(path)
    kind = (kind or "").strip()
    if not kind:
        raise AttachmentRefused(
            path=str(path),
            reason=N_("the kind of document is missing (e.g. {allowed})"),
            allowed="、".join(KINDS),
        )
    title = (title or "").strip()
    if not title:
        raise AttachmentRefused(path=str(path), reason=N_("the title (题名) is missing"))
    day = _date(path, doc_date)
    if store._db.execute("SELECT 1 FROM case_record WHERE id = ?", (case_id,)).fetchone() is None:
        raise AttachmentRefused(
            path=str(path), reason=N_("there is no case with id {case_id}"), case_id=case_id
        )
    data = _read(path)
    extension, pages = _check(path, data)
    sha256 = hashlib.sha256(data).hexdigest()
    stored_name = f"{sha256}.{extension}"
    created = _store_copy(store, path, data, sha256, stored_name)
    try:
        with store.transaction() as db:
            return db.execute(
                """INSERT INTO attachment (case_id, kind, title, doc_number, author, doc_date,
                       sha256, stored_name, original_name, pages)
                   VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""",
                (
                    case_id,
                    kind,
                    title,
                    _text(doc_number),
                    _text(author),
                    day,
                    sha256,
                    stored_name,
                    path.name,
                    pages,
                ),
            ).fetchone()[0]
    except BaseException:
        if created is not None:
            _remove_unreferenced(store, created)
        raise


def list_attachments(store, case_id: int) -> list[Attachment]:
    """The case's attachments, by date (undated last), then in the order attached."""
    rows = store._db.execute(
        """SELECT id, case_id, kind, title, doc_number, author, doc_date, sha256, stored_name,
               original_name, pages, created_at
           FROM attachment WHERE case_id = ?
           ORDER BY doc_date IS NULL, doc_date, id""",
        (case_id,),
    )
    return [Attachment(*row) for row in rows]


# -- checks ---------------------------------------------------------------------------


def _text(value) -> str | None:
    text = "" if value is None else str(value).strip()
    return text or None


def _date(path: Path, value) -> str | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, datetime.datetime):
        return value.date().isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    try:
        return datetime.date.fromisoformat(str(value).strip()[:10]).isoformat()
    except ValueError:
        raise AttachmentRefused(
            path=str(path),
            reason=N_("the date {value} is not a date (YYYY-MM-DD)"),
            value=str(value),
        ) from None


def _read(path: Path) -> bytes:
    if not path.is_file():
        raise AttachmentRefused(path=str(path), reason=N_("the file does not exist"))
    try:
        return path.read_bytes()
    except OSError as exc:
        raise AttachmentRefused(
            path=str(path),
            reason=N_("the file could not be read ({detail})"),
            detail=exc.strerror or exc.__class__.__name__,
        ) from exc


def _check(path: Path, data: bytes) -> tuple[str, int]:
    """The stored extension and the page count, or a refusal."""
    head = data[:1024]
    if _PDF_MAGIC in head:
        return "pdf", _pdf_pages(path, data)
    if head.startswith(_JPEG_MAGIC) or (head.startswith(_PNG_MAGIC) and head[12:16] == b"IHDR"):
        from PIL import Image  # Pillow: the images are checked whole, not only by magic

        try:
            with Image.open(io.BytesIO(data)) as image:
                image.load()
                kind = image.format
        except Exception:
            raise AttachmentRefused(
                path=str(path), reason=N_("the image is damaged and cannot be read")
            ) from None
        return ("jpg" if kind == "JPEG" else "png"), 1
    raise AttachmentRefused(path=str(path), reason=N_("it is not a PDF, JPEG or PNG file"))


def _pdf_pages(path: Path, data: bytes) -> int:
    try:
        from pypdf import PdfReader  # pinned in pyproject.toml; Debian: python3-pypdf
    except ImportError:
        raise AttachmentRefused(
            path=str(path),
            reason=N_("PDF files need the pypdf package, which is not installed"),
        ) from None

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise AttachmentRefused(
                path=str(path), reason=N_("the PDF is encrypted and cannot be bound")
            )
        pages = len(reader.pages)
    except AttachmentRefused:
        raise
    except Exception:
        raise AttachmentRefused(
            path=str(path), reason=N_("the PDF is damaged and cannot be read")
        ) from None
    if pages == 0:
        raise AttachmentRefused(path=str(path), reason=N_("the PDF has no page"))
    return pages


# -- the copy -------------------------------------------------------------------------


def _store_copy(store, path: Path, data: bytes, sha256: str, stored_name: str) -> Path | None:
    """Write the bytes under their hash unless an intact copy is there; the new file's
    path (None when one was there)."""
    folder = attachments_folder(store) / sha256[:2]
    target = folder / stored_name
    if target.is_file() and _sha256_of(target) == sha256:
        return None
    temporary = folder / f".{sha256}.{uuid.uuid4().hex}.part"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with open(temporary, "xb") as copy:
            copy.write(data)
            copy.flush()
            os.fsync(copy.fileno())
        os.chmod(temporary, stat.S_IREAD | stat.S_IRGRP | stat.S_IROTH)
        if target.exists():  # a damaged copy: replace it
            os.chmod(target, stat.S_IWRITE | stat.S_IREAD)
        os.replace(temporary, target)
    except OSError as exc:
        raise AttachmentRefused(
            path=str(path),
            reason=N_("the copy in {folder} could not be written ({detail})"),
            folder=str(attachments_folder(store)),
            detail=exc.strerror or exc.__class__.__name__,
        ) from exc
    finally:
        if temporary.exists():
            os.chmod(temporary, stat.S_IWRITE | stat.S_IREAD)
            temporary.unlink()
    return target


def _sha256_of(path: Path) -> str | None:
    digest = hashlib.sha256()
    try:
        with open(path, "rb") as handle:
            for block in iter(lambda: handle.read(_CHUNK), b""):
                digest.update(block)
    except OSError:
        return None
    return digest.hexdigest()


def _remove_unreferenced(store, path: Path) -> None:
    """Undo a copy whose row was not stored, unless a photo, scan or record file uses it."""
    remove_unreferenced(store, [path])
