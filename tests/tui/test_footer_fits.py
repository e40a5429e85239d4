"""At 100x30 no footer is cut: every key shown ends before the ``^p palette`` hint.

A cut footer (``^t Qui…``, ``paletteB``) hides the very keys a first-time facilitator
looks for. This walks every section of the weekly meeting and every other screen.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import AppFactory
from textual.app import App

from checkin.tui.screens.meeting import MeetingScreen
from checkin.tui.widgets.key_bar import KeyBar

WIDTH, HEIGHT = 100, 30


def footer_overflow(app: App) -> list[str]:
    """The keys the screen's key bar has no room for (it leaves them out whole)."""
    bar = app.screen.query_one(KeyBar)
    shown, palette = bar.keys()
    assert shown, "the key bar shows no key"
    assert palette is not None, "the palette hint is missing"
    line = bar.render().plain
    assert line.rstrip().endswith(f"{palette.display} {palette.description}"), line
    assert all(f"{key.display} {key.description}" in line for key in shown
               if key.description not in bar.left_out()), line
    return bar.left_out()


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


async def test_key_bar_leaves_out_whole_keys_and_a_click_presses_the_key(
        demo_dir: Path, app_factory: AppFactory) -> None:
    app = app_factory(demo_dir)
    async with app.run_test(size=(40, 20)) as pilot:
        await pilot.pause()
        await pilot.pause()
        bar = app.screen.query_one(KeyBar)
        line = bar.render().plain
        fits, rest, palette = bar.layout_keys(40)
        assert rest, "at 40 columns some of Home's keys have no room"
        assert len(line) == 40 and palette is not None
        assert line.endswith(f"{palette.display} {palette.description}")
        assert all(f"{key.display} {key.description}" in line for key in fits)
        assert all(f"{key.display} {key.description}" not in line for key in rest), line
        assert any(key.description == "Help" for key in fits), "f1 Help is kept"
        assert bar.left_out() == [key.description for key in rest]
        theme = app.theme
        first = fits[0]  # f2 Light/dark
        assert first.key == "f2"
        await pilot.click(KeyBar, offset=(line.index(first.display), 0))
        await pilot.pause()
        assert app.theme != theme
