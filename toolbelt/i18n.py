"""Translation: one context for the whole plugin, and loading the .qm for QGIS's locale."""

from __future__ import annotations

from pathlib import Path

from qgis.PyQt.QtCore import QCoreApplication, QLocale, QTranslator

from . import settings

CONTEXT = "LandCase"
I18N_FOLDER = Path(__file__).resolve().parent.parent / "resources" / "i18n"


def tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def qgis_locale() -> str:
    """The locale QGIS's interface uses, e.g. 'zh_CN' (QGIS may override the system's)."""
    if settings.QGIS_LOCALE_OVERRIDE.get():
        return settings.QGIS_USER_LOCALE.get() or "en_US"
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


# Installed translators by locale name: [translator, users]. The plugin (initGui) and its
# Processing provider (also loaded alone by qgis_process) share one translator.
_ACTIVE: dict[str, list] = {}


def _load(locale: str) -> QTranslator | None:
    for name in translation_names(locale):
        qm_file = I18N_FOLDER / f"landcase_{name}.qm"
        if qm_file.exists():
            translator = QTranslator()
            if translator.load(str(qm_file)):
                return translator
    return None


def install_translator(locale: str | None = None) -> QTranslator | None:
    """Install landcase_<locale>.qm (or the language-only file) when one exists, once:
    a further call for the same locale shares the installed translator (each call is
    matched by a ``remove_translator``)."""
    locale = locale or qgis_locale()
    entry = _ACTIVE.get(locale)
    if entry is None:
        translator = _load(locale)
        if translator is None:
            return None
        QCoreApplication.installTranslator(translator)
        entry = _ACTIVE[locale] = [translator, 0]
    entry[1] += 1
    return entry[0]


def remove_translator(translator: QTranslator | None) -> None:
    """Give back a translator from ``install_translator``; the last user removes it."""
    for locale, entry in list(_ACTIVE.items()):
        if entry[0] is translator:
            entry[1] -= 1
            if entry[1] <= 0:
                QCoreApplication.removeTranslator(translator)
                del _ACTIVE[locale]
            return


def error_text(error: Exception) -> str:
    """An error as the user reads it: a LandCase error's template translated and filled;
    any other error's own text."""
    from ..cases.errors import LandCaseError  # cases/ imports no Qt: no cycle

    if isinstance(error, LandCaseError):
        return error.text(tr)
    return str(error)
