"""The demo county's database on the local cluster (tools/pg_cluster.py), made anew.

    python tools/demo_database_pg.py    # last line: the postgresql:// URI of landcase_demo

Drops database ``landcase_demo`` (and its group roles) when it exists and creates it empty
from the PostGIS template; tools/build_demo.py then fills it.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from tools import pg_cluster  # noqa: E402

NAME = "landcase_demo"


def main() -> None:
    import psycopg

    uri = pg_cluster.start()
    pg_cluster.drop_database(uri, NAME)
    with psycopg.connect(uri, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{NAME}" TEMPLATE {pg_cluster.TEMPLATE}')
    print(uri.rsplit("/", 1)[0] + "/" + NAME)


if __name__ == "__main__":
    main()
