"""Build dist/landcase-<version>.zip: one folder landcase/ with the plugin and nothing
of the development set-up, installable through QGIS's "Install from ZIP"."""

from __future__ import annotations

import configparser
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
INCLUDED = [
    "__init__.py",
    "metadata.txt",
    "LICENSE",
    "cases",
    "forms",
    "layers",
    "plugin",
    "reports",
    "resources",
    "toolbelt",
]
SKIPPED_SUFFIXES = {".pyc", ".ts", ".pro"}
SKIPPED_PARTS = {"__pycache__"}


def version() -> str:
    metadata = configparser.ConfigParser()
    metadata.read(ROOT / "metadata.txt", encoding="utf-8")
    return metadata["general"]["version"]


def files() -> list[Path]:
    found = []
    for name in INCLUDED:
        path = ROOT / name
        candidates = [path] if path.is_file() else sorted(p for p in path.rglob("*") if p.is_file())
        for candidate in candidates:
            if candidate.suffix in SKIPPED_SUFFIXES or SKIPPED_PARTS & set(candidate.parts):
                continue
            found.append(candidate)
    return found


def build(output_folder: Path) -> Path:
    output_folder.mkdir(parents=True, exist_ok=True)
    target = output_folder / f"landcase-{version()}.zip"
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in files():
            archive.write(path, Path("landcase") / path.relative_to(ROOT))
    return target


if __name__ == "__main__":
    print(build(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "dist"))
