"""A condition in words, written once for everyone who shows one: the teacher's handout (prose),
the story map (a short label) and validate's messages (the part that blocks a way, as YAML).
"""

from __future__ import annotations

from typing import Callable, Iterator, Mapping

from .models import Condition, Scene

# The parts of a condition an author writes, in the order the format lists them.
PART_FIELDS = ("flags", "not_flags", "visited", "not_visited", "chose", "not_chose",
               "at_least", "below", "any")


def one_line(text: str) -> str:
    return " ".join(str(text).split())


def shorten(text: str, width: int = 60) -> str:
    return text if len(text) <= width else text[: width - 1].rsplit(" ", 1)[0] + "…"


def condition_words(condition: Condition, scenes: Mapping[str, Scene],
                    track_names: Mapping[str, str],
                    flag_words: Callable[[str, bool], str] | None = None) -> str:
    """A condition as a teacher reads it: 'the player chose “…” at Whose drone? and …'.
    ``flag_words(flag, is_set)``, when given, says what a flag means (the choices that set it)."""
    # Here, not at the top: validate reads this module too, and need not load Markdown.
    from ..quote_marks import in_quotes

    def choice(ref: str) -> str:
        scene_id, _, choice_id = ref.rpartition(".")
        scene = scenes.get(scene_id)
        picked = next((c for c in scene.choices if c.id == choice_id), None) if scene else None
        if picked is None:
            return ref
        return f"{in_quotes(shorten(one_line(picked.text)))} at {scene.title}"

    def title(scene_id: str) -> str:
        scene = scenes.get(scene_id)
        return scene.title if scene else scene_id

    bits = [f"the player chose {choice(ref)}" for ref in condition.chose]
    bits += [f"the player did not choose {choice(ref)}" for ref in condition.not_chose]
    if flag_words is None:
        def flag_words(flag: str, is_set: bool) -> str:
            return f"the flag {flag} is {'set' if is_set else 'not set'}"
    bits += [flag_words(flag, True) for flag in condition.flags]
    bits += [flag_words(flag, False) for flag in condition.not_flags]
    bits += [f"the player saw {title(s)}" for s in condition.visited]
    bits += [f"the player did not see {title(s)}" for s in condition.not_visited]
    bits += [f"{track_names.get(t, t)} is at least {v:g}" for t, v in condition.at_least.items()]
    bits += [f"{track_names.get(t, t)} is below {v:g}" for t, v in condition.below.items()]
    if condition.any:
        bits.append("one of these holds: " + "; or ".join(
            condition_words(inner, scenes, track_names, flag_words) for inner in condition.any))
    return " and ".join(bits) or "always"


def condition_label(condition: Condition) -> str:
    """A condition as the story map labels an edge: 'flags: cited-holds; tradecraft ≥ 20'."""
    bits = []
    for name in ("flags", "not_flags", "visited", "not_visited", "chose", "not_chose"):
        values = getattr(condition, name)
        if values:
            bits.append(f"{name.replace('_', ' ')}: {', '.join(values)}")
    bits += [f"{track} ≥ {value:g}" for track, value in condition.at_least.items()]
    bits += [f"{track} < {value:g}" for track, value in condition.below.items()]
    if condition.any:
        bits.append("any of (" + " | ".join(condition_label(c) for c in condition.any) + ")")
    return "; ".join(bits) or "always"


def part_yaml(name: str, value) -> str:
    """One part of a condition as the author wrote it: 'at_least: {tradecraft: 40}'."""
    if name == "any":
        return "any: [" + ", ".join(
            "{" + ", ".join(part_yaml(n, v) for n, v in parts(inner)) + "}" for inner in value) + "]"
    if isinstance(value, Mapping):
        return f"{name}: {{" + ", ".join(f"{k}: {v:g}" for k, v in value.items()) + "}"
    return f"{name}: [{', '.join(value)}]"


def parts(condition: Condition) -> Iterator[tuple[str, object]]:
    """(field name, value) of every part the condition has, in the format's order."""
    for name in PART_FIELDS:
        value = getattr(condition, name)
        if value:
            yield name, value
