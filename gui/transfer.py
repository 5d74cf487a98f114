"""Train ▸ Import Weights into Layers…: layers of another run go into the network on the canvas.

The run is one the Runs dock kept this session or a saved run folder. The dialog lists every layer
of the current network that has weights, each with the run's layer that fits it (core.run.transfer:
the same name first, else the same shape in order), ticked when one fits; a layer that nothing
fits says why. Importing starts a new model, paused: the ticked layers hold the run's weights, every
other layer starts as a new run would. It is one undoable step: Undo brings back the model that was
on screen before (saved by the training process just before it was replaced), or none.
"""

from __future__ import annotations

import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QUndoCommand
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
)

from core.project import Project
from gui.editor.commands import Macro, SetFrozen
from gui.i18n import keep

LAYER, SHAPE, SOURCE = range(3)
SAVE_WAIT_S = 10.0  # how long Undo waits for the replaced model's training process to have saved it


@dataclass
class Source:
    """A run to take layers from: its network and its weights (tensors or numpy arrays by name)."""

    title: str
    project: Project
    weights: dict


class ImportWeights(QUndoCommand):
    """Start a new model from `after`; undo brings back the model saved in `before` (None: none)."""

    def __init__(self, transfer: Transfer, after: dict, before: str | None, label: str):
        super().__init__(QCoreApplication.translate("Transfer", "Import weights ({0})").format(label))
        self.transfer, self.after, self.before, self.label = transfer, after, before, label

    def redo(self) -> None:
        self.transfer.start_model(self.after, self.label)

    def undo(self) -> None:
        self.transfer.bring_back(self.before)


