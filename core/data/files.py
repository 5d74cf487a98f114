"""Readers for the files real image datasets ship as: IDX (MNIST, Fashion-MNIST) and CIFAR-10's binary batches.

Nothing here unpickles: a file from the internet is data, never code. Every
problem a user can meet with a file on disk becomes a DataFileError that
names the file and says what is wrong with it, so the app can show it as is.
"""

from __future__ import annotations

import gzip
import math
import zlib
from pathlib import Path

import numpy as np


class DataFileError(ValueError):
    """A data file is missing or is not what its name says; the message is for the user."""


# IDX type codes and the big-endian dtypes they stand for (see http://yann.lecun.com/exdb/mnist/).
_IDX_TYPES = {0x08: ">u1", 0x09: ">i1", 0x0B: ">i2", 0x0C: ">i4", 0x0D: ">f4", 0x0E: ">f8"}
_IDX_TYPE_NAMES = "0x08 ubyte, 0x09 byte, 0x0B short, 0x0C int, 0x0D float, 0x0E double"
_CHUNK = 1 << 22  # bytes read at a time
_MAX_EXTRA = 1 << 20  # bytes beyond the header's promise that are counted (a gzip bomb is never read to its end)
_MAX_IDX_BYTES = 1 << 33  # 8 GiB: far above any real IDX file, below what a corrupt header can claim

IDX_FILES = ("train-images-idx3-ubyte", "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte")

MNIST_CLASSES = [str(i) for i in range(10)]
FASHION_MNIST_CLASSES = [
    "T-shirt/top",
    "Trouser",
    "Pullover",
    "Dress",
    "Coat",
    "Sandal",
    "Shirt",
    "Sneaker",
    "Bag",
    "Ankle boot",
]
# The order of batches.meta.txt in the CIFAR-10 archive: label i is CIFAR10_CLASSES[i].
CIFAR10_CLASSES = ["airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse", "ship", "truck"]

_CIFAR_SIDE = 32
_CIFAR_RECORD = 1 + 3 * _CIFAR_SIDE * _CIFAR_SIDE  # one label byte, then the red, green and blue planes
_CIFAR_MAX_RECORDS = 60_000  # a real batch holds 10,000 images; this bounds what a corrupt gzip may expand to
CIFAR10_TRAIN_FILES = tuple(f"data_batch_{i}.bin" for i in range(1, 6))
CIFAR10_TEST_FILE = "test_batch.bin"
CIFAR10_SUBFOLDER = "cifar-10-batches-bin"


class _Reader:
    """A data file read as a stream, un-gzipped if it is a gzip stream whatever its name (browsers often
    unpack .gz), so a reader takes only the bytes it needs: a small gzip bomb cannot fill the memory."""

    def __init__(self, path: Path):
        self.path, self.name = path, path.name
        try:
            raw = open(path, "rb")  # noqa: SIM115 - closed in close()
        except FileNotFoundError:
            raise DataFileError(f"{path} does not exist") from None
        except OSError as e:
            raise DataFileError(f"{path.name} cannot be read: {e.strerror or e}") from None
        self.gzipped = raw.read(2) == b"\x1f\x8b"
        raw.seek(0)
        self.stream = gzip.GzipFile(fileobj=raw, mode="rb") if self.gzipped else raw
        self._raw = raw

    def read(self, n: int) -> bytes:
        """Up to n bytes; fewer only at the end of the data. Read in chunks, so a header that
        promises gigabytes costs only what the file really holds."""
        try:
            if n <= _CHUNK:
                return self.stream.read(n)
            out = bytearray()
            while len(out) < n:
                chunk = self.stream.read(min(_CHUNK, n - len(out)))
                if not chunk:
                    break
                out += chunk
            return bytes(out)
        except (OSError, EOFError, zlib.error) as e:
            if not self.gzipped:
                raise DataFileError(f"{self.name} cannot be read: {getattr(e, 'strerror', None) or e}") from None
            raise DataFileError(f"{self.name} is a broken gzip file ({e}): download it again") from None

    def __enter__(self) -> _Reader:
        return self

    def __exit__(self, *exc) -> None:
        self.stream.close()
        self._raw.close()


