"""Land-use names (地类名称, DLMC) to 三调 codes (地类编码, DLBM), for land-use layers that
carry only names: 三调 layers name their classes by the 三调 working classification, older
village and township layers by the 二调 classification (有林地, 村庄, 建制镇 …).

Sources:
- 三调 names: the 三调 working classification (TD/T 1055-2019 附录 A, ``landuse_codes``),
  plus the GB/T 21010-2017 second-level names of the classes 三调 merges (0501–0507 into 05H1,
  0801–0802 into 08H1, 0803–0808 into 08H2, 0901–0906 into 09).
- 二调 names: 《第三次全国国土调查工作分类与第二次全国土地调查分类对照表》 (the correspondence
  published with the 三调 technical rules, TD/T 1055-2019), for the 二调 classification
  (GB/T 21010-2007 with the 二调 城镇村及工矿用地 classes 201–205).

Where one 二调 class splits into several 三调 classes, the name maps to the MAIN one (the
class most of its land goes to), listed in ``SPLIT_CLASSES`` with the others. None of them
is 耕地, and but for 沼泽地 the 三大类 of the main class is the 三大类 of every class the 二调
class splits into, so the split 农用地 / 建设用地 / 未利用地 and the 耕地 figure do not depend
on the choice:
- 201 城市, 202 建制镇 → 0701 城镇住宅用地 and 203 村庄 → 0702 农村宅基地: 二调 drew the
  built-up areas as one settlement class; 三调 surveys their land use inside (housing, roads,
  shops, public services …), all 建设用地. Housing is the largest part of each.
- 205 风景名胜及特殊用地 → 09 特殊用地 (also 0810 公园与绿地 and 05H1), all 建设用地.
- 031 有林地 → 0301 乔木林地 (also 0302 竹林地, 0303 红树林地, 0304 森林沼泽), all 农用地.
- 125 沼泽地 → 1108 沼泽地 (vegetated marsh went to 0304, 0306, 0402: 农用地 there; the main
  class keeps 二调's 未利用地).
- 127 裸地 → 1206 裸土地 (also 1207 裸岩石砾地), both 未利用地.
A station that knows better edits the mapping before it is stored with the role.
二调's 可调整 classes (可调整果园 …) are the class without the prefix.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from .landuse_codes import LANDUSE_NAMES, normalize_code

# GB/T 21010-2017 names of the classes the 三调 working classification merges.
_GB2017_MERGED = {
    "零售商业用地": "05H1",
    "批发市场用地": "05H1",
    "餐饮用地": "05H1",
    "旅馆用地": "05H1",
    "商务金融用地": "05H1",
    "娱乐用地": "05H1",
    "其他商服用地": "05H1",
    "机关团体用地": "08H1",
    "新闻出版用地": "08H1",
    "教育用地": "08H2",
    "科研用地": "08H2",
    "医疗卫生用地": "08H2",
    "社会福利用地": "08H2",
    "文化设施用地": "08H2",
    "体育用地": "08H2",
    "军事设施用地": "09",
    "使领馆用地": "09",
    "监教场所用地": "09",
    "宗教用地": "09",
    "殡葬用地": "09",
    "风景名胜设施用地": "09",
    "商服用地": "05H1",
}

# 二调 name → 三调 code (二调 code in the comment). Names equal in both are left out: they
# are found among the 三调 names (水田, 旱地, 果园, 灌木林地, 其他林地, 天然牧草地, 人工牧草地,
# 其他草地, 铁路用地, 公路用地, 农村道路, 水库水面, 坑塘水面, 沟渠, 水工建筑用地, 设施农用地,
# 田坎, 盐碱地, 沼泽地, 沙地, 空闲地 …).
ERDIAO_TO_SANDIAO = {
    "有林地": "0301",  # 031, main class (see SPLIT_CLASSES)
    "其他园地": "0204",  # 023 (三调 takes 0203 橡胶园 out of it)
    "街巷用地": "1004",  # 103 (GB/T 21010-2007)
    "裸地": "1206",  # 127
    "城市": "0701",  # 201
    "建制镇": "0701",  # 202
    "村庄": "0702",  # 203
    "采矿用地": "0602",  # 204
    "风景名胜及特殊用地": "09",  # 205
    # GB/T 21010-2007 second-level names some 二调 databases carry inside 20
    "批发零售用地": "05H1",  # 051
    "住宿餐饮用地": "05H1",  # 052
    "仓储用地": "0508",  # 063
    "科教用地": "08H2",  # 083
    "医卫慈善用地": "08H2",  # 084
    "文体娱乐用地": "08H2",  # 085
    "公共设施用地": "0809",  # 086
    "特殊用地": "09",  # 09
}

# 二调 classes that 三调 splits: 二调 name → (main 三调 code, the other 三调 codes).
SPLIT_CLASSES = {
    "有林地": ("0301", ("0302", "0303", "0304")),
    "灌木林地": ("0305", ("0306",)),
    "天然牧草地": ("0401", ("0402",)),
    "其他园地": ("0204", ("0203",)),
    "铁路用地": ("1001", ("1002",)),
    "沼泽地": ("1108", ("0304", "0306", "0402")),
    "裸地": ("1206", ("1207",)),
    "城市": ("0701", ("05H1", "0508", "0601", "08H1", "08H2", "0809", "0810", "09", "1004")),
    "建制镇": ("0701", ("05H1", "0508", "0601", "08H1", "08H2", "0809", "0810", "09", "1004")),
    "村庄": ("0702", ("05H1", "0508", "0601", "08H1", "08H2", "0809", "0810", "09", "1004")),
    "风景名胜及特殊用地": ("09", ("0810", "05H1")),
}

_ADJUSTABLE = "可调整"  # 二调's 可调整地类 (可调整果园 …): the class without the prefix

_BY_NAME: dict[str, str] = {name: code for code, name in LANDUSE_NAMES.items()}
_BY_NAME.update(_GB2017_MERGED)
_BY_NAME.update(ERDIAO_TO_SANDIAO)


class UnknownMappedCode(ValueError):
    """A name mapped to something that is not a 三调 / GB/T 21010 code."""

    def __init__(self, name: str, code):
        self.name, self.code = name, code
        super().__init__(f"{name} → {code}: not a 三调 / GB/T 21010 land-use code")


def clean_name(name) -> str:
    """A DLMC value as compared: spaces (also full-width) taken off; '' for none."""
    if name is None:
        return ""
    return "".join(str(name).split()).replace("\u3000", "")


def code_for_name(name) -> str | None:
    """The 三调 code of a 三调 or 二调 land-use name, or None when the name is not known."""
    text = clean_name(name)
    if text.startswith(_ADJUSTABLE):
        text = text[len(_ADJUSTABLE) :]
    return _BY_NAME.get(text)


def name_mapping(names: Iterable) -> tuple[dict[str, str], list[str]]:
    """({name: code} for the distinct names that map, [names that map to nothing]), each
    name as ``clean_name`` gives it; empty values are left out of both."""
    mapping: dict[str, str] = {}
    unmatched: list[str] = []
    for name in sorted({clean_name(n) for n in names} - {""}):
        code = code_for_name(name)
        if code is None:
            unmatched.append(name)
        else:
            mapping[name] = code
    return mapping, unmatched


def clean_mapping(mapping: Mapping) -> dict[str, str]:
    """A name → code mapping as stored: names cleaned, codes normalised, names without a
    code left out (they map to nothing: never stored as codes); ``UnknownMappedCode`` for
    a code that is not a 三调 / GB/T 21010 code."""
    cleaned: dict[str, str] = {}
    for name, code in dict(mapping).items():
        key = clean_name(name)
        if not key or code is None or not str(code).strip():
            continue
        try:
            cleaned[key] = normalize_code(str(code))
        except ValueError:
            raise UnknownMappedCode(key, code) from None
    return cleaned


def unmapped_names(names: Iterable, mapping: Mapping) -> list[str]:
    """The distinct names (cleaned) that ``mapping`` does not map."""
    return sorted({clean_name(n) for n in names} - {""} - set(mapping))
