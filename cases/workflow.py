"""The case workflow: the state machine over ``case_record.status`` and the evidence each
step needs (DOMAIN.md, "The life of a plot").

```
待核查 ──record_verification──► 已核查 ──determine──► 已判定
已判定 (违法) ──file_case──► 已立案 ─┐
已判定 (违法) ──refer_case─► 已移交 ─┴─start_rectification──► 整改中
整改中 ──record_reinspection (整改到位)──► 待复核 ──close_out──► 已销号
待复核 ──record_reinspection (未整改到位)──► 整改中
已销号 ──start_post_closure_patrol──► 事后巡查
已判定 (合法, 其他, 伪变化, 设施农用地, 农村道路) ──close_without_case──► 已办结
```

A determination can be revised (``determine`` again, with a reason) while the case is
已判定 or 已办结 (the case returns to 已判定); a revision adds a determination row that
``revises`` the previous one and never edits it, and the latest row is the case's
current determination. A further field verification may be recorded up to 已判定.

Every function is one transaction and sets ``case_record.updated_at``; the audit
triggers record each change with the store's acting user. A step that is not allowed,
or lacks its evidence, raises ``WorkflowRefused`` naming the plot by its 监测编号 and
what is missing; nothing is written then. ``record_verification``, ``determine``,
``start_rectification`` and ``close_out`` return the id of the row they add; the others
return the case's new status. Determination and rectification rows are only ever added
(a re-inspection adds a rectification row carrying the task forward), so rows submitted
in a locked round (``locks.py``) are never touched. Areas are m², dates ISO 'YYYY-MM-DD' (a
``datetime.date`` is accepted).
"""

from __future__ import annotations

import datetime
import json
import sqlite3
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from . import calendar as workcalendar
from . import deadlines
from . import determination_codes as codes
from .areas import mu_text, official_mu_decimal
from .errors import N_, CaseDatabaseError, InvalidRecord
from .rectification_area import rectified_area_m2

NOW = "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')"

# -- statuses (cases/codes.py CASE_STATUSES) -----------------------------------------

TO_VERIFY = "待核查"
VERIFIED = "已核查"
DETERMINED = "已判定"
FILED = "已立案"
REFERRED = "已移交"
RECTIFYING = "整改中"
AWAITING_RECHECK = "待复核"
CLOSED_OUT = "已销号"
POST_CLOSURE_PATROL = "事后巡查"
CLOSED_WITHOUT_CASE = "已办结"

# -- actions, as ``allowed_actions`` names them ---------------------------------------

RECORD_VERIFICATION = "record_verification"
DETERMINE = "determine"
FILE_CASE = "file_case"
REFER_CASE = "refer_case"
START_RECTIFICATION = "start_rectification"
RECORD_REINSPECTION = "record_reinspection"
CLOSE_OUT = "close_out"
CLOSE_WITHOUT_CASE = "close_without_case"
START_POST_CLOSURE_PATROL = "start_post_closure_patrol"

ACTIONS = (
    RECORD_VERIFICATION,
    DETERMINE,
    FILE_CASE,
    REFER_CASE,
    CLOSE_WITHOUT_CASE,
    START_RECTIFICATION,
    RECORD_REINSPECTION,
    CLOSE_OUT,
    START_POST_CLOSURE_PATROL,
)

# The statuses each action starts from.
ALLOWED_FROM: dict[str, tuple[str, ...]] = {
    RECORD_VERIFICATION: (TO_VERIFY, VERIFIED, DETERMINED),
    DETERMINE: (VERIFIED, DETERMINED, CLOSED_WITHOUT_CASE),
    FILE_CASE: (DETERMINED,),
    REFER_CASE: (DETERMINED,),
    CLOSE_WITHOUT_CASE: (DETERMINED,),
    START_RECTIFICATION: (FILED, REFERRED),
    RECORD_REINSPECTION: (RECTIFYING, AWAITING_RECHECK),
    CLOSE_OUT: (AWAITING_RECHECK,),
    START_POST_CLOSURE_PATROL: (CLOSED_OUT,),
}

