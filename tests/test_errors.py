"""One error base for what a user reads, and one way a Processing algorithm reports it and
closes the store."""

from __future__ import annotations

import pytest

from helpers import small_database


def test_every_user_facing_error_derives_from_the_one_base(qgis_app):
    from landcase.cases import errors, intake, photo_check, rounds, workflow_states
    from landcase.cases.errors import LandCaseError
    from landcase.layers import (
        plot_filter,
        plot_layer,
        role_assign,
        source_files,
        submission_export,
    )
    from landcase.plugin import printing
    from landcase.reports import fonts

    for error_class in (
        errors.CaseDatabaseError,
        errors.InvalidRecord,
        intake.DamagedDatabase,
        photo_check.PhotosRefused,
        rounds.RoundError,
        workflow_states.WorkflowRefused,
        plot_filter.PlotFilterError,
        plot_layer.LayerLoadError,
        role_assign.RoleLayerError,
        source_files.SourceError,
        source_files.SeveralLayers,
        submission_export.ExportError,
        fonts.FontMissing,
        printing.UnitMissing,
    ):
        assert issubclass(error_class, LandCaseError), error_class
    assert issubclass(fonts.FontMissing, RuntimeError)  # callers catching it as before


def test_each_error_is_translated_by_the_one_path(qgis_app):
    from landcase.cases.errors import N_, InvalidRecord
    from landcase.layers.plot_filter import PlotFilterError
    from landcase.layers.source_files import SourceError
    from landcase.toolbelt.i18n import error_text, install_translator, remove_translator

    record = InvalidRecord(record="7", reason=N_("there is no submission round of this name"))
    bad_filter = PlotFilterError(N_("The filter expression is not valid: {error}"), error="x(")
    source = SourceError("a.shp", N_("the file is empty"))
    # Untranslated, str() is the English template filled.
    assert str(record) == "Record 7: there is no submission round of this name"
    assert str(bad_filter) == "The filter expression is not valid: x("
    assert str(source) == "a.shp: the file is empty"
    translator = install_translator("zh_CN")
    try:
        assert error_text(record) == "记录 7：不存在该名称的报送轮次"
        assert error_text(bad_filter) == "筛选表达式无效：x("
    finally:
        remove_translator(translator)
    assert error_text(ValueError("plain")) == "plain"


def test_an_algorithm_says_the_error_in_chinese_and_closes_the_store(
    qgis_iface, qgis_processing, tmp_path, monkeypatch
):
    import processing
    from qgis.core import QgsProcessingException

    import landcase
    from landcase.cases import CaseStore
    from landcase.toolbelt.i18n import install_translator, remove_translator

    path = tmp_path / "s.sqlite"
    small_database(path, plots=2).close()
    closed = []
    real_close = CaseStore.close

    def counted_close(store):
        closed.append(store.path)
        real_close(store)

    monkeypatch.setattr(CaseStore, "close", counted_close)
    plugin = landcase.classFactory(qgis_iface)
    plugin.initProcessing()
    translator = install_translator("zh_CN")
    try:
        with pytest.raises(QgsProcessingException) as raised:
            processing.run("landcase:lockround", {"DATABASE": str(path), "ROUND": "2099-01 一上"})
    finally:
        remove_translator(translator)
        plugin.unload()
    assert str(raised.value) == "记录 2099-01 一上：不存在该名称的报送轮次"
    assert raised.value.__cause__ is None and raised.value.__traceback__ is not None
    assert len(closed) == 1  # opened once, closed once although the run failed
