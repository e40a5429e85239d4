"""Notes and decisions typed live reach the disk."""

from __future__ import annotations

from pathlib import Path

from hosts import editor_app, hosted, on_disk
from textual.widgets import Label, TextArea

from checkin.core.model import Agenda, Decision
from checkin.tui.sections.notes import DecisionList
from checkin.tui.session import MeetingSession


async def test_notes_and_decisions_persist(demo_dir: Path, weekly_agenda: Agenda) -> None:
    app = editor_app(demo_dir, "notes")
    async with hosted(app, (100, 30)) as pilot:
        assert app.screen.query_one("#notes-text", TextArea).has_focus
        await pilot.press(*"Budget review moved", "enter", *"to December")
        await pilot.press("tab", "enter")              # empty decision: refused
        await pilot.pause()
        assert "nothing was added" in str(app.screen.query_one("#decision-message", Label).render())
        await pilot.press(*"Freeze CRM fields", "tab", *"mar", "right", "enter")
        await pilot.press(*"Webinar moves a week", "enter")
        await pilot.press(*"Typo decision", "enter")
        await pilot.pause()
        assert len(app.screen.query_one(DecisionList).children) == 3
        await pilot.press("tab", "tab")                # text -> owner -> list
        assert app.screen.query_one(DecisionList).has_focus
        await pilot.press("x")                         # the newest is highlighted
        await pilot.pause()
        assert len(app.screen.query_one(DecisionList).children) == 2
    store, meeting = on_disk(demo_dir)
    store.close()
    assert meeting.notes == "Budget review moved\nto December"
    assert meeting.decisions == [Decision("Freeze CRM fields", owner="Marcus Okafor"),
                                 Decision("Webinar moves a week", owner="")]


async def test_delete_key_removes_the_highlighted_decision(demo_dir: Path,
                                                           weekly_agenda: Agenda) -> None:
    def three(session: MeetingSession) -> None:
        session.meeting.decisions = [Decision("one"), Decision("two"), Decision("three")]

    app = editor_app(demo_dir, "notes", setup=three)
    async with hosted(app, (80, 24)) as pilot:
        app.screen.query_one(DecisionList).focus()
        await pilot.press("up", "up", "delete")  # newest highlighted; up twice: "one"
        await pilot.pause()
    store, meeting = on_disk(demo_dir)
    store.close()
    assert [d.text for d in meeting.decisions] == ["two", "three"]
