"""landcase:createdatabase — a new, empty case database."""

from __future__ import annotations

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsProcessingException,
    QgsProcessingOutputString,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterCrs,
    QgsProcessingParameterExtent,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
)

from ...cases import CaseStore, targets
from ...cases.crs import is_gk3_srid
from ...cases.errors import N_
from ...layers.crs_choice import DEFAULT_SRID, CrsChoice, choose_srid
from ...toolbelt.i18n import tr
from ...toolbelt.qgis_compat import FILE_PARAMETER_FOLDER
from .base import DATABASE_FILTER, LandCaseAlgorithm, detached_errors


class CreateDatabaseAlgorithm(LandCaseAlgorithm):
    OUTPUT = "OUTPUT"
    CRS = "CRS"
    EXTENT = "EXTENT"
    OVERWRITE = "OVERWRITE"
    EVIDENCE_FOLDER = "EVIDENCE_FOLDER"

    def name(self) -> str:
        return "createdatabase"

    def displayName(self) -> str:  # noqa: N802 (Qt API)
        return tr("Create case database")

    def shortHelpString(self) -> str:  # noqa: N802 (Qt API)
        return tr(
            "Creates an empty LandCase case database (SpatiaLite) in a CGCS2000 3-degree "
            "Gauss-Krüger CRS (EPSG:4513 to EPSG:4554). Without a CRS, the zone is the one "
            "whose central meridian is nearest the centre of the data's extent (EXTENT, or "
            "else the project's full extent), EPSG:4549 (central meridian 120°E) when there is "
            "none; the zone chosen and why are reported (output CRS_REASON). An existing file "
            "is kept unless Overwrite is set."
        )

    def initAlgorithm(self, config=None):  # noqa: N802 (Qt API)
        self.addParameter(
            QgsProcessingParameterFileDestination(self.OUTPUT, tr("Case database"), DATABASE_FILTER)
        )
        self.addParameter(QgsProcessingParameterCrs(self.CRS, tr("CRS"), optional=True))
        self.addParameter(
            QgsProcessingParameterExtent(
                self.EXTENT,
                tr("Extent of the data (chooses the zone when no CRS is given)"),
                optional=True,
            )
        )
        self.addOutput(QgsProcessingOutputString("CRS_REASON", tr("Why this CRS")))
        self.addParameter(
            QgsProcessingParameterFile(
                self.EVIDENCE_FOLDER,
                tr("Shared evidence folder (a server database: photos, scans, reports)"),
                behavior=FILE_PARAMETER_FOLDER,
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterBoolean(
                self.OVERWRITE, tr("Overwrite an existing file"), defaultValue=False
            )
        )

    @detached_errors
    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802 (Qt API)
        path = self.database_location(parameters, self.OUTPUT, context)
        crs = self.parameterAsCrs(parameters, self.CRS, context)
        overwrite = self.parameterAsBool(parameters, self.OVERWRITE, context)
        choice = _choice(self, parameters, crs, context)
        srid = choice.srid
        feedback.pushInfo(choice.text(tr))
        feedback.pushInfo(
            tr("Creating {path} in EPSG:{srid}").format(path=targets.parse(path).shown(), srid=srid)
        )
        evidence = self.parameterAsString(parameters, self.EVIDENCE_FOLDER, context) or None
        # refusals: detached_errors
        CaseStore.create(path, srid, overwrite=overwrite, evidence_folder=evidence).close()
        return {self.OUTPUT: path, self.CRS: f"EPSG:{srid}", "CRS_REASON": choice.text(tr)}


def _choice(algorithm, parameters, crs: QgsCoordinateReferenceSystem, context) -> CrsChoice:
    """The CRS given, or the zone of the data's extent, or of the project's, or the default."""
    if crs.isValid():
        auth, _, code = crs.authid().partition(":")
        if auth.upper() != "EPSG" or not code.isdigit() or not is_gk3_srid(int(code)):
            raise QgsProcessingException(
                tr(
                    "{crs} is not a CGCS2000 3-degree Gauss-Krüger CRS (EPSG:4513 to EPSG:4554)."
                ).format(crs=crs.authid() or crs.description())
            )
        return CrsChoice(int(code), N_("the CRS given"))
    if parameters.get(algorithm.EXTENT):
        extent = algorithm.parameterAsExtent(parameters, algorithm.EXTENT, context)
        extent_crs = algorithm.parameterAsExtentCrs(parameters, algorithm.EXTENT, context)
        return choose_srid(extent, extent_crs, N_("the extent given"))
    project = context.project()
    if project is None:
        return CrsChoice(DEFAULT_SRID, N_("the default zone: no CRS, extent or project was given"))
    extent = project.viewSettings().fullExtent()
    return choose_srid(extent, project.crs(), N_("the project's extent"))
