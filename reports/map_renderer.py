"""Map pictures for the reports, rendered through QGIS: the layers at a plot's extent, the
plot outline on top, a scale bar and a north arrow. The only part of ``reports/`` that
imports QGIS; the PDF builders get the PNG files it writes."""

from __future__ import annotations

import math
from pathlib import Path

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeature,
    QgsFillSymbol,
    QgsGeometry,
    QgsMapRendererCustomPainterJob,
    QgsMapSettings,
    QgsRectangle,
    QgsSingleSymbolRenderer,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QPointF, QRectF, QSize, Qt
from qgis.PyQt.QtGui import QColor, QFont, QImage, QPainter, QPainterPath, QPen, QPolygonF

OUTLINE_COLOUR = "#e6261f"
SIGHTING_COLOUR = "#1f5fd6"  # the photos' positions and directions: blue beside the red plot
ARROW_PX = 60  # the direction arrow's length in pixels (a direction, not a distance)
MAP_SIZE = QSize(1200, 800)  # pixels: 3:2, about 15 cm wide at 200 dpi on the A4 page


def outline_layer(geometry: QgsGeometry, crs: QgsCoordinateReferenceSystem) -> QgsVectorLayer:
    """A memory layer holding the plot, drawn as a red outline without fill."""
    layer = QgsVectorLayer(f"MultiPolygon?crs={crs.authid()}", "plot", "memory")
    feature = QgsFeature()
    feature.setGeometry(geometry)
    layer.dataProvider().addFeatures([feature])
    symbol = QgsFillSymbol.createSimple(
        {"style": "no", "outline_color": OUTLINE_COLOUR, "outline_width": "0.8"}
    )
    layer.setRenderer(QgsSingleSymbolRenderer(symbol))
    return layer


def plot_extent(
    geometry: QgsGeometry, factor: float, minimum_m: float, aspect: float
) -> QgsRectangle:
    """The plot's box grown by ``factor``, at least ``minimum_m`` wide, at ``aspect``."""
    box = geometry.boundingBox()
    centre = box.center()
    width = max(box.width() * factor, box.height() * factor * aspect, minimum_m)
    height = width / aspect
    return QgsRectangle(
        centre.x() - width / 2,
        centre.y() - height / 2,
        centre.x() + width / 2,
        centre.y() + height / 2,
    )


def _nice_length(metres: float) -> float:
    """A round scale-bar length (1, 2 or 5 × 10^n m) not longer than ``metres``."""
    exponent = math.floor(math.log10(metres))
    for step in (5, 2, 1):
        if step * 10**exponent <= metres:
            return step * 10**exponent
    return 10**exponent


def _draw_scale_bar(painter: QPainter, size: QSize, metres_per_pixel: float) -> None:
    length_m = _nice_length(size.width() * 0.25 * metres_per_pixel)
    length_px = length_m / metres_per_pixel
    x, y = 24, size.height() - 28
    painter.setPen(QPen(QColor("black"), 2))
    painter.fillRect(QRectF(x - 6, y - 26, length_px + 60, 40), QColor(255, 255, 255, 200))
    painter.drawLine(QPointF(x, y), QPointF(x + length_px, y))
    for tick in (x, x + length_px / 2, x + length_px):
        painter.drawLine(QPointF(tick, y), QPointF(tick, y - 8))
    label = f"{length_m / 1000:g} km" if length_m >= 1000 else f"{length_m:g} m"
    painter.setFont(QFont("DejaVu Sans", 11))
    painter.drawText(QPointF(x + length_px + 6, y + 2), label)


def _draw_north_arrow(painter: QPainter, size: QSize) -> None:
    cx, top = size.width() - 40, 16
    painter.setPen(QPen(QColor("black"), 1.5))
    painter.fillRect(QRectF(cx - 22, top - 6, 44, 70), QColor(255, 255, 255, 200))
    left = QPolygonF([QPointF(cx, top + 10), QPointF(cx - 12, top + 52), QPointF(cx, top + 42)])
    right = QPolygonF([QPointF(cx, top + 10), QPointF(cx + 12, top + 52), QPointF(cx, top + 42)])
    path = QPainterPath()
    path.addPolygon(left)
    painter.fillPath(path, QColor("black"))
    painter.drawPolygon(right)
    painter.setFont(QFont("DejaVu Sans", 11, QFont.Weight.Bold))
    painter.drawText(QRectF(cx - 10, top - 6, 20, 16), Qt.AlignmentFlag.AlignCenter, "N")


