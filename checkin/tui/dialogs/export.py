"""Ask where to write the minutes; confirm before overwriting; dismiss with (path, format)."""

from __future__ import annotations

from pathlib import Path

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import RadioButton, RadioSet

from checkin.tui.dialogs.confirm import ConfirmDialog
from checkin.tui.widgets.plain import Input, Label


def with_format(text: str, fmt: str) -> str:
    """The typed path with its extension switched to ``fmt`` (``.md`` / ``.html``)."""
    path = Path(text or "minutes")
    if path.suffix.lower() in (".md", ".html", ".htm", ".markdown"):
        path = path.with_suffix("")
    prefix = "./" if text.startswith("./") else ""
    return f"{prefix}{path}.{fmt}"


def format_of(path: Path) -> str:
    return "html" if path.suffix.lower() in (".html", ".htm") else "md"


class ExportDialog(ModalScreen[tuple[Path, str] | None]):
    """Path input (default ``./<meeting id>.md``) and a Markdown/HTML choice."""

    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="export.cancel",
                tooltip="Close without writing anything"),
    ]

    def __init__(self, meeting_id: str) -> None:
        super().__init__(classes="dialog-screen")
        self.meeting_id = meeting_id

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="export-dialog"):
            yield Label("Export the minutes to a file", classes="dialog-question")
            yield Input(f"./{self.meeting_id}.md", id="export-path")
            with RadioSet(id="export-format"):
                yield RadioButton("Markdown (.md)", value=True, id="format-md")
                yield RadioButton("HTML page (.html)", id="format-html")
            yield Label("Enter writes the file · Tab: format · Escape: cancel",
                        classes="dialog-hint")
            yield Label("", id="export-error", classes="dialog-error")

    def on_mount(self) -> None:
        self.query_one("#export-path", Input).focus()

    @on(RadioSet.Changed, "#export-format")
    def format_changed(self, event: RadioSet.Changed) -> None:
        fmt = "html" if event.pressed.id == "format-html" else "md"
        path_input = self.query_one("#export-path", Input)
        path_input.value = with_format(path_input.value.strip(), fmt)

    @on(Input.Submitted, "#export-path")
    def submitted(self, event: Input.Submitted) -> None:
        self.choose(event.value.strip())

    @work
    async def choose(self, text: str) -> None:
        error = self.query_one("#export-error", Label)
        if not text:
            error.update("Type a file name, e.g. ./minutes.md")
            return
        path = Path(text).expanduser()
        if path.is_dir():
            error.update(f"{path} is a folder; add a file name, e.g. {path / self.meeting_id}.md")
            return
        if path.exists():
            question = f"{path} already exists. Overwrite it?"
            if not await self.app.push_screen_wait(ConfirmDialog(question, yes="Overwrite")):
                error.update("Not written: choose another name, or Enter again to overwrite")
                return
        self.dismiss((path, format_of(path)))

    def action_cancel(self) -> None:
        self.dismiss(None)
