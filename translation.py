"""Translation of user-facing strings, and loading of the French catalogue.

Why a module of its own: Processing algorithms, dock panels and the plugin class all translate through
the same function with a stable context, so ``pylupdate5`` finds every string and one ``.qm`` file
serves them all. Strings are written in English in the code; ``i18n/friches_tierslieux_fr.ts`` holds
the French.
"""

from pathlib import Path
from typing import Optional

from qgis.core import QgsSettings
from qgis.PyQt.QtCore import QCoreApplication, QLocale, QTranslator

CONTEXT = "FrichesTiersLieux"
I18N_DIR = Path(__file__).resolve().parent / "i18n"
CATALOGUE_PREFIX = "friches_tierslieux"


def tr(text: str, context: str = CONTEXT) -> str:
    """Translate ``text``; use ``tr("… {n} …").format(n=…)``, never an f-string inside."""
    return QCoreApplication.translate(context, text)


def user_locale() -> str:
    """The locale QGIS runs in: its own setting when the user overrode the system's."""
    settings = QgsSettings()
    if settings.value("locale/overrideFlag", False, type=bool):
        value = settings.value("locale/userLocale", "") or ""
    else:
        value = QLocale.system().name()
    return str(value or QLocale().name())


def ui_language() -> str:
    """"fr" when QGIS runs in French, else "en": the language of texts the plugin writes itself
    (explanations, rule reasons, atlas sheets), which have a French and an English version."""
    return "fr" if user_locale().lower().startswith("fr") else "en"


def load_translator(locale: Optional[str] = None):
    """Install the catalogue for ``locale`` (``fr_FR`` tries ``fr_FR`` then ``fr``).

    Returns the installed ``QTranslator`` (keep a reference, remove it on unload) or None when there is
    no catalogue for that language (English is the source language).
    """
    locale = locale or user_locale()
    for name in (locale, locale[:2]):
        qm = I18N_DIR / f"{CATALOGUE_PREFIX}_{name}.qm"
        if qm.exists():
            translator = QTranslator()
            if translator.load(str(qm)):
                QCoreApplication.installTranslator(translator)
                return translator
    return None


def unload_translator(translator) -> None:
    if translator is not None:
        QCoreApplication.removeTranslator(translator)
