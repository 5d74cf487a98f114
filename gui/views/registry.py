"""The views of the "Inside the network" tabs, in the order they appear.

Each entry names its class by import path, so a view's module (and pyqtgraph,
torch…) loads only when its tab is first opened. The names are those of
`python main.py open --view NAME`.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass


@dataclass(frozen=True)
class ViewSpec:
    name: str
    title: str
    target: str  # "module:Class", a gui.views.base.InsightView
    help: str

    def create(self):
        module, _, cls = self.target.partition(":")
        return getattr(importlib.import_module(module), cls)()


VIEWS = [
    ViewSpec("folding", "Space folding", "gui.views.folding:FoldingView", "the plane's grid after every layer"),
    ViewSpec("hidden", "Hidden layer", "gui.views.hidden:HiddenView", "a layer's activations for every sample"),
    ViewSpec("activations", "Activations", "gui.views.activations:ActivationsView", "histograms and feature maps"),
    ViewSpec("weights", "Weights", "gui.views.weights:WeightsView", "each unit's weights drawn as an image"),
    ViewSpec("filters", "Filters", "gui.views.filters:FiltersView", "first conv layer's kernels with Gabor fits"),
    ViewSpec("gradients", "Gradient flow", "gui.views.gradients:GradientsView", "gradient norm per layer over time"),
    ViewSpec("confusion", "Confusion", "gui.views.confusion:ConfusionView", "confusion matrix, samples, mistakes"),
    ViewSpec("maximise", "Maximise", "gui.views.maximise:MaximiseView", "the input that excites a unit most"),
    ViewSpec("through_time", "Through time", "gui.views.through_time:ThroughTimeView", "a recurrent layer unrolled"),
    ViewSpec(
        "generate",
        "Generate",
        "gui.views.generate:GenerateView",
        "a model fed its own outputs: a sine, or text at a temperature",
    ),
    ViewSpec("dropout", "Dropout", "gui.views.dropout:DropoutView", "the units dropped and the average of masks"),
    ViewSpec("backprop", "Backprop", "gui.views.backprop:BackpropView", "one sample's chain rule, every number"),
    ViewSpec("minima", "Rare minima", "gui.views.minima:MinimaView", "saddles outnumber minima; the Hessian now"),
    ViewSpec(
        "approximation",
        "Approximation",
        "gui.views.approximation:ApproximationView",
        "a curve fitted to a function of x, and each hidden unit's share",
    ),
    ViewSpec(
        "reconstruct",
        "Reconstruction",
        "gui.views.reconstruct:ReconstructView",
        "an autoencoder's input, noisy input and what it rebuilds",
    ),
    ViewSpec("neurons", "Neurons", "gui.views.neurons:NeuronsView", "every unit and weight; set them by hand"),
    ViewSpec("landscape", "Loss landscape", "gui.views.landscape.view:LandscapeView", "the loss around the weights"),
    ViewSpec("activation_functions", "Functions", "gui.views.functions:FunctionsView", "activations and derivatives"),
    ViewSpec("gabor", "Gabor explorer", "gui.views.gabor_explorer:GaborExplorer", "the Gabor function's parameters"),
    ViewSpec("convolution", "Convolution", "gui.views.convolution.view:ConvolutionView", "the operation, step by step"),
    ViewSpec(
        "positions", "By position", "gui.views.positions:PositionsView", "how often the key is found at each step"
    ),
    ViewSpec("optimizer_lab", "Optimizer lab", "gui.views.optlab.lab:OptimizerLab", "optimisers racing in 2-D"),
]

VIEW_NAMES = ["training"] + [spec.name for spec in VIEWS]  # "training": the dashboard itself


def view_spec(name: str) -> ViewSpec:
    return next(spec for spec in VIEWS if spec.name == name)
