"""Whether a shape-valid network can actually train on its data: samples to train on, something
to train, batch norm that has a batch to normalise, and memory enough on this machine. Each is a
Problem with a sentence that says what to change, found before anything is allocated."""

from __future__ import annotations

import math

from core.data.catalog import Data
from core.data.memory import available_memory, size_text
from core.network.graph import Graph, Inference, Problem
from core.train_config import TrainConfig

# optimiser state as a multiple of the trainable weights (Adam keeps two running means, momentum one)
_STATE_PER_WEIGHT = {"sgd": 0, "momentum": 1, "nesterov": 1, "adagrad": 1, "rmsprop": 1, "adam": 2, "adamw": 2}
_EVAL_CHUNK = 2048  # Trainer.predict's chunk: evaluation holds this many samples' activations at once
_FLOAT = 4  # bytes of a float32


def training_problems(graph: Graph, inference: Inference, data: Data, config: TrainConfig | None) -> list[Problem]:
    """Problems `train` would otherwise meet only once it ran (or crashed); `config` adds the batch checks."""
    problems = []
    if len(data.x_train) == 0:
        total = len(data.x_train) + len(data.x_test)
        problems.append(
            Problem(
                f"the dataset '{data.name}' leaves no samples to train on ({total} in all, "
                f"{len(data.x_test)} held out for testing)",
                None,
                "add samples, or lower test_ratio",
            )
        )
    trainable = sum(n for node_id, n in inference.param_counts.items() if not graph.nodes[node_id].frozen)
    if trainable == 0 and inference.output_id:
        frozen = inference.total_params > 0
        problems.append(
            Problem(
                "nothing to train: every layer with weights is frozen"
                if frozen
                else "nothing to train: the network has no layer with weights",
                None,
                "unfreeze a layer" if frozen else "add a layer with weights, such as Linear",
            )
        )
    if config is not None:
        problems += _batch_norm_problems(graph, inference, data, config)
    problems += _memory_problems(inference, data, config)
    return problems


def _batch_norm_problems(graph: Graph, inference: Inference, data: Data, config: TrainConfig) -> list[Problem]:
    batch = min(config.batch_size, len(data.x_train))
    if batch != 1:
        return []
    problems = []
    for node_id in inference.order:
        node = graph.nodes[node_id]
        sources = graph.inputs_of(node_id)
        shape = inference.shapes.get(sources[0]) if sources and sources[0] else None
        if node.kind == "BatchNorm" and shape is not None and math.prod(shape[1:]) == 1:
            problems.append(
                Problem(
                    f"{node.label} normalises over the batch, but every batch holds a single sample",
                    node_id,
                    "raise the batch size to 2 or more, or remove the BatchNorm",
                )
            )
    return problems


def memory_needed(inference: Inference, data: Data, config: TrainConfig | None) -> dict[str, int]:
    """Bytes training needs beyond the data: weights, gradients, optimiser state and activations."""
    weights = inference.total_params * _FLOAT
    optimizer = config.optimizer if config is not None else "adam"
    state = weights * _STATE_PER_WEIGHT.get(optimizer, 2)
    if optimizer == "lbfgs":
        state = weights * 2 * 20  # its history of steps and gradient differences
    per_sample = sum(math.prod(s) for s in inference.shapes.values() if s is not None) * _FLOAT
    batch = max(1, min(config.batch_size if config else 32, len(data.x_train) or 1))
    # a step keeps every activation and its gradient; evaluation holds a chunk's activations
    activations = per_sample * max(2 * batch, min(_EVAL_CHUNK, len(data.x_train) + len(data.x_test)))
    return {"weights": weights, "gradients": weights, "optimiser state": state, "activations": activations}


def _memory_problems(inference: Inference, data: Data, config: TrainConfig | None) -> list[Problem]:
    available = available_memory()
    needs = memory_needed(inference, data, config)
    total = sum(needs.values())
    if available is None or total <= available:
        return []
    parts = ", ".join(f"{name} {size_text(n)}" for name, n in needs.items() if n)
    return [
        Problem(
            f"the network is too large for this machine: training needs about {size_text(total)} "
            f"({inference.total_params:,} parameters; {parts}) but only {size_text(available)} of memory is free",
            None,
            "use fewer or narrower layers, or a smaller batch size",
        )
    ]
