"""Each kind of authoring mistake gives one diagnostic naming file:line, with a hint; none raises.

Every case is the small fixture pack with one mistake written into it, so each failure mode has
its own tiny pack.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from game.content import compile_pack
from game.content.codes import CODES
from game.content.diagnostics import ERROR

from ..conftest import OTHER_REPORTING
from ..unit.test_question_kinds import kind_fixtures
from .cue_packs import cue_fixtures

MINI = Path(__file__).parent.parent / "fixtures" / "mini"

LAST_LINE = "  - {term: NGO, meaning: Non-governmental organisation}\n"  # of the mini pack.yaml


def asked_again(asks_again: str, question_id: str = "q-again", points: float = 0.5) -> str:
    """A question for the mini pack's Tuesday wrap-up that asks ``asks_again`` again, and the
    question it goes before (what it replaces in the file)."""
    return (f"      - id: {question_id}\n        type: numeric\n        asks_again: {asks_again}\n"
            f"        points: {points:g}\n        ask: How many villages flooded, again?\n"
            "        answer: 3\n        source: \"flooding three villages\"\n"
            "        explanation: Three.\n")


BEFORE_TF = "      - id: q-tf\n"  # the last question of the mini pack's Tuesday wrap-up

# (case, file, text to replace, replacement, code, line-marker (text on the reported line), words)
CASES = [
    ("yaml-syntax", "scenes.yaml", 'title: The river rises', 'title: "The river rises',
     "yaml-syntax", None, "YAML syntax"),
    ("unknown-key", "scenes.yaml", "    title: The river rises", "    tilte: The river rises",
     "unknown-key", "tilte:", "Did you mean 'title'?"),
    ("missing-field", "scenes.yaml", "        ask: How many villages flooded?\n", "",
     "missing-field", "- id: q-villages", "no 'ask'"),
    ("wrong-type", "scenes.yaml", "        points: 2\n", "        points: two\n",
     "wrong-type", "points: two", "should be a number"),
    ("unknown-scene", "scenes.yaml", "    next: tue-wrap\n  - id: tue-wrap",
     "    next: tue-wrapp\n  - id: tue-wrap", "unknown-scene", "next: tue-wrapp",
     "Did you mean 'tue-wrap'?"),
    ("quote-not-found", "scenes.yaml", 'source: "flooding three villages"\n      - id: moved',
     'source: "flooding four villages"\n      - id: moved', "quote-not-found",
     "flooding four villages", "not in the article"),
    ("duplicate-key", "scenes.yaml", "    time: Morning\n", "    time: Morning\n    time: Noon\n",
     "duplicate-key", "time: Noon", "appears twice"),
    ("duplicate-scene-id", "scenes.yaml", "  - id: end-weak", "  - id: end-good",
     "duplicate-id", "- id: end-good\n    day: Tuesday\n    time: Night\n    title: A shaky",
     "used twice"),
    ("unknown-day", "scenes.yaml", "    day: Tuesday\n    time: Morning",
     "    day: Tuseday\n    time: Morning", "unknown-day", "day: Tuseday", "Did you mean 'Tuesday'?"),
    ("answer-not-an-option", "scenes.yaml", "        answer: Monday", "        answer: Mondya",
     "answer-not-an-option", "answer: Mondya", "not one of the options"),
    ("unattributed-claim", "scenes.yaml", "        claimed_by: local radio\n", "",
     "unattributed-claim", "status: claimed", "does not say who claims it"),
    ("unknown-track", "scenes.yaml", "effects: {tradecraft: 2}", "effects: {tradecraf: 2}",
     "unknown-track", "effects: {tradecraf: 2}", "Did you mean 'tradecraft'?"),
    ("unknown-flag", "scenes.yaml", "if: {flags: [careful]", "if: {flags: [carefull]",
     "unknown-flag", "flags: [carefull]", "Did you mean 'careful'?"),
    ("dead-end", "scenes.yaml", "    ending: true\n    assessment: Check your sources.", "",
     "dead-end", "- id: end-weak", "not an ending"),
    ("unknown-question-type", "scenes.yaml", "type: single-choice", "type: single-choise",
     "unknown-value", "type: single-choise", "Did you mean 'single-choice'?"),
    ("numeric-answer-not-a-number", "scenes.yaml", "        answer: 3\n", '        answer: "three"\n',
     "no-answer", 'answer: "three"', "must be a number"),
    ("true-false-answer-as-text", "scenes.yaml", "        answer: false", '        answer: "false"',
     "no-answer", 'answer: "false"', "true or false"),
    ("yaml-boolean", "scenes.yaml", "        answer: the mayor", "        answer: no",
     "yaml-boolean", "answer: no", "read this answer as false"),
    ("near-miss-accepted", "scenes.yaml", "        also_accept: [mayor]\n",
     "        also_accept: [mayor]\n        near_misses: [The Mayor.]\n", "near-miss-accepted",
     "near_misses: [The Mayor.]", "also an accepted answer ('the mayor')"),
    ("negative-tolerance", "scenes.yaml", "        answer: 3\n", "        answer: 3\n        tolerance: -1\n",
     "bad-tolerance", "tolerance: -1", "below zero"),
    ("two-documents", "pack.yaml", "role: River analyst\n", "role: River analyst\n---\nx: 1\n",
     "several-documents", "---", "more than one YAML document"),
    ("missing-source-file", "pack.yaml", "source: seed.txt", "source: nowhere.txt",
     "missing-source", "source: nowhere.txt", "not in the pack folder"),
    ("start-names-no-scene", "pack.yaml", "start: mon-alarm", "start: monday-alarm",
     "unknown-scene", "start: monday-alarm", "No scene has the id"),
    ("wrong-kind", "pack.yaml", "days: [Monday, Tuesday]", "days: Monday",
     "wrong-type", "days: Monday", "should be a list"),
    ("unknown-format", "pack.yaml", "format: 2", "format: 9", "unknown-format", "format: 9",
     "reads formats 1 to 2"),
    ("confirmed-without-a-source", "scenes.yaml", "        text: Three villages flooded.\n",
     "        text: Three villages flooded.\n        status: confirmed\n",
     "unsourced-confirmation", "status: confirmed", "does not name the primary source"),
    ("bears-on-no-fact", "pack.yaml", LAST_LINE,
     LAST_LINE + OTHER_REPORTING.replace("bears_on: villages", "bears_on: vilages"),
     "unknown-fact", "bears_on: vilages", "Did you mean 'villages'?"),
    ("blank-citation", "pack.yaml", LAST_LINE,
     LAST_LINE + OTHER_REPORTING.replace("date: 2 March", 'date: ""'), "blank-citation",
     'date: ""', "'date' is empty"),
    ("asks-again-unknown", "scenes.yaml", BEFORE_TF, asked_again("q-vilages") + BEFORE_TF,
     "asks-again-unknown", "asks_again: q-vilages", "Did you mean 'q-villages'?"),
    ("asks-again-same-day", "scenes.yaml", BEFORE_TF, asked_again("q-who") + BEFORE_TF,
     "asks-again-not-earlier", "asks_again: q-who", "on the same day (Tuesday, in 'tue-radio')"),
    ("asks-again-twice", "scenes.yaml", BEFORE_TF,
     asked_again("q-villages") + asked_again("q-again", "q-again-2", 0.25) + BEFORE_TF,
     "asks-again-chain", "asks_again: q-again\n", "'q-again' is itself a question asked again"),
]


def broken_pack(tmp_path: Path, file: str, old: str, new: str, source: Path = MINI) -> Path:
    """A copy of the ``source`` pack (the mini pack) with ``old`` replaced by ``new`` in
    ``file``."""
    pack = tmp_path / source.name
    shutil.copytree(source, pack)
    target = pack / file
    text = target.read_text(encoding="utf-8")
    assert old in text, f"the fixture no longer contains {old!r}"
    target.write_text(text.replace(old, new, 1), encoding="utf-8")
    return pack


def line_of(path: Path, marker: str) -> int:
    text = path.read_text(encoding="utf-8")
    return text[: text.index(marker)].count("\n") + 1


@pytest.mark.parametrize("case, file, old, new, code, marker, words", CASES,
                         ids=[c[0] for c in CASES])
def test_each_mistake_is_reported_at_its_line(tmp_path, case, file, old, new, code, marker, words):
    pack = broken_pack(tmp_path, file, old, new)
    result = compile_pack(pack)
    matching = [d for d in result.diagnostics if d.code == code]
    assert matching, f"no {code} in: {[str(d) for d in result.diagnostics]}"
    found = matching[0]
    assert found.severity == ERROR and not result.ok
    assert found.file.endswith(f"mini/{file}")
    assert words in found.message
    assert found.hint, "every diagnostic says how to fix it"
    if marker is not None:
        assert found.line == line_of(pack / file, marker)
    assert found.column >= 1


def test_a_clean_pack_has_no_diagnostics():
    result = compile_pack(MINI)
    assert result.ok and result.diagnostics == []


def test_every_problem_is_reported_in_one_run(tmp_path):
    pack = broken_pack(tmp_path, "scenes.yaml", "    title: The river rises", "    tilte: x")
    text = (pack / "scenes.yaml").read_text().replace("type: single-choice", "type: nope")
    (pack / "scenes.yaml").write_text(text)
    codes = {d.code for d in compile_pack(pack).diagnostics}
    assert {"unknown-key", "missing-field", "unknown-value"} <= codes


def test_a_folder_without_pack_yaml(tmp_path):
    result = compile_pack(tmp_path)
    assert result.pack is None and [d.code for d in result.diagnostics] == ["no-manifest"]


def test_a_file_that_is_not_utf8(tmp_path):
    pack = broken_pack(tmp_path, "scenes.yaml", "rises", "rises")
    (pack / "scenes.yaml").write_bytes(b"scenes:\n  - id: \xff\xfe\n")
    result = compile_pack(pack)
    assert [(d.code, d.line) for d in result.diagnostics if d.code == "not-utf8"] == [("not-utf8", 2)]


def test_times_stay_as_written_not_yaml_sexagesimal(mini_pack):
    # `time: 07:40` unquoted is the integer 460 in YAML 1.1; authors mean the clock time.
    assert mini_pack.scenes["mon-alarm"].time == "07:40"


def test_unquoted_time_is_kept_as_text(tmp_path):
    pack = broken_pack(tmp_path, "scenes.yaml", 'time: "07:40"', "time: 07:40")
    result = compile_pack(pack)
    assert result.ok and result.pack.scenes["mon-alarm"].time == "07:40"


def test_quotes_match_across_typography(mini_pack):
    # The seed has curly quotes and an ellipsis; the author typed straight quotes and "…".
    question = mini_pack.questions()["q-mayor"]
    assert "“" in question.source and "…" in question.source


MAP_CASES = [
    ("unreachable", "    assessment: Check your sources.\n",
     "    assessment: Check your sources.\n  - id: orphan\n    day: Tuesday\n    time: Late\n"
     "    title: Nobody comes here\n    body: Alone.\n    ending: true\n",
     "unreachable", "warning", "id: orphan"),
    ("endless-loop", "    next: tue-wrap\n  - id: tue-wrap", "    next: tue-radio\n  - id: tue-wrap",
     "endless-loop", "error", "id: tue-radio"),
    ("day-backwards", "    next: tue-wrap\n  - id: tue-wrap", "    next: mon-alarm\n  - id: tue-wrap",
     "day-backwards", "warning", "next: mon-alarm"),
]


@pytest.mark.parametrize("case, old, new, code, severity, marker", MAP_CASES,
                         ids=[c[0] for c in MAP_CASES])
def test_story_map_problems(tmp_path, case, old, new, code, severity, marker):
    pack = broken_pack(tmp_path, "scenes.yaml", old, new)
    found = [d for d in compile_pack(pack).diagnostics if d.code == code]
    assert len(found) == 1, [str(d) for d in compile_pack(pack).diagnostics]
    assert found[0].severity == severity
    assert found[0].line == line_of(pack / "scenes.yaml", marker)


def test_a_loop_with_a_way_out_is_not_an_error(tmp_path):
    pack = broken_pack(tmp_path, "scenes.yaml", "    next: tue-wrap\n  - id: tue-wrap",
                       "    next: mon-alarm\n  - id: tue-wrap")
    assert not [d for d in compile_pack(pack).diagnostics if d.code == "endless-loop"]


def test_a_recursive_alias_is_a_diagnostic_not_a_crash(tmp_path):
    pack = broken_pack(tmp_path, "scenes.yaml", "if: {flags: [careful], at_least: {tradecraft: 2}}",
                       "if: {any: &loop [{any: *loop}]}")
    result = compile_pack(pack)
    assert "recursive-alias" in {d.code for d in result.diagnostics}


def test_messages_use_the_authors_words_for_parts_of_the_format(tmp_path):
    pack = broken_pack(tmp_path, "pack.yaml", "role: River analyst", "rol: River analyst")
    messages = [d.message for d in compile_pack(pack).diagnostics]
    assert "Unknown key 'rol' in a pack.yaml. Did you mean 'role'?" in messages


def test_points_must_be_a_real_number(tmp_path):
    pack = broken_pack(tmp_path, "scenes.yaml", "        points: 2\n", "        points: .nan\n")
    # read as no number at all now (issue 13): refused where YAML reads it
    assert {d.code for d in compile_pack(pack).diagnostics} == {"number-out-of-range"}


def test_all_conditional_choices_need_a_fallback(tmp_path):
    pack = broken_pack(tmp_path, "scenes.yaml", "        next: tue-wrap\n        effects: {tradecraft: 2}",
                       "        next: tue-wrap\n        if: {flags: [careful]}\n        effects: {tradecraft: 2}")
    text = (pack / "scenes.yaml").read_text().replace(
        "        next: tue-radio\n", "        next: tue-radio\n        if: {flags: [careful]}\n", 1)
    (pack / "scenes.yaml").write_text(text)
    assert "all-choices-conditional" in {d.code for d in compile_pack(pack).diagnostics}


def test_decimal_answers_stay_decimal(tmp_path):
    pack = broken_pack(tmp_path, "scenes.yaml", "        answer: 3\n", "        answer: 2.5\n        tolerance: 0.1\n")
    result = compile_pack(pack)
    assert result.ok and result.pack.questions()["q-villages"].answer == 2.5


def test_a_scene_file_that_cannot_be_read_does_not_cascade(tmp_path):
    pack = broken_pack(tmp_path, "scenes.yaml", "scenes:\n", "scenes:\n  - id: [\n")
    codes = [d.code for d in compile_pack(pack).diagnostics]
    assert codes == ["yaml-syntax"]


def test_yml_files_are_scene_files_too(tmp_path):
    pack = broken_pack(tmp_path, "scenes.yaml", "rises", "rises")
    (pack / "scenes.yaml").rename(pack / "scenes.yml")
    assert compile_pack(pack).ok


def test_a_number_answer_to_a_choice_question_says_to_quote_it(tmp_path):
    pack = broken_pack(tmp_path, "scenes.yaml", "        answer: Monday", "        answer: 2019")
    found = [d for d in compile_pack(pack).diagnostics if d.code == "answer-not-an-option"]
    assert "as a number" in found[0].message and "quotes" in found[0].hint


# The rest of the codes: (case, file, old, new, code, severity, marker on the reported line)
MORE_CASES = [
    # issue 13: what YAML's escapes and number syntax let past the pre-scan of the raw file
    ("escaped-control-character", "pack.yaml", "title: The Flood",
     r'title: "The Flood\e]0;x\a"', "escaped-control-character", "error", "title: "),
    ("number-out-of-range", "scenes.yaml", "effects: {tradecraft: 2}",
     "effects: {tradecraft: .inf}", "number-out-of-range", "error", "tradecraft: .inf"),
    ("invisible-character", "scenes.yaml", "options: [Monday, Tuesday, Sunday]",
     r'options: ["Mon\u200bday", Tuesday, Sunday]', "invisible-character", "error", "options:"),
    ("invisible-character-in-prose", "scenes.yaml", "title: The river rises",
     r'title: "The river\u00adrises"', "invisible-character-in-prose", "warning", "title: "),
    ("bad-key", "pack.yaml", "role: River analyst\n", "role: River analyst\n[1, 2]: x\n",
     "bad-key", "error", "[1, 2]: x"),
    ("band-range", "pack.yaml", "  - {min: 80, label: A}", "  - {min: 180, label: A}",
     "band-range", "error", "min: 180"),
    ("duplicate-day", "pack.yaml", "days: [Monday, Tuesday]", "days: [Monday, Tuesday, Monday]",
     "duplicate-day", "error", "days: [Monday, Tuesday, Monday]"),
    ("duplicate-option", "scenes.yaml", "options: [Monday, Tuesday, Sunday]",
     "options: [Monday, Tuesday, Monday]", "duplicate-option", "error", "options: [Monday, Tuesday, Monday]"),
    ("ending-goes-on", "scenes.yaml", "    ending: true\n    assessment: Careful work.",
     "    ending: true\n    next: tue-wrap\n    assessment: Careful work.", "ending-goes-on", "warning",
     "ending: true\n    next: tue-wrap"),
    ("missing-value", "scenes.yaml", "    title: The river rises", "    title:", "missing-value",
     "error", "title:\n"),
    ("no-days", "pack.yaml", "days: [Monday, Tuesday]", "days: []", "no-days", "error", "days: []"),
    ("no-fallback-route", "scenes.yaml", "      - to: end-weak\n", "", "no-fallback-route", "error",
     "- to: end-good"),
    ("no-floor-band", "pack.yaml", "      - {min: 0, label: Shaky}", "      - {min: 10, label: Shaky}",
     "no-floor-band", "warning", "- {min: 10, label: Shaky}"),
    ("no-grades", "pack.yaml", "grades:\n  - {min: 0, label: C}\n  - {min: 50, label: B}\n  - {min: 80, label: A}\n",
     "grades: []\n", "no-grades", "error", "grades: []"),
    ("no-scenes", "scenes.yaml", None, "scenes: []\n", "no-scenes", "error", "id: mini"),
    ("recall-effect", "scenes.yaml", "effects: {tradecraft: 2}", "effects: {recall: 2}",
     "recall-effect", "error", "effects: {recall: 2}"),
    ("too-few-items", "scenes.yaml", "order: [River rose, Officials counted, Mayor spoke]",
     "order: [River rose]", "too-few-items", "error", "order: [River rose]"),
    ("too-few-options", "scenes.yaml", "options: [Monday, Tuesday, Sunday]", "options: [Monday]",
     "too-few-options", "error", "options: [Monday]"),
    ("unused-field", "scenes.yaml", "        answer: 3\n", "        answer: 3\n        options: [a, b]\n",
     "unused-field", "warning", "options: [a, b]"),
    ("empty-file", "pack.yaml", None, "# only a comment\n", "empty-file", "error", None),
    # tue-radio is a side branch: the careful choice goes straight to tue-wrap, which uses "write"
    ("term-used-before-defined", "scenes.yaml", "    next: tue-wrap\n  - id: tue-wrap",
     "    glossary:\n      - {term: write, meaning: Put into words.}\n    next: tue-wrap\n"
     "  - id: tue-wrap", "term-used-before-defined", "warning", "body: Time to write."),
    ("unknown-choice", "scenes.yaml", "if: {flags: [careful], at_least: {tradecraft: 2}}",
     "if: {chose: [mon-alarm.careful], at_least: {tradecraft: 2}}", "unknown-choice", "error",
     "chose: [mon-alarm.careful]"),
    ("bad-choice-id", "scenes.yaml", "        set: [careful]\n",
     "        set: [careful]\n        id: both.figures\n", "bad-choice-id", "error",
     "id: both.figures"),
    # end-good needs the flag careful, which only the choice that skips tue-radio sets
    ("assessment-part-never-shown", "scenes.yaml", "    assessment: Careful work.",
     "    assessment:\n      heading: A sound note\n      parts:\n"
     "        - text: You took the radio's call.\n          if: {visited: [tue-radio]}",
     "assessment-part-never-shown", "warning", "if: {visited: [tue-radio]}"),
    ("unused-attribution", "scenes.yaml", "        claimed_by: local radio\n",
     "        claimed_by: local radio\n        confirmed_by: the mayor\n", "unused-attribution",
     "warning", "confirmed_by: the mayor"),
    # issue 14: one error for the cause, not one for each consequence
    ("missing-dash", "scenes.yaml", "  - id: tue-radio", "    id: tue-radio", "missing-dash",
     "error", "    id: tue-radio"),
    ("no-effects", "scenes.yaml", "        effects: {tradecraft: -1, escalation: 1}\n", "",
     "no-effects", "error", "- text: Report 55 moved"),
    ("duplicate-term", "pack.yaml", "  - {term: NGO, meaning: Non-governmental organisation}",
     "  - {term: NGO, meaning: Non-governmental organisation}\n  - {term: ngo, meaning: Again}",
     "duplicate-term", "warning", "{term: ngo"),
]


@pytest.mark.parametrize("case, file, old, new, code, severity, marker", MORE_CASES,
                         ids=[c[0] for c in MORE_CASES])
def test_more_mistakes_are_reported_at_their_line(tmp_path, case, file, old, new, code, severity,
                                                  marker):
    if old is None:  # the whole file is replaced
        pack = broken_pack(tmp_path, file, "", "")
        (pack / file).write_text(new)
    else:
        pack = broken_pack(tmp_path, file, old, new)
    found = [d for d in compile_pack(pack).diagnostics if d.code == code]
    assert found, [str(d) for d in compile_pack(pack).diagnostics]
    where = pack / ("pack.yaml" if marker == "id: mini" else file)
    assert found[0].severity == severity and found[0].file.endswith(f"mini/{where.name}")
    assert found[0].line == (line_of(where, marker) if marker else 1)
    assert found[0].hint


def test_a_file_that_cannot_be_read(tmp_path):
    pack = broken_pack(tmp_path, "scenes.yaml", "", "")
    (pack / "folder.yaml").mkdir()  # listed like a scene file, but cannot be read as one
    found = [d for d in compile_pack(pack).diagnostics if d.code == "unreadable-file"]
    assert found and found[0].file.endswith("folder.yaml")


ROOT = Path(__file__).resolve().parents[2]


def emitted_codes() -> set[str]:
    """Every diagnostic code the content compiler, the checks and the walkthroughs can report:
    the table's, since a diagnostic with any other code cannot be made (test_diagnostic_codes.py
    runs a fixture for each)."""
    emitted = set(CODES)
    assert emitted, "the table has no codes"
    return emitted


def test_every_diagnostic_code_has_a_fixture():
    emitted = emitted_codes()
    tested = {c[4] for c in CASES} | {c[4] for c in MORE_CASES} | {c[3] for c in MAP_CASES}
    tested |= {"no-manifest", "not-utf8", "unreadable-file", "recursive-alias", "bad-points",
               "all-choices-conditional", "walkthrough-failed", "step-keys",
               "confirmed-without-source",  # tests/unit/test_upgrade.py
               "source-from-other-reporting",  # own tests above/elsewhere (test_fact_status.py)
               "asks-again-points",  # a warning: test_asks_again.py
               "no-ending", "two-manifests",  # test_author_mistakes.py
               "source-outside-pack",  # test_source_path.py
               "markdown-too-long"}  # test_scene_size.py
    tested |= {"unreachable-by-condition", "choice-never-offered", "route-never-taken",
               "conditions-undecided"}  # test_condition_checks.py
    tested |= {"file-too-large", "line-too-long", "too-deep", "too-many-aliases",
               "control-character", "unknown-tag"}  # test_hostile_content.py
    tested |= {code for _path, code, _line in kind_fixtures()}  # tests/fixtures/kinds/
    tested |= set(cue_fixtures())  # small packs of test_answer_cues.py, test_position_words.py
    from .test_learning_checks import CHECK_CASES  # the checks fixture pack, edited

    tested |= {case[3] for case in CHECK_CASES}
    assert emitted - tested == set()


def test_every_diagnostic_code_is_explained_in_the_authoring_guide():
    guide = (ROOT / "docs" / "authoring.md").read_text(encoding="utf-8")
    assert {code for code in emitted_codes() if f"| `{code}` |" not in guide} == set()


@pytest.mark.parametrize("old, new, words", [
    ("    title: The river rises", "    title: Note: the river rises", "must be in quotes"),
    ("    title: The river rises", "    title: @river", "put the value in quotes"),
])
def test_syntax_errors_get_a_hint_for_their_cause(tmp_path, old, new, words):
    pack = broken_pack(tmp_path, "scenes.yaml", old, new)
    [found] = [d for d in compile_pack(pack).diagnostics if d.code == "yaml-syntax"]
    assert words in found.hint
