"""The Generate view's page for a next-character model: the generated text beside the truth.

The passage is cut into lines as wide as the page; each line shows, one above the other and
character under character, the true text, the likeliest character after each true window
(teacher forcing: the ones that differ from the truth are marked) and the characters sampled at
the chosen temperature (words that never occur in the training text are underlined in red).
"""

from __future__ import annotations

import html

from PySide6.QtCore import QEvent
from PySide6.QtGui import QFont, QFontMetricsF
from PySide6.QtWidgets import QApplication, QTextBrowser

from core.probes.generate_text import TextGeneration

INK, TRUTH, TEACHER, SAMPLED, WRONG = "#37474f", "#616161", "#1565c0", "#e65100", "#ffe0b2"
MIN_WIDTH = 20  # characters per line, however narrow the page


class TextPanel(QTextBrowser):
    def __init__(self, parent=None):
        self.result: TextGeneration | None = None  # before Qt's first events reach changeEvent
        self.width_in_chars = 0
        super().__init__(parent)
        self.setObjectName("generated_text")
        self.setOpenLinks(False)
        self.setLineWrapMode(QTextBrowser.LineWrapMode.NoWrap)
        font = QFont(QApplication.font())  # the application's size: larger in presentation mode
        font.setFamily("monospace")
        font.setStyleHint(QFont.StyleHint.Monospace)
        self.setFont(font)
        self.result: TextGeneration | None = None
        self.width_in_chars = 0

    def show_result(self, result: TextGeneration | None) -> None:
        self.result = result
        self.width_in_chars = 0
        self._render()

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._render()

    def labels(self) -> tuple[str, str, str, str]:
        t = self.result.temperature if self.result is not None else 1.0
        sampled = self.tr("sampled") if t > 0 else self.tr("likeliest, fed back")
        return self.tr("prompt"), self.tr("truth"), self.tr("likeliest"), f"{sampled}"

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self.width_in_chars = 0  # characters of another width: lay the lines out anew
            self._render()

    def _render(self) -> None:
        if self.result is None:
            self.clear()
            return
        pad = max(len(label) for label in self.labels()) + 2
        char = QFontMetricsF(self.document().defaultFont()).horizontalAdvance("m")
        room = self.viewport().width() - 2 * self.document().documentMargin() - 4
        width = max(MIN_WIDTH, int(room / max(char, 1.0)) - pad - 1)
        if width == self.width_in_chars:
            return
        self.setHtml(self.page_html(width))
        widest = pad + min(width, max(len(self.result.truth), len(self.result.prompt)))
        drawn = self.document().idealWidth() / max(widest, 1)  # a character's width as drawn
        if drawn > 0 and abs(drawn - char) > 0.05 * char:  # another font than the one measured
            width = max(MIN_WIDTH, int(room / drawn) - pad - 1)
            self.setHtml(self.page_html(width))
        for _ in range(4):  # the font drawn can be wider than the one measured: narrow until the lines fit
            excess = self.document().idealWidth() - room
            if excess <= 0 or width <= MIN_WIDTH:
                break
            width = max(MIN_WIDTH, width - int(excess / max(char, 1.0)) - 1)
            self.setHtml(self.page_html(width))
        self.width_in_chars = width

    def page_html(self, width: int) -> str:
        """The lines for a page `width` characters wide (the labels aside)."""
        r = self.result
        prompt_label, truth_label, teacher_label, sampled_label = self.labels()
        pad = max(len(label) for label in self.labels()) + 2
        invented = [False] * len(r.sampled)
        for start, end in r.invented:
            invented[start:end] = [True] * (end - start)
        rows = [_row(prompt_label, pad, _span(r.prompt, INK))]
        for a in range(0, len(r.truth), width):
            b = a + width
            teacher = "".join(
                _span(c, TEACHER, background=WRONG if c != t else None)
                for c, t in zip(r.teacher[a:b], r.truth[a:b], strict=True)
            )
            sampled = "".join(
                _span(c, SAMPLED, underline=bad) for c, bad in zip(r.sampled[a:b], invented[a:b], strict=True)
            )
            rows += ["", _row(truth_label, pad, _span(r.truth[a:b], TRUTH))]
            rows += [_row(teacher_label, pad, teacher), _row(sampled_label, pad, sampled)]
        return f"<div style='white-space:pre; color:{INK}'>" + "<br>".join(rows) + "</div>"


def _row(label: str, pad: int, content: str) -> str:
    return f"<span style='color:{INK}'>{html.escape(label.ljust(pad))}</span>{content}"


def _span(text: str, colour: str, background: str | None = None, underline: bool = False) -> str:
    style = f"color:{colour}"
    if background:
        style += f"; background-color:{background}"
    if underline:
        style += "; text-decoration: underline; color:#c62828"
    shown = html.escape(text.replace("\n", "⏎").replace("\t", "→"))
    return f"<span style='{style}'>{shown}</span>"
