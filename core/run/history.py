"""The session's runs, kept for comparing: every run that finished or was stopped.

A teacher shows an idea by changing one thing and training again ("with and without dropout",
"1 to 4 hidden layers"), so each run keeps what is needed to draw it beside the others and to
go back to it: a copy of its project (network, dataset, training settings as they ended), its
per-epoch metrics, and its final weights as numpy arrays. Each run is described by its
differences from the run before it in the list (core.run.changes). The list lives in memory
for the session; a run is saved as an ordinary run folder (core.run.saved).
"""

from __future__ import annotations

import math
import os
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from core.project import Project
from core.run.changes import change_text
from core.train.trainer import EpochRecord
from core.words import translate


@dataclass
class KeptRun:
    number: int  # 1, 2, 3 … in the order the runs ended, never reused in a session
    generation: int  # the model's generation number (the GUI's), to recognise a run trained on
    project: Project
    records: list[EpochRecord]
    weights: dict[str, np.ndarray]
    state: str  # "finished" or "stopped"
    step: int  # training steps taken
    name: str = ""  # the user's name for it; "" shows "Run N"
    changes: str = field(default="first run")  # from the run before it in the list

    @property
    def nbytes(self) -> int:
        return sum(int(v.nbytes) for v in self.weights.values())

    @property
    def title(self) -> str:
        return self.name or translate("run changes", "Run {0}").format(self.number)

    @property
    def label(self) -> str:
        """The legend's words: the name, then what was different."""
        return f"{self.title}: {self.changes}"

    def final(self) -> EpochRecord | None:
        return self.records[-1] if self.records else None

    def curve(self, metric: str) -> tuple[np.ndarray, np.ndarray]:
        """(epochs, values) of one metric ("test_acc", "train_loss" …), skipping epochs without it
        and values that are not numbers (a diverged run's last epochs)."""
        points = [
            (r.epoch, value) for r in self.records if (value := getattr(r, metric)) is not None and math.isfinite(value)
        ]
        if not points:
            return np.zeros(0), np.zeros(0)
        epochs, values = zip(*points, strict=True)
        return np.asarray(epochs, dtype=float), np.asarray(values, dtype=float)

    def model(self):
        """A torch module of the run's network holding its final weights."""
        import torch

        from core.network.build import GraphModule

        module = GraphModule(self.project.graph)
        module.load_state_dict({k: torch.as_tensor(v) for k, v in self.weights.items()})
        return module

    def save(self, folder: str | os.PathLike) -> Path:
        """Write the run as a run folder (project.json, metrics.csv, weights.safetensors), which
        File ▸ Open Run and `train --resume`-free tools read back; returns where it went."""
        from core.run.saved import save_run

        project = self.project.copy()
        if self.name:
            project.title = self.name
        return save_run(folder, project, self.records, self.model())


KEEP_BYTES = 512 * 2**20  # the kept runs' weights together stay under this: the oldest runs go first


class RunList:
    """The kept runs, oldest first, their weights within `budget` bytes (the newest always stays)."""

    def __init__(self, budget: int = KEEP_BYTES) -> None:
        self.runs: list[KeptRun] = []
        self._next = 1
        self.budget = budget
        self.dropped = 0  # how many of the oldest runs were let go to stay within the budget

    def __len__(self) -> int:
        return len(self.runs)

    def keep(
        self,
        generation: int,
        project: Project,
        records: list[EpochRecord],
        weights: dict[str, np.ndarray],
        state: str,
        step: int,
    ) -> KeptRun | None:
        """Add a run that ended, or update it if the same model trained on and ended again (an end
        without more steps, like stopping a finished run, changes nothing). A run without a single
        evaluated epoch has nothing to compare and is not kept (None)."""
        if not records:
            return None
        weights = {k: np.array(v, copy=True) for k, v in weights.items()}
        for run in self.runs:
            if run.generation == generation:
                if step != run.step:  # it trained on: the run is as it last trained
                    run.project, run.records, run.weights, run.step = project.copy(), list(records), weights, step
                    run.state = state
                    self._describe()
                # else it is being stopped after it ended: a settings edit since (sent to the idle
                # model) is no part of what it trained with, and a finished run stays finished
                return run
        run = KeptRun(self._next, generation, project.copy(), list(records), weights, state, step)
        self._next += 1
        self.runs.append(run)
        while len(self.runs) > 1 and sum(kept.nbytes for kept in self.runs) > self.budget:
            self.runs.pop(0)
            self.dropped += 1
        self._describe()
        return run

    def find(self, number: int) -> KeptRun:
        for run in self.runs:
            if run.number == number:
                return run
        raise KeyError(f"there is no run {number}")

    def rename(self, number: int, name: str) -> None:
        self.find(number).name = " ".join(name.split())[:80]

    def remove(self, number: int) -> None:
        self.runs.remove(self.find(number))
        self._describe()

    def _describe(self) -> None:
        """Each run's differences from the one before it in the list (after a removal too)."""
        previous = None
        for run in self.runs:
            run.changes = change_text(previous, run.project)
            previous = run.project
