"""Mapping a source's fields onto the plot's national fields (监测图斑 field names)."""

from __future__ import annotations

import hashlib
import json

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


def validate_mapping(mapping: dict[str, str], source_fields: list[str]) -> list[str]:
    """Problems with a mapping, as readable sentences (empty when it can be used)."""
    problems = []
    for attribute, field in mapping.items():
        if attribute not in NATIONAL_FIELDS:
            problems.append(f"unknown plot field '{attribute}'")
        elif field not in source_fields:
            problems.append(f"the source has no field '{field}' (for {attribute})")
    for attribute in REQUIRED:
        if attribute not in mapping:
            problems.append(f"no source field is mapped to {attribute} (监测编号)")
    return problems


def fields_signature(source_fields: list[str]) -> str:
    """Identifies a kind of source by its field names, so a mapping made once is offered
    again for the next batch from the same issuer."""
    names = json.dumps(sorted(_key(n) for n in source_fields), ensure_ascii=False)
    return hashlib.sha256(names.encode("utf-8")).hexdigest()[:16]
