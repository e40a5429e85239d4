"""Department updates: one panel per department with wins, progress and needs."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, VerticalScroll
from textual.widgets import TextArea

from checkin.core.model import DepartmentUpdate, Section
from checkin.core.prep import update_prep_note
from checkin.tui.sections.base import SectionEditor
from checkin.tui.session import MeetingSession
from checkin.tui.widgets.plain import Label, plain_title
from checkin.tui.widgets.wrap_field import WrapField

FIELDS: tuple[tuple[str, str, str], ...] = (
    ("wins", "Win", "a win to celebrate"),
    ("progress", "Progress", "progress on the shared goal"),
    ("needs", "Needs", "what they need from another team"),
)


class UpdateField(WrapField):
    """One of a department's three answers; knows which update and field it edits."""

    def __init__(self, update: DepartmentUpdate, field: str, placeholder: str) -> None:
        super().__init__(getattr(update, field), placeholder=placeholder,
                         classes="update-field")
        self.update_record = update
        self.field = field


class UpdatesEditor(SectionEditor):
    """Tab walks the fields; ctrl+down / ctrl+up jump to the next / previous department."""

    BINDINGS = [
        Binding("ctrl+down", "panel(1)", "Next dept", id="updates.next-department",
                tooltip="Jump to the next department's panel"),
        Binding("ctrl+up", "panel(-1)", "Prev dept", id="updates.previous-department",
                tooltip="Jump to the previous department's panel"),
    ]

    def __init__(self, session: MeetingSession, section: Section, *,
                 id: str | None = None) -> None:
        super().__init__(session, section, id=id)
        meeting = session.meeting  # the session gave it an update per department
        self.updates = [u for d in meeting.agenda.departments
                        if (u := meeting.update(d.name)) is not None]

    def compose(self) -> ComposeResult:
        reps = {d.name: d.representative for d in self.session.meeting.agenda.departments}
        with VerticalScroll(id="update-panels", can_focus=False):
            for update in self.updates:
                rep = reps.get(update.department, "")
                with Grid(classes="update-panel") as panel:
                    title = update.department + (f" · {rep}" if rep else "")
                    panel.border_title = plain_title(title)
                    panel.border_subtitle = update_prep_note(self.session.meeting,
                                                             update.department)
                    for field, label, placeholder in FIELDS:
                        yield Label(label, classes="update-label")
                        yield UpdateField(update, field, placeholder)

    def focus_first(self) -> None:
        self.query(UpdateField).first().focus()

    def panels(self) -> list[Grid]:
        return list(self.query(".update-panel").results(Grid))

    @on(TextArea.Changed, ".update-field")
    def _typed(self, event: TextArea.Changed) -> None:
        event.stop()
        field = event.text_area
        if isinstance(field, UpdateField):
            self.session.edit(field.update_record, **{field.field: field.text})
            for panel in field.ancestors:
                if isinstance(panel, Grid):
                    panel.border_subtitle = update_prep_note(
                        self.session.meeting, field.update_record.department)
                    break

    def action_panel(self, step: int) -> None:
        panels = self.panels()
        if not panels:
            return
        current = next((n for n, p in enumerate(panels)
                        if self.screen.focused in p.query(UpdateField)), -1)
        target = panels[(current + step) % len(panels)] if current >= 0 else panels[0]
        target.query(UpdateField).first().focus()
