"""The role layers of a case database in QGIS: the adapter between the layers the station
assigned to roles (地类图斑, 永久基本农田, 批准用地…) and the pure overlay engine.

``RoleLayers`` opens each role's layer (the project's own layer with the same source when
there is one, so that unsaved edits count; otherwise a layer of its own), reads only the
features near the plots asked for, through the layer's spatial index, in the database's
CRS, repairs invalid features (make_valid, polygonal part kept, each repair recorded), and
keeps them per role with their STRtree until the layer changes:

- a project layer: its edit and data signals (``dataChanged``, ``editingStopped``,
  ``subsetStringChanged``, ``crsChanged``) mark the role stale;
- a file: its modification time and size (and its ``-wal`` file) are compared before each
  use, so a file rewritten by another program is read again.

Two ways of reading:
- a GeoPackage layer as it is on disk (no unsaved edits, no provider filter, in the
  database's CRS): the features whose box meets a plot's box are found in the file's
  R*-tree (``rtree_<table>_<geom>``) with one SQL query for all the plots, and their
  geometry blobs are read in the same query, which returns one row (``gpkg_reader``:
  SQLite, read-only, without the GIL for the whole search);
- any other layer (shapefile, SpatiaLite, PostGIS, memory, a layer being edited, another
  CRS): ``QgsFeatureRequest`` with a filter rectangle per group of nearby plots, through
  the provider's spatial index, transformed to the database's CRS by the request.

Both give the same geometries (the feature ids and WKB the provider holds).

Assigning a layer to a role (checks, recognised fields, land-use names to codes) and
restoring the stored roles: ``role_assign`` (its names are importable from here too).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

import numpy as np
import shapely
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsProject,
    QgsTask,
    QgsVectorLayer,
)

from ..cases import overlay_records as rec
from ..cases.errors import N_
from .overlay_engine import OverlayEngine, OverlayResult, Repair, default_workers
from .role_assign import (  # noqa: F401 (re-exported: the callers import them from here)
    RoleLayerError,
    assign_role,
    check_role_layer,
    layer_names,
    name_mapping,
    open_role_layer,
    plain_value,
    restore_roles,
    same_source,
    unmapped_names,
)
from .role_cache import (  # noqa: F401 (re-exported: callers import them from here)
    REQUEST_COST_IN_FEATURES,
    SMALL_BULK,
    TILE_M,
    _FastPathUnavailable,
    _file_state,
    _files_of,
    _Role,
    _stamp,
    log,
)
from .role_reading import (  # noqa: F401 (re-exported: callers import them from here)
    ReadingMixin,
    _request_rects,
    _tile_rects,
)


class RoleLayers(ReadingMixin):
    """The overlay roles of one case database, read near the plots and cached.

    ``use_project_layers``: take the project's layer of the same source (its unsaved edits
    count and its signals invalidate the cache); off in worker threads, which must not
    touch project layers. ``fast_path``: read GeoPackages directly (see the module
    docstring); off to force ``QgsFeatureRequest`` everywhere.
    """

    def __init__(
        self,
        store,
        project: QgsProject | None = None,
        use_project_layers: bool = True,
        fast_path: bool = True,
        workers: int | None = None,
        parallel: str = "threads",
    ):
        self.srid = store.srid
        self.target = QgsCoordinateReferenceSystem(f"EPSG:{self.srid}")
        self.project = project if project is not None else QgsProject.instance()
        self.use_project_layers = use_project_layers
        self.fast_path = fast_path
        self.workers = default_workers() if workers is None else workers
        self.parallel = parallel
        self.problems: list[RoleLayerError] = []  # roles left out, and why
        self._store = store
        self._roles: dict[str, _Role] = {}
        self._lock = threading.RLock()
        self._engine: OverlayEngine | None = None
        self._engine_key: tuple | None = None
        self._threads: ThreadPoolExecutor | None = None
        self._computing: ThreadPoolExecutor | None = None
        self._results: dict[tuple, list] = {}  # (plot id, digest) -> rows, for these versions
        self._results_versions: dict | None = None
        self.reload_roles()

    # -- roles ----------------------------------------------------------------------

    def reload_roles(self) -> None:
        """Read the role definitions from the database again (after a role was set)."""
        with self._lock:
            for entry in self._roles.values():
                self._release(entry)
            self._roles.clear()
            self.problems = []
            for role in rec.OVERLAY_ROLES:
                stored = self._store.layer_role(role)
                if stored is None:
                    continue
                try:
                    self._roles[role] = self._open(
                        role, stored.source, stored.provider, stored.fields
                    )
                except RoleLayerError as error:
                    log.warning("%s", error.text())
                    self.problems.append(error)
            self._engine = None
            self._results.clear()

    @property
    def roles(self) -> list[str]:
        return list(self._roles)

    def layer(self, role: str) -> QgsVectorLayer | None:
        entry = self._roles.get(role)
        return entry.layer if entry else None

    def _open(self, role, source, provider, fields) -> _Role:
        rec.role_definition(role)  # an unknown role is refused here
        layer, owned = None, True
        if self.use_project_layers:
            for candidate in self.project.mapLayers().values():
                if isinstance(candidate, QgsVectorLayer) and same_source(
                    candidate, source, provider
                ):
                    layer, owned = candidate, False
                    break
        if layer is None and provider == "memory":
            raise RoleLayerError(
                role, N_("the temporary layer {source} is no longer in the project"), source=source
            )
        if layer is None:
            path = rec.source_path(source, provider)
            if path is not None and not path.exists():
                raise RoleLayerError(role, N_("the file {path} does not exist"), path=str(path))
            layer = open_role_layer(role, source, provider)
        else:
            check_role_layer(role, layer)
        names = rec.role_field_names(role, fields)
        missing = [name for name in names.values() if layer.fields().indexOf(name) < 0]
        if missing:
            key = next(k for k, name in names.items() if name == missing[0])
            raise RoleLayerError(
                role, N_("the layer has no field {name} (for {key})"), name=missing[0], key=key
            )
        options = rec.role_options(role, fields)
        files = _files_of(source, provider)
        entry = _Role(
            role, source, provider, names, options, layer, owned, files, _file_state(files)
        )
        entry.gpkg = self._gpkg_source(entry)
        if not owned:

            def stale(*_args, entry=entry):
                entry.dirty = True
                entry.edits += 1

            def removed(*_args, entry=entry):
                entry.removed = True
                entry.dirty = True

            layer.willBeDeleted.connect(removed)
            entry.connections.append((layer.willBeDeleted, removed))
            for signal in (
                layer.dataChanged,
                layer.layerModified,
                layer.featureAdded,
                layer.featureDeleted,
                layer.geometryChanged,
                layer.attributeValueChanged,
                layer.editingStopped,
                layer.subsetStringChanged,
                layer.crsChanged,
            ):
                signal.connect(stale)
                entry.connections.append((signal, stale))
        return entry

    @staticmethod
    def _release(entry: _Role) -> None:
        entry.disconnect()
        entry.reset()

    def close(self) -> None:
        with self._lock:
            for entry in self._roles.values():
                self._release(entry)
            self._roles.clear()
            if self._engine is not None:
                self._engine.close()
                self._engine = None
            for pool in (self._threads, self._computing):
                if pool is not None:
                    pool.shutdown(wait=True, cancel_futures=True)
            self._threads = self._computing = None

    def invalidate(self, role: str | None = None) -> None:
        """Forget what was read of one role (or all): it is read again on next use."""
        with self._lock:
            for name, entry in self._roles.items():
                if role is None or name == role:
                    entry.reset()
            self._engine = None
            self._results.clear()

    def versions(self) -> dict[str, str | None]:
        """role → the version of its layer now (None for an overlay role not set)."""
        with self._lock:
            self._check_changes()
            return {
                role: (self._roles[role].version if role in self._roles else None)
                for role in rec.OVERLAY_ROLES
            }

    def repairs(self, role: str | None = None) -> list[Repair]:
        """The features repaired so far (of the features read)."""
        found = []
        for name, entry in self._roles.items():
            if (role is None or name == role) and entry.features is not None:
                found += list(entry.features.repairs.values())
        return found

    def read_counts(self) -> dict[str, tuple[int, int]]:
        """role → (QgsFeatureRequest requests, GeoPackage R*-tree queries) made so far."""
        return {name: (entry.reads, entry.fast_reads) for name, entry in self._roles.items()}

    # -- changes --------------------------------------------------------------------

    def _check_changes(self) -> None:
        states: dict[tuple, tuple] = {}  # roles often share a file: one stat each
        for role, entry in list(self._roles.items()):
            if entry.removed:  # the project's layer is gone: open our own, if there is a source
                entry.disconnect()
                entry.reset()
                if entry.provider == "memory":
                    del self._roles[role]
                    self.problems.append(
                        RoleLayerError(
                            role,
                            N_("the temporary layer {source} is no longer in the project"),
                            source=entry.source,
                        )
                    )
                    self._engine = None
                    continue
                entry.layer = open_role_layer(entry.role, entry.source, entry.provider)
                entry.owned, entry.removed = True, False
                entry.gpkg = self._gpkg_source(entry)
            if entry.files:
                files = tuple(entry.files)
                if files not in states:
                    states[files] = _file_state(files)
                state = states[files]
                if state != entry.state:
                    entry.state = state
                    entry.dirty = True
                    if entry.owned:
                        entry.layer = open_role_layer(entry.role, entry.source, entry.provider)
                        entry.gpkg = self._gpkg_source(entry)
            if entry.dirty:
                check_role_layer(entry.role, entry.layer)
                entry.reset()
                self._engine = None

    # -- computing ------------------------------------------------------------------

    def engine(self, geometries: Sequence = ()) -> OverlayEngine:
        """An engine over the features read so far (and those near ``geometries``)."""
        roles = self.load(geometries) if len(geometries) else self.load([])
        key = tuple((role, id(features)) for role, features in roles.items())
        with self._lock:
            if self._engine is None or self._engine_key != key:
                if self._engine is not None:
                    self._engine.close()
                self._engine = OverlayEngine(self.srid, roles, self.workers, self.parallel)
                self._engine_key = key
            return self._engine

    def overlay(
        self,
        plot_ids: Sequence,
        geometries: Sequence,
        progress: Callable[[float], None] | None = None,
        is_canceled: Callable[[], bool] | None = None,
        reuse: bool = True,
    ) -> OverlayResult:
        """Rows for every plot. With ``reuse``, a plot whose geometry and role layers did
        not change since it was last computed here gets its earlier rows."""
        geometries = np.asarray(geometries, dtype=object).reshape(-1)
        plot_ids = list(plot_ids)
        versions = self.versions()
        if versions != self._results_versions:
            self._results.clear()
            self._results_versions = versions
        if not reuse:
            return self._compute(plot_ids, geometries, progress, is_canceled)
        digests = rec.plot_digests(geometries)
        keys = list(zip(plot_ids, digests))
        todo = [i for i, key in enumerate(keys) if key not in self._results]
        computed = self._compute(
            [plot_ids[i] for i in todo], geometries[todo], progress, is_canceled
        )
        by_plot: dict = {pid: [] for pid in computed.plot_ids}
        for row in computed.rows:
            by_plot.setdefault(row.plot_id, []).append(row)
        for i in todo:
            if plot_ids[i] in by_plot:
                self._results[keys[i]] = by_plot[plot_ids[i]]
        if len(todo) == len(plot_ids):
            return computed
        rows, ids = [], []
        for key in keys:
            cached = self._results.get(key)
            if cached is not None:
                rows += cached
                ids.append(key[0])
        return OverlayResult(rows, ids, computed.repairs)

    def _compute(self, plot_ids, geometries, progress, is_canceled) -> OverlayResult:
        """The bulk path, reading and computing at once: GeoPackage roles are read in
        worker threads and each role is computed as soon as it is read (reading holds the
        GIL, GEOS does not: they overlap). A few plots go through the cached engine.

        (Reading a role chunk by chunk of plots, each chunk computed when its part is
        read, was tried: more CPU for the eight smaller reads, and no faster.)"""
        if len(plot_ids) <= SMALL_BULK:
            return self.engine(geometries).compute(
                plot_ids, geometries, progress=progress, is_canceled=is_canceled
            )
        with self._lock:
            started = self.start_loading(geometries)
            ready = {r: v for r, v in started.items() if not isinstance(v, Future)}
            pending = {r: v for r, v in started.items() if isinstance(v, Future)}
            engine = OverlayEngine(
                self.srid, ready, self.workers, self.parallel, executor=self._compute_pool()
            )
            return engine.compute(
                plot_ids,
                geometries,
                progress=progress,
                is_canceled=is_canceled,
                pending=pending,
                resolve=self.resolve,
            )

    def _compute_pool(self) -> ThreadPoolExecutor | None:
        if self.workers < 2:
            return None
        if self._computing is None:
            self._computing = ThreadPoolExecutor(
                self.workers, thread_name_prefix="landcase-overlay"
            )
        return self._computing

    def overlay_one(self, geometry, plot_id=0) -> OverlayResult:
        """The interactive check of one plot (drawn or selected), pieces kept for the map."""
        engine = self.engine([geometry])
        return engine.compute_one(geometry, plot_id)

    def overlay_store(
        self,
        plot_ids: Iterable[int] | None = None,
        progress: Callable[[float], None] | None = None,
        is_canceled: Callable[[], bool] | None = None,
    ) -> OverlayResult:
        """Compute the plots of the database (all, or ``plot_ids``) and store their rows
        in one transaction, replacing their earlier rows."""
        plots = (
            rec.plot_geometries(self._store)
            if plot_ids is None
            else rec.plots_by_id(self._store, plot_ids)
        )
        ids = [p[0] for p in plots]
        geometries = shapely.from_wkb([p[2] for p in plots])
        result = self.overlay(ids, geometries, progress, is_canceled)
        rec.save_overlay(self._store, result.rows, result.plot_ids)
        return result


# -- the bulk task ------------------------------------------------------------------------


class OverlayTask(QgsTask):
    """The bulk overlay of a batch or a selection in the background, with progress and
    cancel. It opens its own connection to the database and its own role layers (a
    worker thread must not touch the project's layers); ``finished_rows`` is the number
    of rows stored, ``error`` the message when it failed."""

    def __init__(
        self,
        database: str | Path,
        plot_ids: Iterable[int] | None = None,
        description: str | None = None,
    ):
        super().__init__(description or "LandCase overlay", QgsTask.CanCancel)
        self.database = str(database)
        self.plot_ids = None if plot_ids is None else list(plot_ids)
        self.finished_rows = 0
        self.computed_plots = 0
        self.error: str | None = None

    def run(self) -> bool:
        from ..cases import CaseDatabaseError, CaseStore

        try:
            store = CaseStore.open(self.database)
        except CaseDatabaseError as error:
            self.error = str(error)
            return False
        try:
            layers = RoleLayers(store, use_project_layers=False)
            try:
                result = layers.overlay_store(self.plot_ids, self.setProgress, self.isCanceled)
            finally:
                layers.close()
            self.finished_rows = len(result.rows)
            self.computed_plots = len(result.plot_ids)
            return not self.isCanceled()
        except (RoleLayerError, CaseDatabaseError) as error:
            self.error = error.text() if isinstance(error, RoleLayerError) else str(error)
            return False
        finally:
            store.close()
