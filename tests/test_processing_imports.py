"""The Processing provider, which qgis_process loads headless, pulls in no dialog or dock
(forms/) (issue 13). (qgis.gui itself comes with QGIS's own qgis/__init__.py.)"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_the_provider_imports_nothing_from_forms():
    code = (
        "import sys; import landcase.plugin.processing.provider; "
        "print(sorted(m for m in sys.modules if m.startswith('landcase.forms')))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        env={"PYTHONPATH": str(ROOT / "build" / "pythonpath"), "QT_QPA_PLATFORM": "offscreen"},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip().splitlines()[-1] == "[]"
