"""The Training tab shows only the settings that change anything for the current choices."""

import pytest

from core.project import Project
from gui.training.settings_panel import TrainingSettings


def shown(panel: TrainingSettings) -> set[str]:
    return {name for name, widget in panel.form.widgets.items() if panel.form.layout_.isRowVisible(widget)}


@pytest.mark.parametrize(
    ("changes", "visible", "hidden"),
    [
        ({"optimizer": "sgd"}, set(), {"momentum", "weight_decay"}),
        ({"optimizer": "momentum"}, {"momentum"}, {"weight_decay"}),
        ({"optimizer": "nesterov"}, {"momentum"}, {"weight_decay"}),
        ({"optimizer": "adamw"}, {"weight_decay"}, {"momentum"}),
        ({"schedule": "constant"}, set(), {"step_epochs", "step_gamma"}),
        ({"schedule": "step"}, {"step_epochs", "step_gamma"}, set()),
        ({"init": "xavier"}, set(), {"init_scale"}),
        ({"init": "normal"}, {"init_scale"}, set()),
    ],
)
def test_only_the_settings_that_apply_are_shown(qtbot, changes, visible, hidden):
    project = Project()
    panel = TrainingSettings()
    qtbot.addWidget(panel)
    panel.show_project(project)
    project.set_training(project.training.replace(**changes))  # as an edit or an undo does
    assert visible <= shown(panel) and not (hidden & shown(panel))
    assert {"optimizer", "lr", "batch_size", "epochs", "seed"} <= shown(panel)
