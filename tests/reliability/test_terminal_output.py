"""Names that try to take over the terminal: an escape sequence, C1 controls, DEL, a bare
CR, NUL, a right-to-left override in a facilitator, agenda, metric, owner or action title.
Every command's output shows them as ``\\uXXXX``, never sends them; JSON stays the data."""

from __future__ import annotations

import json
import re
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from checkin import locations
from checkin.core.agenda import load_agenda
from checkin.render.terminal import has_control, safe
from checkin.services.meetings import end_meeting, new_action, start_meeting
from checkin.store import Store

from .conftest import run_checkin
from .test_bad_input import TODAY, run_in_process

EVIL = "\x1b]0;pwned\x07\x1b[2J\x9b31m\x7f\u202eevil\r\x00\x85\u2066x"
EVIL_TOML = "".join(f"\\u{ord(c):04x}" if ord(c) < 0x20 or 0x7f <= ord(c) < 0xa0 or c in
                    "\u202e\u2066" else c for c in EVIL)
OWNER = "Own " + EVIL.replace("\x00", "")  # argv cannot carry NUL
# What may reach the terminal: printable text, tab, newline, CR only as part of CRLF.
FORBIDDEN = re.compile("[\x00-\x08\x0b-\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]"
                       "|\r(?!\n)")


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("hostile") / "data"
    weekly = locations.bundled_agendas_dir() / "weekly.toml"
    (root / "agendas").mkdir(parents=True)
    text = weekly.read_text().replace('title = "Weekly cross-functional check-in"',
                                      f'title = "Weekly {EVIL_TOML}"', 1)
    text = text.replace('name = "Marketing-qualified leads"', f'name = "MQL {EVIL_TOML}"')
    (root / "agendas" / "weekly.toml").write_text(text)
    agenda = load_agenda(root / "agendas" / "weekly.toml")
    assert EVIL in agenda.title
    with Store(root) as store:
        now = datetime.combine(TODAY, datetime.min.time()).replace(hour=9)
        meeting = start_meeting(store, agenda, now=now, facilitator=f"Fac {EVIL}")
        meeting.readings = meeting.readings  # the agenda copy carries the evil metric
        new_action(store, title=f"=HYPERLINK(\"x\") {EVIL}", owner=OWNER,
                   department="Marketing", due=TODAY + timedelta(days=3), today=TODAY,
                   meeting=meeting)
        end_meeting(store, meeting, now=now + timedelta(hours=1))
    (root / "agendas" / f"bad{EVIL[:5]}.toml".replace("\x00", "")).write_text("title = 3\n")
    return root


COMMANDS = [
    ["meetings"], ["agendas"], ["export", "last"], ["export", "last", "--format", "html"],
    ["trends", "weekly"], ["trends", "weekly", "--format", "md"],
    ["trends", "weekly", "--format", "csv"],
    *(["actions", "--format", f] for f in ("table", "md", "csv", "json", "ics",
                                           "taskwarrior")),
    ["actions", "--by-owner"], ["actions", "--by-owner", "--format", "md"],
    ["actions", "--owner", OWNER, "--format", "md"],
    ["export", "nope\x1b[2J"], ["trends", "nope\x1b]0;x\x07"],
]


@pytest.mark.parametrize("args", COMMANDS, ids=lambda a: "-".join(a)[:40].replace("\x1b", ""))
def test_no_control_character_reaches_the_terminal(hostile: Path, args: list[str]) -> None:
    result = run_in_process("--data", str(hostile), *args)
    assert result.returncode in (0, 2), result.stderr
    for stream in (result.stdout, result.stderr):
        assert not FORBIDDEN.search(stream), FORBIDDEN.findall(stream)[:5]
    assert "pwned" in result.stdout + result.stderr or "nope" in result.stderr


def test_json_output_still_means_the_data(hostile: Path) -> None:
    result = run_in_process("--data", str(hostile), "actions", "--format", "json")
    titles = [row["title"] for row in json.loads(result.stdout)]
    assert any(t.endswith(EVIL) for t in titles)  # visible, and the same text once parsed


def test_csv_title_is_neutralised(hostile: Path) -> None:
    out = run_in_process("--data", str(hostile), "actions", "--format", "csv").stdout
    line = next(x for x in out.splitlines() if "HYPERLINK" in x)
    assert ",\"'=HYPERLINK" in line


def test_export_file_and_real_process(hostile: Path, tmp_path: Path) -> None:
    target = tmp_path / "m.md"
    assert run_in_process("--data", str(hostile), "export", "last", "-o",
                          str(target)).returncode == 0
    assert not FORBIDDEN.search(target.read_text()) and "pwned" in target.read_text()
    result = run_checkin("--data", str(hostile), "actions", "--format", "ics")
    assert result.returncode == 0 and "BEGIN:VTODO" in result.stdout
    inproc = run_in_process("--data", str(hostile), "actions", "--format", "ics").stdout
    assert "END:VTODO\r\n" in inproc  # CRLF line endings kept
    assert not FORBIDDEN.search(result.stdout)


def test_argparse_errors_are_safe(hostile: Path) -> None:
    result = run_checkin("--data", str(hostile), "actions", "--format", "x\x1b[2J")
    assert result.returncode == 2 and not FORBIDDEN.search(result.stderr)


@pytest.mark.parametrize("char", [chr(c) for c in (*range(0x20), *range(0x7f, 0xa0))]
                         + list("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"))
def test_safe_covers_every_control_character(char: str) -> None:
    text = f"a{char}b"
    if char in "\t\n":
        assert safe(text) == text
    else:
        assert safe(text) == f"a\\u{ord(char):04x}b" and has_control(text)
    assert safe("x\r\n") == "x\r\n"
