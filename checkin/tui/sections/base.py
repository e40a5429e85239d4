"""What every section editor is: a widget over the live session and one agenda section."""

from __future__ import annotations

from textual.events import Resize
from textual.message import Message
from textual.widget import Widget

from checkin.core.model import Section
from checkin.tui.sections.field_keys import field_bindings, next_field
from checkin.tui.session import MeetingSession


class SectionEditor(Widget):
    """The main pane of the meeting screen for one section kind.

    Subclasses compose their inputs from ``self.session.meeting`` and change it only
    through the session (``edit``, ``apply``, ``add_action``...); they never see the store.
    A write that fails in an editor is posted as ``SaveFailed`` for the screen's header.
    Their ``BINDINGS`` (each with an ``id=`` and a ``tooltip``) show in the footer while
    the section is open.
    Tab / shift+tab move between fields at once (see ``field_keys``), so text typed fast
    after a Tab lands in the next field; an editor may bind its own.
    """

    BINDINGS = field_bindings("section")

    class SaveFailed(Message):
        """A write the editor asked for failed; nothing was lost (``text`` says why)."""

        def __init__(self, text: str) -> None:
            super().__init__()
            self.text = text

    DEFAULT_CSS = """
    SectionEditor { height: 1fr; }
    """

    def __init__(self, session: MeetingSession, section: Section, *,
                 id: str | None = None) -> None:
        super().__init__(id=id, classes="section-editor")
        self.session = session
        self.section = section

    def width_classes(self, width: int) -> dict[str, bool]:
        """The classes this editor takes by its width (``-narrow``...); none by default."""
        return {}

    def fit(self, width: int) -> bool:
        """Set the width classes for ``width`` columns; True if any changed. Called once
        before mounting, when the width is known (a class set on a mounted editor restyles
        all of it), and on every resize."""
        changed = False
        for name, on in self.width_classes(width).items():
            if on != self.has_class(name):
                self.set_class(on, name)
                changed = True
        return changed

    def on_resize(self, event: Resize) -> None:
        if self.fit(event.size.width):
            self.width_changed()

    def width_changed(self) -> None:
        """Redraw what the width classes alone do not restyle (after a resize)."""

    def action_next_field(self, step: int) -> None:
        next_field(self, step)

    def focus_first(self) -> None:
        """Put the cursor where the facilitator types first."""
        focusable = [w for w in self.query("*") if w.focusable]
        if focusable:
            focusable[0].focus()