_NEEDS_VERIFICATION = N_(
    "record the field verification before the legality determination (the case is {status})"
)
_NEEDS_DETERMINATION = N_("record the legality determination first (the case is {status})")

# Why an action is refused in a status it does not start from.
_WRONG_STATUS = {
    RECORD_VERIFICATION: N_("a field verification cannot be added once the case is {status}"),
    DETERMINE: N_("the determination cannot be revised once the case is {status}"),
    FILE_CASE: N_("a case is filed or referred after a 违法 determination (the case is {status})"),
    REFER_CASE: N_("a case is filed or referred after a 违法 determination (the case is {status})"),
    CLOSE_WITHOUT_CASE: N_(
        "a plot is closed without a case after a determination other than 违法 "
        "(the case is {status})"
    ),
    START_RECTIFICATION: N_(
        "file the case or refer it to a department before starting the rectification "
        "(the case is {status})"
    ),
    RECORD_REINSPECTION: N_(
        "start the rectification before recording a re-inspection (the case is {status})"
    ),
    CLOSE_OUT: N_(
        "a case is closed out after a re-inspection found it 整改到位 (the case is {status})"
    ),
    START_POST_CLOSURE_PATROL: N_(
        "only a closed-out case (已销号) becomes a post-closure patrol point (the case is {status})"
    ),
}


class WorkflowRefused(CaseDatabaseError):
    """A workflow step refused: ``reason`` says which step or which evidence is missing."""

    template = "Plot {jcbh}: {reason}"


# -- what the forms read ---------------------------------------------------------------


@dataclass(frozen=True)
class Determination:
    id: int
    category: str
    subtype: str | None
    detail: str | None
    new_or_existing: str | None
    approval_number: str | None
    covered_share: float | None
    title_number: str | None
    facility_record_number: str | None
    filed_area_m2: float | None
    construction_date: str | None
    evidence: dict
    warnings: tuple[codes.EvidenceWarning, ...]
    decided_by: str | None
    decided_on: str | None
    revision_reason: str | None
    revises: int | None
    created_at: str


@dataclass(frozen=True)
class Rectification:
    id: int
    measures: tuple[str, ...]
    task_listed_on: str | None
    demolished_area_m2: float | None
    restored_area_m2: float | None
    legalised_area_m2: float | None
    reinspection_result: str | None
    reinspected_on: str | None
    reinspected_by: str | None
    note: str | None


@dataclass(frozen=True)
class CaseState:
    plot_id: int
    jcbh: str
    case_id: int
    status: str
    determination: Determination | None
    verifications: int
    filing_number: str | None
    filed_on: str | None
    handling_department: str | None
    referred_on: str | None
    reply_due: str | None
    responsible_unit: str | None
    rectification: Rectification | None
    closed_on: str | None
    closed_by: str | None
    updated_at: str | None
    allowed_actions: tuple[str, ...]


# -- internals -------------------------------------------------------------------------


@dataclass(frozen=True)
class _Case:
    plot_id: int
    jcbh: str
    case_id: int
    status: str
    filing_number: str | None
    handling_department: str | None


def _load(db: sqlite3.Connection, plot_id: int) -> _Case:
    row = db.execute(
        """SELECT p.id, p.jcbh, c.id, c.status, c.filing_number, c.handling_department
           FROM plot AS p JOIN case_record AS c ON c.plot_id = p.id WHERE p.id = ?""",
        (plot_id,),
    ).fetchone()
    if row is None:
        raise InvalidRecord(record=plot_id, reason=N_("there is no plot with this id"))
    return _Case(*row)


def _refuse(case: _Case, reason: str, **params):
    params.setdefault("status", case.status)
    raise WorkflowRefused(jcbh=case.jcbh, plot_id=case.plot_id, reason=reason, **params)


