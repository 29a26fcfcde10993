"""移送: a filed case handed on to 公安 (刑行衔接, suspected crime) or 纪委监委 (行纪衔接,
officials' misconduct), recorded BESIDE the case: the workflow keeps the case 已立案 (or
wherever it goes next) and the station keeps investigating; a transfer is not a status.

应移送未移送 (seed 002 二(三)5: "应移送未移送纪委监委或公安部门的，追究市自然资源部门相关
责任人的直接责任、分管执法监察负责人的重要领导责任以及主要负责人的主要领导责任"): a filed
case whose current determination is 违法 and whose overlay shows an occupation of farmland
reaching the threshold of the crime of 非法占用农用地 (《刑法》第三百四十二条), without a
transfer to 公安. The threshold is 最高人民法院《关于审理破坏土地资源刑事案件具体应用法律
若干问题的解释》(法释〔2000〕14号) 第三条(一): "非法占用基本农田五亩以上或者非法占用基本农田
以外的耕地十亩以上". From the overlay (``overlay_records``): 基本农田 is the plot ∩ 永久基本
农田 (role ``farmland``); 基本农田以外的耕地 is read as 耕地 (role ``cropland``) less that,
a lower bound of the true figure (the overlay does not store 耕地 ∩ 永久基本农田), so a case
is never flagged on a figure larger than the plot's. Both in official 亩 (``areas``), from
the ellipsoidal areas; a role not compared flags nothing. A case not filed yet is first a
matter of 应查处未查处. Obstruction of officers (妨害公务) also goes to 公安; the stop
records hold no such flag yet, so it is not part of this list.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal

from . import errors
from .areas import official_mu_decimal
from .breaches import Breach
from .determination_codes import ILLEGAL
from .errors import N_
from .record_checks import iso_date

RECEIVERS = ("公安", "纪委监委")
POLICE = "公安"
# 法释〔2000〕14号 第三条(一)
FARMLAND_THRESHOLD_MU = Decimal(5)
OTHER_CROPLAND_THRESHOLD_MU = Decimal(10)
SOURCE = "启政办发〔2020〕32号 二(三)5"
RULE = "应移送未移送纪委监委或公安部门"
DIRECT = "市自然资源部门相关责任人"
LEADING = "分管执法监察负责人（重要领导责任）、主要负责人（主要领导责任）"
UNIT = "市自然资源局"


@dataclass(frozen=True)
class Transfer:
    id: int
    jcbh: str
    receiver: str
    transferred_on: str
    number: str | None
    reason: str | None
    accepted_on: str | None
    note: str | None


@dataclass(frozen=True)
class ShouldTransfer:
    jcbh: str
    township: str | None
    filed_on: str
    farmland_mu: Decimal | None  # 永久基本农田 occupied (None: not compared)
    other_cropland_mu: Decimal | None  # 耕地 less 永久基本农田 (a lower bound)

    @property
    def reason(self) -> str:
        parts = []
        if self.farmland_mu is not None and self.farmland_mu >= FARMLAND_THRESHOLD_MU:
            parts.append(f"占用永久基本农田 {self.farmland_mu} 亩（≥ 5 亩）")
        if (
            self.other_cropland_mu is not None
            and self.other_cropland_mu >= OTHER_CROPLAND_THRESHOLD_MU
        ):
            parts.append(f"占用基本农田以外的耕地 {self.other_cropland_mu} 亩（≥ 10 亩）")
        return "；".join(parts)


def _refuse(record: str, reason: str, **params) -> errors.InvalidRecord:
    return errors.InvalidRecord(record=record, reason=reason, **params)


def record_transfer(
    store,
    jcbh: str,
    receiver: str,
    transferred_on,
    number: str | None = None,
    reason: str | None = None,
    accepted_on=None,
    note: str | None = None,
) -> int:
    """Record a transfer beside the filed case of ``jcbh``; its id. The case's status is
    not changed."""
    record = (jcbh or "").strip() or "—"
    if receiver not in RECEIVERS:
        raise _refuse(record, N_("a case is transferred to {allowed}, not {value}"),
                      allowed="、".join(RECEIVERS), value=receiver)  # fmt: skip
    on = iso_date(transferred_on) if transferred_on else None
    if on is None:
        raise _refuse(record, N_("the transfer date ({value}) is not a date"), value=transferred_on)
    accepted = iso_date(accepted_on) if accepted_on else None
    if accepted_on and (accepted is None or accepted < on):
        raise _refuse(record, N_("the acceptance date ({value}) is not a date on or after the transfer"),
                      value=accepted_on)  # fmt: skip
    with store.transaction() as db:
        row = db.execute(
            """SELECT c.id, c.status, c.filed_on FROM case_record AS c
               JOIN plot AS p ON p.id = c.plot_id WHERE p.jcbh = ?""",
            (record,),
        ).fetchone()
        if row is None:
            raise _refuse(record, N_("there is no plot with this 监测编号"))
        case_id, status, filed_on = row
        if not filed_on:
            raise _refuse(record, N_("a transfer is recorded beside a filed case: file the case (立案) first (the case is {status})"),
                          status=status)  # fmt: skip
        return db.execute(
            """INSERT INTO transfer (case_id, receiver, transferred_on, number, reason,
                   accepted_on, note) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id""",
            (case_id, receiver, on, (number or "").strip() or None, reason, accepted, note),
        ).fetchone()[0]


def record_acceptance(store, transfer_id: int, accepted_on) -> None:
    """The receiver accepted the transferred case (立案 by 公安 / 纪委监委) on ``accepted_on``."""
    with store.transaction() as db:
        row = db.execute(
            "SELECT transferred_on FROM transfer WHERE id = ?", (transfer_id,)
        ).fetchone()
        if row is None:
            raise _refuse(str(transfer_id), N_("there is no transfer with this id"))
        accepted = iso_date(accepted_on) if accepted_on else None
        if accepted is None or accepted < row[0]:
            raise _refuse(str(transfer_id), N_("the acceptance date ({value}) is not a date on or after the transfer"),
                          value=accepted_on)  # fmt: skip
        db.execute("UPDATE transfer SET accepted_on = ? WHERE id = ?", (accepted, transfer_id))


def transfers_of(store, jcbh: str | None = None) -> list[Transfer]:
    """The transfers of one case, or of all cases, in date order."""
    sql = """SELECT t.id, p.jcbh, t.receiver, t.transferred_on, t.number, t.reason,
                 t.accepted_on, t.note
             FROM transfer AS t JOIN case_record AS c ON c.id = t.case_id
             JOIN plot AS p ON p.id = c.plot_id"""
    params: tuple = ()
    if jcbh is not None:
        sql += " WHERE p.jcbh = ?"
        params = (jcbh,)
    return [
        Transfer(*row)
        for row in store._db.execute(sql + " ORDER BY t.transferred_on, t.id", params)
    ]


_CANDIDATES = """
SELECT p.jcbh, p.township, c.filed_on,
    (SELECT sum(area_ellipsoidal_m2) FROM overlay
        WHERE plot_id = p.id AND role = 'farmland' AND class_code IS NULL),
    CASE WHEN EXISTS (SELECT 1 FROM overlay WHERE plot_id = p.id
            AND role = 'landuse' AND class_code IS NULL)
        THEN COALESCE((SELECT sum(area_ellipsoidal_m2) FROM overlay
            WHERE plot_id = p.id AND role = 'cropland'), 0) END
