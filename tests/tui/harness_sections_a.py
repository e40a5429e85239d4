"""A tiny app hosting one section editor over a real Store, for Pilot and snapshot tests.

The meeting screen is built elsewhere; this stands in for it: a started (or resumed)
meeting of the seeded weekly agenda, a MeetingSession, and the editor in the main pane.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager, contextmanager
from pathlib import Path

from textual import events
from textual.app import App, ComposeResult
from textual.containers import Horizontal
from textual.pilot import Pilot
from textual.widgets import Footer, Label

from checkin import clock
from checkin.core.model import Agenda, Meeting
from checkin.services.meetings import start_or_resume
from checkin.store import Store
from checkin.tui.sections import editor_class
from checkin.tui.sections.base import SectionEditor
from checkin.tui.session import MeetingSession

SECTIONS_DIR = Path(__file__).resolve().parents[2] / "checkin" / "tui" / "sections"
CSS_FILES = [SECTIONS_DIR / f"{name}.tcss"
             for name in ("attendance", "action_review", "metrics", "roadblocks")]
CSS_FILES.append(SECTIONS_DIR.parent / "widgets" / "inline_prompt.tcss")


PANE_100 = 34  # the meeting screen leaves a section editor 66 of 100 columns
PANE_80 = 24  # and 56 of 80


class EditorApp(App[None]):
    """Hosts ``editor_class(kind)`` for the in-progress weekly meeting in ``root``.

    ``sidebar`` columns stand in for the meeting screen's sidebar and padding, so the
    editor gets the width it has there: `PANE_100` at 100 columns, `PANE_80` at 80.
    """

    CSS_PATH = CSS_FILES
    CSS = """
    #harness-sidebar { height: 1fr; border-right: solid $primary; }
    #harness-main { height: 1fr; }
    """

    def __init__(self, root: Path, kind: str, agenda: Agenda, *,
                 sidebar: int = 0) -> None:
        super().__init__()
        self.root = root
        self.kind = kind
        self.sidebar = sidebar
        self.released = False
        self.store = Store(root).open()
        meeting = start_or_resume(self.store, agenda, now=clock.now())
        self.session = MeetingSession(self.store, meeting, today=clock.today())
        self.section = next(s for s in meeting.agenda.sections if s.kind == kind)

    @property
    def meeting(self) -> Meeting:
        return self.session.meeting

    @property
    def editor(self) -> SectionEditor:
        return self.query_one(SectionEditor)

    def compose(self) -> ComposeResult:
        with Horizontal(id="harness-main"):
            if self.sidebar:
                side = Label("(sidebar)", id="harness-sidebar")
                side.styles.width = self.sidebar
                yield side
            yield editor_class(self.kind)(self.session, self.section, id="editor")
        yield Footer()

    def on_mount(self) -> None:
        self.editor.focus_first()

    def release(self) -> None:
        """Flush and release the data dir, as the real app does on exit."""
        if not self.released:
            self.released = True
            self.session.flush()
            self.store.close()


@asynccontextmanager
async def hosted(app: EditorApp, size: tuple[int, int] = (100, 30)) -> AsyncIterator[Pilot]:
    """``app.run_test`` that flushes and closes the store when the test leaves it."""
    try:
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            yield pilot
    finally:
        app.release()


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
    """A fresh Store on ``root`` and the in-progress meeting as stored on disk."""
    with Store(root) as store:
        summary = store.in_progress()
        assert summary is not None
        yield store, store.load_meeting(summary.id)
