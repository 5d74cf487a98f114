"""A training session as the views see it: steps go in, snapshots come out.

A `Session` owns a Trainer, remembers what happened since the last snapshot
(per-step losses, epoch evaluations) and packs it, with the results of the
probes the visible view wants, into a `Snapshot` of plain numpy arrays and
floats. The GUI's worker drives it; tests and benchmarks drive it directly.

Each probe (core.probes.base.Probe) is made once per session, when first
wanted, and is attached while wanted; a probe that records from the start
(`from_start`) is made and attached with the session. A probe computes at its
own pace: every `interval` seconds, or every `stride` steps as long as such
probes take at most INSIGHT_SHARE of the training time and come at most PICTURE_RATE times a second.
"""

from __future__ import annotations

import time
import traceback

import numpy as np
import torch

from core.data.catalog import Data
from core.probes.registry import PROBES, ProbeFailed, probe_class
from core.project import Project
from core.run.snapshot import PICTURE_RATE, Snapshot
from core.train.records import EpochRecord
from core.train.trainer import Trainer
from core.train_config import EVALUATION_SAMPLES
from core.words import translate

INSIGHT_STRIDE = 20  # default steps between the strided probes (the user can change it)
INSIGHT_SHARE = 0.15  # the strided probes may take at most this share of the training time: with the
# costliest view open (the digits CNN's hidden layer, ~30 steps a refresh) training keeps >= 0.8 of its speed
# ... and come at most PICTURE_RATE times a second: the spiral's Gradient flow sent 175 KB pictures 30
# times a second, and the trainer waited on the full pipe


