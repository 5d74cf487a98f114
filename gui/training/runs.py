"""The Runs dock: every run of the session, named by what changed, with their curves overlaid.

A teacher changes one thing and trains again; this panel keeps each run that finished or was
stopped (core.run.history) and lists it with its differences from the run before ("lr 0.01 →
0.1", "+ Dropout p=0.5"). Ticked runs draw their own per-epoch curves in one plot, each in its
own colour, the legend naming the run and its difference. A run can be renamed (double-click its
name), deleted, saved as a run folder, or restored to the canvas: one undoable edit that puts its
network, dataset and training settings back, after which its final weights wait, paused, in a
new model. The runs stay for the whole session, across projects.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, QLocale, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDockWidget,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core.project import ProjectError, project_from_dict
from core.run.history import KeptRun, RunList
from core.run.saved import RunFolderError
from gui.editor.commands import AddEdge, AddNode, Macro, RemoveEdge, RemoveNode, SetDataset, SetTraining
from gui.i18n import keep

# ten colours that stay apart on white (Tableau's), one per run by its number
COLOURS = ("#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf")
INK = "#333333"
METRICS = {"accuracy": ("test_acc", "train_acc", "accuracy %", 100.0), "loss": ("test_loss", "train_loss", "loss", 1.0)}
NAME, CHANGES, RESULT, EPOCHS = range(4)


def colour_of(run: KeptRun) -> str:
    return COLOURS[(run.number - 1) % len(COLOURS)]


def restore_command(project, kept, title: str) -> Macro:
    """One undo step that makes `project` the kept run's project: the network node by node (so the
    canvas follows), the dataset, and each training setting that differs."""
    graph, steps = project.graph, []
    steps += [RemoveEdge(graph, edge) for edge in list(graph.edges)]
    steps += [RemoveNode(graph, node_id) for node_id in list(graph.nodes)]
    for node in kept.graph.nodes.values():
        steps.append(AddNode(graph, node.kind, node.id, node.params, node.pos, node.frozen))
    steps += [AddEdge(graph, edge) for edge in kept.graph.edges]
    if (kept.dataset, kept.dataset_params) != (project.dataset, project.dataset_params):
        steps.append(SetDataset(project, kept.dataset, kept.dataset_params))
    old, new = project.training.to_dict(), kept.training.to_dict()
    steps += [SetTraining(project, name, value) for name, value in new.items() if old[name] != value]
    return Macro(f"Restore the run '{title}'", steps)


class RunsPanel(QWidget):
    message = Signal(str)  # for the status bar

    def __init__(self, window=None, parent=None):
        super().__init__(parent)
        self.window = window  # the main window: its document, run controls; None in a bare test
        self.runs = RunList()
        self.ticked: set[int] = set()
        self.items: dict[int, pg.PlotDataItem] = {}

        self.table = QTreeWidget()
        self.table.setColumnCount(4)
        self.table.setHeaderLabels(
            [self.tr("Run"), self.tr("Changed from the run before"), self.tr("Final test"), self.tr("Epochs")]
        )
        self.table.setRootIsDecorated(False)
        self.table.setUniformRowHeights(True)
        self.table.itemChanged.connect(self._item_changed)
        self.table.currentItemChanged.connect(lambda *_: self._enable())
        self.empty = QLabel(
            self.tr(
                "Every run that finishes or is stopped appears here. Change one thing, train again, "
                "and tick runs to compare their curves."
            )
        )
        self.empty.setWordWrap(True)
        self.empty.setStyleSheet("color: #546e7a; padding: 6px;")

        self.rename_button = QPushButton(self.tr("Rename"), clicked=self.rename_current)
        self.delete_button = QPushButton(self.tr("Delete"), clicked=self.delete_current)
        self.save_button = QPushButton(self.tr("Save…"), clicked=self.save_current)
        self.restore_button = QPushButton(self.tr("Restore to canvas"), clicked=self.restore_current)
        self.restore_button.setToolTip(
            self.tr("Put this run's network, dataset and settings back, with its final weights")
        )
        buttons = QHBoxLayout()
        for button in (self.rename_button, self.delete_button, self.save_button, self.restore_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.empty)
        column.addWidget(self.table, 1)
        column.addLayout(buttons)

        self.metric_choice = QComboBox()
        self.metric_choice.addItem(self.tr("accuracy"), "accuracy")  # English keys in the data, shown translated
        self.metric_choice.addItem(self.tr("loss"), "loss")
        self.metric_choice.currentIndexChanged.connect(lambda _: self.redraw())
        # the legend sits beside the plot, never over a curve
        self.canvas = pg.GraphicsLayoutWidget()
        self.canvas.setBackground("w")
        self.plot = self.canvas.addPlot(row=0, col=0)
        self.plot.showGrid(x=True, y=True, alpha=0.15)
        self.plot.getAxis("left").enableAutoSIPrefix(False)  # "loss (x0.001)" reads badly
        self.legend = pg.LegendItem(labelTextColor=INK, labelTextSize="8pt", verSpacing=-4)
        self.legend.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)  # rows stay together
        self.legend_below = False  # beside the plot; below it when beside would leave the plot too narrow
        self.canvas.addItem(self.legend, row=0, col=1)
        self.canvas.ci.layout.setAlignment(self.legend, Qt.AlignmentFlag.AlignTop)
        self.canvas.ci.layout.setColumnStretchFactor(0, 1)
        self.note = QLabel(self.tr("solid: test · dashed: train"))
        self.note.setStyleSheet("color: #546e7a;")
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Compare")))
        top.addWidget(self.metric_choice)
        top.addStretch(1)
        top.addWidget(self.note)
        right = QWidget()
        column = QVBoxLayout(right)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(top)
        column.addWidget(self.canvas, 1)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setSizes([520, 600])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        layout.addWidget(splitter)
        self.refresh()

    # ---- runs coming in -------------------------------------------------------------------

    def run_ended(self, message) -> None:
        """A run finished or is being stopped (core.run.messages.RunEnded): keep it, tick it."""
        try:
            project = project_from_dict(message.project)
        except ProjectError as err:  # cannot happen for a project that trained, but never a traceback
            self.message.emit(self.tr("The run could not be kept: {0}").format(err))
            return
        dropped = self.runs.dropped
        run = self.runs.keep(message.generation, project, message.records, message.weights, message.state, message.step)
        if run is None:
            return
        if self.runs.dropped > dropped:
            budget = self.runs.budget // 2**20
            self.message.emit(f"The oldest runs were let go to keep their weights within {budget} MB")
        self.ticked = {number for number in self.ticked if any(r.number == number for r in self.runs.runs)}
        self.ticked.add(run.number)
        self.refresh()

    def tick_only(self, numbers) -> None:
        """Tick exactly these runs (a lesson's series), so the overlay shows just them."""
        self.ticked = {number for number in numbers if any(r.number == number for r in self.runs.runs)}
        self.refresh()

    # ---- the list ------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Rebuild the list (a handful of rows) and the plot from the run list."""
        current = self.current_run()
        self.table.blockSignals(True)
        self.table.clear()
        for run in self.runs.runs:
            item = QTreeWidgetItem()
            item.setData(NAME, Qt.ItemDataRole.UserRole, run.number)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEditable)
            item.setCheckState(NAME, Qt.CheckState.Checked if run.number in self.ticked else Qt.CheckState.Unchecked)
            item.setText(NAME, run.title)
            item.setForeground(NAME, QColor(colour_of(run)))
            item.setText(CHANGES, run.changes)
            item.setToolTip(CHANGES, run.changes)
            final = run.final()
            if final is not None and final.test_acc is not None:
                item.setText(RESULT, self.tr("{0}%").format(QLocale().toString(100 * final.test_acc, "f", 1)))
            elif final is not None:
                item.setText(RESULT, self.tr("loss {0}").format(QLocale().toString(float(final.test_loss), "g", 3)))
            item.setText(
                EPOCHS, f"{final.epoch if final else 0}" + (self.tr(" (stopped)") if run.state == "stopped" else "")
            )
            self.table.addTopLevelItem(item)
            if current is not None and run.number == current.number:
                self.table.setCurrentItem(item)
        self.table.blockSignals(False)
        if self.table.currentItem() is None and self.table.topLevelItemCount():
            self.table.setCurrentItem(self.table.topLevelItem(self.table.topLevelItemCount() - 1))
        self.empty.setVisible(not self.runs.runs)
        self._fit_columns()
        self._enable()
        self.redraw()

    def current_run(self) -> KeptRun | None:
        item = self.table.currentItem()
        if item is None:
            return None
        try:
            return self.runs.find(item.data(NAME, Qt.ItemDataRole.UserRole))
        except KeyError:
            return None

    def _enable(self) -> None:
        chosen = self.current_run() is not None
        for button in (self.rename_button, self.delete_button, self.save_button, self.restore_button):
            button.setEnabled(chosen)

    def _item_changed(self, item: QTreeWidgetItem, column: int) -> None:
        number = item.data(NAME, Qt.ItemDataRole.UserRole)
        run = self.runs.find(number)
        if column == NAME:  # the row is changed in place: it is inside its own click or edit here
            ticked = item.checkState(NAME) == Qt.CheckState.Checked
            (self.ticked.add if ticked else self.ticked.discard)(number)
            if item.text(NAME) != run.title:
                self.runs.rename(number, item.text(NAME))
                self.table.blockSignals(True)
                item.setText(NAME, run.title)  # tidied, or "Run N" again when the name was erased
                self.table.blockSignals(False)
            self.redraw()  # the legend follows

    # ---- the overlay ---------------------------------------------------------------------------

    def redraw(self) -> None:
        """Each ticked run's own curves: test solid, train dashed, in the run's colour."""
        self.plot.clear()  # a handful of curves, redrawn on a click only
        self.legend.clear()
        test_name, train_name, axis, scale = METRICS[self.metric_choice.currentData()]
        points = self.font().pointSizeF()  # the plot's text follows the interface's (presentation mode)
        self.legend.setLabelTextSize(f"{max(8.0, 0.9 * points):.0f}pt")
        axis = self.tr("accuracy %") if axis == "accuracy %" else self.tr("loss")
        for side, text in (("left", axis), ("bottom", self.tr("epoch"))):
            self.plot.setLabel(side, text, color=INK, **{"font-size": f"{points:.0f}pt"})
            self.plot.getAxis(side).setStyle(tickFont=self.font())
        self.items = {}
        for run in self.runs.runs:
            if run.number not in self.ticked:
                continue
            colour = colour_of(run)
            epochs, values = run.curve(test_name)
            if not len(epochs):
                continue
            self.items[run.number] = self.plot.plot(
                epochs,
                values * scale,
                pen=pg.mkPen(colour, width=2),
                name=run.label,
                symbol="o",
                symbolSize=5,
                symbolBrush=colour,
                symbolPen=colour,
            )
            self.legend.addItem(self.items[run.number], run.label)
            epochs, values = run.curve(train_name)
            if len(epochs):
                self.plot.plot(epochs, values * scale, pen=pg.mkPen(colour, width=1.2, style=Qt.PenStyle.DashLine))
        accuracy = self.metric_choice.currentData() == "accuracy"  # not the axis' words: they are translated
        self.note.setText(self.tr("solid: test · dashed: train"))
        if not self.items and self.ticked and accuracy:
            self.note.setText(self.tr("the ticked runs have no accuracy (regression): compare their loss"))
        self.note.setVisible(bool(self.items) or bool(self.ticked and accuracy))
        last = max((run.records[-1].epoch for run in self.runs.runs if run.number in self.items), default=1)
        major = next(m for m in (1, 2, 5, 10, 20, 50, 100, 200, 500, 10**9) if last / m <= 10)
        self.plot.getAxis("bottom").setTickSpacing(major, major)  # whole epochs, never "1.5"
        self._place_legend()
        # the legend goes where the curves are not: accuracy rises (bottom right is free), loss falls
        if accuracy:
            self.plot.setYRange(0, 100, padding=0.06)  # room for the "0" and "100" labels
        else:
            self.plot.enableAutoRange(axis="y")

    def _place_legend(self) -> None:
        """Beside the plot while that leaves the plot at least half the width, else below it (long
        differences at 1280×720 squeezed the plot to a sliver with unreadable epochs)."""
        wide = self.legend.boundingRect().width()
        below = wide > 0.5 * max(1, self.canvas.width())
        if below == self.legend_below:
            return
        self.legend_below = below
        layout = self.canvas.ci
        layout.removeItem(self.legend)
        if below:
            layout.addItem(self.legend, row=1, col=0)
            layout.layout.setAlignment(self.legend, Qt.AlignmentFlag.AlignLeft)
        else:
            layout.addItem(self.legend, row=0, col=1)
            layout.layout.setAlignment(self.legend, Qt.AlignmentFlag.AlignTop)

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        self._place_legend()

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        """Presentation mode changed the font: the columns and the plot's text follow."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange and hasattr(self, "legend"):
            self._fit_columns()
            self.redraw()

    def _fit_columns(self) -> None:
        for column in (NAME, RESULT, EPOCHS):
            self.table.resizeColumnToContents(column)
        self.table.setColumnWidth(
            NAME, max(self.table.columnWidth(NAME), self.fontMetrics().horizontalAdvance("Run 00") + 40)
        )
        self.table.setColumnWidth(CHANGES, max(self.fontMetrics().horizontalAdvance("M") * 22, 160))

    def drawn(self, number: int) -> tuple[np.ndarray, np.ndarray]:
        """The test curve drawn for a run (for tests: what is on screen)."""
        return self.items[number].getData()

    # ---- actions -------------------------------------------------------------------------------

    def rename_current(self) -> None:
        item = self.table.currentItem()
        if item is not None:
            self.table.editItem(item, NAME)

    def delete_current(self) -> None:
        run = self.current_run()
        if run is None:
            return
        buttons = QMessageBox.StandardButton
        answer = QMessageBox.question(
            self,
            self.tr("Delete the run?"),
            self.tr("Delete '{0}' and its weights? This cannot be undone.").format(run.title),
            buttons.Yes | buttons.Cancel,
            buttons.Cancel,
        )
        if answer != buttons.Yes:
            return
        self.runs.remove(run.number)
        self.ticked.discard(run.number)
        self.table.setCurrentItem(None)
        self.refresh()

    def save_current(self, folder: str | None = None) -> None:
        """Save as a run folder (File ▸ Open Run reads it back); a folder holding other files gets
        a new sub-folder named after the run."""
        run = self.current_run()
        if run is None:
            return
        if not folder:
            folder = QFileDialog.getExistingDirectory(self, self.tr("Save '{0}' into a folder").format(run.title))
            if not folder:
                return
        try:
            where = run.save(folder)
        except (RunFolderError, OSError) as err:
            QMessageBox.warning(
                self,
                self.tr("Cannot save the run"),
                str(err) if isinstance(err, RunFolderError) else f"{err.filename or folder}: {err.strerror or err}",
            )
            return
        self.message.emit(self.tr("Saved '{0}' to {1}").format(run.title, where))

    def restore_current(self) -> None:
        """The run's project back on the canvas as one undoable edit, its weights in a paused model."""
        run, window = self.current_run(), self.window
        if run is None or window is None:
            return
        controls, document = window.run_controls, window.document
        if not controls.guard():  # a model being trained would be discarded: the user said no
            return
        project = document.project
        reloading = (run.project.dataset, run.project.dataset_params) != (project.dataset, project.dataset_params)
        document.push(restore_command(project, run.project, run.title))
        import torch

        controls.start_when_loaded({k: torch.as_tensor(v) for k, v in run.weights.items()}, reloading)
        self.message.emit(
            self.tr("Restored '{0}': its weights wait, paused; Run trains on from them").format(run.title)
        )


