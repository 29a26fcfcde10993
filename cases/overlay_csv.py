"""The overlay table (叠加分析表) as CSV, in Chinese like the other exports: one line per
plot × layer role × class, UTF-8 with a byte-order mark so that Excel opens it.

Columns: 监测编号, 图层角色 (地类图斑, 永久基本农田 …), 地类编码 and 地类名称 (land-use rows,
三大类 and 耕地), 编号 and 名称 (批准文号 and 项目名称, 上图入库号 …), 平面面积(平方米),
椭球面积(平方米), 椭球面积(亩) (``areas.mu_text``: half up from the exact m²) and 说明.
A figure that was not computed is an empty cell with a note in 说明, never 0.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Mapping
from pathlib import Path

from .areas import m2_text, mu_text
from .overlay_breakdown import (
    APPROVAL,
    CHECK,
    CHECK_APPROXIMATE,
    CHECK_LANDUSE_GAP,
    CHECK_LANDUSE_OVERLAP,
    CHECK_NO_AREA,
    CHECK_NOT_COMPUTED,
    CHECK_ROLE_OVERLAP,
    CHECK_UNKNOWN_CODE,
    CROPLAND,
    FACILITY,
    FACILITY_FILED,
    LANDUSE,
    LANDUSE_CLASS,
    PLOT,
    REPAIR,
    OverlayRow,
)
from .overlay_roles import ROLES

CSV_HEADER = (
    "监测编号",
    "图层角色",
    "地类编码",
    "地类名称",
    "编号",
    "名称",
    "平面面积(平方米)",
    "椭球面积(平方米)",
    "椭球面积(亩)",
    "说明",
)

ROLE_NAMES = {key: definition.chinese for key, definition in ROLES.items()}
ROLE_NAMES.update(
    {
        PLOT: "图斑",
        LANDUSE_CLASS: "三大类",
        CROPLAND: "耕地",
        APPROVAL: "批准用地",
        FACILITY: "设施农用地备案",
        FACILITY_FILED: "设施农用地备案",
        CHECK: "核查提示",
        REPAIR: "几何修复",
    }
)
_CLASS_ROLES = (LANDUSE, LANDUSE_CLASS, CROPLAND)  # code and name are a land-use class
_TOTALLED = (LANDUSE, APPROVAL, FACILITY, "temporary")  # a total row beside class rows

_CHECKS = {
    CHECK_LANDUSE_GAP: "地类图斑未覆盖的面积 {amount} 平方米（面积恒等式不成立）",
    CHECK_LANDUSE_OVERLAP: "地类图斑相互重叠的面积 {amount} 平方米（面积恒等式不成立）",
    CHECK_UNKNOWN_CODE: "{detail} 不是三调地类编码，{amount} 平方米未计入三大类",
    CHECK_ROLE_OVERLAP: "{detail}图层的要素相互重叠 {amount} 平方米（合计按并集计算）",
    CHECK_NOT_COMPUTED: "{detail} 与图斑的叠加未能计算，面积未计入，请检查",
    CHECK_APPROXIMATE: "{detail} 按 1 毫米网格近似计算",
    CHECK_NO_AREA: "图斑修复后没有面状部分，未能比对",
}
_UNMAPPED = "地类名称 {detail} 未对应地类编码，{amount} 平方米未计入三大类"


def _m2(value) -> str:
    return m2_text(value, "")


def csv_line(row: OverlayRow, number: str) -> tuple:
    """The CSV cells of one overlay row (see the module docstring)."""
    row = OverlayRow(*row)
    code = "" if row.class_code is None else row.class_code
    name = "" if row.class_name is None else row.class_name
    role = ROLE_NAMES.get(row.role, row.role)
    if row.role == CHECK:
        detail = name
        if row.class_code == CHECK_ROLE_OVERLAP:
            detail = ROLE_NAMES.get(name, name)
        elif row.class_code in (CHECK_NOT_COMPUTED, CHECK_APPROXIMATE):
            detail = _feature(name)
        template = _CHECKS.get(row.class_code, "{code}：{detail}")
        if row.class_code == CHECK_UNKNOWN_CODE and detail and not detail.isascii():
            template = _UNMAPPED  # a land-use name the mapping left without a code
        note = template.format(code=code, detail=detail, amount=_m2(row.area_planar_m2))
        return (number, role, "", "", "", "", "", "", "", note)
    if row.role == REPAIR:
        target = "图斑" if code == PLOT else _feature(code)
        note = f"{target} 几何已修复（{name}），修复后面积 {_m2(row.area_planar_m2)} 平方米"
        return (number, role, "", "", "", "", "", "", "", note)
    if row.role == FACILITY_FILED:
        note = f"备案面积 {_m2(row.area_planar_m2)} 平方米（{mu_text(row.area_planar_m2)} 亩）"
        return (number, role, "", "", code, "", "", "", "", note)
    notes = []
    if row.class_code is None and row.role in _TOTALLED:
        notes.append("合计")
    if row.role == LANDUSE and row.class_code == "":
        notes.append("地类名称未对应地类编码" if name else "无地类编码")
    if row.area_ellipsoidal_m2 is None:
        notes.append("无椭球面积")
    land_class = row.role in _CLASS_ROLES
    return (
        number,
        role,
        code if land_class else "",
        name if land_class else "",
        "" if land_class else code,
        "" if land_class else name,
        _m2(row.area_planar_m2),
        _m2(row.area_ellipsoidal_m2),
        mu_text(row.area_ellipsoidal_m2, missing=""),
        "；".join(notes),
    )


def _feature(text: str) -> str:
    """'farmland:21' as 永久基本农田要素 21."""
    role, _, fid = text.partition(":")
    return f"{ROLE_NAMES.get(role, role)}要素 {fid}" if fid else text


def write_csv(rows: Iterable, plot_numbers: Mapping[int, str], path: Path | str) -> Path:
    """Write the overlay table: the lines of ``rows`` (``OverlayRow`` or tuples in its
    order), each with its plot's 监测编号 (``plot_numbers``; the plot id when unknown)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(CSV_HEADER)
        for row in rows:
            row = OverlayRow(*row)
            writer.writerow(csv_line(row, plot_numbers.get(row.plot_id, row.plot_id)))
    return path