def _check_status(case: _Case, action: str) -> None:
    if case.status not in ALLOWED_FROM[action]:
        if action == DETERMINE and case.status == TO_VERIFY:
            _refuse(case, _NEEDS_VERIFICATION)
        _refuse(case, _WRONG_STATUS[action])


def _text(value) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def _required_text(case: _Case, value, missing: str) -> str:
    text = _text(value)
    if text is None:
        _refuse(case, missing)
    return text


def _required_date(case: _Case, value, missing: str) -> str:
    if value is None or (isinstance(value, str) and not value.strip()):
        _refuse(case, missing)
    try:
        return workcalendar.as_date(value).isoformat()
    except ValueError:
        _refuse(case, N_("{value} is not a date (YYYY-MM-DD)"), value=value)


def _choice(case: _Case, value, allowed: Sequence[str], missing: str, invalid: str) -> str:
    text = _text(value)
    if text is None:
        _refuse(case, missing, allowed="、".join(allowed))
    if text not in allowed:
        _refuse(case, invalid, value=text, allowed="、".join(allowed))
    return text


def _area(case: _Case, value) -> float | None:
    if value is None:
        return None
    try:
        area = float(value)
    except (TypeError, ValueError):
        area = -1.0
    if not area >= 0:  # also refuses NaN
        _refuse(case, N_("an area must be a number of m², 0 or more (got {value})"), value=value)
    return area


def _check_rectified_area(db: sqlite3.Connection, case: _Case, areas: list) -> None:
    """Refuse areas of a rectification larger than the plot: each measure, and the 整改面积
    (``rectification_area.rectified_area_m2``), compared in 亩 as printed (two decimals,
    half up), so that what is refused is what would print larger. A plot whose official
    area is unknown (outside the zone) is not checked."""
    row = db.execute("SELECT area_ellipsoidal_m2 FROM plot WHERE id = ?", (case.plot_id,))
    plot_m2 = row.fetchone()[0]
    if plot_m2 is None:
        return
    plot_mu = official_mu_decimal(plot_m2)
    rectified = rectified_area_m2(*areas)
    for value in (*areas, rectified):
        if value is not None and official_mu_decimal(value) > plot_mu:
            _refuse(
                case,
                N_(
                    "the rectified area {area} 亩 (拆除 {demolished}, 复耕 {restored}, 补办手续 "
                    "{legalised} 亩; 整改面积 = max(拆除, 复耕) + 补办手续) is larger than the "
                    "plot's area {plot} 亩"
                ),
                area=mu_text(rectified, "0.00"),
                demolished=mu_text(areas[0], "—"),
                restored=mu_text(areas[1], "—"),
                legalised=mu_text(areas[2], "—"),
                plot=mu_text(plot_m2),
            )


def _update_case(db: sqlite3.Connection, case: _Case, status: str, **columns) -> str:
    assignments = "".join(f", {name} = ?" for name in columns)
    db.execute(
        f"UPDATE case_record SET status = ?, updated_at = {NOW}{assignments} WHERE id = ?",
        (status, *columns.values(), case.case_id),
    )
    return status


def _current_category(db: sqlite3.Connection, case_id: int) -> str | None:
    row = db.execute(
        "SELECT category FROM determination WHERE case_id = ? ORDER BY id DESC LIMIT 1",
        (case_id,),
    ).fetchone()
    return row[0] if row else None


def _plot_reference_date(db: sqlite3.Connection, plot_id: int) -> datetime.date:
    row = db.execute(
        """SELECT b.received_date, p.found_date, substr(p.created_at, 1, 10)
           FROM plot AS p LEFT JOIN batch AS b ON b.id = p.batch_id WHERE p.id = ?""",
        (plot_id,),
    ).fetchone()
    return deadlines.plot_reference_date(*row)


