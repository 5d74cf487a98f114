"""An autoencoder's reconstructions, seen (course 003, autoencoders and denoising autoencoders).

For a few test samples the probe returns the input, the input corrupted by Gaussian noise, and
what the model on screen rebuilds from each, with the test set's mean squared errors. The noise
is the kind a GaussianNoise layer adds while training, with that layer's σ (or a σ the view picks,
DEFAULT_STD when the network adds no noise), drawn once from a fixed seed so the picture does not flicker between
snapshots. The model runs in eval mode: its own noise layers pass values unchanged, so the
reconstruction of the noisy input is the network's answer to exactly the noisy input shown.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from core.probes.base import Probe

SAMPLES = 16  # test samples sent; the view shows as many as its width holds
MEASURED = 500  # test samples the errors are averaged over (at most)
DEFAULT_STD = 0.3  # the noise of a network without a GaussianNoise layer, unless the view asks for another


@dataclass
class Reconstruction:
    step: int  # the training step the weights are from
    clean: np.ndarray  # (n, *input shape) the test samples
    noisy: np.ndarray  # (n, *input shape) the same with Gaussian noise of σ = std
    from_noisy: np.ndarray  # (n, *input shape) the model's output for the noisy input
    from_clean: np.ndarray  # (n, *input shape) the model's output for the clean input
    std: float  # σ of the noise
    layer: str  # the network's first GaussianNoise node, "" when it has none
    layer_std: float  # that layer's σ while training (0 without one)
    measured: int  # test samples the errors below average over
    noise_mse: float  # mean squared difference between the noisy and the clean inputs
    noisy_mse: float  # between the reconstruction of the noisy input and the clean input
    clean_mse: float  # between the reconstruction of the clean input and the clean input


def noise_layer(graph, order) -> tuple[str, float] | None:
    """The first GaussianNoise node in the network (id, σ), if any."""
    for node_id in order:
        node = graph.nodes[node_id]
        if node.kind == "GaussianNoise":
            return node_id, float(node.params["std"])
    return None


def reconstruct(model, x, std: float, seed: int = 0):
    """(noisy input, reconstruction of it, reconstruction of the clean input), the outputs in the
    input's shape; the model is put in eval mode for the call and given back as it was."""
    import torch

    generator = torch.Generator().manual_seed(seed)
    noise = torch.randn(x.shape, generator=generator).to(x.device)
    noisy = x + std * noise
    was_training = model.training
    model.eval()
    try:
        with torch.inference_mode():
            from_noisy = model(noisy).reshape(x.shape)
            from_clean = model(x).reshape(x.shape)
    finally:
        model.train(was_training)
    return noisy, from_noisy, from_clean


class ReconstructProbe(Probe):
    def compute(self, std: float | None = None, samples: int = SAMPLES, seed: int = 0) -> Reconstruction:
        """Reconstructions of the first `samples` test samples, clean and with noise of σ = `std`
        (None: the network's GaussianNoise σ, or DEFAULT_STD when it adds none)."""
        import torch

        trainer = self.trainer
        shape = tuple(trainer.data.input_shape)
        graph = trainer.project.graph
        model = trainer.model
        out = tuple(model.shapes[model.output_id])
        if math.prod(out) != math.prod(shape):
            raise ValueError(
                f"this view shows reconstructions: the network outputs {math.prod(out)} values per sample but "
                f"its input has {math.prod(shape)}; choose the target 'input' in the dataset settings and make "
                "the last layer as wide as the input"
            )
        layer, layer_std = noise_layer(graph, model.order) or ("", 0.0)
        if std is None:
            std = layer_std or DEFAULT_STD
        std = float(min(max(std, 0.0), 10.0))
        x = trainer.x_test[:MEASURED]
        noisy, from_noisy, from_clean = reconstruct(model, x, std, seed)
        mse = lambda a: torch.mean((a - x) ** 2).item()  # noqa: E731
        n = min(int(samples), len(x))
        array = lambda t: t[:n].detach().double().cpu().numpy()  # noqa: E731
        return Reconstruction(
            step=trainer.step_count,
            clean=array(x),
            noisy=array(noisy),
            from_noisy=array(from_noisy),
            from_clean=array(from_clean),
            std=std,
            layer=layer,
            layer_std=layer_std,
            measured=len(x),
            noise_mse=mse(noisy),
            noisy_mse=mse(from_noisy),
            clean_mse=mse(from_clean),
        )
