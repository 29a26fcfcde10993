"""Seeded synthetic county: 三调 land use, farmland, approvals and one 部卫片 batch.

All randomness comes from one numpy Generator, so a seed always gives the same
features and attributes. Coordinates are CGCS2000 3-degree GK CM 120E (EPSG:4549).

    .venv/bin/python tools/sample_county.py --size small --seed 42 --out build/sample
"""

from __future__ import annotations

import argparse
import contextlib
import json
import shutil
import time
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np
import shapely
from osgeo import gdal, ogr, osr

EPSG = 4549
CENTRE = np.array([500_000.0, 3_400_000.0])
COUNTY_CODE = "320123"
MU = 10_000 / 15  # m² per 亩
BATCH = "2026年第1批"
BATCH_STEM = "wpzf_2026_01"
BATCH_DATES = ("2025-10-15", "2026-01-20")  # 前时相, 后时相
SHP_ENCODING = "GBK"


@dataclass(frozen=True)
class Size:
    radius: float  # mean county radius, m
    townships: int
    villages: tuple  # villages per township, inclusive range
    points: int  # Voronoi seeds of the land-use coverage
    seat_radius: float  # urban radius of the county seat, m
    town_radius: float  # urban radius of the other township seats, m
    plots: int
    approvals: int
    filings: int


SIZES = {
    "small": Size(8_000, 8, (10, 16), 20_000, 1_000, 350, 500, 40, 20),
    "county": Size(22_000, 15, (12, 20), 200_000, 2_200, 550, 5_000, 300, 150),
}

DLMC = {
    "0101": "水田", "0102": "水浇地", "0103": "旱地",
    "0201": "果园", "0204": "其他园地",
    "0301": "乔木林地", "0305": "灌木林地", "0307": "其他林地",
    "0404": "其他草地",
    "05H1": "商业服务业设施用地", "0508": "物流仓储用地", "0601": "工业用地",
    "0701": "城镇住宅用地", "0702": "农村宅基地",
    "1003": "公路用地", "1006": "农村道路",
    "1101": "河流水面", "1104": "坑塘水面", "1107": "沟渠",
    "1202": "设施农用地", "1203": "田坎", "1206": "裸土地",
}  # fmt: skip
CROPLAND = ("0101", "0102", "0103")
CONSTRUCTION = ("05H1", "0508", "0601", "0701", "0702", "1003")
# Linear features: code, strip width (m), seed spacing along the line (m), lines per
# 8 km of county radius, meander amplitude relative to the radius.
LINE_SPECS = (
    ("1101", 60.0, 150.0, 1, 0.10),
    ("1003", 30.0, 120.0, 2, 0.02),
    ("1107", 10.0, 80.0, 3, 0.04),
    ("1006", 8.0, 80.0, 3, 0.05),
)
# Area shares inside a class group, given out in patches; the last code fills the rest.
FOREST_SHARES = (
    ("0305", 0.08),
    ("0204", 0.10),
    ("0404", 0.15),
    ("0307", 0.15),
    ("0201", 0.17),
    ("0301", 0.35),
)
CROP_SHARES = (("0102", 0.10), ("0103", 0.25), ("0101", 0.65))
# Scattered small classes: probability per remaining cell.
MINOR_SHARES = (("1203", 0.05), ("1202", 0.012), ("1006", 0.008), ("1107", 0.006), ("1206", 0.005))
CROPLAND_TARGET = 0.45  # of the county area
POND_TARGET = 0.06

TOWN_NAMES = (
    "青山 东湖 西塘 南桥 北港 白马 黄桥 石湖 新丰 金沙 柳河 龙泉 花桥 长安 平望 梅林 桃源 永宁 双庙 大兴"
).split()
VILLAGE_HEAD = "张王李刘陈杨赵周吴徐孙朱马胡郭林何高梁郑罗宋谢唐韩曹许邓萧冯"
VILLAGE_TAIL = "庄家桥湾塘圩港巷营店集坝墩舍楼河坊园岗洼埠沟堰垛荡泾浜甸场渡"
PARK_PROJECTS = ("标准厂房项目", "智能制造产业园项目", "物流园项目", "新材料产业园项目")
ROADS = ("S241省道", "X302县道", "G204国道", "Y015乡道")
FACILITIES = ("家庭农场蔬菜大棚", "粮食烘干晾晒场", "畜禽养殖用房", "农机库房", "水产养殖管理用房")
NOTES = ("疑似临时用地", "道路施工", "光伏板", "大棚房", "堆放建材")


@dataclass
class Units:
    """Administrative units (townships or villages) of one level."""

    code: np.ndarray
    name: np.ndarray
    geom: np.ndarray
    seat: np.ndarray  # (n, 2) seed point inside each unit
    parent: np.ndarray  # township index of a village


@dataclass
class Land:
    """The land-use coverage: Voronoi cells, sorted by village."""

    geom: np.ndarray
    code: np.ndarray
    village: np.ndarray
    seed: np.ndarray  # (n, 2) Voronoi seed of each cell


@dataclass
class Places:
    """Settlement centres the classification and the approvals need."""

    seats: np.ndarray
    seat_radius: np.ndarray
    park: np.ndarray
    park_radius: float
    hamlets: np.ndarray
    hamlet_radius: np.ndarray


# --- random geometry helpers ------------------------------------------------


def smooth_field(rng, wavelength, terms=16):
    """Random band-limited field with unit variance; thresholding it gives patches."""
    angle = rng.uniform(0, 2 * np.pi, terms)
    k = 2 * np.pi / (wavelength * rng.uniform(0.6, 1.6, terms))
    kxy = np.stack([k * np.cos(angle), k * np.sin(angle)])
    phase = rng.uniform(0, 2 * np.pi, terms)

    def field(xy):
        return np.sqrt(2 / terms) * np.cos((xy - CENTRE) @ kxy + phase).sum(axis=1)

    return field


