"""Files that must not become evidence photos: images that do not decode completely,
special files (FIFOs, devices, folders) that are never opened; and positions whose
hemisphere is unknown. A refused file is named with its reason, in English and Chinese;
the batch it came with stores nothing."""

from __future__ import annotations

import os
import socket
import stat
import sys
import threading
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
def store(case_target):
    store = small_database(case_target, plots=1)
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


# GPS IFD tags: 1 GPSLatitudeRef, 2 GPSLatitude, 3 GPSLongitudeRef, 4 GPSLongitude
@pytest.mark.parametrize(
    "gps_tags",
    [
        {1: "X"},  # not N or S
        {3: "Q"},  # not E or W
        {1: "E", 3: "N"},  # the two swapped
        {1: None},  # no latitude reference at all
        {3: None},
        {1: "NS"},
    ],
    ids=["lat-X", "lon-Q", "swapped", "no-lat-ref", "no-lon-ref", "lat-NS"],
)
def test_an_unknown_hemisphere_is_no_position_not_north_east(store, incoming, gps_tags):
    path = make_photo(incoming / "ref.jpg", xy=_centre(), direction=45, gps_tags=gps_tags)

    (photo,) = add_photos(store, _plot_id(store), [path]).added

    assert photo.flags == ("no_position",)
    assert photo.longitude is None and photo.latitude is None and photo.x is None
    assert photo.distance_to_plot_m is None
    assert photo.taken_at == "2026-03-04T09:08:07+08:00" and photo.direction == 45


def test_south_and_west_references_give_negative_degrees(store, incoming):
    from fractions import Fraction

    from PIL.TiffImagePlugin import IFDRational

    # 33° 52' 12" S, 151° 12' 36" W (made up; far from the plot, so also far_from_plot)
    # latitude  = -(33 + 52/60 + 12/3600) = -(33 + 0.866666… + 0.003333…) = -33.87
    # longitude = -(151 + 12/60 + 36/3600) = -(151 + 0.2 + 0.01) = -151.21
    dms = (IFDRational(33, 1), IFDRational(52, 1), IFDRational(12, 1))
    dms_lon = (IFDRational(151, 1), IFDRational(12, 1), IFDRational(36, 1))
    path = make_photo(
        incoming / "sw.jpg", gps_tags={0: b"\x02\x03\x00\x00", 1: "S", 2: dms, 3: "W", 4: dms_lon}
    )
    assert Fraction(33) + Fraction(52, 60) + Fraction(12, 3600) == Fraction(3387, 100)

    (photo,) = add_photos(store, _plot_id(store), [path]).added

    assert photo.latitude == pytest.approx(-33.87, abs=1e-12)
    assert photo.longitude == pytest.approx(-151.21, abs=1e-12)


@pytest.mark.parametrize(
    "latitude",
    [
        (30, 60, 0),  # 60 minutes is not a minute value
        (30, 43, 60),  # nor 60 seconds
        (30, 75, 10),
    ],
)
def test_minutes_or_seconds_of_60_or_more_are_no_position(store, incoming, latitude):
    from PIL.TiffImagePlugin import IFDRational

    dms = tuple(IFDRational(part, 1) for part in latitude)
    path = make_photo(incoming / "dms.jpg", xy=_centre(), gps_tags={2: dms})

    (photo,) = add_photos(store, _plot_id(store), [path]).added

    assert photo.flags == ("no_position",) and photo.latitude is None


def _add_with_timeout(store, paths, fifo: Path | None = None, seconds: float = 20.0):
    """add_photos in a thread (with its own connection); if it is still running after
    ``seconds`` (blocked opening a FIFO), a writer opens the FIFO to let it go and the
    test fails."""
    from landcase.cases import CaseStore

    outcome: dict = {}
    plot_id = _plot_id(store)

    def run():
        other = CaseStore.open(store.location, user="测试员")
        try:
            outcome["result"] = add_photos(other, plot_id, paths)
        except BaseException as exc:  # noqa: B036 (handed back to the test)
            outcome["error"] = exc
        finally:
            other.close()

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(seconds)
    hung = thread.is_alive()
    if hung and fifo is not None:
        writer = os.open(fifo, os.O_WRONLY | os.O_NONBLOCK)  # unblocks the reader
        os.close(writer)
        thread.join(seconds)
    assert not hung, "add_photos hung on a special file"
    return outcome


def test_a_fifo_is_refused_without_being_opened(store, incoming):
    fifo = incoming / "相机.jpg"
    os.mkfifo(fifo)
    good = make_photo(incoming / "good.jpg", xy=_centre())

    outcome = _add_with_timeout(store, [good, fifo], fifo)

    error = outcome["error"]
    assert type(error) is PhotoRefused
    assert (
        str(error) == f"{fifo} was not attached: it is a pipe (FIFO), not a file; it was not opened"
    )
    assert _chinese(error) == f"{fifo} 未添加：这是管道（FIFO），不是文件；未打开"
    assert _nothing_stored(store)
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)  # left as it was


