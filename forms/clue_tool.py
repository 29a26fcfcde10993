"""Map tool "Record a point clue": one click (snapping as the project sets it) says where a
find was made; the plugin asks for the clue's details. Esc leaves the tool."""

from __future__ import annotations

from qgis.core import QgsPointLocator, QgsPointXY
from qgis.gui import QgsMapTool, QgsSnapIndicator
from qgis.PyQt.QtCore import Qt, pyqtSignal


class ClueTool(QgsMapTool):
    # The point in the canvas's CRS; the caller transforms it into the database's.
    point_clicked = pyqtSignal(QgsPointXY)

    def __init__(self, canvas):
        super().__init__(canvas)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.snap_indicator = QgsSnapIndicator(canvas)

    def _snapped(self, event) -> QgsPointXY:
        match = self.canvas().snappingUtils().snapToMap(event.pos())
        self.snap_indicator.setMatch(match)
        return QgsPointXY(match.point()) if match.isValid() else self.toMapCoordinates(event.pos())

    def canvasMoveEvent(self, event):
        self._snapped(event)

    def canvasReleaseEvent(self, event):
        if event.button() == Qt.MouseButton.LeftButton:
            point = self._snapped(event)
            self.snap_indicator.setMatch(QgsPointLocator.Match())
            self.point_clicked.emit(point)

    def keyPressEvent(self, event):
        if event.key() == Qt.Key.Key_Escape:
            self.canvas().unsetMapTool(self)
            event.accept()

    def deactivate(self):
        self.snap_indicator.setMatch(QgsPointLocator.Match())
        super().deactivate()
