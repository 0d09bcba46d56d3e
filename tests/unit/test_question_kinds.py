"""Every question kind has all of its parts, and the match kind works as a kind should."""

from __future__ import annotations

import importlib
import json
import random
import re
import shutil
from pathlib import Path

import pytest

from game.content import compile_pack
from game.content.kinds import KINDS, BadResponse, QuestionKind
from game.content.kinds.match import Match
from game.content.models import Pair, Question
from game.content.reference import reference_markdown
from game.plain.answer_forms import ANSWER_FORMS
from game.tui.answer_widgets import ANSWER_WIDGETS
from tests.plain.scripts import RIGHT_LINES, WRONG_LINES
from tests.tui.driver import ANSWER_KEYS, BURST_KEYS

from ..conftest import FIXTURES, MINI

ROOT = Path(__file__).resolve().parents[2]
KIND_FIXTURES = FIXTURES / "kinds"
# What every kind must give for itself; the base class only says "not implemented".
OWN_METHODS = ("fraction", "wrong_response", "random_pick", "lms_answer")


def missing_parts(name: str) -> list[str]:
    """What the kind called ``name`` lacks, in words that say where to add it."""
    missing = []
    module_name = name.replace("-", "_")
    try:
        module = importlib.import_module(f"game.content.kinds.{module_name}")
    except ImportError:
        module = None
    kind = KINDS.get(name)
    if module is None or getattr(module, "KIND", None) is not kind:
        missing.append(f"game/content/kinds/{module_name}.py with KIND, listed in KINDS")
    if kind is not None:
        if not kind.label:
            missing.append("a handout label")
        missing += [f"its own {method}()" for method in OWN_METHODS
                    if getattr(type(kind), method) is getattr(QuestionKind, method)]
    if name not in ANSWER_WIDGETS:
        missing.append("a widget in game/tui/answer_widgets.py")
    if name not in ANSWER_FORMS:
        missing.append("a parser in game/plain/answer_forms.py")
    schema = json.loads((ROOT / "docs" / "schema" / "scenes.schema.json").read_text())
    if name not in json.dumps(schema["$defs"]["Question"]["properties"]["type"]):
        missing.append("an entry in docs/schema/scenes.schema.json")
    reference = (ROOT / "docs" / "scene-format.md").read_text(encoding="utf-8")
    if f"| `{name}` |" not in reference or f"`{name}`" not in reference_markdown():
        missing.append("a row in docs/scene-format.md's question types")
    if not (KIND_FIXTURES / f"{name}.yaml").is_file():
        missing.append(f"a diagnostic fixture tests/fixtures/kinds/{name}.yaml")
    for table, where in ((ANSWER_KEYS, "tests/tui/driver.py ANSWER_KEYS"),
                         (BURST_KEYS, "tests/tui/driver.py BURST_KEYS"),
                         (RIGHT_LINES, "tests/plain/scripts.py RIGHT_LINES"),
                         (WRONG_LINES, "tests/plain/scripts.py WRONG_LINES")):
        if name not in table:
            missing.append(f"an entry in {where}")
    return missing


@pytest.mark.parametrize("name", list(KINDS))
def test_each_kind_has_every_part(name):
    assert missing_parts(name) == []


def test_a_kind_without_its_parts_is_caught():
    assert len(missing_parts("ranking")) >= 8


def test_a_kind_that_does_not_grade_is_caught(monkeypatch):
    class Lazy(QuestionKind):
        name, label = "true-false", "lazy"

    monkeypatch.setitem(KINDS, "true-false", Lazy())
    assert "its own fraction()" in missing_parts("true-false")


def test_the_tables_name_only_real_kinds():
    for table in (ANSWER_WIDGETS, ANSWER_FORMS, ANSWER_KEYS, BURST_KEYS, RIGHT_LINES,
                  WRONG_LINES):
        assert set(table) == set(KINDS)


def kind_fixtures() -> list[tuple[Path, str, int]]:
    """Each broken question in tests/fixtures/kinds/ (``<kind>.yaml``, or ``<kind>-<what>.yaml``
    for more of a kind's codes): the file, the code it expects and the line marked."""
    found = []
    for path in sorted(KIND_FIXTURES.glob("*.yaml")):
        lines = path.read_text(encoding="utf-8").splitlines()
        [(line, code)] = [(n, m.group(1)) for n, text in enumerate(lines, 1)
                          if (m := re.search(r"# expect: ([a-z-]+)", text))]
        found.append((path, code, line))
    return found


