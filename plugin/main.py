"""The LandCase plugin as QGIS sees it: actions, menu, toolbar, the case panel and the
Processing provider, all created in initGui and all removed again in unload."""

from __future__ import annotations

import getpass
import logging
import sqlite3
from functools import partial
from pathlib import Path

import shapely
from qgis.core import (
    Qgis,
    QgsApplication,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsGeometry,
    QgsProject,
)
from qgis.gui import QgsRubberBand
from qgis.PyQt.QtCore import QDate, Qt
from qgis.PyQt.QtGui import QColor, QIcon
from qgis.PyQt.QtWidgets import QAction, QApplication, QFileDialog, QMenu

from ..cases import CaseDatabaseError, CaseStore, NewPlot, plot_areas
from ..cases.audit_chain import verify_audit_trail
from ..cases.errors import N_
from ..cases.intake import OutsideZone, UnplacedBatch
from ..cases.verification_findings import verify as verify_records
from ..forms.breakdown_view import panel_html
from ..forms.case_dialog import CaseDialog
from ..forms.case_dock import CaseDock
from ..forms.findings_dialog import FindingsDialog
from ..forms.import_dialog import ImportDialog
from ..forms.import_report_dialog import ImportReportDialog, summary_text
from ..forms.messages import show_error, show_success
from ..forms.new_database_dialog import DATABASE_FILTER, NewDatabaseDialog
from ..forms.new_plot_tool import NewPlotTool
from ..forms.plot_form import PlotForm
from ..forms.print_dialog import PrintDialog
from ..forms.roles_dialog import RolesDialog
from ..forms.rounds_dialog import RoundsDialog
from ..forms.settings_page import PAGE_NAME as SETTINGS_PAGE
from ..forms.settings_page import SettingsPageFactory
from ..forms.statistics_dock import StatisticsDock
from ..layers.admin_lookup import admin_names
from ..layers.batch_import import import_layer
from ..layers.crs_choice import choose_srid
from ..layers.photo_layer import add_photo_layer, remove_photo_layer
from ..layers.photo_layer import refresh as refresh_photos
from ..layers.plot_layer import (
    LayerLoadError,
    add_case_layers,
    case_layers,
    refresh,
    remove_case_layers,
)
from ..layers.role_layers import OverlayTask, RoleLayerError, RoleLayers, restore_roles
from ..layers.source_reader import SourceError
from ..reports import FontMissing
from ..toolbelt import settings
from ..toolbelt.i18n import install_translator, remove_translator, tr
from ..toolbelt.log import setup_logger, teardown_logger
from ..toolbelt.qgis_compat import POLYGON_GEOMETRY
from .printing import PrintTask, UnitMissing
from .processing.provider import LandCaseProvider

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
LOG = logging.getLogger("landcase")


def _user_name() -> str:
    """The login name, prefilled as verifier or decider (the user can change it)."""
    try:
        return getpass.getuser()
    except Exception:  # no login name in some service environments
        return ""


