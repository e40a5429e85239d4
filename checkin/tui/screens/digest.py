"""A per-owner digest in a dialog: read it, or write it to a Markdown file."""

from __future__ import annotations

import re
from pathlib import Path

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen

from checkin.services.files import write_file
from checkin.tui.dialogs.export import ExportDialog, export
from checkin.tui.widgets.plain import Label, Static


def default_path(owner: str) -> str:
    slug = re.sub(r"[^\w-]+", "-", owner.strip().casefold()).strip("-") or "owner"
    return f"./digest-{slug}.md"


class DigestDialog(ModalScreen[None]):
    """The Markdown text as plain text (to read or copy); ``w`` asks where to write it."""

    BINDINGS = [
        Binding("w", "write", "Write to file", id="digest.write",
                tooltip="Write the digest to a Markdown file (asks for the path)"),
        Binding("escape", "close", "Close", id="digest.close", tooltip="Close the digest"),
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
            yield Label("w: write to a file · Escape: close", id="digest-status")

    def on_mount(self) -> None:
        self.query_one("#digest-scroll").focus()

    @work
    async def action_write(self) -> None:
        def write(path: Path, fmt: str) -> None:
            write_file(self.text, path, data_dir=getattr(self.app, "data_dir", None))

        dialog = ExportDialog(default_path(self.owner), write, formats=("md",),
                              title=f"Write the digest for {self.owner} to a file")
        await export(self, dialog, self.query_one("#digest-status", Label), "Written to")
        self.query_one("#digest-scroll").focus()

    def action_close(self) -> None:
        self.dismiss()
