"""The user's own data: a CSV table or a folder of images sorted into class folders.

Everything here reads files the user picked, so every failure becomes a
`DataSourceError` whose message names the file, row or column to fix.
"""

from __future__ import annotations

import csv
import io
import math
import warnings
from pathlib import Path

import numpy as np
from PIL import Image

FLOAT32_MAX = float(np.finfo(np.float32).max)
MAX_CLASS_VALUES = 20  # 'auto' treats an integer label with at most this many values as classes
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".bmp", ".gif", ".tif", ".tiff", ".webp")


class DataSourceError(ValueError):
    """A file or folder that cannot become a dataset; the message is for the user."""


def read_text_file(path: str | Path, max_chars: int | None = None) -> str:
    """The start of a UTF-8 text file, refusing missing, binary and empty files with a clear message."""
    path = Path(path)
    if not path.is_file():
        raise DataSourceError(f"no such file: {path}")
    try:
        with path.open(encoding="utf-8-sig") as f:
            text = f.read(max_chars)
    except UnicodeDecodeError:
        raise DataSourceError(f"{path.name} is not a UTF-8 text file") from None
    if "\0" in text:
        raise DataSourceError(f"{path.name} is a binary file, not text")
    if not text.strip():
        raise DataSourceError(f"{path.name} is empty")
    return text


def read_csv_table(path: str | Path) -> tuple[list[str], np.ndarray]:
    """The header and the data rows (a string array) of a CSV file separated by commas, semicolons or tabs.

    The first line is the header; blank lines are skipped and cells stripped.
    """
    text = read_text_file(path)
    try:
        dialect = csv.Sniffer().sniff(text[:10_000], delimiters=",;\t")
    except csv.Error:  # a single column has no delimiter to find
        dialect = csv.excel
    header, *rows = ([cell.strip() for cell in row] for row in csv.reader(io.StringIO(text), dialect) if row)
    if not rows:
        raise DataSourceError(f"{Path(path).name} has a header but no data rows")
    if len(set(header)) < len(header):
        raise DataSourceError(f"{Path(path).name} has two columns with the same name in its header")
    for i, row in enumerate(rows):
        if len(row) != len(header):
            raise DataSourceError(
                f"row {_row_number(i)} has {len(row)} values but the header has {len(header)} columns"
            )
    return header, np.array(rows, dtype=str)


def _row_number(index: int) -> int:
    """The row as a spreadsheet shows it: the header is row 1."""
    return index + 2


def _numbers(cells: np.ndarray, column: str) -> np.ndarray:
    """A column parsed as finite numbers, naming the first cell that is not one."""
    values = np.empty(len(cells), dtype=np.float64)
    for i, cell in enumerate(cells):
        try:
            values[i] = float(cell)
        except ValueError:
            values[i] = math.nan
        if not math.isfinite(values[i]):
            raise DataSourceError(f"row {_row_number(i)}, column '{column}': '{clip(cell)}' is not a number")
        if abs(values[i]) > FLOAT32_MAX:
            raise DataSourceError(
                f"row {_row_number(i)}, column '{column}': {clip(cell)} is too large for the network's "
                f"32-bit numbers (at most ±{FLOAT32_MAX:.4g}): rescale the column"
            )
    return values


