"""Generating text with a next-character model: sampling with a temperature (course §10.2).

A model trained on a text dataset ("sentences" or "text") reads a window of one-hot characters
and outputs a score (logit) per character of the vocabulary. The probe takes a passage the model
has not been given as a window before — fresh sentences of the grammar drawn with the seed
`series`, or a passage of the user's text starting where that seed says — and:

- teacher forcing: at every position the model reads the true window and names its most likely
  next character; the cross-entropy of the true characters is the loss per character, beside
  ln(V), the loss of guessing uniformly among the V characters;
- sampling: after the first true window (the prompt) each character is drawn from
  softmax(logits / T) and fed back. A low temperature T picks the likeliest character almost
  always, so the text falls into loops; a high one flattens the distribution towards noise.
  T = 0 takes the likeliest character every time. The draws come from a generator seeded with
  `series`: the same model, series and temperature give the same text.

The share of the sampled words that occur in the training text tells real words from invented
ones, and the share of distinct words tells variety from repetition.
"""

from __future__ import annotations

import functools
import math
import re
from dataclasses import dataclass

import numpy as np

from core.words import translate

TEXT_DATASETS = ("sentences", "text")
CHARACTERS = 300  # generated characters after the prompt, unless the view asks for another number
MAX_CHARACTERS = 5000
_WORD = re.compile(r"\w+(?=\W)")  # a whole word: one that something else follows, not cut at the end


@dataclass
class TextGeneration:
    step: int  # the training step the weights are from
    series: int  # the seed of the passage and of the draws
    temperature: float
    source: str  # "sentences" (fresh grammar sentences) or "text" (a passage of the user's text)
    prompt: str  # the first window, which both ways read
    truth: str  # what follows the prompt in the passage
    teacher: str  # the likeliest character after each true window
    sampled: str  # characters drawn at the temperature, each reading the ones drawn before
    loss: float  # mean cross-entropy of the true characters, nats per character
    uniform: float  # ln(V): the loss of a uniform guess
    accuracy: float  # share of true characters the teacher-forced model ranks first
    words: int  # whole words in the sampled text
    real_words: float  # share of them that occur in the training text (nan without words)
    distinct_words: float  # distinct words / words (nan without words)
    invented: tuple[tuple[int, int], ...]  # (start, end) in `sampled` of each whole word not in the text


def words(text: str, before: str = "") -> list[str]:
    """The whole words of a text (a word cut off at the end is left out, and so is one that began
    in the text `before` it)."""
    return [m.group() for m in _whole(text, before)]


def invented_words(text: str, known: set[str], before: str = "") -> tuple[tuple[int, int], ...]:
    """Where the whole words of `text` that are not in `known` start and end."""
    skip = len(before)
    return tuple((m.start() - skip, m.end() - skip) for m in _whole(text, before) if m.group() not in known)


def _whole(text: str, before: str):
    return [m for m in _WORD.finditer(before + text) if m.start() >= len(before)]


def passage(name: str, params: dict, text: str, length: int, seed: int) -> str:
    """`length` characters the model reads and should continue: fresh sentences of the grammar, or
    a passage of the user's text from a position the seed draws."""
    if name == "sentences":
        from core.data.grammar import sentences

        rng = np.random.default_rng([seed, 1])  # never the training text's generator, whatever its seed
        fresh = ""
        while len(fresh) < length:
            fresh += sentences(20, params["language"], rng) + " "
        return fresh[:length]
    start = int(np.random.default_rng(seed).integers(0, len(text) - length + 1))
    return text[start : start + length]


def sample(model, prompt: np.ndarray, count: int, size: int, temperature: float, seed: int) -> np.ndarray:
    """`count` character codes drawn one at a time from softmax(logits / T), each window ending
    with the characters drawn before it; T = 0 takes the likeliest."""
    import torch

    device = next(model.parameters()).device
    generator = torch.Generator().manual_seed(int(seed))
    eye = torch.eye(size, device=device)
    codes = list(int(c) for c in prompt)
    window = len(prompt)
    for _ in range(count):
        logits = model(eye[torch.as_tensor(codes[-window:], device=device)][None])[0].double().cpu()
        if temperature <= 0:
            nxt = int(logits.argmax())
        else:
            probabilities = torch.softmax(logits / temperature, 0)
            nxt = int(torch.multinomial(probabilities, 1, generator=generator))
        codes.append(nxt)
    return np.array(codes[window:], dtype=np.int64)


