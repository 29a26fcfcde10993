"""QGIS enum values under the names each QGIS version has (3.22 to 4.x).

QGIS 3.30+ moved several enums into ``Qgis`` (``Qgis.GeometryType.Polygon`` …) and QGIS 4
drops the old unscoped names; 3.22 has only the old ones. One place picks the value.
"""

from __future__ import annotations

from qgis.core import (
    Qgis,
    QgsProcessingParameterFile,
    QgsProcessingParameterNumber,
    QgsVectorFileWriter,
    QgsWkbTypes,
)


def _pick(new, old):
    try:
        return new()
    except AttributeError:
        return old()


POLYGON_GEOMETRY = _pick(
    lambda: Qgis.GeometryType.Polygon, lambda: QgsWkbTypes.GeometryType.PolygonGeometry
)
NUMBER_DOUBLE = _pick(
    lambda: Qgis.ProcessingNumberParameterType.Double,
    lambda: QgsProcessingParameterNumber.Type.Double,
)
CREATE_OR_OVERWRITE_FILE = _pick(
    lambda: QgsVectorFileWriter.ActionOnExistingFile.CreateOrOverwriteFile,
    lambda: QgsVectorFileWriter.CreateOrOverwriteFile,
)
WRITER_NO_ERROR = _pick(
    lambda: QgsVectorFileWriter.WriterError.NoError, lambda: QgsVectorFileWriter.NoError
)
FILE_PARAMETER_FOLDER = _pick(
    lambda: Qgis.ProcessingFileParameterBehavior.Folder,
    lambda: QgsProcessingParameterFile.Behavior.Folder,
)


def use_transaction_groups(project) -> None:
    """Edit the project's layers of one database in one transaction (QGIS 3.26+ names it
    a transaction mode; 3.22 has the older auto-transaction switch)."""
    try:
        project.setTransactionMode(Qgis.TransactionMode.AutomaticGroups)
    except AttributeError:
        project.setAutoTransaction(True)


def uses_transaction_groups(project) -> bool:
    try:
        return project.transactionMode() == Qgis.TransactionMode.AutomaticGroups
    except AttributeError:
        return project.autoTransaction()


def _horizontal_placement():
    from qgis.core import QgsPalLayerSettings

    return QgsPalLayerSettings.Placement.Horizontal


# A polygon's label anywhere inside it where it fits (3.22's name is the nested enum).
LABEL_HORIZONTAL = _pick(lambda: Qgis.LabelPlacement.Horizontal, _horizontal_placement)
