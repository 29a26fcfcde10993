"""Translation: one context for the whole plugin, and loading the .qm for QGIS's locale."""

from __future__ import annotations

from pathlib import Path

from qgis.core import QgsSettings
from qgis.PyQt.QtCore import QCoreApplication, QLocale, QTranslator

CONTEXT = "LandCase"
I18N_FOLDER = Path(__file__).resolve().parent.parent / "resources" / "i18n"


def tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def qgis_locale() -> str:
    """The locale QGIS's interface uses, e.g. 'zh_CN' (QGIS may override the system's)."""
    settings = QgsSettings()
    if settings.value("locale/overrideFlag", False, type=bool):
        return settings.value("locale/userLocale", "en_US", type=str) or "en_US"
    return QLocale().name()


def translation_names(locale: str) -> list[str]:
    """Candidate .qm suffixes for a QGIS locale name ('zh-Hans' and 'zh_CN' both mean
    simplified Chinese), most specific first."""
    normal = locale.replace("-", "_")
    names = [normal]
    if normal.lower() in ("zh_hans", "zh_sg", "zh"):
        names.append("zh_CN")
    names.append(normal.split("_")[0])
    return list(dict.fromkeys(names))


def install_translator(locale: str | None = None) -> QTranslator | None:
    """Load landcase_<locale>.qm (or the language-only file) when one exists."""
    locale = locale or qgis_locale()
    for name in translation_names(locale):
        qm_file = I18N_FOLDER / f"landcase_{name}.qm"
        if qm_file.exists():
            translator = QTranslator()
            if translator.load(str(qm_file)):
                QCoreApplication.installTranslator(translator)
                return translator
    return None


def remove_translator(translator: QTranslator | None) -> None:
    if translator is not None:
        QCoreApplication.removeTranslator(translator)
