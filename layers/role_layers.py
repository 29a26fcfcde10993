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

import datetime
import hashlib
import json
import logging
import os
import sqlite3
import threading
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import shapely
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransformContext,
    QgsFeature,
    QgsFeatureRequest,
    QgsGeometry,
    QgsProject,
    QgsProviderRegistry,
    QgsRectangle,
    QgsTask,
    QgsVectorLayer,
    QgsWkbTypes,
)
from qgis.PyQt import sip

from ..cases import overlay_records as rec
from ..cases.errors import N_
from . import gpkg_reader
from .overlay_engine import OverlayEngine, OverlayResult, Repair, RoleFeatures, default_workers
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

log = logging.getLogger(__name__)

TILE_M = 400.0  # plots whose centres share a tile of this size are read with one request
REQUEST_COST_IN_FEATURES = 20  # a QgsFeatureRequest costs about as much as reading 20 features
SMALL_BULK = 16  # up to this many plots, the cached engine computes them in the caller


_FastPathUnavailable = gpkg_reader.NotStandardGeoPackage


def _files_of(source: str, provider: str) -> list[Path]:
    path = rec.source_path(source, provider)
    if path is None:
        return []
    files = [path, Path(f"{path}-wal")]
    if path.suffix.lower() == ".shp":
        files += [path.with_suffix(".dbf"), path.with_suffix(".shx")]
    return files


def _file_state(files: Sequence[Path]) -> tuple:
    """(modification time in ns, size) of each file that exists."""
    state = []
    for file in files:
        try:
            stat = os.stat(file)
        except OSError:
            continue
        state.append((stat.st_mtime_ns, stat.st_size))
    return tuple(state)


def _stamp(state: tuple) -> str | None:
    """A file state as a version: ISO modification time and size of each file."""
    parts = []
    for mtime_ns, size in state:
        moment = datetime.datetime.fromtimestamp(mtime_ns / 1e9, datetime.timezone.utc)
        parts.append(f"{moment.strftime('%Y-%m-%dT%H:%M:%S.%fZ')}/{size}")
    return ";".join(parts) or None


# -- one role, cached -------------------------------------------------------------------


@dataclass
class _Role:
    role: str
    source: str
    provider: str
    fields: dict[str, str]  # role field key -> layer field name
    options: dict
    layer: QgsVectorLayer
    owned: bool  # our own layer, not the project's
    files: list[Path]
    state: tuple
    edits: int = 0
    dirty: bool = False
    removed: bool = False  # the project layer was deleted
    features: RoleFeatures | None = None
    boxes: np.ndarray = field(default_factory=lambda: np.empty((0, 4)))
    box_tree: shapely.STRtree | None = None
    gpkg: tuple | None = None  # (path, table, geometry column, fid column) for the fast path
    connections: list = field(default_factory=list)
    reads: int = 0  # requests made (for tests and the benchmark)
    fast_reads: int = 0

    @property
    def version(self) -> str:
        stamp = _stamp(self.state) or f"{self.provider}:{self.source}"
        mapping = self.options.get(rec.NAME_TO_CODE)
        if mapping:  # another mapping of the same layer gives other rows
            text = json.dumps(mapping, ensure_ascii=False, sort_keys=True)
            stamp += ";names " + hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]
        if not self.owned and self.layer.isModified():
            return f"{stamp};unsaved edits {self.edits}"
        return stamp

    def reset(self) -> None:
        self.features = None
        self.boxes = np.empty((0, 4))
        self.box_tree = None
        self.dirty = False

    def disconnect(self) -> None:
        if self.removed or sip.isdeleted(self.layer):  # Qt has cut the connections itself
            self.connections.clear()
            return
        for signal, slot in self.connections:
            try:
                signal.disconnect(slot)
            except (TypeError, RuntimeError):
                pass
        self.connections.clear()


