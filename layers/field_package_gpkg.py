"""The GeoPackage of a field package, written with GDAL/OGR: the plots (what a verifier
needs to see), the empty tables the verifier fills in (``verification``, ``photo``,
``new_find``, ``find_photo``, as ``cases.field_codes`` names them), the role layers clipped to the
package's area, and ``package_info`` (the package's code, which the merge checks)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

import shapely
from osgeo import ogr, osr
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeatureRequest,
    QgsProject,
    QgsRectangle,
)
from qgis.PyQt.QtCore import QVariant

from ..cases import field_codes as fc
from ..cases.errors import N_, LandCaseError

CLIP_MARGIN_M = 200.0  # role layers are kept this far around the plots: the site's context

_OGR_TYPES = {
    "text": ogr.OFTString,
    "date": ogr.OFTDate,
    "datetime": ogr.OFTDateTime,
    "real": ogr.OFTReal,
    "integer": ogr.OFTInteger64,
}


class PackageWriteError(LandCaseError):
    template = N_("The field package could not be written to {path}: {reason}")


def _check(result, path: Path, what: str):
    if result is None or (isinstance(result, int) and result != 0):
        raise PackageWriteError(path=str(path), reason=what)
    return result


def create(path: Path) -> ogr.DataSource:
    driver = ogr.GetDriverByName("GPKG")
    source = driver.CreateDataSource(str(path))
    return _check(source, path, "GDAL cannot create the GeoPackage")


def _layer(source, path: Path, name: str, srid: int | None, kind) -> ogr.Layer:
    reference = None
    if srid is not None:
        reference = osr.SpatialReference()
        reference.ImportFromEPSG(srid)
    layer = source.CreateLayer(name, reference, kind, ["FID=fid", "GEOMETRY_NAME=geom"])
    return _check(layer, path, f"GDAL cannot create the table {name}")


def _add_fields(layer: ogr.Layer, fields: Sequence[tuple[str, str]]) -> None:
    for name, kind in fields:
        definition = ogr.FieldDefn(name, _OGR_TYPES[kind])
        if name == "uuid":
            definition.SetNullable(False)
        layer.CreateField(definition)


def write_info(source, path: Path, values: dict) -> None:
    layer = _layer(source, path, fc.INFO_TABLE, None, ogr.wkbNone)
    _add_fields(layer, (("key", "text"), ("value", "text")))
    for key, value in values.items():
        feature = ogr.Feature(layer.GetLayerDefn())
        feature.SetField("key", key)
        feature.SetField("value", "" if value is None else str(value))
        layer.CreateFeature(feature)


def write_plots(source, path: Path, srid: int, plots: Iterable) -> None:
    """The plots (``cases.field_cases.DuePlot``) with the fields of ``PLOT_FIELDS``."""
    layer = _layer(source, path, fc.PLOTS_TABLE, srid, ogr.wkbMultiPolygon)
    _add_fields(layer, fc.PLOT_FIELDS)
    for plot in plots:
        feature = ogr.Feature(layer.GetLayerDefn())
        for name, _kind in fc.PLOT_FIELDS:
            value = plot.values.get(name)
            if value is not None:
                feature.SetField(name, value)
        multi = (
            shapely.MultiPolygon([plot.geometry])
            if plot.geometry.geom_type == "Polygon"
            else plot.geometry
        )
        feature.SetGeometry(ogr.CreateGeometryFromWkb(shapely.to_wkb(multi)))
        layer.CreateFeature(feature)


def write_empty_tables(source, path: Path, srid: int) -> None:
    """The tables the verifier fills in: verification and photo (no geometry; a photo's
    position is in its EXIF), the points of new finds and their photos."""
    _add_fields(
        _layer(source, path, fc.VERIFICATION_TABLE, None, ogr.wkbNone), fc.VERIFICATION_FIELDS
    )
    _add_fields(_layer(source, path, fc.PHOTO_TABLE, None, ogr.wkbNone), fc.PHOTO_FIELDS)
    _add_fields(_layer(source, path, fc.NEW_FIND_TABLE, srid, ogr.wkbPoint), fc.NEW_FIND_FIELDS)
    _add_fields(_layer(source, path, fc.FIND_PHOTO_TABLE, None, ogr.wkbNone), fc.FIND_PHOTO_FIELDS)


def package_area(geometries: Sequence[shapely.Geometry]) -> shapely.Geometry:
    """The plots and ``CLIP_MARGIN_M`` around them: what the role layers are clipped to."""
    return shapely.union_all([g.buffer(CLIP_MARGIN_M) for g in geometries])


def _ogr_kind(variant_type) -> str:
    if variant_type in (QVariant.Int, QVariant.LongLong, QVariant.UInt, QVariant.ULongLong):
        return "integer"
    if variant_type == QVariant.Double:
        return "real"
    return "text"


def write_role(source, path: Path, srid: int, name: str, layer, area: shapely.Geometry) -> int:
    """The features of the QGIS layer ``layer`` inside ``area`` (in the database's CRS),
    clipped to it, as table ``name``; returns how many were written."""
    target = QgsCoordinateReferenceSystem(f"EPSG:{srid}")
    box = QgsRectangle(*area.bounds)
    request = QgsFeatureRequest().setFilterRect(box)
    request.setDestinationCrs(target, QgsProject.instance().transformContext())
    fields = [(f.name(), _ogr_kind(f.type())) for f in layer.fields()]
    fields = [(n, k) for n, k in fields if n.lower() not in ("fid", "geom")]
    out = _layer(source, path, name, srid, ogr.wkbMultiPolygon)
    _add_fields(out, fields)
    shapely.prepare(area)
    written = 0
    for feature in layer.getFeatures(request):
        geometry = feature.geometry()
        if geometry is None or geometry.isEmpty():
            continue
        shape = shapely.from_wkb(bytes(geometry.asWkb()))
        if not area.intersects(shape):
            continue
        clipped = shapely.intersection(shape.buffer(0) if not shape.is_valid else shape, area)
        polygons = [
            g for g in shapely.get_parts(clipped) if g.geom_type == "Polygon" and g.area > 0
        ]
        if not polygons:
            continue
        row = ogr.Feature(out.GetLayerDefn())
        for field_name, kind in fields:
            value = feature[field_name]
            if value is None or (hasattr(value, "isNull") and value.isNull()):
                continue
            row.SetField(field_name, value if kind != "text" else str(value))
        row.SetGeometry(ogr.CreateGeometryFromWkb(shapely.to_wkb(shapely.MultiPolygon(polygons))))
        out.CreateFeature(row)
        written += 1
    return written
