"""Files that must not become evidence photos: images that do not decode completely,
special files (FIFOs, devices, folders) that are never opened; and positions whose
hemisphere is unknown. A refused file is named with its reason, in English and Chinese;
the batch it came with stores nothing."""

from __future__ import annotations

import sys
import zlib
from pathlib import Path

import pytest
from photo_files import make_photo, truncated

from helpers import small_database, square
from landcase.cases.photos import (
    PhotoRefused,
    PhotosRefused,
    add_photos,
    attachments_folder,
)

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tools"))
from i18n import read_ts  # noqa: E402

TRUNCATED = "the image data is truncated (the file is incomplete)"
DAMAGED = "the image data cannot be decoded (the file is damaged)"


@pytest.fixture
def store(tmp_path):
    store = small_database(tmp_path / "站点.sqlite", plots=1)
    yield store
    store.close()


@pytest.fixture
def incoming(tmp_path) -> Path:
    folder = tmp_path / "外业照片"
    folder.mkdir()
    return folder


def _plot_id(store) -> int:
    return store.list_plots()[0].plot_id


def _centre() -> tuple[float, float]:
    return square(0).centroid.x, square(0).centroid.y


def _nothing_stored(store) -> bool:
    count = store._db.execute("SELECT count(*) FROM photo").fetchone()[0]
    return count == 0 and not attachments_folder(store).exists()


def _chinese(error: PhotoRefused) -> str:
    """The message as the forms show it (forms.messages.error_text with the .ts)."""
    translations = read_ts()
    return translations[error.template].format(
        **error.filled_params(lambda text: translations[text])
    )


def test_a_jpeg_cut_in_half_is_refused_although_its_exif_is_intact(store, incoming):
    whole = make_photo(incoming / "whole.jpg", xy=_centre(), direction=90, textured=True)
    data = whole.read_bytes()
    scan_start = data.index(b"\xff\xda")  # the compressed pixels start at the SOS marker
    half = truncated(whole, incoming / "半张.jpg", len(data) // 2)
    assert len(data) // 2 > scan_start  # the cut is inside the pixels: EXIF still whole

    with pytest.raises(PhotoRefused) as refused:
        add_photos(store, _plot_id(store), [half])

    assert type(refused.value) is PhotoRefused
    assert str(refused.value) == f"{half} was not attached: {TRUNCATED}"
    assert _chinese(refused.value) == f"{half} 未添加：图像数据被截断（文件不完整）"
    assert _nothing_stored(store)


@pytest.mark.parametrize("missing", [1, 2, 100])
def test_a_jpeg_missing_its_last_bytes_is_refused(store, incoming, missing):
    whole = make_photo(incoming / "whole.jpg", xy=_centre(), textured=True)
    cut = truncated(whole, incoming / "cut.jpg", whole.stat().st_size - missing)
    with pytest.raises(PhotoRefused, match="cut.jpg.*truncated"):
        add_photos(store, _plot_id(store), [cut])
    assert _nothing_stored(store)


def test_a_png_without_its_end_or_with_broken_pixels_is_refused(store, incoming):
    whole = make_photo(incoming / "whole.png", textured=True, image_format="PNG")
    data = whole.read_bytes()
    # the last chunk is IEND: length 0 (4 bytes), type, CRC (4 bytes) = 12 bytes
    assert data[-12:] == b"\x00\x00\x00\x00IEND\xaeB`\x82"
    no_end = truncated(whole, incoming / "no_end.png", len(data) - 12)
    # IDAT holding bytes that are not a zlib stream (its CRC made right, so only the
    # pixels are wrong)
    idat = data.index(b"IDAT") - 4
    length = int.from_bytes(data[idat : idat + 4], "big")
    garbage = bytes(range(256)) * (length // 256) + bytes(length % 256)
    chunk = b"IDAT" + garbage
    crc = zlib.crc32(chunk).to_bytes(4, "big")
    broken = incoming / "broken.png"
    broken.write_bytes(data[: idat + 4] + chunk + crc + data[idat + 12 + length :])

    with pytest.raises(PhotosRefused) as refused:
        add_photos(store, _plot_id(store), [whole, no_end, broken])

    assert [(r.params["path"], r.params["reason"]) for r in refused.value.refusals] == [
        (str(no_end), TRUNCATED),
        (str(broken), DAMAGED),
    ]
    assert _nothing_stored(store)


def test_every_bad_file_of_a_batch_is_named_and_nothing_is_stored(store, incoming):
    good = make_photo(incoming / "good.jpg", xy=_centre())
    other = make_photo(incoming / "other.jpg", xy=_centre(), colour=(1, 2, 3), textured=True)
    empty = incoming / "空.jpg"
    empty.write_bytes(b"")
    text = incoming / "说明.jpg"
    text.write_text("不是照片", encoding="utf-8")
    cut = truncated(other, incoming / "cut.jpg", other.stat().st_size * 3 // 4)

    with pytest.raises(PhotosRefused) as refused:
        add_photos(store, _plot_id(store), [good, empty, text, other, cut])

    error = refused.value
    assert isinstance(error, PhotoRefused)  # callers catching PhotoRefused still do
    assert str(error) == (
        "3 files were not attached, so none of the batch was stored:\n"
        f"{empty} was not attached: the file is empty\n"
        f"{text} was not attached: it is not a JPEG or PNG image\n"
        f"{cut} was not attached: {TRUNCATED}"
    )
    assert _chinese(error) == (
        "3 个文件未能添加，本批照片均未保存：\n"
        f"{empty} 未添加：文件为空\n"
        f"{text} 未添加：不是 JPEG 或 PNG 图像\n"
        f"{cut} 未添加：图像数据被截断（文件不完整）"
    )
    assert _nothing_stored(store)
    # the good files alone are stored
    assert len(add_photos(store, _plot_id(store), [good, other]).added) == 2
