"""The same plot under another number, found by its shape (overlap above 95 % of both
plots' areas), against the stored plots and within the batch (issue 11)."""

from __future__ import annotations

import csv

import shapely

from landcase.cases import CaseStore, NewPlot
from landcase.cases.intake import OVERLAP, SAME_SHAPE, SourceRow, import_batch

X, Y = 500_000.0, 3_400_000.0


def _square(x_offset, shift=0.0, size=100.0):
    x = X + x_offset + shift
    return shapely.box(x, Y, x + size, Y + size)


def test_same_shapes_are_flagged_and_the_earlier_number_kept(case_target):
    store = CaseStore.create(case_target, 4549)
    batch = store.add_batch("第1批")
    store.add_plots([NewPlot(jcbh="A", geometry=_square(0))], batch)
    rows = [
        # B: A shifted 1 m: 99 × 100 = 9900 m² in common of 10 000 each: 99.00 % both ways
        SourceRow(1, {"JCBH": "B"}, _square(0, shift=1)),
        # D is C shifted 3 m: 97 × 100 = 9700 of 10 000 m², 97.00 % both ways; C is the
        # earlier row, so D gets C's number
        SourceRow(2, {"JCBH": "C"}, _square(1000)),
        SourceRow(3, {"JCBH": "D"}, _square(1000, shift=3)),
        # F inside E: 60 × 100 = 6000 m² in common, 100 % of F but 60 % of E: overlap only
        SourceRow(4, {"JCBH": "E"}, _square(2000)),
        SourceRow(5, {"JCBH": "F"}, shapely.box(X + 2000, Y, X + 2060, Y + 100)),
        # H: G shifted 5 m: 95 × 100 / 10 000 = 95.00 %, not above 95 %
        SourceRow(6, {"JCBH": "G"}, _square(3000)),
        SourceRow(7, {"JCBH": "H"}, _square(3000, shift=5)),
        # J: I shifted 4.9 m: 95.1 × 100 / 10 000 = 95.10 %: the same shape
        SourceRow(8, {"JCBH": "I"}, _square(4000)),
        SourceRow(9, {"JCBH": "J"}, _square(4000, shift=4.9)),
    ]
    report = import_batch(store, rows, {"jcbh": "JCBH"}, "第2批", "src")
    same = {i.jcbh: i for i in report.issues if i.kind == SAME_SHAPE}
    assert set(same) == {"B", "D", "J"}
    assert same["B"].params["other"] == "A" and same["B"].row == 1
    assert same["B"].text() == (
        "has the shape of A: they overlap by 99.00% of this plot and 99.00% of A; probably "
        "the same plot under another number, check before handling"
    )
    assert same["D"].params["other"] == "C" and same["D"].params["share"] == "97.00"
    assert same["J"].params["share"] == "95.10"
    overlaps = {frozenset((i.jcbh, i.params["other"])) for i in report.issues if i.kind == OVERLAP}
    # every pair above also overlaps by more than half of the smaller plot
    assert overlaps == {
        frozenset(pair) for pair in (("B", "A"), ("C", "D"), ("E", "F"), ("G", "H"), ("I", "J"))
    }
    stored = {row[0]: row[1] for row in store._db.execute("SELECT jcbh, same_shape_as FROM plot")}
    assert stored == {
        "A": None, "B": "A", "C": None, "D": "C", "E": None, "F": None,
        "G": None, "H": None, "I": None, "J": "I",
    }  # fmt: skip
    with open(report.report_file, encoding="utf-8-sig", newline="") as handle:
        lines = list(csv.reader(handle))
    assert ["疑似同一图斑", "3"] in lines
    line = next(line for line in lines if line and line[1] == "B" and line[2] == "疑似同一图斑")
    assert (
        line[3]
        == "与 A 形状相同：重叠面积占本图斑的 99.00%、占 A 的 99.00%，疑似同一图斑另编号，请核实后处理"
    )


def test_the_later_row_gets_the_earlier_number_whichever_way_the_index_finds_them(case_target):
    store = CaseStore.create(case_target, 4549)
    # A-1 sorts before Z-9 but comes later in the source: the source's order decides which
    # plot is the earlier one (2 m shift: 98 × 100 / 10 000 = 98.00 % both ways)
    rows = [
        SourceRow(1, {"JCBH": "Z-9"}, _square(0, shift=2)),
        SourceRow(2, {"JCBH": "A-1"}, _square(0)),
    ]
    report = import_batch(store, rows, {"jcbh": "JCBH"}, "b", "src")
    (issue,) = [i for i in report.issues if i.kind == SAME_SHAPE]
    assert issue.jcbh == "A-1" and issue.row == 2 and issue.params["other"] == "Z-9"
    stored = dict(tuple(r) for r in store._db.execute("SELECT jcbh, same_shape_as FROM plot"))
    assert stored == {"Z-9": None, "A-1": "Z-9"}
