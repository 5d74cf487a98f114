"""Export a project as one readable, self-contained PyTorch training script.

The script defines the network as an `nn.Module` with a named attribute per layer (in the order the app
builds them, so the same seed gives the same initial weights), builds the dataset with Neurona's own
generator written out plainly (core.export.datasets), and trains as the app does (core.export.runtime).
It imports torch and numpy (and scikit-learn, scipy or safetensors where the dataset or flags need
them), never Neurona, and runs unchanged under `torchrun`.
"""

from __future__ import annotations

import json
import keyword
import os
from pathlib import Path

from core.data.transforms import NAMES as IMAGE_TRANSFORMS
from core.export.datasets import MAKERS, NEEDS, PUBLISHED, SPLIT, USER_FILES, split_with_transforms, transforms_code
from core.export.runtime import RUNTIME
from core.network.graph import Graph, infer
from core.network.layers import FEATURES
from core.optimizers import optimizer
from core.project import Project


class ExportError(ValueError):
    """A project that cannot be exported; the message is for the user."""


# helper modules for the layer kinds PyTorch has no module for; the names and the attribute names inside
# (`rnn`, `weight`, `shape`) are what core.export.fx_import recognises, and the weights' names match the app's
HELPERS: dict[str, str] = {
    "Step": '''
class _HeavisideSTE(torch.autograd.Function):
    """Heaviside step forward, identity backward (the perceptron rule through gradient descent)."""

    @staticmethod
    def forward(ctx, x):
        return (x > 0).to(x.dtype)

    @staticmethod
    def backward(ctx, grad):
        return grad


class Step(nn.Module):
    def forward(self, x):
        return _HeavisideSTE.apply(x)
''',
    "Sparsity": '''
class _AddL1Gradient(torch.autograd.Function):
    """Identity forward; backward adds the gradient of weight x the mean |x| (an L1 penalty on x)."""

    @staticmethod
    def forward(x, weight):
        return x.view_as(x)

    @staticmethod
    def setup_context(ctx, inputs, output):
        ctx.save_for_backward(inputs[0])
        ctx.weight = inputs[1]

    @staticmethod
    def backward(ctx, grad):
        (x,) = ctx.saved_tensors
        return grad + ctx.weight / x.numel() * torch.sign(x), None


class Sparsity(nn.Module):
    """While training, pushes the values passing through towards zero."""

    def __init__(self, weight):
        super().__init__()
        self.weight = weight

    def forward(self, x):
        return _AddL1Gradient.apply(x, self.weight) if self.training and torch.is_grad_enabled() else x
''',
    "GaussianNoise": '''
class GaussianNoise(nn.Module):
    """While training, adds Gaussian noise of standard deviation std to every value; nothing at test time."""

    def __init__(self, std):
        super().__init__()
        self.std = std

    def forward(self, x):
        return x + self.std * torch.randn_like(x) if self.training and self.std else x
''',
    "Features": '''
class Features(nn.Module):
    """Chosen functions of a 2-D point's coordinates, one column each."""

    FUNCTIONS = {
        "x": lambda x, y: x,
        "y": lambda x, y: y,
        "x_squared": lambda x, y: x * x,
        "y_squared": lambda x, y: y * y,
        "x_times_y": lambda x, y: x * y,
        "sin_x": lambda x, y: torch.sin(x),
        "sin_y": lambda x, y: torch.sin(y),
    }

    def __init__(self, names):
        super().__init__()
        self.names = tuple(names)

    def forward(self, points):
        x, y = points[:, 0], points[:, 1]
        return torch.stack([self.FUNCTIONS[name](x, y) for name in self.names], 1)
''',
    "Reshape": '''
class Reshape(nn.Module):
    """Arranges each sample's values in a new shape (one size may be -1)."""

    def __init__(self, shape):
        super().__init__()
        self.shape = tuple(shape)

    def forward(self, x):
        return x.reshape(x.shape[0], *self.shape)
''',
    "Transpose": '''
class Transpose(nn.Module):
    """Swaps a sequence's two sizes: (batch, steps, features) to (batch, features, steps)."""

    def forward(self, x):
        return x.transpose(1, 2)
''',
    "GlobalMaxPool": '''
class GlobalMaxPool(nn.Module):
    """Each channel's largest value over every position."""

    def forward(self, x):
        return x.flatten(2).amax(2)
''',
    "Recurrent": '''
class Recurrent(nn.Module):
    """A recurrent layer over (batch, steps, features) that returns the last step or every step."""

    def __init__(self, rnn, last_only):
        super().__init__()
        self.rnn = rnn
        self.last_only = last_only

    def forward(self, x):
        out, _ = self.rnn(x)
        return out[:, -1] if self.last_only else out
''',
    "Add": '''
class Add(nn.Module):
    """Adds its inputs element by element."""

    def forward(self, *xs):
        total = xs[0]
        for x in xs[1:]:
            total = total + x
        return total
''',
    "Concat": '''
class Concat(nn.Module):
    """Joins its inputs along the first dimension after the batch."""

    def forward(self, *xs):
        return torch.cat(xs, dim=1)
''',
}

