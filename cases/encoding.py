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
    reason: str  # how it was decided, for the import report (see ``reason_text``)


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
        if len(descriptor) < 32 or descriptor[0] == 0x0D:
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
    data = dbf_bytes if dbf_bytes is not None else dbf_path.read_bytes()
    text = _text_bytes(data)
    claimed = None
    if cpg and cpg.strip():
        try:
            claimed = normalise(cpg)
        except ValueError:
            claimed = None  # an unreadable .cpg: decide from the bytes
        else:
            if _decodes(text, claimed):
                return EncodingGuess(claimed, "cpg")
    guess = _from_bytes(data, text)
    if claimed is not None:  # the .cpg names an encoding the text is not in
        return EncodingGuess(guess.encoding, f"cpg {claimed} wrong; {guess.reason}")
    return guess


def _decodes(text: bytes, encoding: str) -> bool:
    try:
        text.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return False
    return True


def _from_bytes(data: bytes, text: bytes) -> EncodingGuess:
    if not any(byte > 0x7F for byte in text):
        return EncodingGuess("UTF-8", "ascii")
    if _decodes(text, "utf-8"):
        return EncodingGuess("UTF-8", "utf-8 bytes")
    if len(data) > 29 and data[29] in _LDID and _decodes(text, _LDID[data[29]]):
        return EncodingGuess(_LDID[data[29]], "language driver id")
    scores = {name: _common_share(text, name) for name in _CANDIDATES}
    readable = [name for name in _CANDIDATES if scores[name] is not None]
    if readable:
        best = max(readable, key=lambda name: (scores[name], -_CANDIDATES.index(name)))
        return EncodingGuess(best, f"{best.lower()} bytes")
    raise UndecidableEncoding()


# Read in the right encoding, the names and remarks of a batch are common Chinese
# characters: the hanzi of GB 2312 for GBK and GB18030, Big5's common hanzi (lead bytes
# A4–C6) for Big5. Read in the wrong one, the same bytes give rare characters, kana and
# symbols. The encoding whose reading has the larger share of common hanzi wins; on a tie
# GBK, then GB18030, then Big5.
_CANDIDATES = ("GBK", "GB18030", "BIG5")


def _common_share(text: bytes, encoding: str) -> float | None:
    """Share of the non-ASCII characters that are common hanzi for ``encoding``, when the
    bytes decode in it; None when they do not."""
    try:
        decoded = text.decode(encoding)
    except UnicodeDecodeError:
        return None
    wide = [ch for ch in decoded if ord(ch) > 0x7F]
    if not wide:
        return 1.0
    common = 0
    for ch in wide:
        if not 0x4E00 <= ord(ch) <= 0x9FFF:
            continue
        try:
            encoded = ch.encode("big5" if encoding == "BIG5" else "gb2312")
        except UnicodeEncodeError:
            continue
        common += encoding != "BIG5" or 0xA4 <= encoded[0] <= 0xC6
    return common / len(wide)


class UndecidableEncoding(ValueError):
    """The text of the DBF is in no encoding LandCase reads (UTF-8, GBK, GB18030, Big5)."""


_REASONS_ZH = {
    "cpg": "按 .cpg 文件所写",
    "user": "按用户指定",
    "ascii": "文本均为 ASCII 字符，任何编码读法相同",
    "utf-8 bytes": "文本字节符合 UTF-8",
    "language driver id": "按 DBF 文件头的语言驱动标识",
    "gbk bytes": "无可用的 .cpg，文本字节按 GBK 读取常用汉字比例最高",
    "big5 bytes": "无可用的 .cpg，文本字节按 Big5 读取常用汉字比例最高（繁体）",
    "gb18030 bytes": "无可用的 .cpg，文本字节按 GB18030 读取常用汉字比例最高（含 GBK 以外的字符）",
}


def reason_text(reason: str | None) -> str:
    """How the encoding was decided, in Chinese, for the import report."""
    if not reason:
        return ""
    if reason.startswith("cpg ") and " wrong; " in reason:
        claimed, rest = reason[4:].split(" wrong; ", 1)
        return f".cpg 文件写的是 {claimed}，但文本字节不符合 {claimed}；改为：{reason_text(rest)}"
    return _REASONS_ZH.get(reason, reason)
