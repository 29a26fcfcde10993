"""A role layer's features as the overlay engine uses them: valid polygons in the database
CRS (repaired with make_valid, each repair recorded), their ids and the role's attributes,
with their STRtree, and for land use the code of each feature (from its DLBM, or from its
DLMC through the role's name → code mapping) and its 三大类. Pure (shapely, numpy)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
import shapely

from ..cases import overlay_records as rec
from ..cases.intake import repair
from ..cases.landuse_codes import (
    CONSTRUCTION,
    CROPLAND_CODES,
    FARMLAND,
    LANDUSE_NAMES,
    UNUSED,
    three_way_class,
)
from ..cases.landuse_names import clean_name

CLASSES = (FARMLAND, CONSTRUCTION, UNUSED)  # index 3: unknown code
_POLYGONAL = ("Polygon", "MultiPolygon")


@dataclass(frozen=True)
class Repair:
    """A geometry that was invalid (or not polygonal) and what was kept of it."""

    role: str  # "plot" or the role of a layer feature
    key: object  # plot id or feature id
    reason: str
    area_m2: float  # planar area after the repair (0 when nothing polygonal was left)

    @property
    def dropped(self) -> bool:
        return self.area_m2 <= 0


def repair_polygons(
    geometries: Sequence, role: str, keys: Sequence
) -> tuple[np.ndarray, np.ndarray, list[Repair]]:
    """Valid polygonal geometries for ``geometries`` (Z dropped), a mask of those that
    are usable (not empty after the repair) and the repairs made."""
    geometries = np.asarray(geometries, dtype=object).reshape(-1)
    if len(geometries) == 1:  # the interactive check: scalar tests cost less
        only = geometries[0]
        if (
            only is not None
            and only.geom_type in _POLYGONAL
            and not only.has_z
            and not only.is_empty
            and only.is_valid
        ):
            return geometries.copy(), np.ones(1, dtype=bool), []
    if shapely.has_z(geometries).any():  # (GEOS 3.11 reads no M)
        geometries = shapely.force_2d(geometries)
    else:
        geometries = geometries.copy()
    usable = ~(shapely.is_missing(geometries) | shapely.is_empty(geometries))
    type_ids = shapely.get_type_id(geometries)
    polygonal = (type_ids == 3) | (type_ids == 6)  # Polygon, MultiPolygon
    suspect = np.flatnonzero(usable & ~(polygonal & shapely.is_valid(geometries)))
    repairs = []
    for index in suspect:
        original = geometries[index]
        fixed, note = repair(original)
        if fixed is not None and fixed.geom_type not in _POLYGONAL:
            fixed, note = None, note or f"a {original.geom_type} has no area"
        area = 0.0 if fixed is None or fixed.is_empty else float(fixed.area)
        repairs.append(Repair(role, keys[index], note or "repaired", area))
        if area > 0:
            geometries[index] = fixed
        else:
            usable[index] = False
    return geometries, usable, repairs


@dataclass
class RoleFeatures:
    """A role layer's features (all of it, or those near the plots asked so far) in the
    database CRS: valid polygons, their feature ids and the role's attributes (by role
    field key: "code", "number", "filed_area"…)."""

    role: str
    ids: np.ndarray
    geometries: np.ndarray
    attributes: dict[str, np.ndarray]
    version: str | None = None
    repairs: dict[object, Repair] = field(default_factory=dict)
    options: dict = field(default_factory=dict)
    _tree: shapely.STRtree | None = field(default=None, repr=False)
    _codes: tuple | None = field(default=None, repr=False)

    @classmethod
    def build(
        cls,
        role: str,
        ids: Sequence,
        geometries: Sequence,
        attributes: Mapping[str, Sequence] | None = None,
        version: str | None = None,
        options: Mapping | None = None,
    ) -> RoleFeatures:
        """Repair what needs it and keep the features that still have an area."""
        ids = np.asarray(ids, dtype=object).reshape(-1)
        fixed, usable, repairs = repair_polygons(geometries, role, ids)
        columns = {
            key: np.asarray(list(values), dtype=object)[usable]
            for key, values in (attributes or {}).items()
        }
        return cls(
            role,
            ids[usable],
            fixed[usable],
            columns,
            version,
            {r.key: r for r in repairs},
            dict(options or {}),
        )

    @classmethod
    def empty(cls, role: str, version: str | None = None) -> RoleFeatures:
        return cls(role, np.empty(0, dtype=object), np.empty(0, dtype=object), {}, version)

    def __len__(self) -> int:
        return len(self.geometries)

    def merged(self, other: RoleFeatures) -> RoleFeatures:
        """These features and those of ``other`` not yet here (by feature id)."""
        if not len(other):
            return self
        known = set(self.ids.tolist())
        new = np.array([fid not in known for fid in other.ids.tolist()], dtype=bool)
        if not new.any():
            return self
        keys = set(self.attributes) | set(other.attributes)
        return RoleFeatures(
            self.role,
            np.concatenate([self.ids, other.ids[new]]),
            np.concatenate([self.geometries, other.geometries[new]]),
            {
                key: np.concatenate(
                    [
                        self.attributes.get(key, np.full(len(self), None, dtype=object)),
                        other.attributes.get(key, np.full(len(other), None, dtype=object))[new],
                    ]
                )
                for key in keys
            },
            other.version or self.version,
            {**self.repairs, **other.repairs},
            self.options or other.options,
        )

    @property
    def tree(self) -> shapely.STRtree:
        if self._tree is None:
            self._tree = shapely.STRtree(self.geometries)
        return self._tree

    def column(self, key: str) -> np.ndarray:
        return self.attributes.get(key, np.full(len(self), None, dtype=object))

    def codes(self) -> tuple[np.ndarray, list[str], list[str | None], np.ndarray, np.ndarray]:
        """For land use: per feature the index of its normalised code; the codes, their
        names (the national name, else the layer's DLMC), class index (3: unknown) and
        whether each is 耕地. A feature without a code takes the code its name maps to
        in the role's ``name_to_code``; a name that maps to nothing gives code '' with the
        name kept (each such name apart), never the name as a code."""
        if self._codes is None:
            mapping = self.options.get(rec.NAME_TO_CODE) or {}
            layer_names = self.column("name").tolist()
            raw = []
            for value, name in zip(self.column("code").tolist(), layer_names):
                code = "" if value is None else str(value).strip().upper()
                if not code and mapping:
                    label = clean_name(name)
                    mapped = mapping.get(label)
                    code = str(mapped).strip().upper() if mapped else _UNMAPPED + label
                raw.append(code)
            keys, index = np.unique(np.asarray(raw, dtype=object), return_inverse=True)
            keys = [str(k) for k in keys.tolist()]
            codes = ["" if k.startswith(_UNMAPPED) else k for k in keys]
            names: list[str | None] = [
                (k[len(_UNMAPPED) :] or None) if k.startswith(_UNMAPPED) else LANDUSE_NAMES.get(k)
                for k in keys
            ]
            for feature, code_index in enumerate(index.tolist()):
                if layer_names[feature] and names[code_index] is None:
                    names[code_index] = str(layer_names[feature])
            classes = np.array([_class_index(code) for code in codes], dtype=np.int64)
            crop = np.array([code in CROPLAND_CODES for code in codes], dtype=bool)
            self._codes = (index.reshape(-1).astype(np.int64), codes, names, classes, crop)
        return self._codes


_UNMAPPED = "\x00"  # key prefix of a land-use name that maps to no code


def _class_index(code: str) -> int:
    try:
        return CLASSES.index(three_way_class(code))
    except (ValueError, KeyError):
        return 3
