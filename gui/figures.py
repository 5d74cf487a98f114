"""Figures for slides: any view of the training dock, or the canvas, saved as PNG at a chosen
scale (2× stays sharp on a projector), as SVG, or copied to the clipboard; the dashboard's
curves also as CSV, with the numbers the curves hold rather than the pixels they are drawn as.

The widget is painted again at the scale asked (Qt paints text, lines and pyqtgraph's items as
vectors at the painter's device pixel ratio), not a screen grab scaled up; SVG goes through
QSvgGenerator, so plots stay vector graphics in a slide editor.
"""

from __future__ import annotations

import csv
import io
import os
import tempfile
from pathlib import Path

import numpy as np
from PySide6.QtCore import QObject, QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import QAction, QGuiApplication, QImage, QKeySequence, QPainter, QRegion
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QMenu,
    QMessageBox,
    QPushButton,
    QWidget,
)

SCALES = (1, 2, 3, 4)
FLAGS = QWidget.RenderFlag.DrawWindowBackground | QWidget.RenderFlag.DrawChildren


def render_image(widget: QWidget, scale: float = 1.0) -> QImage:
    """The widget painted into an image of its size × `scale` pixels."""
    size = widget.size()
    image = QImage(QSize(round(size.width() * scale), round(size.height() * scale)), QImage.Format.Format_ARGB32)
    image.setDevicePixelRatio(scale)
    image.fill(QWidget.palette(widget).window().color())  # (the main window has a `palette` of layers)
    painter = QPainter(image)
    painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
    widget.render(painter, QPoint(), QRegion(), FLAGS)
    painter.end()
    image.setDevicePixelRatio(1.0)  # a file and the clipboard count pixels
    return image


def save_png(widget: QWidget, path: str | os.PathLike, scale: float = 1.0) -> None:
    """Write the widget as a PNG at `scale`, atomically (a temporary file, then renamed); raises OSError."""
    image = render_image(widget, scale)
    _atomic(path, lambda temp: image.save(temp, "PNG"))


def save_svg(widget: QWidget, path: str | os.PathLike, title: str = "") -> None:
    """Write the widget as SVG, its size that of the widget on screen; raises OSError."""

    def write(temp: str) -> bool:
        generator = QSvgGenerator()
        generator.setFileName(temp)
        generator.setSize(widget.size())
        generator.setViewBox(QRect(QPoint(), widget.size()))
        generator.setResolution(96)  # CSS pixels: browsers and slide editors show it at the size on screen
        generator.setTitle(title or "Neurona")
        generator.setDescription("A figure drawn by Neurona")
        painter = QPainter()
        if not painter.begin(generator):
            return False
        widget.render(painter, QPoint(), QRegion(), FLAGS)
        return painter.end()

    _atomic(path, write)


def _atomic(path: str | os.PathLike, write) -> None:
    path = Path(path)
    handle, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=path.suffix, dir=path.parent)
    os.close(handle)
    try:
        if not write(temp) or not Path(temp).stat().st_size:
            raise OSError(f"cannot write {path}")
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def copy_image(widget: QWidget, scale: float = 1.0) -> QImage:
    image = render_image(widget, scale)
    QGuiApplication.clipboard().setImage(image)
    return image


def curves_csv(curves) -> str:
    """The dashboard's curves (gui.views.dashboard.curves.TrainingCurves) as CSV, one row per step:
    the per-step training loss and learning rate as received, and on the steps where an epoch
    ended, its epoch and the train and test loss and accuracy (%) measured then."""
    steps, losses, lrs = (np.asarray(a) for a in curves.stored_steps())
    columns = ("train_loss", "test_loss", "train_acc", "test_acc")
    rows: dict[float, dict[str, object]] = {}
    for step, loss, lr in zip(steps, losses, lrs, strict=True):
        rows[float(step)] = {"step": int(step), "loss": float(loss), "lr": float(lr)}
    for name in columns:
        table = curves._evaluations[name]
        for step, value, epoch in zip(table["step"], table["value"], table["epoch"], strict=True):
            row = rows.setdefault(float(step), {"step": int(step)})
            row[name], row["epoch"] = float(value), int(epoch)
    out = io.StringIO()
    writer = csv.DictWriter(out, ["step", "epoch", "loss", "lr", *columns], lineterminator="\n")
    writer.writeheader()
    for step in sorted(rows):
        writer.writerow({key: repr(v) if isinstance(v, float) else v for key, v in rows[step].items()})
    return out.getvalue()