class Transfer(QObject):
    message = Signal(str)  # for the status bar

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.action = QAction(window)
        keep(self.action.setText, "Transfer", QT_TRANSLATE_NOOP("Transfer", "&Import Weights into Layers…"))
        self.action.triggered.connect(self.open_dialog)
        self.dialog: ImportDialog | None = None
        self._kept: tempfile.TemporaryDirectory | None = None  # models saved before an import, for Undo
        self._label: str | None = None  # what the next model started was imported from
        self.labels: dict[int, str] = {}  # generation -> "fc1 from Run 1", to name the run when it is kept
        window.run_controls.run_started.connect(self._started)
        window.run_controls.controller.run_ended.connect(self._ended)  # after the Runs dock has kept it
        self.message.connect(lambda text: window.statusBar().showMessage(text, 8000))

    # ---- sources --------------------------------------------------------------------------

    def kept_sources(self) -> list[Source]:
        return [Source(run.title, run.project, run.weights) for run in self.window.runs.runs.runs]

    def folder_source(self, folder: str) -> Source:
        """A saved run folder as a source; raises OSError or ValueError (RunFolderError, ProjectError)."""
        from core.run.saved import load_run

        project, weights = load_run(folder)
        return Source(Path(folder).name, project, weights)

    # ---- importing -------------------------------------------------------------------------

    def open_dialog(self) -> None:
        controller = self.window.run_controls.controller
        if controller.state == "running":
            controller.pause()
            self.message.emit(self.tr("Training paused: importing weights starts a new model"))
        self.dialog = ImportDialog(self, self.window)
        self.dialog.accepted.connect(self._chosen)
        self.dialog.finished.connect(self.dialog.deleteLater)  # a hidden dialog would stay the active window
        self.dialog.open()

    def _chosen(self) -> None:
        dialog = self.dialog
        if dialog is None or dialog.source is None:
            return
        problem = self.import_layers(dialog.source, dialog.chosen(), dialog.freeze.isChecked())
        if problem:
            self.message.emit(problem)

    def import_layers(self, source: Source, pairs: dict[str, str], freeze: bool = False) -> str:
        """Start a new model holding `source`'s layers (pairs: this network's layer → the run's) as
        one undo step; returns "" or why it could not."""
        from core.network.build import InvalidGraph
        from core.run.transfer import fresh_weights, import_weights

        if not pairs:
            return self.tr("No layer was chosen: nothing imported")
        window = self.window
        project, controls = window.document.project, window.run_controls
        try:
            state = import_weights(fresh_weights(project), project.graph, source.project.graph, source.weights, pairs)
        except (InvalidGraph, ValueError) as err:
            return self.tr("Cannot import: {0}").format(err)
        before = self._keep_model() if controls.controller.active else None
        label = ", ".join(
            (self.tr("{0} from {1}") if a == b else self.tr("{0} from {1}'s {2}")).format(a, source.title, b)
            for a, b in pairs.items()
        )
        commands = [ImportWeights(self, state, before, label)]
        if freeze:
            commands += [SetFrozen(project.graph, n, True) for n in pairs if not project.graph.nodes[n].frozen]
        window.document.push(Macro(commands[0].text(), commands))
        return ""

    def _keep_model(self) -> str:
        """Ask the training process to save the model on screen (before it stops), for Undo."""
        if self._kept is None:
            self._kept = tempfile.TemporaryDirectory(prefix="neurona-import-")
        controls = self.window.run_controls
        folder = str(Path(self._kept.name) / f"before-{self.window.document.generation}")
        controls.quiet_saves.add(folder)
        controls.controller.save(folder)
        return folder

    def start_model(self, weights: dict, label: str) -> None:
        controls = self.window.run_controls
        self.window.document.reset_model()  # the model on screen is gone (kept in the Runs dock if it trained)
        self._label = label
        controls.start_when_loaded(weights)
        if controls.controller.active or self.window.document.data is None:  # started, or once the data loads
            self.message.emit(self.tr("Imported {0}: the new model waits, paused; Run trains it").format(label))
        else:  # the network cannot train on this data: the status bar says why
            self._label = None

    def bring_back(self, folder: str | None) -> None:
        """The model before an import again: the saved one, or none (the next Run starts afresh)."""
        self.window.document.reset_model()
        if folder is not None:
            self._load_when_saved(folder, time.monotonic() + SAVE_WAIT_S)

    def _load_when_saved(self, folder: str, deadline: float) -> None:
        """The replaced model's training process saves it as it stops: an Undo right after the import
        may come first, so look again until the folder is there (a run folder appears whole)."""
        from core.run.saved import load_run

        if not (Path(folder) / "weights.safetensors").is_file() and time.monotonic() < deadline:
            QTimer.singleShot(100, lambda: self._load_when_saved(folder, deadline))
            return
        try:
            weights = load_run(folder)[1]
        except (OSError, ValueError) as err:
            self.message.emit(self.tr("The model before the import could not be brought back: {0}").format(err))
            return
        if not self.window.run_controls.controller.active:  # nothing else started meanwhile
            self.window.run_controls.start_when_loaded(weights)

    # ---- naming the imported run ---------------------------------------------------------------

    def _started(self) -> None:
        if self._label is not None:
            self.labels[self.window.document.generation] = self._label
            self._label = None

    def _ended(self, message) -> None:
        label = self.labels.get(message.generation)
        if label is None:
            return
        panel = self.window.runs
        run = next((r for r in panel.runs.runs if r.generation == message.generation), None)
        if run is not None and not run.name:
            panel.runs.rename(run.number, f"{run.title} ({label})")
            panel.refresh()