def county_outline(rng, radius):
    theta = np.linspace(0, 2 * np.pi, 720, endpoint=False)
    r = np.ones_like(theta)
    for k in range(2, 7):
        r += rng.uniform(0.02, 0.12) / np.sqrt(k) * np.cos(k * theta + rng.uniform(0, 2 * np.pi))
    return shapely.Polygon(CENTRE + radius * np.c_[r * np.cos(theta), r * np.sin(theta)])


def points_in(rng, region, n):
    """n uniform points inside region (rejection sampling on its bounding box)."""
    x0, y0, x1, y1 = region.bounds
    shapely.prepare(region)
    found = np.empty((0, 2))
    while len(found) < n:
        xy = rng.uniform((x0, y0), (x1, y1), (2 * n + 10, 2))
        found = np.vstack([found, xy[shapely.contains_xy(region, xy[:, 0], xy[:, 1])]])
    return found[:n]


def voronoi(xy, region):
    """Voronoi cells of xy, in input order, covering region's envelope. (GEOS 3.11,
    which QGIS ships, cannot keep the order itself: each cell holds its own seed.)"""
    cells = shapely.get_parts(shapely.voronoi_polygons(shapely.multipoints(xy), extend_to=region))
    seed, cell = shapely.STRtree(cells).query(shapely.points(xy), predicate="within")
    assert len(cells) == len(xy) == len(np.unique(seed)) == len(seed), "coincident seeds"
    return cells[cell[np.argsort(seed)]]


def relaxed_partition(rng, region, n, rounds):
    """Seeds and cells of n units partitioning region (drafts: the final units are
    redrawn along the land-use cells); Lloyd rounds even out their sizes."""
    xy = points_in(rng, region, n)
    for _ in range(rounds):
        centroid = shapely.centroid(shapely.intersection(voronoi(xy, region), region))
        inside = shapely.contains(region, centroid)
        xy = np.where(inside[:, None], shapely.get_coordinates(centroid), xy)
    return xy, shapely.intersection(voronoi(xy, region), region)


def rectangles(centre, width, length, angle):
    """Rotated rectangles, one per row of the arguments."""
    corners = np.array([[-0.5, -0.5], [0.5, -0.5], [0.5, 0.5], [-0.5, 0.5]])
    local = corners[None] * np.stack([length, width], axis=1)[:, None, :]
    return shapely.polygons(centre[:, None, :] + rotate(local, angle))


def rotate(local, angle):
    """Rotate (n, k, 2) offsets by one angle per row."""
    c, s = np.cos(angle)[:, None], np.sin(angle)[:, None]
    x, y = local[..., 0], local[..., 1]
    return np.stack([c * x - s * y, s * x + c * y], axis=-1)


def blobs(rng, centre, area):
    """Irregular simple polygons of the given areas: 4-9 vertices in angular order
    around the centre, squeezed and rotated, so they are valid by construction."""
    n = len(centre)
    nv = rng.integers(4, 10, n)
    owner = np.repeat(np.arange(n), nv)
    k = np.arange(owner.size) - np.repeat(np.cumsum(nv) - nv, nv)
    angle = 2 * np.pi / nv[owner] * (k + rng.uniform(-0.3, 0.3, owner.size))
    radius = rng.uniform(0.7, 1.0, owner.size)
    aspect = rng.uniform(1.0, 2.5, n)[owner]
    local = np.c_[radius * np.cos(angle) * aspect, radius * np.sin(angle) / aspect]
    turn = rng.uniform(0, np.pi, n)[owner]
    c, s = np.cos(turn), np.sin(turn)
    local = np.c_[c * local[:, 0] - s * local[:, 1], s * local[:, 0] + c * local[:, 1]]
    # scale each ring to its target area (shoelace area of the unit shape)
    nxt = np.roll(np.arange(owner.size), -1)
    nxt[np.cumsum(nv) - 1] = np.cumsum(nv) - nv
    cross = local[:, 0] * local[nxt, 1] - local[nxt, 0] * local[:, 1]
    unit_area = np.bincount(owner, cross, minlength=n) / 2
    scale = np.sqrt(area / unit_area)[owner]
    ring = shapely.linearrings(centre[owner] + local * scale[:, None], indices=owner)
    return shapely.polygons(ring)


def drop_overlapping(geoms):
    """Keep-mask dropping any geometry that touches an earlier kept one."""
    later, earlier = shapely.STRtree(geoms).query(geoms, predicate="intersects")
    pairs = later > earlier
    keep = np.ones(len(geoms), bool)
    for i, j in zip(later[pairs], earlier[pairs]):
        if keep[j]:
            keep[i] = False
    return keep


def nearest(xy, targets):
    """Index of and distance to the nearest target geometry for each point."""
    (src, dst), dist = shapely.STRtree(targets).query_nearest(
        shapely.points(xy), return_distance=True, all_matches=False
    )
    index, distance = np.empty(len(xy), int), np.empty(len(xy))
    index[src], distance[src] = dst, dist
    return index, distance


def containing(xy, units):
    """Index of the unit each point lies in (the nearest one, should it fall in a seam)."""
    # query from the units' side, so that each unit is prepared once
    unit, point = shapely.STRtree(shapely.points(xy)).query(units, predicate="contains")
    found = np.full(len(xy), -1)
    found[point[::-1]] = unit[::-1]
    lost = found < 0
    found[lost] = nearest(xy[lost], units)[0]
    return found


def log_uniform(rng, low, high, n):
    return np.exp(rng.uniform(np.log(low), np.log(high), n))


# --- administrative units ---------------------------------------------------


def make_townships(rng, county, size):
    seats, geoms = relaxed_partition(rng, county, size.townships, rounds=3)
    order = np.lexsort((seats[:, 0], -seats[:, 1]))  # codes run north to south
    n = size.townships
    return Units(
        code=np.array([f"{COUNTY_CODE}{101 + i:03d}" for i in range(n)]),
        name=np.array([f"{name}镇" for name in rng.choice(TOWN_NAMES, n, replace=False)]),
        geom=geoms[order],
        seat=seats[order],
        parent=np.full(n, -1),
    )


