"""Image transforms as dataset parameters (enlarge, canvas, random shift, fixed permutation):
each does what its help says, the defaults change nothing, the split stays the same, and
settings that cannot work are explained."""

import numpy as np
import pytest
from sklearn.datasets import load_digits

import core.data.memory as memory
from core.data.catalog import DatasetError, dataset_params, load_dataset, validate_dataset
from core.data.transforms import NAMES, shifted, transform
from core.params import ParamError


def test_the_defaults_leave_the_digits_as_they_were():
    data = load_dataset("digits")
    assert data.input_shape == (1, 8, 8)
    every = np.concatenate([data.x_train, data.x_test])
    original = (load_digits().images / 16.0).astype(np.float32)
    assert sorted(map(bytes, every.reshape(len(every), -1))) == sorted(map(bytes, original.reshape(-1, 64)))
    assert {p.name for p in dataset_params("digits")} >= set(NAMES)
    assert not set(NAMES) & {p.name for p in dataset_params("patches")}  # reconstruction targets: no transforms


def test_upsampling_is_scipys_bilinear_zoom():
    from scipy.ndimage import zoom

    data = load_dataset("digits", {"upsample": 16})
    plain = load_dataset("digits")
    assert data.input_shape == (1, 16, 16)
    expected = zoom(plain.x_test[:5], (1, 1, 2, 2), order=1, grid_mode=True, mode="grid-constant")
    np.testing.assert_allclose(data.x_test[:5], expected, atol=1e-6)
    assert abs(data.x_test.mean() - plain.x_test.mean()) < 0.02  # the same ink, spread over more pixels


def test_a_canvas_centres_the_image_and_shifts_move_it_by_whole_pixels():
    plain = load_dataset("digits")
    centred = load_dataset("digits", {"canvas": 16})
    assert centred.input_shape == (1, 16, 16)
    np.testing.assert_array_equal(centred.x_test[:, :, 4:12, 4:12], plain.x_test)
    assert centred.x_test.sum() == pytest.approx(plain.x_test.sum())
    moved = load_dataset("digits", {"canvas": 16, "shift": 4})
    np.testing.assert_array_equal(moved.y_test, plain.y_test)  # the same split: the shifts have their own generator
    moves = []
    for before, after in zip(centred.x_test[:60], moved.x_test[:60], strict=True):
        found = [
            (dy, dx) for dy in range(-4, 5) for dx in range(-4, 5) if np.array_equal(shifted(before, dy, dx), after)
        ]
        assert found, "every image is its centred self moved by at most 4 pixels each way"
        moves.append(found[0])
    assert len(set(moves)) > 20  # the moves differ from image to image
    again = load_dataset("digits", {"canvas": 16, "shift": 4})
    np.testing.assert_array_equal(again.x_train, moved.x_train)  # the same seed, the same moves


def test_a_fixed_shift_moves_every_image_the_same_way():
    centred = load_dataset("digits", {"canvas": 16})
    moved = load_dataset("digits", {"canvas": 16, "shift_right": 3, "shift_down": -2})
    np.testing.assert_array_equal(moved.x_test, shifted(centred.x_test, -2, 3))
    np.testing.assert_array_equal(moved.y_test, centred.y_test)


def test_binarising_keeps_the_pixels_brighter_than_half():
    from scipy.ndimage import zoom

    plain = load_dataset("digits")
    black_white = load_dataset("digits", {"upsample": 16, "binarise": True})  # the course's SEMEION stand-in
    enlarged = zoom(plain.x_test, (1, 1, 2, 2), order=1, grid_mode=True, mode="grid-constant")
    np.testing.assert_array_equal(black_white.x_test, (enlarged > 0.5).astype(np.float32))
    assert set(np.unique(black_white.x_test)) == {0.0, 1.0}


