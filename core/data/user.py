"""The user's own data: a CSV table or a folder of images sorted into class folders.

Everything here reads files the user picked, so every failure becomes a
`DataSourceError` whose message names the file, row or column to fix.
"""

from __future__ import annotations

import csv
import math
import warnings
from array import array
from collections.abc import Iterator
from pathlib import Path

import numpy as np
from PIL import Image

from core.data.progress import report

FLOAT32_MAX = float(np.finfo(np.float32).max)
PROGRESS_EVERY = 4_000_000  # characters of a CSV file between two progress reports
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


class Column:
    """One CSV column, read a cell at a time: numbers in a compact array while every cell is one,
    the cells' text once one is not. A large table so takes 8 bytes a number, not a string each."""

    def __init__(self, name: str):
        self.name = name
        self.values = array("d")
        self.texts: list[str] | None = None
        self.first_text: tuple[int, str] | None = None  # (row, cell) of the first cell that is not a number
        self.first_odd: tuple[int, str] | None = None  # ... of the first nan, inf or too large number

    def add(self, cell: str, row: int) -> None:
        if self.texts is not None:
            self.texts.append(cell)
            return
        try:
            value = float(cell)
        except ValueError:
            self.first_text = (row, cell)
            self.texts = [f"{v:g}" for v in self.values] + [cell]
            self.values = array("d")
            return
        if self.first_odd is None and not abs(value) <= FLOAT32_MAX:
            self.first_odd = (row, cell)
        self.values.append(value)

    @property
    def numeric(self) -> bool:
        return self.texts is None and self.first_odd is None

    def numbers(self) -> np.ndarray:
        """The column as finite float32-sized numbers, naming the first cell that is not one."""
        if self.first_text is not None:
            row, cell = self.first_text
            raise DataSourceError(f"row {row}, column '{self.name}': '{clip(cell)}' is not a number")
        if self.first_odd is not None:
            row, cell = self.first_odd
            if math.isfinite(float(cell)):
                raise DataSourceError(
                    f"row {row}, column '{self.name}': {clip(cell)} is too large for the network's "
                    f"32-bit numbers (at most ±{FLOAT32_MAX:.4g}): rescale the column"
                )
            raise DataSourceError(f"row {row}, column '{self.name}': '{clip(cell)}' is not a number")
        return np.frombuffer(self.values, dtype=np.float64)

    def __len__(self) -> int:
        return len(self.texts) if self.texts is not None else len(self.values)


def read_csv_table(path: str | Path) -> tuple[list[str], list[Column]]:
    """The column names and columns of a CSV file separated by commas, semicolons or tabs.

    The file is read a row at a time. The first row is the header unless every cell of it is a
    number: then the columns are named 'column 1', 'column 2' … Blank lines are skipped and cells
    stripped; row numbers in messages are the file's own, as a spreadsheet shows them.
    """
    path = Path(path)
    sample = read_text_file(path, max_chars=65_536)
    try:
        dialect = csv.Sniffer().sniff(sample[:10_000], delimiters=",;\t")
    except csv.Error:  # a single column has no delimiter to find
        dialect = csv.excel
    header: list[str] | None = None
    columns: list[Column] = []
    try:
        with path.open(encoding="utf-8-sig", newline="") as f:
            reader = csv.reader(_reporting_lines(f, path), dialect)
            for cells in reader:
                if not cells:
                    continue
                cells = [cell.strip() for cell in cells]
                if header is None:
                    header = _header(path, cells)
                    columns = [Column(name) for name in header]
                    if header is cells:  # a real header, not a first row of numbers
                        continue
                if len(cells) != len(header):
                    raise DataSourceError(
                        f"row {reader.line_num} has {len(cells)} values but the header has {len(header)} columns"
                    )
                for column, cell in zip(columns, cells, strict=True):
                    column.add(cell, reader.line_num)
    except csv.Error as err:
        too_long = "field larger than field limit" in str(err)
        why = f"a cell is longer than {csv.field_size_limit():,} characters" if too_long else str(err)
        raise DataSourceError(f"{path.name}, row {reader.line_num}: {why}; is it really a CSV table?") from None
    except UnicodeDecodeError:
        raise DataSourceError(f"{path.name} is not a UTF-8 text file") from None
    if header is None:
        raise DataSourceError(f"{path.name} is empty")
    if not columns or not len(columns[0]):
        raise DataSourceError(f"{path.name} has a header but no data rows")
    return header, columns


