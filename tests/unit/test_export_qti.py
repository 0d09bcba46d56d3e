"""`briefing export --format qti`: a QTI 2.1 content package whose every item validates against
IMS's published XSD (tests/fixtures/schemas), whose manifest lists every item, and whose items
say what the pack says, hostile characters and all."""

from __future__ import annotations

import io
import re
import zipfile

import pytest
from lxml import etree

from game.classroom.export import export
from game.classroom.export.qti import CP, ITEM_TYPE, QTI

from ..conftest import FIXTURES
from .export_support import (  # noqa: F401  (fixtures)
    HOSTILE_CHOICE_FEEDBACK,
    campaign_pack,
    every_kind_pack,
    forecasts,
    hostile_pack,
    recall_questions,
)

SCHEMAS = FIXTURES / "schemas"
NS = {"q": QTI, "cp": CP}
NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_.-]*$")  # an XML name without a colon (NCName)


@pytest.fixture(scope="module")
def qti_schema() -> etree.XMLSchema:
    # lxml reads the imports from the files beside it, and never from the network.
    return etree.XMLSchema(etree.parse(str(SCHEMAS / "qtiv2p1" / "imsqti_v2p1.xsd")))


def package(pack) -> dict[str, bytes]:
    """The files of the pack's QTI package, by path."""
    content = export(pack, "qti").content
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        assert archive.testzip() is None
        return {name: archive.read(name) for name in archive.namelist()}


def items(files: dict[str, bytes]) -> dict[str, etree._Element]:
    """Each item file parsed, by the question id it gives as its title."""
    parsed = [etree.fromstring(data) for name, data in files.items() if name != "imsmanifest.xml"]
    return {item.get("title"): item for item in parsed}


def words(element) -> str:
    return " ".join("".join(element.itertext()).split())


def schema_errors(schema: etree.XMLSchema, data: bytes) -> list[str]:
    schema.validate(etree.fromstring(data))
    return [f"line {e.line}: {e.message}" for e in schema.error_log]


@pytest.mark.parametrize("pack_fixture", ["campaign_pack", "hostile_pack", "every_kind_pack"])
def test_every_item_validates_against_the_published_qti_21_schema(request, qti_schema,
                                                                  pack_fixture):
    files = package(request.getfixturevalue(pack_fixture))
    assert len(files) > 1
    for name, data in files.items():
        if name != "imsmanifest.xml":
            assert schema_errors(qti_schema, data) == [], name


def test_the_schema_has_teeth(qti_schema, hostile_pack):
    """An item the schema must refuse is refused: so a pass above means something."""
    data = package(hostile_pack)["items/q-choice.xml"]
    for broken in (data.replace(b' timeDependent="false"', b""),  # a required attribute missing
                   data.replace(b"<itemBody>", b"<itemBody><choice/>"),  # an unknown element
                   data.replace(b'maxChoices="1"', b'maxChoices="one"')):  # not an integer
        assert schema_errors(qti_schema, broken)


def test_the_campaign_exports_each_recall_question_once_and_no_forecast(campaign_pack):
    files = package(campaign_pack)
    exported = items(files)
    assert list(exported) == [q.id for q in sorted(
        recall_questions(campaign_pack), key=lambda q: list(exported).index(q.id))]
    assert set(exported) == {q.id for q in recall_questions(campaign_pack)}
    assert len(exported) == 20 and not set(forecasts(campaign_pack)) & set(exported)


def test_the_manifest_lists_every_item_as_content_packaging_1_1_defines_it(campaign_pack):
    files = package(campaign_pack)
    manifest = etree.fromstring(files["imsmanifest.xml"])
    assert manifest.tag == f"{{{CP}}}manifest" and NAME.match(manifest.get("identifier"))
    assert [child.tag.split("}")[1] for child in manifest] == ["metadata", "organizations",
                                                               "resources"]
    assert manifest.findtext("cp:metadata/cp:schema", namespaces=NS) == "QTIv2.1 Package"
    assert manifest.findtext("cp:metadata/cp:schemaversion", namespaces=NS) == "1.0.0"
    resources = manifest.findall("cp:resources/cp:resource", NS)
    identifiers = [r.get("identifier") for r in resources]
    assert len(set(identifiers)) == len(identifiers) and all(map(NAME.match, identifiers))
    listed = []
    for resource in resources:
        assert resource.get("type") == ITEM_TYPE
        [file] = resource.findall("cp:file", NS)
        assert file.get("href") == resource.get("href")
        listed.append(resource.get("href"))
    assert sorted(listed) == sorted(name for name in files if name != "imsmanifest.xml")


