"""Attendance: who is present for each department, and a note for whoever is not."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.actions import SkipAction
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Checkbox

from checkin.core.model import Attendee, Section
from checkin.tui.sections.base import SectionEditor
from checkin.tui.sections.field_keys import (
    focus_now,
    focused_inside,
    row_bindings,
)
from checkin.tui.session import MeetingSession
from checkin.tui.widgets.plain import Label
from checkin.tui.widgets.wrap_field import WrapField

NARROW = 60  # below this many columns the columns tighten


class PresenceBox(Checkbox):
    """The department's toggle; the button shows ✓ or stays empty, so the state reads
    without colour (Textual's Checkbox shows the same X either way)."""

    @property
    def BUTTON_INNER(self) -> str:  # type: ignore[override]  # noqa: N802 (Textual's name)
        return "✓" if self.value else " "


class AttendeeRow(Vertical):
    """One department: present toggle, the state as a word, representative; under them a
    note that wraps (who stands in, why absent), read whole by the room."""

    def __init__(self, attendee: Attendee, index: int) -> None:
        super().__init__(classes="attendee-row", id=f"attendee-{index}")
        self.attendee = attendee

    def compose(self) -> ComposeResult:
        a = self.attendee
        with Horizontal(classes="attendee-cells"):
            yield PresenceBox(a.department, a.present, compact=True, classes="present")
            yield Label("", classes="state")
            yield Label(Text(a.person or "(no representative)")
                        + (Text(" ✎", style="italic") if a.prepared else Text()),
                        classes="person")
        yield WrapField(a.note, placeholder="note…", classes="note")

    def on_mount(self) -> None:
        self.show_state()

    def show_state(self) -> None:
        present = self.attendee.present
        self.set_class(present, "-present")
        self.query_one(".state", Label).update("present" if present else "absent")


class AttendanceEditor(SectionEditor):
    """Toggle presence with space/enter; ``a`` marks everyone present."""

    BINDINGS = [
        Binding("a", "all_present", "All present", id="attendance.all_present",
                tooltip="Mark every department's representative present"),
        Binding("space", "toggle", "Present/absent", priority=True, id="attendance.toggle",
                tooltip="Mark the highlighted department present or absent"),
        Binding("enter", "toggle", "Present/absent", show=False, priority=True,
                id="attendance.toggle_enter", tooltip="Mark present or absent"),
        *row_bindings("attendance", "department"),
    ]

    def __init__(self, session: MeetingSession, section: Section, *,
                 id: str | None = None) -> None:
        super().__init__(session, section, id=id)
        self.add_class("attendance-editor")

    def compose(self) -> ComposeResult:
        # a representative's ✎ (prepared) needs two more columns: the note gives them up
        self.set_class(any(a.prepared for a in self.session.meeting.attendance), "-prep")
        yield Label("", id="attendance-count", classes="section-summary")
        with VerticalScroll(id="attendance-rows", can_focus=False):
            for n, attendee in enumerate(self.session.meeting.attendance):
                yield AttendeeRow(attendee, n)
            if not self.session.meeting.attendance:
                yield Label("This agenda lists no departments.", classes="empty")
        yield Label("space: present/absent · tab: note · a: all present",
                    classes="section-hint")

    def on_mount(self) -> None:
        self.show_count()

    def width_classes(self, width: int) -> dict[str, bool]:
        return {"-narrow": width < NARROW}

    def action_move_row(self, step: int) -> None:
        """Focus the same field of the previous/next department (wrapping around)."""
        focused = focused_inside(self)
        row = next((a for a in focused.ancestors if isinstance(a, AttendeeRow)), None)
        if row is None:
            raise SkipAction()
        rows = list(self.query(AttendeeRow))
        target = rows[(rows.index(row) + step) % len(rows)]
        focus_now(target.query_one(WrapField if isinstance(focused, WrapField) else Checkbox))

    def action_toggle(self) -> None:
        """Toggle the focused department now (a priority key, so a fast Down that follows
        cannot move the toggle to the next row); in a note the key types as usual."""
        focused = focused_inside(self)
        if not isinstance(focused, Checkbox):
            raise SkipAction()
        focused.toggle()

    def show_count(self) -> None:
        people = self.session.meeting.attendance
        present = sum(1 for a in people if a.present)
        prepared = list(dict.fromkeys(a.department for a in people if a.prepared))
        self.query_one("#attendance-count", Label).update(Text(
            f"{present} of {len(people)} present"
            + (f" · ✎ prepared: {', '.join(prepared)}" if prepared else "")))

    @on(Checkbox.Changed)
    def _toggled(self, event: Checkbox.Changed) -> None:
        event.stop()
        row = next((a for a in event.checkbox.ancestors if isinstance(a, AttendeeRow)), None)
        if row is not None and self.session.edit(row.attendee, present=event.value):
            row.show_state()
            self.show_count()

    @on(WrapField.Changed, ".note")
    def _noted(self, event: WrapField.Changed) -> None:
        event.stop()
        row = next((a for a in event.text_area.ancestors if isinstance(a, AttendeeRow)), None)
        if row is not None and event.text_area.text != row.attendee.note:
            self.session.edit(row.attendee, note=event.text_area.text)

    def action_all_present(self) -> None:
        for row in self.query(AttendeeRow):
            row.query_one(Checkbox).value = True  # posts Changed: saved by _toggled
