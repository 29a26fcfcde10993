"""The batch corpus: over 300 generated inputs, broken or awkward, each with its expected
outcome written beside it: the whole source refused naming the file and the reason, the
whole batch refused, a record refused naming its row and the reason, or a record stored
with these values. Generated at test time into a temporary folder (nothing binary is
committed); every input is imported through the plugin's own path (``open_source`` and
``import_layer``) into one case database in EPSG:4549 (central meridian 120°E).

Every input but the file-level ones holds an anchor plot at row 1 (a valid 50 m square,
stored) and the subject at row 2, so that a refusal names a record, not the batch.
"""

from __future__ import annotations

import json
import os
import sqlite3
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from batch_files import dbf_bytes, square, write_shapefile
from osgeo import ogr, osr

from landcase.cases import CaseStore
from landcase.cases.intake import DUPLICATE, REJECTED, REPAIRED, InvalidBatch
from landcase.layers.batch_import import import_layer
from landcase.layers.source_reader import SeveralLayers, SourceError, open_source

ogr.UseExceptions()
NAN, INF = float("nan"), float("inf")
FIELDS = [("JCBH", 20), ("XZMC", 60), ("QSX", 30), ("HSX", 30), ("BZ", 80)]


# -- expected outcomes ---------------------------------------------------------------


@dataclass(frozen=True)
class Stored:
    """The subject (row 2) is stored with these plot columns."""

    values: dict
    row: int = 2
    kind: str | None = None  # an issue of this kind is also reported for it (repaired …)


@dataclass(frozen=True)
class Refused:
    """Row ``row`` is refused; its reason holds every one of ``words``."""

    words: tuple[str, ...]
    row: int = 2
    kind: str = REJECTED


@dataclass(frozen=True)
class Rows:
    """Several rows of one input, each with its outcome (a .dbf shorter than its .shp)."""

    outcomes: tuple


@dataclass(frozen=True)
class SourceRefused:
    """The source is refused before anything is read: the message names the file and holds
    every one of ``words``."""

    words: tuple[str, ...]
    several: tuple[str, ...] = ()  # the layers a SeveralLayers refusal names
    names: str | None = None  # the file the message names, when not the one opened


@dataclass(frozen=True)
class BatchRefused:
    words: tuple[str, ...]


@dataclass
class Case:
    name: str
    build: Callable[[Path, int], Path]  # (folder, cell) → the path to open
    outcome: object
    received: str | None = "2026-02-10"
    received_stored: str | None = None  # the batch's received_date as stored
    jcbh: dict = field(default_factory=dict)


