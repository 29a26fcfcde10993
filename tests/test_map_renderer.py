"""Map pictures for the reports: the plot outline on top of the role layers, with a scale
bar and a north arrow, rendered through QGIS."""

from __future__ import annotations

from qgis.core import QgsCoordinateReferenceSystem, QgsGeometry, QgsVectorLayer
from qgis.PyQt.QtGui import QColor, QImage

from landcase.reports.map_renderer import plot_extent, render_map


def test_a_plot_map_has_the_outline_on_the_land_use(qgis_app, demo_sample, artifacts, tmp_path):
    landuse = QgsVectorLayer(f"{demo_sample / 'county.gpkg'}|layername=dltb", "dltb", "ogr")
    assert landuse.isValid()
    feature = next(landuse.getFeatures())
    plot = QgsGeometry(feature.geometry())
    extent = plot_extent(plot, factor=3, minimum_m=300, aspect=1.5)
    assert abs(extent.width() / extent.height() - 1.5) < 1e-9 and extent.width() >= 300
    crs = QgsCoordinateReferenceSystem("EPSG:4549")
    path = render_map([landuse], extent, crs, artifacts / "map_location.png", outline=plot)
    image = QImage(str(path))
    assert image.width() == 1200 and image.height() == 800
    red = QColor("#e6261f")
    reds = sum(
        1
        for x in range(0, 1200, 3)
        for y in range(0, 800, 3)
        if abs(QColor(image.pixel(x, y)).red() - red.red()) < 40
        and QColor(image.pixel(x, y)).green() < 90
        and QColor(image.pixel(x, y)).blue() < 90
    )
    assert reds > 50  # the outline is drawn
    centre = QColor(image.pixel(600, 400))
    assert centre != QColor("white") or reds > 50
    # the north arrow (black) in the top-right corner, the scale bar bottom-left
    corner = [
        QColor(image.pixel(x, y)).lightness() for x in range(1140, 1180) for y in range(20, 70)
    ]
    assert min(corner) < 60
    bar = [QColor(image.pixel(x, 800 - 28)).lightness() for x in range(30, 120)]
    assert min(bar) < 60
