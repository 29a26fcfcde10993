"""The case dialog's 制止与抄告 tab: what was done to stop the violation on the plot and
whom the station notified, each with the clocks seed 002 judges it by, and the transfers,
escalations and post-closure visits of the case.

The list is one tree: a stop action with its clocks beneath (一天内到场制止, 当天书面报告,
2 名以上人员 …), a notification with each recipient beneath (its deadline, its reply or how
late it is), transfers, escalations and visits. A clock past due shows in red. Each button
opens a small form (``enforcement_forms``) and calls one room function (one transaction);
a refusal is shown in the dialog's message line in the user's language.
"""

from __future__ import annotations

import datetime

from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QBrush, QColor
from qgis.PyQt.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QTreeWidgetItemIterator,
    QVBoxLayout,
    QWidget,
)

from ..cases import (
    clocks,
    escalations,
    notifications,
    record_files,
    revisits,
    stops,
    transfers,
)
from ..toolbelt.i18n import tr
from .enforcement_forms import NotificationForm, ReplyForm, RevisitForm, StopForm, TransferForm

LATE_COLOUR = QColor("#b03a2e")
MET_COLOUR = QColor("#1e8449")
# What a tree item stands for: (kind, id or (notification id, recipient))
ROLE = Qt.ItemDataRole.UserRole


def _clock_text(c: clocks.Clock) -> str:
    due = c.due.isoformat() if c.due else "—"
    text = f"{c.name}：{tr('due')} {due}，{c.state}"
    if c.days_late:
        text += tr(", {days} days late").format(days=c.days_late)
    return text


def _paint(item: QTreeWidgetItem, c: clocks.Clock) -> None:
    if clocks.is_breach(c):
        item.setForeground(0, QBrush(LATE_COLOUR))
    elif c.state == clocks.MET:
        item.setForeground(0, QBrush(MET_COLOUR))


