"""PDF reports (核查报告, 销号报告, 卷宗): built from report models filled with realistic
data and small images, then read back the way a person or an auditor would: the text
(pdftotext), the fonts (pdffonts), the page count (pdfinfo), the 卷内目录 against the
real pages, and the QR code decoded from the rendered page (pdftoppm + zbarimg)."""

from __future__ import annotations

import datetime as dt
import html
import os
import re
import shutil
import subprocess
import sys
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageDraw

from landcase.reports import (
    FontMissing,
    build_closeout_report,
    build_dossier,
    build_verification_report,
    qr_payload,
    read_case_hash,
    register_cjk_font,
    should_rebuild,
)
from landcase.reports import fonts as report_fonts
from landcase.reports.layout import ImageCache, fmt_area, fmt_m2, fmt_mu, wrap_cjk
from landcase.reports.models import (
    CloseOut,
    CloseOutReport,
    Determination,
    Dossier,
    DossierCover,
    DossierDocument,
    DossierNotes,
    MapImage,
    MapImages,
    OverlayRow,
    PhotoInfo,
    PlotInfo,
    Rectification,
    ScannedDocument,
    Signatures,
    Verification,
    VerificationReport,
    sum_rows,
)

IMAGES = Path(__file__).parent / "data" / "report_images"


