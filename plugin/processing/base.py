"""What LandCase's Processing algorithms share: their group, a new instance of their own
class, the case-database parameter, the store opened and always closed (``open_store``)
and the one way an error reaches the user (``detached_errors``)."""

from __future__ import annotations

import contextlib
import functools
import sqlite3
from collections.abc import Iterator

from qgis.core import QgsProcessingAlgorithm, QgsProcessingException, QgsProcessingParameterFile

from ...cases import CaseStore, targets
from ...cases.errors import N_, LandCaseError
from ...cases.intake import DamagedDatabase
from ...toolbelt.files import DATABASE_FILTER
from ...toolbelt.i18n import error_text, tr


def processing_message(error: Exception) -> str:
    """What a failed algorithm says: its own message, a LandCase error translated, or for
    a bug the kind of error and its text."""
    if isinstance(error, QgsProcessingException):
        return error.args[0] if error.args else str(error)
    if isinstance(error, LandCaseError):
        return error_text(error)
    return f"{type(error).__name__}: {error}"


def detached_errors(process_algorithm):
    """Every ``processAlgorithm`` fails with a fresh QgsProcessingException that holds no
    traceback of the original error: a traceback keeps its frames' QGIS objects (layers,
    providers) alive, and Processing may keep the exception until QGIS has exited, when
    destroying them crashes."""

    @functools.wraps(process_algorithm)
    def wrapper(self, parameters, context, feedback):
        try:
            return process_algorithm(self, parameters, context, feedback)
        except Exception as error:
            message = processing_message(error)
        raise QgsProcessingException(message)

    return wrapper


class DatabaseParameter(QgsProcessingParameterFile):
    """A case database: a .sqlite file (picked in the dialog), or a PostgreSQL connection
    typed as a ``postgresql://`` URI or ``service=<name>``, which a file parameter would
    refuse for its missing extension."""

    def checkValueIsAcceptable(self, value, context=None) -> bool:  # noqa: N802 (Qt API)
        if isinstance(value, str) and targets.is_postgres(value):
            return True
        return super().checkValueIsAcceptable(value, context)

    def clone(self):
        return DatabaseParameter(self.name(), self.description(), fileFilter=self.fileFilter())


class LandCaseAlgorithm(QgsProcessingAlgorithm):
    DATABASE = "DATABASE"
    GROUP_ID = "database"
    GROUP_NAME = N_("Case database")

    def group(self) -> str:
        return tr(self.GROUP_NAME)

    def groupId(self) -> str:  # noqa: N802 (Qt API)
        return self.GROUP_ID

    def createInstance(self):  # noqa: N802 (Qt API)
        return type(self)()

    def add_database_parameter(self) -> None:
        self.addParameter(
            DatabaseParameter(self.DATABASE, tr("Case database"), fileFilter=DATABASE_FILTER)
        )

    def database_location(self, parameters, name: str, context) -> str:
        """A case database parameter's value: a PostgreSQL connection (URI, ``service=``)
        as given, or a file path as Processing reads it."""
        given = parameters.get(name)
        if isinstance(given, str) and targets.is_postgres(given):
            return given.strip()
        if name == getattr(self, "OUTPUT", None):
            return self.parameterAsFileOutput(parameters, name, context)
        return self.parameterAsFile(parameters, name, context)

    @contextlib.contextmanager
    def open_store(self, parameters, context) -> Iterator[CaseStore]:
        """The case database of the DATABASE parameter, closed when the block ends however
        it ends; a LandCase error inside the block becomes a QgsProcessingException with
        its translated text. A file that cannot be opened is one too, naming the reason
        (damaged pages included)."""
        path = self.database_location(parameters, self.DATABASE, context)
        try:
            store = CaseStore.open(path)
        except LandCaseError as error:
            raise QgsProcessingException(error_text(error)) from None
        except sqlite3.DatabaseError as error:  # pages of the file damaged: say so in words
            if type(error) is not sqlite3.DatabaseError:
                raise
            raise QgsProcessingException(error_text(DamagedDatabase(path=path))) from None
        try:
            yield store
        except LandCaseError as error:
            raise QgsProcessingException(error_text(error)) from None
        finally:
            store.close()
