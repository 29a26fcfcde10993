"""Reading an issued batch through QGIS: shapefiles (also zipped), GeoPackages, GeoJSON
or a layer already in the project, with the DBF encoding decided and the geometries
transformed into the case database's CRS. Yields plain rows for ``cases.intake``."""

from __future__ import annotations

import datetime
import zipfile
from dataclasses import dataclass
from pathlib import Path

import shapely
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
from ..cases.encoding import detect_dbf_encoding, normalise
from ..cases.errors import N_
from ..cases.intake import SourceRow


class SourceError(Exception):
    """The source cannot be read; ``reason`` is an N_-marked template."""

    def __init__(self, source: str, reason: str, **params):
        self.source, self.reason, self.params = source, reason, params
        super().__init__(f"{source}: {reason.format(**params)}")

    def text(self, translate=lambda s: s) -> str:
        return translate("{source}: {reason}").format(
            source=self.source, reason=translate(self.reason).format(**self.params)
        )


@dataclass
class OpenedSource:
    layer: QgsVectorLayer
    name: str
    encoding: str | None = None
    encoding_reason: str | None = None


def _zip_member(archive: Path) -> str:
    with zipfile.ZipFile(archive) as handle:
        names = [
            n
            for n in handle.namelist()
            if n.lower().endswith((".shp", ".gpkg", ".geojson", ".json"))
        ]
    if not names:
        raise SourceError(
            str(archive), N_("the zip file holds no shapefile, GeoPackage or GeoJSON")
        )
    return sorted(names, key=lambda n: (not n.lower().endswith(".shp"), n))[0]


def _shapefile_encoding(path: Path, member: str | None) -> tuple[str, str]:
    if member is None:
        guess = detect_dbf_encoding(path.with_suffix(".dbf"))
    else:
        with zipfile.ZipFile(path) as handle:
            stem = member[: -len(".shp")]
            names = {n.lower(): n for n in handle.namelist()}
            dbf = (
                handle.read(names[(stem + ".dbf").lower()])
                if (stem + ".dbf").lower() in names
                else b""
            )
            cpg_name = names.get((stem + ".cpg").lower())
            cpg = handle.read(cpg_name).decode("ascii", "replace") if cpg_name else ""
        guess = detect_dbf_encoding(Path(stem + ".dbf"), dbf_bytes=dbf, cpg=cpg)
    return guess.encoding, guess.reason


def open_source(
    source: str, encoding: str | None = None, layer_name: str | None = None
) -> OpenedSource:
    """Open a file (or zip) as a QGIS layer; ``encoding`` overrides the detection."""
    path = Path(source)
    if not path.exists():
        raise SourceError(source, N_("the file does not exist"))
    member = _zip_member(path) if path.suffix.lower() == ".zip" else None
    uri = f"/vsizip/{path}/{member}" if member else str(path)
    if layer_name:
        uri += f"|layername={layer_name}"
    layer = QgsVectorLayer(uri, path.stem, "ogr")
    if not layer.isValid():
        raise SourceError(source, N_("QGIS cannot read it as a vector layer"))
    chosen, reason = None, None
    if (member or path.name).lower().endswith(".shp"):
        if encoding:
            chosen, reason = normalise(encoding), "user"
        else:
            chosen, reason = _shapefile_encoding(path, member)
        layer.setProviderEncoding(chosen)
    return OpenedSource(layer, path.name if not member else f"{path.name}/{member}", chosen, reason)


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
    for number, feature in enumerate(layer.getFeatures(), start=1):
        geometry, longitudes = None, None
        if feature.hasGeometry():
            qgs_geometry = feature.geometry()
            longitudes = _longitudes(qgs_geometry, to_degrees)
            try:
                if transform is not None:
                    qgs_geometry.transform(transform)
            except QgsCsException:  # beyond what the target CRS can hold: the zone check says so
                longitudes = longitudes or (float("nan"), float("nan"))
            else:
                if QgsWkbTypes.isCurvedType(qgs_geometry.wkbType()):
                    qgs_geometry = QgsGeometry(qgs_geometry.constGet().segmentize())
                geometry = shapely.from_wkb(bytes(qgs_geometry.asWkb()))
        attributes = {name: _value(feature[name]) for name in names}
        rows.append(SourceRow(number, attributes, geometry, longitudes))
    return names, rows


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
