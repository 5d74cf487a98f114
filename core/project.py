"""Project = graph + dataset + training settings, stored as versioned JSON.

Loading validates everything and turns any problem into one `ProjectError`
whose message names what is wrong; saving is atomic, so an interrupted save
never damages the previous file.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from psygnal import Signal

from core.data.catalog import dataset_params, validate_dataset
from core.lesson_steps import LANGUAGES as STEP_LANGUAGES
from core.lesson_steps import LessonStep, StepError, steps_from
from core.network.graph import NODE_ID, Graph, GraphError
from core.params import ParamError, validate_params
from core.train_config import TRAIN_PARAMS, TrainConfig
from core.words import translate

FORMAT = "neurona-project"
VERSION = 3  # 2 added the optional "view" a project opens on; 3 the optional "steps" of a guided
# lesson and "texts" in other languages
LANGUAGES = tuple(STEP_LANGUAGES)  # the languages a project's title, description and steps may carry besides English
MAX_BYTES = 5_000_000
MAX_NODES = 1000
MAX_EDGES = 5000

# version N -> function turning a version-N dict into a version-(N+1) dict
MIGRATIONS: dict[int, Any] = {1: lambda data: {**data, "version": 2}, 2: lambda data: {**data, "version": 3}}


class ProjectError(ValueError):
    """A project file that cannot be used; the message says why, for the user."""

    def __init__(self, message: str) -> None:
        super().__init__(" ".join(str(message).split()))  # one line, even when it quotes a name with newlines


@dataclass
class Project:
    dataset_changed = Signal()  # class attributes, not fields: the dataset or its parameters changed,
    training_changed = Signal()  # or the training settings did

    graph: Graph = field(default_factory=Graph)
    dataset: str = "spiral"
    dataset_params: dict[str, Any] = field(default_factory=dict)
    training: TrainConfig = field(default_factory=TrainConfig)
    title: str = "Untitled"
    description: str = ""
    view: str = ""  # the app's view a lesson opens on (gui.views.registry), "" for the training dashboard
    steps: tuple[LessonStep, ...] = ()  # a guided lesson's steps (core.lesson_steps)
    texts: dict[str, dict[str, str]] = field(default_factory=dict)  # {"es": {"title": …, "description": …}}
    steps_left_out: str = ""  # why a file's steps were not loaded (load_project's strict_steps=False)

    def __post_init__(self) -> None:
        self.dataset_params = validate_dataset(self.dataset, self.dataset_params)

    def to_dict(self) -> dict[str, Any]:
        return (
            {
                "format": FORMAT,
                "version": VERSION,
                "title": self.title,
                "description": self.description,
                "graph": self.graph.to_dict(),
                "dataset": {"name": self.dataset, "params": dict(self.dataset_params)},
                "training": self.training.to_dict(),
            }
            | ({"view": self.view} if self.view else {})
            | ({"steps": [step.to_dict() for step in self.steps]} if self.steps else {})
            | ({"texts": self.texts} if self.texts else {})
        )

    def text(self, key: str, language: str = "en") -> str:
        """The title or description in `language`, the English one where it has none."""
        return self.texts.get(language, {}).get(key) or getattr(self, key)

    def copy(self) -> Project:
        """An independent twin. The steps are shared as they are (they are immutable), not checked
        again: a lesson may tell the user to delete a layer one of its steps names."""
        data = self.to_dict()
        data.pop("steps", None)
        twin = project_from_dict(data)
        twin.steps = self.steps
        return twin

    def set_training(self, config: TrainConfig) -> TrainConfig:
        """Replace the training settings; returns the old ones for undo."""
        old, self.training = self.training, config
        self.training_changed.emit()
        return old

    def set_dataset(self, name: str, params: dict[str, Any]) -> tuple[str, dict[str, Any]]:
        """Switch dataset (validating its parameters); returns the old choice for undo."""
        old = (self.dataset, dict(self.dataset_params))
        self.dataset_params = validate_dataset(name, params)
        self.dataset = name
        self.dataset_changed.emit()
        return old


# ---- reading ----------------------------------------------------------------------


def load_project(path: str | os.PathLike, strict_steps: bool = True) -> Project:
    """The project in `path`. A lesson's steps are checked against its network: with strict_steps
    a bad step refuses the file (a lesson must be whole); without, the project opens without its
    steps and says why in `steps_left_out` (the user's own file, whose network was edited since)."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise ProjectError(
                translate("project", "{0} is too large ({1} MB; a project is at most {2} MB)").format(
                    path.name, f"{size / 1e6:.1f}", MAX_BYTES // 1_000_000
                )
            )
        raw = path.read_bytes()
    except ProjectError:
        raise
    except OSError as err:
        raise ProjectError(translate("project", "cannot read {0}: {1}").format(path, err.strerror or err)) from None
    project = parse_project(raw, strict_steps)
    project.dataset_params = _beside(path.parent, project.dataset_params)
    return project


