"""What changed between two runs' projects, said the way a teacher says it.

Comparing runs is only useful if each run is named by what was different about it:
"lr 0.01 → 0.1", "+ Dropout p=0.5", "3 → 4 hidden layers". The text is computed from the
two projects alone (dataset, network, training settings), so it is true of the runs whatever
edits led from one to the other. Node positions and titles are not differences.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from core.network.graph import Graph, Node
from core.network.layers import has_any_trait, has_trait
from core.project import Project
from core.train_config import TRAIN_PARAMS, applicable_settings
from core.words import number, translate

SAME = "same settings"  # what two identical projects differ by (in English: the reader's language via translate)


def describe_changes(old: Project, new: Project) -> list[str]:
    """The differences from `old` to `new`, one short phrase each; empty when there are none."""
    return _dataset_changes(old, new) + graph_changes(old.graph, new.graph) + training_changes(old, new)


def change_text(old: Project | None, new: Project) -> str:
    """One line for a run list: the changes joined, "first run" or SAME."""
    if old is None:
        return translate("run changes", "first run")
    return ", ".join(describe_changes(old, new)) or translate("run changes", "same settings")


def _value(value: Any) -> str:
    if isinstance(value, bool):
        return translate("run changes", "on") if value else translate("run changes", "off")
    if isinstance(value, float):
        return number(value)
    if isinstance(value, (tuple, list)):
        return "×".join(str(v) for v in value)
    if isinstance(value, str):
        return translate("choices", value)  # a choice as the forms show it ("primera mitad")
    return str(value)


def _dataset_changes(old: Project, new: Project) -> list[str]:
    if old.dataset != new.dataset:
        return [translate("run changes", "dataset {0} → {1}").format(old.dataset, new.dataset)]
    drawn = {"points": translate("run changes", "other points"), "drawing": translate("run changes", "another drawing")}
    return [
        drawn[name]
        if name in drawn
        else translate("run changes", "dataset {0} {1} → {2}").format(
            _name(name), _value(old.dataset_params.get(name)), _value(value)
        )
        for name, value in new.dataset_params.items()
        if old.dataset_params.get(name) != value
    ]


def _name(name: str) -> str:
    """A parameter's name as the forms show it ("learning rate" for lr in Spanish)."""
    return translate("params", name.replace("_", " "))


def training_changes(old: Project, new: Project) -> list[str]:
    """Settings that differ and matter for at least one of the two runs (momentum is no change
    between two Adam runs)."""
    a, b = old.training.to_dict(), new.training.to_dict()
    matter = applicable_settings(a) | applicable_settings(b)
    return [
        f"{_name(p.name)} {_value(a[p.name])} → {_value(b[p.name])}"
        for p in TRAIN_PARAMS
        if p.name in matter and a[p.name] != b[p.name]
    ]


def _weighted(node: Node) -> bool:
    return has_any_trait(node.kind, "dense", "conv", "recurrent")


def hidden_layers(graph: Graph) -> int:
    """Layers with weights before the last one (which makes the prediction): an MLP's hidden layers."""
    return max(0, sum(_weighted(n) for n in graph.nodes.values()) - 1)


def _settings(node: Node) -> str:
    return " ".join(f"{name}={_value(value)}" for name, value in node.params.items())


def graph_changes(old: Graph, new: Graph) -> list[str]:
    """Nodes kept under the same name with other settings; a changed number of hidden layers;
    other layers added, removed or swapped for another kind."""
    out: list[str] = []
    removed = [n for i, n in old.nodes.items() if i not in new.nodes or new.nodes[i].kind != n.kind]
    added = [n for i, n in new.nodes.items() if i not in old.nodes or old.nodes[i].kind != n.kind]
    for node_id, node in new.nodes.items():
        before = old.nodes.get(node_id)
        if before is None or before.kind != node.kind:
            continue
        for name, value in node.params.items():
            if before.params.get(name) != value:
                out.append(f"{node_id} {_name(name)} {_value(before.params.get(name))} → {_value(value)}")
        if before.frozen != node.frozen:
            state = translate("run changes", "frozen") if node.frozen else translate("run changes", "unfrozen")
            out.append(f"{node_id} {state}")
    depth_old, depth_new = hidden_layers(old), hidden_layers(new)
    if depth_old != depth_new:
        if depth_new == 1:
            out.append(translate("run changes", "{0} → {1} hidden layer").format(depth_old, depth_new))
        else:
            out.append(translate("run changes", "{0} → {1} hidden layers").format(depth_old, depth_new))
        # the new layers' activations come with them when the network already had that kind
        old_kinds, new_kinds = {n.kind for n in old.nodes.values()}, {n.kind for n in new.nodes.values()}
        added = [n for n in added if not _weighted(n) and not (_activation(n) and n.kind in old_kinds)]
        removed = [n for n in removed if not _weighted(n) and not (_activation(n) and n.kind in new_kinds)]
    gone, came = Counter(n.kind for n in removed), Counter(n.kind for n in added)
    # a kind swapped for another of the same family: "Sigmoid → ReLU"
    for kind in list(gone):
        partner = next((k for k in came if k != kind and _family(k) == _family(kind) and came[k] == gone[kind]), None)
        if partner is not None and _family(kind) == "activation":
            count = gone.pop(kind)
            came.pop(partner)
            out.append(f"{kind} → {partner}" + _layers(count))
            removed = [n for n in removed if n.kind != kind]
            added = [n for n in added if n.kind != partner]
    for sign, nodes in (("−", removed), ("+", added)):  # "+ Dropout p=0.5 (2 layers)", not the same line twice
        for phrase, count in Counter(f"{sign} {n.kind} {_settings(n)}".rstrip() for n in nodes).items():
            out.append(phrase + _layers(count))
    if not out and set(old.edges) != set(new.edges):
        out.append(translate("run changes", "rewired"))
    return out


def _layers(count: int) -> str:
    return translate("run changes", " ({0} layers)").format(count) if count > 1 else ""


def _activation(node: Node) -> bool:
    return has_trait(node.kind, "activation")


def _family(kind: str) -> str:
    return "activation" if has_trait(kind, "activation") else kind
