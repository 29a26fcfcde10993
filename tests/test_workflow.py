"""The case workflow: every path of the state machine, refused steps with their messages,
determination revisions, evidence rules, 新增/存量 and the audit trail.

Plots come from helpers.small_database: batch received 2026-02-01 (monitoring year
2026), squares of 40 m × 40 m = 1600 m², plot id n has 监测编号 320100202601{n-1:03d}.
"""

from __future__ import annotations

import time

import pytest

from helpers import audit_name, new_plot, small_database
from landcase.cases import calendar, errors, workflow
from landcase.cases import determination_codes as codes
from landcase.cases.calendar import CalendarYearUnknown
from landcase.cases.workflow import WorkflowRefused


def jcbh(plot_id: int) -> str:
    return f"320100202601{plot_id - 1:03d}"


@pytest.fixture
def store(case_target):
    store = small_database(case_target, plots=5)
    yield store
    store.close()


def verify(store, plot_id, construction_date="2025-06", verified_on="2026-02-05"):
    return workflow.record_verification(
        store,
        plot_id,
        "已建成",
        "青山建材厂",
        "厂房",
        construction_date,
        "彩钢板厂房一栋",
        "李核查",
        verified_on,
    )


def determine_violation(store, plot_id, subtype="厂房", **kwargs):
    kwargs.setdefault("decided_by", "张判定")
    kwargs.setdefault("decided_on", "2026-02-10")
    return workflow.determine(store, plot_id, "违法", subtype, **kwargs)


def status(store, plot_id):
    return workflow.case_state(store, plot_id).status


# -- the paths ---------------------------------------------------------------------------


def test_a_filed_violation_goes_all_the_way_to_the_post_closure_patrol(store):
    assert workflow.allowed_actions(store, 1) == ["record_verification"]

    verification_id = verify(store, 1)
    assert verification_id == 1
    assert status(store, 1) == "已核查"
    assert workflow.allowed_actions(store, 1) == ["record_verification", "determine"]

    determination_id = determine_violation(store, 1)
    state = workflow.case_state(store, 1)
    assert state.status == "已判定" and state.determination.id == determination_id
    assert (state.determination.subtype, state.determination.detail) == ("工矿商服", "厂房")
    assert state.determination.new_or_existing == "存量"  # built 2025-06, monitored in 2026
    assert state.allowed_actions == ("record_verification", "determine", "file_case", "refer_case")

    assert workflow.file_case(store, 1, "青自然资立〔2026〕7号", "2026-02-15", "青山镇") == "已立案"
    state = workflow.case_state(store, 1)
    assert (state.filing_number, state.filed_on, state.responsible_unit) == (
        "青自然资立〔2026〕7号",
        "2026-02-15",
        "青山镇",
    )
    assert state.allowed_actions == ("start_rectification",)

    rectification_id = workflow.start_rectification(
        store, 1, ["拆除复耕", "罚款"], "2026-03-01", note="限期拆除"
    )
    state = workflow.case_state(store, 1)
    assert state.status == "整改中"
    assert state.rectification.id == rectification_id
    assert state.rectification.measures == ("拆除复耕", "罚款")
    assert state.allowed_actions == ("record_reinspection",)

    # a first re-inspection finds it not done: the rectification goes on
    assert workflow.record_reinspection(store, 1, "未整改到位", "2026-04-01", "李核查") == "整改中"
    assert (
        workflow.record_reinspection(
            store,
            1,
            "整改到位",
            "2026-04-20",
            "李核查",
            demolished_area_m2=1200.0,
            restored_area_m2=1600.0,
            legalised_area_m2=0,
        )
        == "待复核"
    )
    state = workflow.case_state(store, 1)
    # each re-inspection adds a row carrying the task forward; none is ever updated
    assert state.rectification.id == rectification_id + 2
    assert state.rectification.measures == ("拆除复耕", "罚款")
    assert state.rectification.task_listed_on == "2026-03-01"
    assert state.rectification.note == "限期拆除"
    assert [e.action for e in store.audit_entries("rectification")] == ["INSERT"] * 3
    first_row = store._db.execute(
        "SELECT reinspection_result, reinspected_on FROM rectification WHERE id = ?",
        (rectification_id,),
    ).fetchone()
    assert tuple(first_row) == (None, None)
    assert state.rectification.reinspection_result == "整改到位"
    assert state.rectification.reinspected_on == "2026-04-20"
    assert (
        state.rectification.demolished_area_m2,
        state.rectification.restored_area_m2,
        state.rectification.legalised_area_m2,
    ) == (1200.0, 1600.0, 0.0)
    assert state.allowed_actions == ("record_reinspection", "close_out")

    closeout_id = workflow.close_out(store, 1, "2026-04-28", "王所长", "联合复核通过")
    state = workflow.case_state(store, 1)
    assert (state.status, state.closed_on, state.closed_by) == ("已销号", "2026-04-28", "王所长")
    assert closeout_id == 1
    assert state.allowed_actions == ("start_post_closure_patrol",)

    assert workflow.start_post_closure_patrol(store, 1) == "事后巡查"
    assert workflow.allowed_actions(store, 1) == []