def cell(n: int) -> tuple[float, float]:
    """The corner of input ``n``'s own 10 km × 40 km cell, within 120°E ± 1.8° at 27–31°N:
    x = 320,000 + (n mod 36) × 10,000; y = 3,000,000 + (n div 36) × 40,000."""
    return 320_000.0 + (n % 36) * 10_000.0, 3_000_000.0 + (n // 36) * 40_000.0


def text(value: str, encoding: str = "utf-8") -> bytes:
    return value.encode(encoding)


def record(jcbh: str, township="镇", qsx="", hsx="", bz="", encoding="utf-8") -> list[bytes]:
    return [text(v, encoding) for v in (jcbh, township, qsx, hsx, bz)]


def shapefile_case(
    name,
    subject_rings,
    subject_record=None,
    outcome=None,
    encoding="utf-8",
    cpg="UTF-8",
    z=False,
    anchor_township="镇",
    **kwargs,
):
    """An input: a shapefile with the anchor at row 1 and the subject at row 2."""

    def build(folder: Path, n: int) -> Path:
        x, y = cell(n)
        rings = subject_rings(x, y) if callable(subject_rings) else subject_rings
        anchor_ring = square(x, y)
        if z:
            anchor_ring = [[(px, py, 1.0) for px, py in ring] for ring in anchor_ring]
        values = subject_record or {}
        return write_shapefile(
            folder / f"{name}.shp",
            [anchor_ring, rings],
            FIELDS,
            [
                record(f"A{n}", anchor_township, encoding=encoding),
                record(f"S{n}", encoding=encoding, **values),
            ],
            cpg=cpg,
            z=z,
        )

    return Case(name, build, outcome, **kwargs)


def beside(dx=100.0, side=50.0):
    """A square ``side`` m wide, ``dx`` m east of the anchor."""
    return lambda x, y: square(x + dx, y, side)


# -- 1. text encodings: stored with the exact text -----------------------------------------

SIMPLIFIED = [
    "秣陵街道",
    "湖熟街道",
    "禄口街道",
    "横溪街道",
    "谷里街道",
    "江宁街道",
    "淳化街道",
    "汤山街道",
    "东山街道",
    "麒麟街道",
]
TRADITIONAL = [
    "臺北市大安區",
    "桃園市中壢區",
    "新北市板橋區",
    "高雄市",
    "臺中市西屯區",
    "彰化縣員林市",
    "新竹縣竹北市",
    "嘉義市東區",
    "屏東縣屏東市",
    "宜蘭縣羅東鎮",
]


def encoding_cases() -> list[Case]:
    cases = []
    variants = [
        # (label, texts, encoding of the bytes, .cpg written (None: no .cpg))
        ("utf8-cpg", SIMPLIFIED, "utf-8", "UTF-8"),
        ("utf8-nocpg", SIMPLIFIED, "utf-8", None),
        ("gbk-nocpg", SIMPLIFIED, "gbk", None),
        ("gbk-cpg", SIMPLIFIED, "gbk", "GBK"),
        ("gbk-cpg936", SIMPLIFIED, "gbk", "936"),
        # the .cpg claims UTF-8 over GBK bytes: GBK is detected, no U+FFFD stored
        ("gbk-under-utf8-cpg", SIMPLIFIED, "gbk", "UTF-8"),
        ("big5-nocpg", TRADITIONAL, "big5", None),
        # the .cpg claims UTF-8 over Big5 bytes: Big5 is detected
        ("big5-under-utf8-cpg", TRADITIONAL, "big5", "UTF-8"),
    ]
    for label, texts, encoding, cpg in variants:
        for index, township in enumerate(texts):
            anchor = texts[(index + 1) % len(texts)]
            cases.append(
                shapefile_case(
                    f"enc-{label}-{index}",
                    beside(),
                    {"township": township, "bz": township + "备注" if encoding != "big5" else ""},
                    Stored({"township": township}),
                    encoding=encoding,
                    cpg=cpg,
                    anchor_township=anchor,
                )
            )
    # GB18030-only characters (four-byte sequences) in the text: read as GB18030
    for index, township in enumerate(["𠀀村", "䶮镇", "𪚥乡", "㐀街道", "€镇"]):
        cases.append(
            shapefile_case(
                f"enc-gb18030-{index}",
                beside(),
                {"township": township},
                Stored({"township": township}),
                encoding="gb18030",
                cpg=None,
            )
        )
    # bytes that are text in no encoding LandCase reads: the source is refused, saying so
    for index, junk in enumerate([b"\xff\xff\xff", b"\x80\xff\xfe", b"\xfe\xff\xff\xff"]):

        def build(folder, n, junk=junk, index=index):
            x, y = cell(n)
            return write_shapefile(
                folder / f"junk{index}.shp",
                [square(x, y)],
                FIELDS,
                [[f"A{n}".encode(), junk, b"", b"", b""]],
                cpg="UTF-8",
            )

        cases.append(
            Case(
                f"enc-undecodable-{index}",
                build,
                SourceRefused(("none of the encodings", "UTF-8, GBK, GB18030 or Big5")),
            )
        )
    return cases


# -- 2. dates ----------------------------------------------------------------------------

BAD_DATES = [
    "not a date",
    "2025-13-01",
    "2025-02-30",
    "20251301",
    "2025/02/29",  # 2025 is not a leap year
    "yesterday",
    "31.12.2025",
    "2025-1",
    "1e5",
    "----",
    "2025年13月1日",
    "0000-00-00",
    "2025-00-10",
    "2025-10-32",
    "10/01/2025",
    "2025.13.01",
    "O2025-10-01",
    "2025-10-01x",
    "NULL",
    "2025-10",
]
GOOD_DATES = [
    ("2025-10-01", "2025-10-01"),
    ("2025/10/01", "2025-10-01"),
    ("20251001", "2025-10-01"),
    ("2025.10.01", "2025-10-01"),
    ("2025年10月1日", "2025-10-01"),
    ("2025-1-5", "2025-01-05"),
    ("2024-02-29", "2024-02-29"),  # 2024 is a leap year
    ("2025-10-01 00:00:00", "2025-10-01"),
    ("2025-10-01T08:30:00", "2025-10-01"),
    ("  2025-12-31  ", "2025-12-31"),
    ("2000/1/1", "2000-01-01"),
    ("2025年2月28日", "2025-02-28"),
]
BAD_RECEIVED = [
    "not a date",
    "2026-02-30",
    "02/10/2026",
    "tomorrow",
    "2026-13-01",
    "2026.02.30",
    "2026年2月30日",
    "x",
]
GOOD_RECEIVED = [
    ("2026-02-10", "2026-02-10"),
    ("2026/2/10", "2026-02-10"),
    ("20260210", "2026-02-10"),
    ("2026年2月10日", "2026-02-10"),
]


def date_cases() -> list[Case]:
    cases = []
    for index, value in enumerate(BAD_DATES):
        cases.append(
            shapefile_case(
                f"date-qsx-bad-{index}",
                beside(),
                {"qsx": value},
                Refused(("QSX", value.strip(), "is not a date", "YYYY-MM-DD")),
            )
        )
    for index, value in enumerate(BAD_DATES[:10]):
        cases.append(
            shapefile_case(
                f"date-hsx-bad-{index}",
                beside(),
                {"qsx": "2025-01-01", "hsx": value},
                Refused(("HSX", value, "is not a date")),
            )
        )
    for index, (value, stored) in enumerate(GOOD_DATES):
        cases.append(
            shapefile_case(
                f"date-good-{index}",
                beside(),
                {"qsx": value, "hsx": value},
                Stored({"qsx": stored, "hsx": stored}),
            )
        )
    for index, value in enumerate(BAD_RECEIVED):
        cases.append(
            shapefile_case(
                f"received-bad-{index}",
                beside(),
                None,
                BatchRefused(("is not a date", value, "Nothing was imported")),
                received=value,
            )
        )
    for index, (value, stored) in enumerate(GOOD_RECEIVED):
        cases.append(
            shapefile_case(
                f"received-good-{index}",
                beside(),
                None,
                Stored({"jcbh": None}),
                received=value,
                received_stored=stored,
            )
        )
    return cases


# -- 3. coordinates, rings and sizes ------------------------------------------------------


def with_vertex(index: int, value: tuple) -> Callable:
    """The 50 m square beside the anchor with vertex ``index`` replaced by ``value``
    (a function of the square's corner)."""

    def rings(x, y):
        ring = list(square(x + 100, y)[0])
        ring[index] = value(x + 100, y)
        return [ring]

    return rings


def coordinate_cases() -> list[Case]:
    cases = []
    not_finite = "has a coordinate that is not a finite number"
    for index in range(5):  # vertex 4 closes the ring
        for label, value in (
            ("nan-x", lambda x, y: (NAN, y)),
            ("nan-y", lambda x, y: (x, NAN)),
            ("inf-x", lambda x, y: (INF, y)),
            ("minf-y", lambda x, y: (x, -INF)),
        ):
            cases.append(
                shapefile_case(
                    f"coord-{label}-{index}",
                    with_vertex(index, value),
                    None,
                    Refused((not_finite,)),
                )
            )
    # NaN Z (today: "NOT NULL constraint failed")
    for index in range(3):

        def rings(x, y, index=index):
            ring = [(px, py, 5.0) for px, py in square(x + 100, y)[0]]
            ring[index] = (ring[index][0], ring[index][1], NAN)
            return [ring]

        cases.append(
            shapefile_case(f"coord-nan-z-{index}", rings, None, Refused((not_finite,)), z=True)
        )
    # finite Z is dropped: a 50 m square, 50 × 50 = 2,500 m² planar
    for index in range(2):

        def rings(x, y, index=index):
            return [[(px, py, 10.0 * index) for px, py in square(x + 100, y)[0]]]

        cases.append(
            shapefile_case(
                f"coord-z-{index}", rings, None, Stored({"area_planar_m2": 2500.0}), z=True
            )
        )
    # Huge coordinates. 1e300 and 1e20 lie far beyond the zone: the zone check names the
    # record before any area is computed (today: an infinite area, or stored without a word).
    area_of_use = ("outside the area of use of EPSG:4549",)
    beyond = ("EPSG:4549",)
    for index in range(4):
        cases.append(
            shapefile_case(
                f"coord-1e300-{index}",
                with_vertex(index, lambda x, y: (1e300, y)),
                None,
                Refused(beyond),
            )
        )
        cases.append(
            shapefile_case(
                f"coord-1e20-{index}",
                with_vertex(index, lambda x, y: (x, 1e20)),
                None,
                Refused(beyond),
            )
        )
    cases.append(
        shapefile_case("coord-1e20-square", lambda x, y: square(1e20, 1e20), None, Refused(beyond))
    )
    # (0, 0) lies 500 km west of 120°E at the equator (about 115.5°E): outside the zone's
    # reach 118°E–122°E, named with the zone that fits it.
    cases.append(
        shapefile_case("coord-origin", lambda x, y: square(0, 0), None, Refused(("outside",)))
    )
    # On the central meridian but at the equator (y = 0 to 50 m; China begins near 3°N,
    # y ≈ 330 km): inside the zone, outside the CRS's area of use (y from 300,000).
    for index, northing in enumerate((0.0, 1_000.0, 100_000.0, 250_000.0)):
        cases.append(
            shapefile_case(
                f"coord-equator-{index}",
                lambda x, y, northing=northing: square(500_000.0, northing),
                None,
                Refused(area_of_use),
            )
        )
    # North of China (y 6,100 km ≈ 55°N): outside the area of use (y up to 6,050,000)
    cases.append(
        shapefile_case(
            "coord-far-north",
            lambda x, y: square(500_000.0, 6_100_000.0),
            None,
            Refused(area_of_use),
        )
    )
    # A plot 1,000 km across: 1 m wide, from y = 3,000,000 to 4,000,000 north-south
    # (area 1,000,000 × 1 = 1 km², under 10 km²; but 1,000 km > 10 × √10 km = 31.6 km).
    cases.append(
        shapefile_case(
            "size-1000km",
            lambda x, y: [
                [
                    (x + 5000, 3e6),
                    (x + 5000, 4e6),
                    (x + 5001, 4e6),
                    (x + 5001, 3e6),
                    (x + 5000, 3e6),
                ]
            ],
            None,
            Refused(("reaches 1,000.0 km", "31.6 km")),
        )
    )
    # slivers 10 m wide: 40 km long (0.4 km², 40 > 31.6 km) refused; 30 km long stored
    # (10 × 30,000 = 300,000 m² planar)
    for length, outcome in (
        (40_000.0, Refused(("reaches 40.0 km",))),
        (30_000.0, Stored({"area_planar_m2": 300_000.0})),
    ):
        cases.append(
            shapefile_case(
                f"size-sliver-{int(length)}",
                lambda x, y, length=length: [
                    [
                        (x + 5000, y),
                        (x + 5000, y + length),
                        (x + 5010, y + length),
                        (x + 5010, y),
                        (x + 5000, y),
                    ]
                ],
                None,
                outcome,
            )
        )
    # area limit 10 km²: 5,000 × 4,000 = 20 km² and 1,100 × 10,000 = 11 km² refused;
    # 3,000 × 3,000 = 9 km² stored
    for width, height, outcome in (
        (5000.0, 4000.0, Refused(("is larger than 10 km²",))),
        (1100.0, 10000.0, Refused(("is larger than 10 km²",))),
        (3000.0, 3000.0, Stored({"area_planar_m2": 9_000_000.0})),
    ):
        cases.append(
            shapefile_case(
                f"size-{int(width)}x{int(height)}",
                lambda x, y, w=width, h=height: [
                    [
                        (x + 2000, y + 100),
                        (x + 2000, y + 100 + h),
                        (x + 2000 + w, y + 100 + h),
                        (x + 2000 + w, y + 100),
                        (x + 2000, y + 100),
                    ]
                ],
                None,
                outcome,
            )
        )
    # ordinary sizes: a square of side s has s² m² planar
    for side in (1.0, 2.0, 5.0, 10.0, 20.0, 100.0, 250.0, 500.0, 1000.0, 2000.0):
        cases.append(
            shapefile_case(
                f"size-square-{int(side)}",
                lambda x, y, side=side: square(x + 100, y + 100, side),
                None,
                Stored({"area_planar_m2": side * side}),
            )
        )
    # rings of one, two or three points (a ring needs four): refused, that record only
    one_ring = "the geometry cannot be read"
    for index in range(3):
        cases.append(
            shapefile_case(
                f"ring-one-point-{index}",
                lambda x, y, index=index: [[(x + 100 + index, y)]],
                None,
                Refused((one_ring,)),
            )
        )
        cases.append(
            shapefile_case(
                f"ring-two-points-{index}",
                lambda x, y, index=index: [[(x + 100, y), (x + 110 + index, y)]],
                None,
                Refused(("the geometry",)),
            )
        )
        cases.append(
            shapefile_case(
                f"ring-three-points-{index}",
                lambda x, y, index=index: [[(x + 100, y), (x + 110 + index, y), (x + 100, y)]],
                None,
                Refused(("the geometry",)),
            )
        )
    # a bow-tie is repaired: two triangles of 25 × 50 / 2 = 625 m² each, 1,250 m² in all
    for index in range(2):
        cases.append(
            shapefile_case(
                f"ring-bowtie-{index}",
                lambda x, y: [
                    [(x + 100, y), (x + 150, y + 50), (x + 150, y), (x + 100, y + 50), (x + 100, y)]
                ],
                None,
                Stored({"area_planar_m2": 1250.0}, kind=REPAIRED),
            )
        )
    # a square of 100 m with a hole of 20 m: 10,000 − 400 = 9,600 m²
    cases.append(
        shapefile_case(
            "ring-hole",
            lambda x, y: [
                square(x + 100, y, 100.0)[0],
                list(reversed(square(x + 140, y + 40, 20.0)[0])),
            ],
            None,
            Stored({"area_planar_m2": 9600.0}),
        )
    )
    return cases


# -- 4. a .dbf with fewer records than the .shp ---------------------------------------------


def short_dbf_cases() -> list[Case]:
    cases = []
    for shapes in range(2, 7):
        for records in range(1, shapes):

            def build(folder, n, shapes=shapes, records=records):
                x, y = cell(n)
                return write_shapefile(
                    folder / f"short{shapes}_{records}.shp",
                    [square(x + 100 * k, y) for k in range(shapes)],
                    FIELDS,
                    [record(f"R{n}-{k + 1}") for k in range(records)],
                    cpg="UTF-8",
                )

            outcomes = [Stored({"jcbh": None}, row=k) for k in range(1, records + 1)] + [
                Refused(
                    (
                        f"shape {k} of the .shp has no record in the .dbf",
                        f"the .shp holds {shapes} shapes, the .dbf {records} records",
                    ),
                    row=k,
                )
                for k in range(records + 1, shapes + 1)
            ]
            cases.append(Case(f"short-dbf-{shapes}-{records}", build, Rows(tuple(outcomes))))

    # a header that claims 3 records over bytes holding 1: the 1 is read, shapes 2 and 3 named
    def lying(folder, n):
        x, y = cell(n)
        path = write_shapefile(
            folder / "lying.shp",
            [square(x + 100 * k, y) for k in range(3)],
            FIELDS,
            [record(f"R{n}-1")],
            cpg="UTF-8",
        )
        path.with_suffix(".dbf").write_bytes(dbf_bytes(FIELDS, [record(f"R{n}-1")], count=3))
        return path

    cases.append(
        Case(
            "short-dbf-lying-header",
            lying,
            Rows(
                (
                    Stored({"jcbh": None}, row=1),
                    Refused(("shape 2 of the .shp has no record",), row=2),
                    Refused(("shape 3 of the .shp has no record",), row=3),
                )
            ),
        )
    )
    return cases


# -- 5. files: missing, damaged, special, several layers, zips, GeoJSON --------------------


def plain(folder: Path, n: int, name: str, sub: Path | None = None) -> Path:
    """A valid one-plot shapefile named ``name`` in ``folder`` (or its subfolder ``sub``)."""
    target = folder / sub if sub else folder
    target.mkdir(parents=True, exist_ok=True)
    x, y = cell(n)
    return write_shapefile(target / f"{name}.shp", [square(x, y)], FIELDS, [record(f"A{n}")])


def file_cases() -> list[Case]:
    cases = []

    def no_dbf(folder, n):
        path = plain(folder, n, "nodbf")
        path.with_suffix(".dbf").unlink()
        return path

    cases.append(Case("file-missing-dbf", no_dbf, SourceRefused((".dbf", "is missing"))))

    def no_dbf_cpg(folder, n):
        path = plain(folder, n, "nodbf2")
        path.with_suffix(".dbf").unlink()
        path.with_suffix(".cpg").write_text("GBK", encoding="ascii")
        return path

    cases.append(Case("file-missing-dbf-with-cpg", no_dbf_cpg, SourceRefused(("is missing",))))
    for size in (0, 10, 31, 32, 40, 64, 100):

        def cut(folder, n, size=size):
            path = plain(folder, n, f"cut{size}")
            dbf = path.with_suffix(".dbf")
            dbf.write_bytes(dbf.read_bytes()[:size])
            return path

        cases.append(Case(f"file-truncated-dbf-{size}", cut, SourceRefused((".dbf", "is damaged"))))

    def fifo(folder, n):
        path = folder / "pipe.shp"
        os.mkfifo(path)
        return path

    cases.append(Case("file-fifo", fifo, SourceRefused(("not a regular file",))))

    def fifo_zip(folder, n):
        path = folder / "pipe.zip"
        os.mkfifo(path)
        return path

    cases.append(Case("file-fifo-zip", fifo_zip, SourceRefused(("not a regular file",))))

    def device(folder, n):
        path = folder / "null.shp"
        path.symlink_to("/dev/null")
        return path

    cases.append(Case("file-device", device, SourceRefused(("not a regular file",))))

    def fifo_dbf(folder, n):
        path = plain(folder, n, "pipedbf")
        path.with_suffix(".dbf").unlink()
        os.mkfifo(path.with_suffix(".dbf"))
        return path

    cases.append(
        Case(
            "file-fifo-dbf",
            fifo_dbf,
            SourceRefused(("not a regular file",), names="pipedbf.dbf"),
        )
    )

    def two_layers(folder, n):
        plain(folder, n, "east")
        plain(folder, n + 1000, "west")
        return folder

    cases.append(
        Case(
            "folder-two-layers",
            two_layers,
            SourceRefused(("several layers",), several=("east.shp", "west.shp")),
        )
    )

    def three_layers(folder, n):
        plain(folder, n, "a")
        plain(folder, n + 1000, "b")
        (folder / "c.geojson").write_text('{"type": "FeatureCollection", "features": []}')
        return folder

    cases.append(
        Case(
            "folder-three-layers",
            three_layers,
            SourceRefused(("several layers",), several=("a.shp", "b.shp", "c.geojson")),
        )
    )

    def one_layer(folder, n):
        plain(folder, n, "only")
        (folder / "readme.txt").write_text("说明")
        return folder

    cases.append(Case("folder-one-layer", one_layer, Stored({"jcbh": None}, row=1)))

    def empty_folder(folder, n):
        return folder

    cases.append(Case("folder-empty", empty_folder, SourceRefused(("holds no shapefile",))))

    def zipped(members: list[tuple[str, str]]):
        """A zip of shapefiles: (folder inside the zip, name) per shapefile."""

        def build(folder, n):
            archive = folder / "batch.zip"
            with zipfile.ZipFile(archive, "w") as handle:
                for k, (inside, name) in enumerate(members):
                    shp = plain(folder / "src", n + 1000 * k, name)
                    for part in shp.parent.glob(name + ".*"):
                        handle.write(part, f"{inside}{part.name}")
            return archive

        return build

    for index, inside in enumerate(("", "sub/", "2026年第1批/", "a/b/c/")):
        cases.append(
            Case(
                f"zip-subfolder-{index}", zipped([(inside, "plots")]), Stored({"jcbh": None}, row=1)
            )
        )

    def with_junk(folder, n):
        archive = zipped([("data/", "plots")])(folder, n)
        with zipfile.ZipFile(archive, "a") as handle:
            handle.writestr("__MACOSX/data/._plots.shp", b"\0\5\26\7")
        return archive

    cases.append(Case("zip-macos-junk", with_junk, Stored({"jcbh": None}, row=1)))
    cases.append(
        Case(
            "zip-two-shapefiles",
            zipped([("", "east"), ("more/", "west")]),
            SourceRefused(("several layers",), several=("east.shp", "more/west.shp")),
        )
    )

    def empty_zip(folder, n):
        archive = folder / "empty.zip"
        with zipfile.ZipFile(archive, "w") as handle:
            handle.writestr("readme.txt", "nothing")
        return archive

    cases.append(Case("zip-empty", empty_zip, SourceRefused(("holds no shapefile",))))

    def not_zip(folder, n):
        archive = folder / "fake.zip"
        archive.write_bytes(b"this is not a zip")
        return archive

    cases.append(Case("zip-not-a-zip", not_zip, SourceRefused(("not a readable zip file",))))

    def geojson(encoding: str, township: str):
        def build(folder, n):
            x, y = cell(n)
            ring = [list(p) for p in square(x, y)[0]]
            document = {
                "type": "FeatureCollection",
                "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::4549"}},
                "features": [
                    {
                        "type": "Feature",
                        "properties": {"JCBH": f"A{n}", "XZMC": township},
                        "geometry": {"type": "Polygon", "coordinates": [ring]},
                    }
                ],
            }
            path = folder / f"plots_{encoding}.geojson"
            path.write_bytes(json.dumps(document, ensure_ascii=False).encode(encoding))
            return path

        return build

    for index, township in enumerate(SIMPLIFIED[:4]):
        cases.append(
            Case(
                f"geojson-gbk-{index}",
                geojson("gbk", township),
                SourceRefused(("is not in UTF-8", "GeoJSON")),
            )
        )
        cases.append(
            Case(
                f"geojson-utf8-{index}",
                geojson("utf-8", township),
                Stored({"township": township}, row=1),
            )
        )
    cases.append(
        Case(
            "geojson-big5",
            geojson("big5", TRADITIONAL[0]),
            SourceRefused(("is not in UTF-8",)),
        )
    )

    def two_tables(folder, n):
        x, y = cell(n)
        path = folder / "two.gpkg"
        source = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
        srs = osr.SpatialReference()
        srs.ImportFromEPSG(4549)
        for name in ("plots_a", "plots_b"):
            layer = source.CreateLayer(name, srs, ogr.wkbPolygon)
            layer.CreateField(ogr.FieldDefn("JCBH", ogr.OFTString))
            feature = ogr.Feature(layer.GetLayerDefn())
            feature.SetField("JCBH", f"{name}{n}")
            feature.SetGeometry(ogr.CreateGeometryFromWkt(_wkt(square(x, y))))
            layer.CreateFeature(feature)
        source = None
        return path

    cases.append(
        Case(
            "gpkg-two-layers",
            two_tables,
            SourceRefused(("several layers",), several=("plots_a", "plots_b")),
        )
    )
    return cases


