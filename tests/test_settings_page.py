"""LandCase's page in QGIS's Options (forms/settings_page.py): the unit name and the report
font are read from and written to QgsSettings, and a font reportlab cannot embed is named."""

from __future__ import annotations

from pathlib import Path

import pytest
import reportlab
from qgis.core import Qgis

import landcase
from landcase.forms.settings_page import PAGE_NAME, SettingsPage, SettingsPageFactory
from landcase.toolbelt import settings

WQY = Path("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc")


@pytest.fixture
def saved_settings(qgis_app):
    """The two settings as they were, put back after the test."""
    keys = (settings.UNIT_NAME, settings.REPORT_FONT)
    before = {key: key.get() for key in keys}
    yield
    for key, value in before.items():
        key.set(value)


def test_the_page_shows_and_applies_the_settings(saved_settings, qgis_app):
    settings.UNIT_NAME.set("青山县自然资源局青山所")
    settings.REPORT_FONT.set("")
    page = SettingsPageFactory().createWidget(None)
    assert isinstance(page, SettingsPage) and page.objectName() == PAGE_NAME
    assert page.unit.text() == "青山县自然资源局青山所"
    assert page.font_status.text() == ""  # fonts are looked for when the page is shown
    page.show()
    assert "wqy" in page.font_status.text().lower()  # the font found on the system

    page.unit.setText("  白水县自然资源局白水所 ")
    page.font.setFilePath(str(WQY))
    page.apply()
    assert settings.UNIT_NAME.get() == "白水县自然资源局白水所"
    assert settings.REPORT_FONT.get() == str(WQY)
    assert str(WQY) in page.font_status.text()

    again = SettingsPage()
    assert again.unit.text() == "白水县自然资源局白水所"
    assert again.chosen_font() == str(WQY)


def test_a_font_that_cannot_be_embedded_is_named(saved_settings, qgis_iface, tmp_path):
    page = SettingsPage(iface=qgis_iface)
    page.show()
    otf = tmp_path / "NotoSansCJK-Regular.otf"
    otf.write_bytes(b"OTTO" + bytes(200))  # an OpenType font with CFF outlines
    page.font.setFilePath(str(otf))
    text = page.font_status.text()
    assert str(otf) in text and "TrueType" in text
    assert "wqy" in text.lower()  # what the reports use meanwhile
    bar = qgis_iface.messageBar()
    bar.clear_messages()
    page.apply()  # saved (QGIS's Options cannot refuse OK), and said in the message bar
    assert settings.REPORT_FONT.get() == str(otf)
    (warning,) = bar.get_messages(Qgis.MessageLevel.Warning)
    assert str(otf) in warning
    missing = tmp_path / "gone.ttf"
    page.font.setFilePath(str(missing))
    assert "does not exist" in page.font_status.text()


def test_a_truetype_file_without_chinese_is_named(saved_settings, qgis_app):
    vera = Path(reportlab.__file__).parent / "fonts" / "Vera.ttf"  # Latin only
    page = SettingsPage()
    page.font.setFilePath(str(vera))
    assert "lacks Chinese characters" in page.font_status.text()
    assert page.problem and str(vera) in page.problem
    assert "wqy" in page.font_status.text().lower()  # what the reports use meanwhile


def test_the_plugin_registers_the_page_and_opens_it(
    saved_settings, qgis_iface, qgis_new_project, qgis_processing
):
    plugin = landcase.classFactory(qgis_iface)
    plugin.initGui()
    try:
        factory = plugin.settings_factory
        assert isinstance(factory, SettingsPageFactory)
        qgis_iface.registerOptionsWidgetFactory.assert_called_with(factory)
        assert plugin.settings_action.text() == "Settings…"
        plugin.settings_action.trigger()
        qgis_iface.showOptionsDialog.assert_called_with(
            qgis_iface.mainWindow(), currentPage=PAGE_NAME
        )
    finally:
        plugin.unload()
    qgis_iface.unregisterOptionsWidgetFactory.assert_called_with(factory)
    assert plugin.settings_factory is None
