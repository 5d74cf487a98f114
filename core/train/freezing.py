"""Freezing and unfreezing layers of a model that is training, keeping what it learned.

Staged training ("train the new head with the imported layer frozen, then unfreeze everything and
fine-tune") changes which layers train in the middle of a run. Rebuilding the model for that would
throw the trained weights away, so the live model's layers switch `requires_grad` instead: a frozen
layer gets no gradient and the optimiser leaves it as it is; a layer unfrozen for the first time
joins the optimiser's parameters (its state, such as Adam's moments, starts there).
"""

from __future__ import annotations


def set_frozen(trainer, frozen: set[str]) -> list[str]:
    """Make exactly the layers named in `frozen` frozen in the trainer's model (and its copy of the
    project, which a saved or kept run carries); returns the layers whose state changed."""
    model, graph = trainer.model, trainer.project.graph
    changed = []
    for node_id in model.order:
        want = node_id in frozen
        if node_id in graph.nodes and graph.nodes[node_id].frozen != want:
            graph.set_frozen(node_id, want)
            changed.append(node_id)
        model.layer(node_id).requires_grad_(not want)
    trainer.trainable = [p for p in model.parameters() if p.requires_grad]
    trainer.penalised = [p for p in trainer.trainable if p.dim() >= 2]
    group = trainer.optimizer.param_groups[0]  # one group: the schedule and live settings address it
    if trainer.kind == "lbfgs":  # its history would still move a frozen layer: it holds just the trainable
        if changed:
            group["params"][:] = trainer.trainable or group["params"][:1]  # in place: it keeps this very list
            trainer.optimizer.state.clear()  # its history is of the old parameters
            trainer.optimizer._numel_cache = None  # and it caches their size
        return changed
    held = {id(p) for g in trainer.optimizer.param_groups for p in g["params"]}
    group["params"].extend(p for p in trainer.trainable if id(p) not in held)  # a frozen one gets no gradient
    return changed
