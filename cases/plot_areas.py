"""Each plot's planar and official ellipsoidal area, kept on the plot row (no Qt, no QGIS).

The official figure of a plot (椭球面积, the 三调 method of ``ellipsoid_area``) is computed
when the plot is stored, so that statistics, documents and exports have it whether or not a
desk comparison has run. A trigger (schema v5) clears both areas when another program (QGIS
editing the plot layer) changes a geometry; ``fill_missing`` computes them again, and runs
when a store opens and after the plugin commits edits of the plot layer.
"""

from __future__ import annotations

import sqlite3

import numpy as np
import shapely

from .ellipsoid_area import ellipsoidal_areas

STALE_TRIGGER = """
    CREATE TRIGGER IF NOT EXISTS plot_area_stale AFTER UPDATE OF geom ON plot
    WHEN NEW.geom IS NOT OLD.geom
    BEGIN
        UPDATE plot SET area_planar_m2 = NULL, area_ellipsoidal_m2 = NULL WHERE id = NEW.id;
    END
"""


def compute(geometries, srid: int) -> tuple[np.ndarray, np.ndarray]:
    """(planar m², ellipsoidal m²) of each geometry, in EPSG:``srid``."""
    geometries = np.asarray(geometries, dtype=object).reshape(-1)
    return shapely.area(geometries), ellipsoidal_areas(geometries, srid)


def has_missing(db: sqlite3.Connection) -> bool:
    row = db.execute(
        "SELECT 1 FROM plot WHERE area_ellipsoidal_m2 IS NULL AND geom IS NOT NULL LIMIT 1"
    ).fetchone()
    return row is not None


def fill_missing(db: sqlite3.Connection, srid: int) -> int:
    """Compute the areas of the plots that have none (inside the caller's transaction);
    returns how many plots were filled."""
    rows = db.execute(
        "SELECT id, AsBinary(geom) FROM plot WHERE area_ellipsoidal_m2 IS NULL AND geom IS NOT NULL"
    ).fetchall()
    if not rows:
        return 0
    geometries = shapely.from_wkb([row[1] for row in rows])
    planar, ellipsoidal = compute(geometries, srid)
    db.executemany(
        "UPDATE plot SET area_planar_m2 = ?, area_ellipsoidal_m2 = ? WHERE id = ?",
        [
            (float(p), float(e), row[0])
            for p, e, row in zip(planar.tolist(), ellipsoidal.tolist(), rows)
        ],
    )
    return len(rows)
