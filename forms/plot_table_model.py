"""Table model of the case panel: plots of the open database, sortable and filterable.

Built for tens of thousands of plots. Everything the panel sorts and filters on is worked
out once per reload (numpy arrays of codes and numbers), so that:

- sorting reorders the source model with one numpy (numbers) or Python (texts) sort,
  instead of letting ``QSortFilterProxyModel`` call Python ``data()`` twice for each of
  the ~n·log n comparisons;
- a filter change computes one boolean array over all rows, and ``filterAcceptsRow``
  only looks a row up in it.

The area is the plot's official area (椭球面积, ``PlotSummary.area_m2``) in 亩, printed by
the one rounding rule (``cases.areas``). Plot numbers (监测编号) sort as numbers: numbers
first in numeric order, then texts in natural order ("A2" before "A10").
"""

from __future__ import annotations

import dataclasses
import re
from bisect import bisect_left
from dataclasses import dataclass
from operator import attrgetter

import numpy as np
from qgis.PyQt.QtCore import QAbstractTableModel, QSortFilterProxyModel, Qt, pyqtSignal
from qgis.PyQt.QtGui import QBrush, QColor

from ..cases.areas import mu_text, official_mu
from ..cases.codes import CASE_STATUSES
from ..cases.deadlines import DUE_SOON_DAYS
from ..toolbelt.i18n import tr

PLOT_ID_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
OVERDUE_ROLE = Qt.ItemDataRole.UserRole + 3
NO_AREA = "—"  # a plot without a geometry (never 0.00)
_DIGITS = re.compile(r"(\d+)")

COLUMNS = (
    "jcbh",
    "batch",
    "township",
    "village",
    "area_mu",
    "status",
    "determination",
    "days_left",
)
(
    COL_JCBH,
    COL_BATCH,
    COL_TOWNSHIP,
    COL_VILLAGE,
    COL_AREA,
    COL_STATUS,
    COL_DETERMINATION,
    COL_DAYS_LEFT,
) = range(len(COLUMNS))
TEXT_COLUMNS = ("jcbh", "batch", "township", "village", "status", "determination")
# The columns the panel offers a choice of values for.
CHOICE_COLUMNS = ("batch", "status", "township", "determination")

OVERDUE_FOREGROUND = QBrush(QColor(170, 0, 0))
OVERDUE_BACKGROUND = QBrush(QColor(255, 228, 228))


@dataclass(frozen=True)
class PlotFilter:
    """What the panel shows. ``None`` for a column means every value; ``""`` means rows
    without a value. Overdue and due-soon together show the rows that are either."""

    batch: str | None = None
    status: str | None = None
    township: str | None = None
    determination: str | None = None
    overdue: bool = False
    due_soon: bool = False
    search: str = ""

    def is_empty(self) -> bool:
        return self == PlotFilter()


