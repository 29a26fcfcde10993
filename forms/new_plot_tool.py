"""Map tool "New plot": click the vertices of a polygon (snapping as the project sets it),
right-click or Enter to finish, Backspace to take the last vertex back, Esc to cancel."""

from __future__ import annotations

from qgis.core import QgsGeometry, QgsPointLocator, QgsPointXY
from qgis.gui import QgsMapTool, QgsRubberBand, QgsSnapIndicator
from qgis.PyQt.QtCore import Qt, pyqtSignal
from qgis.PyQt.QtGui import QColor

from ..toolbelt.qgis_compat import POLYGON_GEOMETRY


class NewPlotTool(QgsMapTool):
    # The polygon in the canvas's CRS; the caller transforms it into the database's.
    polygon_finished = pyqtSignal(QgsGeometry)

    def __init__(self, canvas):
        super().__init__(canvas)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.points: list[QgsPointXY] = []
        self.band = QgsRubberBand(canvas, POLYGON_GEOMETRY)
        self.band.setColor(QColor(230, 126, 34, 90))
        self.band.setStrokeColor(QColor(192, 57, 43))
        self.band.setWidth(2)
        self.snap_indicator = QgsSnapIndicator(canvas)

    def _snapped(self, event) -> QgsPointXY:
        match = self.canvas().snappingUtils().snapToMap(event.pos())
        self.snap_indicator.setMatch(match)
        return QgsPointXY(match.point()) if match.isValid() else self.toMapCoordinates(event.pos())

    def _draw(self, floating: QgsPointXY | None = None) -> None:
        points = self.points + ([floating] if floating is not None else [])
        self.band.setToGeometry(
            QgsGeometry.fromPolygonXY([points])
            if len(points) > 2
            else QgsGeometry.fromPolylineXY(points),
            None,
        )

    def canvasMoveEvent(self, event):
        point = self._snapped(event)
        if self.points:
            self._draw(point)

    def canvasReleaseEvent(self, event):
        if event.button() == Qt.MouseButton.LeftButton:
            self.points.append(self._snapped(event))
            self._draw()
        elif event.button() == Qt.MouseButton.RightButton:
            self.finish()

    def keyPressEvent(self, event):
        if event.key() == Qt.Key.Key_Escape:
            self.reset()
        elif event.key() in (Qt.Key.Key_Backspace, Qt.Key.Key_Delete) and self.points:
            self.points.pop()
            self._draw()
        elif event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.finish()
        else:
            return
        event.accept()

    def finish(self) -> None:
        if len(self.points) >= 3:
            polygon = QgsGeometry.fromPolygonXY([self.points + [self.points[0]]])
            self.reset()
            self.polygon_finished.emit(polygon)
        else:
            self.reset()

    def reset(self) -> None:
        self.points = []
        self.band.reset(POLYGON_GEOMETRY)
        self.snap_indicator.setMatch(QgsPointLocator.Match())

    def deactivate(self):
        self.reset()
        super().deactivate()

    def clean_up(self) -> None:
        """Remove the rubber band from the canvas before the tool goes away."""
        self.reset()
        self.canvas().scene().removeItem(self.band)
