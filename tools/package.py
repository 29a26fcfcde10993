"""Build dist/landcase-<version>.zip: one folder landcase/ with the plugin and nothing
of the development set-up, installable through QGIS's "Install from ZIP".

landcase/vendor/ carries the pure-Python packages that QGIS installers do not ship
([tool.landcase] vendor in pyproject.toml): their py3-none-any wheels, downloaded from PyPI
with pip into build/vendor-wheels/ (kept between builds) and unpacked as they would install.
"""

from __future__ import annotations

import configparser
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import tomllib

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


WHEELS = ROOT / "build" / "vendor-wheels"


def _name(requirement: str) -> str:
    return re.split(r"[=<>!~ ]", requirement, maxsplit=1)[0].lower().replace("_", "-")


def vendored_requirements() -> list[str]:
    """The pinned requirements of the vendored packages."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    pins = {_name(pin): pin for pin in project["project"]["dependencies"]}
    return [
        entry if "==" in entry else pins[_name(entry)]
        for entry in project["tool"]["landcase"]["vendor"]
    ]


def vendor_wheels() -> list[Path]:
    """The pure-Python wheels of the vendored packages, downloaded once into build/."""
    wanted = vendored_requirements()
    WHEELS.mkdir(parents=True, exist_ok=True)

    def wheel_of(requirement: str) -> Path | None:
        name, pinned = _name(requirement).replace("-", "_"), requirement.split("==")[1]
        for wheel in WHEELS.glob("*-none-any.whl"):
            parts = wheel.name.split("-")
            if parts[0].lower().replace("-", "_") == name and parts[1] == pinned:
                return wheel
        return None

    missing = [requirement for requirement in wanted if wheel_of(requirement) is None]
    if missing:
        subprocess.run(
            [
                sys.executable,
                "-m",
                "pip",
                "download",
                "--quiet",
                "--disable-pip-version-check",
                "--no-deps",
                "--only-binary=:all:",
                "--platform",
                "any",
                "--implementation",
                "py",
                "--python-version",
                "3.9",
                "--dest",
                str(WHEELS),
                *missing,
            ],
            check=True,
        )
    wheels = [wheel_of(requirement) for requirement in wanted]
    absent = [requirement for requirement, wheel in zip(wanted, wheels) if wheel is None]
    if absent:
        sys.exit(f"No pure-Python wheel for {', '.join(absent)} in {WHEELS}")
    return wheels


def build(output_folder: Path) -> Path:
    output_folder.mkdir(parents=True, exist_ok=True)
    target = output_folder / f"landcase-{version()}.zip"
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in files():
            archive.write(path, Path("landcase") / path.relative_to(ROOT))
        for wheel in vendor_wheels():
            with zipfile.ZipFile(wheel) as source:
                for member in source.infolist():
                    if member.is_dir() or member.filename.endswith(".pyc"):
                        continue
                    archive.writestr(f"landcase/vendor/{member.filename}", source.read(member))
    return target


if __name__ == "__main__":
    print(build(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "dist"))
