"""The small forms of the case dialog's 制止与抄告 tab: a stop action, a notification to
several recipients, a recipient's reply, a transfer to 公安 or 纪委监委. Each returns the
values its room takes (``cases/stops.py``, ``notifications.py``, ``transfers.py``); the
rooms check them and name what they refuse."""

from __future__ import annotations

from qgis.gui import QgsFileWidget
from qgis.PyQt.QtCore import QDate, Qt
from qgis.PyQt.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
)

from ..toolbelt.i18n import tr
from .case_steps import moment_edit

MOMENT_FORMAT = "yyyy-MM-ddTHH:mm"
DATE_FORMAT = "yyyy-MM-dd"


def _date_edit() -> QDateEdit:
    edit = QDateEdit(QDate.currentDate())
    edit.setDisplayFormat(DATE_FORMAT)
    edit.setCalendarPopup(True)
    return edit


def _optional(edit, check_text: str):
    """A date edit with a box to leave it empty (not stopped yet, not reported yet)."""
    box = QComboBox()
    box.addItems([tr("not yet"), check_text])
    box.currentIndexChanged.connect(lambda i: edit.setEnabled(i == 1))
    edit.setEnabled(False)
    return box


def _choice(values, editable: bool = False) -> QComboBox:
    box = QComboBox()
    box.addItems(list(values))
    box.setEditable(editable)
    return box


