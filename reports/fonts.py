"""A CJK TrueType font for the reports, found once and registered with reportlab.

reportlab embeds TrueType outlines only (and always as a subset): an OpenType font with
CFF outlines (Noto CJK, Source Han, Hiragino) cannot be used, so every candidate is
checked for a ``glyf`` table before reportlab sees it. The font set in the plugin
settings comes first (``preferred``), then the usual system fonts of Windows, Linux and
macOS. With no usable font the builders raise :class:`FontMissing`, whose message says
which font to install: a PDF whose Chinese text shows as empty boxes is never written.
"""

from __future__ import annotations

import hashlib
import logging
import os
import struct
import sys
import threading
from dataclasses import dataclass
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from ..cases.errors import LandCaseError

log = logging.getLogger(__name__)

# Characters every report prints: a font without them would draw empty boxes.
REQUIRED_CHARS = "卫片执法图斑核查报告销号卷宗目录备考表第页共亩监测编号乡镇村签字日期"

# Known CJK TrueType fonts by file name, best first. Official documents are set in
# 宋体 (SimSun) with 黑体 (SimHei) titles; the Linux and macOS fonts follow.
KNOWN_FONT_FILES = (
    # Windows
    "simsun.ttc",
    "simsun.ttf",
    "simhei.ttf",
    "msyh.ttc",
    "msyh.ttf",
    "simkai.ttf",
    "simfang.ttf",
    # Linux
    "wqy-zenhei.ttc",
    "wqy-microhei.ttc",
    "uming.ttc",
    "ukai.ttc",
    "DroidSansFallbackFull.ttf",
    "DroidSansFallback.ttf",
    # macOS
    "Songti.ttc",
    "STHeiti Light.ttc",
    "STHeiti Medium.ttc",
    "Arial Unicode.ttf",
)
# A real bold face for titles when the body font has none (黑体 is the usual title face).
KNOWN_TITLE_FONT_FILES = ("simhei.ttf",)


def system_font_dirs() -> list[Path]:
    """Folders searched for the known font files on this system."""
    home = Path.home()
    if sys.platform.startswith("win"):
        windir = os.environ.get("WINDIR", r"C:\Windows")
        dirs = [Path(windir) / "Fonts", Path("C:/Windows/Fonts")]
        local = os.environ.get("LOCALAPPDATA")
        if local:
            dirs.append(Path(local) / "Microsoft" / "Windows" / "Fonts")
    elif sys.platform == "darwin":
        dirs = [
            Path("/System/Library/Fonts"),
            Path("/System/Library/Fonts/Supplemental"),
            Path("/Library/Fonts"),
            home / "Library" / "Fonts",
        ]
    else:
        dirs = [
            Path("/usr/share/fonts"),
            Path("/usr/local/share/fonts"),
            home / ".local" / "share" / "fonts",
            home / ".fonts",
        ]
    return dirs


def install_hint() -> str:
    """Which font to install on this system, for the FontMissing message."""
    if sys.platform.startswith("win"):
        return "SimSun (宋体) or SimHei (黑体), which come with Chinese Windows"
    if sys.platform == "darwin":
        return "Arial Unicode or a TrueType Chinese font such as WenQuanYi Zen Hei"
    return (
        "fonts-wqy-zenhei on Debian/Ubuntu (wqy-zenhei-fonts on Fedora), "
        "or SimSun (宋体) on Windows"
    )


class FontMissing(LandCaseError, RuntimeError):
    """No usable CJK TrueType font: the message says which font to install.

    A ``LandCaseError``: the user interface translates it as it does the case store's.
    """

    template = (
        "No Chinese TrueType font was found for the PDF reports. Install {hint}, or set a "
        "TrueType (.ttf/.ttc) Chinese font in the LandCase settings. OpenType fonts with "
        "CFF outlines (.otf, Noto CJK, Source Han) cannot be embedded.{tried}"
    )

    def __init__(self, hint: str, tried: list[str] | None = None):
        tried_text = ""
        if tried:
            tried_text = " Tried: " + "; ".join(tried) + "."
        super().__init__(hint=hint, tried=tried_text)


@dataclass(frozen=True)
class FontSet:
    """The registered fonts: ``regular`` for text, ``bold`` for titles.

    When no separate bold face exists, ``bold`` is the regular face and ``fake_bold``
    asks the title flowables to stroke the outlines (the way word processors embolden).
    """

    regular: str
    bold: str
    fake_bold: bool
    path: str
    subfont_index: int
    face_name: str

    def has_char(self, char: str) -> bool:
        return ord(char) in _char_maps[self.regular] or char in "\n\r\t"

    def clean(self, text: str) -> str:
        """Text with the characters the font lacks replaced by 〓, never an empty box."""
        chars = _char_maps[self.regular]
        if all(ord(c) in chars or c in "\n\r\t" for c in text):
            return text
        missing = "〓" if ord("〓") in chars else "?"
        return "".join(c if ord(c) in chars or c in "\n\r\t" else missing for c in text)


_char_maps: dict[str, frozenset[int]] = {}
_registered: dict[tuple[str, int], tuple[str, frozenset[int], str]] = {}
_lock = threading.Lock()