def _wkt(rings) -> str:
    return (
        "POLYGON("
        + ",".join("(" + ",".join(f"{x} {y}" for x, y, *_ in ring) + ")" for ring in rings)
        + ")"
    )


# -- 6. geometry types in a GeoPackage -----------------------------------------------------


def type_cases() -> list[Case]:
    cases = []
    types = [
        ("point", lambda x, y: f"POINT({x} {y})", Refused(("not a polygon but a Point",))),
        (
            "line",
            lambda x, y: f"LINESTRING({x} {y},{x + 50} {y + 50})",
            Refused(("not a polygon but a LineString",)),
        ),
        (
            "multipoint",
            lambda x, y: f"MULTIPOINT(({x} {y}),({x + 5} {y}))",
            Refused(("not a polygon but a MultiPoint",)),
        ),
        (
            "tin",
            lambda x, y: f"TIN ((({x} {y} 0,{x + 50} {y} 0,{x + 50} {y + 50} 0,{x} {y} 0)))",
            Refused(("not a polygon",)),
        ),
        (
            "triangle",
            lambda x, y: f"TRIANGLE(({x} {y},{x + 50} {y},{x + 50} {y + 50},{x} {y}))",
            Refused(("not a polygon",)),
        ),
        (
            "polyhedral",
            lambda x, y: (
                f"POLYHEDRALSURFACE ((({x} {y} 0,{x + 50} {y} 0,{x + 50} {y + 50} 0,{x} {y} 0)))"
            ),
            Refused(("not a polygon",)),
        ),
        (
            "collection-of-points",
            lambda x, y: f"GEOMETRYCOLLECTION(POINT({x} {y}),POINT({x + 1} {y}))",
            Refused(("the geometry",)),
        ),
        ("empty", lambda x, y: "POLYGON EMPTY", Refused(("the geometry is empty",))),
        ("null", lambda x, y: None, Refused(("the geometry is empty",))),
        # a square of 50 m as a curve polygon: stored, 2,500 m² planar (segmentised: ±1 %)
        (
            "curvepolygon",
            lambda x, y: (
                f"CURVEPOLYGON(COMPOUNDCURVE(({x} {y},{x} {y + 50},{x + 50} {y + 50},"
                f"{x + 50} {y},{x} {y})))"
            ),
            Stored({"area_planar_m2": 2500.0}),
        ),
        # a multipolygon of two 50 m squares: 2 × 2,500 = 5,000 m²
        (
            "multipolygon",
            lambda x, y: (
                f"MULTIPOLYGON((({x} {y},{x} {y + 50},{x + 50} {y + 50},{x + 50} {y},{x} {y})),"
                f"(({x + 100} {y},{x + 100} {y + 50},{x + 150} {y + 50},{x + 150} {y},"
                f"{x + 100} {y})))"
            ),
            Stored({"area_planar_m2": 5000.0}),
        ),
    ]
    for label, wkt, outcome in types:

        def build(folder, n, wkt=wkt, label=label):
            x, y = cell(n)
            path = folder / f"{label}.gpkg"
            source = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
            srs = osr.SpatialReference()
            srs.ImportFromEPSG(4549)
            layer = source.CreateLayer("plots", srs, ogr.wkbUnknown)
            layer.CreateField(ogr.FieldDefn("JCBH", ogr.OFTString))
            for jcbh, geometry in ((f"A{n}", _wkt(square(x, y))), (f"S{n}", wkt(x + 100, y))):
                feature = ogr.Feature(layer.GetLayerDefn())
                feature.SetField("JCBH", jcbh)
                if geometry is not None:
                    feature.SetGeometry(ogr.CreateGeometryFromWkt(geometry))
                layer.CreateFeature(feature)
            source = None
            return path

        cases.append(Case(f"type-{label}", build, outcome))
    return cases


