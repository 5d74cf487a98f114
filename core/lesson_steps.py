"""The steps of a guided lesson: what a teacher says at each point, questions for the class, and
what the app does when the step is shown (open a view, select a layer, set a parameter, set the
speed, train a few epochs or steps and pause, set the optimizer lab's start).

They live in the project file under "steps" (format version 3), validated here against the
project's own graph and settings, so a bad step is named when the lesson is opened, never
when a teacher reaches it in front of a class. The app (gui.guided) performs them.

Each action is an object with one key naming it:
  {"view": "gradients"}            the training dock's tab ("training" for the dashboard)
  {"panel": "dataset"}             the project dock's tab: about, layer, dataset or training
  {"select": "fc1"}                select a layer on the canvas
  {"set": "fc1.out_features", "value": 3}   a layer's parameter, "training.lr" or "dataset.gate"
  {"speed": 5}                     steps a second, 0 for full speed
  {"run_epochs": 3}, {"run_steps": 50}      train that many more, then pause
  {"reset": true}                  throw the trained weights away
  {"freeze": "fc1"}, {"unfreeze": ["fc1", "fc2"]}   stop or restart training these layers; the model
                                   keeps its weights (staged training: train a new head, then fine-tune)
  {"import_weights": {"run": 1, "layers": ["fc1"]}}   copy layers of a run this lesson kept (1: the
                                   first run the Runs dock kept since the lesson opened) into a new model
                                   (core.run.transfer pairs them; every other layer starts afresh)
  {"pretrain": 20}                 pretrain the hidden dense layers one after another as autoencoders,
                                   20 epochs each (core.train.pretrain); a later step's Run fine-tunes
  {"lab_start": [-1.5, 2.0]}       the optimizer lab's common start
  {"series": [{"training.optimizer": "sgd"}, {"training.optimizer": "adam", "training.lr": 0.01}]}
                                   train one fresh run per entry, each to the project's epochs, after
                                   setting what the entry names ("set"'s targets); the Runs dock then
                                   overlays them (gui.guided.series); an entry's "bypass": ["fc3", "act3"]
                                   trains the network without those layers, wires joined around them

A step's words in another language sit beside it, as a lesson's title and description do:
  "texts": {"es": {"title": …, "text": …, "questions": [{"question": …, "answer": …}]}}
with the same questions in the same order and a title when the English has one. A language is
all or nothing: when one step has it, every step must, so a class never meets an English step
halfway through a Spanish lesson. `LessonStep.in_language` gives the words a reader sees.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace
from typing import Any

from core.network.bypass import bypassed
from core.network.graph import Graph, GraphError, infer
from core.params import ParamError, validate_params

PANELS = ("about", "layer", "dataset", "training")
LANGUAGES = {"es": "Spanish"}  # the languages a step's words may carry besides English, named for messages
MAX_STEPS = 100
MAX_RUN = 100_000
MAX_PRETRAIN = 1000  # epochs per layer (core.train.pretrain.MAX_EPOCHS)
MAX_SERIES = 10  # runs in one series: a lesson's comparison, not a sweep
BYPASS = "bypass"  # a series entry's key for the layers its run goes without


class StepError(ValueError):
    """A step that cannot be used; the message names the step and what is wrong."""


@dataclass(frozen=True)
class Question:
    question: str
    answer: str


@dataclass(frozen=True)
class Action:
    kind: str  # view, panel, select, set, speed, run_epochs, run_steps, reset, lab_start, series, pretrain,
    # freeze, unfreeze, import_weights
    target: Any  # the view's name, the layer's id, "fc1.out_features", the number of epochs…
    value: Any = None  # for "set": the new value

    def to_dict(self) -> dict[str, Any]:
        if self.kind == "set":
            return {"set": self.target, "value": self.value}
        if self.kind == "series":
            return {"series": [{a.target: _plain(a.value) for a in entry} for entry in self.target]}
        if self.kind in ("freeze", "unfreeze"):
            return {self.kind: list(self.target)}
        if self.kind == "import_weights":
            return {self.kind: {"run": self.target[0], "layers": list(self.target[1])}}
        return {self.kind: list(self.target) if isinstance(self.target, tuple) else self.target}


@dataclass(frozen=True)
class StepText:
    """A step's words in one language."""

    text: str
    questions: tuple[Question, ...] = ()
    title: str = ""

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"title": self.title} if self.title else {}
        out["text"] = self.text
        if self.questions:
            out["questions"] = [{"question": q.question, "answer": q.answer} for q in self.questions]
        return out


