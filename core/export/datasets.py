"""The datasets an exported script can build, written out as plain code.

The script must not import Neurona, so each generator of core.data is rewritten here as the text of a
`make_samples(p, rng)` function that draws the same numbers in the same order: for the same seed the
script's arrays equal `load_dataset`'s (tests/core/test_export_script.py checks every one). The published
image sets are read from their folder, and the user's own CSV file, text file or folder of images from its path.
"""

from __future__ import annotations

# what each dataset needs besides numpy: (import lines, pip package names)
NEEDS: dict[str, tuple[str, ...]] = {
    "moons": ("scikit-learn",),
    "digits": ("scikit-learn",),
    "patches": ("scikit-learn", "scipy", "pillow"),
    "image_folder": ("pillow",),
}

_CIRCLE = '''
def make_samples(p, rng):
    """A disc inside a ring: not separable by a line."""
    n = p["n_samples"]
    y = np.arange(n) % 2
    radius = np.where(y == 0, rng.uniform(0.0, 0.5, n), rng.uniform(0.7, 1.0, n))
    angle = rng.uniform(0, 2 * np.pi, n)
    x = np.stack([radius * np.cos(angle), radius * np.sin(angle)], 1)
    return x + rng.normal(0, p["noise"], x.shape), y, ["inside", "outside"]
'''

_XOR = '''
def make_samples(p, rng):
    """Quadrants: same-sign points against different-sign points, with a thin gap along the axes."""
    x = rng.uniform(-1, 1, (p["n_samples"], 2))
    x += np.sign(x) * 0.05
    y = (x[:, 0] * x[:, 1] > 0).astype(int)
    return x + rng.normal(0, p["noise"], x.shape), y, ["different signs", "same signs"]
'''

_GAUSSIAN = '''
def make_samples(p, rng):
    """Round clusters, one per class, on a circle."""
    n, k = p["n_samples"], p["classes"]
    y = np.arange(n) % k
    angle = 2 * np.pi * y / k + np.pi / 4
    centres = 0.6 * np.stack([np.cos(angle), np.sin(angle)], 1)
    return centres + rng.normal(0, 0.15 + p["noise"], (n, 2)), y, [f"cluster {i + 1}" for i in range(k)]
'''

_SPIRAL = '''
def make_samples(p, rng):
    """Interleaved spiral arms, one per class."""
    n, k = p["n_samples"], p["classes"]
    y = np.arange(n) % k
    t = rng.uniform(0.05, 1.0, n)
    angle = t * p["turns"] * 2 * np.pi + 2 * np.pi * y / k
    x = np.stack([t * np.cos(angle), t * np.sin(angle)], 1)
    return x + rng.normal(0, p["noise"] * 0.5, x.shape), y, [f"arm {i + 1}" for i in range(k)]
'''

_MOONS = '''
def make_samples(p, rng):
    """Two interleaving half circles (scikit-learn's make_moons), centred and scaled."""
    from sklearn.datasets import make_moons

    x, y = make_moons(p["n_samples"], noise=p["noise"], random_state=int(rng.integers(2**31)))
    return (x - [0.5, 0.25]) / 1.2, y, ["upper moon", "lower moon"]
'''

_LOGIC = '''
def make_samples(p, rng):
    """The four corners of a logic gate's truth table, equally many points at each, jittered."""
    corner = np.arange(p["n_samples"]) % 4
    a, b = corner // 2, corner % 2
    y = {"and": a & b, "or": a | b, "xor": a ^ b}[p["gate"]]
    x = (np.stack([a, b], 1) - 0.5) * 1.2 + rng.normal(0, p["noise"], (len(corner), 2))
    return x, y, ["false", "true"]
'''

_BOUNDARY = '''
CURVES = {
    "sine": lambda t: 0.5 * np.sin(3 * t),
    "cubic": lambda t: 1.5 * t**3 - t,
    "abs": lambda t: np.abs(t) - 0.5,
}


def make_samples(p, rng):
    """Points above and below a curve."""
    x = rng.uniform(-1, 1, (p["n_samples"], 2))
    y = (x[:, 1] > CURVES[p["curve"]](x[:, 0])).astype(int)
    return x + rng.normal(0, p["noise"], x.shape), y, ["below", "above"]
'''

