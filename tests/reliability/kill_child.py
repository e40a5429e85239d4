"""A scripted live meeting, run as a child process by test_kill.py and killed with -9.

    python kill_child.py DATA_DIR FIRST_SEQ SEED

Opens the real Store as the writer, resumes (or starts) the weekly meeting through
``checkin.meetings.start_or_resume`` and edits it through the real ``MeetingSession``,
like the screens do: change ``session.meeting`` in place, ``changed()``, ``flush()``.
Before each write it prints ``try SEQ KIND ARG``; after the write returned (durable:
fsync + rename), ``saved SEQ``. Every line is flushed at once, so the parent knows exactly
what was reported saved when it kills this process.
"""

from __future__ import annotations

import random
import sys
from datetime import timedelta
from pathlib import Path

from checkin import clock, locations
from checkin.core.agenda import load_agenda
from checkin.core.model import Decision
from checkin.services.meetings import add_roadblock, start_or_resume
from checkin.store import Store
from checkin.tui.session import MeetingSession

KINDS = ("note", "burst", "reading", "update", "action", "section", "decision", "roadblock",
         "attendance")


def say(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def main(root: Path, seq: int, seed: int) -> None:
    rng = random.Random(seed)
    agenda = load_agenda(locations.bundled_agendas_dir() / "weekly.toml")
    store = Store(root).open()
    meeting = start_or_resume(store, agenda, now=clock.now(), facilitator="Kill Test")
    session = MeetingSession(store, meeting, today=clock.today())
    m = session.meeting
    say(f"ready {m.id}")
    while True:
        seq += 1
        kind = rng.choice(KINDS)
        if kind == "note":
            say(f"try {seq} note")
            m.notes += f"\nN{seq}"
        elif kind == "burst":  # typing: several changes, one debounced write
            say(f"try {seq} burst")
            for part in "abc":
                m.notes += f"\nN{seq}{part}"
                session.changed()
        elif kind == "reading":
            i = rng.randrange(len(m.readings))
            say(f"try {seq} reading {i}")
            m.readings[i].value, m.readings[i].comment = float(seq % 997), f"C{seq}"
        elif kind == "update":
            j = rng.randrange(len(m.updates))
            say(f"try {seq} update {j}")
            m.updates[j].progress = f"P{seq}"
        elif kind == "action":
            say(f"try {seq} action")
            session.add_action(title=f"T{seq}", owner="Dana Lee", department="Marketing",
                               due=session.today + timedelta(days=7))
        elif kind == "section":
            k = rng.randrange(len(m.agenda.sections))
            say(f"try {seq} section {k}")
            m.current_section = k
        elif kind == "decision":
            say(f"try {seq} decision")
            m.decisions.append(Decision(f"D{seq}", owner="Sales"))
        elif kind == "roadblock":
            say(f"try {seq} roadblock")
            add_roadblock(m, f"B{seq}", raised_by="IT", blocking=["Sales"])
        else:
            j = rng.randrange(len(m.attendance))
            say(f"try {seq} attendance {j}")
            m.attendance[j].note = f"A{seq}"
        session.changed()
        session.flush()
        say(f"saved {seq}")


if __name__ == "__main__":
    main(Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]))
