"""Reading an issued batch through QGIS: shapefiles (also zipped), GeoPackages, GeoJSON
or a layer already in the project, with the DBF encoding decided and the geometries
transformed into the case database's CRS. Yields plain rows for ``cases.intake``."""

from __future__ import annotations

import datetime
import json
import math
import zipfile
from dataclasses import dataclass
from pathlib import Path

import shapely
import shapely.errors
from osgeo import ogr
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsCsException,
    QgsGeometry,
    QgsPointXY,
    QgsProject,
    QgsVectorLayer,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QDate, QDateTime

from ..cases.crs import CGCS2000_GEOGRAPHIC
from ..cases.encoding import UndecidableEncoding, detect_dbf_encoding, normalise
from ..cases.errors import N_
from ..cases.intake import SourceRow
from ..cases.record_checks import not_finite
from .source_files import (  # noqa: F401 (SourceError and SeveralLayers re-exported)
    SeveralLayers,
    SourceError,
    check_geojson_text,
    check_regular,
    check_shapefile,
    folder_layer,
    geopackage_layers,
    shapefile_parts,
    zip_member,
)


@dataclass
class OpenedSource:
    layer: QgsVectorLayer
    name: str
    encoding: str | None = None
    encoding_reason: str | None = None


def _shapefile_encoding(source: str, parts: dict) -> tuple[str, str]:
    try:
        guess = detect_dbf_encoding(Path("x.dbf"), dbf_bytes=parts[".dbf"], cpg=_cpg(parts))
    except UndecidableEncoding:
        raise SourceError(
            source,
            N_(
                "the text of its .dbf is in none of the encodings UTF-8, GBK, GB18030 or Big5; "
                "choose the text encoding by hand"
            ),
        ) from None
    return guess.encoding, guess.reason


def _cpg(parts: dict) -> str:
    return parts[".cpg"].decode("ascii", "replace") if parts[".cpg"] else ""


# Custom properties a layer opened here carries to ``read_rows`` and the import report.
SHAPES, RECORDS = "landcase/shapes", "landcase/records"
ENCODING, ENCODING_REASON = "landcase/encoding", "landcase/encoding_reason"
SURFACES = "landcase/surfaces"  # {fid: type} of TINs and other surfaces QGIS reads as polygons
_SURFACE_TYPES = ("TIN", "TRIANGLE", "POLYHEDRALSURFACE")


def _surfaces(uri: str, layer_name: str | None) -> dict[str, str]:
    """The features of an OGR source that are TINs, triangles or polyhedral surfaces:
    QGIS 3.22 reads them as (multi)polygons, but they are no plot's outline."""
    try:
        source = ogr.Open(uri.split("|")[0])
    except RuntimeError:
        return {}
    if source is None:
        return {}
    layer = source.GetLayerByName(layer_name) if layer_name else source.GetLayer(0)
    if layer is None:
        return {}
    found = {}
    for feature in layer:
        geometry = feature.GetGeometryRef()
        if geometry is not None and geometry.GetGeometryName() in _SURFACE_TYPES:
            found[str(feature.GetFID())] = geometry.GetGeometryName()
    return found


def open_source(
    source: str, encoding: str | None = None, layer_name: str | None = None
) -> OpenedSource:
    """Open a file, folder or zip as a QGIS layer; ``encoding`` overrides the detection.
    A folder, zip or GeoPackage with several layers raises ``SeveralLayers`` unless
    ``layer_name`` names one; special files are refused without being opened."""
    path = Path(source)
    check_regular(path)
    if path.is_dir():
        path = folder_layer(path, layer_name)
        layer_name = None
    member = zip_member(path, layer_name) if path.suffix.lower() == ".zip" else None
    name = member or path.name
    shown = path.name if not member else f"{path.name}/{member}"
    lower = name.lower()
    if lower.endswith(".gpkg") and member is None and not layer_name:
        tables = geopackage_layers(path)
        if len(tables) > 1:
            raise SeveralLayers(str(path), tables)
    if lower.endswith((".geojson", ".json")):
        data = _member_bytes(path, member)
        check_geojson_text(shown, data)
    parts = None
    if lower.endswith(".shp"):
        parts = shapefile_parts(path, member)
        shapes, records = check_shapefile(shown, parts)
    uri = f"/vsizip/{path}/{member}" if member else str(path)
    if layer_name and lower.endswith(".gpkg"):
        uri += f"|layername={layer_name}"
    layer = QgsVectorLayer(uri, path.stem, "ogr")
    if not layer.isValid():
        raise SourceError(
            shown,
            N_("QGIS cannot read it as a vector layer; check that the file is complete"),
        )
    if parts is None:
        surfaces = _surfaces(
            uri if not (layer_name and lower.endswith(".gpkg")) else str(path), layer_name
        )
        if surfaces:
            layer.setCustomProperty(SURFACES, json.dumps(surfaces))
    chosen, reason = None, None
    if parts is not None:
        if encoding:
            chosen, reason = normalise(encoding), "user"
        else:
            chosen, reason = _shapefile_encoding(shown, parts)
        layer.setProviderEncoding(chosen)
        layer.setCustomProperty(SHAPES, shapes)
        layer.setCustomProperty(RECORDS, records)
    elif lower.endswith((".geojson", ".json")):
        chosen, reason = "UTF-8", "utf-8 bytes"
    if chosen:
        layer.setCustomProperty(ENCODING, chosen)
        layer.setCustomProperty(ENCODING_REASON, reason)
    return OpenedSource(layer, shown, chosen, reason)


def _member_bytes(path: Path, member: str | None) -> bytes:
    if member is None:
        return path.read_bytes()
    with zipfile.ZipFile(path) as handle:
        return handle.read(member)


