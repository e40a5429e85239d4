"""TUI fixtures: an app factory that always releases the data dir's lock afterwards."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from checkin.store import Store
from checkin.tui.app import CheckinApp, make_app

AppFactory = Callable[..., CheckinApp]


@pytest.fixture
def app_factory() -> Iterator[AppFactory]:
    """``app_factory(data_dir, **make_app_options)``: a CheckinApp whose store is closed
    after the test; ``live_clock=False`` freezes the meeting timers."""
    made: list[CheckinApp] = []

    def factory(data_dir: Path, *, live_clock: bool = True, **options: Any) -> CheckinApp:
        options.setdefault("facilitator", "Alex Morgan")  # facilitator="" to be asked
        app = make_app(data_dir, **options)
        app.live_clock = live_clock
        made.append(app)
        return app

    yield factory
    for app in made:
        app.flush()
        app.store.close()


def reopen(data_dir: Path) -> Store:
    """The data dir as the next run of checkin sees it (call after the app closed)."""
    return Store(data_dir, readonly=True).open()


@pytest.fixture(autouse=True)
def close_hosts() -> Iterator[None]:
    """Apps made by ``hosts`` and handed to ``snap_compare`` release their data dir."""
    from hosts import close_all

    yield
    close_all()
