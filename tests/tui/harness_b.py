"""A tiny host app for the updates/actions/notes/wrap-up editors and the quick-add bar.

Opens a Store on a seeded data dir, starts (or resumes) a weekly meeting with the fixed
clock, builds a MeetingSession and mounts one widget with a Footer. Tests press keys, then
call ``reopen`` to read what reached the disk.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from textual.app import App, ComposeResult
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Footer

from checkin import clock
from checkin.core.model import Agenda, Meeting, Section
from checkin.services.meetings import start_or_resume
from checkin.store import Store
from checkin.tui.sections import editor_class
from checkin.tui.session import MeetingSession

TUI = Path(__file__).resolve().parents[2] / "checkin" / "tui"
CSS_PATHS = [TUI / "sections" / f"{name}.tcss" for name in ("updates", "actions", "notes",
                                                            "wrapup")]
CSS_PATHS.append(TUI / "widgets" / "quick_add.tcss")


def open_session(root: Path, agenda: Agenda) -> MeetingSession:
    store = Store(root).open()
    meeting = start_or_resume(store, agenda, now=clock.now())
    return MeetingSession(store, meeting, today=clock.today())


def section_of(session: MeetingSession, kind: str) -> Section:
    return next(s for s in session.meeting.agenda.sections if s.kind == kind)


def reopen(session: MeetingSession) -> tuple[Store, Meeting]:
    """Flush, close the session's store and open the data dir afresh (caller closes)."""
    session.flush()
    session.store.close()
    store = Store(session.store.root).open()
    return store, store.load_meeting(session.meeting.id)


class Host(App[None]):
    """Hosts one widget built from the session."""

    CSS_PATH = CSS_PATHS

    def __init__(self, session: MeetingSession, build: Callable[[MeetingSession], Widget]):
        super().__init__()
        self.session = session
        self.build = build
        self.messages: list[object] = []

    def compose(self) -> ComposeResult:
        yield self.build(self.session)
        yield Footer()

    def on_mount(self) -> None:
        widget = self.query_one("#hosted")
        if hasattr(widget, "focus_first"):
            widget.focus_first()
        else:
            widget.focus()

    # record what the widgets post up
    def on_quick_add_bar_added(self, message: Message) -> None:
        self.messages.append(message)

    def on_quick_add_bar_closed(self, message: Message) -> None:
        self.messages.append(message)

    def on_wrap_up_editor_ended(self, message: Message) -> None:
        self.messages.append(message)


def editor_host(session: MeetingSession, kind: str) -> Host:
    """The section editor of ``kind`` as the meeting screen builds it."""
    return Host(session, lambda s: editor_class(kind)(s, section_of(s, kind), id="hosted"))
