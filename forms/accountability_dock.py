"""The 巡查与问责 panel: for one month, the accountability list, the notification register
with its replies, the patrol reports (daily and monthly, per unit and township; units that
did not report; zones not visited), 应移送未移送, overdue 问题清单 items, post-closure
visits due and the city's 一下 feedback (``cases/enforcement_views.py``).

A list is chosen at the top and shown below, the count in its title. "Export…" opens the
Processing algorithm that writes the same lists to Excel and PDF
(``landcase:accountability`` or ``landcase:patrolreport``) with the database and the month
filled in, so the panel and the headless run give the same documents.
"""

from __future__ import annotations

import datetime

from qgis.gui import QgsDockWidget
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..cases import enforcement_views
from ..cases.errors import CaseDatabaseError
from ..toolbelt.i18n import tr
from .messages import error_text

DOCK_OBJECT_NAME = "LandCaseAccountabilityDock"
PATROL_PREFIX = "patrol_"
MAXIMUM_COLUMN_WIDTH = 320  # a rule in the seed's words is long: its tooltip shows it whole


def previous_month(today: datetime.date) -> str:
    """The month whose reports are due this month (月报 before the 20th)."""
    first = today.replace(day=1) - datetime.timedelta(days=1)
    return f"{first.year:04d}-{first.month:02d}"


class AccountabilityDock(QgsDockWidget):
    def __init__(self, iface, parent=None):
        super().__init__(tr("Patrols and accountability"), parent)
        self.setObjectName(DOCK_OBJECT_NAME)
        self.iface = iface
        self.store = None
        self.views: list[enforcement_views.View] = []
        self.period = QLineEdit(previous_month(datetime.date.today()))
        self.period.setPlaceholderText("YYYY-MM")
        self.period.setMaximumWidth(90)
        self.period.editingFinished.connect(self.refresh)
        self.choice = QComboBox()
        self.choice.currentIndexChanged.connect(self._show)
        self.refresh_button = QPushButton(tr("Refresh"))
        self.refresh_button.clicked.connect(self.refresh)
        self.export_button = QPushButton(tr("Export…"))
        self.export_button.clicked.connect(self.export)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.table = QTableWidget()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSortingEnabled(True)
        top = QHBoxLayout()
        top.addWidget(QLabel(tr("Month")))
        top.addWidget(self.period)
        top.addStretch(1)
        top.addWidget(self.refresh_button)
        top.addWidget(self.export_button)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.addLayout(top)
        layout.addWidget(self.choice)  # its own row: the lists' titles are long
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        self.setWidget(body)
        self._enable()

    # -- following the database ---------------------------------------------------------

    def set_store(self, store) -> None:
        self.store = store
        self.views = []
        self.refresh()

    def invalidate(self) -> None:
        """The record changed: the lists are read again now if shown, else when shown."""
        self.views = []
        if self.isVisible():
            self.refresh()

    def showEvent(self, event) -> None:  # noqa: N802 (Qt API)
        super().showEvent(event)
        if self.store is not None and not self.views:
            self.refresh()

    def _enable(self) -> None:
        ready = self.store is not None
        for widget in (self.period, self.choice, self.refresh_button, self.export_button):
            widget.setEnabled(ready)

    # -- the lists ----------------------------------------------------------------------

    def refresh(self, today: datetime.date | None = None) -> None:
        self._enable()
        self.message.clear()
        if self.store is None or not self.isVisible() and today is None:
            self.choice.clear()
            self.table.clear()
            return
        chosen = self.views[self.choice.currentIndex()].key if self.views else None
        try:
            self.views = enforcement_views.month_views(
                self.store, self.period.text().strip(), today or datetime.date.today()
            )
        except CaseDatabaseError as error:
            self.views = []
            self.message.setStyleSheet("color: #b03a2e")
            self.message.setText(error_text(error))
        self.choice.blockSignals(True)
        self.choice.clear()
        for view in self.views:
            self.choice.addItem(f"{view.title}（{len(view.rows)}）", view.key)
        keys = [view.key for view in self.views]
        self.choice.setCurrentIndex(keys.index(chosen) if chosen in keys else 0)
        self.choice.blockSignals(False)
        self._show()

    def current_view(self) -> enforcement_views.View | None:
        index = self.choice.currentIndex()
        return self.views[index] if 0 <= index < len(self.views) else None

    def _show(self) -> None:
        view = self.current_view()
        self.table.setSortingEnabled(False)
        self.table.clear()
        if view is None:
            self.table.setRowCount(0)
            self.table.setColumnCount(0)
            return
        self.table.setColumnCount(len(view.headers))
        self.table.setHorizontalHeaderLabels(list(view.headers))
        self.table.setRowCount(len(view.rows))
        for r, row in enumerate(view.rows):
            for c, value in enumerate(row):
                item = QTableWidgetItem()
                if isinstance(value, (int, float)) and not isinstance(value, bool):
                    item.setData(Qt.ItemDataRole.DisplayRole, value)  # sorts as a number
                else:
                    item.setText("" if value is None else str(value))
                    item.setToolTip(item.text())
                self.table.setItem(r, c, item)
        self.table.setSortingEnabled(True)
        self.table.resizeColumnsToContents()
        for column in range(self.table.columnCount()):
            if self.table.columnWidth(column) > MAXIMUM_COLUMN_WIDTH:
                self.table.setColumnWidth(column, MAXIMUM_COLUMN_WIDTH)

    # -- Excel and PDF --------------------------------------------------------------------

    def export_algorithm(self) -> str:
        view = self.current_view()
        if view is not None and view.key.startswith(PATROL_PREFIX):
            return "landcase:patrolreport"
        return "landcase:accountability"

    def export(self) -> None:
        """The algorithm's dialog with the database and the month filled in."""
        if self.store is None:
            return
        import processing  # QGIS's Processing plugin, loaded with the desktop

        processing.execAlgorithmDialog(
            self.export_algorithm(),
            {"DATABASE": self.store.location, "PERIOD": self.period.text().strip()},
        )
