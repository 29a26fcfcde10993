"""landcase:importzones — patrol zones (片区) from a polygon layer; landcase:recordpatrols —
a 巡查记录表 of patrols with their routes and files (``patrol_report_algorithm`` holds
landcase:patrolreport, which needs openpyxl and reportlab)."""

from __future__ import annotations

import shapely
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsCsException,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsProcessingParameterVectorLayer,
)

from ...cases.errors import N_
from ...cases.patrol_batch import COLUMNS, record_batch
from ...cases.patrol_zones import NewZone, ZoneProblem, guess_zone_fields, import_zones
from ...toolbelt.i18n import error_text, tr
from .base import LandCaseAlgorithm, detached_errors


class _PatrolAlgorithm(LandCaseAlgorithm):
    GROUP_ID = "patrols"
    GROUP_NAME = N_("Patrols")


def _value(value):
    """An attribute as Python text (NULL as None)."""
    if value is None or (hasattr(value, "isNull") and value.isNull()):
        return None
    return str(value)


class ImportZonesAlgorithm(_PatrolAlgorithm):
    INPUT = "INPUT"
    FIELDS = {"code": "CODE_FIELD", "name": "NAME_FIELD", "level": "LEVEL_FIELD",
              "unit": "UNIT_FIELD", "person": "PERSON_FIELD"}  # fmt: skip

    def name(self) -> str:
        return "importzones"

    def displayName(self) -> str:  # noqa: N802 (Qt API)
        return tr("Import patrol zones (片区)")

    def shortHelpString(self) -> str:  # noqa: N802 (Qt API)
        return tr(
            "Stores the polygons of a layer or file as patrol zones (片区): code (编号), name "
            "(名称), level (等级: 高, 中 or 低), responsible unit (责任单位, registered "
            "before) and person (责任人). Fields named so are found by themselves; the field "
            "parameters choose others. The polygons are reprojected to the database's CRS. "
            "A zone whose code is already stored is updated. Each row that cannot be stored "
            "is reported with the file, its row and the reason; the others are stored."
        )

    def initAlgorithm(self, config=None):  # noqa: N802 (Qt API)
        self.add_database_parameter()
        self.addParameter(
            QgsProcessingParameterVectorLayer(
                self.INPUT, tr("Zone polygons"), [QgsProcessing.TypeVectorPolygon]
            )
        )
        for key, label in (
            ("code", tr("Code field (编号)")),
            ("name", tr("Name field (名称)")),
            ("level", tr("Level field (等级)")),
            ("unit", tr("Unit field (责任单位)")),
            ("person", tr("Person field (责任人)")),
        ):
            self.addParameter(
                QgsProcessingParameterField(
                    self.FIELDS[key], label, parentLayerParameterName=self.INPUT, optional=True
                )
            )
        self.addOutput(QgsProcessingOutputNumber("ADDED", tr("Zones added")))
        self.addOutput(QgsProcessingOutputNumber("UPDATED", tr("Zones updated")))
        self.addOutput(QgsProcessingOutputNumber("REJECTED", tr("Rows rejected")))

    @detached_errors
    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802 (Qt API)
        layer = self.parameterAsVectorLayer(parameters, self.INPUT, context)
        if layer is None:
            raise QgsProcessingException(tr("The zone layer could not be opened."))
        fields = guess_zone_fields(layer.fields().names())
        for key, parameter in self.FIELDS.items():
            chosen = self.parameterAsString(parameters, parameter, context).strip()
            if chosen:
                fields[key] = chosen
        if "code" not in fields or "level" not in fields:
            raise QgsProcessingException(
                tr("Choose the code (编号) and level (等级) fields of the zone layer.")
            )
        source = layer.source().split("|")[0] or layer.name()
        with self.open_store(parameters, context) as store:
            target = QgsCoordinateReferenceSystem(f"EPSG:{store.srid}")
            transform = QgsCoordinateTransform(layer.crs(), target, context.transformContext())
            zones, problems = [], []
            for row, feature in enumerate(layer.getFeatures(), start=1):
                values = {key: _value(feature[name]) for key, name in fields.items()}
                geometry = None
                if feature.hasGeometry():
                    moved = feature.geometry()
                    try:
                        moved.transform(transform)
                    except QgsCsException:
                        problems.append(ZoneProblem(source, row, values.get("code") or "",
                            N_("its geometry could not be reprojected to EPSG:{srid}"),
                            {"srid": store.srid}))  # fmt: skip
                        continue
                    geometry = shapely.from_wkb(bytes(moved.asWkb()))
                zones.append(NewZone(values.get("code"), values.get("name"), values.get("level"),
                                     values.get("unit"), values.get("person"), geometry,
                                     row=row))  # fmt: skip
            result = import_zones(store, zones, source)
        result.problems[:0] = problems
        for problem in sorted(result.problems, key=lambda p: p.row):
            feedback.pushWarning(problem.text(tr))
        feedback.pushInfo(
            tr("{added} zones added, {updated} updated, {rejected} rows rejected.").format(
                added=len(result.added),
                updated=len(result.updated),
                rejected=len(result.problems),
            )  # fmt: skip
        )
        return {
            "ADDED": len(result.added),
            "UPDATED": len(result.updated),
            "REJECTED": len(result.problems),
        }


