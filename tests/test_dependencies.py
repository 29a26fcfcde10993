"""Missing Python packages at load: the plugin still loads and names them in the message bar
with the command that installs them for QGIS's Python. Without a package the case database
needs it registers none of its actions; without one a feature needs, only that feature's
actions are disabled (tests/test_plugin_actions.py) and its algorithms left out."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from landcase.plugin.dependencies import REQUIREMENTS, Missing, install_command

ROOT = Path(__file__).resolve().parent.parent

# Loads the plugin the way QGIS does (classFactory, initGui) in a fresh QGIS application, with
# the packages named on the command line hidden (None in sys.modules makes import fail).
LOAD_WITH_HIDDEN = """
import json, sys
for name in sys.argv[1:]:
    sys.modules[name] = None
sys.path.insert(0, {pythonpath!r})
from qgis.core import QgsApplication
app = QgsApplication([], False)
app.initQgis()
pushed = []
class Bar:
    def pushMessage(self, title, text, level, duration):
        pushed.append([title, text, int(getattr(level, "value", level)), duration])
class Iface:
    def messageBar(self):
        return Bar()
import landcase
plugin = landcase.classFactory(Iface())
algorithms = []
if type(plugin).__name__ == "MissingDependenciesPlugin":  # the full one needs a real iface
    plugin.initGui()
    plugin.initProcessing()
else:
    plugin.initProcessing()
    algorithms = sorted(a.name() for a in plugin.provider.algorithms())
plugin.unload()
print(json.dumps({{"plugin": type(plugin).__name__, "pushed": pushed, "algorithms": algorithms}}))
"""


def _load_with_hidden(*modules: str) -> dict:
    run = subprocess.run(
        [
            sys.executable,
            "-c",
            LOAD_WITH_HIDDEN.format(pythonpath=str(ROOT / "build" / "pythonpath")),
            *modules,
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr
    assert "Traceback" not in run.stderr, run.stderr
    return json.loads(run.stdout.strip().splitlines()[-1])


def test_a_missing_core_package_is_named_with_the_pip_command_and_the_plugin_still_loads():
    loaded = _load_with_hidden("chinese_calendar", "openpyxl")
    assert loaded["plugin"] == "MissingDependenciesPlugin"
    assert len(loaded["pushed"]) == 1
    title, text, level, duration = loaded["pushed"][0]
    assert title == "LandCase"
    assert level == 2 and duration == 0  # Qgis.MessageLevel.Critical, stays until closed
    # The test's Python is a venv's (…/bin/python), not Debian's /usr/bin/python3: pip --user,
    # in the order of the requirement table (chinesecalendar before openpyxl).
    assert f"{sys.executable} -m pip install --user chinesecalendar openpyxl" in text
    assert "deadlines on the official calendar" in text and "Excel workbooks" in text
    assert "pandas" not in text and "exifread" not in text


def test_without_a_feature_package_the_plugin_loads_and_leaves_out_its_algorithms():
    loaded = _load_with_hidden("openpyxl", "reportlab")
    assert loaded["plugin"] == "LandCasePlugin"
    algorithms = set(loaded["algorithms"])
    # statistics_algorithms needs openpyxl (workbook) and reportlab (月报), print_documents
    # reportlab, accountability_algorithms and patrol_report_algorithm both: their nine
    # algorithms are left out, the others load
    left_out = {
        "monthlystatistics",
        "exportsubmission",
        "verificationreports",
        "closeoutreports",
        "dossiers",
        "accountability",
        "printnotices",
        "importreplies",
        "patrolreport",
    }
    assert not algorithms & left_out
    assert {"createdatabase", "importplots", "overlay", "lockround", "verifyrecords"} <= algorithms
    assert {"importzones", "recordpatrols"} <= algorithms
    assert len(algorithms) == 29 - len(left_out)


def test_with_nothing_hidden_the_full_plugin_loads():
    loaded = _load_with_hidden()
    assert loaded["plugin"] == "LandCasePlugin"
    assert loaded["pushed"] == []
    assert len(loaded["algorithms"]) == 29


def test_install_command_on_debian_uses_apt_and_pip_for_what_debian_lacks_or_has_too_old():
    by_module = {r.module: r for r in REQUIREMENTS}
    missing = [
        Missing(by_module["shapely"], "1.8.5"),  # Debian 12's python3-shapely is too old
        Missing(by_module["pandas"], None),
        Missing(by_module["chinese_calendar"], None),  # no Debian package
    ]
    command = install_command(missing, python="/usr/bin/python3")
    if Path("/etc/debian_version").exists():
        assert command == (
            "sudo apt install python3-pandas && /usr/bin/python3 -m pip install --user "
            '--break-system-packages "shapely>=2" chinesecalendar'
        )
    else:
        assert (
            command == '/usr/bin/python3 -m pip install --user "shapely>=2" pandas chinesecalendar'
        )
    other = install_command(missing, python="/opt/qgis/bin/python3")
    assert (
        other == '/opt/qgis/bin/python3 -m pip install --user "shapely>=2" pandas chinesecalendar'
    )


def test_a_too_old_installed_copy_gives_way_to_the_vendored_one(tmp_path):
    # Debian 13's exifread 3.0.0 lacks process_file(extract_thumbnail=...); the zip has 3.5.1.
    old, vendor = tmp_path / "site", tmp_path / "vendor"
    (old / "exifread").mkdir(parents=True)
    (old / "exifread" / "__init__.py").write_text(
        '__version__ = "3.0.0"\ndef process_file(f, details=True):\n    return {}\n'
    )
    (vendor / "exifread").mkdir(parents=True)
    (vendor / "exifread" / "__init__.py").write_text(
        '__version__ = "3.5.1"\n'
        "def process_file(f, details=True, extract_thumbnail=True):\n    return {}\n"
    )
    script = f"""
import sys
sys.path.insert(0, {str(ROOT / "build" / "pythonpath")!r})
sys.path.insert(0, {str(old)!r})
sys.path.append({str(vendor)!r})
import exifread
before = exifread.__version__
from landcase.plugin.dependencies import missing_requirements, prefer_vendored_when_too_old
path = list(sys.path)
taken = prefer_vendored_when_too_old({str(vendor)!r})
import exifread
print(before, taken, exifread.__version__, sys.path == path,
      [str(m) for m in missing_requirements() if m.requirement.module == "exifread"])
"""
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == "3.0.0 ['exifread'] 3.5.1 True []"


def test_a_too_old_copy_without_a_vendored_one_is_named_with_its_version(tmp_path):
    (tmp_path / "exifread").mkdir()
    (tmp_path / "exifread" / "__init__.py").write_text(
        '__version__ = "3.0.0"\ndef process_file(f, details=True):\n    return {}\n'
    )
    script = f"""
import sys
sys.path.insert(0, {str(ROOT / "build" / "pythonpath")!r})
sys.path.insert(0, {str(tmp_path)!r})
from landcase.plugin.dependencies import missing_requirements
print([str(m) for m in missing_requirements()])
"""
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == "['exifread>=3.1 (found 3.0.0)']"
