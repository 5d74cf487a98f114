"""The Reconstruction view draws what the model on screen rebuilds, pixel for pixel, and clears
when the model changes."""

import numpy as np
import torch
from conftest import LESSONS

from core.probes.reconstruct import ReconstructProbe
from core.probes.registry import ProbeFailed
from core.project import load_project
from core.run.session import Session
from core.train.trainer import Trainer
from gui.views.reconstruct import ReconstructView, as_images, tiles_rgb


def trained(std: float = 0.3, epochs: int = 2) -> Trainer:
    lesson = load_project(LESSONS / "denoising_autoencoder.json")
    lesson.graph.set_param("noise", "std", std)
    lesson.training = lesson.training.replace(device="cpu")
    trainer = Trainer(lesson)
    for _ in trainer.train(epochs):
        pass
    return trainer


def test_the_rows_are_the_models_own_reconstructions(qtbot, tmp_path):
    trainer = trained()
    result = ReconstructProbe(trainer).compute()
    view = ReconstructView()
    qtbot.addWidget(view)
    view.resize(900, 560)
    view.show()
    view.show_insights({"reconstruct": result})
    assert result.std == 0.3 and result.layer == "noise" and view.spin.value() == 0.3
    n = view.shown
    assert 8 <= n <= 16  # as many as 900 pixels hold
    clean = trainer.x_test[:n]
    assert np.array_equal(view.rows[0], clean.double().numpy())
    noise = view.rows[1] - view.rows[0]
    assert 0.25 < noise.std() < 0.35  # the σ of the layer, on 64 values a sample
    trainer.model.eval()
    with torch.inference_mode():
        expected_noisy = trainer.model(torch.as_tensor(view.rows[1], dtype=torch.float32)).reshape(n, 1, 8, 8)
        expected_clean = trainer.model(clean).reshape(n, 1, 8, 8)
    assert np.allclose(view.rows[2], expected_noisy.double().numpy(), atol=1e-5)
    assert np.allclose(view.rows[3], expected_clean.double().numpy(), atol=1e-5)
    for drawn, samples in zip(view.images, view.rows, strict=True):
        assert np.array_equal(drawn.image, tiles_rgb(samples, 0.0, 1.0))
    grey = np.clip(expected_clean[3, 0, 2, 5].item(), 0, 1) * 255  # sample 3's pixel (2, 5) in the last row
    assert abs(int(view.images[3].image[2, 3 * 9 + 5, 0]) - grey) <= 1
    assert [item.text for item in view.names] == view.row_names()
    mse = torch.mean((trainer.predict(trainer.x_test[:500]) - trainer.x_test[:500].flatten(1)) ** 2).item()
    assert abs(result.clean_mse - mse) < 1e-6
    assert "layer 'noise'" in view.headline.text() and f"{result.clean_mse:.3g}" in view.caption.text()
    assert view.caption.text().startswith(f"{n} test samples")
    view.resize(500, 560)  # narrower: fewer samples, the same model's
    qtbot.waitUntil(lambda: view.shown < n)
    assert np.array_equal(view.rows[3], result.from_clean[: view.shown]) and len(view.rows[3]) == view.shown >= 4
    assert view.grab().save(str(tmp_path / "reconstruct_view.png"))
    with qtbot.waitSignal(view.options_changed):
        view.spin.setValue(0.5)
    assert view.wanted() == {"reconstruct": {"std": 0.5}}
    view.set_context(trainer.project, trainer.data)  # a new model: nothing of the old one stays
    assert view.result is None and view.stack.currentIndex() == 0 and view.wanted() == {"reconstruct": {"std": None}}


def test_without_noise_in_training_the_view_adds_its_own():
    result = ReconstructProbe(trained(std=0.0, epochs=1)).compute()
    assert result.std == 0.3 and result.layer == "noise" and result.layer_std == 0.0
    assert result.noise_mse > 0.08


def test_a_network_that_does_not_rebuild_its_input_gets_a_sentence():
    session = Session(load_project(LESSONS / "digits_cnn.json"))
    failed = session.compute({"reconstruct": {}})["reconstruct"]
    assert isinstance(failed, ProbeFailed) and "choose the target 'input'" in failed.message


def test_sequences_and_vectors_are_drawn_as_rows_of_values():
    assert as_images(np.zeros((3, 20, 2))).shape == (3, 1, 2, 20)
    assert as_images(np.zeros((3, 64))).shape == (3, 1, 1, 64)
    picture = tiles_rgb(np.concatenate([np.full((1, 1, 1, 4), 0.5), np.full((1, 1, 1, 4), 2.0)]), 0.0, 1.0)
    assert picture.shape == (1, 9, 3) and (picture[0, :4] == 128).all() and (picture[0, 5:] == 255).all()
    assert (picture[0, 4] == (236, 239, 241)).all()  # the gap between samples


def test_the_input_chosen_as_target_in_the_app_makes_an_autoencoder_that_trains_and_is_shown(window_thread, qtbot):
    """As a user would: the digits templates lesson (64 → 10), target 'input' in the dataset panel,
    Run, pause, the Reconstruction tab; what it draws is the running model's own output."""
    from PySide6.QtWidgets import QComboBox

    window = window_thread
    window.files.open_lesson(LESSONS / "digit_templates.json")
    qtbot.waitUntil(lambda: window.document.data is not None and window.document.data.name == "digits", timeout=20000)
    panel = window.dataset_panel
    target = panel.form.findChild(QComboBox, "target")
    with qtbot.waitSignal(panel.data_loaded, timeout=20000):
        target.setCurrentText("input")
    graph = window.project.graph
    qtbot.waitUntil(lambda: graph.nodes["fc"].params["out_features"] == 64, timeout=10000)
    assert graph.nodes["out"].params["loss"] == "mse" and window.problems.count() == 0
    assert panel.data.reconstructs and "the target is the input itself" in panel.status.text()
    assert window.project.dataset_params["target"] == "input"
    curves = window.run_controls.dashboard.curves
    assert curves.accuracy_plot.isHidden() and "reconstruction" in curves.no_accuracy.text()
    controller = window.run_controls.controller
    window.run_controls.run_or_pause()
    qtbot.waitUntil(lambda: controller.step >= 300, timeout=60000)
    window.run_controls.run_or_pause()
    qtbot.waitUntil(lambda: controller.state == "paused", timeout=20000)
    trainer = controller.worker.session.trainer
    fresh = Trainer(window.project.copy())
    assert trainer.evaluate()["test_loss"] < 0.5 * fresh.evaluate()["test_loss"]
    view = window.show_view("reconstruct")
    window.run_controls.step()
    qtbot.waitUntil(lambda: view in window.view_tabs.delivered and view.result is not None, timeout=30000)
    qtbot.waitUntil(lambda: controller.state == "paused", timeout=20000)
    assert view.result.step == trainer.step_count
    trainer.model.eval()
    with torch.inference_mode():
        rebuilt = trainer.model(trainer.x_test[: view.shown]).reshape(-1, 1, 8, 8).double().numpy()
    assert np.allclose(view.rows[3], rebuilt, atol=1e-5)
