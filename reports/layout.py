"""What every LandCase PDF shares: A4 page, styles, header and footer, QR code, tables,
images, and the build that writes the file and returns its hash.

Pages are numbered "第 x 页 共 y 页" in one pass: the canvas keeps each finished page
and draws the header and footer of all pages when the document is saved, once the total
is known. The footer of every page holds the generation time, the short case hash and
a QR code ``LANDCASE|<监测编号>|<hash>``; which identifier and hash a page carries comes
from the last :class:`ContextMarker` drawn on it (a dossier switches them per document).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import hashlib
import io
import itertools
import os
import re
import tempfile
import threading
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import NamedTuple
from urllib.parse import quote
from xml.sax.saxutils import escape

from PIL import Image as PILImage
from PIL import ImageOps
from reportlab import rl_config
from reportlab.graphics.barcode import qrencoder
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    PageTemplate,
    Paragraph,
    Table,
    TableStyle,
)

from .fonts import FontSet, register_cjk_font

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN_LEFT = 25 * mm  # binding side (装订线)
MARGIN_RIGHT = 20 * mm
MARGIN_TOP = 22 * mm
MARGIN_BOTTOM = 30 * mm
FRAME_WIDTH = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT
FRAME_HEIGHT = PAGE_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM
QR_SIZE = 19 * mm
IMAGE_DPI = 200  # pictures are resampled to this at their printed size

GRID = colors.black
LABEL_BACKGROUND = colors.Color(0.93, 0.93, 0.93)
NOTE_BACKGROUND = colors.Color(0.96, 0.96, 0.96)
GRAY_TEXT = colors.Color(0.3, 0.3, 0.3)
WARNING_TEXT = colors.Color(0.65, 0.1, 0.1)


# -- numbers and text ---------------------------------------------------------------


def fmt_area(value: float | None) -> str:
    """Areas with two decimals, no grouping, rounded half up (四舍五入) from the
    shortest decimal form of the float, as the national system and the case store do
    (so 0.125 亩 prints 0.13, where Python's formatting would print 0.12)."""
    if value is None or value != value:
        return "—"
    rounded = Decimal(repr(float(value))).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    return f"{abs(rounded) if rounded == 0 else rounded:.2f}"


def fmt_coord(value: float | None, positive: str, negative: str) -> str:
    if value is None:
        return ""
    return f"{abs(value):.6f}°{positive if value >= 0 else negative}"


COMPASS = ("北", "东北", "东", "东南", "南", "西南", "西", "西北")


def fmt_direction(degrees: float | None) -> str:
    if degrees is None:
        return ""
    d = degrees % 360
    return f"{d:.0f}°（{COMPASS[int((d + 22.5) // 45) % 8]}）"


def text_or_dash(value: object) -> str:
    text = "" if value is None else str(value).strip()
    return text or "—"


# -- styles ---------------------------------------------------------------------------


class Styles:
    """Paragraph styles in the registered CJK font (sizes follow 字号: 小二 18, 小四 12,
    五号 10.5, 小五 9)."""

    def __init__(self, fonts: FontSet):
        self.fonts = fonts
        f = fonts.regular

        def style(name, size, leading, align=TA_LEFT, color=colors.black, **kw):
            return ParagraphStyle(
                name,
                fontName=f,
                fontSize=size,
                leading=leading,
                alignment=align,
                textColor=color,
                wordWrap="CJK",
                **kw,
            )

        self.body = style("body", 10.5, 16)
        self.body_indent = style("body_indent", 10.5, 16, firstLineIndent=21)
        self.subtitle = style("subtitle", 10.5, 15, TA_CENTER, spaceAfter=2)
        self.cell = style("cell", 10, 13.5)
        self.cell_center = style("cell_center", 10, 13.5, TA_CENTER)
        self.cell_right = style("cell_right", 10, 13.5, TA_RIGHT)
        self.label = style("label", 10, 13.5, TA_CENTER)
        self.small = style("small", 9, 12)
        self.caption = style("caption", 8.5, 11.5)
        self.caption_center = style("caption_center", 9, 12, TA_CENTER)
        self.note = style("note", 10, 14, TA_CENTER, GRAY_TEXT)
        self.warning = style("warning", 8.5, 11.5, color=WARNING_TEXT)

    def table(self, data, style=None, **kwargs) -> Table:
        """A reportlab Table whose plain-string cells use the CJK font (not Helvetica)."""
        table = Table(data, **kwargs)
        table.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), self.fonts.regular)]))
        if style is not None:
            table.setStyle(style)
        return table

    def p(self, text: object, style: ParagraphStyle | None = None) -> Paragraph:
        """A paragraph of plain text: escaped, lacking glyphs replaced, newlines kept."""
        return Paragraph(self.markup(text), style or self.body)

    def fitted(self, text: object, style: ParagraphStyle, width: float) -> Paragraph:
        """A paragraph broken into lines of ``width`` points beforehand (wrap_cjk), so
        numbers, dates and 文号 are not cut in the middle as reportlab's CJK wrap does.
        ``width`` is the text width (a table column less its padding)."""
        clean = self.fonts.clean("" if text is None else str(text))
        lines = wrap_cjk(clean, style.fontName, style.fontSize, width - 0.05)
        return Paragraph("<br/>".join(escape(line) for line in lines), style)

    def markup(self, text: object) -> str:
        clean = self.fonts.clean("" if text is None else str(text))
        return escape(clean).replace("\n", "<br/>")


