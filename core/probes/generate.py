"""Generating a noisy sine with a next-value model: teacher forcing against free running (course §10.2.1).

(A next-character model samples text instead: core.probes.generate_text.)

A model trained on the noisy-sine dataset reads a window of `steps` values and predicts the next.
To generate, the probe draws a fresh series from the dataset's own maker (same noise, a random
period and phase; `series` seeds it), longer than a window by `horizon`, and runs the model along it:

- teacher forcing: every prediction reads the true window before it, as in training, so each is
  the model's output on the true sequence;
- free running: after the first true window (the prompt) the model reads its own predictions, fed
  back as inputs; its errors feed on themselves.

Both are drawn beside the truth, with their mean squared errors over the horizon.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from core.probes.base import Probe
from core.probes.generate_text import CHARACTERS, TEXT_DATASETS, TextGeneration, generate_text
from core.words import translate

HORIZON = 60  # predicted values after the prompt, unless the view asks for another number
MAX_HORIZON = 1000


@dataclass
class Generation:
    step: int  # the training step the weights are from
    series: int  # the seed of the fresh series
    window: int  # values the model reads (the prompt's length)
    truth: np.ndarray  # (window + horizon,) the series
    teacher: np.ndarray  # (horizon,) predictions from the true windows
    free: np.ndarray  # (horizon,) predictions from the model's own outputs
    teacher_mse: float
    free_mse: float
    noise: float  # the series' noise (its standard deviation): even a perfect predictor has this error


def series(window: int, horizon: int, noise: float, seed: int) -> np.ndarray:
    """A fresh noisy sine of window + horizon values from the dataset's maker."""
    from core.data.sequences import noisy_sine

    x, _ = noisy_sine(1, window + horizon, noise, np.random.default_rng(seed))
    return x[0, :, 0].astype(np.float64)


def teacher_forced(model, truth: np.ndarray, window: int):
    """The model's outputs on every true window after the prompt: (horizon,)."""
    import torch

    device = next(model.parameters()).device
    values = torch.as_tensor(truth, dtype=torch.float32, device=device)
    windows = values.unfold(0, window, 1)[: len(truth) - window]  # (horizon, window): truth[t - window : t]
    return model(windows[..., None])[:, 0]


def free_running(model, prompt: np.ndarray, horizon: int):
    """Predictions fed back as inputs: (horizon,)."""
    import torch

    device = next(model.parameters()).device
    current = torch.as_tensor(prompt, dtype=torch.float32, device=device)
    predictions = []
    for _ in range(horizon):
        nxt = model(current[None, :, None])[0, :1]
        predictions.append(nxt)
        current = torch.cat([current[1:], nxt])
    return torch.cat(predictions)


class GenerateProbe(Probe):
    def compute(
        self, series_seed: int = 0, horizon: int = HORIZON, temperature: float = 1.0, characters: int = CHARACTERS
    ) -> Generation | TextGeneration:
        """A sine continued two ways, or for a next-character model (core.probes.generate_text)
        text sampled at `temperature` beside the truth."""
        import torch

        from core.data.catalog import validate_dataset

        trainer = self.trainer
        project = trainer.project
        if project.dataset in TEXT_DATASETS:
            return generate_text(trainer, series_seed, characters, temperature)
        if project.dataset != "sine":
            raise ValueError(
                translate(
                    "probes",
                    "generating is for a next-value model on the noisy-sine dataset or a next-character model "
                    "on a text; this one trains on '{0}'",
                ).format(project.dataset)
            )
        shape = tuple(trainer.data.input_shape)
        if len(shape) != 2 or shape[1] != 1 or trainer.out_width != 1:
            raise ValueError(
                translate("probes", "generating needs a network that reads a window of single values and predicts one")
            )
        window = shape[0]
        horizon = min(max(int(horizon), 1), MAX_HORIZON)
        noise = float(validate_dataset("sine", project.dataset_params)["noise"])
        truth = series(window, horizon, noise, int(series_seed))
        model = trainer.model
        was_training = model.training
        model.eval()
        try:
            with torch.inference_mode():
                teacher = teacher_forced(model, truth, window).double().cpu().numpy()
                free = free_running(model, truth[:window], horizon).double().cpu().numpy()
        finally:
            model.train(was_training)
        target = truth[window:]
        return Generation(
            step=trainer.step_count,
            series=int(series_seed),
            window=window,
            truth=truth,
            teacher=teacher,
            free=free,
            teacher_mse=float(np.mean((teacher - target) ** 2)),
            free_mse=float(np.mean((free - target) ** 2)),
            noise=noise,
        )
