"""The inputs of the photo corpus (tests/photo_corpus.py): JPEGs with EXIF as QField writes
it (hand-written bytes, tests/exif_bytes.py), cut, damaged or odd variants of them, other
formats, and the special files (FIFO, links to devices, a socket) made at test time."""

from __future__ import annotations

import datetime
import io
import os
import socket
import struct
import zlib
from pathlib import Path
from typing import Callable

from exif_bytes import (
    BYTE,
    DATE_TIME,
    DATE_TIME_ORIGINAL,
    DIRECTION,
    DIRECTION_REF,
    GPS_VERSION,
    LAT,
    LAT_REF,
    LON,
    LON_REF,
    MAKE,
    MODEL,
    OFFSET_TIME_ORIGINAL,
    ascii_entry,
    jpeg_with_exif,
    plain_jpeg,
    rationals,
    tiff,
    with_app1,
)
from photo_files import TO_LONLAT, make_photo
from PIL import Image

# The plot is helpers.square(0) in EPSG:4549; a QField photo taken at its centre.
CENTRE = (500_020.0, 3_400_020.0)
CENTRE_LON, CENTRE_LAT = TO_LONLAT.transform(*CENTRE)


# -- EXIF as QField writes it --------------------------------------------------------------


def dms(value: float) -> list[tuple[int, int]]:
    """Whole degrees, whole minutes, seconds in millionths, as rationals."""
    degrees = int(value)
    minutes = int((value - degrees) * 60)
    seconds = (value - degrees - minutes / 60) * 3600
    return [(degrees, 1), (minutes, 1), (round(seconds * 1_000_000), 1_000_000)]


_KEEP = object()


def qfield(
    when="2026:03:04 09:08:07",
    offset="+08:00",
    changed="2026:03:05 18:00:00",
    lat_ref="N",
    lat=_KEEP,
    lon_ref="E",
    lon=_KEEP,
    direction=(13550, 100),
    direction_ref="T",
    lat_signed=False,
    extra_ifd0=(),
    extra_exif=(),
) -> bytes:
    """TIFF data of a QField photo taken at the plot's centre, looking 135.5° (true)."""
    ifd0 = [ascii_entry(MAKE, "QField"), ascii_entry(MODEL, "Android"), *extra_ifd0]
    if changed is not None:
        ifd0.append(ascii_entry(DATE_TIME, changed))  # file changed: not the time used
    exif = list(extra_exif)
    if when is not None:
        exif.append(ascii_entry(DATE_TIME_ORIGINAL, when))
    if offset is not None:
        exif.append(ascii_entry(OFFSET_TIME_ORIGINAL, offset))
    gps = [(GPS_VERSION, BYTE, b"\x02\x03\x00\x00")]
    for tag, ref in ((LAT_REF, lat_ref), (LON_REF, lon_ref), (DIRECTION_REF, direction_ref)):
        if ref is not None:
            gps.append(ascii_entry(tag, ref))
    lat = dms(CENTRE_LAT) if lat is _KEEP else lat
    lon = dms(CENTRE_LON) if lon is _KEEP else lon
    if lat is not None:
        gps.append(rationals(LAT, *lat, signed=lat_signed))
    if lon is not None:
        gps.append(rationals(LON, *lon))
    if direction is not None:
        gps.append(rationals(DIRECTION, direction))
    return tiff(ifd0, exif or None, gps)


_colours = iter(range(1, 10_000))


def colour() -> tuple[int, int, int]:
    """A colour no other input has, so that every input's bytes differ."""
    n = next(_colours)
    return (n * 7 % 256, n * 13 % 256, n * 29 % 256)


def photo(**kwargs) -> Callable[[], bytes]:
    save = kwargs.pop("save", {})
    return lambda: jpeg_with_exif(qfield(**kwargs), colour(), **save)


def _segments(jpeg: bytes) -> list[tuple[int, int, int]]:
    """(marker, start, end) of each header segment of a JPEG, up to and with SOS."""
    found, position = [], 2
    while jpeg[position] == 0xFF:
        marker = jpeg[position + 1]
        end = position + 2 + int.from_bytes(jpeg[position + 2 : position + 4], "big")
        found.append((marker, position, end))
        if marker == 0xDA:
            break
        position = end
    return found