FROM case_record AS c JOIN plot AS p ON p.id = c.plot_id
WHERE c.filed_on IS NOT NULL AND c.filed_on <= ?
  AND (SELECT category FROM determination WHERE case_id = c.id ORDER BY id DESC LIMIT 1) = ?
  AND NOT EXISTS (SELECT 1 FROM transfer WHERE case_id = c.id AND receiver = ?)
ORDER BY c.filed_on, p.jcbh
"""


def should_transfer(store, until=None) -> list[ShouldTransfer]:
    """应移送未移送: the filed cases (filed on or before ``until``) reaching the threshold
    of 法释〔2000〕14号 without a transfer to 公安."""
    until = str(until or datetime.date.today())
    found = []
    for jcbh, township, filed_on, farmland_m2, cropland_m2 in store._db.execute(
        _CANDIDATES, (until, ILLEGAL, POLICE)
    ).fetchall():
        farmland = official_mu_decimal(farmland_m2)
        other = None
        if cropland_m2 is not None and farmland_m2 is not None:
            other = official_mu_decimal(max(0.0, cropland_m2 - farmland_m2))
        case = ShouldTransfer(jcbh, township, filed_on, farmland, other)
        if case.reason:
            found.append(case)
    return found


def breaches(store, start, end, today) -> list[Breach]:
    """Each case that should have been transferred by the end of the period (the rule
    has no deadline in days: it stays on the list until the transfer is recorded)."""
    return [
        Breach(
            RULE,
            SOURCE,
            case.jcbh,
            UNIT,
            DIRECT,
            LEADING,
            None,
            None,
            0,
            case.township,
            f"{case.filed_on} 立案；{case.reason}",
        )  # fmt: skip
        for case in should_transfer(store, end)
    ]
