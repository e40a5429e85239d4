"""Every between-meetings screen is reachable from Home's list, by its key and from ctrl+p."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import AppFactory
from textual.widgets import OptionList

from checkin.tui.app import BETWEEN_SCREENS, screen_class
from checkin.tui.commands import ScreenCommands
from checkin.tui.screens.home import HomeScreen

KEYS = {"action_register": "ctrl+g", "history": "ctrl+y", "trends": "f3"}
NAMES = {"action_register": "Actions", "history": "History", "trends": "Trends"}


@pytest.mark.parametrize("action", list(BETWEEN_SCREENS))
async def test_between_screen_by_key_list_and_palette(action: str, demo_dir: Path,
                                                      app_factory: AppFactory) -> None:
    app = app_factory(demo_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press(KEYS[action])
        await pilot.pause()
        assert isinstance(app.screen, screen_class(action))
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        between = app.screen.query_one("#home-between", OptionList)
        labels = [o.id for o in between.options]
        between.focus()
        between.highlighted = labels.index(action)
        assert KEYS[action] in str(between.get_option_at_index(between.highlighted).prompt)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, screen_class(action))
        await pilot.press("escape")
        await pilot.pause()
        provider = ScreenCommands(app.screen)
        commands = {name: run for name, _, run in provider.commands()}
        assert NAMES[action] in commands
        app.call_next(commands[NAMES[action]])  # as the palette runs a chosen command
        await pilot.pause()
        assert isinstance(app.screen, screen_class(action))
