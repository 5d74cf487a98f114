"""Project files: lossless round trips, one clear `ProjectError` for every malformed file, atomic saves."""

import copy
import functools
import json
import math
import signal
import subprocess
import sys

import pytest
from conftest import LESSONS, ROOT
from hypothesis import given, settings
from hypothesis import strategies as st

from core import project as project_module
from core.network.graph import Graph, infer
from core.project import MAX_BYTES, Project, ProjectError, atomic_write, load_project, parse_project, save_project
from core.train_config import TrainConfig

LESSON_FILES = sorted(LESSONS.glob("*.json"))
BASE = json.loads((LESSONS / "perceptron.json").read_text())  # small, yet has every type of field
BASE["title"] = "Perceptron – the ‘AND’ gate of a café"  # multi-byte UTF-8, so some truncations split a character
IDS = [n["id"] for n in BASE["graph"]["nodes"]]


def one_line(message: str) -> str:
    assert message.strip() and len(message.splitlines()) == 1 and "Traceback" not in message
    return message


def rejected(load, *args) -> str:
    """`load(*args)` must raise ProjectError (anything else fails the test) with a one-line message."""
    with pytest.raises(ProjectError) as info:
        load(*args)
    return one_line(str(info.value))


def built_project() -> Project:
    """Everything the lessons lack: two merge nodes, a frozen layer, non-default values everywhere."""
    g = Graph()
    g.add_node("Input", "x", {"shape": [2]}, pos=(-10.5, 3))
    g.add_node("Linear", "a", {"out_features": 6, "bias": False}, frozen=True, pos=(120, -40.25))
    g.add_node("Tanh", "b", pos=(120, 80))
    g.add_node("Linear", "c", {"out_features": 6})
    g.add_node("Add", "s", {"inputs": 2}, pos=(300, 0))
    g.add_node("Concat", "cat", {"inputs": 3}, pos=(450, 1e-3))
    g.add_node("Linear", "head", {"out_features": 3})
    g.add_node("Output", "out", {"loss": "mse"})
    for src, dst, port in [
        ("x", "a", 0),
        ("x", "b", 0),
        ("b", "c", 0),
        ("a", "s", 0),
        ("c", "s", 1),
        ("s", "cat", 0),
        ("a", "cat", 1),
        ("c", "cat", 2),
        ("cat", "head", 0),
        ("head", "out", 0),
    ]:
        g.add_edge(src, dst, port)
    training = TrainConfig(
        optimizer="nesterov",
        lr=0.125,
        momentum=0.5,
        batch_size=7,
        epochs=3,
        schedule="step",
        step_gamma=0.25,
        init="orthogonal",
        l1=0.001,
        clip_norm=2.5,
        seed=12345,
        device="cpu",
    )
    return Project(
        g, "gaussian", {"classes": 3, "noise": 0.2, "n_samples": 123}, training, 'Résumé ✓ "quoted"', "two\nlines"
    )


# ---- 1. round trips -----------------------------------------------------------------------


def assert_round_trips(project: Project, tmp_path) -> None:
    again = parse_project(json.dumps(project.to_dict()))
    assert again.to_dict() == project.to_dict()
    assert again.graph == project.graph and again == project
    save_project(project, tmp_path / "saved.json")
    loaded = load_project(tmp_path / "saved.json")
    assert loaded.to_dict() == project.to_dict() and loaded.graph == project.graph and loaded == project


@pytest.mark.parametrize("lesson", LESSON_FILES, ids=lambda p: p.stem)
def test_every_lesson_round_trips(lesson, tmp_path):
    raw = json.loads(lesson.read_text())
    project = load_project(lesson)
    nodes = [(n["id"], n["kind"]) for n in raw["graph"]["nodes"]]
    assert [(n.id, n.kind) for n in project.graph.nodes.values()] == nodes
    assert len(project.graph.edges) == len(raw["graph"]["edges"]) and project.title == raw["title"]
    assert_round_trips(project, tmp_path)


def test_a_project_built_in_code_round_trips(tmp_path):
    project = built_project()
    assert infer(project.graph).ok
    assert_round_trips(project, tmp_path)
    changed = parse_project(json.dumps(project.to_dict()))
    changed.graph.set_frozen("a", False)  # the comparison can tell projects apart
    assert changed.graph != project.graph and changed != project


# ---- 2. malformed files ---------------------------------------------------------------------

LITERAL, DELETE = "@@literal@@", object()
BAD_VALUES = {
    "text": "not valid!",
    "list": ["x"],
    "null": None,
    "true": True,
    "object": {"bogus": 1},
    "1e308": 1e308,
    "10**30": 10**30,
    "10**400": 10**400,
    "negative": -7,
    "NaN": math.nan,
    "Infinity": math.inf,
    "-Infinity": -math.inf,
}
REQUIRED = {
    (): {"format", "version", "graph"},
    ("graph",): {"nodes"},
    ("graph", "nodes", "*"): {"id", "kind"},
    ("graph", "edges", "*"): {"from", "to"},
    ("dataset",): {"name"},
}


