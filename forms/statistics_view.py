"""What the statistics panel shows and exports: computing the figures for the filters, the
table (one county's code and name left out), the chart of one figure per township, the
status line and the Excel workbook. ``StatisticsDock`` inherits ``StatisticsViewMixin``;
see ``statistics_dock.py``.
"""

from __future__ import annotations

import re
from contextlib import contextmanager
from pathlib import Path

from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import (
    QApplication,
)

from ..cases import statistics as st
from ..cases.areas import mu_text
from ..cases.errors import CaseDatabaseError
from ..cases.excel_export import write_statistics_workbook
from ..toolbelt.i18n import tr
from .dataframe_model import format_value, header_text
from .messages import error_text, show_error, show_success

SIZING_ROWS = 50  # column widths come from the header and this many rows
MAXIMUM_COLUMN_WIDTH = 220
ERROR_STYLE = "color: #aa0000;"
_UNSAFE_IN_FILE_NAMES = re.compile(r'[\\/:*?"<>|\s]+')


class StatisticsViewMixin:
    """Computing, showing and exporting the figures of a ``StatisticsDock``."""

    # -- computing and showing ----------------------------------------------------------

    def _compute(self) -> None:
        self._computed_period = self.period_edit.text().strip()
        if self._store is None:
            self._show_nothing(tr("No case database open."))
            return
        self._dirty = False
        if self._batches_stale:
            self._read_batches()
        try:
            period = st.parse_period(self._computed_period)
            with _wait_cursor():
                self._stats = st.compute(
                    self._store, period, self.batch_combo.currentData(), today=self.today
                )
        except CaseDatabaseError as error:
            self._stats = None
            self._show_nothing(error_text(error), error=True)
            return
        self._show_table()
        self._show_chart()
        self._show_status()
        self.computed.emit()

    def _show_nothing(self, message: str, error: bool = False) -> None:
        self.model.set_frame(None)
        self.chart.clear(empty_text="")
        self.status.setText(message)
        self.status.setToolTip("")
        self.status.setStyleSheet(ERROR_STYLE if error else "")
        self.export_button.setEnabled(False)
        self.computed.emit()

    def _show_table(self) -> None:
        if self._stats is None:
            return
        frame = self._stats.tables[self.level()]
        pinned = (frame.iloc[:, 0] == st.TOTAL).to_numpy()
        if self.level() not in ("county", "county_flags"):
            frame = _without_one_county(frame, pinned)
        self.model.set_frame(frame, pinned=pinned)
        self._size_columns()

    def _size_columns(self) -> None:
        """Widths from the header and the first rows, within bounds."""
        header = self.table.horizontalHeader()
        text_width = self.table.fontMetrics().horizontalAdvance
        header_width = header.fontMetrics().horizontalAdvance
        rows = min(self.model.rowCount(), SIZING_ROWS)
        for column in range(self.model.columnCount()):
            widest = (
                header_width(self.model.headerData(column, Qt.Orientation.Horizontal) or "") + 24
            )
            for row in range(rows):
                widest = max(widest, text_width(self.model.text(row, column)) + 14)
            header.resizeSection(column, min(widest, MAXIMUM_COLUMN_WIDTH))

    def chart_data(self) -> dict[str, float | None]:
        """The chart's bars: township (with its county when there are several) → value."""
        return dict(self.chart.bars())

    def _show_chart(self) -> None:
        if self._stats is None:
            self.chart.clear()
            return
        key = self.chart_figure()
        column = st.COLUMNS[key]
        townships = self._stats.tables["township"]
        townships = townships[townships["county_code"] != st.TOTAL]
        several_counties = townships["county_code"].nunique() > 1
        labels = [
            f"{name}({county})" if several_counties else name
            for name, county in zip(townships["township"], townships["county_name"])
        ]
        rate = column.unit == st.RATE
        self.chart.set_data(
            labels,
            townships[key].tolist(),
            title=f"{header_text(column)} · {self._stats.period.label}",
            value_format=lambda value: format_value(value, column.unit),
            tick_format=(lambda value: f"{value * 100:.0f}%") if rate else None,
            maximum=1.0 if rate else None,
            threshold=st.LOW_RECTIFICATION_RATE if key == "rectification_rate" else None,
            empty_text=tr("No plot in this period."),
        )

    def _show_status(self) -> None:
        stats = self._stats
        denominator = stats.denominator
        area = mu_text(denominator.area_m2, "—")
        if denominator.source == st.FROM_PLOTS:
            used = tr(
                "违法占耕比例 (county flags): denominator {area} 亩, computed from the plots "
                "(none entered for {year})."
            ).format(area=area, year=denominator.year)
        else:
            used = tr(
                "违法占耕比例 (county flags): denominator {area} 亩 entered for {year} "
                "({source}); the summary tables use the plots' figure."
            ).format(area=area, year=denominator.year, source=denominator.source)
        counted = tr("{period}: {count} plots").format(period=stats.period.label, count=stats.plots)
        if stats.batch:
            counted += f" · {stats.batch}"
        self.status.setText(f"{counted}\n{used}")
        self.status.setToolTip("\n".join(stats.notes))
        self.status.setStyleSheet("")
        self.export_button.setEnabled(True)

    # -- export ------------------------------------------------------------------------

    def suggested_export_path(self) -> str:
        stats = self._stats
        parts = ["月报", stats.period.label if stats else ""]
        if stats and stats.batch:
            parts.append(stats.batch)
        name = _UNSAFE_IN_FILE_NAMES.sub("_", "_".join(p for p in parts if p)) + ".xlsx"
        folder = Path(self._store.path).parent if self._store is not None else Path.home()
        return str(folder / name)

    def export_excel(self, path: str | Path | None = None) -> Path | None:
        """Write the figures shown to a workbook (``path``, else asked for with
        ``choose_export_path``). Returns the path written, None when nothing was."""
        if self._stats is None:
            return None
        if path is None:
            path = self.choose_export_path(self.suggested_export_path())
            if not path:
                return None
        try:
            with _wait_cursor():
                written = write_statistics_workbook(self._stats, Path(path))
        except (OSError, CaseDatabaseError) as error:
            if self._iface is not None:
                show_error(self._iface, error, tr("The workbook was not written"))
            else:
                self.status.setText(error_text(error))
                self.status.setStyleSheet(ERROR_STYLE)
            return None
        if self._iface is not None:
            show_success(self._iface, tr("Statistics written to {path}.").format(path=written))
        self.exported.emit(str(written))
        return written


def _without_one_county(frame, pinned):
    """A table of townships or villages of a single county, without the county's code and
    name (the same on every row: room for the figures in a narrow panel); its 合计 row
    says so in the first column left."""
    keys = [key for key in ("county_code", "county_name") if key in frame.columns]
    if not keys or frame.loc[~pinned, keys[0]].nunique() > 1:
        return frame
    frame = frame.drop(columns=keys)
    if pinned.any() and len(frame.columns):
        frame = frame.copy()
        frame.loc[pinned, frame.columns[0]] = st.TOTAL
    return frame


@contextmanager
def _wait_cursor():
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        yield
    finally:
        QApplication.restoreOverrideCursor()
