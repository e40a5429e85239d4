"""The app as a whole: start-up errors, the lock, quit and resume, help and palette."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import AppFactory, reopen

from checkin.errors import AgendaError, LockedError
from checkin.store.lock import DirLock
from checkin.tui.screens.help import HelpScreen, KeyTable
from checkin.tui.screens.home import HomeScreen
from checkin.tui.screens.meeting import MeetingScreen
from checkin.tui.screens.minutes import MinutesScreen

REPO = Path(__file__).resolve().parents[2]


def test_second_app_on_same_dir_names_the_lock_holder(demo_dir: Path,
                                                       app_factory: AppFactory) -> None:
    app_factory(demo_dir)
    with pytest.raises(LockedError) as caught:
        app_factory(demo_dir)
    assert f"pid {os.getpid()}" in str(caught.value)
    assert "in use by another checkin" in str(caught.value)


def test_locked_dir_from_the_command_line_is_one_line_exit_2(demo_dir: Path) -> None:
    lock = DirLock(demo_dir)
    lock.acquire()
    try:
        proc = subprocess.run([sys.executable, "-m", "checkin", "--data", str(demo_dir)],
                              capture_output=True, text=True, cwd=REPO, timeout=60,
                              stdin=subprocess.DEVNULL)
    finally:
        lock.release()
    assert proc.returncode == 2, proc
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("checkin: error: "), proc.stderr
    assert f"pid {os.getpid()}" in lines[0]
    assert "Traceback" not in proc.stderr


def test_unknown_agenda_raises_before_the_app_runs_and_leaves_no_lock(
        data_dir: Path, app_factory: AppFactory) -> None:
    with pytest.raises(AgendaError, match="no agenda named"):
        app_factory(data_dir, agenda="nope", start=True)
    app_factory(data_dir)  # the failed start took no lock


async def test_fresh_data_dir_opens_home_with_bundled_agendas(
        data_dir: Path, app_factory: AppFactory) -> None:
    app = app_factory(data_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        ids = [o.id for o in app.screen.query_one("#home-agendas").options]
        assert "agenda:weekly" in ids and "agenda:post-campaign" in ids
    assert (data_dir / "register.json").exists()


async def test_run_agenda_starts_its_meeting_directly(data_dir: Path,
                                                      app_factory: AppFactory) -> None:
    app = app_factory(data_dir, agenda="weekly", start=True, facilitator="Ana")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, MeetingScreen)
        assert app.session is not None and app.session.meeting.facilitator == "Ana"
        await pilot.press("escape")  # back to Home, which lists the meeting to resume
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        first = app.screen.query_one("#home-agendas").get_option_at_index(0)
        assert first.id == f"resume:{app.session.meeting.id}"


async def test_quit_mid_meeting_then_resume_same_section_text_and_timer(
        data_dir: Path, app_factory: AppFactory) -> None:
    app = app_factory(data_dir, agenda="weekly", start=True)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("pagedown", "pagedown")
        await pilot.pause(1.2)  # the clock ticks once a second into the current section
        app.session.meeting.notes = "Typed before the laptop died"
        app.session.changed()
        await pilot.press("ctrl+q")
    meeting_id = app.session.meeting.id
    app.store.close()

    with reopen(data_dir) as store:
        saved = store.load_meeting(meeting_id)
    assert saved.current_section == 2
    assert saved.notes == "Typed before the laptop died"
    assert saved.elapsed_seconds[2] >= 1.0

    again = app_factory(data_dir)
    async with again.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("enter")  # the first Home entry: resume
        await pilot.pause()
        screen = again.screen
        assert isinstance(screen, MeetingScreen)
        assert screen.session.meeting.id == meeting_id
        assert screen.current == 2
        assert screen.session.meeting.notes == "Typed before the laptop died"
        assert screen.session.meeting.elapsed_seconds[2] >= saved.elapsed_seconds[2]
        title = str(screen.query_one("#section-title").render())
        assert title.startswith("3/8")


async def test_help_lists_the_keys_of_the_current_screen(
        data_dir: Path, app_factory: AppFactory) -> None:
    app = app_factory(data_dir, agenda="weekly", start=True)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        rows = {k.description: k.key for k in app.screen.keys}
        assert rows["Next"] == "pgdn" and rows["Previous"] == "pgup"
        assert "Quick add" in rows and "Minutes" in rows and "Quit" in rows
        table = app.screen.query_one(KeyTable)
        width = table.content_size.width
        drawn = [line.plain.rstrip() for line in table.lines(width)]
        assert all(len(line) <= width for line in drawn)  # every column fits: none cut
        for key in app.screen.keys:  # each description whole, wrapped in its column
            assert set(key.description.split()) <= set(" ".join(drawn).split())
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, MeetingScreen)


async def test_command_palette_runs_a_screen_action(
        data_dir: Path, app_factory: AppFactory) -> None:
    app = app_factory(data_dir, agenda="weekly", start=True, live_clock=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"go to section 3")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause(0.3)
        assert isinstance(app.screen, MeetingScreen)
        assert app.screen.current == 2
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"minutes")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause(0.3)
        assert isinstance(app.screen, MinutesScreen)


async def test_light_and_dark_theme_toggle(data_dir: Path, app_factory: AppFactory) -> None:
    app = app_factory(data_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        dark = app.theme
        await pilot.press("f2")
        assert app.theme != dark and "light" in app.theme


def test_home_imports_none_of_the_meeting_modules() -> None:
    """Start-up to Home is measured against a bare Textual app (issue 11): the meeting
    screen, its sections, the session, help and the start dialogs come when first used."""
    code = (
        "import sys\nimport checkin.tui.app\n"
        "later = ['checkin.tui.screens.meeting', 'checkin.tui.sections', 'checkin.tui.session',"
        " 'checkin.tui.screens.help', 'checkin.tui.dialogs.facilitator',"
        " 'checkin.services.meetings']\n"
        "loaded = [name for name in later if name in sys.modules]\n"
        "assert not loaded, loaded\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=60)
    assert proc.returncode == 0, proc.stderr
