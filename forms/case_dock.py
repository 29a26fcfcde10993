"""The case panel: a dock listing the plots of the open case database.

It follows the plot layer: selecting rows selects and zooms to the plots, selecting on
the map selects the rows. Filters above the table narrow the rows (batch, status,
township, determination, deadlines, a search text); overdue plots are marked in red.
It is built to stay quick with tens of thousands of plots (see plot_table_model).
"""

from __future__ import annotations

from contextlib import contextmanager

from qgis.core import QgsVectorLayer
from qgis.gui import QgsDockWidget
from qgis.PyQt.QtCore import QItemSelection, QItemSelectionModel, QSize, Qt, pyqtSignal
from qgis.PyQt.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTextBrowser,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from ..cases.deadlines import DUE_SOON_DAYS
from ..toolbelt.i18n import tr
from .integrity_banner import IntegrityBanner
from .plot_table_model import (
    COLUMNS,
    PLOT_ID_ROLE,
    PlotFilter,
    PlotFilterModel,
    PlotTableModel,
)

DOCK_OBJECT_NAME = "LandCaseCaseDock"
MINIMUM_ZOOM_WIDTH_M = 500.0
# Column widths come from the header and this many rows, never from all rows (Qt's
# resizeColumnsToContents() measures every row while the dock is hidden).
SIZING_ROWS = 50
MAXIMUM_COLUMN_WIDTH = 260


