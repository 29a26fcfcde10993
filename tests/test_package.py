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


VENDORED = (
    "chinese_calendar",
    "exifread",
    "openpyxl",
    "et_xmlfile",
    "reportlab",
    "charset_normalizer",
)


def test_package_carries_the_pure_python_dependencies_and_loads_from_the_unpacked_zip(tmp_path):
    from helpers import qgis_subprocess_env
    from tools.qgis_profile import make_profile

    built = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "package.py"), str(tmp_path / "dist")],
        capture_output=True,
        text=True,
        check=True,
    )
    archive = Path(built.stdout.strip())
    names = zipfile.ZipFile(archive).namelist()
    for package in VENDORED:
        assert f"landcase/vendor/{package}/__init__.py" in names, package
    # Pure Python only: a compiled module would tie the zip to one platform and Python.
    assert not [
        n for n in names if n.startswith("landcase/vendor/") and n.endswith((".so", ".pyd"))
    ]
    extracted = tmp_path / "unpacked"
    zipfile.ZipFile(archive).extractall(extracted)
    plugin = extracted / "landcase"

    # Debian's own Python has no chinesecalendar (Debian does not package it): importing the
    # plugin makes the vendored copy importable, from the end of sys.path.
    system_python = "/usr/bin/python3"
    alone = subprocess.run([system_python, "-c", "import chinese_calendar"], capture_output=True)
    assert alone.returncode != 0
    probe = subprocess.run(
        [
            system_python,
            "-c",
            "import sys, landcase, chinese_calendar; "
            "print(chinese_calendar.__file__); print(sys.path[-1] == landcase.VENDOR)",
        ],
        cwd=extracted,
        capture_output=True,
        text=True,
    )
    assert probe.returncode == 0, probe.stderr
    location, last = probe.stdout.split()
    assert location == str(plugin / "vendor" / "chinese_calendar" / "__init__.py")
    assert last == "True"

    # A fresh qgis_process with a profile whose plugin folder is the unpacked zip.
    profiles = tmp_path / "profiles"
    make_profile(profiles, name="default", enable=False)
    link = profiles / "profiles" / "default" / "python" / "plugins" / "landcase"
    link.unlink()
    link.symlink_to(plugin, target_is_directory=True)
    env = qgis_subprocess_env(profiles)

    def qgis_process(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            ["qgis_process.bin", *args], env=env, capture_output=True, text=True, timeout=180
        )

    enabled = qgis_process("plugins", "enable", "landcase")
    assert enabled.returncode == 0, enabled.stderr
    listed = qgis_process("list")
    assert listed.returncode == 0, listed.stderr
    assert "landcase:createdatabase" in listed.stdout
    assert "Traceback" not in listed.stderr