class EnforcementTab(QWidget):
    """``run(action, *args)`` is the dialog's: it calls the room and shows its answer."""

    def __init__(self, dialog):
        super().__init__()
        self.dialog = dialog
        self.tree = QTreeWidget()
        self.tree.setHeaderHidden(True)
        # long lines scroll sideways (and show whole in their tooltip) instead of ending in …
        self.tree.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.tree.header().setStretchLastSection(False)
        self.tree.itemSelectionChanged.connect(self._selection_changed)
        self.stop_button = QPushButton(tr("Record a stop…"))
        self.notify_button = QPushButton(tr("Send a notification…"))
        self.reply_button = QPushButton(tr("Record the reply…"))
        self.transfer_button = QPushButton(tr("Transfer…"))
        self.visit_button = QPushButton(tr("Record a visit…"))
        self.stop_button.clicked.connect(self._record_stop)
        self.notify_button.clicked.connect(self._send_notification)
        self.reply_button.clicked.connect(self._record_reply)
        self.transfer_button.clicked.connect(self._transfer)
        self.visit_button.clicked.connect(self._record_visit)
        buttons = QHBoxLayout()
        for button in (
            self.stop_button,
            self.notify_button,
            self.reply_button,
            self.transfer_button,
            self.visit_button,
        ):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tree, 1)
        layout.addLayout(buttons)

    # -- showing -------------------------------------------------------------------------

    def show_case(self, state, today: datetime.date | None = None) -> None:
        self.state = state
        today = today or datetime.date.today()
        store, jcbh = self.dialog.store, state.jcbh
        self.tree.clear()
        self._group(
            tr("Stopping (制止)"), self._stop_items(stops.stops_of(store, jcbh, today=today))
        )
        self._group(
            tr("Notifications (抄告)"),
            self._notification_items(notifications.notifications_of(store, jcbh, today=today)),
        )
        self._group(
            tr("Transfers (移送)"), self._transfer_items(transfers.transfers_of(store, jcbh))
        )
        self._group(
            tr("Escalations (督办)"),
            self._escalation_items(escalations.escalations(store, jcbh=jcbh, today=today)),
        )
        self._group(
            tr("Post-closure visits"),
            self._revisit_items(revisits.revisits_of(store, self.dialog.plot_id)),
        )
        self.tree.expandAll()
        iterator = QTreeWidgetItemIterator(self.tree)
        while iterator.value():
            iterator.value().setToolTip(0, iterator.value().text(0))
            iterator += 1
        self.transfer_button.setEnabled(bool(state.filed_on))
        self.visit_button.setEnabled(state.status in revisits.VISITABLE)
        self._selection_changed()

    def _group(self, title: str, children: list[QTreeWidgetItem]) -> None:
        group = QTreeWidgetItem([f"{title}（{len(children)}）"])
        group.addChildren(children)
        self.tree.addTopLevelItem(group)

    def _stop_items(self, found) -> list[QTreeWidgetItem]:
        items = []
        for stop in found:
            how = stop.method or ""
            if stop.notice_number:
                how += f" {stop.notice_number}"
            line = tr("Found {found}, {unit} ({kind}), {persons} persons, {how}, {result}").format(
                found=stop.found_at,
                unit=stop.unit,
                kind=stop.unit_kind,
                persons=stop.persons if stop.persons is not None else "—",
                how=how.strip() or "—",
                result=stop.result or "—",
            )
            item = QTreeWidgetItem([line])
            item.setData(0, ROLE, ("stop", stop.id))
            for c in stop.clocks:
                child = QTreeWidgetItem([_clock_text(c)])
                _paint(child, c)
                item.addChild(child)
            if stop.unit_kind == stops.STATION and not clocks.enough_persons(stop.persons):
                child = QTreeWidgetItem([tr("Fewer than 2 persons of the station stopped it")])
                child.setForeground(0, QBrush(LATE_COLOUR))  # seed 002 二(三)2
                item.addChild(child)
            if stop.missing:
                child = QTreeWidgetItem(
                    [tr("Not yet notified: {names}").format(names="、".join(stop.missing))]
                )
                child.setForeground(0, QBrush(LATE_COLOUR))
                item.addChild(child)
            items.append(item)
        return items

    def _notification_items(self, found) -> list[QTreeWidgetItem]:
        items = []
        for notice in found:
            item = QTreeWidgetItem(
                [f"{notice.sent_on} {notice.number or ''} {notice.subject}".replace("  ", " ")]
            )
            item.setData(0, ROLE, ("notification", notice.id))
            for recipient in notice.recipients:
                text = f"{recipient.recipient}：{_clock_text(recipient.clock)}"
                if recipient.replied_on:
                    text += tr("; replied {date}").format(date=recipient.replied_on)
                scans = record_files.list_record_files(
                    self.dialog.store, "notification_recipient", recipient.id
                )
                if scans:
                    text += tr(" (scanned reply: {count})").format(count=len(scans))
                child = QTreeWidgetItem([text])
                child.setData(0, ROLE, ("recipient", (notice.id, recipient.recipient)))
                _paint(child, recipient.clock)
                item.addChild(child)
            items.append(item)
        return items

    def _transfer_items(self, found) -> list[QTreeWidgetItem]:
        return [
            QTreeWidgetItem(
                [
                    tr("{date} to {receiver} {number}, accepted {accepted}").format(
                        date=t.transferred_on,
                        receiver=t.receiver,
                        number=t.number or "",
                        accepted=t.accepted_on or "—",
                    )
                ]
            )
            for t in found
        ]

    def _escalation_items(self, found) -> list[QTreeWidgetItem]:
        items = []
        for e in found:
            item = QTreeWidgetItem([f"{e.issued_on} {e.kind} {e.issuer} {e.number or ''}".strip()])
            child = QTreeWidgetItem([_clock_text(e.clock)])
            _paint(child, e.clock)
            item.addChild(child)
            items.append(item)
        return items

    def _revisit_items(self, found) -> list[QTreeWidgetItem]:
        return [
            QTreeWidgetItem(
                [
                    tr("due {due}, visited {visited} by {visitor}: {result}").format(
                        due=r.due_on or "—",
                        visited=r.visited_on or "—",
                        visitor=r.visitor or "—",
                        result=r.result or "—",
                    )
                    + (f" {r.campaign}" if r.campaign else "")
                ]
            )
            for r in found
        ]

    def _selected(self):
        items = self.tree.selectedItems()
        return items[0].data(0, ROLE) if items else None

    def _selection_changed(self) -> None:
        selected = self._selected()
        self.reply_button.setEnabled(bool(selected) and selected[0] == "recipient")

    # -- actions -------------------------------------------------------------------------

    def _ask(self, form) -> dict | None:
        accepted = form.exec() == QDialog.DialogCode.Accepted
        values = form.values() if accepted else None
        form.deleteLater()
        return values

    def _record_stop(self) -> None:
        form = StopForm(stops.UNIT_KINDS, stops.METHODS, stops.RESULTS, self)
        values = self._ask(form)
        if values is not None:
            self.record_stop(**values)

    def record_stop(self, **values) -> bool:
        return self.dialog.run_room(
            stops.record_stop, stops.NewStop(jcbh=self.state.jcbh, **values)
        )

    def _send_notification(self) -> None:
        form = NotificationForm(notifications.list_recipients(self.dialog.store), self)
        values = self._ask(form)
        if values is not None:
            self.send_notification(**values)

    def send_notification(self, **values) -> bool:
        notice = notifications.NewNotification(jcbh=self.state.jcbh, **values)
        return self.dialog.run_room(notifications.send_notification, notice)

    def _record_reply(self) -> None:
        selected = self._selected()
        if not selected or selected[0] != "recipient":
            return
        notification_id, recipient = selected[1]
        values = self._ask(ReplyForm(recipient, self))
        if values is not None:
            self.record_reply(notification_id, recipient, **values)

    def record_reply(self, notification_id: int, recipient: str, **values) -> bool:
        return self.dialog.run_room(
            notifications.record_reply, notification_id, recipient, **values
        )

    def _transfer(self) -> None:
        values = self._ask(TransferForm(transfers.RECEIVERS, self))
        if values is not None:
            self.transfer(**values)

    def transfer(self, **values) -> bool:
        return self.dialog.run_room(transfers.record_transfer, self.state.jcbh, **values)

    def _record_visit(self) -> None:
        values = self._ask(RevisitForm((revisits.NO_REBOUND, revisits.REBOUND), self))
        if values is not None:
            self.record_visit(**values)

    def record_visit(self, **values) -> bool:
        return self.dialog.run_room(revisits.record_revisit, self.dialog.plot_id, **values)
