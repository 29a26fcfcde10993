"""三调 land-use codes: names, the three-way split, cropland."""

from __future__ import annotations

import re

import pytest

from landcase.cases.landuse_codes import (
    CROPLAND_CODES,
    LANDUSE_NAMES,
    THREE_WAY_CLASSES,
    is_cropland,
    landuse_name,
    three_way_class,
)

# The 三调 second-level codes (working classification), each with its name.
SANDIAO_CODES = (
    "0101 水田, 0102 水浇地, 0103 旱地, 0201 果园, 0202 茶园, 0203 橡胶园, 0204 其他园地, "
    "0301 乔木林地, 0302 竹林地, 0303 红树林地, 0304 森林沼泽, 0305 灌木林地, 0306 灌丛沼泽, "
    "0307 其他林地, 0401 天然牧草地, 0402 沼泽草地, 0403 人工牧草地, 0404 其他草地, "
    "05H1 商业服务业设施用地, 0508 物流仓储用地, 0601 工业用地, 0602 采矿用地, 0603 盐田, "
    "0701 城镇住宅用地, 0702 农村宅基地, 08H1 机关团体新闻出版用地, 08H2 科教文卫用地, "
    "0809 公用设施用地, 0810 公园与绿地, 09 特殊用地, 1001 铁路用地, 1002 轨道交通用地, "
    "1003 公路用地, 1004 城镇村道路用地, 1005 交通服务场站用地, 1006 农村道路, 1007 机场用地, "
    "1008 港口码头用地, 1009 管道运输用地, 1101 河流水面, 1102 湖泊水面, 1103 水库水面, "
    "1104 坑塘水面, 1105 沿海滩涂, 1106 内陆滩涂, 1107 沟渠, 1108 沼泽地, 1109 水工建筑用地, "
    "1110 冰川及永久积雪, 1201 空闲地, 1202 设施农用地, 1203 田坎, 1204 盐碱地, 1205 沙地, "
    "1206 裸土地, 1207 裸岩石砾地"
)
EXPECTED_NAMES = dict(item.split(" ") for item in SANDIAO_CODES.split(", "))


def test_every_code_has_its_name_and_a_class():
    assert len(EXPECTED_NAMES) == 56
    for code, name in EXPECTED_NAMES.items():
        assert LANDUSE_NAMES[code] == name
        assert landuse_name(code) == name
        assert three_way_class(code) in THREE_WAY_CLASSES
    # Beyond these, only the three 三调 subclasses.
    assert set(LANDUSE_NAMES) - set(EXPECTED_NAMES) == {"0810A", "1104A", "1107A"}


@pytest.mark.parametrize(
    "code, expected",
    [
        ("0101", "农用地"),
        ("0204", "农用地"),
        ("0303", "农用地"),  # 湿地 under 林地
        ("0402", "农用地"),  # 湿地 under 草地
        ("0404", "未利用地"),
        ("0603", "建设用地"),  # 湿地 under 工矿
        ("0702", "建设用地"),
        ("09", "建设用地"),
        ("1001", "建设用地"),
        ("1006", "农用地"),
        ("1101", "未利用地"),
        ("1103", "建设用地"),
        ("1104", "农用地"),
        ("1105", "未利用地"),
        ("1107", "农用地"),
        ("1108", "未利用地"),
        ("1109", "建设用地"),
        ("1201", "建设用地"),
        ("1202", "农用地"),
        ("1203", "农用地"),
        ("1207", "未利用地"),
        ("0810A", "建设用地"),
        ("1104A", "农用地"),
        ("1107A", "农用地"),
    ],
)
def test_three_way_class(code, expected):
    assert three_way_class(code) == expected


def test_class_counts():
    classes = [three_way_class(code) for code in EXPECTED_NAMES]
    assert classes.count("农用地") == 22
    assert classes.count("未利用地") == 11
    assert classes.count("建设用地") == 23


def test_cropland():
    assert CROPLAND_CODES == ("0101", "0102", "0103")
    assert [code for code in LANDUSE_NAMES if is_cropland(code)] == list(CROPLAND_CODES)
    assert not is_cropland("1203")  # 田坎 is 农用地 but not 耕地
    assert all(three_way_class(code) == "农用地" for code in CROPLAND_CODES)


def test_codes_as_they_come_from_files():
    assert is_cropland(" 0101 ")
    assert three_way_class("05h1") == "建设用地"
    assert landuse_name("1104a") == "养殖坑塘"


@pytest.mark.parametrize("code", ["0100", "101", "0201K", "", "05", None, 101])
def test_unknown_code_is_named_in_the_error(code):
    assert not is_cropland(code)  # 0100 starts with 01 but is no code, so no 耕地
    for function in (three_way_class, landuse_name):
        with pytest.raises(ValueError, match=f"unknown land-use code .*{re.escape(repr(code))}"):
            function(code)


def test_the_erdiao_correspondence_keeps_the_three_way_class_and_cropland():
    """Every 二调 name maps to a 三调 code; where a 二调 class splits into several 三调
    classes, none is 耕地 and all have the main class's 三大类, but for 沼泽地, whose
    vegetated part went to 农用地 (0304, 0306, 0402) while 1108 stays 未利用地."""
    from landcase.cases.landuse_names import ERDIAO_TO_SANDIAO, SPLIT_CLASSES, code_for_name

    for name, code in ERDIAO_TO_SANDIAO.items():
        assert code in LANDUSE_NAMES, name
    for name, (main, others) in SPLIT_CLASSES.items():
        assert code_for_name(name) == main, name
        assert not any(is_cropland(code) for code in (main, *others)), name
        classes = {three_way_class(code) for code in others}
        if name == "沼泽地":
            assert three_way_class(main) == "未利用地" and classes == {"农用地"}
        else:
            assert classes == {three_way_class(main)}, name
