"""Case handling for one plot: field verification with photos, legality determination,
filing or referral, rectification, re-inspection and close-out. Each tab offers only what
the plot's state allows; every button calls one workflow function (one transaction) and
shows its answer or its refusal."""

from __future__ import annotations

from qgis.PyQt.QtCore import pyqtSignal
from qgis.PyQt.QtWidgets import (
    QDialog,
    QFileDialog,
    QFrame,
    QInputDialog,
    QLabel,
    QListWidget,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ..cases import workflow
from ..cases.errors import CaseDatabaseError
from ..cases.photo_rules import check_photos
from ..cases.photos import KINDS as PHOTO_KINDS
from ..cases.photos import (
    REINSPECTION_PURPOSE,
    SURVEY_PURPOSE,
    add_photos,
    describe_flags,
    list_photos,
)
from ..cases.recorded_steps import recorded_steps
from ..toolbelt.i18n import tr
from .attachment_dialog import AttachmentDialog
from .case_steps import READ_ONLY_STYLE, CaseSteps, date_of, text_of
from .enforcement_tab import EnforcementTab
from .messages import error_text
from .photo_rule_words import photo_rule_text, set_rule_text

# The actions each tab offers, in the order of the tabs.
TAB_ACTIONS = (
    {workflow.RECORD_VERIFICATION},
    {workflow.DETERMINE},
    {workflow.FILE_CASE, workflow.REFER_CASE, workflow.CLOSE_WITHOUT_CASE},
    {workflow.START_RECTIFICATION},
    {workflow.RECORD_REINSPECTION, workflow.CLOSE_OUT, workflow.START_POST_CLOSURE_PATROL},
)


class CaseDialog(CaseSteps, QDialog):
    """``changed`` is emitted after every stored step, so the map and the panel refresh."""

    changed = pyqtSignal()

    def __init__(self, store, plot_id: int, user: str = "", parent=None):
        super().__init__(parent)
        self.store, self.plot_id, self.user = store, plot_id, user
        self.setMinimumSize(640, 560)  # long tabs scroll
        self.resize(700, 680)
        self.setStyleSheet(READ_ONLY_STYLE)
        self.header = QLabel()
        self.header.setWordWrap(True)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.tabs = QTabWidget()
        for page, title in (
            (self._verification_tab(), tr("Field verification")),
            (self._determination_tab(), tr("Legality determination")),
            (self._handling_tab(), tr("Filing or referral")),
            (self._rectification_tab(), tr("Rectification")),
            (self._closeout_tab(), tr("Re-inspection and close-out")),
            (self._documents_tab(), tr("Documents")),
            (self._enforcement_tab(), tr("Stopping and notifying")),
        ):
            scroll = QScrollArea()  # a long tab scrolls instead of squeezing its lists
            scroll.setWidgetResizable(True)
            scroll.setFrameShape(QFrame.Shape.NoFrame)
            scroll.setWidget(page)
            self.tabs.addTab(scroll, title)
        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addWidget(self.tabs)
        layout.addWidget(self.message)
        self.refresh()

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
        self.file_button.setEnabled(workflow.FILE_CASE in allowed)
        self.refer_button.setEnabled(workflow.REFER_CASE in allowed)
        self.close_without_case_button.setEnabled(workflow.CLOSE_WITHOUT_CASE in allowed)
        self.start_rectification_button.setEnabled(workflow.START_RECTIFICATION in allowed)
        self.reinspect_button.setEnabled(workflow.RECORD_REINSPECTION in allowed)
        self.close_out_button.setEnabled(workflow.CLOSE_OUT in allowed)
        self.patrol_button.setEnabled(workflow.START_POST_CLOSURE_PATROL in allowed)
        self._show_steps(state, recorded_steps(self.store, self.plot_id), allowed)
        # Open at the furthest step the plot may take now; with none left (a closed case),
        # at the furthest step recorded.
        recorded = (
            True,
            current is not None,
            bool(state.filing_number or state.handling_department),
            state.rectification is not None,
            bool(state.closed_on or (state.rectification and state.rectification.reinspected_on)),
        )
        for index in reversed(range(len(TAB_ACTIONS))):
            if TAB_ACTIONS[index] & allowed or (not allowed and recorded[index]):
                self.tabs.setCurrentIndex(index)
                break
        self.history.clear()
        for item in workflow.determinations(self.store, self.plot_id):
            self.history.addItem(
                f"{item.decided_on or ''} {item.category} {item.detail or item.subtype or ''} "
                f"{item.decided_by or ''} {item.revision_reason or ''}".strip()
            )
        self._show_photos()
        self._show_attachments()
        self.enforcement.show_case(state)

    def _show_photos(self) -> None:
        self.photos.clear()
        self.reinspection_photos.clear()
        checks = {}
        for purpose, note in (
            (SURVEY_PURPOSE, self.photo_rules_note),
            (REINSPECTION_PURPOSE, self.reinspection_rules_note),
        ):
            verdict = check_photos(self.store, self.plot_id, purpose)
            checks.update({c.photo.id: (c, verdict.rules) for c in verdict.photos})
            note.setText(set_rule_text(verdict) if verdict.photos else "")
        for photo in list_photos(self.store, self.plot_id):
            flags = describe_flags(photo.flags, photo.distance_to_plot_m)
            position = (  # as the documents print it: longitude first, hemispheres named
                f"{abs(photo.longitude):.6f}°{'E' if photo.longitude >= 0 else 'W'}，"
                f"{abs(photo.latitude):.6f}°{'N' if photo.latitude >= 0 else 'S'}"
                if photo.latitude is not None and photo.longitude is not None
                else "—"
            )
            direction = f"{photo.direction:.0f}°" if photo.direction is not None else "—"
            taken = (photo.taken_at or "—")[:19].replace("T", " ")  # local time, no offset
            text = f"{photo.original_name}  {taken}  {position}  {direction}  {flags}".strip()
            if photo.id in checks:
                text += "\n" + photo_rule_text(*checks[photo.id])
            target = (
                self.reinspection_photos if photo.purpose == REINSPECTION_PURPOSE else self.photos
            )
            target.addItem(text)

    # -- documents bound in the dossier ---------------------------------------------------

    def _documents_tab(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.attachments = QListWidget()
        self.attach_button = QPushButton(tr("Attach document…"))
        self.attach_button.clicked.connect(self._attach_document)
        layout.addWidget(QLabel(tr("Scans bound in the dossier (批文, 备案, 立案文书 …)")))
        layout.addWidget(self.attachments, 1)
        layout.addWidget(self.attach_button)
        return page

    def _show_attachments(self) -> None:
        self.attachments.clear()
        try:
            from ..cases.attachments import list_attachments
        except ImportError:
            return
        for item in list_attachments(self.store, self.state.case_id):
            fields = ("kind", "title", "doc_number", "author", "doc_date")
            values = [_field(item, name) for name in fields]
            self.attachments.addItem("  ".join(str(v) for v in values if v))

    def _attach_document(self) -> None:
        form = AttachmentDialog(self)
        if form.exec() == QDialog.DialogCode.Accepted:
            self.attach_document(**form.values())
        form.deleteLater()

    def attach_document(self, path: str, **values) -> None:
        """Store a scan on the case (``cases.attachments.add_attachment``)."""
        try:
            from ..cases.attachments import add_attachment
        except ImportError:
            self._say(tr("Documents cannot be attached with this version."), "#b03a2e")
            return
        try:
            add_attachment(self.store, self.state.case_id, path, **values)
        except CaseDatabaseError as error:
            self._say(error_text(error), "#b03a2e")
            return
        except OSError:
            self._say(tr("{path} could not be read.").format(path=path), "#b03a2e")
            return
        self._say(tr("Document attached."), "#1e8449")
        self._show_attachments()
        self.changed.emit()

    # -- stopping, notifying, transfers and visits (seed 002) -----------------------------

    def _enforcement_tab(self) -> QWidget:
        self.enforcement = EnforcementTab(self)
        return self.enforcement

    def run_room(self, action, *args, **kwargs) -> bool:
        """Call a room's function with the store (one transaction) and say what it answered."""
        try:
            action(self.store, *args, **kwargs)
        except CaseDatabaseError as error:
            self._say(error_text(error), "#b03a2e")
            return False
        tab = self.tabs.currentIndex()  # refresh() opens the furthest step: stay here
        self.refresh()
        self.tabs.setCurrentIndex(tab)
        self._say(tr("Saved."), "#1e8449")
        self.changed.emit()
        return True

    def _say(self, text: str, colour: str) -> None:
        self.message.setStyleSheet(f"color: {colour}")
        self.message.setText(text)

    # -- actions -------------------------------------------------------------------------

    def _run(self, action, *args, **kwargs) -> bool:
        try:
            action(self.store, self.plot_id, *args, **kwargs)
        except CaseDatabaseError as error:
            if isinstance(error, workflow.CaseChangedMeanwhile):
                self.refresh()  # show the other person's change the message speaks of
                self.changed.emit()
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
            land_user=text_of(self.land_user),
            actual_use=text_of(self.actual_use),
            construction_date=text_of(self.construction_date),
            description=text_of(self.site_description),
            verifier=text_of(self.verifier),
            verified_on=date_of(self.verified_on),
        )

    def _determine(self) -> None:
        evidence = {
            "approval_number": text_of(self.approval_number),
            "covered_share": self.covered_share.value() / 100 or None,
            "title_number": text_of(self.title_number),
            "facility_record_number": text_of(self.facility_record_number),
            "filed_area_m2": self.filed_area.value() or None,
            "basis": text_of(self.basis),
            "construction_date": text_of(self.decision_construction_date),
        }
        self._run(
            workflow.determine,
            category=self.category.currentData(),
            subtype=self.subtype.currentData() if self.subtype.isEnabled() else None,
            evidence={k: v for k, v in evidence.items() if v is not None},
            decided_by=text_of(self.decided_by),
            decided_on=date_of(self.decided_on),
            reason=text_of(self.revision_reason),
        )

    def _file_case(self) -> None:
        self._run(
            workflow.file_case,
            filing_number=text_of(self.filing_number),
            filed_on=date_of(self.filed_on),
            responsible_unit=text_of(self.responsible_unit),
        )

    def _refer_case(self) -> None:
        self._run(
            workflow.refer_case,
            handling_department=self.department.currentData(),
            referred_on=date_of(self.referred_on),
            responsible_unit=text_of(self.responsible_unit),
        )

    def _close_without_case(self) -> None:
        self._run(workflow.close_without_case)

    def _start_rectification(self) -> None:
        self._run(
            workflow.start_rectification,
            measures=[m for m, box in self.measures.items() if box.isChecked()],
            task_listed_on=date_of(self.task_listed_on),
            note=text_of(self.rectification_note),
        )

    def _record_reinspection(self) -> None:
        self._run(
            workflow.record_reinspection,
            result=self.reinspection_result.currentData(),
            reinspected_on=date_of(self.reinspected_on),
            reinspected_by=text_of(self.reinspected_by),
            demolished_area_m2=self.demolished.value(),
            restored_area_m2=self.restored.value(),
            legalised_area_m2=self.legalised.value(),
        )

    def _close_out(self) -> None:
        self._run(
            workflow.close_out,
            closed_on=date_of(self.closed_on),
            closed_by=text_of(self.closed_by),
            joint_recheck_result=text_of(self.joint_recheck),
            note=text_of(self.closeout_note),
        )

    def _start_patrol(self) -> None:
        self._run(workflow.start_post_closure_patrol)

    def _add_photos(self, purpose: str) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self, tr("Add photos"), "", tr("Photos (*.jpg *.jpeg *.png *.JPG *.JPEG *.PNG)")
        )
        if not paths:
            return
        # what the photos show (全景 / 近景 …): the photo rules ask for one of each
        kinds = [tr("not said"), *PHOTO_KINDS]
        chosen, accepted = QInputDialog.getItem(
            self, tr("Add photos"), tr("What these photos show"), kinds, 0, False
        )
        if accepted:
            self.attach_photos(paths, purpose, chosen if chosen in PHOTO_KINDS else None)

    def attach_photos(self, paths, purpose: str = SURVEY_PURPOSE, kind: str | None = None) -> None:
        """Attach photo files (one transaction); flagged photos are named in the message."""
        try:
            result = add_photos(self.store, self.plot_id, paths, purpose=purpose, kind=kind)
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


def _field(item, name: str):
    """A field of a listed attachment (a record with attributes, or a mapping)."""
    return item.get(name) if isinstance(item, dict) else getattr(item, name, None)
