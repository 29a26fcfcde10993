"""Evidence photos: EXIF read from real JPEG/PNG files written with Pillow, content-hash
copies beside the database, flags, one transaction per batch, and the photo layer."""

from __future__ import annotations

import os
import re
from fractions import Fraction
from pathlib import Path

import exifread
import pytest
from photo_files import TAKEN, TO_LONLAT, make_photo

from helpers import audit_name, file_digest, small_database, square
from landcase.cases import CaseDatabaseError
from landcase.cases.errors import InvalidRecord
from landcase.cases.photos import (
    FAR_FROM_PLOT,
    MAGNETIC_DIRECTION,
    NO_POSITION,
    NO_TIME,
    PhotoRefused,
    add_photos,
    attachments_folder,
    list_photos,
    photo_path,
)

STORED = re.compile(r"^[0-9a-f]{2}/[0-9a-f]{64}\.(jpg|png)$")


@pytest.fixture
def store(case_target):
    store = small_database(case_target, plots=3)
    yield store
    store.close()


@pytest.fixture
def incoming(tmp_path) -> Path:
    folder = tmp_path / "外业照片"
    folder.mkdir()
    return folder


def _plot_id(store, index: int = 0) -> int:
    return store.list_plots()[index].plot_id


def _plot_centre(index: int = 0) -> tuple[float, float]:
    centre = square(index).centroid
    return centre.x, centre.y


def _stored_files(store) -> list[str]:
    folder = attachments_folder(store)
    if not folder.exists():
        return []
    return sorted(str(p.relative_to(folder)).replace("\\", "/") for p in folder.rglob("*"))


def _photo_count(store) -> int:
    return store._db.execute("SELECT count(*) FROM photo").fetchone()[0]


def test_exif_written_with_pillow_is_read_back_by_exifread(incoming):
    path = make_photo(incoming / "a.jpg", xy=(500_020.0, 3_400_020.0), direction=135.5)
    with open(path, "rb") as handle:
        tags = exifread.process_file(handle, details=False)
    assert str(tags["EXIF DateTimeOriginal"]) == TAKEN
    assert str(tags["GPS GPSLatitudeRef"]) == "N" and str(tags["GPS GPSLongitudeRef"]) == "E"
    assert [int(v) for v in tags["GPS GPSLatitude"].values[:2]] == [30, 43]
    assert Fraction(tags["GPS GPSImgDirection"].values[0]) == Fraction(271, 2)


def test_position_direction_and_time_are_read(store, incoming):
    x, y = _plot_centre(0)
    longitude, latitude = TO_LONLAT.transform(x, y)
    path = make_photo(incoming / "IMG_0001.jpg", xy=(x, y), direction=135.5)

    result = add_photos(store, _plot_id(store, 0), [path])

    assert result.already_attached == ()
    (photo,) = result.added
    assert photo.taken_at == "2026-03-04T09:08:07+08:00"  # DateTimeOriginal, not DateTime
    assert photo.direction == pytest.approx(135.5)
    assert photo.longitude == pytest.approx(longitude, abs=1e-8)
    assert photo.latitude == pytest.approx(latitude, abs=1e-8)
    assert (photo.x, photo.y) == (pytest.approx(x, abs=0.01), pytest.approx(y, abs=0.01))
    assert photo.distance_to_plot_m == 0
    assert photo.flags == () and not result.flagged
    assert photo.purpose == "核查" and photo.original_name == "IMG_0001.jpg"
    assert photo.plot_id == _plot_id(store, 0)
    assert photo_path(store, photo).read_bytes() == path.read_bytes()
    assert list_photos(store, _plot_id(store, 0)) == [photo]
    assert list_photos(store, _plot_id(store, 1)) == []


def test_a_photo_150_m_from_its_plot_is_flagged(store, incoming):
    x, _ = _plot_centre(0)
    far = make_photo(incoming / "far.jpg", xy=(x, square(0).bounds[3] + 150.0), direction=10)
    near = make_photo(incoming / "near.jpg", xy=(x, square(0).bounds[3] + 60.0), colour=(1, 2, 3))

    result = add_photos(store, _plot_id(store, 0), [far, near])

    far_photo, near_photo = result.added
    assert far_photo.distance_to_plot_m == pytest.approx(150.0, abs=0.05)
    assert far_photo.flags == (FAR_FROM_PLOT,)
    assert near_photo.distance_to_plot_m == pytest.approx(60.0, abs=0.05)
    assert near_photo.flags == ()
    assert result.flagged == (far_photo,)