_PLANE = '''
def make_samples(p, rng):
    """A tilted plane with noise: the simplest regression."""
    x = rng.uniform(-1, 1, (p["n_samples"], 2))
    return x, 0.6 * x[:, 0] - 0.4 * x[:, 1] + rng.normal(0, p["noise"], len(x)), []
'''

_BUMPS = '''
def make_samples(p, rng):
    """A surface of Gaussian bumps and dips, their places drawn from the seed."""
    x = rng.uniform(-1, 1, (p["n_samples"], 2))
    centres, heights = rng.uniform(-0.8, 0.8, (p["bumps"], 2)), rng.choice([-1.0, 1.0], p["bumps"])
    distance = ((x[:, None, :] - centres[None]) ** 2).sum(-1)
    y = (heights * np.exp(-distance / (2 * 0.3**2))).sum(1)
    return x, y + rng.normal(0, p["noise"], len(x)), []
'''

_FUNCTION = '''
def make_samples(p, rng):
    """Points of a function of x with noise on the target."""
    functions = {
        "sine": lambda x: np.sin(2 * np.pi * x),
        "step": lambda x: np.where(x < 0, -1.0, 1.0),
        "abs": lambda x: np.abs(x),
        "bump": lambda x: np.exp(-8 * x**2),
        "cubic": lambda x: 3 * (x**3 - x),
    }
    x = rng.uniform(-1, 1, (p["n_samples"], 1))
    return x, functions[p["function"]](x[:, 0]) + rng.normal(0, p["noise"], len(x)), []
'''

_GAUSSIAN_FEATURES = '''
def make_samples(p, rng):
    """Standard normal vectors, classed by a random linear teacher."""
    x = rng.standard_normal((p["n_samples"], p["features"]))
    teacher = rng.standard_normal((p["features"], p["classes"]))
    return x, (x @ teacher).argmax(1), [f"class {k + 1}" for k in range(p["classes"])]
'''

_DIGITS = '''
def make_samples(p, rng):
    """scikit-learn's 1,797 handwritten digits, 8x8 pixels scaled to [0, 1]: all, or one half of the
    images, some of the digits (numbered from 0), and per_class training images of each digit."""
    from sklearn.datasets import load_digits

    digits = load_digits()
    x, y = (digits.data / 16.0).reshape(-1, 1, 8, 8), digits.target
    if p.get("images", "all") != "all":
        halves = np.random.default_rng([p["seed"], 1797]).permutation(len(y))
        half = halves[: len(y) // 2] if p["images"] == "first half" else halves[len(y) // 2 :]
        x, y = x[np.sort(half)], y[np.sort(half)]
    low, high = (int(d) for d in p.get("digits", "0-9").split("-"))
    keep = (y >= low) & (y <= high)
    x, y, names = x[keep], y[keep] - low, [str(i) for i in range(low, high + 1)]
    if not p.get("per_class", 0):
        return x, y, names
    train = np.sort(np.concatenate([rng.choice(np.flatnonzero(y == k), p["per_class"], replace=False)
                                    for k in range(len(names))]))
    test = np.setdiff1d(np.arange(len(y)), train)
    x, y = x.astype(np.float32), y.astype(np.int64)  # its own test set: the split leaves it as it is
    return x[train], y[train], names, x[test], y[test]
'''

