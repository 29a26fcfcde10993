"""Building a LandCase PDF: A4 pages numbered "第 x 页 共 y 页" in one pass (the canvas
keeps each finished page and decorates all of them on save, once the total is known),
the footer's QR code, the PDF metadata, and the atomic write that returns the file's
SHA-256."""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import hashlib
import io
import itertools
import os
import tempfile
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from reportlab import rl_config
from reportlab.graphics.barcode import qrencoder
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from .fonts import FontSet, register_cjk_font
from .layout import (
    FRAME_HEIGHT,
    FRAME_WIDTH,
    GRAY_TEXT,
    MARGIN_BOTTOM,
    MARGIN_LEFT,
    MARGIN_RIGHT,
    MARGIN_TOP,
    PAGE_HEIGHT,
    PAGE_WIDTH,
    QR_SIZE,
    PageContext,
    Styles,
    truncate,
)
from .pdf_images import ImageCache


class PageRange(NamedTuple):
    """Where a document lies in a PDF (page numbers from 1, as printed in the footer)."""

    title: str
    first: int
    last: int


@dataclass
class BuildResult:
    """What a build wrote: the file, its page count, its SHA-256 (stored on the case),
    the case hash it was made from, and where each document lies (a dossier's 卷内目录)."""

    path: Path
    pages: int
    sha256: str
    case_hash: str
    documents: list[PageRange] = field(default_factory=list)


@dataclass
class BuildContext:
    """Fonts, styles and the image cache of one build."""

    fonts: FontSet
    styles: Styles
    images: ImageCache
    generated: str
    lock_root: str = ""  # "2026-10 二上 <root>": printed in every footer after a lock


def make_context(
    fonts: FontSet | None, generated_at: dt.datetime | None, lock_root: str = ""
) -> BuildContext:
    fonts = fonts or register_cjk_font()
    moment = generated_at or dt.datetime.now()
    return BuildContext(
        fonts, Styles(fonts), ImageCache(), moment.strftime("%Y-%m-%d %H:%M"), lock_root
    )


class _NumberedCanvas(Canvas):
    """Keeps the finished pages and decorates all of them on save, with the total."""

    def __init__(self, *args, fonts: FontSet, **kwargs):
        super().__init__(*args, **kwargs)
        self._lc_fonts = fonts
        self._lc_pages: list[dict] = []
        self._lc_qr_forms: dict[str, str] = {}

    def showPage(self):
        self._lc_pages.append(dict(self.__dict__))
        self._startPage()

    def save(self):
        total = len(self._lc_pages)
        for state in self._lc_pages:
            self.__dict__.update(state)
            _decorate(self, total)
            Canvas.showPage(self)
        self._lc_page_total = total
        Canvas.save(self)


@functools.lru_cache(maxsize=512)
def qr_modules(payload: str) -> tuple[tuple[bool, ...], ...]:
    """The QR code's modules (reportlab's encoder, level M), cached across builds."""
    code = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
    code.addData(payload)
    code.make()
    return tuple(tuple(bool(m) for m in row) for row in code.modules)


def draw_qr(canvas: Canvas, payload: str, x: float, y: float, size: float, border: int = 4):
    """The QR code as one filled path of row runs, with a quiet zone of ``border``
    modules (drawing reportlab's QrCodeWidget through renderPDF is 30x slower)."""
    modules = qr_modules(payload)
    box = size / (len(modules) + 2 * border)
    path = canvas.beginPath()
    for r, row in enumerate(modules):
        c = 0
        for dark, run in itertools.groupby(row):
            count = len(list(run))
            if dark:
                path.rect(
                    x + (c + border) * box, y + size - (r + border + 1) * box, count * box, box
                )
            c += count
    canvas.saveState()
    canvas.setFillColor(colors.black)
    canvas.drawPath(path, stroke=0, fill=1)
    canvas.restoreState()


def _qr_form(canvas: _NumberedCanvas, payload: str) -> str:
    """The QR code as a form XObject, drawn once per payload and reused on each page."""
    name = canvas._lc_qr_forms.get(payload)
    if name is None:
        name = f"lcqr{len(canvas._lc_qr_forms)}"
        canvas.beginForm(name, 0, 0, QR_SIZE, QR_SIZE)
        draw_qr(canvas, payload, 0, 0, QR_SIZE)
        canvas.endForm()
        canvas._lc_qr_forms[payload] = name
    return name


