"""Reading back what a LandCase PDF was made from, to replace a file only when needed.

The builders write the case hash into the PDF's Subject and Keywords
(``LANDCASE case_hash=<hash> …``); reportlab keeps the document information dictionary
uncompressed, so the hash is found in the file's bytes without a PDF library.
"""

from __future__ import annotations

import os
import re

_CASE_HASH = re.compile(rb"case_hash=([0-9a-f]{6,64})")
_TAIL = 64 * 1024


def read_case_hash(pdf_path: str | os.PathLike) -> str | None:
    """The case hash stored in a LandCase PDF, or None (no file, another PDF)."""
    try:
        size = os.path.getsize(pdf_path)
        with open(pdf_path, "rb") as f:
            if size > _TAIL:  # the information dictionary is near the end: look there first
                f.seek(size - _TAIL)
                match = _CASE_HASH.search(f.read())
                if match:
                    return match.group(1).decode("ascii")
                f.seek(0)
            match = _CASE_HASH.search(f.read())
    except OSError:
        return None
    return match.group(1).decode("ascii") if match else None


def should_rebuild(existing_pdf: str | os.PathLike, case_hash: str) -> bool:
    """True when ``existing_pdf`` is missing, unreadable, not a LandCase PDF or made from
    other case data than ``case_hash``."""
    return read_case_hash(existing_pdf) != case_hash
