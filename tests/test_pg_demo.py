"""The demo county built on a server equals the one built in a file: the import (with its
repairs and duplicates), the areas and the desk comparison give the same rows."""

from __future__ import annotations

import pytest

from landcase.cases import CaseStore

OVERLAY = (
    "SELECT p.jcbh, o.role, o.class_code, o.area_planar_m2, o.area_ellipsoidal_m2 "
    "FROM overlay AS o JOIN plot AS p ON p.id = o.plot_id "
    "ORDER BY p.jcbh, o.role, COALESCE(o.class_code, ''), o.area_planar_m2"
)
PLOTS = (
    "SELECT jcbh, xzqdm, township, village, area_planar_m2, area_ellipsoidal_m2, "
    "geometry_repair, same_shape_as FROM plot ORDER BY jcbh"
)


def test_the_demo_on_a_server_equals_the_demo_in_a_file(demo_database, demo_sample, pg_database):
    from tools.build_demo import build

    summary = build(demo_sample, pg_database)
    server, file = CaseStore.open(pg_database), CaseStore.open(demo_database)
    try:
        assert summary["plots"] == file.plot_count() == server.plot_count() > 400
        for sql in (PLOTS, OVERLAY):
            rows_server = [tuple(r) for r in server._db.execute(sql).fetchall()]
            rows_file = [tuple(r) for r in file._db.execute(sql).fetchall()]
            assert len(rows_server) == len(rows_file) > 400
            for a, b in zip(rows_server, rows_file):
                assert a[:3] == b[:3]
                for x, y in zip(a[3:], b[3:]):
                    if isinstance(x, float) or isinstance(y, float):
                        assert x == pytest.approx(y, rel=1e-12, abs=1e-9)
                    else:
                        assert x == y
        assert [p.status for p in server.list_plots()] == [p.status for p in file.list_plots()]
    finally:
        server.close()
        file.close()
