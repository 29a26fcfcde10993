"""Test set-up: the plugin is imported as ``landcase``, the way QGIS imports it.

The repository root is the plugin folder, so a link named ``landcase`` pointing to it
is put on the import path (build/pythonpath/landcase -> repository root).
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "tests" / "artifacts"

if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))  # for the dev tools in tools/
from tools.devpath import link_plugin  # noqa: E402

link_plugin()
from pg_fixtures import (  # noqa: E402, F401  (PostgreSQL cluster)
    case_target,
    module_target,
    pg_database,
    pg_uri,
)

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Evidence of PostgreSQL case databases that record no shared folder (store_pg.working_folder)
os.environ["LANDCASE_EVIDENCE_ROOT"] = str(ROOT / "build" / "test-evidence")


# A test module needs QGIS when it imports qgis or processing, the plugin's QGIS rooms
# (layers, forms, plugin) or a pytest-qgis fixture; its tests get the marker `qgis`, which
# `make test-qgis` selects in the Debian roots of other QGIS versions.
NEEDS_QGIS = re.compile(
    r"^\s*(from|import)\s+(qgis|processing)\b|landcase\.(layers|forms|plugin)\b|\bqgis_[a-z_]+\b",
    re.M,
)
_needs_qgis: dict[Path, bool] = {}


def pytest_collection_modifyitems(config, items):
    # Tests of what only a SpatiaLite file has (a plain sqlite3 connection writing it,
    # SQLite's trigger syntax) are not collected for the PostgreSQL backend: not skipped,
    # since there is nothing to do there; the server's own tests say what holds there.
    kept, dropped = [], []
    for item in items:
        callspec = getattr(item, "callspec", None)
        on_postgis = callspec is not None and "postgis" in (
            callspec.params.get("case_target"),
            callspec.params.get("module_target"),
        )
        (dropped if on_postgis and item.get_closest_marker("spatialite_only") else kept).append(
            item
        )
    if dropped:
        config.hook.pytest_deselected(items=dropped)
        items[:] = kept
    for item in items:
        path = Path(str(item.fspath))
        if path not in _needs_qgis:
            _needs_qgis[path] = bool(NEEDS_QGIS.search(path.read_text(encoding="utf-8")))
        if _needs_qgis[path]:
            item.add_marker(pytest.mark.qgis)


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


@pytest.fixture(autouse=True, scope="session")
def _collect_before_qgis_exits(qgis_app):
    """Qt and QGIS objects kept in reference cycles (a traceback's frames, a closure) are
    collected while QGIS still runs: collected after exitQgis (pytest's last garbage
    collection), they crash the interpreter and the run ends with a segmentation fault."""
    yield
    import gc

    for _ in range(3):
        gc.collect()


@pytest.hookimpl(trylast=True)
def pytest_sessionfinish(session, exitstatus):
    session.config._landcase_exit_status = int(exitstatus)


@pytest.hookimpl(trylast=True)
def pytest_unconfigure(config):
    """End the process once pytest has reported: the full run's interpreter teardown (after
    every test passed and the summary was printed) crashes in the Qt/QGIS bindings' static
    destructors, and a segmentation fault would turn a green run red. The exit status is
    pytest's own."""
    status = getattr(config, "_landcase_exit_status", None)
    if status is None:
        return
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(status)
