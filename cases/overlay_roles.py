"""The layer roles of the desk comparison (内业比对): which layer is the land use (地类图斑),
the permanent basic farmland, the approvals…, the fields each role needs, and the roles
stored in the case database (table ``layer_role``). Plain Python (no Qt, no QGIS)."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from .errors import N_, CaseDatabaseError
from .landuse_codes import is_cropland
from .landuse_names import UnknownMappedCode, clean_mapping

# -- role definitions -----------------------------------------------------------------


@dataclass(frozen=True)
class RoleField:
    """One field a role needs: its key in the role's ``fields`` JSON, what it holds, and
    the names it usually has in national data (the first is the standard one)."""

    key: str
    label: str  # N_-marked English
    required: bool
    usual_names: tuple[str, ...] = ()


@dataclass(frozen=True)
class RoleDefinition:
    key: str
    label: str  # N_-marked English
    chinese: str  # the term the stations use
    kind: str  # "vector" (polygons) or "raster"
    fields: tuple[RoleField, ...] = ()
    overlay: bool = True  # computed by the overlay engine
    options: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # key: allowed values
    # the code field may be left out when a name field and a name → code mapping are
    # given: (code key, name key); the mapping is stored under NAME_TO_CODE
    code_from_names: tuple[str, str] | None = None

    @property
    def field_keys(self) -> tuple[str, ...]:
        return tuple(f.key for f in self.fields)

    @property
    def required_keys(self) -> tuple[str, ...]:
        return tuple(f.key for f in self.fields if f.required)


ROLES: dict[str, RoleDefinition] = {
    definition.key: definition
    for definition in (
        RoleDefinition(
            "landuse",
            N_("Land use (地类图斑)"),
            "地类图斑",
            "vector",
            (
                RoleField("code", N_("Land-use code (DLBM)"), True, ("DLBM", "地类编码", "DLDM")),
                RoleField("name", N_("Land-use name (DLMC)"), False, ("DLMC", "地类名称")),
            ),
            code_from_names=("code", "name"),
        ),
        RoleDefinition(
            "farmland",
            N_("Permanent basic farmland (永久基本农田)"),
            "永久基本农田",
            "vector",
            (RoleField("number", N_("Farmland plot number"), False, ("BHTBBH", "BSM")),),
        ),
        RoleDefinition(
            "redline",
            N_("Ecological protection red line (生态保护红线)"),
            "生态保护红线",
            "vector",
            (RoleField("name", N_("Red-line area name"), False, ("HXMC", "MC")),),
        ),
        RoleDefinition(
            "urban_boundary",
            N_("Urban development boundary (城镇开发边界)"),
            "城镇开发边界",
            "vector",
        ),
        RoleDefinition(
            "approval",
            N_("Approved land (批准用地)"),
            "批准用地",
            "vector",
            (
                RoleField("number", N_("Approval number (批准文号)"), True, ("PZWH", "批准文号")),
                RoleField("name", N_("Project name"), False, ("XMMC", "项目名称")),
                RoleField("date", N_("Approval date"), False, ("PZRQ", "批准日期")),
            ),
        ),
        RoleDefinition(
            "facility",
            N_("Facility farmland filings (设施农用地备案)"),
            "设施农用地",
            "vector",
            (
                RoleField(
                    "number",
                    N_("Record number (上图入库号)"),
                    True,
                    ("SBBH", "SNYDBH", "上图入库号"),
                ),
                RoleField("filed_area", N_("Filed area"), True, ("BAMJ", "备案面积")),
                RoleField("name", N_("Facility name"), False, ("YDMC", "XMMC")),
            ),
            options={"filed_area_unit": ("m2", "mu")},
        ),
        RoleDefinition(
            "temporary",
            N_("Temporary land use (临时用地)"),
            "临时用地",
            "vector",
            (RoleField("number", N_("Approval number"), False, ("PZWH", "批准文号")),),
        ),
        RoleDefinition(
            "township",
            N_("Townships (乡镇)"),
            "乡镇",
            "vector",
            (
                RoleField("name", N_("Name"), True, ("XZQMC", "XZMC", "乡镇名称")),
                RoleField("code", N_("Code"), False, ("XZQDM",)),
            ),
            overlay=False,
        ),
        RoleDefinition(
            "village",
            N_("Villages (村)"),
            "村",
            "vector",
            (
                RoleField("name", N_("Name"), True, ("XZQMC", "ZLDWMC", "CMC", "村名称")),
                RoleField("code", N_("Code"), False, ("XZQDM", "ZLDWDM")),
            ),
            overlay=False,
        ),
        RoleDefinition(
            "raster_before", N_("Earlier image (前时相)"), "前时相", "raster", overlay=False
        ),
        RoleDefinition(
            "raster_after", N_("Later image (后时相)"), "后时相", "raster", overlay=False
        ),
    )
}
NAME_TO_CODE = "name_to_code"  # in a role's fields: {land-use name: 三调 code}
OVERLAY_ROLES = tuple(key for key, definition in ROLES.items() if definition.overlay)
MASK_ROLES = ("farmland", "redline", "urban_boundary", "temporary")

# The colour of a role's pieces where the map highlights a plot's comparison (hex, so that
# this module stays without Qt); land use is highlighted only where it is 耕地.
ROLE_COLOURS = {"farmland": "#2e7d32", "redline": "#c62828", "approval": "#1565c0"}
CROPLAND_COLOUR = "#f9a825"


def highlight_colour(role: str, code: str | None = None) -> str | None:
    """The colour a piece of ``role`` (land-use ``code``) is highlighted in; None: not shown."""
    if role == "landuse":
        return CROPLAND_COLOUR if is_cropland(code) else None
    return ROLE_COLOURS.get(role)


class RoleError(CaseDatabaseError):
    """A role, its fields or its layer cannot be used; ``reason`` is N_-marked."""

    template = "{role}: {reason}"


def role_definition(role: str) -> RoleDefinition:
    try:
        return ROLES[role]
    except KeyError:
        raise RoleError(
            role=role,
            reason=N_("not a layer role; the roles are {roles}"),
            roles=", ".join(ROLES),
        ) from None


def role_options(role: str, fields: Mapping | None) -> dict:
    """The role's options from its stored ``fields`` (the name → code mapping included)."""
    definition = role_definition(role)
    keys = set(definition.options) | ({NAME_TO_CODE} if definition.code_from_names else set())
    return {key: value for key, value in dict(fields or {}).items() if key in keys}


