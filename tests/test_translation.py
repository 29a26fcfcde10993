"""Every user-facing string has a finished Chinese translation with the same placeholders."""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
from i18n import TS_FILE, read_ts, source_strings  # noqa: E402

PLACEHOLDER = re.compile(r"\{(\w+)(?::[^}]*)?\}")
CJK = re.compile(r"[\u4e00-\u9fff]")


def test_strings_are_found_in_the_code():
    strings = source_strings()
    assert "New case database…" in strings and "Open case database…" in strings
    assert any("newer LandCase" in s for s in strings)  # error templates are included
    assert len(strings) > 40


def test_every_string_has_a_finished_chinese_translation():
    translations = read_ts()
    missing = {s: where for s, where in source_strings().items() if not translations.get(s)}
    assert not missing, "untranslated (run tools/i18n.py, then translate):\n" + "\n".join(
        f"{where}: {s}" for s, where in missing.items()
    )


def test_translations_keep_the_placeholders_and_are_chinese():
    translations = read_ts()
    for source in source_strings():
        translated = translations[source]
        assert set(PLACEHOLDER.findall(translated)) == set(PLACEHOLDER.findall(source)), source
        if re.search(r"[A-Za-z]", PLACEHOLDER.sub("", source)):  # words, not just a format
            assert CJK.search(translated), source


def test_the_compiled_translation_exists():
    qm = TS_FILE.with_suffix(".qm")
    assert qm.exists() and qm.stat().st_mtime >= TS_FILE.stat().st_mtime, "run make translations"
