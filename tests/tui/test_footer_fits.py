"""At 100x30 no footer is cut: every key shown ends before the ``^p palette`` hint.

A cut footer (``^t Qui…``, ``paletteB``) hides the very keys a first-time facilitator
looks for. This walks every section of the weekly meeting and every other screen.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import AppFactory
from textual.app import App
from textual.widgets import Footer

from checkin.tui.screens.meeting import MeetingScreen

WIDTH, HEIGHT = 100, 30


def footer_overflow(app: App) -> list[str]:
    """The keys of the screen's footer that do not fit before the palette hint."""
    footer = app.screen.query_one(Footer)
    keys = list(footer.query("FooterKey"))
    assert keys, "the footer shows no key"
    palette = keys[-1]  # the command-palette hint is docked right, last
    limit = palette.region.x if palette.region.x > footer.region.x else footer.region.right
    return [str(key.description or key.key) for key in keys[:-1]
            if key.region.right > limit or key.region.width == 0]


async def test_meeting_footer_fits_in_every_section(demo_dir: Path,
                                                    app_factory: AppFactory) -> None:
    app = app_factory(demo_dir, agenda="weekly", start=True, live_clock=False)
    async with app.run_test(size=(WIDTH, HEIGHT)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, MeetingScreen)
        seen = []
        for _ in screen.session.meeting.agenda.sections:
            await pilot.pause()
            seen.append(screen.section.kind)
            assert footer_overflow(app) == [], screen.section.kind
            await pilot.press("pagedown")
        assert "action-review" in seen and "wrap-up" in seen
        await pilot.press("ctrl+o")  # the minutes preview
        await pilot.pause()
        assert footer_overflow(app) == []


@pytest.mark.parametrize("key", ["ctrl+g", "ctrl+y", "f3", None])
async def test_between_meetings_footer_fits(key: str | None, demo_dir: Path,
                                            app_factory: AppFactory) -> None:
    app = app_factory(demo_dir)
    async with app.run_test(size=(WIDTH, HEIGHT)) as pilot:
        await pilot.pause()
        if key:
            await pilot.press(key)
        await pilot.pause()
        await pilot.pause()
        assert footer_overflow(app) == []
