"""Wrap-up: ratings refused or stored, completion shown, ending the meeting."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from hosts import editor_app, hosted, on_disk, reopened
from textual.widgets import Label

from checkin.core.model import Agenda
from checkin.services.wrapup import completion_since_last
from checkin.tui.dialogs.confirm import ConfirmDialog
from checkin.tui.screens.meeting import MeetingScreen
from checkin.tui.screens.minutes import MinutesScreen
from checkin.tui.sections.wrapup import RatingInput, TimeTable
from checkin.tui.session import MeetingSession


def text(app, selector: str) -> str:
    return str(app.screen.query_one(selector, Label).render())


async def test_rating_summary_and_next_meeting(demo_dir: Path, weekly_agenda: Agenda) -> None:
    def two_present(session: MeetingSession) -> None:
        for a in session.meeting.attendance[:2]:
            a.present = True

    app = editor_app(demo_dir, "wrap-up", setup=two_present)
    async with hosted(app, (100, 30)) as pilot:
        session = app.session
        expected = completion_since_last(session.store, session.meeting).describe()
        assert text(app, "#completion") == f"Action items since last meeting: {expected}"
        assert "% done on time" in expected
        await pilot.press(*"Good pace", "tab", "1", "1")          # room: 11
        await pilot.pause()
        assert "Room: 11 is out of range" in text(app, "#rating-message")
        assert text(app, "#rating-message").endswith("not saved")
        assert "room" not in session.meeting.ratings
        await pilot.press("backspace", "backspace", "8", "tab", "9", "tab", "1", "0")
        await pilot.pause()
        assert text(app, "#rating-message") == "Meeting rating 9.5 (2 people)"  # room: no person
        keys = [r.key for r in app.screen.query(RatingInput)]
        assert keys == ["room", "Dana Lee", "Marcus Okafor"]
        await pilot.press("tab", "ctrl+u", *"12/7", "tab")          # next meeting
        await pilot.pause()
    store, meeting = on_disk(demo_dir)
    store.close()
    assert meeting.summary == "Good pace"
    assert meeting.ratings == {"room": 8, "Dana Lee": 9, "Marcus Okafor": 10}
    assert meeting.next_meeting == date(2026, 12, 7)
    assert meeting.status == "in-progress"


async def test_a_long_name_keeps_a_space_before_its_rating(demo_dir: Path) -> None:
    def all_present(session: MeetingSession) -> None:
        for a in session.meeting.attendance:
            a.present = True

    for size in ((100, 30), (80, 24)):  # "Sofia Martinez" filled its column at 100x30
        app = editor_app(demo_dir, "wrap-up", setup=all_present)
        async with hosted(app, size):
            cells = list(app.screen.query(".rating-cell"))
            assert len(cells) == 6
            for cell in cells:
                name, field = cell.query_one(".rating-name"), cell.query_one(RatingInput)
                assert name.content_region.right < field.region.x, (size, name.render())


async def test_over_time_rows_are_marked(demo_dir: Path, weekly_agenda: Agenda) -> None:
    def timed(session: MeetingSession) -> None:
        session.meeting.elapsed_seconds = [90.0, 11 * 60.0] + [0.0] * 6

    app = editor_app(demo_dir, "wrap-up", setup=timed)
    async with hosted(app, (100, 30)):
        table = app.screen.query_one("#times", TimeTable)
        lines = str(table.render()).splitlines()
        assert len(lines) == 9 and table.region.height == 9     # the head, eight sections
        assert lines[2].split() == ["Action", "review", "8", "11.0", "+3.0", "over"]
        assert lines[1].split() == ["Attendance", "2", "1.5"]
        assert table.over[:2] == [False, True]
        drawn = table.render_line(2)                            # the over line: in colour
        assert any(s.style.bold for s in drawn if "over" in s.text)


async def test_end_meeting_asks_then_ends_on_disk(demo_dir: Path,
                                                  weekly_agenda: Agenda) -> None:
    app = editor_app(demo_dir, "wrap-up")
    async with hosted(app, (100, 30)) as pilot:
        session = app.session
        await pilot.press(*"Short one", "ctrl+e")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("tab", "enter")                       # "Not yet"
        await pilot.pause()
        assert not isinstance(app.screen, ConfirmDialog)
        await pilot.press("ctrl+e", "escape")                   # escape: not yet either
        await pilot.pause()
        assert not isinstance(app.screen, ConfirmDialog)
        assert session.meeting.status == "in-progress"
        assert isinstance(app.screen, MeetingScreen)
        await pilot.press("ctrl+e", "enter")                    # "Yes, end it" has focus
        await pilot.pause()
        assert isinstance(app.screen, MinutesScreen)            # ended: its minutes show
        assert app.screen.meeting.id == session.meeting.id
    meeting_id = session.meeting.id
    with reopened(demo_dir) as store:
        meeting = store.load_meeting(meeting_id)
        in_progress = store.in_progress(weekly_agenda.id)
    assert (meeting.status, meeting.ended_at) == ("ended", "2026-11-23T09:00:00")
    assert meeting.summary == "Short one"
    assert in_progress is None
