"""The dataset catalogue: every dataset a project can name, with its parameters.

Each kind declares typed parameters like a layer does; `load_dataset` turns a
name and parameters into arrays split into train and test, the same arrays
for the same seed on every machine. The makers for files, sequences and
photographs live in the `data_*` modules and are imported only when used.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

from core.data import drawn as data_drawn
from core.data import files as data_files
from core.data import toys as data_toys
from core.data import transforms as data_transforms
from core.data.memory import check_fits
from core.data.progress import Reporter, reporting
from core.params import Param, ParamError, validate_params
from core.words import translate


class DatasetError(ValueError):
    """A dataset that cannot be loaded (a missing or broken file); the message is for the user."""


@dataclass
class Data:
    name: str
    x_train: np.ndarray
    y_train: np.ndarray
    x_test: np.ndarray
    y_test: np.ndarray
    input_shape: tuple[int, ...]
    num_classes: int  # 0 for regression and reconstruction
    class_names: list[str]
    read_chars: int = 0  # a text file longer than a dataset reads: the characters read from its start
    reconstructs: bool = False  # the target is the input itself (an autoencoder)

    @property
    def is_2d(self) -> bool:
        return self.input_shape == (2,)

    @property
    def target_shape(self) -> tuple[int, ...]:
        """What the network must output per sample for a regression or reconstruction target."""
        return tuple(self.y_train.shape[1:]) or (1,)


@dataclass
class Arrays:
    """What a maker returns: samples, targets and class names (none for regression);
    datasets published with their own test set also give it."""

    x: np.ndarray
    y: np.ndarray
    classes: list[str] = field(default_factory=list)
    x_test: np.ndarray | None = None
    y_test: np.ndarray | None = None
    read_chars: int = 0  # a text file cut at MAX_TEXT_CHARS: how many were read


@dataclass(frozen=True)
class DatasetKind:
    name: str
    group: str
    help: str
    params: tuple[Param, ...]
    make: Callable[[dict, np.random.Generator], Arrays]
    image_transforms: bool = False  # labelled images: takes core.data.transforms' parameters


_COMMON = (
    Param(
        "test_ratio",
        "float",
        0.3,
        "Share of samples held out for testing (files with their own test set keep it)",
        0.05,
        0.9,
    ),
    Param("seed", "int", 0, "Random seed of the sampling and the split", 0, 2**31 - 1),
)
_TARGET = Param(
    "target",
    "choice",
    "labels",
    "What the network learns to output: the dataset's labels (classes or values), or the input itself "
    "(an autoencoder, trained with the squared error)",
    choices=("labels", "input"),
)
_N = Param("n_samples", "int", 400, "How many points to draw", 20, 100_000)
_NOISE = Param("noise", "float", 0.1, "Standard deviation of the jitter added to each point", 0.0, 2.0)
_CLASSES = Param("classes", "int", 2, "Number of classes", 2, 8)
_FOLDER = Param("folder", "text", "", "Folder holding the files (empty: Neurona's download cache)")
_MAX_TRAIN = Param("max_train", "int", 60_000, "Use at most this many training samples", 100, 1_000_000)


def _toy(make):
    return lambda p, rng: Arrays(*make(p, rng))


def _gaussian_features(p, rng):
    """Standard normal vectors, classed by a random linear teacher: the inputs whose statistics the
    initialisation rules (Glorot, He) assume."""
    x = rng.standard_normal((p["n_samples"], p["features"]))
    teacher = rng.standard_normal((p["features"], p["classes"]))
    return Arrays(x, (x @ teacher).argmax(1), [f"class {k + 1}" for k in range(p["classes"])])


# ---- images --------------------------------------------------------------------------------


def _digits(p, rng):
    """The 1,797 digits; for transfer lessons, one half of the images (halves fixed by the seed, so a
    network trained on one half has never seen the other), some of the digits (numbered from 0), and
    `per_class` training images of each digit, every other image testing."""
    from sklearn.datasets import load_digits

    digits = load_digits()
    x, y = (digits.data / 16.0).reshape(-1, 1, 8, 8), digits.target
    if p["images"] != "all":  # its own draw: both halves come from the same one, and the split stays as it was
        halves = np.random.default_rng([p["seed"], 1797]).permutation(len(y))
        half = halves[: len(y) // 2] if p["images"] == "first half" else halves[len(y) // 2 :]
        x, y = x[np.sort(half)], y[np.sort(half)]
    low, high = (int(d) for d in p["digits"].split("-"))
    keep = (y >= low) & (y <= high)
    x, y, names = x[keep], y[keep] - low, [str(i) for i in range(low, high + 1)]
    if not p["per_class"]:
        return Arrays(x, y, names)
    counts = np.bincount(y, minlength=len(names))
    if counts.min() <= p["per_class"]:
        raise DatasetError(
            f"dataset 'digits': per_class {p['per_class']} leaves no test images of the digit "
            f"{names[int(counts.argmin())]} ({counts.min()} images): choose fewer"
        )
    train = np.sort(
        np.concatenate([rng.choice(np.flatnonzero(y == k), p["per_class"], replace=False) for k in range(len(names))])
    )
    test = np.setdiff1d(np.arange(len(y)), train)
    return Arrays(x[train], y[train], names, x[test], y[test])


def _patches(p, rng):
    from core.data.patches import image_patches

    x = image_patches(p["n_samples"], p["size"], p["colour"], p["whiten"], rng)
    return Arrays(x, x)  # the target is the patch itself: a network learns to reconstruct it


def _published(loader, classes):
    def make(p, rng):
        from core.data.download import default_cache_dir

        folder = p["folder"] or default_cache_dir() / _CACHE_SUBFOLDER[loader]
        if not p["folder"] and not folder.is_dir():
            raise DatasetError(
                translate(
                    "datasets",
                    "{0} is not in the download cache ({1}) yet: download it with 'python main.py download {0}' "
                    "or from the dataset panel, or choose the folder that holds its files",
                ).format(loader, folder)
            )
        x, y, x_test, y_test = _file_loader(loader)(folder)
        if len(x) > p["max_train"]:
            keep = np.sort(rng.choice(len(x), p["max_train"], replace=False))
            x, y = x[keep], y[keep]
        return Arrays(x, y, classes, x_test, y_test)

    return make


_CACHE_SUBFOLDER = {"mnist": "mnist", "fashion_mnist": "fashion_mnist", "cifar10": "cifar10/cifar-10-batches-bin"}


def _file_loader(name: str):
    return data_files.load_cifar10_folder if name == "cifar10" else data_files.load_idx_folder


def _image_folder(p, rng):
    from core.data.user import image_folder_dataset

    x, y, classes = image_folder_dataset(_required(p, "folder"), p["size"], p["colour"], p["max_per_class"])
    return Arrays(x, y, classes)


# ---- sequences and tables --------------------------------------------------------------------


def _sine(p, rng):
    from core.data.sequences import noisy_sine

    return Arrays(*noisy_sine(p["n_samples"], p["steps"], p["noise"], rng))


def _adding(p, rng):
    from core.data.sequences import adding_problem

    return Arrays(*adding_problem(p["n_samples"], p["steps"], rng))


def _parity(p, rng):
    from core.data.sequences import parity

    x, y = parity(p["n_samples"], p["steps"], rng)
    return Arrays(x, y, ["even", "odd"])


def _key_position(p, rng):
    """With `unseen`, training keys lie in the first half and test keys in the second: positions
    the training never showed."""
    from core.data.sequences import key_position

    n, steps, classes = p["n_samples"], p["steps"], ["A", "B"]
    if not p["unseen"]:
        return Arrays(*key_position(n, steps, (0, steps), rng), classes)
    n_test = max(1, int(round(n * p["test_ratio"])))
    half = steps // 2
    x, y = key_position(n - n_test, steps, (0, half), rng)
    x_test, y_test = key_position(n_test, steps, (half, steps), rng)
    return Arrays(x, y, classes, x_test, y_test)


def source_text(name: str, p: dict) -> str:
    """The whole text a next-character dataset cuts its windows from (validated parameters): the
    grammar's sentences for "sentences", the start of the user's file for "text"."""
    if name == "sentences":
        from core.data.grammar import sentences

        return sentences(p["sentences"], p["language"], np.random.default_rng(p["seed"]))
    if name == "text":
        from core.data.user import read_text_file

        return read_text_file(_required(p, "file"), max_chars=MAX_TEXT_CHARS)
    raise ValueError(f"the dataset '{name}' is not a text")


MAX_TEXT_CHARS = 2_000_000  # a longer file is read up to here


def _characters(name: str):
    def make(p, rng):
        from core.data.sequences import char_sequences

        text = source_text(name, p)
        x, y, vocab = char_sequences(text, p["steps"], p["n_samples"], rng)
        cut = name == "text" and len(text) == MAX_TEXT_CHARS and _longer(p["file"], text)
        return Arrays(x, y, [repr(c)[1:-1] for c in vocab], read_chars=len(text) if cut else 0)

    return make


def _longer(path: str, text: str) -> bool:
    """Whether the file holds more than `text`, the start read from it."""
    from pathlib import Path

    return Path(path).stat().st_size > len(text.encode("utf-8"))


def _points(p, rng):
    """Points the user placed by clicking on the plane, stored in the project as JSON [[x, y, class], ...]."""
    import json

    try:
        rows = json.loads(p["points"] or "[]")
        x = np.array([[float(r[0]), float(r[1])] for r in rows], dtype=np.float32).reshape(-1, 2)
        y = np.array([int(r[2]) for r in rows], dtype=np.int64)
    except (ValueError, TypeError, IndexError, KeyError):
        raise DatasetError("the points must be a JSON list of [x, y, class] triples") from None
    if len(x) < 4:
        raise DatasetError(
            translate("datasets", "{0} points so far: click on the plane to add at least 4").format(len(x))
        )
    if ((y < 0) | (y >= p["classes"])).any() or not np.isfinite(x).all():
        raise DatasetError(f"every point needs finite coordinates and a class from 0 to {p['classes'] - 1}")
    try:
        names = [str(name) for name in json.loads(p["names"] or "[]")]
    except (ValueError, TypeError):
        raise DatasetError("the class names must be a JSON list of strings") from None
    if len(names) != p["classes"]:
        names = [f"class {k}" for k in range(p["classes"])]
    return Arrays(x, y, names)


def points_json(x: np.ndarray, y: np.ndarray) -> str:
    """The `points` parameter holding these points (rounded: a project file stays readable)."""
    import json

    return json.dumps([[round(float(a), 4), round(float(b), 4), int(c)] for (a, b), c in zip(x, y, strict=True)])


def _csv(p, rng):
    from core.data.user import csv_dataset

    features = [c.strip() for c in p["features"].split(",") if c.strip()] or None
    x, y, classes = csv_dataset(_required(p, "file"), features, p["label"] or None, p["task"])
    return Arrays(x, y, classes)


def _required(p: dict, name: str) -> str:
    if not p[name]:
        words = {
            "file": translate("datasets", "choose a file for this dataset"),
            "folder": translate("datasets", "choose a folder for this dataset"),
        }
        raise DatasetError(words.get(name, f"choose a {name} for this dataset"))
    return p[name]


_P = Param
_STEPS = _P("steps", "int", 20, "Length of each sequence", 2, 1000)
_IMAGE_SIZE = _P("size", "int", 28, "Images are resized to size × size pixels", 4, 256)
_COLOUR = _P("colour", "bool", False, "Keep the colour channels (else grey)")

KINDS: dict[str, DatasetKind] = {
    k.name: k
    for k in [
        DatasetKind(
            "circle", "2-D", "A disc inside a ring: not separable by a line", (_N, _NOISE), _toy(data_toys.circle)
        ),
        DatasetKind(
            "xor", "2-D", "Quadrants: same-sign points against different-sign points", (_N, _NOISE), _toy(data_toys.xor)
        ),
        DatasetKind(
            "gaussian", "2-D", "Round clusters, one per class", (_N, _NOISE, _CLASSES), _toy(data_toys.gaussian)
        ),
        DatasetKind(
            "spiral",
            "2-D",
            "Interleaved spiral arms, one per class",
            (_N, _NOISE, _CLASSES, _P("turns", "float", 1.0, "How many times each arm winds", 0.25, 3.0)),
            _toy(data_toys.spiral),
        ),
        DatasetKind("moons", "2-D", "Two interleaving half circles", (_N, _NOISE), _toy(data_toys.moons)),
        DatasetKind(
            "logic",
            "2-D",
            "The four corners of a logic gate's truth table (AND, OR, XOR)",
            (
                _N,
                _P("noise", "float", 0.1, "Jitter around each corner", 0.0, 1.0),
                _P("gate", "choice", "and", "Which gate labels the corners", choices=("and", "or", "xor")),
            ),
            _toy(data_toys.logic),
        ),
        DatasetKind(
            "boundary",
            "2-D",
            "Points above and below a curve you pick",
            (
                _N,
                _NOISE,
                _P("curve", "choice", "sine", "The curve between the classes", choices=tuple(data_toys.CURVES)),
            ),
            _toy(data_toys.boundary),
        ),
        DatasetKind(
            "plane",
            "2-D regression",
            "A tilted plane with noise: the simplest regression",
            (_N, _NOISE),
            _toy(data_toys.plane),
        ),
        DatasetKind(
            "bumps",
            "2-D regression",
            "A surface of Gaussian bumps and dips",
            (
                _N,
                _P("noise", "float", 0.05, "Noise added to each target", 0.0, 2.0),
                _P("bumps", "int", 4, "How many bumps and dips", 1, 12),
            ),
            _toy(data_toys.bumps),
        ),
        DatasetKind(
            "function",
            "1-D regression",
            "Points of a function of x you pick, with noise: fit it with a few hidden units or many",
            (
                _P("n_samples", "int", 200, "How many points to draw", 20, 100_000),
                _P("noise", "float", 0.05, "Noise added to each target", 0.0, 2.0),
                _P(
                    "function",
                    "choice",
                    "sine",
                    "The function of x in [−1, 1]: sine sin 2πx, step ±1, abs |x|, bump exp(−8x²), cubic 3(x³ − x), "
                    "drawn: the curve you draw in the Approximation view",
                    choices=(*data_toys.FUNCTIONS, "drawn"),
                ),
                _P(
                    "drawing",
                    "text",
                    "",
                    "Your drawn curve as JSON [[x, y], ...], for the function 'drawn'",
                    0,
                    1_000_000,
                ),
            ),
            _toy(data_drawn.function),
        ),
        DatasetKind(
            "gaussian_features",
            "vectors",
            "Vectors of independent standard normal values; the class is a random linear function of them",
            (
                _P("n_samples", "int", 1000, "How many vectors to draw", 20, 100_000),
                _P("features", "int", 256, "Values in each vector", 1, 4096),
                _CLASSES,
            ),
            _gaussian_features,
        ),
        DatasetKind(
            "digits",
            "images",
            "scikit-learn's 1,797 handwritten digits, 8×8 pixels",
            (
                _P(
                    "images",
                    "choice",
                    "all",
                    "All the images, or one half of them (the seed draws the halves)",
                    choices=("all", "first half", "second half"),
                ),
                _P(
                    "digits",
                    "choice",
                    "0-9",
                    "Which digits; a part of them is numbered from 0",
                    choices=("0-9", "0-4", "5-9"),
                ),
                _P(
                    "per_class",
                    "int",
                    0,
                    "Training images of each digit, every other one testing (0: test_ratio splits)",
                    0,
                    150,
                ),
            ),
            _digits,
            image_transforms=True,
        ),
        DatasetKind(
            "patches",
            "images",
            "Patches of scikit-learn's two photographs, to reconstruct (autoencoders)",
            (
                _P("n_samples", "int", 5000, "How many patches to cut", 100, 200_000),
                _P("size", "int", 8, "Side of each square patch in pixels", 3, 32),
                _COLOUR,
                _P("whiten", "bool", True, "Decorrelate neighbouring pixels (ZCA whitening)"),
            ),
            _patches,
        ),
        DatasetKind(
            "mnist",
            "images",
            "70,000 handwritten digits, 28×28 (IDX files)",
            (_FOLDER, _MAX_TRAIN),
            _published("mnist", data_files.MNIST_CLASSES),
            image_transforms=True,
        ),
        DatasetKind(
            "fashion_mnist",
            "images",
            "70,000 photos of clothes, 28×28 (IDX files)",
            (_FOLDER, _MAX_TRAIN),
            _published("fashion_mnist", data_files.FASHION_MNIST_CLASSES),
            image_transforms=True,
        ),
        DatasetKind(
            "cifar10",
            "images",
            "60,000 colour photos in 10 classes, 32×32 (binary batches)",
            (_FOLDER, _P("max_train", "int", 50_000, "Use at most this many training samples", 100, 50_000)),
            _published("cifar10", data_files.CIFAR10_CLASSES),
            image_transforms=True,
        ),
        DatasetKind(
            "image_folder",
            "your data",
            "Your images: one sub-folder per class",
            (
                _P("folder", "text", "", "Folder with one sub-folder of images per class"),
                _IMAGE_SIZE,
                _COLOUR,
                _P("max_per_class", "int", 1000, "Use at most this many images per class", 1, 1_000_000),
            ),
            _image_folder,
            image_transforms=True,
        ),
        DatasetKind(
            "points",
            "your data",
            "Your points: click on the decision boundary's plane to place points of a class",
            (
                _P("points", "text", "", "The points as JSON: [[x, y, class], ...]", 0, 1_000_000),
                _CLASSES,
                _P("names", "text", "", 'The classes\' names as JSON, e.g. ["disc", "ring"] (empty: class 0, …)'),
            ),
            _points,
        ),
        DatasetKind(
            "csv",
            "your data",
            "Your table: a CSV file with feature columns and a label column",
            (
                _P("file", "text", "", "The CSV file"),
                _P("features", "text", "", "Feature columns, separated by commas (empty: all but the label)"),
                _P("label", "text", "", "Label column (empty: the last one)"),
                _P(
                    "task",
                    "choice",
                    "auto",
                    "Classes or numbers to predict",
                    choices=("auto", "classification", "regression"),
                ),
            ),
            _csv,
        ),
        DatasetKind(
            "sine",
            "sequences",
            "Predict the next value of a noisy sine wave",
            (
                _P("n_samples", "int", 1000, "How many sequences", 20, 100_000),
                _STEPS,
                _P("noise", "float", 0.05, "Noise on every value", 0.0, 1.0),
            ),
            _sine,
        ),
        DatasetKind(
            "adding",
            "sequences",
            "The adding problem: sum the two marked values of a long sequence",
            (_P("n_samples", "int", 2000, "How many sequences", 20, 100_000), _STEPS),
            _adding,
        ),
        DatasetKind(
            "parity",
            "sequences",
            "Is the number of ones in a bit sequence odd?",
            (
                _P("n_samples", "int", 2000, "How many sequences", 20, 100_000),
                _P("steps", "int", 8, "Bits per sequence", 2, 1000),
            ),
            _parity,
        ),
        DatasetKind(
            "key_position",
            "sequences",
            "Which key, A or B, hides among distractors? Test keys can sit where training never put one",
            (
                _P("n_samples", "int", 2000, "How many sequences", 20, 100_000),
                _STEPS,
                _P("unseen", "bool", True, "Train on keys in the first half only, test on the second half"),
            ),
            _key_position,
        ),
        DatasetKind(
            "text",
            "sequences",
            "Predict the next character of a text file you pick",
            (
                _P("file", "text", "", "A UTF-8 text file"),
                _STEPS,
                _P("n_samples", "int", 5000, "How many windows of the text to use", 20, 1_000_000),
            ),
            _characters("text"),
        ),
        DatasetKind(
            "sentences",
            "sequences",
            "Predict the next character of sentences from a small grammar (no file needed)",
            (
                _P("language", "choice", "english", "The grammar's language", choices=("english", "spanish")),
                _P("sentences", "int", 1000, "How many sentences the text has", 10, 100_000),
                _STEPS,
                _P("n_samples", "int", 5000, "How many windows of the text to use", 20, 1_000_000),
            ),
            _characters("sentences"),
        ),
    ]
}


def dataset_params(name: str) -> tuple[Param, ...]:
    if name not in KINDS:
        raise ParamError(f"unknown dataset '{name}' (known: {', '.join(KINDS)})")
    target = () if name in INPUT_TARGET else (_TARGET,)
    return target + KINDS[name].params + (data_transforms.PARAMS if KINDS[name].image_transforms else ()) + _COMMON


INPUT_TARGET = ("patches",)  # datasets whose target always is the input: they need no choice


def reconstructs(name: str, params: dict) -> bool:
    """Whether the network learns to output its own input (validated parameters)."""
    return name in INPUT_TARGET or params.get("target") == "input"


TITLES = {  # what the user reads; the names stay what project files and the command line use
    "circle": "Disc in a ring",
    "xor": "XOR quadrants",
    "gaussian": "Gaussian clusters",
    "spiral": "Spiral",
    "moons": "Two moons",
    "logic": "Logic gate",
    "boundary": "Curved boundary",
    "plane": "Tilted plane",
    "bumps": "Bumps and dips",
    "function": "A function of x",
    "gaussian_features": "Gaussian vectors",
    "digits": "Digits (8×8)",
    "patches": "Photograph patches",
    "mnist": "MNIST",
    "fashion_mnist": "Fashion-MNIST",
    "cifar10": "CIFAR-10",
    "image_folder": "Your images",
    "points": "Your points",
    "csv": "Your table (CSV)",
    "sine": "Noisy sine",
    "adding": "Adding problem",
    "parity": "Parity",
    "key_position": "Key position",
    "text": "Your text",
    "sentences": "Grammar sentences",
}


def dataset_title(name: str) -> str:
    """The dataset's name for people: "Gaussian clusters", not "gaussian"."""
    return TITLES.get(name) or name.replace("_", " ").capitalize()


