"""The one export flow: ask for a path (and a format), create a missing folder if asked,
confirm an overwrite, write, and say how it went.

Used by the minutes, history and digest screens. A failed write keeps the dialog open
with what was typed and the whole error (wrapped, never cut) under the path.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen, Screen
from textual.widgets import RadioButton, RadioSet

from checkin.errors import CheckinError
from checkin.services.files import make_folder
from checkin.tui.dialogs.confirm import ConfirmDialog
from checkin.tui.widgets.plain import Input, Label

Writer = Callable[[Path, str], None]  # (path, format) -> None; raises CheckinError
FORMAT_LABELS = {"md": "Markdown (.md)", "html": "HTML page (.html)"}


def with_format(text: str, fmt: str) -> str:
    """The typed path with its extension switched to ``fmt`` (``.md`` / ``.html``)."""
    path = Path(text or "minutes")
    if path.suffix.lower() in (".md", ".html", ".htm", ".markdown"):
        path = path.with_suffix("")
    prefix = "./" if text.startswith("./") else ""
    return f"{prefix}{path}.{fmt}"


def format_of(path: Path) -> str:
    return "html" if path.suffix.lower() in (".html", ".htm") else "md"


class ExportDialog(ModalScreen[Path | None]):
    """Path input (``default``), a format choice when there are several, then ``write``.

    Dismisses with the written path, or None when cancelled.
    """

    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="export.cancel",
                tooltip="Close without writing anything"),
    ]

    def __init__(self, default: str, write: Writer, *,
                 title: str = "Export the minutes to a file",
                 formats: Sequence[str] = ("md", "html")) -> None:
        super().__init__(classes="dialog-screen")
        self.default = default
        self.write = write
        self.title_text = title
        self.formats = tuple(formats)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="export-dialog"):
            yield Label(Text(self.title_text), classes="dialog-question")
            yield Input(self.default, id="export-path")
            keys = "Enter writes the file · Escape: cancel"
            if len(self.formats) > 1:
                with RadioSet(id="export-format"):
                    for n, fmt in enumerate(self.formats):
                        yield RadioButton(FORMAT_LABELS[fmt], value=n == 0, id=f"format-{fmt}")
                keys = "Enter writes the file · Tab: format · Escape: cancel"
            yield Label(keys, classes="dialog-hint")
            yield Label("", id="export-error", classes="dialog-error")

    def on_mount(self) -> None:
        self.query_one("#export-path", Input).focus()

    @on(RadioSet.Changed, "#export-format")
    def format_changed(self, event: RadioSet.Changed) -> None:
        fmt = (event.pressed.id or "format-md").removeprefix("format-")
        path_input = self.query_one("#export-path", Input)
        path_input.value = with_format(path_input.value.strip(), fmt)

    @on(Input.Submitted, "#export-path")
    def submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.choose(event.value.strip())

    def fail(self, message: str) -> None:
        """Show why nothing was written; the typed path stays as it is."""
        self.query_one("#export-error", Label).update(Text(message))

    @work(exclusive=True)
    async def choose(self, text: str) -> None:
        if not text:
            self.fail(f"Type a file name, e.g. {self.default}")
            return
        path = Path(text).expanduser()
        if path.is_dir():
            self.fail(f"{path} is a folder; add a file name, e.g. {path / Path(self.default).name}")
            return
        folder = path.parent
        if not folder.exists():
            if not await self.app.push_screen_wait(ConfirmDialog(
                    f"The folder {folder} does not exist. Create it?",
                    f"Then {path.name} is written in it.", yes="Create")):
                self.fail(f"Not written: {folder} does not exist; create it or choose "
                          "another folder")
                return
            try:
                make_folder(folder)
            except CheckinError as exc:
                self.fail(f"Not written: {exc}")
                return
        if path.exists() and not await self.app.push_screen_wait(ConfirmDialog(
                f"{path} already exists. Overwrite it?", yes="Overwrite")):
            self.fail("Not written: choose another name, or Enter again to overwrite")
            return
        fmt = format_of(path) if len(self.formats) > 1 else self.formats[0]
        try:
            self.write(path, fmt)
        except CheckinError as exc:
            self.fail(f"Not written: {exc}")
            return
        self.dismiss(path)

    def action_cancel(self) -> None:
        self.dismiss(None)


async def export(screen: Screen, dialog: ExportDialog, status: Label, done: str) -> Path | None:
    """Run ``dialog`` over ``screen``; on success say ``done <absolute path>`` in ``status``."""
    path = await screen.app.push_screen_wait(dialog)
    if path is not None:
        status.update(Text(f"{done} {path.resolve()}"))
        status.set_classes("-ok")
    return path
