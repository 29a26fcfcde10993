"""LandCase QGIS plugin: QGIS calls classFactory; everything else loads on demand."""

import os
import sys

# The release zip carries the pure-Python dependencies in vendor/ (tools/package.py). The
# folder goes at the END of sys.path: a copy installed in QGIS's Python (Debian's package,
# an OSGeo4W one, one another plugin relies on) wins, and LandCase does not shadow it for
# the other plugins of the same Python; the vendored copy fills in what is missing.
VENDOR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "vendor")
if os.path.isdir(VENDOR) and VENDOR not in sys.path:
    sys.path.append(VENDOR)


def classFactory(iface):  # noqa: N802 (the name QGIS looks for)
    from .plugin.dependencies import (
        MissingDependenciesPlugin,
        blocks_the_core,
        missing_requirements,
        prefer_vendored_when_too_old,
    )

    if os.path.isdir(VENDOR):
        prefer_vendored_when_too_old(VENDOR)
    missing = missing_requirements()
    if blocks_the_core(missing):
        return MissingDependenciesPlugin(iface, missing)
    from .plugin.main import LandCasePlugin  # imports no feature module: they load on use

    return LandCasePlugin(iface, missing)