class RoleLayers:
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

    # -- reading --------------------------------------------------------------------

    def load(self, geometries: Sequence) -> dict[str, RoleFeatures]:
        """Each role's features near the plots (database CRS), read where not read yet."""
        started = self.start_loading(geometries)
        return {
            role: self.resolve(role, value) if isinstance(value, Future) else value
            for role, value in started.items()
        }

    def resolve(self, role: str, future: Future) -> RoleFeatures:
        """The features a worker read; when the GeoPackage turned out not to suit the fast
        path, read through QGIS here, in the calling thread."""
        features = future.result()
        if features is None:
            features = self._load_role(self._roles[role], future.bounds, fast=False)
        return features

    def start_loading(self, geometries: Sequence) -> dict[str, RoleFeatures | Future]:
        """Start reading what each role lacks near the plots: GeoPackage roles in worker
        threads (futures giving their ``RoleFeatures``; SQLite and shapely release the
        GIL), the others through QGIS in the calling thread, meanwhile."""
        geometries = np.asarray(geometries, dtype=object).reshape(-1)
        bounds = shapely.bounds(geometries)
        bounds = bounds[~np.isnan(bounds).any(axis=1)]
        boxes = shapely.box(*bounds.T)
        with self._lock:
            self._check_changes()
            started: dict[str, RoleFeatures | Future] = {}
            slow = []
            for role, entry in self._roles.items():
                wanted = self._not_loaded(entry, bounds, boxes)
                if not len(wanted):
                    if entry.features is None:
                        entry.features = RoleFeatures.empty(role, entry.version)
                    started[role] = entry.features
                elif self._can_read_fast(entry):
                    if self.workers > 1:
                        future = self._pool().submit(self._load_role, entry, wanted)
                        future.bounds = wanted
                        started[role] = future
                    else:
                        started[role] = self._load_role(entry, wanted) or self._load_role(
                            entry, wanted, fast=False
                        )
                else:
                    slow.append((role, entry, wanted))
            for role, entry, wanted in slow:
                started[role] = self._load_role(entry, wanted, fast=False)
            return started

    def _load_role(
        self, entry: _Role, bounds: np.ndarray, fast: bool = True
    ) -> RoleFeatures | None:
        """Read a role's features near ``bounds`` and add them to its cache (one thread per
        role at a time). The fast path may run in a worker thread; when the file does not
        suit it, None (the caller reads through QGIS, in its own thread)."""
        if fast:
            read = self._try_gpkg(entry, bounds)
            if read is None:
                entry.gpkg = None  # through QGIS from now on
                return None
        else:
            read = self._read_qgis(entry, bounds)
        features, read_boxes = read
        entry.features = features if entry.features is None else entry.features.merged(features)
        entry.features.version = entry.version
        entry.boxes = np.vstack([entry.boxes, read_boxes])
        entry.box_tree = shapely.STRtree(shapely.box(*entry.boxes.T))
        entry.box_tree.query(shapely.box(*entry.boxes[0]))  # built here, not when shared
        return entry.features

    def _try_gpkg(self, entry: _Role, bounds: np.ndarray):
        try:
            return self._read_gpkg(entry, bounds)
        except (_FastPathUnavailable, sqlite3.Error, shapely.errors.GEOSException) as exc:
            log.warning("%s: reading through QGIS from now on (%s)", entry.role, exc)
            return None

    def _pool(self) -> ThreadPoolExecutor:
        if self._threads is None:
            self._threads = ThreadPoolExecutor(self.workers, thread_name_prefix="landcase-read")
        return self._threads

    @staticmethod
    def _not_loaded(entry: _Role, bounds: np.ndarray, boxes: np.ndarray) -> np.ndarray:
        """The plot boxes (``bounds``, as polygons ``boxes``) not inside a box read."""
        if entry.features is None or entry.box_tree is None or not len(bounds):
            return bounds
        inside = entry.box_tree.query(boxes, predicate="covered_by")[0]
        keep = np.ones(len(bounds), dtype=bool)
        keep[inside] = False
        return bounds[keep]

    def _can_read_fast(self, entry: _Role) -> bool:
        layer = entry.layer
        return (
            self.fast_path
            and entry.gpkg is not None
            and not layer.subsetString()
            and not (not entry.owned and (layer.isEditable() or layer.isModified()))
            and layer.crs() == self.target
        )

    def _gpkg_source(self, entry: _Role) -> tuple | None:
        if entry.provider != "ogr":
            return None
        parts = QgsProviderRegistry.instance().decodeUri("ogr", entry.source)
        path = parts.get("path") or ""
        if not path.lower().endswith(".gpkg") or not os.path.isfile(path):
            return None
        table = parts.get("layerName") or entry.layer.dataProvider().subLayers()
        if not isinstance(table, str) or not table:
            return None
        described = gpkg_reader.describe(path, table)
        return None if described is None else (path, table, *described)

    def _read_gpkg(self, entry: _Role, bounds: np.ndarray):
        """Features whose R*-tree box meets a plot's box, in one query (``gpkg_reader``)."""
        path, table, geometry, fid, rtree = entry.gpkg
        ids, wkbs, values = gpkg_reader.read_near(
            path, table, geometry, fid, rtree, list(entry.fields.values()), bounds
        )
        entry.fast_reads += 1
        geometries = shapely.from_wkb(wkbs, on_invalid="raise")
        attributes = dict(zip(entry.fields, values))
        features = RoleFeatures.build(
            entry.role, ids, geometries, attributes, entry.version, entry.options
        )
        return features, bounds

    def _read_qgis(self, entry: _Role, bounds: np.ndarray):
        """QgsFeatureRequest with a filter rectangle per tile of nearby plots."""
        layer = entry.layer
        indexes = [layer.fields().indexOf(name) for name in entry.fields.values()]
        rects = _request_rects(layer, bounds)
        seen: dict[int, int] = {}
        ids, wkbs, values = [], [], []
        transform_context = (
            self.project.transformContext()
            if self.project is not None
            else QgsCoordinateTransformContext()
        )
        feature = QgsFeature()
        for rect in rects.tolist():
            request = QgsFeatureRequest().setSubsetOfAttributes(indexes)
            if layer.crs() != self.target:
                request.setDestinationCrs(self.target, transform_context)
            request.setFilterRect(QgsRectangle(*rect))
            entry.reads += 1
            iterator = layer.getFeatures(request)
            while iterator.nextFeature(feature):
                fid = feature.id()
                if fid in seen:
                    continue
                seen[fid] = len(ids)
                geometry = feature.geometry()
                if geometry.isNull():
                    wkb = None
                else:
                    if QgsWkbTypes.isCurvedType(geometry.wkbType()):
                        geometry = QgsGeometry(geometry.constGet().segmentize())
                    wkb = bytes(geometry.asWkb())
                ids.append(fid)
                wkbs.append(wkb)
                values.append([plain_value(feature.attribute(i)) for i in indexes])
        geometries = shapely.from_wkb(wkbs, on_invalid="ignore")
        attributes = {key: [v[i] for v in values] for i, key in enumerate(entry.fields)}
        features = RoleFeatures.build(
            entry.role, ids, geometries, attributes, entry.version, entry.options
        )
        for fid, wkb, geometry in zip(ids, wkbs, geometries.tolist()):
            if wkb is not None and geometry is None:  # not left out without a word
                log.warning("%s: feature %s has a geometry shapely cannot read", entry.role, fid)
                features.repairs[fid] = Repair(entry.role, fid, "unreadable geometry", 0.0)
        return features, rects

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