# names a layer's attribute or variable must not take: the module, the script's globals, Model's constants
_RESERVED = {"self", "torch", "nn", "np", "math", "INPUT_SHAPE", "LOSS"}


def python_names(node_ids: list[str]) -> dict[str, str]:
    """A Python attribute and variable name per node: its id, with a trailing _ where the id is a keyword
    or a name nn.Module already uses."""
    from torch import nn

    probe, names, taken = nn.Module(), {}, set(node_ids)

    def free(name: str, node_id: str) -> bool:
        clash = name in names.values() or (name != node_id and name in taken)
        return not (keyword.iskeyword(name) or hasattr(probe, name) or name in _RESERVED or clash)

    for node_id in node_ids:
        name = node_id
        while not free(name, node_id):
            name += "_"
        names[node_id] = name
    return names


def neurona_keys(node_ids: list[str]) -> dict[str, str]:
    """The key each node's module has in the app's GraphModule.layers (core.network.build)."""
    from core.network.build import _module_keys

    return _module_keys(node_ids)


def layer_code(kind: str, in_shapes: list[tuple[int, ...]], p: dict) -> tuple[str, str | None]:
    """The constructor of a node's module, and the helper class it needs (None for PyTorch's own)."""
    shape = in_shapes[0] if in_shapes else ()
    bias = "" if p.get("bias", True) else ", bias=False"
    if kind == "Linear":
        return f"nn.Linear({shape[0]}, {p['out_features']}{bias})", None
    if kind in ("Conv1d", "Conv2d"):
        extra = "".join(f", {k}={p[k]}" for k in ("stride", "padding") if p[k] != (1 if k == "stride" else 0))
        extra += f", groups={p['groups']}" if p.get("groups", 1) != 1 else ""
        return f"nn.{kind}({shape[0]}, {p['out_channels']}, kernel_size={p['kernel_size']}{extra}{bias})", None
    if kind in ("MaxPool2d", "AvgPool2d"):
        stride = f", stride={p['stride']}" if p["stride"] else ""
        return f"nn.{kind}({p['kernel_size']}{stride})", None
    if kind == "Flatten":
        return "nn.Flatten()", None
    if kind in ("Sigmoid", "Tanh", "ReLU", "GELU"):
        return f"nn.{kind}()", None
    if kind == "LeakyReLU":
        return f"nn.LeakyReLU(negative_slope={p['negative_slope']!r})", None
    if kind == "ELU":
        return f"nn.ELU(alpha={p['alpha']!r})", None
    if kind == "Softmax":
        return "nn.Softmax(dim=1)", None
    if kind == "Dropout":
        return f"nn.Dropout(p={p['p']!r})", None
    if kind == "BatchNorm":
        dims = 2 if len(shape) == 3 else 1
        affine = "" if p["affine"] else ", affine=False"
        return f"nn.BatchNorm{dims}d({shape[0]}{affine})", None
    if kind in ("RNN", "GRU", "LSTM"):
        extra = f", nonlinearity={p['nonlinearity']!r}" if kind == "RNN" and p["nonlinearity"] != "tanh" else ""
        layers = f", num_layers={p['num_layers']}" if p["num_layers"] != 1 else ""
        rnn = f"nn.{kind}({shape[1]}, {p['hidden_size']}{layers}, batch_first=True{extra})"
        return f"Recurrent({rnn}, last_only={p['output'] == 'last'})", "Recurrent"
    if kind == "Step":
        return "Step()", "Step"
    if kind == "Sparsity":
        return f"Sparsity({p['weight']!r})", "Sparsity"
    if kind == "GaussianNoise":
        return f"GaussianNoise({p['std']!r})", "GaussianNoise"
    if kind == "Reshape":
        return f"Reshape({tuple(p['shape'])!r})", "Reshape"
    if kind == "Features":
        chosen = tuple(name for name in FEATURES if p[name])
        return f"Features({chosen!r})", "Features"
    if kind in ("Add", "Concat", "Transpose", "GlobalMaxPool"):
        return f"{kind}()", kind
    raise ExportError(f"the layer kind {kind} cannot be exported yet")