class FigureDialog(QDialog):
    """Which figure, in which format, at which scale; Save… writes a file, Copy puts it on the clipboard."""

    def __init__(self, parent: QWidget, figures: list[tuple[str, str]], chosen: str, scale: int):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export Figure"))
        self.figure = QComboBox()
        for key, title in figures:
            self.figure.addItem(title, key)
        self.figure.setCurrentIndex(max(0, self.figure.findData(chosen)))
        self.format = QComboBox()
        self.scale = QComboBox()
        for value in SCALES:
            text = self.tr("%1× (%1 times the size on screen)") if value > 1 else self.tr("%1× (as on screen)")
            self.scale.addItem(text.replace("%1", str(value)), value)
        self.scale.setCurrentIndex(max(0, self.scale.findData(scale)))
        self.size_label = QLabel()
        self.size_label.setStyleSheet("color: #546e7a")
        form = QFormLayout(self)
        form.addRow(self.tr("Figure:"), self.figure)
        form.addRow(self.tr("Format:"), self.format)
        form.addRow(self.tr("Scale:"), self.scale)
        form.addRow("", self.size_label)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.save_button = QPushButton(self.tr("Save…"))
        self.copy_button = QPushButton(self.tr("Copy"))
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.figure.currentIndexChanged.connect(self._figure_changed)
        self.format.currentIndexChanged.connect(self._update)
        self.scale.currentIndexChanged.connect(self._update)
        self.sizes: dict[str, QSize] = {}
        self._figure_changed()

    def choice(self) -> tuple[str, str, int]:
        return self.figure.currentData(), self.format.currentData(), self.scale.currentData()

    def _figure_changed(self) -> None:
        kept = self.format.currentData()
        self.format.blockSignals(True)
        self.format.clear()
        self.format.addItem(self.tr("PNG picture"), "png")
        self.format.addItem(self.tr("SVG drawing"), "svg")
        if self.figure.currentData() == "training":
            self.format.addItem(self.tr("CSV: the curves' numbers"), "csv")
        self.format.setCurrentIndex(max(0, self.format.findData(kept)))
        self.format.blockSignals(False)
        self._update()

    def _update(self) -> None:
        key, kind, scale = self.choice()
        self.scale.setEnabled(kind == "png")
        self.copy_button.setEnabled(kind != "svg")
        size = self.sizes.get(key)
        if kind == "png" and size is not None:
            self.size_label.setText(
                self.tr("%1 × %2 pixels")
                .replace("%1", str(size.width() * scale))
                .replace("%2", str(size.height() * scale))
            )
        else:
            self.size_label.setText("")