def validate_dataset(name: str, params: dict) -> dict:
    return validate_params(f"dataset '{name}'", dataset_params(name), params)


_PEAK_BYTES = {  # (n_samples, steps, params) -> the most memory the maker holds at once
    "gaussian_features": lambda n, steps, p: n * p["features"] * 8 * 2.5,  # float64 draws, a float32 copy, scores
    "sine": lambda n, steps, p: n * (steps + 1) * 8 * 3,
    "adding": lambda n, steps, p: n * steps * 8 * 4,
    "parity": lambda n, steps, p: n * steps * 8 * 2,
    "key_position": lambda n, steps, p: n * steps * (8 + 3 * 4),
    "patches": lambda n, steps, p: n * p["size"] ** 2 * (3 if p["colour"] else 1) * 4 * 4,
}


def _check_size(name: str, p: dict) -> None:
    """Refuse parameters whose arrays would not fit in memory, before making any (peak bytes per kind;
    a text's size depends on the file, so core.data.sequences checks it)."""
    estimate = _PEAK_BYTES.get(name)
    if estimate is None:
        return
    peak = estimate(p["n_samples"], p.get("steps", 1), p)
    lower = "n_samples" + (" or steps" if "steps" in p else " or features" if "features" in p else "")
    check_fits(f"the dataset '{name}' with these settings", peak, lower)