def make_villages(rng, towns, size):
    counts = rng.integers(size.villages[0], size.villages[1] + 1, len(towns.code))
    picks = rng.choice(len(VILLAGE_HEAD) * len(VILLAGE_TAIL), counts.sum(), replace=False)
    names = [
        f"{VILLAGE_HEAD[p // len(VILLAGE_TAIL)]}{VILLAGE_TAIL[p % len(VILLAGE_TAIL)]}村"
        for p in picks
    ]
    codes, geoms, seats = [], [], []
    for t, n in enumerate(counts):
        # per township, so that every village lies in one
        xy, cells = relaxed_partition(rng, towns.geom[t], n, rounds=2)
        order = np.lexsort((xy[:, 0], -xy[:, 1]))
        codes += [f"{towns.code[t]}{201 + j:03d}" for j in range(n)]
        geoms.append(cells[order])
        seats.append(xy[order])
    return Units(
        code=np.array(codes),
        name=np.array(names),
        geom=np.concatenate(geoms),
        seat=np.vstack(seats),
        parent=np.repeat(np.arange(len(counts)), counts),
    )


def make_places(rng, county, towns, villages, size):
    main = nearest(shapely.get_coordinates(shapely.centroid(county)), shapely.points(towns.seat))[
        0
    ][0]
    seat_radius = np.full(len(towns.code), size.town_radius)
    seat_radius[main] = size.seat_radius
    direction = rng.uniform(0, 2 * np.pi)
    park = towns.seat[main] + 1.6 * size.seat_radius * np.array(
        [np.cos(direction), np.sin(direction)]
    )
    # 1-3 hamlets per village: one at its seat, the others anywhere inside it
    extra = [
        points_in(rng, g, k) for g, k in zip(villages.geom, rng.integers(0, 3, len(villages.geom)))
    ]
    hamlets = np.vstack([villages.seat, *extra])
    return Places(
        seats=towns.seat,
        seat_radius=seat_radius,
        park=park,
        park_radius=0.7 * size.seat_radius,
        hamlets=hamlets,
        hamlet_radius=rng.uniform(100, 220, len(hamlets)),
    )


# --- land-use coverage (dltb) ------------------------------------------------


def meander_line(rng, radius, meander):
    """A wavy polyline crossing the whole county."""
    angle = rng.uniform(0, np.pi)
    along = np.array([np.cos(angle), np.sin(angle)])
    across = np.array([-np.sin(angle), np.cos(angle)])
    t = np.linspace(-1.6 * radius, 1.6 * radius, 400)
    offset = np.full_like(t, rng.uniform(-0.6, 0.6) * radius)
    for _ in range(3):
        wavelength = radius * rng.uniform(0.3, 1.2)
        amplitude = meander * radius * rng.uniform(0.3, 1.0)
        offset += amplitude * np.sin(2 * np.pi * t / wavelength + rng.uniform(0, 2 * np.pi))
    return CENTRE + t[:, None] * along + offset[:, None] * across


def line_rows(xy, width, spacing):
    """Seeds on a polyline plus rows at ±width beside it: the Voronoi cells of the
    middle row then form a strip `width` wide (a road, river or ditch)."""
    length = np.r_[0, np.cumsum(np.hypot(*np.diff(xy, axis=0).T))]
    at = np.arange(0, length[-1], spacing)
    mid = np.c_[np.interp(at, length, xy[:, 0]), np.interp(at, length, xy[:, 1])]
    tangent = np.gradient(mid, axis=0)
    normal = np.c_[-tangent[:, 1], tangent[:, 0]] / np.hypot(*tangent.T)[:, None]
    return mid, np.vstack([mid + width * normal, mid - width * normal])


