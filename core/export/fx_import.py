"""Import a PyTorch nn.Module as a project: trace it with torch.fx, map each call to a layer kind, lay the
graph out and copy the module's weights.

Importing runs the file's code (its classes are defined by running it), so the app asks first. Every call
that has no layer is reported by name and line, never dropped. A script exported by Neurona imports back
to the project it came from: its helper modules (Step, Sparsity, Reshape, Recurrent, Add, Concat,
Transpose, GlobalMaxPool) are recognised by name, and its TITLE, DATASET and TRAINING settings are read when present.
"""

from __future__ import annotations

import importlib.util
import operator
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import torch
from torch import fx, nn

from core.export.fx_layers import HELPERS, module_layer
from core.network.build import GraphModule
from core.network.graph import NODE_ID, Graph, GraphError, infer
from core.network.layout import auto_layout
from core.params import ParamError
from core.project import Project, project_from_dict

FUNCTIONS = {
    torch.relu: "ReLU",
    torch.sigmoid: "Sigmoid",
    torch.tanh: "Tanh",
    nn.functional.relu: "ReLU",
    nn.functional.sigmoid: "Sigmoid",
    nn.functional.tanh: "Tanh",
    nn.functional.gelu: "GELU",
}
METHODS = {"relu": "ReLU", "sigmoid": "Sigmoid", "tanh": "Tanh"}


class ImportFailed(ValueError):
    """The module cannot become a project; `problems` lists each call that did not map."""

    def __init__(self, message: str, problems: list[str] | None = None):
        super().__init__(message)
        self.problems = problems or []


@dataclass
class Imported:
    project: Project
    model: GraphModule  # the project's network holding the module's weights


class _Tracer(fx.Tracer):
    """Keeps PyTorch's layers and Neurona's helper modules whole, and notes where each call is."""

    def __init__(self):
        super().__init__()
        self.record_stack_traces = True

    def is_leaf_module(self, m: nn.Module, qualname: str) -> bool:
        return type(m).__name__ in HELPERS or super().is_leaf_module(m, qualname)


def load_class(spec: str) -> tuple[type, Any, Path]:
    """Run MODULE.py and return the class named after the colon, the module and the file."""
    file, _, name = spec.rpartition(":")
    if not file or not name.isidentifier():
        raise ImportFailed(f"give the module as FILE.py:ClassName, not {spec!r}")
    path = Path(file)
    if not path.is_file():
        raise ImportFailed(f"there is no file {file}")
    loader = importlib.util.spec_from_file_location(f"neurona_import_{abs(hash(str(path.resolve())))}", path)
    if loader is None:
        raise ImportFailed(f"{file} is not a Python file")
    module = importlib.util.module_from_spec(loader)
    try:
        loader.loader.exec_module(module)
    except Exception as err:  # noqa: BLE001 - the user's file can raise anything; say what and where
        raise ImportFailed(f"running {file} failed: {type(err).__name__}: {err}") from None
    cls = getattr(module, name, None)
    if not (isinstance(cls, type) and issubclass(cls, nn.Module)):
        raise ImportFailed(f"{file} has no nn.Module class named {name}")
    return cls, module, path


def import_module(
    spec: str, input_shape: tuple[int, ...] | None = None, loss: str | None = None, dataset: str = "spiral"
) -> Imported:
    """The project (and weighted network) for the nn.Module class `FILE.py:ClassName`."""
    cls, module, path = load_class(spec)
    try:
        instance = cls()
    except Exception as err:  # noqa: BLE001
        raise ImportFailed(f"{cls.__name__}() failed (it must build without arguments): {err}") from None
    instance.eval()
    try:
        traced = _Tracer().trace(instance)
    except Exception as err:  # noqa: BLE001 - e.g. control flow that depends on the data
        raise ImportFailed(f"torch.fx cannot trace {cls.__name__}.forward: {str(err).splitlines()[0]}") from None
    node_ids = getattr(module, "NODE_IDS", None)  # an exported script's names that had to change
    mapper = _Mapper(instance, path, node_ids if isinstance(node_ids, dict) else {})
    for node in traced.nodes:
        mapper.visit(node)
    if mapper.problems:
        raise ImportFailed(f"{len(mapper.problems)} call(s) of {cls.__name__} have no Neurona layer", mapper.problems)
    graph = mapper.graph
    shape = input_shape or getattr(cls, "INPUT_SHAPE", None) or mapper.guess_input_shape()
    if not shape:
        raise ImportFailed("the input's shape is unknown: give it with --input-shape (e.g. 1,28,28)")
    loss = loss or getattr(cls, "LOSS", "cross_entropy")
    try:
        graph.set_param(mapper.input_id, "shape", tuple(shape))
        graph.set_param(mapper.output_id, "loss", loss)
    except GraphError as err:
        raise ImportFailed(str(err)) from None
    inference = infer(graph)
    if inference.problems:
        raise ImportFailed("the imported network does not fit together", [str(p) for p in inference.problems])
    for node_id, pos in {**auto_layout(graph), **_exported_positions(module, graph)}.items():
        graph.move_node(node_id, pos)
    project = _project(graph, module, cls.__name__, dataset)
    return Imported(project, mapper.copy_weights(inference))


