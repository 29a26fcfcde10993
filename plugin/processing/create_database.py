"""landcase:createdatabase — a new, empty case database."""

from __future__ import annotations

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsProcessingException,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterCrs,
    QgsProcessingParameterFileDestination,
)

from ...cases import CaseDatabaseError, CaseStore
from ...forms.messages import error_text
from ...layers.crs_choice import DEFAULT_SRID, srid_for_extent
from ...toolbelt.i18n import tr
from .base import DATABASE_FILTER, LandCaseAlgorithm
from .errors import detached_errors


class CreateDatabaseAlgorithm(LandCaseAlgorithm):
    OUTPUT = "OUTPUT"
    CRS = "CRS"
    OVERWRITE = "OVERWRITE"

    def name(self) -> str:
        return "createdatabase"

    def displayName(self) -> str:  # noqa: N802 (Qt API)
        return tr("Create case database")

    def shortHelpString(self) -> str:  # noqa: N802 (Qt API)
        return tr(
            "Creates an empty LandCase case database (SpatiaLite) in a CGCS2000 3-degree "
            "Gauss-Krüger CRS (EPSG:4513 to EPSG:4554). Without a CRS, the zone of the "
            "project's full extent is used. An existing file is kept unless Overwrite is set."
        )

    def initAlgorithm(self, config=None):  # noqa: N802 (Qt API)
        self.addParameter(
            QgsProcessingParameterFileDestination(self.OUTPUT, tr("Case database"), DATABASE_FILTER)
        )
        self.addParameter(QgsProcessingParameterCrs(self.CRS, tr("CRS"), optional=True))
        self.addParameter(
            QgsProcessingParameterBoolean(
                self.OVERWRITE, tr("Overwrite an existing file"), defaultValue=False
            )
        )

    @detached_errors
    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802 (Qt API)
        path = self.parameterAsFileOutput(parameters, self.OUTPUT, context)
        crs = self.parameterAsCrs(parameters, self.CRS, context)
        overwrite = self.parameterAsBool(parameters, self.OVERWRITE, context)
        srid = _srid(crs, context)
        feedback.pushInfo(tr("Creating {path} in EPSG:{srid}").format(path=path, srid=srid))
        try:
            store = CaseStore.create(path, srid, overwrite=overwrite)
        except CaseDatabaseError as error:
            raise QgsProcessingException(error_text(error)) from error
        store.close()
        return {self.OUTPUT: path, self.CRS: f"EPSG:{srid}"}


def _srid(crs: QgsCoordinateReferenceSystem, context) -> int:
    if crs.isValid():
        auth, _, code = crs.authid().partition(":")
        if auth.upper() != "EPSG" or not code.isdigit():
            raise QgsProcessingException(
                tr(
                    "{crs} is not a CGCS2000 3-degree Gauss-Krüger CRS (EPSG:4513 to EPSG:4554)."
                ).format(crs=crs.authid() or crs.description())
            )
        return int(code)
    project = context.project()
    if project is None:
        return DEFAULT_SRID
    extent = project.viewSettings().fullExtent()
    return srid_for_extent(extent, project.crs())
