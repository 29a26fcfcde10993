"""A corpus of photo inputs, each written with its expected outcome beside it.

``generate(folder)`` writes every input of ``CASES`` as ``NNN_name.ext`` (or makes the
FIFO, link, socket, folder…) and, beside it, ``NNN_name.expected.json``: either
``{"outcome": "refused", "reason": …}`` or ``{"outcome": "stored", "taken_at": …,
"longitude": …, "latitude": …, "direction": …, "flags": […], "distance": …}``.

Every expectation is written here by hand: positions as degrees + minutes/60 +
seconds/3600 of the rationals written into the file; the plot's own position (where a
QField photo taken on the plot is) comes from pyproj, not from the code under test.
The plot is ``helpers.square(0)`` in EPSG:4549: a 40 m square whose centre is
(500 020, 3 400 020); a photo there is 0 m from it, one tens of km away is far_from_plot.
"""

from __future__ import annotations

import json
import struct
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path
from typing import Callable

from exif_bytes import (
    DATE_TIME,
    DATE_TIME_ORIGINAL,
    GPS_POINTER,
    LONG,
    OFFSET_TIME,
    OFFSET_TIME_ORIGINAL,
    ascii_entry,
    jpeg_with_exif,
    tiff,
)
from photo_corpus_inputs import (
    CENTRE_LAT,
    CENTRE_LON,
    colour,
    cut,
    days_from_now,
    huge_jpeg,
    in_mode,
    jpeg_with_exif_block,
    latitude_as_text,
    link_to,
    make_fifo,
    make_folder,
    make_socket,
    marker_at,
    other_format,
    photo,
    pillow_png_with_exif,
    plain_jpeg,
    plain_png,
    png_bad_idat,
    png_bad_ihdr_crc,
    png_cut,
    qfield,
    without_segment,
)

NOT_IMAGE = "it is not a JPEG or PNG image"
EMPTY = "the file is empty"
TRUNCATED = "the image data is truncated (the file is incomplete)"
DAMAGED = "the image data cannot be decoded (the file is damaged)"
# Pillow refuses more than twice Image.MAX_IMAGE_PIXELS: 2 × 89 478 485 = 178 956 970 px
TOO_LARGE = "the image is too large to check (over 179 megapixels)"
FIFO = "it is a pipe (FIFO), not a file; it was not opened"
DEVICE = "it is a device, not a file; it was not opened"
SOCKET = "it is a socket, not a file; it was not opened"
NO_FILE = "the file could not be read (No such file or directory)"
EMPTY_FOLDER = "the folder holds no JPEG or PNG file"

QFIELD_TIME = "2026-03-04T09:08:07+08:00"  # DateTimeOriginal 2026:03:04 09:08:07, +08:00
FAR = ">100"  # distance to the plot: more than FAR_FROM_PLOT_M, flagged far_from_plot


def refused(reason: str) -> dict:
    return {"outcome": "refused", "reason": reason}


def stored(
    taken_at=QFIELD_TIME,
    longitude=CENTRE_LON,
    latitude=CENTRE_LAT,
    direction=135.5,
    flags=(),
    distance=0.0,
) -> dict:
    if longitude is None:
        distance = None
    return {
        "outcome": "stored",
        "taken_at": taken_at,
        "longitude": longitude,
        "latitude": latitude,
        "direction": direction,
        "flags": sorted(flags),
        "distance": distance,
    }


def no_position(**kwargs) -> dict:
    flags = kwargs.pop("flags", ())
    return stored(longitude=None, latitude=None, flags=("no_position", *flags), **kwargs)


NOTHING = stored(taken_at=None, longitude=None, latitude=None, direction=None)
NOTHING["flags"] = ["no_position", "no_time"]
UNREADABLE = dict(NOTHING, flags=["exif_unreadable", "no_position", "no_time"])


def _iso(exif_time: str, offset: str = "+08:00") -> str:
    return exif_time.replace(":", "-", 2).replace(" ", "T") + offset


def _dd(degrees, minutes=0, seconds=0) -> float:
    return float(Fraction(degrees) + Fraction(minutes) / 60 + Fraction(seconds) / 3600)