class LandCasePlugin:
    def __init__(self, iface):
        self.iface = iface
        self.translator = None
        self.provider: LandCaseProvider | None = None
        self.menu: QMenu | None = None
        self.toolbar = None
        self.dock: CaseDock | None = None
        self.statistics_dock: StatisticsDock | None = None
        self.actions: list[QAction] = []
        self.store: CaseStore | None = None
        self.plot_layer = None
        self.report_dialog = None
        self.case_dialog: CaseDialog | None = None
        self.print_task = None
        self.overlay_task = None
        self.role_layers: RoleLayers | None = None
        self.highlights: list[QgsRubberBand] = []
        self.photo_layer = None
        self.new_plot_tool: NewPlotTool | None = None
        self.settings_factory: SettingsPageFactory | None = None

    # -- QGIS entry points ------------------------------------------------------------

    def initProcessing(self) -> None:  # noqa: N802 (QGIS calls it, also from qgis_process)
        if self.provider is None:
            self.provider = LandCaseProvider()
            QgsApplication.processingRegistry().addProvider(self.provider)

    def initGui(self) -> None:  # noqa: N802 (QGIS API)
        setup_logger()
        self.translator = install_translator()
        self.initProcessing()
        main_window = self.iface.mainWindow()

        self.dock = CaseDock(self.iface, main_window)
        self.iface.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
        # Wide enough for number, batch, township and status; QGIS's saved window state
        # (restored after plugins load) keeps whatever width the user chose.
        main_window.resizeDocks([self.dock], [560], Qt.Orientation.Horizontal)

        self.statistics_dock = StatisticsDock(self.iface, main_window)
        self.iface.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.statistics_dock)
        self.statistics_dock.hide()

        self.menu = QMenu(tr("&LandCase"), main_window)
        self.menu.setObjectName("LandCaseMenu")
        self.toolbar = self.iface.addToolBar(tr("LandCase"))
        self.toolbar.setObjectName("LandCaseToolbar")

        self._add_action("new_database.svg", tr("New case database…"), self.new_database)
        self._add_action("open_database.svg", tr("Open case database…"), self.open_database_dialog)
        self.import_action = self._add_action(
            "import_batch.svg", tr("Import plot batch…"), self.import_batch_dialog
        )
        self.new_plot_action = self._add_action("new_plot.svg", tr("New plot"), self.start_new_plot)
        self.new_plot_action.setCheckable(True)
        self.new_plot_tool = NewPlotTool(self.iface.mapCanvas())
        self.new_plot_tool.setAction(self.new_plot_action)
        self.new_plot_tool.polygon_finished.connect(self.plot_drawn)
        self.case_action = self._add_action("case.svg", tr("Handle case…"), self.open_case_dialog)
        self.print_action = self._add_action(
            "print.svg", tr("Print documents…"), self.print_documents
        )
        self.dock.add_actions([self.print_action])
        self.roles_action = self._menu_action(tr("Layer roles…"), self.open_roles_dialog)
        self.overlay_action = self._menu_action(
            tr("Desk comparison of the plots shown"), self.run_bulk_overlay
        )
        self.rounds_action = self._menu_action(tr("Submission rounds…"), self.open_rounds_dialog)
        self.verify_action = self._menu_action(tr("Verify audit trail"), self.verify_audit_trail)
        self.calendar_action = self._menu_action(
            tr("Official holiday calendar…"), self.open_holiday_calendar
        )
        self.settings_factory = SettingsPageFactory(self.iface)
        self.iface.registerOptionsWidgetFactory(self.settings_factory)
        self.settings_action = self._menu_action(tr("Settings…"), self.open_settings)
        self.dock.add_actions([self.import_action, self.new_plot_action, self.case_action])
        self.dock.plot_activated.connect(self.open_case_dialog)
        self.dock.integrity_banner.verify_requested.connect(self.verify_audit_trail)
        panel = self.dock.toggleViewAction()
        panel.setIcon(QIcon(str(ICONS / "case_panel.svg")))
        panel.setText(tr("Case panel"))
        self.menu.addSeparator()
        self.menu.addAction(panel)
        self.toolbar.addAction(panel)
        statistics = self.statistics_dock.toggleViewAction()
        statistics.setIcon(QIcon(str(ICONS / "statistics.svg")))
        statistics.setText(tr("Statistics"))
        self.menu.addAction(statistics)
        self.toolbar.addAction(statistics)

        menu_bar = main_window.menuBar()
        help_menu = main_window.findChild(QMenu, "mHelpMenu")
        if help_menu is not None:
            menu_bar.insertMenu(help_menu.menuAction(), self.menu)
        else:
            menu_bar.addMenu(self.menu)
        QgsProject.instance().cleared.connect(self.close_database)

    def unload(self) -> None:
        try:
            QgsProject.instance().cleared.disconnect(self.close_database)
        except TypeError:
            pass  # initGui never ran (qgis_process loads only the provider)
        for task in (self.print_task, self.overlay_task):
            if task is not None:
                task.cancel()
        if self.report_dialog is not None:
            self.report_dialog.close()
            self.report_dialog.deleteLater()
            self.report_dialog = None
        self.close_database()
        if self.settings_factory is not None:
            self.iface.unregisterOptionsWidgetFactory(self.settings_factory)
            self.settings_factory.deleteLater()  # (whoever still holds it gets a dead object)
            self.settings_factory = None
        if self.new_plot_tool is not None:
            if self.iface.mapCanvas().mapTool() is self.new_plot_tool:
                self.iface.mapCanvas().unsetMapTool(self.new_plot_tool)
            self.new_plot_tool.clean_up()
            self.new_plot_tool.deleteLater()
            self.new_plot_tool = None
        # Unparent before deleteLater: QGIS may reload the plugin before the event loop
        # gets to delete them, and a second dock must never meet the first one.
        for action in self.actions:
            action.setParent(None)
            action.deleteLater()
        self.actions = []
        if self.menu is not None:
            self.iface.mainWindow().menuBar().removeAction(self.menu.menuAction())
            self.menu.setParent(None)
            self.menu.deleteLater()
            self.menu = None
        if self.toolbar is not None:
            self.iface.mainWindow().removeToolBar(self.toolbar)
            self.toolbar.setParent(None)
            self.toolbar.deleteLater()
            self.toolbar = None
        if self.statistics_dock is not None:
            self.iface.removeDockWidget(self.statistics_dock)
            self.statistics_dock.setParent(None)
            self.statistics_dock.deleteLater()
            self.statistics_dock = None
        if self.dock is not None:
            self.iface.removeDockWidget(self.dock)
            self.dock.setParent(None)
            self.dock.deleteLater()
            self.dock = None
        if self.provider is not None:
            QgsApplication.processingRegistry().removeProvider(self.provider)
            self.provider = None
        remove_translator(self.translator)
        self.translator = None
        teardown_logger()

    def open_holiday_calendar(self) -> None:
        """The Processing dialog that enters a year's holiday arrangement, for the open
        database (the State Council publishes next year's in November or December)."""
        import processing  # QGIS's Processing plugin, loaded by the time a menu is used

        parameters = {"DATABASE": str(self.store.path)} if self.store is not None else {}
        results = processing.execAlgorithmDialog("landcase:holidaycalendar", parameters)
        if results and self.store is not None:
            self._case_changed()  # deadlines may now be computable

    def open_settings(self) -> None:
        """QGIS's Options dialog, at LandCase's page (unit name, report font)."""
        self.iface.showOptionsDialog(self.iface.mainWindow(), currentPage=SETTINGS_PAGE)

    def _add_action(self, icon: str, text: str, slot) -> QAction:
        action = QAction(QIcon(str(ICONS / icon)), text, self.iface.mainWindow())
        action.setObjectName("LandCase" + slot.__name__.title().replace("_", ""))
        action.triggered.connect(slot)
        self.menu.addAction(action)
        self.toolbar.addAction(action)
        self.actions.append(action)
        return action

    def _menu_action(self, text: str, slot) -> QAction:
        """An action in the LandCase menu only (not worth a toolbar button)."""
        action = QAction(text, self.iface.mainWindow())
        action.setObjectName("LandCase" + slot.__name__.title().replace("_", ""))
        action.triggered.connect(slot)
        self.menu.addAction(action)
        self.actions.append(action)
        return action

    # -- case databases ---------------------------------------------------------------

    def new_database(self) -> None:
        canvas = self.iface.mapCanvas()
        choice = choose_srid(
            canvas.extent(), canvas.mapSettings().destinationCrs(), N_("the map's extent")
        )
        dialog = NewDatabaseDialog(
            choice.srid,
            settings.value(settings.LAST_FOLDER, ""),
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
            settings.value(settings.LAST_FOLDER, ""),
            DATABASE_FILTER + ";;" + tr("All files (*)"),
        )
        if path:
            self.open_database(path)

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
        try:
            layer = add_case_layers(project, store)
            photo_layer = add_photo_layer(project, store)
        except LayerLoadError as error:
            store.close()
            show_error(self.iface, error, tr("Cannot open the case database"))
            return None
        self.store, self.plot_layer, self.photo_layer = store, layer, photo_layer
        # A user may remove the layers from the project: then there is nothing to refresh.
        layer.willBeDeleted.connect(self._plot_layer_removed)
        photo_layer.willBeDeleted.connect(self._photo_layer_removed)
        layer.selectionChanged.connect(self.show_plot_overlay)
        for editable in case_layers(project, store.path):
            # when editing starts (in a transaction group QGIS writes at each edit) and
            # before each commit
            editable.beforeEditingStarted.connect(self._claim_actor)
            editable.beforeCommitChanges.connect(partial(self._claim_before_commit, editable))
        layer.afterCommitChanges.connect(self._refresh_plot_areas)
        self._report_missing_roles(store)
        self.dock.set_store(store, layer)
        self.dock.show()
        self.statistics_dock.set_store(store)
        if was_empty:
            # QGIS sets up a new project from its first layers (CRS, zoom to all) on a later
            # turn of the event loop; do it now, or it undoes a zoom made in between.
            self.iface.layerTreeCanvasBridge().setCanvasLayers()
            self.iface.mapCanvas().setExtent(layer.extent())
            self.iface.mapCanvas().refresh()
        settings.set_value(settings.LAST_DATABASE, str(store.path))
        settings.set_value(settings.LAST_FOLDER, str(store.path.parent))
        show_success(
            self.iface,
            tr("Opened {path}: {count} plots.").format(path=store.path, count=store.plot_count()),
        )
        return store

    # -- intake -------------------------------------------------------------------------

    def import_batch_dialog(self) -> None:
        if self.store is None:
            show_error(self.iface, Exception(tr("Open or create a case database first.")))
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
            show_error(self.iface, Exception(error.text(tr)), tr("Import failed"))
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
        self._refresh_layers()
        self.dock.reload()
        self.statistics_dock.invalidate()
        show_success(self.iface, summary_text(report))
        self.report_dialog = ImportReportDialog(report, self.iface.mainWindow())
        self.report_dialog.show()
        return report

    # -- patrol finds -----------------------------------------------------------------

    def start_new_plot(self) -> None:
        if self.store is None:
            self.new_plot_action.setChecked(False)
            show_error(self.iface, Exception(tr("Open or create a case database first.")))
            return
        snapping = QgsProject.instance().snappingConfig()
        if not snapping.enabled():  # patrol plots are drawn against existing boundaries
            snapping.setEnabled(True)
            QgsProject.instance().setSnappingConfig(snapping)
        self.iface.mapCanvas().setMapTool(self.new_plot_tool)

    def plot_drawn(self, polygon: QgsGeometry) -> None:
        """The tool finished a polygon (canvas CRS): ask for the plot's details and save."""
        if self.store is None:
            return
        target = QgsCoordinateReferenceSystem(f"EPSG:{self.store.srid}")
        canvas_crs = self.iface.mapCanvas().mapSettings().destinationCrs()
        geometry = QgsGeometry(polygon)
        if canvas_crs != target:
            geometry.transform(QgsCoordinateTransform(canvas_crs, target, QgsProject.instance()))
        today = QDate.currentDate().toString("yyyy-MM-dd")
        form = PlotForm(
            self.store.next_patrol_number(today),
            float(plot_areas.compute([shapely.from_wkb(bytes(geometry.asWkb()))], self.store.srid)[1][0]),
            admin_names(self.store, geometry),
            self.iface.mainWindow(),
        )
        try:
            if form.exec():
                self.add_patrol_plot(geometry, form.values())
        finally:
            form.deleteLater()

    def add_patrol_plot(self, geometry: QgsGeometry, values: dict) -> int | None:
        """Register a drawn plot (database CRS) with its case, in one transaction."""
        shape = shapely.from_wkb(bytes(geometry.asWkb()))
        try:
            plot_id = self.store.add_plot(NewPlot(geometry=shape, **values))
        except CaseDatabaseError as error:
            show_error(self.iface, error, tr("The plot was not saved"))
            return None
        self._refresh_layers()
        self.dock.reload()
        if self.plot_layer is not None:
            self.plot_layer.selectByIds([plot_id])
        show_success(self.iface, tr("Plot {jcbh} saved.").format(jcbh=values["jcbh"]))
        return plot_id

    # -- case handling ----------------------------------------------------------------

    def open_case_dialog(self, plot_id: int | None = None) -> CaseDialog | None:
        """The case dialog for ``plot_id`` or the plot selected in the case panel."""
        if self.store is None:
            show_error(self.iface, Exception(tr("Open or create a case database first.")))
            return None
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

    def print_documents(self) -> PrintTask | None:
        """Print reports or a dossier for the selected (or shown) plots, in the background."""
        if self.store is None:
            show_error(self.iface, Exception(tr("Open or create a case database first.")))
            return None
        dialog = PrintDialog(
            self.dock.selected_plot_ids(),
            self.dock.shown_plot_ids(),
            settings.value(settings.LAST_PRINT_FOLDER, str(self.store.path.parent / "documents")),
            self.iface.mainWindow(),
        )
        try:
            if not dialog.exec():
                return None
            folder = dialog.folder.filePath()
            task = PrintTask(
                str(self.store.path),
                dialog.plot_ids(),
                dialog.kind.currentText(),
                folder,
                settings.value(settings.UNIT_NAME, ""),
                settings.value(settings.REPORT_FONT, "") or None,
                one_volume=dialog.bind_in_one_volume(),
            )
        finally:
            dialog.deleteLater()
        settings.set_value(settings.LAST_PRINT_FOLDER, folder)
        task.taskCompleted.connect(lambda: self._printed(task))
        task.taskTerminated.connect(lambda: self._printed(task))
        self.print_task = task  # keep it referenced while QGIS runs it
        QgsApplication.taskManager().addTask(task)
        return task

    def _printed(self, task: PrintTask) -> None:
        if task.error is not None:
            error = task.error
            if isinstance(error, FontMissing):
                error = Exception(tr(error.template).format(**error.params))
            elif isinstance(error, UnitMissing):
                error = Exception(tr(error.template))
            show_error(self.iface, error, tr("Printing failed"))
        else:
            made = sum(1 for item in task.printed if item.built)
            message = tr("{made} documents made, {kept} already up to date, in {folder}.").format(
                made=made, kept=len(task.printed) - made, folder=task.folder
            )
            skipped = task.printed.skipped_summary()  # plots left out, and why
            show_success(self.iface, f"{message} {skipped}".strip())
        self.print_task = None

    # -- desk comparison -------------------------------------------------------------

    def _report_missing_roles(self, store) -> None:
        missing = [role for role in restore_roles(store) if role.missing]
        if missing:
            self.iface.messageBar().pushMessage(
                tr("LandCase"),
                tr("Layer roles whose source is missing: {roles}").format(
                    roles="; ".join(f"{role.role} ({role.source})" for role in missing)
                ),
                Qgis.MessageLevel.Warning,
                10,
            )

    def open_roles_dialog(self) -> None:
        if self.store is None:
            show_error(self.iface, Exception(tr("Open or create a case database first.")))
            return
        dialog = RolesDialog(self.store, self.iface.mainWindow())
        if dialog.exec():
            self._drop_role_layers()
        dialog.deleteLater()

    def _drop_role_layers(self) -> None:
        if self.role_layers is not None:
            self.role_layers.close()
            self.role_layers = None

    def _clear_highlights(self) -> None:
        for band in self.highlights:
            self.iface.mapCanvas().scene().removeItem(band)
        self.highlights = []

    def show_plot_overlay(self, *_args) -> None:
        """The desk comparison of the one plot selected, shown at once in the panel, its
        overlapping parts highlighted on the map."""
        self._clear_highlights()
        if self.store is None or self.plot_layer is None:
            return
        selected = self.plot_layer.selectedFeatureIds()
        if len(selected) != 1:
            self.dock.overlay_view.clear()
            return
        plot_id = selected[0]
        geometry = self.store.plot_geometry(plot_id)
        jcbh = next((r.jcbh for r in self.dock.model.rows() if r.plot_id == plot_id), str(plot_id))
        try:
            if self.role_layers is None:
                self.role_layers = RoleLayers(self.store, QgsProject.instance())
            result = self.role_layers.overlay_one(geometry, plot_id)
        except RoleLayerError as error:
            self.dock.overlay_view.setPlainText(error.text(tr))
            return
        except Exception as error:  # a slot must not raise: Qt would end QGIS
            LOG.exception("desk comparison of plot %s failed", plot_id)
            self.dock.overlay_view.setPlainText(str(error))
            return
        breakdown = result.breakdown(plot_id) if result.rows else None
        self.dock.overlay_view.setHtml(panel_html(self.store, plot_id, jcbh, breakdown))
        self._highlight((result.pieces or {}).get(plot_id, []))

    def _highlight(self, pieces) -> None:
        colours = {
            "landuse": None,
            "farmland": "#2e7d32",
            "redline": "#c62828",
            "approval": "#1565c0",
        }
        canvas = self.iface.mapCanvas()
        target = canvas.mapSettings().destinationCrs()
        source = QgsCoordinateReferenceSystem(f"EPSG:{self.store.srid}")
        transform = QgsCoordinateTransform(source, target, QgsProject.instance())
        for role, code, piece in pieces:
            colour = colours.get(role)
            if role == "landuse" and code and code.startswith("01"):
                colour = "#f9a825"  # 耕地
            if colour is None or piece is None or piece.is_empty:
                continue
            geometry = QgsGeometry.fromWkt(piece.wkt)
            geometry.transform(transform)
            band = QgsRubberBand(canvas, POLYGON_GEOMETRY)
            band.setToGeometry(geometry, None)
            band.setColor(QColor(colour))
            band.setFillColor(
                QColor(QColor(colour).red(), QColor(colour).green(), QColor(colour).blue(), 70)
            )
            band.setWidth(2)
            self.highlights.append(band)

    def run_bulk_overlay(self) -> OverlayTask | None:
        """Desk comparison of the plots the panel shows, in the background."""
        if self.store is None:
            show_error(self.iface, Exception(tr("Open or create a case database first.")))
            return None
        task = OverlayTask(str(self.store.path), self.dock.shown_plot_ids())
        task.taskCompleted.connect(lambda: self._overlay_done(task))
        task.taskTerminated.connect(lambda: self._overlay_done(task))
        self.overlay_task = task
        QgsApplication.taskManager().addTask(task)
        return task

    def _overlay_done(self, task) -> None:
        if task.error:
            show_error(self.iface, Exception(task.error), tr("Desk comparison failed"))
        else:
            show_success(
                self.iface,
                tr("Desk comparison stored for {count} plots.").format(count=len(task.plot_ids)),
            )
        self.overlay_task = None
        self.show_plot_overlay()

    def open_rounds_dialog(self) -> None:
        if self.store is None:
            show_error(self.iface, Exception(tr("Open or create a case database first.")))
            return
        dialog = RoundsDialog(self.store, self.iface.mainWindow())
        dialog.exec()
        dialog.deleteLater()

    def verify_audit_trail(self, show_dialog: bool = True):
        """The whole records verification (``cases/verification_findings.py``, the same as
        landcase:verifyrecords, with what the store found when it opened the file):
        a success message, or the findings in a dialog. Returns the findings."""
        if self.store is None:
            show_error(self.iface, Exception(tr("Open or create a case database first.")))
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
        self._refresh_layers()
        self.dock.reload()
        self.statistics_dock.invalidate()

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
            refresh_photos(self.photo_layer)

    def close_database(self) -> None:
        if (
            self.new_plot_tool is not None
            and self.iface.mapCanvas().mapTool() is self.new_plot_tool
        ):
            self.iface.mapCanvas().unsetMapTool(self.new_plot_tool)
        if self.store is None:
            return
        path = self.store.path
        self._clear_highlights()
        self._drop_role_layers()
        if self.case_dialog is not None:
            self.case_dialog.close()
            self.case_dialog.deleteLater()
            self.case_dialog = None
        remove_photo_layer(QgsProject.instance(), path)
        self.photo_layer = None
        self.store.close()
        self.store = None
        if self.dock is not None:
            self.dock.set_store(None, None)
        if self.statistics_dock is not None:
            self.statistics_dock.set_store(None)
        self.plot_layer = None
        remove_case_layers(QgsProject.instance(), path)
