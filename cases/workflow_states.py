"""The workflow's vocabulary: the case statuses, the actions and the statuses each starts
from, why a step is refused (``WorkflowRefused``), and the records the forms read
(``Determination``, ``Rectification``, ``CaseState``). See ``workflow.py``.
"""

from __future__ import annotations

from dataclasses import dataclass

from . import determination_codes as codes
from .errors import N_, CaseDatabaseError

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


class CaseChangedMeanwhile(CaseDatabaseError):
    """Two people changed the same case: the second learns who was first."""

    template = (
        "Case {jcbh} was changed by {user} at {at} after it was shown here: your change was "
        "not saved. The case now shows theirs; enter yours again if it still applies."
    )


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
