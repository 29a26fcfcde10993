"""The PyQt5-to-PyQt6 migration check of QGIS, run on a copy of the plugin's sources.

    python tools/qt6_check.py PYQT5TO6 [ROOT]

PYQT5TO6 is the ``pyqt5to6`` command of the PyPI package qgis-pyqt5to6 (QGIS's
scripts/pyqt5_to_pyqt6/pyqt5_to_pyqt6.py, published by a QGIS core developer), installed by
`make lint` into its own venv with PyQt6. The tool rewrites files in place, so it runs on a
copy; every change it would make is a finding: printed as a diff, counted, exit status 1.

Without a Qt 6 build of QGIS to introspect, the tool fixes the Qt names only (Qt.DisplayRole,
QDialogButtonBox.Ok, exec_ ...), not unscoped QGIS enums such as Qgis.MessageLevel.Critical.
"""

from __future__ import annotations

import difflib
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

SKIPPED = {".venv", "build", "dist", ".git", "__pycache__"}


def sources(root: Path) -> list[Path]:
    return sorted(
        path for path in root.rglob("*.py") if not SKIPPED & set(path.relative_to(root).parts[:-1])
    )


def findings(tool: str, root: Path) -> tuple[list[str], int]:
    """The diff the tool would apply, and the number of changed lines."""
    with tempfile.TemporaryDirectory() as temporary:
        copy = Path(temporary) / "plugin"
        for path in sources(root):
            target = copy / path.relative_to(root)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(path, target)
        run = subprocess.run([tool, str(copy)], capture_output=True, text=True)
        if run.returncode not in (0, 1):
            sys.exit(f"{tool} failed ({run.returncode}):\n{run.stdout}{run.stderr}")
        diff: list[str] = []
        changed = 0
        for path in sources(root):
            before = path.read_text(encoding="utf-8").splitlines(keepends=True)
            after = (
                (copy / path.relative_to(root))
                .read_text(encoding="utf-8")
                .splitlines(keepends=True)
            )
            name = str(path.relative_to(root))
            lines = list(difflib.unified_diff(before, after, name, name + " (Qt 6)", n=0))
            diff += lines
            changed += sum(
                1 for line in lines if line.startswith("-") and not line.startswith("---")
            )
        notes = [line for line in run.stdout.splitlines() + run.stderr.splitlines() if ": " in line]
        return diff + [note + "\n" for note in notes], changed + len(notes)


def main() -> int:
    tool = sys.argv[1]
    root = Path(sys.argv[2] if len(sys.argv) > 2 else Path(__file__).resolve().parent.parent)
    diff, count = findings(tool, root)
    sys.stdout.writelines(diff)
    if count:
        print(f"PyQt5-to-PyQt6 check: {count} finding(s); the lines above need the Qt 6 form.")
        return 1
    print("PyQt5-to-PyQt6 check: clean.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
