"""The Rare minima view: the sampled shares it draws, and the network's eigenvalues as bars."""

import numpy as np
from conftest import LESSONS

from core.probes.hessian import HessianProbe, positive_definite_share
from core.project import load_project
from core.train.trainer import Trainer
from gui.views.minima import SAMPLES, SEED, SIZES, MinimaView


def test_the_shares_are_sampled_without_blocking_and_drawn(qtbot):
    view = MinimaView()
    qtbot.addWidget(view)
    assert view.busy()  # sampling goes on a size per timer tick
    qtbot.waitUntil(lambda: not view.busy(), timeout=20000)
    rng = np.random.default_rng(SEED)
    expected = {n: positive_definite_share(n, SAMPLES, rng) for n in SIZES}
    assert view.shares == expected
    x, y = view.measured.getData()
    drawn = [n for n in SIZES if expected[n] > 0]
    assert list(x) == drawn and np.allclose(y, np.log10([expected[n] for n in drawn]))  # log axis
    assert "n = 5" in view.random_caption.text()


def test_the_hessians_eigenvalues_are_the_bars(qtbot):
    trainer = Trainer(load_project(LESSONS / "rare_minima.json"))
    for _ in range(40):
        trainer.step()
    result = HessianProbe(trainer).compute()
    view = MinimaView()
    qtbot.addWidget(view)
    view.show_insights({"hessian": result})
    assert np.allclose(view.bars.opts["height"], result.eigenvalues)
    assert f"{result.negative} negative" in view.network_caption.text() and not view.network_plot.isHidden()
