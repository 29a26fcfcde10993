"""Looking at a source's files before QGIS opens them (plain Python, nothing opened that is
not a regular file): special files refused, a folder or zip with several layers named, a
shapefile's .dbf checked against its .shp, GeoJSON checked to be UTF-8."""

from __future__ import annotations

import os
import sqlite3
import stat
import struct
import zipfile
from pathlib import Path

from ..cases.errors import N_, LandCaseError

LAYER_SUFFIXES = (".shp", ".gpkg", ".geojson", ".json")


class SourceError(LandCaseError):
    """The source cannot be read; ``reason`` is an N_-marked template."""

    template = "{source}: {reason}"

    def __init__(self, source: str, reason: str, **params):
        self.source, self.reason = source, reason
        super().__init__(**params)

    def filled_params(self, translate) -> dict:
        # ``params`` fill the reason only
        return {"source": self.source, "reason": translate(self.reason).format(**self.params)}


class SeveralLayers(SourceError):
    """The folder, zip or GeoPackage holds several layers: the user names one."""

    def __init__(self, source: str, layers: list[str]):
        super().__init__(
            source,
            N_("it holds several layers ({layers}); choose the one to import"),
            layers=", ".join(layers),
        )
        self.layers = layers


def check_regular(path: Path) -> None:
    """Refuse FIFOs, devices and sockets without opening them (a FIFO would block)."""
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        raise SourceError(str(path), N_("the file does not exist")) from None
    except OSError:
        raise SourceError(str(path), N_("the file cannot be read; check its permissions")) from None
    if not (stat.S_ISREG(mode) or stat.S_ISDIR(mode)):
        raise SourceError(
            str(path),
            N_(
                "it is not a regular file (a pipe, device or socket) and was not opened; "
                "choose the batch's file itself"
            ),
        )


def folder_layer(folder: Path, layer_name: str | None) -> Path:
    """The one layer file in ``folder`` (or the one named ``layer_name``)."""
    candidates = sorted(
        p
        for p in folder.iterdir()
        if p.suffix.lower() in LAYER_SUFFIXES and not p.name.startswith(".")
    )
    if layer_name:
        for candidate in candidates:
            if layer_name in (candidate.name, candidate.stem):
                check_regular(candidate)
                return candidate
    if not candidates:
        raise SourceError(str(folder), N_("the folder holds no shapefile, GeoPackage or GeoJSON"))
    if len(candidates) > 1:
        raise SeveralLayers(str(folder), [p.name for p in candidates])
    check_regular(candidates[0])
    return candidates[0]


def zip_member(archive: Path, layer_name: str | None = None) -> str:
    """The layer file inside a zip, also in a subfolder; macOS resource forks ignored."""
    try:
        with zipfile.ZipFile(archive) as handle:
            names = [
                n
                for n in handle.namelist()
                if n.lower().endswith(LAYER_SUFFIXES)
                and not n.startswith("__MACOSX/")
                and not Path(n).name.startswith("._")
            ]
    except (zipfile.BadZipFile, OSError):
        raise SourceError(
            str(archive), N_("it is not a readable zip file; ask the issuer for a new copy")
        ) from None
    if layer_name:
        for name in names:
            if layer_name in (name, Path(name).name, Path(name).stem):
                return name
    if not names:
        raise SourceError(
            str(archive), N_("the zip file holds no shapefile, GeoPackage or GeoJSON")
        )
    if len(names) > 1:
        raise SeveralLayers(str(archive), sorted(names))
    return names[0]


def geopackage_layers(path: Path) -> list[str]:
    """The feature tables of a GeoPackage (empty when it cannot be read as one)."""
    try:
        db = sqlite3.connect(f"file:{path.resolve()}?mode=ro", uri=True)
        try:
            rows = db.execute(
                "SELECT table_name FROM gpkg_contents WHERE data_type = 'features' "
                "ORDER BY table_name"
            ).fetchall()
        finally:
            db.close()
    except sqlite3.Error:
        return []
    return [row[0] for row in rows]


def dbf_records(source: str, data: bytes) -> int:
    """The number of complete records in a .dbf; a damaged header is refused."""
    damaged = N_(
        "its .dbf (the attribute table) is damaged: {detail}; ask the issuer for a new copy"
    )
    if len(data) < 32:
        raise SourceError(source, damaged, detail=f"{len(data)} bytes, a header needs 32")
    records, header_size, record_size = struct.unpack("<IHH", data[4:12])
    if header_size < 33 or header_size > len(data) or record_size < 1:
        raise SourceError(source, damaged, detail=f"the header is cut short ({len(data)} bytes)")
    if data[header_size - 1] != 0x0D:
        raise SourceError(source, damaged, detail="the field list does not end where it should")
    complete = (len(data) - header_size) // record_size
    return min(records, complete)


def shape_count(shp: bytes, shx: bytes | None) -> int:
    """The number of shapes in a .shp: from the .shx when there is one, else walked."""
    if shx is not None and len(shx) >= 100:
        return (len(shx) - 100) // 8
    count, offset = 0, 100
    while offset + 8 <= len(shp):
        (length,) = struct.unpack(">i", shp[offset + 4 : offset + 8])
        offset += 8 + 2 * length
        count += 1
    return count


def shapefile_parts(path: Path, member: str | None) -> dict[str, bytes | None]:
    """The bytes of the .shp, .shx, .dbf and .cpg beside each other (in a folder or zip)."""
    suffixes = (".shp", ".shx", ".dbf", ".cpg")
    parts: dict[str, bytes | None] = dict.fromkeys(suffixes)
    if member is None:
        siblings = {p.name.lower(): p for p in path.parent.iterdir()}
        for suffix in suffixes:
            sibling = siblings.get((path.stem + suffix).lower())
            if sibling is not None:
                check_regular(sibling)
                if suffix != ".shp" or siblings.get((path.stem + ".shx").lower()) is None:
                    parts[suffix] = sibling.read_bytes()  # the .shp only to count its shapes
        return parts
    with zipfile.ZipFile(path) as handle:
        names = {n.lower(): n for n in handle.namelist()}
        stem = member[: -len(".shp")]
        for suffix in suffixes:
            name = names.get((stem + suffix).lower())
            if name is not None:
                parts[suffix] = handle.read(name)
    return parts


def check_shapefile(source: str, parts: dict[str, bytes | None]) -> tuple[int, int]:
    """(shapes, records) of a shapefile; refused when its .dbf is missing or damaged."""
    if parts[".dbf"] is None:
        raise SourceError(
            source,
            N_(
                "its .dbf (the attribute table with 监测编号) is missing; copy the .dbf of the "
                "same name beside the .shp and import again"
            ),
        )
    records = dbf_records(source, parts[".dbf"])
    shapes = shape_count(parts[".shp"] or b"", parts[".shx"])
    return shapes, records


def check_geojson_text(source: str, data: bytes) -> None:
    """GeoJSON is UTF-8 by its standard (RFC 7946): a file in a legacy encoding is refused."""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        raise SourceError(
            source,
            N_(
                "it is not in UTF-8, the encoding GeoJSON must use (probably GBK or another "
                "legacy encoding); save it again as UTF-8 and import it"
            ),
        ) from None
