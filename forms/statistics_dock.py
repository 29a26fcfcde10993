"""The statistics panel: the monthly figures (cases/statistics.py) of the open database.

Filters on top (the period: a month picker, or a year, month or date range typed in; the
batch; the table), the chosen table below, then a bar chart of one figure per township,
and at the bottom which denominator the 违法占耕比例 used and "Export Excel…".

The figures take about a second for 100,000 plots, so they are computed on demand in the
GUI thread (with a wait cursor): when a filter changes, on "Refresh", and when the panel
is shown after the database was opened or changed while it was hidden.

The filters and following the database are here; computing, showing and exporting the
figures are in ``statistics_view`` (``StatisticsViewMixin``).
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable

from qgis.gui import QgsDockWidget
from qgis.PyQt.QtCore import QDate, Qt, pyqtSignal
from qgis.PyQt.QtGui import QPalette
from qgis.PyQt.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..cases import statistics as st
from ..toolbelt.i18n import tr
from .bar_chart import BarChart
from .dataframe_model import DataFrameModel, header_text
from .statistics_view import (  # noqa: F401 (re-exported: callers import them from here)
    _UNSAFE_IN_FILE_NAMES,
    ERROR_STYLE,
    MAXIMUM_COLUMN_WIDTH,
    SIZING_ROWS,
    StatisticsViewMixin,
    _wait_cursor,
    _without_one_county,
)

DOCK_OBJECT_NAME = "LandCaseStatisticsDock"
# The figures the chart offers, per township.
CHART_FIGURES = (
    "illegal_area",
    "illegal_cropland_area",
    "unrectified_area",
    "rectification_rate",
)


def _levels() -> list[tuple[str, str]]:
    """(table key of ``Statistics.tables``, label) in the order offered."""
    return [
        ("county", tr("Counties")),
        ("township", tr("Townships")),
        ("village", tr("Villages")),
        ("county_flags", tr("County flags")),
        ("township_quota", tr("Township quota")),
        ("non_agri_ranking", tr("Top 10 非农化")),
        ("non_grain_ranking", tr("Top 10 非粮化")),
        ("events", tr("Events of the period")),
        ("township_awards", tr("Award proposal")),
        ("campaign", tr("Three-year campaign")),
    ]


def _natural_key(text: str):
    """'2026年第10批' after '2026年第9批': numbers compare as numbers."""
    return [int(part) if part.isdigit() else part for part in re.split(r"(\d+)", text)]


def _ask_export_path(parent, suggested: str) -> str | None:
    path, _ = QFileDialog.getSaveFileName(
        parent, tr("Export statistics"), suggested, tr("Excel workbook (*.xlsx)")
    )
    if not path:
        return None
    return path if path.lower().endswith(".xlsx") else path + ".xlsx"


class StatisticsDock(StatisticsViewMixin, QgsDockWidget):
    """``set_store(store)`` when a database opens (None when it closes); ``invalidate()``
    when its cases changed; ``reload()`` computes now."""

    # After each computation (the figures may be None: no database, or an error).
    computed = pyqtSignal()
    # After a workbook was written (its path).
    exported = pyqtSignal(str)

    def __init__(self, iface=None, parent=None):
        super().__init__(tr("LandCase statistics"), parent)
        self.setObjectName(DOCK_OBJECT_NAME)
        self._iface = iface
        self._store = None
        self._stats: st.Statistics | None = None
        self._dirty = False
        self._batches_stale = True
        self._computed_period = ""
        # The day the overdue counts are worked out for (date or ISO text); None: today.
        self.today: datetime.date | str | None = None
        # Asks where to write the workbook, given a suggested path; None: cancelled.
        # Tests replace it.
        self.choose_export_path: Callable[[str], str | None] = self._ask_export_path

        # -- filters
        this_month = datetime.date.today().replace(day=1)
        self.month_edit = QDateEdit(QDate(this_month.year, this_month.month, 1))
        self.month_edit.setObjectName("LandCaseStatisticsMonth")
        self.month_edit.setDisplayFormat("yyyy-MM")
        self.month_edit.setCalendarPopup(True)
        self.month_edit.setToolTip(tr("Pick a month"))
        self.month_edit.dateChanged.connect(self._month_picked)

        self.period_edit = QLineEdit(f"{this_month:%Y-%m}")
        self.period_edit.setObjectName("LandCaseStatisticsPeriod")
        self.period_edit.setPlaceholderText(tr("YYYY-MM, YYYY-Q3, YYYY, YYYY-年末 or a date range"))
        self.period_edit.setToolTip(
            tr(
                "A year (2026), a month (2026-03) or a date range (2026-01-01/2026-03-31); "
                "press Enter to compute."
            )
        )
        self.period_edit.editingFinished.connect(self._period_typed)

        self.batch_combo = QComboBox()
        self.batch_combo.setObjectName("LandCaseStatisticsBatch")
        self.batch_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.batch_combo.setMinimumContentsLength(8)
        self.batch_combo.addItem(tr("All"), None)
        self.batch_combo.currentIndexChanged.connect(lambda _index: self._compute())

        self.level_combo = QComboBox()
        self.level_combo.setObjectName("LandCaseStatisticsLevel")
        self.level_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.level_combo.setMinimumContentsLength(8)
        for key, label in _levels():
            self.level_combo.addItem(label, key)
            self.level_combo.setItemData(
                self.level_combo.count() - 1, st.TABLE_TITLES[key], Qt.ItemDataRole.ToolTipRole
            )
        self.level_combo.setCurrentIndex(self.level_combo.findData("township"))
        self.level_combo.currentIndexChanged.connect(lambda _index: self._show_table())

        # -- table
        self.model = DataFrameModel(self)
        self.table = QTableView()
        self.table.setObjectName("LandCaseStatisticsTable")
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        vertical = self.table.verticalHeader()
        vertical.setVisible(False)
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(22)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setHighlightSections(False)

        # -- chart
        self.figure_combo = QComboBox()
        self.figure_combo.setObjectName("LandCaseStatisticsFigure")
        for key in CHART_FIGURES:
            self.figure_combo.addItem(header_text(st.COLUMNS[key]), key)
        self.figure_combo.currentIndexChanged.connect(lambda _index: self._show_chart())
        self.chart = BarChart()
        chart_scroll = QScrollArea()
        chart_scroll.setWidgetResizable(True)
        chart_scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        chart_scroll.setWidget(self.chart)
        chart_panel = QWidget()
        chart_layout = QVBoxLayout(chart_panel)
        chart_layout.setContentsMargins(0, 4, 0, 0)
        figure_row = QHBoxLayout()
        figure_row.addWidget(QLabel(tr("Chart by township")))
        figure_row.addWidget(self.figure_combo, 1)
        chart_layout.addLayout(figure_row)
        chart_layout.addWidget(chart_scroll, 1)

        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(chart_panel)
        self.splitter.setSizes([1, 1])  # halves, whatever the height

        # -- status and buttons
        self.status = QLabel(tr("No case database open."))
        self.status.setObjectName("LandCaseStatisticsStatus")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.refresh_button = QPushButton(tr("Refresh"))
        self.refresh_button.setToolTip(tr("Compute the figures again from the database"))
        self.refresh_button.clicked.connect(self.reload)
        self.export_button = QPushButton(tr("Export Excel…"))
        self.export_button.setObjectName("LandCaseStatisticsExport")
        self.export_button.setToolTip(tr("Write every table to an Excel workbook"))
        self.export_button.clicked.connect(lambda _checked=False: self.export_excel())

        period_row = QHBoxLayout()
        period_row.addWidget(QLabel(tr("Statistics period")))
        period_row.addWidget(self.month_edit)
        period_row.addWidget(self.period_edit, 1)
        choice_row = QHBoxLayout()
        choice_row.addWidget(QLabel(tr("Batch")))
        choice_row.addWidget(self.batch_combo, 3)
        choice_row.addWidget(QLabel(tr("Table")))
        choice_row.addWidget(self.level_combo, 2)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.refresh_button)
        buttons.addWidget(self.export_button)

        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(period_row)
        layout.addLayout(choice_row)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        self.setWidget(body)

        self.visibilityChanged.connect(self._visibility_changed)
        self._show_nothing(tr("No case database open."))

    # -- following the database --------------------------------------------------------

    def set_store(self, store) -> None:
        """Follow a case database (None: closed). The figures are computed now if the
        panel is shown, else when it is next shown."""
        self._store = store
        self._stats = None
        self._batches_stale = True
        if store is None:
            self._dirty = False
            self._fill_batches([])
            self._show_nothing(tr("No case database open."))
            return
        self._show_nothing("")  # not the figures of the database before
        self.invalidate()

    def store(self):
        return self._store

    def _ask_export_path(self, suggested: str) -> str | None:
        return _ask_export_path(self, suggested)

    def invalidate(self) -> None:
        """The database's cases changed: compute again now if shown, else when shown."""
        if self._store is None:
            return
        self._batches_stale = True  # a batch may have been imported
        if self.isVisible():
            self._compute()
        else:
            self._dirty = True

    def _visibility_changed(self, visible: bool) -> None:
        if visible and self._dirty:
            self._compute()

    def reload(self) -> None:
        """Read the batches again and compute the figures for the filters."""
        self._batches_stale = True
        self._compute()

    def _read_batches(self) -> None:
        self._batches_stale = False
        with _wait_cursor():
            names = _batch_names(self._store)
        self._fill_batches(sorted(names, key=_natural_key))

    def _fill_batches(self, names: list[str]) -> None:
        """Offer the batches; keep the chosen one if it is still there, else All."""
        chosen = self.batch_combo.currentData()
        self.batch_combo.blockSignals(True)
        try:
            while self.batch_combo.count() > 1:
                self.batch_combo.removeItem(1)
            for name in names:
                self.batch_combo.addItem(name, name)
            place = self.batch_combo.findData(chosen) if chosen is not None else 0
            self.batch_combo.setCurrentIndex(max(place, 0))
        finally:
            self.batch_combo.blockSignals(False)

    # -- filters -----------------------------------------------------------------------

    def set_period(self, text: str) -> None:
        """Compute for a period as typed: 'YYYY', 'YYYY-MM', 'YYYY-Q3', 'YYYY-年末' or
        'YYYY-MM-DD/YYYY-MM-DD' (``stats_periods.parse_period``)."""
        self.period_edit.setText(text)
        self._period_typed(force=True)

    def set_batch(self, name: str | None) -> None:
        """Compute for one batch (by name), or every batch (None)."""
        place = self.batch_combo.findData(name) if name is not None else 0
        if place < 0:
            raise ValueError(f"no batch {name!r} offered")
        if place == self.batch_combo.currentIndex():
            self._compute()
        else:
            self.batch_combo.setCurrentIndex(place)

    def set_level(self, key: str) -> None:
        """Show one of ``Statistics.tables``: county, township, village, county_flags,
        township_quota, non_agri_ranking or non_grain_ranking."""
        place = self.level_combo.findData(key)
        if place < 0:
            raise ValueError(f"no table {key!r}")
        self.level_combo.setCurrentIndex(place)

    def set_chart_figure(self, key: str) -> None:
        """Chart one of ``CHART_FIGURES``."""
        place = self.figure_combo.findData(key)
        if place < 0:
            raise ValueError(f"no chart of {key!r}")
        self.figure_combo.setCurrentIndex(place)

    def level(self) -> str:
        return self.level_combo.currentData()

    def chart_figure(self) -> str:
        return self.figure_combo.currentData()

    def statistics(self) -> st.Statistics | None:
        """The figures shown (None: nothing computed)."""
        return self._stats

    def _month_picked(self, date: QDate) -> None:
        text = f"{date.year():04d}-{date.month():02d}"
        if self.period_edit.text().strip() != text:
            self.period_edit.setText(text)
            self._period_typed(force=True)

    def _period_typed(self, force: bool = False) -> None:
        text = self.period_edit.text().strip()
        if not force and text == self._computed_period:
            return  # focus left the field without a change
        match = re.fullmatch(r"(\d{4})-(\d{2})", text)
        is_month = bool(match) and 1 <= int(match.group(2)) <= 12
        if is_month:
            self.month_edit.blockSignals(True)
            try:
                self.month_edit.setDate(QDate(int(match.group(1)), int(match.group(2)), 1))
            finally:
                self.month_edit.blockSignals(False)
        # A year or a date range: the picker's month is not the period; say so in grey.
        palette = QPalette(self.palette())
        if not is_month:
            palette.setColor(
                QPalette.ColorRole.Text,
                palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text),
            )
        self.month_edit.setPalette(palette)
        self._compute()


def _batch_names(store) -> set[str]:
    """The names of the batches with plots. ``CaseStore.batch_names()`` when the store has
    it (one small query); else from ``list_plots()``, which builds every plot's row
    (0.7 s for 100,000 plots)."""
    listing = getattr(store, "batch_names", None)
    if callable(listing):
        return {name for name in listing() if name}
    return {row.batch for row in store.list_plots() if row.batch}
