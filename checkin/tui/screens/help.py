"""Every key of the screen below, generated from its active bindings."""

from __future__ import annotations

from dataclasses import dataclass

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen, Screen
from textual.widgets import DataTable, Label


@dataclass(frozen=True)
class KeyHelp:
    key: str
    description: str
    tooltip: str


def keys_of(screen: Screen) -> list[KeyHelp]:
    """The keys active on ``screen`` (focused widget, screen, app), one row per action."""
    rows: dict[tuple[str, str], KeyHelp] = {}
    app = screen.app
    for active in screen.active_bindings.values():
        binding = active.binding
        if binding.system or not (binding.description or binding.tooltip):
            continue
        key = app.get_key_display(binding)
        ident = (binding.action, binding.description)
        if ident in rows:
            key = f"{rows[ident].key}, {key}"
        rows[ident] = KeyHelp(key, binding.description or binding.action,
                              binding.tooltip or active.tooltip)
    palette = app.COMMAND_PALETTE_BINDING if app.ENABLE_COMMAND_PALETTE else None
    if palette and not any(r.description == "Commands" for r in rows.values()):
        rows[("command_palette", "")] = KeyHelp(
            app.get_key_display(Binding(palette, "command_palette")), "Commands",
            "Search every command of this screen by name")
    return list(rows.values())


class HelpScreen(ModalScreen[None]):
    """A table of keys; escape (or f1 / ?) closes it."""

    BINDINGS = [
        Binding("escape,f1,question_mark,q", "dismiss", "Close", id="help.close",
                tooltip="Close the key list"),
    ]

    def __init__(self, title: str, keys: list[KeyHelp]) -> None:
        super().__init__(classes="dialog-screen")
        self.title_text = title
        self.keys = keys

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="help-dialog"):
            yield Label(f"Keys: {self.title_text}", classes="dialog-question")
            yield DataTable(id="help-keys", cursor_type="row", zebra_stripes=True)
            yield Label("Escape closes this list", classes="dialog-hint")

    def on_mount(self) -> None:
        table = self.query_one("#help-keys", DataTable)
        table.add_columns("Key", "Does", "Details")
        for k in self.keys:
            table.add_row(k.key, k.description, k.tooltip)
        table.focus()
