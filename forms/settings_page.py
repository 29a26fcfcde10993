"""LandCase's page in QGIS's Settings ▸ Options: the unit printed on the documents and the
Chinese TrueType font of the PDF reports (``toolbelt/settings.py`` entries)."""

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

    def __init__(self, parent=None, iface=None):
        super().__init__(parent)
        self.iface = iface  # for the message bar
        self.setObjectName(PAGE_NAME)
        layout = QVBoxLayout(self)
        group = QGroupBox(tr("Documents and reports"))
        form = QFormLayout(group)
        layout.addWidget(group)

        self.unit = QLineEdit(settings.UNIT_NAME.get())
        self.unit.setObjectName("unitName")
        self.unit.setPlaceholderText(tr("e.g. 青山县自然资源局青山所"))
        self.unit.setToolTip(tr("Printed as the issuing unit on reports, dossiers and 月报"))
        form.addRow(tr("Unit name"), self.unit)

        self.font = QgsFileWidget()
        self.font.setObjectName("reportFont")
        self.font.setFilter(tr("TrueType fonts (*.ttf *.ttc *.TTF *.TTC)"))
        self.font.setDialogTitle(tr("Chinese font of the reports"))
        self.font.setFilePath(settings.REPORT_FONT.get())
        form.addRow(tr("Report font"), self.font)

        self.font_status = QLabel()
        self.font_status.setObjectName("reportFontStatus")
        self.font_status.setWordWrap(True)
        form.addRow("", self.font_status)
        layout.addStretch(1)

        self.font.fileChanged.connect(self.show_font)
        self.problem: str | None = None  # why the chosen font cannot serve, once checked
        self._checked = False

    def showEvent(self, event) -> None:
        # QGIS builds every plugin's page when its Options dialog opens: the font check
        # (font folders walked, fonts loaded) waits until this page is looked at.
        if not self._checked:
            self.show_font()
        super().showEvent(event)

    def chosen_font(self) -> str:
        return self.font.filePath().strip()

    def show_font(self, *_args) -> None:
        """Which font the reports will use, or why the chosen file cannot serve."""
        self._checked = True
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
            if path and problem is None:
                problem = tr("{path} lacks Chinese characters or cannot be read.").format(path=path)
            self.problem = problem
            self.font_status.setText(
                (problem + " " if problem else "")
                + tr(
                    "No Chinese TrueType font found: install {hint}, or choose a .ttf/.ttc "
                    "font file above."
                ).format(hint=missing.params["hint"])
            )
            return
        if path and problem is None and Path(fonts.path).resolve() != Path(path).resolve():
            problem = tr("{path} lacks Chinese characters or cannot be read.").format(path=path)
        self.problem = problem
        used = tr("The reports use {face} ({path}).").format(face=fonts.face_name, path=fonts.path)
        self.font_status.setText(problem + " " + tr("Until then: ") + used if problem else used)

    def apply(self) -> None:
        """Save (QGIS's Options cannot refuse OK); a font that cannot serve is said again
        in the message bar, since the reports will use another one."""
        settings.UNIT_NAME.set(self.unit.text().strip())
        settings.REPORT_FONT.set(self.chosen_font())
        if not self._checked:
            self.show_font()
        if self.problem and self.iface is not None:
            self.iface.messageBar().pushWarning(tr("LandCase"), self.problem)


class SettingsPageFactory(QgsOptionsWidgetFactory):
    """Registered with ``iface.registerOptionsWidgetFactory`` while the plugin is loaded."""

    def __init__(self, iface=None):
        super().__init__()
        self.iface = iface
        self.setTitle(tr("LandCase"))

    def icon(self) -> QIcon:
        return QIcon(str(ICON))

    def createWidget(self, parent) -> SettingsPage:
        return SettingsPage(parent, self.iface)