def test_a_folder_with_a_fifo_named_like_a_photo_names_it(store, incoming):
    make_photo(incoming / "1.jpg", xy=_centre())
    fifo = incoming / "2.jpg"
    os.mkfifo(fifo)
    (incoming / "子文件夹.jpg").mkdir()  # a folder named like a photo: not scanned

    outcome = _add_with_timeout(store, [incoming], fifo)

    assert str(outcome["error"]) == (
        f"{fifo} was not attached: it is a pipe (FIFO), not a file; it was not opened"
    )
    assert _nothing_stored(store)


def test_devices_sockets_links_to_them_and_folders_are_refused(store, incoming, tmp_path):
    good = make_photo(incoming / "good.jpg", xy=_centre())
    link = incoming / "link.jpg"
    link.symlink_to("/dev/zero")  # reading it would never end
    sock_path = incoming / "s.jpg"
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        server.bind(str(sock_path))
        paths = [Path("/dev/null"), link, sock_path, good]

        outcome = _add_with_timeout(store, paths)
    finally:
        server.close()

    error = outcome["error"]
    assert [(r.params["path"], r.params["reason"]) for r in error.refusals] == [
        ("/dev/null", "it is a device, not a file; it was not opened"),
        (str(link), "it is a device, not a file; it was not opened"),
        (str(sock_path), "it is a socket, not a file; it was not opened"),
    ]
    assert "3 个文件未能添加" in _chinese(error) and "这是套接字，不是文件；未打开" in _chinese(
        error
    )
    assert _nothing_stored(store)


def test_a_file_swapped_for_a_fifo_after_the_check_is_refused_when_copied(
    store, incoming, monkeypatch
):
    """Between the check and the copy the name is replaced by a FIFO: the copy opens it
    without blocking, sees it is not a regular file, and the batch stores nothing."""
    from landcase.cases import photo_check, photos

    good = make_photo(incoming / "good.jpg", xy=_centre())
    read = photo_check.read_candidate

    def read_then_swap(path):
        candidate = read(path)
        path.unlink()
        os.mkfifo(path)
        return candidate

    monkeypatch.setattr(photos, "read_candidate", read_then_swap)
    outcome = _add_with_timeout(store, [good], good)

    assert str(outcome["error"]) == (
        f"{good} was not attached: it is a pipe (FIFO), not a file; it was not opened"
    )
    assert _nothing_stored(store)


def test_a_truncated_jpeg_is_refused_even_if_another_plugin_set_pillow_to_load_it(
    store, incoming, monkeypatch
):
    from PIL import ImageFile

    whole = make_photo(incoming / "whole.jpg", xy=_centre(), textured=True)
    half = truncated(whole, incoming / "half.jpg", whole.stat().st_size // 2)
    monkeypatch.setattr(ImageFile, "LOAD_TRUNCATED_IMAGES", True)  # what such a plugin does

    with pytest.raises(PhotoRefused, match="half.jpg.*truncated"):
        add_photos(store, _plot_id(store), [half])

    assert ImageFile.LOAD_TRUNCATED_IMAGES is True  # given back as it was
    assert len(add_photos(store, _plot_id(store), [whole]).added) == 1


def test_whatever_pillow_raises_becomes_a_message(store, incoming, monkeypatch):
    from PIL import Image

    path = make_photo(incoming / "a.jpg", xy=_centre())

    def broken_open(*args, **kwargs):
        raise ZeroDivisionError("division by zero in a decoder")

    monkeypatch.setattr(Image, "open", broken_open)
    with pytest.raises(PhotoRefused) as refused:
        add_photos(store, _plot_id(store), [path])
    assert str(refused.value) == f"{path} was not attached: {DAMAGED}"  # no Pillow text
    assert _nothing_stored(store)


def test_a_folder_that_cannot_be_read_is_named(store, incoming, monkeypatch):
    make_photo(incoming / "a.jpg", xy=_centre())
    locked = incoming / "锁定"
    locked.mkdir()
    real_iterdir = Path.iterdir

    def iterdir(self):
        if self == locked:  # what a folder without read permission gives (not as root)
            raise PermissionError(13, "Permission denied", str(self))
        return real_iterdir(self)

    monkeypatch.setattr(Path, "iterdir", iterdir)
    with pytest.raises(PhotoRefused) as refused:
        add_photos(store, _plot_id(store), [incoming / "a.jpg", locked])
    assert str(refused.value) == (
        f"{locked} was not attached: the folder could not be read (Permission denied)"
    )
    assert _nothing_stored(store)
