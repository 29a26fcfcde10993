"""Case handling for one plot: field verification with photos, legality determination,
filing or referral, rectification, re-inspection and close-out. Each tab offers only what
the plot's state allows; every button calls one workflow function (one transaction) and
shows its answer or its refusal."""

from __future__ import annotations

from qgis.PyQt.QtCore import QDate, pyqtSignal
from qgis.PyQt.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ..cases import determination_codes as codes
from ..cases import workflow
from ..cases.errors import CaseDatabaseError
from ..cases.photos import add_photos, list_photos
from ..toolbelt.i18n import tr
from .messages import error_text


def _date_edit() -> QDateEdit:
    edit = QDateEdit(QDate.currentDate())
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    return edit


def _date(edit: QDateEdit) -> str:
    return edit.date().toString("yyyy-MM-dd")


def _combo(values, empty: bool = False) -> QComboBox:
    combo = QComboBox()
    if empty:
        combo.addItem("", None)
    for value in values:
        combo.addItem(value, value)
    return combo


def _area() -> QDoubleSpinBox:
    spin = QDoubleSpinBox()
    spin.setRange(0, 10_000_000)
    spin.setDecimals(2)
    spin.setSuffix(" m²")
    return spin


def _text(edit) -> str | None:
    value = edit.toPlainText() if isinstance(edit, QPlainTextEdit) else edit.text()
    return value.strip() or None


