"""The batch corpus's expected outcomes, its inputs' cells and the shapefile input with
an anchor at row 1 and the subject at row 2 (see tests/test_batch_corpus.py)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from batch_files import square, write_shapefile
from osgeo import ogr

from landcase.cases.intake import REJECTED

ogr.UseExceptions()
NAN, INF = float("nan"), float("inf")
FIELDS = [("JCBH", 20), ("XZMC", 60), ("QSX", 30), ("HSX", 30), ("BZ", 80)]


# -- expected outcomes ---------------------------------------------------------------


@dataclass(frozen=True)
class Stored:
    """The subject (row 2) is stored with these plot columns."""

    values: dict
    row: int = 2
    kind: str | None = None  # an issue of this kind is also reported for it (repaired …)


@dataclass(frozen=True)
class Refused:
    """Row ``row`` is refused; its reason holds every one of ``words``."""

    words: tuple[str, ...]
    row: int = 2
    kind: str = REJECTED


@dataclass(frozen=True)
class Rows:
    """Several rows of one input, each with its outcome (a .dbf shorter than its .shp)."""

    outcomes: tuple


@dataclass(frozen=True)
class SourceRefused:
    """The source is refused before anything is read: the message names the file and holds
    every one of ``words``."""

    words: tuple[str, ...]
    several: tuple[str, ...] = ()  # the layers a SeveralLayers refusal names
    names: str | None = None  # the file the message names, when not the one opened


@dataclass(frozen=True)
class BatchRefused:
    words: tuple[str, ...]


@dataclass
class Case:
    name: str
    build: Callable[[Path, int], Path]  # (folder, cell) → the path to open
    outcome: object
    received: str | None = "2026-02-10"
    received_stored: str | None = None  # the batch's received_date as stored
    jcbh: dict = field(default_factory=dict)


def cell(n: int) -> tuple[float, float]:
    """The corner of input ``n``'s own 10 km × 40 km cell, within 120°E ± 1.8° at 27–31°N:
    x = 320,000 + (n mod 36) × 10,000; y = 3,000,000 + (n div 36) × 40,000."""
    return 320_000.0 + (n % 36) * 10_000.0, 3_000_000.0 + (n // 36) * 40_000.0


def text(value: str, encoding: str = "utf-8") -> bytes:
    return value.encode(encoding)


def record(jcbh: str, township="镇", qsx="", hsx="", bz="", encoding="utf-8") -> list[bytes]:
    return [text(v, encoding) for v in (jcbh, township, qsx, hsx, bz)]


def shapefile_case(
    name,
    subject_rings,
    subject_record=None,
    outcome=None,
    encoding="utf-8",
    cpg="UTF-8",
    z=False,
    anchor_township="镇",
    **kwargs,
):
    """An input: a shapefile with the anchor at row 1 and the subject at row 2."""

    def build(folder: Path, n: int) -> Path:
        x, y = cell(n)
        rings = subject_rings(x, y) if callable(subject_rings) else subject_rings
        anchor_ring = square(x, y)
        if z:
            anchor_ring = [[(px, py, 1.0) for px, py in ring] for ring in anchor_ring]
        values = subject_record or {}
        return write_shapefile(
            folder / f"{name}.shp",
            [anchor_ring, rings],
            FIELDS,
            [
                record(f"A{n}", anchor_township, encoding=encoding),
                record(f"S{n}", encoding=encoding, **values),
            ],
            cpg=cpg,
            z=z,
        )

    return Case(name, build, outcome, **kwargs)


def beside(dx=100.0, side=50.0):
    """A square ``side`` m wide, ``dx`` m east of the anchor."""
    return lambda x, y: square(x + dx, y, side)
