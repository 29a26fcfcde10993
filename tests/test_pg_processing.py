"""Processing on a PostgreSQL case database: a connection wherever a database is taken."""

from __future__ import annotations

import pytest
from test_processing import _qgis_process, headless_profile, plugin_provider  # noqa: F401

from helpers import new_plot
from landcase.cases import CaseStore


def test_createdatabase_on_an_empty_postgresql_database(plugin_provider, pg_database, tmp_path):  # noqa: F811
    import processing

    shared = tmp_path / "共享证据"
    shared.mkdir()
    result = processing.run(
        "landcase:createdatabase",
        {"OUTPUT": pg_database, "CRS": "EPSG:4545", "EVIDENCE_FOLDER": str(shared)},
    )
    assert result["OUTPUT"] == pg_database
    store = CaseStore.open(pg_database)
    assert store.is_postgres and store.srid == 4545 and store.plot_count() == 0
    # photos, scans and reports of every PC go to the shared folder the database records
    assert store.path.parent == shared
    store.close()
    from qgis.core import QgsProcessingException

    with pytest.raises(QgsProcessingException, match="already exists"):
        processing.run("landcase:createdatabase", {"OUTPUT": pg_database, "CRS": "EPSG:4545"})


def test_headless_algorithms_take_a_connection(headless_profile, pg_database, tmp_path):  # noqa: F811
    enabled = _qgis_process(headless_profile, "plugins", "enable", "landcase")
    assert enabled.returncode == 0, enabled.stderr
    created = _qgis_process(
        headless_profile,
        "run",
        "landcase:createdatabase",
        "--",
        f"OUTPUT={pg_database}",
        "CRS=EPSG:4549",
    )
    assert created.returncode == 0, created.stdout + created.stderr
    password = pg_database.split("//", 1)[1].split("@", 1)[0].split(":", 1)[1]
    said = [line for line in created.stdout.splitlines() if "EPSG:4549" in line and "test_" in line]
    assert said and all(f":{password}@" not in line for line in said)  # its own words: no password
    store = CaseStore.open(pg_database)
    batch = store.add_batch("2026年第1批部卫片", received_date="2026-02-01")
    store.add_plots([new_plot(i) for i in range(2)], batch)
    store.close()
    checked = _qgis_process(
        headless_profile,
        "run",
        "landcase:checkcompleteness",
        "--",
        f"DATABASE={pg_database}",
        f"OUTPUT={tmp_path / 'c.csv'}",
    )
    assert checked.returncode == 0, checked.stdout + checked.stderr
    rows = (tmp_path / "c.csv").read_text(encoding="utf-8-sig").splitlines()
    assert len(rows) == 3 and "320100202601000" in rows[1]  # a header and the two plots


def test_grantuser_gives_a_station_its_townships(plugin_provider, pg_database, pg_uri):  # noqa: F811
    import processing
    import psycopg
    from qgis.core import QgsProcessingException

    role = f"u_station_{pg_database.rsplit('_', 1)[1]}"
    with psycopg.connect(pg_uri, autocommit=True) as admin:
        admin.execute(f'CREATE ROLE "{role}" LOGIN')
    try:
        store = CaseStore.create(pg_database, 4549)
        batch = store.add_batch("b", received_date="2026-02-01")
        store.add_plots([new_plot(0, xzqdm="320101001"), new_plot(1, xzqdm="320102001")], batch)
        store.close()
        result = processing.run(
            "landcase:grantuser",
            {"DATABASE": pg_database, "USER": role, "KIND": 1, "SCOPE": "320101"},
        )
        assert result["GROUP"].endswith("_station")
        station = CaseStore.open(pg_database.replace("landcase:landcase@", f"{role}@"))
        assert [p.jcbh for p in station.list_plots("2026-03-01")] == ["320100202601000"]
        station.close()
        with pytest.raises(QgsProcessingException, match="no login role nobody_here"):
            processing.run(
                "landcase:grantuser", {"DATABASE": pg_database, "USER": "nobody_here", "KIND": 0}
            )
    finally:
        from tools import pg_cluster

        pg_cluster.drop_database(pg_uri, pg_database.rsplit("/", 1)[1], (role,))
