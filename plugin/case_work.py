"""The plugin's work on cases: importing a batch (in the background with a report), the case
dialog, printing the documents as a task, and the submission rounds.
``LandCasePlugin`` inherits ``CaseWorkMixin``; see ``main.py``.
"""

from __future__ import annotations

import sqlite3

from qgis.core import (
    QgsApplication,
)
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import QApplication

from ..cases import CaseDatabaseError
from ..cases.intake import OutsideZone, UnplacedBatch
from ..forms.import_dialog import ImportDialog
from ..forms.import_report_dialog import ImportReportDialog, summary_text
from ..forms.messages import show_error, show_success
from ..forms.print_dialog import PrintDialog
from ..forms.rounds_dialog import RoundsDialog
from ..layers.batch_import import import_layer
from ..layers.source_reader import SourceError
from ..toolbelt import settings
from ..toolbelt.i18n import tr
from .session import LOG, _user_name


class CaseWorkMixin:
    """Batches, case dialogs, printing and rounds of a ``LandCasePlugin``."""

    # -- intake -------------------------------------------------------------------------

    def import_batch_dialog(self) -> None:
        if not self.ready_for():
            return
        dialog = ImportDialog(self.store, self.iface.mainWindow())
        try:
            if dialog.exec():
                self.import_layer(
                    dialog.source_layer(),
                    dialog.source_name(),
                    dialog.chosen_mapping(),
                    dialog.source_crs(),
                    **dialog.batch_fields(),
                    allow_other_zone=dialog.allow_other_zone(),
                )
        finally:
            dialog.deleteLater()

    def import_layer(
        self,
        layer,
        source_name,
        mapping,
        source_crs,
        batch,
        source_kind,
        received_date,
        allow_other_zone=False,
    ):
        """Import one batch into the open database (one transaction) and show the report."""
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            report = import_layer(
                self.store,
                layer,
                source_name,
                batch,
                mapping,
                source_kind=source_kind,
                received_date=received_date,
                source_crs=source_crs,
                allow_other_zone=allow_other_zone,
            )
        except SourceError as error:
            show_error(self.iface, error, tr("Import failed"))
            return None
        except (OutsideZone, UnplacedBatch) as error:  # a refusal, not a failure: no traceback
            show_error(self.iface, error, tr("Import refused; nothing was stored"))
            return None
        except (CaseDatabaseError, sqlite3.Error) as error:
            LOG.exception("import of %s failed", source_name)
            show_error(self.iface, error, tr("Import failed; nothing was stored"))
            return None
        finally:
            QApplication.restoreOverrideCursor()
        self._case_changed()
        show_success(self.iface, summary_text(report))
        self.report_dialog = ImportReportDialog(report, self.iface.mainWindow())
        self.report_dialog.show()
        return report

    # -- case handling ----------------------------------------------------------------

    def open_case_dialog(self, plot_id: int | None = None):
        """The case dialog for ``plot_id`` or the plot selected in the case panel."""
        if not self.ready_for("photos"):
            return None
        from ..forms.case_dialog import CaseDialog  # needs Pillow and exifread

        if not isinstance(plot_id, int) or isinstance(plot_id, bool):
            selected = self.dock.selected_plot_ids()
            if not selected:
                show_error(self.iface, Exception(tr("Select a plot in the case panel first.")))
                return None
            plot_id = selected[0]
        if self.case_dialog is not None:
            self.case_dialog.close()
            self.case_dialog.deleteLater()
        self.case_dialog = CaseDialog(self.store, plot_id, _user_name(), self.iface.mainWindow())
        self.case_dialog.changed.connect(self._case_changed)
        self.case_dialog.show()
        return self.case_dialog

    def print_documents(self):
        """Print reports or a dossier for the selected (or shown) plots, in the background."""
        if not self.ready_for("documents"):
            return None
        from .printing import PrintTask  # needs reportlab and Pillow

        dialog = PrintDialog(
            self.dock.selected_plot_ids(),
            self.dock.shown_plot_ids(),
            settings.LAST_PRINT_FOLDER.get() or str(self.store.path.parent / "documents"),
            self.iface.mainWindow(),
        )
        try:
            if not dialog.exec():
                return None
            folder = dialog.folder.filePath()
            task = PrintTask(
                self.store.location,
                dialog.plot_ids(),
                dialog.kind.currentText(),
                folder,
                settings.UNIT_NAME.get(),
                settings.REPORT_FONT.get() or None,
                one_volume=dialog.bind_in_one_volume(),
            )
        finally:
            dialog.deleteLater()
        settings.LAST_PRINT_FOLDER.set(folder)
        task.taskCompleted.connect(lambda: self._printed(task))
        task.taskTerminated.connect(lambda: self._printed(task))
        self.print_task = task  # keep it referenced while QGIS runs it
        QgsApplication.taskManager().addTask(task)
        return task

    def _printed(self, task) -> None:
        if task.error is not None:  # FontMissing, UnitMissing: LandCase errors, translated
            show_error(self.iface, task.error, tr("Printing failed"))
        else:
            made = sum(1 for item in task.printed if item.built)
            message = tr("{made} documents made, {kept} already up to date, in {folder}.").format(
                made=made, kept=len(task.printed) - made, folder=task.folder
            )
            skipped = task.printed.skipped_summary()  # plots left out, and why
            show_success(self.iface, f"{message} {skipped}".strip())
        self.print_task = None

    def open_rounds_dialog(self) -> None:
        if not self.ready_for():
            return
        dialog = RoundsDialog(self.store, self.iface.mainWindow())
        dialog.exec()
        dialog.deleteLater()