def _reporting_lines(f, path: Path) -> Iterator[str]:
    """The file's lines, reporting the share read every PROGRESS_EVERY characters (about as many bytes)."""
    every = PROGRESS_EVERY
    size, done, next_report = max(path.stat().st_size, 1), 0, every
    for line in f:
        done += len(line)
        if done >= next_report:
            next_report += every
            report(path.name, done / size)
        yield line


def _header(path: Path, cells: list[str]) -> list[str]:
    """The column names: the first row's cells, or generated ones if that row holds only numbers."""
    if all(_is_number(cell) for cell in cells):
        return [f"column {i}" for i in range(1, len(cells) + 1)]
    if len(set(cells)) < len(cells):
        raise DataSourceError(f"{path.name} has two columns with the same name in its header")
    return cells


def _is_number(cell: str) -> bool:
    try:
        float(cell)
    except ValueError:
        return False
    return True


def clip(text: str, limit: int = 40) -> str:
    """A cell as a message shows it: a long one is cut, so an error stays one readable line."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _classes(column: Column) -> tuple[np.ndarray, list[str]]:
    """Class indices and sorted class names; numeric labels sort as numbers, so '10' comes after '9'."""
    keys = column.numbers() if column.texts is None else np.array(column.texts)
    distinct, y = np.unique(keys, return_inverse=True)
    names = [f"{k:g}" if isinstance(k, float) else clip(str(k)) for k in distinct.tolist()]
    if len(names) < 2:
        raise DataSourceError(
            f"the label column '{column.name}' has only one class ('{names[0]}'); classification needs at least two"
        )
    return y.astype(np.int64), names


def _auto_task(column: Column) -> str:
    """Classification for text labels and for few distinct integers, regression otherwise."""
    if not column.numeric:
        return "classification"
    values = column.numbers()
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
    header, columns = read_csv_table(path)
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
    x = np.empty((len(columns[0]), len(features)), dtype=np.float32)
    for j, name in enumerate(features):
        x[:, j] = columns[header.index(name)].numbers()
    target = columns[header.index(label)]
    if task == "auto":
        task = _auto_task(target)
    if task == "regression":
        return x, target.numbers().astype(np.float32), []
    y, names = _classes(target)
    return x, y, names


def _load_image(path: Path, size: int, colour: bool) -> np.ndarray:
    """One image as float32 (C, size, size) in [0, 1]; raises OSError or ValueError when unreadable.

    8-bit images are divided by 255; 16-bit ones by 65535; 32-bit integer and floating-point
    images (TIFFs from instruments) are scaled by their own smallest and largest value."""
    with Image.open(path) as img:
        if img.mode in ("I", "F") or img.mode.startswith("I;16"):
            grey = _wide_pixels(img, path)
            img = Image.fromarray(grey, mode="F").resize((size, size), Image.Resampling.BILINEAR)
            pixels = np.clip(np.asarray(img, dtype=np.float32), 0.0, 1.0)
            return np.repeat(pixels[None], 3, 0) if colour else pixels[None]
        if img.mode == "P":  # palette transparency only converts cleanly through RGBA
            img = img.convert("RGBA")
        img = img.convert("RGB" if colour else "L").resize((size, size), Image.Resampling.BILINEAR)
    pixels = np.asarray(img, dtype=np.float32) / 255.0
    return pixels.transpose(2, 0, 1) if colour else pixels[None]


def _wide_pixels(img: Image.Image, path: Path) -> np.ndarray:
    """A 16-bit, 32-bit or float image's single channel as float32 in [0, 1]."""
    values = np.asarray(img).astype(np.float64)
    if not np.isfinite(values).all():
        raise ValueError(f"{path.name} holds pixels that are not finite numbers")
    if img.mode.startswith("I;16"):
        return (values / 65535.0).astype(np.float32)
    low, high = float(values.min()), float(values.max())
    return ((values - low) / (high - low) if high > low else np.zeros_like(values)).astype(np.float32)


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