# -- flowables ------------------------------------------------------------------------

_NO_LINE_START = set("，。、；：！？）》」』】〕”’,.;:!?)%")
_NO_LINE_END = set("（《「『【〔“‘(")
_TOKEN = re.compile(r"[A-Za-z0-9.\-_/:²³°%]+|\n|[^\S\n]+|.", re.S)


def wrap_cjk(text: str, font: str, size: float, width: float) -> list[str]:
    """Greedy line breaking for CJK text: a line may end after any character, except
    that Latin words and numbers stay whole, closing punctuation never starts a line and
    an opening bracket never ends one (the character before moves down with it)."""
    lines: list[str] = []
    line: list[str] = []  # tokens
    for token in _TOKEN.findall(text):
        if token == "\n":
            lines.append("".join(line).rstrip())
            line = []
            continue
        if not line or stringWidth("".join(line + [token]).rstrip(), font, size) <= width:
            line.append(token)
            continue
        carry: list[str] = []
        if token[0] in _NO_LINE_START and len(line) > 1:
            carry.insert(0, line.pop())
        while len(line) > 1 and line[-1][-1] in _NO_LINE_END:
            carry.insert(0, line.pop())
        lines.append("".join(line).rstrip())
        line = carry + ([token] if carry or not token.isspace() else [])
    lines.append("".join(line).rstrip())
    return lines if any(lines) else [""]


def truncate(text: str, font: str, size: float, width: float) -> str:
    """``text`` cut to ``width`` points, ending in … when cut."""
    if stringWidth(text, font, size) <= width:
        return text
    while text and stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text + "…"


class BoldText(Flowable):
    """A bold line (or a few) of title text, centred by default.

    With a real bold face (黑体) it is drawn in that face; otherwise the glyph outlines
    are stroked as well as filled, the way a word processor emboldens a font without a
    bold face.
    """

    def __init__(self, text, fonts: FontSet, size, align="center", leading=None, after=0):
        super().__init__()
        self.text = fonts.clean(text)
        self.fonts = fonts
        self.size = size
        self.align = align
        self.leading = leading or size * 1.45
        self.spaceAfter = after
        self._lines: list[str] = []

    def wrap(self, avail_width, avail_height):
        self._width = avail_width
        self._lines = wrap_cjk(self.text, self.fonts.bold, self.size, avail_width)
        return avail_width, self.leading * len(self._lines)

    def draw(self):
        c = self.canv
        c.saveState()
        c.setFillColor(colors.black)
        c.setStrokeColor(colors.black)
        c.setLineWidth(self.size * 0.035)
        y = self.leading * len(self._lines) - self.size * 1.08
        for line in self._lines:
            w = stringWidth(line, self.fonts.bold, self.size)
            x = {"center": (self._width - w) / 2, "left": 0, "right": self._width - w}[self.align]
            text = c.beginText(x, y)
            text.setFont(self.fonts.bold, self.size)
            text.setTextRenderMode(2 if self.fonts.fake_bold else 0)
            text.textLine(line)
            c.drawText(text)
            y -= self.leading
        c.restoreState()


@dataclass
class PageContext:
    """What the header and footer of a page show."""

    title: str  # header, left: the document's name
    identifier: str  # 监测编号 (or 档号 for a dossier of several plots)
    case_hash: str
    generated: str  # generation time, printed in the footer
    identifier_label: str = "监测编号"

    @property
    def qr_payload(self) -> str:
        return qr_payload(self.identifier, self.case_hash)


def qr_payload(identifier: str, case_hash: str) -> str:
    """What the QR code holds: ``LANDCASE|<监测编号>|<case hash>``. The identifier is
    percent-encoded where it is not plain ASCII (or holds "|"), since QR readers guess
    the encoding of 8-bit data (a Chinese 档号 would come out as mojibake)."""
    return f"LANDCASE|{quote(identifier, safe=_QR_SAFE)}|{case_hash}"


_QR_SAFE = "-_.~/:()[]#+ "


