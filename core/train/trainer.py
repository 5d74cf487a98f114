"""Training: one step at a time, so a GUI worker can pause, step and change
the learning rate between steps, and the CLI can loop over the same code.

Everything published is plain Python (floats, ints): no Qt, no live tensors.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import torch
from torch import nn

from core.data.catalog import Data, load_dataset
from core.network.build import GraphModule, InvalidGraph
from core.network.fit import data_problems
from core.network.graph import infer
from core.optimizers import optimizer
from core.project import Project
from core.train.records import EpochRecord
from core.train_config import TrainConfig


class TrainingError(RuntimeError):
    """Training cannot go on; the message is for the user."""


class Diverged(TrainingError):
    """The loss became NaN or infinite at `step`."""

    def __init__(self, message: str, step: int):
        super().__init__(message)
        self.step = step


@dataclass
class StepRecord:
    step: int
    epoch: int
    loss: float
    lr: float


def pick_device(choice: str = "auto") -> torch.device:
    """CUDA, then Apple MPS, then CPU; a device that was asked for but is missing is an error."""
    cuda, mps = torch.cuda.is_available(), torch.backends.mps.is_available()
    if choice == "auto":
        return torch.device("cuda" if cuda else "mps" if mps else "cpu")
    if (choice == "cuda" and not cuda) or (choice == "mps" and not mps):
        raise TrainingError(f"{choice.upper()} was chosen but is not available on this machine; choose auto or cpu")
    return torch.device(choice)


def make_optimizer(name: str, params, config: TrainConfig) -> torch.optim.Optimizer:
    """The catalogue's optimiser `name` with the training settings it uses (core.optimizers)."""
    spec = optimizer(name)
    return spec.make(params, spec.training_settings(config.to_dict()))


def initialise(model: nn.Module, scheme: str, scale: float) -> None:
    """Apply an init scheme to every weight matrix or kernel; biases start at zero."""
    if scheme == "default":
        return
    init = nn.init
    norm_scales = {id(m.weight) for m in model.modules() if isinstance(m, nn.modules.batchnorm._BatchNorm) and m.affine}
    with torch.no_grad():
        for p in model.parameters():
            if id(p) in norm_scales:
                continue
            if p.dim() < 2:
                init.zeros_(p)
            elif scheme == "zeros":
                init.zeros_(p)
            elif scheme == "constant":
                init.constant_(p, scale)
            elif scheme == "normal":
                init.normal_(p, 0.0, scale)
            elif scheme == "xavier":
                init.xavier_uniform_(p)
            elif scheme == "kaiming":
                init.kaiming_normal_(p, nonlinearity="relu")
            elif scheme == "orthogonal":
                init.orthogonal_(p)


