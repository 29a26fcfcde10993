"""One role layer as ``RoleLayers`` keeps it: its files and their state (modification time,
size, ``-wal``), its version stamp, the features read so far and the signal connections
that mark it stale; the reading limits. See ``role_layers.py``.
"""

from __future__ import annotations

import datetime
import hashlib
import json
import logging
import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import shapely
from qgis.core import (
    QgsVectorLayer,
)
from qgis.PyQt import sip

from ..cases import overlay_records as rec
from . import gpkg_reader
from .overlay_engine import RoleFeatures

log = logging.getLogger(__name__.rsplit(".", 1)[0] + ".role_layers")  # the name it always had

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