def _check_finite(name: str, values: np.ndarray, what: str) -> None:
    """Refuse values that overflowed 32 bits (or were never numbers), naming the first sample."""
    if values.dtype.kind != "f" or np.isfinite(values).all():
        return
    flat = values.reshape(len(values), -1)
    sample, column = (int(i) for i in np.argwhere(~np.isfinite(flat))[0])
    raise DatasetError(
        f"dataset '{name}': sample {sample + 1}, {what} value {column + 1} is not a finite 32-bit number "
        "(too large, or not a number): rescale the data"
    )


def load_dataset(name: str, params: dict | None = None, progress: Reporter | None = None) -> Data:
    """Make or read a dataset and split it; a file problem becomes a DatasetError. A long read
    (a large CSV file) calls `progress(what, share)` as it goes."""
    p = validate_dataset(name, params or {})
    rng = np.random.default_rng(p["seed"])
    try:
        _check_size(name, p)
        with reporting(progress):
            arrays = KINDS[name].make(p, rng)
    except DatasetError:
        raise
    except ValueError as err:  # the file readers' own errors carry the user's message
        raise DatasetError(f"dataset '{name}': {err}") from None
    except OSError as err:
        raise DatasetError(f"dataset '{name}': cannot read {err.filename or 'a file'}: {err.strerror or err}") from None
    if KINDS[name].image_transforms:
        try:
            test_count = 0 if arrays.x_test is None else len(arrays.x_test)
            data_transforms.check(np.shape(arrays.x)[1:], len(arrays.x) + test_count, p)
        except ValueError as err:  # settings that cannot work, or images too large for the memory
            raise DatasetError(f"dataset '{name}': {err}") from None
        arrays.x = data_transforms.transform(arrays.x, p, p["seed"])
        if arrays.x_test is not None:
            arrays.x_test = data_transforms.transform(arrays.x_test, p, p["seed"] + 1)
    if p.get("target") == "input":  # an autoencoder: the input is its own target, the labels are set aside
        arrays = Arrays(arrays.x, arrays.x, [], arrays.x_test, arrays.x_test, arrays.read_chars)
    x = np.asarray(arrays.x, dtype=np.float32)
    y = x if p.get("target") == "input" else np.asarray(arrays.y, dtype=np.int64 if arrays.classes else np.float32)
    _check_finite(name, x, "input")
    _check_finite(name, y, "target")
    if arrays.x_test is not None:
        x_test = np.asarray(arrays.x_test, dtype=np.float32)
        y_test = x_test if p.get("target") == "input" else np.asarray(arrays.y_test, dtype=y.dtype)
        _check_finite(name, x_test, "test input")
        return Data(
            name,
            x,
            y,
            x_test,
            y_test,
            tuple(x.shape[1:]),
            len(arrays.classes),
            arrays.classes,
            reconstructs=reconstructs(name, p),
        )
    order = rng.permutation(len(x))
    n_test = max(1, int(round(len(x) * p["test_ratio"])))
    test, train = order[:n_test], order[n_test:]
    shape = tuple(x.shape[1:])
    return Data(
        name,
        x[train],
        y[train],
        x[test],
        y[test],
        shape,
        len(arrays.classes),
        arrays.classes,
        arrays.read_chars,
        reconstructs(name, p),
    )
