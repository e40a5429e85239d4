"""A tiny app hosting one between-meetings screen over a real Store, for tests."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from pathlib import Path

from textual.app import App
from textual.pilot import Pilot
from textual.screen import Screen

from checkin.core.model import Meeting
from checkin.store import Store
from tests.conftest import TODAY


class Host(App[None]):
    """Pushes ``make(store)`` on mount; ``running`` closes the store afterwards."""

    def __init__(self, root: Path, make: Callable[[Store], Screen[None]]) -> None:
        super().__init__()
        self.store = Store(root).open()
        self.make = make

    def on_mount(self) -> None:
        self.push_screen(self.make(self.store))

    # what CheckinApp offers the screens
    def load(self, meeting_id: str) -> Meeting:
        return self.store.load_meeting(meeting_id)

    def show_minutes(self, meeting: Meeting) -> None:
        from checkin.tui.screens.minutes import MinutesScreen

        self.push_screen(MinutesScreen(self.store, meeting))


def actions_app(root: Path) -> Host:
    from checkin.tui.screens.actions import ActionsScreen

    return Host(root, lambda store: ActionsScreen(store, today=TODAY))


def history_app(root: Path) -> Host:
    from checkin.tui.screens.history import HistoryScreen

    return Host(root, lambda store: HistoryScreen(store, today=TODAY))


def trends_app(root: Path, agenda_id: str | None = None) -> Host:
    from checkin.tui.screens.trends import TrendsScreen

    return Host(root, lambda store: TrendsScreen(store, today=TODAY, agenda_id=agenda_id))


def reopened(root: Path) -> Store:
    """A fresh read-only Store on the same files: what is really on disk."""
    return Store(root, readonly=True).open()


@asynccontextmanager
async def running(app: Host, size: tuple[int, int] = (100, 30)) -> AsyncIterator[Pilot[None]]:
    try:
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            yield pilot
    finally:
        app.store.close()
