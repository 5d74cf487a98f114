"""A training session as the dashboard sees it: steps go in, snapshots come out.

A `Session` owns a Trainer, remembers what happened since the last snapshot
(per-step losses, epoch evaluations) and packs it, with the probes the views
need, into a `Snapshot` of plain numpy arrays and floats. The GUI's worker
thread drives it; tests and benchmarks drive it directly.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

import numpy as np

from core.data.catalog import Data
from core.probes.plane import Surface, decision_surface, dense_weights, neuron_columns, neuron_surfaces, plane_bounds
from core.project import Project
from core.train.trainer import EpochRecord, Trainer

SURFACE_SIZE = 64
NEURON_SIZE = 28
PROBE_INTERVAL = 0.1  # seconds between probe computations, whatever the snapshot rate
INSIGHT_STRIDE = 20  # default steps between the views' probes (the user can change it)
INSIGHT_SHARE = 0.25  # the views' probes may take at most this share of the training time
EVALUATION_INTERVAL = 0.5  # seconds between whole-set evaluations when epochs fly by faster than that


@dataclass
class Snapshot:
    step: int
    epoch: int
    lr: float
    steps: np.ndarray  # the steps trained since the previous snapshot
    losses: np.ndarray  # their batch losses
    lrs: np.ndarray  # their learning rates
    evaluations: list[EpochRecord] = field(default_factory=list)
    surface: Surface | None = None
    neurons: dict[str, np.ndarray] | None = None  # node -> (units, n, n) over the plane
    weights: dict[str, np.ndarray] | None = None  # Linear node -> (out, in)
    columns: list[tuple[str, str]] | None = None  # the neuron view's layers: (Linear, node drawn)
    insights: dict[str, object] | None = None  # the wanted views' probes (core.probes.registry), by name


class Session:
    def __init__(
        self, project: Project, data: Data | None = None, weights: dict | None = None, device: str | None = None
    ):
        self.trainer = Trainer(project, data, device)
        if weights is not None:
            self.trainer.model.load_state_dict(weights)
        self.records: list[EpochRecord] = []
        self.last_epoch = self.trainer.config.epochs
        self._steps, self._losses, self._lrs = [], [], []
        self._evaluations: list[EpochRecord] = []
        self._last_probe = -1.0
        self._epoch_started = time.perf_counter()
        self._last_evaluation = -float("inf")
        self._seen_epoch = 0
        self.wanted: dict[str, dict] = {}  # the probes the open views want, with their options
        self.stride = INSIGHT_STRIDE
        self.memory: dict[str, object] = {}  # what probes keep between calls (histories, projections)
        self._attached: set[str] = set()
        from core.probes.registry import ATTACHED_FROM_THE_START, attach

        for name in ATTACHED_FROM_THE_START:  # e.g. the training path, which the landscape view draws whole
            attach(self, name)
            self._attached.add(name)
        self._last_insight_step = -1
        self._next_insight_time = 0.0
        self._views_changed = False
        data = self.trainer.data
        self.bounds = plane_bounds(np.concatenate([data.x_train, data.x_test])) if data.is_2d else None
        self.columns = neuron_columns(project.graph, self.trainer.model) if data.is_2d else []

    @property
    def finished(self) -> bool:
        return self.trainer.epoch >= self.last_epoch

    def extend(self) -> None:
        """Train on for as many epochs as the settings say."""
        self.last_epoch = self.trainer.epoch + self.trainer.config.epochs

    def set_views(self, wanted: dict[str, dict]) -> None:
        """The probes the open views want from now on; each one's attach hook runs once."""
        from core.probes.registry import attach

        for name in wanted.keys() - self._attached:
            attach(self, name)
            self._attached.add(name)
        self.wanted = dict(wanted)
        self._views_changed = True  # the next snapshot carries them

    def step(self) -> None:
        """One batch; at an epoch's end, an evaluation on the whole train and test sets, at most
        every EVALUATION_INTERVAL (a small CNN's epoch can take less time than its evaluation)
        and always at the last epoch."""
        record = self.trainer.step()
        self._steps.append(record.step)
        self._losses.append(record.loss)
        self._lrs.append(record.lr)
        epoch_ended = self.trainer.epoch > self._seen_epoch
        self._seen_epoch = self.trainer.epoch
        now = time.perf_counter()
        if epoch_ended and (now - self._last_evaluation >= EVALUATION_INTERVAL or self.finished):
            evaluation = self.trainer.epoch_record(now - self._epoch_started)
            self._last_evaluation = self._epoch_started = time.perf_counter()
            self.records.append(evaluation)
            self._evaluations.append(evaluation)

    def snapshot(self, probes: bool | None = None) -> Snapshot:
        """What happened since the last snapshot; probes at most every PROBE_INTERVAL unless forced."""
        now = time.perf_counter()
        forced = probes is True  # a pause or a single step: the views' probes too, whatever the stride
        if probes is None:
            probes = now - self._last_probe >= PROBE_INTERVAL
        t = self.trainer
        shot = Snapshot(
            t.step_count,
            t.epoch,
            t.lr,
            np.array(self._steps, dtype=np.int64),
            np.array(self._losses, dtype=np.float64),
            np.array(self._lrs, dtype=np.float64),
            self._evaluations,
        )
        self._steps, self._losses, self._lrs, self._evaluations = [], [], [], []
        if probes:
            self._last_probe = now
            self._probe(shot)
        if self.wanted and self._insights_due(forced, now):
            self._insights(shot)
        return shot

    def _insights_due(self, forced: bool, now: float) -> bool:
        """Every `stride` steps, but never more than INSIGHT_SHARE of the time; always when forced
        (a pause, a single step) unless nothing has changed since the last ones."""
        if self._views_changed:
            return True
        if self.trainer.step_count == self._last_insight_step:
            return False
        if forced:
            return True
        return self.trainer.step_count - self._last_insight_step >= self.stride and now >= self._next_insight_time

    def _insights(self, shot: Snapshot) -> None:
        from core.probes.registry import compute

        start = time.perf_counter()
        shot.insights = compute(self, self.wanted)
        took = time.perf_counter() - start
        self._last_insight_step = self.trainer.step_count
        self._views_changed = False
        self._next_insight_time = start + took / INSIGHT_SHARE

    def _probe(self, shot: Snapshot) -> None:
        t = self.trainer
        if self.bounds is not None:
            shot.surface = decision_surface(t.model, self.bounds, SURFACE_SIZE, t.loss_kind, t.data.num_classes)
        shot.columns = self.columns
        if self.columns:  # the neuron view: each unit over the plane, each Linear's weights as connections
            shot.neurons = neuron_surfaces(t.model, self.bounds, NEURON_SIZE, [shown for _, shown in self.columns])
            shot.weights = {linear: dense_weights(t.model, linear) for linear, _ in self.columns}