def paths(value, path=()):
    """Every path into a JSON document, containers included."""
    yield path
    items = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else ()
    for key, child in items:
        yield from paths(child, path + (key,))


def get_at(doc, path):
    return functools.reduce(lambda value, key: value[key], path, doc)


def dump(doc) -> bytes:
    return json.dumps(doc, ensure_ascii=False).encode()


def replaced(path, value) -> bytes:
    """BASE with the value at `path` set (a new key, or index len(list) to append) or DELETEd;
    a "RAW:text" value goes in as that JSON text."""
    doc = copy.deepcopy(BASE)
    parent, key = get_at(doc, path[:-1]), path[-1]
    if value is DELETE:
        del parent[key]
        return dump(doc)
    if isinstance(parent, list) and key == len(parent):
        parent.append(None)
    raw = isinstance(value, str) and value.startswith("RAW:")
    parent[key] = LITERAL if raw else value
    return dump(doc).replace(f'"{LITERAL}"'.encode(), value[4:].encode()) if raw else dump(doc)


def renamed(old, new) -> bytes:
    """BASE with node `old` called `new` everywhere, so only the name itself is wrong."""
    doc = copy.deepcopy(BASE)
    for item in doc["graph"]["nodes"] + doc["graph"]["edges"]:
        for key in ("id", "from", "to"):
            if item.get(key) == old:
                item[key] = new
    return dump(doc)


def is_key(path) -> bool:
    return bool(path) and isinstance(path[-1], str)


def is_required(path) -> bool:
    return path[-1] in REQUIRED.get(tuple("*" if isinstance(k, int) else k for k in path[:-1]), ())


def show(path) -> str:
    return ".".join(str(k) for k in path) or "top"


