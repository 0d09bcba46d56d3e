"""Packs written for the earlier format keep working, and `briefing upgrade` rewrites them:
an old pack compiles with a warning per renamed value, is read under the new names, and comes
out of `upgrade` in today's format with every other byte as the author wrote it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from game.cli import main
from game.content.models import CURRENT_FORMAT
from game.packs import compile_pack

from ..conftest import MINI, OLD_FORMAT

RENAMED_LINES = (13, 15, 45)  # the `status: confirmed` of villages, moved-officials and mayor


@pytest.fixture
def old_pack(tmp_path) -> Path:
    pack = tmp_path / OLD_FORMAT.name
    shutil.copytree(OLD_FORMAT, pack)
    return pack


def snapshot(pack: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(pack.iterdir()) if p.is_file()}


def test_an_old_pack_compiles_with_a_warning_for_each_confirmed_without_a_source():
    result = compile_pack(OLD_FORMAT)
    assert result.ok
    found = [(d.file.rsplit("/", 1)[-1], d.line, d.severity) for d in result.diagnostics]
    assert found == [("scenes.yaml", line, "warning") for line in RENAMED_LINES]
    assert {d.code for d in result.diagnostics} == {"confirmed-without-source"}
    first = result.diagnostics[0]
    assert "read as `reported`" in first.message and "'villages'" in first.message
    assert "status: reported" in first.hint and "briefing upgrade PACK" in first.hint
    # read under today's names: the article's own voice is what it reports
    facts = result.pack.facts()
    assert {f: facts[f].status for f in ("villages", "moved-officials", "mayor", "moved-radio")} \
        == {"villages": "reported", "moved-officials": "reported", "mayor": "reported",
            "moved-radio": "claimed"}


def test_upgrade_rewrites_only_the_renamed_values_and_adds_the_format(old_pack, capsys):
    before = snapshot(old_pack)
    assert main(["upgrade", str(old_pack)]) == 0
    out = capsys.readouterr().out
    for line in RENAMED_LINES:
        assert f"scenes.yaml:{line}:" in out
    assert out.count("status: confirmed → reported") == 3
    assert "pack.yaml:3:1: format: 2 added" in out and "upgraded, 4 changes in 2 files" in out
    # what a machine cannot decide is left to the author, said once
    assert out.count("Read each fact now `reported`") == 1 and "`claimed_by:`" in out
    after = snapshot(old_pack)
    # every byte kept but the values renamed, in the quotes they were written in
    assert after["scenes.yaml"] == (
        before["scenes.yaml"]
        .replace(b"        status: confirmed      # the article says so",
                 b"        status: reported      # the article says so")
        .replace(b"status: 'confirmed', source:", b"status: 'reported', source:")
        .replace(b'        status: "confirmed"\n', b'        status: "reported"\n'))
    assert b'(The text "status: confirmed" here is a scene\'s body' in after["scenes.yaml"]
    lines = before["pack.yaml"].split(b"\n")
    assert after["pack.yaml"] == b"\n".join(lines[:2] + [b"format: 2"] + lines[2:])
    assert after["seed.txt"] == before["seed.txt"]


def test_the_upgraded_pack_compiles_with_no_warning_and_the_same_reading(old_pack):
    old = compile_pack(old_pack)
    assert main(["upgrade", str(old_pack)]) == 0
    new = compile_pack(old_pack)
    assert new.ok and new.diagnostics == [] and new.renamed == []
    assert new.pack.manifest.format == CURRENT_FORMAT
    assert {f.id: f.status for f in new.pack.facts().values()} == \
        {f.id: f.status for f in old.pack.facts().values()}


def test_upgrade_on_an_up_to_date_pack_changes_nothing(tmp_path, capsys):
    pack = tmp_path / "mini"
    shutil.copytree(MINI, pack)
    before = snapshot(pack)
    assert main(["upgrade", str(pack)]) == 0
    assert "already in today's format; nothing to change" in capsys.readouterr().out
    assert snapshot(pack) == before
    assert main(["upgrade", str(old_pack_upgraded(tmp_path))]) == 0  # a second run: nothing
    assert "nothing to change" in capsys.readouterr().out


def old_pack_upgraded(tmp_path: Path) -> Path:
    pack = tmp_path / "again" / OLD_FORMAT.name
    shutil.copytree(OLD_FORMAT, pack)
    assert main(["upgrade", str(pack)]) == 0
    return pack


def test_check_lists_the_changes_and_writes_nothing(old_pack, capsys):
    before = snapshot(old_pack)
    assert main(["upgrade", str(old_pack), "--check"]) == 1
    out = capsys.readouterr().out
    assert out.count("status: confirmed → reported") == 3 and "4 changes to make" in out
    assert snapshot(old_pack) == before


def test_windows_line_ends_and_a_byte_order_mark_are_kept(old_pack):
    scenes = old_pack / "scenes.yaml"
    crlf = b"\xef\xbb\xbf" + scenes.read_bytes().replace(b"\n", b"\r\n")
    scenes.write_bytes(crlf)
    assert main(["upgrade", str(old_pack)]) == 0
    assert scenes.read_bytes() == crlf.replace(b"status: confirmed ", b"status: reported ") \
        .replace(b"'confirmed'", b"'reported'").replace(b'"confirmed"\r\n', b'"reported"\r\n')
    assert compile_pack(old_pack).diagnostics == []


def test_a_flow_style_pack_yaml_gets_the_format_inside_its_braces(old_pack):
    manifest = old_pack / "pack.yaml"
    manifest.write_text("{id: old-format, title: Flood, role: Analyst, source: seed.txt, "
                        "start: mon-alarm, days: [Monday, Tuesday], tracks: [{id: tradecraft, "
                        "name: Tradecraft}], grades: [{min: 0, label: C}]}\n")
    assert main(["upgrade", str(old_pack)]) == 0
    assert manifest.read_text().startswith("{format: 2, id: old-format,")
    assert compile_pack(old_pack).diagnostics == []


def test_an_old_format_number_is_replaced(old_pack):
    manifest = old_pack / "pack.yaml"
    manifest.write_text(manifest.read_text().replace('version: "0.9"', 'format: 1  # old\n'
                                                     'version: "0.9"'))
    assert main(["upgrade", str(old_pack)]) == 0
    assert "format: 2  # old\n" in manifest.read_text()


def test_a_pack_with_errors_is_refused_in_words_and_left_alone(old_pack, capsys):
    scenes = old_pack / "scenes.yaml"
    scenes.write_text(scenes.read_text().replace("next: tue-mayor", "next: tue-mayr", 1))
    before = snapshot(old_pack)
    assert main(["upgrade", str(old_pack)]) == 1
    err = capsys.readouterr().err
    assert "error[unknown-scene]" in err and "the pack has errors; fix them first" in err
    assert "Traceback" not in err
    assert snapshot(old_pack) == before


def test_the_files_keep_their_permissions(old_pack):
    scenes = old_pack / "scenes.yaml"
    scenes.chmod(0o640)
    assert main(["upgrade", str(old_pack)]) == 0
    assert scenes.stat().st_mode & 0o777 == 0o640


def test_a_later_rename_is_one_row(old_pack, monkeypatch, capsys):
    """One more row, here renaming a grade band's label, is read under its new name and
    rewritten by upgrade, in pack.yaml's flow style too."""
    from game.content import renames
    from game.content.models import Band

    row = renames.Rename(Band, "label", "C", "Keep practising", since=2,
                         code="confirmed-without-source", message="A band says C.")
    monkeypatch.setattr(renames, "RENAMES", (*renames.RENAMES, row))
    result = compile_pack(old_pack)
    assert [b.label for b in result.pack.manifest.grades] == ["Keep practising", "A"]
    assert "A band says C." in [d.message for d in result.diagnostics]
    assert main(["upgrade", str(old_pack)]) == 0
    assert "label: C → Keep practising" in capsys.readouterr().out
    assert "  - {min: 0, label: Keep practising}\n" in (old_pack / "pack.yaml").read_text()
    assert compile_pack(old_pack).diagnostics == []


def test_an_anchored_value_and_its_aliases_are_renamed_once_where_it_is_written(old_pack):
    scenes = old_pack / "scenes.yaml"
    text = scenes.read_text().replace("status: confirmed      #", "status: &said confirmed  #")
    scenes.write_text(text.replace('        status: "confirmed"\n', "        status: *said\n"))
    assert main(["upgrade", str(old_pack)]) == 0
    text = scenes.read_text()
    assert "        status: &said reported  #" in text and "        status: *said\n" in text
    result = compile_pack(old_pack)
    assert result.diagnostics == [] and result.pack.facts()["mayor"].status == "reported"