@pytest.mark.parametrize("path, code, line", kind_fixtures(), ids=lambda v: getattr(v, "stem", v))
def test_each_kind_fixture_reports_its_code_at_its_line(tmp_path, path, code, line):
    pack = tmp_path / "mini"
    shutil.copytree(MINI, pack)
    shutil.copy(path, pack / "broken.yaml")
    found = [(d.code, d.line) for d in compile_pack(pack).diagnostics
             if d.file.endswith("broken.yaml")]
    assert (code, line) in found, found


# -- the match kind ----------------------------------------------------------------------------

def match_question(**changes) -> Question:
    fields = dict(
        id="q-m", type="match", ask="Who said it?", source="s", explanation="e", points=3,
        pairs=(Pair("The drone was Iranian", "US intelligence"),
               Pair("No Iranians were killed", "Iranian state TV"),
               Pair("No clashes since Friday", "The Department of Defense")),
        extra=("Pat Ryder",))
    fields.update(changes)
    return Question(**fields)


MATCH = Match()
RIGHT = {"The drone was Iranian": "US intelligence", "No Iranians were killed": "Iranian state TV",
         "No clashes since Friday": "The Department of Defense"}


def test_match_gives_credit_per_pair():
    q = match_question()
    assert MATCH.fraction(q, RIGHT) == 1
    one_wrong = {**RIGHT, "No clashes since Friday": "Pat Ryder"}
    assert MATCH.fraction(q, one_wrong) == pytest.approx(2 / 3)
    assert MATCH.fraction(q, MATCH.wrong_response(q, ())) == 0


@pytest.mark.parametrize("response, words", [
    (["US intelligence"], "match every item"),
    ({"The drone was Iranian": "US intelligence"}, "each once"),
    ({**RIGHT, "No clashes since Friday": "Nobody"}, "only to the items on the right"),
    ({**RIGHT, "No clashes since Friday": "US intelligence"}, "each item on the right once"),
])
def test_match_refuses_answers_of_the_wrong_shape(response, words):
    with pytest.raises(BadResponse, match=words):
        MATCH.fraction(match_question(), response)


def test_match_with_reuse_takes_a_target_twice():
    q = match_question(reuse=True, pairs=match_question().pairs[:2] + (
        Pair("The drone came from Syria", "US intelligence"),))
    both = {"The drone was Iranian": "US intelligence", "No Iranians were killed":
            "Iranian state TV", "The drone came from Syria": "US intelligence"}
    assert MATCH.fraction(q, both) == 1
    assert MATCH.fraction(q, MATCH.wrong_response(q, ())) == 0
    assert MATCH.present(q, "k").targets.count("US intelligence") == 1


def test_match_never_lines_the_answer_up_with_its_items():
    q = match_question(extra=())
    for seed in range(200):
        shown = MATCH.present(q, f"{seed}/q-m")
        assert sorted(shown.options) == sorted(RIGHT)
        assert sorted(shown.targets) == sorted(RIGHT.values())
        assert [RIGHT[item] for item in shown.options] != list(shown.targets)


def test_match_written_out_in_the_authors_order():
    q = match_question()
    assert MATCH.right_answer(q).startswith("The drone was Iranian → US intelligence; ")
    scrambled = dict(reversed(list(RIGHT.items())))
    assert MATCH.describe(q, scrambled) == MATCH.right_answer(q)


def test_match_random_answers_keep_the_shape():
    q = match_question()
    rng = random.Random(4)
    for _ in range(50):
        response = MATCH.random_pick(q, (), rng)
        assert 0 <= MATCH.fraction(q, response) <= 1


def test_match_walkthrough_answer_is_the_right_side_in_pair_order():
    q = match_question()
    answer = ("US intelligence", "Iranian state TV", "The Department of Defense")
    assert MATCH.from_walkthrough(q, answer) == RIGHT


@pytest.mark.parametrize("changes, code", [
    ({"pairs": match_question().pairs[:2]}, "too-few-items"),
    ({"pairs": match_question().pairs * 3}, "too-many-items"),
    ({"extra": ("US intelligence",)}, "duplicate-option"),
    ({"extra": tuple(f"Extra {n}" for n in range(6))}, "too-many-items"),
    ({"pairs": (Pair("a", "X"), Pair("b", "X"), Pair("c", "Y"))}, "match-right-reused"),
    ({"pairs": (Pair("a", "X"), Pair("b", "X"), Pair("c", "X")), "reuse": True, "extra": ()},
     "too-few-items"),
])
def test_match_checks(changes, code):
    found = []
    MATCH.check(match_question(**changes), lambda *args, **kw: found.append(args[2]))
    assert code in found
