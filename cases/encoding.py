"""Which text encoding a shapefile's DBF uses: the .cpg when there is one, else a guess
from the bytes (GBK/GB18030 versus UTF-8), because issued batches often come without."""

from __future__ import annotations

import codecs
import struct
from dataclasses import dataclass
from pathlib import Path

# .cpg contents seen in the wild → Python codec names
_CPG_NAMES = {
    "936": "GBK",
    "cp936": "GBK",
    "gbk": "GBK",
    "gb2312": "GBK",  # GBK is a superset; GB2312 files decode the same
    "gb18030": "GB18030",
    "utf-8": "UTF-8",
    "utf8": "UTF-8",
    "65001": "UTF-8",
    "big5": "BIG5",
    "950": "BIG5",
}
# DBF language driver ids (byte 29 of the header) that name an encoding
_LDID = {0x4D: "GBK", 0x7A: "GBK", 0x78: "BIG5"}


@dataclass(frozen=True)
class EncodingGuess:
    encoding: str
    reason: str  # how it was decided, for the import report


def normalise(name: str) -> str:
    """A codec name as GDAL and QGIS expect it ('GBK', 'UTF-8', …); unknown names are
    refused, so that a typo is not silently read as Latin-1."""
    key = name.strip().lower().replace("_", "-")
    if key in _CPG_NAMES:
        return _CPG_NAMES[key]
    try:
        return codecs.lookup(key).name.upper()
    except LookupError as exc:
        raise ValueError(f"unknown text encoding: {name}") from exc


def _text_bytes(dbf: bytes) -> bytes:
    """The bytes of the character fields of every record (the only place text lives)."""
    if len(dbf) < 32:
        return b""
    records, header_size, record_size = struct.unpack("<IHH", dbf[4:12])
    fields, offset = [], 1  # each record starts with its deletion flag
    for start in range(32, header_size - 1, 32):
        descriptor = dbf[start : start + 32]
        if not descriptor or descriptor[0] == 0x0D:
            break
        kind, size = chr(descriptor[11]), descriptor[16]
        if kind == "C":
            fields.append((offset, size))
        offset += size
    chunks = []
    for number in range(records):
        record = dbf[header_size + number * record_size : header_size + (number + 1) * record_size]
        chunks.extend(record[o : o + s] for o, s in fields)
    return b"\n".join(chunks)


def detect_dbf_encoding(dbf_path: Path, dbf_bytes: bytes | None = None, cpg: str | None = None):
    """Decide the encoding of a DBF. ``dbf_bytes``/``cpg`` let a caller pass what it read
    from a zip; otherwise the files beside ``dbf_path`` are read."""
    dbf_path = Path(dbf_path)
    if cpg is None:
        cpg_file = dbf_path.with_suffix(".cpg")
        if not cpg_file.exists():
            cpg_file = dbf_path.with_suffix(".CPG")
        if cpg_file.exists():
            cpg = cpg_file.read_text(encoding="ascii", errors="replace")
    if cpg and cpg.strip():
        try:
            return EncodingGuess(normalise(cpg), "cpg")
        except ValueError:
            pass  # an unreadable .cpg: fall back to the bytes
    data = dbf_bytes if dbf_bytes is not None else dbf_path.read_bytes()
    text = _text_bytes(data)
    if not any(byte > 0x7F for byte in text):
        return EncodingGuess("UTF-8", "ascii")
    try:
        text.decode("utf-8")
        return EncodingGuess("UTF-8", "utf-8 bytes")
    except UnicodeDecodeError:
        pass
    if len(data) > 29 and data[29] in _LDID:
        return EncodingGuess(_LDID[data[29]], "language driver id")
    try:
        text.decode("gbk")
        return EncodingGuess("GBK", "gbk bytes")
    except UnicodeDecodeError:
        pass
    try:
        text.decode("gb18030")
        return EncodingGuess("GB18030", "gb18030 bytes")
    except UnicodeDecodeError:
        return EncodingGuess("GB18030", "undecidable; gb18030 assumed")
