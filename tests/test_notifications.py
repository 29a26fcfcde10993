"""Notifications (抄告) to several recipients, their replies and deadlines, on both backends.

A notification sent Wed 30 September 2026 (国庆: 1–7 October holidays, Sat 10 October an
adjusted working day). Due dates worked out by hand:
- 镇政府主要负责人 2 days: Fri 2 October;
- 镇牵头责任领导 2 days from the head's 批示 (his reply, 2 October): Sun 4 October;
- 规划建设 1 day: Thu 1 October;
- 公安, 供电 5 working days: Thu 8 (1), Fri 9 (2), Sat 10 调休 (3), Mon 12 (4), Tue 13 October (5).
"""

from __future__ import annotations

import datetime

import pytest

from helpers import small_database
from landcase.cases import clocks, errors
from landcase.cases import notifications as nt

D = datetime.date
JCBH = "320100202601000"
FIVE = ("镇政府主要负责人", "镇牵头责任领导", "规划建设", "公安", "供电")


@pytest.fixture
def store(case_target):
    store = small_database(case_target, plots=2)
    yield store
    store.close()


def send(store, number="青自然资抄〔2026〕12号", recipients=FIVE, **kwargs):
    notice = nt.NewNotification(
        subject="关于青山镇东村违法占地建房的抄告", sent_on="2026-09-30", recipients=recipients,
        number=number, content="9月30日巡查发现东村3组有人擅自占用耕地建房，制止无效。",
        sender="青山镇国土所", jcbh=kwargs.pop("jcbh", JCBH), **kwargs,
    )  # fmt: skip
    return nt.send_notification(store, notice)


def test_five_recipients_of_whom_two_reply_late(store):
    notice_id = send(store)
    nt.record_reply(
        store, notice_id, "镇政府主要负责人", "2026-10-02", "请牵头领导组织制止", "王镇长"
    )
    nt.record_reply(store, notice_id, "镇牵头责任领导", "2026-10-05", "已组织到场")  # due 10-04
    nt.record_reply(store, notice_id, "规划建设", "2026-10-01", "已下发停工通知书")
    nt.record_reply(store, notice_id, "公安", "2026-10-13", "已出警")
    nt.record_reply(store, notice_id, "供电", "2026-10-15", "已停电")  # due 10-13
    [notice] = nt.notifications_of(store, jcbh=JCBH, today="2026-10-20")
    assert notice.number == "青自然资抄〔2026〕12号" and notice.township == "青山镇"
    shown = {
        r.recipient: (r.clock.due, r.clock.state, r.clock.days_late) for r in notice.recipients
    }
    assert shown == {
        "镇政府主要负责人": (D(2026, 10, 2), clocks.MET, 0),
        "镇牵头责任领导": (D(2026, 10, 4), clocks.LATE, 1),
        "规划建设": (D(2026, 10, 1), clocks.MET, 0),
        "公安": (D(2026, 10, 13), clocks.MET, 0),
        "供电": (D(2026, 10, 13), clocks.LATE, 2),
    }
    # the list's order is the recipient list's
    assert [r.recipient for r in notice.recipients] == list(FIVE)
    found = nt.breaches(store, "2026-10-01", "2026-10-31", D(2026, 10, 20))
    assert [(b.unit, b.direct, b.due, b.done, b.days_late) for b in found] == [
        ("镇牵头责任领导", "牵头责任领导", D(2026, 10, 4), D(2026, 10, 5), 1),
        ("供电", "相关部门主要负责人", D(2026, 10, 13), D(2026, 10, 15), 2),
    ]
    assert found[0].source == "启政办发〔2020〕32号 二(二)2"
    assert found[0].rule == "批示后2日内组织到场制止"
    assert found[1].record == JCBH and found[1].township == "青山镇"
    # September holds no due date: nothing in that period
    assert nt.breaches(store, "2026-09-01", "2026-09-30", D(2026, 10, 20)) == []


def test_open_and_overdue_replies_and_a_leader_waiting_for_the_instruction(store):
    notice_id = send(store)
    [notice] = nt.notifications_of(store, jcbh=JCBH, today="2026-10-08")
    states = {r.recipient: (r.clock.state, r.clock.days_late) for r in notice.recipients}
    assert states == {
        "镇政府主要负责人": (clocks.OVERDUE, 6),  # due 10-02, 8 − 2
        "镇牵头责任领导": (clocks.WAITING, 0),
        "规划建设": (clocks.OVERDUE, 7),
        "公安": (clocks.OPEN, 0),
        "供电": (clocks.OPEN, 0),
    }
    found = nt.breaches(store, "2026-10-01", "2026-10-31", D(2026, 10, 8))
    assert [(b.unit, b.done, b.days_late) for b in found] == [
        ("镇政府主要负责人", None, 6),
        ("规划建设", None, 7),
    ]
    assert nt.get_notification(store, notice_id).id == notice_id


