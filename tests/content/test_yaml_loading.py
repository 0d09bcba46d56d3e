"""The loader composes with libyaml where PyYAML has it, and the pure-Python parser gives the same
models, so a PyYAML built without libyaml loads packs the same way."""

from __future__ import annotations

from game.content.compiler import NodeCompiler, PureSafeLoader, SafeLoader, parse_yaml
from game.content.models import Manifest, SceneFile
from game.paths import packs_root

from ..conftest import CAMPAIGN_ID


def compile_with(loader, path):
    node, problems = parse_yaml(path.read_text(encoding="utf-8"), path.name, loader)
    assert problems == []
    compiler = NodeCompiler(path.name)
    model = Manifest if path.name == "pack.yaml" else SceneFile
    return compiler.compile(model, node), compiler.diagnostics


def test_libyaml_and_pure_python_give_the_same_models():
    for path in sorted((packs_root() / CAMPAIGN_ID).glob("*.yaml")):
        fast, fast_problems = compile_with(SafeLoader, path)
        pure, pure_problems = compile_with(PureSafeLoader, path)
        assert fast is not None and fast == pure and fast_problems == pure_problems == []


def test_yaml_typing_is_applied_only_where_a_field_needs_it():
    text = "scenes:\n  - id: yes\n    day: 2023-03-23\n    time: 07:40\n    title: 12\n    body: no\n"
    node, _ = parse_yaml(text, "t.yaml")
    compiler = NodeCompiler("t.yaml")
    scene = compiler.compile(SceneFile, node).scenes[0]
    # text fields keep the author's own words: no True, date, sexagesimal 460 or 12
    assert (scene.id, scene.day, scene.time, scene.title, scene.body) == (
        "yes", "2023-03-23", "07:40", "12", "no")
