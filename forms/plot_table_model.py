"""Table model of the case panel: plots of the open database, sortable and filterable."""

from __future__ import annotations

from qgis.PyQt.QtCore import QAbstractTableModel, QSortFilterProxyModel, Qt

from ..toolbelt.i18n import tr

PLOT_ID_ROLE = Qt.UserRole + 1
SORT_ROLE = Qt.UserRole + 2


class PlotTableModel(QAbstractTableModel):
    """Rows are ``cases.store.PlotSummary`` objects, kept as they came from the store."""

    COLUMNS = ("jcbh", "batch", "township", "village", "area_mu", "status")

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows = []
        self._row_by_plot = {}
        self._headers = (
            tr("Plot number"),
            tr("Batch"),
            tr("Township"),
            tr("Village"),
            tr("Area (mu)"),
            tr("Status"),
        )

    def set_rows(self, rows) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._row_by_plot = {row.plot_id: number for number, row in enumerate(self._rows)}
        self.endResetModel()

    def rows(self):
        return self._rows

    def rowCount(self, parent=None):  # noqa: N802 (Qt API)
        return 0 if parent is not None and parent.isValid() else len(self._rows)

    def columnCount(self, parent=None):  # noqa: N802 (Qt API)
        return 0 if parent is not None and parent.isValid() else len(self.COLUMNS)

    def headerData(self, section, orientation, role=Qt.DisplayRole):  # noqa: N802 (Qt API)
        if orientation == Qt.Horizontal and role == Qt.DisplayRole:
            return self._headers[section]
        return None

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = self.COLUMNS[index.column()]
        value = getattr(row, column)
        if role == Qt.DisplayRole:
            if column == "area_mu":
                return f"{value:.2f}"
            return "" if value is None else str(value)
        if role == SORT_ROLE:
            return value if value is not None else ""
        if role == Qt.TextAlignmentRole and column == "area_mu":
            return int(Qt.AlignRight | Qt.AlignVCenter)
        if role == PLOT_ID_ROLE:
            return row.plot_id
        return None

    def row_of_plot(self, plot_id: int) -> int | None:
        return self._row_by_plot.get(plot_id)


class PlotFilterModel(QSortFilterProxyModel):
    """Sorts on the raw values (areas as numbers) and filters by a search text."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self.setFilterCaseSensitivity(Qt.CaseInsensitive)
        self.setFilterKeyColumn(-1)