def _draw_sightings(painter: QPainter, settings: QgsMapSettings, sightings) -> None:
    """Each photo as a dot where it was taken with an arrow the way it faced, and its
    number beside the dot (photos taken at one spot share the dot: "1, 2"). The direction
    is from true north and drawn from grid north: in a 3-degree zone the two differ by the
    meridian convergence (at most about 1.2°), which no eye sees here."""
    to_pixel = settings.mapToPixel()
    colour = QColor(SIGHTING_COLOUR)
    spots: dict[tuple[int, int], list[str]] = {}
    for number, x, y, direction in sightings:
        point = to_pixel.transform(x, y)
        centre = QPointF(point.x(), point.y())
        spots.setdefault((round(centre.x()), round(centre.y())), []).append(str(number))
        if direction is None:
            continue
        angle = math.radians(direction)
        tip = QPointF(
            centre.x() + ARROW_PX * math.sin(angle), centre.y() - ARROW_PX * math.cos(angle)
        )
        painter.setPen(QPen(colour, 3))
        painter.drawLine(centre, tip)
        head = QPainterPath()
        head.moveTo(tip)
        for side in (-1, 1):  # the two barbs, 25° off the shaft, 16 px long
            barb = angle + math.pi + side * math.radians(25)
            head.lineTo(QPointF(tip.x() + 16 * math.sin(barb), tip.y() - 16 * math.cos(barb)))
        head.closeSubpath()
        painter.fillPath(head, colour)
    font = QFont("DejaVu Sans")
    font.setPixelSize(20)
    font.setBold(True)
    painter.setFont(font)
    for (x, y), numbers in spots.items():
        painter.setPen(QPen(QColor("white"), 2))
        painter.setBrush(colour)
        painter.drawEllipse(QPointF(x, y), 8, 8)
        label = ", ".join(numbers)
        box = QRectF(x - 14 - 12 * len(label), y + 4, 12 * len(label) + 6, 24)
        painter.fillRect(box, QColor(255, 255, 255, 220))
        painter.setPen(QPen(colour, 1))
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, label)
    painter.setBrush(Qt.BrushStyle.NoBrush)


def render_map(
    layers: list,
    extent: QgsRectangle,
    crs: QgsCoordinateReferenceSystem,
    output: Path,
    size: QSize = MAP_SIZE,
    outline: QgsGeometry | None = None,
    dpi: int = 200,
    sightings=(),
) -> Path:
    """Render ``layers`` (top first) at ``extent`` into a PNG with scale bar and north arrow;
    ``sightings`` are photos drawn on top: (number, x, y, direction or None) in the CRS."""
    drawn = list(layers)
    if outline is not None:
        drawn.insert(0, outline_layer(outline, crs))
    settings = QgsMapSettings()
    settings.setLayers(drawn)
    settings.setDestinationCrs(crs)
    settings.setExtent(extent)
    settings.setOutputSize(size)
    settings.setOutputDpi(dpi)
    settings.setBackgroundColor(QColor("white"))
    image = QImage(size, QImage.Format.Format_ARGB32_Premultiplied)
    image.setDotsPerMeterX(int(dpi / 0.0254))
    image.setDotsPerMeterY(int(dpi / 0.0254))
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    job = QgsMapRendererCustomPainterJob(settings, painter)
    job.renderSynchronously()
    _draw_sightings(painter, settings, sightings)
    visible = settings.visibleExtent()
    _draw_scale_bar(painter, size, visible.width() / size.width())
    _draw_north_arrow(painter, size)
    painter.end()
    output.parent.mkdir(parents=True, exist_ok=True)
    if not image.save(str(output), "PNG"):
        raise OSError(f"cannot write {output}")
    return output
