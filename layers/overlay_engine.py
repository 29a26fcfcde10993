"""The overlay engine of the desk comparison (内业比对): plots × role layers → areas.

Pure computation (shapely 2, numpy; no QGIS): it takes geometries in the case database's
CRS and their attributes, and returns ``OverlayRow``s (see ``cases/overlay_records`` for
what each row means). Only the adapter ``layers/role_layers.py`` reads QGIS layers.
A role's features (repaired, indexed, their land-use codes) are ``role_features``; the rows
of a role from its (plot, feature) pairs are built by ``overlay_rows``; the pairs of a
chunk and their intersections are found by ``overlay_pairs``.

How a chunk of plots is computed:

1. The plots are checked; an invalid plot is repaired with make_valid keeping its polygonal
   part (the importer's ``cases.intake.repair``), and the repair is recorded.
2. Each role's features (repaired the same way when they were loaded) are in an STRtree;
   one query per role gives every (plot, feature) pair whose geometries intersect.
3. A feature that covers the plot gives the plot itself (no overlay needed), any other
   pair ``shapely.intersection``. Planar areas with ``shapely.area``, ellipsoidal areas
   with ``cases.ellipsoid_area.ellipsoidal_areas`` (the official 三调 method) on the pieces.
4. Sums per plot and class with ``np.bincount`` (plain Python for a few plots); per-role
   totals are the area inside the union of the role's features (pieces that overlap
   inside a plot are unioned, not counted twice).

In bulk, the plots are split into chunks and each (role, chunk) is a task for two threads
(shapely and numpy release the GIL in their array operations), started as soon as the
role's features are there (the adapter reads the next role meanwhile); optionally the
chunks go to two forked processes instead. One plot (the interactive check) is computed in
the calling thread with all roles' pieces in one ``ellipsoidal_areas`` call.

Nothing is silently zero: a GEOS failure on a pair is retried on a 1 mm grid (and
flagged ``approximate``); if that fails too the pair is left out of the totals and the
plot carries a ``not_computed`` check.
"""

from __future__ import annotations

import math
import multiprocessing
import os
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import (
    FIRST_COMPLETED,
    Executor,
    Future,
    ProcessPoolExecutor,
    ThreadPoolExecutor,
    wait,
)
from dataclasses import dataclass

import numpy as np
import shapely

from ..cases import overlay_records as rec
from ..cases.ellipsoid_area import ellipsoidal_areas
from ..cases.overlay_records import OverlayRow
from .overlay_pairs import (  # noqa: F401 (re-exported: callers import them from here)
    APPROXIMATE_GRID_M,
    SMALL_CHUNK,
    _class_codes,
    _kept,
    _needs_pieces,
    _overlay_pairs,
    _Pairs,
    _plot_rows,
    _PlotPart,
    _role_pairs,
    _safe_intersection,
    _warm,
    _warm_tree,
)
from .overlay_rows import (  # noqa: F401 (tolerances re-exported)
    IDENTITY_TOLERANCE_M2,
    OVERLAP_TOLERANCE_M2,
    PAIR_APPROXIMATE,
    PAIR_FAILED,
    role_rows,
    role_rows_small,
    text_value,
)
from .role_features import (  # noqa: F401 (re-exported: callers import them from here)
    CLASSES,
    Repair,
    RoleFeatures,
    repair_polygons,
)

_FORKED_ENGINE: OverlayEngine | None = None  # the engine a forked worker computes with


@dataclass
class OverlayResult:
    """The rows of a batch of plots, and what happened on the way."""

    rows: list[OverlayRow]
    plot_ids: list
    repairs: list[Repair]  # of the plots
    pieces: dict | None = None  # plot id → [(role, class code, geometry)], when kept

    def rows_of(self, plot_id) -> list[OverlayRow]:
        return [row for row in self.rows if row.plot_id == plot_id]

    def breakdown(self, plot_id) -> rec.Breakdown | None:
        return rec.breakdown_from_rows(self.rows_of(plot_id))


