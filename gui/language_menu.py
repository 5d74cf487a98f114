"""View → Language: the interface's language, remembered in the settings, applied at once."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu

from gui.i18n import LANGUAGES, SETTING, current_language, install_language, keep


class LanguageMenu(QMenu):
    def __init__(self, window, settings):
        super().__init__(window)
        self.window, self.settings = window, settings
        keep(self.setTitle, "LanguageMenu", QT_TRANSLATE_NOOP("LanguageMenu", "&Language"))
        self.group = QActionGroup(self)
        self.actions_: dict[str, QAction] = {}
        for code, name in LANGUAGES.items():  # each language named in itself, as a reader looks for it
            action = QAction(name, self, checkable=True)
            action.setData(code)
            action.triggered.connect(lambda _=False, c=code: self.choose(c))
            self.group.addAction(action)
            self.addAction(action)
            self.actions_[code] = action
        self.actions_[current_language()].setChecked(True)

    def choose(self, code: str) -> None:
        """Switch now (every widget gets a LanguageChange event) and remember it for the next start."""
        self.settings.setValue(SETTING, code)
        if code != current_language():
            install_language(code)
        self.actions_[current_language()].setChecked(True)