class Session:
    def __init__(
        self, project: Project, data: Data | None = None, weights: dict | None = None, device: str | None = None
    ):
        self.trainer = Trainer(project, data, device)
        if weights is not None:  # tensors, or numpy arrays (pretrained weights sent back by a run)
            self.trainer.model.load_state_dict({k: torch.as_tensor(v) for k, v in weights.items()})
        self.records: list[EpochRecord] = []
        self.last_epoch = self.trainer.config.epochs
        self._steps, self._losses, self._lrs = [], [], []
        self._evaluations: list[EpochRecord] = []
        self._epoch_seconds = 0.0  # time spent training this epoch (a pause does not count)
        self._seen_epoch = 0
        self.wanted: dict[str, dict] = {}  # the probes the visible view wants, with their options
        self.stride = INSIGHT_STRIDE
        self.probes: dict = {}  # name -> probe, made when first wanted
        self._attached: set[str] = set()
        self._computed: dict[str, tuple[int, float]] = {}  # name -> (step, time) of its last computation
        self._next_strided_time = 0.0
        self._views_changed = False
        for name in PROBES:
            if probe_class(name).from_start:  # e.g. the training path, which the landscape view draws whole
                self._attach(name)

    @property
    def finished(self) -> bool:
        return self.trainer.epoch >= self.last_epoch

    def extend(self) -> None:
        """Train on for as many epochs as the settings say."""
        self.last_epoch = self.trainer.epoch + self.trainer.config.epochs

    def probe(self, name: str):
        """The session's probe called `name`, made on first use (KeyError for an unknown name)."""
        if name not in self.probes:
            self.probes[name] = probe_class(name)(self.trainer)
        return self.probes[name]

    def trajectory(self):
        """The weights' path recorded since the start (core.landscape.probe.Trajectory), or None."""
        return self.probe("landscape").trajectory()

    def set_views(self, wanted: dict[str, dict]) -> None:
        """The probes the visible view wants from now on: the newly wanted ones are attached,
        the ones no longer wanted detached (except those that record from the start)."""
        for name in wanted.keys() - self._attached:
            if name in PROBES:
                self._attach(name)
        for name in self._attached - wanted.keys():
            if not self.probes[name].from_start:
                self.probes[name].detach()
                self._attached.discard(name)
        self.wanted = dict(wanted)
        self._views_changed = True  # the next snapshot carries them

    def set_parameter(self, node: str, name: str, index: tuple[int, ...], value: float) -> float:
        """Put `value` into one weight or bias of the live model and return the value it replaced;
        ValueError with a sentence when there is no such parameter or the value is not a number.
        Every wanted probe is due again: the model changed without a training step."""
        import math

        import torch

        model = self.trainer.model
        if node not in model.order:
            raise ValueError(translate("run", "the model has no layer '{0}'").format(node))
        parameter = getattr(model.layer(node), name, None) if name in ("weight", "bias") else None
        if not isinstance(parameter, torch.Tensor):
            raise ValueError(translate("run", "'{0}' has no {1}").format(node, name))
        index = tuple(int(i) for i in index)
        if len(index) != parameter.dim() or any(not 0 <= i < n for i, n in zip(index, parameter.shape, strict=True)):
            raise ValueError(translate("run", "'{0}' has no {1} at {2}").format(node, name, index))
        if not math.isfinite(value):
            raise ValueError(translate("run", "a weight must be a finite number"))
        with torch.no_grad():
            previous = float(parameter[index])
            parameter[index] = float(value)
        self._computed.clear()
        return previous

    def _attach(self, name: str) -> None:
        self.probe(name).attach()
        self._attached.add(name)

    def step(self) -> None:
        """One batch; at every epoch's end, an evaluation on the train and test sets (on a fixed
        subsample of EVALUATION_SAMPLES of each when a set is larger), so the per-epoch curves
        have a point for every epoch and a saved run a row for every epoch."""
        started = time.perf_counter()
        record = self.trainer.step()
        self._epoch_seconds += time.perf_counter() - started
        self._steps.append(record.step)
        self._losses.append(record.loss)
        self._lrs.append(record.lr)
        if self.trainer.epoch > self._seen_epoch:
            self._seen_epoch = self.trainer.epoch
            evaluation = self.trainer.epoch_record(self._epoch_seconds, limit=EVALUATION_SAMPLES)
            self._epoch_seconds = 0.0
            self.records.append(evaluation)
            self._evaluations.append(evaluation)

    def snapshot(self, probes: bool | None = None) -> Snapshot:
        """What happened since the last snapshot, with the wanted probes that are due: each at its
        own pace (None), every one the weights changed for (True: a pause, a single step), or none
        (False: e.g. a diverged model). A changed view gets its probes at the next chance."""
        t = self.trainer
        shot = Snapshot(
            t.step_count,
            t.epoch,
            t.lr,
            np.array(self._steps, dtype=np.int64),
            np.array(self._losses, dtype=np.float64),
            np.array(self._lrs, dtype=np.float64),
            self._evaluations,
            made_at=time.perf_counter(),
        )
        self._steps, self._losses, self._lrs, self._evaluations = [], [], [], []
        if probes is not False and self.wanted:
            due = self._due(forced=probes is True, now=time.perf_counter())
            if due:
                shot.insights = self._compute_due(due)
        return shot

    def _due(self, forced: bool, now: float) -> list[str]:
        """The wanted probes to compute now. Never twice at one step unless the view changed."""
        if self._views_changed:
            return list(self.wanted)
        step = self.trainer.step_count
        timed, strided = [], []
        for name in self.wanted:
            last_step, last_time = self._computed.get(name, (-1, -float("inf")))
            if last_step == step:
                continue
            interval = self._interval(name)
            if interval is None:
                strided.append((name, last_step))
            elif forced or now - last_time >= interval:
                timed.append(name)
        if strided and not forced:
            last = max(last_step for _, last_step in strided)
            if step - last < self.stride or now < self._next_strided_time:
                strided = []
        return timed + [name for name, _ in strided]

    def _interval(self, name: str) -> float | None:
        return probe_class(name).interval if name in PROBES else None

    def _compute_due(self, due: list[str]) -> dict[str, object]:
        """The due probes' results; the strided ones are timed, to keep them within INSIGHT_SHARE."""
        step, results = self.trainer.step_count, {}
        for strided in (False, True):
            names = [name for name in due if (self._interval(name) is None) == strided]
            if not names:
                continue
            start = time.perf_counter()
            results.update(self.compute({name: self.wanted[name] for name in names}))
            self._computed.update((name, (step, start)) for name in names)
            if strided:
                self._next_strided_time = start + max((time.perf_counter() - start) / INSIGHT_SHARE, 1 / PICTURE_RATE)
        self._views_changed = False
        return {name: results[name] for name in due}

    def compute(self, wanted: dict[str, dict]) -> dict[str, object]:
        """Every wanted probe's result (or a ProbeFailed), keyed by name."""
        results: dict[str, object] = {}
        for name, options in wanted.items():
            if name not in PROBES:
                results[name] = ProbeFailed(f"there is no probe called '{name}'")
                continue
            try:
                results[name] = self.probe(name).compute(**options)
            except Exception as err:  # noqa: BLE001 - a view's probe must never stop the training
                results[name] = ProbeFailed(str(err) or type(err).__name__, traceback.format_exc())
        return results
