"""Issue 12: after a round is locked, its root hash is printed in the footer of every
document and in the submission export, so a rewritten file no longer matches the paper."""

from __future__ import annotations

import re
import subprocess

import openpyxl
import pytest

from helpers import small_database
from landcase.cases import rounds
from landcase.plugin.printing import VERIFICATION, print_documents


def _flat_text(pdf) -> str:
    text = subprocess.run(
        ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    return re.sub(r"\s+", "", text)


def test_documents_and_the_export_printed_after_a_lock_carry_its_root(
    case_target, tmp_path, qgis_app
):
    from landcase.layers.submission_export import export_submission

    store = small_database(case_target, plots=2)
    plot_id = store.list_plots()[0].plot_id
    [before] = print_documents(store, [plot_id], VERIFICATION, tmp_path / "before")
    assert "报送锁定" not in _flat_text(before.path)

    round_id = rounds.create_round(store, "2026-03", "一上")
    rounds.lock_round(store, round_id)
    (root,) = store._db.execute(
        "SELECT root_hash FROM round_seal WHERE round_id = ?", (round_id,)
    ).fetchone()
    assert re.fullmatch(r"[0-9a-f]{64}", root)

    [after] = print_documents(store, [plot_id], VERIFICATION, tmp_path / "after")
    # the footer names the lock and the first 16 hex digits of its root, on every page
    footer = f"报送锁定：2026-03一上根哈希{root[:16]}"
    text = _flat_text(after.path)
    assert text.count(footer) == after.pages >= 1

    export = export_submission(store, round_id, tmp_path / "export")
    notes = [
        row[0]
        for row in openpyxl.load_workbook(export.workbook)["说明"].iter_rows(values_only=True)
        if row and row[0]
    ]
    assert f"本轮（2026-03 一上）已锁定，封存根哈希：{root}" in notes
    store.close()


# PostgreSQL: Processing's DATABASE parameter is a file parameter (QgsProcessingParameterFile),
# which refuses a connection URI before the algorithm runs
@pytest.mark.spatialite_only
def test_rounds_are_taken_and_locked_headless(case_target, qgis_processing):
    import processing
    from qgis.core import QgsProcessingException

    from landcase.plugin.processing.rounds_algorithms import (
        CreateRoundAlgorithm,
        LockRoundAlgorithm,
    )

    store = small_database(case_target, plots=2)
    path = store.location
    store.close()

    def run(algorithm_class, parameters):
        algorithm = algorithm_class()
        algorithm.initAlgorithm()
        return processing.run(algorithm, {"DATABASE": path, **parameters})

    taken = run(CreateRoundAlgorithm, {"PERIOD": "2026-03", "STAGE": 0})
    assert taken["ROUND_NAME"] == "2026-03 一上"
    with pytest.raises(QgsProcessingException, match="一下"):  # 二上 needs 一下 first
        run(CreateRoundAlgorithm, {"PERIOD": "2026-03", "STAGE": 2})
    locked = run(LockRoundAlgorithm, {"ROUND": "2026-03 一上"})
    assert locked["ROUND_NAME"] == "2026-03 一上"
    assert re.fullmatch(r"[0-9a-f]{64}", locked["ROOT_HASH"])
    from landcase.cases import CaseStore, rounds

    with CaseStore.open(path) as reopened:
        [only] = rounds.list_rounds(reopened)
        assert only.id == taken["ROUND"] and only.locked
