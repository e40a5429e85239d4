"""Department updates typed live reach the disk."""

from __future__ import annotations

from pathlib import Path

from hosts import editor_app, hosted, on_disk

from checkin.core.model import Agenda
from checkin.tui.sections.updates import UpdateField


async def test_typed_updates_persist(demo_dir: Path, weekly_agenda: Agenda) -> None:
    app = editor_app(demo_dir, "updates")
    async with hosted(app, (100, 30)) as pilot:
        await pilot.press(*"Closed Acme early")            # Marketing: win
        await pilot.press("tab", *"3 of 5 goals")           # Marketing: progress
        await pilot.press("ctrl+down", "ctrl+down")         # -> Product panel
        focused = app.focused
        assert isinstance(focused, UpdateField)
        assert (focused.update_record.department, focused.field) == ("Product", "wins")
        await pilot.press(*"Shipped SSO", "tab", "tab", *"QA help from IT")
        await pilot.press("ctrl+up")                         # back to Sales
        assert app.focused.update_record.department == "Sales"
        await pilot.press("ctrl+up", "ctrl+up")              # wraps past Marketing to IT
        assert app.focused.update_record.department == "IT"
    store, meeting = on_disk(demo_dir)
    store.close()
    by_dept = {u.department: u for u in meeting.updates}
    assert (by_dept["Marketing"].wins, by_dept["Marketing"].progress) == ("Closed Acme early",
                                                                          "3 of 5 goals")
    assert (by_dept["Product"].wins, by_dept["Product"].needs) == ("Shipped SSO",
                                                                   "QA help from IT")
    assert by_dept["Sales"].wins == ""


async def test_small_terminal_scrolls_to_the_last_panel(demo_dir: Path,
                                                        weekly_agenda: Agenda) -> None:
    app = editor_app(demo_dir, "updates")
    async with hosted(app, (80, 24)) as pilot:
        await pilot.press("ctrl+up")                         # wraps to IT, the last panel
        await pilot.press("tab", "tab", *"Laptops for new hires")
        await pilot.pause()
        focused = app.focused
        assert focused.update_record.department == "IT" and focused.field == "needs"
        assert focused.region.height == 1 and focused.region.y < 24  # scrolled into view
    store, meeting = on_disk(demo_dir)
    store.close()
    assert meeting.update("IT").needs == "Laptops for new hires"


async def test_fast_typing_after_tab_lands_in_the_next_field(demo_dir: Path,
                                                             weekly_agenda: Agenda) -> None:
    """Keys arriving in one burst (a fast typist): the text after Tab goes to the field
    after it, as the person saw it (the base SectionEditor's priority Tab)."""
    from textual import events

    app = editor_app(demo_dir, "updates")
    async with hosted(app, (100, 30)) as pilot:
        for key in [*"won", "tab", *"half"]:
            char = key if len(key) == 1 else ("\t" if key == "tab" else None)
            app.post_message(events.Key(key, char))
        await pilot.pause()
        await pilot.pause()
    store, meeting = on_disk(demo_dir)
    store.close()
    marketing = meeting.update("Marketing")
    assert (marketing.wins, marketing.progress) == ("won", "half")