def test_a_referred_violation_gets_its_reply_deadline_and_is_rectified(store):
    verify(store, 2)
    determine_violation(store, 2, "圈占堆放等")
    # Tue 2026-09-29: Wed 30 (1); 10-01..10-07 off; 10-08 (2), 10-09 (3), Sat 10-10
    # worked (4), Mon 10-12 (5) — chinesecalendar's 2026 National Day arrangement
    assert workflow.refer_case(store, 2, "综合执法", "2026-09-29") == "已移交"
    state = workflow.case_state(store, 2)
    assert (state.handling_department, state.referred_on, state.reply_due) == (
        "综合执法",
        "2026-09-29",
        "2026-10-12",
    )
    assert (state.determination.subtype, state.determination.detail) == ("圈占堆放等", None)
    assert state.allowed_actions == ("start_rectification",)
    workflow.start_rectification(store, 2, "补办手续", "2026-10-15")
    workflow.record_reinspection(
        store, 2, "整改到位", "2026-11-20", "李核查", legalised_area_m2=1600
    )
    # the joint re-check disagrees: a later re-inspection sends it back
    assert workflow.record_reinspection(store, 2, "未整改到位", "2026-11-25", "赵复核") == "整改中"
    assert workflow.case_state(store, 2).rectification.legalised_area_m2 == 1600.0  # kept
    workflow.record_reinspection(store, 2, "整改到位", "2026-12-01", "赵复核")
    workflow.close_out(store, 2, "2026-12-05", "王所长")
    assert status(store, 2) == "已销号"


def test_the_reply_deadline_uses_the_stations_calendar(store):
    calendar.set_calendar_day(store, "2026-03-06", "holiday", "防汛停工")
    verify(store, 1)
    determine_violation(store, 1)
    # Thu 03-05: Fri 06 off (station), Mon 09 (1) … Fri 13 (5)
    workflow.refer_case(store, 1, "林业", "2026-03-05")
    assert workflow.case_state(store, 1).reply_due == "2026-03-13"


@pytest.mark.parametrize(
    "category, subtype, evidence",
    [
        ("合法", "批文", {"approval_number": "苏政地〔2025〕12号", "covered_share": 1}),
        ("合法", "供地手续", {"approval_number": "青划拨〔2024〕3号"}),
        ("合法", "登记发证", {"title_number": "苏(2020)青山不动产权第0001号"}),
        ("合法", "其他", {"basis": "军事设施, 有上级批复"}),
        ("其他", "农村宅基地", {}),
        ("其他", "其他情形", {"basis": "河道管理范围内的防汛物资堆场"}),
        ("伪变化", None, {}),
        ("设施农用地", None, {"facility_record_number": "SN2025-018", "filed_area_m2": 2000}),
        ("农村道路", None, {}),
    ],
)
def test_other_categories_are_closed_without_a_case(store, category, subtype, evidence):
    verify(store, 3)
    workflow.determine(
        store, 3, category, subtype, evidence, decided_by="张判定", decided_on="2026-02-10"
    )
    state = workflow.case_state(store, 3)
    assert state.determination.category == category
    assert state.determination.new_or_existing is None  # only violations are split
    assert state.allowed_actions == ("record_verification", "determine", "close_without_case")
    assert workflow.close_without_case(store, 3) == "已办结"
    assert workflow.allowed_actions(store, 3) == ["determine"]  # a revision may reopen it


# -- refused steps -----------------------------------------------------------------------