def monitoring_year(store, plot_id: int) -> int:
    """The year a plot is monitored in, for 新增/存量: the year its batch was received
    (patrol plots: the year they were found; else the year they were registered)."""
    return _plot_reference_date(store._db, plot_id).year


# -- the steps -------------------------------------------------------------------------


def record_verification(
    store,
    plot_id: int,
    site_status: str,
    land_user: str | None = None,
    actual_use: str | None = None,
    construction_date=None,
    description: str | None = None,
    verifier: str | None = None,
    verified_on=None,
) -> int:
    """Record a field verification (外业核查); 待核查 → 已核查. Returns the verification id.

    ``construction_date`` may be partial ('2025', '2025-06') when that is all that is known.
    """
    with store.transaction() as db:
        case = _load(db, plot_id)
        _check_status(case, RECORD_VERIFICATION)
        site_status = _choice(
            case,
            site_status,
            codes.SITE_STATUSES,
            N_("the site status is missing ({allowed})"),
            N_("the site status {value} is not one of {allowed}"),
        )
        verifier = _required_text(case, verifier, N_("the verifier's name is missing"))
        verified_on = _required_date(case, verified_on, N_("the verification date is missing"))
        construction_date = _construction_date(case, construction_date)
        row_id = db.execute(
            """INSERT INTO verification (case_id, site_status, land_user, actual_use,
                   construction_date, description, verifier, verified_on)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
            (
                case.case_id,
                site_status,
                _text(land_user),
                _text(actual_use),
                construction_date,
                _text(description),
                verifier,
                verified_on,
            ),
        ).lastrowid
        _update_case(db, case, VERIFIED if case.status == TO_VERIFY else case.status)
        return row_id


def _construction_date(case: _Case, value) -> str | None:
    try:
        codes.construction_year(value)
    except ValueError:
        _refuse(
            case,
            N_("the construction date {value} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)"),
            value=value,
        )
    if isinstance(value, datetime.date):
        return workcalendar.as_date(value).isoformat()
    return _text(value)


def determine(
    store,
    plot_id: int,
    category: str,
    subtype: str | None = None,
    evidence: Mapping | None = None,
    decided_by: str | None = None,
    decided_on=None,
    reason: str | None = None,
) -> int:
    """Record the legality determination (合法性判定); → 已判定. Returns the new
    determination id.

    ``evidence`` holds what the category needs (see ``determination_codes.check_evidence``):
    ``approval_number``, ``covered_share``, ``title_number``, ``facility_record_number``,
    ``filed_area_m2`` go to their columns; ``construction_date`` (else the latest
    verification's) sets 新增/存量 for 违法; ``occupied_area_m2`` (else the plot's area)
    is compared with the filed area of 设施农用地; other keys are kept in the ``evidence``
    JSON with the warnings found (e.g. 备少占多).

    When the case already has a determination this is a revision: ``reason`` is
    required, and a new row ``revises`` the previous one, which is kept unchanged.
    """
    evidence = dict(evidence or {})
    with store.transaction() as db:
        case = _load(db, plot_id)
        _check_status(case, DETERMINE)
        verification = db.execute(
            "SELECT construction_date FROM verification WHERE case_id = ? "
            "ORDER BY verified_on DESC, id DESC LIMIT 1",
            (case.case_id,),
        ).fetchone()
        if verification is None:
            _refuse(case, _NEEDS_VERIFICATION)
        previous = db.execute(
            "SELECT id FROM determination WHERE case_id = ? ORDER BY id DESC LIMIT 1",
            (case.case_id,),
        ).fetchone()
        reason = _text(reason)
        if previous is not None and reason is None:
            _refuse(case, N_("a revised determination needs the reason for the revision"))

        occupied = db.execute("SELECT ST_Area(geom) FROM plot WHERE id = ?", (plot_id,)).fetchone()[
            0
        ]
        check = codes.check_evidence(category, subtype, evidence, occupied_area_m2=occupied)
        if check.problems:
            first = check.problems[0]
            _refuse(case, first.template, **first.params)
        decided_by = _required_text(case, decided_by, N_("the name of who decided is missing"))
        decided_on = _required_date(case, decided_on, N_("the decision date is missing"))

        construction_date = _construction_date(
            case,
            evidence["construction_date"]
            if _text(evidence.get("construction_date")) is not None
            else verification[0],
        )
        new_or_existing = None
        if category == codes.ILLEGAL:
            if construction_date is None:
                _refuse(
                    case,
                    N_("a 违法 determination needs the construction date to tell 新增 from 存量"),
                )
            year = _plot_reference_date(db, plot_id).year
            new_or_existing = codes.new_or_existing(construction_date, year)

        columns = {name: evidence.get(name) for name in codes.EVIDENCE_COLUMNS}
        kept = {
            key: value
            for key, value in evidence.items()
            if key not in codes.EVIDENCE_COLUMNS and key != "construction_date"
        }
        for name in ("covered_share", "filed_area_m2"):
            number = codes.number_or_none(columns[name])
            if number is None and _text(columns[name]) is not None:
                kept[name] = columns[name]  # not a number: kept as given, beside the others
            columns[name] = number
        for name in ("approval_number", "title_number", "facility_record_number"):
            columns[name] = _text(columns[name])
        if check.warnings:
            kept["warnings"] = [warning.as_json() for warning in check.warnings]
        row_id = db.execute(
            """INSERT INTO determination (case_id, category, subtype, subtype_detail,
                   new_or_existing, approval_number, covered_share, title_number,
                   facility_record_number, filed_area_m2, construction_date, evidence,
                   decided_by, decided_on, revision_reason, revises)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
            (
                case.case_id,
                category,
                check.subtype,
                check.detail,
                new_or_existing,
                columns["approval_number"],
                columns["covered_share"],
                columns["title_number"],
                columns["facility_record_number"],
                columns["filed_area_m2"],
                construction_date,
                json.dumps(kept, ensure_ascii=False, default=str) if kept else None,
                decided_by,
                decided_on,
                reason,
                previous[0] if previous else None,
            ),
        ).lastrowid
        _update_case(db, case, DETERMINED)
        return row_id


