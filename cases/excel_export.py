"""Excel workbooks (openpyxl) of the monthly figures and of the submission table.

One sheet per table, Chinese headers (bold, on a grey band, the row frozen and filtered),
column widths from the contents (a Chinese character counts two), and number formats by
unit: counts as integers, areas in 亩 with two decimals, rates as percentages with two
decimals, flags as 是 / 否. Written in openpyxl's write-only mode (a 100,000-row submission
takes seconds, not minutes) to a temporary file, then moved over the target, so that a
failure never leaves half a workbook behind.
"""

from __future__ import annotations

import math
import os
import tempfile
from collections.abc import Iterable, Sequence
from pathlib import Path

import pandas as pd
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from . import statistics as st
from .areas import NOT_COMPARED, figure_text

FORMATS = {
    st.COUNT: "0",
    st.NUMBER: "0",
    st.AREA: "0.00",
    st.RATE: "0.00%",
    st.FLAG: "@",
    st.TEXT: "@",
}
YES, NO = "是", "否"
HEADER_FONT = Font(bold=True)
HEADER_FILL = PatternFill("solid", start_color="FFD9D9D9", end_color="FFD9D9D9")
HEADER_ALIGNMENT = Alignment(horizontal="center", vertical="center", wrap_text=True)
MIN_WIDTH, MAX_WIDTH = 6, 60
# A missing area, count or flag was never computed (未比对): an empty cell with this note.
NOT_COMPARED_UNITS = (st.AREA, st.COUNT, st.FLAG)
NOT_COMPARED_COMMENT = f"{NOT_COMPARED}：未做内业比对，面积不按0计"
WIDTH_SAMPLE = 2000  # rows looked at for the widths


def text_width(text: str) -> int:
    """Display width in Excel's character units: CJK and full-width characters count two."""
    return sum(2 if ord(ch) > 0x2E7F else 1 for ch in text)


def _shown(value, unit: str) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if unit == st.AREA:
        return figure_text(value)
    if unit == st.RATE:
        return figure_text(value, scale=100) + "%"
    return str(value)


def _value(value, unit: str):
    """A cell value: None for missing numbers, 是/否 for flags, plain Python numbers."""
    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return None
    if unit == st.FLAG:
        return YES if bool(value) else NO
    if (
        unit in (st.COUNT, st.NUMBER)
        and isinstance(value, (int, float))
        and not isinstance(value, bool)
    ):
        return int(value) if float(value).is_integer() else float(value)
    if hasattr(value, "item"):  # numpy scalars
        return value.item()
    return value


def _header(column: st.Column) -> str:
    if column.unit == st.AREA and "亩" not in column.header:
        return f"{column.header}(亩)"
    return column.header


def write_table(
    workbook: Workbook,
    title: str,
    frame: pd.DataFrame,
    columns: Sequence[st.Column],
    headers: Sequence[str] | None = None,
    header_height: float | None = None,
):
    """Append a sheet ``title`` holding ``frame``'s ``columns`` (in that order)."""
    sheet = workbook.create_sheet(title[:31])
    headers = list(headers) if headers is not None else [_header(c) for c in columns]
    values = [frame[c.key].tolist() if c.key in frame else [None] * len(frame) for c in columns]
    for number, (column, header, cells) in enumerate(zip(columns, headers, values), start=1):
        widest = max(text_width(line) for line in header.split("\n"))
        for value in cells[:WIDTH_SAMPLE]:
            widest = max(widest, text_width(_shown(value, column.unit)))
        width = min(MAX_WIDTH, max(MIN_WIDTH, widest + 2))
        sheet.column_dimensions[get_column_letter(number)].width = width
    sheet.freeze_panes = "A2"
    if columns:
        sheet.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{max(1, len(frame) + 1)}"
    if header_height:
        sheet.row_dimensions[1].height = header_height
    header_cells = []
    for header in headers:
        cell = WriteOnlyCell(sheet, value=header)
        cell.font, cell.fill, cell.alignment = HEADER_FONT, HEADER_FILL, HEADER_ALIGNMENT
        header_cells.append(cell)
    sheet.append(header_cells)
    formats = [FORMATS[c.unit] for c in columns]
    units = [c.unit for c in columns]
    for row in zip(*values):
        cells = []
        for value, unit, number_format in zip(row, units, formats):
            shown = _value(value, unit)
            cell = WriteOnlyCell(sheet, value=shown)
            cell.number_format = number_format
            if shown is None and unit in NOT_COMPARED_UNITS:
                cell.comment = Comment(NOT_COMPARED_COMMENT, "LandCase")
            cells.append(cell)
        sheet.append(cells)
    return sheet


