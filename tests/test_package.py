"""The release zip: one folder landcase/ that QGIS can install, without dev files."""

from __future__ import annotations

import configparser
import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REQUIRED_METADATA = [
    "name",
    "qgisMinimumVersion",
    "description",
    "about",
    "version",
    "author",
    "email",
    "tags",
    "homepage",
    "tracker",
    "repository",
    "icon",
    "hasProcessingProvider",
    "experimental",
    "changelog",
]


def test_metadata_is_complete():
    metadata = configparser.ConfigParser(interpolation=None)
    metadata.read(ROOT / "metadata.txt", encoding="utf-8")
    general = metadata["general"]
    missing = [key for key in REQUIRED_METADATA if not general.get(key, "").strip()]
    assert not missing
    assert general["qgisMinimumVersion"] == "3.22"
    assert general["hasProcessingProvider"] == "yes"
    assert (ROOT / general["icon"]).exists()


def test_package_holds_one_plugin_folder_without_dev_files(tmp_path):
    result = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "package.py"), str(tmp_path)],
        capture_output=True,
        text=True,
        check=True,
    )
    archive = Path(result.stdout.strip())
    assert archive.name.startswith("landcase-") and archive.suffix == ".zip"
    names = zipfile.ZipFile(archive).namelist()
    assert {name.split("/")[0] for name in names} == {"landcase"}
    for needed in (
        "landcase/__init__.py",
        "landcase/metadata.txt",
        "landcase/cases/store.py",
        "landcase/resources/styles/plot_status.qml",
        "landcase/resources/i18n/landcase_zh_CN.qm",
    ):
        assert needed in names
    for unwanted in (
        "tests/",
        "tools/",
        "benchmarks/",
        ".venv",
        "Makefile",
        "pyproject",
        "__pycache__",
        ".ts",
    ):
        assert not [n for n in names if unwanted in n], unwanted
    # The zip's own copy imports as 'landcase' and its classFactory is there.
    extracted = tmp_path / "plugins"
    zipfile.ZipFile(archive).extractall(extracted)
    check = subprocess.run(
        [sys.executable, "-c", "import landcase; print(callable(landcase.classFactory))"],
        cwd=extracted,
        capture_output=True,
        text=True,
    )
    assert check.stdout.strip() == "True", check.stderr
