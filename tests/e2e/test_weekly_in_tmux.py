"""The whole weekly meeting run by keys in a real terminal (tmux), then next week's.

Every section kind is visited and used the way a facilitator does: attendance, action
review (done, re-dated to ``next fri``), the scorecard, a roadblock added then edited,
updates, a quick add with ``due:next fri``, a decision, wrap-up with a rating, end, export.
A week later the next meeting carries the new item over. Any traceback, RuntimeWarning or
text cut where the room reads it fails the test. Runs at 80x24 and 120x40.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.e2e.tmux import TMUX, Terminal, checkin_env

pytestmark = pytest.mark.skipif(TMUX is None, reason="tmux is not installed")

WEEK1 = "2026-11-30T09:00:00"  # a Monday: the demo's weekly meeting is due
WEEK2 = "2026-12-07T09:00:00"
TITLES = ("Attendance", "Action review", "Scorecard", "Roadblocks", "Updates", "New items",
          "Decisions", "Wrap-up")


def checkin(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "checkin", *args], capture_output=True,
                          text=True, env=env, timeout=60, check=False)


def section(term: Terminal, n: int) -> str:
    """Page to section ``n`` (1-based) and wait until it shows."""
    term.keys("PageDown")
    shown = term.wait_for(f"{n}/8 · {TITLES[n - 1]}")
    time.sleep(1.2)  # the editor puts the cursor in its first field once mounted
    return shown


def assert_sidebar_whole(shown: str) -> None:
    """Every section title stands whole on its sidebar line."""
    for n, title in enumerate(TITLES, 1):
        assert f"{n} {title} " in shown, (title, shown)


@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=["80x24", "120x40"])
def test_weekly_meeting_then_next_week(size: tuple[int, int], tmp_path: Path) -> None:
    import os

    data = tmp_path / "data"
    env = {**os.environ, **checkin_env(data, WEEK1)}
    assert checkin("demo", "--no-ui", "--data", str(data), env=env).returncode == 0
    log = tmp_path / "screens.txt"
    term = Terminal(*size, log=log)
    try:
        term.run("run", "weekly", env=checkin_env(data, WEEK1))
        term.wait_for("who facilitates?", "Alex Morgan")
        term.keys("C-u")
        term.type("Jamie Facilitator")
        term.keys("Enter")
        shown = term.wait_for("1/8 · Attendance", "Weekly cross-functional check-in")
        assert_sidebar_whole(shown)
        time.sleep(1.0)  # the first section takes the focus once mounted
        term.keys("a")  # everyone present (a second press changes nothing)
        if "5 of 5 present" not in term.screen():
            time.sleep(1.0)
            term.keys("a")
        term.wait_for("5 of 5 present")

        section(term, 2)  # action review: first done, the next re-dated to next fri
        term.keys("d")
        term.wait_for("1 reviewed")
        term.keys("r")
        term.wait_for("New due date")
        term.type("next fri")
        term.wait_for("Fri 11 Dec 2026")
        term.keys("Enter")
        term.wait_for("2 reviewed")

        section(term, 3)  # scorecard: a value for the first metric
        term.type("42")
        term.keys("Tab")

        section(term, 4)  # roadblocks: add one, then fix its title
        term.keys("n")
        term.wait_for("New roadblock")
        term.type("Billing export brokn")
        term.keys("Enter")
        term.wait_for("Billing export brokn")
        term.keys("Enter")  # on the new roadblock: edit it
        term.wait_for("Edit roadblock")
        time.sleep(0.5)
        term.keys("End", "BSpace")  # brokn -> brok, then "en"
        term.type("en")
        term.keys("Enter")
        term.wait_for("Billing export broken")

        section(term, 5)  # updates: a long sentence that must wrap, not scroll away
        long_update = ("Closed the Acme renewal two months early and signed two new logos "
                       "in the enterprise segment this week")
        term.type(long_update)
        shown = term.wait_for("Closed the Acme renewal")
        assert "in the enterprise segment" in shown or "this week" in shown, shown

        section(term, 6)  # new items: the README's quick add, due next fri
        term.keys("C-t")
        term.wait_for("right arrow completes")
        time.sleep(0.5)
        term.type("@Sofia Update billing macros due:next fri")
        term.wait_for("Fri 11 Dec")
        term.keys("Enter")
        term.wait_for("Update billing macros")
        term.keys("Escape")  # the quick-add line closes; the list shows owner and due whole
        term.wait_for("→ Sofia Martinez", "11 Dec 2026")

        section(term, 7)  # decisions and notes
        term.type("Freeze CRM fields until January")

        section(term, 8)  # wrap-up: a summary, the room's rating, end
        term.type("Good pace")
        term.keys("Tab")
        term.type("8")
        term.wait_for("Meeting rating 8")
        term.keys("C-e")
        term.wait_for("End the meeting")
        term.keys("Enter")  # on "Yes, end it"
        term.wait_for("Export")
        term.keys("e")
        term.wait_for("Export the minutes")
        target = tmp_path / "out" / "minutes.md"
        term.keys("C-u")
        term.type(str(target))
        term.wait_for("minutes.md")
        term.keys("Enter")
        for _ in range(40):
            if target.exists():
                break
            shown = term.screen()
            if "create" in shown.lower() and "folder" in shown.lower():
                term.keys("y")
            time.sleep(0.3)
        term.keys("C-q")
        term.wait_for("CHECKIN-EXITED 0")
    finally:
        term.close()

    minutes = target.read_text()
    for typed in ("Facilitator:** Jamie Facilitator", "Billing export broken",
                  "Update billing macros", "Closed the Acme renewal", "Freeze CRM fields"):
        assert typed in minutes, typed
    rows = json.loads(checkin("meetings", "--format", "json", env=env).stdout)
    first = rows[0]
    assert (first["date"], first["status"], first["facilitator"]) == (
        "2026-11-30", "ended", "Jamie Facilitator")

    env2 = {**os.environ, **checkin_env(data, WEEK2)}
    term = Terminal(*size, log=log)
    try:
        term.run("run", "weekly", env=checkin_env(data, WEEK2))
        term.wait_for("who facilitates?", "Jamie Facilitator")  # last week's, as default
        term.keys("Enter")
        term.wait_for("1/8 · Attendance")
        section(term, 2)
        term.wait_for("Update billing")  # created last week, carried over
        term.keys("C-q")
        term.wait_for("CHECKIN-EXITED 0")
    finally:
        term.close()
    rows = json.loads(checkin("meetings", "--format", "json", env=env2).stdout)
    assert rows[0]["status"] == "in-progress" and rows[0]["date"] == "2026-12-07"


def fill(form: Path, *swaps: tuple[str, str], extra: str = "") -> None:
    """Fill a form as its department's representative would: each swap once, in order."""
    text = form.read_text()
    for old, new in swaps:
        assert old in text, (old, form)
        text = text.replace(old, new, 1)
    form.write_text(text + extra)


