"""One snapshot per screen and per section state, as the facilitator sees them.

Every picture is the real app (``make_app``, its own stylesheets) on the seeded demo data:
fixed clock (root conftest), frozen timers, no cursor blink, data dir in tmp_path.
Sections are shown in the real meeting screen at 100x30, the tight ones also at 80x24.
Regenerate one with ``pytest --snapshot-update tests/tui/test_snapshots.py -k NAME`` after
a change to its look, and read the SVG before committing.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import AppFactory
from hosts import editor_app, screen_app, settle, snapshot_steps
from test_prep_in_the_room import collect_sales

from checkin.core.model import Decision
from checkin.tui.session import MeetingSession

SIZE = (100, 30)
SMALL = (80, 24)


def keys(*pressed: str):  # type: ignore[no-untyped-def]
    async def press(pilot) -> None:  # type: ignore[no-untyped-def]
        await pilot.press(*pressed)
        await pilot.pause()
    return press


# ---------------------------------------------------------------- Home and minutes
def test_home(snap_compare, demo_dir: Path, app_factory: AppFactory) -> None:
    app = app_factory(demo_dir, live_clock=False)
    assert snap_compare(app, terminal_size=SIZE, run_before=settle)


def test_minutes(snap_compare, demo_dir: Path, app_factory: AppFactory) -> None:
    app = app_factory(demo_dir, live_clock=False)

    async def open_minutes(pilot) -> None:  # type: ignore[no-untyped-def]
        await pilot.pause()
        await pilot.press("tab", "enter")
        await settle(pilot)
    assert snap_compare(app, terminal_size=SIZE, run_before=open_minutes)


# ---------------------------------------------------------------- between meetings
@pytest.mark.parametrize("action", ["action_register", "history", "trends"])
def test_between_screen(action: str, snap_compare, demo_dir: Path) -> None:
    app = screen_app(demo_dir, action)
    assert snap_compare(app, terminal_size=SIZE, run_before=snapshot_steps())


def test_actions_register_filtered(snap_compare, demo_dir: Path) -> None:
    app = screen_app(demo_dir, "action_register")
    steps = snapshot_steps(keys("s", "s", "s", "2", "down"))
    assert snap_compare(app, terminal_size=SIZE, run_before=steps)


# ---------------------------------------------------------------- the meeting's sections
def decided(session: MeetingSession) -> None:
    session.meeting.decisions = [Decision("Freeze CRM field changes", owner="Marcus Okafor")]


def timed(session: MeetingSession) -> None:
    for a in session.meeting.attendance[:3]:
        a.present = True
    session.meeting.elapsed_seconds = [100.0, 600.0, 540.0, 1000.0, 300.0, 420.0, 200.0, 30.0]


ROADBLOCKS = [step for title in ("CRM sync drops leads", "Pricing page outdated",
                                 "No budget for ads") for step in ("n", *title, "enter")]

# kind -> (keys typed in it, meeting set-up)
SECTIONS = {
    "attendance": (("space", "down", "space", "down", "tab", *"on leave", "shift+tab"), None),
    "action-review": (("d", "down", "k", "r", *"2026-02-30"), None),
    "metrics": ((*"130", "tab", *"webinar push", "shift+tab", "down", *"250x"), None),
    "roadblocks": ((*ROADBLOCKS, "up", "e", "n", *"Hiring freeze"), None),
    "updates": ((*"Launched the spring newsletter", "tab", *"4 of 6 goals on track"), None),
    "actions": ((*"Write the bulk export spec", "enter", *"pri", "right", "enter", "enter",
                 "enter", *"Dedupe CRM accounts", "enter", *"marc"), None),
    "notes": ((*"Budget review moves to December.", "tab", *"Webinar moves a week"), decided),
    "wrap-up": ((*"Good pace; CRM dedupe is the top risk", "tab", "1", "1"), timed),
}


@pytest.mark.parametrize("kind", list(SECTIONS))
def test_section(kind: str, snap_compare, demo_dir: Path) -> None:
    typed, setup = SECTIONS[kind]
    app = editor_app(demo_dir, kind, setup=setup)
    assert snap_compare(app, terminal_size=SIZE, run_before=snapshot_steps(keys(*typed)))


SMALL_SECTIONS = {
    "attendance": ("space", "down", "space", "down", "space"),
    "action-review": ("d", "down", "k", "x"),
    "metrics": tuple("97"),
}


@pytest.mark.parametrize("kind", list(SMALL_SECTIONS))
def test_section_80x24(kind: str, snap_compare, demo_dir: Path) -> None:
    app = editor_app(demo_dir, kind)
    steps = snapshot_steps(keys(*SMALL_SECTIONS[kind]))
    assert snap_compare(app, terminal_size=SMALL, run_before=steps)


def test_metrics_prepared_80x24(snap_compare, demo_dir: Path, tmp_path: Path) -> None:
    """Sales prepared: its values say ✎ (its comment too, in the gutter), the rest do not."""
    collect_sales(demo_dir, tmp_path / "forms")
    app = editor_app(demo_dir, "metrics")
    steps = snapshot_steps(keys("down", "down"))
    assert snap_compare(app, terminal_size=SMALL, run_before=steps)


def test_quick_add_bar(snap_compare, demo_dir: Path) -> None:
    app = editor_app(demo_dir, "actions")
    steps = snapshot_steps(keys("ctrl+t"), keys(*"@maria #cust fix CRM dedupe due:fri"))
    assert snap_compare(app, terminal_size=SIZE, run_before=steps)


def test_end_meeting_question(snap_compare, demo_dir: Path) -> None:
    app = editor_app(demo_dir, "wrap-up")
    assert snap_compare(app, terminal_size=SIZE, run_before=snapshot_steps(keys("ctrl+e")))
