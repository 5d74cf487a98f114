"""Many seeds of one small network trained together: "how often does this network work?"

One run says little about a small network: the course's 2-wide folding network succeeds for some
seeds and not others. Here N copies, each initialised and shuffled exactly as a single run with
its seed would be (each starts from its own Trainer), are stacked with
`torch.func.stack_module_state` and trained as one: a step is one `vmap`-ed forward and backward
over all copies, and one update of the stacked weights. The optimisers the app trains with are
element-wise (SGD, momentum, Adam, RMSProp, AdaGrad …), so updating the stack updates each copy
as its own optimiser would; L-BFGS, gradient clipping (a norm over the whole network) and batch
norm (running statistics) are not, and are refused with a message.
"""

from __future__ import annotations

import copy
import math
import time
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import torch
from torch import nn
from torch.func import functional_call, stack_module_state

from core.data.catalog import Data, load_dataset
from core.network.layers import has_trait
from core.project import Project
from core.train.trainer import Trainer, TrainingError, data_loss, make_optimizer


class SeedsError(ValueError):
    """The network or its settings cannot be trained many at once; the message says why."""


@dataclass
class SeedResult:
    seed: int
    train_acc: float | None
    test_acc: float | None
    test_loss: float
    weights: dict[str, np.ndarray]  # the copy's final weights, to restore a run that got stuck


@dataclass
class SeedsResult:
    results: list[SeedResult]
    epochs: int
    seconds: float

    def accuracies(self) -> np.ndarray:
        return np.array([r.test_acc if r.test_acc is not None else math.nan for r in self.results])

    def succeeded(self, threshold: float) -> list[int]:
        """The seeds whose test accuracy reached `threshold` (0-1)."""
        return [r.seed for r in self.results if r.test_acc is not None and r.test_acc >= threshold]


def check_many(project: Project) -> None:
    """Raise SeedsError if the project cannot be trained many seeds at once."""
    config = project.training
    if config.optimizer == "lbfgs":
        raise SeedsError("L-BFGS takes whole-network line searches: choose another optimiser to train many seeds")
    if config.clip_norm > 0:
        raise SeedsError("gradient clipping uses each network's whole gradient norm: turn it off to train many seeds")
    norms = [n.id for n in project.graph.nodes.values() if n.kind == "BatchNorm"]
    if norms:
        raise SeedsError(f"batch norm ({', '.join(norms)}) keeps running statistics: remove it to train many seeds")


def train_seeds(
    project: Project,
    seeds: list[int],
    epochs: int | None = None,
    data: Data | None = None,
    progress: Callable[[int, int], bool] | None = None,
) -> SeedsResult:
    """Train one copy of the project's network per seed, together, for `epochs` (the project's by
    default) on the CPU. `progress(epoch, epochs)` is called after each epoch; returning False stops."""
    check_many(project)
    if not seeds:
        raise SeedsError("no seeds to train")
    started = time.perf_counter()
    data = data or load_dataset(project.dataset, project.dataset_params)
    trainers = []
    for seed in seeds:
        single = project.copy()
        single.training = single.training.replace(seed=int(seed), device="cpu")
        try:
            trainers.append(Trainer(single, data, device="cpu"))
        except TrainingError as err:
            raise SeedsError(str(err)) from None
    first = trainers[0]
    config = first.config
    params, buffers = stack_module_state([t.model for t in trainers])
    frozen = {name for name, p in first.model.named_parameters() if not p.requires_grad}
    trainable = {name: p for name, p in params.items() if name not in frozen}
    for name in frozen:
        params[name] = params[name].detach()
    base = copy.deepcopy(first.model).to("meta")
    weights = list(trainable.values()) or [torch.zeros(1, requires_grad=True)]  # all frozen: nothing moves
    optimizer = make_optimizer(config.optimizer, weights, config)
    scheduler = torch.optim.lr_scheduler.LambdaLR(optimizer, _schedule_of(first))
    penalised = [p for name, p in trainable.items() if p.dim() >= 3]  # stacked matrices and kernels
    random = any(has_trait(n.kind, "training_only") for n in project.graph.nodes.values())

    def loss_of(p, b, x, y):
        return data_loss(functional_call(base, (p, b), (x,)), y, first.loss_kind, data.num_classes, first.out_width)

    batched_loss = torch.vmap(loss_of, randomness="different" if random else "error")
    epochs = config.epochs if epochs is None else epochs
    base.train()
    for epoch in range(epochs):
        # each seed's own batch order, as its single run takes it (Trainer.step pops from the end)
        orders = [t._shuffle()[::-1] for t in trainers]
        for batch in range(len(orders[0])):
            index = torch.stack([order[batch] for order in orders])
            x, y = first.x_train[index], first.y_train[index]
            optimizer.zero_grad(set_to_none=True)
            losses = batched_loss(params, buffers, x, y)
            total = losses.sum()  # the copies share no weights: each gets its own loss's gradient
            if config.l1:
                total = total + config.l1 * sum(p.abs().sum() for p in penalised)
            if config.l2:
                total = total + config.l2 * sum(p.pow(2).sum() for p in penalised)
            total.backward()
            optimizer.step()
            if config.schedule != "constant" or config.warmup_epochs:
                scheduler.step()
        if progress is not None and progress(epoch + 1, epochs) is False:
            epochs = epoch + 1
            break
    results = _evaluate(base, params, buffers, trainers, seeds)
    return SeedsResult(results, epochs, time.perf_counter() - started)


def _schedule_of(trainer: Trainer):
    """The trainer's learning-rate factor per step (the same for every seed)."""
    return trainer.scheduler.lr_lambdas[0]


def _evaluate(base: nn.Module, params, buffers, trainers, seeds) -> list[SeedResult]:
    first = trainers[0]
    base.eval()
    detached = {k: v.detach() for k, v in params.items()}

    def forward(p, b, x):
        return functional_call(base, (p, b), (x,))

    results = []
    with torch.no_grad():
        test_out = torch.vmap(forward, in_dims=(0, 0, None))(detached, buffers, first.x_test)
        train_out = torch.vmap(forward, in_dims=(0, 0, None))(detached, buffers, first.x_train)
        for k, seed in enumerate(seeds):
            loss = data_loss(test_out[k], first.y_test, first.loss_kind, first.data.num_classes, first.out_width)
            accuracy = None
            if first.data.num_classes:
                accuracy = (
                    (first.classify(test_out[k]) == first.y_test).float().mean().item(),
                    (first.classify(train_out[k]) == first.y_train).float().mean().item(),
                )
            weights = {name: tensor[k].numpy().copy() for name, tensor in {**detached, **buffers}.items()}
            results.append(
                SeedResult(
                    int(seed),
                    accuracy[1] if accuracy else None,
                    accuracy[0] if accuracy else None,
                    loss.item(),
                    weights,
                )
            )
    return results