def _project(graph: Graph, module, title: str, dataset: str) -> Project:
    """The module's own settings when it is a script Neurona exported, else defaults."""
    raw = {
        "format": "neurona-project",
        "version": 2,
        "title": getattr(module, "TITLE", title),
        "graph": {"nodes": [], "edges": []},
        "dataset": {"name": getattr(module, "DATASET_NAME", dataset), "params": getattr(module, "DATASET", {})},
    }
    project_dict = getattr(module, "PROJECT", None)
    for key in ("description", "view"):  # the text and view a lesson opens on
        if isinstance(project_dict, dict) and isinstance(project_dict.get(key), str):
            raw[key] = project_dict[key]
    if isinstance(project_dict, dict) and isinstance(project_dict.get("texts"), dict):
        raw["texts"] = project_dict["texts"]  # the title and text in other languages (validated below)
    training = getattr(module, "TRAINING", None)
    if isinstance(training, dict):
        raw["training"] = training
    try:
        project = project_from_dict(raw)
    except (ValueError, ParamError) as err:
        raise ImportFailed(f"the module's settings cannot be used: {err}") from None
    project.graph = graph
    if isinstance(project_dict, dict) and "steps" in project_dict:  # a guided lesson's steps, checked on its graph
        from core.data.catalog import dataset_params
        from core.lesson_steps import StepError, steps_from
        from core.train_config import TRAIN_PARAMS

        try:
            project.steps = steps_from(project_dict["steps"], graph, dataset_params(project.dataset), TRAIN_PARAMS)
        except (StepError, ParamError) as err:
            raise ImportFailed(f"the lesson's steps cannot be used: {err}") from None
    return project


def _exported_positions(module, graph: Graph) -> dict[str, tuple[float, float]]:
    """Where a script Neurona exported had its layers on the canvas (its PROJECT keeps them)."""
    nodes = (getattr(module, "PROJECT", None) or {}).get("graph", {}).get("nodes", [])
    found = {}
    for node in nodes if isinstance(nodes, list) else []:
        try:
            if node["id"] in graph.nodes and graph.nodes[node["id"]].kind == node["kind"]:
                found[node["id"]] = (float(node["pos"][0]), float(node["pos"][1]))
        except (KeyError, TypeError, ValueError, IndexError):
            continue
    return found


