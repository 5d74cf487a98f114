"""The interface's language, with Qt's own translation system.

Strings are written in English in the code, through `tr()` / `QCoreApplication.translate`;
`assets/translations/neurona_es.ts` is kept by `pyside6-lupdate` and compiled to `.qm` by
`pyside6-lrelease` (`python assets/translations/update.py` runs both). Qt's own catalogue
(`qtbase_es.qm`, shipped in the PySide6 wheel) translates the standard buttons and dialogs.

The language is, in this order: `--lang` on the command line, the one chosen in
View → Language (QSettings), the system's (LANGUAGE, LC_ALL, LC_MESSAGES, LANG), English.
Installing a translator sends every widget a LanguageChange event; the window rebuilds its
text then, keeping the open project and the run.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLibraryInfo, QLocale, QTranslator

from core import words

LANGUAGES = {"en": "English", "es": "Español"}
TRANSLATIONS = Path(__file__).resolve().parent.parent / "assets" / "translations"
SETTING = "language"

_installed: list[QTranslator] = []
_current = "en"


def system_language(environ=os.environ) -> str:
    """The language the system asks for, as gettext reads it: LANGUAGE (a colon list) first,
    then LC_ALL, LC_MESSAGES and LANG; the first one Neurona has wins, else English."""
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(name, "")
        if not value:
            continue
        for entry in value.split(":"):
            code = entry.split(".")[0].split("_")[0].split("@")[0].lower()
            if code in LANGUAGES:
                return code
        if name != "LANGUAGE":
            return "en"  # a locale that is set but not one of ours (C, fr_FR…): English
    return "en"


def chosen_language(cli: str | None = None, settings=None, environ=os.environ) -> str:
    if cli in LANGUAGES:
        return cli
    saved = settings.value(SETTING, "") if settings is not None else ""
    if saved in LANGUAGES:
        return saved
    return system_language(environ)


def current_language() -> str:
    return _current


def locale_for(language: str) -> QLocale:
    if language == "es":
        return QLocale(QLocale.Language.Spanish, QLocale.Country.Spain)
    return QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)


def install_language(language: str) -> bool:
    """Make `language` the interface's: swap the app's and Qt's translators and the default
    locale (numbers read by people). Returns False when its catalogue cannot be loaded."""
    global _current
    app = QCoreApplication.instance()
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    ok = True
    if language != "en":
        ours = QTranslator(app)
        ok = ours.load(str(TRANSLATIONS / f"neurona_{language}.qm"))
        qt = QTranslator(app)
        if qt.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            app.installTranslator(qt)
            _installed.append(qt)
        if ok:
            app.installTranslator(ours)
            _installed.append(ours)
    _current = language if ok else "en"
    QLocale.setDefault(locale_for(_current))
    localise_plot_axes()
    words.set_lookup(QCoreApplication.translate if _current != "en" else None)  # core's messages too
    words.set_decimal_point(QLocale().decimalPoint())
    return ok


_kept: list = []


def keep(setter, context: str, source: str, *args) -> None:
    """Set a widget's text translated now, and again at every language change: `source` is the
    English of a `QT_TRANSLATE_NOOP(context, ...)`, `args` fill its `{}` places."""
    _kept.append((setter, context, source, args))
    setter(QCoreApplication.translate(context, source).format(*args))


def retranslate_kept() -> None:
    """Re-apply every kept text in the current language; forget those whose widget is gone."""
    alive = []
    for entry in _kept:
        setter, context, source, args = entry
        try:
            setter(QCoreApplication.translate(context, source).format(*args))
        except RuntimeError:  # its C++ object was deleted
            continue
        alive.append(entry)
    _kept[:] = alive


def speak_on_the_command_line(cli: str | None, environ=os.environ) -> str:
    """The command line's messages (core's, through core.words) in the language --lang or the
    system asks for, from the app's own catalogue and without Qt, as the training process reads
    it; returns the language used."""
    language = chosen_language(cli, None, environ)
    return language if words.speak(language) else "en"


def translated(context: str, text: str) -> str:
    """A translated string of a module without a QObject at hand (the extraction uses the literal
    `QCoreApplication.translate(...)` calls; this is for names listed in gui/terms.py)."""
    return QCoreApplication.translate(context, text)


def number(value: float, decimals: int = -1) -> str:
    """A number as the reader's language writes it (0,01 in Spanish); for labels, never files."""
    locale = QLocale()
    if decimals < 0:
        return locale.toString(float(value), "g", 6)
    return locale.toString(float(value), "f", decimals)


QLocale.setDefault(
    locale_for(_current)
)  # English numbers (1,258) until a language is installed, whatever the system's C locale


def significant(value: float, digits: int = 3) -> str:
    """A number to `digits` significant digits as the reader writes it (0,0123 in Spanish)."""
    return QLocale().toString(float(value), "g", digits)


def percent(share: float, decimals: int = 0) -> str:
    """A share (0.25) as a percentage the reader's way: "25%" in English, "25 %" in Spanish."""
    text = QLocale().toString(100.0 * float(share), "f", decimals)
    return f"{text} %" if _current == "es" else f"{text}%"


def listed(texts) -> str:
    """Numbers in a row: "0.1, 0.2" in English, "0,1; 0,2" in Spanish, where a comma is the decimal mark."""
    return ("; " if _current == "es" else ", ").join(texts)


_CLASS_NAMES = {  # the class names core's generated datasets give (toys.py, catalog.py)
    "inside": QT_TRANSLATE_NOOP("classes", "inside"),
    "outside": QT_TRANSLATE_NOOP("classes", "outside"),
}
_NUMBERED = {"arm": QT_TRANSLATE_NOOP("classes", "arm {0}"), "class": QT_TRANSLATE_NOOP("classes", "class {0}")}


def class_label(name: str) -> str:
    """A class name as the reader's language says it: the generated datasets' "inside", "arm 2",
    "class 3"; any other name (digits, a file's own labels) as it is. For display only: the data keeps its names."""
    if name in _CLASS_NAMES:
        return QCoreApplication.translate("classes", _CLASS_NAMES[name])
    word, _, number_ = name.partition(" ")
    if word in _NUMBERED and number_.isdigit():
        return QCoreApplication.translate("classes", _NUMBERED[word]).format(number_)
    return name


def localise_plot_axes() -> None:
    """pyqtgraph writes its tick labels with a decimal point whatever the language ("0.5", "1e-05"):
    the reader's decimal mark instead, for every axis of every plot (its own subclasses included).
    Called once, when the first language is installed."""
    import pyqtgraph as pg

    if getattr(pg.AxisItem, "_neurona_localised", False):
        return

    def localised(method):
        def strings(self, values, scale, spacing):
            point = QLocale().decimalPoint()
            texts = method(self, values, scale, spacing)
            return texts if point == "." else [text.replace(".", point) for text in texts]

        return strings

    def label_string(method):
        def string(self):  # the "(x0.001)" of an axis pyqtgraph rescaled
            point = QLocale().decimalPoint()
            text = method(self)
            if point == "." or self.labelUnits or not self.autoSIPrefix or self.autoSIPrefixScale == 1.0:
                return text
            scale = f"(x{1.0 / self.autoSIPrefixScale:g})"
            return text.replace(scale, scale.replace(".", point))

        return string

    pg.AxisItem.tickStrings = localised(pg.AxisItem.tickStrings)
    pg.AxisItem.logTickStrings = localised(pg.AxisItem.logTickStrings)
    pg.AxisItem.labelString = label_string(pg.AxisItem.labelString)
    pg.AxisItem._neurona_localised = True