class _Form(QDialog):
    def __init__(self, title: str, parent=None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.form = QFormLayout()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(buttons)


def _text(edit) -> str | None:
    value = edit.toPlainText() if isinstance(edit, QPlainTextEdit) else edit.text()
    return value.strip() or None


class StopForm(_Form):
    """One attempt to stop a find (seed 002): when, by whom and how many, how, the result,
    the written report."""

    def __init__(self, unit_kinds, methods, results, parent=None):
        super().__init__(tr("Record a stop (制止)"), parent)
        self.found_at = moment_edit()
        self.unit = QLineEdit()
        self.unit_kind = _choice(unit_kinds)
        self.stopped_at = moment_edit()
        self.stopped_switch = _optional(self.stopped_at, tr("stopped at"))
        self.stopped_by = QLineEdit()
        self.persons = QSpinBox()
        self.persons.setRange(0, 99)
        self.method = _choice(["", *methods])
        self.notice_number = QLineEdit()
        self.notice_date = _date_edit()
        self.result = _choice(["", *results])
        self.reported_at = moment_edit()
        self.reported_switch = _optional(self.reported_at, tr("reported at"))
        self.reported_to = QLineEdit()
        self.note = QPlainTextEdit()
        for label, widget in (
            (tr("Found at"), self.found_at),
            (tr("Unit that stopped it"), self.unit),
            (tr("Kind of unit"), self.unit_kind),
            (tr("Stopped"), self.stopped_switch),
            ("", self.stopped_at),
            (tr("Stopped by (names)"), self.stopped_by),
            (tr("Persons on site"), self.persons),
            (tr("How"), self.method),
            (tr("Notice number"), self.notice_number),
            (tr("Notice date"), self.notice_date),
            (tr("Result"), self.result),
            (tr("Written report"), self.reported_switch),
            ("", self.reported_at),
            (tr("Reported to"), self.reported_to),
            (tr("Note"), self.note),
        ):
            self.form.addRow(label, widget)

    def values(self) -> dict:
        notice = bool(_text(self.notice_number))
        return dict(
            found_at=self.found_at.dateTime().toString(MOMENT_FORMAT),
            unit=self.unit.text().strip(),
            unit_kind=self.unit_kind.currentText(),
            stopped_at=(
                self.stopped_at.dateTime().toString(MOMENT_FORMAT)
                if self.stopped_at.isEnabled()
                else None
            ),
            stopped_by=_text(self.stopped_by),
            persons=self.persons.value() or None,
            method=self.method.currentText() or None,
            notice_number=_text(self.notice_number),
            notice_date=self.notice_date.date().toString(DATE_FORMAT) if notice else None,
            result=self.result.currentText() or None,
            reported_at=(
                self.reported_at.dateTime().toString(MOMENT_FORMAT)
                if self.reported_at.isEnabled()
                else None
            ),
            reported_to=_text(self.reported_to),
            note=_text(self.note),
        )


class NotificationForm(_Form):
    """One notification (抄告/函告) to the recipients ticked in the station's list."""

    def __init__(self, recipients, parent=None):
        super().__init__(tr("Send a notification (抄告)"), parent)
        self.number = QLineEdit()
        self.sent_on = _date_edit()
        self.subject = QLineEdit()
        self.content = QPlainTextEdit()
        self.sender = QLineEdit()
        self.recipients = QListWidget()
        for recipient in recipients:
            item = QListWidgetItem(recipient.name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            item.setToolTip(recipient.rule or "")
            self.recipients.addItem(item)
        for label, widget in (
            (tr("Number (文号)"), self.number),
            (tr("Sent on"), self.sent_on),
            (tr("Subject"), self.subject),
            (tr("Content"), self.content),
            (tr("Sender"), self.sender),
            (tr("Recipients"), self.recipients),
        ):
            self.form.addRow(label, widget)

    def tick(self, names) -> None:
        for index in range(self.recipients.count()):
            item = self.recipients.item(index)
            if item.text() in names:
                item.setCheckState(Qt.CheckState.Checked)

    def values(self) -> dict:
        ticked = [
            self.recipients.item(i).text()
            for i in range(self.recipients.count())
            if self.recipients.item(i).checkState() == Qt.CheckState.Checked
        ]
        return dict(
            number=_text(self.number),
            sent_on=self.sent_on.date().toString(DATE_FORMAT),
            subject=self.subject.text().strip(),
            content=_text(self.content),
            sender=_text(self.sender),
            recipients=tuple(ticked),
        )


class ReplyForm(_Form):
    """A recipient's reply (for the township head: the 批示)."""

    def __init__(self, recipient: str, parent=None):
        super().__init__(tr("Reply of {recipient}").format(recipient=recipient), parent)
        self.replied_on = _date_edit()
        self.text = QPlainTextEdit()
        self.by = QLineEdit()
        self.scan = QgsFileWidget()
        self.scan.setFilter(tr("Scans (*.pdf *.jpg *.jpeg *.png)"))
        self.form.addRow(tr("Replied on"), self.replied_on)
        self.form.addRow(tr("What it says"), self.text)
        self.form.addRow(tr("Replied by"), self.by)
        self.form.addRow(tr("Scanned reply"), self.scan)

    def values(self) -> dict:
        return dict(
            replied_on=self.replied_on.date().toString(DATE_FORMAT),
            text=_text(self.text),
            by=_text(self.by),
            scan=self.scan.filePath().strip() or None,
        )


class TransferForm(_Form):
    """A transfer (移送) of the filed case to 公安 or 纪委监委."""

    def __init__(self, receivers, parent=None):
        super().__init__(tr("Transfer the case (移送)"), parent)
        self.receiver = _choice(receivers)
        self.transferred_on = _date_edit()
        self.number = QLineEdit()
        self.reason = QPlainTextEdit()
        self.form.addRow(tr("To"), self.receiver)
        self.form.addRow(tr("Transferred on"), self.transferred_on)
        self.form.addRow(tr("Number (文号)"), self.number)
        self.form.addRow(tr("Reason"), self.reason)

    def values(self) -> dict:
        return dict(
            receiver=self.receiver.currentText(),
            transferred_on=self.transferred_on.date().toString(DATE_FORMAT),
            number=_text(self.number),
            reason=_text(self.reason),
        )


class RevisitForm(_Form):
    """A visit of a closed-out plot (事后巡查, 回头看); a rebound opens a new clue."""

    def __init__(self, results, parent=None):
        super().__init__(tr("Record a post-closure visit"), parent)
        self.visited_on = _date_edit()
        self.visitor = QLineEdit()
        self.result = _choice(results)
        self.note = QPlainTextEdit()
        self.form.addRow(tr("Visited on"), self.visited_on)
        self.form.addRow(tr("Visitor"), self.visitor)
        self.form.addRow(tr("Result"), self.result)
        self.form.addRow(tr("Note"), self.note)

    def values(self) -> dict:
        return dict(
            visited_on=self.visited_on.date().toString(DATE_FORMAT),
            visitor=self.visitor.text().strip(),
            result=self.result.currentText(),
            note=_text(self.note),
        )
