"""EXIF written byte by byte (TIFF structure, little-endian), so that a test can write
exactly what a camera, QField or a broken program writes: any tag type, a zero
denominator, a signed rational, a reference letter that is not N/S/E/W, a pointer that
leads nowhere. ``jpeg_with_exif`` puts the block into a real JPEG made by Pillow."""

from __future__ import annotations

import io
import struct

from PIL import Image

BYTE, ASCII, SHORT, LONG, RATIONAL, UNDEFINED, SRATIONAL = 1, 2, 3, 4, 5, 7, 10
_SIZE = {BYTE: 1, ASCII: 1, SHORT: 2, LONG: 4, RATIONAL: 8, UNDEFINED: 1, SRATIONAL: 8}

EXIF_POINTER, GPS_POINTER = 0x8769, 0x8825
DATE_TIME, MAKE, MODEL = 0x0132, 0x010F, 0x0110
DATE_TIME_ORIGINAL, OFFSET_TIME_ORIGINAL, OFFSET_TIME = 0x9003, 0x9011, 0x9010
GPS_VERSION, LAT_REF, LAT, LON_REF, LON = 0, 1, 2, 3, 4
DIRECTION_REF, DIRECTION = 16, 17


def ascii_entry(tag: int, text: str) -> tuple:
    return (tag, ASCII, text.encode("ascii") + b"\x00")


def rationals(tag: int, *pairs: tuple[int, int], signed: bool = False) -> tuple:
    return (tag, SRATIONAL if signed else RATIONAL, list(pairs))


def _pack_values(kind: int, values) -> bytes:
    if kind in (ASCII, UNDEFINED, BYTE) and isinstance(values, (bytes, bytearray)):
        return bytes(values)
    if kind == SHORT:
        return b"".join(struct.pack("<H", v) for v in values)
    if kind == LONG:
        return b"".join(struct.pack("<I", v) for v in values)
    if kind == RATIONAL:
        return b"".join(struct.pack("<II", n, d) for n, d in values)
    if kind == SRATIONAL:
        return b"".join(struct.pack("<ii", n, d) for n, d in values)
    return bytes(values)


def _ifd(entries: list[tuple], offset: int) -> bytes:
    """One IFD at ``offset`` of the TIFF data: entries, next-IFD 0, then the values that
    do not fit in 4 bytes. An entry may give its count explicitly as a 4th item (to write
    a count that does not match the data)."""
    entries = sorted(entries, key=lambda entry: entry[0])
    data_offset = offset + 2 + 12 * len(entries) + 4
    head, data = [struct.pack("<H", len(entries))], b""
    for entry in entries:
        tag, kind, values = entry[:3]
        packed = _pack_values(kind, values)
        count = entry[3] if len(entry) > 3 else len(packed) // _SIZE[kind]
        if len(packed) <= 4:
            head.append(struct.pack("<HHI", tag, kind, count) + packed.ljust(4, b"\x00"))
        else:
            head.append(struct.pack("<HHII", tag, kind, count, data_offset + len(data)))
            data += packed + (b"\x00" if len(packed) % 2 else b"")
    return b"".join(head) + struct.pack("<I", 0) + data


def tiff(ifd0: list[tuple], exif: list[tuple] | None = None, gps: list[tuple] | None = None):
    """TIFF data (what follows 'Exif\\0\\0') with IFD0 and optional Exif and GPS IFDs."""

    def build(exif_at: int, gps_at: int) -> tuple[bytes, bytes, bytes]:
        entries = list(ifd0)
        if exif is not None:
            entries.append((EXIF_POINTER, LONG, [exif_at]))
        if gps is not None:
            entries.append((GPS_POINTER, LONG, [gps_at]))
        first = _ifd(entries, 8)
        exif_bytes = _ifd(exif, exif_at) if exif is not None else b""
        gps_bytes = _ifd(gps, gps_at) if gps is not None else b""
        return first, exif_bytes, gps_bytes

    first, exif_bytes, _ = build(0, 0)  # sizes do not depend on the pointers' values
    exif_at = 8 + len(first)
    gps_at = exif_at + len(exif_bytes)
    first, exif_bytes, gps_bytes = build(exif_at, gps_at)
    return b"II*\x00" + struct.pack("<I", 8) + first + exif_bytes + gps_bytes


def plain_jpeg(colour=(90, 140, 60), size=(64, 48), textured=True, **save) -> bytes:
    """A JPEG without EXIF, made by Pillow; ``colour`` makes its bytes unique."""
    image = Image.new("RGB", size, colour)
    if textured:
        width, height = size
        image.putdata(
            [
                ((x * 37 + y * 11 + colour[0]) % 256, (x * y + colour[1]) % 256, colour[2])
                for y in range(height)
                for x in range(width)
            ]
        )
    out = io.BytesIO()
    image.save(out, format="JPEG", quality=85, **save)
    return out.getvalue()


def with_app1(jpeg: bytes, payload: bytes) -> bytes:
    """``jpeg`` with an APP1 segment holding ``payload`` right after its SOI marker."""
    assert jpeg[:2] == b"\xff\xd8"
    return jpeg[:2] + b"\xff\xe1" + struct.pack(">H", len(payload) + 2) + payload + jpeg[2:]


def jpeg_with_exif(tiff_data: bytes, colour=(90, 140, 60), **save) -> bytes:
    return with_app1(plain_jpeg(colour, **save), b"Exif\x00\x00" + tiff_data)