def _schedule(config: TrainConfig, steps_per_epoch: int):
    """The factor the learning rate is multiplied by after `step` steps: the schedule's, times a
    linear warm-up over the first `warmup_epochs` (step 0 takes 1/warm-up steps of the rate)."""
    total = max(1, config.epochs * steps_per_epoch)
    warmup = config.warmup_epochs * steps_per_epoch
    if config.schedule == "step":
        decay = lambda step: config.step_gamma ** (step // (config.step_epochs * steps_per_epoch))
    elif config.schedule == "linear":
        decay = lambda step: max(0.0, 1.0 - min(step, total) / total)
    elif config.schedule == "cosine":
        decay = lambda step: 0.5 * (1 + math.cos(math.pi * min(step, total) / total))
    else:
        decay = lambda step: 1.0
    if not warmup:
        return decay
    return lambda step: decay(step) * min(1.0, (step + 1) / warmup)


class Trainer:
    """Owns a model built from a project and trains it one batch per `step()`."""

    def __init__(self, project: Project, data: Data | None = None, device: str | None = None):
        self.project = project
        self.config = config = project.training
        self.data = data or load_dataset(project.dataset, project.dataset_params)
        inference = infer(project.graph)
        problems = inference.problems or data_problems(project.graph, inference, self.data, config)
        if problems:
            raise TrainingError("the network cannot train yet: " + "; ".join(str(p) for p in problems))
        self.device = pick_device(device or config.device)
        torch.manual_seed(config.seed)
        try:
            self.model = GraphModule(project.graph, inference).to(self.device)
        except InvalidGraph as err:
            raise TrainingError(str(err)) from None
        initialise(self.model, config.init, config.init_scale)
        self.loss_kind = project.graph.nodes[inference.output_id].params["loss"]
        self.out_width = inference.shapes[inference.output_id][0]
        as_tensor = lambda a: torch.as_tensor(a, device=self.device)  # noqa: E731
        self.x_train, self.y_train = as_tensor(self.data.x_train), as_tensor(self.data.y_train)
        self.x_test, self.y_test = as_tensor(self.data.x_test), as_tensor(self.data.y_test)
        self.trainable = [p for p in self.model.parameters() if p.requires_grad]
        self.penalised = [p for p in self.trainable if p.dim() >= 2]
        self.optimizer = make_optimizer(
            config.optimizer, self.trainable or [torch.zeros(1, requires_grad=True)], config
        )
        self.steps_per_epoch = self._batches_per_epoch()
        # they cannot change during a run
        self.kind, self.schedule, self.warmup = config.optimizer, config.schedule, config.warmup_epochs
        self.scheduler = torch.optim.lr_scheduler.LambdaLR(self.optimizer, _schedule(config, self.steps_per_epoch))
        self.generator = torch.Generator().manual_seed(config.seed)
        self.step_count = 0
        self.epoch = 0
        self._batches: list[torch.Tensor] = []
        self.last_batch: torch.Tensor | None = None  # the indices of the batch trained last (probes look at it)
        # probes' hooks: after_backward(trainer) sees the gradients, after_step(trainer) the updated weights
        self.after_backward: list[Callable[[Trainer], None]] = []
        self.after_step: list[Callable[[Trainer], None]] = []

    # ---- the unit of work ---------------------------------------------------------

    def step(self) -> StepRecord:
        """Train on one batch; raises Diverged if the loss is not finite.

        This runs thousands of times a second for a small network, so it does no more than a
        bare PyTorch loop would: one sync (the loss value, which the curves need anyway)."""
        if not self._batches:
            self._batches = self._shuffle()
        index = self.last_batch = self._batches.pop()
        x, y = self.x_train[index], self.y_train[index]
        if not self.model.training:
            self.model.train()
        lr = self.lr
        if self.kind == "lbfgs":
            loss = self._lbfgs_step(x, y)
        else:
            self.optimizer.zero_grad(set_to_none=True)
            batch_loss = self._loss(self.model(x), y)
            loss = batch_loss.item()
            if math.isfinite(loss):
                self._backward(batch_loss)
                self.optimizer.step()
        self.step_count += 1
        for hook in self.after_step:
            hook(self)
        if not math.isfinite(loss):
            raise Diverged(self._divergence_message(loss), self.step_count)
        if self.schedule != "constant" or self.warmup:
            self.scheduler.step()
        if not self._batches:
            self.epoch += 1
        return StepRecord(self.step_count, self.epoch, loss, lr)

    def _backward(self, batch_loss: torch.Tensor) -> None:
        total = batch_loss + self._penalty() if self.config.l1 or self.config.l2 else batch_loss
        total.backward()
        if self.config.clip_norm > 0:
            nn.utils.clip_grad_norm_(self.trainable, self.config.clip_norm)
        for hook in self.after_backward:
            hook(self)

    def _lbfgs_step(self, x: torch.Tensor, y: torch.Tensor) -> float:
        """L-BFGS evaluates the loss itself, through a closure; the first evaluation is the step's loss."""
        losses = []

        def closure():
            self.optimizer.zero_grad(set_to_none=True)
            batch_loss = self._loss(self.model(x), y)
            losses.append(batch_loss.item())
            if math.isfinite(losses[-1]):
                self._backward(batch_loss)
            return batch_loss

        self.optimizer.step(closure)
        return losses[0]

    def run_epoch(self) -> EpochRecord:
        start, target = time.perf_counter(), self.epoch + 1
        while self.epoch < target:
            self.step()
        return self.epoch_record(time.perf_counter() - start)

    def train(self, epochs: int | None = None) -> Iterator[EpochRecord]:
        for _ in range(epochs if epochs is not None else self.config.epochs):
            yield self.run_epoch()

    # ---- live controls -------------------------------------------------------------

    def set_data(self, data: Data) -> None:
        """Train on from the next batch with new samples of the same shape (points the user added)."""
        if data.input_shape != self.data.input_shape or data.num_classes != self.data.num_classes:
            raise TrainingError("the new data has another shape or number of classes: reset the weights")
        self.data = data
        as_tensor = lambda a: torch.as_tensor(a, device=self.device)  # noqa: E731
        self.x_train, self.y_train = as_tensor(data.x_train), as_tensor(data.y_train)
        self.x_test, self.y_test = as_tensor(data.x_test), as_tensor(data.y_test)
        self.steps_per_epoch = self._batches_per_epoch()
        self._batches = []
        self.last_batch = None  # its indices belong to the old samples

    @property
    def lr(self) -> float:
        return self.optimizer.param_groups[0]["lr"]

    def update_settings(self, config: TrainConfig) -> list[str]:
        """Take every setting that can change during a run: learning rate (the schedule keeps
        shaping it), momentum, weight decay, L1, L2, clipping, epochs, batch size (from the next
        epoch) and the schedule's parameters. Returns the names of the changed settings that
        wait for the next run (optimizer, init, seed, device, schedule kind, warm-up)."""
        old, self.config = self.config, config
        self.project.training = config  # the run's own copy of the project, saved with the run
        if config.batch_size != old.batch_size:
            self.steps_per_epoch = self._batches_per_epoch()
        kept = config.replace(schedule=self.schedule, warmup_epochs=self.warmup)
        self.scheduler.lr_lambdas = [_schedule(kept, self.steps_per_epoch)]
        self.scheduler.base_lrs = [config.lr for _ in self.scheduler.base_lrs]
        factor = self.scheduler.lr_lambdas[0](self.scheduler.last_epoch)
        for group in self.optimizer.param_groups:
            group["lr"] = config.lr * factor
            group["initial_lr"] = config.lr
            if self.kind in ("momentum", "nesterov"):
                group["momentum"] = config.momentum
            if self.kind == "adamw":
                group["weight_decay"] = config.weight_decay
        waiting = ("optimizer", "init", "init_scale", "seed", "device", "schedule", "warmup_epochs")
        return [name for name in waiting if getattr(config, name) != getattr(old, name)]

    # ---- evaluation ------------------------------------------------------------------

    def evaluate(self, limit: int | None = None) -> dict[str, float | None]:
        """Loss and accuracy on the train and test sets; with `limit`, on a fixed subsample of at most
        that many samples of each (the same samples every time, so epochs compare)."""
        train_loss, train_acc = self._evaluate(*self._subsample(self.x_train, self.y_train, limit))
        test_loss, test_acc = self._evaluate(*self._subsample(self.x_test, self.y_test, limit))
        return {"train_loss": train_loss, "train_acc": train_acc, "test_loss": test_loss, "test_acc": test_acc}

    def epoch_record(self, seconds: float = 0.0, limit: int | None = None) -> EpochRecord:
        return EpochRecord(self.epoch, self.step_count, lr=self.lr, seconds=seconds, **self.evaluate(limit))

    @staticmethod
    def _subsample(x: torch.Tensor, y: torch.Tensor, limit: int | None) -> tuple[torch.Tensor, torch.Tensor]:
        if limit is None or len(x) <= limit:
            return x, y
        keep = torch.randperm(len(x), generator=torch.Generator().manual_seed(0))[:limit].to(x.device)
        return x[keep], y[keep]

    def predict(self, x: torch.Tensor, chunk: int = 2048) -> torch.Tensor:
        self.model.eval()
        with torch.inference_mode():
            if len(x) <= chunk:  # every epoch's evaluation of a small set: no copy
                return self.model(x)
            return torch.cat([self.model(x[i : i + chunk]) for i in range(0, len(x), chunk)])

    def _evaluate(self, x: torch.Tensor, y: torch.Tensor) -> tuple[float, float | None]:
        if len(x) == 0:
            return float("nan"), None
        out = self.predict(x)
        loss = self._loss(out, y).item()
        if not self.data.num_classes:
            return loss, None
        return loss, (self.classify(out) == y).float().mean().item()

    def classify(self, out: torch.Tensor) -> torch.Tensor:
        """Class predicted from the network's output, for any loss."""
        if self.out_width == 1:
            threshold = 0.0 if self.loss_kind == "bce" else 0.5
            return (out[:, 0] > threshold).long()
        return out.argmax(1)

    # ---- internals ---------------------------------------------------------------------

    def _loss(self, out: torch.Tensor, y: torch.Tensor) -> torch.Tensor:
        return data_loss(out, y, self.loss_kind, self.data.num_classes, self.out_width)

    def _penalty(self) -> torch.Tensor | float:
        total = 0.0
        if self.config.l1:
            total = total + self.config.l1 * sum(p.abs().sum() for p in self.penalised)
        if self.config.l2:
            total = total + self.config.l2 * sum(p.pow(2).sum() for p in self.penalised)
        return total

    def _batches_per_epoch(self) -> int:
        n, size = len(self.x_train), self.config.batch_size
        return len(_split(n, size))

    def _shuffle(self) -> list[torch.Tensor]:
        order = torch.randperm(len(self.x_train), generator=self.generator).to(self.device)
        return [order[a:b] for a, b in reversed(_split(len(order), self.config.batch_size))]

    def _divergence_message(self, loss: float) -> str:
        what = "NaN" if math.isnan(loss) else "infinite"
        if self.step_count == 1:  # no update has been made yet: the learning rate played no part
            return (
                f"the loss became {what} in the very first forward pass, before any learning: the network "
                "itself overflows; lower the init scale, rescale the data, or add normalisation"
            )
        return (
            f"the loss became {what} at step {self.step_count} (epoch {self.epoch + 1}); "
            f"the learning rate {self.lr:g} is probably too high: lower it or turn on gradient clipping"
        )


def data_loss(out: torch.Tensor, y: torch.Tensor, kind: str, num_classes: int, out_width: int) -> torch.Tensor:
    """The Output node's loss (no penalty); core.landscape.grid uses it without a Trainer."""
    if kind == "cross_entropy":
        return nn.functional.cross_entropy(out, y)
    if num_classes:
        target = y.float()[:, None] if out_width == 1 else nn.functional.one_hot(y, out_width).float()
    else:
        target = y.float().reshape(out.shape)
    if kind == "bce":
        return nn.functional.binary_cross_entropy_with_logits(out, target)
    return nn.functional.mse_loss(out, target)


def _split(n: int, size: int) -> list[tuple[int, int]]:
    """Batch bounds; a last batch of one sample is dropped (batch norm cannot train on it)."""
    bounds = [(a, min(a + size, n)) for a in range(0, n, size)]
    if len(bounds) > 1 and bounds[-1][1] - bounds[-1][0] == 1:
        bounds.pop()
    return bounds
