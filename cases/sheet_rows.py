"""Rows of a spreadsheet as stations receive lists: an Excel workbook (.xlsx, its first
sheet) or a CSV file (UTF-8, or GB18030 as Chinese Excel saves it), the first non-empty
row naming the columns in Chinese.

Each row keeps the number the spreadsheet shows it under (the header is row 1 when the
sheet starts there), so that a refused row is named as the user finds it. Empty rows are
passed over. What a row is refused for is a ``RowProblem``: the file, the row, the reason.
"""

from __future__ import annotations

import csv
import datetime
import math
import re
import zipfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .errors import N_, CaseDatabaseError

EXTENSIONS = (".xlsx", ".xlsm", ".csv")
_SPACES = re.compile(r"[\s\u3000]+")


class SheetUnreadable(CaseDatabaseError):
    template = "{path} cannot be read as a spreadsheet: {reason}"


@dataclass(frozen=True)
class SheetRow:
    row: int  # as the spreadsheet numbers it
    values: dict  # column key -> the cell's value (None when empty)


@dataclass(frozen=True)
class RowProblem:
    """Why a row was left out (or what was done with it): an N_-marked reason."""

    file: str
    row: int
    reason: str
    params: dict = field(default_factory=dict)

    def text(self, translate=lambda s: s) -> str:
        return translate(N_("{file}, row {row}: {reason}")).format(
            file=self.file, row=self.row, reason=translate(self.reason).format(**self.params)
        )


def _key(name) -> str:
    return _SPACES.sub("", str(name or "")).casefold()


def text(value) -> str | None:
    """A cell as text: None when empty; a whole number read as a float without '.0'."""
    if value is None:
        return None
    if isinstance(value, float):
        if math.isnan(value):
            return None
        if value.is_integer():
            value = int(value)
    if isinstance(value, datetime.datetime) and value.time() == datetime.time():
        value = value.date()
    result = str(value).strip()
    return result or None


def _csv_lines(path: Path) -> list[list[str]]:
    data = path.read_bytes()
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            decoded = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        return list(csv.reader(decoded.splitlines()))
    raise SheetUnreadable(path=str(path), reason=N_("its text is neither UTF-8 nor GB18030"))


def _xlsx_lines(path: Path) -> list[tuple]:
    try:  # a feature package (plugin/dependencies.py): a CSV is still read without it
        from openpyxl import load_workbook
        from openpyxl.utils.exceptions import InvalidFileException
    except ImportError:
        raise SheetUnreadable(
            path=str(path),
            reason=N_("Excel workbooks are read with the package openpyxl; save it as CSV"),
        ) from None

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, ValueError):
        raise SheetUnreadable(path=str(path), reason=N_("it is not an Excel workbook")) from None
    try:
        return list(workbook.worksheets[0].iter_rows(values_only=True))
    finally:
        workbook.close()


def read_sheet(
    path, columns: Mapping[str, Sequence[str]], required: Sequence[str]
) -> list[SheetRow]:
    """The rows of ``path`` under the keys of ``columns`` (each key → the column names it
    goes by, compared without spaces and case). A missing ``required`` column, an
    unreadable file or one of another kind raise ``SheetUnreadable``."""
    path = Path(path)
    if path.suffix.lower() not in EXTENSIONS:
        raise SheetUnreadable(path=str(path), reason=N_("only .xlsx and .csv files are read"))
    try:
        lines = _csv_lines(path) if path.suffix.lower() == ".csv" else _xlsx_lines(path)
    except OSError:
        raise SheetUnreadable(path=str(path), reason=N_("the file cannot be opened")) from None
    filled = [(n, line) for n, line in enumerate(lines, start=1) if any(text(v) for v in line)]
    if not filled:
        raise SheetUnreadable(path=str(path), reason=N_("it holds no rows"))
    header = filled[0][1]
    names = {_key(name): index for index, name in enumerate(header) if text(name)}
    where: dict[str, int] = {}
    for key, aliases in columns.items():
        for alias in aliases:
            if _key(alias) in names:
                where[key] = names[_key(alias)]
                break
    missing = [columns[key][0] for key in required if key not in where]
    if missing:
        raise SheetUnreadable(
            path=str(path),
            reason=N_("its first row lacks the columns {columns}"),
            columns="、".join(missing),
        )
    rows = []
    for number, line in filled[1:]:
        cells = {key: (line[i] if i < len(line) else None) for key, i in where.items()}
        rows.append(
            SheetRow(number, {k: v if text(v) is not None else None for k, v in cells.items()})
        )
    return rows