def _at(store, plot_id, target):
    """Walk plot ``plot_id`` (a violation, filed) to ``target``."""
    path = [
        ("已核查", lambda: verify(store, plot_id)),
        ("已判定", lambda: determine_violation(store, plot_id)),
        ("已立案", lambda: workflow.file_case(store, plot_id, f"立{plot_id}", "2026-02-15")),
        ("整改中", lambda: workflow.start_rectification(store, plot_id, "拆除复耕", "2026-03-01")),
        (
            "待复核",
            lambda: workflow.record_reinspection(store, plot_id, "整改到位", "2026-04-20", "李"),
        ),
        ("已销号", lambda: workflow.close_out(store, plot_id, "2026-04-28", "王所长")),
    ]
    if target == "待核查":
        return
    for reached, step in path:
        step()
        if reached == target:
            return
    raise AssertionError(target)


REFUSALS = [
    # (status the plot is in, the call, words the message must hold)
    (
        "待核查",
        lambda s, p: determine_violation(s, p),
        "record the field verification before the legality determination",
    ),
    ("待核查", lambda s, p: workflow.file_case(s, p, "立1", "2026-02-15"), "the case is 待核查"),
    ("已核查", lambda s, p: workflow.refer_case(s, p, "林业", "2026-02-15"), "after a 违法"),
    ("已核查", lambda s, p: workflow.close_without_case(s, p), "the case is 已核查"),
    ("已判定", lambda s, p: workflow.close_without_case(s, p), "file or refer it"),
    (
        "已判定",
        lambda s, p: workflow.start_rectification(s, p, "拆除复耕", "2026-03-01"),
        "file the case or refer it",
    ),
    (
        "已立案",
        lambda s, p: workflow.record_reinspection(s, p, "整改到位", "2026-04-01", "李"),
        "start the rectification before recording a re-inspection",
    ),
    ("整改中", lambda s, p: workflow.close_out(s, p, "2026-04-28", "王"), "整改到位"),
    ("待复核", lambda s, p: workflow.start_post_closure_patrol(s, p), "已销号"),
    (
        "已立案",
        lambda s, p: workflow.determine(
            s,
            p,
            "合法",
            "批文",
            {"approval_number": "x", "covered_share": 1},
            "张",
            "2026-03-01",
            "city asked",
        ),
        "cannot be revised once the case is 已立案",
    ),
    ("已销号", lambda s, p: verify(s, p), "cannot be added once the case is 已销号"),
    # missing or wrong evidence
    (
        "待核查",
        lambda s, p: workflow.record_verification(
            s, p, None, verifier="李", verified_on="2026-02-05"
        ),
        "the site status is missing (已建成、在建、未动工、已拆除、其他)",
    ),
    (
        "待核查",
        lambda s, p: workflow.record_verification(
            s, p, "盖好了", verifier="李", verified_on="2026-02-05"
        ),
        "the site status 盖好了 is not one of",
    ),
    (
        "待核查",
        lambda s, p: workflow.record_verification(s, p, "在建", verified_on="2026-02-05"),
        "the verifier's name is missing",
    ),
    (
        "待核查",
        lambda s, p: workflow.record_verification(s, p, "在建", verifier="李"),
        "the verification date is missing",
    ),
    (
        "待核查",
        lambda s, p: workflow.record_verification(
            s, p, "在建", verifier="李", verified_on="2026-02-30"
        ),
        "2026-02-30 is not a date",
    ),
    (
        "待核查",
        lambda s, p: verify(s, p, construction_date="去年"),
        "the construction date 去年 is not a date",
    ),
    (
        "已核查",
        lambda s, p: workflow.determine(s, p, "违章", None, None, "张", "2026-02-10"),
        "the determination category 违章 is not one of",
    ),
    (
        "已核查",
        lambda s, p: workflow.determine(s, p, "违法", None, None, "张", "2026-02-10"),
        "a 违法 determination needs a sub-type",
    ),
    (
        "已核查",
        lambda s, p: workflow.determine(s, p, "违法", "养殖", None, "张", "2026-02-10"),
        "the sub-type 养殖 is not one of the 违法 sub-types",
    ),
    (
        "已核查",
        lambda s, p: workflow.determine(
            s, p, "合法", "批文", {"covered_share": 0.5}, "张", "2026-02-10"
        ),
        "合法 by 批文 needs the approval number (批准文号)",
    ),
    (
        "已核查",
        lambda s, p: workflow.determine(s, p, "合法", "登记发证", {}, "张", "2026-02-10"),
        "合法 by 登记发证 needs the title number (不动产权证号)",
    ),
    (
        "已核查",
        lambda s, p: workflow.determine(
            s, p, "设施农用地", None, {"filed_area_m2": 900}, "张", "2026-02-10"
        ),
        "设施农用地 needs the facility-land record number",
    ),
    (
        "已核查",
        lambda s, p: workflow.determine(s, p, "伪变化", None, None, None, "2026-02-10"),
        "the name of who decided is missing",
    ),
    (
        "已核查",
        lambda s, p: workflow.determine(s, p, "伪变化", None, None, "张", None),
        "the decision date is missing",
    ),
    (
        "已判定",
        lambda s, p: workflow.determine(s, p, "伪变化", None, None, "张", "2026-02-12"),
        "a revised determination needs the reason for the revision",
    ),
    (
        "已判定",
        lambda s, p: workflow.file_case(s, p, "  ", "2026-02-15"),
        "the filing number (立案编号) is missing",
    ),
    ("已判定", lambda s, p: workflow.file_case(s, p, "立9", None), "the filing date is missing"),
    (
        "已判定",
        lambda s, p: workflow.refer_case(s, p, None, "2026-02-15"),
        "the handling department is missing (农业农村、林业、水务、综合执法、公安、纪委监委、乡镇(街道))",
    ),
    (
        "已判定",
        lambda s, p: workflow.refer_case(s, p, "国土", "2026-02-15"),
        "the handling department 国土 is not one of",
    ),
    ("已判定", lambda s, p: workflow.refer_case(s, p, "林业", ""), "the referral date is missing"),
    (
        "已立案",
        lambda s, p: workflow.start_rectification(s, p, [], "2026-03-01"),
        "the rectification needs at least one measure (拆除复耕、没收、补办手续、罚款)",
    ),
    (
        "已立案",
        lambda s, p: workflow.start_rectification(s, p, ["拆除复耕", "罚没"], "2026-03-01"),
        "the measure 罚没 is not one of",
    ),
    (
        "已立案",
        lambda s, p: workflow.start_rectification(s, p, ["没收"], None),
        "the date the task list was made is missing",
    ),
    (
        "整改中",
        lambda s, p: workflow.record_reinspection(s, p, None, "2026-04-01", "李"),
        "the re-inspection result is missing (整改到位、未整改到位)",
    ),
    (
        "整改中",
        lambda s, p: workflow.record_reinspection(s, p, "整改到位", None, "李"),
        "the re-inspection date is missing",
    ),
    (
        "整改中",
        lambda s, p: workflow.record_reinspection(s, p, "整改到位", "2026-04-01", ""),
        "the name of who re-inspected is missing",
    ),
    (
        "整改中",
        lambda s, p: workflow.record_reinspection(
            s, p, "整改到位", "2026-04-01", "李", demolished_area_m2=-5
        ),
        "an area must be a number of m², 0 or more (got -5)",
    ),
    ("待复核", lambda s, p: workflow.close_out(s, p, None, "王"), "the close-out date is missing"),
    (
        "待复核",
        lambda s, p: workflow.close_out(s, p, "2026-04-28", None),
        "the name of who closed out is missing",
    ),
]