class CaseDock(QgsDockWidget):
    # A plot the user wants to work on (double-click on its row).
    plot_activated = pyqtSignal(int)

    def __init__(self, iface, parent=None):
        super().__init__(tr("LandCase cases"), parent)
        self.setObjectName(DOCK_OBJECT_NAME)
        self._iface = iface
        self._store = None
        self._layer: QgsVectorLayer | None = None
        self._syncing = False
        self._sized = False
        # The date the days left count from (ISO); None: today.
        self.today: str | None = None

        self.model = PlotTableModel(self)
        self.proxy = PlotFilterModel(self)
        self.proxy.setSourceModel(self.model)

        # -- filters
        self.batch_filter = self._choice_combo("batch")
        self.status_filter = self._choice_combo("status")
        self.township_filter = self._choice_combo("township")
        self.determination_filter = self._choice_combo("determination")
        self.overdue_only = QCheckBox(tr("Overdue only"))
        self.overdue_only.toggled.connect(lambda on: self._set_filter(overdue=on))
        self.due_soon = QCheckBox(tr("Due within {days} days").format(days=DUE_SOON_DAYS))
        self.due_soon.toggled.connect(lambda on: self._set_filter(due_soon=on))
        self.clear_filters = QPushButton(tr("Clear filters"))
        self.clear_filters.clicked.connect(self._clear_filters)

        self.search = QLineEdit()
        self.search.setPlaceholderText(tr("Search plot number, township, village…"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(lambda text: self._set_filter(search=text))

        # -- table
        self.table = QTableView()
        self.table.setObjectName("LandCasePlotTable")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        vertical = self.table.verticalHeader()
        vertical.setVisible(False)
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(22)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.selectionModel().selectionChanged.connect(self._rows_selected)
        self.table.doubleClicked.connect(
            lambda index: self.plot_activated.emit(self.proxy.data(index, PLOT_ID_ROLE))
        )

        self.status = QLabel(tr("No case database open."))
        self.status.setWordWrap(True)

        filters = QGridLayout()
        filters.setContentsMargins(0, 0, 0, 0)
        for place, (label, combo) in enumerate(
            (
                (tr("Batch"), self.batch_filter),
                (tr("Status"), self.status_filter),
                (tr("Township"), self.township_filter),
                (tr("Determination"), self.determination_filter),
            )
        ):
            row, column = divmod(place, 2)
            filters.addWidget(QLabel(label), row, column * 2)
            filters.addWidget(combo, row, column * 2 + 1)
        filters.setColumnStretch(1, 1)
        filters.setColumnStretch(3, 1)
        checks = QHBoxLayout()
        checks.addWidget(self.overdue_only)
        checks.addWidget(self.due_soon)
        checks.addStretch(1)
        checks.addWidget(self.clear_filters)

        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        self.toolbar = QToolBar()
        self.toolbar.setObjectName("LandCaseDockToolbar")
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toolbar.setIconSize(QSize(18, 18))
        layout.addWidget(self.toolbar)
        self.integrity_banner = IntegrityBanner()  # triggers found dropped or changed at open
        layout.addWidget(self.integrity_banner)
        layout.addLayout(filters)
        layout.addLayout(checks)
        layout.addWidget(self.search)
        # The desk comparison of the plot selected (filled by the plugin).
        self.overlay_view = QTextBrowser()
        self.overlay_view.setObjectName("LandCaseOverlayView")
        self.overlay_view.setMaximumHeight(190)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self.overlay_view)
        splitter.setStretchFactor(0, 4)
        splitter.setStretchFactor(1, 1)
        layout.addWidget(splitter)
        layout.addWidget(self.status)
        self.setWidget(body)

    def _choice_combo(self, name: str) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(f"LandCase{name.capitalize()}Filter")
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(6)
        combo.addItem(tr("All"), None)
        combo.currentIndexChanged.connect(
            lambda _index, name=name, combo=combo: self._set_filter(**{name: combo.currentData()})
        )
        return combo

    def _combos(self) -> dict[str, QComboBox]:
        return {
            "batch": self.batch_filter,
            "status": self.status_filter,
            "township": self.township_filter,
            "determination": self.determination_filter,
        }

    def add_actions(self, actions) -> None:
        """Show the plugin's actions (import, new plot…) at the top of the panel."""
        self.toolbar.addActions(list(actions))

    # -- following a database and its layer ----------------------------------------

    def set_store(self, store, layer: QgsVectorLayer | None) -> None:
        if self._layer is not None:
            try:
                self._layer.selectionChanged.disconnect(self._map_selection_changed)
            except (TypeError, RuntimeError):
                pass  # the layer was already removed from the project
        self._store = store
        self._layer = layer
        self._sized = False
        self.integrity_banner.show_store(store)
        if layer is not None:
            layer.selectionChanged.connect(self._map_selection_changed)
            layer.willBeDeleted.connect(self._layer_deleted)
        self.reload()

    def _layer_deleted(self) -> None:
        self._layer = None

    def reload(self) -> None:
        rows = self._store.list_plots(today=self.today) if self._store is not None else []
        with self._quietly():
            self.model.set_rows(rows)
            self._fill_choices()
        if not self._sized and rows:
            self._size_columns()
            self._sized = True
        self._show_counts()
        if self._layer is not None and self._layer.selectedFeatureCount():
            self._map_selection_changed(None)

    def _fill_choices(self) -> None:
        """Offer the values present; keep a choice that is still there, else All."""
        changes = {}
        for name, combo in self._combos().items():
            chosen = combo.currentData()
            combo.blockSignals(True)
            try:
                while combo.count() > 1:
                    combo.removeItem(1)
                for value in self.model.choices(name):
                    combo.addItem(value or tr("(none)"), value)
                place = combo.findData(chosen) if chosen is not None else 0
                combo.setCurrentIndex(max(place, 0))
            finally:
                combo.blockSignals(False)
            if combo.currentData() != chosen:
                changes[name] = None
        if changes:
            self.proxy.set_filter(**changes)

    def _size_columns(self) -> None:
        """Widths from the header and the first rows: measuring 50,000 rows takes seconds."""
        header = self.table.horizontalHeader()
        text_width = self.table.fontMetrics().horizontalAdvance
        header_width = header.fontMetrics().horizontalAdvance
        rows = min(self.proxy.rowCount(), SIZING_ROWS)
        for column in range(len(COLUMNS)):
            title = self.model.headerData(column, Qt.Orientation.Horizontal) or ""
            widest = header_width(title) + 28  # room for the sort arrow
            for row in range(rows):
                text = self.proxy.index(row, column).data() or ""
                widest = max(widest, text_width(text) + 16)
            header.resizeSection(column, min(widest, MAXIMUM_COLUMN_WIDTH))

    # -- filters -----------------------------------------------------------------------

    def _set_filter(self, plot_filter: PlotFilter | None = None, **changes) -> None:
        with self._quietly():
            self.proxy.set_filter(plot_filter, **changes)
        self._show_counts()

    def _clear_filters(self) -> None:
        widgets = [*self._combos().values(), self.overdue_only, self.due_soon, self.search]
        for widget in widgets:
            widget.blockSignals(True)
        try:
            for combo in self._combos().values():
                combo.setCurrentIndex(0)
            self.overdue_only.setChecked(False)
            self.due_soon.setChecked(False)
            self.search.clear()
        finally:
            for widget in widgets:
                widget.blockSignals(False)
        self._set_filter(PlotFilter())

    @contextmanager
    def _quietly(self):
        """Rows hidden by a filter or a reload leave the table's selection: that must not
        change the map's selection nor move the map."""
        syncing, self._syncing = self._syncing, True
        try:
            yield
        finally:
            self._syncing = syncing

    # -- counts ------------------------------------------------------------------------

    def _show_counts(self) -> None:
        if self._store is None:
            self.status.setText(tr("No case database open."))
            return
        keep = self.proxy.keep()
        shown, total = self.proxy.rowCount(), self.model.total()
        if shown == total:
            text = tr("{count} plots").format(count=total)
        else:
            text = tr("{shown} of {total} plots").format(shown=shown, total=total)
        parts = [f"{status} {count}" for status, count in self.model.status_counts(keep).items()]
        overdue = self.model.overdue_count(keep)
        if overdue:
            parts.append(tr("{count} overdue").format(count=overdue))
        self.status.setText(text + ("  ·  " + "  ".join(parts) if parts else ""))

    def plot_count(self) -> int:
        """Rows shown."""
        return self.proxy.rowCount()

    # -- selection both ways ---------------------------------------------------------

    def shown_plot_ids(self) -> list[int]:
        """The plots the filters let through, in the order shown."""
        return [
            self.proxy.data(self.proxy.index(row, 0), PLOT_ID_ROLE)
            for row in range(self.proxy.rowCount())
        ]

    def selected_plot_ids(self) -> list[int]:
        return self._selected_plot_ids()

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
                selection,
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
            if not selection.isEmpty():
                self.table.scrollTo(selection.indexes()[0])
        finally:
            self._syncing = False