def add_runs_dock(window) -> RunsPanel:
    """The Runs panel as a dock tabbed with the training dock, fed by the training controller,
    and the Seeds panel (gui.training.seeds) beside it."""
    panel = RunsPanel(window)
    dock = QDockWidget(window)
    keep(dock.setWindowTitle, "RunsPanel", QT_TRANSLATE_NOOP("RunsPanel", "Runs"))
    dock.setObjectName("runs")
    dock.setWidget(panel)
    window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
    window.tabifyDockWidget(window.training_dock, dock)
    window.training_dock.raise_()
    dock.hide()
    window.run_controls.controller.run_ended.connect(panel.run_ended)
    window.run_controls.controller.run_ended.connect(lambda _: dock.show())
    window.run_controls.run_started.connect(window.training_dock.raise_)
    panel.message.connect(lambda text: window.statusBar().showMessage(text, 6000))
    window.runs_dock = dock
    from gui.training.seeds import SeedsPanel

    seeds = SeedsPanel(window)
    window.seeds_dock = QDockWidget(window)
    keep(window.seeds_dock.setWindowTitle, "RunsPanel", QT_TRANSLATE_NOOP("RunsPanel", "Seeds"))
    window.seeds_dock.setObjectName("seeds")
    window.seeds_dock.setWidget(seeds)
    window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, window.seeds_dock)
    window.tabifyDockWidget(dock, window.seeds_dock)
    window.seeds_dock.hide()  # View ▸ Seeds
    seeds.message.connect(lambda text: window.statusBar().showMessage(text, 6000))
    window.seeds = seeds
    return panel
