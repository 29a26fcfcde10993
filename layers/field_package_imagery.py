"""The 前时相 and 后时相 images in a field package: each clipped to the package's area and
written into its GeoPackage as a raster table, within a size budget.

A verifier compares the site with both images offline, so they travel in the package. A
county's image is gigabytes; the package takes only the window around its plots (the same
area the role layers are clipped to), resampled so that its longer side has at most
``MAX_SIDE_PX`` pixels (4,096 px over a 1 km window keeps 0.25 m; a budget of about 50 MB
as JPEG tiles, the station's choice, not a seed's). An image that cannot be read, or does
not reach the area, is named and left out; the package is still written.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path

import shapely
from osgeo import gdal, osr

from ..cases.errors import N_, LandCaseError

IMAGE_ROLES = ("raster_before", "raster_after")
MAX_SIDE_PX = 4096


class ImageLeftOut(LandCaseError):
    template = N_("The image {path} was left out of the package: {reason}")


@dataclass(frozen=True)
class ClippedImage:
    role: str  # the raster table's name in the GeoPackage
    width: int
    height: int


def _window(dataset, area: shapely.Geometry, srid: int) -> tuple[float, float, float, float]:
    """The area's bounds in the image's CRS (xmin, ymin, xmax, ymax)."""
    ours = osr.SpatialReference()
    ours.ImportFromEPSG(srid)
    theirs = osr.SpatialReference(wkt=dataset.GetProjection())
    for ref in (ours, theirs):
        ref.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    xmin, ymin, xmax, ymax = area.bounds
    if theirs.IsSame(ours):
        return xmin, ymin, xmax, ymax
    transform = osr.CoordinateTransformation(ours, theirs)
    return transform.TransformBounds(xmin, ymin, xmax, ymax, 21)


def clip_image(
    source: str, gpkg: Path, table: str, area, srid: int, max_side: int = MAX_SIDE_PX
) -> ClippedImage:
    """Write the part of image ``source`` under ``area`` (in EPSG:``srid``) into ``gpkg`` as
    raster table ``table``; ImageLeftOut naming the file when it cannot."""
    gdal.UseExceptions()
    try:
        dataset = gdal.Open(source)
    except RuntimeError:
        dataset = None
    if dataset is None or not dataset.GetProjection():
        raise ImageLeftOut(path=source, reason=N_("it cannot be read as a georeferenced image"))
    xmin, ymin, xmax, ymax = _window(dataset, area, srid)
    origin_x, pixel_x, _r1, origin_y, _r2, pixel_y = dataset.GetGeoTransform()
    image_xmax = origin_x + pixel_x * dataset.RasterXSize
    image_ymin = origin_y + pixel_y * dataset.RasterYSize
    xmin, xmax = max(xmin, origin_x), min(xmax, image_xmax)
    ymin, ymax = max(ymin, image_ymin), min(ymax, origin_y)
    if xmin >= xmax or ymin >= ymax:
        raise ImageLeftOut(path=source, reason=N_("it does not cover the package's plots"))
    columns = math.ceil((xmax - xmin) / abs(pixel_x))
    rows = math.ceil((ymax - ymin) / abs(pixel_y))
    scale = min(1.0, max_side / max(columns, rows))
    width, height = max(1, round(columns * scale)), max(1, round(rows * scale))
    options = gdal.TranslateOptions(
        format="GPKG",
        projWin=[xmin, ymax, xmax, ymin],
        width=width,
        height=height,
        creationOptions=[f"RASTER_TABLE={table}", "APPEND_SUBDATASET=YES", "TILE_FORMAT=AUTO"],
    )
    try:
        written = gdal.Translate(str(gpkg), dataset, options=options)
    except RuntimeError as error:
        raise ImageLeftOut(path=source, reason=str(error)) from None
    written = None  # noqa: F841 (GDAL closes the file when the last reference goes)
    return ClippedImage(table, width, height)


def clip_images(store, gpkg: Path, area, max_side: int = MAX_SIDE_PX):
    """The station's 前时相 and 后时相 images (layer roles) clipped into ``gpkg``: the ones
    written, and the ones left out with why."""
    written: list[ClippedImage] = []
    left_out: list[ImageLeftOut] = []
    for role in IMAGE_ROLES:
        stored = store.layer_role(role)
        if stored is None:
            continue
        try:
            written.append(clip_image(stored.source, gpkg, role, area, store.srid, max_side))
        except ImageLeftOut as problem:
            left_out.append(problem)
    return written, left_out
