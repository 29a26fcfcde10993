"""Mapping a source's fields onto the plot's national fields (监测图斑 field names)."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field

from .errors import N_

# plot attribute → names it goes by in issued batches (national names first, then aliases)
NATIONAL_FIELDS: dict[str, tuple[str, ...]] = {
    "jcbh": ("JCBH", "监测编号", "TBBH", "图斑编号", "BH"),
    "xzqdm": ("XZQDM", "行政区代码", "XZQHDM", "行政区划代码", "XDM"),
    "xzqmc": ("XZQMC", "行政区名称", "XZQHMC", "行政区划名称", "XMC"),
    "jcpc": ("JCPC", "监测批次", "PC", "批次"),
    "qsx": ("QSX", "前时相", "QSXSJ", "前时相时间"),
    "hsx": ("HSX", "后时相", "HSXSJ", "后时相时间"),
    "jcmj": ("JCMJ", "监测面积", "TBMJ", "图斑面积"),
    "tblx": ("TBLX", "图斑类型"),
    "bglx": ("BGLX", "变化类型"),
    "township": ("XZMC", "乡镇", "乡镇名称", "XZ"),
    "village": ("CMC", "村名称", "行政村", "XZCMC"),
    "description": ("BZ", "备注", "MS", "描述"),
}
REQUIRED = ("jcbh",)

# The unit the issued 监测面积 is given in travels with the mapping (and is remembered with
# it): not a source field but '亩' or 'm²'; absent or empty: guessed from the values.
JCMJ_UNIT = "jcmj_unit"
JCMJ_UNIT_NAMES = ("JCMJ_UNIT", "JCMJDW", "监测面积单位", "面积单位")
MU, SQUARE_METRE = "亩", "m²"
UNIT_SPELLINGS = {
    "亩": MU,
    "mu": MU,
    "m²": SQUARE_METRE,
    "m2": SQUARE_METRE,
    "㎡": SQUARE_METRE,
    "平方米": SQUARE_METRE,
    "sqm": SQUARE_METRE,
}


@dataclass(frozen=True)
class MappingProblem:
    """Why a mapping cannot be used: an N_-marked template and what fills it."""

    reason: str
    params: dict = field(default_factory=dict)

    def text(self, translate=lambda s: s) -> str:
        return translate(self.reason).format(**self.params)


def _key(name: str) -> str:
    return name.strip().casefold()


def suggest_mapping(source_fields: list[str]) -> dict[str, str]:
    """plot attribute → source field, for every attribute whose name or alias is present."""
    present = {_key(name): name for name in source_fields}
    mapping = {}
    for attribute, names in NATIONAL_FIELDS.items():
        for name in names:
            if _key(name) in present:
                mapping[attribute] = present[_key(name)]
                break
    return mapping


def _names_by_key() -> dict[str, str]:
    """Every accepted name (casefolded) → the plot attribute it stands for."""
    names = {}
    for attribute, aliases in NATIONAL_FIELDS.items():
        for name in (attribute, *aliases):
            names.setdefault(_key(name), attribute)
    for name in (JCMJ_UNIT, *JCMJ_UNIT_NAMES):
        names.setdefault(_key(name), JCMJ_UNIT)
    return names


def accepted_names() -> dict[str, tuple[str, ...]]:
    """plot attribute → the names a mapping may use for it (the key itself first)."""
    names = {attribute: (attribute, *aliases) for attribute, aliases in NATIONAL_FIELDS.items()}
    names[JCMJ_UNIT] = (JCMJ_UNIT, *JCMJ_UNIT_NAMES)
    return names


def accepted_names_text() -> str:
    """One line per plot attribute: 'jcbh = JCBH, 监测编号, …' (for help texts and messages)."""
    lines = [f"{names[0]} = {', '.join(names[1:])}" for names in accepted_names().values()]
    lines[-1] += f" ({MU} | {SQUARE_METRE})"
    return "\n".join(lines)


def unit_of(value) -> str | None:
    """'亩' or 'm²' for any accepted spelling; None for none or an unknown one."""
    if value is None:
        return None
    return UNIT_SPELLINGS.get(_key(str(value)).replace(" ", ""))


def normalise_mapping(given: dict) -> tuple[dict[str, str], list[MappingProblem]]:
    """A mapping written by a person (``{"监测编号": "BH", "JCMJ": "MJ", "面积单位": "m2"}``)
    with its keys turned into the plot attributes, case-insensitively; and what is wrong."""
    names = _names_by_key()
    mapping: dict[str, str] = {}
    given_as: dict[str, str] = {}
    problems = []
    for key, value in given.items():
        attribute = names.get(_key(str(key)))
        if attribute is None:
            problems.append(
                MappingProblem(
                    N_("'{key}' is not a plot field; accepted names: {accepted}"),
                    {"key": key, "accepted": accepted_names_text().replace("\n", "; ")},
                )
            )
            continue
        if attribute in given_as:
            problems.append(
                MappingProblem(
                    N_("'{key}' and '{other}' both stand for {attribute}"),
                    {"key": key, "other": given_as[attribute], "attribute": attribute},
                )
            )
            continue
        given_as[attribute] = str(key)
        if attribute == JCMJ_UNIT:
            unit = unit_of(value)
            if value not in (None, "") and unit is None:
                problems.append(
                    MappingProblem(
                        N_("'{unit}' is not a unit of 监测面积: use 亩 or m²"), {"unit": value}
                    )
                )
                continue
            mapping[attribute] = unit or ""
        else:
            mapping[attribute] = "" if value is None else str(value)
    return mapping, problems


def mapping_problems(mapping: dict[str, str], source_fields: list[str]) -> list[MappingProblem]:
    """What makes a mapping (keys already plot attributes) unusable for a source."""
    problems = []
    for attribute, name in mapping.items():
        if attribute == JCMJ_UNIT:
            if name and unit_of(name) is None:
                problems.append(
                    MappingProblem(
                        N_("'{unit}' is not a unit of 监测面积: use 亩 or m²"), {"unit": name}
                    )
                )
        elif attribute not in NATIONAL_FIELDS:
            problems.append(
                MappingProblem(
                    N_("'{key}' is not a plot field; accepted names: {accepted}"),
                    {"key": attribute, "accepted": accepted_names_text().replace("\n", "; ")},
                )
            )
        elif name not in source_fields:
            problems.append(
                MappingProblem(
                    N_("the source has no field '{field}' (for {attribute})"),
                    {"field": name, "attribute": attribute},
                )
            )
    for attribute in REQUIRED:
        if not mapping.get(attribute):
            problems.append(MappingProblem(N_("no source field is mapped to jcbh (监测编号)")))
    return problems


def matched_to(mapping: dict[str, str], source_fields: list[str]) -> dict[str, str]:
    """A remembered (or given) mapping with each source field name spelt as the source
    spells it, matched case-insensitively (a mapping saved for 'JCBH' serves 'jcbh')."""
    present = {_key(name): name for name in source_fields}
    return {
        attribute: name if attribute == JCMJ_UNIT or not name else present.get(_key(name), name)
        for attribute, name in mapping.items()
    }


def source_fields_of(mapping: dict[str, str]) -> dict[str, str]:
    """The mapping without the JCMJ unit: plot attribute → source field only."""
    return {k: v for k, v in mapping.items() if k != JCMJ_UNIT and v}


def fields_signature(source_fields: list[str]) -> str:
    """Identifies a kind of source by its field names, so a mapping made once is offered
    again for the next batch from the same issuer."""
    names = json.dumps(sorted(_key(n) for n in source_fields), ensure_ascii=False)
    return hashlib.sha256(names.encode("utf-8")).hexdigest()[:16]