def parse_project(raw: bytes | str, strict_steps: bool = True) -> Project:
    if isinstance(raw, bytes):
        try:
            raw = raw.decode("utf-8")
        except UnicodeDecodeError:
            raise ProjectError(translate("project", "this is not a project file: it is not UTF-8 text")) from None
    if not raw.strip():
        raise ProjectError(translate("project", "the file is empty"))
    try:
        data = json.loads(raw, parse_constant=_reject_constant)
    except json.JSONDecodeError as err:
        raise ProjectError(
            translate(
                "project", "the file is not valid JSON (line {0}, column {1}: {2}); it may be truncated or damaged"
            ).format(err.lineno, err.colno, err.msg)
        ) from None
    except RecursionError:
        raise ProjectError("the file is nested too deeply to be a project") from None
    except ValueError as err:  # an integer with thousands of digits: Python's own advice is for programmers
        what = "a number with thousands of digits" if "digits" in str(err) else "a value that cannot be read"
        raise ProjectError(f"the file holds {what}") from None
    return project_from_dict(data, strict_steps)


def _reject_constant(name: str) -> Any:
    raise ProjectError(f"the file contains {name}, which is not a number a project can use")


def project_from_dict(data: Any, strict_steps: bool = True) -> Project:
    if not isinstance(data, dict):
        raise ProjectError(translate("project", "this is not a project file: the top level must be an object"))
    if data.get("format") != FORMAT:
        raise ProjectError(
            translate("project", 'this is not a Neurona project (its "format" must be "{0}")').format(FORMAT)
        )
    data = _migrate(data)
    _expect_keys(
        "the project",
        data,
        {"format", "version", "title", "description", "graph", "dataset", "training", "view", "steps", "texts"},
        required={"graph"},
    )
    title = _text(data.get("title", "Untitled"), "title", 200)
    description = _text(data.get("description", ""), "description", 20_000)
    view = _text(data.get("view", ""), "view", 40)
    texts = _texts(data.get("texts", {}))
    graph = _graph_from(data["graph"])
    dataset = _object(data.get("dataset", {"name": "spiral"}), "dataset")
    _expect_keys("dataset", dataset, {"name", "params"}, required={"name"})
    name = dataset["name"]
    if not isinstance(name, str):
        raise ProjectError("dataset: its name must be text")
    try:
        given = _object(data.get("training", {}), "training")
        # validated first: TrainConfig(**given) would be a TypeError for an entry named "self"
        training = TrainConfig(**validate_params("training", TRAIN_PARAMS, given))
        params = _object(dataset.get("params", {}), "dataset params")
        project = Project(graph, name, params, training, title, description, view, texts=texts)
        if "steps" in data:
            try:
                project.steps = steps_from(data["steps"], graph, dataset_params(project.dataset), TRAIN_PARAMS)
            except StepError as err:
                if strict_steps:
                    raise
                project.steps_left_out = str(err)
        return project
    except (ParamError, StepError) as err:
        raise ProjectError(str(err)) from None


def _beside(folder: Path, params: dict) -> dict:
    """A dataset's file or folder named by a relative path is the one beside the project file, wherever
    the app was started from (a project shipped with its text file keeps working)."""
    found = dict(params)
    for key in ("file", "folder"):
        value = found.get(key)
        if isinstance(value, str) and value and not Path(value).expanduser().is_absolute():
            found[key] = str((folder / Path(value).expanduser()).resolve())
    return found


def _texts(raw: Any) -> dict[str, dict[str, str]]:
    """The title and description in other languages: {"es": {"title": …, "description": …}}."""
    texts = _object(raw, "texts")
    _expect_keys("texts", texts, set(LANGUAGES), required=set())
    found = {}
    for language, entry in texts.items():
        entry = _object(entry, f"texts.{language}")
        _expect_keys(f"texts.{language}", entry, {"title", "description"}, required=set())
        found[language] = {
            key: _text(entry[key], f"texts.{language}.{key}", 200 if key == "title" else 20_000) for key in entry
        }
    return found