class PlotTableModel(QAbstractTableModel):
    """Rows are ``cases.store.PlotSummary`` objects, kept as they came from the store (the
    "data index" of a row); ``_order`` maps the model's rows, as sorted, to data indexes."""

    COLUMNS = COLUMNS

    # Emitted inside a reset or a sort, before the views hear of it: the proxy brings its
    # filter up to date there, so it is never asked about rows it has not seen.
    arranged = pyqtSignal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self._headers = (
            tr("Plot number"),
            tr("Batch"),
            tr("Township"),
            tr("Village"),
            tr("Area (mu)"),
            tr("Status"),
            tr("Determination"),
            tr("Days left"),
        )
        self._area_tip = tr("Official area: ellipsoidal (椭球面积), in mu")
        self._overdue_text = tr("overdue {days}")
        self._deadline_text = tr("{kind} deadline: {date}")
        self._sort_column = -1
        self._sort_order = Qt.SortOrder.AscendingOrder
        self._load([])

    # -- loading -------------------------------------------------------------------

    def set_rows(self, rows) -> None:
        self.beginResetModel()
        try:
            self._load(list(rows))
            self._order = self._sorted_order(self._sort_column, self._sort_order)
            self._position = _inverse(self._order)
            self.arranged.emit()
        finally:
            self.endResetModel()

    def _load(self, rows: list) -> None:
        """Column lists and arrays, built with C-level loops (a Python loop per row per
        column costs tens of milliseconds at 50,000 rows)."""
        self._rows = rows
        n = len(rows)
        self._row_by_plot = dict(zip(map(attrgetter("plot_id"), rows), range(n)))
        self._text = {name: _no_none(list(map(attrgetter(name), rows))) for name in TEXT_COLUMNS}
        # m² (None: NaN); 亩 are worked out for the rows painted, by the one rounding rule
        self._area_list = list(map(attrgetter("area_m2"), rows))
        self._area_m2 = np.array(self._area_list, dtype=float).reshape(n)
        self._jcbh_keys: list | None = None  # the plot numbers' sort keys, on first use
        self._days_left = list(map(attrgetter("days_left"), rows))
        days = np.array(self._days_left, dtype=float).reshape(n)  # None: NaN
        self._days = days
        with np.errstate(invalid="ignore"):
            self._overdue = days < 0
            self._due_soon = (days >= 0) & (days <= DUE_SOON_DAYS)
        self._overdue_list = self._overdue.tolist()
        # Per text column, on demand: its distinct values sorted, and each row's place
        # among them (codes that sort, count and filter as numbers).
        self._values: dict[str, list[str]] = {}
        self._factors: dict[str, tuple[list[str], np.ndarray]] = {}
        self._haystack: list[str] | None = None  # for the search, on its first use
        self._order = list(range(n))
        self._position = list(range(n))

    def _distinct(self, name: str) -> list[str]:
        """The values of a text column, sorted, each once."""
        values = self._values.get(name)
        if values is None:
            values = self._values[name] = sorted(dict.fromkeys(self._text[name]))
        return values

    def _factor(self, name: str) -> tuple[list[str], np.ndarray]:
        """The distinct values and, per row, the place of its value among them."""
        factor = self._factors.get(name)
        if factor is None:
            values, texts = self._distinct(name), self._text[name]
            place = {value: number for number, value in enumerate(values)}
            codes = np.fromiter(map(place.__getitem__, texts), dtype=np.int64, count=len(texts))
            factor = self._factors[name] = (values, codes)
        return factor

    def rows(self):
        return self._rows

    def total(self) -> int:
        return len(self._rows)

    # -- Qt model API ------------------------------------------------------------------

    def rowCount(self, parent=None):
        return 0 if parent is not None and parent.isValid() else len(self._rows)

    def columnCount(self, parent=None):
        return 0 if parent is not None and parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        if role == Qt.ItemDataRole.ToolTipRole and section == COL_AREA:
            return self._area_tip
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        number = self._order[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(number, column)
        if role == Qt.ItemDataRole.ForegroundRole:
            return OVERDUE_FOREGROUND if self._overdue_list[number] else None
        if role == Qt.ItemDataRole.BackgroundRole:
            return OVERDUE_BACKGROUND if self._overdue_list[number] else None
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (COL_AREA, COL_DAYS_LEFT):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == PLOT_ID_ROLE:
            return self._rows[number].plot_id
        if role == SORT_ROLE:
            return self._raw(number, column)
        if role == OVERDUE_ROLE:
            return self._overdue_list[number]
        if role == Qt.ItemDataRole.ToolTipRole and column == COL_DAYS_LEFT:
            row = self._rows[number]
            if row.due_date:
                return self._deadline_text.format(kind=row.due_kind or "", date=row.due_date)
        return None

    def _display(self, number: int, column: int) -> str:
        if column == COL_AREA:
            return mu_text(self._area_list[number], missing=NO_AREA)
        if column == COL_DAYS_LEFT:
            days = self._days_left[number]
            if days is None:
                return ""
            return str(days) if days >= 0 else self._overdue_text.format(days=-days)
        return self._text[COLUMNS[column]][number]

    def _raw(self, number: int, column: int):
        if column == COL_AREA:
            return official_mu(self._area_list[number])
        if column == COL_DAYS_LEFT:
            return self._days_left[number]
        return self._text[COLUMNS[column]][number]

    def in_row_order(self, values: np.ndarray) -> np.ndarray:
        """Per-data-index values rearranged per model row (as sorted)."""
        return values[np.asarray(self._order, dtype=np.int64)] if len(values) else values

    def row_of_plot(self, plot_id: int) -> int | None:
        number = self._row_by_plot.get(plot_id)
        return None if number is None else self._position[number]

    # -- sorting: the source model reorders itself --------------------------------------

    def sort(self, column, order=Qt.SortOrder.AscendingOrder):
        self._sort_column, self._sort_order = column, order
        if not self._rows:
            return
        self.layoutAboutToBeChanged.emit()
        try:
            before = self.persistentIndexList()
            numbers = [self._order[index.row()] for index in before]
            self._order = self._sorted_order(column, order)
            self._position = _inverse(self._order)
            self.arranged.emit()
            self.changePersistentIndexList(
                before,
                [
                    self.index(self._position[number], index.column())
                    for index, number in zip(before, numbers)
                ],
            )
        finally:
            self.layoutChanged.emit()

    def _sorted_order(self, column: int, order) -> list[int]:
        """Data indexes in display order; ties keep the store's order (plot number).
        Numbers sort with numpy (rows without a deadline last either way), texts with
        Python's sort, which is stable in both directions and linear on sorted input."""
        n = len(self._rows)
        descending = order == Qt.SortOrder.DescendingOrder
        if column < 0 or column >= len(COLUMNS) or n == 0:
            return list(range(n))
        if column in (COL_AREA, COL_DAYS_LEFT, COL_STATUS):
            keys = self._number_keys(column)
            return np.argsort(-keys if descending else keys, kind="stable").tolist()
        keys = self._plot_number_keys() if column == COL_JCBH else self._text[COLUMNS[column]]
        return sorted(range(n), key=keys.__getitem__, reverse=descending)

    def _plot_number_keys(self) -> list:
        """Sort keys of the plot numbers: the texts themselves when all are numbers of one
        length (the 卫片 numbers: text order is numeric order, and the store's order is
        already sorted), else natural keys (numbers first, in numeric order)."""
        if self._jcbh_keys is None:
            texts = self._text["jcbh"]
            if all(map(str.isdecimal, texts)) and len(set(map(len, texts))) <= 1:
                self._jcbh_keys = texts
            else:
                self._jcbh_keys = list(map(natural_key, texts))
        return self._jcbh_keys

    def _number_keys(self, column: int) -> np.ndarray:
        if column == COL_AREA:
            return self._area_m2  # the exact m²: the same order as the 亩 printed
        if column == COL_DAYS_LEFT:
            return self._days
        # statuses sort in the order of the life of a case
        values, codes = self._factor("status")
        place = {value: number for number, value in enumerate(self.choices("status"))}
        return np.array([place[value] for value in values], dtype=np.int64)[codes]

    # -- filtering and counting --------------------------------------------------------

    def choices(self, name: str) -> list[str]:
        """Distinct values of a column, in the order to offer them ("" last: rows without
        a value). Statuses follow the life of a case."""
        values = self._distinct(name)
        present = [value for value in values if value]
        if name == "status":
            place = {status: number for number, status in enumerate(CASE_STATUSES)}
            present.sort(key=lambda value: (place.get(value, len(place)), value))
        return present + ([""] if values and not values[0] else [])

    def mask(self, plot_filter: PlotFilter) -> np.ndarray | None:
        """Which data indexes the filter keeps; None when it keeps all."""
        n = len(self._rows)
        keep = None

        def narrow(condition):
            nonlocal keep
            keep = condition if keep is None else keep & condition

        for name in CHOICE_COLUMNS:
            value = getattr(plot_filter, name)
            if value is None:
                continue
            values, codes = self._factor(name)
            number = bisect_left(values, value)
            if number < len(values) and values[number] == value:
                narrow(codes == number)
            else:  # a value no row has
                narrow(np.zeros(n, dtype=bool))
        if plot_filter.overdue and plot_filter.due_soon:
            narrow(self._overdue | self._due_soon)
        elif plot_filter.overdue:
            narrow(self._overdue)
        elif plot_filter.due_soon:
            narrow(self._due_soon)
        words = plot_filter.search.casefold().split()
        if words and self._haystack is None:
            self._haystack = [
                f"{jcbh}\n{township}\n{village}".casefold()
                for jcbh, township, village in zip(
                    self._text["jcbh"], self._text["township"], self._text["village"]
                )
            ]
        for word in words:
            narrow(np.fromiter((word in text for text in self._haystack), dtype=bool, count=n))
        return keep

    def status_counts(self, keep: np.ndarray | None = None) -> dict[str, int]:
        """Rows per status (of the kept rows), in the order of the life of a case."""
        values, codes = self._factor("status")
        counts = np.bincount(codes if keep is None else codes[keep], minlength=len(values))
        by_value = dict(zip(values, counts.tolist()))
        return {status: by_value[status] for status in self.choices("status") if by_value[status]}

    def overdue_count(self, keep: np.ndarray | None = None) -> int:
        return int(np.count_nonzero(self._overdue if keep is None else self._overdue & keep))


class PlotFilterModel(QSortFilterProxyModel):
    """Filters the plot model by a ``PlotFilter`` and passes sorting on to it."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self._filter = PlotFilter()
        self._keep: np.ndarray | None = None  # per data index
        self._accept: list[bool] | None = None  # per source row, as sorted

    def setSourceModel(self, model):
        previous = self.sourceModel()
        if isinstance(previous, PlotTableModel):
            previous.arranged.disconnect(self._rearranged)
        super().setSourceModel(model)
        if isinstance(model, PlotTableModel):
            model.arranged.connect(self._rearranged)  # direct: runs inside the change
        self._rearranged()

    def plot_filter(self) -> PlotFilter:
        return self._filter

    def set_filter(self, plot_filter: PlotFilter | None = None, **changes) -> None:
        """Apply a whole filter or change some of its fields; one refiltering."""
        new = dataclasses.replace(plot_filter or self._filter, **changes)
        if new == self._filter:
            return
        self._filter = new
        self._compute()
        # invalidate() rebuilds the row mapping in one pass (~25 ms for 50,000 rows).
        # invalidateFilter() announces every run of hidden or shown rows separately:
        # 0.2-0.6 s when a filter scatters over 50,000 rows.
        self.invalidate()

    def keep(self) -> np.ndarray | None:
        """The data indexes shown (None: all), for counts."""
        return self._keep

    def _rearranged(self) -> None:
        self._compute()

    def _compute(self) -> None:
        model = self.sourceModel()
        if not isinstance(model, PlotTableModel) or self._filter.is_empty():
            self._keep = self._accept = None
            return
        self._keep = model.mask(self._filter)
        self._accept = None if self._keep is None else model.in_row_order(self._keep).tolist()

    def filterAcceptsRow(self, source_row, source_parent):
        accept = self._accept
        return True if accept is None else accept[source_row]

    def sort(self, column, order=Qt.SortOrder.AscendingOrder):
        """The source model sorts itself (one sort); the proxy keeps the source's order."""
        model = self.sourceModel()
        if isinstance(model, PlotTableModel):
            model.sort(column, order)
        else:
            super().sort(column, order)


def natural_key(text: str) -> tuple:
    """ "12" → ("", 12, ""), "A10" → ("A", 10, ""): texts at even places, numbers at odd
    places, so keys compare element by element; a number (starting with "") comes before
    any text, and numbers compare by value."""
    if text.isdecimal():  # most plot numbers: the key the split below gives, quicker
        return ("", int(text), "")
    parts = _DIGITS.split(text)
    parts[1::2] = map(int, parts[1::2])
    return tuple(parts)


def _no_none(values: list) -> list[str]:
    return [value or "" for value in values] if None in values else values


def _inverse(order: list[int]) -> list[int]:
    position = np.empty(len(order), dtype=np.int64)
    position[np.asarray(order, dtype=np.int64)] = np.arange(len(order))
    return position.tolist()
