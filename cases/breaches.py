"""The one shape in which every accountability rule reports a breach.

Each room that records what seeds 000–004 judge (daily and monthly patrol reports, stopping,
notifications and replies, 问题清单 deadlines …) answers ``breaches(store, start, end,
today)`` with a list of ``Breach``: which rule, whose record, which unit answers for it and
who in it (the seed names the 直接责任 and 领导责任), when it was due, when it was done (None:
not yet), and how late in days. ``accountability.py`` gathers them into the list a county
bureau prints.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass


@dataclass(frozen=True)
class Breach:
    rule: str  # the rule broken, in the seed's words (Chinese, printed as is)
    source: str  # seed and article, e.g. "启政办发〔2020〕32号 二(一)2"
    record: str  # what it is about: 监测编号, clue code, report period, notice number …
    unit: str  # the unit accountable (a village, the station, a department)
    direct: str | None  # who bears the 直接责任 (a role, or the person when recorded)
    leading: str | None  # who bears the 领导责任, where the seed names one
    due: datetime.date | None  # the last day it was due (None for a rule without a date)
    done: datetime.date | None  # when it was done; None when it is still not done
    days_late: int  # days past ``due`` (to ``done`` or to today)
    township: str | None = None
    detail: str | None = None  # a short fact: "1 人制止", "零报缺 3 天"

    @property
    def open(self) -> bool:
        return self.done is None


def days_late(due: datetime.date | None, done: datetime.date | None, today: datetime.date) -> int:
    """Days from ``due`` to ``done`` (or to ``today`` when not done), never below 0."""
    if due is None:
        return 0
    return max(0, ((done or today) - due).days)