def clip(text: str, limit: int = 40) -> str:
    """A cell as a message shows it: a long one is cut, so an error stays one readable line."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _is_numeric(cells: np.ndarray) -> bool:
    try:
        return all(math.isfinite(float(cell)) for cell in cells)
    except ValueError:
        return False


def _classes(cells: np.ndarray, column: str) -> tuple[np.ndarray, list[str]]:
    """Class indices and sorted class names; numeric labels sort as numbers, so '10' comes after '9'."""
    keys = _numbers(cells, column) if _is_numeric(cells) else cells
    distinct, y = np.unique(keys, return_inverse=True)
    names = [f"{k:g}" if isinstance(k, float) else str(k) for k in distinct.tolist()]
    if len(names) < 2:
        raise DataSourceError(
            f"the label column '{column}' has only one class ('{names[0]}'); classification needs at least two"
        )
    return y.astype(np.int64), names


def _auto_task(cells: np.ndarray) -> str:
    """Classification for text labels and for few distinct integers, regression otherwise."""
    if not _is_numeric(cells):
        return "classification"
    values = np.array([float(cell) for cell in cells])
    few_integers = np.all(values == np.round(values)) and len(np.unique(values)) <= MAX_CLASS_VALUES
    return "classification" if few_integers else "regression"


def csv_dataset(
    path: str | Path, features: list[str] | None = None, label: str | None = None, task: str = "auto"
) -> tuple[np.ndarray, np.ndarray, list[str]]:
    """Features (float32, N×F), labels and class names (empty for regression) from a CSV file.

    The label defaults to the last column and the features to all the others.
    """
    if task not in ("classification", "regression", "auto"):
        raise DataSourceError(f"task must be classification, regression or auto, not '{task}'")
    header, rows = read_csv_table(path)
    label = header[-1] if label is None else label
    features = [c for c in header if c != label] if features is None else list(features)
    unknown = [c for c in [*features, label] if c not in header]
    if unknown:
        raise DataSourceError(
            f"unknown column{'s' * (len(unknown) > 1)} {', '.join(map(repr, unknown))} (known: {', '.join(header)})"
        )
    if label in features:
        raise DataSourceError(f"'{label}' cannot be both a feature and the label")
    if not features:
        raise DataSourceError("no feature columns: the table needs at least one besides the label")
    x = np.stack([_numbers(rows[:, header.index(c)], c) for c in features], 1).astype(np.float32)
    cells = rows[:, header.index(label)]
    if task == "auto":
        task = _auto_task(cells)
    if task == "regression":
        return x, _numbers(cells, label).astype(np.float32), []
    y, names = _classes(cells, label)
    return x, y, names


def _load_image(path: Path, size: int, colour: bool) -> np.ndarray:
    """One image as float32 (C, size, size) in [0, 1]; raises OSError or ValueError when unreadable."""
    with Image.open(path) as img:
        if img.mode == "P":  # palette transparency only converts cleanly through RGBA
            img = img.convert("RGBA")
        img = img.convert("RGB" if colour else "L").resize((size, size), Image.Resampling.BILINEAR)
    pixels = np.asarray(img, dtype=np.float32) / 255.0
    return pixels.transpose(2, 0, 1) if colour else pixels[None]


def image_folder_dataset(
    folder: str | Path, size: int, colour: bool = False, max_per_class: int | None = None
) -> tuple[np.ndarray, np.ndarray, list[str]]:
    """Images (float32, N×C×size×size in [0, 1]) and labels from one sub-folder per class.

    Class names are the sorted sub-folder names. Every image is resized to
    size×size, ignoring its aspect ratio. Unreadable files are skipped and
    reported in one warning; a class with no readable image is an error.
    """
    folder = Path(folder)
    if not folder.is_dir():
        raise DataSourceError(f"no such folder: {folder}")
    class_dirs = sorted(d for d in folder.iterdir() if d.is_dir() and not d.name.startswith("."))
    if len(class_dirs) < 2:
        raise DataSourceError(f"{folder.name} needs at least two sub-folders, one per class (found {len(class_dirs)})")
    images, labels, skipped = [], [], []
    for label, class_dir in enumerate(class_dirs):
        files = sorted(f for f in class_dir.iterdir() if f.is_file() and f.suffix.lower() in IMAGE_SUFFIXES)
        if not files:
            raise DataSourceError(f"class folder '{class_dir.name}' has no images ({', '.join(IMAGE_SUFFIXES)})")
        loaded, failed = 0, []
        for file in files:
            if max_per_class is not None and loaded >= max_per_class:
                break
            try:
                images.append(_load_image(file, size, colour))
            except (OSError, ValueError, Image.DecompressionBombError):
                failed.append(f"{class_dir.name}/{file.name}")
                continue
            labels.append(label)
            loaded += 1
        if not loaded:
            raise DataSourceError(f"no image in class folder '{class_dir.name}' could be read: {', '.join(failed)}")
        skipped += failed
    if skipped:
        warnings.warn(
            f"skipped {len(skipped)} unreadable image{'s' * (len(skipped) > 1)}: {', '.join(skipped)}", stacklevel=2
        )
    return np.stack(images), np.array(labels, dtype=np.int64), [d.name for d in class_dirs]