def test_a_photo_without_gps_or_time_is_stored_and_flagged(store, incoming):
    path = make_photo(incoming / "no_gps.jpg", taken=None)

    (photo,) = add_photos(store, _plot_id(store), [path]).added

    assert photo.flags == (NO_TIME, NO_POSITION)
    assert photo.longitude is photo.latitude is photo.x is photo.distance_to_plot_m is None
    assert photo.taken_at is None and photo.direction is None
    assert photo_path(store, photo).is_file()
    row = store._db.execute("SELECT flags, geom FROM photo WHERE id = ?", (photo.id,)).fetchone()
    assert row[0] == '["no_time", "no_position"]' and row[1] is None


def test_the_same_photo_is_stored_once(store, incoming):
    path = make_photo(incoming / "a.jpg", xy=_plot_centre(0))
    renamed = incoming / "copy of a.JPG"
    renamed.write_bytes(path.read_bytes())

    first = add_photos(store, _plot_id(store, 0), [path, path])
    assert len(first.added) == 1
    assert first.already_attached[0].photo_id == first.added[0].id  # twice in one batch
    again = add_photos(store, _plot_id(store, 0), [renamed])
    assert again.added == () and again.already_attached[0].path == renamed
    assert again.already_attached[0].photo_id == first.added[0].id
    assert _photo_count(store) == 1

    other_case = add_photos(store, _plot_id(store, 1), [path])  # another case may use it
    assert len(other_case.added) == 1 and _photo_count(store) == 2
    assert other_case.added[0].distance_to_plot_m == pytest.approx(80.0, abs=0.05)
    files = [name for name in _stored_files(store) if "." in name]
    assert files == [f"{first.added[0].sha256[:2]}/{first.added[0].stored_name}"]


def test_the_original_is_never_changed_or_moved(store, incoming):
    path = make_photo(incoming / "a.jpg", xy=_plot_centre(0), direction=90)
    digest, modified = file_digest(path), path.stat().st_mtime_ns

    (photo,) = add_photos(store, _plot_id(store), [path]).added

    assert path.is_file() and file_digest(path) == digest == photo.sha256
    assert path.stat().st_mtime_ns == modified
    stored = photo_path(store, photo)
    assert stored != path and file_digest(stored) == digest
    assert not stored.stat().st_mode & 0o222  # the evidence copy is read-only


def test_names_from_outside_never_become_paths(store, incoming, tmp_path):
    (incoming / "a" / "b").mkdir(parents=True)
    evil = make_photo(incoming / "evil.jpg", xy=_plot_centre(0), colour=(200, 0, 0))
    chinese = make_photo(incoming / "现场照片 东侧.JPEG", xy=_plot_centre(0), colour=(0, 200, 0))
    png = make_photo(incoming / "截图.PNG", colour=(0, 0, 200), image_format="PNG")
    traversal = incoming / "a" / "b" / ".." / ".." / "evil.jpg"

    result = add_photos(store, _plot_id(store), [traversal, chinese, png])

    names = [photo.original_name for photo in result.added]
    assert names == ["evil.jpg", "现场照片 东侧.JPEG", "截图.PNG"]
    assert [photo.stored_name for photo in result.added] == [
        f"{file_digest(evil)}.jpg",
        f"{file_digest(chinese)}.jpg",
        f"{file_digest(png)}.png",
    ]
    folder = attachments_folder(store)
    if store.is_postgres:  # the evidence folder of a database that records no shared one
        name = store._db.execute("SELECT current_database()").fetchone()[0]
        beside = Path(os.environ["LANDCASE_EVIDENCE_ROOT"]) / name / "case_database"
    else:  # beside the file
        beside = tmp_path / "s"
    assert folder == beside.parent / f"{beside.name}_attachments"
    stored = [name for name in _stored_files(store) if "." in name]
    assert len(stored) == 3 and all(STORED.match(name) for name in stored)
    assert not (tmp_path.parent / "evil.jpg").exists()
    assert result.added[2].taken_at == "2026-03-04T09:08:07+08:00"  # EXIF of a PNG too


