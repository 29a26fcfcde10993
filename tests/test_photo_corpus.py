"""The photo corpus (tests/photo_corpus.py): every input attached alone, then all of
them in one batch, each against the outcome written beside it."""

from __future__ import annotations

import json
import os
import stat
import threading
from pathlib import Path

import pytest
from photo_corpus import CASES, FAR, generate, input_path

from helpers import small_database
from landcase.cases import CaseStore
from landcase.cases.photos import (
    FAR_FROM_PLOT_M,
    PhotoRefused,
    PhotosRefused,
    add_photos,
    attachments_folder,
    photo_path,
)

IDS = [f"{index:03d}_{case.name}" for index, case in enumerate(CASES)]


def _release_fifos(folder: Path) -> threading.Timer:
    """If reading a FIFO of the corpus blocks (the bug this corpus guards against), a
    writer opens it after 60 s so the test fails instead of hanging the whole run."""

    def release():
        for path in folder.iterdir():
            if stat.S_ISFIFO(os.lstat(path).st_mode):
                try:
                    os.close(os.open(path, os.O_WRONLY | os.O_NONBLOCK))
                except OSError:
                    pass  # no reader: nothing was blocked

    timer = threading.Timer(60.0, release)
    timer.daemon = True
    timer.start()
    return timer


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("photo_corpus")
    generate(folder)
    timer = _release_fifos(folder)
    yield folder
    timer.cancel()


@pytest.fixture(scope="module")
def store(module_target):
    store = small_database(module_target, plots=1)
    yield store
    store.close()


def _expected(corpus: Path, index: int) -> dict:
    beside = corpus / f"{index:03d}_{CASES[index].name}.expected.json"
    return json.loads(beside.read_text(encoding="utf-8"))


def _reason(refusal: PhotoRefused) -> str:
    return refusal.filled_params(lambda text: text)["reason"]


def _check_stored(photo, expected: dict, path: Path, store) -> None:
    assert photo.taken_at == expected["taken_at"]
    for field in ("longitude", "latitude"):
        if expected[field] is None:
            assert getattr(photo, field) is None, field
        else:
            assert getattr(photo, field) == pytest.approx(expected[field], abs=1e-8), field
    if expected["direction"] is None:
        assert photo.direction is None
    else:
        assert photo.direction == pytest.approx(expected["direction"], abs=1e-9)
    assert sorted(photo.flags) == expected["flags"]
    if expected["distance"] is None:
        assert photo.distance_to_plot_m is None and photo.x is None
    elif expected["distance"] == FAR:
        assert photo.distance_to_plot_m > FAR_FROM_PLOT_M
    else:
        assert photo.distance_to_plot_m == pytest.approx(expected["distance"], abs=0.01)
    assert photo_path(store, photo).read_bytes() == path.read_bytes()


def test_the_corpus_has_at_least_70_inputs_each_with_its_expectation(corpus):
    assert len(CASES) >= 70 and len(set(IDS)) == len(IDS)
    outcomes = [_expected(corpus, index)["outcome"] for index in range(len(CASES))]
    refused = outcomes.count("refused")
    assert (
        refused >= 35
        and outcomes.count("stored") >= 35
        and refused + outcomes.count("stored") == len(CASES)
    )
    contents = [
        input_path(corpus, i, case).read_bytes() for i, case in enumerate(CASES) if not case.special
    ]
    non_empty = [data for data in contents if data]
    assert len(set(non_empty)) == len(non_empty)  # no two inputs are the same file


@pytest.mark.parametrize("index", range(len(CASES)), ids=IDS)
def test_each_input_alone(corpus, store, index):
    path = input_path(corpus, index, CASES[index])
    expected = _expected(corpus, index)
    plot_id = store.list_plots()[0].plot_id
    before = store._db.execute("SELECT count(*) FROM photo").fetchone()[0]

    if expected["outcome"] == "refused":
        with pytest.raises(PhotoRefused) as refused:
            add_photos(store, plot_id, [path])
        assert type(refused.value) is PhotoRefused
        assert refused.value.params["path"] == str(path)
        assert _reason(refused.value) == expected["reason"]
        assert store._db.execute("SELECT count(*) FROM photo").fetchone()[0] == before
    else:
        result = add_photos(store, plot_id, [path])
        assert result.already_attached == ()
        (photo,) = result.added
        _check_stored(photo, expected, path, store)


def test_the_whole_corpus_in_one_batch(corpus, tmp_path):
    """All inputs at once: every refused one is named with its reason, in order, and
    nothing is stored; then the others, in one batch, are all stored as expected."""
    paths = [input_path(corpus, i, case) for i, case in enumerate(CASES)]
    expected = [_expected(corpus, i) for i in range(len(CASES))]
    bad = [(str(p), e["reason"]) for p, e in zip(paths, expected) if e["outcome"] == "refused"]
    good = [(p, e) for p, e in zip(paths, expected) if e["outcome"] == "stored"]
    store = CaseStore.create(tmp_path / "batch.sqlite", 4549, user="测试员")
    try:
        from helpers import new_plot

        batch = store.add_batch("2026年第1批部卫片", received_date="2026-02-01")
        store.add_plots([new_plot(0)], batch)
        plot_id = store.list_plots()[0].plot_id

        with pytest.raises(PhotosRefused) as refused:
            add_photos(store, plot_id, paths)

        named = [(r.params["path"], _reason(r)) for r in refused.value.refusals]
        assert named == bad
        assert str(refused.value).startswith(f"{len(bad)} files were not attached")
        assert store._db.execute("SELECT count(*) FROM photo").fetchone()[0] == 0
        assert not attachments_folder(store).exists()

        result = add_photos(store, plot_id, [path for path, _ in good])

        assert len(result.added) == len(good) and result.already_attached == ()
        for photo, (path, outcome) in zip(result.added, good):
            assert photo.original_name == path.name
            _check_stored(photo, outcome, path, store)
    finally:
        store.close()
