"""The plugin's patrol map: the 'Patrols' layers kept in step with the open database, and
three map tools whose writes go through the store's rules — a patrol zone drawn as a
polygon (``patrol_zones.save_zone``), a point clue clicked where it was found
(``clues.record_clue``) and a clue's outline drawn as a plot (``clue_outline.outline_clue``).
``LandCasePlugin`` inherits ``PatrolMapMixin``; see ``main.py``.
"""

from __future__ import annotations

import shapely
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsGeometry,
    QgsPointXY,
    QgsProject,
)
from qgis.PyQt import sip

from ..cases import CaseDatabaseError, clue_outline, clues, patrol_units, patrol_zones
from ..forms.clue_form import ClueForm, OutlineForm
from ..forms.clue_tool import ClueTool
from ..forms.messages import show_error, show_success
from ..forms.new_plot_tool import NewPlotTool
from ..forms.zone_form import ZoneForm
from ..layers.admin_lookup import admin_names
from ..layers.patrol_layers import (
    CLUES,
    add_patrol_layers,
    refresh_patrol_layers,
    remove_patrol_layers,
)
from ..toolbelt.i18n import tr


class PatrolMapMixin:
    """Patrol zones and point clues on the map of a ``LandCasePlugin``."""

    patrol_layers: dict | None = None  # table → layer of the open database
    clue_tool: ClueTool | None = None
    zone_tool: NewPlotTool | None = None
    outline_tool: NewPlotTool | None = None
    outlining_clue: int | None = None  # the clue whose outline is being drawn

    def _add_patrol_actions(self) -> None:
        """The menu entries and tools, after "New plot" (called from ``initGui``)."""
        canvas = self.iface.mapCanvas()
        self.clue_action = self._add_action(
            "clue.svg", tr("Record a point clue"), self.start_clue_tool
        )
        self.clue_tool = ClueTool(canvas)
        self.clue_tool.point_clicked.connect(self.clue_clicked)
        self.outline_action = self._menu_action(
            tr("Outline the clue as a plot…"), self.outline_selected_clue
        )
        self.outline_tool = NewPlotTool(canvas)
        self.outline_tool.polygon_finished.connect(self.outline_drawn)
        self.zone_action = self._menu_action(tr("Draw a patrol zone"), self.start_zone_drawing)
        self.zone_tool = NewPlotTool(canvas)
        self.zone_tool.polygon_finished.connect(self.zone_drawn)
        for action, tool in self._patrol_tools():
            action.setCheckable(True)
            tool.setAction(action)

    def _patrol_tools(self) -> list:
        if self.clue_tool is None:
            return []
        return [
            (self.clue_action, self.clue_tool),
            (self.outline_action, self.outline_tool),
            (self.zone_action, self.zone_tool),
        ]

    def _remove_patrol_tools(self) -> None:
        """Leave the tools (``unload``); their actions go with the plugin's."""
        tools = self._patrol_tools()
        if not tools:  # initGui never ran (qgis_process loads only the provider)
            return
        canvas = self.iface.mapCanvas()
        for _action, tool in tools:
            if canvas.mapTool() is tool:
                canvas.unsetMapTool(tool)
            if isinstance(tool, NewPlotTool):
                tool.clean_up()
            tool.deleteLater()
        self.clue_tool = self.zone_tool = self.outline_tool = None

    # -- the layers ------------------------------------------------------------------

    def _open_patrol_layers(self, project, store) -> None:
        """With the plot layer, when a database opens (``session.open_database``)."""
        self.patrol_layers = add_patrol_layers(project, store)

    def _close_patrol_layers(self, project, database) -> None:
        canvas = self.iface.mapCanvas()
        for _action, tool in self._patrol_tools():
            if canvas.mapTool() is tool:
                canvas.unsetMapTool(tool)
        self.outlining_clue = None
        remove_patrol_layers(project, database)
        self.patrol_layers = None

    def _refresh_patrol_layers(self) -> None:
        if self.patrol_layers:  # but those a user removed from the project
            live = {t: layer for t, layer in self.patrol_layers.items() if not sip.isdeleted(layer)}
            refresh_patrol_layers(live)

    # -- coordinates ------------------------------------------------------------------

    def _to_database(self, geometry: QgsGeometry) -> QgsGeometry:
        """A geometry in the canvas CRS, in the database's."""
        target = QgsCoordinateReferenceSystem(f"EPSG:{self.store.srid}")
        canvas_crs = self.iface.mapCanvas().mapSettings().destinationCrs()
        geometry = QgsGeometry(geometry)
        if canvas_crs != target:
            geometry.transform(QgsCoordinateTransform(canvas_crs, target, QgsProject.instance()))
        return geometry

    def _start_tool(self, action, tool) -> bool:
        if not self.ready_for():
            action.setChecked(False)
            return False
        self.iface.mapCanvas().setMapTool(tool)
        return True

    # -- point clues ------------------------------------------------------------------

    def start_clue_tool(self) -> None:
        self._start_tool(self.clue_action, self.clue_tool)

    def clue_clicked(self, point: QgsPointXY) -> None:
        """The tool's click (canvas CRS): ask for the clue's details and record it."""
        if self.store is None:
            return
        where = self._to_database(QgsGeometry.fromPointXY(point))
        position = where.asPoint()
        units = [(u.id, u.name) for u in patrol_units.list_units(self.store)]
        form = ClueForm(
            f"{position.x():.2f}, {position.y():.2f} (EPSG:{self.store.srid})",
            admin_names(self.store, where),
            units,
            self.iface.mainWindow(),
        )
        try:
            if not form.exec():
                return
            clue_id = self.record_clue_at(position, form.values())
            if clue_id is not None and form.outline_now.isChecked():
                self.start_clue_outline(clue_id)
        finally:
            form.deleteLater()

    def record_clue_at(self, position: QgsPointXY, values: dict) -> int | None:
        """Record a clue at ``position`` (database CRS); says why when it is refused."""
        try:
            clue_id = clues.record_clue(
                self.store, clues.NewClue(x=position.x(), y=position.y(), **values)
            )
        except CaseDatabaseError as error:
            show_error(self.iface, error, tr("The clue was not recorded"))
            return None
        self._refresh_patrol_layers()
        code = clues.get_clue(self.store, clue_id).code
        show_success(self.iface, tr("Clue {code} recorded.").format(code=code))
        return clue_id

    # -- a clue's outline --------------------------------------------------------------

    def selected_clue(self) -> int | None:
        """The id of the one clue selected on the clue layer, else None."""
        layer = (self.patrol_layers or {}).get(CLUES)
        if layer is None or layer.selectedFeatureCount() != 1:
            return None
        return int(layer.selectedFeatures()[0]["id"])

    def outline_selected_clue(self) -> None:
        if not self.ready_for():
            self.outline_action.setChecked(False)
            return
        self.start_clue_outline(self.selected_clue())

    def start_clue_outline(self, clue_id: int | None) -> None:
        """Draw the outline of ``clue_id`` (None: no clue was selected)."""
        if clue_id is None:
            self.outline_action.setChecked(False)
            show_error(
                self.iface,
                Exception(tr("Select one point clue on the map first, then draw its outline.")),
            )
            return
        self.outlining_clue = clue_id
        self.iface.mapCanvas().setMapTool(self.outline_tool)
        self.outline_action.setChecked(True)

    def outline_drawn(self, polygon: QgsGeometry) -> None:
        """The outline (canvas CRS) of the clue being outlined: the plot's number and clue
        source asked, then stored."""
        if self.store is None or self.outlining_clue is None:
            return
        geometry = self._to_database(polygon)
        try:
            clue = clues.get_clue(self.store, self.outlining_clue)
        except CaseDatabaseError as error:
            show_error(self.iface, error, tr("The clue was not outlined"))
            return
        form = OutlineForm(
            clue.code,
            self.store.next_patrol_number(clue.found_at[:10]),
            any(v is not None for v in (clue.patrol_id, clue.unit_id, clue.rebound_of)),
            self.iface.mainWindow(),
        )
        try:
            if form.exec():
                self.outline_clue(clue.id, geometry, form.values())
        finally:
            form.deleteLater()

    def outline_clue(self, clue_id: int, geometry: QgsGeometry, values: dict) -> int | None:
        """Store the plot outlined (database CRS) for the clue, with its case; the clue
        then names it. Says why when it is refused."""
        shape = shapely.from_wkb(bytes(geometry.asWkb()))
        try:
            plot_id = clue_outline.outline_clue(self.store, clue_id, shape, **values)
        except CaseDatabaseError as error:
            show_error(self.iface, error, tr("The clue was not outlined"))
            return None
        self.outlining_clue = None
        self.iface.mapCanvas().unsetMapTool(self.outline_tool)
        self._case_changed()  # the plots, the panel, the figures and the clue layer
        if self.plot_layer is not None:
            self.plot_layer.selectByIds([plot_id])
        jcbh = next((r.jcbh for r in self.store.list_plots() if r.plot_id == plot_id), "")
        show_success(self.iface, tr("Plot {jcbh} outlined for the clue.").format(jcbh=jcbh))
        return plot_id

    # -- patrol zones ------------------------------------------------------------------

    def start_zone_drawing(self) -> None:
        self._start_tool(self.zone_action, self.zone_tool)

    def zone_drawn(self, polygon: QgsGeometry) -> None:
        """The zone's polygon (canvas CRS): its code, name, level and unit asked, then saved."""
        if self.store is None:
            return
        geometry = self._to_database(polygon)
        form = ZoneForm(
            [u.name for u in patrol_units.list_units(self.store)],
            patrol_units.level_days(self.store),
            self.iface.mainWindow(),
        )
        try:
            if form.exec():
                self.save_drawn_zone(geometry, form.values())
        finally:
            form.deleteLater()

    def save_drawn_zone(self, geometry: QgsGeometry, values: dict) -> int | None:
        """Store a zone drawn (database CRS); a code already registered is redrawn."""
        shape = shapely.from_wkb(bytes(geometry.asWkb()))
        try:
            zone_id = patrol_zones.save_zone(
                self.store, patrol_zones.NewZone(geometry=shape, **values)
            )
        except CaseDatabaseError as error:
            show_error(self.iface, error, tr("The patrol zone was not saved"))
            return None
        self._refresh_patrol_layers()
        show_success(self.iface, tr("Patrol zone {code} saved.").format(code=values["code"]))
        return zone_id
