"""The live meeting as a room sees it: what is left open is visible, nothing typed is lost."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import AppFactory

from checkin.tui.screens.meeting import MeetingScreen
from checkin.tui.sections.action_review import ReviewRow
from checkin.tui.widgets.sidebar import Row, SectionSidebar


def sidebar_rows(screen: MeetingScreen) -> list[Row]:
    """The sections as the sidebar draws them now (each line checked against its row)."""
    section_list = screen.query_one(SectionSidebar).list
    lines = section_list.render().split()
    for row, line in zip(section_list.rows, lines, strict=True):
        assert line.plain.startswith(row.name[:10]) and line.plain.endswith(row.time)
    return section_list.rows


async def test_leaving_review_with_items_unreviewed_does_not_tick_it(
        demo_dir: Path, app_factory: AppFactory) -> None:
    app = app_factory(demo_dir, agenda="weekly", start=True, live_clock=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, MeetingScreen)
        await pilot.press("pagedown")  # attendance with nobody marked present
        await pilot.pause()
        screen.show_time()
        rows = sidebar_rows(screen)
        assert rows[0].state == "unfinished" and rows[0].name.startswith("! ")
        await pilot.press("pageup")
        await pilot.pause()
        await pilot.press("a")  # all present
        await pilot.press("pagedown")  # attendance -> action review
        await pilot.pause()
        await pilot.press("k")  # one reviewed, the rest not
        await pilot.press("pagedown")
        await pilot.pause()
        screen.show_time()
        rows = sidebar_rows(screen)
        assert rows[0].state == "done" and rows[0].name.startswith("✓")
        assert rows[1].state == "unfinished"
        assert rows[1].name.startswith("! ")
        await pilot.press("pageup")
        await pilot.pause()
        for _ in screen.query(ReviewRow):
            await pilot.press("k")
        await pilot.press("pagedown")
        await pilot.pause()
        screen.show_time()
        rows = sidebar_rows(screen)
        assert rows[1].state == "done" and rows[1].name.startswith("✓")
        await pilot.press("ctrl+q")


@pytest.mark.parametrize("kind, field, keys", [
    ("actions", "#action-title", ()),          # the new item's title: not added yet
    ("notes", "#decision-text", ("tab",)),     # a decision (a wrapping field), past notes
])
async def test_quit_with_half_typed_text_asks_first(demo_dir: Path, app_factory: AppFactory,
                                                     kind: str, field: str,
                                                     keys: tuple[str, ...]) -> None:
    from checkin.tui.dialogs.confirm import ConfirmDialog

    app = app_factory(demo_dir, agenda="weekly", start=True, live_clock=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        screen = app.screen
        while screen.section.kind != kind:
            await pilot.press("pagedown")
            await pilot.pause()
        await pilot.press(*keys, *"Call the bank")
        assert app.focused is screen.query_one(field)
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        assert "Call the bank" in str(app.screen.query_one(".dialog-question").render())
        await pilot.press("n")
        await pilot.pause()
        assert app.screen is screen and app.is_running
        assert screen.query_one(field).value == "Call the bank"
        await pilot.press("ctrl+q")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
    assert app.return_code == 0


async def test_notes_cursor_is_at_the_end_on_resume(demo_dir: Path,
                                                    app_factory: AppFactory) -> None:
    from textual.widgets import TextArea

    app = app_factory(demo_dir, agenda="weekly", start=True, live_clock=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        session = app.screen.session
        session.meeting.notes = "first line\nsecond line"
        session.meeting.current_section = [s.kind for s in
                                           session.meeting.agenda.sections].index("notes")
        session.changed()
        session.flush()
        await pilot.press("ctrl+q")
    app.store.close()
    again = app_factory(demo_dir, agenda="weekly", start=True, live_clock=False)
    async with again.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        notes = again.screen.query_one("#notes-text", TextArea)
        assert notes.cursor_location == (1, len("second line"))
        await pilot.press(*" more")
        assert notes.text == "first line\nsecond line more"
        await pilot.press("ctrl+q")
