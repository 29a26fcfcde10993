"""The plugin's database session: creating, opening and closing the case database, the
acting user, keeping the layers, panels and plot areas in step with the open store, and
the records verification. ``LandCasePlugin`` inherits ``SessionMixin``; see ``main.py``.
"""

from __future__ import annotations

import getpass
import logging
import sqlite3
from functools import partial
from pathlib import Path

from qgis.core import (
    QgsProject,
)
from qgis.PyQt.QtWidgets import QFileDialog

from ..cases import CaseDatabaseError, CaseStore
from ..cases.audit_chain import verify_audit_trail
from ..cases.errors import N_
from ..cases.verification_findings import verify as verify_records
from ..forms.findings_dialog import FindingsDialog
from ..forms.messages import show_error, show_success
from ..forms.new_database_dialog import DATABASE_FILTER, NewDatabaseDialog
from ..layers.crs_choice import choose_srid
from ..layers.plot_layer import (
    LayerLoadError,
    add_case_layers,
    case_layers,
    refresh,
    remove_case_layers,
)
from ..toolbelt import settings
from ..toolbelt.i18n import tr
from ..toolbelt.qgis_compat import use_transaction_groups
from .dependencies import lacking_for

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
LOG = logging.getLogger("landcase")


def _user_name() -> str:
    """The login name, prefilled as verifier or decider (the user can change it)."""
    try:
        return getpass.getuser()
    except Exception:  # no login name in some service environments
        return ""