def test_hostile_texts_come_back_unchanged(hostile_pack):
    exported = items(package(hostile_pack))
    questions = {q.id: q for q in recall_questions(hostile_pack)}
    assert set(exported) == set(questions)
    for qid, item in exported.items():
        q = questions[qid]
        assert q.ask in words(item.find("q:itemBody", NS)), qid
        feedback = words(item.find("q:modalFeedback", NS))
        assert q.source in feedback and "From the article" in feedback, qid

    choice = exported["q-choice"]
    options = {c.get("identifier"): c.text for c in choice.iterfind(".//q:simpleChoice", NS)}
    assert sorted(options.values()) == sorted(questions["q-choice"].options)
    [right] = choice.xpath(".//q:correctResponse/q:value/text()", namespaces=NS)
    assert options[right] == questions["q-choice"].answer
    assert HOSTILE_CHOICE_FEEDBACK in words(choice.find("q:modalFeedback", NS))

    several = exported["q-several"]
    options = {c.get("identifier"): c.text for c in several.iterfind(".//q:simpleChoice", NS)}
    right = several.xpath(".//q:correctResponse/q:value/text()", namespaces=NS)
    assert sorted(options[r] for r in right) == sorted(questions["q-several"].answers)
    values = {e.get("mapKey"): float(e.get("mappedValue"))
              for e in several.iterfind(".//q:mapEntry", NS)}
    assert sorted(values.values()) == pytest.approx([-1 / 3] * 2 + [1 / 3] * 3)

    typed = exported["q-typed"]
    accepted = [e.get("mapKey") for e in typed.iterfind(".//q:mapEntry", NS)]
    assert accepted == ["Bad Ödenburg", "Ödenburg {Bad}", "B*d Ödenburg #2"]
    assert {e.get("caseSensitive") for e in typed.iterfind(".//q:mapEntry", NS)} == {"false"}

    number = exported["q-number"]
    assert number.xpath(".//q:correctResponse/q:value/text()", namespaces=NS) == ["120"]
    assert number.find(".//q:equal", NS).get("tolerance") == "2.5 2.5"
    assert "Answer in km/h {est.}." in words(number.find("q:itemBody", NS))

    true = exported["q-true"]
    assert true.xpath(".//q:correctResponse/q:value/text()", namespaces=NS) == ["TRUE"]


def matched(item) -> tuple[list[tuple[str, str]], set[str]]:
    """A matching item's right pairs, as texts, and every item on its right."""
    left_set, right_set = item.iterfind(".//q:simpleMatchSet", NS)
    lefts = {c.get("identifier"): c.text for c in left_set}
    rights = {c.get("identifier"): c.text for c in right_set}
    pairs = [v.split() for v in item.xpath(".//q:correctResponse/q:value/text()", namespaces=NS)]
    return [(lefts[a], rights[b]) for a, b in pairs], set(rights.values())


def test_matching_keeps_its_pairs_and_extra_items(hostile_pack):
    pairs, rights = matched(items(package(hostile_pack))["q-pairs"])
    q = hostile_pack.questions()["q-pairs"]
    assert pairs == [(p.left, p.right) for p in q.pairs]
    assert rights == {p.right for p in q.pairs} | set(q.extra)


def test_a_timeline_becomes_matching_each_event_to_its_place(every_kind_pack):
    item = items(package(every_kind_pack))["q-order"]
    assert matched(item) == ([("The port closes", "1st"), ("The beaches reopen", "2nd")],
                             {"1st", "2nd"})
    assert "1st is the earliest" in words(item.find("q:itemBody", NS))


def test_points_are_the_items_maximum_score(hostile_pack):
    exported = items(package(hostile_pack))
    assert {hostile_pack.questions()[qid].points for qid in exported} == {1, 2.5, 3}
    for qid, item in exported.items():
        points = hostile_pack.questions()[qid].points
        maximum = item.xpath("q:outcomeDeclaration[@identifier='MAXSCORE']//q:value/text()",
                             namespaces=NS)
        assert [float(v) for v in maximum] == [points], qid


def test_the_same_pack_exports_to_the_same_bytes(hostile_pack):
    assert export(hostile_pack, "qti").content == export(hostile_pack, "qti").content
