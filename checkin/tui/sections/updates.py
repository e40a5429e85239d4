"""Department updates: one panel per department with wins, progress and needs.

A field is a TextArea (``UpdateField``), the costliest widget Textual has here: fifteen of
them doubled the section's first paint. So only the first panel opens with them; every
other panel shows its answers as text (``FieldText``, the same look) until the room moves
into it, and then becomes fields at once, inside the key that moved there (Tab, shift+tab,
ctrl+up/down), so text typed right after lands in the field the person sees.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, VerticalScroll
from textual.widgets import TextArea

from checkin.core.model import DepartmentUpdate, Section
from checkin.core.prep import update_prep_note
from checkin.tui.sections.base import SectionEditor
from checkin.tui.sections.field_keys import focus_now, next_field, replace_now
from checkin.tui.session import MeetingSession
from checkin.tui.widgets.plain import Label, Static, plain_title
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


class FieldText(Static):
    """One answer drawn as text (or its placeholder, dimmed) in a panel not yet typed in;
    it can take the focus, and its panel becomes fields when it does."""

    can_focus = True

    def __init__(self, update: DepartmentUpdate, field: str, placeholder: str) -> None:
        text = getattr(update, field)
        super().__init__(text or placeholder,
                         classes="update-field field-text" + ("" if text else " -placeholder"))
        self.update_record = update
        self.field = field
        self.placeholder = placeholder

    def on_focus(self) -> None:  # a click, or focus given back: not in a key burst
        for editor in self.ancestors:
            if isinstance(editor, UpdatesEditor):
                editor.into_fields()


class UpdatesEditor(SectionEditor):
    """Tab walks the fields; ctrl+down / ctrl+up jump to the next / previous department
    (priority bindings, as Tab: text typed right after lands in the panel jumped to)."""

    BINDINGS = [
        Binding("ctrl+down", "panel(1)", "Next dept", id="updates.next-department",
                tooltip="Jump to the next department's panel", priority=True),
        Binding("ctrl+up", "panel(-1)", "Prev dept", id="updates.previous-department",
                tooltip="Jump to the previous department's panel", priority=True),
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
            for n, update in enumerate(self.updates):
                rep = reps.get(update.department, "")
                with Grid(classes="update-panel") as panel:
                    title = update.department + (f" · {rep}" if rep else "")
                    panel.border_title = plain_title(title)
                    panel.border_subtitle = update_prep_note(self.session.meeting,
                                                             update.department)
                    for field, label, placeholder in FIELDS:
                        yield Label(label, classes="update-label")
                        kind = UpdateField if n == 0 else FieldText
                        yield kind(update, field, placeholder)

    def focus_first(self) -> None:
        self.query(UpdateField).first().focus()

    def panels(self) -> list[Grid]:
        return list(self.query(".update-panel").results(Grid))

    def as_fields(self, panel: Grid) -> list[UpdateField]:
        """The panel's fields, its texts replaced by fields first (in the DOM at once, so
        they can take the focus before the next key is routed)."""
        for text in list(panel.query(FieldText)):
            replace_now(text, UpdateField(text.update_record, text.field, text.placeholder))
        return [w for w in panel.children if isinstance(w, UpdateField)]

    def into_fields(self) -> None:
        """If the focus is on a text, give it to the field that replaces it."""
        focused = self.screen.focused
        if isinstance(focused, FieldText) and isinstance(panel := focused.parent, Grid):
            field = focused.field
            focus_now(next(f for f in self.as_fields(panel) if f.field == field))

    def action_next_field(self, step: int) -> None:
        next_field(self, step)
        self.into_fields()

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
        focused = self.screen.focused
        current = next((n for n, p in enumerate(panels)
                        if focused is not None and focused.parent is p), -1)
        target = panels[(current + step) % len(panels)] if current >= 0 else panels[0]
        focus_now(self.as_fields(target)[0])