@dataclass(frozen=True)
class LessonStep:
    text: str
    actions: tuple[Action, ...] = ()
    questions: tuple[Question, ...] = ()
    title: str = ""
    texts: dict[str, StepText] = field(default_factory=dict, hash=False)  # {"es": StepText(…)}: other languages

    def in_language(self, language: str) -> LessonStep:
        """This step with its words in `language`, the English ones where it has none."""
        words = self.texts.get(language)
        if words is None:
            return self
        return replace(self, text=words.text, questions=words.questions, title=words.title)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"title": self.title} if self.title else {}
        out["text"] = self.text
        if self.actions:
            out["actions"] = [action.to_dict() for action in self.actions]
        if self.questions:
            out["questions"] = [{"question": q.question, "answer": q.answer} for q in self.questions]
        if self.texts:
            out["texts"] = {language: words.to_dict() for language, words in self.texts.items()}
        return out


def steps_from(raw: Any, graph: Graph, dataset_specs: tuple, train_specs: tuple) -> tuple[LessonStep, ...]:
    """Validated steps; `dataset_specs` and `train_specs` are the project's dataset's and training's
    parameter specs (core.params.Param), for "set" actions. Raises StepError."""
    if not isinstance(raw, list):
        raise StepError('"steps" must be a list')
    if len(raw) > MAX_STEPS:
        raise StepError(f"a lesson has at most {MAX_STEPS} steps")
    steps = tuple(_step(entry, i + 1, graph, dataset_specs, train_specs) for i, entry in enumerate(raw))
    for language, name in LANGUAGES.items():
        having = [i + 1 for i, step in enumerate(steps) if language in step.texts]
        if having and len(having) < len(steps):
            missing = next(i + 1 for i, step in enumerate(steps) if language not in step.texts)
            raise StepError(
                f'step {missing} has no {name} text ("texts": {{"{language}": …}}) while step {having[0]} has: '
                f"a lesson's steps are translated all or none"
            )
    return steps


def _step(raw: Any, number: int, graph: Graph, dataset_specs: tuple, train_specs: tuple) -> LessonStep:
    where = f"step {number}"
    if not isinstance(raw, dict):
        raise StepError(f"{where} must be an object")
    unknown = set(raw) - {"title", "text", "actions", "questions", "texts"}
    if unknown:
        raise StepError(
            f'{where} has an unknown entry "{sorted(unknown)[0]}" (allowed: actions, questions, text, texts, title)'
        )
    words = _words(raw, where)
    actions = raw.get("actions", [])
    if not isinstance(actions, list):
        raise StepError(f'{where}: "actions" must be a list')
    parsed = tuple(
        _action(a, f"{where}, action {i + 1}", graph, dataset_specs, train_specs) for i, a in enumerate(actions)
    )
    return LessonStep(words.text, parsed, words.questions, words.title, _translations(raw, words, where))


def _words(raw: dict, where: str) -> StepText:
    """The title, text and questions of a step (or of its translation)."""
    text = _text(raw.get("text"), f"{where}: its text", 4000)
    title = _text(raw["title"], f"{where}: its title", 200) if raw.get("title", "") != "" else ""
    questions = raw.get("questions", [])
    if not isinstance(questions, list):
        raise StepError(f'{where}: "questions" must be a list')
    asked = []
    for i, q in enumerate(questions):
        if not isinstance(q, dict) or set(q) != {"question", "answer"}:
            raise StepError(f'{where}, question {i + 1} must be an object with "question" and "answer"')
        asked.append(
            Question(
                _text(q["question"], f"{where}, question {i + 1}", 1000),
                _text(q["answer"], f"{where}, answer {i + 1}", 2000),
            )
        )
    return StepText(text, tuple(asked), title)


