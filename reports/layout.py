"""What every LandCase PDF shares: A4 page, figures as printed, styles, page context,
tables. Pictures are in ``pdf_images``, the build (pages, footer, QR code, file) in
``pdf_build``; their names are importable from here too.

Pages are numbered "第 x 页 共 y 页" in one pass: the canvas keeps each finished page
and draws the header and footer of all pages when the document is saved, once the total
is known. The footer of every page holds the generation time, the short case hash and
a QR code ``LANDCASE|<监测编号>|<hash>``; which identifier and hash a page carries comes
from the last :class:`ContextMarker` drawn on it (a dossier switches them per document).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import quote
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph, Table, TableStyle

from ..cases.areas import NOT_COMPARED, m2_text, mu_text
from .fonts import FontSet

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


def fmt_area(value: float | None, missing: str = "—") -> str:
    """A figure with two decimals, no grouping, rounded half up (四舍五入) from the
    float's exact value, as ``cases.areas`` rounds; ``missing`` when None or NaN. Use it
    for m²; 亩 are printed from the m² by ``fmt_mu`` (cases.areas.mu_text)."""
    return m2_text(value, missing)


def fmt_m2(area_m2: float | None, missing: str = NOT_COMPARED) -> str:
    """An area in m² as printed; 未比对 when it was not computed (never 0.00)."""
    return m2_text(area_m2, missing)


def fmt_mu(area_m2: float | None, missing: str = NOT_COMPARED) -> str:
    """An area in 亩 as printed, from its m² by the one rounding rule (cases.areas);
    未比对 when it was not computed (never 0.00)."""
    return mu_text(area_m2, missing)


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


# The images and the build live in their own modules; their names stay importable from
# here (the report modules import them from layout).
from .pdf_build import (  # noqa: E402
    BuildContext,
    BuildResult,
    PageRange,
    PdfMeta,
    draw_qr,
    make_context,
    qr_modules,
    render_pdf,
    write_atomically,
)
from .pdf_images import FittedImage, ImageCache  # noqa: E402

__all__ = [
    "BuildContext",
    "BuildResult",
    "FittedImage",
    "ImageCache",
    "PageRange",
    "PdfMeta",
    "draw_qr",
    "make_context",
    "qr_modules",
    "render_pdf",
    "write_atomically",
]
