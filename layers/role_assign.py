"""Assigning a layer to a role of the desk comparison in QGIS: the layer opened and checked
(a CRS, polygons or an image), the role's fields found under their recognised names, and
for a land-use layer with names only (DLMC) the mapping of its names to 三调 codes; the
stored roles restored when a database is opened. ``role_layers`` reads the layers."""

from __future__ import annotations

from qgis.core import QgsProject, QgsProviderRegistry, QgsRasterLayer, QgsVectorLayer, QgsWkbTypes

from ..cases import landuse_names
from ..cases import overlay_records as rec
from ..cases.errors import N_, LandCaseError
from ..toolbelt.qgis_compat import POLYGON_GEOMETRY


class RoleLayerError(LandCaseError):
    """A role layer cannot be used; ``reason`` is N_-marked, filled from ``params``."""

    template = "{role}: {reason}"

    def __init__(self, role: str, reason: str, /, **params):
        self.role, self.reason = role, reason
        super().__init__(**params)

    def filled_params(self, translate) -> dict:
        # ``params`` fill the reason only (they may have a ``role`` of their own)
        return {"role": self.role, "reason": translate(self.reason).format(**self.params)}


# -- opening a role's layer ------------------------------------------------------------


def open_role_layer(role: str, source: str, provider: str, name: str | None = None):
    """The layer of a role source (vector, or raster for the image roles); raises
    ``RoleLayerError`` when it cannot be opened or has no CRS."""
    definition = rec.role_definition(role)
    if definition.kind == "raster":
        layer = QgsRasterLayer(source, name or role, provider)
    else:
        layer = QgsVectorLayer(source, name or role, provider)
    if not layer.isValid():
        raise RoleLayerError(
            role,
            N_("the layer {source} cannot be opened ({provider})"),
            source=source,
            provider=provider,
        )
    check_role_layer(role, layer)
    return layer


def check_role_layer(role: str, layer) -> None:
    """Refuse a layer without a CRS, a vector role on a layer without polygons, and a
    raster role on a vector layer (and the reverse)."""
    definition = rec.role_definition(role)
    if not layer.crs().isValid():
        raise RoleLayerError(
            role,
            N_(
                "the layer {name} has no coordinate reference system; set it in the layer "
                "properties, then assign the role again"
            ),
            name=layer.name(),
        )
    if definition.kind == "raster":
        if not isinstance(layer, QgsRasterLayer):
            raise RoleLayerError(role, N_("this role needs a raster layer (an image)"))
        return
    if not isinstance(layer, QgsVectorLayer):
        raise RoleLayerError(role, N_("this role needs a vector layer of polygons"))
    if layer.geometryType() != POLYGON_GEOMETRY:
        raise RoleLayerError(
            role,
            N_("the layer {name} holds {kind}, not polygons"),
            name=layer.name(),
            kind=QgsWkbTypes.geometryDisplayString(layer.geometryType()),
        )


def assign_role(store, role: str, layer, fields: dict | None = None) -> dict:
    """Check a layer and its fields for a role and store the role; returns the fields
    stored (the usual field names filled in where ``fields`` names none).

    A land-use layer with a name field (DLMC) and no code field takes its codes from the
    names: the mapping given in ``fields["name_to_code"]``, else the one ``name_mapping``
    builds from the layer's distinct names (names that map to nothing are not stored;
    ``unmapped_names`` lists them)."""
    check_role_layer(role, layer)
    names = layer.fields().names() if isinstance(layer, QgsVectorLayer) else []
    chosen = rec.suggest_role_fields(role, names) if names else {}
    chosen.update(fields or {})
    if rec.codes_from_names(role, chosen) and rec.NAME_TO_CODE not in chosen:
        field_name = chosen[rec.role_definition(role).code_from_names[1]]
        if field_name in names:
            chosen[rec.NAME_TO_CODE] = name_mapping(layer, field_name)[0]
    problems = rec.check_role_fields(role, chosen, names if names else None)
    if problems:
        template, params = problems[0]
        raise RoleLayerError(role, template, **params)
    rec.set_role(store, role, layer.source(), layer.providerType(), chosen)
    stored = store.layer_role(role)
    return dict(stored.fields) if stored is not None else chosen


def layer_names(layer, field_name: str) -> list:
    """The distinct values of a field of a layer (its land-use names)."""
    index = layer.fields().indexOf(field_name)
    if index < 0:
        return []
    return [plain_value(value) for value in layer.uniqueValues(index)]


def name_mapping(layer, field_name: str) -> tuple[dict[str, str], list[str]]:
    """({name: 三调 code}, [names that map to nothing]) for the distinct values of a
    layer's name field (三调 names, and 二调 names by the 二调→三调 correspondence)."""
    return landuse_names.name_mapping(layer_names(layer, field_name))


def unmapped_names(layer, fields: dict) -> list[str]:
    """The names of a land-use layer that the stored mapping leaves without a code."""
    mapping = fields.get(rec.NAME_TO_CODE)
    if not mapping:
        return []
    field_name = fields.get("name")
    return landuse_names.unmapped_names(layer_names(layer, field_name), mapping)


def restore_roles(store) -> list[rec.RestoredRole]:
    """The stored roles, each flagged when its source is missing or cannot be opened
    (reported, not fatal)."""

    def available(source: str, provider: str) -> bool:
        registry = QgsProviderRegistry.instance()
        if provider == "memory":  # lives only in the project
            return any(
                isinstance(layer, QgsVectorLayer) and same_source(layer, source, provider)
                for layer in QgsProject.instance().mapLayers().values()
            )
        if provider == "gdal":
            return QgsRasterLayer(source, "probe", provider).isValid()
        return (
            registry.providerMetadata(provider) is not None
            and QgsVectorLayer(source, "probe", provider).isValid()
        )

    return rec.restore_roles(store, available)


def same_source(layer, source: str, provider: str) -> bool:
    if layer.providerType() != provider:
        return False
    if layer.source() == source:
        return True
    registry = QgsProviderRegistry.instance()
    try:
        mine, theirs = (
            registry.decodeUri(provider, layer.source()),
            registry.decodeUri(provider, source),
        )
    except Exception:  # noqa: BLE001 (a provider without URI decoding)
        return False
    keys = ("path", "layerName", "layerId", "subset", "dbname", "table", "geometrycolumn")
    return bool(mine.get("path") or mine.get("dbname")) and all(
        mine.get(k) == theirs.get(k) for k in keys
    )


def plain_value(value):
    if value is None or (hasattr(value, "isNull") and value.isNull()):
        return None
    return value
