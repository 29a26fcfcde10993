"""Python logging into QGIS's message log panel, under a 'LandCase' tab."""

from __future__ import annotations

import logging

from qgis.core import Qgis, QgsMessageLog

TAG = "LandCase"
LOGGER_NAME = "landcase"

_LEVELS = {
    logging.DEBUG: Qgis.MessageLevel.Info,
    logging.INFO: Qgis.MessageLevel.Info,
    logging.WARNING: Qgis.MessageLevel.Warning,
    logging.ERROR: Qgis.MessageLevel.Critical,
    logging.CRITICAL: Qgis.MessageLevel.Critical,
}


class QgsMessageLogHandler(logging.Handler):
    def emit(self, record: logging.LogRecord) -> None:
        level = _LEVELS.get(record.levelno, Qgis.MessageLevel.Info)
        QgsMessageLog.logMessage(self.format(record), TAG, level, notifyUser=False)


def setup_logger() -> logging.Logger:
    logger = logging.getLogger(LOGGER_NAME)
    if not any(isinstance(h, QgsMessageLogHandler) for h in logger.handlers):
        logger.addHandler(QgsMessageLogHandler())
        logger.setLevel(logging.INFO)
    return logger


def teardown_logger() -> None:
    logger = logging.getLogger(LOGGER_NAME)
    for handler in [h for h in logger.handlers if isinstance(h, QgsMessageLogHandler)]:
        logger.removeHandler(handler)