def malformed_cases() -> list[tuple[str, bytes]]:
    text = dump(BASE)
    cases = [(f"truncated at byte {cut}", text[:cut]) for cut in range(0, len(text), len(text) // 50)]
    for path in paths(BASE):
        if path[:1] not in (("graph",), ("dataset",), ("training",)):
            continue
        old = get_at(BASE, path)
        for name, bad in BAD_VALUES.items():
            still_valid = (isinstance(old, bool) and isinstance(bad, bool)) or (
                len(path) > 1 and path[-2] == "pos" and name == "negative"
            )
            if not still_valid:
                cases.append((f"{show(path)} = {name}", replaced(path, bad)))
    cases += [(f"without {show(p)}", replaced(p, DELETE)) for p in paths(BASE) if is_key(p) and is_required(p)]
    node, edge, out = ("graph", "nodes", 1), ("graph", "edges", 0), IDS[-1]
    structural = [
        *[(node + ("kind",), kind) for kind in ("Transformer", "linear", "", "Lin\near", ["Linear"], {"Linear": 1}, 5)],
        *[
            (where + ("bogus",), 1)
            for where in [
                (),
                ("graph",),
                node,
                edge,
                ("dataset",),
                ("dataset", "params"),
                node + ("params",),
                ("training",),
            ]
        ],
        (node + ("params", "kernel_size"), 3),
        (("training", "self"), 1),
        (("training", "learning_rate"), 0.1),
        (("dataset", "params", "classes"), 3),
        (("dataset", "name"), "mnist"),
        (("dataset",), "logic"),
        (node + ("id",), IDS[0]),
        (("graph", "nodes", len(IDS)), BASE["graph"]["nodes"][0]),
        *[(("graph", "nodes", len(IDS)), {"id": bad, "kind": "ReLU"}) for bad in (None, "", 0, False, [], "x\n")],
        (edge + ("to",), "ghost"),
        (edge + ("from",), "ghost"),
        (edge + ("to",), BASE["graph"]["edges"][0]["from"]),
        *[(edge + ("port",), port) for port in (1, -1, 8, 2.0, "0")],
        (("graph", "edges", len(BASE["graph"]["edges"])), BASE["graph"]["edges"][0]),
        (("graph", "edges", len(BASE["graph"]["edges"])), {"from": out, "to": IDS[0]}),
        (("graph", "nodes"), [{"id": f"r{i}", "kind": "ReLU"} for i in range(1001)]),
        (("graph", "edges"), [{"from": IDS[0], "to": IDS[1]}] * 5001),
        (("title",), "t" * 201),
        (("title",), 5),
        (("title",), None),
        (("description",), "d" * 20_001),
        (("description",), ["x"]),
        (("graph",), []),
        *[(("format",), f) for f in ("neurona", "Neurona-Project", "", None, 1, ["neurona-project"])],
        *[(("version",), v) for v in (0, "1", 2.5, 99, -1, True, None, 1.0, [1], 10**30)],
        *[(path, "RAW:" + "9" * 5000) for path in [("version",), ("training", "lr"), node + ("pos", 0)]],
        *[(path, "RAW:1e999") for path in [("training", "lr"), node + ("pos", 1), ("training", "epochs")]],
        *[(node + ("params",), "RAW:" + opening * 100_000) for opening in ("[", '{"a":')],
        (node + ("params",), "RAW:" + "[" * 100_000 + "]" * 100_000),
    ]
    cases += [(f"{show(path)} = {str(value)[:30]!r}", replaced(path, value)) for path, value in structural]
    cases += [
        (f"node named {new!r}", renamed(IDS[1], new))
        for new in ("", "9lives", "has space", "dash-name", "trailing\n", "a" * 65, "é", None, 5, ["x"])
    ]
    cases += [
        ("empty", b""),
        ("only whitespace", b" \n\t "),
        ("null", b"null"),
        ("a number", b"42"),
        ("true", b"true"),
        ("a string", b'"neurona-project"'),
        ("an empty list", b"[]"),
        ("a list of projects", dump([BASE])),
        ("latin-1", json.dumps(BASE, ensure_ascii=False).encode("latin-1", "replace")),
        ("utf-16", json.dumps(BASE).encode("utf-16")),
        ("0xff first", b"\xff" + text),
        ("lone 0x80", b"\x80"),
        ("10**5 '['", b"[" * 100_000),
        ("trailing garbage", text + b"garbage"),
        ("two projects", text + text),
        ("a comment", b"// project\n" + text),
        ("over 5 MB", text + b" " * (MAX_BYTES + 1 - len(text))),
    ]
    return cases


CASES = malformed_cases()
CLI_CASES = {
    name: raw
    for name, raw in CASES
    if name
    in {
        "truncated at byte 0",
        "version = '99'",
        "0xff first",
        "10**5 '['",
        "training.lr = 10**400",
        "graph.nodes.1.kind = \"['Linear']\"",
        "over 5 MB",
    }
}


def test_there_are_enough_cases_and_the_base_is_valid():
    assert len(CASES) >= 200 and len(CLI_CASES) == 7 and len(LESSON_FILES) >= 4
    assert parse_project(dump(BASE)).title == BASE["title"]
    assert parse_project(replaced(("graph", "nodes", 1, "pos", 0), "RAW:1e2")).graph.nodes[IDS[1]].pos[0] == 100


@pytest.mark.parametrize("raw", [raw for _, raw in CASES], ids=[name for name, _ in CASES])
def test_a_malformed_file_is_one_clear_error(raw, tmp_path):
    (tmp_path / "bad.json").write_bytes(raw)
    rejected(load_project, tmp_path / "bad.json")


OPTIONAL = [p for p in paths(BASE) if is_key(p) and not is_required(p)]


@pytest.mark.parametrize("path", OPTIONAL, ids=show)
def test_an_optional_entry_may_be_left_out(path):
    assert isinstance(parse_project(replaced(path, DELETE)), Project)


def test_a_version_1_file_opens_and_the_view_round_trips(tmp_path):
    old = json.loads((LESSONS / "perceptron.json").read_text())
    old["version"] = 1
    project = parse_project(json.dumps(old))
    assert project.view == "" and "view" not in project.to_dict() and project.to_dict()["version"] == 3
    project.view = "gradients"
    assert parse_project(json.dumps(project.to_dict())).view == "gradients"
    with_v1_view = dict(old, view="folding")  # a version-1 file with the newer key is still read
    assert parse_project(json.dumps(with_v1_view)).view == "folding"
    assert "view must be text" in rejected(parse_project, json.dumps(dict(old, view=7)))


def test_a_newer_version_says_to_update():
    assert "update Neurona" in rejected(parse_project, replaced(("version",), 99))


def test_a_missing_file_or_a_folder_is_one_clear_error(tmp_path):
    rejected(load_project, tmp_path / "missing.json")
    rejected(load_project, tmp_path)


def graph_doc(nodes, edges) -> bytes:
    kinds = {"x": "Input", "o": "Output", "s": "Add"}
    doc = copy.deepcopy(BASE)
    doc["graph"] = {
        "nodes": [{"id": n, "kind": kinds.get(n, "ReLU")} for n in nodes],
        "edges": [{"from": a, "to": b, "port": p} for a, b, p in edges],
    }
    return dump(doc)


@pytest.mark.parametrize(
    "nodes, edges, loop",
    [
        ("xabo", [("a", "b", 0), ("b", "a", 0), ("b", "o", 0)], {"a", "b"}),
        ("oxab", [("a", "b", 0), ("b", "a", 0), ("b", "o", 0)], {"a", "b"}),  # a node downstream of the cycle first
        ("oxsab", [("x", "s", 0), ("s", "a", 0), ("a", "b", 0), ("b", "s", 1), ("b", "o", 0)], {"s", "a", "b"}),
    ],
)
def test_a_cycle_loads_and_inference_names_it(nodes, edges, loop):
    problems = infer(parse_project(graph_doc(nodes, edges)).graph).problems
    cycles = [p for p in problems if "cycle through" in p.message]
    assert len(cycles) == 1
    names = cycles[0].message.split("cycle through ")[1].split(" → ")
    assert names[0] == names[-1] and {n.strip("'") for n in names} == loop and len(names) == len(loop) + 1
    assert cycles[0].node in loop


def test_a_graph_without_a_path_from_input_to_output_loads():
    problems = infer(parse_project(graph_doc("xao", [("a", "o", 0)])).graph).problems
    assert "no path from Input to Output" in [p.message for p in problems]


JSON = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats()
    | st.text(max_size=12)
    | st.sampled_from([10**30, -(10**400), 0, 1, 2, -1, 0.5, *IDS, "Linear", "Add", "spiral", "adam", "x\n"]),
    lambda kids: st.lists(kids, max_size=4) | st.dictionaries(st.text(max_size=8), kids, max_size=4),
    max_leaves=8,
)


# on a failure hypothesis imports libcst, whose import warns; pyproject turns warnings into errors
@pytest.mark.filterwarnings("ignore:mypy_extensions.TypedDict is deprecated:DeprecationWarning")
@settings(max_examples=300, deadline=None, database=None)
@given(lesson=st.sampled_from(LESSON_FILES), data=st.data())
def test_random_mutations_load_or_raise_project_error(lesson, data):
    doc = json.loads(lesson.read_text())
    for _ in range(data.draw(st.integers(1, 3))):
        path = data.draw(st.sampled_from([p for p in paths(doc) if p]))
        get_at(doc, path[:-1])[path[-1]] = data.draw(JSON)
    try:
        result = parse_project(json.dumps(doc))
    except ProjectError as err:
        one_line(str(err))
    else:
        assert isinstance(result, Project)


# ---- 3. the command line ------------------------------------------------------------------


@pytest.mark.parametrize("name", [*CLI_CASES, "missing file"])
def test_check_rejects_a_bad_file_with_exit_code_2(name, tmp_path):
    path = tmp_path / "BAD.json"
    if name != "missing file":
        path.write_bytes(CLI_CASES[name])
    result = subprocess.run([sys.executable, "main.py", "check", str(path)], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 2, result.stderr
    assert result.stderr.startswith("error:") and len(result.stderr.strip()) > len(f"error: {path}: ")
    assert "Traceback" not in result.stderr + result.stdout


# ---- 4. atomic saves ----------------------------------------------------------------------

CHILD = """
import sys, time
import core.project as project
def stalled_fsync(fd):
    print("writing", flush=True)
    time.sleep(60)
project.os.fsync = stalled_fsync  # the os module atomic_write uses
project.save_project(project.load_project(sys.argv[1]), sys.argv[2])
"""


def test_a_killed_save_leaves_the_old_file_intact(tmp_path):
    old, new = load_project(LESSONS / "perceptron.json"), built_project()
    target, source = tmp_path / "project.json", tmp_path / "source.json"
    save_project(old, target)
    source.write_text(json.dumps(new.to_dict()))
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(source), str(target)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        line = child.stdout.readline()
    finally:
        child.send_signal(signal.SIGKILL)
        stderr = child.communicate()[1]
    assert line == "writing\n", stderr
    assert child.returncode == -signal.SIGKILL
    assert load_project(target) == old
    others = [p for p in tmp_path.iterdir() if p not in (target, source)]
    assert any(parse_project(p.read_bytes()) == new for p in others)  # the kill really came mid-save


@pytest.mark.parametrize("step, error", [("fsync", OSError), ("replace", KeyboardInterrupt)])
@pytest.mark.parametrize("existed", [True, False])
def test_a_failed_write_removes_its_temp_file(tmp_path, monkeypatch, step, error, existed):
    target = tmp_path / "project.json"
    if existed:
        target.write_text("old")

    def fail(*args):
        raise error("the disk is full")

    monkeypatch.setattr(project_module.os, step, fail)
    with pytest.raises(error, match="the disk is full"):
        atomic_write(target, "new")
    monkeypatch.undo()
    assert list(tmp_path.iterdir()) == ([target] if existed else [])
    if existed:
        assert target.read_text() == "old"