def test_clutter_adds_pieces_of_other_images_and_keeps_the_digit():
    centred = load_dataset("digits", {"canvas": 20})
    cluttered = load_dataset("digits", {"canvas": 20, "clutter": 4})
    assert (cluttered.x_test >= centred.x_test).all()  # the digit itself is kept: pieces only add brightness
    added = (cluttered.x_test > centred.x_test).reshape(len(centred.x_test), -1).sum(axis=1)
    assert (added > 0).mean() > 0.95 and added.max() <= 4 * 5 * 5  # up to 4 pieces of 5×5 (a quarter of 20)
    outside = cluttered.x_test.copy()
    outside[:, :, 6:14, 6:14] = 0
    assert outside.any()  # pieces land off the digit too
    again = load_dataset("digits", {"canvas": 20, "clutter": 4})
    np.testing.assert_array_equal(again.x_train, cluttered.x_train)


def test_shifting_pushes_pixels_out_and_never_wraps():
    image = np.arange(1, 17, dtype=float).reshape(4, 4)
    moved = shifted(image, 1, -2)
    np.testing.assert_array_equal(moved[1:, :2], image[:3, 2:])
    assert (moved[0] == 0).all() and (moved[:, 2:] == 0).all()
    assert not shifted(image, 4, 0).any()


def test_the_permutation_is_one_and_the_same_for_every_image():
    x = (np.arange(3 * 16).reshape(3, 1, 4, 4) % 16 + 100 * np.arange(3).reshape(3, 1, 1, 1)).astype(np.float32)
    off = {"upsample": 0, "binarise": False, "canvas": 0, "clutter": 0, "shift": 0}
    out = transform(x, off | {"permute": True}, seed=0)
    orders = out.reshape(3, 16) - 100 * np.arange(3).reshape(3, 1)
    assert (orders == orders[0]).all() and sorted(orders[0]) == list(range(16)) and (orders[0] != np.arange(16)).any()
    digits = load_dataset("digits", {"permute": True})
    plain = load_dataset("digits")
    np.testing.assert_array_equal(np.sort(digits.x_test.reshape(-1, 64)), np.sort(plain.x_test.reshape(-1, 64)))


def test_settings_that_cannot_work_are_explained(monkeypatch):
    with pytest.raises(DatasetError, match="cannot hold images 16 pixels wide"):
        load_dataset("digits", {"upsample": 16, "canvas": 12})
    with pytest.raises(ParamError, match="upsample"):
        validate_dataset("digits", {"upsample": 1000})
    monkeypatch.setattr(memory, "available_memory", lambda: 10_000_000)
    with pytest.raises(DatasetError, match="lower upsample or canvas"):
        load_dataset("digits", {"upsample": 128})


@pytest.mark.parametrize(
    ("name", "settings"),
    [
        ("digits", {"upsample": 12, "canvas": 16, "shift": 2, "permute": True, "seed": 3}),
        ("digits", {"upsample": 16, "binarise": True, "seed": 1}),
        ("digits", {"canvas": 20, "clutter": 3, "shift": 1, "seed": 2}),
        ("digits", {"canvas": 12, "shift_right": -2, "shift_down": 1, "seed": 4}),
        ("mnist", {"max_train": 100, "canvas": 32, "shift": 3, "seed": 5}),
    ],
)
def test_an_exported_script_draws_the_same_transformed_images(tmp_path, name, settings):
    from conftest import LESSONS
    from format_files import mnist_folder

    from core.export.script import export_script
    from core.project import Project, load_project

    if name == "mnist":
        mnist_folder(tmp_path, n_train=130)
        settings = settings | {"folder": str(tmp_path)}
    graph = load_project(LESSONS / "digits_cnn.json").graph
    project = Project(graph, name, settings)
    script = {"__name__": "exported"}  # the script's data half runs; its main() does not
    exec(export_script(project), script)
    ours = script["load_data"](project.dataset_params)[:4]
    data = load_dataset(name, project.dataset_params)
    for mine, app in zip(ours, (data.x_train, data.y_train, data.x_test, data.y_test), strict=True):
        assert mine.dtype == app.dtype and np.array_equal(mine, app)
