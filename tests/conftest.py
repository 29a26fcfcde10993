"""Test set-up: the plugin is imported as ``landcase``, the way QGIS imports it.

The repository root is the plugin folder, so a link named ``landcase`` pointing to it
is put on the import path (build/pythonpath/landcase -> repository root).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
IMPORT_PATH = ROOT / "build" / "pythonpath"
ARTIFACTS = ROOT / "tests" / "artifacts"


def _link_plugin() -> None:
    IMPORT_PATH.mkdir(parents=True, exist_ok=True)
    link = IMPORT_PATH / "landcase"
    if not link.is_symlink():
        link.symlink_to(ROOT, target_is_directory=True)
    for path in (str(IMPORT_PATH), str(ROOT)):  # ROOT: for the dev tools in tools/
        if path not in sys.path:
            sys.path.insert(0, path)


_link_plugin()
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture
def artifacts() -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS


@pytest.fixture(scope="session")
def demo_sample(tmp_path_factory) -> Path:
    """The small sample county, generated once per test run."""
    from tools.sample_county import generate

    folder = tmp_path_factory.mktemp("sample")
    generate(folder, size="small", seed=42)
    return folder


@pytest.fixture(scope="session")
def demo_database(demo_sample, tmp_path_factory) -> Path:
    """The demo database, built the way `make run` builds it."""
    from tools.build_demo import build

    target = tmp_path_factory.mktemp("demo") / "landcase_demo.sqlite"
    build(demo_sample, target)
    return target
