"""New action items typed in the actions editor."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from hosts import action_count, editor_app, hosted, on_disk
from textual.widgets import Input, Label

from checkin.core.model import Agenda
from checkin.tui.sections.actions import ActionsList


def message(app) -> str:
    return str(app.screen.query_one("#action-message", Label).render())


async def test_adds_an_item_with_owner_completion_and_default_due(
        demo_dir: Path, weekly_agenda: Agenda) -> None:
    before = action_count(demo_dir)
    app = editor_app(demo_dir, "actions")
    async with hosted(app, (100, 30)) as pilot:
        await pilot.press(*"Write the bulk export spec", "enter")
        await pilot.press(*"pri")
        await pilot.pause()
        await pilot.press("right")                   # accept the suggestion
        assert app.screen.query_one("#action-owner", Input).value == "Priya Raman"
        assert app.screen.query_one("#action-dept", Input).value == "Product"  # auto-filled
        await pilot.press("enter", "enter")           # dept, then due ("next meeting")
        await pilot.press("enter")                    # Enter on due adds
        await pilot.pause()
        assert "Saved" in message(app)
        assert app.screen.query_one("#action-title", Input).value == ""
        assert app.screen.query_one("#action-title", Input).has_focus
        assert len(app.screen.query_one(ActionsList).children) == 1
    store, meeting = on_disk(demo_dir)
    items = store.actions()[before:]
    store.close()
    assert [(i.title, i.owner, i.department, i.due, i.created_in) for i in items] == [
        ("Write the bulk export spec", "Priya Raman", "Product", date(2026, 11, 30), meeting.id)]
    assert meeting.next_meeting == date(2026, 11, 30)


async def test_refuses_empty_title_or_owner_and_keeps_the_text(
        demo_dir: Path, weekly_agenda: Agenda) -> None:
    before = action_count(demo_dir)
    app = editor_app(demo_dir, "actions")
    async with hosted(app, (100, 30)) as pilot:
        await pilot.press("enter", *"Dana Lee", "enter", "enter", "enter")  # no title
        await pilot.pause()
        assert "needs a title: nothing was saved" in message(app)
        assert app.screen.query_one("#action-title", Input).has_focus
        assert app.screen.query_one("#action-owner", Input).value == "Dana Lee"
        await pilot.press(*"Refresh the landing page", "tab")
        await pilot.press("ctrl+u", "tab", "tab", "enter")  # owner cleared, Enter on due
        await pilot.pause()
        assert "needs an owner" in message(app)
        assert app.screen.query_one("#action-owner", Input).has_focus
        assert app.screen.query_one("#action-title", Input).value == "Refresh the landing page"
        await pilot.press("tab", "tab", "ctrl+u", *"someday", "enter")  # bad due date
        await pilot.pause()
        resolved = str(app.screen.query_one("#action-due .resolved", Label).render())
        assert '"someday": not a date I understand' in resolved
        assert len(app.screen.query_one(ActionsList).children) == 0
    store, _ = on_disk(demo_dir)
    assert len(store.actions()) == before
    store.close()


async def test_drop_and_edit_from_the_list(demo_dir: Path, weekly_agenda: Agenda) -> None:
    before = action_count(demo_dir)
    app = editor_app(demo_dir, "actions")
    async with hosted(app, (100, 30)) as pilot:
        for title, owner in (("First", "tom"), ("Second", "dana")):
            await pilot.press(*title, "enter", *owner, "enter", "enter", "enter")
        await pilot.pause()
        await pilot.press("shift+tab")             # the list is one shift+tab from the title
        assert app.screen.query_one(ActionsList).has_focus
        await pilot.press("up", "x")               # highlighted: the newest; up -> First
        await pilot.pause()
        assert "Dropped A" in message(app) and "First" in message(app)
        await pilot.press("down", "e")             # edit "Second"
        await pilot.pause()
        assert app.screen.query_one("#action-title", Input).value == "Second"
        await pilot.press("end", *" (v2)", "tab", "ctrl+u", *"sofia", "tab", "ctrl+u",
                          "tab", "ctrl+u", *"fri", "enter")
        await pilot.pause()
    store, _ = on_disk(demo_dir)
    first, second = store.actions()[before:]
    store.close()
    assert (first.title, first.status) == ("First", "dropped")
    assert (second.title, second.owner, second.department, second.due) == (
        "Second (v2)", "Sofia Martinez", "Customer Support", date(2026, 11, 27))
    # a correction while writing the item is one "edit", not a slip that would count
    # towards escalation
    assert [c.kind for c in second.history] == ["created", "edit"] and second.slips == 0


async def test_form_asks_before_a_past_date_and_a_new_person(
        demo_dir: Path, weekly_agenda: Agenda) -> None:
    """The form's date entry asks like every other one; an unknown owner asks first."""
    before = action_count(demo_dir)
    app = editor_app(demo_dir, "actions")
    async with hosted(app, (100, 30)) as pilot:
        session = app.session
        await pilot.press(*"Call the auditor", "enter", *"Zed Quinn", "enter", "enter")
        due = app.screen.query_one("#action-due Input", Input)
        due.value = ""
        await pilot.press(*"2026-11-20", "enter")
        await pilot.pause()
        asked = str(app.screen.query_one("#action-due .resolved", Label).render())
        assert "in the past: Enter again to use it" in asked
        assert len(session.store.actions()) == before
        await pilot.press("enter")                    # yes, that past date
        await pilot.pause()
        assert type(app.screen).__name__ == "ConfirmDialog"  # nobody called Zed Quinn yet
        await pilot.press("y")
        await pilot.pause()
        assert "Saved" in message(app)
    store, _meeting = on_disk(demo_dir)
    items = store.actions()[before:]
    store.close()
    assert [(i.title, i.owner, i.due) for i in items] == [
        ("Call the auditor", "Zed Quinn", date(2026, 11, 20))]


async def test_an_ambiguous_owner_is_refused_with_the_candidates(
        demo_dir: Path, weekly_agenda: Agenda) -> None:
    app = editor_app(demo_dir, "actions")
    async with hosted(app, (100, 30)) as pilot:
        await pilot.press(*"Call the bank", "enter", *"ma", "enter", "enter", "enter")
        await pilot.pause()
        assert message(app).startswith('"ma" could be Marcus Okafor, ')
        assert app.screen.query_one("#action-owner", Input).has_focus
