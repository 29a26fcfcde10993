"""docs/ARCHITECTURE.md names only functions that exist, and cases/ stays pure."""

from __future__ import annotations

import ast
import importlib
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ROOMS = ("cases", "layers", "forms", "reports", "plugin", "toolbelt")


def _named() -> list[str]:
    text = (ROOT / "docs" / "ARCHITECTURE.md").read_text(encoding="utf-8")
    rooms = "|".join(ROOMS)
    return sorted(set(re.findall(rf"`((?:{rooms})(?:\.\w+)+)`", text)))


def _resolve(dotted: str):
    parts = dotted.split(".")
    for cut in range(len(parts), 0, -1):  # the longest importable module, then attributes
        try:
            target = importlib.import_module("landcase." + ".".join(parts[:cut]))
        except ModuleNotFoundError:
            continue
        for name in parts[cut:]:
            target = getattr(target, name)
        return target
    raise ModuleNotFoundError(dotted)


def test_every_function_the_page_names_exists(qgis_app):
    named = _named()
    assert len(named) >= 20  # the walk names a function in each room
    missing = []
    for dotted in named:
        try:
            _resolve(dotted)
        except (ImportError, AttributeError):
            missing.append(dotted)
    assert missing == []


def test_cases_imports_no_qt_no_qgis_and_no_other_room():
    forbidden = {"qgis", "PyQt5", "PyQt6", "processing", "osgeo"}
    found = []
    for path in sorted((ROOT / "cases").glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                if node.level > 1:  # from ..layers import …: out of cases/
                    found.append(f"{path.name}: {'.' * node.level}{node.module or ''}")
                names = [node.module or ""] if node.level == 0 else []
            else:
                continue
            found += [f"{path.name}: {n}" for n in names if n.split(".")[0] in forbidden]
    assert found == []