def model_code(graph: Graph, title: str) -> str:
    """The network as an nn.Module class named Model."""
    inference = infer(graph)
    if not inference.ok:
        raise ExportError("the network has problems: " + "; ".join(str(p) for p in inference.problems))
    needed = graph.reachable(inference.output_id, forward=False)
    order = [n for n in inference.order if n in needed]
    names = python_names(order)
    layers = [n for n in order if graph.nodes[n].kind not in ("Input", "Output")]
    helpers, init, forward = [], [], []
    for node_id in layers:
        node = graph.nodes[node_id]
        sources = graph.inputs_of(node_id)
        code, helper = layer_code(node.kind, [inference.shapes[s] for s in sources], node.params)
        if helper and helper not in helpers:
            helpers.append(helper)
        init.append(f"        self.{names[node_id]} = {code}")
        if node.frozen:
            init.append(f"        self.{names[node_id]}.requires_grad_(False)  # frozen: training leaves it as it is")
        args = ", ".join(names[s] for s in sources)
        forward.append(f"        {names[node_id]} = self.{names[node_id]}({args})")
    output = graph.nodes[inference.output_id]
    result = names[graph.inputs_of(output.id)[0]]
    input_shape = tuple(graph.nodes[inference.input_id].params["shape"])
    lines = [
        "class Model(nn.Module):",
        f'    """{title}: the network, one attribute per layer."""',
        "",
        f"    INPUT_SHAPE = {input_shape!r}  # one sample, without the batch",
        f"    LOSS = {_value(output.params['loss'])}  # what the Output node minimises",
        "",
        "    def __init__(self):",
        "        super().__init__()",
        *(init or ["        pass"]),
        "",
        f"    def forward(self, {names[inference.input_id]}):",
        *forward,
        f"        return {result}",
    ]
    helper_code = "".join(HELPERS[h].rstrip() + "\n\n" for h in helpers)
    return helper_code + "\n" + "\n".join(lines) + "\n"


def _renamed(graph: Graph) -> tuple[dict[str, str], dict[str, str]]:
    """For the names that differ: attribute → key in the app's saved weights, attribute → node id."""
    inference = infer(graph)
    needed = graph.reachable(inference.output_id, forward=False)
    order = [n for n in inference.order if n in needed]
    names, keys = python_names(order), neurona_keys(order)
    return {names[n]: keys[n] for n in order if names[n] != keys[n]}, {names[n]: n for n in order if names[n] != n}


def optimizer_code(training: dict) -> str:
    spec = optimizer(training["optimizer"])
    kwargs = spec.torch_kwargs(spec.validate(spec.training_settings(training)))
    args = "".join(f", {k}=" + ('training["lr"]' if k == "lr" else repr(v)) for k, v in kwargs.items())
    return (
        "def make_optimizer(params, training):\n"
        f'    """{spec.title}: {spec.help}."""\n'
        f"    return torch.optim.{spec.torch_class}(params{args})\n"
    )


