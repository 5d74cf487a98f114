"""Sequence tasks, image patches and the user's own CSV tables and image folders."""

import numpy as np
import pytest
from PIL import Image

from core.data.patches import image_patches
from core.data.sequences import adding_problem, char_sequences, noisy_sine, parity, read_text_file, vocabulary
from core.data.user import DataSourceError, csv_dataset, image_folder_dataset, read_csv_table


def rng(seed=0):
    return np.random.default_rng(seed)


# --- sequences ---------------------------------------------------------------------------------------------


def test_adding_problem_marks_one_value_per_half_and_sums_them():
    x, y = adding_problem(500, 21, rng())
    assert x.shape == (500, 21, 2) and x.dtype == y.dtype == np.float32
    values, markers = x[..., 0], x[..., 1]
    assert set(np.unique(markers)) == {0.0, 1.0}
    assert np.all(markers[:, :10].sum(1) == 1) and np.all(markers[:, 10:].sum(1) == 1)
    assert np.allclose(y, (values * markers).sum(1), atol=1e-6)
    assert values.min() >= 0 and values.max() < 1


def test_parity_labels_count_the_ones():
    x, y = parity(300, 9, rng())
    assert x.shape == (300, 9, 1) and y.dtype == np.int64
    assert set(np.unique(x)) == {0.0, 1.0}
    for bits, label in zip(x[..., 0], y, strict=True):
        assert label == int(bits.sum()) % 2
    assert 0 < y.mean() < 1


def test_noisy_sine_target_is_the_next_value_of_the_series():
    x, y = noisy_sine(200, 30, 0.0, rng(1))
    assert x.shape == (200, 30, 1) and y.shape == (200,)
    # without noise each row is sin(a t + b): s[t+1] = 2 cos(a) s[t] - s[t-1] holds for the target too
    s = np.concatenate([x[..., 0], y[:, None]], 1).astype(np.float64)
    two_cos = (s[:, 2] + s[:, 0]) / s[:, 1]
    assert np.allclose(s[:, 2:], two_cos[:, None] * s[:, 1:-1] - s[:, :-2], atol=1e-4)
    periods = 2 * np.pi / np.arccos(two_cos / 2)
    assert periods.min() >= 8 - 1e-3 and periods.max() <= 40 + 1e-3
    noisy, target = noisy_sine(200, 30, 0.3, rng(1))
    assert 0.25 < np.std(noisy - x) < 0.35 and 0.2 < np.std(target - y) < 0.4


def test_same_seed_same_sequences():
    assert np.array_equal(noisy_sine(5, 10, 0.1, rng(3))[0], noisy_sine(5, 10, 0.1, rng(3))[0])


TEXT = "the quick brown fox jumps over the lazy dog. " * 3


def test_char_windows_decode_back_to_the_text_and_target_the_next_character():
    x, y, vocab = char_sequences(TEXT, 12, None, rng())
    assert vocab == sorted(set(TEXT))
    assert x.shape == (len(TEXT) - 12, 12, len(vocab)) and y.dtype == np.int64
    assert np.all(x.sum(-1) == 1)
    for start in (0, 7, len(TEXT) - 13):
        assert "".join(vocab[i] for i in x[start].argmax(-1)) == TEXT[start : start + 12]
        assert vocab[y[start]] == TEXT[start + 12]


def test_char_sequences_sample_at_most_max_samples_windows():
    x, y, vocab = char_sequences(TEXT, 5, 20, rng())
    assert len(x) == 20
    decoded = ["".join(vocab[i] for i in w.argmax(-1)) + vocab[t] for w, t in zip(x, y, strict=True)]
    assert all(d in TEXT for d in decoded)


def test_rare_characters_share_one_unknown_symbol():
    text = "ab" * 200 + "".join(chr(0x4E00 + i) for i in range(150))
    vocab = vocabulary(text)
    assert len(vocab) == 100 and {"a", "b", "\ufffd"} <= set(vocab)
    x, y, _ = char_sequences(text, 3, None, rng())
    assert x.shape[-1] == 100