def codes_from_names(role: str, fields: Mapping | None) -> bool:
    """True when the role's codes come from its name field through the stored mapping."""
    definition = role_definition(role)
    fields = dict(fields or {})
    if definition.code_from_names is None:
        return False
    code_key, name_key = definition.code_from_names
    return not fields.get(code_key) and bool(fields.get(name_key))


def role_field_names(role: str, fields: Mapping | None) -> dict[str, str]:
    """{field key: layer field name} of a role from its stored ``fields`` (options left out)."""
    definition = role_definition(role)
    fields = dict(fields or {})
    return {
        key: fields[key]
        for key in definition.field_keys
        if fields.get(key) and isinstance(fields[key], str)
    }


def suggest_role_fields(role: str, layer_fields: Iterable[str]) -> dict[str, str]:
    """The role's fields found under their usual names (case-insensitive) in a layer."""
    by_upper = {name.upper(): name for name in layer_fields}
    found = {}
    for role_field in role_definition(role).fields:
        for usual in role_field.usual_names:
            if usual.upper() in by_upper:
                found[role_field.key] = by_upper[usual.upper()]
                break
    return found


def check_role_fields(
    role: str, fields: Mapping | None, layer_fields: Iterable[str] | None = None
) -> list[tuple[str, dict]]:
    """Problems with a role's ``fields``: (N_ template, params) each; empty when usable.
    With ``layer_fields``, every named field must exist in the layer."""
    definition = role_definition(role)
    fields = dict(fields or {})
    problems: list[tuple[str, dict]] = []
    known = set(definition.field_keys) | set(definition.options)
    if definition.code_from_names:
        known.add(NAME_TO_CODE)
    for key in fields:
        if key not in known:
            problems.append(
                (
                    N_("{key} is not a field of the {role} role (its fields: {known})"),
                    {"key": key, "role": role, "known": ", ".join(sorted(known)) or "—"},
                )
            )
    by_names = codes_from_names(role, fields)
    for key in definition.required_keys:
        if by_names and key == definition.code_from_names[0]:
            continue  # the codes come from the names
        if not fields.get(key):
            if definition.code_from_names and key == definition.code_from_names[0]:
                problems.append(
                    (
                        N_(
                            "the {role} role needs the field {key} (地类编码, e.g. DLBM), or "
                            "the field {name_key} (地类名称, e.g. DLMC) to take the codes "
                            "from the names"
                        ),
                        {"role": role, "key": key, "name_key": definition.code_from_names[1]},
                    )
                )
            else:
                problems.append(
                    (N_("the {role} role needs the field {key}"), {"role": role, "key": key})
                )
    if by_names:
        mapping = fields.get(NAME_TO_CODE)
        if not isinstance(mapping, Mapping) or not mapping:
            problems.append(
                (
                    N_(
                        "no name of the field {name} maps to a land-use code: map them "
                        "(name_to_code) or choose the code field"
                    ),
                    {"name": fields[definition.code_from_names[1]]},
                )
            )
        else:
            try:
                clean_mapping(mapping)
            except UnknownMappedCode as error:
                problems.append(
                    (
                        N_("{name} is mapped to {code}, which is not a 三调 land-use code"),
                        {"name": error.name, "code": error.code},
                    )
                )
    for key, allowed in definition.options.items():
        if key in fields and fields[key] not in allowed:
            problems.append(
                (
                    N_("{key} must be one of {allowed} (got {value})"),
                    {"key": key, "allowed": ", ".join(allowed), "value": fields[key]},
                )
            )
    if layer_fields is not None:
        names = set(layer_fields)
        for key, name in role_field_names(role, fields).items():
            if name not in names:
                problems.append(
                    (
                        N_("the layer has no field {name} (for {key})"),
                        {"name": name, "key": key},
                    )
                )
    return problems


