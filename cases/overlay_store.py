"""The overlay rows in the case database: saved per plot in one transaction, read back
as a breakdown, the plots to recompute, the plot's stored official area. Plain Python over
the store (no Qt, no QGIS)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import shapely

from .overlay_breakdown import PLOT, Breakdown, OverlayRow, breakdown_from_rows, plot_digests
from .overlay_roles import OVERLAY_ROLES

# -- the store ------------------------------------------------------------------------


def _db(store):
    return store._db  # noqa: SLF001 (cases/ owns the SQL; the store has no reader for this)


def save_overlay(store, rows: Iterable, plot_ids: Iterable[int] | None = None) -> int:
    """Replace the overlay rows of the plots in ONE transaction: the earlier rows of every
    plot in ``plot_ids`` (default: the plots the rows name) are deleted, the new rows
    inserted. Returns the number of rows written."""
    rows = [tuple(row) for row in rows]
    ids = sorted(set(plot_ids) if plot_ids is not None else {row[0] for row in rows})
    with store.transaction() as db:
        for start in range(0, len(ids), 500):  # under SQLite's bound-parameter limit
            chunk = ids[start : start + 500]
            db.execute(
                f"DELETE FROM overlay WHERE plot_id IN ({', '.join('?' * len(chunk))})", chunk
            )
        db.executemany(
            """INSERT INTO overlay (plot_id, role, class_code, class_name, area_planar_m2,
                   area_ellipsoidal_m2, layer_version) VALUES (?, ?, ?, ?, ?, ?, ?)""",
            rows,
        )
    return len(rows)


def overlay_rows(store, plot_id: int) -> list[OverlayRow]:
    cursor = _db(store).execute(
        """SELECT plot_id, role, class_code, class_name, area_planar_m2, area_ellipsoidal_m2,
               layer_version FROM overlay WHERE plot_id = ? ORDER BY id""",
        (plot_id,),
    )
    return [OverlayRow._make(row) for row in cursor]


def read_breakdown(store, plot_id: int) -> Breakdown | None:
    """The stored breakdown of a plot, or None when it was never computed."""
    rows = overlay_rows(store, plot_id)
    if not rows:
        return None
    computed_at = (
        _db(store)
        .execute("SELECT max(computed_at) FROM overlay WHERE plot_id = ?", (plot_id,))
        .fetchone()[0]
    )
    return breakdown_from_rows(rows, computed_at)


def plot_official_area(store, plot_id: int) -> float | None:
    """The plot's official area as stored with it (``plot.area_ellipsoidal_m2``, 椭球面积);
    None when it is not computed (yet) or the plot does not exist."""
    row = (
        _db(store)
        .execute("SELECT area_ellipsoidal_m2 FROM plot WHERE id = ?", (plot_id,))
        .fetchone()
    )
    return None if row is None else row[0]


def plot_geometries(store, where: str | None = None, params: Iterable = ()) -> list[tuple]:
    """(id, 监测编号, WKB) of the plots, all or those ``where`` selects (SQL over the plot
    table, for callers inside cases/ and tests)."""
    sql = "SELECT id, jcbh, AsBinary(geom) FROM plot"
    if where:
        sql += f" WHERE {where}"
    return [
        (row[0], row[1], bytes(row[2]))
        for row in _db(store).execute(sql + " ORDER BY id", tuple(params))
        if row[2]
    ]


def plots_by_id(store, plot_ids: Iterable[int]) -> list[tuple]:
    """(id, 监测编号, WKB) of the given plots, in id order."""
    ids = sorted(set(plot_ids))
    found = []
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        found += plot_geometries(store, f"id IN ({', '.join('?' * len(chunk))})", chunk)
    return sorted(found)


def stale_plots(store, versions: Mapping[str, str | None]) -> list[int]:
    """Plots whose overlay is missing or outdated: never computed, their geometry changed
    since, or a role of ``versions`` (role → the version its layer has now; None: the role
    is not set) compared from another version, or not compared while it is set now, or
    compared while it is no longer set."""
    stored: dict[int, dict[str, str | None]] = {}
    for plot_id, role, version in _db(store).execute(
        "SELECT plot_id, role, layer_version FROM overlay WHERE class_code IS NULL"
    ):
        stored.setdefault(plot_id, {})[role] = version
    stale = []
    plots = plot_geometries(store)
    digests = plot_digests(shapely.from_wkb([wkb for _id, _jcbh, wkb in plots]))
    for (plot_id, _jcbh, _wkb), digest in zip(plots, digests):
        have = stored.get(plot_id)
        if have is None or have.get(PLOT) != digest:
            stale.append(plot_id)
        elif any(
            (role in have) != (version is not None) or (role in have and have[role] != version)
            for role, version in versions.items()
            if role in OVERLAY_ROLES
        ):
            stale.append(plot_id)
    return stale
