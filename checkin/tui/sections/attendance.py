"""Attendance: who is present for each department, and a note for whoever is not."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Checkbox, Input, Label

from checkin.model import Attendee, Section
from checkin.tui.sections.base import SectionEditor
from checkin.tui.session import MeetingSession


class AttendeeRow(Horizontal):
    """One department: present toggle (with representative) and a note."""

    BINDINGS = [
        Binding("up", "move(-1)", "Up", show=False, id="attendance.up",
                tooltip="Previous department"),
        Binding("down", "move(1)", "Down", show=False, id="attendance.down",
                tooltip="Next department"),
    ]

    def __init__(self, attendee: Attendee, index: int) -> None:
        super().__init__(classes="attendee-row", id=f"attendee-{index}")
        self.attendee = attendee
        self.set_class(attendee.present, "-present")

    def compose(self) -> ComposeResult:
        a = self.attendee
        yield Checkbox(f"{a.department}", a.present, compact=True, classes="present")
        yield Label(a.person or "(no representative)", classes="person")
        yield Input(a.note, placeholder="note: on leave, delegate…", compact=True,
                    classes="note")

    def action_move(self, step: int) -> None:
        """Focus the same field of the previous/next department (wrapping around)."""
        rows = list(self.parent.query_children(AttendeeRow)) if self.parent else [self]
        target = rows[(rows.index(self) + step) % len(rows)]
        kind = Input if isinstance(self.screen.focused, Input) else Checkbox
        target.query_one(kind).focus()


class AttendanceEditor(SectionEditor):
    """Toggle presence with space/enter; ``a`` marks everyone present."""

    BINDINGS = [
        Binding("a", "all_present", "All present", id="attendance.all_present",
                tooltip="Mark every department's representative present"),
    ]

    def __init__(self, session: MeetingSession, section: Section, *,
                 id: str | None = None) -> None:
        super().__init__(session, section, id=id)
        self.add_class("attendance-editor")

    def compose(self) -> ComposeResult:
        yield Label("", id="attendance-count", classes="section-summary")
        with VerticalScroll(id="attendance-rows", can_focus=False):
            for n, attendee in enumerate(self.session.meeting.attendance):
                yield AttendeeRow(attendee, n)
            if not self.session.meeting.attendance:
                yield Label("This agenda lists no departments.", classes="empty")
        yield Label("space/enter toggles present · tab to the note · a: all present",
                    classes="section-hint")

    def on_mount(self) -> None:
        self.show_count()

    def show_count(self) -> None:
        people = self.session.meeting.attendance
        present = sum(1 for a in people if a.present)
        self.query_one("#attendance-count", Label).update(
            f"{present} of {len(people)} present")

    @on(Checkbox.Changed)
    def _toggled(self, event: Checkbox.Changed) -> None:
        event.stop()
        row = event.checkbox.parent
        if isinstance(row, AttendeeRow) and row.attendee.present != event.value:
            row.attendee.present = event.value
            row.set_class(event.value, "-present")
            self.session.changed()
            self.show_count()

    @on(Input.Changed, ".note")
    def _noted(self, event: Input.Changed) -> None:
        event.stop()
        row = event.input.parent
        if isinstance(row, AttendeeRow):
            row.attendee.note = event.value
            self.session.changed()

    def action_all_present(self) -> None:
        for row in self.query(AttendeeRow):
            row.query_one(Checkbox).value = True  # posts Changed: saved by _toggled