def landuse_seeds(rng, county, places, size):
    """Voronoi seeds (denser around hamlets) and the line code of strip seeds ('' otherwise)."""
    lines = [
        (code, width, spacing, meander_line(rng, size.radius, meander))
        for code, width, spacing, per_8km, meander in LINE_SPECS
        for _ in range(max(1, round(per_8km * size.radius / 8_000)))
    ]
    strip_xy, strip_code = [], []
    for code, width, spacing, xy in lines:
        mid, side = line_rows(xy, width, spacing)
        strip_xy += [mid, side]
        strip_code += [np.full(len(mid), code), np.full(len(side), "")]
    strip_xy, strip_code = np.vstack(strip_xy), np.concatenate(strip_code)
    inside = shapely.contains_xy(county, strip_xy[:, 0], strip_xy[:, 1])
    strip_xy, strip_code = strip_xy[inside], strip_code[inside]

    n_free = size.points - len(strip_xy)
    which = rng.integers(0, len(places.hamlets), n_free // 5)
    clustered = (
        places.hamlets[which] + rng.normal(size=(len(which), 2)) * places.hamlet_radius[which, None]
    )
    # a spare fifth of uniform seeds makes up for those the corridors below remove
    free = np.vstack([clustered, points_in(rng, county, (n_free - len(which)) * 6 // 5)])
    free = free[shapely.contains_xy(county, free[:, 0], free[:, 1])]
    # clear a corridor so that no free seed cuts into a strip
    tree = shapely.STRtree(shapely.points(free))
    blocked = np.zeros(len(free), bool)
    for _, width, spacing, xy in lines:
        reach = width / 2 + np.hypot(width, spacing) / 2
        segments = shapely.linestrings(np.stack([xy[:-1], xy[1:]], axis=1))  # small envelopes
        blocked[tree.query(segments, predicate="dwithin", distance=reach)[1]] = True
    free = free[~blocked][:n_free]
    river = shapely.LineString(lines[0][3])
    return np.vstack([strip_xy, free]), np.r_[strip_code, np.full(len(free), "")], river


def county_cells(rng, county, xy):
    """Voronoi cells of the seeds inside the county outline. Neighbouring cells share
    their vertices exactly, which clipping would break, so cells are never cut: a band
    of seeds outside keeps the edge cells small and their own cells are dropped."""
    band = shapely.difference(shapely.buffer(county, 600), county)
    outside = points_in(rng, band, round(len(xy) * band.area / county.area))
    return voronoi(np.vstack([xy, outside]), band)[: len(xy)]


def regroup(parts, owner):
    """One polygon per owner: the union of its parts, which keeps shared vertices."""
    order = np.argsort(owner, kind="stable")
    groups = np.split(order, np.flatnonzero(np.diff(owner[order])) + 1)
    assert len(groups) == owner.max() + 1, "a unit got no cell"
    return np.array([shapely.coverage_union_all(parts[g]) for g in groups])


def inside_blobs(rng, xy, centres, radii):
    """True where xy falls inside the nearest round blob, with ragged edges."""
    index, distance = nearest(xy, shapely.points(centres))
    return distance < radii[index] * (1 + 0.25 * smooth_field(rng, 400)(xy))


def top_by_area(score, weight, mask, area):
    """Mask of the best-scoring cells in mask whose areas add up to `area`."""
    idx = np.flatnonzero(mask)
    idx = idx[np.argsort(-score[idx], kind="stable")]
    chosen = np.zeros(len(score), bool)
    chosen[idx[np.cumsum(weight[idx]) <= area]] = True
    return chosen


def patches_by_area(rng, code, xy, weight, mask, shares, wavelength=1_500):
    """Share mask's cells among codes in blotchy patches: each code in turn takes the
    best cells of its own random field (one field cut into bands would give rings);
    the last code takes what is left."""
    left = mask.copy()
    total = weight[mask].sum()
    for c, share in shares[:-1]:
        taken = top_by_area(smooth_field(rng, wavelength)(xy), weight, left, share * total)
        code[taken] = c
        left &= ~taken
    code[left] = shares[-1][0]


def classify(rng, xy, weight, line_code, river, places, size):
    """Land-use code per Voronoi cell: strips, towns, industry and hamlets first, then
    woodland, ponds and scattered classes by area targets, cropland for the rest."""
    code = line_code.astype("<U4")
    free = code == ""
    urban = free & inside_blobs(rng, xy, places.seats, places.seat_radius)
    code[urban] = "0701"
    seat, distance = nearest(xy, shapely.points(places.seats))
    core = urban & (distance < 0.35 * places.seat_radius[seat])
    code[core & (rng.random(len(xy)) < 0.4)] = "05H1"
    free = code == ""
    park = free & inside_blobs(rng, xy, places.park[None], np.array([places.park_radius]))
    code[park] = np.where(smooth_field(rng, 300)(xy[park]) > 1.0, "0508", "0601")
    free = code == ""
    code[free & inside_blobs(rng, xy, places.hamlets, places.hamlet_radius)] = "0702"

    free = code == ""
    total = weight.sum()
    minor = sum(share for _, share in MINOR_SHARES)
    ponds = POND_TARGET * total
    forest = max(weight[free].sum() - ponds - CROPLAND_TARGET * total / (1 - minor), 0.03 * total)
    uphill = rng.uniform(0, 2 * np.pi)
    slope = np.array([np.cos(uphill), np.sin(uphill)])
    hill = smooth_field(rng, size.radius)(xy) + 1.5 * (xy - CENTRE) @ slope / size.radius
    woods = top_by_area(hill, weight, free, forest)
    patches_by_area(rng, code, xy, weight, woods, FOREST_SHARES)

    free = code == ""
    near_river = shapely.distance(shapely.points(xy), river.simplify(20)) / (0.3 * size.radius)
    wet = smooth_field(rng, 1_500)(xy) - near_river
    code[top_by_area(wet, weight, free, ponds)] = "1104"

    draw = rng.random(len(xy))
    for c, upper in zip([c for c, _ in MINOR_SHARES], np.cumsum([s for _, s in MINOR_SHARES])):
        code[(code == "") & (draw < upper)] = c
    patches_by_area(rng, code, xy, weight, code == "", CROP_SHARES, wavelength=3_000)
    return code


def make_landuse(rng, county, towns, villages, places, size):
    """The land-use coverage, and the townships and villages redrawn along its cell
    edges (as real boundaries follow parcels), so all three nest exactly."""
    xy, line_code, river = landuse_seeds(rng, county, places, size)
    village = containing(xy, villages.geom)
    order = np.argsort(village, kind="stable")
    xy, line_code, village = xy[order], line_code[order], village[order]
    cells = county_cells(rng, county, xy)
    code = classify(rng, xy, shapely.area(cells), line_code, river, places, size)
    villages = replace(villages, geom=regroup(cells, village))
    towns = replace(towns, geom=regroup(villages.geom, villages.parent))
    return Land(geom=cells, code=code, village=village, seed=xy), towns, villages


# --- permanent basic farmland (yjjbnt) --------------------------------------


def make_farmland(rng, land, villages, block=400.0):
    """Cropland dissolved per village and 400 m block; small scraps left out, some
    patches dropped and some holes punched, as real 永久基本农田 has."""
    idx = np.flatnonzero(np.isin(land.code, CROPLAND))
    key = np.c_[land.village[idx], np.floor(land.seed[idx] / block)]
    _, group = np.unique(key, axis=0, return_inverse=True)
    group = group.ravel()
    order = np.argsort(group, kind="stable")
    groups = np.split(idx[order], np.flatnonzero(np.diff(group[order])) + 1)
    merged = np.array([shapely.coverage_union_all(land.geom[g]) for g in groups])
    parts, which = shapely.get_parts(merged, return_index=True)
    village = land.village[[g[0] for g in groups]][which]
    area = shapely.area(parts)
    keep = (area > 2_000) & (rng.random(len(parts)) > 0.13)
    parts, village, area = parts[keep], village[keep], area[keep]

    holed = (area > 20_000) & (rng.random(len(parts)) < 0.3)
    centre = shapely.get_coordinates(shapely.point_on_surface(parts[holed]))
    centre += rng.normal(scale=30, size=centre.shape)
    holes = shapely.buffer(shapely.points(centre), rng.uniform(15, 40, len(centre)), quad_segs=4)
    parts[holed] = shapely.difference(parts[holed], holes)
    parts, which = shapely.get_parts(parts, return_index=True)
    code = villages.code[village[which]]
    number = np.arange(len(code)) - np.searchsorted(code, code)  # codes come out sorted
    return parts, {
        "BSM": np.arange(1, len(parts) + 1),
        "BHTBBH": np.array([f"{c}{k + 1:04d}" for c, k in zip(code, number)]),
        "ZLDWDM": code,
        "MJ": shapely.area(parts).round(2),
    }


# --- approvals (pzyd) and facility-farmland filings (ssnyd) -----------------


def make_approvals(rng, county, towns, places, size):
    """Approved construction land: town fringes, the industrial park, road projects."""
    n = 2 * size.approvals
    kind = rng.choice(3, n, p=[0.45, 0.25, 0.30])
    town = rng.integers(0, len(towns.code), n)
    direction = rng.uniform(0, 2 * np.pi, n)
    reach = places.seat_radius[town] * rng.uniform(0.7, 1.5, n)
    centre = np.select(
        [kind[:, None] == 0, kind[:, None] == 1],
        [
            places.seats[town] + reach[:, None] * np.c_[np.cos(direction), np.sin(direction)],
            places.park + rng.normal(scale=0.6 * places.park_radius, size=(n, 2)),
        ],
        points_in(rng, county, n),
    )
    area = log_uniform(rng, 3_000, 80_000, n)
    aspect = rng.uniform(1, 3, n)
    width = np.where(kind == 2, rng.uniform(20, 40, n), np.sqrt(area / aspect))
    length = np.where(kind == 2, rng.uniform(300, 1_200, n), np.sqrt(area * aspect))
    geom = rectangles(centre, width, length, rng.uniform(0, np.pi, n))
    fit = shapely.contains(county, geom)
    fit[fit] = drop_overlapping(geom[fit])
    chosen = np.flatnonzero(fit)[: size.approvals]

    year = rng.integers(2018, 2026, len(chosen))
    number = rng.choice(np.arange(1, 1_000), len(chosen), replace=False)
    month, day = rng.integers(1, 13, len(chosen)), rng.integers(1, 29, len(chosen))
    batch_no = rng.integers(1, 10, len(chosen))
    park_town = towns.name[nearest(places.park[None], shapely.points(towns.seat))[0][0]][:-1]
    names = []
    for i, c in enumerate(chosen):
        if kind[c] == 0:
            names.append(f"{towns.name[town[c]]}{year[i]}年度第{batch_no[i]}批次城镇建设用地")
        elif kind[c] == 1:
            names.append(f"{park_town}工业园区{rng.choice(PARK_PROJECTS)}")
        else:
            names.append(f"{rng.choice(ROADS)}改扩建工程")
    geom = geom[chosen]
    return geom, {
        "PZWH": np.array([f"苏政地〔{y}〕{k}号" for y, k in zip(year, number)]),
        "PZRQ": np.array([f"{y}-{m:02d}-{d:02d}" for y, m, d in zip(year, month, day)]),
        "PZMJ": shapely.area(geom).round(2),
        "XMMC": np.array(names),
    }


def make_filings(rng, county, land, villages, size):
    """Filed facility farmland: a third on mapped 1202 land, the rest new on cropland."""
    n = 2 * size.filings
    facility = np.flatnonzero(land.code == "1202")
    crop = np.flatnonzero(np.isin(land.code, CROPLAND))
    k = min(n // 3, len(facility))
    piece = np.r_[rng.choice(facility, k, replace=False), rng.choice(crop, n - k, replace=False)]
    piece = rng.permutation(piece)
    centre = shapely.get_coordinates(shapely.point_on_surface(land.geom[piece]))
    width = rng.uniform(20, 60, n)
    geom = rectangles(centre, width, width * rng.uniform(1, 2.5, n), rng.uniform(0, np.pi, n))
    fit = shapely.contains(county, geom)
    fit[fit] = drop_overlapping(geom[fit])
    chosen = np.flatnonzero(fit)[: size.filings]
    geom, village = geom[chosen], land.village[piece[chosen]]
    year = rng.integers(2020, 2026, len(chosen))
    return geom, {
        "SBBH": np.array([f"SN{COUNTY_CODE}{y}{i + 1:04d}" for i, y in enumerate(year)]),
        "BAMJ": shapely.area(geom).round(2),
        "YDMC": np.array([f"{villages.name[v]}{rng.choice(FACILITIES)}" for v in village]),
    }


# --- the 卫片 batch ----------------------------------------------------------


@dataclass
class Batch:
    geom: np.ndarray  # one per record, duplicates included
    fields: dict
    expected: dict


def land_group(code):
    """Land group named in 变化类型, from a 三调 code."""
    if code in CROPLAND:
        return "耕地"
    if code in CONSTRUCTION:
        return "建设用地"
    if code in ("1101", "1206"):
        return "未利用地"
    return {"02": "园地", "03": "林地", "04": "草地"}.get(code[:2], "其他农用地")


def plots_inside(rng, hosts, count):
    """Plots each lying inside a distinct host polygon (approval or filing)."""
    host = hosts[rng.choice(len(hosts), min(count, len(hosts)), replace=False)]
    centre = shapely.get_coordinates(shapely.point_on_surface(host))
    area = np.minimum(log_uniform(rng, 200, 20_000, len(host)), 0.3 * shapely.area(host))
    geom = blobs(rng, centre, area)
    for _ in range(6):  # shrink the few that stick out
        out = ~shapely.within(geom, host)
        area[out] *= 0.5
        geom[out] = blobs(rng, centre[out], area[out])
    return geom[shapely.within(geom, host)]


def plots_on(rng, land, codes, count):
    """Plots centred on land-use pieces of the given codes (area-weighted choice)."""
    idx = np.flatnonzero(np.isin(land.code, codes))
    weight = shapely.area(land.geom[idx])
    piece = rng.choice(idx, min(count, len(idx)), replace=False, p=weight / weight.sum())
    centre = shapely.get_coordinates(shapely.point_on_surface(land.geom[piece]))
    return blobs(rng, centre, log_uniform(rng, 200, 20_000, len(piece)))


def regular_plots(rng, land, approvals, filings, county, n):
    """Ordinary plots, mostly on cropland: valid, inside the county, never touching.
    Returns the plots and whether each is a facility-farmland change."""
    forest = [c for c, _ in FOREST_SHARES]
    parts = [  # earlier groups win when plots collide, cropland fills up to n
        (plots_inside(rng, approvals, round(0.05 * n)), False),
        (plots_inside(rng, filings, round(0.03 * n)), True),
        (plots_on(rng, land, ["1202"], round(0.02 * n)), True),
        (plots_on(rng, land, list(CONSTRUCTION), round(0.12 * n)), False),
        (plots_on(rng, land, forest, round(0.08 * n)), False),
        (plots_on(rng, land, ["1101", "1104", "1107", "1206"], round(0.04 * n)), False),
        (plots_on(rng, land, list(CROPLAND), round(0.8 * n)), False),
    ]
    geom = np.concatenate([g for g, _ in parts])
    facility = np.concatenate([np.full(len(g), f) for g, f in parts])
    keep = shapely.contains(county, geom)
    keep[keep] = drop_overlapping(geom[keep])
    keep &= np.cumsum(keep) <= n
    return geom[keep], facility[keep]


def bow_ties(rng, centre):
    """Quadrilaterals with two corners swapped: self-intersecting rings."""
    half = np.sqrt(log_uniform(rng, 500, 3_000, len(centre)))[:, None, None] / 2
    corners = np.array([[-1, -1], [1, -1], [-1, 1], [1, 1]]) * half  # corner order 0-1-3-2
    corners = corners + rng.uniform(-0.2, 0.2, corners.shape) * half
    return shapely.polygons(
        centre[:, None, :] + rotate(corners, rng.uniform(0, np.pi, len(centre)))
    )


def spiked(rng, centre):
    """A hexagon whose ring runs out to a spike and straight back."""
    angle = np.linspace(0, 2 * np.pi, 6, endpoint=False) + rng.uniform(0, np.pi)
    ring = centre + 30 * np.c_[np.cos(angle), np.sin(angle)]
    tip = centre + 70 * np.array([np.cos(angle[2]), np.sin(angle[2])])
    return shapely.Polygon(np.vstack([ring[:3], tip, ring[2:]]))


def faulty_plots(rng, land, county, regular, count):
    """Plots an importer must catch: invalid rings, one zero-area polygon, and
    shifted copies of regular plots that overlap them by far more than half.
    Returns geometries, their centres, a role each, and the copied plots' indexes."""
    crop = np.flatnonzero(np.isin(land.code, CROPLAND))
    n_invalid = max(3, round(0.01 * count))
    spots = land.geom[rng.choice(crop, n_invalid + 1, replace=False)]
    centre = shapely.get_coordinates(shapely.point_on_surface(spots))
    c = centre[-1]
    broken = np.r_[
        bow_ties(rng, centre[: n_invalid - 1]),
        spiked(rng, centre[n_invalid - 1]),
        shapely.Polygon([c, c + (20, 10), c + (40, 20), c]),  # collinear: zero area
    ]
    candidate = rng.permutation(len(regular))[:20]
    inland = candidate[shapely.contains(county, shapely.buffer(regular[candidate], 100))]
    source = inland[: rng.integers(2, 4)]  # copies that stay inside the county
    step = 0.15 * np.sqrt(shapely.area(regular[source]))
    direction = rng.uniform(0, 2 * np.pi, len(source))
    offset = step[:, None] * np.c_[np.cos(direction), np.sin(direction)]
    shifted = np.array(
        [shapely.transform(g, lambda xy, o=o: xy + o) for g, o in zip(regular[source], offset)]
    )
    geom = np.r_[shifted, broken]
    centre = np.vstack([shapely.get_coordinates(shapely.point_on_surface(shifted)), centre])
    role = np.r_[np.full(len(source), "overlapping"), np.full(n_invalid, "invalid"), ["degenerate"]]
    return geom, centre, role, source


def change_types(rng, codes, facility):
    """图斑类型 and 变化类型 from the land-use code under each plot's centre."""
    tblx, bglx = [], []
    for code, fac, roll in zip(codes, facility, rng.random(len(codes))):
        group = land_group(code)
        if fac:
            tblx.append("设施农用地")
            bglx.append(f"{group}变设施农用地")
        elif group == "建设用地":
            tblx.append("新增建设")
            bglx.append("建设用地内部变化")
        elif roll < 0.7:
            tblx.append("新增建设")
            bglx.append(f"{group}变建设")
        else:
            tblx.append("推填土" if roll < 0.9 else "其他")
            bglx.append(f"{group}变其他")
    return np.array(tblx), np.array(bglx)


def overlap_pairs(geom, jcbh):
    """[JCBH, JCBH, overlap ÷ smaller area] for every pair sharing area."""
    a, b = shapely.STRtree(geom).query(geom, predicate="intersects")
    a, b = a[a < b], b[a < b]
    shared = shapely.area(shapely.intersection(geom[a], geom[b]))
    ratio = shared / np.minimum(shapely.area(geom[a]), shapely.area(geom[b]))
    return [[jcbh[i], jcbh[j], round(float(r), 3)] for i, j, r in zip(a, b, ratio) if r > 1e-6]


def make_batch(rng, land, towns, approvals, filings, county, size):
    regular, facility = regular_plots(rng, land, approvals, filings, county, size.plots)
    faulty, faulty_centre, faulty_role, source = faulty_plots(
        rng, land, county, regular, size.plots
    )
    geom = np.r_[regular, faulty]
    centre = np.vstack([shapely.get_coordinates(shapely.point_on_surface(regular)), faulty_centre])
    role = np.r_[np.full(len(regular), "", dtype="<U11"), faulty_role]
    role[source] = "overlapped"
    facility = np.r_[facility, facility[source], np.zeros(len(faulty) - len(source), bool)]

    order = rng.permutation(len(geom))  # mix the faulty plots in
    geom, centre, role, facility = geom[order], centre[order], role[order], facility[order]
    n = len(geom)
    jcbh = np.array([f"{COUNTY_CODE}202601{i + 1:0{max(3, len(str(n)))}d}" for i in range(n)])
    town = containing(centre, towns.geom)
    tblx, bglx = change_types(rng, land.code[containing(centre, land.geom)], facility)
    fields = {
        "JCBH": jcbh,
        "XZQDM": towns.code[town],
        "XZQMC": towns.name[town],
        "JCPC": np.full(n, BATCH),
        "QSX": np.full(n, BATCH_DATES[0]),
        "HSX": np.full(n, BATCH_DATES[1]),
        "JCMJ": (shapely.area(geom) / MU).round(2),
        "TBLX": tblx,
        "BGLX": bglx,
        "BZ": np.where(rng.random(n) < 0.1, rng.choice(NOTES, n), ""),
    }
    # exact repeats of a few untouched plots, appended as a careless export would
    repeat = np.sort(rng.choice(np.flatnonzero(role == ""), rng.integers(3, 6), replace=False))
    rows = np.r_[np.arange(n), repeat]

    valid = np.flatnonzero(~np.isin(role, ["invalid", "degenerate"]))
    within = shapely.STRtree(approvals).query(geom[valid], predicate="within")[0]
    filed = shapely.STRtree(filings).query(geom[valid], predicate="within")[0]
    expected = {
        "batch": BATCH,
        "encoding": SHP_ENCODING,
        "srs": f"EPSG:{EPSG}",
        "records": len(rows),
        "unique": n,
        "invalid": jcbh[role == "invalid"].tolist(),
        "duplicates": jcbh[repeat].tolist(),
        "overlapping": overlap_pairs(geom[valid], jcbh[valid]),
        "degenerate": jcbh[role == "degenerate"].tolist(),
        "in_approval": sorted(jcbh[valid[np.unique(within)]].tolist()),
        "on_filing": sorted(jcbh[valid[np.unique(filed)]].tolist()),
    }
    return Batch(geom[rows], {k: v[rows] for k, v in fields.items()}, expected)


# --- writing -------------------------------------------------------------------


def spatial_ref():
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(EPSG)
    srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    return srs


def field_defn(name, values, sized):
    """OGR field for a numpy column; `sized` gives text a byte width (shapefiles)."""
    if values.dtype.kind in "iu":
        return ogr.FieldDefn(name, ogr.OFTInteger)
    if values.dtype.kind == "f":
        defn = ogr.FieldDefn(name, ogr.OFTReal)
        defn.SetWidth(16)
        defn.SetPrecision(2)
        return defn
    defn = ogr.FieldDefn(name, ogr.OFTString)
    if sized:
        defn.SetWidth(max([len(v.encode(SHP_ENCODING)) for v in values.tolist()] + [1]))
    return defn


def setter(values):
    """The typed OGR setter for a column: skips SetField's type dispatch (GDAL 3.6 has
    no typed setter for doubles)."""
    kind = values.dtype.kind
    if kind in "iu":
        return ogr.Feature.SetFieldInteger64
    return ogr.Feature.SetField if kind == "f" else ogr.Feature.SetFieldString


def write_layer(ds, name, geom, fields, geom_type, options=(), sized=False):
    layer = ds.CreateLayer(name, spatial_ref(), geom_type, list(options))
    for field, values in fields.items():
        layer.CreateField(field_defn(field, values, sized))
    defn = layer.GetLayerDefn()
    columns = [(setter(values), values.tolist()) for values in fields.values()]
    if geom_type == ogr.wkbMultiPolygon:
        parts, owner = shapely.get_parts(geom, return_index=True)
        geom = shapely.multipolygons(parts, indices=owner)
    for i, wkb in enumerate(shapely.to_wkb(geom)):
        feature = ogr.Feature(defn)
        for j, (set_field, column) in enumerate(columns):
            set_field(feature, j, column[i])
        feature.SetGeometryDirectly(ogr.CreateGeometryFromWkb(wkb))
        layer.CreateFeature(feature)


def write_gpkg(path, layers):
    """layers: name -> (description, geometries, fields)."""
    path.unlink(missing_ok=True)
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    ds.StartTransaction()
    for name, (description, geom, fields) in layers.items():
        # MultiPolygon, as 三调 exports are
        write_layer(ds, name, geom, fields, ogr.wkbMultiPolygon, [f"DESCRIPTION={description}"])
    ds.CommitTransaction()
    ds = None


@contextlib.contextmanager
def shapefile_encoding_honoured():
    """QGIS sets SHAPE_ENCODING="" once its OGR provider has run, and GDAL then reads and
    writes DBF text unconverted whatever ENCODING says: lift it for the duration."""
    saved = gdal.GetConfigOption("SHAPE_ENCODING")
    gdal.SetConfigOption("SHAPE_ENCODING", None)
    try:
        yield
    finally:
        gdal.SetConfigOption("SHAPE_ENCODING", saved)


def write_batch(shp, batch):
    """Shapefile in GBK with no .cpg and a blank code-page byte, as many 卫片 batches
    arrive: importers have to detect the encoding themselves."""
    driver = ogr.GetDriverByName("ESRI Shapefile")
    shp.parent.mkdir(parents=True, exist_ok=True)
    if shp.exists():
        driver.DeleteDataSource(str(shp))
    with shapefile_encoding_honoured():
        ds = driver.CreateDataSource(str(shp))
        write_layer(
            ds,
            shp.stem,
            batch.geom,
            batch.fields,
            ogr.wkbPolygon,
            [f"ENCODING={SHP_ENCODING}"],
            sized=True,
        )
        ds = None
    shp.with_suffix(".cpg").unlink(missing_ok=True)
    with open(shp.with_suffix(".dbf"), "r+b") as dbf:
        dbf.seek(29)  # language driver id
        dbf.write(b"\0")


def copy_with_cpg(shp, folder):
    """The same files plus a .cpg naming the encoding."""
    folder.mkdir(parents=True, exist_ok=True)
    for suffix in (".shp", ".shx", ".dbf", ".prj"):
        shutil.copyfile(shp.with_suffix(suffix), folder / (shp.stem + suffix))
    (folder / f"{shp.stem}.cpg").write_text(SHP_ENCODING, encoding="ascii")
    return folder / shp.name


README = """\
LandCase 合成样例县（随机种子 {seed}，规模 {size}），CGCS2000 3度带高斯-克吕格 中央经线120°E（EPSG:4549）。
county.gpkg：xzq_township 乡镇（XZQDM, XZQMC）、xzq_village 村（XZQDM, XZQMC, ZXZQDM）、dltb 三调地类图斑
（BSM, DLBM, DLMC, ZLDWDM, TBMJ，无缝无叠全覆盖）、yjjbnt 永久基本农田（BSM, BHTBBH, ZLDWDM, MJ）、
pzyd 批准用地（PZWH, PZRQ, PZMJ, XMMC）、ssnyd 设施农用地备案（SBBH, BAMJ, YDMC）；
batch/{stem}.shp：部卫片监测图斑（JCBH, XZQDM, XZQMC, JCPC, QSX, HSX, JCMJ 亩, TBLX, BGLX, BZ），
GBK 编码且无 .cpg，含故意的无效几何、重复、重叠与零面积图斑，清单见 batch/expected.json。
All data are synthetic. county.gpkg holds townships, villages, the land-use coverage (dltb, a gap-free
and overlap-free coverage of the county), permanent basic farmland (yjjbnt), approved construction
land (pzyd) and filed facility farmland (ssnyd); batch/{stem}.shp is a satellite-monitoring batch in
GBK without a .cpg file (a copy with .cpg is in batch/{stem}_cpg/), with deliberate invalid,
duplicate, overlapping and zero-area plots listed in batch/expected.json. Areas are planar m²
except JCMJ, which is in mu (1 mu = 10000/15 m²).
"""


def generate(out_dir, size="small", seed=42):
    """Write the sample county to out_dir; returns the paths written, the counts and
    the batch's planted faults (the same content as batch/expected.json)."""
    ogr.UseExceptions()
    cfg = SIZES[size]
    rng = np.random.default_rng(seed)
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)

    county = county_outline(rng, cfg.radius)
    towns = make_townships(rng, county, cfg)
    villages = make_villages(rng, towns, cfg)
    places = make_places(rng, county, towns, villages, cfg)
    land, towns, villages = make_landuse(rng, county, towns, villages, places, cfg)
    county = shapely.coverage_union_all(towns.geom)
    shapely.prepare(county)  # for the many containment tests below
    farmland, farmland_fields = make_farmland(rng, land, villages)
    approvals, approval_fields = make_approvals(rng, county, towns, places, cfg)
    filings, filing_fields = make_filings(rng, county, land, villages, cfg)
    batch = make_batch(rng, land, towns, approvals, filings, county, cfg)

    land_area = shapely.area(land.geom)
    layers = {
        "xzq_township": ("乡镇级行政区", towns.geom, {"XZQDM": towns.code, "XZQMC": towns.name}),
        "xzq_village": (
            "村级行政区",
            villages.geom,
            {
                "XZQDM": villages.code,
                "XZQMC": villages.name,
                "ZXZQDM": towns.code[villages.parent],
            },
        ),
        "dltb": (
            "三调地类图斑",
            land.geom,
            {
                "BSM": np.arange(1, len(land.geom) + 1),
                "DLBM": land.code,
                "DLMC": np.array([DLMC[c] for c in land.code]),
                "ZLDWDM": villages.code[land.village],
                "TBMJ": land_area.round(2),
            },
        ),
        "yjjbnt": ("永久基本农田", farmland, farmland_fields),
        "pzyd": ("批准用地", approvals, approval_fields),
        "ssnyd": ("设施农用地备案", filings, filing_fields),
    }
    gpkg = out / "county.gpkg"
    write_gpkg(gpkg, layers)
    shp = out / "batch" / f"{BATCH_STEM}.shp"
    write_batch(shp, batch)
    shp_cpg = copy_with_cpg(shp, shp.parent / f"{BATCH_STEM}_cpg")

    cropland = land_area[np.isin(land.code, CROPLAND)].sum()
    counts = {name: len(geom) for name, (_, geom, _) in layers.items()}
    counts |= {
        "county_area_m2": round(float(land_area.sum()), 2),
        "cropland_share": round(float(cropland / land_area.sum()), 4),
        "yjjbnt_share_of_cropland": round(float(shapely.area(farmland).sum() / cropland), 4),
    }
    expected = {"size": size, "seed": seed, "counts": counts, **batch.expected}
    expected_json = shp.parent / "expected.json"
    expected_json.write_text(json.dumps(expected, ensure_ascii=False, indent=1), encoding="utf-8")
    readme = out / "README.txt"
    readme.write_text(README.format(seed=seed, size=size, stem=BATCH_STEM), encoding="utf-8")
    paths = {
        "gpkg": gpkg,
        "shapefile": shp,
        "shapefile_with_cpg": shp_cpg,
        "expected_json": expected_json,
        "readme": readme,
    }
    return {key: str(path) for key, path in paths.items()} | expected


def main(argv=None):
    parser = argparse.ArgumentParser(description="Write a seeded synthetic county for LandCase.")
    parser.add_argument("--size", choices=sorted(SIZES), default="small")
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--out", default="build/sample")
    args = parser.parse_args(argv)
    start = time.perf_counter()
    result = generate(args.out, args.size, args.seed)
    print(json.dumps(result["counts"], ensure_ascii=False, indent=1))
    print(f"wrote {args.out} in {time.perf_counter() - start:.1f} s")


if __name__ == "__main__":
    main()
