"""The dataset preview draws a function of x as its curve y(x): the training points joined in
order of x, the training and test points on it (it used to colour the points of a table)."""

import numpy as np

from core.data.catalog import load_dataset
from gui.dataset.preview import DataPreview


def test_a_function_of_x_is_previewed_as_its_curve(qtbot):
    data = load_dataset("function", {"function": "bump", "n_samples": 300, "seed": 2})
    preview = DataPreview()
    qtbot.addWidget(preview)
    preview.resize(420, 260)
    preview.show()
    preview.show_data(data)
    x, y = preview.curve.getData()
    order = np.argsort(data.x_train[:, 0], kind="stable")
    assert np.array_equal(x, data.x_train[order, 0]) and np.array_equal(y, data.y_train[order])
    assert np.all(np.diff(x) >= 0)  # a curve from left to right, not a scribble
    train, test = preview.scatters
    assert np.array_equal(train.data["x"], data.x_train[:, 0]) and np.array_equal(train.data["y"], data.y_train)
    assert np.array_equal(test.data["x"], data.x_test[:, 0]) and np.array_equal(test.data["y"], data.y_test)
    assert preview.plot.getAxis("bottom").labelText == "x"
    preview.grab().save("/tmp/pc/preview.png")