_PATCHES = '''
LUMINANCE = np.array([0.299, 0.587, 0.114], dtype=np.float32)  # ITU-R BT.601 weights of red, green and blue


def zca_whiten(x, epsilon=1e-3):
    """Decorrelate the patches' pixels to unit variance, staying close to the originals."""
    from scipy.linalg import eigh

    flat = x.reshape(len(x), -1).astype(np.float64)
    eigenvalues, eigenvectors = eigh(np.cov(flat, rowvar=False, bias=True))
    scale = 1.0 / np.sqrt(np.clip(eigenvalues, 0, None) + epsilon)
    return (flat @ ((eigenvectors * scale) @ eigenvectors.T)).reshape(x.shape).astype(np.float32)


def make_samples(p, rng):
    """Random square patches of scikit-learn's two photographs, to reconstruct (the target is the patch)."""
    from numpy.lib.stride_tricks import sliding_window_view
    from sklearn.datasets import load_sample_images

    photos = [image.astype(np.float32) / 255.0 for image in load_sample_images().images]
    photos = [photo if p["colour"] else (photo @ LUMINANCE)[..., None] for photo in photos]
    n, size = p["n_samples"], p["size"]
    source = rng.integers(0, len(photos), n)
    x = np.empty((n, photos[0].shape[2], size, size), dtype=np.float32)
    for i, photo in enumerate(photos):
        pick = np.flatnonzero(source == i)
        windows = sliding_window_view(photo, (size, size), axis=(0, 1))
        x[pick] = windows[rng.integers(0, windows.shape[0], len(pick)), rng.integers(0, windows.shape[1], len(pick))]
    x -= x.mean(axis=(1, 2, 3), keepdims=True)
    x /= x.std() or 1.0
    x = zca_whiten(x) if p["whiten"] else x
    return x, x, []
'''

_POINTS = '''
def make_samples(p, rng):
    """The points placed by clicking on the plane: [[x, y, class], ...]."""
    rows = json.loads(p["points"] or "[]")
    x = np.array([[float(r[0]), float(r[1])] for r in rows], dtype=np.float32).reshape(-1, 2)
    y = np.array([int(r[2]) for r in rows], dtype=np.int64)
    return x, y, [f"class {k}" for k in range(p["classes"])]
'''

_SINE = '''
def make_samples(p, rng):
    """Windows of noisy sines with random phase and period; the target is the next value."""
    n, steps = p["n_samples"], p["steps"]
    period = rng.uniform(8.0, 40.0, (n, 1))
    phase = rng.uniform(0, 2 * np.pi, (n, 1))
    series = np.sin(2 * np.pi * np.arange(steps + 1) / period + phase)
    series += rng.normal(0, p["noise"], series.shape)
    return series[:, :steps, None].astype(np.float32), series[:, steps].astype(np.float32), []
'''

_ADDING = '''
def make_samples(p, rng):
    """The adding problem: sum the two values whose marker is 1 (one marker in each half)."""
    n, steps = p["n_samples"], p["steps"]
    values = rng.uniform(0, 1, (n, steps))
    half, rows = steps // 2, np.arange(n)
    first, second = rng.integers(0, half, n), rng.integers(half, steps, n)
    markers = np.zeros((n, steps))
    markers[rows, first] = markers[rows, second] = 1
    x = np.stack([values, markers], -1).astype(np.float32)
    return x, x[rows, first, 0] + x[rows, second, 0], []
'''

_KEY_POSITION = '''
def key_position(n, steps, positions, rng):
    """Random distractors with one key, A or B, at a position in [positions[0], positions[1])."""
    x = np.zeros((n, steps, 3), np.float32)
    x[..., 0] = rng.uniform(0, 1, (n, steps))
    y = rng.integers(0, 2, n)
    rows, where = np.arange(n), rng.integers(*positions, n)
    x[rows, where, 0] = 0
    x[rows, where, 1 + y] = 1
    return x, y.astype(np.int64)


def make_samples(p, rng):
    """Which key, A or B? With unseen, training keys lie in the first half, test keys in the second."""
    n, steps, classes = p["n_samples"], p["steps"], ["A", "B"]
    if not p["unseen"]:
        return (*key_position(n, steps, (0, steps), rng), classes)
    n_test = max(1, int(round(n * p["test_ratio"])))
    x, y = key_position(n - n_test, steps, (0, steps // 2), rng)
    x_test, y_test = key_position(n_test, steps, (steps // 2, steps), rng)
    return x, y, classes, x_test, y_test
'''