@pytest.mark.parametrize("at, call, words", REFUSALS)
def test_refused_steps_name_the_plot_and_what_is_missing(store, at, call, words):
    _at(store, 4, at)
    before = workflow.case_state(store, 4)
    audit_rows = len(store.audit_entries())
    with pytest.raises(WorkflowRefused) as raised:
        call(store, 4)
    message = str(raised.value)
    assert message.startswith(f"Plot {jcbh(4)}: "), message
    assert words in message, message
    # nothing was written
    assert workflow.case_state(store, 4) == before
    assert len(store.audit_entries()) == audit_rows


def test_a_refusal_is_translated_by_its_template_and_reason(store):
    with pytest.raises(WorkflowRefused) as raised:
        determine_violation(store, 1)
    error = raised.value
    assert error.template == "Plot {jcbh}: {reason}"
    assert error.params["jcbh"] == jcbh(1) and error.params["status"] == "待核查"
    chinese = {
        "Plot {jcbh}: {reason}": "图斑 {jcbh}：{reason}",
        error.params["reason"]: "请先录入外业核查，再作合法性判定（案件状态：{status}）",
    }
    params = error.filled_params(lambda text: chinese.get(text, text))
    assert chinese[error.template].format(**params) == (
        f"图斑 {jcbh(1)}：请先录入外业核查，再作合法性判定（案件状态：待核查）"
    )