def _translations(raw: dict, english: StepText, where: str) -> dict[str, StepText]:
    """A step's "texts": each language's words, checked to say what the English says (a title
    where it has one, as many questions)."""
    texts = raw.get("texts", {})
    if not isinstance(texts, dict):
        raise StepError(f'{where}: "texts" must be an object such as {{"es": {{"text": …}}}}')
    found = {}
    for language, entry in texts.items():
        if language not in LANGUAGES:
            raise StepError(f'{where}: "texts" has an unknown language "{language}" (known: {", ".join(LANGUAGES)})')
        name = LANGUAGES[language]
        there = f"{where} in {name}"
        if not isinstance(entry, dict):
            raise StepError(f'{there} must be an object with "text" (and "title", "questions" as the English has)')
        unknown = set(entry) - {"title", "text", "questions"}
        if unknown:
            raise StepError(f'{there} has an unknown entry "{sorted(unknown)[0]}" (allowed: questions, text, title)')
        words = _words(entry, there)
        if bool(words.title) != bool(english.title):
            raise StepError(f"{there}: {'its title is missing' if english.title else 'the English has no title'}")
        if len(words.questions) != len(english.questions):
            raise StepError(
                f"{there} has {len(words.questions)} question(s) where the English has {len(english.questions)}"
            )
        found[language] = words
    return found


def _action(raw: Any, where: str, graph: Graph, dataset_specs: tuple, train_specs: tuple) -> Action:
    if not isinstance(raw, dict) or not raw:
        raise StepError(f'{where} must be an object such as {{"view": "training"}}')
    if "set" in raw:
        if set(raw) != {"set", "value"}:
            raise StepError(f'{where}: "set" takes a "value" and nothing else')
        return _set_action(raw["set"], raw["value"], where, graph, dataset_specs, train_specs)
    if len(raw) != 1:
        raise StepError(f"{where} must name one action, not {', '.join(sorted(raw))}")
    ((kind, target),) = raw.items()
    if kind in ("view", "panel", "select"):
        if not isinstance(target, str) or not target:
            raise StepError(f'{where}: "{kind}" must be a name')
        if kind == "panel" and target not in PANELS:
            raise StepError(f'{where}: the panel must be one of {", ".join(PANELS)}, not "{target}"')
        if kind == "select" and target not in graph.nodes:
            raise StepError(f'{where}: the network has no layer "{target}"')
        return Action(kind, target)
    if kind == "speed":
        if not _number(target) or not 0 <= target <= 1000:
            raise StepError(f'{where}: "speed" is steps a second from 0 (full speed) to 1000')
        return Action(kind, float(target))
    if kind in ("run_epochs", "run_steps"):
        if isinstance(target, bool) or not isinstance(target, int) or not 1 <= target <= MAX_RUN:
            raise StepError(f'{where}: "{kind}" must be a whole number from 1 to {MAX_RUN:,}')
        return Action(kind, target)
    if kind == "pretrain":
        if isinstance(target, bool) or not isinstance(target, int) or not 1 <= target <= MAX_PRETRAIN:
            raise StepError(f'{where}: "pretrain" is the epochs per layer, a whole number from 1 to {MAX_PRETRAIN}')
        return Action(kind, target)
    if kind == "reset":
        if target is not True:
            raise StepError(f'{where}: "reset" must be true')
        return Action(kind, True)
    if kind in ("freeze", "unfreeze"):
        layers = [target] if isinstance(target, str) else target
        if not isinstance(layers, list) or not layers or not all(isinstance(n, str) for n in layers):
            raise StepError(f'{where}: "{kind}" must name a layer or a list of layers')
        return Action(kind, tuple(_layer(n, where, graph) for n in layers))
    if kind == "import_weights":
        return Action(kind, _import(target, where, graph))
    if kind == "lab_start":
        if not isinstance(target, list) or len(target) != 2 or not all(_number(v) and abs(v) < 1e6 for v in target):
            raise StepError(f'{where}: "lab_start" must be two numbers [x, y]')
        return Action(kind, (float(target[0]), float(target[1])))
    if kind == "series":
        return Action(kind, _series(target, where, graph, dataset_specs, train_specs))
    raise StepError(
        f'{where}: unknown action "{kind}" (known: view, panel, select, set, speed, run_epochs, run_steps, '
        "reset, lab_start, series, pretrain, freeze, unfreeze, import_weights)"
    )