def _read_bytes(path: Path, limit: int) -> bytes:
    """The file's (un-gzipped) content, refused if it holds more than `limit` bytes."""
    with _Reader(path) as reader:
        data = reader.read(limit + 1)
    if len(data) > limit:
        raise DataFileError(f"{path.name} holds more than {limit:,} bytes, more than any file of its kind")
    return data


def read_idx(path: str | Path) -> np.ndarray:
    """The array stored in an IDX file (plain or gzipped), in native byte order.

    Only the bytes its header declares are ever decompressed (one more, to see if the file holds more)."""
    path = Path(path)
    name = path.name
    with _Reader(path) as reader:
        head = reader.read(4)
        if len(head) < 4:
            raise DataFileError(f"{name} is too short to be an IDX file: it holds only {len(head)} bytes")
        if head[:2] != b"\0\0":
            raise DataFileError(
                f"{name} is not an IDX file: it should start with two zero bytes, not {head[:2].hex(' ')}"
            )
        code, ndim = head[2], head[3]
        if code not in _IDX_TYPES:
            raise DataFileError(f"{name} has the unknown IDX type code 0x{code:02X} (known: {_IDX_TYPE_NAMES})")
        if ndim == 0:
            raise DataFileError(f"{name} is not a usable IDX file: its header declares no dimensions")
        sizes = reader.read(4 * ndim)
        if len(sizes) < 4 * ndim:
            raise DataFileError(f"{name} is truncated: its header declares {ndim} dimensions but the file ends first")
        dims = [int(d) for d in np.frombuffer(sizes, ">u4", ndim)]
        dtype = np.dtype(_IDX_TYPES[code])
        expected = math.prod(dims) * dtype.itemsize
        if expected > _MAX_IDX_BYTES:
            shape = " × ".join(f"{d:,}" for d in dims)
            raise DataFileError(f"{name} has a corrupt header: its dimensions {shape} would need {expected:,} bytes")
        data = reader.read(expected)
        if len(data) < expected:
            raise DataFileError(
                f"{name} is truncated: it holds {len(data):,} of the {expected:,} bytes its header promises"
            )
        extra = len(reader.read(_MAX_EXTRA + 1))
        if extra:
            more = f"{extra:,}" if extra <= _MAX_EXTRA else f"over {_MAX_EXTRA:,}"
            raise DataFileError(
                f"{name} is corrupt: it holds {more} bytes more than the {expected:,} its header promises"
            )
    array = np.frombuffer(data, dtype).reshape(dims)
    return array.astype(dtype.newbyteorder("="))


def _to_unit(pixels: np.ndarray) -> np.ndarray:
    """Bytes 0..255 as float32 0..1, converted in place so a big dataset is not held twice."""
    x = pixels.astype(np.float32)
    x /= 255.0
    return x


def _find(folder: Path, stem: str) -> Path | None:
    """The file for one of the four standard names: plain, gzipped, or with Kaggle's '.idx' spelling."""
    for base in (stem, stem.replace("-idx", ".idx")):
        for candidate in (folder / base, folder / f"{base}.gz"):
            if candidate.is_file():
                return candidate
    return None


def _images_and_labels(images: Path, labels: Path) -> tuple[np.ndarray, np.ndarray]:
    x, y = read_idx(images), read_idx(labels)
    if x.ndim != 3 or x.dtype != np.uint8:
        raise DataFileError(
            f"{images.name} should hold images as unsigned bytes (N × height × width), "
            f"but holds {x.dtype} of shape {x.shape}"
        )
    if y.ndim != 1 or y.dtype.kind not in "iu":
        raise DataFileError(
            f"{labels.name} should hold one whole-number label per image, but holds {y.dtype} of shape {y.shape}"
        )
    if len(x) != len(y):
        raise DataFileError(f"{images.name} holds {len(x):,} images but {labels.name} holds {len(y):,} labels")
    return _to_unit(x)[:, None], y.astype(np.int64)