def two(value: float) -> str:
    """Two decimals rounded half up (四舍五入) from the float's exact value, the way
    official areas are printed."""
    return str(Decimal(value).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


def mu_two(m2: float) -> str:
    """亩 as printed, worked out here: m² × 15 / 10000 in decimals, half up to 0.01."""
    return two(Decimal(m2) * 15 / 10000)


GENERATED = dt.datetime(2026, 5, 10, 9, 30)
TOOLS = ("pdftotext", "pdffonts", "pdfinfo", "pdftoppm", "zbarimg")
pytestmark = pytest.mark.skipif(
    any(shutil.which(t) is None for t in TOOLS),
    reason="needs poppler-utils and zbar-tools (make apt)",
)


# -- fixture images ---------------------------------------------------------------------


def make_fixture_images(folder: Path) -> None:
    """The small images in tests/data/report_images (run again to regenerate them)."""
    folder.mkdir(parents=True, exist_ok=True)
    _location_map(folder / "location.png")
    _image_map(folder / "before.png", built=False)
    _image_map(folder / "after.png", built=True)
    for i in range(1, 4):
        _photo(folder / f"photo{i}.jpg", i)
    _scan(folder / "scan1.jpg")


def _location_map(path: Path, size=(720, 400)) -> None:
    w, h = size
    im = Image.new("RGB", size, (246, 243, 232))
    d = ImageDraw.Draw(im)
    rng = np.random.default_rng(1)
    fills = [(214, 235, 190), (190, 220, 160), (230, 215, 190), (200, 200, 210)]
    for _ in range(int(40 * w * h / 288000)):  # parcels
        x, y = int(rng.integers(0, w)), int(rng.integers(0, h))
        pw, ph = int(rng.integers(30, 120)), int(rng.integers(20, 80))
        d.rectangle([x, y, x + pw, y + ph], fill=fills[rng.integers(4)], outline=(170, 170, 170))
    d.line([(0, h * 0.7), (w, h * 0.4)], fill=(250, 200, 90), width=7)  # road
    d.line([(w * 0.2, 0), (w * 0.35, h)], fill=(120, 170, 230), width=9)  # river
    cx, cy = w * 0.55, h * 0.47
    d.polygon(
        [(cx - 25, cy - 20), (cx + 25, cy - 30), (cx + 40, cy + 15), (cx - 10, cy + 25)],
        outline=(230, 20, 20),
        width=4,
    )
    d.polygon([(w - 40, 20), (w - 30, 60), (w - 50, 60)], fill=(0, 0, 0))  # north arrow
    d.text((w - 44, 62), "N", fill=(0, 0, 0))
    d.rectangle([20, h - 30, 120, h - 24], outline=(0, 0, 0), fill=(255, 255, 255))
    d.rectangle([20, h - 30, 70, h - 24], fill=(0, 0, 0))
    d.text((20, h - 20), "0      500 m", fill=(0, 0, 0))
    im.save(path, optimize=True)


def _image_map(path: Path, built: bool, size=(300, 300), seed=2) -> None:
    """A satellite-like image: field strips, a building when ``built``, the plot in red."""
    w, h = size
    rng = np.random.default_rng(seed)
    base = np.zeros((h, w, 3), np.float64)
    base[:] = (86, 120, 62)
    for i in range(0, w, max(1, w // 7)):
        base[:, i : i + w // 15] = (112, 140, 74)
    arr = np.clip(base + rng.normal(0, 3, (h, w, 1)), 0, 255).astype(np.uint8)
    im = Image.fromarray(arr)
    d = ImageDraw.Draw(im)
    if built:
        d.rectangle([w * 0.35, h * 0.38, w * 0.68, h * 0.62], fill=(196, 196, 200))
        d.rectangle([w * 0.38, h * 0.42, w * 0.65, h * 0.58], fill=(90, 110, 150))
    d.polygon(
        [(w * 0.33, h * 0.35), (w * 0.72, h * 0.33), (w * 0.73, h * 0.65), (w * 0.34, h * 0.66)],
        outline=(255, 40, 40),
        width=max(2, w // 75),
    )
    d.polygon([(w - 30, 15), (w - 22, 45), (w - 38, 45)], fill=(255, 255, 255))
    im.save(path, optimize=True)


def _photo(path: Path, seed: int, size=(640, 480)) -> None:
    w, h = size
    rng = np.random.default_rng(seed)
    y = np.linspace(0, 1, h)[:, None, None]
    sky = np.array([150, 190, 235]) * (1 - y) + np.array([220, 230, 240]) * y
    arr = np.repeat(sky, w, axis=1)
    arr[int(h * 0.55) :] = (118, 102, 78)
    arr = np.clip(arr + rng.normal(0, 6, arr.shape), 0, 255).astype(np.uint8)
    im = Image.fromarray(arr)
    d = ImageDraw.Draw(im)
    x = 80 + seed * 50
    d.rectangle([x, 150, x + 300, 300], fill=(170, 170, 165), outline=(60, 60, 60), width=3)
    d.polygon([(x - 20, 150), (x + 150, 80), (x + 320, 150)], fill=(120, 60, 50))
    im.save(path, quality=82)


def _scan(path: Path, size=(620, 877)) -> None:
    """A scanned A4 form: ruled table on off-white paper."""
    w, h = size
    im = Image.new("L", size, 244)
    d = ImageDraw.Draw(im)
    d.rectangle([60, 60, w - 60, 110], fill=200)
    for y in range(150, h - 120, 48):
        d.line([(60, y), (w - 60, y)], fill=40, width=2)
    d.line([(200, 150), (200, h - 168)], fill=40, width=2)
    d.rectangle([60, 150, w - 60, h - 168], outline=30, width=3)
    d.ellipse([w - 220, h - 160, w - 100, h - 40], outline=(120), width=4)  # seal
    im.save(path, quality=80)


@pytest.fixture(scope="module")
def images() -> Path:
    if not (IMAGES / "scan1.jpg").exists():
        make_fixture_images(IMAGES)
    return IMAGES


# -- report models with realistic data ---------------------------------------------------


def sample_plot() -> PlotInfo:
    return PlotInfo(
        jcbh="330110202601007",
        batch="2026年第1批部卫片",
        clue_source="部卫片",
        county="余杭区",
        township="青山镇",
        village="石桥村",
        qsx="2025-10",
        hsx="2026-01",
        area_m2=2345.678,
        area_ellipsoidal_m2=2351.234,
        change_type="耕地变建设用地",
        center_lon=119.987654,
        center_lat=30.123456,
    )


def sample_verification(images: Path, **changes) -> VerificationReport:
    report = VerificationReport(
        plot=sample_plot(),
        verification=Verification(
            site_status="已建成",
            land_user="杭州石桥建材有限公司（法定代表人：王建国）",
            actual_use="厂房及硬化堆场",
            construction_date="2025-11",
            description=(
                "现场为一处钢结构厂房，北侧为水泥硬化堆场，堆放建筑材料若干；厂房东侧新建围墙"
                "约 80 米。用地单位未能提供用地审批手续，现场负责人称系租用石桥村村集体土地，"
                "租期十年，已于 2025 年 11 月开工建设。"
            ),
            verifier="陈立新",
            verified_on="2026-02-14",
        ),
        determination=Determination(
            category="违法",
            subtype="工矿商服（厂房）",
            new_or_existing="新增",
            evidence={
                "判定依据": "未取得农用地转用及供地批准手续",
                "核查记录": "2026-02-14 现场核查笔录（编号 QS-2026-017）",
            },
            decided_by="周明",
            decided_on="2026-02-18",
            note="建议立案查处，责令限期拆除并恢复种植条件。",
        ),
        overlay=[
            OverlayRow("0101", "水田", 812.345, 814.567, "农用地"),
            OverlayRow("0103", "旱地", 601.1, 602.55, "农用地"),
            OverlayRow("0301", "乔木林地", 120.004, 120.4, "农用地"),
            OverlayRow("1006", "农村道路", 45.5, 45.61, "农用地"),
            OverlayRow("0702", "农村宅基地", 566.729, 568.104, "建设用地"),
            OverlayRow("1206", "裸土地", 200.0, 200.0, "未利用地"),
        ],
        farmland=[OverlayRow("0101", "水田", 700.12, 701.98, "农用地")],
        other_layers=[
            OverlayRow("", "生态保护红线", 0.0, 0.0),
            OverlayRow("", "城镇开发边界", 1210.554, 1213.5),
        ],
        photos=[
            PhotoInfo(str(images / "photo1.jpg"), "2026-02-14 10:32:05", 119.98712, 30.12311, 45.0),
            PhotoInfo(
                str(images / "photo2.jpg"),
                "2026-02-14 10:35:40",
                119.98801,
                30.12388,
                200.0,
                description="厂房南侧，硬化地面",
            ),
            PhotoInfo(
                str(images / "photo3.jpg"),
                "2026-02-14 10:41:13",
                119.99101,
                30.12021,
                310.0,
                flags=["拍摄位置距图斑 352 m"],
            ),
        ],
        maps=MapImages(
            MapImage(str(images / "location.png")),
            MapImage(str(images / "before.png")),
            MapImage(str(images / "after.png")),
        ),
        signatures=Signatures(
            "陈立新", "2026-02-14", "周明", "2026-02-18", "余杭区青山镇规划资源所"
        ),
        unit="余杭区青山镇规划资源所",
    )
    for key, value in changes.items():
        setattr(report, key, value)
    return report


def sample_closeout(images: Path) -> CloseOutReport:
    return CloseOutReport(
        plot=sample_plot(),
        determination=Determination(
            category="违法", subtype="工矿商服（厂房）", new_or_existing="新增"
        ),
        rectification=Rectification(
            measures="拆除复耕、补办手续",
            note=(
                "拆除钢结构厂房及围墙，清理硬化地面和建筑垃圾，翻耕后恢复种植条件；"
                "剩余部分补办设施农用地备案手续。"
            ),
            task_listed_on="2026-03-01",
            deadline="2026-04-30",
            demolished_m2=1523.456,
            restored_m2=1203.214,
            legalised_m2=320.005,
            reinspection_result="已拆除到位，复耕面积与整改方案一致，现场已种植油菜。",
            reinspected_on="2026-04-25",
            reinspected_by="陈立新",
            reinspection_photos=[
                PhotoInfo(
                    str(images / "photo2.jpg"), "2026-04-25 09:12:44", 119.98733, 30.12355, 90.0
                )
            ],
        ),
        closeout=CloseOut(
            closed_by="周明",
            closed_on="2026-05-06",
            joint_recheck_result="经区规划资源局、农业农村局联合复核，整改到位，同意销号。",
            note="销号材料已报区局备案。",
        ),
        filing_number="余规资立〔2026〕17号",
        responsible_unit="青山镇人民政府",
        signatures=Signatures(
            "陈立新", "2026-05-06", "周明", "2026-05-07", "余杭区青山镇规划资源所"
        ),
        unit="余杭区青山镇规划资源所",
    )


def sample_dossier(images: Path) -> Dossier:
    jcbh = "330110202601007"
    return Dossier(
        cover=DossierCover(
            title=f"2026年第1批部卫片图斑{jcbh}（杭州石桥建材有限公司违法占地）核查及整改销号材料",
            fonds_no="Z012",
            catalogue_no="WPZF-2026",
            volume_no="0007",
            archive_code="Z012-WPZF-2026-0007",
            start_date="2026-02-14",
            end_date="2026-05-07",
            retention="永久",
            unit="余杭区青山镇规划资源所",
        ),
        # deliberately out of order: the dossier binds them in DOCUMENT_ORDER
        documents=[
            DossierDocument(
                "销号报告", f"图斑{jcbh}整改销号报告", sample_closeout(images),
                responsible="青山镇规划资源所", date="2026-05-06",
            ),
            DossierDocument(
                "立案呈批表", "立案呈批表", ScannedDocument([str(images / "scan1.jpg")]),
                jcbh=jcbh, doc_number="余规资立〔2026〕17号", responsible="余杭区规划资源局",
                date="2026-03-01",
            ),
            DossierDocument(
                "核查报告", f"图斑{jcbh}核查报告", sample_verification(images),
                responsible="青山镇规划资源所", date="2026-02-18",
            ),
            DossierDocument(
                "责令停止违法行为通知书", "责令停止违法行为通知书", None, jcbh=jcbh,
                doc_number="余规资责停〔2026〕5号", responsible="余杭区规划资源局",
                date="2026-03-02", note="原件",
            ),
        ],
        notes=DossierNotes(
            remarks="本卷材料齐全，核查报告与销号报告均由 LandCase 生成并经签字确认。",
            compiled_by="李晓燕",
            checked_by="周明",
            compiled_on="2026-05-10",
        ),
    )  # fmt: skip


# -- reading PDFs back -------------------------------------------------------------------


def run(*args: str) -> str:
    return subprocess.run(args, check=True, capture_output=True, text=True).stdout


def page_text(pdf: Path, page: int | None = None) -> str:
    pages = ["-f", str(page), "-l", str(page)] if page else []
    return run("pdftotext", "-layout", *pages, str(pdf), "-")


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def page_count(pdf: Path) -> int:
    return int(re.search(r"^Pages:\s+(\d+)", run("pdfinfo", str(pdf)), re.M).group(1))


def pdf_fonts(pdf: Path) -> list[dict]:
    lines = run("pdffonts", str(pdf)).splitlines()[2:]
    fonts = []
    for line in lines:
        parts = line.split()
        # name type... encoding emb sub uni object id
        fonts.append({"name": parts[0], "emb": parts[-5], "sub": parts[-4], "uni": parts[-3]})
    return fonts


def decode_qr(pdf: Path, page: int, folder: Path) -> str:
    prefix = folder / f"{pdf.stem}-qr{page}"
    run(
        "pdftoppm",
        "-r",
        "200",
        "-f",
        str(page),
        "-l",
        str(page),
        "-png",
        "-singlefile",
        str(pdf),
        str(prefix),
    )
    return run("zbarimg", "--raw", "-q", f"{prefix}.png").strip()


def words(pdf: Path, page: int) -> list[tuple[str, float, float, float, float]]:
    """(text, xMin, yMin, xMax, yMax) of every word on a page, in points from top left."""
    out = run("pdftotext", "-bbox", "-f", str(page), "-l", str(page), str(pdf), "-")
    pattern = r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>'
    return [
        (html.unescape(m[4]), float(m[0]), float(m[1]), float(m[2]), float(m[3]))
        for m in re.findall(pattern, out)
    ]


def render_pages(pdf: Path, artifacts: Path, name: str, last: int) -> list[Path]:
    for old in artifacts.glob(f"{name}-*.png"):
        old.unlink()
    run("pdftoppm", "-r", "90", "-f", "1", "-l", str(last), "-png", str(pdf), str(artifacts / name))
    return sorted(artifacts.glob(f"{name}-*.png"))


def assert_footers(pdf: Path, pages: int) -> None:
    for page in range(1, pages + 1):
        text = page_text(pdf, page)
        assert re.search(rf"第\s*{page}\s*页\s*共\s*{pages}\s*页", text), (page, text[-300:])


def assert_text_inside_margins(pdf: Path, pages: int) -> None:
    """No word runs past the printed area (A4 less the 25 mm / 20 mm side margins)."""
    left, right = 25 / 25.4 * 72, 595.28 - 20 / 25.4 * 72
    for page in range(1, pages + 1):
        for text, x0, _y0, x1, _y1 in words(pdf, page):
            assert left - 1 <= x0 and x1 <= right + 1, (page, text, x0, x1)


def assert_cjk_font_embedded(pdf: Path) -> None:
    fonts = pdf_fonts(pdf)
    assert fonts, "no font in the PDF"
    for font in fonts:
        assert (font["emb"], font["sub"], font["uni"]) == ("yes", "yes", "yes"), font
    face = register_cjk_font().face_name
    assert all(face in font["name"] for font in fonts), fonts


def assert_contents_match_pages(pdf: Path, result) -> None:
    """Each document starts on the page the 卷内目录 gives and ends where it says: its
    heading is on those pages and on no other; the 页号 column holds those numbers on
    the row of its 序号 (word positions from pdftotext -bbox)."""
    ranges = result.documents
    for number, doc in enumerate(ranges, 1):
        heading = f"卷内文件{number}：{doc.title}"
        for page in range(doc.first - 1, doc.last + 2):
            on_page = heading in squeeze(page_text(pdf, page))
            assert on_page == (doc.first <= page <= doc.last), (heading, page)
    toc = []
    for page in range(2, ranges[0].first):  # the 卷内目录 runs from page 2
        assert "卷内目录" in squeeze(page_text(pdf, page))
        toc += [(page, *w) for w in words(pdf, page)]
    page_x = next(w[2] for w in toc if w[1] == "页号")
    for number, doc in enumerate(ranges, 1):
        label = str(doc.first) if doc.first == doc.last else f"{doc.first}-{doc.last}"
        row = next(w for w in toc if w[1] == str(number) and w[2] < 100)
        in_row = [
            w[1]
            for w in toc
            if w[0] == row[0]
            and abs(w[2] - page_x) < 30
            and abs((w[3] + w[5]) / 2 - (row[3] + row[5]) / 2) < 4
        ]
        assert in_row == [label], (number, label, in_row)


# -- fonts ----------------------------------------------------------------------------------


def test_font_found_has_truetype_outlines():
    fontset = register_cjk_font()
    assert fontset.subfont_index in report_fonts.truetype_subfonts(fontset.path)
    assert fontset is register_cjk_font()  # registered once


def test_font_missing_names_the_font_to_install(tmp_path):
    empty = tmp_path / "fonts"
    empty.mkdir()
    with pytest.raises(FontMissing) as error:
        register_cjk_font(search_dirs=[empty])
    assert "fonts-wqy-zenhei" in str(error.value)
    assert "SimSun" in str(error.value)


def test_cff_fonts_are_skipped(tmp_path):
    folder = tmp_path / "fonts"
    folder.mkdir()
    fake = folder / "simsun.ttc"  # a known name, but CFF outlines ('OTTO')
    fake.write_bytes(b"OTTO\x00\x01\x00\x00\x00\x00\x00\x00" + b"CFF " + bytes(12))
    assert report_fonts.truetype_subfonts(fake) == []
    with pytest.raises(FontMissing, match="CFF"):
        register_cjk_font(search_dirs=[folder])


def test_preferred_font_comes_first_and_a_bad_one_falls_back(tmp_path):
    system = register_cjk_font()
    link = tmp_path / "my-cjk-font.ttc"
    link.symlink_to(system.path)
    chosen = register_cjk_font(preferred=str(link), search_dirs=[tmp_path / "nothing"])
    assert chosen.path == str(link)
    not_a_font = tmp_path / "notes.ttf"
    not_a_font.write_text("not a font")
    fallback = register_cjk_font(preferred=str(not_a_font))
    assert fallback.path == system.path


def test_no_pdf_without_a_font(tmp_path, images, monkeypatch):
    empty = tmp_path / "fonts"
    empty.mkdir()
    monkeypatch.setattr(report_fonts, "system_font_dirs", lambda: [empty])
    target = tmp_path / "report.pdf"
    with pytest.raises(FontMissing):
        build_verification_report(sample_verification(images), target)
    assert not target.exists()


def test_characters_the_font_lacks_become_geta_marks():
    fonts = register_cjk_font()
    assert fonts.clean("𠮷野家 😀 核查") == "〓野家 〓 核查"


def test_areas_are_rounded_half_up():
    # Half up from the float's exact value, the rule of cases/areas: the float 2.675 is
    # 2.67499999999999982236431605997495353221893310546875, so it prints 2.67 (issue 11:
    # one rounding rule; the old formatting rounded the shortest repr, 2.68).
    assert [fmt_area(v) for v in (0.125, 2.675, 1234.5649, -0.001, None)] == [
        "0.13",
        "2.67",
        "1234.56",
        "0.00",
        "—",
    ]
    # 亩 from m²: 670 m² × 15 / 10000 = 1.005 亩 exactly → 1.01 (the float quotient
    # 670 / 666.666… is 1.00499… and would print 1.00); 6670 m² = 10.005 亩 → 10.01
    assert fmt_mu(670) == "1.01"
    assert fmt_mu(6670) == "10.01"
    assert fmt_mu(None) == "未比对" and fmt_m2(None) == "未比对"
    assert fmt_m2(float("nan"), "—") == "—"


def test_cjk_line_breaking_keeps_numbers_and_brackets_whole():
    font = register_cjk_font().regular
    assert wrap_cjk("余规资立〔2026〕17号", font, 10, 80) == ["余规资立", "〔2026〕17号"]
    lines = wrap_cjk("现场为一处钢结构厂房，北侧为水泥硬化堆场。", font, 10, 80)
    assert lines == ["现场为一处钢结构", "厂房，北侧为水泥", "硬化堆场。"]


# -- verification report ----------------------------------------------------------------------


def test_verification_report(tmp_path, images, artifacts):
    report = sample_verification(images)
    pdf = tmp_path / "330110202601007_核查报告.pdf"
    result = build_verification_report(report, pdf, generated_at=GENERATED)

    assert result.path == pdf and pdf.exists()
    assert result.pages == page_count(pdf) >= 3
    assert result.sha256 == __import__("hashlib").sha256(pdf.read_bytes()).hexdigest()
    assert result.case_hash == report.case_hash() == read_case_hash(pdf)
    assert_cjk_font_embedded(pdf)
    assert_footers(pdf, result.pages)
    assert_text_inside_margins(pdf, result.pages)

    text = page_text(pdf)
    flat = squeeze(text)
    assert "卫片执法图斑核查报告" in flat
    assert "330110202601007" in flat
    plot = report.plot
    for value in (plot.area_m2, plot.area_ellipsoidal_m2):
        assert two(value) in text
    assert mu_two(plot.area_ellipsoidal_m2) in text  # 2351.234 × 15 / 10000 = 3.526851 → 3.53
    assert "3.53" in text
    by_class, farmland = text.split("压占永久基本农田")
    for rows, part in ((report.overlay, by_class), (report.farmland, farmland)):
        for row in rows:
            line = next(
                ln for ln in part.splitlines() if row.class_name in ln and row.class_code in ln
            )
            numbers = re.findall(r"\d+\.\d\d", line)
            assert numbers == [
                two(row.planar_m2),
                two(row.ellipsoidal_m2),
                mu_two(row.ellipsoidal_m2),
            ]
    total = sum_rows(report.overlay)
    total_line = next(ln for ln in text.splitlines() if "合计" in ln)
    assert re.findall(r"\d+\.\d\d", total_line) == [
        two(total.planar_m2),
        two(total.area_m2),
        mu_two(total.area_m2),
    ]
    layers = next(ln for ln in text.splitlines() if "城镇开发边界" in ln)
    assert re.findall(r"\d+\.\d\d", layers) == [two(1210.554), two(1213.5), mu_two(1213.5)]
    cultivated = sum(r.area_m2 for r in report.overlay if r.class_code.startswith("01"))
    composition = next(ln for ln in text.splitlines() if ln.strip().startswith("面积（亩）"))
    assert mu_two(cultivated) in composition
    assert "2.13" in composition  # 耕地 1417.12 m²
    # photos: time, position, direction
    for photo in report.photos:
        assert photo.taken_at in text
        assert f"{photo.lon:.6f}°E" in text and f"{photo.lat:.6f}°N" in text
    assert "45°（东北）" in flat and "310°（西北）" in flat
    assert "【提示】拍摄位置距图斑352m" in flat
    # determination with evidence, signatures
    assert "工矿商服（厂房）" in flat and "未取得农用地转用及供地批准手续" in flat
    assert "核查人（签字）" in flat and "审核人（签字）" in flat
    assert "生成时间：2026-05-1009:30" in flat and f"数据校验码：{report.case_hash()}" in flat

    assert decode_qr(pdf, 1, tmp_path) == qr_payload(plot.jcbh, report.case_hash())
    assert decode_qr(pdf, result.pages, tmp_path) == f"LANDCASE|330110202601007|{result.case_hash}"
    render_pages(pdf, artifacts, "verification_report", result.pages)


def test_unassigned_image_layers_are_said_not_left_blank(tmp_path, images, artifacts):
    maps = MapImages(
        location=MapImage(str(images / "location.png")),
        before=MapImage(note="未指定前时相影像图层，本报告无前时相影像"),
        after=MapImage(str(tmp_path / "gone.png")),  # rendered once, since deleted
    )
    report = sample_verification(images, maps=maps, photos=[])
    pdf = tmp_path / "no_layers.pdf"
    result = build_verification_report(report, pdf, generated_at=GENERATED)
    flat = squeeze(page_text(pdf))
    assert "未指定前时相影像图层，本报告无前时相" in flat  # the note wraps in its box
    assert "图片文件无法读取：gone.png" in flat
    assert "无现场照片" in flat
    render_pages(pdf, artifacts, "verification_no_layers", min(2, result.pages))


# -- close-out report --------------------------------------------------------------------------


def test_closeout_report(tmp_path, images, artifacts):
    report = sample_closeout(images)
    pdf = tmp_path / "330110202601007_销号报告.pdf"
    result = build_closeout_report(report, pdf, generated_at=GENERATED)
    assert result.pages == page_count(pdf)
    assert_cjk_font_embedded(pdf)
    assert_footers(pdf, result.pages)
    assert_text_inside_margins(pdf, result.pages)
    text = page_text(pdf)
    flat = squeeze(text)
    assert "卫片执法图斑整改销号报告" in flat
    # 整改面积合计 = max(拆除 1523.456, 复耕 1203.214) + 补办手续 320.005 = 1843.461 m²
    # (拆除 and 复耕 on the same ground count once; adding all three would give 3046.675)
    values = [2351.234, 1523.456, 1203.214, 320.005, 1843.461]
    m2_line = next(ln for ln in text.splitlines() if ln.strip().startswith("面积（m²）"))
    mu_line = next(ln for ln in text.splitlines() if ln.strip().startswith("面积（亩）"))
    assert re.findall(r"\d+\.\d\d", m2_line) == [two(v) for v in values]
    # 1843.461 × 15 / 10000 = 2.7651915 → 2.77; 320.005 (float 320.00499…) → 320.00 m²
    assert re.findall(r"\d+\.\d\d", mu_line) == [mu_two(v) for v in values]
    assert re.findall(r"\d+\.\d\d", mu_line)[-1] == "2.77"
    assert "3046.68" not in text
    # each measure with its area: 拆除, 复耕 (the two steps of 拆除复耕), 补办手续
    for name, area in (("拆除", 1523.456), ("复耕", 1203.214), ("补办手续", 320.005)):
        line = next(ln for ln in text.splitlines() if re.match(rf"\s*\d+\s+{name}\s+\d", ln))
        assert re.findall(r"\d+\.\d\d", line) == [two(area), mu_two(area)]
    # the deadline and the joint re-check result, the close-out note: printed, not "—"
    assert "整改期限2026-04-30" in flat
    assert "联合复核结果经区规划资源局" in flat
    assert "销号说明销号材料已报区局备案。" in flat
    assert "余规资立〔2026〕17号" in flat
    assert "已拆除到位" in flat and "2026-04-2509:12:44" in flat
    assert "同意销号" in flat and "销号人周明" in flat and "2026-05-06" in flat
    assert decode_qr(pdf, 1, tmp_path) == qr_payload("330110202601007", report.case_hash())
    render_pages(pdf, artifacts, "closeout_report", result.pages)


# -- dossier ------------------------------------------------------------------------------------


def test_dossier(tmp_path, images, artifacts):
    dossier = sample_dossier(images)
    pdf = tmp_path / "卷宗_330110202601007.pdf"
    result = build_dossier(dossier, pdf, generated_at=GENERATED)
    pages = page_count(pdf)
    assert result.pages == pages
    assert_cjk_font_embedded(pdf)
    assert_footers(pdf, pages)
    assert_text_inside_margins(pdf, pages)

    # the fixed order, whatever the order given
    kinds = [doc.kind for doc in dossier.ordered_documents()]
    assert kinds == ["核查报告", "立案呈批表", "责令停止违法行为通知书", "销号报告"]
    ranges = result.documents
    assert [r.title for r in ranges] == [doc.title for doc in dossier.ordered_documents()]
    assert ranges[0].first == 3  # after the cover and the 卷内目录
    for a, b in zip(ranges, ranges[1:]):
        assert b.first == a.last + 1
    assert ranges[-1].last == pages - 1  # the 备考表 is the last page

    assert_contents_match_pages(pdf, result)
    assert "卫片执法图斑核查报告" in squeeze(page_text(pdf, ranges[0].first))
    assert "卫片执法图斑整改销号报告" in squeeze(page_text(pdf, ranges[3].first))

    cover = squeeze(page_text(pdf, 1))
    assert "卷宗" in cover and "Z012-WPZF-2026-0007" in cover
    assert f"共4件{pages}页" in cover
    assert "核查及整改销号材料" in cover
    notes = squeeze(page_text(pdf, pages))
    assert "卷内备考表" in notes and f"本卷共有文件4件，共{pages}页" in notes

    # QR: the dossier's hash on its own pages, each report's own hash on the report's
    assert decode_qr(pdf, 1, tmp_path) == qr_payload("330110202601007", dossier.case_hash())
    verification = dossier.ordered_documents()[0].content
    assert decode_qr(pdf, ranges[0].first, tmp_path) == qr_payload(
        "330110202601007", verification.case_hash()
    )
    assert read_case_hash(pdf) == dossier.case_hash() == result.case_hash
    render_pages(pdf, artifacts, "dossier", pages)


def test_dossier_of_a_selection_with_a_long_contents_list(tmp_path, images, artifacts):
    """Two plots, bound plot by plot in the order they first appear; 34 documents, so
    the 卷内目录 runs over two pages and the page numbers still match."""
    a = sample_verification(images)
    b = sample_verification(images)
    b.plot.jcbh = "330110202601012"
    b.plot.village = "东岳村"
    closeout = sample_closeout(images)
    documents = [
        DossierDocument("销号报告", f"图斑{a.plot.jcbh}整改销号报告", closeout),
        DossierDocument("核查报告", f"图斑{b.plot.jcbh}核查报告", b),
        DossierDocument("核查报告", f"图斑{a.plot.jcbh}核查报告", a),
    ]
    documents += [
        DossierDocument(
            "其他材料", f"图斑{b.plot.jcbh}现场检查笔录（第{i}次）", None, jcbh=b.plot.jcbh,
            doc_number=f"余规资检〔2026〕{i}号", responsible="余杭区规划资源局",
            date=f"2026-03-{i:02d}",
        )
        for i in range(1, 32)
    ]  # fmt: skip
    dossier = Dossier(
        cover=DossierCover(
            title="2026年第1批部卫片青山镇违法用地图斑核查及整改材料",
            archive_code="Z012-WPZF-2026-0008",
            volume_no="0008",
            unit="余杭区青山镇规划资源所",
        ),
        documents=documents,
    )
    pdf = tmp_path / "卷宗_青山镇.pdf"
    result = build_dossier(dossier, pdf, generated_at=GENERATED)
    assert result.pages == page_count(pdf)
    ordered = dossier.ordered_documents()
    assert [d.title for d in ordered[:3]] == [
        f"图斑{a.plot.jcbh}核查报告",
        f"图斑{a.plot.jcbh}整改销号报告",
        f"图斑{b.plot.jcbh}核查报告",
    ]
    assert result.documents[0].first >= 4  # the 卷内目录 takes more than one page
    assert_contents_match_pages(pdf, result)
    assert_footers(pdf, result.pages)
    assert "档号：Z012-WPZF-2026-0008" in squeeze(page_text(pdf, 1))
    assert decode_qr(pdf, 1, tmp_path) == qr_payload("Z012-WPZF-2026-0008", dossier.case_hash())
    b_first = result.documents[2].first
    assert decode_qr(pdf, b_first, tmp_path) == qr_payload(b.plot.jcbh, b.case_hash())
    render_pages(pdf, artifacts, "dossier_selection", 3)


def test_photos_are_turned_upright_and_scaled_to_print_size(tmp_path):
    """A phone photo stored landscape with EXIF orientation 6 (turn 90°) prints portrait,
    resampled to 200 dpi at its printed size."""
    path = tmp_path / "phone.jpg"
    exif = Image.Exif()
    exif[0x0112] = 6
    Image.new("RGB", (4000, 3000), (120, 160, 90)).save(path, quality=85, exif=exif)
    reader, width, height = ImageCache().get(str(path), 200, 200, photo=True)
    assert (width, height) == (round(150 / 72 * 200), round(200 / 72 * 200))
    assert reader.jpeg_fh() is not None  # embedded as JPEG, not re-encoded by reportlab


def test_qr_payload_stays_ascii():
    assert qr_payload("330110202601007", "0123456789ab") == "LANDCASE|330110202601007|0123456789ab"
    assert qr_payload("文书-2026|7", "0123456789ab") == (
        "LANDCASE|%E6%96%87%E4%B9%A6-2026%7C7|0123456789ab"
    )


def test_reports_need_neither_qt_nor_qgis():
    code = (
        "import sys; import landcase.reports, landcase.reports.dossier; "
        "bad = [m for m in sys.modules if m.split('.')[0] in ('qgis', 'PyQt5', 'PyQt6', 'sip')]; "
        "assert not bad, bad"
    )
    env_path = str(Path(__file__).resolve().parent.parent / "build" / "pythonpath")
    subprocess.run(
        [sys.executable, "-c", code], check=True, env={**os.environ, "PYTHONPATH": env_path}
    )


# -- hashes and rebuilding -----------------------------------------------------------------------


def test_should_rebuild_only_when_the_case_changed(tmp_path, images):
    report = sample_verification(images)
    pdf = tmp_path / "report.pdf"
    assert should_rebuild(pdf, report.case_hash())  # no file yet
    build_verification_report(report, pdf)
    assert not should_rebuild(pdf, sample_verification(images).case_hash())
    changed = sample_verification(images)
    changed.overlay[0].ellipsoidal_m2 += 0.5
    assert should_rebuild(pdf, changed.case_hash())
    other = tmp_path / "other.pdf"
    other.write_bytes(b"%PDF-1.4\n%%EOF\n")
    assert should_rebuild(other, report.case_hash())


def test_case_hash_follows_content_not_paths_or_time(tmp_path, images):
    report = sample_verification(images)
    moved = tmp_path / "moved"
    shutil.copytree(images, moved)
    same = sample_verification(moved)
    same.generated_at = dt.datetime(2030, 1, 1)
    assert same.case_hash() == report.case_hash()
    assert len(report.case_hash()) == 12

    photo = moved / "photo1.jpg"
    Image.open(photo).transpose(Image.FLIP_LEFT_RIGHT).save(photo, quality=82)
    assert sample_verification(moved).case_hash() != report.case_hash()

    keyed = sample_verification(images)
    keyed.maps.after = MapImage(str(images / "after.png"), source_key="后时相 GF2-2026-01 v3")
    assert keyed.case_hash() != report.case_hash()
    keyed_elsewhere = sample_verification(moved)
    keyed_elsewhere.maps.after = MapImage(
        str(moved / "before.png"), source_key="后时相 GF2-2026-01 v3"
    )
    keyed_elsewhere.photos = keyed.photos
    assert keyed_elsewhere.case_hash() == keyed.case_hash()  # the source, not the render


if __name__ == "__main__":  # regenerate the fixture images
    make_fixture_images(IMAGES)


def test_signature_block_never_stands_alone_on_a_page(tmp_path, images):
    """The signatures move to a new page only together with the section before them."""
    cases = [
        (sample_verification(images), build_verification_report, "六、合法性判定", "七、签字"),
        (sample_closeout(images), build_closeout_report, "五、销号情况", "六、签字"),
    ]
    # four re-inspection photos push 五、销号情况 towards the foot of a page
    many = sample_closeout(images)
    many.rectification.reinspection_photos *= 4
    cases.append((many, build_closeout_report, "五、销号情况", "六、签字"))
    for number, (report, build, before, signatures) in enumerate(cases):
        pdf = tmp_path / f"signed{number}.pdf"
        result = build(report, pdf, generated_at=GENERATED)
        pages = [squeeze(page_text(pdf, page)) for page in range(1, result.pages + 1)]
        [signed] = [text for text in pages if signatures in text]
        assert before in signed and "单位（盖章）" in signed
