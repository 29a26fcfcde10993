"""The settings: each declared once with its type and default (toolbelt/settings.py)."""

from __future__ import annotations

from landcase.toolbelt import settings


def _declared() -> list[settings.Setting]:
    return [value for value in vars(settings).values() if isinstance(value, settings.Setting)]


def test_each_setting_is_declared_once_with_a_default_of_its_type():
    declared = _declared()
    assert len(declared) == 8
    assert len({entry.path for entry in declared}) == len(declared)
    for entry in declared:
        assert isinstance(entry.default, entry.type), entry
    assert settings.UNIT_NAME.path == "plugins/landcase/unit_name"
    assert settings.QGIS_USER_LOCALE.path == "locale/userLocale"  # QGIS's own key


def test_a_setting_reads_its_default_when_unset_or_unreadable(qgis_app):
    from qgis.core import QgsSettings

    entry = settings.Setting("test_only/ratio", 2.5, float)
    QgsSettings().remove(entry.path)
    try:
        assert entry.get() == 2.5
        entry.set(0.75)
        assert entry.get() == 0.75 and isinstance(entry.get(), float)
        entry.set("not a number")
        assert entry.get() == 2.5
    finally:
        QgsSettings().remove(entry.path)


def test_the_plot_area_limit_falls_back_to_ten_square_kilometres(qgis_app):
    from landcase.layers.batch_import import max_plot_area_km2

    before = settings.MAX_PLOT_AREA_KM2.get()
    try:
        settings.MAX_PLOT_AREA_KM2.set(0.5)
        assert max_plot_area_km2() == 0.5
        settings.MAX_PLOT_AREA_KM2.set(0)  # unset or nonsense: the import's own 10 km²
        assert max_plot_area_km2() == 10.0
        settings.MAX_PLOT_AREA_KM2.set(-3)
        assert max_plot_area_km2() == 10.0
    finally:
        settings.MAX_PLOT_AREA_KM2.set(before)