# -- 7. numbers: missing, repeated, already stored -----------------------------------------


def number_cases() -> list[Case]:
    cases = []
    for index, jcbh in enumerate(("", "   ", "\t")):

        def build(folder, n, jcbh=jcbh, index=index):
            x, y = cell(n)
            return write_shapefile(
                folder / f"nojcbh{index}.shp",
                [square(x, y), square(x + 100, y)],
                FIELDS,
                [record(f"A{n}"), record(jcbh)],
            )

        cases.append(Case(f"jcbh-missing-{index}", build, Refused(("no 监测编号",))))
    for index in range(3):

        def repeat(folder, n, index=index):
            x, y = cell(n)
            return write_shapefile(
                folder / f"repeat{index}.shp",
                [square(x, y), square(x + 100 + index, y)],
                FIELDS,
                [record(f"A{n}"), record(f"A{n}")],
            )

        cases.append(
            Case(f"jcbh-repeated-{index}", repeat, Refused(("repeats row 1",), kind=DUPLICATE))
        )
    for index in range(3):

        def again(folder, n, index=index):
            x, y = cell(n)
            # A0, A1, A2: the anchors stored by the first inputs of the corpus
            return write_shapefile(
                folder / f"again{index}.shp",
                [square(x, y), square(x + 100, y)],
                FIELDS,
                [record(f"A{n}"), record(f"A{index}")],
            )

        cases.append(
            Case(
                f"jcbh-already-stored-{index}",
                again,
                Refused(("already in the database",), kind=DUPLICATE),
            )
        )
    return cases