def load_idx_folder(folder: str | Path) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """(x_train, y_train, x_test, y_test) from a folder of MNIST-style files: x float32 (N, 1, H, W) in [0, 1]."""
    folder = Path(folder)
    if not folder.is_dir():
        raise DataFileError(f"{folder} is not a folder")
    found = {stem: _find(folder, stem) for stem in IDX_FILES}
    missing = [stem for stem, path in found.items() if path is None]
    if missing:
        raise DataFileError(
            f"{folder} lacks {', '.join(missing)}: looked for {', '.join(IDX_FILES)} (each plain or .gz)"
        )
    x_train, y_train = _images_and_labels(found[IDX_FILES[0]], found[IDX_FILES[1]])
    x_test, y_test = _images_and_labels(found[IDX_FILES[2]], found[IDX_FILES[3]])
    if x_train.shape[1:] != x_test.shape[1:]:
        raise DataFileError(
            f"the training images are {x_train.shape[2]}×{x_train.shape[3]} pixels "
            f"but the test images {x_test.shape[2]}×{x_test.shape[3]}"
        )
    return x_train, y_train, x_test, y_test


def _cifar_records(path: Path) -> tuple[np.ndarray, np.ndarray]:
    """The raw pixel bytes (N, 3, 32, 32) and int64 labels of one binary batch."""
    data = _read_bytes(path, _CIFAR_MAX_RECORDS * _CIFAR_RECORD)
    if not data or len(data) % _CIFAR_RECORD:
        raise DataFileError(
            f"{path.name} is not a CIFAR-10 binary batch: its size, {len(data):,} bytes, is not a "
            f"multiple of {_CIFAR_RECORD:,} (one label byte and 32×32×3 pixel bytes per image)"
        )
    records = np.frombuffer(data, np.uint8).reshape(-1, _CIFAR_RECORD)
    y = records[:, 0].astype(np.int64)
    bad = np.flatnonzero(y > 9)
    if bad.size:
        raise DataFileError(
            f"{path.name} is not a CIFAR-10 batch: image {bad[0] + 1:,} has the label {y[bad[0]]}, "
            f"and CIFAR-10's labels run from 0 to 9"
        )
    return records[:, 1:].reshape(-1, 3, _CIFAR_SIDE, _CIFAR_SIDE), y


def read_cifar10_batch(path: str | Path) -> tuple[np.ndarray, np.ndarray]:
    """(x, y) of one CIFAR-10 binary batch: x float32 (N, 3, 32, 32) in [0, 1], y int64."""
    pixels, y = _cifar_records(Path(path))
    return _to_unit(pixels), y


def _cifar_root(folder: Path) -> Path:
    """The folder that holds the batches: the given one or its cifar-10-batches-bin subfolder."""
    names = (*CIFAR10_TRAIN_FILES, CIFAR10_TEST_FILE)
    for root in (folder, folder / CIFAR10_SUBFOLDER):
        if any((root / n).is_file() for n in names):
            return root
    if any((root / "data_batch_1").is_file() for root in (folder, folder / "cifar-10-batches-py")):
        raise DataFileError(
            f"{folder} holds the Python (pickle) version of CIFAR-10, which Neurona does not open: "
            f"download the binary version, cifar-10-binary.tar.gz"
        )
    raise DataFileError(
        f"{folder} holds no CIFAR-10 batches: looked for {CIFAR10_TRAIN_FILES[0]} … "
        f"{CIFAR10_TRAIN_FILES[-1]} and {CIFAR10_TEST_FILE} there and in its "
        f"{CIFAR10_SUBFOLDER} subfolder"
    )


def load_cifar10_folder(folder: str | Path) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """(x_train, y_train, x_test, y_test) from the training batches present and test_batch.bin."""
    folder = Path(folder)
    if not folder.is_dir():
        raise DataFileError(f"{folder} is not a folder")
    root = _cifar_root(folder)
    train = [root / n for n in CIFAR10_TRAIN_FILES if (root / n).is_file()]
    if not train:
        raise DataFileError(
            f"{root} has {CIFAR10_TEST_FILE} but no training batch: "
            f"it needs at least one of {', '.join(CIFAR10_TRAIN_FILES)}"
        )
    if not (root / CIFAR10_TEST_FILE).is_file():
        raise DataFileError(f"{root} has training batches but no {CIFAR10_TEST_FILE}, the test images")
    batches = [_cifar_records(p) for p in train]
    test_pixels, y_test = _cifar_records(root / CIFAR10_TEST_FILE)
    x_train = _to_unit(np.concatenate([x for x, _ in batches]))
    y_train = np.concatenate([y for _, y in batches])
    return x_train, y_train, _to_unit(test_pixels), y_test