def _request_rects(layer: QgsVectorLayer, bounds: np.ndarray) -> np.ndarray:
    """The filter rectangles to read a layer near plots with: one per tile of nearby
    plots; or one around all the plots when the layer has so few features that reading
    them all costs less than the requests (a request costs about as much as reading
    twenty features)."""
    rects = _tile_rects(bounds)
    count = layer.featureCount()
    if len(rects) > 1 and 0 <= count < REQUEST_COST_IN_FEATURES * len(rects):
        return np.array([[*bounds[:, :2].min(axis=0), *bounds[:, 2:].max(axis=0)]])
    return rects


def _tile_rects(bounds: np.ndarray, tile: float = TILE_M) -> np.ndarray:
    """One rectangle per tile of plot centres: the box around those plots' boxes."""
    if not len(bounds):
        return np.empty((0, 4))
    centre = (bounds[:, :2] + bounds[:, 2:]) / 2
    key = np.floor(centre / tile).astype(np.int64)
    _, group = np.unique(key, axis=0, return_inverse=True)
    group = group.reshape(-1)
    count = group.max() + 1
    rects = np.empty((count, 4))
    rects[:, 0] = np.full(count, np.inf)
    rects[:, 1] = np.full(count, np.inf)
    rects[:, 2] = np.full(count, -np.inf)
    rects[:, 3] = np.full(count, -np.inf)
    np.minimum.at(rects[:, 0], group, bounds[:, 0])
    np.minimum.at(rects[:, 1], group, bounds[:, 1])
    np.maximum.at(rects[:, 2], group, bounds[:, 2])
    np.maximum.at(rects[:, 3], group, bounds[:, 3])
    return rects


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
