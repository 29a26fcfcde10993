"""One chunk of plots against one role, module level (the forked workers use it too): the
plots' part of a chunk, the (plot, feature) pairs from the role's STRtree, the covered
pairs, the intersections (snapped to a 1 mm grid when GEOS fails) and the class codes of
the pieces. See ``overlay_engine.py``.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import shapely

from ..cases import overlay_records as rec
from ..cases.ellipsoid_area import ellipsoidal_areas
from ..cases.overlay_records import OverlayRow
from .overlay_rows import (
    PAIR_APPROXIMATE,
    PAIR_FAILED,
    text_value,
)
from .role_features import (
    RoleFeatures,
)

APPROXIMATE_GRID_M = 0.001
SMALL_CHUNK = 16  # up to this many plots, covered pairs are tested directly


# -- helpers (module level: also used by forked workers) -------------------------------


@dataclass
class _PlotPart:
    """The usable plots of a chunk, their original geometries and areas, and the rows
    and repairs so far."""

    ids: list
    plots: np.ndarray
    original: np.ndarray
    rows: list
    repairs: list
    planar: np.ndarray | None = None
    ellipsoidal: np.ndarray | None = None
    _tree: shapely.STRtree | None = None

    @property
    def tree(self) -> shapely.STRtree:
        if self._tree is None:
            self._tree = shapely.STRtree(self.plots)
        return self._tree


@dataclass
class _Pairs:
    plot_index: np.ndarray
    feature_index: np.ndarray
    planar: np.ndarray
    ellipsoidal: np.ndarray
    pieces: np.ndarray | None
    status: np.ndarray


def _overlay_pairs(part, pair_plot, features, covered, srid, need_pieces):
    """Planar and ellipsoidal areas of each plot ∩ feature pair, the pieces (when asked
    for or needed) and a status per pair (exact, approximate on a 1 mm grid, failed).
    When the plot part has no areas yet, they are computed with the pieces' (one call of
    ``ellipsoidal_areas``) and set on it."""
    plots = part.plots
    n = len(pair_plot)
    status = np.zeros(n, dtype=np.int8)
    pieces = np.empty(n, dtype=object) if need_pieces else None
    if pieces is not None:
        pieces[covered] = plots[pair_plot[covered]]  # the piece is the plot itself
    rest = np.flatnonzero(~covered)
    cut = np.empty(0, dtype=object)
    if len(rest):
        cut, cut_status = _safe_intersection(plots[pair_plot[rest]], features[rest])
        status[rest] = cut_status
        if pieces is not None:
            pieces[rest] = cut
    known = part.planar is not None
    both = cut if known else np.concatenate([plots, cut])
    planar_both = shapely.area(both)
    ellipsoidal_both = ellipsoidal_areas(both, srid)
    if not known:
        part.planar, part.ellipsoidal = planar_both[: len(plots)], ellipsoidal_both[: len(plots)]
    offset = 0 if known else len(plots)
    planar = part.planar[pair_plot]
    ellipsoidal = part.ellipsoidal[pair_plot]
    planar[rest] = planar_both[offset:]
    ellipsoidal[rest] = ellipsoidal_both[offset:]
    failed = status == PAIR_FAILED
    planar[failed] = np.nan
    ellipsoidal[failed] = np.nan
    return planar, ellipsoidal, pieces, status


def _role_pairs(features: RoleFeatures, part) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Every (plot, feature) pair whose geometries intersect, and whether the feature
    covers the plot (then no overlay is needed). In bulk the covered pairs are found from
    the plots' side (a tree of the chunk's plots queried with each feature, prepared for
    that query only: thread-safe); for a few plots, directly."""
    plots = part.plots
    if not len(features):
        empty = np.empty(0, dtype=np.int64)
        return empty, empty, np.zeros(0, dtype=bool)
    plot_index, feature_index = features.tree.query(plots, predicate="intersects")
    if len(plots) <= SMALL_CHUNK or not len(plot_index):
        return (
            plot_index,
            feature_index,
            shapely.covers(features.geometries[feature_index], plots[plot_index]),
        )
    involved = np.unique(feature_index)
    by_feature, by_plot = part.tree.query(features.geometries[involved], predicate="covers")
    width = len(features)
    covered = np.isin(
        plot_index.astype(np.int64) * width + feature_index,
        by_plot.astype(np.int64) * width + involved[by_feature],
    )
    return plot_index, feature_index, covered


def _warm(features: RoleFeatures, parts) -> None:
    """Build a role's lazy parts (its STRtree, which GEOS builds at the first query, and
    its code lists) in the calling thread, before worker threads share them."""
    if len(features):
        first = next((part.plots[:1] for part in parts if len(part.ids)), None)
        if first is not None:
            features.tree.query(first)
        if features.role == rec.LANDUSE:
            features.codes()


def _warm_tree(tree, part) -> None:
    if tree is not None and len(part.ids):
        tree.query(part.plots[:1])


def _needs_pieces(role: str) -> bool:
    return role in rec.MASK_ROLES or role in (rec.APPROVAL, rec.FACILITY)


def _plot_rows(part) -> list[OverlayRow]:
    digests = rec.plot_digests(part.original)
    return [
        OverlayRow(pid, rec.PLOT, None, None, planar_m2, ellipsoidal_m2, digest)
        for pid, planar_m2, ellipsoidal_m2, digest in zip(
            part.ids, part.planar.tolist(), part.ellipsoidal.tolist(), digests
        )
    ]


def _kept(role, features, pairs, part) -> dict:
    kept: dict = {}
    codes = _class_codes(role, features, pairs.feature_index)
    for p, code, piece in zip(pairs.plot_index.tolist(), codes, pairs.pieces.tolist()):
        if piece is not None and not piece.is_empty:
            kept.setdefault(part.ids[p], []).append((role, code, piece))
    return kept


def _safe_intersection(a: np.ndarray, b: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    try:
        return shapely.intersection(a, b), np.zeros(len(a), dtype=np.int8)
    except shapely.errors.GEOSException:
        pass
    cut = np.empty(len(a), dtype=object)
    status = np.zeros(len(a), dtype=np.int8)
    for index, (x, y) in enumerate(zip(a.tolist(), b.tolist())):
        try:
            cut[index] = shapely.intersection(x, y)
        except shapely.errors.GEOSException:
            try:
                cut[index] = shapely.intersection(x, y, grid_size=APPROXIMATE_GRID_M)
                status[index] = PAIR_APPROXIMATE
            except shapely.errors.GEOSException:
                cut[index] = shapely.Polygon()
                status[index] = PAIR_FAILED
    return cut, status


def _class_codes(role, features, feature_index) -> list:
    if role == rec.LANDUSE:
        code_index, codes = features.codes()[:2]
        return [codes[i] for i in code_index[feature_index].tolist()]
    if role in ("temporary", rec.APPROVAL, rec.FACILITY):
        return [text_value(v) for v in features.column("number")[feature_index].tolist()]
    return [None] * len(feature_index)
