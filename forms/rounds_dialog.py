"""Submission rounds (一上, 一下, 二上 each month): take the next round's snapshot, compare
two rounds, lock a reviewed round. What a locked round holds cannot be changed."""

from __future__ import annotations

from qgis.PyQt.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from ..cases import rounds, seals
from ..cases.errors import CaseDatabaseError
from ..toolbelt.i18n import tr
from .messages import error_text


class RoundsDialog(QDialog):
    def __init__(self, store, parent=None):
        super().__init__(parent)
        self.store = store
        self.setWindowTitle(tr("Submission rounds"))
        self.resize(720, 520)
        # A handful of rows, read-only: a widget table is the simple tool here.
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels(
            [tr("Period"), tr("Stage"), tr("Cases"), tr("Locked"), tr("Taken at")]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.new_button = QPushButton()
        self.new_button.clicked.connect(self.create_next)
        self.lock_button = QPushButton(tr("Lock the selected round"))
        self.lock_button.clicked.connect(self.lock_selected)
        self.compare_button = QPushButton(tr("Compare with the round before"))
        self.compare_button.clicked.connect(self.compare_selected)
        self.changes = QListWidget()
        self.message = QLabel()
        self.message.setWordWrap(True)
        buttons = QHBoxLayout()
        for button in (self.new_button, self.lock_button, self.compare_button):
            buttons.addWidget(button)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.button(QDialogButtonBox.StandardButton.Close).setText(tr("Close"))
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        layout.addWidget(QLabel(tr("Changes between the two rounds")))
        layout.addWidget(self.changes)
        layout.addWidget(self.message)
        layout.addWidget(close)
        self.refresh()

    def refresh(self) -> None:
        self.rounds = rounds.list_rounds(self.store)
        roots = seals.round_roots(self.store)  # the root hash printed with the submission
        self.table.setRowCount(len(self.rounds))
        for row, item in enumerate(self.rounds):
            locked = tr("locked {at}").format(at=item.locked_at) if item.locked else ""
            if item.locked and item.id in roots:
                locked += "  " + tr("root hash {root}").format(root=roots[item.id])
            values = (
                item.period,
                item.stage,
                str(item.cases),
                locked,
                item.created_at,
            )
            for column, value in enumerate(values):
                self.table.setItem(row, column, QTableWidgetItem(value))
        period, stage = rounds.next_round(self.store)
        self.next = (period, stage)
        self.new_button.setText(
            tr("Take round {period} {stage}").format(period=period, stage=stage)
        )

    def _selected(self):
        rows = self.table.selectionModel().selectedRows()
        return self.rounds[rows[0].row()] if rows else None

    def _say(self, text: str, error: bool = False) -> None:
        self.message.setStyleSheet("color: #b03a2e" if error else "color: #1e8449")
        self.message.setText(text)

    def create_next(self) -> None:
        try:
            rounds.create_round(self.store, *self.next)
        except CaseDatabaseError as error:
            self._say(error_text(error), error=True)
            return
        self._say(
            tr("Round {period} {stage} taken.").format(period=self.next[0], stage=self.next[1])
        )
        self.refresh()

    def lock_selected(self, confirm: bool = True) -> None:
        chosen = self._selected()
        if chosen is None:
            self._say(tr("Select a round first."), error=True)
            return
        if confirm and (
            QMessageBox.question(
                self,
                self.windowTitle(),
                tr("Lock round {period} {stage}? Its data can never be changed again.").format(
                    period=chosen.period, stage=chosen.stage
                ),
            )
            != QMessageBox.StandardButton.Yes
        ):
            return
        try:
            rounds.lock_round(self.store, chosen.id)
        except CaseDatabaseError as error:
            self._say(error_text(error), error=True)
            return
        root = seals.round_roots(self.store).get(chosen.id, "")
        self._say(
            tr(
                "Round {period} {stage} locked. Its root hash {root} is printed on the "
                "submission and on every document printed from now on."
            ).format(period=chosen.period, stage=chosen.stage, root=root)
        )
        self.refresh()

    def compare_selected(self) -> None:
        chosen = self._selected()
        index = self.rounds.index(chosen) if chosen is not None else -1
        if index < 1:
            self._say(tr("Select a round that has a round before it."), error=True)
            return
        before = self.rounds[index - 1]
        self.changes.clear()
        kinds = {"changed": tr("changed"), "added": tr("added"), "removed": tr("removed")}
        for change in rounds.diff_rounds(self.store, before.id, chosen.id):
            fields = "; ".join(
                f"{name}: {old} → {new}" for name, (old, new) in change.fields.items()
            )
            self.changes.addItem(f"{change.jcbh}  {kinds[change.change]}  {fields}")
        self._say(
            tr("{count} cases differ between {a} and {b}.").format(
                count=self.changes.count(),
                a=f"{before.period} {before.stage}",
                b=f"{chosen.period} {chosen.stage}",
            )
        )