def _require_violation(db: sqlite3.Connection, case: _Case) -> None:
    category = _current_category(db, case.case_id)
    if category is None:
        _refuse(case, _NEEDS_DETERMINATION)
    if category != codes.ILLEGAL:
        _refuse(
            case,
            N_(
                "only a 违法 determination leads to a filed or referred case; "
                "the current determination is {category}"
            ),
            category=category,
        )


def file_case(
    store,
    plot_id: int,
    filing_number: str | None,
    filed_on,
    responsible_unit: str | None = None,
) -> str:
    """File the case (立案查处) after a 违法 determination; 已判定 → 已立案."""
    with store.transaction() as db:
        case = _load(db, plot_id)
        _check_status(case, FILE_CASE)
        _require_violation(db, case)
        filing_number = _required_text(
            case, filing_number, N_("the filing number (立案编号) is missing")
        )
        filed_on = _required_date(case, filed_on, N_("the filing date is missing"))
        other = db.execute(
            """SELECT p.jcbh FROM case_record AS c JOIN plot AS p ON p.id = c.plot_id
               WHERE c.filing_number = ? AND c.id != ?""",
            (filing_number, case.case_id),
        ).fetchone()
        if other is not None:
            _refuse(
                case,
                N_("the filing number {value} is already used by plot {other}"),
                value=filing_number,
                other=other[0],
            )
        columns = {"filing_number": filing_number, "filed_on": filed_on}
        if _text(responsible_unit) is not None:
            columns["responsible_unit"] = _text(responsible_unit)
        return _update_case(db, case, FILED, **columns)


