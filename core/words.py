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

_lookup: Callable[[str, str], str] | None = None


def translate(context: str, text: str) -> str:
    """`text` in the installed language ("" from the lookup means: no translation, keep the English)."""
    if _lookup is None:
        return text
    return _lookup(context, text) or text


def set_lookup(lookup: Callable[[str, str], str] | None) -> None:
    """Install (or with None remove) the function that translates (context, English) pairs."""
    global _lookup
    _lookup = lookup