class _Mapper:
    """Walks the traced nodes in order, adding a layer node per call."""

    def __init__(self, root: nn.Module, path: Path, node_ids: dict[str, str]):
        self.root, self.path, self.node_ids = root, path, node_ids
        self.graph = Graph()
        self.values: dict[fx.Node, Any] = {}  # fx node -> layer node id, ("rnn", id), or ("meta",)
        self.sources: dict[str, nn.Module] = {}  # layer node id -> the module whose weights it takes
        self.problems: list[str] = []
        self.input_id = self.output_id = ""

    # ---- naming and reporting ------------------------------------------------------------------------

    def _id(self, name: str) -> str:
        name = re.sub(r"\W", "_", name).strip("_") or "layer"
        if not name[0].isalpha():
            name = "n_" + name
        name = name[:60]
        base, n = name, 1
        while name in self.graph.nodes or not NODE_ID.match(name):
            n += 1
            name = f"{base}_{n}"
        return name

    def _where(self, node: fx.Node) -> str:
        lines = re.findall(r'File "([^"]+)", line (\d+), in (\w+)', node.stack_trace or "")
        ours = [m for m in lines if Path(m[0]).resolve() == self.path.resolve()] or lines
        return f"in {ours[-1][2]}, line {ours[-1][1]}" if ours else "in forward"

    def _unmapped(self, node: fx.Node, what: str, why: str = "has no layer") -> None:
        self.problems.append(f"`{what}` {self._where(node)}, {why}")

    def _add(self, node: fx.Node, kind: str, params: dict, inputs: list, name: str | None = None) -> str | None:
        ids = []
        for arg in inputs:
            value = self.values.get(arg) if isinstance(arg, fx.Node) else None
            if not isinstance(value, str):
                if arg not in self.values and self.problems:
                    return None  # its input already has no layer: that report says it
                self._unmapped(node, _describe(node), "takes an input that is not a layer's output")
                return None
            ids.append(value)
        node_id = self._id(name or node.name)
        self.graph.add_node(kind, node_id, params)
        for port, source in enumerate(ids):
            self.graph.add_edge(source, node_id, port)
        self.values[node] = node_id
        return node_id

    # ---- the walk --------------------------------------------------------------------------------------

    def visit(self, node: fx.Node) -> None:
        if node.op == "placeholder":
            if self.input_id:
                self._unmapped(node, node.name, "is a second input; a Neurona network has one")
                return
            self.input_id = self._id(self.node_ids.get(node.name, node.name))
            self.graph.add_node("Input", self.input_id, {"shape": (1,)})
            self.values[node] = self.input_id
        elif node.op == "call_module":
            self._module(node, self.root.get_submodule(node.target))
        elif node.op in ("call_function", "call_method"):
            self._function(node)
        elif node.op == "output":
            result = node.args[0]
            if self.problems:
                return  # what went wrong earlier is the reason
            if not isinstance(result, fx.Node) or not isinstance(self.values.get(result), str):
                self._unmapped(node, "return", "must return one tensor made by a layer")
                return
            self.output_id = self._id("out")
            self.graph.add_node("Output", self.output_id, {})
            self.graph.add_edge(self.values[result], self.output_id)
        else:  # get_attr: a parameter used directly in forward
            self._unmapped(node, str(node.target), "is a tensor used directly, not through a layer")

    def _module(self, node: fx.Node, m: nn.Module) -> None:
        name = self.node_ids.get(node.target, str(node.target).replace(".", "_"))
        mapped = module_layer(m)
        if isinstance(mapped, str):
            self._unmapped(node, f"{type(m).__name__} {node.target}", mapped)
            return
        if mapped is None:  # Identity: the value passes through
            self.values[node] = self.values.get(node.args[0])
            return
        kind, params = mapped
        if kind in ("Add", "Concat"):
            params = {"inputs": len(node.args)}
        node_id = self._add(node, kind, params, list(node.args), name)
        if node_id is None:
            return
        if any(True for _ in m.parameters()) and not any(p.requires_grad for p in m.parameters()):
            self.graph.set_frozen(node_id, True)
        self.sources[node_id] = m
        if isinstance(m, nn.RNNBase):
            self.values[node] = ("rnn", node_id)

    def _function(self, node: fx.Node) -> None:
        target, args = node.target, node.args
        if target is getattr and args[1] == "shape" or target == "size":
            self.values[node] = ("meta",)
        elif target is operator.getitem and self.values.get(args[0]) == ("meta",):
            self.values[node] = ("meta",)
        elif target is operator.getitem and isinstance(self.values.get(args[0]), tuple):
            self._recurrent_output(node)
        elif target is operator.getitem and _is_last_step(args[1]) and self._last_step(node):
            pass
        elif target in (operator.add, torch.add) and len(args) == 2 and not node.kwargs:
            self._add(node, "Add", {"inputs": 2}, list(args))
        elif target is torch.cat and _concat_dim(node) == 1 and isinstance(args[0], (list, tuple)):
            self._add(node, "Concat", {"inputs": len(args[0])}, list(args[0]))
        elif target in FUNCTIONS and len(args) == 1 and node.kwargs in ({}, {"inplace": False}):
            self._add(node, FUNCTIONS[target], {}, [args[0]])
        elif node.op == "call_method" and target in METHODS and len(args) == 1:
            self._add(node, METHODS[target], {}, [args[0]])
        elif (target is torch.flatten or target == "flatten") and tuple(args[1:]) == (1,) and not node.kwargs:
            self._add(node, "Flatten", {}, [args[0]])
        elif target in ("view", "reshape") and len(args) >= 3 and self._batch_size(args[1]):
            shape = tuple(args[2:])
            if not all(isinstance(s, int) for s in shape):
                self._unmapped(node, f".{target}", "has sizes computed in forward; use fixed sizes")
            elif shape == (-1,):
                self._add(node, "Flatten", {}, [args[0]])
            else:
                self._add(node, "Reshape", {"shape": shape}, [args[0]])
        else:
            self._unmapped(node, _describe(node))

    def _batch_size(self, arg) -> bool:
        """Whether a view/reshape size is the batch's: -1 or x.size(0) / x.shape[0]."""
        return arg == -1 or (isinstance(arg, fx.Node) and self.values.get(arg) == ("meta",))

    def _recurrent_output(self, node: fx.Node) -> None:
        """`out, h = lstm(x)`: the sequence out maps to the layer (every step), the state does not."""
        _, layer = self.values[node.args[0]]
        if node.args[1] == 0:
            self.values[node] = layer
        elif not node.users:  # `out, _ = rnn(x)`: the state is unpacked but never used
            self.values[node] = ("meta",)
        else:
            self._unmapped(node, f"the hidden state of {layer}", "has no layer (use the first output)")
            self.values[node] = ("meta",)

    def _last_step(self, node: fx.Node) -> bool:
        """`out[:, -1]` right after a recurrent layer whose every step nothing else uses: output='last'."""
        layer = self.values.get(node.args[0])
        if not isinstance(layer, str) or self.graph.nodes[layer].kind not in ("RNN", "GRU", "LSTM"):
            return False
        if self.graph.nodes[layer].params["output"] != "all" or len(node.args[0].users) != 1:
            return False
        self.graph.set_param(layer, "output", "last")
        self.values[node] = layer
        return True

    # ---- after the walk ----------------------------------------------------------------------------------

    def guess_input_shape(self) -> tuple[int, ...] | None:
        """The input's width, when a Linear (or Flatten then Linear) reads it directly."""
        here = self.input_id
        while True:
            after = [e.dst for e in self.graph.edges if e.src == here]
            if len(after) != 1:
                return None
            node = self.graph.nodes[after[0]]
            if node.kind == "Linear":
                return (self.sources[node.id].in_features,) if here == self.input_id else None
            if node.kind not in ("Dropout", "Sigmoid", "Tanh", "ReLU"):
                return None
            here = node.id

    def copy_weights(self, inference) -> GraphModule:
        model = GraphModule(self.graph, inference)
        for node_id, source in self.sources.items():
            layer = model.layer(node_id)
            target = layer.rnn if isinstance(source, nn.RNNBase) else layer
            try:
                target.load_state_dict(source.state_dict())
            except RuntimeError as err:
                reason = [line.strip() for line in str(err).splitlines() if line.strip()][-1]
                raise ImportFailed(f"the weights of {node_id} do not fit the shapes of its inputs: {reason}") from None
        return model


def _is_last_step(index) -> bool:
    return isinstance(index, tuple) and len(index) == 2 and index[0] == slice(None) and index[1] == -1


def _concat_dim(node: fx.Node) -> int:
    return node.kwargs.get("dim", node.args[1] if len(node.args) > 1 else 0)


def _describe(node: fx.Node) -> str:
    """How the user wrote the call: torch.einsum, torch.nn.functional.pad, .permute(), operator.mul."""
    target = node.target
    if node.op == "call_method":
        return f".{target}()"
    name = getattr(target, "__name__", str(target))
    for prefix, home in (("torch", torch), ("torch.nn.functional", nn.functional)):
        if getattr(home, name, None) is target:
            return f"{prefix}.{name}"
    module = (getattr(target, "__module__", "") or "").replace("_operator", "operator")
    return f"{module}.{name}" if module else name
