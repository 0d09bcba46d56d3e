"""`briefing export PACK --format qti|moodle-xml|gift [--output FILE]` as a teacher runs it."""

from __future__ import annotations

import shutil
import zipfile

import pytest

from game import debrief_file
from game.classroom.export import FORMATS
from game.cli import main
from game.cli_classroom import EXPORT_FORMATS

from .export_support import HOSTILE


def test_the_command_offers_every_format_the_package_writes():
    assert EXPORT_FORMATS == tuple(FORMATS)


def test_gift_and_moodle_xml_print_and_say_what_was_left_out(capsys):
    assert main(["export", str(HOSTILE), "--format", "moodle-xml"]) == 0
    out, err = capsys.readouterr()
    assert out.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<quiz>')
    assert "Not exported: f-ferry: forecast:" in err
    assert "Not exported: 1 decision (decisions are scored choices" in err
    assert "7 of 8 questions exported as moodle-xml" in err
    assert main(["export", str(HOSTILE), "--format", "gift"]) == 0
    assert "::q-choice::[html]" in capsys.readouterr().out


@pytest.mark.parametrize("format, name", [("qti", "bank.zip"), ("gift", "bank.gift.txt"),
                                          ("moodle-xml", "bank.xml")])
def test_a_written_export_is_readable_by_colleagues(tmp_path, capsys, format, name):
    out = tmp_path / name
    assert main(["export", str(HOSTILE), "--format", format, "--output", str(out)]) == 0
    assert f"wrote {out}" in capsys.readouterr().out
    assert out.stat().st_mode & 0o777 == 0o666 & ~debrief_file.umask()  # 0644 under umask 022
    if format == "qti":
        assert "imsmanifest.xml" in zipfile.ZipFile(out).namelist()


def test_qti_is_a_zip_so_it_needs_a_file(capsys):
    assert main(["export", str(HOSTILE), "--format", "qti"]) == 2
    err = capsys.readouterr().err
    assert "qti makes a zip file: name it with --output FILE.zip" in err
    assert "Traceback" not in err


def test_the_shipped_campaign_exports_by_its_id(capsys):
    assert main(["export", "week-of-march-23", "--format", "gift"]) == 0
    err = capsys.readouterr().err
    assert "20 of 23 questions exported as gift" in err
    assert err.count("Not exported: f-") == 3 and "Not exported: 19 decisions" in err


def test_a_broken_pack_gets_its_errors_not_a_traceback(tmp_path, capsys):
    pack = tmp_path / "hostile"
    shutil.copytree(HOSTILE, pack)
    (pack / "scenes.yaml").write_text("scenes: [")
    assert main(["export", str(pack), "--format", "gift"]) == 1
    err = capsys.readouterr().err
    assert "hostile/scenes.yaml:2:1: error[yaml-syntax]" in err and "Traceback" not in err
    assert "fix them first" in err


def test_an_unknown_format_or_pack_is_a_usage_error(capsys):
    with pytest.raises(SystemExit) as exit:
        main(["export", str(HOSTILE), "--format", "docx"])
    assert exit.value.code == 2 and "invalid choice: 'docx'" in capsys.readouterr().err
    assert main(["export", "no-such-pack", "--format", "gift"]) == 2
    assert "neither a pack folder nor a shipped pack" in capsys.readouterr().err


def test_an_unwritable_output_is_said_in_words(tmp_path, capsys):
    blocked = tmp_path / "file"
    blocked.write_text("")
    assert main(["export", str(HOSTILE), "--format", "gift", "--output",
                 str(blocked / "bank.txt")]) == 2
    err = capsys.readouterr().err
    assert "cannot write" in err and "Traceback" not in err
