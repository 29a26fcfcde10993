"""Run inside QGIS by `make run` (qgis --code): open the demo case database."""

import os

from qgis.PyQt.QtCore import QTimer
from qgis.utils import plugins


def _open() -> None:
    plugin = plugins.get("landcase")
    if plugin is None:
        print("LandCase is not loaded: check Plugins > Manage and Install Plugins.")
        return
    plugin.open_database(os.environ["LANDCASE_DEMO"])


QTimer.singleShot(0, _open)