@dataclass(frozen=True)
class Case:
    name: str
    build: Callable  # () -> bytes, or (path) -> None for what is not a file's bytes
    expected: dict
    suffix: str = ".jpg"
    special: bool = False


FAR_POS = {"distance": FAR, "flags": ("far_from_plot",)}
# 30° 45' N, 120° 30' 36" E (some 48 km from the plot): 30.75 and 120 + 0.5 + 0.01 = 120.51
FAR_LAT, FAR_LON = [(30, 1), (45, 1), (0, 1)], [(120, 1), (30, 1), (3600, 100)]
FAR_AT = dict(latitude=_dd(30, 45), longitude=_dd(120, 30, 36), **FAR_POS)

CASES: list[Case] = [
    # -- stored: valid photos -------------------------------------------------------------
    Case("qfield_full", photo(), stored()),
    Case("qfield_no_offset", photo(offset=None), stored(taken_at="2026-03-04T09:08:07")),
    Case("datetime_only", photo(when=None, offset=None), stored(taken_at="2026-03-05T18:00:00")),
    Case(
        "datetime_with_its_offset",
        photo(when=None, offset=None, extra_exif=[ascii_entry(OFFSET_TIME, "+08:00")]),
        stored(taken_at="2026-03-05T18:00:00+08:00"),
    ),
    Case("hyphen_date", photo(when="2026-03-04 09:08:07"), stored()),
    Case("direction_0", photo(direction=(0, 1)), stored(direction=0.0)),
    Case("direction_360", photo(direction=(36000, 100)), stored(direction=0.0)),  # 360 mod 360
    Case("direction_720_25", photo(direction=(72025, 100)), stored(direction=0.25)),
    Case("direction_359_99", photo(direction=(35999, 100)), stored(direction=359.99)),
    Case(
        "direction_magnetic",
        photo(direction=(9000, 100), direction_ref="M"),
        stored(direction=90.0, flags=("magnetic_direction",)),
    ),
    Case("direction_1_over_0", photo(direction=(1, 0)), stored(direction=None)),
    Case(
        "direction_0_over_0_magnetic",
        photo(direction=(0, 0), direction_ref="M"),
        stored(direction=None),
    ),
    Case("no_direction", photo(direction=None, direction_ref=None), stored(direction=None)),
    Case("lowercase_refs", photo(lat_ref="n", lon_ref="e"), stored()),
    Case("far_three_parts", photo(lat=FAR_LAT, lon=FAR_LON), stored(**FAR_AT)),
    # degrees and decimal minutes: 30° 45.0' = 30.75; 120° 30.6' = 120.51
    Case(
        "far_two_parts",
        photo(lat=[(30, 1), (450, 10)], lon=[(120, 1), (306, 10)]),
        stored(**FAR_AT),
    ),
    Case("far_decimal_degrees", photo(lat=[(3075, 100)], lon=[(12051, 100)]), stored(**FAR_AT)),
    # 33° 52' 12" S = -(33 + 0.87) ; 151° 12' 36" W = -(151 + 0.21)
    Case(
        "south_west",
        photo(
            lat_ref="S",
            lat=[(33, 1), (52, 1), (12, 1)],
            lon_ref="W",
            lon=[(151, 1), (12, 1), (36, 1)],
        ),
        stored(latitude=-33.87, longitude=-151.21, **FAR_POS),
    ),
    Case("progressive", photo(save={"progressive": True}), stored()),
    Case(
        "large_1600x1200", lambda: jpeg_with_exif(qfield(), colour(), size=(1600, 1200)), stored()
    ),
    Case("one_pixel", lambda: jpeg_with_exif(qfield(), colour(), size=(1, 1)), stored()),
    Case("seven_by_five", lambda: jpeg_with_exif(qfield(), colour(), size=(7, 5)), stored()),
    Case("greyscale", in_mode("L"), stored()),
    Case("cmyk", in_mode("CMYK"), stored()),
    Case("trailer_after_end", lambda: photo()() + b"SEFH\x00\x00" + bytes(200), stored()),
    Case("png_pillow_exif", pillow_png_with_exif, stored(direction=10.0), suffix=".png"),
    Case(
        "time_2000_01_02",
        photo(when="2000:01:02 00:00:00"),
        stored(taken_at="2000-01-02T00:00:00+08:00"),
    ),
    Case("time_yesterday", photo(when=days_from_now(-1)), stored(taken_at=_iso(days_from_now(-1)))),
    Case("offset_minus_0530", photo(offset="-05:30"), stored(taken_at="2026-03-04T09:08:07-05:30")),
    Case("offset_25_hours", photo(offset="+25:00"), stored(taken_at="2026-03-04T09:08:07")),
    # -- stored without what is missing ----------------------------------------------------
    Case("no_exif_jpeg", lambda: plain_jpeg(colour()), NOTHING),
    Case("no_exif_png", lambda: plain_png(), NOTHING, suffix=".png"),
    Case(
        "time_without_gps",
        lambda: jpeg_with_exif(
            tiff(
                [],
                [
                    ascii_entry(DATE_TIME_ORIGINAL, "2026:03:04 09:08:07"),
                    ascii_entry(OFFSET_TIME_ORIGINAL, "+08:00"),
                ],
            ),
            colour(),
        ),
        no_position(direction=None),
    ),
    Case(
        "gps_without_time",
        photo(when=None, offset=None, changed=None),
        stored(taken_at=None, flags=("no_time",)),
    ),
    # -- stored, flagged: the clock or the EXIF cannot be trusted ---------------------------
    Case(
        "time_2099",
        photo(when="2099:01:01 12:00:00"),
        stored(taken_at="2099-01-01T12:00:00+08:00", flags=("implausible_time",)),
    ),
    Case(
        "time_in_3_days",
        photo(when=days_from_now(3)),
        stored(taken_at=_iso(days_from_now(3)), flags=("implausible_time",)),
    ),
    Case(
        "time_1970",
        photo(when="1970:01:01 00:00:00"),
        stored(taken_at="1970-01-01T00:00:00+08:00", flags=("implausible_time",)),
    ),
    Case(
        "time_2000_01_01",
        photo(when="2000:01:01 00:00:00"),
        stored(taken_at="2000-01-01T00:00:00+08:00", flags=("implausible_time",)),
    ),
    Case(
        "time_zeros",
        photo(when="0000:00:00 00:00:00", changed="0000:00:00 00:00:00"),
        stored(taken_at=None, flags=("no_time",)),
    ),
    Case(
        "time_feb_30_falls_back",
        photo(when="2026:02:30 10:00:00"),
        stored(taken_at="2026-03-05T18:00:00"),
    ),
    Case(
        "time_words",
        photo(when="yesterday", changed=None),
        stored(taken_at=None, flags=("no_time",)),
    ),
    Case("time_blank", photo(when="    ", changed=None), stored(taken_at=None, flags=("no_time",))),
    Case(
        "time_25_o_clock",
        photo(when="2026:03:04 25:08:07", changed=None),
        stored(taken_at=None, flags=("no_time",)),
    ),
    Case(
        "exif_random_bytes",
        jpeg_with_exif_block(bytes((i * 73 + 11) % 256 for i in range(300))),
        UNREADABLE,
    ),
    Case("exif_bad_byte_order", jpeg_with_exif_block(b"XX*\x00" + qfield()[4:]), UNREADABLE),
    Case(
        "exif_first_ifd_outside",
        jpeg_with_exif_block(b"II*\x00" + struct.pack("<I", 99_999) + qfield()[8:]),
        UNREADABLE,
    ),
    Case("exif_header_only", jpeg_with_exif_block(b""), UNREADABLE),
    Case(
        "exif_gps_pointer_outside",
        jpeg_with_exif_block(
            tiff([ascii_entry(DATE_TIME, "2026:03:05 18:00:00"), (GPS_POINTER, LONG, [50_000])])
        ),
        no_position(taken_at="2026-03-05T18:00:00", direction=None, flags=("exif_unreadable",)),
    ),
    Case(
        "exif_latitude_as_text",
        latitude_as_text,
        no_position(taken_at="2026-03-04T09:08:07", direction=None),
    ),
    # -- stored without position: the position makes no sense -------------------------------
    Case("lat_ref_X", photo(lat_ref="X"), no_position()),
    Case("lon_ref_Q", photo(lon_ref="Q"), no_position()),
    Case("refs_swapped", photo(lat_ref="E", lon_ref="N"), no_position()),
    Case("no_lat_ref", photo(lat_ref=None), no_position()),
    Case("no_lon_ref", photo(lon_ref=None), no_position()),
    Case("lat_ref_NS", photo(lat_ref="NS"), no_position()),
    Case("lat_ref_empty", photo(lat_ref=""), no_position()),
    Case("lat_91", photo(lat=[(91, 1), (0, 1), (0, 1)]), no_position()),
    Case("lon_181", photo(lon=[(181, 1), (0, 1), (0, 1)]), no_position()),
    Case("minutes_60", photo(lat=[(30, 1), (60, 1), (0, 1)]), no_position()),
    Case("seconds_60", photo(lat=[(30, 1), (43, 1), (60, 1)]), no_position()),
    Case("minutes_75", photo(lat=[(30, 1), (75, 1), (10, 1)]), no_position()),
    Case(
        "lat_negative_srational",
        photo(lat=[(-30, 1), (0, 1), (0, 1)], lat_signed=True),
        no_position(),
    ),
    Case("lat_degrees_over_0", photo(lat=[(30, 0), (43, 1), (0, 1)]), no_position()),
    Case("lat_minutes_0_over_0", photo(lat=[(30, 1), (0, 0), (0, 1)]), no_position()),
    Case("lon_seconds_over_0", photo(lon=[(120, 1), (0, 1), (1, 0)]), no_position()),
    Case(
        "zero_zero",
        photo(lat=[(0, 1), (0, 1), (0, 1)], lon=[(0, 1), (0, 1), (0, 1)]),
        no_position(),
    ),
    Case("lat_four_parts", photo(lat=[(30, 1), (43, 1), (0, 1), (1, 1)]), no_position()),
    Case("lat_no_parts", photo(lat=[]), no_position()),
    Case("lat_without_lon", photo(lon=None), no_position()),
    # -- refused: not an image ---------------------------------------------------------------
    Case("zero_bytes", lambda: b"", refused(EMPTY)),
    Case("zero_bytes_png", lambda: b"", refused(EMPTY), suffix=".png"),
    Case("nul_bytes", lambda: bytes(4096), refused(NOT_IMAGE)),
    Case("one_byte_ff", lambda: b"\xff", refused(NOT_IMAGE)),
    Case("text", lambda: "这不是照片 — not a photo\n".encode(), refused(NOT_IMAGE)),
    Case("gif", other_format("GIF"), refused(NOT_IMAGE)),
    Case("bmp", other_format("BMP"), refused(NOT_IMAGE)),
    Case("webp", other_format("WEBP"), refused(NOT_IMAGE)),
    Case("tiff", other_format("TIFF"), refused(NOT_IMAGE)),
    Case(
        "heic_like",
        lambda: b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic" + bytes(64),
        refused(NOT_IMAGE),
    ),
    Case(
        "pdf",
        lambda: b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n%%EOF\n",
        refused(NOT_IMAGE),
    ),
    Case("zip", lambda: b"PK\x03\x04" + bytes(60), refused(NOT_IMAGE)),
    Case("jpeg_first_byte_changed", lambda: b"\x00" + photo()()[1:], refused(NOT_IMAGE)),
    Case(
        "png_magic_without_ihdr",
        lambda: b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\x00IEND\xaeB`\x82",
        refused(NOT_IMAGE),
        suffix=".png",
    ),
    # -- refused: cut short (a copy or a transfer that stopped) ------------------------------
    Case("cut_2", cut(lambda d: 2), refused(NOT_IMAGE)),  # FF D8: not even the magic
    Case("cut_3", cut(lambda d: 3), refused(TRUNCATED)),
    Case("cut_4", cut(lambda d: 4), refused(TRUNCATED)),
    Case("cut_in_app1_length", cut(lambda d: 5), refused(TRUNCATED)),
    Case("cut_in_exif", cut(marker_at(b"Exif", 40)), refused(TRUNCATED)),
    Case("cut_before_quant_tables", cut(marker_at(b"\xff\xdb")), refused(TRUNCATED)),
    Case("cut_before_scan", cut(marker_at(b"\xff\xda")), refused(TRUNCATED)),
    Case("cut_scan_plus_10", cut(marker_at(b"\xff\xda", 10)), refused(TRUNCATED)),
    Case("cut_quarter", cut(lambda d: len(d) // 4), refused(TRUNCATED)),
    Case("cut_half", cut(lambda d: len(d) // 2), refused(TRUNCATED)),
    Case("cut_three_quarters", cut(lambda d: len(d) * 3 // 4), refused(TRUNCATED)),
    Case("cut_100_before_end", cut(lambda d: len(d) - 100), refused(TRUNCATED)),
    Case("cut_end_marker", cut(lambda d: len(d) - 2), refused(TRUNCATED)),
    Case("cut_last_byte", cut(lambda d: len(d) - 1), refused(TRUNCATED)),
    Case("png_cut_8", png_cut(lambda d: 8), refused(NOT_IMAGE), suffix=".png"),
    Case("png_cut_15", png_cut(lambda d: 15), refused(NOT_IMAGE), suffix=".png"),
    Case("png_cut_16", png_cut(lambda d: 16), refused(TRUNCATED), suffix=".png"),
    Case("png_cut_after_ihdr", png_cut(lambda d: 33), refused(TRUNCATED), suffix=".png"),
    Case("png_cut_half", png_cut(lambda d: len(d) // 2), refused(TRUNCATED), suffix=".png"),
    Case("png_without_iend", png_cut(lambda d: len(d) - 12), refused(TRUNCATED), suffix=".png"),
    Case("png_cut_last_byte", png_cut(lambda d: len(d) - 1), refused(TRUNCATED), suffix=".png"),
    # -- refused: the image itself is damaged ------------------------------------------------
    Case("jpeg_without_frame_header", without_segment(0xC0), refused(DAMAGED)),
    Case("png_idat_not_zlib", png_bad_idat, refused(DAMAGED), suffix=".png"),
    Case("png_ihdr_bad_crc", png_bad_ihdr_crc, refused(DAMAGED), suffix=".png"),
    Case("jpeg_60000_square", huge_jpeg, refused(TOO_LARGE)),
    # -- refused: not a regular file, never opened -------------------------------------------
    Case("fifo", make_fifo, refused(FIFO), special=True),
    Case("link_to_dev_zero", link_to("/dev/zero"), refused(DEVICE), special=True),
    Case("link_to_dev_null", link_to("/dev/null"), refused(DEVICE), special=True),
    Case("socket", make_socket, refused(SOCKET), special=True),
    Case("broken_link", link_to("/nonexistent/IMG_0001.jpg"), refused(NO_FILE), special=True),
    Case("missing", lambda path: None, refused(NO_FILE), special=True),
    Case("folder_named_like_a_photo", make_folder, refused(EMPTY_FOLDER), special=True),
]


def input_path(folder: Path, index: int, case: Case) -> Path:
    return folder / f"{index:03d}_{case.name}{case.suffix}"


def generate(folder: Path) -> list[tuple[Path, dict]]:
    """Write every input and its expected outcome beside it; (path, expected) in order."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for index, case in enumerate(CASES):
        path = input_path(folder, index, case)
        if case.special:
            case.build(path)
        elif case.build is pillow_png_with_exif:
            path.write_bytes(case.build(folder))
        else:
            path.write_bytes(case.build())
        beside = path.with_name(f"{index:03d}_{case.name}.expected.json")
        beside.write_text(json.dumps(case.expected, ensure_ascii=False, indent=1), encoding="utf-8")
        written.append((path, case.expected))
    return written