class ImportDialog(QDialog):
    """Choose the run, see which layers fit, tick the ones to import."""

    def __init__(self, transfer: Transfer, parent=None):
        super().__init__(parent)
        self.transfer = transfer
        self.setWindowTitle(self.tr("Import weights into layers"))
        self.sources: list[Source] = transfer.kept_sources()
        self.source: Source | None = None
        self.matches: list = []
        self.choice = QComboBox()
        self.choice.setMinimumContentsLength(28)
        self.folder_button = QPushButton(self.tr("Run folder…"), clicked=self.choose_folder)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("From")))
        top.addWidget(self.choice, 1)
        top.addWidget(self.folder_button)
        self.table = QTreeWidget()
        self.table.setColumnCount(3)
        self.table.setHeaderLabels([self.tr("Layer"), self.tr("Weights"), self.tr("From the run")])
        self.table.setRootIsDecorated(False)
        self.table.itemChanged.connect(lambda *_: self._enable())
        self.freeze = QCheckBox(self.tr("Freeze the imported layers (train only the others)"))
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = self.buttons.addButton(self.tr("Import"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.freeze)
        layout.addWidget(self.note)
        layout.addWidget(self.buttons)
        self.resize(640, 380)
        self._fill_choice()
        current = transfer.window.runs.current_run()  # the run chosen in the Runs dock, else the newest
        numbers = [run.number for run in transfer.window.runs.runs.runs]
        if current is not None and current.number in numbers:
            self.choice.setCurrentIndex(numbers.index(current.number))
        self.choice.currentIndexChanged.connect(lambda _: self.show_source())
        self.show_source()

    def _fill_choice(self) -> None:
        self.choice.blockSignals(True)
        self.choice.clear()
        for source in self.sources:
            self.choice.addItem(source.title)
        if not self.sources:
            self.choice.addItem(self.tr("no run yet: train one, or choose a run folder"))
        self.choice.setEnabled(bool(self.sources))
        self.choice.blockSignals(False)

    def choose_folder(self, folder: str | None = None) -> None:
        if not folder:
            folder = QFileDialog.getExistingDirectory(self, self.tr("Choose a saved run's folder"))
            if not folder:
                return
        try:
            source = self.transfer.folder_source(folder)
        except (OSError, ValueError) as err:
            self.table.clear()
            self.source, self.matches = None, []
            self._say(self.tr("Cannot read that run: {0}").format(err), problem=True)
            self._enable()
            return
        self.sources.append(source)
        self._fill_choice()
        self.choice.setCurrentIndex(len(self.sources) - 1)
        self.show_source()

    def show_source(self) -> None:
        """The table for the chosen run: a row per layer with weights, ticked when one fits."""
        from core.network.build import InvalidGraph
        from core.run.transfer import plan_import, size_text

        self._say(
            self.tr(
                "Importing starts a new model, paused: the ticked layers hold the run's weights, every other "
                "layer starts as a new run would. Undo brings back the model on screen now."
            )
        )
        index = self.choice.currentIndex()
        self.source = self.sources[index] if 0 <= index < len(self.sources) else None
        self.table.blockSignals(True)
        self.table.clear()
        self.matches = []
        if self.source is not None:
            try:
                self.matches = plan_import(self.transfer.window.document.project.graph, self.source.project.graph)
            except (InvalidGraph, ValueError) as err:
                self._say(self.tr("The network cannot take weights yet: {0}").format(err), problem=True)
        for match in self.matches:
            item = QTreeWidgetItem([match.node_id, size_text(match.shape), ""])
            item.setData(LAYER, Qt.ItemDataRole.UserRole, match.node_id)
            if match.fits:
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(LAYER, Qt.CheckState.Checked)
                item.setText(SOURCE, match.source)
            else:
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEnabled)
                item.setText(SOURCE, match.why)
                item.setForeground(SOURCE, Qt.GlobalColor.darkRed)
            item.setToolTip(SOURCE, item.text(SOURCE))
            self.table.addTopLevelItem(item)
        self.table.blockSignals(False)
        for column in (LAYER, SHAPE):
            self.table.resizeColumnToContents(column)
            self.table.setColumnWidth(column, self.table.columnWidth(column) + 16)
        self._enable()

    def _say(self, text: str, problem: bool = False) -> None:
        self.note.setText(text)
        self.note.setStyleSheet("color: #b71c1c;" if problem else "color: #546e7a;")

    def chosen(self) -> dict[str, str]:
        """The ticked layers and the run's layer each takes."""
        ticked = set()
        for i in range(self.table.topLevelItemCount()):
            item = self.table.topLevelItem(i)
            if item.flags() & Qt.ItemFlag.ItemIsEnabled and item.checkState(LAYER) == Qt.CheckState.Checked:
                ticked.add(item.data(LAYER, Qt.ItemDataRole.UserRole))
        return {m.node_id: m.source for m in self.matches if m.fits and m.node_id in ticked}

    def _enable(self) -> None:
        self.import_button.setEnabled(bool(self.source is not None and self.chosen()))