def _decorate(canvas: _NumberedCanvas, total: int) -> None:
    fonts = canvas._lc_fonts
    ctx: PageContext | None = getattr(canvas, "_lc_ctx", None)
    page = canvas.getPageNumber()
    left, right = MARGIN_LEFT, PAGE_WIDTH - MARGIN_RIGHT
    canvas.saveState()
    canvas.setStrokeColor(GRAY_TEXT)
    canvas.setLineWidth(0.5)
    if ctx is not None:
        canvas.setFillColor(GRAY_TEXT)
        canvas.setFont(fonts.regular, 8.5)
        top = PAGE_HEIGHT - 15 * mm
        identifier = fonts.clean(f"{ctx.identifier_label}：{ctx.identifier}")
        room = FRAME_WIDTH - stringWidth(identifier, fonts.regular, 8.5) - 8 * mm
        canvas.drawString(left, top, truncate(fonts.clean(ctx.title), fonts.regular, 8.5, room))
        canvas.drawRightString(right, top, identifier)
        canvas.line(left, top - 2 * mm, right, top - 2 * mm)
    canvas.line(left, 27 * mm, right, 27 * mm)
    canvas.setFillColor(colors.black)
    canvas.setFont(fonts.regular, 10.5)
    canvas.drawCentredString(left + FRAME_WIDTH / 2, 20 * mm, f"第 {page} 页 共 {total} 页")
    if ctx is not None:
        canvas.setFillColor(GRAY_TEXT)
        canvas.setFont(fonts.regular, 7.5)
        line = f"生成时间：{ctx.generated}    数据校验码：{ctx.case_hash}"
        lock_root = getattr(canvas, "_lc_lock_root", "")
        if lock_root:  # the paper copy names the sealed state it was printed after
            line += f"    报送锁定：{lock_root}"
        canvas.drawString(left, 13 * mm, fonts.clean(line))
        canvas.drawString(
            left,
            9 * mm,
            fonts.clean(
                f"{ctx.identifier_label}：{ctx.identifier}    扫描右侧二维码可与案件数据库核对"
            ),
        )
        form = _qr_form(canvas, ctx.qr_payload)
        canvas.translate(right - QR_SIZE, 6 * mm)
        canvas.doForm(form)
    canvas.restoreState()


@dataclass
class PdfMeta:
    title: str
    identifier: str
    case_hash: str
    kind: str
    author: str = ""


def render_pdf(story: list[Flowable], meta: PdfMeta, ctx: BuildContext) -> tuple[bytes, int]:
    """Lay the story out on A4 pages; return the PDF bytes and the page count."""
    buffer = io.BytesIO()
    doc = BaseDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=MARGIN_LEFT,
        rightMargin=MARGIN_RIGHT,
        topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM,
        title=meta.title,
        author=meta.author or "LandCase",
        subject=f"LANDCASE case_hash={meta.case_hash} kind={meta.kind}",
        keywords=f"LANDCASE|{meta.identifier}|{meta.case_hash} case_hash={meta.case_hash}",
        creator="LandCase (QGIS plugin)",
        initialFontName=ctx.fonts.regular,  # no unembedded Helvetica in the file
    )
    frame = Frame(
        MARGIN_LEFT,
        MARGIN_BOTTOM,
        FRAME_WIDTH,
        FRAME_HEIGHT,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
        id="body",
    )
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame])])
    canvases: list[_NumberedCanvas] = []

    def maker(*args, **kwargs):
        canvas = _NumberedCanvas(*args, fonts=ctx.fonts, **kwargs)
        canvas._lc_lock_root = ctx.lock_root
        canvases.append(canvas)
        return canvas

    with _binary_streams():
        doc.build(story, canvasmaker=maker)
    return buffer.getvalue(), canvases[-1]._lc_page_total


_build_lock = threading.Lock()


@contextlib.contextmanager
def _binary_streams():
    """Streams written as binary, not ASCII85: reportlab's pure-Python ASCII85 encoder
    takes half the build time and makes the file a quarter larger. The setting is
    global to reportlab, so it is set only while a LandCase PDF is being written."""
    with _build_lock:
        saved = rl_config.useA85
        rl_config.useA85 = 0
        try:
            yield
        finally:
            rl_config.useA85 = saved


def write_atomically(data: bytes, output_path: str | os.PathLike) -> tuple[Path, str]:
    """Write the PDF beside its target and move it into place: an existing file is never
    left half-written. Returns the path and the file's SHA-256."""
    path = Path(output_path)
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temp = tempfile.mkstemp(prefix=f".{path.stem}.", suffix=".part", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as f:
            f.write(data)
        os.replace(temp, path)
    except BaseException:
        if os.path.exists(temp):
            os.unlink(temp)
        raise
    return path, hashlib.sha256(data).hexdigest()
