"""What a photo's EXIF says: when it was taken, where, and which way the camera looked.

``read_exif`` reads the bytes of a JPEG or PNG with exifread: DateTimeOriginal (else
DateTime) with its UTC offset; the GPS position with its N/S/E/W references; and
GPSImgDirection. Anything that does not make sense is left out rather than guessed:

- a latitude reference that is not N or S, or a longitude reference that is not E or W
  (or none at all), gives no position, never N/E by default;
- degrees, minutes and seconds must be finite, not negative, minutes and seconds below 60,
  and the result inside ±90° / ±180°; (0, 0) is what phones write without a fix;
- a rational with a zero denominator (0/0 is how EXIF writes "unknown") is no value;
- a damaged EXIF block keeps the image and sets ``damaged``: one exifread cannot read,
  one it silently reads as nothing (a wrong byte order mark or first offset), or a GPS or
  Exif IFD pointer that leads outside the block.
"""

from __future__ import annotations

import datetime
import io
import logging
import math
import re
from dataclasses import dataclass

import exifread

LOG = logging.getLogger(__name__)

_EXIF_DATETIME = re.compile(r"^\s*(\d{4})[:-](\d{2})[:-](\d{2})[ T](\d{2}):(\d{2}):(\d{2})")
_EXIF_OFFSET = re.compile(r"^\s*([+-])(\d{2}):(\d{2})\s*$")

# A camera whose clock was reset (battery out) starts at its default, 1970, 1980 or
# 2000-01-01; a time after today (one day of margin for time zones) is a wrong clock too.
EARLIEST_PLAUSIBLE = datetime.datetime(2000, 1, 2)
FUTURE_MARGIN = datetime.timedelta(days=1)


@dataclass(frozen=True)
class ExifFacts:
    taken_at: str | None  # ISO 8601, camera local time (with its UTC offset when recorded)
    longitude: float | None
    latitude: float | None
    direction: float | None  # degrees clockwise from north, in [0, 360)
    magnetic: bool  # GPSImgDirectionRef 'M': the direction is from magnetic north
    damaged: bool  # the EXIF block could not be read


def read_exif(data: bytes, name: str = "") -> ExifFacts:
    """The time, position and direction written in the image ``data``."""
    damaged = False
    try:
        tags = exifread.process_file(
            io.BytesIO(data), details=False, extract_thumbnail=False, builtin_types=False
        )
    except Exception as exc:  # exifread on a damaged EXIF block: keep the image, flag it
        LOG.warning("%s: EXIF not readable (%s)", name, exc)
        tags, damaged = {}, True
    if not damaged and _structure_lost(tags, data):
        LOG.warning("%s: EXIF block present but its structure is broken", name)
        damaged = True
    longitude, latitude = _position(tags)
    direction = _number(tags.get("GPS GPSImgDirection"))
    if direction is not None:
        direction = direction % 360.0 if math.isfinite(direction) else None
    return ExifFacts(
        taken_at=_taken_at(tags),
        longitude=longitude,
        latitude=latitude,
        direction=direction,
        magnetic=direction is not None and _text(tags.get("GPS GPSImgDirectionRef")) == "M",
        damaged=damaged,
    )


def _structure_lost(tags: dict, data: bytes) -> bool:
    """exifread gives up silently (no tags) on a block whose byte order mark or first
    offset is wrong, and skips a GPS or Exif IFD whose pointer leads outside the block:
    the file has an EXIF block that is not an empty one but says nothing, or points to an
    IFD that is not there."""
    if not tags:
        block = exif_block(data)
        return block is not None and not _empty_tiff(block)
    if "Image GPSInfo" in tags and not any(key.startswith("GPS ") for key in tags):
        return True
    return "Image ExifOffset" in tags and not any(key.startswith("EXIF ") for key in tags)


def _empty_tiff(block: bytes) -> bool:
    """A well-formed TIFF header whose first IFD holds no entry (what a program writes
    when it has no EXIF to give)."""
    order = {b"II*\x00": "little", b"MM\x00*": "big"}.get(block[:4])
    if order is None or len(block) < 8:
        return False
    first = int.from_bytes(block[4:8], order)
    return 8 <= first <= len(block) - 2 and block[first : first + 2] == b"\x00\x00"