class SessionMixin:
    """The open case database of a ``LandCasePlugin`` and what follows it."""

    # -- case databases ---------------------------------------------------------------

    def new_database(self) -> None:
        canvas = self.iface.mapCanvas()
        choice = choose_srid(
            canvas.extent(), canvas.mapSettings().destinationCrs(), N_("the map's extent")
        )
        dialog = NewDatabaseDialog(
            choice.srid,
            settings.LAST_FOLDER.get(),
            self.iface.mainWindow(),
            reason=choice.text(tr),
        )
        if not dialog.exec():
            return
        try:
            store = CaseStore.create(dialog.path(), dialog.srid(), overwrite=dialog.overwrite)
        except CaseDatabaseError as error:
            show_error(self.iface, error)
            return
        store.close()
        self.open_database(dialog.path())

    def open_database_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self.iface.mainWindow(),
            tr("Open case database"),
            settings.LAST_FOLDER.get(),
            DATABASE_FILTER + ";;" + tr("All files (*)"),
        )
        if path:
            self.open_database(path)

    def open_server_database(self) -> None:
        from ..forms.server_database_dialog import ServerDatabaseDialog

        dialog = ServerDatabaseDialog(settings.LAST_DATABASE.get(), self.iface.mainWindow())
        if dialog.exec():
            self.open_database(dialog.target())

    def open_database(self, path: str) -> CaseStore | None:
        """Open ``path``, show its plots on the map and in the case panel.

        A file that cannot be opened leaves the current database open and says why.
        """
        try:
            store = CaseStore.open(path)
        except (CaseDatabaseError, sqlite3.Error, OSError) as error:
            LOG.warning("cannot open %s: %s", path, error)
            show_error(self.iface, error, tr("Cannot open the case database"))
            return None
        self.close_database()
        project = QgsProject.instance()
        was_empty = not project.mapLayers()
        if store.is_postgres:  # QGIS edits a server's layers in one transaction per group
            use_transaction_groups(project)
        try:
            layer = add_case_layers(project, store)
            self._open_patrol_layers(project, store)
            photo_layer = None
            if not lacking_for("photos", self.missing):
                from ..layers.photo_layer import add_photo_layer

                photo_layer = add_photo_layer(project, store)
        except LayerLoadError as error:
            store.close()
            show_error(self.iface, error, tr("Cannot open the case database"))
            return None
        self.store, self.plot_layer, self.photo_layer = store, layer, photo_layer
        # A user may remove the layers from the project: then there is nothing to refresh.
        layer.willBeDeleted.connect(self._plot_layer_removed)
        if photo_layer is not None:
            photo_layer.willBeDeleted.connect(self._photo_layer_removed)
        layer.selectionChanged.connect(self.show_plot_overlay)
        for editable in case_layers(project, store.location):
            # when editing starts (in a transaction group QGIS writes at each edit) and
            # before each commit
            editable.beforeEditingStarted.connect(self._claim_actor)
            editable.beforeCommitChanges.connect(partial(self._claim_before_commit, editable))
        layer.afterCommitChanges.connect(self._refresh_plot_areas)
        self._report_missing_roles(store)
        self.dock.set_store(store, layer)
        self.dock.show()
        if self.statistics_dock is not None:
            self.statistics_dock.set_store(store)
        if self.accountability_dock is not None:
            self.accountability_dock.set_store(store)
        if was_empty:
            # QGIS sets up a new project from its first layers (CRS, zoom to all) on a later
            # turn of the event loop; do it now, or it undoes a zoom made in between.
            self.iface.layerTreeCanvasBridge().setCanvasLayers()
            self.iface.mapCanvas().setExtent(layer.extent())
            self.iface.mapCanvas().refresh()
        self.update_actions()
        settings.LAST_DATABASE.set(store.location)
        settings.LAST_FOLDER.set(str(store.path.parent))
        show_success(
            self.iface,
            tr("Opened {path}: {count} plots.").format(
                path=store.shown(), count=store.plot_count()
            ),
        )
        return store

    def ready_for(self, feature: str | None = None) -> bool:
        """Whether an action that works on the open database (and needs ``feature``'s
        packages) can run; says why not. Its action is disabled then (``update_actions``),
        but a panel, a banner or a test may still call it."""
        if self.store is None:
            show_error(self.iface, Exception(tr("Open or create a case database first.")))
            return False
        lacking = lacking_for(feature, self.missing)
        if lacking:
            show_error(
                self.iface,
                Exception(
                    tr("Needs the Python package {packages}, which QGIS's Python lacks.").format(
                        packages=", ".join(str(item) for item in lacking)
                    )
                ),
            )
            return False
        return True

    def verify_audit_trail(self, show_dialog: bool = True):
        """The whole records verification (``cases/verification_findings.py``, the same as
        landcase:verifyrecords, with what the store found when it opened the file):
        a success message, or the findings in a dialog. Returns the findings."""
        if not self.ready_for():
            return None
        findings = verify_records(self.store)
        if not findings:
            checked = verify_audit_trail(self.store).checked
            show_success(
                self.iface,
                tr(
                    "The records are as LandCase left them: {count} audit rows checked, "
                    "every locked round matches its seal."
                ).format(count=checked),
            )
            return findings
        show_error(
            self.iface,
            Exception(
                tr("{count} findings: {first}").format(
                    count=len(findings), first="; ".join(f.message(tr) for f in findings[:5])
                )
            ),
            tr("Audit trail"),
        )
        if show_dialog:
            dialog = FindingsDialog(findings, self.iface.mainWindow())
            dialog.exec()
            dialog.deleteLater()
        return findings

    def _case_changed(self) -> None:
        """After an edit, an import or new calendar days: the map, the panel, the figures."""
        self._refresh_layers()
        self.dock.reload()
        if self.statistics_dock is not None:
            self.statistics_dock.invalidate()
        if self.accountability_dock is not None:
            self.accountability_dock.invalidate()

    def _claim_before_commit(self, layer, *_args) -> None:
        # In a transaction group QGIS holds the write lock since the first edit (and the
        # triggers have already run): claiming now would only wait for the lock.
        if layer.dataProvider() is not None and layer.dataProvider().transaction() is None:
            self._claim_actor()

    def _claim_actor(self, *_args) -> None:
        """Before QGIS writes edits made in its own editor on the case layers: the audit
        triggers are to record this user rather than the last one to write the file (best
        effort: SQLite has no per-connection user the triggers could read)."""
        if self.store is None:
            return
        try:
            self.store.claim_actor()
        except (CaseDatabaseError, sqlite3.Error) as error:  # the edit itself still goes on
            LOG.warning("cannot record the acting user before the edit: %s", error)

    def _refresh_plot_areas(self) -> None:
        """A geometry edited in QGIS cleared its plot's stored areas (a trigger): compute them."""
        if self.store is None:
            return
        try:
            self.store.refresh_plot_areas()
        except (CaseDatabaseError, sqlite3.Error) as error:  # computed again at the next open
            LOG.warning("cannot compute the areas of edited plots: %s", error)

    def _plot_layer_removed(self) -> None:
        self.plot_layer = None

    def _photo_layer_removed(self) -> None:
        self.photo_layer = None

    def _refresh_layers(self) -> None:
        if self.plot_layer is not None:
            refresh(self.plot_layer)
        if self.photo_layer is not None:
            from ..layers.photo_layer import refresh as refresh_photos

            refresh_photos(self.photo_layer)
        self._refresh_patrol_layers()

    def close_database(self) -> None:
        if (
            self.new_plot_tool is not None
            and self.iface.mapCanvas().mapTool() is self.new_plot_tool
        ):
            self.iface.mapCanvas().unsetMapTool(self.new_plot_tool)
        if self.store is None:
            return
        path = self.store.location
        self._clear_highlights()
        self._drop_role_layers()
        if self.case_dialog is not None:
            self.case_dialog.close()
            self.case_dialog.deleteLater()
            self.case_dialog = None
        if not lacking_for("photos", self.missing):
            from ..layers.photo_layer import remove_photo_layer

            remove_photo_layer(QgsProject.instance(), path)
        self.photo_layer = None
        self._close_patrol_layers(QgsProject.instance(), path)
        self.store.close()
        self.store = None
        self.update_actions()
        if self.dock is not None:
            self.dock.set_store(None, None)
        if self.statistics_dock is not None:
            self.statistics_dock.set_store(None)
        if self.accountability_dock is not None:
            self.accountability_dock.set_store(None)
        self.plot_layer = None
        remove_case_layers(QgsProject.instance(), path)
