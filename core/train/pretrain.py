"""Greedy layer-wise pretraining: each hidden dense layer in turn learns to be the encoder of an
autoencoder, on the codes of the layers before it; fine-tuning the whole network comes after.

This is how deep sigmoid networks were first trained (Hinton and Salakhutdinov 2006; Bengio et
al. 2007): started from small random weights, backpropagation through five sigmoid layers barely
moves the first ones, but a stack of autoencoders gives every layer features worth keeping before
the output's error has to travel back through all of them.

A network it can pretrain is a chain: Input, then dense layers, each with what follows it up to
the next dense layer (its activation, a Dropout, a Flatten …) as its stage's encoder, the last
dense layer being the output layer, which is left to fine-tuning. A stage trains the model's own
modules (so the weights it leaves are the model's) together with a throwaway linear decoder that
maps the codes back to the stage's input, with torch.optim.Adam on the mean squared
reconstruction error, `epochs` passes over the training set in shuffled batches, seeded.

`Pretraining` is a generator of `Progress` records, one per batch, so the run loop can read
commands between batches (Stop keeps the stages done so far, and the part-trained stage, in the
model) and tests and the command line can simply loop over it.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import torch
from torch import nn

from core.network.graph import Graph, infer
from core.network.layers import has_any_trait, has_trait
from core.words import translate

LR = 0.01  # Adam's learning rate for every stage: measured to lower each stage's loss on digits (tests)
MAX_EPOCHS = 1000


class PretrainError(ValueError):
    """The network cannot be pretrained layer by layer; the message says why, for the user."""


@dataclass(frozen=True)
class Stage:
    """One hidden dense layer and the nodes after it up to the next dense layer: its encoder."""

    dense: str  # the dense node's id
    nodes: tuple[str, ...]  # the encoder's nodes in order, the dense node first


@dataclass(frozen=True)
class Progress:
    stage: int  # 1-based
    stages: int
    layer: str  # the stage's dense node
    epoch: int  # epochs of this stage done (0 before the first)
    epochs: int
    loss: float  # reconstruction error: the batch's, or the whole set's at an epoch's end
    start_loss: float  # the whole training set's reconstruction error before this stage trained
    epoch_end: bool  # `loss` is the whole set's, measured after `epoch` epochs


def pretrain_stages(graph: Graph) -> list[Stage]:
    """The stages of a network that is a chain of dense layers; PretrainError says why not."""
    inference = infer(graph)
    if not inference.ok:
        raise PretrainError(translate("Pretraining", "the network cannot run yet: fix the layers marked in red first"))
    needed = graph.reachable(inference.output_id, forward=False)
    order = [n for n in inference.order if n in needed]
    for node_id in order:
        kind = graph.nodes[node_id].kind
        sources = [s for s in graph.inputs_of(node_id) if s is not None]
        if kind != "Input" and len(sources) != 1:
            raise PretrainError(
                translate(
                    "Pretraining", "{0} merges several inputs: only a chain of layers can be pretrained layer by layer"
                ).format(node_id)
            )
        if not (
            has_any_trait(kind, "input", "output", "dense", "shape_only", "training_only")
            or (has_trait(kind, "activation") and not has_trait(kind, "straight_through"))
        ):
            raise PretrainError(
                translate(
                    "Pretraining",
                    "{0} is a {1} layer: pretraining layer by layer works on a chain of dense layers "
                    "(Linear) with activations between them",
                ).format(node_id, kind)
            )
    dense = [i for i, n in enumerate(order) if has_trait(graph.nodes[n].kind, "dense")]
    if len(dense) < 2:
        raise PretrainError(
            translate(
                "Pretraining",
                "the network has no hidden dense layer to pretrain: it needs a Linear layer before the output layer",
            )
        )
    stages = []
    for start, end in zip(dense[:-1], dense[1:], strict=True):
        node_id = order[start]
        if graph.nodes[node_id].frozen:
            raise PretrainError(translate("Pretraining", "{0} is frozen: unfreeze it to pretrain it").format(node_id))
        stages.append(Stage(node_id, tuple(order[start:end])))
    return stages


class Pretraining:
    """Pretrains `model` (a core.network.build.GraphModule of `graph`) in place on `x` (the
    training inputs), one stage after another; iterate over it for its progress."""

    def __init__(
        self, model, graph: Graph, x: torch.Tensor, epochs: int, batch_size: int, seed: int = 0, lr: float = LR
    ):
        if not 1 <= epochs <= MAX_EPOCHS:
            raise PretrainError(translate("Pretraining", "epochs per layer must be from 1 to {0}").format(MAX_EPOCHS))
        self.model, self.graph, self.x = model, graph, x
        self.stages = pretrain_stages(graph)
        self.epochs, self.batch_size, self.seed, self.lr = epochs, max(1, batch_size), seed, lr
        self.before = model.order[: model.order.index(self.stages[0].dense)]  # Input, Flatten …
        self.losses: list[tuple[float, float]] = []  # per finished stage: (before, after)
        self.done = 0  # stages finished

    def __iter__(self) -> Iterator[Progress]:
        was_training = self.model.training
        self.model.eval()  # codes without dropout; a stage's own modules train below
        try:
            codes = self._run(self.before, self.x)
            for index, stage in enumerate(self.stages):
                yield from self._stage(index, stage, codes)
                codes = self._run(stage.nodes, codes)
                self.done = index + 1
        finally:
            self.model.train(was_training)

    def _run(self, nodes, x: torch.Tensor) -> torch.Tensor:
        with torch.no_grad():
            for node_id in nodes:
                x = self.model.layer(node_id)(x)
        return x

    def _encode(self, stage: Stage, x: torch.Tensor) -> torch.Tensor:
        for node_id in stage.nodes:
            x = self.model.layer(node_id)(x)
        return x

    def _stage(self, index: int, stage: Stage, codes: torch.Tensor) -> Iterator[Progress]:
        encoder = [self.model.layer(n) for n in stage.nodes]
        params = [p for m in encoder for p in m.parameters() if p.requires_grad]
        generator = torch.Generator().manual_seed(self.seed * 1000 + index)
        with torch.no_grad():
            width = self._encode(stage, codes[:1]).shape[-1]
        torch.manual_seed(self.seed * 1000 + index)
        decoder = nn.Linear(width, codes.shape[-1]).to(codes.device)
        optimiser = torch.optim.Adam([*params, *decoder.parameters()], lr=self.lr)
        start = self._loss(stage, decoder, codes)
        n, count = len(codes), len(self.stages)
        yield Progress(index + 1, count, stage.dense, 0, self.epochs, start, start, True)
        for epoch in range(1, self.epochs + 1):
            for module in encoder:
                module.train()
            order = torch.randperm(n, generator=generator).to(codes.device)
            for a in range(0, n, self.batch_size):
                batch = codes[order[a : a + self.batch_size]]
                optimiser.zero_grad(set_to_none=True)
                loss = nn.functional.mse_loss(decoder(self._encode(stage, batch)), batch)
                loss.backward()
                optimiser.step()
                yield Progress(index + 1, count, stage.dense, epoch - 1, self.epochs, loss.item(), start, False)
            for module in encoder:
                module.eval()
            end = self._loss(stage, decoder, codes)
            yield Progress(index + 1, count, stage.dense, epoch, self.epochs, end, start, True)
        self.losses.append((start, end))

    def _loss(self, stage: Stage, decoder: nn.Module, codes: torch.Tensor) -> float:
        with torch.no_grad():
            total = 0.0
            for a in range(0, len(codes), 4096):
                chunk = codes[a : a + 4096]
                total += nn.functional.mse_loss(decoder(self._encode(stage, chunk)), chunk, reduction="sum").item()
        return total / codes.numel()


def pretraining_of(trainer, epochs: int, seed: int | None = None) -> Pretraining:
    """The pretraining of a Trainer's model on its training inputs, with its batch size and seed."""
    config = trainer.config
    return Pretraining(
        trainer.model,
        trainer.project.graph,
        trainer.x_train,
        epochs,
        config.batch_size,
        config.seed if seed is None else seed,
    )


def after_pretraining(trainer) -> None:
    """The weights changed under the optimiser: its moments belong to the old ones, so they go."""
    trainer.optimizer.state.clear()
