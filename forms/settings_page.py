"""LandCase's page in QGIS's Settings ▸ Options: the unit printed on the documents and the
Chinese TrueType font of the PDF reports (``toolbelt/settings.py`` keys)."""

from __future__ import annotations

from pathlib import Path

from qgis.gui import QgsFileWidget, QgsOptionsPageWidget, QgsOptionsWidgetFactory
from qgis.PyQt.QtGui import QIcon
from qgis.PyQt.QtWidgets import QFormLayout, QGroupBox, QLabel, QLineEdit, QVBoxLayout

from ..reports.fonts import FontMissing, register_cjk_font, truetype_subfonts
from ..toolbelt import settings
from ..toolbelt.i18n import tr

ICON = Path(__file__).resolve().parent.parent / "resources" / "icons" / "landcase.svg"
PAGE_NAME = "mOptionsPageLandCase"  # objectName: showOptionsDialog(currentPage=…) opens it


class SettingsPage(QgsOptionsPageWidget):
    """The settings; QGIS's Options dialog calls ``apply`` when the user presses OK."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName(PAGE_NAME)
        layout = QVBoxLayout(self)
        group = QGroupBox(tr("Documents and reports"))
        form = QFormLayout(group)
        layout.addWidget(group)

        self.unit = QLineEdit(settings.value(settings.UNIT_NAME, ""))
        self.unit.setObjectName("unitName")
        self.unit.setPlaceholderText(tr("e.g. 青山县自然资源局青山所"))
        self.unit.setToolTip(tr("Printed as the issuing unit on reports, dossiers and 月报"))
        form.addRow(tr("Unit name"), self.unit)

        self.font = QgsFileWidget()
        self.font.setObjectName("reportFont")
        self.font.setFilter(tr("TrueType fonts (*.ttf *.ttc *.TTF *.TTC)"))
        self.font.setDialogTitle(tr("Chinese font of the reports"))
        self.font.setFilePath(settings.value(settings.REPORT_FONT, ""))
        form.addRow(tr("Report font"), self.font)

        self.font_status = QLabel()
        self.font_status.setObjectName("reportFontStatus")
        self.font_status.setWordWrap(True)
        form.addRow("", self.font_status)
        layout.addStretch(1)

        self.font.fileChanged.connect(self.show_font)
        self.show_font()

    def chosen_font(self) -> str:
        return self.font.filePath().strip()

    def show_font(self, *_args) -> None:
        """Which font the reports will use, or why the chosen file cannot serve."""
        path = self.chosen_font()
        problem = None
        if path and not Path(path).is_file():
            problem = tr("{path} does not exist.").format(path=path)
        elif path and not truetype_subfonts(path):
            problem = tr(
                "{path} is not a TrueType font: OpenType fonts with CFF outlines (.otf, Noto "
                "CJK, Source Han) cannot be embedded in the PDFs."
            ).format(path=path)
        try:
            fonts = register_cjk_font(None if problem else (path or None))
        except FontMissing as missing:
            self.font_status.setText(
                (problem + " " if problem else "")
                + tr(
                    "No Chinese TrueType font found: install {hint}, or choose a .ttf/.ttc "
                    "font file above."
                ).format(hint=missing.params["hint"])
            )
            return
        used = tr("The reports use {face} ({path}).").format(face=fonts.face_name, path=fonts.path)
        if problem:
            self.font_status.setText(problem + " " + tr("Until then: ") + used)
        elif path and Path(fonts.path).resolve() != Path(path).resolve():
            self.font_status.setText(
                tr("{path} lacks Chinese characters or cannot be read.").format(path=path)
                + " "
                + used
            )
        else:
            self.font_status.setText(used)

    def apply(self) -> None:
        settings.set_value(settings.UNIT_NAME, self.unit.text().strip())
        settings.set_value(settings.REPORT_FONT, self.chosen_font())


class SettingsPageFactory(QgsOptionsWidgetFactory):
    """Registered with ``iface.registerOptionsWidgetFactory`` while the plugin is loaded."""

    def __init__(self):
        super().__init__()
        self.setTitle(tr("LandCase"))

    def icon(self) -> QIcon:
        return QIcon(str(ICON))

    def createWidget(self, parent) -> SettingsPage:  # noqa: N802 (QGIS API)
        return SettingsPage(parent)
