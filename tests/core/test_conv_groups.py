"""Conv2d's groups (LeNet-5's partial connections, course 003): each filter sees only its group of
input channels. Counts, shapes and the module match torch; export and import keep the setting."""

import pytest
import torch

from core.export.fx_layers import module_layer
from core.export.script import layer_code
from core.network.build import GraphModule
from core.network.graph import Graph, infer
from core.network.layers import KINDS


def conv_net(c_in: int, c_out: int, groups: int) -> Graph:
    g = Graph()
    g.add_node("Input", "x", {"shape": [c_in, 10, 10]})
    g.add_node("Conv2d", "conv", {"out_channels": c_out, "kernel_size": 3, "groups": groups})
    g.add_node("Flatten", "flat", {})
    g.add_node("Linear", "fc", {"out_features": 2})
    g.add_node("Output", "out", {"loss": "cross_entropy"})
    for a, b in (("x", "conv"), ("conv", "flat"), ("flat", "fc"), ("fc", "out")):
        g.add_edge(a, b)
    return g


@pytest.mark.parametrize(("c_in", "c_out", "groups"), [(6, 16, 2), (4, 8, 4), (3, 6, 1), (8, 8, 8)])
def test_a_grouped_convolution_counts_and_runs_as_torchs(c_in, c_out, groups):
    graph = conv_net(c_in, c_out, groups)
    inference = infer(graph)
    assert inference.ok
    module = GraphModule(graph).layer("conv")
    assert module.groups == groups and module.weight.shape == (c_out, c_in // groups, 3, 3)
    torch_count = sum(p.numel() for p in torch.nn.Conv2d(c_in, c_out, 3, groups=groups).parameters())
    assert inference.param_counts["conv"] == torch_count == c_out * (c_in // groups) * 9 + c_out
    assert GraphModule(graph)(torch.zeros(2, c_in, 10, 10)).shape == (2, 2)
    assert (f"{groups} groups" in KINDS["Conv2d"].summary(graph.nodes["conv"].params)) == (groups != 1)


def test_groups_that_do_not_divide_the_channels_are_explained():
    problems = infer(conv_net(6, 16, 4)).problems
    assert problems and "must divide evenly" in str(problems[0])


def test_export_and_import_keep_the_groups():
    code, _ = layer_code(
        "Conv2d",
        [(6, 14, 14)],
        {"out_channels": 16, "kernel_size": 5, "stride": 1, "padding": 0, "bias": True, "groups": 2},
    )
    assert code == "nn.Conv2d(6, 16, kernel_size=5, groups=2)"
    kind, params = module_layer(torch.nn.Conv2d(6, 16, 5, groups=2))
    assert kind == "Conv2d" and params["groups"] == 2
