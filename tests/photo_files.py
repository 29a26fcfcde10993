"""Real JPEG/PNG files with EXIF (time, GPS position, direction), written with Pillow the
way a phone camera writes them, for the tests of evidence photos."""

from __future__ import annotations

import warnings
from pathlib import Path

from PIL import Image, TiffImagePlugin

with warnings.catch_warnings():
    # Debian's pyproj looks for proj.db under the venv's prefix, warns, then uses PROJ's own.
    warnings.simplefilter("ignore")
    import pyproj

TO_LONLAT = pyproj.Transformer.from_crs(4549, 4490, always_xy=True)
TAKEN = "2026:03:04 09:08:07"


def _rational(value: float, scale: int = 1_000_000) -> TiffImagePlugin.IFDRational:
    return TiffImagePlugin.IFDRational(round(value * scale), scale)


def _dms(value: float) -> tuple:
    """Degrees as EXIF writes them: whole degrees, whole minutes, seconds to 1e-6″."""
    degrees = int(value)
    minutes = int((value - degrees) * 60)
    seconds = (value - degrees - minutes / 60) * 3600
    return (_rational(degrees, 1), _rational(minutes, 1), _rational(seconds))


def make_photo(
    path: Path,
    xy: tuple[float, float] | None = None,
    direction: float | None = None,
    taken: str | None = TAKEN,
    colour: tuple[int, int, int] = (90, 140, 60),
    magnetic: bool = False,
    image_format: str = "JPEG",
    textured: bool = False,
    gps_tags: dict | None = None,
) -> Path:
    """A real image with EXIF: time, GPS position of the EPSG:4549 point ``xy``, direction.
    ``textured`` draws a pattern instead of one colour, so that most of the file is
    compressed image data (as in a real photo) rather than headers. ``gps_tags`` replaces
    GPS IFD entries (tag number: value; None leaves the tag out)."""
    exif = Image.Exif()
    if taken:
        exif[0x0132] = "2026:03:05 18:00:00"  # DateTime (file changed): not the one used
        exif[0x8769] = {0x9003: taken, 0x9011: "+08:00"}  # DateTimeOriginal, its offset
    gps = {}
    if xy is not None:
        longitude, latitude = TO_LONLAT.transform(*xy)
        gps.update(
            {
                0: b"\x02\x03\x00\x00",
                1: "N" if latitude >= 0 else "S",
                2: _dms(abs(latitude)),
                3: "E" if longitude >= 0 else "W",
                4: _dms(abs(longitude)),
            }
        )
    if direction is not None:
        gps.update({16: "M" if magnetic else "T", 17: _rational(direction, 100)})
    for tag, value in (gps_tags or {}).items():
        if value is None:
            gps.pop(tag, None)
        else:
            gps[tag] = value
    if gps:
        exif[0x8825] = gps
    path.parent.mkdir(parents=True, exist_ok=True)
    image = Image.new("RGB", (64, 48), colour)
    if textured:
        image.putdata(
            [
                ((x * 37 + y * 11) % 256, (x * y) % 256, (x ^ y) * 4 % 256)
                for y in range(48)
                for x in range(64)
            ]
        )
    image.save(path, format=image_format, exif=exif.tobytes())
    return path


def truncated(source: Path, target: Path, keep: int) -> Path:
    """The first ``keep`` bytes of ``source``: a copy that stopped half-way."""
    target.write_bytes(source.read_bytes()[:keep])
    return target