def export_script(project: Project, weights: str | os.PathLike | None = None, file_name: str = "train_model.py") -> str:
    """The text of the training script for `project`, to be saved as `file_name`; `weights` is a run's
    weights.safetensors to start from."""
    if project.dataset not in MAKERS:
        raise ExportError(f"the dataset '{project.dataset}' cannot be rebuilt by an exported script")
    path_param = "folder" if project.dataset == "image_folder" else "file"
    if project.dataset in USER_FILES and not project.dataset_params.get(path_param):
        raise ExportError(
            f"the dataset '{project.dataset}' has no {path_param} chosen yet: choose one in the Dataset tab"
        )
    training = project.training.to_dict()
    needs = ["torch", "numpy", *NEEDS.get(project.dataset, ())]
    transformed = any(project.dataset_params.get(name) for name in IMAGE_TRANSFORMS)
    if project.dataset_params.get("upsample") and "scipy" not in needs:
        needs.append("scipy")
    weights_path = str(Path(weights).resolve()) if weights else None
    needs.append("safetensors (for --out" + (" and the weights)" if weights_path else ")"))
    model = model_code(project.graph, project.title)
    project_dict = project.to_dict()
    del project_dict["training"]
    parts = [
        f'"""{project.title} — a training script exported from Neurona.',
        "",
        f"Train here:                  python {file_name} [--epochs N] [--device cpu] [--out RUN_FOLDER]",
        f"Train on several processes: torchrun --standalone --nproc_per_node=2 {file_name}",
        "",
        f"Needs: {', '.join(needs)}.",
        "With --out it writes metrics.csv, weights.safetensors and project.json: a folder Neurona opens as a run.",
        '"""',
        "",
        "import argparse",
        "import csv",
        *(["import gzip"] if project.dataset in ("mnist", "fashion_mnist") else []),
        "import json",
        "import math",
        "import os",
        "import sys",
        "import time",
        "",
        "import numpy as np",
        "import torch",
        "import torch.distributed as dist",
        "from torch import nn",
        "from torch.nn.parallel import DistributedDataParallel",
        "from torch.utils.data import DistributedSampler",
        "",
        f"TITLE = {_value(project.title)}",
        f"DATASET_NAME = {_value(project.dataset)}",
        f"DATASET = {_literal(project.dataset_params)}",
        f"TRAINING = {_literal(training)}",
        f"WEIGHTS = {weights_path!r}  # a run's weights.safetensors to start from, or None",
        f"NEURONA_NAMES = {_renamed(project.graph)[0]!r}  # layers whose name in Neurona's weights differs",
        f"NODE_IDS = {_renamed(project.graph)[1]!r}  # layers whose name on Neurona's canvas differs",
        *_published_lines(project),
        "",
        "",
        "# ---- the data --------------------------------------------------------------------------------------",
        "",
        MAKERS[project.dataset].rstrip(),
        "",
        *([transforms_code().rstrip(), ""] if transformed else []),
        (split_with_transforms() if transformed else SPLIT).rstrip(),
        *(["", "", RECONSTRUCT.strip()] if project.dataset_params.get("target") == "input" else []),
        "",
        "",
        "# ---- the network -----------------------------------------------------------------------------------",
        "",
        model.rstrip(),
        "",
        "",
        optimizer_code(training).rstrip(),
        "",
        RUNTIME.rstrip(),
        "",
        "",
        "# the project as Neurona saved it (without its training settings), for the run folder --out writes",
        f"PROJECT = json.loads({json.dumps(project_dict, ensure_ascii=False)!r})",
        "",
    ]
    return "\n".join(parts) + MAIN


RECONSTRUCT = '''
_load_labelled = load_data


def load_data(p):
    """An autoencoder's data (the dataset's target "input"): each sample is its own target."""
    x_train, _, x_test, _, _ = _load_labelled(p)
    x_train, x_test = np.asarray(x_train, dtype=np.float32), np.asarray(x_test, dtype=np.float32)
    return x_train, x_train, x_test, x_test, 0
'''

MAIN = """

if __name__ == "__main__":
    status = main()
    if int(os.environ.get("WORLD_SIZE", "1")) > 1:
        # Under torchrun, skip the interpreter's teardown: there, gloo's threads
        # can abort a process that has already finished and saved (PyTorch 2.13).
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(status)
    sys.exit(status)
"""


def _published_lines(project: Project) -> list[str]:
    """Where a published image set's files are, and its class names."""
    if project.dataset not in PUBLISHED:
        return []
    from core.data import files
    from core.data.catalog import _CACHE_SUBFOLDER
    from core.data.download import default_cache_dir

    folder = project.dataset_params["folder"] or str(default_cache_dir() / _CACHE_SUBFOLDER[project.dataset])
    names = {"mnist": "MNIST_CLASSES", "fashion_mnist": "FASHION_MNIST_CLASSES", "cifar10": "CIFAR10_CLASSES"}
    classes = getattr(files, names[project.dataset])
    return [f"DATA_FOLDER = {_value(str(Path(folder).resolve()))}", f"CLASSES = {classes!r}"]


def _literal(value: dict) -> str:
    """A dict as Python source, one entry a line."""
    if not value:
        return "{}"
    return "{\n" + "".join(f"    {_value(k)}: {_value(v)},\n" for k, v in value.items()) + "}"


def _value(value) -> str:
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    return repr(list(value) if isinstance(value, tuple) else value)