def truetype_subfonts(path: str | os.PathLike) -> list[int]:
    """Indexes of the subfonts with TrueType outlines ('glyf'): [0] for a .ttf, those of
    a .ttc, [] for a CFF font or a file that is not a font."""
    try:
        with open(path, "rb") as f:
            head = f.read(12)
            if len(head) < 12:
                return []
            if head[:4] == b"ttcf":
                count = struct.unpack(">I", head[8:12])[0]
                offsets = struct.unpack(f">{count}I", f.read(4 * count)) if count < 256 else ()
                return [i for i, offset in enumerate(offsets) if _has_glyf(f, offset)]
            return [0] if _has_glyf(f, 0) else []
    except (OSError, struct.error):
        return []


def _has_glyf(f, offset: int) -> bool:
    f.seek(offset)
    header = f.read(12)
    if len(header) < 12 or header[:4] not in (b"\x00\x01\x00\x00", b"true"):
        return False  # 'OTTO' is CFF
    tables = struct.unpack(">H", header[4:6])[0]
    directory = f.read(16 * tables)
    tags = {directory[i : i + 4] for i in range(0, len(directory), 16)}
    return b"glyf" in tags


def _register(path: str, index: int) -> tuple[str, frozenset[int], str]:
    """Register one subfont with reportlab (once per process); raise ValueError with the
    reason when reportlab cannot use it or it lacks the Chinese characters."""
    key = (os.path.abspath(path), index)
    if key in _registered:
        return _registered[key]
    digest = hashlib.sha1(f"{key[0]}#{index}".encode()).hexdigest()[:8]
    name = f"LandCaseCJK-{digest}"
    try:
        font = TTFont(name, path, subfontIndex=index)
    except Exception as error:  # reportlab raises TTFError and others on CFF or bad files
        raise ValueError(str(error) or type(error).__name__) from error
    chars = frozenset(font.face.charToGlyph)
    lacking = [c for c in REQUIRED_CHARS if ord(c) not in chars]
    if lacking:
        raise ValueError(f"lacks Chinese characters ({''.join(lacking[:5])}…)")
    pdfmetrics.registerFont(font)
    face = font.face.name
    face_name = face.decode("latin-1") if isinstance(face, bytes) else str(face)
    _registered[key] = (name, chars, face_name)
    _char_maps[name] = chars
    return _registered[key]


def _known_files(dirs: list[Path], names: tuple[str, ...]) -> list[Path]:
    """The known font files under ``dirs`` (searched recursively), in ``names`` order."""
    wanted = {n.lower(): rank for rank, n in enumerate(names)}
    found: list[tuple[int, str, Path]] = []
    for folder in dirs:
        if not folder.is_dir():
            continue
        for root, _subdirs, files in os.walk(folder):
            for file in files:
                rank = wanted.get(file.lower())
                if rank is not None:
                    found.append((rank, str(Path(root) / file), Path(root) / file))
    seen: set[str] = set()
    result = []
    for _rank, key, path in sorted(found):
        real = os.path.realpath(key)
        if real not in seen:
            seen.add(real)
            result.append(path)
    return result


def _try_file(path: Path, tried: list[str]) -> tuple[str, int, str] | None:
    indexes = truetype_subfonts(path)
    if not indexes:
        tried.append(f"{path} (not a TrueType font: CFF/OpenType or unreadable)")
        return None
    for index in indexes:
        try:
            name, _chars, face = _register(str(path), index)
            return name, index, face
        except ValueError as error:
            tried.append(f"{path}#{index} ({error})")
    return None


def register_cjk_font(
    preferred: str | os.PathLike | None = None,
    search_dirs: list[str | os.PathLike] | None = None,
) -> FontSet:
    """Find, register (once) and return the report fonts.

    ``preferred`` is the font file set in the plugin settings (optional, a .ttf or .ttc);
    ``search_dirs`` replaces the system font folders (tests point it at an empty folder).
    Raises :class:`FontMissing` when no usable font is found.
    """
    dirs = [Path(d) for d in search_dirs] if search_dirs is not None else system_font_dirs()
    cache_key = (str(preferred or ""), tuple(str(d) for d in dirs))
    with _lock:
        cached = _fontsets.get(cache_key)
        if cached is not None:
            return cached
        tried: list[str] = []
        chosen = None
        if preferred:
            chosen = _try_file(Path(preferred), tried)
            if chosen is None:
                log.warning("The report font %s cannot be used; searching the system", preferred)
        candidates = _known_files(dirs, KNOWN_FONT_FILES) if chosen is None else []
        for path in candidates:
            chosen = _try_file(path, tried)
            if chosen is not None:
                preferred = path
                break
        if chosen is None:
            if not tried:
                tried.append("no known font file in " + ", ".join(str(d) for d in dirs))
            raise FontMissing(install_hint(), tried)
        name, index, face = chosen
        bold, fake_bold = name, True
        for title_path in _known_files(dirs, KNOWN_TITLE_FONT_FILES):
            if os.path.realpath(title_path) == os.path.realpath(str(preferred)):
                break
            title = _try_file(title_path, [])
            if title is not None:
                bold, fake_bold = title[0], False
                break
        pdfmetrics.registerFontFamily(name, normal=name, bold=bold, italic=name, boldItalic=bold)
        fontset = FontSet(
            regular=name,
            bold=bold,
            fake_bold=fake_bold,
            path=str(preferred),
            subfont_index=index,
            face_name=face,
        )
        _fontsets[cache_key] = fontset
        log.debug("Report font: %s (%s#%d)", face, preferred, index)
        return fontset


_fontsets: dict[tuple, FontSet] = {}