def test_a_text_file_named_jpg_is_refused_and_nothing_is_stored(store, incoming):
    make_photo(incoming / "first.jpg", xy=_plot_centre(0))
    add_photos(store, _plot_id(store), [incoming / "first.jpg"])
    count, files = _photo_count(store), _stored_files(store)
    good = make_photo(incoming / "good.jpg", xy=_plot_centre(0), colour=(5, 5, 5))
    fake = incoming / "照片_伪.jpg"
    fake.write_text("这不是照片 — not a photo\n", encoding="utf-8")

    with pytest.raises(PhotoRefused) as refused:
        add_photos(store, _plot_id(store), [good, fake])

    assert isinstance(refused.value, CaseDatabaseError)
    assert "照片_伪.jpg" in str(refused.value) and "not a JPEG or PNG" in str(refused.value)
    assert refused.value.template == "{path} was not attached: {reason}"
    assert _photo_count(store) == count and _stored_files(store) == files


def test_a_refused_first_batch_leaves_no_attachments_folder(store, incoming):
    fake = make_photo(incoming / "a.jpg")
    fake.write_bytes(b"")
    with pytest.raises(PhotoRefused, match="a.jpg"):
        add_photos(store, _plot_id(store), [fake])
    with pytest.raises(PhotoRefused, match="missing.jpg"):
        add_photos(store, _plot_id(store), [incoming / "missing.jpg"])
    assert not attachments_folder(store).exists() and _photo_count(store) == 0


def test_a_batch_failing_in_the_database_removes_its_copies(store, incoming, monkeypatch):
    from landcase.cases import photos

    kept = make_photo(incoming / "kept.jpg", xy=_plot_centre(0))
    add_photos(store, _plot_id(store), [kept])
    files = _stored_files(store)
    batch = [make_photo(incoming / f"{i}.jpg", colour=(i, i, i)) for i in range(3)]
    insert, calls = photos._insert_photo, []

    def failing_insert(*args):
        calls.append(args)
        if len(calls) == 2:
            raise RuntimeError("disk gone")
        return insert(*args)

    monkeypatch.setattr(photos, "_insert_photo", failing_insert)
    with pytest.raises(RuntimeError):
        add_photos(store, _plot_id(store), [*batch, kept])

    assert _photo_count(store) == 1 and _stored_files(store) == files


def test_a_folder_brings_its_jpeg_and_png_files(store, incoming):
    make_photo(incoming / "1.JPG", xy=_plot_centre(0), direction=350, magnetic=True)
    make_photo(incoming / "2.jpeg", colour=(1, 1, 1))
    make_photo(incoming / "3.png", colour=(2, 2, 2), image_format="PNG")
    (incoming / "._1.JPG").write_bytes(b"\x00\x05\x16\x07 macOS resource fork")
    (incoming / "notes.txt").write_text("现场记录", encoding="utf-8")

    result = add_photos(store, _plot_id(store), incoming, purpose="复核")

    assert sorted(p.original_name for p in result.added) == ["1.JPG", "2.jpeg", "3.png"]
    assert {p.purpose for p in result.added} == {"复核"}
    magnetic = next(p for p in result.added if p.original_name == "1.JPG")
    assert magnetic.flags == (MAGNETIC_DIRECTION,) and magnetic.direction == 350
    empty = incoming / "空文件夹"
    empty.mkdir()
    with pytest.raises(PhotoRefused, match="空文件夹.*no JPEG or PNG"):
        add_photos(store, _plot_id(store), [empty])


def test_unknown_plot_verification_and_purpose_are_refused(store, incoming):
    path = make_photo(incoming / "a.jpg")
    with pytest.raises(InvalidRecord, match="no plot"):
        add_photos(store, 999, [path])
    with pytest.raises(InvalidRecord, match="verification"):
        add_photos(store, _plot_id(store), [path], verification_id=1)
    with pytest.raises(ValueError):
        add_photos(store, _plot_id(store), [path], purpose="拍着玩")
    assert _photo_count(store) == 0


