"""Writing issued batches byte by byte, as other programs write them, broken ones included:
a shapefile (.shp/.shx/.dbf/.cpg/.prj) with any coordinates (NaN, one-point rings, Z),
any number of DBF records and text bytes in any encoding."""

from __future__ import annotations

import math
import struct
from pathlib import Path

from osgeo import osr

POLYGON, POLYGON_Z = 5, 15


def prj_text(epsg: int) -> str:
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(epsg)
    srs.MorphToESRI()
    return srs.ExportToWkt()


def _box(points):
    finite = [p for p in points if all(math.isfinite(v) for v in p[:2])] or [(0.0, 0.0)]
    xs, ys = [p[0] for p in finite], [p[1] for p in finite]
    return min(xs), min(ys), max(xs), max(ys)


def _polygon_record(rings: list[list[tuple]], z: bool) -> bytes:
    points = [p for ring in rings for p in ring]
    content = struct.pack("<i", POLYGON_Z if z else POLYGON)
    content += struct.pack("<4d", *_box(points))
    content += struct.pack("<2i", len(rings), len(points))
    start = 0
    for ring in rings:
        content += struct.pack("<i", start)
        start += len(ring)
    for p in points:
        content += struct.pack("<2d", p[0], p[1])
    if z:
        zs = [p[2] if len(p) > 2 else 0.0 for p in points]
        finite = [v for v in zs if math.isfinite(v)] or [0.0]
        content += struct.pack("<2d", min(finite), max(finite))
        content += b"".join(struct.pack("<d", v) for v in zs)
        content += struct.pack("<2d", 0.0, 0.0) + struct.pack("<d", 0.0) * len(points)
    return content


def _header(kind: int, length_bytes: int, box) -> bytes:
    return (
        struct.pack(">i", 9994)
        + b"\0" * 20
        + struct.pack(">i", length_bytes // 2)
        + struct.pack("<2i", 1000, kind)
        + struct.pack("<4d", *box)
        + struct.pack("<4d", 0, 0, 0, 0)
    )


def dbf_bytes(fields: list[tuple[str, int]], records: list[list[bytes]], count=None) -> bytes:
    """A dBASE III table of character fields; ``count`` overrides the record count written
    in the header (a lying header)."""
    header_size = 32 + 32 * len(fields) + 1
    record_size = 1 + sum(size for _, size in fields)
    head = struct.pack(
        "<B3BIHH20x",
        3,
        126,
        1,
        1,
        len(records) if count is None else count,
        header_size,
        record_size,
    )
    descriptors = b"".join(
        name.encode("ascii").ljust(11, b"\0") + b"C" + b"\0" * 4 + bytes([size, 0]) + b"\0" * 14
        for name, size in fields
    )
    body = b"".join(
        b" " + b"".join(value[:size].ljust(size, b" ") for value, (_, size) in zip(rec, fields))
        for rec in records
    )
    return head + descriptors + b"\r" + body + b"\x1a"


def write_shapefile(
    path: Path,
    shapes: list[list[list[tuple]]],
    fields: list[tuple[str, int]],
    records: list[list[bytes]],
    epsg: int | None = 4549,
    cpg: str | None = None,
    z: bool = False,
) -> Path:
    """``shapes``: per feature, its rings (lists of points); ``records``: per DBF record,
    the bytes of each field. Shapes and records may differ in number."""
    kind = POLYGON_Z if z else POLYGON
    contents = [_polygon_record(rings, z) for rings in shapes]
    all_points = [p for rings in shapes for ring in rings for p in ring]
    box = _box(all_points) if all_points else (0.0, 0.0, 0.0, 0.0)
    shp, shx, offset = b"", b"", 100
    for number, content in enumerate(contents, start=1):
        shp += struct.pack(">2i", number, len(content) // 2) + content
        shx += struct.pack(">2i", offset // 2, len(content) // 2)
        offset += 8 + len(content)
    path.write_bytes(_header(kind, 100 + len(shp), box) + shp)
    path.with_suffix(".shx").write_bytes(_header(kind, 100 + len(shx), box) + shx)
    path.with_suffix(".dbf").write_bytes(dbf_bytes(fields, records))
    if epsg:
        path.with_suffix(".prj").write_text(prj_text(epsg), encoding="ascii")
    if cpg is not None:
        path.with_suffix(".cpg").write_text(cpg, encoding="ascii")
    return path


def square(x: float, y: float, side: float = 50.0) -> list[list[tuple]]:
    """One ring, clockwise as shapefiles want outer rings."""
    return [[(x, y), (x, y + side), (x + side, y + side), (x + side, y), (x, y)]]
