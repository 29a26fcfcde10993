"""Rules defined once: a second copy of the 亩 factor or of half-up rounding outside
cases/areas.py fails here (code only; comments and strings may name the rule)."""

from __future__ import annotations

import io
import tokenize
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ROOMS = ("cases", "layers", "forms", "reports", "plugin", "toolbelt")
# 1 亩 = 10000/15 m² = 666.67 m²; 1 m² = 0.0015 亩 (as the tokens a copy would be written in)
FACTOR_NUMBERS = {"666.67", "666.6667", "666.666", "666.6", "0.0015", "0.15"}
FACTOR_SPANS = {("10000", "/", "15"), ("10_000", "/", "15"), ("2000", "/", "3")}


def _code_tokens(path: Path) -> list[str]:
    tokens = tokenize.generate_tokens(io.StringIO(path.read_text(encoding="utf-8")).readline)
    skip = (tokenize.COMMENT, tokenize.STRING, tokenize.NL, tokenize.NEWLINE)
    return [t.string for t in tokens if t.type not in skip and t.string.strip()]


def _copies(path: Path) -> list[str]:
    tokens = _code_tokens(path)
    found = [t for t in tokens if t in FACTOR_NUMBERS or t == "ROUND_HALF_UP"]
    found += ["".join(span) for span in zip(tokens, tokens[1:], tokens[2:]) if span in FACTOR_SPANS]
    return found


def test_the_mu_factor_and_half_up_rounding_live_only_in_cases_areas():
    copies = {
        str(path.relative_to(ROOT)): found
        for room in ROOMS
        for path in sorted((ROOT / room).rglob("*.py"))
        if path != ROOT / "cases" / "areas.py" and (found := _copies(path))
    }
    assert copies == {}


def test_the_check_sees_a_copy(tmp_path):
    copy = tmp_path / "copy.py"
    copy.write_text('"""1 亩 = 666.67 m²"""\nMU = 10_000 / 15  # 0.0015\nHALF = ROUND_HALF_UP\n')
    assert _copies(copy) == ["ROUND_HALF_UP", "10_000/15"]


def test_areas_itself_holds_the_rule():
    from landcase.cases import areas

    assert areas.official_mu(670.0) == 1.01  # 670 × 15 / 10000 = 1.005 exactly, half up
    assert areas.mu_to_m2(1.5) == 1000.0  # 1.5 × 10000 / 15
    assert areas.half_up(2.5, 0) == 3 and areas.rounded(0.125) == 0.13  # ties go up
    assert areas.mu_definition_text() == "1 亩 = 666.67 m²"


def test_the_other_rules_defined_once():
    from landcase.cases.deadlines import DUE_SOON_DAYS
    from landcase.cases.landuse_codes import is_cropland
    from landcase.cases.overlay_roles import highlight_colour
    from landcase.cases.photos import PURPOSES

    assert DUE_SOON_DAYS == 7
    assert [is_cropland(c) for c in ("0101", "0103", "0100", "0201", "", None)] == [
        True,
        True,
        False,  # starts with 01 but is no 三调 code
        False,
        False,
        False,
    ]
    assert highlight_colour("landuse", "0102") == "#f9a825"  # 耕地
    assert highlight_colour("landuse", "0301") is None  # other land use is not highlighted
    assert highlight_colour("farmland") == "#2e7d32"
    assert PURPOSES == ("核查", "复核")