_PARITY = '''
def make_samples(p, rng):
    """Random bit sequences, labelled 1 when they hold an odd number of ones."""
    bits = rng.integers(0, 2, (p["n_samples"], p["steps"]))
    return bits[..., None].astype(np.float32), (bits.sum(1) % 2).astype(np.int64), ["even", "odd"]
'''

_IDX = '''
def read_idx(path):
    """The array in an IDX file (plain or gzipped): 0, 0, a type code, the number of dimensions, the sizes."""
    with open(path, "rb") as f:
        data = f.read()
    if data[:2] == b"\\x1f\\x8b":
        data = gzip.decompress(data)
    types = {0x08: ">u1", 0x09: ">i1", 0x0B: ">i2", 0x0C: ">i4", 0x0D: ">f4", 0x0E: ">f8"}
    dtype, ndim = np.dtype(types[data[2]]), data[3]
    dims = [int(d) for d in np.frombuffer(data, ">u4", ndim, 4)]
    return np.frombuffer(data, dtype, offset=4 + 4 * ndim).reshape(dims).astype(dtype.newbyteorder("="))


def idx_file(stem):
    for base in (stem, stem.replace("-idx", ".idx")):
        for name in (base, base + ".gz"):
            if os.path.isfile(os.path.join(DATA_FOLDER, name)):
                return os.path.join(DATA_FOLDER, name)
    raise FileNotFoundError(f"{DATA_FOLDER} has no {stem} (plain or .gz)")


def make_samples(p, rng):
    """The published training and test sets, read from DATA_FOLDER; pixels scaled to [0, 1]."""
    sets = []
    for part in ("train", "t10k"):
        images = read_idx(idx_file(f"{part}-images-idx3-ubyte")).astype(np.float32) / 255.0
        sets += [images[:, None], read_idx(idx_file(f"{part}-labels-idx1-ubyte")).astype(np.int64)]
    return sets[0], sets[1], CLASSES, sets[2], sets[3]
'''

_CIFAR10 = '''
def read_batch(path):
    """One binary batch: records of a label byte and the red, green and blue 32x32 planes."""
    with open(path, "rb") as f:
        records = np.frombuffer(f.read(), np.uint8).reshape(-1, 1 + 3 * 32 * 32)
    return records[:, 1:].reshape(-1, 3, 32, 32).astype(np.float32) / 255.0, records[:, 0].astype(np.int64)


def make_samples(p, rng):
    """The training batches present and the test batch, read from DATA_FOLDER."""
    root = DATA_FOLDER
    if not os.path.isfile(os.path.join(root, "test_batch.bin")):
        root = os.path.join(root, "cifar-10-batches-bin")
    names = [f"data_batch_{i}.bin" for i in range(1, 6) if os.path.isfile(os.path.join(root, f"data_batch_{i}.bin"))]
    train = [read_batch(os.path.join(root, name)) for name in names]
    x_test, y_test = read_batch(os.path.join(root, "test_batch.bin"))
    x, y = np.concatenate([b[0] for b in train]), np.concatenate([b[1] for b in train])
    return x, y, CLASSES, x_test, y_test
'''

_CSV = '''
def make_samples(p, rng):
    """The user's table: feature columns and a label column of a CSV file (commas, semicolons or tabs)."""
    with open(p["file"], encoding="utf-8-sig", newline="") as f:
        sample = f.read(10_000)
        f.seek(0)
        try:
            dialect = csv.Sniffer().sniff(sample, delimiters=",;\\t")
        except csv.Error:  # a single column has no delimiter to find
            dialect = csv.excel
        rows = [[cell.strip() for cell in row] for row in csv.reader(f, dialect) if row]

    def is_number(cell):
        try:
            float(cell)
        except ValueError:
            return False
        return True

    header = [f"column {i}" for i in range(1, len(rows[0]) + 1)] if all(map(is_number, rows[0])) else rows.pop(0)
    label = p["label"] or header[-1]
    features = [c.strip() for c in p["features"].split(",") if c.strip()] or [c for c in header if c != label]
    x = np.array([[float(row[header.index(c)]) for c in features] for row in rows], dtype=np.float32)
    cells = [row[header.index(label)] for row in rows]
    task = p["task"]
    if task == "auto":
        numeric = all(map(is_number, cells))
        values = np.array([float(c) for c in cells]) if numeric else None
        few_integers = numeric and np.all(values == np.round(values)) and len(np.unique(values)) <= 20
        task = "classification" if not numeric or few_integers else "regression"
    if task == "regression":
        return x, np.array([float(c) for c in cells], dtype=np.float32), []
    keys = np.array([float(c) for c in cells]) if all(map(is_number, cells)) else np.array(cells)
    distinct, y = np.unique(keys, return_inverse=True)
    names = [f"{k:g}" if isinstance(k, float) else str(k) for k in distinct.tolist()]
    return x, y.astype(np.int64), names
'''

