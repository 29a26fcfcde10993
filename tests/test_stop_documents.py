"""The 责令停止违法行为通知书 and the 抄告单 printed from the record and read back with
pdftotext; headless printing of a month and replies imported from a spreadsheet; both
backends.

The 抄告单 of a notification sent Wed 30 September 2026: 公安 answers by the 5th working day,
Tue 13 October (国庆 1–7 October; Sat 10 October 调休 counts), 镇政府主要负责人 by Fri
2 October (2 calendar days), the leader 2 days after the head's 批示 (not yet given).
"""

from __future__ import annotations

import subprocess

import pytest

from helpers import small_database
from landcase.cases import clues, errors, stops
from landcase.cases import notifications as nt
from landcase.cases.reply_import import import_replies
from landcase.cases.stop_documents import notification_sheet_data, stop_notice_data
from landcase.reports.notification_sheet import build_notification_sheet
from landcase.reports.stop_notice import build_stop_notice

JCBH = "320100202601000"
NOTICE = "青自然资停〔2026〕3号"
SHEET = "青自然资抄〔2026〕12号"


def pdf_text(path) -> str:
    """The PDF's text without spaces and line breaks (table cells wrap)."""
    text = subprocess.run(
        ["pdftotext", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    return "".join(text.split())


def fill(store) -> tuple[int, int]:
    from landcase.cases import workflow

    workflow.record_verification(store, 1, "在建", "张三", "住宅", "2026-09", "砖混房屋地基",
                                 "李核查", "2026-09-29")  # fmt: skip
    stop_id = stops.record_stop(store, stops.NewStop(
        "2026-09-29 09:10", "青山镇国土所", "国土所", jcbh=JCBH, stopped_at="2026-09-29 10:30",
        stopped_by="孙所员、周所员", persons=2, method="责令停止违法行为通知书", notice_number=NOTICE,
        notice_date="2026-09-29", result="继续施工", note="擅自占用耕地开挖地基建房"))  # fmt: skip
    notice_id = nt.send_notification(store, nt.NewNotification(
        "关于东村违法占地建房的抄告", "2026-09-30", ("镇政府主要负责人", "镇牵头责任领导", "公安"),
        number=SHEET, content="当事人张三在东村3组擅自占用耕地建房，经制止仍继续施工。",
        sender="青山镇国土所", jcbh=JCBH))  # fmt: skip
    return stop_id, notice_id


@pytest.fixture
def store(case_target):
    store = small_database(case_target, plots=2)
    yield store
    store.close()


def test_the_stop_notice_read_back(store, tmp_path):
    stop_id, _ = fill(store)
    data = stop_notice_data(store, stop_id)
    assert (data.number, data.place.party, data.place.township) == (NOTICE, "张三", "青山镇")
    result = build_stop_notice(data, tmp_path / "n.pdf", "青山县自然资源局")
    text = pdf_text(result.path)
    for expected in ("青山县自然资源局", "责令停止违法行为通知书", NOTICE, "张三：",
                     "2026年9月29日9时10分", f"监测编号：{JCBH}", "擅自占用耕地开挖地基建房",
                     "第七十七条", "第六十八条第（四）项", "立即停止上述违法行为",
                     "2026年9月29日", "孙所员、周所员", "送达回证"):  # fmt: skip
        assert expected in text, expected
    assert result.pages >= 1 and len(result.sha256) == 64


def test_a_stop_without_a_numbered_notice_prints_nothing(store):
    stop_id = stops.record_stop(store, stops.NewStop("2026-09-29", "东村", "村居", jcbh=JCBH))
    with pytest.raises(errors.InvalidRecord, match="numbered notice"):
        stop_notice_data(store, stop_id)


def test_the_notification_sheet_read_back(store, tmp_path):
    _, notice_id = fill(store)
    data = notification_sheet_data(store, notice_id)
    assert [line.deadline for line in data.recipients] == [
        "2026年10月2日前（2日内）",
        "镇政府主要负责人批示后2日内",
        "2026年10月13日前（5个工作日内）",
    ]
    text = pdf_text(build_notification_sheet(data, tmp_path / "s.pdf").path)
    for expected in ("违法用地抄告单", SHEET, "镇政府主要负责人、镇牵头责任领导、公安：",
                     "关于东村违法占地建房的抄告", "经制止仍继续施工", "2026年10月13日前",
                     "超过2天未批示", "回执（公安）", "回执（镇牵头责任领导）", "处置情况",
                     "青山镇国土所（盖章）"):  # fmt: skip
        assert expected in text, expected
    # once the head has given the 批示 (Sat 3 October), the leader's date is printed
    nt.record_reply(store, notice_id, "镇政府主要负责人", "2026-10-03")
    data = notification_sheet_data(store, notice_id)
    assert data.recipients[1].deadline == "镇政府主要负责人批示后2日内（2026年10月5日前）"


def test_a_clue_notice_names_the_clue(store, tmp_path):
    clues.record_clue(store, clues.NewClue(found_at="2026-09-29", code="XS-7", party="李四",
                                           address="东村5组", township="青山镇"))  # fmt: skip
    stop_id = stops.record_stop(store, stops.NewStop(
        "2026-09-29", "青山镇国土所", "国土所", clue_code="XS-7", method="停工通知书",
        notice_number="停1号", notice_date="2026-09-30"))  # fmt: skip
    text = pdf_text(build_stop_notice(stop_notice_data(store, stop_id), tmp_path / "c.pdf").path)
    for expected in ("停工通知书", "李四：", "青山镇东村5组（线索编号：XS-7）"):
        assert expected in text, expected


def test_replies_from_a_spreadsheet_whole_or_not_at_all(store, tmp_path):
    _, notice_id = fill(store)
    good = tmp_path / "good.csv"
    good.write_text(f"文号,接收单位,回复日期,回复内容,回复人\n{SHEET},公安,2026-10-12,已出警,刘警官\n"
                    f"{SHEET},镇政府主要负责人,2026/10/2,请组织制止,\n", encoding="utf-8")  # fmt: skip
    bad = tmp_path / "bad.csv"
    bad.write_text(f"文号,接收单位,回复日期\n{SHEET},公安,2026-10-11\n{SHEET},林业,2026-10-12\n",
                   encoding="utf-8")  # fmt: skip
    with pytest.raises(errors.InvalidRecord, match="第3行.*not sent to this recipient"):
        import_replies(store, bad)
    [notice] = nt.notifications_of(store, jcbh=JCBH)
    assert all(r.replied_on is None for r in notice.recipients)  # nothing of the bad sheet
    assert import_replies(store, good) == 2
    [notice] = nt.notifications_of(store, jcbh=JCBH)
    assert [(r.recipient, r.replied_on, r.replied_by) for r in notice.recipients] == [
        ("镇政府主要负责人", "2026-10-02", None),
        ("镇牵头责任领导", None, None),
        ("公安", "2026-10-12", "刘警官"),
    ]
    missing = tmp_path / "missing.csv"
    missing.write_text("文号,回复日期\n", encoding="utf-8")
    with pytest.raises(errors.InvalidRecord, match="接收单位 are missing"):
        import_replies(store, missing)


def test_printing_a_month_and_importing_replies_headless(qgis_iface, qgis_processing, case_target,
                                                          tmp_path):  # fmt: skip
    import processing

    import landcase

    store = small_database(case_target, plots=2)
    fill(store)
    store.close()
    replies = tmp_path / "r.csv"
    replies.write_text(f"文号,接收单位,回复日期\n{SHEET},公安,2026-10-12\n", encoding="utf-8")
    plugin = landcase.classFactory(qgis_iface)
    plugin.initProcessing()
    try:
        result = processing.run("landcase:printnotices", {
            "DATABASE": case_target, "PERIOD": "2026-09", "ISSUER": "青山县自然资源局",
            "OUTPUT_FOLDER": str(tmp_path / "out"),
        })  # fmt: skip
        assert (result["NOTICES"], result["SHEETS"]) == (1, 1)
        names = sorted(p.name for p in (tmp_path / "out").iterdir())
        assert names == [
            "抄告单_青自然资抄〔2026〕12号.pdf",
            "责令停止违法行为通知书_青自然资停〔2026〕3号.pdf",
        ]
        assert NOTICE in pdf_text(tmp_path / "out" / names[1])
        result = processing.run("landcase:importreplies", {"DATABASE": case_target,
                                                            "INPUT": str(replies)})  # fmt: skip
        assert result["REPLIES"] == 1
    finally:
        plugin.unload()