# -- 8. text that looks like code is stored literally --------------------------------------

LITERAL = [
    "'); DROP TABLE plot; --",
    "Robert'); DELETE FROM batch; --",
    "1 OR 1=1",
    "{jcbh}",
    "{0}{1}",
    "%s%s%s",
    "%(name)s",
    "<b>镇</b>",
    "<script>alert(1)</script>",
    "${HOME}",
    "`rm -rf /`",
    "$(reboot)",
    "\\x00\\n",
    "=CMD|' /C calc'!A0",
    "@SUM(1+1)",
    "../../etc/passwd",
    "NULL",
    "None",
    "☃ 🌾",
    "镇'\"",
    "; ATTACH DATABASE '/tmp/x' AS x; --",
    "0x414243",
    "\\server\\share",
    "%n%n%n",
    "{{}}",
    "}{",
    "' OR ''='",
    "/* 注释 */",
    "-- 注释",
    "SELECT * FROM plot",
]


def literal_cases() -> list[Case]:
    return [
        shapefile_case(
            f"literal-{index}",
            beside(),
            {"township": value, "bz": value},
            Stored({"township": value, "description": value}),
        )
        for index, value in enumerate(LITERAL)
    ]


CORPUS: list[Case] = [
    *encoding_cases(),
    *date_cases(),
    *coordinate_cases(),
    *short_dbf_cases(),
    *file_cases(),
    *type_cases(),
    *literal_cases(),
    *number_cases(),  # last: they refer to plots stored by the first inputs
]


