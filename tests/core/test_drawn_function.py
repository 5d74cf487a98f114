"""A function of x the user draws: the stroke becomes the dataset's target (numpy's linear
interpolation of the drawing at the dataset's x), survives the project file, and a stroke that is
not a function of x gets a sentence that says so."""

import json

import numpy as np
import pytest
from conftest import LESSONS
from hypothesis import given, settings
from hypothesis import strategies as st

from core.data.catalog import DatasetError, load_dataset
from core.data.drawn import DrawingError, Sketch, parse_curve
from core.project import load_project, save_project


def stroke(xs, ys) -> str:
    sketch = Sketch()
    for x, y in zip(xs, ys, strict=True):
        sketch.add(x, y)
    return sketch.curve_json()


def test_a_drawn_curve_becomes_the_dataset():
    t = np.linspace(-0.6, 0.8, 40)  # a stroke over part of the range, a hinge with a bend
    drawing = stroke(t, np.maximum(0, 2 * t) - 0.3)
    curve = parse_curve(drawing)
    assert curve[0][0] == pytest.approx(-0.6) and curve[0][-1] == pytest.approx(0.8)
    data = load_dataset("function", {"function": "drawn", "drawing": drawing, "noise": 0.0, "n_samples": 300})
    for x, y in ((data.x_train, data.y_train), (data.x_test, data.y_test)):
        assert np.allclose(y, np.interp(x[:, 0].astype(np.float64), *curve), atol=1e-6)
    x = np.concatenate([data.x_train, data.x_test])[:, 0]
    assert x.min() < -0.9 and x.max() > 0.9  # sampled where every function of x is: on [−1, 1]
    left = data.y_train[data.x_train[:, 0] < -0.6]
    assert np.allclose(left, curve[1][0])  # beyond the stroke's ends the drawn function stays level
    noisy = load_dataset("function", {"function": "drawn", "drawing": drawing, "noise": 0.1, "n_samples": 2000})
    residual = noisy.y_train - np.interp(noisy.x_train[:, 0].astype(np.float64), *curve)
    assert 0.08 < residual.std() < 0.12  # the noise asked for, on top of the curve


def test_drawing_back_over_a_part_redraws_it_so_the_result_stays_a_function():
    sketch = Sketch()
    for x in np.linspace(-1, 1, 50):
        sketch.add(x, 1.0)
    for x in np.linspace(1, 0, 30):  # back to the middle, lower
        sketch.add(x, -1.0)
    xs, ys = parse_curve(sketch.curve_json())
    assert np.all(np.diff(xs) > 0) and len(xs) == 101
    assert np.allclose(ys[xs > 0.05], -1.0) and np.allclose(ys[xs < -0.05], 1.0)


def test_the_drawing_round_trips_through_the_project_file(tmp_path):
    project = load_project(LESSONS / "universal_approximation.json")
    drawing = stroke(np.linspace(-1, 1, 60), np.cos(3 * np.linspace(-1, 1, 60)))
    project.set_dataset("function", {**project.dataset_params, "function": "drawn", "drawing": drawing})
    save_project(project, tmp_path / "mine.json")
    again = load_project(tmp_path / "mine.json")
    assert again.dataset == "function" and again.dataset_params == project.dataset_params
    first, second = (load_dataset(p.dataset, p.dataset_params) for p in (project, again))
    assert np.array_equal(first.x_train, second.x_train) and np.array_equal(first.y_train, second.y_train)
    assert json.loads(json.loads((tmp_path / "mine.json").read_text())["dataset"]["params"]["drawing"])[0][0] == -1.0


@pytest.mark.parametrize(
    ("xs", "ys", "words"),
    [
        ([0.2], [0.5], "A single point is not a curve"),
        ([0.3, 0.3, 0.31, 0.3, 0.32], [-1, -0.5, 0.2, 0.8, 1.4], "vertical"),
    ],
)
def test_a_stroke_that_is_no_function_gets_a_sentence(xs, ys, words):
    with pytest.raises(DrawingError, match=words):
        stroke(xs, ys)


@pytest.mark.parametrize(
    ("drawing", "words"),
    [
        ("", "Nothing drawn yet"),
        ("[[0.1, 0.5]]", "A single point is not a curve"),
        ("[[0.1, 0.5], [0.1, 0.9]]", "must increase"),
        ("[[0.1, 0.5], [0.12, 0.9]]", "vertical"),
        ("[[0, 1], [0.5]]", "JSON list of \\[x, y\\] pairs"),
        ("not json", "JSON list of \\[x, y\\] pairs"),
    ],
)
def test_a_bad_drawing_in_a_project_is_a_dataset_error_with_a_reason(drawing, words):
    with pytest.raises(DatasetError, match=words):
        load_dataset("function", {"function": "drawn", "drawing": drawing})


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.floats(-1.5, 1.5), st.floats(-3, 3)), min_size=1, max_size=60))
def test_any_stroke_is_a_function_the_dataset_takes_or_refused_with_a_sentence(moves):
    sketch = Sketch()
    for x, y in moves:
        sketch.add(x, y)
    try:
        drawing = sketch.curve_json()
    except DrawingError as err:
        assert "single point" in str(err) or "vertical" in str(err)
        return
    xs, ys = parse_curve(drawing)  # strictly increasing x, finite y, within the range drawn over
    assert np.all(np.diff(xs) > 0) and -1 <= xs[0] and xs[-1] <= 1
    assert ys.min() >= min(y for _, y in moves) - 1e-3 and ys.max() <= max(y for _, y in moves) + 1e-3
    data = load_dataset("function", {"function": "drawn", "drawing": drawing, "noise": 0.0, "n_samples": 40})
    assert np.isfinite(data.y_train).all()