def line_of(shown: str, needle: str) -> str:
    return next(line for line in shown.splitlines() if needle in line)


@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=["80x24", "120x40"])
def test_weekly_meeting_two_departments_prepared(size: tuple[int, int],
                                                 tmp_path: Path) -> None:
    """Sales and IT filled their forms, Marketing sent its form back blank; the other two
    had none. The room sees who prepared, what came from prep, and accepts IT's roadblock
    with its one key."""
    import os

    data, forms = tmp_path / "data", tmp_path / "forms"
    env = {**os.environ, **checkin_env(data, WEEK1)}
    assert checkin("demo", "--no-ui", "--data", str(data), env=env).returncode == 0
    assert checkin("prep", "weekly", "-o", str(forms), env=env).returncode == 0
    for name in ("product", "customer-support"):
        (forms / f"{name}.toml").unlink()
    fill(forms / "sales.toml", ('win = ""', 'win = "Closed the Acme renewal"'),
         ('value = ""', 'value = "262k"'), ('comment = ""', 'comment = "Two late deals"'))
    fill(forms / "it.toml", ('value = ""', "value = 99.95"),
         extra='\n[[roadblocks]]\ntitle = "VPN licences run out"\nblocking = ["Sales"]\n')
    taken = checkin("collect", str(forms), env=env)
    assert taken.returncode == 0, taken.stderr
    assert "marketing.toml: nothing filled in; skipped" in taken.stdout
    assert taken.stdout.count("taken into 2026-11-30-weekly") == 2, taken.stdout

    term = Terminal(*size, log=tmp_path / "screens.txt")
    try:
        term.run("run", "weekly", "--facilitator", "Jamie Facilitator",
                 env=checkin_env(data, WEEK1))
        shown = term.wait_for("1/8 · Attendance", "✎ prepared: Sales, IT",
                              "Marcus Okafor ✎", "Tom Becker ✎")  # whole: the ✎ not cut
        assert_sidebar_whole(shown)
        assert "✎" not in line_of(shown, "Dana Lee")  # Marketing did not prepare

        section(term, 2)
        section(term, 3)  # the scorecard: Sales's value and comment from prep
        shown = term.wait_for("✎ 2 from prep", "Pipeline added")
        mark = "✎ prep" if size[0] >= 120 else "✎"
        pipeline = line_of(shown, "Pipeline added")
        assert "262,000" in pipeline and mark in pipeline and "…" not in pipeline, pipeline
        assert line_of(shown, "Two late deals").split()[0] == "✎"  # the comment's gutter
        for name in ("Marketing-qualified", "Website trial"):  # Marketing's: empty, no mark
            row = line_of(shown, name)
            assert "actual" in row and "✎" not in row and "…" not in row, row

        section(term, 4)  # IT's roadblock waits; p accepts it
        term.wait_for("Proposed: VPN licences run out · from IT's prep")
        term.keys("p")
        shown = term.wait_for("1 open")
        assert "Proposed: VPN licences run out" not in shown
        assert "VPN licences run out" in line_of(shown, "1  VPN")

        section(term, 5)  # updates: Sales's win from prep, Marketing's empty
        shown = term.wait_for("Closed the Acme renewal", "from prep: wins")
        assert "a win to celebrate" in shown.split("Marketing", 1)[1].split("Sales", 1)[0]
        term.keys("C-q")
        term.wait_for("CHECKIN-EXITED 0")
    finally:
        term.close()

    minutes = checkin("export", "2026-11-30", "-o", "-", env=env)
    assert minutes.returncode == 0, minutes.stderr
    assert "Closed the Acme renewal (from prep)" in minutes.stdout
    assert "VPN licences run out" in minutes.stdout.split("## Roadblocks", 1)[1]
