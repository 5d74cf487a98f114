"""Performs a guided lesson's steps (core.lesson_steps) in the window, and takes them back.

Next remembers what the window showed (undo index, the dock's tab, the project tab, the
selection, the speed, the lab's start, whether a model existed) before doing a step's actions;
Back undoes the step's edits through the undo stack (a step's edits are one undo step) and
shows again what was shown. Before a step that trains an existing model, the training process
saves its weights into a temporary folder (its commands run in order, so before the training);
Back loads them again, paused, as File → Open Run does (the optimiser's state starts afresh). A
model trained by a step is thrown away when there was none before it. A step's series of runs
(gui.guided.series) stops when the class moves back, or on to a step that changes the model; the
runs it made stay in the Runs dock.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from core.lesson_steps import PANELS, Action, LessonStep
from gui.editor.commands import Macro, SetDataset, SetFrozen, SetParam, SetTraining
from gui.guided.series import Series
from gui.views.registry import VIEW_NAMES


@dataclass
class Shown:
    """What the window showed before a step's actions."""

    undo_index: int
    dock_visible: bool
    view: str
    panel: int
    selection: list[str]
    pace: float
    had_model: bool
    lab_start: tuple[float, float] | None
    weights: str | None = None  # the folder the model's weights were saved to before the step


RUNS = {"run_epochs", "run_steps", "pretrain"}  # changing the current model's weights: Back can bring them back
TRAINING = RUNS | {"series"}
CHANGES_MODEL = TRAINING | {"set", "reset", "freeze", "unfreeze", "import_weights"}


def _sets(step: LessonStep) -> list[Action]:
    """The step's "set" actions, its series' among them."""
    out = []
    for action in step.actions:
        if action.kind == "set":
            out.append(action)
        elif action.kind == "series":
            out.extend(a for entry in action.target for a in entry)
    return out


