"""One place that lets development scripts and tests import the plugin as ``landcase``,
the way QGIS does: the repository root is the plugin folder, so a link named
``landcase`` pointing to it is put in build/pythonpath and that folder on sys.path."""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
IMPORT_PATH = ROOT / "build" / "pythonpath"


def link_plugin() -> Path:
    # pyproj from a venv looks for PROJ's data inside the venv; Debian keeps it here.
    if Path("/usr/share/proj/proj.db").exists():
        os.environ.setdefault("PROJ_DATA", "/usr/share/proj")
    IMPORT_PATH.mkdir(parents=True, exist_ok=True)
    link = IMPORT_PATH / "landcase"
    if not link.is_symlink():
        link.symlink_to(ROOT, target_is_directory=True)
    if str(IMPORT_PATH) not in sys.path:
        sys.path.insert(0, str(IMPORT_PATH))
    return IMPORT_PATH
