"""Fixtures for the PostgreSQL/PostGIS tests: the local cluster of tools/pg_cluster.py.

``pg_uri`` starts the cluster under build/pg when it is not running (and stops it at the
end of the session only if it started it) and gives the URI of its ``landcase`` database.
``pg_database`` gives each test a fresh database with PostGIS (a copy of the PostGIS
template) and drops it afterwards. Nothing is installed here: ``make deps`` installs
PostgreSQL 15, PostGIS and psycopg; without them these fixtures fail, they never skip.
"""

from __future__ import annotations

import contextlib
import os
import uuid
from collections.abc import Iterator

import pytest

from tools import pg_cluster


@pytest.fixture(scope="session")
def pg_uri() -> Iterator[str]:
    given = os.environ.get("LANDCASE_TEST_PG_URI")
    if given:  # a server run for us (tools/qgis_root.sh: the host's cluster)
        yield given
        return
    started_here = not pg_cluster.is_running()
    uri = pg_cluster.start()
    try:
        yield uri
    finally:
        if started_here:
            pg_cluster.stop()


def database_uri(server_uri: str, name: str) -> str:
    """The URI of database ``name`` on the server of ``server_uri``."""
    return server_uri.rsplit("/", 1)[0] + "/" + name


@contextlib.contextmanager
def fresh_database(server_uri: str) -> Iterator[str]:
    """A new database with PostGIS (a copy of the template), dropped afterwards."""
    import psycopg

    name = f"test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(server_uri, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}" TEMPLATE {pg_cluster.TEMPLATE}')
    try:
        yield database_uri(server_uri, name)
    finally:
        pg_cluster.drop_database(server_uri, name)


@pytest.fixture
def pg_database(pg_uri) -> Iterator[str]:
    with fresh_database(pg_uri) as uri:
        yield uri


BACKENDS = ("spatialite", "postgis")


@pytest.fixture(params=BACKENDS)
def case_target(request, tmp_path) -> str:
    """Where a test's case database goes, once per backend: a SpatiaLite file, or a fresh
    PostgreSQL database on the local cluster (the same tests run on both)."""
    if request.param == "spatialite":
        return str(tmp_path / "s.sqlite")
    return request.getfixturevalue("pg_database")


@pytest.fixture(scope="module", params=BACKENDS)
def module_target(request, tmp_path_factory) -> Iterator[str]:
    """``case_target`` for a database a whole module shares (built once per backend)."""
    if request.param == "spatialite":
        yield str(tmp_path_factory.mktemp("shared") / "shared.sqlite")
        return
    with fresh_database(request.getfixturevalue("pg_uri")) as uri:
        yield uri