def exif_block(data: bytes) -> bytes | None:
    """The TIFF data of a JPEG's APP1 'Exif' segment (before its image data) or of a
    PNG's eXIf chunk; None when there is none."""
    if data.startswith(b"\x89PNG"):
        position = 8
        while position + 8 <= len(data):
            length = int.from_bytes(data[position : position + 4], "big")
            kind = data[position + 4 : position + 8]
            if kind == b"eXIf":
                return data[position + 8 : position + 8 + length]
            if kind in (b"IDAT", b"IEND"):
                return None
            position += 12 + length
        return None
    position = 2  # after SOI
    while position + 4 <= len(data) and data[position] == 0xFF:
        marker = data[position + 1]
        if marker in (0xD9, 0xDA):  # end of image, start of scan: no more headers
            return None
        length = int.from_bytes(data[position + 2 : position + 4], "big")
        if marker == 0xE1 and data[position + 4 : position + 10].startswith(b"Exif\x00"):
            return data[position + 10 : position + 2 + length]
        position += 2 + length
    return None


def plausible_time(taken_at: str, now: datetime.datetime | None = None) -> bool:
    """Whether the camera's clock can have been right: not before 2000-01-02, not after
    tomorrow (the time is the camera's local time, so a day of margin covers every zone)."""
    moment = datetime.datetime.fromisoformat(taken_at[:19])
    now = now or datetime.datetime.now(datetime.timezone.utc).replace(tzinfo=None)
    return EARLIEST_PLAUSIBLE <= moment <= now + FUTURE_MARGIN


def _text(tag) -> str:
    if tag is None:
        return ""
    values = tag.values
    if isinstance(values, bytes):
        values = values.decode("ascii", "replace")
    if isinstance(values, list):
        values = "".join(str(v) for v in values)
    return str(values).strip("\x00 ").upper()[:32] if values is not None else ""


def _ratio(value) -> float | None:
    try:
        numerator, denominator = value.numerator, value.denominator
    except AttributeError:
        numerator, denominator = value, 1
    try:
        if not denominator:
            return None
        result = float(numerator) / float(denominator)
    except (TypeError, ValueError, OverflowError, ZeroDivisionError):
        return None
    return result if math.isfinite(result) else None


def _number(tag) -> float | None:
    if tag is None or not isinstance(tag.values, list) or not tag.values:
        return None
    return _ratio(tag.values[0])


def _degrees(tag) -> float | None:
    """Degrees from EXIF's (degrees, minutes, seconds); phones sometimes write fewer parts.
    Minutes and seconds must be below 60 and no part negative."""
    if tag is None or not isinstance(tag.values, list) or not 1 <= len(tag.values) <= 3:
        return None
    parts = [_ratio(value) for value in tag.values]
    if any(part is None or part < 0 for part in parts):
        return None
    if any(part >= 60 for part in parts[1:]):
        return None
    return sum(part / 60**i for i, part in enumerate(parts))


def _position(tags: dict) -> tuple[float | None, float | None]:
    latitude = _degrees(tags.get("GPS GPSLatitude"))
    longitude = _degrees(tags.get("GPS GPSLongitude"))
    if latitude is None or longitude is None:
        return None, None
    latitude_ref = _text(tags.get("GPS GPSLatitudeRef"))
    longitude_ref = _text(tags.get("GPS GPSLongitudeRef"))
    if latitude_ref not in ("N", "S") or longitude_ref not in ("E", "W"):
        return None, None  # an unknown hemisphere is no position, not N/E
    if latitude_ref == "S":
        latitude = -latitude
    if longitude_ref == "W":
        longitude = -longitude
    if not (-90 <= latitude <= 90 and -180 <= longitude <= 180):
        return None, None
    if latitude == 0 and longitude == 0:  # what some phones write when they had no fix
        return None, None
    return longitude, latitude


def _taken_at(tags: dict) -> str | None:
    for time_tag, offset_tag in (
        ("EXIF DateTimeOriginal", "EXIF OffsetTimeOriginal"),
        ("Image DateTime", "EXIF OffsetTime"),
    ):
        match = _EXIF_DATETIME.match(_text(tags.get(time_tag)))
        if match is None:
            continue
        try:
            moment = datetime.datetime(*(int(part) for part in match.groups()))
        except ValueError:  # '0000:00:00 00:00:00' and other placeholders
            continue
        offset = _EXIF_OFFSET.match(_text(tags.get(offset_tag)))
        if offset is not None and int(offset.group(2)) <= 14 and int(offset.group(3)) < 60:
            return moment.isoformat() + offset.group(0).strip()
        return moment.isoformat()
    return None
