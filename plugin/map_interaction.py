"""The plugin on the map: drawing a patrol find with the new-plot tool, and the desk
comparison (the selected plot's overlay highlighted, the bulk overlay task).
``LandCasePlugin`` inherits ``MapMixin``; see ``main.py``.
"""

from __future__ import annotations

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
from qgis.PyQt.QtCore import QDate
from qgis.PyQt.QtGui import QColor

from ..cases import CaseDatabaseError, NewPlot, plot_areas
from ..cases.overlay_roles import highlight_colour
from ..forms.breakdown_view import panel_html
from ..forms.messages import show_error, show_success
from ..forms.plot_form import PlotForm
from ..forms.roles_dialog import RolesDialog
from ..layers.admin_lookup import admin_names
from ..layers.role_layers import OverlayTask, RoleLayerError, RoleLayers, restore_roles
from ..toolbelt.i18n import tr
from ..toolbelt.qgis_compat import POLYGON_GEOMETRY
from .session import LOG


class MapMixin:
    """Patrol finds drawn on the map and the desk comparison of a ``LandCasePlugin``."""

    # -- patrol finds -----------------------------------------------------------------

    def start_new_plot(self) -> None:
        if not self.ready_for():
            self.new_plot_action.setChecked(False)
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
            float(
                plot_areas.compute([shapely.from_wkb(bytes(geometry.asWkb()))], self.store.srid)[1][
                    0
                ]
            ),
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
        if not self.ready_for():
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
        canvas = self.iface.mapCanvas()
        target = canvas.mapSettings().destinationCrs()
        source = QgsCoordinateReferenceSystem(f"EPSG:{self.store.srid}")
        transform = QgsCoordinateTransform(source, target, QgsProject.instance())
        for role, code, piece in pieces:
            colour = highlight_colour(role, code)
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
        if not self.ready_for():
            return None
        task = OverlayTask(self.store.location, self.dock.shown_plot_ids())
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