def test_an_unknown_plot_is_an_invalid_record(store):
    with pytest.raises(errors.InvalidRecord, match="no plot"):
        workflow.allowed_actions(store, 99)
    with pytest.raises(errors.InvalidRecord):
        verify(store, 99)


def test_a_filing_number_belongs_to_one_case(store):
    _at(store, 1, "已立案")
    _at(store, 2, "已判定")
    with pytest.raises(WorkflowRefused) as raised:
        workflow.file_case(store, 2, "立1", "2026-02-16")
    assert jcbh(2) in str(raised.value) and f"already used by plot {jcbh(1)}" in str(raised.value)


def test_referral_into_a_year_without_a_calendar_is_refused_and_rolled_back(store):
    _at(store, 1, "已判定")
    # Mon 2026-12-28: the 5th working day falls in 2027, which chinesecalendar 1.11.0 lacks
    with pytest.raises(CalendarYearUnknown, match="2027"):
        workflow.refer_case(store, 1, "公安", "2026-12-28")
    assert status(store, 1) == "已判定"
    assert workflow.case_state(store, 1).handling_department is None
    calendar.set_calendar_day(store, "2027-01-01", "holiday", "元旦")
    # Tue 29 (1), Wed 30 (2), Thu 31 (3), Fri 01-01 off, Mon 01-04 (4), Tue 01-05 (5)
    workflow.refer_case(store, 1, "公安", "2026-12-28")
    assert workflow.case_state(store, 1).reply_due == "2027-01-05"


# -- revisions ---------------------------------------------------------------------------


def _determination_rows(store):
    return store._db.execute("SELECT * FROM determination ORDER BY id").fetchall()


def test_a_revision_adds_a_row_and_keeps_the_earlier_determination(store):
    verify(store, 1)
    first = determine_violation(store, 1)
    earlier = _determination_rows(store)
    second = workflow.determine(
        store,
        1,
        "合法",
        "批文",
        {"approval_number": "苏政地〔2025〕12号", "covered_share": "0.8"},
        decided_by="张判定",
        decided_on="2026-03-02",
        reason="一下: 市局反馈已有批文",
    )
    rows = _determination_rows(store)
    assert rows[0] == earlier[0]  # the earlier row is untouched
    history = workflow.determinations(store, 1)
    assert [d.id for d in history] == [first, second]
    assert [d.category for d in history] == ["违法", "合法"]
    assert history[1].revises == first and history[1].revision_reason == "一下: 市局反馈已有批文"
    assert history[0].revises is None and history[0].revision_reason is None
    assert history[1].covered_share == 0.8
    current = workflow.case_state(store, 1)
    assert current.status == "已判定" and current.determination.id == second
    assert current.allowed_actions == ("record_verification", "determine", "close_without_case")
    assert store.list_plots()[0].determination == "合法"  # the panel shows the latest

    # a plot closed without a case reopens on revision
    workflow.close_without_case(store, 1)
    third = workflow.determine(
        store,
        1,
        "违法",
        "光伏",
        decided_by="张判定",
        decided_on="2026-04-01",
        reason="二上: 批文范围外",
    )
    assert status(store, 1) == "已判定"
    assert [d.revises for d in workflow.determinations(store, 1)] == [None, first, second]
    assert workflow.case_state(store, 1).determination.id == third
    assert workflow.allowed_actions(store, 1) == [
        "record_verification",
        "determine",
        "file_case",
        "refer_case",
    ]
    audit = store.audit_entries("determination")
    assert [e.action for e in audit] == ["INSERT", "INSERT", "INSERT"]  # never an UPDATE


# -- evidence rules ----------------------------------------------------------------------


@pytest.mark.parametrize("share", [None, "", 0, -0.1, 1.2, "八成", 80, "nan", True])
def test_an_approval_needs_a_share_in_zero_to_one(share):
    check = codes.check_evidence("合法", "批文", {"approval_number": "A1", "covered_share": share})
    assert [p.template for p in check.problems] == [
        "合法 by 批文 needs the share of the plot the approval covers, "
        "more than 0 and at most 1 (got {value})"
    ]


