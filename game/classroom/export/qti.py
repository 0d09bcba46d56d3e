"""IMS QTI 2.1 (the version with a published XSD that Canvas's "QTI .zip file" import reads, as
do most other LMSs and item banks): a content package, one zip holding imsmanifest.xml (IMS
Content Packaging 1.1) and one assessmentItem file per question under items/.

Every item scores in points (SCORE, up to MAXSCORE) and shows the general feedback once
answered (a modalFeedback its response processing switches on).
"""

from __future__ import annotations

import io
import re
import xml.etree.ElementTree as ET
import zipfile

from ...content.kinds.lms import Choices, Matching, Numerical, ShortAnswer, TrueOrFalse
from .bank import Bank, BankItem, number

QTI = "http://www.imsglobal.org/xsd/imsqti_v2p1"
QTI_XSD = "http://www.imsglobal.org/xsd/qti/qtiv2p1/imsqti_v2p1.xsd"
CP = "http://www.imsglobal.org/xsd/imscp_v1p1"
CP_XSD = "http://www.imsglobal.org/xsd/imscp_v1p1.xsd"
XSI_LOCATION = "{http://www.w3.org/2001/XMLSchema-instance}schemaLocation"
ITEM_TYPE = "imsqti_item_xmlv2p1"
# The XHTML a QTI item body may hold that an author's Markdown becomes; any other element is
# replaced by its text.
XHTML = frozenset({"p", "em", "strong", "code", "a", "ul", "ol", "li", "blockquote", "pre",
                   "h4", "h5", "h6", "hr", "br"})
TEXT_LENGTH = 40  # the typed-answer box, in characters


