"""Layer traits: every "which kinds are…" question is answered from the catalogue, so a kind
added with the right traits is treated right everywhere, and none is forgotten by a list."""

import pytest

from core.data.catalog import load_dataset
from core.network.build import GraphModule
from core.network.fit import adapt_to_data, data_problems
from core.network.graph import Graph, infer
from core.network.layers import KINDS, TRAITS, LayerKind, has_any_trait, has_trait, kinds_with
from core.probes.folding import hidden_layers, stage_title
from core.probes.maximise import sequence_nodes
from core.probes.plane import neuron_columns
from core.project import Project
from core.run.session import Session


def chain(*specs) -> Graph:
    """A straight chain of (kind, params) nodes, named like the editor names them."""
    graph, previous = Graph(), None
    for kind, params in specs:
        node = graph.add_node(kind, params=params)
        if previous:
            graph.add_edge(previous, node.id)
        previous = node.id
    return graph


def swish_kind() -> LayerKind:
    """A kind no module knows by name: only its traits say what it is."""
    from torch import nn

    return LayerKind(
        "Swish",
        "activations",
        "x times its own sigmoid: a smooth ReLU",
        (),
        lambda shapes, p: shapes[0],
        lambda shapes, p: nn.SiLU(),
        traits=frozenset({"activation", "unit_wise", "element_wise"}),
        summary=lambda p: "x·σ(x)",
    )


@pytest.fixture
def swish(monkeypatch):
    monkeypatch.setitem(KINDS, "Swish", swish_kind())
    return "Swish"


def test_fitting_the_network_to_the_data_goes_through_a_sparsity_layer():
    graph = chain(
        ("Input", {"shape": [5]}),
        ("Linear", {"out_features": 8}),
        ("Sparsity", {"weight": 0.5}),
        ("Output", {"loss": "mse"}),
    )
    spiral = load_dataset("spiral", {"classes": 3})
    changes = adapt_to_data(graph, spiral)
    assert sorted(changes) == [
        ("input1", "shape", (2,)),
        ("linear1", "out_features", 3),
        ("output1", "loss", "cross_entropy"),
    ]
    for node, name, value in changes:
        graph.set_param(node, name, value)
    assert infer(graph).ok and data_problems(graph, infer(graph), spiral) == []


def test_a_kind_with_traits_only_is_fitted_through(swish):
    graph = chain(("Input", {"shape": [2]}), ("Linear", {"out_features": 8}), (swish, {}), ("Output", {}))
    assert ("linear1", "out_features", 3) in adapt_to_data(graph, load_dataset("spiral", {"classes": 3}))


def test_a_kind_with_traits_only_is_an_activation_to_every_probe(swish):
    graph = chain(
        ("Input", {"shape": [2]}),
        ("Linear", {"out_features": 4}),
        (swish, {}),
        ("Dropout", {}),
        ("Linear", {"out_features": 3}),
        ("Output", {}),
    )
    session = Session(Project(graph, "spiral", {"classes": 3}))
    model = session.trainer.model
    assert neuron_columns(graph, model) == [("linear1", "swish1"), ("linear2", "linear2")]
    weights = session.probe("weights").compute(layer="linear1")
    assert weights.next_layer == "linear2"  # its units, through Swish and Dropout, are the next layer's columns
    assert session.probe("weights").compute(layer="linear2").unit_names == session.trainer.data.class_names
    (histogram,) = session.probe("activations").compute().layers
    assert histogram.node == "swish1" and histogram.edges[0] == -histogram.edges[-1]  # unbounded both ways
    assert stage_title("swish1", "Swish") == "swish1"
    assert [layer.node for layer in hidden_layers(graph)] == ["linear1", "swish1", "linear2"]
    sequence = chain(
        ("Input", {"shape": [6, 3]}), ("GRU", {"output": "all", "hidden_size": 5}), (swish, {}), ("Output", {})
    )
    assert sequence_nodes(sequence, infer(sequence).order) == {"gru1", "swish1"}


def test_a_kind_added_later_is_counted_and_removed_again(monkeypatch):
    assert "Swish" not in kinds_with("activation")
    with monkeypatch.context() as patch:
        patch.setitem(KINDS, "Swish", swish_kind())
        assert kinds_with("activation")[-1] == "Swish" and has_trait("Swish", "activation", "unit_wise")
    assert "Swish" not in KINDS and "Swish" not in kinds_with("activation")


def test_probes_skip_what_does_nothing_at_inference():
    graph = chain(
        ("Input", {"shape": [2]}),
        ("Linear", {"out_features": 4}),
        ("Sparsity", {}),
        ("Tanh", {}),
        ("Linear", {"out_features": 2}),
        ("Output", {}),
    )
    assert [layer.node for layer in hidden_layers(graph)] == ["linear1", "tanh1", "linear2"]
    assert neuron_columns(graph, GraphModule(graph)) == [("linear1", "linear1"), ("linear2", "linear2")]


def test_every_kind_has_traits_and_a_summary_of_its_defaults():
    for kind in KINDS.values():
        assert kind.traits and kind.traits <= TRAITS.keys(), kind.name
        summary = kind.summary({p.name: p.default for p in kind.params})
        assert isinstance(summary, str) and "\n" not in summary, kind.name
    assert KINDS["Conv2d"].summary({"out_channels": 8, "kernel_size": 5, "stride": 2}) == "8 filters 5×5, stride 2"
    assert KINDS["Output"].summary({"loss": "bce"}) == "binary cross-entropy"
    assert all(TRAITS[t] and kinds_with(t) for t in TRAITS)  # every trait is documented and used


def test_trait_names_are_checked():
    with pytest.raises(ValueError, match="unknown layer trait 'activations'"):
        kinds_with("activations")
    with pytest.raises(ValueError, match="unknown layer trait"):
        has_any_trait("ReLU", "relu")
    with pytest.raises(ValueError, match="unknown traits"):
        LayerKind("Odd", "dense", "", (), lambda s, p: s[0], lambda s, p: None, traits=frozenset({"dens"}))


def test_the_output_range_bounds_what_the_histograms_span():
    graph = chain(
        ("Input", {"shape": [2]}),
        ("Linear", {"out_features": 4}),
        ("ReLU", {}),
        ("Linear", {"out_features": 4}),
        ("Tanh", {}),
        ("Linear", {"out_features": 2}),
        ("Output", {}),
    )
    relu, tanh = Session(Project(graph, "spiral", {"classes": 2})).probe("activations").compute().layers
    assert relu.edges[0] == 0 and relu.edges[-1] > 0 and relu.dead is not None and relu.saturated is None
    assert (tanh.edges[0], tanh.edges[-1]) == (-1, 1) and tanh.saturated is not None and tanh.dead is None
