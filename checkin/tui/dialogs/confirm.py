"""The one yes/no question of the app: title, body, button labels, variant, default button.

Dismisses with True (``y``, or Enter on the yes button) or False (``n``, escape, or Enter
on the no button). Every confirmation (overwrite a file, create a folder, end the meeting,
a past due date...) is this dialog with its own words.
"""

from __future__ import annotations

from typing import Literal

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button

from checkin.tui.widgets.plain import Label

Variant = Literal["default", "primary", "success", "warning", "error"]


class ConfirmDialog(ModalScreen[bool]):
    BINDINGS = [
        Binding("y", "answer(True)", "Yes", id="confirm.yes", tooltip="Answer yes"),
        Binding("n,escape", "answer(False)", "No", id="confirm.no",
                tooltip="Answer no and close the question"),
    ]

    def __init__(self, title: str, body: str = "", *, yes: str = "Yes", no: str = "No",
                 variant: Variant = "warning", default: Literal["yes", "no"] = "no") -> None:
        super().__init__(classes="dialog-screen")
        self.title_text = title
        self.body = body
        self.yes, self.no = yes, no
        self.variant: Variant = variant
        self.default = default

    def compose(self) -> ComposeResult:
        with Vertical(classes=f"dialog -{self.variant}", id="confirm-dialog"):
            # Paths and names are typed text: never markup.
            yield Label(Text(self.title_text), classes="dialog-question")
            if self.body:
                yield Label(Text(self.body), classes="dialog-body")
            with Horizontal(classes="dialog-buttons"):
                yield Button(f"{self.yes} (y)", variant=self.variant, id="confirm-yes")
                yield Button(f"{self.no} (n)", id="confirm-no")

    def on_mount(self) -> None:
        self.query_one(f"#confirm-{self.default}", Button).focus()

    @on(Button.Pressed)
    def pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id == "confirm-yes")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)