class ContextMarker(Flowable):
    """Zero-size flowable: from here on, pages show ``ctx`` in header and footer. It
    records the page it landed on (the dossier's 卷内目录 reads that)."""

    def __init__(self, ctx: PageContext, key: object = None):
        super().__init__()
        self.ctx = ctx
        self.key = key
        self.page: int | None = None

    def wrap(self, avail_width, avail_height):
        return 0, 0

    def draw(self):
        self.canv._lc_ctx = self.ctx
        self.page = self.canv.getPageNumber()


# -- images ---------------------------------------------------------------------------


class ImageCache:
    """Pictures resampled to their printed size and re-encoded as JPEG, which reportlab
    embeds as is (a PNG would be recompressed in pure Python, slowly). Kept for a
    build, so a dossier's second pass does not decode them again."""

    def __init__(self, dpi: int = IMAGE_DPI):
        self.dpi = dpi
        self._items: dict[tuple, tuple[ImageReader, int, int] | None] = {}

    def get(self, path: str | None, box_w: float, box_h: float, photo: bool):
        """(reader, pixel width, pixel height) fitted in box (points), or None when the
        file is missing or unreadable."""
        if not path:
            return None
        key = (os.path.abspath(path), round(box_w), round(box_h), photo)
        if key not in self._items:
            self._items[key] = self._load(path, box_w, box_h, photo)
        return self._items[key]

    def _load(self, path, box_w, box_h, photo):
        try:
            with PILImage.open(path) as source:  # closed at once (Windows locks open files)
                return self._fit(source, box_w, box_h, photo)
        except (OSError, ValueError, PILImage.DecompressionBombError):
            return None

    def _fit(self, im, box_w, box_h, photo):
        src_w, src_h = im.size
        if photo and im.getexif().get(0x0112, 1) in (5, 6, 7, 8):  # EXIF: turned 90°
            src_w, src_h = src_h, src_w
        scale = min(box_w / src_w, box_h / src_h)
        target = (
            max(1, round(src_w * scale / 72 * self.dpi)),
            max(1, round(src_h * scale / 72 * self.dpi)),
        )
        if im.format == "JPEG":  # decode at a reduced scale (DCT scaling): fast
            im.draft("RGB", (max(target), max(target)) if photo else target)
        if photo:
            im = ImageOps.exif_transpose(im)
        if im.mode in ("RGBA", "LA", "P", "PA"):
            im = im.convert("RGBA")
            background = PILImage.new("RGB", im.size, "white")
            background.paste(im, mask=im.getchannel("A"))
            im = background
        elif im.mode not in ("RGB", "L"):
            im = im.convert("RGB")
        if im.width > target[0] * 1.05 or im.height > target[1] * 1.05:
            im = im.resize(target, PILImage.LANCZOS, reducing_gap=2.0)
        buffer = io.BytesIO()
        if photo:
            im.save(buffer, "JPEG", quality=85)
        else:  # maps and scans: fine lines and text, no chroma subsampling
            im.save(buffer, "JPEG", quality=92, subsampling=0)
        buffer.seek(0)
        return ImageReader(buffer), im.width, im.height


class FittedImage(Flowable):
    """A picture fitted (aspect kept) into a box of the given size, with a thin frame;
    it takes the picture's fitted size, so a caption below follows it closely. When the
    picture is missing, the whole box is drawn, holding ``note`` instead."""

    def __init__(self, styles, cache, path, width, height, note="", photo=False, frame=True):
        super().__init__()
        self.hAlign = "CENTER"
        self.styles = styles
        self.frame = frame
        self.note = note
        loaded = cache.get(path, width, height, photo)
        if loaded is None and path:
            self.note = f"图片文件无法读取：{Path(path).name}"
        self.image = loaded
        if loaded is None:
            self.width, self.height = width, height
        else:
            _reader, px_w, px_h = loaded
            scale = min(width / px_w, height / px_h)
            self.width, self.height = px_w * scale, px_h * scale

    def wrap(self, avail_width, avail_height):
        return self.width, self.height

    def draw(self):
        c = self.canv
        if self.image is None:
            c.saveState()
            c.setFillColor(NOTE_BACKGROUND)
            c.setStrokeColor(colors.Color(0.5, 0.5, 0.5))
            c.setDash(3, 2)
            c.rect(0, 0, self.width, self.height, fill=1, stroke=1)
            c.restoreState()
            width = self.width - 12 * mm
            note = self.styles.fitted(self.note or "无图片", self.styles.note, width)
            _w, h = note.wrap(width, self.height)
            note.drawOn(c, 6 * mm, (self.height - h) / 2)
            return
        c.drawImage(self.image[0], 0, 0, self.width, self.height)
        if self.frame:
            c.saveState()
            c.setLineWidth(0.5)
            c.rect(0, 0, self.width, self.height, fill=0, stroke=1)
            c.restoreState()


