"""The batched landscape evaluator (core.landscape.batch) against the plain per-point loop, on
networks that take each of its shortcuts: pooling folded into a convolution's affine maps or
into its per-point output, a ReLU deferred past its pooling, channels-last activations, sample
blocks with a remainder, the one-call cross-entropy."""

import copy

import numpy as np
import pytest
import torch
from conftest import LESSONS

from core.landscape.batch import PlaneLoss, cross_entropy_losses, trainable
from core.landscape.grid import LandscapeJob
from core.network.graph import Graph
from core.project import Project, load_project
from core.train.trainer import Trainer


def direct_losses(job, points):
    """The plain way: for every point, load the weights into a copy of the model and run the samples."""
    model = copy.deepcopy(job.model)
    params = [p for _, p in trainable(model)]
    origin, directions = job.plane.origin, job.plane.directions
    losses = []
    for point in torch.as_tensor(points, dtype=torch.float32):
        torch.nn.utils.vector_to_parameters(origin + point @ directions, params)
        with torch.no_grad():
            losses.append(job.loss_fn(model(job.x), job.y).item())
    return np.array(losses)


def chain(nodes, loss="cross_entropy", frozen=()):
    """Input 1×8×8 → the (kind, params) layers in a row → Output, on the digits."""
    g = Graph()
    g.add_node("Input", "x", {"shape": [1, 8, 8]})
    previous = "x"
    for i, (kind, params) in enumerate(nodes):
        g.add_node(kind, f"n{i}", params, frozen=f"n{i}" in frozen)
        g.add_edge(previous, f"n{i}")
        previous = f"n{i}"
    g.add_node("Output", "out", {"loss": loss})
    g.add_edge(previous, "out")
    return Project(g, "digits", {})


def conv(channels, kernel=3, padding=1, groups=1):
    return ("Conv2d", {"out_channels": channels, "kernel_size": kernel, "padding": padding, "groups": groups})


def pool(kernel):
    return ("MaxPool2d", {"kernel_size": kernel, "stride": 0})


HEAD = [("Flatten", {}), ("Linear", {"out_features": 10})]
NETWORKS = {
    # the affine first convolution pooled as it combines, with no activation between; a LeakyReLU
    # deferred past a 3×3 pooling that drops a row and a column (4 × 4 → 1 × 1); mean squared error
    "conv-pool, leaky-pool with remainder, mse": lambda: chain(
        [conv(6, padding=0), pool(2), conv(8, kernel=2), ("LeakyReLU", {"negative_slope": 0.1}), pool(3), *HEAD],
        loss="mse",
    ),
    # Tanh is not deferred: the affine maps stay a full channels-last map; a grouped convolution
    "tanh-pool, grouped conv": lambda: chain(
        [conv(8), ("Tanh", {}), pool(2), conv(8, groups=2), ("ReLU", {}), pool(2), *HEAD]
    ),
    # a frozen first convolution is computed once; the next is the affine one; no pooling after the last
    "frozen first layer, conv without pooling": lambda: chain(
        [conv(4), ("ReLU", {}), conv(6), ("ReLU", {}), pool(2), conv(4), ("ReLU", {}), *HEAD], frozen=("n0",)
    ),
    # a Linear without bias takes the channels-last flattening; a frozen one must not (it cannot reorder
    # its weights per point)
    "Linear without bias, then a frozen Linear": lambda: chain(
        [conv(4), ("ReLU", {}), pool(2), conv(6), ("ReLU", {}), pool(2), ("Flatten", {})]
        + [
            ("Linear", {"out_features": 24, "bias": False}),
            ("Tanh", {}),
            ("Flatten", {}),
            ("Linear", {"out_features": 10}),
        ]
    ),
    "frozen Linear after channels-last pooling": lambda: chain(
        [conv(4), ("ReLU", {}), pool(2), conv(6), ("ReLU", {}), pool(2), *HEAD], frozen=("n7",)
    ),
}


def job_for(project, steps=10, samples=300):
    trainer = Trainer(project, device="cpu")
    for _ in range(steps):
        trainer.step()
    weights = {k: v.numpy().copy() for k, v in trainer.model.state_dict().items()}
    return LandscapeJob(project, trainer.data, weights, directions="random", seed=4, samples=samples)


POINTS = np.concatenate([np.zeros((1, 2)), np.random.default_rng(5).uniform(-1, 1, (12, 2))]).astype(np.float32)


@pytest.mark.parametrize("name", list(NETWORKS))
@pytest.mark.parametrize("sample_block", [256, 128, 7])
def test_the_batched_losses_equal_the_per_point_loop(name, sample_block):
    job = job_for(NETWORKS[name]())
    plane, widest = job.plane, max(int(np.prod(s)) for s in job.model.shapes.values())
    budget = 5 * sample_block * widest  # 5 points a chunk: three chunks, the last one shorter
    loss = PlaneLoss(
        job.model, job.x, job.y, job.loss_fn, plane.origin, plane.directions, budget, job.losses, sample_block
    )
    assert loss.chunk == 5 and len(loss.blocks) == -(-len(job.x) // sample_block)
    assert loss(POINTS) == pytest.approx(direct_losses(job, POINTS), rel=2e-5, abs=1e-6)


def test_the_digits_cnn_takes_every_shortcut_and_agrees_with_the_loop():
    project = load_project(LESSONS / "digits_cnn.json")
    job = job_for(project, steps=20, samples=512)
    loss = job.loss
    # both poolings are done by the convolutions before them, both ReLUs after the poolings
    assert loss.prepooled == {"pool1": "conv1", "pool2": "conv2"}
    assert loss.deferred == {"pool1": "relu1", "pool2": "relu2"}
    assert list(loss.prefixes[0][1]) == ["conv1"] and loss.prefixes[0][1]["conv1"][0].shape[0] == 4  # 4 offsets
    assert len(loss.blocks) == 2 and job.losses is cross_entropy_losses
    assert loss(POINTS) == pytest.approx(direct_losses(job, POINTS), rel=2e-5, abs=1e-6)


def test_the_one_call_cross_entropy_equals_the_loss_point_by_point():
    out, y = torch.randn(5, 64, 10), torch.randint(0, 10, (64,))
    want = torch.stack([torch.nn.functional.cross_entropy(o, y) for o in out])
    assert torch.allclose(cross_entropy_losses(out, y), want, rtol=1e-6)
    assert cross_entropy_losses(torch.randn(5, 64, 10, 3), y) is None  # other shapes go point by point
