"""One import of a QGIS layer into the case database, shared by the dock and the
Processing algorithm so that both behave the same."""

from __future__ import annotations

from qgis.core import QgsCoordinateReferenceSystem, QgsVectorLayer

from ..cases.field_mapping import fields_signature, suggest_mapping
from ..cases.intake import IntakeReport, import_batch
from .admin_lookup import AdminIndex
from .source_reader import read_rows


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
) -> IntakeReport:
    """Read ``layer`` (in the database's CRS) and register it as ``batch``. Without a
    mapping, the national field names are recognised and a remembered mapping applies. Plots outside the database's zone are refused unless
    ``allow_other_zone``."""
    names, rows = read_rows(layer, store.srid, source_crs)
    signature = fields_signature(names)
    if mapping is None:
        mapping = suggest_mapping(names)
        mapping.update(store.saved_field_mapping(signature) or {})
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
    )
