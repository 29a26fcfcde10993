"""The submission export of a round (一上 / 二上): the round's plots with their determination
and progress in the national field names (``cases.statistics.SUBMISSION_FIELDS``), written
through QGIS as a GeoPackage (UTF-8) and a shapefile in GBK (with its .cpg), plus the same
table as an Excel workbook.

The table comes from ``cases.statistics.submission_table`` (the round's snapshot of every
case); only the writing is here. Geometries stay in the case database's CRS. Text fields of
the shapefile are as wide as their longest value in GBK bytes (at most 254, the DBF limit):
a longer value, or a character GBK cannot encode, would be damaged in the shapefile, so
``SubmissionExport.warnings`` lists each such value (the GeoPackage and the workbook keep it
whole).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from pathlib import Path

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeature,
    QgsField,
    QgsFields,
    QgsGeometry,
    QgsProject,
    QgsVectorFileWriter,
    QgsVectorLayer,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QVariant

from ..cases import seals
from ..cases import statistics as st
from ..cases.errors import N_, LandCaseError
from ..cases.excel_export import write_submission_workbook
from ..toolbelt.qgis_compat import CREATE_OR_OVERWRITE_FILE, WRITER_NO_ERROR

SHAPEFILE_ENCODING = "GBK"
DBF_TEXT_LIMIT = 254  # bytes
AREA_WIDTH, AREA_PRECISION = 18, 2
STAGE_CODES = {"一上": "1S", "一下": "1X", "二上": "2S"}
LAYER_NAME = "submission"


class ExportError(LandCaseError):
    """The export could not be written; ``reason`` is an N_-marked template."""

    template = "{path}: {reason}"

    def __init__(self, path: str, reason: str, **params):
        self.path, self.reason = path, reason
        super().__init__(**params)

    def filled_params(self, translate) -> dict:
        # ``params`` fill the reason only
        return {"path": self.path, "reason": translate(self.reason).format(**self.params)}


@dataclass(frozen=True)
class ShapefileWarning:
    """A value the GBK shapefile cannot hold whole: ``reason`` is N_-marked."""

    jcbh: str
    field: str
    reason: str


@dataclass
class SubmissionExport:
    round_name: str
    features: int
    geopackage: Path
    shapefile: Path
    workbook: Path
    warnings: list[ShapefileWarning] = field(default_factory=list)


def file_stem(table: st.SubmissionTable) -> str:
    """'submission_2026-03_1S' for 2026-03 一上 (ASCII: some GIS still choke on Chinese
    file names)."""
    submitted = table.round
    return f"{LAYER_NAME}_{submitted.period}_{STAGE_CODES.get(submitted.stage, 'X')}"


def _text_widths(table: st.SubmissionTable) -> tuple[dict[str, int], list[ShapefileWarning]]:
    widths: dict[str, int] = {}
    warnings: list[ShapefileWarning] = []
    jcbhs = table.frame["JCBH"].tolist()
    for spec in st.SUBMISSION_FIELDS:
        if spec.unit != st.TEXT:
            continue
        widest = 1
        for jcbh, value in zip(jcbhs, table.frame[spec.name].tolist()):
            if value is None or (isinstance(value, float) and math.isnan(value)):
                continue
            text = str(value)
            try:
                size = len(text.encode(SHAPEFILE_ENCODING))
            except UnicodeEncodeError:
                warnings.append(
                    ShapefileWarning(jcbh, spec.name, N_("has characters that GBK cannot encode"))
                )
                size = len(text.encode(SHAPEFILE_ENCODING, errors="replace"))
            if size > DBF_TEXT_LIMIT:
                warnings.append(
                    ShapefileWarning(
                        jcbh, spec.name, N_("is longer than the 254 bytes a DBF field holds")
                    )
                )
            widest = max(widest, size)
        widths[spec.name] = min(widest, DBF_TEXT_LIMIT)
    return widths, warnings


def _fields(widths: dict[str, int]) -> QgsFields:
    fields = QgsFields()
    for spec in st.SUBMISSION_FIELDS:
        if spec.unit == st.AREA:
            fields.append(
                QgsField(spec.name, QVariant.Double, "double", AREA_WIDTH, AREA_PRECISION)
            )
        else:
            fields.append(QgsField(spec.name, QVariant.String, "string", widths[spec.name]))
    return fields


def _memory_layer(table: st.SubmissionTable, fields: QgsFields) -> QgsVectorLayer:
    layer = QgsVectorLayer(
        f"MultiPolygon?crs=EPSG:{table.srid}", f"{LAYER_NAME} {table.name}", "memory"
    )
    provider = layer.dataProvider()
    provider.addAttributes(fields.toList())
    layer.updateFields()
    names = [spec.name for spec in st.SUBMISSION_FIELDS]
    features = []
    for values, wkb in zip(table.frame[names].itertuples(index=False, name=None), table.wkb):
        feature = QgsFeature(layer.fields())
        feature.setAttributes([_attribute(value) for value in values])
        if wkb is not None:
            geometry = QgsGeometry()
            geometry.fromWkb(wkb)
            if QgsWkbTypes.isSingleType(geometry.wkbType()):
                geometry.convertToMultiType()
            feature.setGeometry(geometry)
        features.append(feature)
    provider.addFeatures(features)
    return layer


def _attribute(value):
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    if hasattr(value, "item"):  # numpy scalars
        return value.item()
    return value


def _write(layer: QgsVectorLayer, path: Path, driver: str, encoding: str) -> None:
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = driver
    options.fileEncoding = encoding
    options.layerName = LAYER_NAME
    options.actionOnExistingFile = CREATE_OR_OVERWRITE_FILE
    result = QgsVectorFileWriter.writeAsVectorFormatV3(
        layer, str(path), QgsProject.instance().transformContext(), options
    )
    error, message = result[0], result[1]
    if error != WRITER_NO_ERROR:
        raise ExportError(
            str(path), N_("QGIS could not write the file: {message}"), message=message
        )


def _remove_shapefile(path: Path) -> None:
    for suffix in (".shp", ".shx", ".dbf", ".prj", ".cpg", ".qpj", ".qix"):
        candidate = path.with_suffix(suffix)
        if candidate.exists():
            candidate.unlink()


def export_submission(
    store, round_id: int, folder: Path | str, stem: str | None = None
) -> SubmissionExport:
    """Write round ``round_id`` (一上 or 二上) into ``folder`` as ``<stem>.gpkg``,
    ``<stem>.shp`` (GBK, with ``<stem>.cpg``) and ``<stem>.xlsx``; existing files of those
    names are replaced. Raises ``StatisticsError`` for a round that is not a submission."""
    table = st.submission_table(store, round_id)
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    stem = stem or file_stem(table)
    widths, warnings = _text_widths(table)
    layer = _memory_layer(table, _fields(widths))
    if layer.crs() != QgsCoordinateReferenceSystem(f"EPSG:{table.srid}"):
        raise ExportError(str(folder), N_("QGIS does not know EPSG:{srid}"), srid=table.srid)

    geopackage = folder / f"{stem}.gpkg"
    if geopackage.exists():
        geopackage.unlink()
    _write(layer, geopackage, "GPKG", "UTF-8")
    shapefile = folder / f"{stem}.shp"
    _remove_shapefile(shapefile)
    _write(layer, shapefile, "ESRI Shapefile", SHAPEFILE_ENCODING)
    cpg = shapefile.with_suffix(".cpg")
    if not cpg.exists() or cpg.read_text(encoding="ascii", errors="replace").strip() != "GBK":
        cpg.write_text(SHAPEFILE_ENCODING, encoding="ascii")  # GDAL writes it; make sure
    workbook = write_submission_workbook(
        table, folder / f"{stem}.xlsx", seals.lock_lines(store, round_id)
    )
    return SubmissionExport(table.name, len(table.frame), geopackage, shapefile, workbook, warnings)