@functools.lru_cache(maxsize=4)
def _source(name: str, params: tuple, stamp: tuple) -> tuple[str, list[str], frozenset[str]]:
    """The dataset's text, its vocabulary and its words, read once per dataset (a file's up to two
    million characters would otherwise be read and counted again at every generation)."""
    from core.data.catalog import source_text
    from core.data.sequences import vocabulary

    text = source_text(name, dict(params))
    return text, vocabulary(text), frozenset(words(text))


def _stamp(params: dict) -> tuple:
    """The user's file's size and time of change: a file edited on disk is read again."""
    import os

    try:
        info = os.stat(params["file"]) if params.get("file") else None
    except OSError:
        return ()
    return () if info is None else (info.st_size, info.st_mtime_ns)


def generate_text(trainer, series_seed: int, count: int, temperature: float) -> TextGeneration:
    import torch

    from core.data.catalog import validate_dataset
    from core.data.sequences import UNKNOWN

    project = trainer.project
    params = validate_dataset(project.dataset, project.dataset_params)
    text, vocab, known = _source(project.dataset, tuple(sorted(params.items())), _stamp(params))
    size = len(vocab)
    shape = tuple(trainer.data.input_shape)
    if len(shape) != 2 or shape[1] != size or trainer.out_width != size:
        raise ValueError(
            translate(
                "probes",
                "generating text needs a network that reads windows of one-hot characters ({0} of them) "
                "and scores each of the {0} characters",
            ).format(size)
        )
    if trainer.loss_kind != "cross_entropy":
        raise ValueError(
            translate("probes", "sampling reads the network's outputs as logits: train it with the cross-entropy loss")
        )
    window = shape[0]
    count = max(1, min(int(count), MAX_CHARACTERS, len(text) - window if project.dataset == "text" else MAX_CHARACTERS))
    chars = passage(project.dataset, params, text, window + count, int(series_seed))
    index = {c: i for i, c in enumerate(vocab)}
    unknown = index.get(UNKNOWN, 0)
    codes = np.array([index.get(c, unknown) for c in chars], dtype=np.int64)
    model = trainer.model
    was_training = model.training
    model.eval()
    try:
        with torch.inference_mode():
            device = next(model.parameters()).device
            onehot = torch.eye(size, device=device)[torch.as_tensor(codes, device=device)]
            windows = onehot.unfold(0, window, 1)[:count].transpose(1, 2)  # (count, window, size)
            logits = torch.cat([model(windows[i : i + 512]) for i in range(0, count, 512)]).double().cpu()
            target = torch.as_tensor(codes[window:])
            loss = float(torch.nn.functional.cross_entropy(logits, target))
            best = logits.argmax(1).numpy()
            drawn = sample(model, codes[:window], count, size, float(temperature), int(series_seed))
    finally:
        model.train(was_training)
    sampled = "".join(vocab[c] for c in drawn)
    found = words(sampled, chars[:window])  # the prompt's last word, finished by the model, is not its own
    return TextGeneration(
        step=trainer.step_count,
        series=int(series_seed),
        temperature=float(temperature),
        source=project.dataset,
        prompt=chars[:window],
        truth=chars[window:],
        teacher="".join(vocab[c] for c in best),
        sampled=sampled,
        loss=loss,
        uniform=math.log(size),
        accuracy=float(np.mean(best == codes[window:])),
        words=len(found),
        real_words=float(np.mean([w in known for w in found])) if found else float("nan"),
        distinct_words=len(set(found)) / len(found) if found else float("nan"),
        invented=invented_words(sampled, known, chars[:window]),
    )
