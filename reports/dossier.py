"""卷宗: the archive dossier of one plot or a selection.

Cover (案卷封面), 卷内目录 with the page range of every document, the documents in the
fixed order (plot by plot, ``models.DOCUMENT_ORDER`` within a plot), and the 卷内备考表.
Page numbers are those of the whole dossier, as printed in every footer ("第 x 页 共
y 页"), so the 卷内目录 can be checked against the paper. The 目录's numbers are only
known once the dossier is laid out: the build lays it out again with the numbers of the
previous pass until they no longer change (two passes in practice).

Pages of a document that has a report model carry that report's own hash in the QR
code (the same code as the report printed alone); the other pages carry the dossier's
hash, which is also what the PDF's metadata holds.
"""

from __future__ import annotations

import datetime as dt
import io
import os

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreakIfNotEmpty, Spacer

from .closeout_report import closeout_story
from .fonts import FontSet
from .layout import (
    CELL_PADDING,
    FRAME_HEIGHT,
    FRAME_WIDTH,
    LABEL_BACKGROUND,
    MARGIN_BOTTOM,
    MARGIN_LEFT,
    BoldText,
    BuildContext,
    BuildResult,
    ContextMarker,
    FittedImage,
    PageContext,
    PageRange,
    PdfMeta,
    grid_style,
    key_value_table,
    make_context,
    render_pdf,
    text_or_dash,
    write_atomically,
)
from .models import (
    AttachedFile,
    CloseOutReport,
    Dossier,
    DossierDocument,
    ScannedDocument,
    VerificationReport,
)
from .sections import KV_WIDTHS
from .verification_report import verification_story

COVER_TITLE = "卷宗封面"
TOC_TITLE = "卷内目录"
NOTES_TITLE = "卷内备考表"
MAX_PASSES = 4


def _spaced(text: str) -> str:
    return " ".join(text)


class _Layout:
    """Page numbers from the previous pass (None in the first)."""

    def __init__(self, ranges: list[tuple[int, int]] | None, total: int | None):
        self.ranges = ranges
        self.total = total


def _context(dossier: Dossier, ctx: BuildContext, case_hash: str, title: str) -> PageContext:
    label = "监测编号" if len(dossier.plot_numbers) == 1 else "档号"
    return PageContext(title, dossier.identifier, case_hash, ctx.generated, label)


def _cover(dossier: Dossier, ctx: BuildContext, documents, layout: _Layout) -> list[Flowable]:
    s = ctx.styles
    c = dossier.cover
    numbers = s.table(
        [
            [s.p("全宗号", s.label), s.p(c.fonds_no, s.cell_center)],
            [s.p("目录号", s.label), s.p(c.catalogue_no, s.cell_center)],
            [s.p("案卷号", s.label), s.p(c.volume_no, s.cell_center)],
        ],
        colWidths=[20 * mm, 32 * mm],
        style=grid_style([("BACKGROUND", (0, 0), (0, -1), LABEL_BACKGROUND)]),
        hAlign="RIGHT",
    )
    total = f"{layout.total}" if layout.total else "—"
    dates = " 至 ".join(d for d in (c.start_date, c.end_date) if d)
    fields = [
        ("档　　号", c.archive_code),
        ("立卷单位", c.unit),
        ("起止日期", dates),
        ("保管期限", c.retention),
        ("密　　级", c.classification),
        ("本卷数量", f"共 {len(documents)} 件 {total} 页"),
    ]
    rows = [
        [s.p(label, s.label), s.p(text_or_dash(value), s.cell_center)] for label, value in fields
    ]
    field_table = s.table(
        rows,
        colWidths=[28 * mm, 92 * mm],
        rowHeights=[11 * mm] * len(rows),
        style=[
            ("LINEBELOW", (1, 0), (1, -1), 0.6, colors.black),
            ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
        ],
    )
    return [
        numbers,
        Spacer(1, 28 * mm),
        BoldText(_spaced("卷宗"), ctx.fonts, 30, after=22 * mm),
        s.p("案卷题名", s.caption_center),
        Spacer(1, 3 * mm),
        BoldText(c.title, ctx.fonts, 18, leading=28),
        Spacer(1, 30 * mm),
        field_table,
    ]


def _page_label(first: int, last: int) -> str:
    return str(first) if first == last else f"{first}-{last}"


