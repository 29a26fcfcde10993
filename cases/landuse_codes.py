"""Land-use codes (地类编码) of GB/T 21010-2017 as used in 三调, and the three-way split.

The codes are the second-level classes of the 三调 working classification (第三次全国国土调查
工作分类, TD/T 1055-2019 附录 A): GB/T 21010-2017 with some classes merged (05H1, 0508, 08H1,
08H2, 09 undivided), plus the three subclasses it records in DLBM: 0810A 广场用地,
1104A 养殖坑塘 and 1107A 干渠. (二调's 可调整 "K" codes are not 三调 codes: 三调 records whether
land can be restored to 耕地 in a separate attribute.)

The three-way split (三大类: 农用地 / 建设用地 / 未利用地) follows the 《土地利用现状分类》与
《土地管理法》"三大类"对照表 (GB/T 21010 附录, the table 三调 statistics use):
- 农用地: 耕地 01, 园地 02, 林地 03, 草地 04 but 0404, and from other groups 1006 农村道路,
  1104 坑塘水面, 1107 沟渠, 1202 设施农用地, 1203 田坎.
- 建设用地: 05–10 but 1006, and 1103 水库水面 and 1109 水工建筑用地 (水利设施用地), 1201 空闲地.
- 未利用地: 0404 其他草地, 1101, 1102, 1105, 1106, 1108, 1110 and 1204–1207.
The wetland classes (湿地, a first-level group of the 三调 working classification) are not a fourth
class here; each keeps the class of its GB/T 21010 parent: 0303 红树林地, 0304 森林沼泽,
0306 灌丛沼泽 (林地) and 0402 沼泽草地 (草地) are 农用地; 0603 盐田 (工矿) is 建设用地;
1105 沿海滩涂, 1106 内陆滩涂 and 1108 沼泽地 are 未利用地.
A subclass takes the class of its parent code (0810, 1104, 1107), and none is 耕地.

Names (三调 and 二调 wording) to codes, for layers that carry only DLMC: ``landuse_names``.
"""

from __future__ import annotations

FARMLAND = "农用地"
CONSTRUCTION = "建设用地"
UNUSED = "未利用地"

