"""Small data files in the real formats (IDX, CIFAR-10 binary), written by the tests that need them."""

import gzip
import struct
from pathlib import Path

import numpy as np

# the IDX type codes, as the format's description gives them
TYPES = {0x08: ">u1", 0x09: ">i1", 0x0B: ">i2", 0x0C: ">i4", 0x0D: ">f4", 0x0E: ">f8"}


def idx_bytes(array: np.ndarray, code: int = 0x08) -> bytes:
    header = bytes([0, 0, code, array.ndim]) + b"".join(struct.pack(">I", d) for d in array.shape)
    return header + np.asarray(array).astype(TYPES[code]).tobytes()


def images(n=5, seed=0):
    return np.random.default_rng(seed).integers(0, 256, (n, 28, 28), dtype=np.uint8)


def write(path: Path, data: bytes, gz: bool = False) -> Path:
    path.write_bytes(gzip.compress(data) if gz else data)
    return path


def mnist_folder(folder: Path, n_train=5, n_test=3, gz=True):
    """The four MNIST files of tiny random images; returns the arrays written."""
    folder.mkdir(exist_ok=True)
    x_tr, x_te = images(n_train, 1), images(n_test, 2)
    y_tr, y_te = np.arange(n_train, dtype=np.uint8) % 10, (np.arange(n_test, dtype=np.uint8) + 7) % 10
    suffix = ".gz" if gz else ""
    write(folder / f"train-images-idx3-ubyte{suffix}", idx_bytes(x_tr), gz)
    write(folder / f"train-labels-idx1-ubyte{suffix}", idx_bytes(y_tr), gz)
    write(folder / f"t10k-images-idx3-ubyte{suffix}", idx_bytes(x_te), gz)
    write(folder / f"t10k-labels-idx1-ubyte{suffix}", idx_bytes(y_te), gz)
    return x_tr, y_tr, x_te, y_te


def cifar_records(labels, seed=0) -> tuple[bytes, np.ndarray]:
    """Records of the binary format, the first red, the second green, the others random; and their pixels."""
    pixels = np.random.default_rng(seed).integers(0, 256, (len(labels), 3, 32, 32), dtype=np.uint8)
    for i, plane in enumerate((0, 1)[: len(labels)]):
        pixels[i] = 0
        pixels[i, plane] = 255
    data = b"".join(bytes([label]) + p.tobytes() for label, p in zip(labels, pixels, strict=True))
    return data, pixels


def cifar_folder(root: Path, batches=(1, 2, 3, 4, 5), test=True) -> None:
    root.mkdir(parents=True, exist_ok=True)
    for i in batches:
        write(root / f"data_batch_{i}.bin", cifar_records([i, i], seed=i)[0])
    if test:
        write(root / "test_batch.bin", cifar_records([0, 1, 2], seed=9)[0])