def _value(value):
    if value is None or (hasattr(value, "isNull") and value.isNull()):
        return None
    if isinstance(value, QDateTime):
        return value.toPyDateTime().isoformat(sep=" ")
    if isinstance(value, QDate):
        return value.toPyDate().isoformat()
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    return value


def read_rows(
    layer: QgsVectorLayer, target_srid: int, source_crs: QgsCoordinateReferenceSystem | None = None
) -> tuple[list[str], list[SourceRow]]:
    """Field names and rows with geometries in EPSG:``target_srid``, and each row's
    longitudes taken from the source's own CRS (so that a plot far from the database's zone
    is named where it really lies). A layer without a CRS is refused unless the user names
    one (``source_crs``)."""
    crs = source_crs if source_crs is not None and source_crs.isValid() else layer.crs()
    if not crs.isValid():
        raise SourceError(
            layer.name(), N_("the layer has no coordinate reference system; name the one it uses")
        )
    target = QgsCoordinateReferenceSystem(f"EPSG:{target_srid}")
    project = QgsProject.instance()
    transform = None if crs == target else QgsCoordinateTransform(crs, target, project)
    geographic = QgsCoordinateReferenceSystem(f"EPSG:{CGCS2000_GEOGRAPHIC}")
    to_degrees = QgsCoordinateTransform(crs, geographic, project)
    names = layer.fields().names()
    rows = []
    surfaces = json.loads(layer.customProperty(SURFACES) or "{}")
    for number, feature in enumerate(layer.getFeatures(), start=1):
        geometry, longitudes, problem = None, None, None
        if str(feature.id()) in surfaces:
            problem = (N_("not a polygon but a {kind}"), {"kind": surfaces[str(feature.id())]})
        elif feature.hasGeometry():
            geometry, longitudes, problem = _geometry(feature.geometry(), transform, to_degrees)
        attributes = {name: _value(feature[name]) for name in names}
        rows.append(SourceRow(number, attributes, geometry, longitudes, problem))
    rows += _missing_records(layer, len(rows))
    return names, rows


# Geometry types that are surfaces of triangles or unknown: not a plot's polygon.
_NOT_POLYGONS = {
    getattr(QgsWkbTypes, name)
    for name in ("TIN", "Triangle", "PolyhedralSurface", "Unknown", "NoGeometry")
    if hasattr(QgsWkbTypes, name)  # QGIS 3.22 has no TIN type: such a layer reads as Unknown
}


def _geometry(qgs_geometry: QgsGeometry, transform, to_degrees):
    """(shapely geometry in the target CRS, longitudes, problem) of one feature: a geometry
    that cannot be read is the problem of this record only."""
    kind = QgsWkbTypes.flatType(qgs_geometry.wkbType())
    if kind in _NOT_POLYGONS:
        return (
            None,
            None,
            (
                N_("not a polygon but a {kind}"),
                {"kind": QgsWkbTypes.displayString(kind) or "unknown type"},
            ),
        )
    if QgsWkbTypes.hasZ(qgs_geometry.wkbType()):
        # GEOS takes a geometry whose first Z is NaN for a 2D one: look at Z here
        problem = _not_finite(qgs_geometry)
        if problem is not None:
            return None, None, problem
    longitudes = _longitudes(qgs_geometry, to_degrees)
    try:
        if transform is not None:
            qgs_geometry.transform(transform)
    except QgsCsException:  # beyond what the target CRS can hold: the zone check says so
        problem = _not_finite(qgs_geometry)
        return None, longitudes or (float("nan"), float("nan")), problem
    if QgsWkbTypes.isCurvedType(qgs_geometry.wkbType()):
        qgs_geometry = QgsGeometry(qgs_geometry.constGet().segmentize())
    try:
        return shapely.from_wkb(bytes(qgs_geometry.asWkb())), longitudes, None
    except (shapely.errors.GEOSException, ValueError):
        problem = _not_finite(qgs_geometry) or (
            N_(
                "the geometry cannot be read (a ring with fewer than four points, or a type "
                "that is not a polygon); correct it in the source"
            ),
            {},
        )
        return None, longitudes, problem


def _not_finite(geometry: QgsGeometry):
    """The reason for the first vertex with NaN or an infinite value, or None."""
    for vertex in geometry.vertices():
        values = (vertex.x(), vertex.y(), *((vertex.z(),) if vertex.is3D() else ()))
        if not all(math.isfinite(v) for v in values):
            return not_finite(values)
    return None


def _missing_records(layer: QgsVectorLayer, read: int) -> list[SourceRow]:
    """Rows for the shapes of a shapefile that have no record in its .dbf (QGIS drops them)."""
    shapes = layer.customProperty(SHAPES)
    records = layer.customProperty(RECORDS)
    if shapes is None or records is None or int(shapes) <= read:
        return []
    shapes, records = int(shapes), int(records)
    reason = N_(
        "shape {row} of the .shp has no record in the .dbf (the .shp holds {shapes} shapes, the "
        ".dbf {records} records): it has no 监测编号 and was not imported; ask the issuer for "
        "the complete .dbf"
    )
    return [
        SourceRow(row, {}, None, None, (reason, {"row": row, "shapes": shapes, "records": records}))
        for row in range(read + 1, shapes + 1)
    ]


def _longitudes(geometry: QgsGeometry, to_degrees: QgsCoordinateTransform):
    """(west, east) longitude of the corners of the geometry's box; None when unknown."""
    box = geometry.boundingBox()
    if box.isNull():
        return None
    try:
        corners = [
            to_degrees.transform(QgsPointXY(x, y)).x()
            for x in (box.xMinimum(), box.xMaximum())
            for y in (box.yMinimum(), box.yMaximum())
        ]
    except QgsCsException:
        return None
    return min(corners), max(corners)
