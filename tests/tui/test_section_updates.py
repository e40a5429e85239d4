"""Department updates typed live reach the disk."""

from __future__ import annotations

from pathlib import Path

from hosts import burst, editor_app, hosted, on_disk

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



async def test_panels_shown_as_text_become_fields_inside_the_key(demo_dir: Path,
                                                                  weekly_agenda: Agenda) -> None:
    """Only the first panel opens with TextAreas; a burst that tabs (or ctrl+downs) into a
    panel shown as text types into its fields, in order."""
    from textual.widgets import TextArea

    from checkin.tui.sections.updates import FieldText

    app = editor_app(demo_dir, "updates")
    async with hosted(app, (100, 30)) as pilot:
        assert len(app.screen.query(TextArea)) == 3 and len(app.screen.query(FieldText)) == 12
        await burst(pilot, "tab", "tab", "tab", *"won", "tab", *"half", "ctrl+down", *"SSO",
                    "shift+tab", *"IT help")
        assert isinstance(app.focused, UpdateField)
        assert len(app.screen.query(TextArea)) == 9           # Marketing, Sales, Product
    store, meeting = on_disk(demo_dir)
    store.close()
    sales, product = meeting.update("Sales"), meeting.update("Product")
    assert (sales.wins, sales.progress, sales.needs) == ("won", "half", "IT help")
    assert product.wins == "SSO"


async def test_resumed_text_shows_whole_and_typing_carries_on_at_its_end(
        demo_dir: Path, weekly_agenda: Agenda) -> None:
    from checkin.tui.sections.updates import FieldText

    sentence = ("Shipped SSO to every enterprise tenant two weeks early, with the audit log "
                "the security review asked for")
    app = editor_app(demo_dir, "updates")
    async with hosted(app, (100, 30)) as pilot:
        await pilot.press("ctrl+down", "ctrl+down", *sentence)
    app = editor_app(demo_dir, "updates")
    async with hosted(app, (100, 30)) as pilot:
        shown = next(t for t in app.screen.query(FieldText)
                     if t.update_record.department == "Product" and t.field == "wins")
        assert str(shown.render()) == sentence and not shown.has_class("-placeholder")
        assert shown.region.height >= 2                       # wrapped, not cut
        height = shown.region.height
        await pilot.press("ctrl+down", "ctrl+down")
        await pilot.pause()
        field = app.focused
        assert isinstance(field, UpdateField) and field.field == "wins"
        assert field.region.height == height                   # the same lines as the text
        await pilot.press(*" (done)")
    store, meeting = on_disk(demo_dir)
    store.close()
    assert meeting.update("Product").wins == sentence + " (done)"


async def test_a_click_on_a_text_types_into_its_field(demo_dir: Path,
                                                     weekly_agenda: Agenda) -> None:
    from checkin.tui.sections.updates import FieldText

    app = editor_app(demo_dir, "updates")
    async with hosted(app, (100, 30)) as pilot:
        needs = next(t for t in app.screen.query(FieldText)
                     if t.update_record.department == "Sales" and t.field == "needs")
        await pilot.click(needs)
        await pilot.pause()
        assert isinstance(app.focused, UpdateField) and app.focused.field == "needs"
        await pilot.press(*"leads")
    store, meeting = on_disk(demo_dir)
    store.close()
    assert meeting.update("Sales").needs == "leads"
