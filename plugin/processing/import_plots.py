"""landcase:importplots — register an issued batch (shapefile, zip, GeoPackage, GeoJSON or
a project layer) in a case database."""

from __future__ import annotations

import json
import os

from qgis.core import (
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsProcessingParameterVectorLayer,
)

from ...cases.encoding import reason_text
from ...cases.errors import N_
from ...cases.field_mapping import (
    accepted_names_text,
    fields_signature,
    mapping_problems,
    matched_to,
    normalise_mapping,
    suggest_mapping,
)
from ...cases.intake import (
    AREA_MISMATCH,
    DUPLICATE,
    OTHER_ZONE,
    OVERLAP,
    REJECTED,
    REPAIRED,
    SAME_SHAPE,
)
from ...layers.batch_import import import_layer
from ...layers.source_reader import open_source
from ...toolbelt.i18n import tr
from .base import LandCaseAlgorithm, detached_errors


class ImportPlotsAlgorithm(LandCaseAlgorithm):
    DATABASE, INPUT, BATCH, ENCODING, FIELD_MAP, RECEIVED, ALLOW_OTHER_ZONE = (
        "DATABASE",
        "INPUT",
        "BATCH",
        "ENCODING",
        "FIELD_MAP",
        "RECEIVED_DATE",
        "ALLOW_OTHER_ZONE",
    )
    MAX_AREA = "MAX_PLOT_AREA_KM2"

    def name(self) -> str:
        return "importplots"

    def displayName(self) -> str:  # noqa: N802 (Qt API)
        return tr("Import plot batch")

    GROUP_ID = "plots"
    GROUP_NAME = N_("Plots")

    def shortHelpString(self) -> str:  # noqa: N802 (Qt API)
        return (
            tr(
                "Registers an issued batch of plots (shapefile, zipped shapefile, GeoPackage, "
                "GeoJSON or a project layer) in a case database, in one transaction. The DBF "
                "encoding is taken from the .cpg or detected (GBK/GB18030 or UTF-8); national "
                "field names are recognised, FIELD_MAP (JSON, plot field → source field) "
                "overrides them. Invalid geometries are repaired, plots already registered are "
                "skipped, overlaps are flagged. Plots outside the database's Gauss-Krüger zone (its "
                "3° band and 0.5° beyond) are refused, the zone that fits them named, unless "
                "ALLOW_OTHER_ZONE is set. An import report CSV is written beside the database."
            )
            + "\n\n"
            + tr(
                "Each record that cannot be stored is refused with its row and reason, the rest "
                "of the batch goes on: coordinates that are not finite or lie outside the CRS's "
                "area of use, plots larger than MAX_PLOT_AREA_KM2 (empty: the setting, 10 km² by "
                "default), dates (QSX, HSX) that are not dates, text that cannot be decoded. A "
                "folder or zip holding several layers is refused with their names: give "
                "path|layername=NAME."
            )
            + "\n\n"
            + tr(
                "FIELD_MAP keys, case-insensitive (each line: the key, then the other names it "
                "accepts); jcmj_unit is the unit of the issued area (亩 or m²), guessed from the "
                "values when not given. Example:"
            )
            + '\n{"监测编号": "BH", "JCMJ": "MJ", "jcmj_unit": "m²"}\n'
            + accepted_names_text()
        )

    def initAlgorithm(self, config=None):  # noqa: N802 (Qt API)
        self.add_database_parameter()
        self.addParameter(QgsProcessingParameterVectorLayer(self.INPUT, tr("Plot batch")))
        self.addParameter(QgsProcessingParameterString(self.BATCH, tr("Batch name")))
        self.addParameter(
            QgsProcessingParameterString(
                self.RECEIVED, tr("Date the batch was received (YYYY-MM-DD)"), optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterString(self.ENCODING, tr("Text encoding"), optional=True)
        )
        self.addParameter(
            QgsProcessingParameterString(
                self.FIELD_MAP, tr("Field mapping (JSON)"), optional=True, multiLine=True
            )
        )
        self.addParameter(
            QgsProcessingParameterBoolean(
                self.ALLOW_OTHER_ZONE,
                tr("Import plots outside the database's Gauss-Krüger zone"),
                defaultValue=False,
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                self.MAX_AREA,
                tr("Largest plausible plot area (km²; empty: the setting, 10 km² by default)"),
                QgsProcessingParameterNumber.Double,
                optional=True,
                minValue=0.0001,
            )
        )
        for name, label in (
            ("IMPORTED", tr("Plots imported")),
            ("REPAIRED", tr("Geometries repaired")),
            ("REJECTED", tr("Rows rejected")),
            ("DUPLICATES", tr("Duplicates skipped")),
            ("OVERLAPS", tr("Overlaps flagged")),
            ("SAME_SHAPES", tr("Plots with the shape of another")),
            ("AREA_MISMATCHES", tr("Issued areas differing by more than 5 %")),
            ("OTHER_ZONE", tr("Plots imported from another zone")),
        ):
            self.addOutput(QgsProcessingOutputNumber(name, label))
        self.addOutput(QgsProcessingOutputString("REPORT", tr("Import report")))
        self.addOutput(QgsProcessingOutputString("NOTES", tr("Notes on the batch")))
        self.addOutput(QgsProcessingOutputString("JCMJ_UNIT", tr("Unit of the issued areas")))

    def checkParameterValues(self, parameters, context):  # noqa: N802 (Qt API)
        """A file, folder or zip given by path is opened by our reader in processAlgorithm
        (several layers named, special files refused unopened): QGIS's own check would load
        it as a layer first (a FIFO would block it, a zip of two layers fails unexplained)."""
        value = parameters.get(self.INPUT)
        if not (isinstance(value, str) and os.path.exists(value.split("|")[0])):
            return super().checkParameterValues(parameters, context)
        for definition in self.parameterDefinitions():
            name = definition.name()
            if name == self.INPUT:
                continue
            if not definition.checkValueIsAcceptable(parameters.get(name), context):
                return False, tr("Incorrect parameter value for {name}").format(name=name)
        return True, ""

    @detached_errors
    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802 (Qt API)
        batch = self.parameterAsString(parameters, self.BATCH, context).strip()
        encoding = self.parameterAsString(parameters, self.ENCODING, context).strip() or None
        received = self.parameterAsString(parameters, self.RECEIVED, context).strip() or None
        other_zone = self.parameterAsBool(parameters, self.ALLOW_OTHER_ZONE, context)
        if not batch:
            raise QgsProcessingException(tr("Name the batch."))
        max_area = None
        if parameters.get(self.MAX_AREA) not in (None, ""):
            max_area = self.parameterAsDouble(parameters, self.MAX_AREA, context)
        layer, source_name = self._layer(parameters, context, encoding, feedback)
        with self.open_store(parameters, context) as store:
            mapping = self._mapping(parameters, context, layer.fields().names(), store)
            feedback.pushInfo(
                tr("Field mapping: {mapping}").format(
                    mapping=json.dumps(mapping, ensure_ascii=False)
                )
            )
            feedback.setProgress(20)
            report = import_layer(
                store,
                layer,
                source_name,
                batch,
                mapping,
                received_date=received,
                allow_other_zone=other_zone,
                max_area_km2=max_area,
            )
        for note in report.notes:
            feedback.pushWarning(note.text(tr))
        for issue in report.issues:
            feedback.pushInfo(
                tr("Row {row} ({jcbh}): {reason}").format(
                    row=issue.row, jcbh=issue.jcbh or "—", reason=issue.text(tr)
                )
            )
        feedback.pushInfo(
            tr("Imported {count} of {rows} rows; report: {path}").format(
                count=report.imported, rows=report.rows, path=report.report_file
            )
        )
        feedback.setProgress(100)
        return {
            "IMPORTED": report.imported,
            "REPAIRED": report.count(REPAIRED),
            "REJECTED": report.count(REJECTED),
            "DUPLICATES": report.count(DUPLICATE),
            "OVERLAPS": report.count(OVERLAP),
            "SAME_SHAPES": report.count(SAME_SHAPE),
            "AREA_MISMATCHES": report.count(AREA_MISMATCH),
            "OTHER_ZONE": report.count(OTHER_ZONE),
            "JCMJ_UNIT": report.jcmj_unit or "",
            "REPORT": str(report.report_file),
            "NOTES": "\n".join(note.text(tr) for note in report.notes),
        }

    def _layer(self, parameters, context, encoding, feedback):
        """A file path goes through our reader (zip, encoding detection); a project layer
        is read as QGIS has it."""
        value = parameters.get(self.INPUT)
        if isinstance(value, str) and os.path.exists(value.split("|")[0]):
            path, _, options = value.partition("|")
            layer_name = options.partition("layername=")[2].split("|")[0] or None
            try:
                opened = open_source(path, encoding, layer_name=layer_name)
            except ValueError as error:  # (a SourceError is translated by detached_errors)
                raise QgsProcessingException(str(error)) from error
            # The context owns the layer: it must not outlive QGIS in some traceback.
            context.temporaryLayerStore().addMapLayer(opened.layer)
            if opened.encoding:
                feedback.pushInfo(
                    tr("Text encoding: {encoding} ({reason})").format(
                        encoding=opened.encoding, reason=reason_text(opened.encoding_reason)
                    )
                )
            return opened.layer, opened.name
        layer = self.parameterAsVectorLayer(parameters, self.INPUT, context)
        if layer is None:
            raise QgsProcessingException(tr("The plot batch cannot be read."))
        if encoding:
            layer.setProviderEncoding(encoding)
        return layer, layer.name()

    def _mapping(self, parameters, context, names, store):
        text = self.parameterAsString(parameters, self.FIELD_MAP, context).strip()
        mapping = suggest_mapping(names)
        saved = store.saved_field_mapping(fields_signature(names))
        if saved:
            mapping.update(matched_to(saved, names))
        problems = []
        if text:
            try:
                given = json.loads(text)
            except json.JSONDecodeError as error:
                raise QgsProcessingException(
                    tr("FIELD_MAP is not valid JSON: {error}").format(error=error)
                ) from error
            if not isinstance(given, dict):
                raise QgsProcessingException(
                    tr("FIELD_MAP must be a JSON object: plot field → source field.")
                )
            given, problems = normalise_mapping(given)
            mapping.update(matched_to(given, names))
        if not problems:
            problems = mapping_problems(mapping, names)
        if problems:
            raise QgsProcessingException(
                tr("The field mapping cannot be used: {problems}").format(
                    problems="; ".join(problem.text(tr) for problem in problems)
                )
            )
        return mapping
