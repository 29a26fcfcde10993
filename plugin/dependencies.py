"""Python packages the plugin needs beside QGIS, checked before anything imports them.

QGIS runs on its own Python (on Debian, /usr/bin/python3, whose shapely is 1.8): a missing
or too old package must give a clear message, not a traceback at start-up.
"""

from __future__ import annotations

import importlib

# package → minimum major version
REQUIRED = {"shapely": 2}


def missing_packages() -> list[str]:
    missing = []
    for package, major in REQUIRED.items():
        try:
            module = importlib.import_module(package)
        except ImportError:
            missing.append(f"{package}>={major}")
            continue
        if int(str(getattr(module, "__version__", "0")).split(".")[0]) < major:
            missing.append(f"{package}>={major} (found {module.__version__})")
    return missing


class MissingDependenciesPlugin:
    """Stands in for the plugin when packages are missing: it says what to install."""

    def __init__(self, iface, missing: list[str]):
        self.iface = iface
        self.missing = missing

    def initGui(self) -> None:  # noqa: N802 (QGIS API)
        from qgis.core import Qgis

        from ..toolbelt.i18n import tr

        self.iface.messageBar().pushMessage(
            tr("LandCase"),
            tr(
                "LandCase needs these Python packages in the Python that QGIS uses: {packages}. "
                "Install them there (pip, or the OSGeo4W shell on Windows) and restart QGIS."
            ).format(packages=" ".join(self.missing)),
            Qgis.Critical,
            0,
        )

    def initProcessing(self) -> None:  # noqa: N802 (QGIS API)
        pass

    def unload(self) -> None:
        pass
