"""The local PostgreSQL/PostGIS cluster the PostgreSQL backend will be tested on (issue 14)."""

from __future__ import annotations

import math
import os
import pwd
import uuid

import psycopg
from pg_fixtures import database_uri

from tools import pg_cluster

# An L-shaped plot in CGCS2000 / 3-degree Gauss-Kruger CM 120E (EPSG:4549), metres:
# the 100 m x 50 m rectangle from (500000, 3400000) without its 30 m x 20 m corner at the
# top right. Area by hand: 100 * 50 - 30 * 20 = 5000 - 600 = 4400 m².
L_PLOT = (
    "POLYGON((500000 3400000, 500100 3400000, 500100 3400030, 500070 3400030,"
    " 500070 3400050, 500000 3400050, 500000 3400000))"
)
L_AREA_M2 = 100 * 50 - 30 * 20


def test_start_is_idempotent_and_listens_on_socket_and_loopback(pg_uri):
    assert pg_uri.startswith("postgresql://landcase:landcase@127.0.0.1:")
    port = int((pg_cluster.BASE / "port").read_text())
    assert pg_uri.endswith(f":{port}/landcase")
    assert pg_cluster.start() == pg_uri  # already running: the same URI, nothing restarted
    with psycopg.connect(
        host=str(pg_cluster.BASE), port=port, user="landcase", dbname="landcase"
    ) as db:
        assert db.execute("SHOW listen_addresses").fetchone() == ("127.0.0.1",)
        assert db.execute("SHOW server_version_num").fetchone()[0].startswith("15")
        assert db.execute(
            "SELECT rolsuper FROM pg_roles WHERE rolname = current_user"
        ).fetchone() == (True,)
        assert db.execute("SHOW server_encoding").fetchone() == ("UTF8",)


def test_server_runs_as_unprivileged_user(pg_uri):
    expected = "landcase-pg" if os.geteuid() == 0 else pwd.getpwuid(os.geteuid()).pw_name
    assert pg_cluster.server_user() == expected
    # Asked from inside the server: the operating-system user its processes run as.
    with psycopg.connect(pg_uri) as db:
        db.execute("CREATE TEMP TABLE whoami (name text)")
        db.execute("COPY whoami FROM PROGRAM 'id -un'")
        assert db.execute("SELECT name FROM whoami").fetchone() == (expected,)
    assert expected != "root"


def test_postgis_extension_can_be_created_in_a_new_database(pg_uri):
    name = f"plain_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(pg_uri, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}" TEMPLATE template0')
    try:
        with psycopg.connect(database_uri(pg_uri, name)) as db:
            before = db.execute("SELECT count(*) FROM pg_extension WHERE extname = 'postgis'")
            assert before.fetchone() == (0,)
            db.execute("CREATE EXTENSION postgis")
            version = db.execute("SELECT postgis_lib_version()").fetchone()[0]
            assert version.split(".")[0] == "3"
    finally:
        with psycopg.connect(pg_uri, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE "{name}" WITH (FORCE)')


def test_cgcs2000_gk_area_and_transform(pg_database):
    with psycopg.connect(pg_database) as db:
        db.execute("CREATE EXTENSION IF NOT EXISTS postgis")  # the template has it already
        db.execute("CREATE TABLE plot (id int PRIMARY KEY, geom geometry(Polygon, 4549))")
        db.execute("INSERT INTO plot VALUES (1, ST_GeomFromText(%s, 4549))", (L_PLOT,))
        planar, srid = db.execute("SELECT ST_Area(geom), ST_SRID(geom) FROM plot").fetchone()
        assert planar == L_AREA_M2 and srid == 4549

        lon, lat, ellipsoidal = db.execute(
            "SELECT ST_X(c), ST_Y(c), ST_Area(g::geography) FROM ("
            " SELECT ST_Transform(ST_Centroid(geom), 4490) AS c, ST_Transform(geom, 4490) AS g"
            " FROM plot) AS t"
        ).fetchone()
    # 3,400 km north of the equator at about 110.8 km per degree of latitude: about 30.7°N.
    assert 30.6 < lat < 30.8
    # The centroid of the L lies east of the central meridian 120°E by
    # x = (5000 * 50 - 600 * 85) / 4400 = (250000 - 51000) / 4400 = 45.227 m; a degree of
    # longitude there is N cos(lat) * pi / 180 with N = a / sqrt(1 - e² sin² lat) (CGCS2000).
    a, f = 6378137.0, 1 / 298.257222101
    e2 = f * (2 - f)
    phi = math.radians(lat)
    metres_per_degree = a / math.sqrt(1 - e2 * math.sin(phi) ** 2) * math.cos(phi) * math.pi / 180
    x_centroid = (5000 * 50 - 600 * 85) / 4400
    assert abs(lon - (120 + x_centroid / metres_per_degree)) < 1e-7  # ~1 cm
    # On the central meridian the Gauss-Kruger scale is 1 (1 + x²/2R² ~ 1 + 3e-11 at 50 m):
    # the area on the ellipsoid equals the planar area to well under a square centimetre.
    assert abs(ellipsoidal - L_AREA_M2) < 0.01
