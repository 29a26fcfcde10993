"""Outlining a point clue as a plot, on both backends: one transaction, its records follow.

Plots of helpers.small_database are 40 m × 40 m squares at ORIGIN + 100 m × index; the
outline drawn here is a 30 m × 20 m rectangle elsewhere: 600 m².
"""

from __future__ import annotations

import pytest
import shapely

from helpers import ORIGIN, small_database
from landcase.cases import clues, errors
from landcase.cases.clue_outline import outline_clue

OUTLINE = shapely.box(ORIGIN[0] + 2000, ORIGIN[1], ORIGIN[0] + 2030, ORIGIN[1] + 20)


@pytest.fixture
def store(case_target):
    store = small_database(case_target, plots=1)
    yield store
    store.close()


def _patrol_clue(store) -> int:
    with store.transaction() as db:
        unit = db.execute(
            "INSERT INTO patrol_unit (name, township) VALUES ('东村村委会', '青山镇') RETURNING id"
        ).fetchone()[0]
    return clues.record_clue(
        store,
        clues.NewClue(found_at="2026-12-03 14:05", found_by="网格员甲", unit_id=unit,
                      township="青山镇", village="东村", description="农田内堆土",
                      x=ORIGIN[0] + 2010, y=ORIGIN[1] + 10),
    )  # fmt: skip


def _stop_and_notify(store, clue_id) -> tuple[int, int]:
    with store.transaction() as db:
        stop = db.execute(
            "INSERT INTO stop_action (clue_id, found_at, unit, unit_kind) "
            "VALUES (?, '2026-12-03T14:05', '东村村委会', '村居') RETURNING id",
            (clue_id,),
        ).fetchone()[0]
        notice = db.execute(
            "INSERT INTO notification (clue_id, sent_on, subject) "
            "VALUES (?, '2026-12-03', '抄告：东村农田堆土') RETURNING id",
            (clue_id,),
        ).fetchone()[0]
    return stop, notice


def _counts(store) -> tuple:
    db = store._db
    return (
        db.execute("SELECT count(*) FROM plot").fetchone()[0],
        db.execute("SELECT count(*) FROM case_record").fetchone()[0],
        db.execute("SELECT count(*) FROM stop_action WHERE case_id IS NOT NULL").fetchone()[0],
    )


def test_a_patrol_clue_becomes_a_plot_and_its_records_follow_the_case(store):
    clue_id = _patrol_clue(store)
    stop, notice = _stop_and_notify(store, clue_id)
    plot_id = outline_clue(store, clue_id, OUTLINE)
    row = store._db.execute(
        "SELECT p.jcbh, p.clue_source, p.found_date, p.reporter, p.township, p.village, "
        "p.description, p.area_planar_m2, c.id, c.status FROM plot AS p "
        "JOIN case_record AS c ON c.plot_id = p.id WHERE p.id = ?",
        (plot_id,),
    ).fetchone()
    # the first patrol plot of 2026-12-03: XC + the day + 001; 30 m × 20 m = 600 m²
    assert tuple(row[:8]) == ("XC20261203001", "属地巡查", "2026-12-03", "网格员甲", "青山镇",
                              "东村", "农田内堆土", pytest.approx(600.0))  # fmt: skip
    case_id = row[8]
    assert row[9] == "待核查"
    assert clues.get_clue(store, clue_id).plot_id == plot_id
    assert clues.list_clues(store, open_only=True) == []
    stop_row = store._db.execute(
        "SELECT case_id, clue_id FROM stop_action WHERE id = ?", (stop,)
    ).fetchone()
    notice_row = store._db.execute(
        "SELECT case_id, clue_id FROM notification WHERE id = ?", (notice,)
    ).fetchone()
    assert tuple(stop_row) == (case_id, clue_id)
    assert tuple(notice_row) == (case_id, clue_id)
    assert store.audit_entries("clue", clue_id)[-1].action == "UPDATE"


def test_a_public_report_needs_its_source_said(store):
    clue_id = clues.record_clue(
        store, clues.NewClue(found_at="2026-12-01", code="JB-7", description="举报：鱼塘填土")
    )
    with pytest.raises(errors.InvalidRecord, match="JB-7.*say where the clue came from"):
        outline_clue(store, clue_id, OUTLINE)
    with pytest.raises(errors.InvalidRecord, match="JB-7.*举报电话 is not one of"):
        outline_clue(store, clue_id, OUTLINE, clue_source="举报电话")
    assert _counts(store) == (1, 1, 0)
    plot_id = outline_clue(store, clue_id, OUTLINE, jcbh="JB2026-007", clue_source="群众举报")
    row = store._db.execute(
        "SELECT jcbh, clue_source, description FROM plot WHERE id = ?", (plot_id,)
    ).fetchone()
    assert tuple(row) == ("JB2026-007", "群众举报", "举报：鱼塘填土")


@pytest.mark.parametrize(
    "outline, jcbh, reason",
    [
        (shapely.LineString([(ORIGIN[0], ORIGIN[1]), (ORIGIN[0] + 50, ORIGIN[1])]), None,
         "a plot must be a polygon, not a LineString"),
        (shapely.Polygon([(ORIGIN[0] + 2000, ORIGIN[1]), (ORIGIN[0] + 2030, ORIGIN[1] + 20),
                          (ORIGIN[0] + 2030, ORIGIN[1]), (ORIGIN[0] + 2000, ORIGIN[1] + 20)]),
         None, "the geometry is invalid"),
        (OUTLINE, "320100202601000", "already in the database"),
        ("POLYGON ((not a polygon", None, "the geometry is empty"),
    ],
)  # fmt: skip
def test_a_refused_outline_names_the_clue_and_changes_nothing(store, outline, jcbh, reason):
    clue_id = _patrol_clue(store)
    _stop_and_notify(store, clue_id)
    with pytest.raises(errors.InvalidRecord) as refused:
        outline_clue(store, clue_id, outline, jcbh=jcbh)
    assert str(refused.value).startswith("Record XS20261203-001 (")
    assert reason in str(refused.value)
    assert _counts(store) == (1, 1, 0)
    assert clues.get_clue(store, clue_id).plot_id is None


def test_a_clue_is_outlined_once(store):
    clue_id = _patrol_clue(store)
    outline_clue(store, clue_id, OUTLINE)
    with pytest.raises(errors.InvalidRecord, match="XS20261203-001.*already outlined as plot "
                                                  "XC20261203001"):  # fmt: skip
        outline_clue(store, clue_id, OUTLINE.buffer(-1))
    assert _counts(store) == (2, 2, 0)
