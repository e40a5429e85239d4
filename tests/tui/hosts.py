"""The two test hosts: the real app, built by ``make_app`` with its own stylesheets, opened
on one section editor (``editor_app``) or on one between-meetings screen (``screen_app``).

What a test sees is what the facilitator sees: the editor sits in the real meeting screen
(header, sidebar, footer), the screen is opened by the app's own action. Timers are
frozen and the clock is fixed (root conftest); ``settle`` turns the cursor blink off so
snapshots do not depend on timing. ``hosted`` / ``running`` flush and close the store
(releasing the lock) when the test leaves them; ``close_all`` does it for apps handed to
``snap_compare``.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import asynccontextmanager, contextmanager
from pathlib import Path

from textual import events
from textual.app import App
from textual.pilot import Pilot
from textual.widgets import Input, TextArea

from checkin.core.model import Meeting
from checkin.store import Store
from checkin.tui.app import CheckinApp, make_app, screen_class
from checkin.tui.screens.meeting import MeetingScreen
from checkin.tui.sections.base import SectionEditor
from checkin.tui.sections.metric_cells import MetricsHead
from checkin.tui.sections.metrics import MetricRow
from checkin.tui.session import MeetingSession

Setup = Callable[[MeetingSession], None]
FACILITATOR = "Alex Morgan"  # given, as --facilitator does: a host is never asked who runs it
_made: list[CheckinApp] = []


def _track(app: CheckinApp) -> CheckinApp:
    app.live_clock = False
    _made.append(app)
    return app


def close_all() -> None:
    """Flush and close every host made by the test (the tui conftest calls this)."""
    while _made:
        app = _made.pop()
        app.flush()
        app.store.close()


# ---------------------------------------------------------------- editors
def editor_app(root: Path, kind: str, *, agenda: str = "weekly",
               setup: Setup | None = None) -> CheckinApp:
    """The app with the ``agenda`` meeting started (or resumed) in ``root``; ``show``
    opens its ``kind`` section. ``setup(session)`` may prepare the meeting first."""
    app = _track(make_app(root, agenda=agenda, start=True, facilitator=FACILITATOR))
    app.host_target = ("section", kind, setup)  # type: ignore[attr-defined]
    return app


def editor_of(app: CheckinApp) -> SectionEditor:
    return app.screen.query_one(SectionEditor)


# ---------------------------------------------------------------- between-meetings screens
def screen_app(root: Path, action: str, **options: object) -> CheckinApp:
    """The app on Home; ``show`` opens the ``action`` screen ("action_register",
    "history", "trends") as Home's list, its key and the palette do; with ``options``
    (e.g. ``agenda_id``) the screen is built with them, as the app builds it plus those."""
    app = _track(make_app(root, facilitator=FACILITATOR))
    app.host_target = ("screen", action, options)  # type: ignore[attr-defined]
    return app


# ---------------------------------------------------------------- running them
async def settle(pilot: Pilot) -> None:
    """Let the screen finish drawing; no blinking cursor (snapshots are stills)."""
    await pilot.pause()
    for field in pilot.app.screen.query("Input, TextArea"):
        if isinstance(field, Input | TextArea):
            field.cursor_blink = False
    await pilot.pause()


async def show(pilot: Pilot) -> None:
    """Open what the host was made for: a section of the meeting, or a screen."""
    app = pilot.app
    assert isinstance(app, CheckinApp)
    await pilot.pause()
    kind, name, setup = app.host_target  # type: ignore[attr-defined]
    if kind == "section":
        screen = app.screen
        assert isinstance(screen, MeetingScreen)
        if setup is not None:
            setup(screen.session)
        sections = [s.kind for s in screen.session.meeting.agenda.sections]
        index = sections.index(name)
        if index == screen.current:
            await screen.show_section()  # redraw what setup changed
        await screen.go_to(index)
    elif setup:
        cls = screen_class(name)
        app.push_screen(cls(app.store, today=app.today(), dayfirst=app.dayfirst,  # type: ignore[call-arg]
                            **setup))
    else:
        app.open_screen(name)
    await settle(pilot)


def snapshot_steps(*steps: Callable[[Pilot], object]) -> Callable[[Pilot], object]:
    """``run_before`` for ``snap_compare``: open the host's target, run ``steps``, settle."""
    async def run_before(pilot: Pilot) -> None:
        await show(pilot)
        for step in steps:
            result = step(pilot)
            if hasattr(result, "__await__"):
                await result  # type: ignore[misc]
        pilot.app.clear_notifications()
        await settle(pilot)
    return run_before


