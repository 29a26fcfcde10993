"""Issue 11, documents: what is stored reaches the 销号报告 and the 卷宗, scans attached to
a case are bound in their place, the 市级验收 completeness check, and printing says which
plots it left out. Real SpatiaLite, real QGIS maps, PDFs read back with poppler."""

from __future__ import annotations

import csv
import hashlib
import re
import subprocess
from pathlib import Path

import pytest
from photo_files import make_photo
from PIL import Image, ImageDraw
from reportlab.pdfgen.canvas import Canvas

from helpers import new_plot, small_database, square
from landcase.cases import workflow
from landcase.cases.attachments import (
    AttachmentRefused,
    add_attachment,
    attachment_path,
    case_id_of_plot,
    list_attachments,
)
from landcase.cases.completeness import missing_materials
from landcase.cases.photo_storage import attachments_folder
from landcase.cases.photos import add_photos
from landcase.cases.rectification_area import rectified_area_m2
from landcase.plugin.printing import (
    CLOSEOUT,
    DOSSIER,
    VERIFICATION,
    UnitMissing,
    print_documents,
)

UNIT = "青山县自然资源局青山所"


def text_of(pdf: Path, first: int | None = None, last: int | None = None) -> str:
    args = ["pdftotext", "-layout"]
    if first:
        args += ["-f", str(first), "-l", str(last or first)]
    return subprocess.run(args + [str(pdf), "-"], capture_output=True, text=True, check=True).stdout


def flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


def page_count(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))


def scan_pdf(path: Path, pages: int, marker: str) -> Path:
    """A PDF as a scanner's software writes it: pages with text on them."""
    path.parent.mkdir(parents=True, exist_ok=True)
    canvas = Canvas(str(path), pagesize=(595, 842))
    for page in range(1, pages + 1):
        canvas.setFont("Helvetica", 18)
        canvas.drawString(80, 700, f"{marker} PAGE {page}")
        canvas.rect(60, 80, 475, 680)
        canvas.showPage()
    canvas.save()
    return path


