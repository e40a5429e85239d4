"""Opening a between-meetings screen or the digest restyles only that screen.

A screen with its own stylesheet (``CSS_PATH``) makes Textual reparse every stylesheet and
restyle every node of the app on its first push: 70-160 ms on a 5-year history. Their
styles load with the app instead (``stylesheets()``).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import AppFactory
from hosts import running, screen_app
from textual.css.stylesheet import Stylesheet

from checkin.tui.app import BETWEEN_SCREENS, screen_class
from checkin.tui.screens.digest import DigestDialog
from checkin.tui.screens.home import HomeScreen
from checkin.tui.screens.meeting import MeetingScreen
from checkin.tui.screens.minutes import MinutesScreen


async def test_no_screen_push_reparses_the_stylesheets(
        demo_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    reparsed: list[str] = []
    original = Stylesheet.reparse

    def counted(self: Stylesheet) -> None:
        reparsed.append(type(app.screen).__name__)
        original(self)

    app = screen_app(demo_dir, "history")
    async with running(app) as pilot:
        monkeypatch.setattr(Stylesheet, "reparse", counted)
        for action in reversed(BETWEEN_SCREENS):  # the action register last
            await pilot.press("escape")
            app.open_screen(action)
            await pilot.pause()
        await pilot.press("m")  # the action register is open: its owner's digest
        await pilot.pause()
        assert isinstance(app.screen, DigestDialog)
        assert reparsed == []
        assert app.screen.query_one("#digest-dialog").styles.max_width is not None  # styled


@pytest.mark.parametrize("width", [80, 100, 170])
async def test_a_screen_is_built_with_the_size_classes_textual_gives_it(
        demo_dir: Path, width: int) -> None:
    """Textual sets ``-narrow``/``-normal``/``-wide`` when a screen first gets its size;
    a change restyles every node of it (and DataTable draws all its cells again)."""
    app = screen_app(demo_dir, "history")
    async with running(app, size=(width, 30)) as pilot:
        for action in BETWEEN_SCREENS:
            await pilot.press("escape")
            screen = app.build_screen(screen_class(action))
            built = set(screen.classes)
            assert len(built & {"-narrow", "-normal", "-wide"}) == 1
            app.push_screen(screen)
            await pilot.pause()
            assert set(screen.classes) == built
        minutes = MinutesScreen(app.store, app.load(app.store.meetings()[0].id))
        built = set(minutes.classes)
        app.push_screen(minutes)
        await pilot.pause()
        assert len(built) == 1 and set(minutes.classes) == built


@pytest.mark.parametrize("width", [80, 100, 170])
async def test_home_and_the_meeting_are_built_with_their_size_classes(
        demo_dir: Path, app_factory: AppFactory, width: int) -> None:
    """Home is the first screen (app start is measured against a bare Textual app), the
    meeting screen the one the room watches: neither is restyled whole on its first size."""
    app = app_factory(demo_dir, agenda="weekly", start=True, live_clock=False)
    async with app.run_test(size=(width, 30)) as pilot:
        await pilot.pause()
        meeting = app.screen
        assert isinstance(meeting, MeetingScreen)
        home = next(s for s in app.screen_stack if isinstance(s, HomeScreen))
        for shown, built in ((home, HomeScreen(home.data)),
                             (meeting, MeetingScreen(meeting.session, live_clock=False))):
            classes = set(built.classes)
            assert len(classes & {"-narrow", "-normal", "-wide"}) == 1
            assert classes == set(shown.classes), type(shown).__name__
