"""The live meeting as a room sees it: what is left open is visible, nothing typed is lost."""

from __future__ import annotations

from pathlib import Path

from conftest import AppFactory
from textual.widgets import Label

from checkin.tui.screens.meeting import MeetingScreen
from checkin.tui.sections.action_review import ReviewRow
from checkin.tui.widgets.sidebar import SectionSidebar


def sidebar_rows(screen: MeetingScreen) -> list:
    return list(screen.query_one(SectionSidebar).query(".sidebar-section"))


def name_of(row) -> str:
    return str(row.query_one(".sidebar-name", Label).render())


async def test_leaving_review_with_items_unreviewed_does_not_tick_it(
        demo_dir: Path, app_factory: AppFactory) -> None:
    app = app_factory(demo_dir, agenda="weekly", start=True, live_clock=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, MeetingScreen)
        await pilot.press("pagedown")  # attendance -> action review
        await pilot.pause()
        await pilot.press("k")  # one reviewed, the rest not
        await pilot.press("pagedown")
        await pilot.pause()
        screen.show_time()
        rows = sidebar_rows(screen)
        assert rows[0].has_class("-done") and name_of(rows[0]).startswith("✓")
        assert rows[1].has_class("-unfinished") and not rows[1].has_class("-done")
        assert name_of(rows[1]).startswith("! ")
        await pilot.press("pageup")
        await pilot.pause()
        for _ in screen.query(ReviewRow):
            await pilot.press("k")
        await pilot.press("pagedown")
        await pilot.pause()
        screen.show_time()
        rows = sidebar_rows(screen)
        assert rows[1].has_class("-done") and name_of(rows[1]).startswith("✓")
        await pilot.press("ctrl+q")
