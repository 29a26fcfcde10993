"""One import of a QGIS layer into the case database, shared by the dock and the
Processing algorithm so that both behave the same."""

from __future__ import annotations

import sqlite3

from qgis.core import QgsCoordinateReferenceSystem, QgsVectorLayer

from ..cases.field_mapping import fields_signature, matched_to, suggest_mapping
from ..cases.intake import DamagedDatabase, IntakeReport, import_batch
from ..cases.record_checks import DEFAULT_MAX_AREA_KM2
from ..toolbelt import settings
from .admin_lookup import AdminIndex
from .source_reader import ENCODING, ENCODING_REASON, read_rows


def import_layer(
    store,
    layer: QgsVectorLayer,
    source_name: str,
    batch: str,
    mapping: dict[str, str] | None = None,
    source_kind: str = "部卫片",
    received_date: str | None = None,
    source_crs: QgsCoordinateReferenceSystem | None = None,
    allow_other_zone: bool = False,
    max_area_km2: float | None = None,
) -> IntakeReport:
    """Read ``layer`` (in the database's CRS) and register it as ``batch``. Without a
    mapping, the national field names are recognised and a remembered mapping applies. Plots outside the database's zone are refused unless
    ``allow_other_zone``. Plots larger than ``max_area_km2`` are refused (default: the
    setting ``max_plot_area_km2``, 10 km² when unset)."""
    try:
        return _import_layer(
            store,
            layer,
            source_name,
            batch,
            mapping,
            source_kind,
            received_date,
            source_crs,
            allow_other_zone,
            max_area_km2,
        )
    except sqlite3.DatabaseError as exc:  # not SQLite's words: the file is damaged
        if type(exc) is not sqlite3.DatabaseError:  # a full disk, a lock …: said as they are
            raise
        raise DamagedDatabase(path=str(store.path)) from exc


def _import_layer(
    store,
    layer,
    source_name,
    batch,
    mapping,
    source_kind,
    received_date,
    source_crs,
    allow_other_zone,
    max_area_km2,
) -> IntakeReport:
    names, rows = read_rows(layer, store.srid, source_crs)
    signature = fields_signature(names)
    if mapping is None:
        mapping = suggest_mapping(names)
        mapping.update(matched_to(store.saved_field_mapping(signature) or {}, names))
    admin = AdminIndex.from_store(store)
    return import_batch(
        store,
        rows,
        mapping,
        batch,
        source_name,
        source_kind=source_kind,
        received_date=received_date,
        fields_signature=signature,
        locate=admin.names_at if admin else None,
        allow_other_zone=allow_other_zone,
        max_area_km2=max_area_km2 if max_area_km2 is not None else max_plot_area_km2(),
        encoding=_encoding(layer),
    )


def max_plot_area_km2() -> float:
    """The largest plausible plot (km²), from the setting; the default when unset or wrong."""
    limit = settings.MAX_PLOT_AREA_KM2.get()
    return limit if limit > 0 else DEFAULT_MAX_AREA_KM2


def _encoding(layer: QgsVectorLayer) -> tuple[str, str] | None:
    """The text encoding ``open_source`` read the layer in, and why."""
    encoding = layer.customProperty(ENCODING)
    if not encoding:
        return None
    return str(encoding), str(layer.customProperty(ENCODING_REASON) or "")