@pytest.mark.parametrize("share", [1, 1.0, "0.35", 0.0001])
def test_a_share_up_to_the_whole_plot_is_accepted(share):
    assert codes.check_evidence(
        "合法", "批文", {"approval_number": "A1", "covered_share": share}
    ).ok


def test_check_evidence_lists_every_problem_at_once():
    check = codes.check_evidence("设施农用地", None, {})
    assert len(check.problems) == 2
    assert check.problems[1].message == "设施农用地 needs the filed area in m², more than 0 (got —)"
    assert not codes.check_evidence("伪变化", "批文", {}).ok  # no sub-type there
    assert codes.check_evidence("违法", "光伏", {}).subtype == "工矿商服"


def test_facility_farmland_occupying_more_than_filed_warns_but_is_saved(store):
    verify(store, 1)
    verify(store, 2)
    # the plot is 1600 m²; 1000 m² were filed
    workflow.determine(
        store,
        1,
        "设施农用地",
        None,
        {"facility_record_number": "SN2025-018", "filed_area_m2": 1000, "photos": 3},
        decided_by="张判定",
        decided_on="2026-02-10",
    )
    determination = workflow.case_state(store, 1).determination
    assert (determination.facility_record_number, determination.filed_area_m2) == (
        "SN2025-018",
        1000.0,
    )
    assert [w.code for w in determination.warnings] == ["备少占多"]
    assert determination.warnings[0].message == (
        "备少占多: the plot occupies 1600.00 m², more than the filed 1000.00 m²"
    )
    assert determination.evidence["photos"] == 3  # other evidence is kept as given
    # a measured occupied area is used instead of the plot's, and within the filing no warning
    workflow.determine(
        store,
        2,
        "设施农用地",
        None,
        {"facility_record_number": "SN2025-019", "filed_area_m2": 1000, "occupied_area_m2": 950},
        decided_by="张判定",
        decided_on="2026-02-10",
    )
    assert workflow.case_state(store, 2).determination.warnings == ()
    check = codes.check_evidence(
        "设施农用地", None, {"facility_record_number": "x", "filed_area_m2": 2000}, 1600.0
    )
    assert check.ok and check.warnings == ()


# -- 新增 / 存量 -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "construction_date, expected",
    [
        ("2026-01-05", "新增"),  # in the monitoring year 2026
        ("2026", "新增"),
        ("2025-12-31", "存量"),  # the year before
        ("2025-06", "存量"),
        ("2019", "存量"),
    ],
)
def test_new_or_existing_from_the_construction_date_and_the_batch_year(
    store, construction_date, expected
):
    verify(store, 1, construction_date=construction_date)
    determine_violation(store, 1)
    assert workflow.case_state(store, 1).determination.new_or_existing == expected
    assert workflow.monitoring_year(store, 1) == 2026


def test_the_determination_may_correct_the_construction_date(store):
    verify(store, 1, construction_date="2025-06")
    determine_violation(store, 1, evidence={"construction_date": "2026-03"})
    determination = workflow.case_state(store, 1).determination
    assert (determination.construction_date, determination.new_or_existing) == ("2026-03", "新增")


def test_a_violation_needs_a_construction_date(store):
    verify(store, 1, construction_date=None)
    with pytest.raises(WorkflowRefused) as raised:
        determine_violation(store, 1)
    assert jcbh(1) in str(raised.value) and "construction date" in str(raised.value)
    assert "新增 from 存量" in str(raised.value)


def test_a_patrol_plot_is_monitored_in_the_year_it_was_found(store):
    plot_id = store.add_plot(new_plot(7, found_date="2025-11-03", clue_source="网格巡查"))
    assert workflow.monitoring_year(store, plot_id) == 2025
    verify(store, plot_id, construction_date="2025-10")
    determine_violation(store, plot_id)
    assert workflow.case_state(store, plot_id).determination.new_or_existing == "新增"


def test_new_or_existing_rule():
    assert codes.new_or_existing("2026-07-01", 2026) == "新增"
    assert codes.new_or_existing("2027-01-01", 2026) == "新增"  # later counts as new
    assert codes.new_or_existing("2025-12-31", 2026) == "存量"
    assert codes.new_or_existing(None, 2026) is None
    with pytest.raises(ValueError):
        codes.construction_year("2025-13")


# -- audit and timestamps ----------------------------------------------------------------


