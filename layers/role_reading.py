"""Reading a role layer near the plots: through the GeoPackage's R*-tree when the layer is as
it is on disk (``gpkg_reader``), else through ``QgsFeatureRequest`` with a rectangle per
tile of nearby plots; invalid features repaired. ``RoleLayers`` inherits ``ReadingMixin``;
see ``role_layers.py``.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Sequence
from concurrent.futures import Future, ThreadPoolExecutor

import numpy as np
import shapely
from qgis.core import (
    QgsCoordinateTransformContext,
    QgsFeature,
    QgsFeatureRequest,
    QgsGeometry,
    QgsProviderRegistry,
    QgsRectangle,
    QgsVectorLayer,
    QgsWkbTypes,
)

from . import gpkg_reader
from .overlay_engine import Repair, RoleFeatures
from .role_assign import plain_value
from .role_cache import REQUEST_COST_IN_FEATURES, TILE_M, _FastPathUnavailable, _Role, log


class ReadingMixin:
    """Reading the features of a ``RoleLayers``' roles near the plots (uses its ``_roles``,
    ``_check_changes`` and pools)."""

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
