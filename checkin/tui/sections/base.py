"""What every section editor is: a widget over the live session and one agenda section."""

from __future__ import annotations

from textual.widget import Widget

from checkin.model import Section
from checkin.tui.session import MeetingSession


class SectionEditor(Widget):
    """The main pane of the meeting screen for one section kind.

    Subclasses compose their inputs, edit ``self.session.meeting`` (or action items through
    the session) and call ``self.session.changed()`` after every edit. Their ``BINDINGS``
    (each with an ``id=`` and a ``tooltip``) show in the footer while the section is open.
    """

    DEFAULT_CSS = """
    SectionEditor { height: 1fr; }
    """

    def __init__(self, session: MeetingSession, section: Section, *,
                 id: str | None = None) -> None:
        super().__init__(id=id, classes="section-editor")
        self.session = session
        self.section = section

    def focus_first(self) -> None:
        """Put the cursor where the facilitator types first."""
        focusable = [w for w in self.query("*") if w.focusable]
        if focusable:
            focusable[0].focus()
