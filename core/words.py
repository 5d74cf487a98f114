"""Core's sentences in the user's language, without Qt.

Core writes its messages in English through `translate(context, text)`; `pyside6-lupdate` finds
those calls (python -m gui.i18n_build) and puts them in the same catalogue as the interface's.
Whoever runs core installs the lookup: the app its Qt translator (gui/i18n.py), the command line
the compiled catalogue for --lang or the system's language (main.py). Without one, English.

`translate` returns the text with its `{0}` places unfilled: `translate("cli", "{0} epochs").format(n)`,
so that a translation may put the places in its own order.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from xml.etree import ElementTree

_lookup: Callable[[str, str], str] | None = None
_decimal_point = "."


def translate(context: str, text: str) -> str:
    """`text` in the installed language ("" from the lookup means: no translation, keep the English)."""
    if _lookup is None:
        return text
    return _lookup(context, text) or text


def set_lookup(lookup: Callable[[str, str], str] | None) -> None:
    """Install (or with None remove) the function that translates (context, English) pairs."""
    global _lookup
    _lookup = lookup


def number(value: float) -> str:
    """A number inside a sentence, with the reader's decimal point ("lr 0,01 → 0,1" in Spanish)."""
    return f"{value:g}".replace(".", _decimal_point)


def integer(value: int) -> str:
    """A count inside a sentence, grouped as the reader groups it: 6,090 in English; 6090 and
    12.000 in Spanish (which groups only from five digits, with a point)."""
    if _decimal_point == ",":
        return f"{value:,}".replace(",", ".") if abs(value) >= 10_000 else str(value)
    return f"{value:,}"


def set_decimal_point(point: str) -> None:
    global _decimal_point
    _decimal_point = point or "."


TRANSLATIONS = Path(__file__).resolve().parent.parent / "assets" / "translations"
DECIMAL_POINTS = {"es": ","}  # the window takes its own from QLocale; the training process, this


def catalogue(path: Path) -> dict[tuple[str, str], str]:
    """The finished translations of a Qt Linguist catalogue (.ts), read without Qt: the training
    process runs core only, and its messages (a probe's "needs 2-D inputs", a failed save) reach
    the window as finished sentences, so they must be written in the reader's language there."""
    found: dict[tuple[str, str], str] = {}
    for context in ElementTree.parse(path).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is None or translation.get("type") or message.get("numerus") == "yes":
                continue  # unfinished, vanished or obsolete; plural forms are the interface's
            found[(name, message.findtext("source", ""))] = translation.text or ""
    return found


def speak(language: str) -> bool:
    """Install `language` from its catalogue beside the compiled one; English (False) when it has
    none or it cannot be read."""
    path = TRANSLATIONS / f"neurona_{language}.ts"
    try:
        found = catalogue(path) if language != "en" and path.is_file() else None
    except (OSError, ElementTree.ParseError):
        found = None
    set_lookup(None if found is None else lambda context, text: found.get((context, text), ""))
    set_decimal_point(DECIMAL_POINTS.get(language, ".") if found is not None else ".")
    return found is not None