class OverlayEngine:
    """Overlay of plots with the role layers' features, in the database CRS ``srid``."""

    def __init__(
        self,
        srid: int,
        roles: Mapping[str, RoleFeatures],
        workers: int = 2,
        parallel: str = "threads",
        executor: Executor | None = None,
    ):
        self.srid = srid
        self.roles = {role: features for role, features in roles.items() if features is not None}
        self.workers = max(1, workers)
        self.parallel = parallel  # "threads" or "processes"
        self._executor: Executor | None = executor
        self._own_executor = executor is None

    # -- entry points -----------------------------------------------------------------

    def compute(
        self,
        plot_ids: Sequence,
        geometries: Sequence,
        *,
        chunk_size: int | None = None,
        progress: Callable[[float], None] | None = None,
        is_canceled: Callable[[], bool] | None = None,
        keep_pieces: bool = False,
        pending: Mapping[str, Future] | None = None,
        resolve: Callable[[str, Future], RoleFeatures] | None = None,
    ) -> OverlayResult:
        """Rows for every plot; ``progress`` gets 0–100, ``is_canceled`` is checked between
        pieces of work (a canceled computation returns the plots completed so far).

        ``pending``: roles whose features are still being read (futures); ``resolve(role,
        future)``, called in this thread, gives their ``RoleFeatures`` (default: the
        future's result). With threads, the roles already there are computed meanwhile."""
        resolve = resolve or (lambda _role, future: future.result())
        plot_ids = list(plot_ids)
        geometries = np.asarray(geometries, dtype=object).reshape(-1)
        if len(plot_ids) != len(geometries):
            raise ValueError("one id per plot geometry")
        n = len(plot_ids)
        if chunk_size is None:
            chunk_size = self.chunk_size(n)
        starts = list(range(0, n, chunk_size))
        chunks = [(plot_ids[s : s + chunk_size], geometries[s : s + chunk_size]) for s in starts]
        result = OverlayResult([], [], [], {} if keep_pieces else None)
        threads = self.workers > 1 and len(chunks) > 1 and self.parallel != "processes"
        if threads:
            return self._pipelined(
                chunks, result, progress, is_canceled, keep_pieces, pending, resolve
            )
        if pending:
            for role, future in pending.items():
                self.roles[role] = resolve(role, future)
        if self.workers == 1 or len(chunks) == 1:
            outputs = (self._chunk(ids, geoms, keep_pieces) for ids, geoms in chunks)
            done = self._collect(outputs, result, len(chunks), progress, is_canceled)
        else:
            done = self._in_processes(chunks, result, progress, is_canceled)
        result.plot_ids = [pid for chunk_ids, _ in chunks[:done] for pid in chunk_ids]
        return result

    def chunk_size(self, plots: int) -> int:
        """Plots per piece of bulk work: four pieces per worker, at least 250 plots."""
        return max(250, math.ceil(plots / (4 * self.workers)))

    def _pipelined(self, chunks, result, progress, is_canceled, keep_pieces, pending, resolve):
        """Bulk work in threads, role by role and chunk by chunk: the plots of every chunk
        first, then each (role, chunk) as soon as the role's features are there."""
        executor = self._thread_pool()
        waiting = {future: role for role, future in (pending or {}).items()}
        plot_futures = [executor.submit(self._plot_part, ids, geoms) for ids, geoms in chunks]
        parts = [future.result() for future in plot_futures]
        order = [*[r for r in self.roles if r not in waiting.values()], *waiting.values()]
        tasks: dict[tuple, Future] = {}

        def submit(role):
            features = self.roles[role]
            _warm(features, parts)  # lazy trees and codes built here, not in two threads
            for number, part in enumerate(parts):
                tasks[(role, number)] = executor.submit(
                    self._role_part, role, features, part, keep_pieces
                )

        try:
            for part in parts:
                _warm_tree(part.tree if len(part.ids) > SMALL_CHUNK else None, part)
            for role in order:
                if role not in waiting.values():
                    submit(role)
            while waiting:
                done, _ = wait(list(waiting), return_when=FIRST_COMPLETED)
                for future in done:
                    role = waiting.pop(future)
                    self.roles[role] = resolve(role, future)
                    submit(role)
        except BaseException:
            for future in [*tasks.values(), *waiting]:
                future.cancel()
            raise
        finished = set()
        try:
            # chunk by chunk, so that a cancel keeps whole plots
            keys = sorted(tasks, key=lambda k: (k[1], order.index(k[0])))
            for count, key in enumerate(keys):
                rows, kept = tasks[key].result()
                parts[key[1]].rows += rows
                if kept and result.pieces is not None:
                    for plot_id, pieces in kept.items():
                        result.pieces.setdefault(plot_id, []).extend(pieces)
                finished.add(key)
                if progress is not None:
                    progress(100.0 * (count + 1) / max(len(keys), 1))
                if is_canceled is not None and is_canceled():
                    break
        finally:
            for future in tasks.values():
                future.cancel()
        complete = [
            number for number in range(len(parts)) if all((r, number) in finished for r in order)
        ]
        for number in complete:
            result.rows += parts[number].rows
            result.repairs += parts[number].repairs
        result.plot_ids = [pid for number in complete for pid in chunks[number][0]]
        return result

    def compute_one(self, geometry, plot_id=0, keep_pieces: bool = True) -> OverlayResult:
        """One plot, in the calling thread (the interactive check)."""
        rows, repairs, pieces = self._chunk(
            [plot_id], np.array([geometry], dtype=object), keep_pieces
        )
        return OverlayResult(rows, [plot_id], repairs, pieces)

    def close(self) -> None:
        if self._executor is not None and self._own_executor:
            self._executor.shutdown(wait=True, cancel_futures=True)
        self._executor = None

    # -- parallel plumbing ------------------------------------------------------------

    def _thread_pool(self) -> Executor:
        if self._executor is None:
            self._executor = ThreadPoolExecutor(self.workers, thread_name_prefix="landcase-overlay")
        return self._executor

    @staticmethod
    def _collect(outputs, result, total, progress, is_canceled) -> int:
        done = 0
        for rows, repairs, pieces in outputs:
            result.rows += rows
            result.repairs += repairs
            if result.pieces is not None and pieces:
                result.pieces.update(pieces)
            done += 1
            if progress is not None:
                progress(100.0 * done / total)
            if is_canceled is not None and is_canceled():
                break
        return done

    def _in_processes(self, chunks, result, progress, is_canceled) -> int:
        """Chunks in forked worker processes, which inherit the role features (nothing but
        the plots' WKB and the rows are pickled)."""
        global _FORKED_ENGINE
        context = multiprocessing.get_context("fork")
        _FORKED_ENGINE = self
        try:
            with ProcessPoolExecutor(self.workers, mp_context=context) as pool:
                futures = [
                    pool.submit(_forked_chunk, ids, shapely.to_wkb(geoms).tolist())
                    for ids, geoms in chunks
                ]
                try:
                    return self._collect(
                        (_unpickled(*f.result()) for f in futures),
                        result,
                        len(chunks),
                        progress,
                        is_canceled,
                    )
                finally:
                    for future in futures:
                        future.cancel()
        finally:
            _FORKED_ENGINE = None

    # -- one chunk of plots -----------------------------------------------------------

    def _plot_part(self, plot_ids: list, geometries: np.ndarray, areas: bool = True) -> _PlotPart:
        """The plots of a chunk checked (and repaired), with their areas and rows when
        ``areas`` (else they come with the pieces' areas, in one call)."""
        plots, usable, repairs = repair_polygons(geometries, rec.PLOT, plot_ids)
        rows = [
            OverlayRow(r.key, rec.REPAIR, rec.PLOT, r.reason, r.area_m2, None, None)
            for r in repairs
        ]
        rows += [
            OverlayRow(plot_ids[index], rec.CHECK, rec.CHECK_NO_AREA, None, 0.0, None, None)
            for index in np.flatnonzero(~usable).tolist()
        ]
        keep = np.flatnonzero(usable)
        part = _PlotPart(
            [plot_ids[i] for i in keep.tolist()], plots[keep], geometries[keep], rows, repairs
        )
        if areas and len(part.ids):
            part.planar = shapely.area(part.plots)
            part.ellipsoidal = ellipsoidal_areas(part.plots, self.srid)
            part.rows += _plot_rows(part)
        return part

    def _role_part(self, role: str, features: RoleFeatures, part: _PlotPart, keep_pieces: bool):
        """The rows of one role for a chunk of plots whose areas are known."""
        if not len(part.ids):
            return [], None
        plot_index, feature_index, covered = _role_pairs(features, part)
        planar, ellipsoidal, pieces, status = _overlay_pairs(
            part,
            plot_index,
            features.geometries[feature_index],
            covered,
            self.srid,
            keep_pieces or _needs_pieces(role),
        )
        pairs = _Pairs(plot_index, feature_index, planar, ellipsoidal, pieces, status)
        rows = self._rows_for(role, features, pairs, part)
        return rows, _kept(role, features, pairs, part) if keep_pieces else None

    def _chunk(self, plot_ids: list, geometries: np.ndarray, keep_pieces: bool):
        """A chunk of plots with every role, in the calling thread; the plots' areas and
        the pieces' in one call of ``ellipsoidal_areas`` (the interactive check of one plot
        is mostly fixed costs)."""
        part = self._plot_part(plot_ids, geometries, areas=False)
        if not len(part.ids):
            return part.rows, part.repairs, {}
        pairs = {role: _role_pairs(f, part) for role, f in self.roles.items()}
        offsets = np.cumsum([0] + [len(p[0]) for p in pairs.values()])
        all_plots = np.concatenate(
            [np.empty(0, dtype=np.int64), *(p[0] for p in pairs.values())]
        ).astype(np.int64)
        all_features = np.concatenate(
            [
                np.empty(0, dtype=object),
                *(self.roles[role].geometries[p[1]] for role, p in pairs.items()),
            ]
        )
        all_covered = np.concatenate(
            [np.empty(0, dtype=bool), *(p[2] for p in pairs.values())]
        ).astype(bool)
        need_pieces = keep_pieces or any(_needs_pieces(role) for role in pairs)
        planar, ellipsoidal, pieces, status = _overlay_pairs(
            part, all_plots, all_features, all_covered, self.srid, need_pieces
        )
        part.rows += _plot_rows(part)
        kept: dict | None = {pid: [] for pid in part.ids} if keep_pieces else None
        for number, (role, (plot_index, feature_index, _covered)) in enumerate(pairs.items()):
            span = slice(offsets[number], offsets[number + 1])
            features = self.roles[role]
            role_pairs = _Pairs(
                plot_index,
                feature_index,
                planar[span],
                ellipsoidal[span],
                None if pieces is None else pieces[span],
                status[span],
            )
            part.rows += self._rows_for(role, features, role_pairs, part)
            if kept is not None:
                for plot_id, role_pieces in _kept(role, features, role_pairs, part).items():
                    kept[plot_id] += role_pieces
        return part.rows, part.repairs, kept

    def _rows_for(self, role, features, pairs, part):
        if len(part.ids) <= SMALL_CHUNK:
            return role_rows_small(role, features, pairs, part.ids, part.ellipsoidal, self.srid)
        return role_rows(role, features, pairs, part.ids, part.ellipsoidal, self.srid)


def _forked_chunk(plot_ids, wkbs):
    rows, repairs, _pieces = _FORKED_ENGINE._chunk(plot_ids, shapely.from_wkb(wkbs), False)
    return [tuple(row) for row in rows], repairs


def _unpickled(rows, repairs):
    return [OverlayRow._make(row) for row in rows], repairs, None


def default_workers() -> int:
    """Two workers on a machine with two cores or more (the bulk overlay's default)."""
    return 2 if (os.cpu_count() or 1) >= 2 else 1