_TEXT_WINDOWS = '''
def text_windows(text, p, rng):
    """Windows of a text, one-hot per character; the target is the next character."""
    counts = {}
    for c in text:
        counts[c] = counts.get(c, 0) + 1
    vocab = sorted(counts)
    if len(vocab) > 100:  # the 99 most frequent characters and one symbol for the rarer ones
        vocab = sorted({*sorted(counts, key=lambda c: (-counts[c], c))[:99], "\\ufffd"})
    index = {c: i for i, c in enumerate(vocab)}
    codes = np.array([index.get(c, index.get("\\ufffd", -1)) for c in text], dtype=np.int64)
    steps = p["steps"]
    starts = np.arange(len(text) - steps)
    if len(starts) > p["n_samples"]:
        starts = np.sort(rng.choice(starts, p["n_samples"], replace=False))
    x = np.eye(len(vocab), dtype=np.float32)[codes[starts[:, None] + np.arange(steps)]]
    return x, codes[starts + steps], [repr(c)[1:-1] for c in vocab]
'''

_TEXT = (
    _TEXT_WINDOWS
    + '''

def make_samples(p, rng):
    """Windows of the user's text."""
    with open(p["file"], encoding="utf-8") as f:
        text = f.read(2_000_000)
    return text_windows(text, p, rng)
'''
)


def _grammar_code() -> str:
    """The grammar's own source (core.data.grammar, pure numpy), for a script on its sentences."""
    import inspect

    from core.data import grammar

    source = inspect.getsource(grammar)
    return source[source.index("import numpy as np\n") + len("import numpy as np\n") :]


_SENTENCES = (
    _grammar_code()
    + _TEXT_WINDOWS
    + '''

def make_samples(p, rng):
    """Windows of sentences from the small grammar, the text drawn with the dataset's seed."""
    return text_windows(sentences(p["sentences"], p["language"], np.random.default_rng(p["seed"])), p, rng)
'''
)

_IMAGE_FOLDER = '''
def make_samples(p, rng):
    """The user's images, one sub-folder per class, resized to size x size and scaled to [0, 1]."""
    from PIL import Image

    def pixels(path):
        with Image.open(path) as img:
            if img.mode in ("I", "F") or img.mode.startswith("I;16"):  # 16-bit, 32-bit or float pixels
                values = np.asarray(img).astype(np.float64)
                if img.mode.startswith("I;16"):
                    values = values / 65535.0
                else:
                    low, high = values.min(), values.max()
                    values = (values - low) / (high - low) if high > low else np.zeros_like(values)
                img = Image.fromarray(values.astype(np.float32), mode="F").resize((size, size), Image.BILINEAR)
                grey = np.clip(np.asarray(img, dtype=np.float32), 0.0, 1.0)
                return np.repeat(grey[None], 3, 0) if p["colour"] else grey[None]
            if img.mode == "P":
                img = img.convert("RGBA")
            img = img.convert("RGB" if p["colour"] else "L").resize((size, size), Image.Resampling.BILINEAR)
        values = np.asarray(img, dtype=np.float32) / 255.0
        return values.transpose(2, 0, 1) if p["colour"] else values[None]

    size, folder, suffixes = p["size"], p["folder"], (".png", ".jpg", ".jpeg", ".bmp", ".gif", ".tif", ".tiff", ".webp")
    classes = sorted(d for d in os.listdir(folder) if os.path.isdir(os.path.join(folder, d)) and not d.startswith("."))
    images, labels = [], []
    for label, name in enumerate(classes):
        files = sorted(f for f in os.listdir(os.path.join(folder, name)) if f.lower().endswith(suffixes))
        loaded = 0
        for file in files:
            if p["max_per_class"] is not None and loaded >= p["max_per_class"]:
                break
            try:
                images.append(pixels(os.path.join(folder, name, file)))
            except (OSError, ValueError, Image.DecompressionBombError):
                print(f"skipped the unreadable image {name}/{file}", file=sys.stderr)
                continue
            labels.append(label)
            loaded += 1
    return np.stack(images), np.array(labels, dtype=np.int64), classes
'''

