"""Hundreds of generated bad data files (CSV, IDX, CIFAR, images, text), each loaded the way a project
loads it: every one either loads or gives one clear DatasetError, never another exception, and all
of them together stay within a bounded amount of memory."""

import gzip
import io
import tracemalloc
import warnings

import numpy as np
from format_files import cifar_records, idx_bytes, images
from PIL import Image

from core.data.catalog import DatasetError, load_dataset
from core.data.files import IDX_FILES

SEED = 14


def _mutate(data: bytes, rng: np.random.Generator) -> bytes:
    """One of the ways files go bad: cut short, bytes flipped, bytes inserted, grown, emptied, gzipped."""
    how = int(rng.integers(7))
    n = len(data)
    if how == 0 or n == 0:
        return data[: int(rng.integers(0, max(n, 1)))]
    if how == 1:
        out = bytearray(data)
        for i in rng.integers(0, n, int(rng.integers(1, 8))):
            out[i] = int(rng.integers(256))
        return bytes(out)
    if how == 2:
        at = int(rng.integers(0, n))
        return data[:at] + rng.bytes(int(rng.integers(1, 64))) + data[at:]
    if how == 3:
        return data + rng.bytes(int(rng.integers(1, 5000)))
    if how == 4:
        return b""
    if how == 5:
        packed = gzip.compress(data, compresslevel=1)
        return packed[: int(rng.integers(10, len(packed) + 1))]
    return rng.bytes(int(rng.integers(1, 2000)))


def _csv_text(rng: np.random.Generator) -> str:
    cells = [
        "1",
        "-2.5",
        "x",
        "nan",
        "inf",
        "1e39",
        "",
        '"q',
        '"a,b"',
        "\x00",
        "\u2028",
        "9" * 5000,
        "é",
        "1e-300",
        "0x1F",
        " 3 ",
        "a;b",
        "\t",
    ]
    cols = int(rng.integers(1, 5))
    lines = [",".join(rng.choice(["a", "b", "c", "label", "1", "a"], cols))]
    for _ in range(int(rng.integers(0, 30))):
        width = cols if rng.random() < 0.85 else int(rng.integers(0, cols + 3))
        lines.append(
            ",".join(rng.choice(cells, width) if rng.random() < 0.3 else [str(rng.normal()) for _ in range(width)])
        )
    return "\n".join(lines)


class Tally:
    def __init__(self):
        self.cases = self.clear = self.loaded = 0
        self.tracebacks: list[str] = []

    def load(self, name: str, params: dict, what: str) -> None:
        self.cases += 1
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")  # skipped images are reported in a warning
                load_dataset(name, params)
        except DatasetError as err:
            message = str(err)
            if message and "\n" not in message and "Traceback" not in message and len(message) < 600:
                self.clear += 1
            else:
                self.tracebacks.append(f"{what}: unclear message {message[:200]!r}")
        except Exception as err:  # noqa: BLE001 - what the test is looking for
            self.tracebacks.append(f"{what}: {type(err).__name__}: {err}"[:300])
        else:
            self.loaded += 1


def test_bad_data_files_give_one_clear_error_each_in_bounded_memory(tmp_path):
    rng, tally = np.random.default_rng(SEED), Tally()
    tracemalloc.start()

    for i in range(120):  # CSV tables
        path = tmp_path / f"t{i}.csv"
        text = _csv_text(rng).encode("utf-8")
        path.write_bytes(_mutate(text, rng) if rng.random() < 0.5 else text)
        tally.load(
            "csv", {"file": str(path), "task": str(rng.choice(["auto", "classification", "regression"]))}, path.name
        )

    x, y = images(6), np.arange(6) % 10
    good = {IDX_FILES[0]: idx_bytes(x), IDX_FILES[1]: idx_bytes(y.astype(np.uint8))}
    good |= {IDX_FILES[2]: idx_bytes(x[:3]), IDX_FILES[3]: idx_bytes(y[:3].astype(np.uint8))}
    for i in range(100):  # MNIST-style IDX folders with one bad file
        folder = tmp_path / f"idx{i}"
        folder.mkdir()
        bad = IDX_FILES[int(rng.integers(4))]
        for stem, data in good.items():
            (folder / stem).write_bytes(_mutate(data, rng) if stem == bad else data)
        tally.load("mnist", {"folder": str(folder)}, f"{folder.name}/{bad}")

    batch, _ = cifar_records(np.arange(4) % 10)
    for i in range(60):  # CIFAR-10 binary batches
        folder = tmp_path / f"cifar{i}"
        folder.mkdir()
        bad = str(rng.choice(["data_batch_1.bin", "test_batch.bin"]))
        for name in ("data_batch_1.bin", "test_batch.bin"):
            (folder / name).write_bytes(_mutate(batch, rng) if name == bad else batch)
        tally.load("cifar10", {"folder": str(folder)}, f"{folder.name}/{bad}")

    for i in range(60):  # image folders whose only image of one class is broken
        folder = tmp_path / f"img{i}"
        for label in ("a", "b"):
            (folder / label).mkdir(parents=True)
        buffer = io.BytesIO()
        mode, fmt = [("L", "PNG"), ("RGB", "JPEG"), ("I;16", "PNG"), ("F", "TIFF"), ("P", "GIF")][i % 5]
        pixels = rng.integers(0, 255, (12, 12)).astype(np.float32 if mode == "F" else np.uint8)
        Image.fromarray(pixels).convert(mode).save(buffer, fmt)
        data = buffer.getvalue()
        (folder / "b" / f"ok.{fmt.lower()}").write_bytes(data)
        (folder / "a" / f"bad.{fmt.lower()}").write_bytes(_mutate(data, rng))
        tally.load("image_folder", {"folder": str(folder), "size": 8}, f"{folder.name}/a/bad.{fmt.lower()}")

    for i in range(60):  # text files
        path = tmp_path / f"t{i}.txt"
        path.write_bytes(_mutate(b"A tale of two cities. " * int(rng.integers(1, 20)), rng))
        tally.load("text", {"file": str(path), "steps": int(rng.integers(2, 50)), "n_samples": 50}, path.name)

    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    print(
        f"\nfuzz: {tally.cases} cases, {tally.clear} clear errors, {tally.loaded} loaded, "
        f"{len(tally.tracebacks)} tracebacks"
    )
    assert tally.tracebacks == []
    assert tally.cases >= 400 and tally.clear >= 250
    assert peak < 50_000_000
