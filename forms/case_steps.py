"""The five tabs of the case dialog (field verification, legality determination, filing or
referral, rectification, re-inspection and close-out) and how each shows its step.

A step that can be taken now is an editable form (today's date, the user's name, and
what was recorded before when the step is taken again: a further verification, a revised
determination). A step that cannot be taken shows what was recorded, read-only; a step
never taken shows empty fields ("—" for dates), never today's defaults."""

from __future__ import annotations

from qgis.PyQt.QtCore import QDate, QDateTime
from qgis.PyQt.QtWidgets import (
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDateTimeEdit,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from ..cases import determination_codes as codes
from ..cases.photos import REINSPECTION_PURPOSE, SURVEY_PURPOSE
from ..toolbelt.i18n import tr

NO_DATE = QDate(1900, 1, 1)  # shown as "—": a step never taken has no date
EMPTY = "—"


# -- widgets ---------------------------------------------------------------------------


def date_edit() -> QDateEdit:
    edit = QDateEdit(QDate.currentDate())
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setMinimumDate(NO_DATE)
    edit.setSpecialValueText(EMPTY)
    return edit


def moment_edit() -> QDateTimeEdit:
    """A date and time to the minute (when a find was made, stopped, reported), now."""
    edit = QDateTimeEdit(QDateTime.currentDateTime())
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd HH:mm")
    return edit


def date_of(edit: QDateEdit) -> str | None:
    return None if edit.date() == NO_DATE else edit.date().toString("yyyy-MM-dd")


def combo(values, empty: bool = False) -> QComboBox:
    box = QComboBox()
    if empty:
        box.addItem("", None)
    for value in values:
        box.addItem(value, value)
    return box


def area_edit() -> QDoubleSpinBox:
    spin = QDoubleSpinBox()
    spin.setRange(0, 10_000_000)
    spin.setDecimals(2)
    spin.setSuffix(" m²")
    return spin


def text_of(edit) -> str | None:
    value = edit.toPlainText() if isinstance(edit, QPlainTextEdit) else edit.text()
    return value.strip() or None


def show(widget, value) -> None:
    """Put a recorded value (or nothing) into a widget."""
    if isinstance(widget, QDateEdit):
        date = QDate.fromString(value, "yyyy-MM-dd") if value else NO_DATE
        widget.setDate(date if date.isValid() else NO_DATE)
    elif isinstance(widget, QDoubleSpinBox):
        widget.setSpecialValueText(EMPTY if value is None else "")
        widget.setValue(value or 0)
    elif isinstance(widget, QComboBox):
        place = widget.findData(value)
        if place < 0 and value:
            widget.addItem(value, value)  # a value recorded before the list changed
            place = widget.count() - 1
        widget.setCurrentIndex(max(place, 0) if value else -1)
    elif isinstance(widget, QCheckBox):
        widget.setChecked(bool(value))
    elif isinstance(widget, QPlainTextEdit):
        widget.setPlainText(value or "")
    else:
        widget.setText("" if value is None else str(value))


def today(edit: QDateEdit) -> None:
    edit.setDate(QDate.currentDate())


# Recorded values read-only, on the window's colour, so they do not look like a form.
READ_ONLY_STYLE = (
    'QLineEdit[readOnly="true"], QPlainTextEdit[readOnly="true"], '
    'QAbstractSpinBox[readOnly="true"] { background: palette(window); }'
)


def set_editable(widgets, editable: bool) -> None:
    for widget in widgets:
        if isinstance(widget, (QLineEdit, QPlainTextEdit, QAbstractSpinBox)):
            widget.setReadOnly(not editable)
            if isinstance(widget, QAbstractSpinBox):
                widget.setButtonSymbols(
                    QAbstractSpinBox.ButtonSymbols.UpDownArrows
                    if editable
                    else QAbstractSpinBox.ButtonSymbols.NoButtons
                )
            if isinstance(widget, QDateEdit):
                widget.setCalendarPopup(editable)
            widget.style().unpolish(widget)
            widget.style().polish(widget)
        else:
            widget.setEnabled(editable)


# -- the tabs ----------------------------------------------------------------------------


class CaseSteps:
    """Mixin of ``CaseDialog``: builds the tabs; the widgets are the dialog's attributes
    (the dialog's slots read them)."""

    def _verification_tab(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self.site_status = combo(codes.SITE_STATUSES)
        self.land_user = QLineEdit()
        self.actual_use = QLineEdit()
        self.construction_date = QLineEdit()
        self.construction_date.setPlaceholderText("YYYY-MM-DD / YYYY-MM / YYYY")
        self.site_description = QPlainTextEdit()
        self.site_description.setFixedHeight(60)
        self.verifier = QLineEdit(self.user)
        self.verified_on = date_edit()
        self.photos = QListWidget()
        self.photos.setMinimumHeight(90)
        self.photo_rules_note = QLabel()  # the set against the photo rules
        self.photo_rules_note.setWordWrap(True)
        self.add_photos_button = QPushButton(tr("Add photos…"))
        self.add_photos_button.clicked.connect(lambda: self._add_photos(SURVEY_PURPOSE))
        self.save_verification = QPushButton(tr("Save verification"))
        self.save_verification.clicked.connect(self._record_verification)
        self.verification_fields = (
            self.site_status,
            self.land_user,
            self.actual_use,
            self.construction_date,
            self.site_description,
            self.verifier,
            self.verified_on,
        )
        form.addRow(tr("Site status"), self.site_status)
        form.addRow(tr("User of the land"), self.land_user)
        form.addRow(tr("Actual use"), self.actual_use)
        form.addRow(tr("Construction date"), self.construction_date)
        form.addRow(tr("Description"), self.site_description)
        form.addRow(tr("Verifier"), self.verifier)
        form.addRow(tr("Verified on"), self.verified_on)
        form.addRow(tr("Photos"), self.photos)
        form.addRow("", self.photo_rules_note)
        form.addRow("", self.add_photos_button)
        form.addRow("", self.save_verification)
        return page

    def _determination_tab(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self.category = combo(codes.CATEGORIES)
        self.subtype = QComboBox()
        self.category.currentIndexChanged.connect(self._category_changed)
        self.approval_number = QLineEdit()
        self.covered_share = QDoubleSpinBox()
        self.covered_share.setRange(0, 100)
        self.covered_share.setDecimals(1)
        self.covered_share.setSuffix(" %")
        self.title_number = QLineEdit()
        self.facility_record_number = QLineEdit()
        self.filed_area = area_edit()
        self.basis = QLineEdit()
        self.decision_construction_date = QLineEdit()
        self.decision_construction_date.setPlaceholderText(tr("from the field verification"))
        self.decided_by = QLineEdit(self.user)
        self.decided_on = date_edit()
        self.revision_reason = QLineEdit()
        self.history = QListWidget()
        self.history.setMinimumHeight(70)
        self.save_determination = QPushButton(tr("Save determination"))
        self.save_determination.clicked.connect(self._determine)
        self.determination_fields = (
            self.category,
            self.subtype,
            self.approval_number,
            self.covered_share,
            self.title_number,
            self.facility_record_number,
            self.filed_area,
            self.basis,
            self.decision_construction_date,
            self.decided_by,
            self.decided_on,
        )
        form.addRow(tr("Category"), self.category)
        form.addRow(tr("Sub-type"), self.subtype)
        form.addRow(tr("Approval number (批准文号)"), self.approval_number)
        form.addRow(tr("Share covered by the approval"), self.covered_share)
        form.addRow(tr("Title number (不动产权证号)"), self.title_number)
        form.addRow(tr("Facility record number (上图入库号)"), self.facility_record_number)
        form.addRow(tr("Filed area"), self.filed_area)
        form.addRow(tr("Basis"), self.basis)
        form.addRow(tr("Construction date"), self.decision_construction_date)
        form.addRow(tr("Decided by"), self.decided_by)
        form.addRow(tr("Decided on"), self.decided_on)
        form.addRow(tr("Reason for the revision"), self.revision_reason)
        form.addRow(tr("Earlier determinations"), self.history)
        form.addRow("", self.save_determination)
        self._category_changed()
        return page

    def _handling_tab(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self.filing_number = QLineEdit()
        self.filed_on = date_edit()
        self.file_button = QPushButton(tr("File the case"))
        self.file_button.clicked.connect(self._file_case)
        self.department = combo(codes.HANDLING_DEPARTMENTS)
        self.referred_on = date_edit()
        self.refer_button = QPushButton(tr("Refer to the department"))
        self.refer_button.clicked.connect(self._refer_case)
        self.responsible_unit = QLineEdit()
        self.close_without_case_button = QPushButton(tr("Close without a case"))
        self.close_without_case_button.clicked.connect(self._close_without_case)
        self.reply_due = QLabel()
        self.handling_fields = (
            self.responsible_unit,
            self.filing_number,
            self.filed_on,
            self.department,
            self.referred_on,
        )
        form.addRow(tr("Responsible unit"), self.responsible_unit)
        form.addRow(tr("Filing number"), self.filing_number)
        form.addRow(tr("Filed on"), self.filed_on)
        form.addRow("", self.file_button)
        form.addRow(tr("Handling department"), self.department)
        form.addRow(tr("Referred on"), self.referred_on)
        form.addRow("", self.refer_button)
        form.addRow(tr("Department reply due"), self.reply_due)
        form.addRow("", self.close_without_case_button)
        return page

    def _rectification_tab(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self.measures = {}
        row = QHBoxLayout()
        for measure in codes.MEASURES:
            box = QCheckBox(measure)
            self.measures[measure] = box
            row.addWidget(box)
        self.task_listed_on = date_edit()
        self.rectification_note = QLineEdit()
        self.start_rectification_button = QPushButton(tr("Start rectification"))
        self.start_rectification_button.clicked.connect(self._start_rectification)
        self.rectification_fields = (
            *self.measures.values(),
            self.task_listed_on,
            self.rectification_note,
        )
        form.addRow(tr("Measures"), row)
        form.addRow(tr("Task list made on"), self.task_listed_on)
        form.addRow(tr("Note"), self.rectification_note)
        form.addRow("", self.start_rectification_button)
        return page

    def _closeout_tab(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self.reinspection_result = combo(codes.REINSPECTION_RESULTS)
        self.reinspected_on = date_edit()
        self.reinspected_by = QLineEdit(self.user)
        self.demolished = area_edit()
        self.restored = area_edit()
        self.legalised = area_edit()
        self.reinspection_photos = QListWidget()
        self.reinspection_photos.setMinimumHeight(70)
        self.reinspection_rules_note = QLabel()
        self.reinspection_rules_note.setWordWrap(True)
        self.add_reinspection_photos_button = QPushButton(tr("Add re-inspection photos…"))
        self.add_reinspection_photos_button.clicked.connect(
            lambda: self._add_photos(REINSPECTION_PURPOSE)
        )
        self.reinspect_button = QPushButton(tr("Record re-inspection"))
        self.reinspect_button.clicked.connect(self._record_reinspection)
        self.closed_on = date_edit()
        self.closed_by = QLineEdit(self.user)
        self.joint_recheck = QLineEdit()
        self.closeout_note = QLineEdit()
        self.close_out_button = QPushButton(tr("Close out (销号)"))
        self.close_out_button.clicked.connect(self._close_out)
        self.patrol_button = QPushButton(tr("Make it a post-closure patrol point"))
        self.patrol_button.clicked.connect(self._start_patrol)
        self.reinspection_fields = (
            self.reinspection_result,
            self.reinspected_on,
            self.reinspected_by,
            self.demolished,
            self.restored,
            self.legalised,
        )
        self.closeout_fields = (
            self.closed_on,
            self.closed_by,
            self.joint_recheck,
            self.closeout_note,
        )
        form.addRow(tr("Re-inspection result"), self.reinspection_result)
        form.addRow(tr("Re-inspected on"), self.reinspected_on)
        form.addRow(tr("Re-inspected by"), self.reinspected_by)
        form.addRow(tr("Demolished area"), self.demolished)
        form.addRow(tr("Restored area"), self.restored)
        form.addRow(tr("Legalised area"), self.legalised)
        form.addRow(tr("Re-inspection photos"), self.reinspection_photos)
        form.addRow("", self.reinspection_rules_note)
        form.addRow("", self.add_reinspection_photos_button)
        form.addRow("", self.reinspect_button)
        form.addRow(tr("Closed on"), self.closed_on)
        form.addRow(tr("Closed by"), self.closed_by)
        form.addRow(tr("Joint re-check result"), self.joint_recheck)
        form.addRow(tr("Close-out note"), self.closeout_note)
        form.addRow("", self.close_out_button)
        form.addRow("", self.patrol_button)
        return page

    def _category_changed(self, *_args) -> None:
        category = self.category.currentData()
        self.subtype.clear()
        subtypes = codes.SUBTYPES.get(category, ())
        for subtype in subtypes:
            self.subtype.addItem(subtype, subtype)
            for use in codes.ILLEGAL_USES.get(subtype, ()) if category == codes.ILLEGAL else ():
                self.subtype.addItem(f"  {use}", use)
        self.subtype.setEnabled(bool(subtypes) and not self.category.property("locked"))

    # -- showing the steps -------------------------------------------------------------

    def _show_steps(self, state, recorded, allowed) -> None:
        """Each tab: what was recorded (read-only), or a form where the step can be taken."""
        from ..cases import workflow

        user = self.user or None
        verification = recorded.verification or {}
        can_verify = workflow.RECORD_VERIFICATION in allowed
        for name, widget in zip(
            ("site_status", "land_user", "actual_use", "construction_date", "description"),
            self.verification_fields,
        ):
            show(widget, verification.get(name))
        if can_verify:
            if not verification:
                self.site_status.setCurrentIndex(0)
            show(self.verifier, user)
            today(self.verified_on)
        else:
            show(self.verifier, verification.get("verifier"))
            show(self.verified_on, verification.get("verified_on"))
        set_editable(self.verification_fields, can_verify)
        self.add_photos_button.setEnabled(can_verify)

        self._show_determination(state.determination, workflow.DETERMINE in allowed)

        can_handle = bool(allowed & {workflow.FILE_CASE, workflow.REFER_CASE})
        show(self.responsible_unit, state.responsible_unit)
        show(self.filing_number, state.filing_number)
        show(self.filed_on, state.filed_on)
        show(self.department, state.handling_department)
        show(self.referred_on, state.referred_on)
        if can_handle:
            today(self.filed_on)
            today(self.referred_on)
            if self.department.currentIndex() < 0:
                self.department.setCurrentIndex(0)
        set_editable(self.handling_fields, can_handle)

        rectification = state.rectification
        can_rectify = workflow.START_RECTIFICATION in allowed
        measures = set(rectification.measures) if rectification else set()
        for measure, box in self.measures.items():
            box.setChecked(measure in measures)
        show(self.task_listed_on, rectification.task_listed_on if rectification else None)
        show(self.rectification_note, rectification.note if rectification else None)
        if can_rectify:
            today(self.task_listed_on)
        set_editable(self.rectification_fields, can_rectify)

        can_reinspect = workflow.RECORD_REINSPECTION in allowed
        done = rectification is not None and rectification.reinspection_result is not None
        show(self.reinspection_result, rectification.reinspection_result if done else None)
        show(self.reinspected_on, rectification.reinspected_on if done else None)
        show(self.reinspected_by, rectification.reinspected_by if done else None)
        for widget, name in (
            (self.demolished, "demolished_area_m2"),
            (self.restored, "restored_area_m2"),
            (self.legalised, "legalised_area_m2"),
        ):
            show(widget, getattr(rectification, name) if rectification else None)
            if can_reinspect:
                widget.setSpecialValueText("")
        if can_reinspect:
            if self.reinspection_result.currentIndex() < 0:
                self.reinspection_result.setCurrentIndex(0)
            today(self.reinspected_on)
            show(self.reinspected_by, user)
        set_editable(self.reinspection_fields, can_reinspect)
        self.add_reinspection_photos_button.setEnabled(can_reinspect)

        closeout = recorded.closeout or {}
        can_close = workflow.CLOSE_OUT in allowed
        for widget, name in zip(
            self.closeout_fields, ("closed_on", "closed_by", "joint_recheck_result", "note")
        ):
            show(widget, closeout.get(name))
        if can_close:
            today(self.closed_on)
            show(self.closed_by, user)
        set_editable(self.closeout_fields, can_close)

    def _show_determination(self, current, can_determine: bool) -> None:
        self.category.setProperty("locked", not can_determine)
        show(self.category, current.category if current else None)
        if current is None and can_determine:
            self.category.setCurrentIndex(0)
        self._category_changed()
        if current is not None:
            show(self.subtype, current.detail or current.subtype)
        share = current.covered_share if current else None
        values = {
            self.approval_number: current.approval_number if current else None,
            self.covered_share: None if share is None else share * 100,
            self.title_number: current.title_number if current else None,
            self.facility_record_number: current.facility_record_number if current else None,
            self.filed_area: current.filed_area_m2 if current else None,
            self.basis: current.evidence.get("basis") if current else None,
            self.decision_construction_date: current.construction_date if current else None,
        }
        for widget, value in values.items():
            show(widget, value)
        if can_determine:
            self.covered_share.setSpecialValueText("")
            self.filed_area.setSpecialValueText("")
            show(self.decided_by, self.user or None)
            today(self.decided_on)
        else:
            show(self.decided_by, current.decided_by if current else None)
            show(self.decided_on, current.decided_on if current else None)
        show(self.revision_reason, None)
        set_editable(self.determination_fields, can_determine)
        self.subtype.setEnabled(can_determine and self.subtype.count() > 0)
        self.revision_reason.setEnabled(can_determine and current is not None)
