"""The field verification and the legality determination (and its revision). See
``workflow.py``.
"""

from __future__ import annotations

import datetime
import json
from collections.abc import Mapping

from . import calendar as workcalendar
from . import determination_codes as codes
from .errors import N_
from .workflow_guards import (
    _Case,
    _check_status,
    _choice,
    _load_for_change,
    _plot_reference_date,
    _refuse,
    _required_date,
    _required_text,
    _text,
    _update_case,
)
from .workflow_states import (
    _NEEDS_VERIFICATION,
    DETERMINE,
    DETERMINED,
    RECORD_VERIFICATION,
    TO_VERIFY,
    VERIFIED,
)

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
        case = _load_for_change(store, db, plot_id)
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
               VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""",
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
        ).fetchone()[0]
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
        case = _load_for_change(store, db, plot_id)
        _check_status(case, DETERMINE)
        verification = db.execute(
            "SELECT construction_date FROM verification WHERE case_id = ? "
            "ORDER BY verified_on IS NULL, verified_on DESC, id DESC LIMIT 1",
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
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""",
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
        ).fetchone()[0]
        _update_case(db, case, DETERMINED)
        return row_id