def _save(workbook: Workbook, path: Path) -> Path:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(suffix=".xlsx", dir=path.parent)
    os.close(handle)
    try:
        workbook.save(temporary)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return path


def save_workbook(workbook: Workbook, path: Path | str) -> Path:
    """Write ``workbook`` to ``path`` through a temporary file (never half a workbook)."""
    return _save(workbook, Path(path))


def _notes_sheet(workbook: Workbook, title: str, lines: Iterable[str], figures) -> None:
    sheet = workbook.create_sheet(title)
    sheet.column_dimensions["A"].width = 34
    sheet.column_dimensions["B"].width = 10
    sheet.column_dimensions["C"].width = 100
    for line in lines:
        sheet.append([line])
    sheet.append([])
    header = []
    for text in ("指标", "单位", "定义(公式)"):
        cell = WriteOnlyCell(sheet, value=text)
        cell.font, cell.fill = HEADER_FONT, HEADER_FILL
        header.append(cell)
    sheet.append(header)
    units = {
        st.COUNT: "宗/个",
        st.AREA: "亩",
        st.RATE: "%",
        st.FLAG: "是/否",
        st.NUMBER: "",
        st.TEXT: "",
    }
    for column in figures:
        definition = WriteOnlyCell(sheet, value=column.definition.replace("\n", " "))
        definition.alignment = Alignment(wrap_text=True, vertical="top")
        sheet.append([column.header, units[column.unit], definition])


def write_statistics_workbook(figures: st.Statistics, path: Path | str) -> Path:
    """The monthly figures: a 说明 sheet (period, batch, day of the overdue counts, the
    denominator of 违法占耕比例, every figure's definition), then one sheet per table."""
    workbook = Workbook(write_only=True)
    _notes_sheet(workbook, "说明", figures.notes, st.definitions())
    for name, frame in figures.tables.items():
        columns = [st.COLUMNS[key] for key in frame.columns]
        write_table(workbook, st.TABLE_TITLES[name], frame, columns)
    return _save(workbook, Path(path))


SUBMISSION_NOTES = (
    "面积单位为亩，按平方米四舍五入保留两位小数（1亩=10000/15平方米）。",
    "图斑面积(TBMJ)为图斑入库时计算的椭球面积；占用耕地、永久基本农田面积为内业比对的椭球面积。",
    "监测面积(JCMJ)按下发时的单位换算为亩（下发为平方米的已换算）。",
    "整改面积(ZGMJ) = 拆除面积与复耕面积中的较大者 + 补办手续面积（同一地块先拆除后复耕不重复计算）。",
    f"空白的面积单元格表示{NOT_COMPARED}（未做内业比对或未计算），不是0。",
)


def write_submission_workbook(
    table: st.SubmissionTable, path: Path | str, lock_lines: tuple[str, ...] = ()
) -> Path:
    """The submission of a round: one sheet 上报图斑, a header per field with its Chinese
    name over its national name (e.g. 图斑面积(亩) / TBMJ), an empty cell with a note where
    an area was not computed; then a 说明 sheet (the area basis, what an empty cell means,
    and ``lock_lines``: the root hashes of the locks, so the file can be checked against
    the sealed database)."""
    workbook = Workbook(write_only=True)
    columns = [st.Column(f.name, f.header, f.unit) for f in st.SUBMISSION_FIELDS]
    headers = [f"{f.header}\n{f.name}" for f in st.SUBMISSION_FIELDS]
    write_table(workbook, "上报图斑", table.frame, columns, headers, header_height=32)
    _notes_sheet(workbook, "说明", SUBMISSION_NOTES + tuple(lock_lines), [])
    return _save(workbook, Path(path))