def scan_jpeg(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    image = Image.new("L", (620, 877), 244)
    draw = ImageDraw.Draw(image)
    draw.rectangle([60, 60, 560, 817], outline=30, width=3)
    image.save(path, "JPEG", quality=80)
    return path


@pytest.fixture
def county(qgis_app, tmp_path, case_target):
    """Plot 0: 违法, filed, rectified (拆除复耕 and 补办手续), closed out with the joint
    re-check; plot 1: 合法 by an approval without its scan, closed without a case (已办结);
    plot 2: a patrol find (属地巡查) not yet verified."""
    store = small_database(case_target, plots=2)
    [patrol] = store.add_plots(
        [new_plot(2, jcbh="320100202602001", clue_source="属地巡查", found_date="2026-03-03")]
    )
    first, second = [row.plot_id for row in store.list_plots() if row.plot_id != patrol]
    centre = square(0).centroid
    add_photos(store, first, [make_photo(tmp_path / "p" / "核查.jpg", xy=(centre.x, centre.y))])
    workflow.record_verification(
        store,
        first,
        "已建成",
        land_user="某某公司",
        construction_date="2026-01",
        verifier="李核查",
        verified_on="2026-02-10",
    )
    workflow.determine(store, first, "违法", "厂房", decided_by="王判定", decided_on="2026-02-12")
    workflow.file_case(store, first, "青国土立〔2026〕3号", "2026-02-15")
    workflow.start_rectification(store, first, ["拆除复耕", "补办手续"], "2026-02-20")
    workflow.record_reinspection(
        store,
        first,
        "整改到位",
        "2026-04-01",
        "赵复核",
        demolished_area_m2=1200,
        restored_area_m2=1200,
        legalised_area_m2=300,
    )
    add_photos(
        store,
        first,
        [make_photo(tmp_path / "p" / "复核.jpg", xy=(centre.x, centre.y), colour=(150, 120, 60))],
        purpose="复核",
    )
    workflow.close_out(
        store,
        first,
        "2026-04-05",
        "钱销号",
        joint_recheck_result="县局、镇政府联合复核：已拆除复耕到位",
        note="同意销号，纳入事后巡查",
    )
    workflow.record_verification(
        store, second, "已建成", verifier="李核查", verified_on="2026-02-11"
    )
    workflow.determine(
        store,
        second,
        "合法",
        "批文",
        evidence={"approval_number": "苏政地〔2025〕88号", "covered_share": 1.0},
        decided_by="王判定",
        decided_on="2026-02-13",
    )
    workflow.close_without_case(store, second)
    yield store, first, second, patrol
    store.close()


def test_rectified_area_counts_the_same_ground_once():
    # 拆除 1200 and 复耕 1200 on the same ground, 补办手续 300 elsewhere: 1200 + 300
    assert rectified_area_m2(1200, 1200, 300) == 1500
    assert rectified_area_m2(1523.456, 1203.214, 320.005) == 1523.456 + 320.005
    assert rectified_area_m2(None, 800, None) == 800
    assert rectified_area_m2(None, None, None) is None


def test_closeout_report_prints_everything_stored(county, tmp_path):
    store, first, second, _ = county
    [printed] = print_documents(store, [first], CLOSEOUT, tmp_path / "out")
    text = text_of(printed.path)
    f = flat(text)
    assert "卫片执法图斑整改销号报告" in f
    assert "联合复核结果县局、镇政府联合复核：已拆除复耕到位" in f
    # task list 2026-02-20 + 60 days: 8 days of February left + 31 of March = 39,
    # 60 − 39 = 21 → 2026-04-21
    assert "整改期限2026-04-21" in f
    assert "销号说明同意销号，纳入事后巡查" in f
    for name, m2, mu in (
        ("拆除", "1200.00", "1.80"),
        ("复耕", "1200.00", "1.80"),
        ("补办手续", "300.00", "0.45"),
    ):
        line = next(ln for ln in text.splitlines() if re.match(rf"\s*\d+\s+{name}\s+\d", ln))
        assert re.findall(r"\d+\.\d\d", line) == [m2, mu]  # 1200 × 15 / 10000 = 1.80
    m2_line = next(ln for ln in text.splitlines() if ln.strip().startswith("面积（m²）"))
    # 整改面积合计 = max(1200, 1200) + 300 = 1500 m² = 2.25 亩, not 2700 (all three added)
    assert re.findall(r"\d+\.\d\d", m2_line)[1:] == ["1200.00", "1200.00", "300.00", "1500.00"]
    mu_line = next(ln for ln in text.splitlines() if ln.strip().startswith("面积（亩）"))
    assert re.findall(r"\d+\.\d\d", mu_line)[-1] == "2.25"
    assert "2700.00" not in text
    assert "—" not in text.split("五、销号情况")[1].split("六、签字")[0]


def test_closeout_run_says_which_plots_it_left_out(county, tmp_path):
    store, first, second, patrol = county
    run = print_documents(store, [first, second, patrol], CLOSEOUT, tmp_path / "c")
    assert [p.kind for p in run] == [CLOSEOUT]
    assert [(s.jcbh, s.status) for s in run.skipped] == [
        ("320100202601001", "已办结"),
        ("320100202602001", "待核查"),
    ]
    summary = run.skipped_summary()
    assert summary.startswith("2 个图斑未打印：")
    assert "已办结（未立案处理，无整改销号，不出具销号报告） 1 个（320100202601001）" in summary
    assert "尚未销号（状态：待核查" in summary


def test_report_title_follows_the_clue_source_and_uncompared_areas_say_so(county, tmp_path):
    store, first, second, patrol = county
    centre = square(2).centroid  # the patrol plot: 40 m × 40 m
    add_photos(
        store,
        patrol,
        [
            # 340 m north of the centre, 340 − 20 = 320 m from the plot's northern edge
            make_photo(tmp_path / "p" / "远.jpg", xy=(centre.x, centre.y + 340), colour=(1, 2, 3)),
            make_photo(tmp_path / "p" / "无定位.jpg", xy=None, colour=(9, 9, 9)),
        ],
    )
    [report] = print_documents(store, [patrol], VERIFICATION, tmp_path / "v")
    f = flat(text_of(report.path))
    # photo flags in words, not codes
    assert "【提示】距图斑320米" in f and "【提示】无定位" in f
    assert "far_from_plot" not in f and "no_position" not in f
    assert "违法用地巡查图斑核查报告" in f and "卫片执法" not in f
    # no land-use layer compared: 未比对, never 0.00
    assert "未进行叠加分析" in f
    text = text_of(report.path)
    composition = next(ln for ln in text.splitlines() if ln.strip().startswith("面积（亩）"))
    assert composition.count("未比对") == 5 and "0.00" not in composition
    # the plot's own area: planar labelled 平面 (40 m × 40 m = 1600 m²)
    assert "平面面积（m²）1600.00" in f
    assert "椭球面积（m²）" in f


def test_a_scan_is_stored_under_its_hash_and_bad_files_are_refused(county, tmp_path):
    store, first, *_ = county
    case_id = case_id_of_plot(store, first)
    pdf = scan_pdf(tmp_path / "in" / "立案审批表.pdf", 2, "FILING")
    attachment_id = add_attachment(
        store,
        case_id,
        pdf,
        kind="立案文书",
        title="立案审批表",
        doc_number="青国土立〔2026〕3号",
        author="青山县自然资源局",
        doc_date="2026-02-16",
    )
    [stored] = list_attachments(store, case_id)
    assert stored.id == attachment_id and stored.pages == 2 and stored.original_name == pdf.name
    digest = hashlib.sha256(pdf.read_bytes()).hexdigest()
    copy = attachment_path(store, stored)
    folder = attachments_folder(store)  # beside the file, or the server database's evidence
    assert folder.parent == (store.path.parent if store.is_postgres else tmp_path)
    assert copy == folder / digest[:2] / f"{digest}.pdf"
    assert copy.read_bytes() == pdf.read_bytes()

    text = tmp_path / "in" / "说明.txt"
    text.write_text("不是扫描件", encoding="utf-8")
    broken = tmp_path / "in" / "坏.pdf"
    broken.write_bytes(b"%PDF-1.4\n garbage")
    for path, reason in (
        (tmp_path / "in" / "没有.pdf", "does not exist"),
        (text, "not a PDF, JPEG or PNG"),
        (broken, "damaged"),
    ):
        with pytest.raises(AttachmentRefused) as refused:
            add_attachment(store, case_id, path, kind="批文", title="批文")
        assert str(path) in str(refused.value) and reason in str(refused.value)
    with pytest.raises(AttachmentRefused, match="kind of document is missing"):
        add_attachment(store, case_id, pdf, kind=" ", title="x")
    assert len(list_attachments(store, case_id)) == 1


def test_dossier_per_case_with_dates_contents_and_bound_scans(county, tmp_path, artifacts):
    store, first, second, patrol = county
    case_id = case_id_of_plot(store, first)
    add_attachment(
        store,
        case_id,
        scan_pdf(tmp_path / "in" / "立案.pdf", 2, "FILING-SCAN"),
        kind="立案文书",
        title="立案审批表",
        doc_number="青国土立〔2026〕3号",
        author="青山县自然资源局",
        doc_date="2026-02-16",
    )
    add_attachment(
        store,
        case_id,
        scan_jpeg(tmp_path / "in" / "整改.jpg"),
        kind="整改材料",
        title="整改完成情况说明",
        author="青山镇人民政府",
        doc_date="2026-04-08",
    )
    with pytest.raises(UnitMissing):
        print_documents(store, [first], DOSSIER, tmp_path / "d", unit="")
    run = print_documents(store, [first, second], DOSSIER, tmp_path / "d", unit=UNIT)
    assert len(run) == 2  # one volume per case
    pdf = run[0].path
    assert pdf.name == "320100202601000_卷宗.pdf"
    pages = page_count(pdf)
    cover = flat(text_of(pdf, 1))
    # 起止日期: batch received 2026-02-01 … the last document, the 整改 scan of 2026-04-08
    assert "起止日期2026-02-01至2026-04-08" in cover
    assert f"立卷单位{UNIT}" in cover
    assert "卫片执法图斑核查及查处卷宗（监测编号320100202601000）" in cover
    toc = text_of(pdf, 2)
    rows = [ln for ln in toc.splitlines() if re.match(r"\s*\d\s", ln)]
    assert len(rows) == 4
    # 核查报告, then the filing scan after it, the 整改 scan, the 销号报告; each row with
    # 文号, 责任者 and 日期
    assert re.match(r"\s*1\s+无\s+卫片执法图斑核查报告\s+2026-02-10", rows[0])
    # the 责任者 of both reports is the unit (wrapped over two lines in its column)
    assert flat(toc).count("青山县自然资源") == 3  # 核查报告, 立案审批表, 销号报告
    assert "青国土立〔2026〕3号" in rows[1] and "立案审批表" in rows[1] and "2026-02-16" in rows[1]
    assert "整改完成情况说明" in rows[2] and "青山镇人民政府" in rows[2] and "2026-04-08" in rows[2]
    assert "卫片执法图斑整改销号报告" in rows[3] and "2026-04-05" in rows[3]
    assert "1 图斑" not in toc and "320100202601000 图斑" not in toc
    # the scanned PDF's own pages are in the dossier, each under the dossier's footer
    page_of = {}
    for page in range(3, pages + 1):
        text = text_of(pdf, page)
        for marker in ("FILING-SCAN PAGE 1", "FILING-SCAN PAGE 2"):
            if marker in text:
                page_of[marker] = page
                assert f"第 {page} 页 共 {pages} 页" in text
    assert page_of["FILING-SCAN PAGE 2"] == page_of["FILING-SCAN PAGE 1"] + 1
    # its 页号 in the 卷内目录 are those pages; 备注 gives the scan's own page count
    scan_pages = f"{page_of['FILING-SCAN PAGE 1']}-{page_of['FILING-SCAN PAGE 2']}"
    assert re.search(rf"\s{scan_pages}\s+2页\s*$", rows[1]), rows[1]
    notes = flat(text_of(pdf, pages))
    assert "卷内备考表" in notes and "未发现缺失材料" in notes
    # the 已办结 case's volume names what it lacks: the scan of its approval
    other = flat(text_of(run[1].path, page_count(run[1].path)))
    assert "监测编号320100202601001尚缺材料：现场核查照片；批文扫描件。" in other
    subprocess.run(
        ["pdftoppm", "-r", "60", "-png", str(pdf), str(artifacts / "case_dossier")], check=True
    )


def test_completeness_lists_what_each_case_lacks(county):
    store, first, second, patrol = county
    found = {c.jcbh: c for c in missing_materials(store)}
    assert found["320100202601000"].missing == (
        "立案文书扫描件",  # filed, but no filing documents attached yet
    )
    assert found["320100202601001"].missing == ("现场核查照片", "批文扫描件")
    assert found["320100202602001"].missing == ("外业核查记录", "合法性判定")
    assert found["320100202602001"].category == ""


@pytest.fixture
def plugin_provider(qgis_iface, qgis_processing):
    import landcase

    plugin = landcase.classFactory(qgis_iface)
    plugin.initProcessing()
    yield plugin
    plugin.unload()


def test_processing_attach_check_and_print(plugin_provider, county, tmp_path, monkeypatch):
    import processing
    from qgis.core import QgsProcessingException

    from landcase.toolbelt import settings

    store, first, second, patrol = county
    database = store.location
    result = processing.run(
        "landcase:attachdocument",
        {
            "DATABASE": database,
            "JCBH": "320100202601000",
            "FILE": str(scan_pdf(tmp_path / "in" / "f.pdf", 3, "X")),
            "KIND": 2,  # 立案文书
            "TITLE": "立案审批表",
            "DOC_NUMBER": "青国土立〔2026〕3号",
            "AUTHOR": "青山县自然资源局",
            "DOC_DATE": "2026-02-16",
        },
    )
    assert result["PAGES"] == 3
    with pytest.raises(QgsProcessingException, match="没有.pdf"):
        processing.run(
            "landcase:attachdocument",
            {
                "DATABASE": database,
                "JCBH": "320100202601000",
                "FILE": str(tmp_path / "没有.pdf"),
                "KIND": 0,
                "TITLE": "批文",
            },
        )
    out = tmp_path / "check.csv"
    result = processing.run(
        "landcase:checkcompleteness", {"DATABASE": database, "OUTPUT": str(out)}
    )
    # plot 0 now has its filing documents; plots 1 and 2 still lack materials
    assert (result["CASES"], result["INCOMPLETE"]) == (3, 2)
    with open(out, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == ["监测编号", "案件状态", "判定类别", "是否齐全", "缺失材料数", "缺失材料"]
    assert rows[1] == ["320100202601000", "已销号", "违法", "是", "0", ""]
    assert rows[3] == ["320100202602001", "待核查", "未判定", "否", "2", "外业核查记录；合法性判定"]

    # a close-out run: the filter leaves the patrol plot out, the 已办结 plot is skipped
    result = processing.run(
        "landcase:closeoutreports",
        {
            "DATABASE": database,
            "FILTER": "\"jcbh\" LIKE '3201002026010%'",
            "OUTPUT_FOLDER": str(tmp_path / "r"),
        },
    )
    assert (result["BUILT"], result["SELECTED"], result["FILTERED_OUT"]) == (1, 2, 1)
    assert result["SKIPPED"] == 1 and "已办结" in result["SKIPPED_REASONS"]

    # a dossier headless without a unit name stops and names the setting and parameter
    monkeypatch.setattr(settings, "UNIT_NAME", settings.Setting("test_unit_never_set", "", str))
    with pytest.raises(QgsProcessingException, match="UNIT"):
        processing.run(
            "landcase:dossiers", {"DATABASE": database, "OUTPUT_FOLDER": str(tmp_path / "d")}
        )
    result = processing.run(
        "landcase:dossiers",
        {
            "DATABASE": database,
            "OUTPUT_FOLDER": str(tmp_path / "d"),
            "UNIT": UNIT,
            "FILTER": "\"jcbh\" = '320100202601000'",
        },
    )
    assert result["BUILT"] == 1


def test_several_plots_in_one_volume_only_when_asked(county, tmp_path):
    store, first, second, patrol = county
    [volume] = print_documents(
        store, [first, second], DOSSIER, tmp_path / "one", unit=UNIT, one_volume=True
    )
    cover = flat(text_of(volume.path, 1))
    assert "卫片执法图斑核查及查处卷宗（监测编号320100202601000等2个图斑）" in cover
    # the earliest date: the batch received 2026-02-01; the latest: the close-out of the
    # first plot, 2026-04-05 (the second was determined 2026-02-13 and closed without case)
    assert "起止日期2026-02-01至2026-04-05" in cover
    whole = flat(text_of(volume.path))
    # three items (page headers give 序号 and 题名): each title names its plot after it
    for header in (
        "卷内文件1：卫片执法图斑核查报告（监测编号320100202601000）",
        "卷内文件2：卫片执法图斑整改销号报告（监测编号320100202601000）",
        "卷内文件3：卫片执法图斑核查报告（监测编号320100202601001）",
    ):
        assert header in whole
    assert "卷内文件4" not in whole and "320100202601000图斑" not in whole
