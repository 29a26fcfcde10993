"""The user-facing strings of the plugin and its zh_CN translation file.

`python tools/i18n.py` adds new strings to resources/i18n/landcase_zh_CN.ts (as
unfinished) and leaves out strings no longer used; translators then fill them in
(Qt Linguist, or by hand). The test suite uses ``source_strings`` and ``read_ts`` to fail
when a string has no finished Chinese translation.

Strings are found as literal arguments of ``tr(...)`` and ``N_(...)`` and as the ``template`` class
attributes of the case database's errors (the forms translate those).
"""

from __future__ import annotations

import ast
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("plugin", "forms", "layers", "reports", "toolbelt", "cases")
TS_FILE = ROOT / "resources" / "i18n" / "landcase_zh_CN.ts"
CONTEXT = "LandCase"


def _python_files():
    for package in PACKAGES:
        yield from sorted((ROOT / package).rglob("*.py"))


def source_strings() -> dict[str, str]:
    """Every user-facing string, with the first place it is used."""
    found: dict[str, str] = {}
    for path in _python_files():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            text = None
            if (
                isinstance(node, ast.Call)
                and getattr(node.func, "id", getattr(node.func, "attr", None)) in ("tr", "N_")
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)
            ):
                text = node.args[0].value
            elif (
                isinstance(node, ast.Assign)
                and [getattr(t, "id", None) for t in node.targets] == ["template"]
                and isinstance(node.value, ast.Constant)
            ):
                text = node.value.value
            if text is not None:
                found.setdefault(text, f"{path.relative_to(ROOT)}:{node.lineno}")
    return found


def read_ts(path: Path = TS_FILE) -> dict[str, str | None]:
    """source → finished translation, or None when unfinished, empty or obsolete."""
    result: dict[str, str | None] = {}
    if not path.exists():
        return result
    for message in ET.parse(path).getroot().iter("message"):
        source = message.findtext("source")
        translation = message.find("translation")
        finished = (
            translation is not None
            and translation.get("type") not in ("unfinished", "obsolete", "vanished")
            and (translation.text or "").strip()
        )
        result[source] = translation.text if finished else None
    return result


def write_ts(translations: dict[str, str | None], path: Path = TS_FILE) -> None:
    used = source_strings()
    root = ET.Element("TS", version="2.1", language="zh_CN")
    context = ET.SubElement(root, "context")
    ET.SubElement(context, "name").text = CONTEXT
    # Strings no longer used are left out (git keeps their translations).
    for source in sorted(used):
        message = ET.SubElement(context, "message")
        file_name, line = used[source].rsplit(":", 1)
        ET.SubElement(message, "location", filename=f"../../{file_name}", line=line)
        ET.SubElement(message, "source").text = source
        element = ET.SubElement(message, "translation")
        text = translations.get(source)
        if text:
            element.text = text
        else:
            element.set("type", "unfinished")
    ET.indent(root)
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8") as handle:
        handle.write('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n')
        handle.write(ET.tostring(root, encoding="unicode"))
        handle.write("\n")


if __name__ == "__main__":
    current = read_ts()
    write_ts(current)
    missing = [s for s in source_strings() if not current.get(s)]
    print(f"{len(source_strings())} strings, {len(missing)} without a translation")
    for source in missing:
        print("  ", source)
    sys.exit(0)