def set_role(store, role: str, source: str, provider: str, fields: Mapping | None = None) -> None:
    """Store a role's layer source and fields, after checking the fields (not the layer:
    the adapter in ``layers/role_layers.py`` opens it first)."""
    problems = check_role_fields(role, fields)
    if problems:
        template, params = problems[0]
        raise RoleError(**{**params, "role": role, "reason": template})
    fields = dict(fields or {})
    if codes_from_names(role, fields):
        fields[NAME_TO_CODE] = clean_mapping(fields[NAME_TO_CODE])
    else:
        fields.pop(NAME_TO_CODE, None)  # a code field is used: no mapping kept beside it
    store.set_layer_role(role, source, provider, fields)


def source_path(source: str, provider: str = "ogr") -> Path | None:
    """The file behind a layer source, or None for a database connection or a web service.
    ``'/d/county.gpkg|layername=dltb'`` and ``"dbname='/d/x.sqlite' table=…"`` give the file."""
    if provider in ("ogr", "gdal"):
        path = source.split("|", 1)[0]
        if path.startswith("/vsizip/"):
            path = path[len("/vsizip/") :].split(".zip", 1)[0] + ".zip"
        return Path(path) if path and "://" not in path and not path.startswith("/vsi") else None
    if provider == "spatialite":
        match = re.search(r"dbname='((?:[^'\\]|\\.)*)'", source)
        return Path(match.group(1)) if match else None
    return None


@dataclass(frozen=True)
class RestoredRole:
    """A role found in the database when it is opened; ``missing`` when its source cannot
    be found (reported to the user, not fatal); ``reason`` is N_-marked."""

    role: str
    source: str
    provider: str
    fields: dict
    missing: bool = False
    reason: str | None = None
    params: dict = field(default_factory=dict)

    @property
    def definition(self) -> RoleDefinition | None:
        return ROLES.get(self.role)


def restore_roles(store, available: Callable[[str, str], bool] | None = None) -> list[RestoredRole]:
    """Every stored role, in the order of ``ROLES``, each flagged when its source is missing.
    ``available(source, provider)`` decides for sources that are not files (the adapter
    passes one that opens the layer); without it, such sources count as present."""
    rows = store._db.execute(  # noqa: SLF001 (cases/ owns the SQL)
        "SELECT role, source, provider, fields FROM layer_role"
    ).fetchall()
    order = {key: number for number, key in enumerate(ROLES)}
    restored = []
    for role, source, provider, fields_json in sorted(
        rows, key=lambda row: (order.get(row[0], len(order)), row[0])
    ):
        fields = json.loads(fields_json or "{}")
        missing, reason, params = False, None, {}
        path = source_path(source, provider)
        if role not in ROLES:
            missing, reason = True, N_("not a role this version knows")
        elif path is not None and not path.exists():
            missing, reason, params = (
                True,
                N_("the file {path} does not exist"),
                {"path": str(path)},
            )
        elif available is not None and not available(source, provider):
            missing, reason = True, N_("the layer cannot be opened")
        restored.append(RestoredRole(role, source, provider, fields, missing, reason, params))
    return restored
