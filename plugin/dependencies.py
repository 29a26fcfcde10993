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
import inspect
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Callable


def N_(text: str) -> str:  # noqa: N802 (marks a string for translation; tr() at display)
    return text


def _shapely_2(module) -> bool:
    # shapely 2's vectorised functions; Debian's build reports its version as "0+unknown"
    return hasattr(module, "from_wkb") and hasattr(module, "STRtree")


def _exifread_3_1(module) -> bool:
    # process_file(extract_thumbnail=...) came with exifread 3.1; Debian 13 ships 3.0.0
    return "extract_thumbnail" in inspect.signature(module.process_file).parameters


@dataclass(frozen=True)
class Requirement:
    module: str  # the import name
    pip: str  # the name on PyPI
    minimum: str  # "" (any version) or e.g. "2" for >=2
    debian: str  # the Debian package, "" when Debian has none
    needed_for: str  # what stops working without it (translated at display)
    new_enough: Callable | None = None  # module -> bool: the API the plugin uses is there

    @property
    def spec(self) -> str:
        return f"{self.pip}>={self.minimum}" if self.minimum else self.pip


REQUIREMENTS = (
    Requirement(
        "shapely", "shapely", "2", "python3-shapely", N_("overlay and plot areas"), _shapely_2
    ),
    Requirement("pandas", "pandas", "", "python3-pandas", N_("case panel and statistics")),
    Requirement("reportlab", "reportlab", "", "python3-reportlab", N_("PDF reports and dossiers")),
    Requirement("PIL", "pillow", "", "python3-pil", N_("PDF reports and dossiers")),
    Requirement(
        "chinese_calendar", "chinesecalendar", "", "", N_("deadlines on the official calendar")
    ),
    Requirement("openpyxl", "openpyxl", "", "python3-openpyxl", N_("Excel workbooks")),
    Requirement("exifread", "exifread", "3.1", "python3-exifread", N_("photo EXIF"), _exifread_3_1),
)


# What the case database itself needs: without one of these LandCase cannot open a file
# and stays disabled as a whole (MissingDependenciesPlugin). Any other missing package
# disables only the features of FEATURES that need it (their actions, greyed out).
CORE_MODULES = ("shapely", "chinese_calendar")

# Feature -> the import names it needs beyond the core; the plugin's actions name their
# feature (plugin/main.py), and the Processing provider leaves out what it cannot import.
FEATURES = {
    "documents": ("reportlab", "PIL"),  # printing reports and dossiers, the report font
    "photos": ("PIL", "exifread"),  # photos with their EXIF: the case dialog, the photo layer
    "statistics": ("pandas", "openpyxl"),  # the statistics panel and its workbook
}


@dataclass(frozen=True)
class Missing:
    requirement: Requirement
    found: str | None  # the version of a too old copy, None when not importable

    def __str__(self) -> str:
        spec = self.requirement.spec
        return f"{spec} (found {self.found})" if self.found else spec


def _check(requirement: Requirement) -> Missing | None:
    try:
        module = importlib.import_module(requirement.module)
    except ImportError:
        return Missing(requirement, None)
    if requirement.new_enough and not requirement.new_enough(module):
        return Missing(requirement, str(getattr(module, "__version__", "?")))
    return None


def missing_requirements() -> list[Missing]:
    return [missing for missing in map(_check, REQUIREMENTS) if missing]


def prefer_vendored_when_too_old(vendor: str) -> list[str]:
    """The zip's vendor/ folder sits at the end of sys.path, so an installed copy wins. Where
    that copy is too old for the plugin (exifread 3.0 on Debian 13) and vendor/ has the
    package, the vendored one is imported instead. Returns the modules taken from vendor/."""
    taken = []
    for requirement in REQUIREMENTS:
        if not os.path.isdir(os.path.join(vendor, requirement.module)):
            continue
        found = _check(requirement)
        if found is None or found.found is None:
            continue  # new enough, or not installed at all (vendor/ is on the path already)
        prefix = requirement.module + "."
        for name in [n for n in sys.modules if n == requirement.module or n.startswith(prefix)]:
            del sys.modules[name]
        sys.path.insert(0, vendor)
        try:
            importlib.import_module(requirement.module)
            taken.append(requirement.module)
        except ImportError:
            pass
        finally:
            sys.path.remove(vendor)  # the first occurrence: the one just inserted
    return taken


def blocks_the_core(missing: list[Missing]) -> list[Missing]:
    """The missing packages without which no LandCase feature works."""
    return [item for item in missing if item.requirement.module in CORE_MODULES]


def lacking_for(feature: str | None, missing: list[Missing]) -> list[Missing]:
    """The missing packages a feature needs (none for a feature of the core: None)."""
    needed = FEATURES.get(feature, ()) if feature else ()
    return [item for item in missing if item.requirement.module in needed]


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
        spec = r.spec
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


def features_message(missing: list[Missing]) -> str:
    """What a user reads when packages some features need are missing (the rest works)."""
    from ..toolbelt.i18n import tr

    needed_for = list(dict.fromkeys(tr(item.requirement.needed_for) for item in missing))
    return tr(
        "LandCase works without {features}: the Python that QGIS uses lacks {packages}. "
        "Install them with: {command} and restart QGIS."
    ).format(
        features=", ".join(needed_for),
        packages=", ".join(str(item) for item in missing),
        command=install_command(missing),
    )


class MissingDependenciesPlugin:
    """Stands in for the plugin when packages the case database needs (CORE_MODULES) are
    missing: LandCase stays loaded, names what is missing, what it is needed for and the
    command that installs it. Every LandCase action is disabled (none is registered) until
    the packages are installed."""

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
