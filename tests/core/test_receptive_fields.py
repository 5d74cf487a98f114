"""Receptive fields of feature-map units against the gradient: the pixels a unit's field covers,
in the input and in every earlier map, are exactly those whose gradient for that unit is
non-zero for some input (a union over random inputs, since max pooling and ReLU pass the
gradient to some pixels only for some inputs)."""

import pytest
import torch
from conftest import LESSONS
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from core.convolution.receptive import FieldError, input_field, receptive_fields
from core.network.build import GraphModule
from core.network.graph import Graph, infer
from core.project import load_project


@pytest.fixture(autouse=True, scope="module")
def _one_torch_thread():
    before = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(before)


LAYER = st.one_of(
    st.tuples(st.just("Conv2d"), st.integers(1, 5), st.integers(1, 3), st.integers(0, 2)),
    st.tuples(st.sampled_from(["MaxPool2d", "AvgPool2d"]), st.integers(1, 3), st.integers(0, 2), st.just(0)),
    st.tuples(st.sampled_from(["Tanh", "ReLU"]), st.just(0), st.just(0), st.just(0)),
)


def chain(size: int, layers, skip: bool = False) -> tuple[Graph, list[str]]:
    """Input size×size → the layers → Flatten → Linear → Output; with skip, the last layer's
    input is also added to its output through an Add (a residual branch)."""
    g = Graph()
    g.add_node("Input", "x", {"shape": [1, size, size]})
    previous, ids = "x", []
    for n, (kind, k, s, p) in enumerate(layers):
        node = f"{kind.lower()}{n}"
        if kind == "Conv2d":
            params = {"out_channels": 2, "kernel_size": k, "stride": s, "padding": p}
        elif kind.endswith("Pool2d"):
            params = {"kernel_size": k, "stride": s}
        else:
            params = {}
        g.add_node(kind, node, params)
        g.add_edge(previous, node)
        previous = node
        ids.append(node)
    if skip and ids:
        g.add_node("Conv2d", "side", {"out_channels": 2, "kernel_size": 3, "padding": 1})
        g.add_node("Add", "add", {"inputs": 2})
        g.add_edge(previous, "side")
        g.add_edge(previous, "add", 0)
        g.add_edge("side", "add", 1)
        previous = "add"
        ids += ["side", "add"]
    g.add_node("Flatten", "flat", {})
    g.add_node("Linear", "fc", {"out_features": 3})
    g.add_node("Output", "out", {"loss": "cross_entropy"})
    for a, b in ((previous, "flat"), ("flat", "fc"), ("fc", "out")):
        g.add_edge(a, b)
    return g, ids


def seen_by_gradient(graph: Graph, node: str, row: int, col: int, batch: int = 256, models: int = 3) -> dict[str, set]:
    """Per map (the input's and every tapped one): the pixels whose gradient of unit (row, col),
    summed over channels, is non-zero for at least one of `batch` random inputs (the samples are
    independent, so one backward pass gives each its own gradient) under a few random weights."""
    torch.manual_seed(0)
    shapes = infer(graph).shapes
    maps = [n for n, shape in shapes.items() if shape is not None and len(shape) == 3 and n != "x"]
    seen: dict[str, set] = {n: set() for n in ["x", *maps]}
    for _ in range(models):
        model = GraphModule(graph).double()
        x = torch.randn(batch, *shapes["x"], dtype=torch.float64, requires_grad=True)
        _, taps = model(x, taps=maps)
        for value in taps.values():
            value.retain_grad()
        taps[node][:, :, row, col].sum().backward()
        for name, tensor in [("x", x), *taps.items()]:
            if tensor.grad is not None:
                nonzero = tensor.grad.abs().sum((0, 1)).nonzero().tolist()
                seen[name] |= {tuple(p) for p in nonzero}
    return seen


@settings(max_examples=100, deadline=None, derandomize=True)
@given(st.integers(8, 16), st.lists(LAYER, min_size=1, max_size=4), st.booleans(), st.data())
def test_the_field_is_the_set_of_pixels_with_a_gradient(size, layers, skip, data):
    graph, ids = chain(size, layers, skip)
    inference = infer(graph)
    assume(inference.ok)  # else the windows shrank the image away: not a network to ask about
    maps = [n for n in ids if n in inference.shapes]
    node = data.draw(st.sampled_from(maps))
    _, h, w = inference.shapes[node]
    row, col = data.draw(st.integers(0, h - 1)), data.draw(st.integers(0, w - 1))
    fields = receptive_fields(graph, node, row, col)
    seen = seen_by_gradient(graph, node, row, col)
    assert seen["x"] == fields["x"].pixels()
    for name, field in fields.items():
        assert seen[name] == field.pixels(), name
    assert input_field(graph, node, row, col).pixels() == fields["x"].pixels()


def digits_cnn() -> Graph:
    return load_project(LESSONS / "digits_cnn.json").graph


def test_the_field_grows_with_depth_in_the_digits_cnn():
    """conv 3×3 (pad 1) → pool 2 → conv 3×3 (pad 1) → pool 2: 3, 4, 8 and 10 pixels wide counting
    the zero border; on the 8×8 image, unit (1, 1) of each sees 3, 4, 7 and 7 columns."""
    graph = digits_cnn()
    layers = ("conv1", "relu1", "pool1", "conv2", "relu2", "pool2")
    assert [input_field(graph, n, 1, 1).size for n in layers] == [(3, 3), (3, 3), (4, 4), (8, 8), (8, 8), (10, 10)]
    assert [input_field(graph, n, 1, 1).mask.sum() for n in layers] == [9, 9, 16, 49, 49, 49]
    assert input_field(graph, "conv1", 2, 2).box() == (1, 3, 1, 3)
    assert input_field(graph, "pool1", 1, 1).box() == (1, 4, 1, 4)
    assert input_field(graph, "pool2", 0, 0).box() == (0, 6, 0, 6)
    fields = receptive_fields(graph, "pool2", 1, 1)
    assert fields["pool1"].box() == (1, 3, 1, 3) and fields["conv1"].box() == (2, 7, 2, 7)
    seen = seen_by_gradient(graph, "pool2", 1, 1)
    assert all(seen[name] == field.pixels() for name, field in fields.items())


def test_a_stride_wider_than_its_window_leaves_gaps():
    graph, _ = chain(9, [("Conv2d", 1, 2, 0), ("Conv2d", 3, 1, 0)])
    field = input_field(graph, "conv2d1", 1, 1)
    assert field.pixels() == {(r, c) for r in (2, 4, 6) for c in (2, 4, 6)}
    assert field.size == (5, 5) and field.box() == (2, 6, 2, 6)


@pytest.mark.parametrize(
    ("node", "row", "col", "message"),
    [
        ("fc", 0, 0, "does not output feature maps"),
        ("conv1", 8, 0, "is not one of them"),
        ("nope", 0, 0, "does not output feature maps"),
    ],
)
def test_units_without_a_field_are_explained(node, row, col, message):
    with pytest.raises(FieldError, match=message):
        receptive_fields(digits_cnn(), node, row, col)