def test_the_corpus_holds_over_300_inputs_each_with_its_outcome():
    assert len(CORPUS) >= 300
    assert len({case.name for case in CORPUS}) == len(CORPUS)
    assert all(case.outcome is not None for case in CORPUS)


# -- running the corpus --------------------------------------------------------------------


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    folder = tmp_path_factory.mktemp("corpus")
    store = CaseStore.create(folder / "corpus.sqlite", 4549, user="测试员")
    yield store
    store.close()


@pytest.fixture(scope="module")
def inputs(tmp_path_factory):
    return tmp_path_factory.mktemp("inputs")


def _plot(store: CaseStore, jcbh: str) -> dict | None:
    db = sqlite3.connect(store.path)
    db.row_factory = sqlite3.Row
    try:
        row = db.execute(
            """SELECT p.*, b.received_date FROM plot p LEFT JOIN batch b ON b.id = p.batch_id
               WHERE p.jcbh = ?""",
            (jcbh,),
        ).fetchone()
    finally:
        db.close()
    return dict(row) if row else None


def _check_stored(store, report, jcbh, outcome: Stored, case: Case):
    plot = _plot(store, jcbh)
    assert plot is not None, f"{case.name}: {jcbh} not stored; report: {_issues(report)}"
    for column, expected in outcome.values.items():
        if column == "jcbh":
            continue
        if isinstance(expected, float):
            assert plot[column] == pytest.approx(
                expected, rel=0.011 if "curve" in case.name else 1e-9
            )
        else:
            assert plot[column] == expected, case.name
    for value in plot.values():
        assert not (isinstance(value, str) and "\ufffd" in value), case.name
    if case.received_stored:
        assert plot["received_date"] == case.received_stored
    kinds = {issue.kind for issue in report.issues if issue.row == outcome.row}
    if outcome.kind:
        assert outcome.kind in kinds, case.name
    assert REJECTED not in kinds and DUPLICATE not in kinds, (case.name, _issues(report))