def test_char_sequences_refuse_a_text_shorter_than_a_window():
    with pytest.raises(DataSourceError, match="windows of 10 steps need at least 11"):
        char_sequences("short", 10, None, rng())


def test_read_text_file(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("héllo wörld", encoding="utf-8")
    assert read_text_file(good, 5) == "héllo"
    with pytest.raises(DataSourceError, match="no such file"):
        read_text_file(tmp_path / "missing.txt")
    latin = tmp_path / "latin.txt"
    latin.write_bytes("héllo".encode("latin-1"))
    with pytest.raises(DataSourceError, match="not a UTF-8 text file"):
        read_text_file(latin)
    binary = tmp_path / "data.bin"
    binary.write_bytes(b"abc\x00\x01\x02")
    with pytest.raises(DataSourceError, match="binary"):
        read_text_file(binary)


# --- image patches -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("colour, channels", [(False, 1), (True, 3)])
def test_patches_have_the_shape_zero_mean_and_unit_variance(colour, channels):
    x = image_patches(300, 7, colour, False, rng())
    assert x.shape == (300, channels, 7, 7) and x.dtype == np.float32
    assert np.abs(x.mean(axis=(1, 2, 3))).max() < 1e-5
    assert x.std() == pytest.approx(1, abs=1e-4)
    assert len(np.unique(x[:, 0, 0, 0])) > 250  # really different crops


def test_whitening_makes_the_covariance_close_to_identity():
    raw = image_patches(2000, 6, False, False, rng())
    white = image_patches(2000, 6, False, True, rng())
    cov = lambda x: np.cov(x.reshape(len(x), -1), rowvar=False)
    assert np.abs(cov(raw) - np.eye(36)).max() > 0.5  # neighbouring pixels are strongly correlated
    assert np.abs(cov(white) - np.eye(36)).max() < 0.1


# --- CSV tables --------------------------------------------------------------------------------------------


def write(tmp_path, text, name="data.csv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_comma_csv_with_string_labels(tmp_path):
    path = write(tmp_path, "height,weight,kind\n1.5,20,dog\n0.3,4.25,cat\n\n2,30,dog\n")
    header, columns = read_csv_table(path)
    assert header == ["height", "weight", "kind"] and [len(c) for c in columns] == [3, 3, 3]
    x, y, names = csv_dataset(path)
    assert x.dtype == np.float32 and np.array_equal(x, np.array([[1.5, 20], [0.3, 4.25], [2, 30]], np.float32))
    assert names == ["cat", "dog"] and y.dtype == np.int64 and y.tolist() == [1, 0, 1]


def test_semicolon_csv_with_integer_labels_and_chosen_columns(tmp_path):
    path = write(tmp_path, "a;b;c;label\n1;2;3;10\n4;5;6;9\n7;8;9;10\n")
    x, y, names = csv_dataset(path, features=["c", "a"], label="label")
    assert np.array_equal(x, [[3, 1], [6, 4], [9, 7]])
    assert names == ["9", "10"] and y.tolist() == [1, 0, 1]  # numbers sort as numbers


def test_tab_csv_regression(tmp_path):
    lines = ["x\ty"] + [f"{i}\t{i * 0.5 + 0.25}" for i in range(30)]
    x, y, names = csv_dataset(write(tmp_path, "\n".join(lines)), task="auto")
    assert names == [] and y.dtype == np.float32
    assert np.array_equal(x[:, 0], np.arange(30)) and np.array_equal(y, np.arange(30) * 0.5 + 0.25)
    _, y, names = csv_dataset(write(tmp_path, "x,y\n1,0\n2,1\n3,1\n"), task="regression")
    assert names == [] and y.tolist() == [0.0, 1.0, 1.0]


def test_auto_task_treats_many_integers_as_regression(tmp_path):
    lines = ["x,y"] + [f"{i},{i * 3}" for i in range(25)]
    _, y, names = csv_dataset(write(tmp_path, "\n".join(lines)))
    assert names == [] and y[-1] == 72
    _, y, names = csv_dataset(write(tmp_path, "\n".join(lines)), task="classification")
    assert len(names) == 25 and y[-1] == 24


@pytest.mark.parametrize(
    "text, kwargs, message",
    [
        (None, {}, "no such file"),
        ("", {}, "is empty"),
        ("a,b\n", {}, "no data rows"),
        ("a,b,c\n1,2,x\n", {"features": ["a", "z"]}, r"unknown column 'z' \(known: a, b, c\)"),
        ("a,b,c\n1,2,x\n", {"label": "q"}, "unknown column 'q'"),
        ("height,y\n1,a\n2,b\n" + "3,a\n" * 14 + "abc,b\n", {}, "row 18, column 'height': 'abc' is not a number"),
        ("a,b\n1,x\n2,x\n", {}, r"only one class \('x'\)"),
        ("a,b,c\n1,2,x\n1,2\n", {}, "row 3 has 2 values but the header has 3 columns"),
        ("a,b\n1,x\n2,y\n", {"task": "regression"}, "row 2, column 'b': 'x' is not a number"),
        ("a,b\n1,nan\n2,1\n", {"task": "regression"}, "'nan' is not a number"),
        ("a,b\n1,x\n2,y\n", {"features": ["b"], "label": "b"}, "both a feature and the label"),
    ],
)
def test_broken_csv_files_are_explained(tmp_path, text, kwargs, message):
    path = tmp_path / "missing.csv" if text is None else write(tmp_path, text)
    with pytest.raises(DataSourceError, match=message):
        csv_dataset(path, **kwargs)


# --- image folders -----------------------------------------------------------------------------------------


def make_folder(tmp_path, classes=("cats", "dogs")):
    root = tmp_path / "images"
    for k, name in enumerate(classes):
        (root / name).mkdir(parents=True)
        for i in range(2):
            pixels = np.full((4, 4, 3), [10 * i, 100 + k, 200], np.uint8)
            pixels[0, 0] = [255, 0, 0]
            Image.fromarray(pixels).save(root / name / f"{i}.png")
    Image.fromarray(np.zeros((9, 6), np.uint8)).save(root / classes[0] / "big_grey.png")
    return root


def test_image_folder_loads_labels_shapes_and_pixels(tmp_path):
    root = make_folder(tmp_path)
    (root / "dogs" / "broken.png").write_bytes(b"not an image at all")
    (root / "dogs" / "notes.txt").write_text("ignored")
    with pytest.warns(UserWarning, match="skipped 1 unreadable image: dogs/broken.png"):
        x, y, names = image_folder_dataset(root, 4, colour=True)
    assert names == ["cats", "dogs"] and y.tolist() == [0, 0, 0, 1, 1]
    assert x.shape == (5, 3, 4, 4) and x.dtype == np.float32
    assert np.allclose(x[0, :, 1, 1], np.array([0, 100, 200]) / 255)  # cats/0.png
    assert np.allclose(x[4, :, 2, 3], np.array([10, 101, 200]) / 255)  # dogs/1.png
    assert np.allclose(x[4, :, 0, 0], [1, 0, 0])
    assert np.all(x[2] == 0)  # the grey image, resized and repeated in every channel


def test_image_folder_in_grey_and_limited_per_class(tmp_path):
    x, y, _ = image_folder_dataset(make_folder(tmp_path), 2, colour=False, max_per_class=1)
    assert x.shape == (2, 1, 2, 2) and y.tolist() == [0, 1]
    assert 0 <= x.min() and x.max() <= 1


def test_image_folders_that_cannot_be_used(tmp_path):
    root = make_folder(tmp_path, classes=("only",))
    with pytest.raises(DataSourceError, match="at least two sub-folders"):
        image_folder_dataset(root, 4)
    (root / "other").mkdir()
    (root / "other" / "bad.jpg").write_bytes(b"\xff\xd8 truncated")
    with pytest.raises(DataSourceError, match="other/bad.jpg"):
        image_folder_dataset(root, 4)
    with pytest.raises(DataSourceError, match="no such folder"):
        image_folder_dataset(tmp_path / "nowhere", 4)
