"""Python packages the plugin needs beside QGIS, checked before anything imports them.

QGIS runs on its own Python (on Debian 12, /usr/bin/python3, whose shapely is 1.8; on
Windows, OSGeo4W's Python): a missing or too old package must give a clear message naming it
and the one command that installs it for that Python, not a traceback at start-up.

The release zip carries the pure-Python packages in landcase/vendor/ (tools/package.py); the
plugin's __init__ puts that folder at the END of sys.path, so a copy installed in QGIS's
Python wins and the vendored one is the fallback. Only the compiled packages (shapely,
pandas and numpy, Pillow) have to come from QGIS's installer or from the command shown.
"""

from __future__ import annotations

import importlib
import os
import sys
from dataclasses import dataclass
from pathlib import Path


def N_(text: str) -> str:  # noqa: N802 (marks a string for translation; tr() at display)
    return text


@dataclass(frozen=True)
class Requirement:
    module: str  # the import name
    pip: str  # the name on PyPI
    minimum_major: int  # 0: any version
    debian: str  # the Debian package, "" when Debian has none
    needed_for: str  # what stops working without it (translated at display)


REQUIREMENTS = (
    Requirement("shapely", "shapely", 2, "python3-shapely", N_("overlay and plot areas")),
    Requirement("pandas", "pandas", 0, "python3-pandas", N_("case panel and statistics")),
    Requirement("reportlab", "reportlab", 0, "python3-reportlab", N_("PDF reports and dossiers")),
    Requirement("PIL", "pillow", 0, "python3-pil", N_("PDF reports and dossiers")),
    Requirement(
        "chinese_calendar", "chinesecalendar", 0, "", N_("deadlines on the official calendar")
    ),
    Requirement("openpyxl", "openpyxl", 0, "python3-openpyxl", N_("Excel workbooks")),
    Requirement("exifread", "exifread", 0, "python3-exifread", N_("photo EXIF")),
)
# package → minimum major version (kept for callers that only need the names)
REQUIRED = {r.module: r.minimum_major for r in REQUIREMENTS}


@dataclass(frozen=True)
class Missing:
    requirement: Requirement
    found: str | None  # the too old version found, None when not importable

    def __str__(self) -> str:
        r = self.requirement
        text = f"{r.pip}>={r.minimum_major}" if r.minimum_major else r.pip
        return f"{text} (found {self.found})" if self.found else text


def missing_requirements() -> list[Missing]:
    missing = []
    for requirement in REQUIREMENTS:
        try:
            module = importlib.import_module(requirement.module)
        except ImportError:
            missing.append(Missing(requirement, None))
            continue
        version = str(getattr(module, "__version__", "0"))
        major = version.split(".")[0]
        if (
            requirement.minimum_major
            and int(major if major.isdigit() else 0) < requirement.minimum_major
        ):
            missing.append(Missing(requirement, version))
    return missing


def missing_packages() -> list[str]:
    return [str(m) for m in missing_requirements()]


def python_executable() -> str:
    """The Python that QGIS runs on: inside QGIS, sys.executable may be QGIS itself
    (qgis-bin.exe on Windows, the app on macOS)."""
    executable = Path(sys.executable)
    if executable.name.lower().startswith("python"):
        return str(executable)
    version = f"{sys.version_info.major}.{sys.version_info.minor}"
    prefix = Path(sys.exec_prefix)
    for candidate in (
        prefix / "python.exe",
        prefix / "python3.exe",
        prefix / "bin" / f"python{version}",
        prefix / "bin" / "python3",
    ):
        if candidate.exists():
            return str(candidate)
    return "python3"


def _is_debian_python(python: str) -> bool:
    return Path("/etc/debian_version").exists() and python.startswith("/usr/bin/")


def install_command(missing: list[Missing], python: str | None = None) -> str:
    """One command line that installs the missing packages for QGIS's Python.

    On Debian's own Python: apt for what Debian packages (a too old Debian package, such
    as shapely 1.8 on Debian 12, goes to pip), pip --user for the rest; elsewhere pip --user.
    """
    python = python or python_executable()
    pip_names = []
    apt_names = []
    debian = _is_debian_python(python)
    for item in missing:
        r = item.requirement
        spec = f"{r.pip}>={r.minimum_major}" if r.minimum_major else r.pip
        if debian and r.debian and item.found is None:
            apt_names.append(r.debian)
        else:
            pip_names.append(spec)
    commands = []
    if apt_names:
        commands.append("sudo apt install " + " ".join(apt_names))
    if pip_names:
        quoted = " ".join(f'"{name}"' if ">" in name else name for name in pip_names)
        extra = " --break-system-packages" if debian else ""
        python_text = f'"{python}"' if " " in python or os.sep == "\\" else python
        commands.append(f"{python_text} -m pip install --user{extra} {quoted}")
    return " && ".join(commands)


class MissingDependenciesPlugin:
    """Stands in for the plugin when packages are missing: LandCase stays loaded, names
    what is missing, what it is needed for and the command that installs it. Every LandCase
    action is disabled (none is registered) until the packages are installed."""

    def __init__(self, iface, missing: list[Missing]):
        self.iface = iface
        self.missing = missing

    def message(self) -> str:
        from ..toolbelt.i18n import tr

        needed_for = []
        for item in self.missing:
            text = tr(item.requirement.needed_for)
            if text not in needed_for:
                needed_for.append(text)
        return tr(
            "LandCase is disabled: the Python that QGIS uses lacks {packages} "
            "(needed for {features}). Install them with: {command} and restart QGIS."
        ).format(
            packages=", ".join(str(item) for item in self.missing),
            features=", ".join(needed_for),
            command=install_command(self.missing),
        )

    def initGui(self) -> None:  # noqa: N802 (QGIS API)
        from qgis.core import Qgis, QgsMessageLog

        from ..toolbelt.i18n import tr

        text = self.message()
        QgsMessageLog.logMessage(text, "LandCase", Qgis.MessageLevel.Critical)
        self.iface.messageBar().pushMessage(tr("LandCase"), text, Qgis.MessageLevel.Critical, 0)

    def initProcessing(self) -> None:  # noqa: N802 (QGIS API)
        from qgis.core import Qgis, QgsMessageLog

        QgsMessageLog.logMessage(self.message(), "LandCase", Qgis.MessageLevel.Critical)

    def unload(self) -> None:
        pass