def _check_refused(store, report, jcbh, outcome: Refused, case: Case):
    found = [issue for issue in report.issues if issue.row == outcome.row]
    assert found, f"{case.name}: row {outcome.row} not named; report: {_issues(report)}"
    issue = next((i for i in found if i.kind == outcome.kind), None)
    assert issue is not None, (case.name, _issues(report))
    for word in outcome.words:
        assert word in issue.text(), (case.name, issue.text())
    if outcome.kind == REJECTED and jcbh:
        assert _plot(store, jcbh) is None, case.name


def _issues(report) -> list[str]:
    return [f"{i.row} {i.kind} {i.text()}" for i in report.issues]


@pytest.mark.parametrize("case", CORPUS, ids=[case.name for case in CORPUS])
def test_corpus(case: Case, store, inputs):
    n = CORPUS.index(case)
    folder = inputs / case.name
    folder.mkdir()
    source = case.build(folder, n)
    outcome = case.outcome
    if isinstance(outcome, SourceRefused):
        with pytest.raises(SourceError) as raised:
            opened = open_source(str(source))
            import_layer(store, opened.layer, opened.name, case.name)
        message = raised.value.text()
        assert (outcome.names or source.name) in message, message
        for word in outcome.words:
            assert word in message, message
        if outcome.several:
            assert isinstance(raised.value, SeveralLayers)
            assert raised.value.layers == list(outcome.several)
        assert store.batch_id(case.name) is None
        return
    opened = open_source(str(source))
    if isinstance(outcome, BatchRefused):
        with pytest.raises(InvalidBatch) as raised:
            import_layer(store, opened.layer, opened.name, case.name, received_date=case.received)
        for word in outcome.words:
            assert word in str(raised.value)
        assert store.batch_id(case.name) is None and _plot(store, f"A{n}") is None
        return
    report = import_layer(store, opened.layer, opened.name, case.name, received_date=case.received)
    outcomes = outcome.outcomes if isinstance(outcome, Rows) else (outcome,)
    if not isinstance(outcome, Rows) and outcome.row == 2:
        # the anchor is stored whatever happens to the subject
        assert _plot(store, f"A{n}") is not None, (case.name, _issues(report))
    for expected in outcomes:
        if isinstance(outcome, Rows):
            jcbh = f"R{n}-{expected.row}"
        elif expected.row == 1:
            jcbh = f"A{n}"
        else:
            jcbh = f"S{n}"
        if isinstance(expected, Stored):
            _check_stored(store, report, jcbh, expected, case)
        else:
            _check_refused(store, report, jcbh, expected, case)
    # the report is kept with the batch, and its CSV written from it
    assert report.report_id is not None and report.report_file.exists()
