"""The accountability list (追责问责清单) of a period: every rule of seeds 000–004 broken,
which unit answers for it, who (直接责任 / 领导责任), and how late.

Each provider is a module with ``breaches(store, start, end, today) -> list[Breach]``
(``breaches.py``). Adding one is one line in ``PROVIDERS``.
"""

from __future__ import annotations

import datetime

from . import errors, notifications, patrol_reports, problem_items, revisits, stops, transfers
from .breaches import Breach
from .errors import N_

PROVIDERS = (
    stops,
    notifications,
    transfers,
    revisits,
    problem_items,
    patrol_reports,
)


def period_bounds(period: str) -> tuple[datetime.date, datetime.date]:
    """The first and last day of a period 'YYYY-MM'; InvalidRecord otherwise."""
    try:
        return patrol_reports.month_bounds(str(period or "").strip())
    except ValueError:
        raise errors.InvalidRecord(
            record=str(period), reason=N_("a period is written YYYY-MM, e.g. 2026-10")
        ) from None


def _order(breach: Breach) -> tuple:
    return (
        breach.township or "",
        breach.due or datetime.date.max,
        breach.record,
        breach.source,
        breach.unit,
    )


def accountability(store, start, end, today=None, providers=PROVIDERS) -> list[Breach]:
    """Every breach the providers report for the period, by township, due date, record."""
    today = today or datetime.date.today()
    found: list[Breach] = []
    for provider in providers:
        found += provider.breaches(store, start, end, today)
    return sorted(found, key=_order)


def by_township(found: list[Breach]) -> dict[str, list[Breach]]:
    """The list per township (未注明乡镇 for a record without one), in the list's order."""
    grouped: dict[str, list[Breach]] = {}
    for breach in found:
        grouped.setdefault(breach.township or "未注明乡镇", []).append(breach)
    return grouped