class CaseDialog(QDialog):
    """``changed`` is emitted after every stored step, so the map and the panel refresh."""

    changed = pyqtSignal()

    def __init__(self, store, plot_id: int, user: str = "", parent=None):
        super().__init__(parent)
        self.store, self.plot_id, self.user = store, plot_id, user
        self.setMinimumSize(640, 560)
        self.header = QLabel()
        self.header.setWordWrap(True)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.tabs = QTabWidget()
        self.tabs.addTab(self._verification_tab(), tr("Field verification"))
        self.tabs.addTab(self._determination_tab(), tr("Legality determination"))
        self.tabs.addTab(self._handling_tab(), tr("Filing or referral"))
        self.tabs.addTab(self._rectification_tab(), tr("Rectification"))
        self.tabs.addTab(self._closeout_tab(), tr("Re-inspection and close-out"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addWidget(self.tabs)
        layout.addWidget(self.message)
        self.refresh()

    # -- tabs ------------------------------------------------------------------------

    def _verification_tab(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self.site_status = _combo(codes.SITE_STATUSES)
        self.land_user = QLineEdit()
        self.actual_use = QLineEdit()
        self.construction_date = QLineEdit()
        self.construction_date.setPlaceholderText("YYYY-MM-DD / YYYY-MM / YYYY")
        self.site_description = QPlainTextEdit()
        self.site_description.setFixedHeight(60)
        self.verifier = QLineEdit(self.user)
        self.verified_on = _date_edit()
        self.photos = QListWidget()
        self.photos.setFixedHeight(90)
        add = QPushButton(tr("Add photos…"))
        add.clicked.connect(lambda: self._add_photos("核查"))
        self.save_verification = QPushButton(tr("Save verification"))
        self.save_verification.clicked.connect(self._record_verification)
        form.addRow(tr("Site status"), self.site_status)
        form.addRow(tr("User of the land"), self.land_user)
        form.addRow(tr("Actual use"), self.actual_use)
        form.addRow(tr("Construction date"), self.construction_date)
        form.addRow(tr("Description"), self.site_description)
        form.addRow(tr("Verifier"), self.verifier)
        form.addRow(tr("Verified on"), self.verified_on)
        form.addRow(tr("Photos"), self.photos)
        form.addRow("", add)
        form.addRow("", self.save_verification)
        return page

    def _determination_tab(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self.category = _combo(codes.CATEGORIES)
        self.subtype = QComboBox()
        self.category.currentIndexChanged.connect(self._category_changed)
        self.approval_number = QLineEdit()
        self.covered_share = QDoubleSpinBox()
        self.covered_share.setRange(0, 100)
        self.covered_share.setDecimals(1)
        self.covered_share.setSuffix(" %")
        self.title_number = QLineEdit()
        self.facility_record_number = QLineEdit()
        self.filed_area = _area()
        self.basis = QLineEdit()
        self.decision_construction_date = QLineEdit()
        self.decision_construction_date.setPlaceholderText(tr("from the field verification"))
        self.decided_by = QLineEdit(self.user)
        self.decided_on = _date_edit()
        self.revision_reason = QLineEdit()
        self.history = QListWidget()
        self.history.setFixedHeight(70)
        self.save_determination = QPushButton(tr("Save determination"))
        self.save_determination.clicked.connect(self._determine)
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
        self.filed_on = _date_edit()
        self.file_button = QPushButton(tr("File the case"))
        self.file_button.clicked.connect(self._file_case)
        self.department = _combo(codes.HANDLING_DEPARTMENTS)
        self.referred_on = _date_edit()
        self.refer_button = QPushButton(tr("Refer to the department"))
        self.refer_button.clicked.connect(self._refer_case)
        self.responsible_unit = QLineEdit()
        self.close_without_case_button = QPushButton(tr("Close without a case"))
        self.close_without_case_button.clicked.connect(self._close_without_case)
        self.reply_due = QLabel()
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
        self.task_listed_on = _date_edit()
        self.rectification_note = QLineEdit()
        self.start_rectification_button = QPushButton(tr("Start rectification"))
        self.start_rectification_button.clicked.connect(self._start_rectification)
        form.addRow(tr("Measures"), row)
        form.addRow(tr("Task list made on"), self.task_listed_on)
        form.addRow(tr("Note"), self.rectification_note)
        form.addRow("", self.start_rectification_button)
        return page

    def _closeout_tab(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self.reinspection_result = _combo(codes.REINSPECTION_RESULTS)
        self.reinspected_on = _date_edit()
        self.reinspected_by = QLineEdit(self.user)
        self.demolished = _area()
        self.restored = _area()
        self.legalised = _area()
        self.reinspection_photos = QListWidget()
        self.reinspection_photos.setFixedHeight(70)
        add = QPushButton(tr("Add re-inspection photos…"))
        add.clicked.connect(lambda: self._add_photos("复核"))
        self.reinspect_button = QPushButton(tr("Record re-inspection"))
        self.reinspect_button.clicked.connect(self._record_reinspection)
        self.closed_on = _date_edit()
        self.closed_by = QLineEdit(self.user)
        self.joint_recheck = QLineEdit()
        self.close_out_button = QPushButton(tr("Close out (销号)"))
        self.close_out_button.clicked.connect(self._close_out)
        self.patrol_button = QPushButton(tr("Make it a post-closure patrol point"))
        self.patrol_button.clicked.connect(self._start_patrol)
        form.addRow(tr("Re-inspection result"), self.reinspection_result)
        form.addRow(tr("Re-inspected on"), self.reinspected_on)
        form.addRow(tr("Re-inspected by"), self.reinspected_by)
        form.addRow(tr("Demolished area"), self.demolished)
        form.addRow(tr("Restored area"), self.restored)
        form.addRow(tr("Legalised area"), self.legalised)
        form.addRow(tr("Re-inspection photos"), self.reinspection_photos)
        form.addRow("", add)
        form.addRow("", self.reinspect_button)
        form.addRow(tr("Closed on"), self.closed_on)
        form.addRow(tr("Closed by"), self.closed_by)
        form.addRow(tr("Joint re-check result"), self.joint_recheck)
        form.addRow("", self.close_out_button)
        form.addRow("", self.patrol_button)
        return page

    # -- state -------------------------------------------------------------------------

    def refresh(self) -> None:
        state = workflow.case_state(self.store, self.plot_id)
        self.state = state
        self.setWindowTitle(tr("Case {jcbh}").format(jcbh=state.jcbh))
        lines = [tr("Plot {jcbh} — status: {status}").format(jcbh=state.jcbh, status=state.status)]
        current = state.determination
        if current is not None:
            lines.append(
                tr("Determination: {category} {subtype}").format(
                    category=current.category, subtype=current.detail or current.subtype or ""
                )
            )
            lines += [tr(w.template).format(**w.params) for w in current.warnings]
        if state.reply_due:
            lines.append(tr("Department reply due {date}").format(date=state.reply_due))
        self.header.setText("\n".join(lines))
        self.reply_due.setText(state.reply_due or "—")
        allowed = set(state.allowed_actions)
        self.save_verification.setEnabled(workflow.RECORD_VERIFICATION in allowed)
        self.save_determination.setEnabled(workflow.DETERMINE in allowed)
        self.revision_reason.setEnabled(current is not None)
        self.file_button.setEnabled(workflow.FILE_CASE in allowed)
        self.refer_button.setEnabled(workflow.REFER_CASE in allowed)
        self.close_without_case_button.setEnabled(workflow.CLOSE_WITHOUT_CASE in allowed)
        self.start_rectification_button.setEnabled(workflow.START_RECTIFICATION in allowed)
        self.reinspect_button.setEnabled(workflow.RECORD_REINSPECTION in allowed)
        self.close_out_button.setEnabled(workflow.CLOSE_OUT in allowed)
        self.patrol_button.setEnabled(workflow.START_POST_CLOSURE_PATROL in allowed)
        tab_actions = [
            {workflow.RECORD_VERIFICATION},
            {workflow.DETERMINE},
            {workflow.FILE_CASE, workflow.REFER_CASE, workflow.CLOSE_WITHOUT_CASE},
            {workflow.START_RECTIFICATION},
            {workflow.RECORD_REINSPECTION, workflow.CLOSE_OUT, workflow.START_POST_CLOSURE_PATROL},
        ]
        # Open at the furthest step the plot may take now.
        for index in reversed(range(len(tab_actions))):
            if tab_actions[index] & allowed:
                self.tabs.setCurrentIndex(index)
                break
        self.history.clear()
        for item in workflow.determinations(self.store, self.plot_id):
            self.history.addItem(
                f"{item.decided_on or ''} {item.category} {item.detail or item.subtype or ''} "
                f"{item.decided_by or ''} {item.revision_reason or ''}".strip()
            )
        self._show_photos()

    def _show_photos(self) -> None:
        self.photos.clear()
        self.reinspection_photos.clear()
        for photo in list_photos(self.store, self.plot_id):
            flags = ", ".join(photo.flags)
            position = (
                f"{photo.latitude:.6f}, {photo.longitude:.6f}"
                if photo.latitude is not None
                else "—"
            )
            direction = f"{photo.direction:.0f}°" if photo.direction is not None else "—"
            text = (
                f"{photo.original_name}  {photo.taken_at or '—'}  {position}  {direction}  {flags}"
            )
            target = self.reinspection_photos if photo.purpose == "复核" else self.photos
            target.addItem(text.strip())

    def _category_changed(self, *_args) -> None:
        category = self.category.currentData()
        self.subtype.clear()
        subtypes = codes.SUBTYPES.get(category, ())
        for subtype in subtypes:
            self.subtype.addItem(subtype, subtype)
            for use in codes.ILLEGAL_USES.get(subtype, ()) if category == codes.ILLEGAL else ():
                self.subtype.addItem(f"  {use}", use)
        self.subtype.setEnabled(bool(subtypes))

    # -- actions -------------------------------------------------------------------------

    def _run(self, action, *args, **kwargs) -> bool:
        try:
            action(self.store, self.plot_id, *args, **kwargs)
        except CaseDatabaseError as error:
            self.message.setStyleSheet("color: #b03a2e")
            self.message.setText(error_text(error))
            return False
        self.message.setStyleSheet("color: #1e8449")
        self.message.setText(tr("Saved."))
        self.refresh()
        self.changed.emit()
        return True

    def _record_verification(self) -> None:
        self._run(
            workflow.record_verification,
            site_status=self.site_status.currentData(),
            land_user=_text(self.land_user),
            actual_use=_text(self.actual_use),
            construction_date=_text(self.construction_date),
            description=_text(self.site_description),
            verifier=_text(self.verifier),
            verified_on=_date(self.verified_on),
        )

    def _determine(self) -> None:
        evidence = {
            "approval_number": _text(self.approval_number),
            "covered_share": self.covered_share.value() / 100 or None,
            "title_number": _text(self.title_number),
            "facility_record_number": _text(self.facility_record_number),
            "filed_area_m2": self.filed_area.value() or None,
            "basis": _text(self.basis),
            "construction_date": _text(self.decision_construction_date),
        }
        self._run(
            workflow.determine,
            category=self.category.currentData(),
            subtype=self.subtype.currentData() if self.subtype.isEnabled() else None,
            evidence={k: v for k, v in evidence.items() if v is not None},
            decided_by=_text(self.decided_by),
            decided_on=_date(self.decided_on),
            reason=_text(self.revision_reason),
        )

    def _file_case(self) -> None:
        self._run(
            workflow.file_case,
            filing_number=_text(self.filing_number),
            filed_on=_date(self.filed_on),
            responsible_unit=_text(self.responsible_unit),
        )

    def _refer_case(self) -> None:
        self._run(
            workflow.refer_case,
            handling_department=self.department.currentData(),
            referred_on=_date(self.referred_on),
            responsible_unit=_text(self.responsible_unit),
        )

    def _close_without_case(self) -> None:
        self._run(workflow.close_without_case)

    def _start_rectification(self) -> None:
        self._run(
            workflow.start_rectification,
            measures=[m for m, box in self.measures.items() if box.isChecked()],
            task_listed_on=_date(self.task_listed_on),
            note=_text(self.rectification_note),
        )

    def _record_reinspection(self) -> None:
        self._run(
            workflow.record_reinspection,
            result=self.reinspection_result.currentData(),
            reinspected_on=_date(self.reinspected_on),
            reinspected_by=_text(self.reinspected_by),
            demolished_area_m2=self.demolished.value(),
            restored_area_m2=self.restored.value(),
            legalised_area_m2=self.legalised.value(),
        )

    def _close_out(self) -> None:
        self._run(
            workflow.close_out,
            closed_on=_date(self.closed_on),
            closed_by=_text(self.closed_by),
            joint_recheck_result=_text(self.joint_recheck),
        )

    def _start_patrol(self) -> None:
        self._run(workflow.start_post_closure_patrol)

    def _add_photos(self, purpose: str) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self, tr("Add photos"), "", tr("Photos (*.jpg *.jpeg *.png *.JPG *.JPEG *.PNG)")
        )
        if paths:
            self.attach_photos(paths, purpose)

    def attach_photos(self, paths, purpose: str = "核查") -> None:
        """Attach photo files (one transaction); flagged photos are named in the message."""
        try:
            result = add_photos(self.store, self.plot_id, paths, purpose=purpose)
        except CaseDatabaseError as error:
            self.message.setStyleSheet("color: #b03a2e")
            self.message.setText(error_text(error))
            return
        notes = [tr("{count} photos attached.").format(count=len(result.added))]
        if result.already_attached:
            notes.append(
                tr("{count} were attached already.").format(count=len(result.already_attached))
            )
        flagged = [p for p in result.added if p.flags]
        if flagged:
            notes.append(
                tr("{count} need checking (no position or time, or far from the plot).").format(
                    count=len(flagged)
                )
            )
        self.message.setStyleSheet("color: #1e8449" if not flagged else "color: #a04000")
        self.message.setText(" ".join(notes))
        self._show_photos()
        self.changed.emit()
