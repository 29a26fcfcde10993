"""Small builders shared by the tests (no QGIS needed)."""

from __future__ import annotations

import hashlib
from pathlib import Path

import shapely

from landcase.cases import CaseStore, NewPlot

ORIGIN = (500_000.0, 3_400_000.0)  # inside EPSG:4549, CM 120E


def square(index: int, size: float = 40.0) -> shapely.Polygon:
    x = ORIGIN[0] + index * 100.0
    return shapely.box(x, ORIGIN[1], x + size, ORIGIN[1] + size)


def new_plot(index: int, **fields) -> NewPlot:
    defaults = dict(jcbh=f"320100202601{index:03d}", geometry=square(index), township="青山镇")
    defaults.update(fields)
    return NewPlot(**defaults)


def small_database(path: Path, plots: int = 5) -> CaseStore:
    store = CaseStore.create(path, 4549, user="测试员")
    batch = store.add_batch("2026年第1批部卫片", received_date="2026-02-01")
    store.add_plots([new_plot(i) for i in range(plots)], batch)
    return store


def audit_name(store: CaseStore, actor: str) -> str:
    """Who the audit log names for changes made while ``actor`` acts: that name in a
    SpatiaLite file; on a server always the session user (a user cannot name another)."""
    return store._db.session_user if store.is_postgres else actor


def force_status(store: CaseStore, plot_id: int, status: str) -> None:
    """Put a case in ``status`` with a bare UPDATE, past the workflow and its guards, as
    another program editing the file would: for tests of what the database itself does
    (audit rows, seals, the panel's filters), not of the workflow."""
    with store.transaction() as db:
        db.execute(
            "UPDATE case_record SET status = ?, updated_at = "
            "strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE plot_id = ?",
            (status, plot_id),
        )


def file_digest(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def qgis_subprocess_env(profiles_path: Path) -> dict:
    """Environment for a QGIS program started from a test: our venv's packages on
    QGIS's Python path, and a profile of our own (never the user's)."""
    import os
    import sysconfig

    env = dict(os.environ)
    site_packages = sysconfig.get_paths()["purelib"]
    env["PYTHONPATH"] = os.pathsep.join(p for p in (site_packages, env.get("PYTHONPATH")) if p)
    env["QGIS_CUSTOM_CONFIG_PATH"] = str(profiles_path)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    return env
