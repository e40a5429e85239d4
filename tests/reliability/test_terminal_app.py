"""The real app in a real pty, on data full of escape sequences (agenda title, prompt,
facilitator, attendance note in an Input, action title and owner): none reaches the terminal."""

from __future__ import annotations

import re
import signal
from datetime import datetime, time, timedelta
from pathlib import Path

from checkin import locations
from checkin.core.agenda import load_agenda
from checkin.services.meetings import new_action, start_or_resume
from checkin.store import Store

from .test_bad_input import TODAY
from .test_signals import Terminal

EVIL = "\x1b]0;pwned\x07\x1b[2J\x9b2J\u202e"
EVIL_TOML = "\\u001b]0;pwned\\u0007\\u001b[2J\\u009b2J\\u202e"
SENT = re.compile(rb"\x1b\]0;pwned|\x1b\[2J|\xc2\x9b|\xe2\x80\xae")


def test_no_escape_sequence_from_data_reaches_the_terminal(demo_dir: Path) -> None:
    text = (locations.bundled_agendas_dir() / "weekly.toml").read_text()
    text = text.replace('title = "Weekly cross-functional check-in"',
                        f'title = "Weekly {EVIL_TOML}"', 1)
    text = re.sub(r'^prompt = "', lambda m: f'prompt = "{EVIL_TOML} ', text, flags=re.M)
    (demo_dir / "agendas").mkdir(exist_ok=True)
    (demo_dir / "agendas" / "weekly.toml").write_text(text)
    with Store(demo_dir) as store:
        agenda = load_agenda(demo_dir / "agendas" / "weekly.toml")
        meeting = start_or_resume(store, agenda, now=datetime.combine(TODAY, time(9)),
                                  facilitator=f"Fac {EVIL}")
        meeting.attendance[0].note = f"note {EVIL}"  # shown in an Input when resumed
        store.save_meeting(meeting)
        new_action(store, title=f"Title {EVIL}", owner=f"Own {EVIL}",
                   due=TODAY + timedelta(days=2), today=TODAY, agenda_id="weekly")
    term = Terminal(demo_dir)
    try:
        term.read(20, until=b"Attendance")
        assert b"Attendance" in term.screen
        for keys in (b"\t", b"\x1b[6~", b"\x1b[6~", b"\x07"):  # note, pagedown x2, ctrl+g
            term.type(keys)
            term.read(1.0)
        # Let the register screen finish building: a SIGTERM while it is still mounting
        # crashes ActionsScreen.sorted_items (NoMatches 'ActionTable'; seen under load).
        term.read(10, until=b"Owner")
        term.read(1.0)
        term.proc.send_signal(signal.SIGTERM)
        code = term.wait(20)
        assert code == 128 + signal.SIGTERM, term.screen[-3000:].decode(errors="replace")
    finally:
        term.close()
    assert b"pwned" in term.screen  # the text is on screen ...
    found = SENT.search(term.screen)
    assert not found, term.screen[max(0, found.start() - 200):found.end() + 50]  # never obeyed
