"""The patrol report as an Excel workbook: a 说明 sheet, then one sheet per table (the
units × days table included), written by ``excel_export``'s helpers (Chinese headers,
widths from the contents, the file replaced only once it is whole)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
from openpyxl import Workbook

from . import statistics as st
from .excel_export import _save as save_workbook  # the one atomic save of the workbooks
from .excel_export import write_table
from .patrol_tables import PatrolReport


def write_patrol_workbook(report: PatrolReport, path) -> Path:
    workbook = Workbook(write_only=True)
    notes = workbook.create_sheet("说明")
    notes.column_dimensions["A"].width = 120
    notes.append([report.title])
    for line in report.notes:
        notes.append([line])
    for table in report.tables:
        keys = [f"c{index}" for index in range(len(table.columns))]
        frame = pd.DataFrame(table.rows, columns=keys) if table.rows else pd.DataFrame(columns=keys)
        columns = [st.Column(key, header, unit) for key, (header, unit) in zip(keys, table.columns)]
        write_table(workbook, table.title, frame, columns)
    return save_workbook(workbook, Path(path))