class Guide(QObject):
    step_shown = Signal(int)  # the step now shown (0-based)
    note = Signal(str)  # what the guide could not do or cannot take back, for the panel

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.steps: tuple[LessonStep, ...] = ()
        self.index = -1
        self.history: list[Shown] = []  # what was shown before step i's actions, for Back
        self.pending: list[Action] = []  # training actions waiting for the dataset to load
        self.loading = False
        self._project = None
        self._kept: tempfile.TemporaryDirectory | None = None  # weights saved before training steps
        self.saved: set[str] = set()  # folders the training process has written
        window.run_controls.controller.saved.connect(lambda folder: self.saved.add(str(Path(folder))))
        self.lesson_runs: list[int] = []  # the Runs dock's numbers of the runs kept since the lesson opened
        self._since = 0  # the generation before the lesson's: runs of older models are not the lesson's
        window.run_controls.controller.run_ended.connect(self._run_kept)  # after the Runs dock kept it
        doc = window.document
        doc.project_opened.connect(self._project_opened)
        doc.data_loaded.connect(self._data_loaded)
        self.series = Series(self)  # after the guide's own data_loaded: `loading` is current when it looks

    # ---- moving ------------------------------------------------------------------------

    def start(self, steps: tuple[LessonStep, ...]) -> None:
        self.steps, self.index, self.history, self.pending = tuple(steps), -1, [], []
        self.lesson_runs, self._since = [], self.window.document.generation
        if self._kept is not None:  # another lesson: the weights kept for the last one's Back go
            self._kept.cleanup()
            self._kept, self.saved = None, set()
        if self.steps:
            self.next()

    def next(self) -> bool:
        if self.index + 1 >= len(self.steps):
            return False
        stopped = self.series.active and bool({a.kind for a in self.steps[self.index + 1].actions} & CHANGES_MODEL)
        if stopped:
            self.series.stop()
        before = self.shown()
        if any(a.kind in RUNS for a in self.steps[self.index + 1].actions):
            before.weights = self._keep_weights()
        self.history.append(before)
        self.index += 1
        self.note.emit(self.tr("The series of runs was stopped: this step changes the model.") if stopped else "")
        self.perform(self.steps[self.index])
        self.step_shown.emit(self.index)
        return True

    def back(self) -> bool:
        if self.index <= 0:
            return False
        self.series.stop()
        step, before = self.steps[self.index], self.history.pop()
        self.index -= 1
        self.note.emit("")
        self.restore(before, step)
        self.step_shown.emit(self.index)
        return True

    def _keep_weights(self) -> str | None:
        """Ask the training process to save the model as it is, for Back; None without a model."""
        controls = self.window.run_controls
        if not controls.controller.active:
            return None
        if self._kept is None:
            self._kept = tempfile.TemporaryDirectory(prefix="neurona-guide-")
        folder = str(Path(self._kept.name) / f"before-step-{len(self.history) + 1}-{len(self.saved)}")
        controls.quiet_saves.add(folder)
        controls.controller.save(folder)
        return folder

    # ---- what is shown -------------------------------------------------------------------

    def shown(self) -> Shown:
        w = self.window
        tabs = w.view_tabs
        view = "training" if tabs.currentIndex() == 0 else tabs.currentWidget().objectName()
        lab = tabs.views.get("optimizer_lab")
        return Shown(
            undo_index=w.document.undo_stack.index(),
            dock_visible=w.training_dock.isVisible(),
            view=view,
            panel=w.tabs.currentIndex(),
            selection=w.editor.scene.selected_node_ids(),
            pace=w.run_controls.speed.pace,
            had_model=w.run_controls.controller.active,
            lab_start=tuple(lab.race.start) if lab is not None else None,
        )

    def restore(self, before: Shown, step: LessonStep) -> None:
        """Take `step` back: its edits undone, the window as it was before it."""
        w, controller = self.window, self.window.run_controls.controller
        self.pending = []
        if controller.state == "running":
            controller.pause()
        kinds = {action.kind for action in step.actions}
        self.window.pretrain.forget_waiting()  # the step's training no longer waits for pretrained weights
        if "pretrain" in kinds:
            self.window.pretrain.stop()  # the layers done so far stay, as after Pause
        changed_graph = any(a.target.split(".")[0] not in ("training", "dataset") for a in _sets(step))
        weights = self._saved_weights(before) if kinds & RUNS and "series" not in kinds else None
        restarted = weights is not None or changed_graph or (kinds & TRAINING and not before.had_model)
        if controller.active and (restarted or "series" in kinds):
            w.document.reset_model()  # the step made this model: before it there was none (or another network)
        elif controller.active and kinds & TRAINING:
            self.note.emit(self.tr("Training cannot be undone: the model stays as trained, paused."))
        stack = w.document.undo_stack
        if stack.index() > before.undo_index:
            stack.setIndex(before.undo_index)
        if weights is not None:  # the network is as it was before the step: its weights fit it again
            w.run_controls.start_when_loaded(weights)
            self.note.emit(self.tr("The model is back as it was before this step (its optimiser starts afresh)."))
        scene = w.editor.scene
        w.editor.select([node for node in before.selection if node in scene.nodes])
        if before.dock_visible:
            w.show_view(before.view)
        else:
            w.training_dock.hide()
        w.tabs.setCurrentIndex(before.panel)
        w.run_controls.speed.set_pace(before.pace)
        lab = w.view_tabs.views.get("optimizer_lab")
        if "lab_start" in kinds and lab is not None and before.lab_start is not None:
            lab.set_start(*before.lab_start)

    def _saved_weights(self, before: Shown) -> dict | None:
        """The weights saved before a step, when the training process has written them."""
        if before.weights is None or before.weights not in self.saved:
            return None
        from core.run.saved import load_run

        try:
            return load_run(before.weights)[1]
        except (OSError, ValueError):  # a temporary folder removed meanwhile: Back keeps the model
            return None

    # ---- doing -----------------------------------------------------------------------------

    def perform(self, step: LessonStep) -> None:
        w = self.window
        edits = self.edits([action for action in step.actions if action.kind == "set"])
        edits += self.freezing([action for action in step.actions if action.kind in ("freeze", "unfreeze")])
        if edits:
            w.document.push(Macro(self.tr("Lesson step %1").replace("%1", str(self.index + 1)), edits))
        for action in step.actions:
            match action.kind:
                case "view":
                    if action.target in VIEW_NAMES:
                        w.show_view(action.target)
                    else:
                        self.note.emit(self.tr("This Neurona has no view '%1'.").replace("%1", action.target))
                case "panel":
                    w.tabs.setCurrentIndex(PANELS.index(action.target))
                case "select":
                    if action.target in w.editor.scene.nodes:
                        w.editor.select([action.target])
                case "speed":
                    w.run_controls.speed.set_pace(action.target)
                case "reset":
                    if w.run_controls.controller.active:
                        w.run_controls.reset()
                case "import_weights":
                    self._import(*action.target)
                case "lab_start":
                    lab = w.show_view("optimizer_lab")
                    if lab is not None:
                        lab.set_start(*action.target)
                case "run_epochs" | "run_steps" | "series" | "pretrain":
                    if self.loading:
                        self.pending.append(action)
                    else:
                        self._train(action)

    def edits(self, sets: list[Action]) -> list:
        """The undo commands of "set" actions, the dataset's settings as one change (each its own
        would start from the settings before them all, and only the last would stay)."""
        project = self.window.document.project
        dataset = {a.target.split(".")[1]: a.value for a in sets if a.target.startswith("dataset.")}
        edits = [self._edit(a) for a in sets if not a.target.startswith("dataset.")]
        if dataset and any(project.dataset_params.get(name) != value for name, value in dataset.items()):
            edits.append(SetDataset(project, project.dataset, {**project.dataset_params, **dataset}))
        return [edit for edit in edits if edit is not None]

    def freezing(self, actions: list[Action]) -> list:
        """The undo commands of "freeze" and "unfreeze": the model keeps its weights (it is not reset)."""
        graph = self.window.document.project.graph
        wanted = {n: action.kind == "freeze" for action in actions for n in action.target if n in graph.nodes}
        return [SetFrozen(graph, n, frozen) for n, frozen in wanted.items() if graph.nodes[n].frozen != frozen]

    def _import(self, number: int, layers: tuple[str, ...]) -> None:
        """Layers of the lesson's run `number` into a new model (gui.transfer), or a note saying why not."""
        from core.network.build import InvalidGraph
        from core.run.transfer import plan_import
        from gui.transfer import Source

        w = self.window
        kept = {run.number: run for run in w.runs.runs.runs}
        if number > len(self.lesson_runs) or self.lesson_runs[number - 1] not in kept:
            self.note.emit(
                self.tr(
                    "This step takes layers from the lesson's run %1, which the Runs dock does not hold: "
                    "train the steps before it first."
                ).replace("%1", str(number))
            )
            return
        run = kept[self.lesson_runs[number - 1]]
        try:
            matches = {m.node_id: m for m in plan_import(w.document.project.graph, run.project.graph)}
        except (InvalidGraph, ValueError) as err:
            self.note.emit(str(err))
            return
        misfits = [f"{n}: {matches[n].why}" for n in layers if n in matches and not matches[n].fits]
        if misfits or not all(n in matches for n in layers):
            self.note.emit(self.tr("Cannot import: %1").replace("%1", "; ".join(misfits) or ", ".join(layers)))
            return
        problem = w.transfer.import_layers(
            Source(run.title, run.project, run.weights), {n: matches[n].source for n in layers}
        )
        if problem:
            self.note.emit(problem)

    def _run_kept(self, message) -> None:
        if message.generation <= self._since:
            return
        run = next((r for r in self.window.runs.runs.runs if r.generation == message.generation), None)
        if run is not None and run.number not in self.lesson_runs:
            self.lesson_runs.append(run.number)

    def _edit(self, action: Action):
        """The undo command of a "set" action (None when the value is already set); a changed
        network throws a trained model away first, as the window's own edits do after asking."""
        w = self.window
        project = w.document.project
        owner, name = action.target.split(".")
        if owner == "training":
            return SetTraining(project, name, action.value) if getattr(project.training, name) != action.value else None
        if owner not in project.graph.nodes:  # the user deleted it since the lesson was opened
            self.note.emit(
                self.tr("This step sets %1, but the network has no layer '%2' now.")
                .replace("%1", action.target)
                .replace("%2", owner)
            )
            return None
        if project.graph.nodes[owner].params[name] == action.value:
            return None
        if w.run_controls.controller.active:
            w.run_controls.reset()
        return SetParam(project.graph, owner, name, action.value)

    def _train(self, action: Action) -> None:
        if action.kind == "series":
            self.series.start(action.target)
            return
        pretrain = self.window.pretrain
        if action.kind == "pretrain":
            pretrain.begin(action.target)
            return
        if pretrain.busy:  # the pretrained weights become a new model: this step trains that one
            pretrain.then(lambda: self._train(action))
            return
        controls = self.window.run_controls
        controller = controls.controller
        if controller.state == "running":
            controller.pause()
        if not controls._ensure_started():
            self.note.emit(self.tr("The network cannot train yet: see the status bar."))
            return
        if action.kind == "run_epochs":
            controller.run(epochs=action.target)
        else:
            controller.step_once(action.target)

    def _project_opened(self, project) -> None:
        if self._project is not None:
            self._project.dataset_changed.disconnect(self._dataset_changed)
        self._project = project
        self.series.stop()
        project.dataset_changed.connect(self._dataset_changed)
        self.loading = True
        self.start(project.steps)

    def _dataset_changed(self) -> None:
        self.loading = True  # until the new data has loaded

    def _data_loaded(self, data) -> None:
        self.loading = False
        pending, self.pending = self.pending, []
        for action in pending:
            self._train(action)