@asynccontextmanager
async def hosted(app: CheckinApp, size: tuple[int, int] = (100, 30)) -> AsyncIterator[Pilot]:
    """``app.run_test`` on the host's target; flushes and closes the store afterwards."""
    try:
        async with app.run_test(size=size) as pilot:
            await show(pilot)
            yield pilot
    finally:
        if app in _made:
            _made.remove(app)
        app.flush()
        app.store.close()


running = hosted  # the between-meetings screen tests' name for it


def release(app: CheckinApp) -> None:
    """Flush and release the data dir now, as the real app does on exit."""
    if app in _made:
        _made.remove(app)
        app.flush()
        app.store.close()


# ---------------------------------------------------------------- keys and disk
def _char(key: str) -> str | None:
    return {"space": " ", "tab": "\t", "enter": "\r"}.get(key, key if len(key) == 1 else None)


async def burst(pilot: Pilot, *keys: str) -> None:
    """Queue every key before any is handled, as a terminal delivers fast typing (or
    ``tmux send-keys``); `Pilot.press` waits between keys and hides focus races."""
    for key in keys:
        pilot.app.post_message(events.Key(key, _char(key)))
    await pilot.pause()
    await pilot.pause()


@contextmanager
def reopen(root: Path) -> Iterator[tuple[Store, Meeting]]:
    """A fresh read-only Store on ``root`` and the in-progress meeting as stored on disk."""
    with Store(root, readonly=True) as store:
        summary = store.in_progress()
        assert summary is not None
        yield store, store.load_meeting(summary.id)


def reopened(root: Path) -> Store:
    """A fresh read-only Store on the same files: what is really on disk."""
    return Store(root, readonly=True).open()


def on_disk(root: Path) -> tuple[Store, Meeting]:
    """A fresh read-only Store and the in-progress meeting as stored (caller closes)."""
    store = reopened(root)
    summary = store.in_progress()
    assert summary is not None
    return store, store.load_meeting(summary.id)


def action_count(root: Path) -> int:
    """How many action items the register in ``root`` holds."""
    with Store(root, readonly=True) as store:
        return len(store.actions())


def cells_drawn(row: MetricRow) -> list[str]:
    """A scorecard row's cells as the screen shows them, a string per line from the row's
    left edge: whichever widgets draw them (one while idle, three once typed in)."""
    cells = row.cells
    region = cells.region
    lines = [[" "] * region.width for _ in range(region.height)]
    for part in cells.displayed_children or [cells]:
        x = part.region.x - region.x
        for y in range(part.region.height):
            text = "".join(segment.text for segment in part.render_line(y))
            lines[y][x:x + len(text)] = text
    return ["".join(line) for line in lines]


def head_at(app: App, title: str, row: MetricRow) -> int:
    """Where the scorecard head's ``title`` starts, in columns from ``row``'s cells."""
    head = app.screen.query_one(MetricsHead)
    line = "".join(segment.text for segment in head.render_line(0))
    return head.content_region.x + line.index(title) - row.cells.region.x


def name_drawn(app: App, row: MetricRow) -> str:
    """A scorecard row's name as drawn: its column of every line, joined by spaces (a
    word cut across two lines would show as two words)."""
    column = head_at(app, "Target", row)
    return " ".join(line[:column].strip() for line in cells_drawn(row)
                    if line[:column].strip())