def el(parent: ET.Element | None, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    """An element (``parent`` None: one of its own). Tags are written bare: the root's xmlns
    puts them all in its namespace (ElementTree writes a default namespace no other way)."""
    element = ET.Element(tag, attrs) if parent is None else ET.SubElement(parent, tag, attrs)
    element.text = text
    return element


def identifier(text: str) -> str:
    """``text`` as a QTI identifier (an XML name): other characters become '-'."""
    name = re.sub(r"[^A-Za-z0-9_.-]", "-", text)
    return name if re.match(r"[A-Za-z_]", name) else f"q-{name}"


def xhtml(parent: ET.Element, html: str) -> None:
    """Append ``html`` (what markdown_html writes: well-formed, escaped) as QTI XHTML."""
    for child in ET.fromstring(f"<div>{html}</div>"):
        parent.append(in_qti(child))


def in_qti(element: ET.Element) -> ET.Element:
    if element.tag not in XHTML:
        span = ET.Element("span")
        span.text, span.tail = "".join(element.itertext()), element.tail
        return span
    attrs = {"href": element.get("href", "")} if element.tag == "a" else {}
    copy = ET.Element(element.tag, attrs)
    copy.text, copy.tail = element.text, element.tail
    for child in element:
        copy.append(in_qti(child))
    return copy


def declare(item: ET.Element, cardinality: str, base_type: str, correct: list[str]) -> ET.Element:
    response = el(item, "responseDeclaration", identifier="RESPONSE", cardinality=cardinality,
                  baseType=base_type)
    values = el(response, "correctResponse")
    for value in correct:
        el(values, "value", value)
    return response


def mapping(response: ET.Element, points: float, entries: list[tuple[str, float]],
            case_sensitive: bool | None = None) -> None:
    mapped = el(response, "mapping", lowerBound="0", upperBound=number(points), defaultValue="0")
    for key, value in entries:
        entry = el(mapped, "mapEntry", mapKey=key, mappedValue=number(value))
        if case_sensitive is not None:
            entry.set("caseSensitive", "true" if case_sensitive else "false")


def outcomes(item: ET.Element, points: float) -> None:
    for name, default in (("SCORE", "0"), ("MAXSCORE", number(points))):
        outcome = el(item, "outcomeDeclaration", identifier=name, cardinality="single",
                     baseType="float")
        el(el(outcome, "defaultValue"), "value", default)
    el(item, "outcomeDeclaration", identifier="FEEDBACK", cardinality="single",
       baseType="identifier")


def score(points: float) -> ET.Element:
    """SCORE: the mapped value of the response (0 when none was given)."""
    condition = el(None, "responseCondition")
    when = el(condition, "responseIf")
    el(el(when, "isNull"), "variable", identifier="RESPONSE")
    set_score(when, "0")
    el(el(el(condition, "responseElse"), "setOutcomeValue", identifier="SCORE"), "mapResponse",
       identifier="RESPONSE")
    return condition


def set_score(parent: ET.Element, value: str) -> None:
    el(el(parent, "setOutcomeValue", identifier="SCORE"), "baseValue", value, baseType="float")


def number_score(answer: Numerical, points: float) -> ET.Element:
    """SCORE: all the points when the number is within the tolerance of the answer."""
    condition = el(None, "responseCondition")
    when = el(condition, "responseIf")
    attrs = ({"toleranceMode": "absolute",
              "tolerance": f"{number(answer.tolerance)} {number(answer.tolerance)}"}
             if answer.tolerance else {"toleranceMode": "exact"})
    equal = el(when, "equal", **attrs)
    el(equal, "variable", identifier="RESPONSE")
    el(equal, "correct", identifier="RESPONSE")
    set_score(when, number(points))
    return condition


def interaction(item: ET.Element, body: ET.Element, bank_item: BankItem) -> ET.Element:
    """The response declaration and the interaction for the item's answer shape; returns the
    response processing that scores it."""
    answer, points = bank_item.answer, bank_item.points
    if isinstance(answer, (Choices, TrueOrFalse)):
        if isinstance(answer, TrueOrFalse):
            options = [("TRUE", "True", float(answer.answer)), ("FALSE", "False",
                                                                  float(not answer.answer))]
        else:
            options = [(f"C{n}", o.text, o.fraction) for n, o in enumerate(answer.options, 1)]
        multiple = isinstance(answer, Choices) and answer.multiple
        response = declare(item, "multiple" if multiple else "single", "identifier",
                           [key for key, _, fraction in options if fraction > 0])
        mapping(response, points, [(key, fraction * points) for key, _, fraction in options])
        choices = el(body, "choiceInteraction", responseIdentifier="RESPONSE",
                     shuffle="false" if isinstance(answer, TrueOrFalse) else "true",
                     maxChoices="0" if multiple else "1")
        for key, text, _ in options:
            el(choices, "simpleChoice", text, identifier=key)
        return score(points)
    if isinstance(answer, ShortAnswer):
        response = declare(item, "single", "string", [answer.accepted[0]])
        mapping(response, points, [(text, points) for text in dict.fromkeys(answer.accepted)],
                case_sensitive=False)
        el(el(body, "p"), "textEntryInteraction", responseIdentifier="RESPONSE",
           expectedLength=str(TEXT_LENGTH))
        return score(points)
    if isinstance(answer, Numerical):
        declare(item, "single", "float", [number(answer.answer)])
        el(el(body, "p"), "textEntryInteraction", responseIdentifier="RESPONSE",
           expectedLength=str(TEXT_LENGTH))
        return number_score(answer, points)
    if isinstance(answer, Matching):
        rights = list(dict.fromkeys([right for _, right in answer.pairs] + list(answer.extra)))
        right_key = {text: f"R{n}" for n, text in enumerate(rights, 1)}
        pairs = [(f"L{n} {right_key[right]}", right) for n, (_, right) in
                 enumerate(answer.pairs, 1)]
        response = declare(item, "multiple", "directedPair", [pair for pair, _ in pairs])
        mapping(response, points, [(pair, points / len(pairs)) for pair, _ in pairs])
        match = el(body, "matchInteraction", responseIdentifier="RESPONSE", shuffle="true",
                   maxAssociations=str(len(pairs)))
        lefts = el(match, "simpleMatchSet")
        for n, (left, _) in enumerate(answer.pairs, 1):
            el(lefts, "simpleAssociableChoice", left, identifier=f"L{n}", matchMax="1")
        uses = {text: sum(1 for _, right in answer.pairs if right == text) for text in rights}
        targets = el(match, "simpleMatchSet")
        for text in rights:
            el(targets, "simpleAssociableChoice", text, identifier=right_key[text],
               matchMax=str(max(1, uses[text])))
        return score(points)
    raise TypeError(f"no QTI for {answer!r}")


def item_xml(bank: Bank, bank_item: BankItem) -> bytes:
    item = el(None, "assessmentItem", identifier=identifier(bank_item.id), title=bank_item.id,
              adaptive="false", timeDependent="false")
    item.set(XSI_LOCATION, f"{QTI} {QTI_XSD}")
    body = el(None, "itemBody")
    xhtml(body, bank_item.prompt_html)
    processing = interaction(item, body, bank_item)
    outcomes(item, bank_item.points)
    item.append(body)
    rules = el(item, "responseProcessing")
    rules.append(processing)
    el(el(rules, "setOutcomeValue", identifier="FEEDBACK"), "baseValue", "GENERAL",
       baseType="identifier")
    feedback = el(item, "modalFeedback", outcomeIdentifier="FEEDBACK", identifier="GENERAL",
                  showHide="show", title="Feedback")
    xhtml(feedback, bank.feedback_html(bank_item))
    return serialised(item, QTI)


def serialised(root: ET.Element, namespace: str) -> bytes:
    root.set("xmlns", namespace)
    ET.indent(root)
    return (b'<?xml version="1.0" encoding="UTF-8"?>\n'
            + ET.tostring(root, encoding="unicode").encode("utf-8") + b"\n")


def manifest_xml(bank: Bank, files: list[tuple[str, str]]) -> bytes:
    """imsmanifest.xml: one resource per item file (``files``: identifier, path)."""
    root = el(None, "manifest", identifier=identifier(f"MANIFEST-{bank.pack_id}"))
    root.set(XSI_LOCATION, f"{CP} {CP_XSD}")
    metadata = el(root, "metadata")
    el(metadata, "schema", "QTIv2.1 Package")
    el(metadata, "schemaversion", "1.0.0")
    el(root, "organizations")
    resources = el(root, "resources")
    for ident, path in files:
        el(el(resources, "resource", identifier=f"RES-{ident}", type=ITEM_TYPE, href=path),
           "file", href=path)
    return serialised(root, CP)


def write_qti(bank: Bank) -> tuple[bytes, tuple]:
    """The bank as a QTI 2.1 content package (zip bytes); QTI takes every answer shape."""
    files: list[tuple[str, str]] = []
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        for bank_item in bank.items:
            ident = identifier(bank_item.id)
            path = f"items/{ident}.xml"
            files.append((ident, path))
            stored(package, path, item_xml(bank, bank_item))
        stored(package, "imsmanifest.xml", manifest_xml(bank, files))
    return buffer.getvalue(), ()


def stored(package: zipfile.ZipFile, path: str, data: bytes) -> None:
    # A fixed date: the same pack exports to the same bytes.
    info = zipfile.ZipInfo(path, date_time=(2000, 1, 1, 0, 0, 0))
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o644 << 16
    package.writestr(info, data)