def refer_case(
    store,
    plot_id: int,
    handling_department: str | None,
    referred_on,
    responsible_unit: str | None = None,
) -> str:
    """Hand the case to the department in charge (移交) after a 违法 determination;
    已判定 → 已移交. The reply is due the 5th working day after ``referred_on`` (official
    calendar with the station's overrides), stored in ``case_record.reply_due``."""
    with store.transaction() as db:
        case = _load(db, plot_id)
        _check_status(case, REFER_CASE)
        _require_violation(db, case)
        handling_department = _choice(
            case,
            handling_department,
            codes.HANDLING_DEPARTMENTS,
            N_("the handling department is missing ({allowed})"),
            N_("the handling department {value} is not one of {allowed}"),
        )
        referred_on = _required_date(case, referred_on, N_("the referral date is missing"))
        reply = deadlines.reply_due(store, referred_on)
        columns = {
            "handling_department": handling_department,
            "referred_on": referred_on,
            "reply_due": reply.isoformat(),
        }
        if _text(responsible_unit) is not None:
            columns["responsible_unit"] = _text(responsible_unit)
        return _update_case(db, case, REFERRED, **columns)


def close_without_case(store, plot_id: int) -> str:
    """Close a plot determined 合法, 其他, 伪变化, 设施农用地 or 农村道路 without a case;
    已判定 → 已办结."""
    with store.transaction() as db:
        case = _load(db, plot_id)
        _check_status(case, CLOSE_WITHOUT_CASE)
        category = _current_category(db, case.case_id)
        if category is None:
            _refuse(case, _NEEDS_DETERMINATION)
        if category not in codes.CLOSED_WITHOUT_CASE:
            _refuse(
                case, N_("a 违法 determination cannot be closed without a case: file or refer it")
            )
        return _update_case(db, case, CLOSED_WITHOUT_CASE)


def start_rectification(
    store,
    plot_id: int,
    measures: Sequence[str] | str | None,
    task_listed_on,
    note: str | None = None,
) -> int:
    """Start the rectification (整改) once the task list is made; 已立案/已移交 → 整改中.
    ``measures`` are from 拆除复耕, 没收, 补办手续, 罚款 (stored joined by 、). The
    rectification is due 60 days after ``task_listed_on``. Returns the rectification id."""
    with store.transaction() as db:
        case = _load(db, plot_id)
        _check_status(case, START_RECTIFICATION)
        if (case.status == FILED and not case.filing_number) or (
            case.status == REFERRED and not case.handling_department
        ):
            _refuse(case, _WRONG_STATUS[START_RECTIFICATION])
        if isinstance(measures, str):
            measures = [measures]
        chosen = [m for m in (_text(m) for m in (measures or ())) if m is not None]
        allowed = "、".join(codes.MEASURES)
        if not chosen:
            _refuse(
                case,
                N_("the rectification needs at least one measure ({allowed})"),
                allowed=allowed,
            )
        for measure in chosen:
            if measure not in codes.MEASURES:
                _refuse(
                    case,
                    N_("the measure {value} is not one of {allowed}"),
                    value=measure,
                    allowed=allowed,
                )
        task_listed_on = _required_date(
            case, task_listed_on, N_("the date the task list was made is missing")
        )
        row_id = db.execute(
            "INSERT INTO rectification (case_id, measures, task_listed_on, note) "
            "VALUES (?, ?, ?, ?)",
            (case.case_id, "、".join(dict.fromkeys(chosen)), task_listed_on, _text(note)),
        ).lastrowid
        _update_case(db, case, RECTIFYING)
        return row_id