# -- tables ---------------------------------------------------------------------------


CELL_PADDING = 8  # left + right padding of a grid cell, points


def grid_style(extra: list | None = None, header_rows: int = 0) -> TableStyle:
    commands = [
        ("GRID", (0, 0), (-1, -1), 0.6, GRID),
        ("BOX", (0, 0), (-1, -1), 1.0, GRID),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
    ]
    if header_rows:
        commands.append(("BACKGROUND", (0, 0), (-1, header_rows - 1), LABEL_BACKGROUND))
    return TableStyle(commands + (extra or []))


MAX_CELL_LINES = 24  # a longer text is cut into rows "（续）" that may go on the next page


def key_value_table(styles: Styles, rows: list[list], widths: list[float]) -> Table:
    """A form-like grid: even columns are labels (shaded, centred), odd ones values.

    A row shorter than the columns spans its last value to the right edge. A value too
    long for its half of the row gets a row of its own; a full-width text longer than
    MAX_CELL_LINES lines continues in rows labelled "（续）" (a table row cannot be split
    across pages cleanly)."""
    columns = len(widths)
    font, size = styles.cell.fontName, styles.cell.fontSize

    def lines_of(value, width):
        text = styles.fonts.clean(text_or_dash(value))
        return wrap_cjk(text, font, size, width - CELL_PADDING - 0.05)

    laid_out: list[list] = []
    for row in rows:
        if len(row) == columns and any(
            not isinstance(row[i], Flowable) and len(lines_of(row[i], widths[i])) > 12
            for i in range(1, columns, 2)
        ):
            laid_out += [row[i : i + 2] for i in range(0, columns, 2)]
        else:
            laid_out.append(row)

    data: list[list] = []
    spanned: list[tuple[int, int]] = []  # (row, cells given)
    for row in laid_out:
        if len(row) == 2 and columns > 2 and not isinstance(row[1], Flowable):
            lines = lines_of(row[1], sum(widths[1:]))
            for k in range(0, len(lines), MAX_CELL_LINES):
                label = row[0] if k == 0 else f"{row[0]}（续）"
                value = Paragraph(
                    "<br/>".join(escape(line) for line in lines[k : k + MAX_CELL_LINES]),
                    styles.cell,
                )
                spanned.append((len(data), 2))
                data.append([styles.fitted(label, styles.label, widths[0] - CELL_PADDING), value])
            continue
        cells = []
        for i, value in enumerate(row):
            width = sum(widths[i:]) if i == len(row) - 1 else widths[i]
            if isinstance(value, Flowable):
                cells.append(value)
            elif i % 2 == 0:
                cells.append(styles.fitted(value, styles.label, width - CELL_PADDING))
            else:
                cells.append(styles.fitted(text_or_dash(value), styles.cell, width - CELL_PADDING))
        if len(cells) < columns:
            spanned.append((len(data), len(cells)))
        data.append(cells)
    commands = [("BACKGROUND", (c, 0), (c, -1), LABEL_BACKGROUND) for c in range(0, columns, 2)]
    for r, given in spanned:
        data[r] += [""] * (columns - given)
        commands.append(("SPAN", (given - 1, r), (columns - 1, r)))
        # the spanned value is not a label column: no shading
        commands += [
            ("BACKGROUND", (c, r), (c, r), colors.white)
            for c in range(given, columns)
            if c % 2 == 0
        ]
    return styles.table(data, colWidths=widths, style=grid_style(commands))


def section_heading(styles: Styles, text: str) -> Flowable:
    heading = BoldText(text, styles.fonts, 12, align="left", leading=18)
    heading.spaceBefore = 8
    heading.spaceAfter = 4
    return heading


# -- building ---------------------------------------------------------------------------


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


def make_context(fonts: FontSet | None, generated_at: dt.datetime | None) -> BuildContext:
    fonts = fonts or register_cjk_font()
    moment = generated_at or dt.datetime.now()
    return BuildContext(fonts, Styles(fonts), ImageCache(), moment.strftime("%Y-%m-%d %H:%M"))


class _NumberedCanvas(Canvas):
    """Keeps the finished pages and decorates all of them on save, with the total."""

    def __init__(self, *args, fonts: FontSet, **kwargs):
        super().__init__(*args, **kwargs)
        self._lc_fonts = fonts
        self._lc_pages: list[dict] = []
        self._lc_qr_forms: dict[str, str] = {}

    def showPage(self):  # noqa: N802 (reportlab's name)
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
        canvas.drawString(
            left, 13 * mm, f"生成时间：{ctx.generated}    数据校验码：{ctx.case_hash}"
        )
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
