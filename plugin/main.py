"""The LandCase plugin as QGIS sees it: actions, menu, toolbar, the case panel and the
Processing provider, all created in initGui and all removed again in unload.

What the actions do lives in rooms ``LandCasePlugin`` inherits: the database session
(``session.SessionMixin``), work on cases: import, case dialog, printing, rounds
(``case_work.CaseWorkMixin``), the map: patrol finds, desk comparison
(``map_interaction.MapMixin``), patrol zones and point clues (``patrol_map.PatrolMapMixin``)."""

from __future__ import annotations

from qgis.core import (
    Qgis,
    QgsApplication,
    QgsProject,
)
from qgis.gui import QgsRubberBand
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QIcon
from qgis.PyQt.QtWidgets import QAction, QMenu

from ..cases import CaseStore
from ..forms.case_dock import CaseDock
from ..forms.new_plot_tool import NewPlotTool
from ..toolbelt.i18n import install_translator, remove_translator, tr
from ..toolbelt.log import setup_logger, teardown_logger
from .case_work import (  # noqa: F401 (re-exported: callers import them from here)
    CaseWorkMixin,
)
from .dependencies import Missing, features_message, lacking_for
from .map_interaction import (  # noqa: F401 (re-exported: callers import them from here)
    MapMixin,
)
from .patrol_map import PatrolMapMixin
from .processing.provider import LandCaseProvider
from .session import (  # noqa: F401 (re-exported: callers import them from here)
    ICONS,
    LOG,
    SessionMixin,
    _user_name,
)


