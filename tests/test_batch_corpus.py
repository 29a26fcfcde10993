"""The batch corpus: over 300 generated inputs, broken or awkward, each with its expected
outcome written beside it: the whole source refused naming the file and the reason, the
whole batch refused, a record refused naming its row and the reason, or a record stored
with these values. Generated at test time into a temporary folder (nothing binary is
committed); every input is imported through the plugin's own path (``open_source`` and
``import_layer``) into one case database in EPSG:4549 (central meridian 120°E).

Every input but the file-level ones holds an anchor plot at row 1 (a valid 50 m square,
stored) and the subject at row 2, so that a refusal names a record, not the batch.
"""

from __future__ import annotations

import sqlite3

import pytest
from corpus_base import BatchRefused, Case, Refused, Rows, SourceRefused, Stored
from corpus_files import file_cases
from corpus_geometry import coordinate_cases, type_cases
from corpus_records import (
    date_cases,
    encoding_cases,
    literal_cases,
    number_cases,
    short_dbf_cases,
)

from landcase.cases import CaseStore
from landcase.cases.intake import DUPLICATE, REJECTED, InvalidBatch
from landcase.cases.pg_connection import PgConnection
from landcase.layers.batch_import import import_layer
from landcase.layers.source_reader import SeveralLayers, SourceError, open_source

CORPUS: list[Case] = [
    *encoding_cases(),
    *date_cases(),
    *coordinate_cases(),
    *short_dbf_cases(),
    *file_cases(),
    *type_cases(),
    *literal_cases(),
    *number_cases(),  # last: they refer to plots stored by the first inputs
]


def test_the_corpus_holds_over_300_inputs_each_with_its_outcome():
    assert len(CORPUS) >= 300
    assert len({case.name for case in CORPUS}) == len(CORPUS)
    assert all(case.outcome is not None for case in CORPUS)


# -- running the corpus --------------------------------------------------------------------


@pytest.fixture(scope="module")
def store(module_target):
    store = CaseStore.create(module_target, 4549, user="测试员")
    yield store
    store.close()


@pytest.fixture(scope="module")
def inputs(tmp_path_factory, module_target):
    """A folder of the corpus's input files for each backend's run (written anew)."""
    return tmp_path_factory.mktemp("inputs")


def _plot(store: CaseStore, jcbh: str) -> dict | None:
    """The plot as another program reads it (its own connection)."""
    if store.is_postgres:
        db = PgConnection(store.location)
    else:
        db = sqlite3.connect(store.path)
        db.row_factory = sqlite3.Row
    try:
        row = db.execute(
            """SELECT p.*, b.received_date FROM plot p LEFT JOIN batch b ON b.id = p.batch_id
               WHERE p.jcbh = ?""",
            (jcbh,),
        ).fetchone()
    finally:
        db.close()
    return dict(row) if row else None


def _check_stored(store, report, jcbh, outcome: Stored, case: Case):
    plot = _plot(store, jcbh)
    assert plot is not None, f"{case.name}: {jcbh} not stored; report: {_issues(report)}"
    for column, expected in outcome.values.items():
        if column == "jcbh":
            continue
        if isinstance(expected, float):
            assert plot[column] == pytest.approx(
                expected, rel=0.011 if "curve" in case.name else 1e-9
            )
        else:
            assert plot[column] == expected, case.name
    for value in plot.values():
        assert not (isinstance(value, str) and "\ufffd" in value), case.name
    if case.received_stored:
        assert plot["received_date"] == case.received_stored
    kinds = {issue.kind for issue in report.issues if issue.row == outcome.row}
    if outcome.kind:
        assert outcome.kind in kinds, case.name
    assert REJECTED not in kinds and DUPLICATE not in kinds, (case.name, _issues(report))


def _check_refused(store, report, jcbh, outcome: Refused, case: Case):
    found = [issue for issue in report.issues if issue.row == outcome.row]
    assert found, f"{case.name}: row {outcome.row} not named; report: {_issues(report)}"
    issue = next((i for i in found if i.kind == outcome.kind), None)
    assert issue is not None, (case.name, _issues(report))
    for word in outcome.words:
        assert word in issue.text(), (case.name, issue.text())
    if outcome.kind == REJECTED and jcbh:
        assert _plot(store, jcbh) is None, case.name


def _issues(report) -> list[str]:
    return [f"{i.row} {i.kind} {i.text()}" for i in report.issues]


@pytest.mark.parametrize("case", CORPUS, ids=[case.name for case in CORPUS])
def test_corpus(case: Case, store, inputs):
    n = CORPUS.index(case)
    folder = inputs / case.name
    folder.mkdir()
    source = case.build(folder, n)
    outcome = case.outcome
    if isinstance(outcome, SourceRefused):
        with pytest.raises(SourceError) as raised:
            opened = open_source(str(source))
            import_layer(store, opened.layer, opened.name, case.name)
        message = raised.value.text()
        assert (outcome.names or source.name) in message, message
        for word in outcome.words:
            assert word in message, message
        if outcome.several:
            assert isinstance(raised.value, SeveralLayers)
            assert raised.value.layers == list(outcome.several)
        assert store.batch_id(case.name) is None
        return
    opened = open_source(str(source))
    if isinstance(outcome, BatchRefused):
        with pytest.raises(InvalidBatch) as raised:
            import_layer(store, opened.layer, opened.name, case.name, received_date=case.received)
        for word in outcome.words:
            assert word in str(raised.value)
        assert store.batch_id(case.name) is None and _plot(store, f"A{n}") is None
        return
    report = import_layer(store, opened.layer, opened.name, case.name, received_date=case.received)
    outcomes = outcome.outcomes if isinstance(outcome, Rows) else (outcome,)
    if not isinstance(outcome, Rows) and outcome.row == 2:
        # the anchor is stored whatever happens to the subject
        assert _plot(store, f"A{n}") is not None, (case.name, _issues(report))
    for expected in outcomes:
        if isinstance(outcome, Rows):
            jcbh = f"R{n}-{expected.row}"
        elif expected.row == 1:
            jcbh = f"A{n}"
        else:
            jcbh = f"S{n}"
        if isinstance(expected, Stored):
            _check_stored(store, report, jcbh, expected, case)
        else:
            _check_refused(store, report, jcbh, expected, case)
    # the report is kept with the batch, and its CSV written from it
    assert report.report_id is not None and report.report_file.exists()