def test_photo_inserts_leave_audit_rows(store, incoming):
    path = make_photo(incoming / "a.jpg", xy=_plot_centre(0), direction=45)
    (photo,) = add_photos(store, _plot_id(store), [path]).added

    (entry,) = store.audit_entries("photo", photo.id)
    assert entry.action == "INSERT" and entry.user_name == audit_name(store, "测试员")
    assert entry.changes["sha256"] == photo.sha256 and entry.changes["direction"] == 45
    assert entry.changes["original_name"] == "a.jpg"


def test_the_photo_layer(store, incoming, qgis_new_project):
    from qgis.core import (
        QgsExpression,
        QgsExpressionContext,
        QgsExpressionContextUtils,
        QgsProject,
        QgsRuleBasedRenderer,
        QgsSymbolLayer,
    )

    from landcase.layers.photo_layer import (
        add_photo_layer,
        find_photo_layer,
        refresh,
        remove_photo_layer,
    )
    from landcase.layers.plot_layer import GROUP_NAME

    x, y = _plot_centre(0)
    add_photos(
        store,
        _plot_id(store),
        [
            make_photo(incoming / "a.jpg", xy=(x, y), direction=30),
            make_photo(incoming / "<i>x&y.jpg", xy=(x, y + 200), colour=(9, 9, 9)),
        ],
    )
    project = QgsProject.instance()

    layer = add_photo_layer(project, store)

    assert layer.isValid() and layer.featureCount() == 2
    assert add_photo_layer(project, store) is layer  # found again, not added twice
    assert find_photo_layer(project, store.location) is layer
    group = project.layerTreeRoot().findGroup(GROUP_NAME)
    assert group.findLayer(layer.id()) is not None and layer.readOnly()
    renderer = layer.renderer()
    assert isinstance(renderer, QgsRuleBasedRenderer)
    far_rule, other_rule = renderer.rootRule().children()
    assert "far_from_plot" in far_rule.filterExpression() and other_rule.isElse()
    assert far_rule.symbol().color().name() == "#e31a1c"
    arrow = other_rule.symbol().symbolLayer(0)
    angle = arrow.dataDefinedProperties().property(QgsSymbolLayer.PropertyAngle)
    assert angle.isActive() and angle.field() == "direction"

    add_photos(store, _plot_id(store), [make_photo(incoming / "c.jpg", colour=(7, 7, 7))])
    refresh(layer)
    assert layer.featureCount() == 3

    (action,) = layer.actions().actions()
    assert action.name() == "Open photo" and "Canvas" in action.actionScopes()
    photos_by_id = {photo.id: photo for photo in list_photos(store, _plot_id(store))}
    context = QgsExpressionContext(QgsExpressionContextUtils.globalProjectLayerScopes(layer))
    for feature in layer.getFeatures():
        context.setFeature(feature)
        opened = QgsExpression.replaceExpressionText(action.command(), context)
        assert Path(opened) == photo_path(store, photos_by_id[feature["id"]]).resolve()
        assert Path(opened).is_file()
        tip = QgsExpression.replaceExpressionText(layer.mapTipTemplate(), context)
        url = ("file://" if opened.startswith("/") else "file:///") + opened
        assert f'src="{url}"' in tip
        if "<" in feature["original_name"]:  # a name from outside is escaped in the HTML
            assert "<b>&lt;i&gt;x&amp;y.jpg</b>" in tip

    remove_photo_layer(project, store.location)
    assert find_photo_layer(project, store.location) is None
    assert project.layerTreeRoot().findGroup(GROUP_NAME) is None


def test_flags_in_words():
    from landcase.cases.photos import EXIF_UNREADABLE, IMPLAUSIBLE_TIME, describe_flags

    assert describe_flags((IMPLAUSIBLE_TIME, NO_POSITION)) == "拍摄时间不可信；无定位"
    assert describe_flags((EXIF_UNREADABLE, NO_TIME, FAR_FROM_PLOT), 295.4) == (
        "EXIF 信息损坏；无拍摄时间；距图斑 295 米"
    )
    assert describe_flags([FAR_FROM_PLOT]) == "距图斑超过 100 米" and describe_flags(()) == ""
