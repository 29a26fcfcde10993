"""A read-only table model over a pandas DataFrame of figures (cases/statistics.py).

Each column is described by a ``statistics.Column`` (key, Chinese header, unit,
definition). Cells are shown by unit, as the Excel workbook shows them: counts as
integers, areas in 亩 with two decimals, rates as percentages with two decimals, flags as
是 / 否; numbers right-aligned, missing values (a rate without a denominator) blank.
The model sorts itself (numbers as numbers, blanks last either way); the 合计 row stays
at the bottom whatever the order.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
import pandas as pd
from qgis.PyQt.QtCore import QAbstractTableModel, Qt
from qgis.PyQt.QtGui import QBrush, QColor, QFont

from ..cases import statistics as st
from ..cases.areas import NOT_COMPARED, figure_text

VALUE_ROLE = Qt.ItemDataRole.UserRole + 1  # the raw value of a cell (float, int, bool or text)

NUMERIC_UNITS = (st.COUNT, st.NUMBER, st.AREA, st.RATE)
YES, NO = "是", "否"
TOTAL_BACKGROUND = QBrush(QColor(238, 238, 238))
FLAG_FOREGROUND = QBrush(QColor(170, 0, 0))
FLAG_BACKGROUND = QBrush(QColor(255, 228, 228))
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
CENTRE = int(Qt.AlignmentFlag.AlignCenter)
LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)


def _missing(value) -> bool:
    return value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value))


def two_decimals(value: float, scale: int = 1) -> str:
    """``value × scale`` with two decimals, rounded half up from its shortest decimal form
    (as Excel shows it and as figures are worked out by hand: 0.90625 is 90.63 %, where
    Python's own formatting gives 90.62)."""
    if not math.isfinite(value):
        return str(value)
    return figure_text(value, "", scale)


def format_value(value, unit: str) -> str:
    """A cell as shown: 亩 with two decimals, rates in % with two decimals, counts as
    integers, flags as 是 / 否; a missing area, count or flag is one not compared
    (未比对, never 0), a missing rate or text is ''."""
    if _missing(value):
        return NOT_COMPARED if unit in (st.AREA, st.COUNT, st.FLAG) else ""
    if unit == st.AREA:
        return two_decimals(value)
    if unit == st.RATE:
        return two_decimals(value, 100) + "%"
    if unit in (st.COUNT, st.NUMBER):
        number = float(value)
        return str(int(number)) if number.is_integer() else f"{number:g}"
    if unit == st.FLAG:
        return YES if bool(value) else NO
    return str(value)


def header_text(column: st.Column) -> str:
    """The Chinese header, with (亩) for areas that do not name their unit."""
    if column.unit == st.AREA and "亩" not in column.header:
        return f"{column.header}(亩)"
    return column.header


def _plain(value):
    """numpy scalars as Python values (Qt's variants do not take numpy types)."""
    if _missing(value):
        return None
    return value.item() if hasattr(value, "item") else value


class DataFrameModel(QAbstractTableModel):
    """Rows of ``frame`` in ``_order``; the rows ``pinned`` marks (合计) always last."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._columns: list[st.Column] = []
        self._frame = pd.DataFrame()
        self._values: list[list] = []  # per column, per data row: Python values
        self._shown: list[list[str]] = []  # per column, per data row: texts
        self._pinned = np.zeros(0, dtype=bool)
        self._pinned_list: list[bool] = []
        self._order: list[int] = []
        self._sort_column, self._sort_order = -1, Qt.SortOrder.AscendingOrder

    # -- loading -------------------------------------------------------------------

    def set_frame(
        self,
        frame: pd.DataFrame | None,
        columns: Sequence[st.Column] | None = None,
        pinned: Sequence[bool] | None = None,
    ) -> None:
        """Show ``frame``; ``columns`` default to ``statistics.COLUMNS`` of its column
        names; ``pinned`` (default: rows whose first column is 合计) stay at the bottom."""
        frame = frame if frame is not None else pd.DataFrame()
        if columns is None:
            columns = [
                st.COLUMNS.get(key, st.Column(str(key), str(key), st.TEXT)) for key in frame.columns
            ]
        self.beginResetModel()
        try:
            self._frame = frame.reset_index(drop=True)
            self._columns = list(columns)
            self._values = [
                [_plain(v) for v in self._frame[c.key].tolist()]
                if c.key in self._frame
                else [None] * len(self._frame)
                for c in self._columns
            ]
            self._shown = [
                [format_value(v, c.unit) for v in values]
                for c, values in zip(self._columns, self._values)
            ]
            if pinned is None:
                first = self._values[0] if self._values else []
                pinned = [value == st.TOTAL for value in first]
            self._pinned = np.asarray(list(pinned), dtype=bool).reshape(len(self._frame))
            self._pinned_list = self._pinned.tolist()
            self._order = self._sorted_order(self._sort_column, self._sort_order)
        finally:
            self.endResetModel()

    def frame(self) -> pd.DataFrame:
        """The frame shown, in its own order (not the sorted one)."""
        return self._frame

    def columns(self) -> list[st.Column]:
        return list(self._columns)

    def column_of(self, key: str) -> int:
        """The model column of a figure's key; -1 when it is not shown."""
        for number, column in enumerate(self._columns):
            if column.key == key:
                return number
        return -1

    def value(self, row: int, column: int):
        """The raw value at a model row (as sorted) and column."""
        return self._values[column][self._order[row]]

    def text(self, row: int, column: int) -> str:
        return self._shown[column][self._order[row]]

    # -- Qt model API ----------------------------------------------------------------

    def rowCount(self, parent=None):
        return 0 if parent is not None and parent.isValid() else len(self._order)

    def columnCount(self, parent=None):
        return 0 if parent is not None and parent.isValid() else len(self._columns)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self._columns):
            return None
        column = self._columns[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return header_text(column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return column.definition or header_text(column)
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        column = index.column()
        number = self._order[index.row()]
        unit = self._columns[column].unit
        if role == Qt.ItemDataRole.DisplayRole:
            return self._shown[column][number]
        if role == VALUE_ROLE:
            return self._values[column][number]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if unit in NUMERIC_UNITS:
                return RIGHT
            return CENTRE if unit == st.FLAG else LEFT
        if role == Qt.ItemDataRole.FontRole and self._pinned_list[number]:
            font = QFont()
            font.setBold(True)
            return font
        flagged = unit == st.FLAG and bool(self._values[column][number])
        if role == Qt.ItemDataRole.ForegroundRole and flagged:
            return FLAG_FOREGROUND
        if role == Qt.ItemDataRole.BackgroundRole:
            if flagged:
                return FLAG_BACKGROUND
            if self._pinned_list[number]:
                return TOTAL_BACKGROUND
        if role == Qt.ItemDataRole.ToolTipRole and self._columns[column].definition:
            return self._columns[column].definition
        return None

    def flags(self, index):
        return (
            Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
            if index.isValid()
            else Qt.ItemFlag.NoItemFlags
        )

    # -- sorting ---------------------------------------------------------------------

    def sort(self, column, order=Qt.SortOrder.AscendingOrder):
        self._sort_column, self._sort_order = column, order
        self.layoutAboutToBeChanged.emit()
        try:
            before = self.persistentIndexList()
            numbers = [self._order[index.row()] for index in before]
            self._order = self._sorted_order(column, order)
            position = {number: row for row, number in enumerate(self._order)}
            self.changePersistentIndexList(
                before,
                [
                    self.index(position[number], index.column())
                    for index, number in zip(before, numbers)
                ],
            )
        finally:
            self.layoutChanged.emit()

    def _sorted_order(self, column: int, order) -> list[int]:
        """Data rows in display order: ties keep the frame's order, blanks sort last in
        both directions, pinned rows come after all others."""
        rows = len(self._frame)
        if not 0 <= column < len(self._columns):
            return list(range(rows))
        values = self._values[column]
        descending = order == Qt.SortOrder.DescendingOrder
        numeric = self._columns[column].unit in (*NUMERIC_UNITS, st.FLAG)
        free = [number for number in range(rows) if not self._pinned_list[number]]
        present = [number for number in free if values[number] is not None]
        blank = [number for number in free if values[number] is None]
        if numeric:
            keys = np.array([float(values[number]) for number in present], dtype=float)
            place = np.argsort(-keys if descending else keys, kind="stable")
            present = [present[i] for i in place.tolist()]
        else:
            present.sort(key=lambda number: str(values[number]), reverse=descending)
        pinned = [number for number in range(rows) if self._pinned_list[number]]
        return present + blank + pinned