class RecordPatrolsAlgorithm(_PatrolAlgorithm):
    INPUT = "INPUT"

    def name(self) -> str:
        return "recordpatrols"

    def displayName(self) -> str:  # noqa: N802 (Qt API)
        return tr("Record patrols from a table (巡查记录表)")

    def shortHelpString(self) -> str:  # noqa: N802 (Qt API)
        return tr(
            "Records the patrols of a 巡查记录表 (CSV in UTF-8 or GBK, or Excel), one patrol "
            "a row, with the headers: {headers}. 巡查日期, 报送单位 and 巡查人员 are "
            "required; the unit and zone must be registered. 发现图斑 and 发现线索 list 监测编号 "
            "and clue codes (separated by 、 or ;); 发现经度/发现纬度 record a new point clue "
            "found on the patrol. 轨迹文件 is the route from the patroller's phone (GPX or "
            "GeoJSON line), 照片, 视频 and 文件 the files of the patrol (several separated by "
            ";), each relative to the table's folder. A patrol without findings is recorded as "
            "无发现. Each row is stored on its own; a bad row is reported with its row number "
            "and reason, a row already recorded is skipped."
        ).format(headers="、".join(names[0] for names in COLUMNS.values()))

    def initAlgorithm(self, config=None):  # noqa: N802 (Qt API)
        self.add_database_parameter()
        self.addParameter(
            QgsProcessingParameterFile(
                self.INPUT,
                tr("Patrol record table"),
                fileFilter="CSV, Excel (*.csv *.xlsx)",
            )
        )
        self.addOutput(QgsProcessingOutputNumber("RECORDED", tr("Patrols recorded")))
        self.addOutput(QgsProcessingOutputNumber("SKIPPED", tr("Rows already recorded")))
        self.addOutput(QgsProcessingOutputNumber("REJECTED", tr("Rows rejected")))

    @detached_errors
    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802 (Qt API)
        path = self.parameterAsFile(parameters, self.INPUT, context)
        with self.open_store(parameters, context) as store:
            result = record_batch(store, path)
        for problem in result.problems:
            feedback.pushWarning(
                tr("{source}, row {row}: {reason}").format(
                    source=result.source, row=problem.row, reason=error_text(problem.error)
                )
            )
        feedback.pushInfo(
            tr(
                "{recorded} patrols recorded, {skipped} already recorded, {rejected} rows rejected."
            ).format(
                recorded=len(result.recorded),
                skipped=len(result.skipped),
                rejected=len(result.problems),
            )  # fmt: skip
        )
        return {
            "RECORDED": len(result.recorded),
            "SKIPPED": len(result.skipped),
            "REJECTED": len(result.problems),
        }
