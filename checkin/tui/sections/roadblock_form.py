"""The new-roadblock form: title, raised by, blocking which departments, owner."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import Select, SelectionList

from checkin.core.model import Roadblock
from checkin.core.people import AmbiguousName
from checkin.tui.widgets.owner_input import OwnerInput, confirm_new_person
from checkin.tui.widgets.plain import Input, Label


class RoadblockForm(Vertical):
    """Enter in the title or owner field posts `Submitted`; Escape posts `Cancelled`."""

    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="roadblocks.form_cancel",
                tooltip="Close the form without adding anything"),
    ]

    class Submitted(Message):
        def __init__(self, form: RoadblockForm, title: str, raised_by: str,
                     blocking: list[str], owner: str) -> None:
            super().__init__()
            self.form = form
            self.title, self.raised_by, self.blocking, self.owner = (title, raised_by,
                                                                     blocking, owner)

    class Cancelled(Message):
        def __init__(self, form: RoadblockForm) -> None:
            super().__init__()
            self.form = form

    def __init__(self, departments: list[str], people: list[str],
                 roadblock: Roadblock | None = None) -> None:
        super().__init__(id="roadblock-form")
        self.departments = departments
        self.people = people
        self.roadblock = roadblock  # the one being edited; None adds a new one

    def compose(self) -> ComposeResult:
        rb = self.roadblock
        yield Label("Edit roadblock" if rb else "New roadblock", classes="form-title")
        with Horizontal(classes="form-line"):
            yield Label("Title", classes="form-label")
            yield Input(rb.title if rb else "", placeholder="What is blocked, and by what?",
                        id="rb-title", compact=True)
        with Horizontal(classes="form-line"):
            yield Label("Raised by", classes="form-label")
            raised = {"value": rb.raised_by} if rb and rb.raised_by in self.departments else {}
            yield Select([(d, d) for d in self.departments], prompt="department",
                         id="rb-raised", compact=True, **raised)
        with Horizontal(classes="form-line blocking-line"):
            yield Label("Blocking", classes="form-label")
            blocking = rb.blocking if rb else []
            yield SelectionList[str](*((d, d, d in blocking) for d in self.departments),
                                     id="rb-blocking", compact=True)
        with Horizontal(classes="form-line"):
            yield Label("Owner", classes="form-label")
            yield OwnerInput(self.people, rb.owner if rb else "", placeholder="who unblocks it",
                             id="rb-owner", compact=True)
        yield Label(f"Enter {'saves' if rb else 'adds'} · tab: next field · space ticks · "
                    "Esc cancels", classes="form-hint")

    def on_mount(self) -> None:
        self.query_one("#rb-title", Input).focus()

    def show_error(self, message: str) -> None:
        hint = self.query_one(".form-hint", Label)
        hint.update(message)
        hint.add_class("-error")
        self.query_one("#rb-title", Input).focus()

    @on(Input.Submitted)
    def _submit(self, event: Input.Submitted) -> None:
        """The owner is optional; typed, it goes through the people rule."""
        event.stop()
        owner_input = self.query_one("#rb-owner", OwnerInput)
        owner, new = "", False
        if owner_input.value.strip():
            try:
                owner, new = owner_input.resolve()
            except AmbiguousName as exc:
                self.show_error(str(exc))
                owner_input.focus()
                return
        if new:
            confirm_new_person(self, owner, lambda: self._post(owner))
        else:
            self._post(owner)

    def _post(self, owner: str) -> None:
        raised = self.query_one("#rb-raised", Select).value
        self.post_message(self.Submitted(
            self, self.query_one("#rb-title", Input).value,
            raised if isinstance(raised, str) else "",
            list(self.query_one("#rb-blocking", SelectionList).selected), owner))

    def action_cancel(self) -> None:
        self.post_message(self.Cancelled(self))
