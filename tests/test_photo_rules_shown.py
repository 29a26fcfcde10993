"""The photo rules where a user sees them: the case dialog's photo list says which rules
each photo meets and misses, and the 核查报告 lists them under the photos and draws each
photo's position and direction on its location map (PDF read back with pdftotext, the map
picture's pixels looked at)."""

from __future__ import annotations

import subprocess

import numpy as np
import pytest
from photo_files import make_photo
from PIL import Image

from helpers import ORIGIN, small_database
from landcase.cases import workflow
from landcase.cases.photos import add_photos
from landcase.forms.case_dialog import CaseDialog
from landcase.plugin.printing import VERIFICATION, print_documents
from landcase.reports.map_renderer import ARROW_PX, SIGHTING_COLOUR

X0, Y0 = ORIGIN
SOUTH_30 = (X0 + 20, Y0 - 30)  # 30 m south of the middle of the plot's south edge


def _photos(store, plot, folder):
    add_photos(
        store,
        plot,
        [
            make_photo(folder / "全景.jpg", xy=SOUTH_30, direction=0.0),
            make_photo(folder / "侧面.jpg", xy=SOUTH_30, direction=90.0, colour=(200, 10, 10)),
        ],
        kinds={folder / "全景.jpg": "全景", folder / "侧面.jpg": "其他"},
    )


def test_the_dialog_says_which_rules_each_photo_meets(qgis_app, tmp_path):
    store = small_database(tmp_path / "s.sqlite", plots=1)
    plot = store.list_plots()[0].plot_id
    _photos(store, plot, tmp_path)
    form = CaseDialog(store, plot, user="李核查")
    try:
        texts = [form.photos.item(i).text() for i in range(form.photos.count())]
        facing, sideways = sorted(texts, key=lambda t: "侧面" in t)
        # (the tests run without the translation: the English source words)
        assert "Meets: taken in the date window, within 50 m, facing the plot (±45°)" in facing
        assert "misses" not in facing and facing.splitlines()[1].startswith("全景; ")
        assert "misses: facing the plot (±45°)" in sideways
        note = form.photo_rules_note.text()
        assert "2 photos (at least 2)" in note and "Lacking: 近景" in note
        assert "Not all photo rules met" in note
        assert form.reinspection_rules_note.text() == ""  # no re-inspection photos
    finally:
        form.deleteLater()
        store.close()


@pytest.fixture
def printed(qgis_app, tmp_path, case_target):
    store = small_database(case_target, plots=1)
    plot = store.list_plots()[0].plot_id
    _photos(store, plot, tmp_path / "in")
    workflow.record_verification(store, plot, "已建成", verifier="李核查", verified_on="2026-03-05")
    run = print_documents(store, [plot], VERIFICATION, tmp_path / "out")
    yield run[0].path, tmp_path / "out" / ".maps"
    store.close()


def test_the_report_lists_the_rules_under_the_photos(printed):
    pdf, _maps = printed
    text = subprocess.run(
        ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    flat = "".join(text.split())
    assert "照片1（全景）" in flat and "照片2（其他）" in flat
    assert "符合：拍摄时间在期限内；距图斑30米（≤50米）；朝向图斑（图斑方位0°，拍摄方向0°）" in flat
    assert "未朝向图斑（图斑方位0°，拍摄方向90°）" in flat
    assert "照片规则：至少2张，须有全景、近景" in flat
    # window: batch received 2026-02-01 − 3 days to the verification 2026-03-05 + 3 days
    assert "拍摄日期2026-01-29至2026-03-08" in flat
    assert "结论：缺近景；照片2未全部符合。" in flat
    assert "蓝点为照片拍摄位置及编号，箭头为拍摄方向" in flat


def test_the_location_map_draws_each_photo_and_its_direction(printed):
    _pdf, maps = printed
    (picture,) = maps.glob("*_location.png")
    with Image.open(picture) as image:
        pixels = np.asarray(image.convert("RGB")).astype(int)
    blue = [int(SIGHTING_COLOUR[i : i + 2], 16) for i in (1, 3, 5)]
    ys, xs = np.nonzero(np.abs(pixels - blue).sum(axis=2) < 30)
    assert len(xs), "no photo drawn on the location map"
    # both photos stand at one spot, (cx, cy): photo 1's arrow points up (north) to
    # (cx, cy − ARROW_PX), photo 2's right (east) to (cx + ARROW_PX, cy); their numbers
    # are written below left of the spot, so the tips are the topmost and rightmost blue
    top = (xs[ys.argmin()], ys.min())
    right = (xs.max(), ys[xs.argmax()])
    assert abs(right[0] - top[0] - ARROW_PX) <= 3
    assert abs(right[1] - top[1] - ARROW_PX) <= 3
    # the spot is 30 m below the plot's south edge: south of the red outline
    red = np.nonzero(np.abs(pixels - [0xE6, 0x26, 0x1F]).sum(axis=2) < 30)[0]
    assert red.max() < top[1] + ARROW_PX