# code: (name, three-way class), in the order of the classification.
_CODES = {
    # 01 耕地
    "0101": ("水田", FARMLAND),
    "0102": ("水浇地", FARMLAND),
    "0103": ("旱地", FARMLAND),
    # 02 种植园用地
    "0201": ("果园", FARMLAND),
    "0202": ("茶园", FARMLAND),
    "0203": ("橡胶园", FARMLAND),
    "0204": ("其他园地", FARMLAND),
    # 03 林地
    "0301": ("乔木林地", FARMLAND),
    "0302": ("竹林地", FARMLAND),
    "0303": ("红树林地", FARMLAND),  # 湿地
    "0304": ("森林沼泽", FARMLAND),  # 湿地
    "0305": ("灌木林地", FARMLAND),
    "0306": ("灌丛沼泽", FARMLAND),  # 湿地
    "0307": ("其他林地", FARMLAND),
    # 04 草地
    "0401": ("天然牧草地", FARMLAND),
    "0402": ("沼泽草地", FARMLAND),  # 湿地
    "0403": ("人工牧草地", FARMLAND),
    "0404": ("其他草地", UNUSED),
    # 05 商业服务业用地
    "05H1": ("商业服务业设施用地", CONSTRUCTION),
    "0508": ("物流仓储用地", CONSTRUCTION),
    # 06 工矿用地
    "0601": ("工业用地", CONSTRUCTION),
    "0602": ("采矿用地", CONSTRUCTION),
    "0603": ("盐田", CONSTRUCTION),  # 湿地
    # 07 住宅用地
    "0701": ("城镇住宅用地", CONSTRUCTION),
    "0702": ("农村宅基地", CONSTRUCTION),
    # 08 公共管理与公共服务用地
    "08H1": ("机关团体新闻出版用地", CONSTRUCTION),
    "08H2": ("科教文卫用地", CONSTRUCTION),
    "0809": ("公用设施用地", CONSTRUCTION),
    "0810": ("公园与绿地", CONSTRUCTION),
    # 09 特殊用地
    "09": ("特殊用地", CONSTRUCTION),
    # 10 交通运输用地
    "1001": ("铁路用地", CONSTRUCTION),
    "1002": ("轨道交通用地", CONSTRUCTION),
    "1003": ("公路用地", CONSTRUCTION),
    "1004": ("城镇村道路用地", CONSTRUCTION),
    "1005": ("交通服务场站用地", CONSTRUCTION),
    "1006": ("农村道路", FARMLAND),
    "1007": ("机场用地", CONSTRUCTION),
    "1008": ("港口码头用地", CONSTRUCTION),
    "1009": ("管道运输用地", CONSTRUCTION),
    # 11 水域及水利设施用地
    "1101": ("河流水面", UNUSED),
    "1102": ("湖泊水面", UNUSED),
    "1103": ("水库水面", CONSTRUCTION),
    "1104": ("坑塘水面", FARMLAND),
    "1105": ("沿海滩涂", UNUSED),  # 湿地
    "1106": ("内陆滩涂", UNUSED),  # 湿地
    "1107": ("沟渠", FARMLAND),
    "1108": ("沼泽地", UNUSED),  # 湿地
    "1109": ("水工建筑用地", CONSTRUCTION),
    "1110": ("冰川及永久积雪", UNUSED),
    # 12 其他土地
    "1201": ("空闲地", CONSTRUCTION),
    "1202": ("设施农用地", FARMLAND),
    "1203": ("田坎", FARMLAND),
    "1204": ("盐碱地", UNUSED),
    "1205": ("沙地", UNUSED),
    "1206": ("裸土地", UNUSED),
    "1207": ("裸岩石砾地", UNUSED),
}  # fmt: skip

# Subclasses of the 三调 working classification: code -> (name, parent code).
_SUBCLASSES = {
    "0810A": ("广场用地", "0810"),
    "1104A": ("养殖坑塘", "1104"),
    "1107A": ("干渠", "1107"),
}

LANDUSE_NAMES = {code: name for code, (name, _) in _CODES.items()}
LANDUSE_NAMES.update({code: name for code, (name, _) in _SUBCLASSES.items()})

THREE_WAY_CLASSES = (FARMLAND, CONSTRUCTION, UNUSED)
_THREE_WAY = {code: three_way for code, (_, three_way) in _CODES.items()}
_THREE_WAY.update({code: _THREE_WAY[parent] for code, (_, parent) in _SUBCLASSES.items()})

# 耕地 is main class 01: every code under it, none other (a code merely starting with "01"
# that is not in the table, such as 0100, is not 耕地).
CROPLAND_CODES = tuple(code for code in LANDUSE_NAMES if code.startswith("01"))


def normalize_code(code: str) -> str:
    """The code as the tables hold it (spaces off, letters upper case); ValueError if unknown."""
    normalized = str(code).strip().upper()
    if normalized not in LANDUSE_NAMES:
        raise ValueError(f"unknown land-use code (地类编码) {code!r}: not a 三调 / GB/T 21010 code")
    return normalized


def landuse_name(code: str) -> str:
    """The Chinese name (地类名称) of a code."""
    return LANDUSE_NAMES[normalize_code(code)]


def three_way_class(code: str) -> str:
    """'农用地', '建设用地' or '未利用地' for a code (see the module docstring)."""
    return _THREE_WAY[normalize_code(code)]


def is_cropland(code) -> bool:
    """True for 耕地 (0101 水田, 0102 水浇地, 0103 旱地); False for every other code, also
    an unknown or missing one (a layer's own codes are asked too: the map, the reports)."""
    return code is not None and str(code).strip().upper() in CROPLAND_CODES
