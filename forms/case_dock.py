"""The case panel: a dock listing the plots of the open case database.

It follows the plot layer: selecting rows selects and zooms to the plots, selecting on
the map selects the rows.
"""

from __future__ import annotations

from collections import Counter

from qgis.core import QgsVectorLayer
from qgis.gui import QgsDockWidget
from qgis.PyQt.QtCore import QItemSelection, QItemSelectionModel, Qt
from qgis.PyQt.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..cases.codes import CASE_STATUSES
from ..toolbelt.i18n import tr
from .plot_table_model import PLOT_ID_ROLE, PlotFilterModel, PlotTableModel

DOCK_OBJECT_NAME = "LandCaseCaseDock"
MINIMUM_ZOOM_WIDTH_M = 500.0


class CaseDock(QgsDockWidget):
    def __init__(self, iface, parent=None):
        super().__init__(tr("LandCase cases"), parent)
        self.setObjectName(DOCK_OBJECT_NAME)
        self._iface = iface
        self._store = None
        self._layer: QgsVectorLayer | None = None
        self._syncing = False

        self.model = PlotTableModel(self)
        self.proxy = PlotFilterModel(self)
        self.proxy.setSourceModel(self.model)

        self.search = QLineEdit()
        self.search.setPlaceholderText(tr("Search plot number, township, village…"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.proxy.setFilterFixedString)

        self.table = QTableView()
        self.table.setObjectName("LandCasePlotTable")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(22)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.selectionModel().selectionChanged.connect(self._rows_selected)

        self.status = QLabel(tr("No case database open."))
        self.status.setWordWrap(True)

        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.search)
        layout.addWidget(self.table)
        layout.addWidget(self.status)
        self.setWidget(body)

    # -- following a database and its layer ----------------------------------------

    def set_store(self, store, layer: QgsVectorLayer | None) -> None:
        if self._layer is not None:
            try:
                self._layer.selectionChanged.disconnect(self._map_selection_changed)
            except (TypeError, RuntimeError):
                pass  # the layer was already removed from the project
        self._store = store
        self._layer = layer
        if layer is not None:
            layer.selectionChanged.connect(self._map_selection_changed)
            layer.willBeDeleted.connect(self._layer_deleted)
        self.reload()

    def _layer_deleted(self) -> None:
        self._layer = None

    def reload(self) -> None:
        rows = self._store.list_plots() if self._store is not None else []
        self.model.set_rows(rows)
        self.table.resizeColumnsToContents()
        self._show_counts(rows)

    def _show_counts(self, rows) -> None:
        if self._store is None:
            self.status.setText(tr("No case database open."))
            return
        counts = Counter(row.status for row in rows)
        parts = [f"{status} {counts[status]}" for status in CASE_STATUSES if counts[status]]
        self.status.setText(
            tr("{count} plots").format(count=len(rows))
            + ("  ·  " + "  ".join(parts) if parts else "")
        )

    def plot_count(self) -> int:
        return self.model.rowCount()

    # -- selection both ways ---------------------------------------------------------

    def _selected_plot_ids(self) -> list[int]:
        return [
            self.proxy.data(index, PLOT_ID_ROLE)
            for index in self.table.selectionModel().selectedRows()
        ]

    def _rows_selected(self, *_args) -> None:
        if self._syncing or self._layer is None:
            return
        plot_ids = self._selected_plot_ids()
        self._syncing = True
        try:
            self._layer.selectByIds(plot_ids)
        finally:
            self._syncing = False
        if plot_ids:
            self._zoom_to_selection()

    def _zoom_to_selection(self) -> None:
        """Zoom to the selected plots with their surroundings: a plot alone fills the
        screen and says nothing about where it is."""
        canvas = self._iface.mapCanvas()
        extent = canvas.mapSettings().layerExtentToOutputExtent(
            self._layer, self._layer.boundingBoxOfSelected()
        )
        if extent.isEmpty() and extent.width() == 0 and extent.height() == 0:
            return
        extent.scale(3.0)
        minimum = MINIMUM_ZOOM_WIDTH_M
        if canvas.mapSettings().destinationCrs().isGeographic():
            minimum = MINIMUM_ZOOM_WIDTH_M / 111_000  # degrees, near enough for a view
        if extent.width() < minimum:
            extent.scale(minimum / max(extent.width(), 1e-9))
        canvas.setExtent(extent)
        canvas.refresh()

    def _map_selection_changed(self, selected, *_args) -> None:
        if self._syncing:
            return
        selection = QItemSelection()
        for plot_id in self._layer.selectedFeatureIds() if self._layer else []:
            row = self.model.row_of_plot(plot_id)
            if row is None:
                continue
            index = self.proxy.mapFromSource(self.model.index(row, 0))
            if index.isValid():
                selection.select(index, index)
        self._syncing = True
        try:
            self.table.selectionModel().select(
                selection, QItemSelectionModel.ClearAndSelect | QItemSelectionModel.Rows
            )
            if not selection.isEmpty():
                self.table.scrollTo(selection.indexes()[0])
        finally:
            self._syncing = False
