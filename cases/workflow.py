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

from .workflow_determination import (  # noqa: F401 (re-exported: callers import them from here)
    _construction_date,
    determine,
    record_verification,
)
from .workflow_filing import (  # noqa: F401 (re-exported: callers import them from here)
    _require_violation,
    close_without_case,
    file_case,
    refer_case,
)
from .workflow_guards import (  # noqa: F401 (re-exported: callers import them from here)
    _area,
    _Case,
    _check_rectified_area,
    _check_status,
    _choice,
    _current_category,
    _load,
    _plot_reference_date,
    _refuse,
    _required_date,
    _required_text,
    _text,
    _update_case,
    monitoring_year,
)
from .workflow_reading import (  # noqa: F401 (re-exported: callers import them from here)
    _DETERMINATION_COLUMNS,
    _allowed,
    _determination,
    allowed_actions,
    case_state,
    determinations,
)
from .workflow_rectification import (  # noqa: F401 (re-exported: callers import them from here)
    close_out,
    record_reinspection,
    start_post_closure_patrol,
    start_rectification,
)
from .workflow_states import (  # noqa: F401 (re-exported: callers import them from here)
    _NEEDS_DETERMINATION,
    _NEEDS_VERIFICATION,
    _WRONG_STATUS,
    ACTIONS,
    ALLOWED_FROM,
    AWAITING_RECHECK,
    CLOSE_OUT,
    CLOSE_WITHOUT_CASE,
    CLOSED_OUT,
    CLOSED_WITHOUT_CASE,
    DETERMINE,
    DETERMINED,
    FILE_CASE,
    FILED,
    NOW,
    POST_CLOSURE_PATROL,
    RECORD_REINSPECTION,
    RECORD_VERIFICATION,
    RECTIFYING,
    REFER_CASE,
    REFERRED,
    START_POST_CLOSURE_PATROL,
    START_RECTIFICATION,
    TO_VERIFY,
    VERIFIED,
    CaseChangedMeanwhile,
    CaseState,
    Determination,
    Rectification,
    WorkflowRefused,
)