def record_reinspection(
    store,
    plot_id: int,
    result: str | None,
    reinspected_on,
    reinspected_by: str | None,
    demolished_area_m2: float | None = None,
    restored_area_m2: float | None = None,
    legalised_area_m2: float | None = None,
    note: str | None = None,
) -> str:
    """Record the on-site re-inspection (复核) of the rectification.
    整改到位 → 待复核 (waiting for the joint re-check and the close-out); 未整改到位 →
    整改中 (also from 待复核, when a later re-inspection finds it undone).

    Each re-inspection adds a rectification row that carries the task forward (measures,
    task list date, and the areas and note unless new ones are given) with the result:
    rectification rows are never updated, so a row submitted in a locked round stays as
    it was, and the latest row is the rectification's current state."""
    with store.transaction() as db:
        case = _load(db, plot_id)
        _check_status(case, RECORD_REINSPECTION)
        latest = db.execute(
            """SELECT measures, task_listed_on, demolished_area_m2, restored_area_m2,
                   legalised_area_m2, note
               FROM rectification WHERE case_id = ? ORDER BY id DESC LIMIT 1""",
            (case.case_id,),
        ).fetchone()
        if latest is None:
            _refuse(case, _WRONG_STATUS[RECORD_REINSPECTION])
        result = _choice(
            case,
            result,
            codes.REINSPECTION_RESULTS,
            N_("the re-inspection result is missing ({allowed})"),
            N_("the re-inspection result {value} is not one of {allowed}"),
        )
        reinspected_on = _required_date(
            case, reinspected_on, N_("the re-inspection date is missing")
        )
        reinspected_by = _required_text(
            case, reinspected_by, N_("the name of who re-inspected is missing")
        )
        given = [_area(case, a) for a in (demolished_area_m2, restored_area_m2, legalised_area_m2)]
        areas = [new if new is not None else old for new, old in zip(given, latest[2:5])]
        _check_rectified_area(db, case, areas)
        note = _text(note) or latest[5]
        db.execute(
            """INSERT INTO rectification (case_id, measures, task_listed_on,
                   demolished_area_m2, restored_area_m2, legalised_area_m2,
                   reinspection_result, reinspected_on, reinspected_by, note)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
            (
                case.case_id,
                latest[0],
                latest[1],
                *areas,
                result,
                reinspected_on,
                reinspected_by,
                note,
            ),
        )
        status = AWAITING_RECHECK if result == codes.REINSPECTION_DONE else RECTIFYING
        return _update_case(db, case, status)


def close_out(
    store,
    plot_id: int,
    closed_on,
    closed_by: str | None,
    joint_recheck_result: str | None = None,
    note: str | None = None,
) -> int:
    """Close the case out (销号) after a re-inspection found it 整改到位; 待复核 → 已销号.
    Returns the close-out id."""
    with store.transaction() as db:
        case = _load(db, plot_id)
        _check_status(case, CLOSE_OUT)
        latest = db.execute(
            "SELECT reinspection_result FROM rectification WHERE case_id = ? "
            "ORDER BY id DESC LIMIT 1",
            (case.case_id,),
        ).fetchone()
        if latest is None or latest[0] != codes.REINSPECTION_DONE:
            _refuse(case, _WRONG_STATUS[CLOSE_OUT])
        closed_on = _required_date(case, closed_on, N_("the close-out date is missing"))
        closed_by = _required_text(case, closed_by, N_("the name of who closed out is missing"))
        try:
            row_id = db.execute(
                "INSERT INTO closeout (case_id, closed_on, closed_by, joint_recheck_result, "
                "note) VALUES (?, ?, ?, ?, ?)",
                (case.case_id, closed_on, closed_by, _text(joint_recheck_result), _text(note)),
            ).lastrowid
        except sqlite3.IntegrityError:
            _refuse(case, N_("the case already has a close-out record"))
        _update_case(db, case, CLOSED_OUT)
        return row_id


def start_post_closure_patrol(store, plot_id: int) -> str:
    """Make a closed-out plot a post-closure patrol point (事后巡查); 已销号 → 事后巡查."""
    with store.transaction() as db:
        case = _load(db, plot_id)
        _check_status(case, START_POST_CLOSURE_PATROL)
        return _update_case(db, case, POST_CLOSURE_PATROL)


# -- reading ---------------------------------------------------------------------------


def _allowed(status: str, category: str | None) -> tuple[str, ...]:
    allowed = []
    for action in ACTIONS:
        if status not in ALLOWED_FROM[action]:
            continue
        if action in (FILE_CASE, REFER_CASE) and category != codes.ILLEGAL:
            continue
        if action == CLOSE_WITHOUT_CASE and category not in codes.CLOSED_WITHOUT_CASE:
            continue
        allowed.append(action)
    return tuple(allowed)


def allowed_actions(store, plot_id: int) -> list[str]:
    """The steps the forms may offer for the plot's case now (names as in ``ACTIONS``)."""
    case = _load(store._db, plot_id)
    return list(_allowed(case.status, _current_category(store._db, case.case_id)))


_DETERMINATION_COLUMNS = """id, category, subtype, subtype_detail, new_or_existing,
    approval_number, covered_share, title_number, facility_record_number, filed_area_m2,
    construction_date, evidence, decided_by, decided_on, revision_reason, revises, created_at"""


def _determination(row) -> Determination:
    values = list(row)
    evidence = json.loads(values[11]) if values[11] else {}
    warnings = tuple(
        codes.EvidenceWarning(w["code"], w["template"], w.get("params", {}))
        for w in evidence.get("warnings", ())
    )
    return Determination(*values[:11], evidence, warnings, *values[12:])


def determinations(store, plot_id: int) -> list[Determination]:
    """Every determination of the plot's case, oldest first; the last one is current."""
    case = _load(store._db, plot_id)
    rows = store._db.execute(
        f"SELECT {_DETERMINATION_COLUMNS} FROM determination WHERE case_id = ? ORDER BY id",
        (case.case_id,),
    )
    return [_determination(row) for row in rows]


def case_state(store, plot_id: int) -> CaseState:
    """The case of a plot: status, current determination, handling, latest rectification,
    close-out and the steps allowed now."""
    db = store._db
    case = _load(db, plot_id)
    row = db.execute(
        """SELECT filing_number, filed_on, handling_department, referred_on, reply_due,
               responsible_unit, updated_at FROM case_record WHERE id = ?""",
        (case.case_id,),
    ).fetchone()
    current = db.execute(
        f"SELECT {_DETERMINATION_COLUMNS} FROM determination WHERE case_id = ? "
        "ORDER BY id DESC LIMIT 1",
        (case.case_id,),
    ).fetchone()
    determination = _determination(current) if current else None
    verifications = db.execute(
        "SELECT count(*) FROM verification WHERE case_id = ?", (case.case_id,)
    ).fetchone()[0]
    rect = db.execute(
        """SELECT id, measures, task_listed_on, demolished_area_m2, restored_area_m2,
               legalised_area_m2, reinspection_result, reinspected_on, reinspected_by, note
           FROM rectification WHERE case_id = ? ORDER BY id DESC LIMIT 1""",
        (case.case_id,),
    ).fetchone()
    rectification = None
    if rect is not None:
        measures = tuple(m for m in (rect[1] or "").split("、") if m)
        rectification = Rectification(rect[0], measures, *rect[2:])
    closeout = db.execute(
        "SELECT closed_on, closed_by FROM closeout WHERE case_id = ?", (case.case_id,)
    ).fetchone() or (None, None)
    return CaseState(
        plot_id=case.plot_id,
        jcbh=case.jcbh,
        case_id=case.case_id,
        status=case.status,
        determination=determination,
        verifications=verifications,
        filing_number=row[0],
        filed_on=row[1],
        handling_department=row[2],
        referred_on=row[3],
        reply_due=row[4],
        responsible_unit=row[5],
        rectification=rectification,
        closed_on=closeout[0],
        closed_by=closeout[1],
        updated_at=row[6],
        allowed_actions=_allowed(case.status, determination.category if determination else None),
    )