def test_every_step_is_audited_with_the_user_and_sets_updated_at(store):
    store.set_actor("李核查")
    verify(store, 1)
    first_update = workflow.case_state(store, 1).updated_at
    assert first_update is not None
    store.set_actor("张判定")
    determine_violation(store, 1)
    store.set_actor("王执法")
    workflow.refer_case(store, 1, "乡镇(街道)", "2026-03-05")
    assert workflow.case_state(store, 1).updated_at >= first_update

    verification = store.audit_entries("verification")
    assert [(e.action, e.user_name) for e in verification] == [
        ("INSERT", audit_name(store, "李核查"))
    ]
    assert verification[0].changes["verifier"] == "李核查"
    determination = store.audit_entries("determination")
    assert [(e.action, e.user_name) for e in determination] == [
        ("INSERT", audit_name(store, "张判定"))
    ]
    case_changes = [e for e in store.audit_entries("case_record") if e.action == "UPDATE"]
    assert [(e.changes["status"], e.user_name) for e in case_changes] == [
        (["待核查", "已核查"], audit_name(store, "李核查")),
        (["已核查", "已判定"], audit_name(store, "张判定")),
        (["已判定", "已移交"], audit_name(store, "王执法")),
    ]
    assert all("updated_at" in e.changes for e in case_changes)
    referral = case_changes[-1].changes
    # Thu 03-05 + 5 working days: Fri 06, Mon 09, Tue 10, Wed 11, Thu 12
    assert referral["reply_due"] == [None, "2026-03-12"]
    assert referral["handling_department"] == [None, "乡镇(街道)"]

    with pytest.raises(WorkflowRefused):
        verify(store, 1)  # 已移交: too late for a field verification


def test_a_second_verification_before_the_determination_updates_the_case(store):
    verify(store, 1)
    before = workflow.case_state(store, 1).updated_at
    time.sleep(0.01)  # updated_at has millisecond resolution
    store.set_actor("赵核查")
    verify(store, 1, construction_date="2024", verified_on="2026-02-09")
    state = workflow.case_state(store, 1)
    assert state.status == "已核查" and state.verifications == 2
    assert state.updated_at > before
    last = store.audit_entries("case_record")[-1]
    assert last.user_name == audit_name(store, "赵核查") and set(last.changes) == {"updated_at"}
    determine_violation(store, 1)  # the latest verification's construction date counts
    assert workflow.case_state(store, 1).determination.new_or_existing == "存量"


# -- 整改面积 -----------------------------------------------------------------------------


def test_rectified_area_counts_demolished_and_restored_ground_once():
    from landcase.cases.rectification_area import rectified_area_m2

    # 拆除 1,200 m² then 复耕 1,600 m² on the same ground, 补办手续 300 m²: 1,600 + 300
    assert rectified_area_m2(1200.0, 1600.0, 300.0) == 1900.0
    # 拆除 only: 1,200; 补办手续 only: 500; nothing recorded: unknown, not 0
    assert rectified_area_m2(1200.0, None, None) == 1200.0
    assert rectified_area_m2(None, None, 500.0) == 500.0
    assert rectified_area_m2(None, None, None) is None


def test_a_rectified_area_larger_than_the_plot_is_refused(store):
    _at(store, 1, "整改中")
    plot_m2 = store._db.execute("SELECT area_ellipsoidal_m2 FROM plot WHERE id = 1").fetchone()[0]
    assert abs(plot_m2 - 1600.0) < 3  # a 40 m square: 1,600 m² = 2.40 亩
    # 拆除 1,200 + 复耕 1,200 on the same ground + 补办 400: 1,600 m² fits the plot
    assert (
        workflow.record_reinspection(
            store, 1, "未整改到位", "2026-04-01", "李", 1200.0, 1200.0, 400.0
        )
        == "整改中"
    )
    # 拆除 1,200 + 补办 600 = 1,800 m² = 1,800 × 15 / 10,000 = 2.70 亩 > 2.40 亩
    with pytest.raises(WorkflowRefused) as refused:
        workflow.record_reinspection(store, 1, "整改到位", "2026-04-20", "李", 1200.0, 0.0, 600.0)
    message = str(refused.value)
    assert "2.70" in message and "2.40" in message and jcbh(1) in message
    assert status(store, 1) == "整改中"  # nothing stored
    rows = store._db.execute("SELECT count(*) FROM rectification WHERE case_id = 1").fetchone()
    assert rows[0] == 2  # the task and the first re-inspection only