def without_segment(marker: int) -> Callable[[], bytes]:
    def build() -> bytes:
        data = jpeg_with_exif(qfield(), colour())
        for found, start, end in _segments(data):
            if found == marker:
                return data[:start] + data[end:]
        raise AssertionError(f"no segment {marker:#x}")

    return build


def cut(at: Callable[[bytes], int]) -> Callable[[], bytes]:
    """A QField JPEG cut at the offset ``at(data)``: the rest of the file is missing."""

    def build() -> bytes:
        data = jpeg_with_exif(qfield(), colour())
        return data[: at(data)]

    return build


def marker_at(marker: bytes, plus: int = 0) -> Callable[[bytes], int]:
    return lambda data: data.index(marker) + plus


def plain_png(exif: bool = True, textured: bool = True) -> bytes:
    out = io.BytesIO()
    image = Image.new("RGB", (64, 48), colour())
    if textured:
        image.putdata(
            [((x * 37 + y) % 256, (x * y) % 256, y * 5) for y in range(48) for x in range(64)]
        )
    image.save(out, format="PNG")
    return out.getvalue()


def png_cut(at: Callable[[bytes], int]) -> Callable[[], bytes]:
    def build() -> bytes:
        data = plain_png()
        return data[: at(data)]

    return build


def png_bad_idat() -> bytes:
    data = plain_png()
    start = data.index(b"IDAT") - 4
    length = int.from_bytes(data[start : start + 4], "big")
    chunk = b"IDAT" + bytes((i * 151 + 7) % 256 for i in range(length))
    return (
        data[: start + 4]
        + chunk
        + struct.pack(">I", zlib.crc32(chunk))
        + data[start + 12 + length :]
    )


def png_bad_ihdr_crc() -> bytes:
    data = bytearray(plain_png())
    data[29] ^= 0xFF  # IHDR: 8 magic + 4 length + 4 type + 13 data = 29, then its CRC
    return bytes(data)


def huge_jpeg() -> bytes:
    """A JPEG whose frame header says 60 000 × 60 000 px (3.6e9 pixels)."""
    data = bytearray(plain_jpeg(colour()))
    for marker, start, _ in _segments(bytes(data)):
        if marker == 0xC0:  # SOF0: length(2) precision(1) height(2) width(2)
            data[start + 5 : start + 9] = struct.pack(">HH", 60_000, 60_000)
    return bytes(data)


def other_format(fmt: str) -> Callable[[], bytes]:
    def build() -> bytes:
        out = io.BytesIO()
        Image.new("RGB", (16, 16), colour()).save(out, format=fmt)
        return out.getvalue()

    return build


def in_mode(mode: str, **save) -> Callable[[], bytes]:
    def build() -> bytes:
        out = io.BytesIO()
        image = Image.new("RGB", (64, 48), colour()).convert(mode)
        image.save(out, format="JPEG", **save)
        return with_app1(out.getvalue(), b"Exif\x00\x00" + qfield())

    return build


def pillow_png_with_exif(folder: Path) -> bytes:
    path = make_photo(
        folder / ".pillow.png", xy=CENTRE, direction=10, image_format="PNG", colour=colour()
    )
    data = path.read_bytes()
    path.unlink()
    return data


def days_from_now(days: int) -> str:
    moment = datetime.datetime.now() + datetime.timedelta(days=days)
    return moment.strftime("%Y:%m:%d 12:00:00")


def jpeg_with_exif_block(payload: bytes) -> Callable[[], bytes]:
    return lambda: with_app1(plain_jpeg(colour()), b"Exif\x00\x00" + payload)


def latitude_as_text() -> bytes:
    """GPSLatitude written as the text "30.75" instead of three rationals."""
    gps = [ascii_entry(LAT_REF, "N"), ascii_entry(LAT, "30.75"), ascii_entry(LON_REF, "E")]
    gps.append(rationals(LON, (120, 1), (30, 1), (3600, 100)))
    exif = [ascii_entry(DATE_TIME_ORIGINAL, "2026:03:04 09:08:07")]
    return jpeg_with_exif(tiff([], exif, gps), colour())


def make_fifo(path: Path) -> None:
    os.mkfifo(path)


def link_to(target: str) -> Callable[[Path], None]:
    return lambda path: path.symlink_to(target)


def make_socket(path: Path) -> None:
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    server.bind(str(path))
    server.close()  # the socket file stays


def make_folder(path: Path) -> None:
    path.mkdir()
