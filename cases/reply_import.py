"""Replies to notifications from a spreadsheet (.xlsx or .csv), one row per reply:
文号, 接收单位, 回复日期 and optionally 回复内容, 回复人. Recorded whole in one transaction,
or not at all: a row that cannot be recorded is refused naming its row number."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from . import errors
from .errors import N_
from .notifications import apply_reply

NUMBER, RECIPIENT, REPLIED_ON, TEXT, BY = "文号", "接收单位", "回复日期", "回复内容", "回复人"
REQUIRED = (NUMBER, RECIPIENT, REPLIED_ON)


def read_reply_rows(path: str | Path) -> list[dict]:
    """The rows of the sheet as text (empty cells as None)."""
    path = Path(path)
    try:
        if path.suffix.lower() == ".csv":
            frame = pd.read_csv(path, dtype=str, encoding="utf-8-sig")
        else:
            frame = pd.read_excel(path, dtype=str)
    except (OSError, ValueError) as exc:
        raise errors.InvalidRecord(
            record=path.name,
            reason=N_(
                "the spreadsheet cannot be read: it is not an .xlsx or .csv file, or another "
                "program holds it open"
            ),
        ) from exc
    frame.columns = [str(c).strip() for c in frame.columns]
    missing = [c for c in REQUIRED if c not in frame.columns]
    if missing:
        raise errors.InvalidRecord(
            record=path.name, reason=N_("the columns {value} are missing"), value="、".join(missing)
        )
    frame = frame.astype(object).where(frame.notna(), None)
    return [
        {k: (str(v).strip() or None) if v is not None else None for k, v in row.items()}
        for row in frame.to_dict("records")
    ]


def import_replies(store, path: str | Path) -> int:
    """Record every reply of the sheet; the number recorded."""
    rows = [r for r in read_reply_rows(path) if any(r.get(c) for c in REQUIRED)]
    with store.transaction() as db:
        for line, row in enumerate(rows, start=2):  # row 1 holds the headers
            found = db.execute(
                "SELECT id FROM notification WHERE number = ?", (row.get(NUMBER) or "",)
            ).fetchone()
            if found is None:
                raise errors.InvalidRecord(
                    record=f"第{line}行", reason=N_("there is no notification numbered {value}"),
                    value=row.get(NUMBER),
                )  # fmt: skip
            try:
                apply_reply(db, found[0], row.get(RECIPIENT) or "", row.get(REPLIED_ON),
                            row.get(TEXT), row.get(BY))  # fmt: skip
            except errors.InvalidRecord as exc:
                params = {**exc.params, "record": f"第{line}行 {exc.params.get('record', '')}"}
                raise errors.InvalidRecord(**params) from exc
    return len(rows)