MAKERS: dict[str, str] = {
    "circle": _CIRCLE,
    "xor": _XOR,
    "gaussian": _GAUSSIAN,
    "spiral": _SPIRAL,
    "moons": _MOONS,
    "logic": _LOGIC,
    "boundary": _BOUNDARY,
    "plane": _PLANE,
    "bumps": _BUMPS,
    "function": _FUNCTION,
    "gaussian_features": _GAUSSIAN_FEATURES,
    "digits": _DIGITS,
    "patches": _PATCHES,
    "points": _POINTS,
    "csv": _CSV,
    "text": _TEXT,
    "sentences": _SENTENCES,
    "image_folder": _IMAGE_FOLDER,
    "sine": _SINE,
    "adding": _ADDING,
    "parity": _PARITY,
    "key_position": _KEY_POSITION,
    "mnist": _IDX,
    "fashion_mnist": _IDX,
    "cifar10": _CIFAR10,
}

PUBLISHED = ("mnist", "fashion_mnist", "cifar10")  # read from DATA_FOLDER, with their own test sets
USER_FILES = ("csv", "text", "image_folder")  # read from the path the project names

SPLIT = '''
def load_data(p):
    """Draw the samples and split them into train and test sets as Neurona does."""
    rng = np.random.default_rng(p["seed"])
    x, y, classes, *published = make_samples(p, rng)
    if published:  # its own test set; at most max_train training samples, drawn by the seed
        if len(x) > p.get("max_train", len(x)):  # a generated set with its own test set keeps every sample
            keep = np.sort(rng.choice(len(x), p["max_train"], replace=False))
            x, y = x[keep], y[keep]
        return x, y, published[0], published[1], len(classes)
    x = np.asarray(x, dtype=np.float32)
    y = np.asarray(y, dtype=np.int64 if classes else np.float32)
    order = rng.permutation(len(x))
    n_test = max(1, int(round(len(x) * p["test_ratio"])))
    test, train = order[:n_test], order[n_test:]
    return x[train], y[train], x[test], y[test], len(classes)
'''


_EDITS = (  # (a line of SPLIT, the lines that go before it): the transforms, where the app applies them
    (
        "        return x, y, published[0], published[1], len(classes)\n",
        "        x = apply_transforms(x, p, p['seed'])  # the image transforms, as Neurona applies them\n"
        "        published = [apply_transforms(published[0], p, p['seed'] + 1), published[1]]\n",
    ),
    (
        "    order = rng.permutation(len(x))\n",
        "    x = apply_transforms(x, p, p['seed'])  # the image transforms, as Neurona applies them\n",
    ),
)


def transforms_code() -> str:
    """The image transforms' own source (core.data.transforms), for a script whose dataset uses them."""
    import inspect

    from core.data import transforms

    return inspect.getsource(transforms.shifted) + "\n\n" + inspect.getsource(transforms.apply_transforms)


def split_with_transforms() -> str:
    """SPLIT with the transforms applied where the app applies them: to the training samples kept
    and the published test set, or to all samples before the split."""
    split = SPLIT
    for line, before in _EDITS:
        if line not in split:
            raise RuntimeError("the split template changed: place the image transforms in it anew")
        split = split.replace(line, before + line)
    return split