def _toc(dossier: Dossier, ctx: BuildContext, documents, layout: _Layout) -> list[Flowable]:
    s = ctx.styles
    header = ["序号", "文号", "责任者", "题名", "日期", "页号", "备注"]
    # 小五 (9 pt): a 文号 such as "青国土立〔2026〕123号" and a unit's name on one line
    cell = ParagraphStyle("toc", parent=s.cell, fontSize=9, leading=12)
    centre = ParagraphStyle("toc_center", parent=s.cell_center, fontSize=9, leading=12)
    data = [[s.p(h, centre) for h in header]]
    widths = [10 * mm, 39 * mm, 30 * mm, 42 * mm, 20 * mm, 13 * mm]  # 备注: the rest (11 mm)
    widths.append(FRAME_WIDTH - sum(widths))
    inner = [w - CELL_PADDING for w in widths]
    for i, doc in enumerate(documents):
        pages = _page_label(*layout.ranges[i]) if layout.ranges else "000-000"
        data.append(
            [
                s.p(str(i + 1), centre),
                s.fitted(doc.doc_number, cell, inner[1]),
                s.fitted(doc.responsible, cell, inner[2]),
                s.fitted(doc.title, cell, inner[3]),
                s.fitted(doc.date, centre, inner[4]),
                s.p(pages, centre),
                s.fitted(doc.note, cell, inner[6]),
            ]
        )
    return [
        BoldText(_spaced("卷内目录"), ctx.fonts, 18, after=5 * mm),
        s.table(data, colWidths=widths, style=grid_style(header_rows=1), repeatRows=1),
    ]


def _notes(dossier: Dossier, ctx: BuildContext, documents, layout: _Layout) -> list[Flowable]:
    s = ctx.styles
    n = dossier.notes
    total = f"{layout.total}" if layout.total else "—"
    texts = [f"本卷共有文件 {len(documents)} 件，共 {total} 页（含封面、卷内目录和本备考表）。"]
    texts += [line for line in n.remarks.splitlines() if line.strip()]
    remarks = [s.p(text, s.body_indent) for text in texts]
    inner_width = FRAME_WIDTH - 8
    height = sum(p.wrap(inner_width, FRAME_HEIGHT)[1] for p in remarks)
    box_height = max(140 * mm, height + 12 * mm)
    box = s.table(
        [[s.p("本卷情况说明：", s.body)], [remarks]],
        colWidths=[FRAME_WIDTH],
        rowHeights=[10 * mm, box_height],
        style=[
            ("BOX", (0, 0), (-1, -1), 1.0, colors.black),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("TOPPADDING", (0, 0), (-1, -1), 4),
        ],
    )
    people = key_value_table(
        s,
        [["立卷人", n.compiled_by, "检查人", n.checked_by], ["立卷时间", n.compiled_on]],
        KV_WIDTHS,
    )
    return [
        BoldText(_spaced("卷内备考表"), ctx.fonts, 18, after=5 * mm),
        box,
        Spacer(1, 4 * mm),
        people,
    ]


def _document(
    dossier: Dossier, ctx: BuildContext, number: int, doc: DossierDocument, case_hash: str
) -> list[Flowable]:
    s = ctx.styles
    page_title = f"卷内文件 {number}：{doc.title}"  # the 序号 of the 卷内目录
    content = doc.content
    if isinstance(content, VerificationReport):
        return verification_story(content, ctx, page_title=page_title)
    if isinstance(content, CloseOutReport):
        return closeout_story(content, ctx, page_title=page_title)
    identifier = doc.plot_number or dossier.identifier
    marker = ContextMarker(PageContext(page_title, identifier, case_hash, ctx.generated))
    if isinstance(content, AttachedFile) and content.is_pdf:
        story = [marker]
        for i in range(content.pages):
            if i:
                story.append(PageBreakIfNotEmpty())
            story.append(ScanSlot(content.path, i))
        return story
    if isinstance(content, AttachedFile):
        return [
            marker,
            FittedImage(s, ctx.images, content.path, FRAME_WIDTH, FRAME_HEIGHT - 2, "扫描件缺失"),
        ]
    if isinstance(content, ScannedDocument) and content.pages:
        story: list[Flowable] = [marker]
        count = len(content.pages)
        for i, page in enumerate(content.pages, 1):
            if i > 1:
                story.append(PageBreakIfNotEmpty())
            story.append(s.p(f"{doc.title}（扫描件　第 {i}/{count} 页）", s.caption_center))
            story.append(Spacer(1, 2 * mm))
            story.append(
                FittedImage(s, ctx.images, page, FRAME_WIDTH, FRAME_HEIGHT - 10 * mm, "扫描件缺失")
            )
        return story
    rows = [
        ["文号", doc.doc_number, "日期", doc.date],
        ["责任者", doc.responsible],
        ["监测编号", doc.plot_number],
        ["备注", doc.note],
    ]
    return [
        marker,
        BoldText(doc.title, ctx.fonts, 16, after=6 * mm),
        key_value_table(s, rows, KV_WIDTHS),
        Spacer(1, 10 * mm),
        s.p("本文件未附电子件，纸质原件随卷保存。", s.note),
    ]