class LandCasePlugin(SessionMixin, CaseWorkMixin, MapMixin, PatrolMapMixin):
    def __init__(self, iface, missing: list[Missing] | None = None):
        self.iface = iface
        self.missing = list(missing or [])  # packages some features need (dependencies.py)
        # action -> (needs an open database, the feature whose packages it needs)
        self.action_needs: dict[QAction, tuple[bool, str | None]] = {}
        self.translator = None
        self.provider: LandCaseProvider | None = None
        self.menu: QMenu | None = None
        self.toolbar = None
        self.dock: CaseDock | None = None
        self.statistics_dock = None  # a StatisticsDock unless pandas or openpyxl is missing
        self.accountability_dock = None  # likewise
        self.actions: list[QAction] = []
        self.store: CaseStore | None = None
        self.plot_layer = None
        self.report_dialog = None
        self.case_dialog = None
        self.print_task = None
        self.overlay_task = None
        self.role_layers = None
        self.highlights: list[QgsRubberBand] = []
        self.photo_layer = None
        self.new_plot_tool: NewPlotTool | None = None
        self.settings_factory = None

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

        if not lacking_for("statistics", self.missing):
            from ..forms.statistics_dock import StatisticsDock

            self.statistics_dock = StatisticsDock(self.iface, main_window)
            self.iface.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.statistics_dock)
            self.statistics_dock.hide()
            from ..forms.accountability_dock import AccountabilityDock

            self.accountability_dock = AccountabilityDock(self.iface, main_window)
            self.iface.addDockWidget(
                Qt.DockWidgetArea.RightDockWidgetArea, self.accountability_dock
            )
            self.accountability_dock.hide()

        self.menu = QMenu(tr("&LandCase"), main_window)
        self.menu.setObjectName("LandCaseMenu")
        self.toolbar = self.iface.addToolBar(tr("LandCase"))
        self.toolbar.setObjectName("LandCaseToolbar")

        self._add_action(
            "new_database.svg", tr("New case database…"), self.new_database, database=False
        )
        self._add_action(
            "open_database.svg",
            tr("Open case database…"),
            self.open_database_dialog,
            database=False,
        )
        self._menu_action(
            tr("Open a case database on a server…"), self.open_server_database, database=False
        )
        self.import_action = self._add_action(
            "import_batch.svg", tr("Import plot batch…"), self.import_batch_dialog
        )
        self.new_plot_action = self._add_action("new_plot.svg", tr("New plot"), self.start_new_plot)
        self.new_plot_action.setCheckable(True)
        self.new_plot_tool = NewPlotTool(self.iface.mapCanvas())
        self.new_plot_tool.setAction(self.new_plot_action)
        self.new_plot_tool.polygon_finished.connect(self.plot_drawn)
        # patrols (plugin/patrol_map.py): point clue, clue outline, patrol zone
        self._add_patrol_actions()
        self.case_action = self._add_action(
            "case.svg", tr("Handle case…"), self.open_case_dialog, feature="photos"
        )
        self.print_action = self._add_action(
            "print.svg", tr("Print documents…"), self.print_documents, feature="documents"
        )
        self.dock.add_actions([self.print_action])
        from .field_menu import field_package_actions  # (QField packages out and back)

        self.prepare_field_action, self.merge_field_action = field_package_actions(self)
        self.roles_action = self._menu_action(tr("Layer roles…"), self.open_roles_dialog)
        self.overlay_action = self._menu_action(
            tr("Desk comparison of the plots shown"), self.run_bulk_overlay
        )
        self.rounds_action = self._menu_action(tr("Submission rounds…"), self.open_rounds_dialog)
        self.verify_action = self._menu_action(tr("Verify audit trail"), self.verify_audit_trail)
        self.calendar_action = self._menu_action(
            tr("Official holiday calendar…"), self.open_holiday_calendar, database=False
        )
        if not lacking_for("documents", self.missing):  # the page checks the report font
            from ..forms.settings_page import SettingsPageFactory

            self.settings_factory = SettingsPageFactory(self.iface)
            self.iface.registerOptionsWidgetFactory(self.settings_factory)
        self.settings_action = self._menu_action(
            tr("Settings…"), self.open_settings, database=False, feature="documents"
        )
        self.dock.add_actions([self.import_action, self.new_plot_action, self.case_action])
        self.dock.plot_activated.connect(self.open_case_dialog)
        self.dock.integrity_banner.verify_requested.connect(self.verify_audit_trail)
        panel = self.dock.toggleViewAction()
        panel.setIcon(QIcon(str(ICONS / "case_panel.svg")))
        panel.setText(tr("Case panel"))
        self.menu.addSeparator()
        self.menu.addAction(panel)
        self.toolbar.addAction(panel)
        if self.statistics_dock is not None:
            statistics = self.statistics_dock.toggleViewAction()
        else:  # only to say, greyed out, which package it needs
            statistics = QAction(self.iface.mainWindow())
            self.actions.append(statistics)
        statistics.setObjectName("LandCaseStatistics")
        statistics.setIcon(QIcon(str(ICONS / "statistics.svg")))
        statistics.setText(tr("Statistics"))
        self.action_needs[statistics] = (False, "statistics")
        self.menu.addAction(statistics)
        self.toolbar.addAction(statistics)
        if self.accountability_dock is not None:
            patrols = self.accountability_dock.toggleViewAction()
            patrols.setObjectName("LandCaseAccountability")
            patrols.setText(tr("Patrols and accountability"))
            self.menu.addAction(patrols)

        menu_bar = main_window.menuBar()
        help_menu = main_window.findChild(QMenu, "mHelpMenu")
        if help_menu is not None:
            menu_bar.insertMenu(help_menu.menuAction(), self.menu)
        else:
            menu_bar.addMenu(self.menu)
        QgsProject.instance().cleared.connect(self.close_database)
        self.update_actions()
        if self.missing:
            self.iface.messageBar().pushMessage(
                tr("LandCase"), features_message(self.missing), Qgis.MessageLevel.Warning, 0
            )

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
        self._remove_patrol_tools()
        # Unparent before deleteLater: QGIS may reload the plugin before the event loop
        # gets to delete them, and a second dock must never meet the first one.
        for action in self.actions:
            action.setParent(None)
            action.deleteLater()
        self.actions = []
        self.action_needs = {}
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
        for dock in (self.statistics_dock, self.accountability_dock):
            if dock is not None:
                self.iface.removeDockWidget(dock)
                dock.setParent(None)
                dock.deleteLater()
        self.statistics_dock = self.accountability_dock = None
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

        parameters = {"DATABASE": self.store.location} if self.store is not None else {}
        results = processing.execAlgorithmDialog("landcase:holidaycalendar", parameters)
        if results and self.store is not None:
            self._case_changed()  # deadlines may now be computable

    def open_settings(self) -> None:
        """QGIS's Options dialog, at LandCase's page (unit name, report font)."""
        from ..forms.settings_page import PAGE_NAME

        self.iface.showOptionsDialog(self.iface.mainWindow(), currentPage=PAGE_NAME)

    def update_actions(self) -> None:
        """Each action enabled when what it works on is there: the open case database
        (when it needs one) and the Python packages of its feature; a missing package is
        named in the action's tooltip. Called when the plugin loads and whenever a
        database opens or closes."""
        for action, (needs_database, feature) in self.action_needs.items():
            lacking = lacking_for(feature, self.missing)
            if lacking:
                action.setEnabled(False)
                action.setToolTip(
                    tr("Needs the Python package {packages}, which QGIS's Python lacks.").format(
                        packages=", ".join(str(item) for item in lacking)
                    )
                )
            else:
                action.setEnabled(self.store is not None or not needs_database)

    def _add_action(
        self, icon: str, text: str, slot, database: bool = True, feature: str | None = None
    ) -> QAction:
        """An action in the LandCase menu and toolbar; ``database``: it works on the open
        case database; ``feature``: the packages it needs (dependencies.FEATURES)."""
        action = self._menu_action(text, slot, database, feature)
        action.setIcon(QIcon(str(ICONS / icon)))
        self.toolbar.addAction(action)
        return action

    def _menu_action(
        self, text: str, slot, database: bool = True, feature: str | None = None
    ) -> QAction:
        """An action in the LandCase menu only (not worth a toolbar button)."""
        action = QAction(text, self.iface.mainWindow())
        action.setObjectName("LandCase" + slot.__name__.title().replace("_", ""))
        action.triggered.connect(slot)
        self.menu.addAction(action)
        self.actions.append(action)
        self.action_needs[action] = (database, feature)
        return action
