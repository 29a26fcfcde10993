"""psycopg inside QGIS: the plugin's driver and QGIS's postgres provider share one libpq
(Debian's, which QGIS links; never a second one bundled in a wheel), and in the venv that
``make deps`` builds psycopg runs its C implementation (psycopg-c, built from its sdist
against that libpq). The Debian roots of ``make test-qgis`` use Debian's python3-psycopg,
which is pure Python (Architecture: all): there only the one-libpq check applies.
"""

from __future__ import annotations

import sys
from pathlib import Path

import psycopg
from qgis.core import QgsDataSourceUri, QgsVectorLayer

from landcase.cases import CaseStore, targets

ROOT = Path(__file__).resolve().parent.parent


def _libpq_files() -> set[str]:
    """The libpq shared objects mapped into this process."""
    with open("/proc/self/maps", encoding="utf-8") as maps:
        return {line.split()[-1] for line in maps if "/libpq.so" in line}


def _plot_layer(uri: str) -> QgsVectorLayer:
    params = targets.libpq_params(uri)
    source = QgsDataSourceUri()
    source.setConnection(
        params["host"], params["port"], params["dbname"], params["user"], params["password"]
    )
    source.setDataSource("public", "plot", "geom", "", "id")
    return QgsVectorLayer(source.uri(False), "plot", "postgres")


def test_psycopg_and_the_postgres_provider_share_one_libpq(qgis_app, pg_database):
    CaseStore.create(pg_database, 4549).close()
    layer = _plot_layer(pg_database)
    assert layer.isValid() and layer.featureCount() == 0  # the provider connected
    with psycopg.connect(pg_database) as db:
        assert db.execute("SELECT count(*) FROM plot").fetchone()[0] == 0

    (libpq,) = _libpq_files()  # one file, loaded by QGIS's provider and used by psycopg
    # libpq.so.5.<major>: the library psycopg reports is that file's
    assert int(libpq.rsplit(".", 1)[1]) == psycopg.pq.version() // 10_000
    if Path(sys.prefix).resolve() == (ROOT / ".venv").resolve():  # make deps' venv
        assert psycopg.pq.__impl__ == "c"
