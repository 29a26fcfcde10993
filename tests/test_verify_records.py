"""landcase:verifyrecords headless, the findings dialog and the case panel's warning when
the open file's triggers were dropped."""

from __future__ import annotations

import csv
import sqlite3

import pytest

from helpers import small_database
from landcase.cases import rounds


@pytest.fixture
def locked_file(tmp_path):
    path = tmp_path / "s.sqlite"
    store = small_database(path, plots=3)
    with store.transaction() as db:
        db.execute(
            "INSERT INTO determination (case_id, category, subtype) VALUES (1, '违法', '工矿商服')"
        )
    rounds.lock_round(store, rounds.create_round(store, "2026-03", "一上"))
    store.close()
    return path


def _tamper(path):
    """Drop the lock triggers of determinations and change the locked one."""
    raw = sqlite3.connect(path, isolation_level=None)
    for name in (
        "lock_determination_update",
        "lock_determination_delete",
        "lock_determination_insert",
    ):
        raw.execute(f"DROP TRIGGER {name}")
    raw.execute("UPDATE determination SET subtype = '住宅' WHERE id = 1")
    raw.close()


@pytest.fixture
def plugin_provider(qgis_iface, qgis_processing):
    import landcase

    plugin = landcase.classFactory(qgis_iface)
    plugin.initProcessing()
    yield plugin
    plugin.unload()


def test_verifyrecords_gives_0_for_an_untouched_file(plugin_provider, locked_file, tmp_path):
    import processing

    result = processing.run(
        "landcase:verifyrecords", {"DATABASE": str(locked_file), "REPORT": str(tmp_path / "r.csv")}
    )
    assert result["FINDINGS"] == 0
    with open(tmp_path / "r.csv", encoding="utf-8-sig") as handle:
        assert list(csv.reader(handle)) == [
            ["序号", "类别", "数据表", "记录", "触发器", "说明", "原值", "现值"]
        ]


def test_verifyrecords_names_the_changed_row_and_the_dropped_triggers(
    plugin_provider, locked_file, tmp_path
):
    import processing

    _tamper(locked_file)
    report = tmp_path / "findings.csv"
    result = processing.run(
        "landcase:verifyrecords", {"DATABASE": str(locked_file), "REPORT": str(report)}
    )
    # 3 dropped triggers + 1 changed locked row = 4 findings
    assert result["FINDINGS"] == 4 and result["REPORT"] == str(report)
    with open(report, encoding="utf-8-sig") as handle:
        rows = list(csv.DictReader(handle))
    assert [r["类别"] for r in rows] == ["触发器缺失"] * 3 + ["锁定记录被修改"]
    assert [r["触发器"] for r in rows[:3]] == [
        "lock_determination_delete",
        "lock_determination_insert",
        "lock_determination_update",
    ]
    changed = rows[3]
    assert (changed["数据表"], changed["记录"]) == ("determination", "1")
    assert changed["说明"] == (
        '已锁定轮次 2026-03 一上 的记录 determination #1 被修改：subtype: "工矿商服" → "住宅"'
    )
    assert (changed["原值"], changed["现值"]) == ('{"subtype":"工矿商服"}', '{"subtype":"住宅"}')
    # without REPORT: only the number
    result = processing.run("landcase:verifyrecords", {"DATABASE": str(locked_file)})
    assert result["FINDINGS"] == 4 and "REPORT" not in result or not result.get("REPORT")


def test_verifyrecords_names_a_missing_table_and_refuses_a_non_database(
    plugin_provider, locked_file, tmp_path
):
    import processing
    from qgis.core import QgsProcessingException

    raw = sqlite3.connect(locked_file, isolation_level=None)
    raw.execute("DROP TABLE round_item")
    raw.close()
    result = processing.run(
        "landcase:verifyrecords", {"DATABASE": str(locked_file), "REPORT": str(tmp_path / "r.csv")}
    )
    with open(tmp_path / "r.csv", encoding="utf-8-sig") as handle:
        rows = list(csv.DictReader(handle))
    assert rows[0]["说明"] == "数据表 round_item 缺失"
    # the round's 3 items are missing rows of the locked round
    assert sum(1 for r in rows if r["类别"] == "锁定记录缺失" and r["数据表"] == "round_item") == 3
    assert result["FINDINGS"] == len(rows)
    text = tmp_path / "not.sqlite"
    text.write_text("not a database")
    with pytest.raises(QgsProcessingException, match="not.sqlite"):
        processing.run("landcase:verifyrecords", {"DATABASE": str(text)})


def test_the_case_panel_warns_and_offers_the_verification(
    qgis_iface, qgis_new_project, locked_file
):
    import landcase
    from landcase.forms.findings_dialog import FindingsDialog

    _tamper(locked_file)
    plugin = landcase.classFactory(qgis_iface)
    plugin.initGui()
    try:
        plugin.open_database(str(locked_file))
        banner = plugin.dock.integrity_banner
        assert not banner.isHidden()
        text = banner.text.text()
        assert "lock_determination_update" in text and "lock_determination_delete" in text
        assert banner.verify_button.isEnabled()
        findings = plugin.verify_audit_trail(show_dialog=False)
        kinds = sorted(f.kind for f in findings)
        assert kinds == ["row_changed", "trigger_missing", "trigger_missing", "trigger_missing"]
        dialog = FindingsDialog(findings)
        assert dialog.table.rowCount() == 4
        assert dialog.table.item(3, 0).text().startswith("locked row determination #1") or (
            "determination #1" in dialog.table.item(3, 0).text()
        )
        dialog.deleteLater()
    finally:
        plugin.unload()


def test_the_banner_stays_hidden_for_an_untouched_file(qgis_iface, qgis_new_project, locked_file):
    import landcase

    plugin = landcase.classFactory(qgis_iface)
    plugin.initGui()
    try:
        plugin.open_database(str(locked_file))
        assert plugin.dock.integrity_banner.isHidden()
    finally:
        plugin.unload()