class FigureExport(QObject):
    """The window's "Export Figure…" and "Copy Figure" actions, and the dock tabs' context menu."""

    message = Signal(str)  # for the status bar

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.export_action = QAction(self.tr("&Export Figure…"), window)
        self.export_action.setShortcut(QKeySequence("Ctrl+Shift+E"))
        self.export_action.setStatusTip(self.tr("Save the view in front, or the canvas, as PNG, SVG or CSV"))
        self.export_action.triggered.connect(lambda: self.export_dialog())
        self.copy_action = QAction(self.tr("Cop&y Figure"), window)
        self.copy_action.setShortcut(QKeySequence("Ctrl+Shift+C"))
        self.copy_action.setStatusTip(self.tr("Copy the view in front (or the canvas) to the clipboard as a picture"))
        self.copy_action.triggered.connect(lambda: self.copy())
        window.addAction(self.export_action)
        window.addAction(self.copy_action)
        bar = window.view_tabs.tabBar()
        bar.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        bar.customContextMenuRequested.connect(self._tab_menu)
        self.dialog: FigureDialog | None = None

    @property
    def scale(self) -> int:
        value = self.window.settings.value("figures/scale", 2, type=int)
        return value if value in SCALES else 2

    def figures(self) -> list[tuple[str, str]]:
        """(key, title) of what can be exported now: the canvas, and the view in front when the dock shows."""
        found = [("canvas", self.tr("The network (canvas)"))]
        tabs = self.window.view_tabs
        view = tabs.current_view()
        if view is not None and self.window.training_dock.isVisible():
            key = "training" if view is tabs.dashboard else tabs.currentWidget().objectName()
            found.insert(0, (key, tabs.tabText(tabs.currentIndex()).replace("&", "")))
        return found

    def widget(self, key: str) -> QWidget | None:
        if key == "canvas":
            return self.window.view.viewport()
        tabs = self.window.view_tabs
        return tabs.dashboard if key == "training" else tabs.views.get(key)

    def copy(self, key: str | None = None, scale: int | None = None) -> QImage | None:
        key = key or self.figures()[0][0]
        widget = self.widget(key)
        if widget is None:
            return None
        image = copy_image(widget, scale or self.scale)
        self.message.emit(
            self.tr("Copied the figure (%1 × %2 pixels)")
            .replace("%1", str(image.width()))
            .replace("%2", str(image.height()))
        )
        return image

    def save(self, key: str, kind: str, path: str, scale: int = 1) -> None:
        """Write figure `key` as `kind` ("png", "svg" or "csv" for the dashboard's curves); raises OSError."""
        widget = self.widget(key)
        if widget is None:
            raise OSError(self.tr("that view is not open"))
        if kind == "png":
            save_png(widget, path, scale)
        elif kind == "svg":
            save_svg(widget, path, self.window.document.project.title)
        else:
            text = curves_csv(self.window.view_tabs.dashboard.curves)
            _atomic(path, lambda temp: Path(temp).write_text(text, encoding="utf-8") > 0)

    def export_dialog(self, key: str | None = None) -> FigureDialog:
        figures = self.figures()
        dialog = self.dialog = FigureDialog(self.window, figures, key or figures[0][0], self.scale)
        dialog.sizes = {k: self.widget(k).size() for k, _ in figures if self.widget(k) is not None}
        dialog._update()
        dialog.save_button.clicked.connect(self._save_chosen)
        dialog.copy_button.clicked.connect(self._copy_chosen)
        dialog.open()
        return dialog

    def _remember(self, scale: int) -> None:
        self.window.settings.setValue("figures/scale", scale)

    def _copy_chosen(self) -> None:
        key, kind, scale = self.dialog.choice()
        self._remember(scale)
        if kind == "csv":
            QGuiApplication.clipboard().setText(curves_csv(self.window.view_tabs.dashboard.curves))
            self.message.emit(self.tr("Copied the curves' numbers as CSV"))
        else:
            self.copy(key, scale)
        self.dialog.accept()

    def _save_chosen(self) -> None:
        key, kind, scale = self.dialog.choice()
        self._remember(scale)
        kinds = {"png": "PNG (*.png)", "svg": "SVG (*.svg)", "csv": "CSV (*.csv)"}
        files = self.window.files
        stem = (self.window.document.project.title or "figure").split(":")[0].strip().replace(" ", "_")[:40]
        suggested = str(Path(files.folder) / f"{stem}_{key}.{kind}")
        path, _ = QFileDialog.getSaveFileName(self.window, self.tr("Export Figure"), suggested, kinds[kind])
        if not path:
            return
        if not path.lower().endswith(f".{kind}"):
            path += f".{kind}"
        files.used_folder(path)
        try:
            self.save(key, kind, path, scale)
        except OSError as err:
            QMessageBox.warning(self.window, self.tr("Cannot export"), f"{path}: {err.strerror or err}")
            return
        self.message.emit(self.tr("Wrote %1").replace("%1", path))
        self.dialog.accept()

    def _tab_menu(self, pos) -> None:
        tabs = self.window.view_tabs
        index = tabs.tabBar().tabAt(pos)
        if index < 0:
            return
        tabs.setCurrentIndex(index)  # the figure is what the tab shows: it must be in front to be drawn
        menu = QMenu(tabs)
        menu.addAction(self.export_action)
        menu.addAction(self.copy_action)
        menu.exec(tabs.tabBar().mapToGlobal(pos))