def test_the_register_lists_the_notifications_of_a_period(store):
    send(store, number="抄1")
    send(store, number="抄2", recipients=("公安",), jcbh="320100202601001")
    assert [n.number for n in nt.register(store, "2026-09-01", "2026-09-30")] == ["抄1", "抄2"]
    assert nt.register(store, "2026-10-01", "2026-10-31") == []


@pytest.mark.parametrize(
    "changes, reason",
    [
        (dict(recipients=("公安", "海关")), "海关 is not in the list of recipients"),
        (dict(recipients=("公安", "公安")), "named twice"),
        (dict(recipients=()), "at least one recipient"),
        (dict(jcbh="999"), "no plot with the 监测编号 999"),
        (dict(clue_code="XS1"), "either the plot"),
        (dict(sent_on="下周"), "is not a date"),
        (dict(subject=" "), "subject"),
    ],
)
def test_bad_notifications_are_refused_and_nothing_is_stored(store, changes, reason):
    fields = dict(subject="抄告", sent_on="2026-09-30", recipients=("公安",), number="抄9",
                  jcbh=JCBH)  # fmt: skip
    fields.update(changes)
    with pytest.raises(errors.InvalidRecord, match=reason):
        nt.send_notification(store, nt.NewNotification(**fields))
    assert store._db.execute("SELECT count(*) FROM notification").fetchone()[0] == 0
    assert store._db.execute("SELECT count(*) FROM notification_recipient").fetchone()[0] == 0


def test_replies_are_checked(store):
    notice_id = send(store)
    send(store, number="抄2")
    with pytest.raises(errors.InvalidRecord, match="already exists"):
        send(store, number="抄2")
    with pytest.raises(errors.InvalidRecord, match="before the notification was sent"):
        nt.record_reply(store, notice_id, "公安", "2026-09-29")
    with pytest.raises(errors.InvalidRecord, match="not sent to this recipient"):
        nt.record_reply(store, notice_id, "林业", "2026-10-09")
    assert nt.notification_id_of(store, "抄2") == notice_id + 1
    # a reply corrected: the latest date counts
    nt.record_reply(store, notice_id, "公安", "2026-10-14")
    nt.record_reply(store, notice_id, "公安", "2026-10-12", "更正")
    [notice] = [n for n in nt.notifications_of(store, jcbh=JCBH) if n.id == notice_id]
    police = next(r for r in notice.recipients if r.recipient == "公安")
    assert (police.replied_on, police.reply_text, police.clock.state) == (
        "2026-10-12",
        "更正",
        clocks.MET,
    )
    assert store.audit_entries("notification_recipient", police.id)[-1].action == "UPDATE"


def test_the_recipient_list_is_editable(store):
    names = [r.name for r in nt.list_recipients(store)]
    assert len(names) >= 15 and names[:2] == ["镇政府主要负责人", "镇牵头责任领导"]
    nt.add_recipient(store, "市自然资源局", 1, working_days=False, accountable="市局执法监察科")
    assert nt.list_recipients(store)[-1].name == "市自然资源局"
    with pytest.raises(errors.InvalidRecord, match="already in the list"):
        nt.add_recipient(store, "公安", 5)
    with pytest.raises(errors.InvalidRecord, match="above 0"):
        nt.add_recipient(store, "海关", 0)
    notice_id = send(store, recipients=("供电", "市自然资源局"))
    # a rule changed moves the due date: 供电 3 calendar days from 30 September
    nt.change_recipient(store, "供电", 3, False, accountable="供电公司经理")
    nt.rename_recipient(store, "供电", "供电公司")
    [notice] = nt.notifications_of(store, jcbh=JCBH)
    power = notice.recipients[0]
    assert (power.recipient, power.clock.due, power.accountable) == (
        "供电公司", D(2026, 10, 3), "供电公司经理",
    )  # fmt: skip
    nt.record_reply(store, notice_id, "供电公司", "2026-10-02")
    with pytest.raises(errors.InvalidRecord, match="keeps its name"):
        nt.rename_recipient(store, "镇政府主要负责人", "镇长")
    with pytest.raises(errors.InvalidRecord, match="no recipient of this name"):
        nt.change_recipient(store, "海关", 5, True)
