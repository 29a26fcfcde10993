"""The 前时相 and 后时相 images in the field package: clipped to the plots and 200 m around
them, written into field.gpkg as raster tables within the size budget, shown in the
project; an image that cannot be read is named and left out, the package still made."""

from __future__ import annotations

import numpy as np
import pytest
from field_day import database
from osgeo import gdal, osr
from qgis.core import QgsProject, QgsRasterLayer

from helpers import ORIGIN, square
from landcase.layers.field_package import prepare_package
from landcase.layers.field_package_gpkg import CLIP_MARGIN_M, package_area
from landcase.layers.field_package_imagery import ImageLeftOut, clip_image


def _image(path, epsg: int = 4549) -> str:
    """A 1 m image from 500 m west/south of the first plot to 1,500 m east, 500 m north:
    2,000 × 1,000 pixels, band values rising eastwards (a column's value is x mod 251)."""
    driver = gdal.GetDriverByName("GTiff")
    dataset = driver.Create(str(path), 2000, 1000, 1, gdal.GDT_Byte)
    dataset.SetGeoTransform((ORIGIN[0] - 500.0, 1.0, 0.0, ORIGIN[1] + 500.0, 0.0, -1.0))
    ref = osr.SpatialReference()
    ref.ImportFromEPSG(epsg)
    dataset.SetProjection(ref.ExportToWkt())
    values = np.tile((np.arange(2000) % 251).astype(np.uint8), (1000, 1))
    dataset.GetRasterBand(1).WriteArray(values)
    dataset = None  # noqa: F841
    return str(path)


@pytest.fixture
def store(case_target):
    store = database(case_target)
    yield store
    store.close()


def test_the_images_travel_clipped_with_the_package(store, tmp_path, qgis_app):
    store.set_layer_role("raster_before", _image(tmp_path / "2025.tif"), "gdal", {})
    unreadable = tmp_path / "2026.tif"
    unreadable.write_bytes(b"not an image")
    store.set_layer_role("raster_after", str(unreadable), "gdal", {})
    package = prepare_package(store, tmp_path / "out", assignee="张三")
    # plots from x 0 to 540 m and y 0 to 40 m, with 200 m around: 940 × 440 m at 1 m
    assert [(i.role, i.width, i.height) for i in package.images] == [("raster_before", 940, 440)]
    written = gdal.Open(f"GPKG:{package.folder / 'field.gpkg'}:raster_before")
    assert (written.RasterXSize, written.RasterYSize) == (940, 440)
    x0, pixel, _a, y0, _b, _c = written.GetGeoTransform()
    assert (x0, y0, pixel) == (ORIGIN[0] - CLIP_MARGIN_M, ORIGIN[1] + 40 + CLIP_MARGIN_M, 1.0)
    # the first column lies 300 m east of the image's west edge: value 300 mod 251 = 49
    assert int(written.GetRasterBand(1).ReadAsArray(0, 0, 1, 1)[0, 0]) == 49
    named = [problem.text() for problem in package.role_problems]
    assert any("2026.tif" in text and "left out" in text for text in named)
    project = QgsProject()
    assert project.read(str(package.project_path))
    rasters = [layer for layer in project.mapLayers().values() if isinstance(layer, QgsRasterLayer)]
    assert [(layer.name(), layer.isValid()) for layer in rasters] == [("前时相", True)]


def test_a_large_window_is_resampled_to_the_budget(tmp_path):
    image = _image(tmp_path / "2025.tif")
    area = package_area([square(0), square(5)])  # the first and last plots
    clipped = clip_image(image, tmp_path / "p.gpkg", "raster_before", area, 4549, max_side=470)
    # 940 × 440 m halved to fit 470 pixels on the longer side: 470 × 220 at 2 m
    assert (clipped.width, clipped.height) == (470, 220)
    written = gdal.Open(f"GPKG:{tmp_path / 'p.gpkg'}:raster_before")
    assert written.GetGeoTransform()[1] == pytest.approx(2.0)


def test_an_image_beside_the_plots_is_left_out_in_words(tmp_path):
    far = gdal.Translate(
        str(tmp_path / "far.tif"), _image(tmp_path / "near.tif"),
        options=gdal.TranslateOptions(outputBounds=[0, 1000, 2000, 0]),
    )  # fmt: skip
    far = None  # noqa: F841
    area = package_area([square(0)])
    with pytest.raises(ImageLeftOut, match="does not cover"):
        clip_image(str(tmp_path / "far.tif"), tmp_path / "p.gpkg", "raster_before", area, 4549)
