"""Who runs this meeting: asked when a meeting starts; dismisses with the name or None."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen

from checkin.tui.keys import key
from checkin.tui.widgets.plain import Input, Label


class FacilitatorDialog(ModalScreen[str | None]):
    """One input, prefilled with the last meeting's facilitator; Enter starts."""

    BINDINGS = [
        key("facilitator", "escape", "cancel", "Cancel", "Do not start the meeting"),
    ]

    def __init__(self, agenda_title: str, default: str = "") -> None:
        super().__init__(classes="dialog-screen")
        self.agenda_title = agenda_title
        self.default = default

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="facilitator-dialog"):
            yield Label(f"Start {self.agenda_title}: who facilitates?",
                        classes="dialog-question")
            yield Input(self.default, placeholder="your name, shown in the minutes",
                        id="facilitator-name")
            yield Label("Enter starts the meeting · Escape: not now", classes="dialog-hint")
            yield Label("", id="facilitator-error", classes="dialog-error")

    def on_mount(self) -> None:
        self.query_one("#facilitator-name", Input).focus()

    @on(Input.Submitted, "#facilitator-name")
    def submitted(self, event: Input.Submitted) -> None:
        name = " ".join(event.value.split())
        if not name:
            self.query_one("#facilitator-error", Label).update(
                "Type the facilitator's name: the minutes say who ran the meeting")
            return
        self.dismiss(name)

    def action_cancel(self) -> None:
        self.dismiss(None)
