"""kill -9 a live meeting at random moments: every file still loads, no reported save is lost.

The child (kill_child.py) drives the real Store + MeetingSession and prints ``try``/``saved``
lines. Each round resumes the same data dir (so recovery after a crash is tested too), kills
the child after a random delay — sometimes before it is even ready — and then checks:

- every ``*.json`` data file parses and carries a schema version;
- a read-only Store opens and loads every meeting of its index;
- every edit reported ``saved`` is on disk (appended text, decisions, roadblocks, action
  items), and every overwritten field holds its last saved value or the one in flight.
"""

from __future__ import annotations

import os
import random
import re
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from checkin.core.model import Meeting
from checkin.store import Store
from checkin.store.lines import meta_of, parse_lines

from .conftest import HERE, LONG, REPO, child_env, run_checkin

CI_KILLS, LONG_KILLS = 30, 300
APPENDED = {"note": "N", "burst": "N", "decision": "D", "roadblock": "B", "action": "T"}


@dataclass
class Expectations:
    """What the child reported: tokens that must exist, values a field may hold."""

    tokens: set[str] = field(default_factory=set)
    allowed: dict[str, set[str]] = field(default_factory=dict)
    saves: int = 0

    def feed(self, lines: list[str]) -> None:
        pending: tuple[str, str, str] | None = None  # (kind, field key, value)
        for line in lines:
            parts = line.split()
            if parts[0] == "try":
                seq, kind, arg = parts[1], parts[2], (parts[3] if len(parts) > 3 else "")
                key, value = self._field(kind, seq, arg)
                if key is not None:  # in flight: the disk may hold it or the value before
                    before = "0" if key == "section" else ""  # a new meeting's value
                    self.allowed.setdefault(key, {before}).add(value)
                pending = (kind, seq, arg)
            elif parts[0] == "saved" and pending is not None:
                kind, seq, arg = pending
                self.saves += 1
                key, value = self._field(kind, seq, arg)
                if key is not None:
                    self.allowed[key] = {value}
                elif kind == "burst":
                    self.tokens |= {f"N{seq}{p}" for p in "abc"}
                else:
                    self.tokens.add(f"{APPENDED[kind]}{seq}")
                pending = None

    @staticmethod
    def _field(kind: str, seq: str, arg: str) -> tuple[str | None, str]:
        if kind == "reading":
            return f"reading {arg}", f"C{seq}"
        if kind == "update":
            return f"update {arg}", f"P{seq}"
        if kind == "attendance":
            return f"attendance {arg}", f"A{seq}"
        if kind == "section":
            return "section", arg
        return None, ""


def on_disk(meeting: Meeting, action_titles: set[str]) -> tuple[set[str], dict[str, str]]:
    tokens = set(re.findall(r"N\d+[abc]?", meeting.notes))
    tokens |= {d.text for d in meeting.decisions} | {r.title for r in meeting.roadblocks}
    tokens |= {t for t in action_titles if re.fullmatch(r"T\d+", t)}
    values = {"section": str(meeting.current_section)}
    values |= {f"reading {i}": r.comment for i, r in enumerate(meeting.readings)}
    values |= {f"update {j}": u.progress for j, u in enumerate(meeting.updates)}
    values |= {f"attendance {j}": a.note for j, a in enumerate(meeting.attendance)}
    return tokens, values


def check_after_kill(root: Path, expected: Expectations) -> None:
    data_files = [*root.glob("*.json"), *(root / "meetings").glob("*.json"),
                  *(root / "archive").glob("*.json")]
    assert root / "register.json" in data_files
    for path in data_files:  # every data file is whole (never half-written)
        meta = meta_of(parse_lines(path.read_bytes()))
        assert meta is not None and meta["schema"] >= 1, path
    with Store(root, readonly=True) as store:
        rows = store.meetings()
        meetings = {row.id: store.load_meeting(row.id) for row in rows}  # all load
        live = [m for m in meetings.values() if m.status == "in-progress"]
        if not live:  # killed before the first meeting was indexed
            assert not expected.tokens and not expected.allowed
            return
        assert len(live) == 1
        titles = {a.title for a in store.actions()}
    tokens, values = on_disk(live[0], titles)
    missing = expected.tokens - tokens
    assert not missing, f"reported saved but lost: {sorted(missing)[:10]}"
    for key, allowed in expected.allowed.items():
        assert values[key] in allowed, f"{key}: {values[key]!r} not in {sorted(allowed)}"


def run_kills(root: Path, kills: int, seed: int) -> Expectations:
    rng = random.Random(seed)
    expected = Expectations()
    for round_no in range(kills):
        cmd = [sys.executable, str(HERE / "kill_child.py"), str(root),
               str(round_no * 1_000_000), str(seed + round_no)]
        with tempfile.TemporaryFile("w+") as errfile:
            proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=errfile,
                                    env=child_env(), cwd=REPO, text=True)
            try:
                out = ""
                if rng.random() < 0.15:  # kill while starting: opening, locking, resuming
                    time.sleep(rng.uniform(0.0, 0.25))
                else:
                    out = proc.stdout.readline()
                    assert out.startswith("ready"), out
                    time.sleep(rng.uniform(0.0, 0.12))
                os.kill(proc.pid, signal.SIGKILL)
                out += proc.stdout.read()  # the same buffered reader: nothing skipped
                proc.wait(timeout=20)
            finally:
                if proc.poll() is None:
                    proc.kill()
                    proc.wait()
                proc.stdout.close()
            errfile.seek(0)
            err = errfile.read()
        assert proc.returncode == -signal.SIGKILL, err
        assert "Traceback" not in err, err
        lines = [ln for ln in out.splitlines(keepends=True) if ln.endswith("\n")]
        expected.feed([ln.strip() for ln in lines if ln.startswith(("try", "saved"))])
        check_after_kill(root, expected)
    return expected


def test_kill_9_at_random_moments_loses_no_reported_save(demo_dir: Path) -> None:
    expected = run_kills(demo_dir, CI_KILLS if not LONG else LONG_KILLS, seed=20261123)
    assert expected.saves > CI_KILLS  # the child really got to edit between kills
    assert expected.tokens and expected.allowed
    # the survivor data is usable by the real CLI too
    result = run_checkin("--data", str(demo_dir), "export", "last")
    assert result.returncode == 0, result.stderr
    assert "## Notes" in result.stdout


@pytest.mark.slow
def test_kill_9_long_run_on_fresh_dir(data_dir: Path) -> None:
    """Long mode: from an empty dir (first meeting start included), many more kills."""
    expected = run_kills(data_dir, LONG_KILLS, seed=7)
    assert expected.saves > LONG_KILLS


def test_temp_files_of_killed_writers_are_cleaned_up(demo_dir: Path) -> None:
    # what a writer killed between os.open and os.replace leaves (the long run above
    # left ~1 such file per 3 kills): atomic_write's temp names, half-written
    (demo_dir / ".register.json.999999.tmp").write_bytes(b'{"_meta": {"1": {"sch')
    (demo_dir / "meetings" / ".2026-11-16-weekly.json.999999.tmp").write_bytes(b"")
    Store(demo_dir).open().close()  # the next writer
    left = [p.name for p in demo_dir.rglob(".*.tmp")]
    assert not left, left
