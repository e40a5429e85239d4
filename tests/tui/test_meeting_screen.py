"""The meeting screen: section moves, timers, over-time, autosave, quick add."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import AppFactory, reopen
from textual import events
from textual.widgets import Label

from checkin.tui.screens.meeting import MeetingScreen
from checkin.tui.widgets.meeting_clock import budget
from checkin.tui.widgets.sidebar import SectionSidebar


def label_text(screen: MeetingScreen, selector: str) -> str:
    return str(screen.query_one(selector, Label).render())


def test_budget_says_over_time_in_words() -> None:
    assert budget(200, 10) == ("3:20 · 6:40 left", False)
    assert budget(730, 10) == ("12:10 · +2:10 over", True)


async def test_pagedown_pageup_move_sections_and_persist(data_dir: Path,
                                                         app_factory: AppFactory) -> None:
    app = app_factory(data_dir, agenda="weekly", start=True)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, MeetingScreen)
        sections = screen.session.meeting.agenda.sections
        assert label_text(screen, "#section-title") == f"1/8 · {sections[0].title}"
        assert label_text(screen, "#section-prompt") == sections[0].prompt
        await pilot.press("pageup")  # already first: nothing happens
        assert screen.current == 0
        await pilot.press("pagedown", "pagedown", "pagedown")
        await pilot.pause()
        assert screen.current == 3
        await pilot.press("pageup")
        await pilot.pause(1.2)
        assert screen.current == 2
        assert label_text(screen, "#section-title") == f"3/8 · {sections[2].title}"
        sidebar = screen.query_one(SectionSidebar)
        rows = sidebar.list.rows
        assert rows[2].state == "current" and rows[1].state == "done"
        assert rows[3].state == ""
        meeting_id = screen.session.meeting.id
        # the move itself was flushed: a second reader sees it while the app still runs
        with reopen(data_dir) as store:
            on_disk = store.load_meeting(meeting_id)
        assert on_disk.current_section == 2
        await pilot.press("ctrl+q")
    app.store.close()
    with reopen(data_dir) as store:
        saved = store.load_meeting(meeting_id)
    assert saved.current_section == 2
    assert saved.elapsed_seconds[2] >= 1.0
    assert sum(saved.elapsed_seconds) >= saved.elapsed_seconds[2]


async def test_over_time_shows_in_text_and_colour(data_dir: Path,
                                                  app_factory: AppFactory) -> None:
    app = app_factory(data_dir, agenda="weekly", start=True, live_clock=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        screen = app.screen
        screen.session.meeting.elapsed_seconds[0] = 2 * 60 + 130  # timebox 2 min
        screen.show_time()
        await pilot.pause()
        section = screen.query_one("#clock-section", Label)
        assert "+2:10 over" in str(section.render())
        assert section.has_class("-over")
        assert not screen.query_one("#clock-meeting", Label).has_class("-over")
        section_list = screen.query_one(SectionSidebar).list
        row = section_list.rows[0]
        assert row.over and row.time == "4/2m"
        line = section_list.render().split()[0]  # the minutes in the over-time colour
        time_at = len(line.plain) - len(" 4/2m")
        assert line.plain.endswith(" 4/2m")
        assert any(span.start == time_at and span.end == len(line.plain)
                   for span in line.spans)


async def test_autosave_writes_edits_without_a_section_change(
        data_dir: Path, app_factory: AppFactory) -> None:
    app = app_factory(data_dir, agenda="weekly", start=True, live_clock=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        session = app.screen.session
        session.meeting.summary = "half-way"
        session.changed()
        await pilot.pause(0.6)  # > SAVE_INTERVAL
        assert not session.dirty
        with reopen(data_dir) as store:
            assert store.load_meeting(session.meeting.id).summary == "half-way"
        assert "saved" in label_text(app.screen, "#clock-saved")


async def test_a_failed_save_keeps_the_edit_says_so_and_retries(
        data_dir: Path, app_factory: AppFactory, monkeypatch) -> None:
    """Disk full mid-meeting: the app stays up, the header says NOT SAVED, and the edit is
    written once the disk accepts it again."""
    app = app_factory(data_dir, agenda="weekly", start=True, live_clock=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        session = app.screen.session

        def full_disk(fd: int, data: bytes) -> int:
            raise OSError(28, "No space left on device")

        monkeypatch.setattr("checkin.store.atomic.os.write", full_disk)
        session.meeting.summary = "keep me"
        session.changed()
        await pilot.pause(0.6)
        assert session.dirty and "NOT SAVED" in label_text(app.screen, "#clock-saved")
        monkeypatch.undo()
        await pilot.pause(0.6)
        assert not session.dirty
        with reopen(data_dir) as store:
            assert store.load_meeting(session.meeting.id).summary == "keep me"


async def test_idle_timers_are_not_written_every_second(data_dir: Path,
                                                        app_factory: AppFactory) -> None:
    app = app_factory(data_dir, agenda="weekly", start=True)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        screen = app.screen
        path = screen.session.store.meeting_path(screen.session.meeting.id)
        before = path.stat().st_mtime_ns
        await pilot.pause(2.5)  # two ticks, no typing
        assert screen.session.meeting.elapsed_seconds[0] >= 2
        assert path.stat().st_mtime_ns == before
        await pilot.press("pagedown")  # a section change writes the timers
        await pilot.pause()
    with reopen(data_dir) as store:
        (row,) = store.meetings()
        assert store.load_meeting(row.id).elapsed_seconds[0] >= 2


async def test_quick_add_from_any_section(data_dir: Path, app_factory: AppFactory) -> None:
    app = app_factory(data_dir, agenda="weekly", start=True, live_clock=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        screen = app.screen
        bar = screen.query_one("#quick-add")
        assert not bar.display
        await pilot.press("ctrl+t")
        await pilot.pause()
        assert bar.display and app.focused.id == "quick-add-input"
        await pilot.press(*"@Maria #Sales fix CRM dedupe due:fri")
        await pilot.press("enter")
        await pilot.pause()
        assert type(app.screen).__name__ == "ConfirmDialog"  # nobody called Maria yet
        await pilot.press("y")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert not bar.display
        assert screen.current == 0
        await pilot.press("ctrl+q")
    app.store.close()
    with reopen(data_dir) as store:
        items = [a for a in store.actions() if a.title == "fix CRM dedupe"]
    assert len(items) == 1 and items[0].owner == "Maria" and items[0].department == "Sales"
    assert items[0].due.isoformat() == "2026-11-27"


async def test_fast_key_presses_move_in_order_with_one_editor(
        data_dir: Path, app_factory: AppFactory) -> None:
    app = app_factory(data_dir, agenda="weekly", start=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        # keys arriving faster than editors mount (key repeat): post them all at once
        for key in ("pagedown", "pagedown", "pagedown", "pageup", "pagedown", "pagedown"):
            app.post_message(events.Key(key, None))
        await pilot.pause(1.0)
        screen = app.screen
        assert screen.current == 4
        assert len(screen.query_one("#section-body").children) == 1
        rows = screen.query_one(SectionSidebar).list.rows
        assert [r.state for r in rows].index("current") == 4
        assert rows[4].name.startswith("▶ 5")


def unwritable(folder: Path) -> Path:
    """Make ``folder`` refuse new files by a real OS condition that holds even for root:
    move it away and put a plain file in its place (ENOTDIR). Returns where it went."""
    away = folder.with_name(folder.name + ".away")
    folder.rename(away)
    folder.write_text("not a folder")
    return away


async def test_end_meeting_on_an_unwritable_disk_loses_nothing(
        data_dir: Path, app_factory: AppFactory) -> None:
    """End meeting when the meeting cannot be written: the app stays on the wrap-up, the
    header says NOT SAVED, the meeting stays in progress; once the disk takes it, it ends."""
    from checkin.tui.screens.minutes import MinutesScreen

    app = app_factory(data_dir, agenda="weekly", start=True, live_clock=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        screen = app.screen
        session = screen.session
        await screen.go_to(len(session.meeting.agenda.sections) - 1)  # wrap-up
        await pilot.pause()
        await pilot.press(*"Kept")  # the summary
        meetings = data_dir / "meetings"
        away = unwritable(meetings)
        await pilot.press("ctrl+e", "enter")  # "Yes, end it"
        await pilot.pause(0.6)
        assert app.screen is screen
        assert "NOT SAVED" in label_text(screen, "#clock-saved")
        assert session.meeting.status == "in-progress" and session.dirty
        assert session.save_error and "Not a directory" in session.save_error
        meetings.unlink()
        away.rename(meetings)
        with reopen(data_dir) as store:
            on_disk = store.load_meeting(session.meeting.id)
        assert on_disk.status == "in-progress"
        await pilot.press("ctrl+e", "enter")
        await pilot.pause(0.3)
        assert isinstance(app.screen, MinutesScreen)
    app.store.close()
    with reopen(data_dir) as store:
        ended = store.load_meeting(session.meeting.id)
    assert (ended.status, ended.summary) == ("ended", "Kept")


@pytest.mark.parametrize("size", [(80, 24), (100, 30), (120, 40)], ids=str)
async def test_header_keeps_the_meeting_title_whole_in_every_section(
        size: tuple[int, int], demo_dir: Path, app_factory: AppFactory) -> None:
    """The clocks give way before the title (at 80 columns the 15-minute roadblocks
    section once cut it to ``Weekly cross-functional check-…``)."""
    app = app_factory(demo_dir, agenda="weekly", start=True, live_clock=False)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, MeetingScreen)
        title = screen.session.meeting.agenda.title
        for _ in screen.session.meeting.agenda.sections:
            await pilot.pause()  # as the section change left it (no extra show_time)
            label = screen.query_one("#clock-title", Label)
            shown = str(label.render())
            assert shown.startswith(title), shown
            assert label.content_region.width >= len(shown), screen.section.kind
            await pilot.press("pagedown")
