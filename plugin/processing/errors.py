"""Algorithms fail with a fresh QgsProcessingException that holds no traceback of the
original error: a traceback keeps its frames' QGIS objects (layers, providers) alive, and
Processing may keep the exception until QGIS has exited, when destroying them crashes."""

from __future__ import annotations

import functools

from qgis.core import QgsProcessingException


def detached_errors(process_algorithm):
    @functools.wraps(process_algorithm)
    def wrapper(self, parameters, context, feedback):
        try:
            return process_algorithm(self, parameters, context, feedback)
        except QgsProcessingException as error:
            message = error.args[0] if error.args else str(error)
        except Exception as error:  # a bug: still say what it was, without its frames
            message = f"{type(error).__name__}: {error}"
        raise QgsProcessingException(message)

    return wrapper
