"""A per-owner digest in a dialog: read it, or write it to a Markdown file."""

from __future__ import annotations

import re
from pathlib import Path

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen

from checkin.errors import CheckinError
from checkin.services.files import write_file
from checkin.tui.dialogs.confirm import ConfirmDialog
from checkin.tui.widgets.plain import Input, Label, Static


def default_path(owner: str) -> str:
    slug = re.sub(r"[^\w-]+", "-", owner.strip().casefold()).strip("-") or "owner"
    return f"./digest-{slug}.md"


class DigestDialog(ModalScreen[None]):
    """The Markdown text as plain text (to read or copy); ``w`` asks where to write it."""

    CSS_PATH = "digest.tcss"
    BINDINGS = [
        Binding("w", "write", "Write to file", id="digest.write",
                tooltip="Write the digest to a Markdown file (asks for the path)"),
        Binding("escape", "close", "Close", id="digest.close",
                tooltip="Close the digest (from the path field: back to the text)"),
    ]

    def __init__(self, owner: str, text: str) -> None:
        super().__init__(id="digest")
        self.owner = owner
        self.text = text

    def compose(self) -> ComposeResult:
        with Vertical(id="digest-dialog"):
            yield Label(Text(f"Digest for {self.owner}"), id="digest-title")
            with VerticalScroll(id="digest-scroll"):
                yield Static(Text(self.text), id="digest-text")
            yield Input(default_path(self.owner), id="digest-path")
            yield Label("w: write to a file · Escape: close", id="digest-status")

    def on_mount(self) -> None:
        self.query_one("#digest-scroll").focus()

    def action_write(self) -> None:
        self.query_one("#digest-path", Input).focus()
        self.status("Enter writes the file · Escape: back")

    def action_close(self) -> None:
        if self.query_one("#digest-path", Input).has_focus:
            self.query_one("#digest-scroll").focus()
            self.status("w: write to a file · Escape: close")
        else:
            self.dismiss()

    def status(self, message: str, state: str = "") -> None:
        label = self.query_one("#digest-status", Label)
        label.update(message)
        label.set_classes(state)

    @on(Input.Submitted, "#digest-path")
    def submitted(self, event: Input.Submitted) -> None:
        self.write(event.value.strip())

    @work
    async def write(self, text: str) -> None:
        if not text:
            self.status("Type a file name, e.g. ./digest.md", "-error")
            return
        path = Path(text).expanduser()
        if path.is_dir():
            self.status(f"{path} is a folder: add a file name", "-error")
            return
        if path.exists() and not await self.app.push_screen_wait(
                ConfirmDialog(f"{path} already exists. Overwrite it?", yes="Overwrite")):
            self.status("Not written: choose another name", "-error")
            return
        try:
            write_file(self.text, path, data_dir=getattr(self.app, "data_dir", None))
        except CheckinError as exc:
            self.status(f"Not written: {exc}", "-error")
            return
        self.status(f"Written to {path.resolve()}", "-ok")
        self.query_one("#digest-scroll").focus()
