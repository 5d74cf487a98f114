"""Graph edits, shape inference and building, checked against torch itself."""

import math
import re
import warnings

import pytest
import torch
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core.network.build import GraphModule, InvalidGraph
from core.network.graph import Edge, Graph, GraphError, infer
from core.network.layers import KINDS

ACTIVATIONS = ["Step", "Sigmoid", "Tanh", "ReLU", "LeakyReLU", "ELU", "GELU", "Softmax", "Dropout"]
FITS = {
    1: ["Linear", "BatchNorm"],
    2: ["Conv1d", "RNN", "GRU", "LSTM", "BatchNorm"],
    3: ["Conv2d", "MaxPool2d", "AvgPool2d", "BatchNorm"],
}
CHAIN_KINDS = [k for k in KINDS if k not in ("Input", "Output", "Add", "Concat")]
CAPS = {
    "out_features": 16,
    "out_channels": 16,
    "kernel_size": 5,
    "stride": 3,
    "padding": 2,
    "hidden_size": 8,
    "num_layers": 2,
    "MaxPool2d.kernel_size": 3,
    "AvgPool2d.kernel_size": 3,
}
# Problems we report although torch would run: rank rules (torch reads a missing batch
# dimension as "unbatched", Linear works on the last axis) and Add without broadcasting.
INTENTIONAL = re.compile(r"expects .+ but receives|: they must match")
STABLE = settings(
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def link(g, src, kind, params=None, node_id=None, port=0):
    node = g.add_node(kind, node_id, params or {})
    if src is not None:
        g.add_edge(src, node.id, port)
    return node.id


def net(*specs, wires=()):
    """A graph from (kind, id, params[, source]) specs, each fed by the one before unless a
    source is given (None: unwired), plus extra (src, dst, port) wires."""
    g, prev = Graph(), None
    for kind, node_id, params, *src in specs:
        prev = link(g, src[0] if src else prev, kind, params, node_id)
    for wire in wires:
        g.add_edge(*wire)
    return g


def IN(*shape):
    return ("Input", "inp", {"shape": shape}, None)


OUT = ("Output", "out", {"loss": "mse"})


# ---- 1. inference agrees with torch on generated graphs ------------------------


@st.composite
def reshape_target(draw, shape):
    if draw(st.integers(0, 5)) == 0:  # sometimes a wrong one on purpose
        return draw(st.lists(st.integers(1, 16) | st.just(-1), min_size=1, max_size=3))
    dims, rest = [], math.prod(shape)
    for _ in range(draw(st.integers(0, 3))):
        dims.append(draw(st.sampled_from([d for d in range(1, min(rest, 16) + 1) if rest % d == 0])))
        rest //= dims[-1]
    dims = draw(st.permutations(dims + [rest]))
    if draw(st.booleans()):
        dims[draw(st.integers(0, len(dims) - 1))] = -1
    return dims


@st.composite
def layer_params(draw, kind, shape):
    """Random values within each parameter's range (capped to keep the nets small)."""
    params = {}
    for spec in KINDS[kind].params:
        if spec.type == "int":
            cap = CAPS.get(f"{kind}.{spec.name}", CAPS.get(spec.name, 4))
            params[spec.name] = draw(st.integers(int(spec.min), min(int(spec.max), cap)))
        elif spec.type == "float":
            params[spec.name] = draw(st.floats(spec.min, spec.max))
        elif spec.type == "bool":
            params[spec.name] = draw(st.booleans())
        elif spec.type == "choice":
            params[spec.name] = draw(st.sampled_from(spec.choices))
        else:
            params[spec.name] = draw(reshape_target(shape))
    return params


@st.composite
def merge(draw, g, src, shape):
    """Two or three branches from `src` joined by Add or Concat. Branch layers keep the shape
    (for Concat all but its first size), except in a `wild` merge, which may not fit."""
    kind, wild, n = draw(st.sampled_from(["Add", "Concat"])), draw(st.integers(0, 5)) == 0, draw(st.integers(2, 3))
    ends = []
    for _ in range(n):
        end = src
        for _ in range(draw(st.integers(0, 2))):
            main = {1: "Linear", 2: "Conv1d", 3: "Conv2d"}[len(shape)]
            layer = draw(st.sampled_from(FITS[len(shape)] + ACTIVATIONS if wild else [main, "BatchNorm"] + ACTIVATIONS))
            params = draw(layer_params(layer, shape))
            if layer == main and not wild:
                size, k = shape[0] if kind == "Add" else draw(st.integers(1, 16)), draw(st.sampled_from([1, 3, 5]))
                params = (
                    {"out_features": size}
                    if main == "Linear"
                    else {"out_channels": size, "kernel_size": k, "padding": k // 2, "stride": 1}
                )
            end = link(g, end, layer, params)
        ends.append(end)
    node = link(g, None, kind, {"inputs": n})
    for port, end in enumerate(ends):
        g.add_edge(end, node, port)
    return node


@st.composite
def graphs(draw, first=None):
    """Input (flat, sequence or image) → a chain with merges → Output; `first` forces the first layer."""
    g = Graph()
    rank = draw(st.sampled_from([r for r in FITS if first in FITS[r]] or [1, 2, 3]))
    sizes = {1: [(1, 16)], 2: [(1, 8), (1, 8)], 3: [(1, 4), (4, 12), (4, 12)]}[rank]
    prev = link(g, None, "Input", {"shape": tuple(draw(st.integers(*size)) for size in sizes)}, "inp")
    for step in range(draw(st.integers(1 if first else 0, 8))):
        shape = infer(g).shapes[prev]
        if shape is None:
            break  # the first problem stays at the end of the chain
        roll = draw(st.integers(0, 9)) if step else 9  # the first layer fits the input
        if roll == 0 and len(shape) <= 3:
            prev = draw(merge(g, prev, shape))
            continue
        pool = [CHAIN_KINDS, ACTIVATIONS, ["Flatten", "Reshape"]][roll - 1] if roll < 4 else FITS.get(len(shape))
        kind = first if first and step == 0 else draw(st.sampled_from(pool or ACTIVATIONS))
        prev = link(g, prev, kind, draw(layer_params(kind, shape)))
    final = infer(g).shapes[prev]
    flat = final is not None and len(final) == 1
    losses = ["mse", "cross_entropy", "bce"] if flat or draw(st.integers(0, 9)) == 0 else ["mse"]
    link(g, prev, "Output", {"loss": draw(st.sampled_from(losses))}, "out")
    return g


def torch_accepts(node, in_shapes):
    xs = [torch.randn(3, *s) for s in in_shapes]
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            if node.kind == "Reshape":  # its module takes the shape from our own rule
                xs[0].reshape(3, *node.params["shape"])
            else:
                KINDS[node.kind].make(in_shapes, node.params)(*xs)
    except Exception:
        return False
    return True


def check_against_torch(g):
    inference = infer(g)
    if not inference.ok:
        for problem in inference.problems:
            node = g.nodes[problem.node]
            assert problem.message.startswith(node.label), str(problem)
            in_shapes = [inference.shapes[s] for s in g.inputs_of(node.id)]
            assert None not in in_shapes  # reported where it arises, not downstream
            if torch_accepts(node, in_shapes):
                assert INTENTIONAL.search(problem.message), str(problem)
        return
    torch.manual_seed(0)
    model = GraphModule(g, inference).train()
    has_batchnorm = any(n.kind == "BatchNorm" for n in g.nodes.values())
    for batch in (3, 2) if has_batchnorm else (3,):
        out, taps = model(torch.randn(batch, *inference.shapes["inp"]), taps=list(g.nodes))
        assert tuple(out.shape[1:]) == inference.shapes["out"]
        for node_id, value in taps.items():
            assert tuple(value.shape[1:]) == inference.shapes[node_id], g.nodes[node_id].label
    for node_id in g.nodes:
        actual = sum(p.numel() for p in model.layer(node_id).parameters())
        assert inference.param_counts[node_id] == actual, g.nodes[node_id].label


@settings(STABLE, max_examples=150)
@given(graphs())
def test_inference_agrees_with_torch(g):
    check_against_torch(g)


@pytest.mark.parametrize("kind", CHAIN_KINDS)
@settings(STABLE, max_examples=10)
@given(data=st.data())
def test_every_kind_agrees_with_torch(kind, data):
    check_against_torch(data.draw(graphs(first=kind)))


# ---- 2. problems, in the user's words ----------------------------------------

AFTER_CYCLE_FIRST = (("Output", "out", {"loss": "mse"}, None), IN(4), ("Add", "a", {}, "inp"), ("ReLU", "b", {}))
NOTHING_IN = "Output 'out' has nothing connected to its input — drag a wire into it from an earlier layer"
PROBLEMS = [  # (specs, extra wires, [(message, or str(problem) when it has " — ", node)])
    (
        (IN(16, 5, 5), ("Linear", "fc1", {}), OUT),
        (),
        [("Linear 'fc1' expects a flat input but receives 16×5×5 — insert Flatten", "fc1")],
    ),
    (
        (
            IN(4),
            ("Linear", "a", {"out_features": 8}),
            ("Linear", "b", {"out_features": 16}, "inp"),
            ("Add", "skip", {}, "a"),
            OUT,
        ),
        [("b", "skip", 1)],
        [("Add 'skip' has inputs 8 and 16: they must match", "skip")],
    ),
    (
        (IN(4), ("Add", "a", {}), ("ReLU", "b", {}), OUT),
        [("b", "a", 1)],
        [("the graph has a cycle through 'a' → 'b' → 'a' — remove one of these wires", "a")],
    ),
    (AFTER_CYCLE_FIRST, [("b", "a", 1), ("b", "out", 0)], [("the graph has a cycle through 'a' → 'b' → 'a'", "a")]),
    (
        (IN(4), ("Add", "x", {}), ("ReLU", "y", {}), ("ReLU", "z", {}), OUT),
        [("z", "x", 1)],
        [("the graph has a cycle through 'x' → 'y' → 'z' → 'x'", "x")],
    ),
    (
        (IN(4), ("ReLU", "r", {}), ("Output", "out", {}, None)),
        (),
        [(NOTHING_IN, "out"), ("no path from Input to Output — connect the layers between them with wires", "out")],
    ),
    (
        (("Output", "out", {}),),
        (),
        [("the network has no Input — drag an Input layer onto the canvas", None), (NOTHING_IN, "out")],
    ),
    ((IN(4),), (), [("the network has no Output — drag an Output layer onto the canvas", None)]),
    (
        (IN(4), ("Input", "in2", {"shape": [4]}, None), OUT),
        (),
        [("the network has 2 Input nodes ('inp', 'in2'); it needs exactly one — delete all but one Input", "in2")],
    ),
    ((IN(4), ("Add", "m", {}), OUT), (), [("Add 'm' has nothing connected to input 2", "m")]),
    (
        (IN(1, 4, 4), ("Conv2d", "c", {"kernel_size": 5}), OUT),
        (),
        [("Conv2d 'c' has a kernel of 5 but its input is only 4 wide — reduce kernel_size or add padding", "c")],
    ),
    (
        (IN(1, 4, 4), ("Conv2d", "c", {"kernel_size": 7, "padding": 1}), OUT),
        (),
        [("Conv2d 'c' has a kernel of 7 but its input is only 4 wide (with padding 1)", "c")],
    ),
    (
        (IN(12), ("Reshape", "r", {"shape": [5, -1]}), OUT),
        (),
        [("Reshape 'r' cannot arrange 12 values (12) as 5×-1 — choose a shape with the same number of values", "r")],
    ),
    (
        (IN(3, 4), ("Reshape", "r", {"shape": [5, 2]}), OUT),
        (),
        [("Reshape 'r' cannot arrange 12 values (3×4) as 5×2", "r")],
    ),
    (
        (IN(12), ("Reshape", "r", {"shape": [-1, -1]}), OUT),
        (),
        [("Reshape 'r' may have at most one -1 in its shape", "r")],
    ),
    *[
        (
            (IN(3, 8, 8), (kind, "rec", {}), OUT),
            (),
            [(f"{kind} 'rec' expects a sequence (steps × features) but receives 3×8×8 — insert Reshape", "rec")],
        )
        for kind in ("RNN", "GRU", "LSTM")
    ],
    (
        (IN(2, 8, 8), ("Conv2d", "a", {"out_channels": 4}), ("Concat", "cat", {}), OUT),
        [("inp", "cat", 1)],
        [("Concat 'cat' has inputs 4×6×6 and 2×8×8: all but their first size must match", "cat")],
    ),
    (
        (IN(2, 3), ("Output", "out", {"loss": "bce"})),
        (),
        [("Output 'out' with bce loss expects a flat input but receives 2×3 — insert Flatten and Linear", "out")],
    ),
    (
        (IN(1, 2, 3), ("Reshape", "r", {"shape": [1, 1, 2, 3]}), ("BatchNorm", "bn", {}), OUT),
        (),
        [("BatchNorm 'bn' expects features, channels × length or an image but receives 1×1×2×3", "bn")],
    ),
    ((IN(4096, 4096, 4), OUT), (), [("Input 'inp' would produce 67,108,864 values per sample", "inp")]),
    (
        (IN(-1), ("Linear", "fc", {}), OUT),
        (),  # once a crash in build, now a problem
        [("Input 'inp' has an unknown size in its shape -1 — give every size of one sample", "inp")],
    ),
]


@pytest.mark.parametrize("specs, wires, expected", PROBLEMS)
def test_problems_are_worded_and_placed(specs, wires, expected):
    problems = infer(net(*specs, wires=wires)).problems
    assert len(problems) == len(expected), problems
    for problem, (text, node) in zip(problems, expected, strict=True):
        assert (str(problem) if " — " in text else problem.message) == text and problem.node == node


# ---- 3. edits ----------------------------------------------------------------


SIGNALS = ("node_added", "node_removed", "edge_added", "edge_removed", "node_changed")


def small():
    return net(IN(4), ("Linear", "fc", {}), ("ReLU", "r", {}), OUT)


def test_add_and_remove_a_node_restores_its_wires():
    g = small()
    assert g.add_node("ReLU").id == "relu1" and g.add_node("ReLU").id == "relu2"
    before, node = g.copy(), g.nodes["fc"]
    wires = g.remove_node("fc")
    assert set(wires) == {Edge("inp", "fc"), Edge("fc", "r")} and "fc" not in g.nodes
    assert all("fc" not in (e.src, e.dst) for e in g.edges)
    g.add_node(node.kind, node.id, node.params, node.frozen, node.pos)
    for edge in wires:
        g.add_edge(edge.src, edge.dst, edge.port)
    assert g == before


@pytest.mark.parametrize(
    "edit, args, message",
    [
        ("add_edge", ("r", "r"), "ReLU 'r' cannot feed itself"),
        ("add_edge", ("inp", "r"), "input 1 of ReLU 'r' is already connected"),
        ("add_edge", ("inp", "r", 1), "ReLU 'r' has no input port 1"),
        ("add_edge", ("inp", "r", -1), "ReLU 'r' has no input port -1"),
        ("add_edge", ("r", "inp"), "Input 'inp' takes no input"),
        ("add_edge", ("out", "fc"), "Output 'out' is the end of the network: it has no output to connect"),
        ("add_edge", ("ghost", "r"), "there is no node named 'ghost'"),
        ("add_edge", ("r", "ghost"), "there is no node named 'ghost'"),
        ("add_node", ("Dense",), "unknown layer kind 'Dense' (known: Input, Features, Linear, "),
        (
            "add_node",
            ("ReLU", "2fast"),
            "node name '2fast' must start with a letter and use only letters, digits and _",
        ),
        ("add_node", ("ReLU", "r"), "there is already a node named 'r'"),
        (
            "add_node",
            ("Linear", "x", {"units": 3}),
            "Linear 'x': unknown parameter 'units' (known: out_features, bias)",
        ),
        ("set_param", ("fc", "out_features", 0), "Linear 'fc': 'out_features' must be at least 1, not 0"),
        ("set_param", ("fc", "out_features", 70000), "Linear 'fc': 'out_features' must be at most 65536, not 70000"),
        ("set_param", ("fc", "out_features", "8"), "Linear 'fc': 'out_features' must be a whole number, not '8'"),
        ("set_param", ("fc", "out_features", True), "Linear 'fc': 'out_features' must be a whole number, not True"),
        ("set_param", ("fc", "out_features", 2.5), "Linear 'fc': 'out_features' must be a whole number, not 2.5"),
        ("set_param", ("fc", "bias", 1), "Linear 'fc': 'bias' must be true or false, not 1"),
        (
            "set_param",
            ("out", "loss", "hinge"),
            "Output 'out': 'loss' must be one of cross_entropy, mse, bce, not 'hinge'",
        ),
        ("set_param", ("fc", "units", 3), "Linear 'fc' has no parameter 'units'"),
        ("set_param", ("inp", "shape", (1, 2, 3, 4, 5)), "Input 'inp': 'shape' must be a list of 1 to 4 sizes, not "),
        ("set_param", ("inp", "shape", (4, 0)), "Input 'inp': 'shape' must be at least 1, not 0"),
        ("remove_node", ("ghost",), "there is no node named 'ghost'"),
    ],
)
def test_refused_edits_say_why_and_change_nothing(edit, args, message):
    g, seen = small(), []
    for signal in SIGNALS:
        getattr(g, signal).connect(lambda *a: seen.append(a))
    with pytest.raises(GraphError, match=f"^{re.escape(message)}"):
        getattr(g, edit)(*args)
    assert g == small() and seen == []


def test_set_param_accepts_and_returns_the_old_value():
    g = small()
    assert g.set_param("fc", "out_features", 3.0) == 8 and g.nodes["fc"].params["out_features"] == 3
    assert g.set_param("inp", "shape", [2, 3]) == (4,) and g.nodes["inp"].params["shape"] == (2, 3)
    g.add_edge("r", link(g, "fc", "Add", {"inputs": 3}, "m"), 2)
    with pytest.raises(GraphError, match="Add 'm': disconnect inputs above 2 first"):
        g.set_param("m", "inputs", 2)


def test_edits_emit_signals():
    g, seen = Graph(), []
    for name in SIGNALS:
        getattr(g, name).connect(lambda *args, name=name: seen.append((name, *args)))
    g.add_node("Input", "inp"), g.add_node("Linear", "fc")
    edge = g.add_edge("inp", "fc")
    g.set_param("fc", "out_features", 4), g.set_frozen("fc", True), g.move_node("fc", (1, 2)), g.remove_node("fc")
    assert seen == [
        ("node_added", "inp"),
        ("node_added", "fc"),
        ("edge_added", edge),
        ("node_changed", "fc", "params"),
        ("node_changed", "fc", "frozen"),
        ("node_changed", "fc", "pos"),
        ("edge_removed", edge),
        ("node_removed", "fc"),
    ]


def test_would_create_cycle():
    g = small()
    assert g.would_create_cycle("r", "fc") and g.would_create_cycle("out", "inp") and g.would_create_cycle("r", "r")
    assert not g.would_create_cycle("inp", "r") and not g.would_create_cycle("fc", "out")


def test_copy_is_equal_and_independent():
    g, seen = small(), []
    twin = g.copy()
    g.node_changed.connect(lambda *args: seen.append(args))
    assert twin == g and twin is not g
    twin.set_param("fc", "out_features", 3), twin.remove_edge(Edge("r", "out")), twin.add_node("ReLU", "extra")
    assert g.nodes["fc"].params["out_features"] == 8 and Edge("r", "out") in g.edges and "extra" not in g.nodes
    assert twin != g and seen == [] and g == small()


# ---- 4. building -------------------------------------------------------------


def test_frozen_nodes_do_not_learn():
    g = net(IN(4), ("Linear", "fc", {}), ("Linear", "head", {"out_features": 2}), OUT)
    g.set_frozen("fc", True)
    model = GraphModule(g)
    assert all(not p.requires_grad for p in model.layer("fc").parameters())
    assert all(p.requires_grad for p in model.layer("head").parameters())


def test_step_outputs_zero_or_one_with_a_straight_through_gradient():
    model = GraphModule(net(IN(5), ("Step", "s", {}), OUT))
    x = torch.tensor([[-2.0, -0.1, 0.0, 0.3, 4.0]] * 2, requires_grad=True)
    y = model(x)
    assert torch.equal(y, torch.tensor([[0.0, 0.0, 0.0, 1.0, 1.0]] * 2))
    y.sum().backward()
    assert torch.equal(x.grad, torch.ones_like(x))


def test_a_skip_connection_runs_end_to_end():
    g = net(
        IN(4),
        ("Linear", "fc", {"out_features": 4}),
        ("ReLU", "r", {}),
        ("Add", "skip", {}),
        OUT,
        wires=[("inp", "skip", 1)],
    )
    model = GraphModule(g)
    x = torch.randn(6, 4)
    y, taps = model(x, taps=["r"])
    assert torch.allclose(y, torch.relu(model.layer("fc")(x)) + x) and torch.equal(taps["r"] + x, y)
    y.sum().backward()
    assert model.layer("fc").weight.grad is not None


@pytest.mark.parametrize("ids", [["update"], ["forward"], ["training"], ["keys", "items"], ["update", "update_"]])
def test_ids_that_shadow_module_dict_attributes_still_build(ids):
    model = GraphModule(net(IN(3), *[("Linear", i, {"out_features": 3 + n}) for n, i in enumerate(ids)], OUT))
    y, taps = model(torch.randn(2, 3), taps=ids)
    assert y.shape == (2, 2 + len(ids)) and len(model.state_dict()) == 2 * len(ids)
    assert [model.layer(i).out_features for i in ids] == [taps[i].shape[1] for i in ids] == list(range(3, 3 + len(ids)))


def test_an_invalid_graph_does_not_build():
    with pytest.raises(InvalidGraph, match="Linear 'fc1' expects a flat input"):
        GraphModule(net(IN(2, 3), ("Linear", "fc1", {}), OUT))


# ---- 5. size -----------------------------------------------------------------


def test_a_hundred_node_chain_infers_cleanly():
    layers = [("Linear", f"fc{i}", {"out_features": 8}) if i % 2 == 0 else ("ReLU", f"relu{i}", {}) for i in range(98)]
    g = net(IN(8), *layers, OUT)
    inference = infer(g)
    assert len(g.nodes) == 100 and inference.ok and len(inference.order) == 100
    assert inference.shapes["out"] == (8,) and inference.total_params == 49 * (8 * 8 + 8)


def test_summaries_count_in_the_singular_and_the_plural():
    from core.network.layers import KINDS

    linear, conv = KINDS["Linear"], KINDS["Conv2d"]
    defaults = {p.name: p.default for p in conv.params}
    assert linear.summary({"out_features": 1, "bias": True}) == "1 unit"
    assert linear.summary({"out_features": 2, "bias": True}) == "2 units"
    assert conv.summary(defaults | {"out_channels": 1, "kernel_size": 3}).startswith("1 filter 3×3")
    assert KINDS["RNN"].summary({"hidden_size": 1, "output": "last"}) == "1 unit, last step"