def _layer(node_id: str, where: str, graph: Graph) -> str:
    if node_id not in graph.nodes:
        raise StepError(f'{where}: the network has no layer "{node_id}"')
    return node_id


def _import(raw: Any, where: str, graph: Graph) -> tuple[int, tuple[str, ...]]:
    """(the lesson's run number, the layers to copy from it)."""
    if not isinstance(raw, dict) or set(raw) != {"run", "layers"}:
        raise StepError(f'{where}: "import_weights" must be an object such as {{"run": 1, "layers": ["fc1"]}}')
    run, layers = raw["run"], raw["layers"]
    if isinstance(run, bool) or not isinstance(run, int) or not 1 <= run <= MAX_STEPS:
        raise StepError(f'{where}: "import_weights" run must be a whole number from 1 (the lesson\'s first run)')
    if not isinstance(layers, list) or not layers or not all(isinstance(n, str) for n in layers):
        raise StepError(f'{where}: "import_weights" layers must be a list of layer names')
    return run, tuple(_layer(n, where, graph) for n in layers)


def _series(raw: Any, where: str, graph: Graph, dataset_specs: tuple, train_specs: tuple) -> tuple:
    """A series' runs: per run, the "set" actions done before it (checked as "set" checks them)."""
    if not isinstance(raw, list) or not 2 <= len(raw) <= MAX_SERIES:
        raise StepError(
            f'{where}: "series" must be a list of 2 to {MAX_SERIES} runs, each the settings to change before it, '
            'such as [{"training.optimizer": "sgd"}, {"training.optimizer": "adam"}]'
        )
    runs = []
    for i, entry in enumerate(raw):
        there = f"{where}, run {i + 1} of the series"
        if not isinstance(entry, dict):
            raise StepError(f'{there} must be an object of settings such as {{"training.lr": 0.1}}')
        run = tuple(
            _bypass_action(v, there, graph)
            if t == BYPASS
            else _set_action(t, v, there, graph, dataset_specs, train_specs)
            for t, v in entry.items()
        )
        gone = {node_id for a in run if a.kind == BYPASS for node_id in a.value}
        for a in run:
            if a.kind == "set" and a.target.split(".")[0] in gone:
                raise StepError(f'{there}: it sets "{a.target}" but takes that layer out')
        runs.append(run)
    return tuple(runs)


def _bypass_action(value: Any, where: str, graph: Graph) -> Action:
    """A series run of the network with these layers taken out (core.network.bypass): the depth
    lesson's "1, 2, 3, 4 hidden layers". Every run of a series with such an entry starts from the
    network as the series found it."""
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise StepError(f'{where}: "{BYPASS}" must be a list of layer names, such as ["fc3", "act3"]')
    try:
        problems = infer(bypassed(graph, value)).problems
    except GraphError as err:
        raise StepError(f"{where}: {err}") from None
    if problems:
        raise StepError(f"{where}: without {', '.join(value)} the network has a problem: {problems[0].message}")
    return Action(BYPASS, BYPASS, tuple(value))


def _set_action(target: Any, value: Any, where: str, graph: Graph, dataset_specs: tuple, train_specs: tuple) -> Action:
    if not isinstance(target, str) or target.count(".") != 1:
        raise StepError(f'{where}: "set" names LAYER.PARAMETER, training.SETTING or dataset.SETTING')
    owner, name = target.split(".")
    try:
        if owner == "training":
            value = validate_params("training", train_specs, {name: value})[name]
        elif owner == "dataset":
            value = validate_params("dataset", dataset_specs, {name: value})[name]
        elif owner in graph.nodes:
            value = graph.check_param(owner, name, value)
        else:
            raise StepError(f'{where}: the network has no layer "{owner}"')
    except (ParamError, GraphError) as err:
        raise StepError(f"{where}: {err}") from None
    return Action("set", target, value)


def _plain(value: Any) -> Any:
    return list(value) if isinstance(value, tuple) else value


def _number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


def _text(value: Any, where: str, limit: int) -> str:
    if not isinstance(value, str) or not value.strip() or len(value) > limit:
        raise StepError(f"{where} must be text of 1 to {limit} characters")
    return value
