"""The glossary as the player meets it: pack terms from the start, a scene's terms once reached,
and the checks that a term is not used before a player can have met it, nor defined twice."""

from __future__ import annotations

from game.content.glossary import (
    duplicate_terms,
    early_uses,
    reached_glossary,
    term_pattern,
)
from game.content.models import Band, Choice, GlossaryEntry, Manifest, Pack, Scene, Track

# start -> (side | main) -> join -> end: 'side' is a branch that some players skip.
LINKS = {"start": ("side", "main"), "side": ("join",), "main": ("join",), "join": ("end",)}


def scene(scene_id: str, body: str = "Read on.", glossary: tuple[GlossaryEntry, ...] = ()) -> Scene:
    choices = tuple(Choice(text=f"To {target}", next=target) for target in LINKS.get(scene_id, ()))
    return Scene(id=scene_id, day="Monday", time="09:00", title=scene_id.title(), body=body,
                 choices=choices, glossary=glossary, ending=scene_id == "end")


def entry(term: str) -> GlossaryEntry:
    return GlossaryEntry(term=term, meaning=f"What {term} means.")


def manifest(glossary: tuple[GlossaryEntry, ...] = (), intro: str = "") -> Manifest:
    return Manifest(id="t", title="T", role="Analyst", source="a.txt", start="start",
                    days=("Monday",), tracks=(Track(id="tradecraft", name="Tradecraft"),),
                    grades=(Band(min=0, label="C"),), intro=intro, glossary=glossary)


def scenes(**overrides: Scene) -> dict[str, Scene]:
    built = {scene_id: scene(scene_id) for scene_id in ("start", "side", "main", "join", "end")}
    return {**built, **overrides}


def test_a_term_from_a_side_branch_used_after_the_branches_join_is_too_early():
    story = scenes(side=scene("side", glossary=(entry("IRGC"),)),
                   join=scene("join", body="The **irgc** backs them."))
    [use] = early_uses(manifest(), story)
    assert (use.term, use.defined_in, use.used_in, use.field) == ("IRGC", ("side",), "join", "body")
    assert use.path == ("start", "main", "join")  # the way round the definition


def test_a_term_defined_where_every_path_passes_is_never_too_early():
    for definer in ("start", "join"):  # every path passes them; join may use its own term
        story = scenes(**{definer: scene(definer, glossary=(entry("IRGC"),))})
        story["join"] = scene("join", body="The IRGC backs them.", glossary=story["join"].glossary)
        story["end"] = scene("end", body="IRGC again.")
        assert early_uses(manifest(), story) == [], definer


def test_definitions_on_both_branches_cover_every_path():
    story = scenes(side=scene("side", glossary=(entry("IRGC"),)),
                   main=scene("main", glossary=(entry("IRGC"),)),
                   join=scene("join", body="The IRGC backs them."))
    assert early_uses(manifest(), story) == []


def test_pack_terms_are_known_from_the_start_and_the_intro_comes_first():
    story = scenes(end=scene("end", glossary=(entry("IRGC"),)),
                   start=scene("start", body="IRGC first thing."))
    assert early_uses(manifest(glossary=(entry("irgc"),)), story) == []
    [use] = early_uses(manifest(intro="Meet the IRGC."), scenes(end=story["end"]))
    assert (use.used_in, use.field) == ("", "intro")


def test_the_use_is_found_in_a_choice_as_well():
    story = scenes(side=scene("side", glossary=(entry("proxy"),)))
    story["main"] = Scene(id="main", day="Monday", time="09:00", title="Main", body="No term.",
                          choices=(Choice(text="Call them a proxy", next="join"),))
    [use] = early_uses(manifest(), story)
    assert use.used_in == "main" and use.model is story["main"].choices[0] and use.field == "text"


def test_terms_match_whole_words_whatever_the_case_and_line_breaks():
    assert term_pattern("proxy").search("A PROXY war")
    assert not term_pattern("proxy").search("proxying for them")
    assert not term_pattern("DoD").search("a dodgy claim")
    assert term_pattern("Al-Omar oil field").search("at the al-omar\noil field,")
    assert not term_pattern("Omar").search("Omari")
    tags = term_pattern("confirmed / claimed / disputed")
    assert tags.search("tags: confirmed / claimed /\ndisputed.")
    assert term_pattern("U.S. Embassy").search("the former U.S. Embassy in Tehran")
    assert not term_pattern("U.S. Embassy").search("the former UxSx Embassy")


def test_the_notebook_glossary_grows_with_the_scenes_reached():
    story = scenes(side=scene("side", glossary=(entry("IRGC"),)),
                   join=scene("join", glossary=(entry("proxy"), entry("DoD"))))
    pack = Pack(manifest=manifest(glossary=(entry("DoD"),)), scenes=story, seed_text="", root="")

    def terms(visited: list[str]) -> list[str]:
        return [e.term for e in reached_glossary(pack, visited)]

    assert terms(["start"]) == ["DoD"]
    assert terms(["start", "main", "join"]) == ["DoD", "proxy"]  # DoD's first definition only
    assert terms(["start", "side", "join", "side"]) == ["DoD", "IRGC", "proxy"]


def test_a_term_defined_twice_is_found_whatever_its_case():
    story = scenes(side=scene("side", glossary=(entry("irgc "),)),
                   main=scene("main", glossary=(entry("Proxy"), entry("proxy"))))
    found = [(dup.term, first.term) for dup, first in duplicate_terms(
        manifest(glossary=(entry("IRGC"),)), story)]
    assert found == [("irgc ", "IRGC"), ("proxy", "Proxy")]
