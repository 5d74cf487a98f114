"""Sequence tasks for recurrent networks: a noisy sine, the adding problem, parity and text.

Each maker is a pure function of its parameters and a random generator and
returns x as float32 of shape (N, steps, features), so the same seed gives
the same sequences on every machine.
"""

from __future__ import annotations

from collections import Counter

import numpy as np

from core.data.memory import check_fits
from core.data.user import DataSourceError, read_text_file

__all__ = [
    "DataSourceError",
    "adding_problem",
    "char_sequences",
    "key_position",
    "noisy_sine",
    "parity",
    "read_text_file",
]

MAX_VOCABULARY = 100  # the 99 most frequent characters, plus one symbol for all the rarer ones
UNKNOWN = "\ufffd"  # the replacement character stands for every character left out of the vocabulary
PERIODS = (8.0, 40.0)  # a sine period, in steps, is drawn uniformly from this range


def noisy_sine(n: int, steps: int, noise: float, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    """Windows of sines with random phase and period, and the value that follows each window.

    Every value, the target included, carries the same Gaussian noise: the
    target is the series' next noisy sample, so even a perfect predictor
    keeps an error of about `noise`.
    """
    period = rng.uniform(*PERIODS, (n, 1))
    phase = rng.uniform(0, 2 * np.pi, (n, 1))
    series = np.sin(2 * np.pi * np.arange(steps + 1) / period + phase)
    series += rng.normal(0, noise, series.shape)
    return series[:, :steps, None].astype(np.float32), series[:, steps].astype(np.float32)


def adding_problem(n: int, steps: int, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    """Hochreiter & Schmidhuber's adding problem: sum the two values whose marker is 1.

    Feature 0 is uniform in [0, 1); feature 1 marks one position in each half
    of the sequence, so the network must remember across a long gap.
    """
    if steps < 2:
        raise ValueError("the adding problem needs at least 2 steps")
    values = rng.uniform(0, 1, (n, steps))
    half = steps // 2
    rows = np.arange(n)
    first, second = rng.integers(0, half, n), rng.integers(half, steps, n)
    markers = np.zeros((n, steps))
    markers[rows, first] = markers[rows, second] = 1
    x = np.stack([values, markers], -1).astype(np.float32)
    return x, x[rows, first, 0] + x[rows, second, 0]


def parity(n: int, steps: int, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    """Random bit sequences labelled 1 when they hold an odd number of ones: every bit matters."""
    bits = rng.integers(0, 2, (n, steps))
    return bits[..., None].astype(np.float32), (bits.sum(1) % 2).astype(np.int64)


def key_position(
    n: int, steps: int, positions: tuple[int, int], rng: np.random.Generator
) -> tuple[np.ndarray, np.ndarray]:
    """Sequences of random distractor values with one key, A or B, at a position drawn from
    [positions[0], positions[1]); the class is the key (course ch. 10, sharing across positions).

    Feature 0 is the distractor (uniform in [0, 1), zero at the key), features 1 and 2 mark key A
    or B. A network that shares its weights across positions finds the key wherever it is."""
    if steps < 2:
        raise ValueError("a key among distractors needs at least 2 steps")
    x = np.zeros((n, steps, 3), np.float32)
    x[..., 0] = rng.uniform(0, 1, (n, steps))
    y = rng.integers(0, 2, n)
    rows, where = np.arange(n), rng.integers(*positions, n)
    x[rows, where, 0] = 0
    x[rows, where, 1 + y] = 1
    return x, y.astype(np.int64)


def vocabulary(text: str) -> list[str]:
    """The sorted distinct characters of a text, keeping only the most frequent when there are too many."""
    counts = Counter(text)
    if len(counts) <= MAX_VOCABULARY:
        return sorted(counts)
    frequent = sorted(counts, key=lambda c: (-counts[c], c))[: MAX_VOCABULARY - 1]
    return sorted({*frequent, UNKNOWN})


def char_sequences(
    text: str, steps: int, max_samples: int | None, rng: np.random.Generator
) -> tuple[np.ndarray, np.ndarray, list[str]]:
    """One-hot windows (N, steps, V) of a text and the index of the character after each.

    Windows start at every position, or at `max_samples` random ones (kept in
    text order) when there are more; rare characters become `UNKNOWN`.
    """
    if len(text) <= steps:
        raise DataSourceError(
            f"the text has {len(text)} characters; windows of {steps} steps need at least {steps + 1}"
        )
    vocab = vocabulary(text)
    windows = len(text) - steps if max_samples is None else min(max_samples, len(text) - steps)
    check_fits(
        f"{windows:,} one-hot windows of {steps} steps over {len(vocab)} characters",
        windows * steps * len(vocab) * 4,
        "n_samples or steps",
    )
    index = {c: i for i, c in enumerate(vocab)}
    unknown = index.get(UNKNOWN, -1)
    codes = np.array([index.get(c, unknown) for c in text], dtype=np.int64)
    starts = np.arange(len(text) - steps)
    if max_samples is not None and len(starts) > max_samples:
        starts = np.sort(rng.choice(starts, max_samples, replace=False))
    windows = codes[starts[:, None] + np.arange(steps)]
    x = np.eye(len(vocab), dtype=np.float32)[windows]
    return x, codes[starts + steps], vocab