def _migrate(data: dict) -> dict:
    version = data.get("version")
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise ProjectError('the project\'s "version" must be a whole number from 1')
    if version > VERSION:
        raise ProjectError(
            translate(
                "project",
                "this project was saved by a newer Neurona (format version {0}; this one reads up to {1}): "
                "update Neurona to open it",
            ).format(version, VERSION)
        )
    while version < VERSION:
        data = MIGRATIONS[version](data)
        version += 1
    return data


def _graph_from(raw: Any) -> Graph:
    raw = _object(raw, "graph")
    _expect_keys("graph", raw, {"nodes", "edges"}, required={"nodes"})
    nodes, edges = raw["nodes"], raw.get("edges", [])
    if not isinstance(nodes, list) or not isinstance(edges, list):
        raise ProjectError('graph: "nodes" and "edges" must be lists')
    if len(nodes) > MAX_NODES or len(edges) > MAX_EDGES:
        raise ProjectError(f"graph: at most {MAX_NODES} nodes and {MAX_EDGES} wires are supported")
    graph = Graph()
    try:
        for i, node in enumerate(nodes):
            node = _object(node, f"node {i + 1}")
            _expect_keys(f"node {i + 1}", node, {"id", "kind", "params", "frozen", "pos"}, required={"id", "kind"})
            if not isinstance(node["id"], str) or not NODE_ID.fullmatch(node["id"]):
                raise ProjectError(
                    f'node {i + 1}: its "id" must be a name that starts with a letter '
                    "and uses only letters, digits and _"
                )
            if not isinstance(node["kind"], str):
                raise ProjectError(f'node {i + 1}: its "kind" must be the name of a layer kind')
            graph.add_node(
                node["kind"],
                node["id"],
                _object(node.get("params", {}), f"node {i + 1} params"),
                _bool(node.get("frozen", False), f"node {i + 1} frozen"),
                _pos(node.get("pos", [0, 0]), i),
            )
        for i, edge in enumerate(edges):
            edge = _object(edge, f"wire {i + 1}")
            _expect_keys(f"wire {i + 1}", edge, {"from", "to", "port"}, required={"from", "to"})
            port = edge.get("port", 0)
            if isinstance(port, bool) or not isinstance(port, int):
                raise ProjectError(f'wire {i + 1}: "port" must be a whole number')
            graph.add_edge(edge["from"], edge["to"], port)
    except GraphError as err:
        raise ProjectError(f"graph: {err}") from None
    return graph


def _object(value: Any, where: str) -> dict:
    if not isinstance(value, dict):
        raise ProjectError(f"{where} must be an object, not {type(value).__name__}")
    return value


def _expect_keys(where: str, value: dict, allowed: set[str], required: set[str]) -> None:
    for key in value:
        if key not in allowed:
            raise ProjectError(f'{where} has an unknown entry "{key}" (allowed: {", ".join(sorted(allowed))})')
    for key in sorted(required):
        if key not in value:
            raise ProjectError(f'{where} is missing "{key}"')


def _text(value: Any, where: str, limit: int) -> str:
    if not isinstance(value, str) or len(value) > limit:
        raise ProjectError(f"the {where} must be text of at most {limit} characters")
    return value


def _bool(value: Any, where: str) -> bool:
    if not isinstance(value, bool):
        raise ProjectError(f"{where} must be true or false")
    return value


def _pos(value: Any, index: int) -> tuple[float, float]:
    ok = (
        isinstance(value, list)
        and len(value) == 2
        and all(isinstance(v, (int, float)) and not isinstance(v, bool) and abs(v) < 1e9 for v in value)
    )
    if not ok:
        raise ProjectError(f'node {index + 1}: "pos" must be two numbers [x, y]')
    return (float(value[0]), float(value[1]))


# ---- writing -----------------------------------------------------------------------


def save_project(project: Project, path: str | os.PathLike) -> None:
    atomic_write(path, json.dumps(project.to_dict(), indent=2, ensure_ascii=False) + "\n")


def atomic_write(path: str | os.PathLike, text: str | bytes) -> None:
    """Write to a temporary file beside `path`, flush it to disk, then rename over `path`."""
    path = Path(path)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    data = text.encode("utf-8") if isinstance(text, str) else text
    try:
        with open(tmp, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


# ---- does the graph fit the data? ---------------------------------------------------