class ScanSlot(Flowable):
    """A page left empty for one page of an attached PDF: after the layout the page is
    merged in (``bind_scans``), scaled into the frame, under the dossier's header and
    footer, so the scan keeps its own content and the dossier's page numbering."""

    def __init__(self, path: str, index: int):
        super().__init__()
        self.path, self.index = path, index
        self.page: int | None = None

    def wrap(self, avail_width, avail_height):
        return FRAME_WIDTH, FRAME_HEIGHT - 2

    def draw(self):
        self.page = self.canv.getPageNumber()


def _slots(story) -> list[ScanSlot]:
    return [f for f in story if isinstance(f, ScanSlot)]


def bind_scans(data: bytes, slots: list[ScanSlot]) -> bytes:
    """The dossier's PDF with each attached PDF page merged onto its slot page (scaled
    to fit the frame, centred, aspect kept). The document information (the case hash)
    is kept."""
    if not slots:
        return data
    from pypdf import PdfReader, PdfWriter, Transformation

    base = PdfReader(io.BytesIO(data))
    writer = PdfWriter()
    for page in base.pages:
        writer.add_page(page)
    sources: dict[str, PdfReader] = {}
    for slot in slots:
        reader = sources.get(slot.path)
        if reader is None:
            reader = sources[slot.path] = PdfReader(slot.path)
        scan = reader.pages[slot.index]
        scan.transfer_rotation_to_content()
        box = scan.mediabox
        width, height = float(box.width), float(box.height)
        scale = min(FRAME_WIDTH / width, (FRAME_HEIGHT - 2) / height)
        x = MARGIN_LEFT + (FRAME_WIDTH - width * scale) / 2 - float(box.left) * scale
        y = MARGIN_BOTTOM + (FRAME_HEIGHT - height * scale) / 2 - float(box.bottom) * scale
        target = writer.pages[slot.page - 1]
        target.merge_transformed_page(scan, Transformation().scale(scale).translate(x, y))
    if base.metadata:
        writer.add_metadata({k: v for k, v in base.metadata.items()})
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _story(dossier, ctx, case_hash, documents, layout):
    """The whole dossier; returns the story and the markers of the documents (in order)
    and of the 备考表 (last)."""
    story: list[Flowable] = [
        ContextMarker(_context(dossier, ctx, case_hash, COVER_TITLE)),
        *_cover(dossier, ctx, documents, layout),
        PageBreakIfNotEmpty(),
        ContextMarker(_context(dossier, ctx, case_hash, TOC_TITLE)),
        *_toc(dossier, ctx, documents, layout),
    ]
    markers = []
    for number, doc in enumerate(documents, 1):
        part = _document(dossier, ctx, number, doc, case_hash)
        markers.append(part[0])
        story += [PageBreakIfNotEmpty(), *part]
    notes_marker = ContextMarker(_context(dossier, ctx, case_hash, NOTES_TITLE))
    markers.append(notes_marker)
    story += [PageBreakIfNotEmpty(), notes_marker, *_notes(dossier, ctx, documents, layout)]
    return story, markers


def build_dossier(
    dossier: Dossier,
    output_path: str | os.PathLike,
    *,
    fonts: FontSet | None = None,
    generated_at: dt.datetime | None = None,
) -> BuildResult:
    """Write the 卷宗 PDF; ``documents`` of the result gives each document's pages (the
    numbers printed in the 卷内目录). Raises FontMissing (before writing) with no font."""
    ctx = make_context(fonts, generated_at or dossier.generated_at, dossier.lock_root)
    case_hash = dossier.case_hash()
    documents = dossier.ordered_documents()
    meta = PdfMeta(dossier.cover.title, dossier.identifier, case_hash, dossier.KIND)
    layout = _Layout(None, None)
    for _attempt in range(MAX_PASSES):
        story, markers = _story(dossier, ctx, case_hash, documents, layout)
        slots = _slots(story)  # before the build, which empties the story
        data, pages = render_pdf(story, meta, ctx)
        starts = [m.page for m in markers]
        ranges = [(starts[i], starts[i + 1] - 1) for i in range(len(documents))]
        if ranges == layout.ranges and pages == layout.total:
            break
        layout = _Layout(ranges, pages)
    else:
        raise RuntimeError("the dossier's page numbers did not settle")  # pragma: no cover
    data = bind_scans(data, slots)
    path, sha = write_atomically(data, output_path)
    result = [PageRange(doc.title, *ranges[i]) for i, doc in enumerate(documents)]
    return BuildResult(path, pages, sha, case_hash, result)
