"""Every key of the screen below, generated from its active bindings."""

from __future__ import annotations

from dataclasses import dataclass

from rich.table import Table
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen, Screen

from checkin.tui.widgets.plain import Label, Static


@dataclass(frozen=True)
class KeyHelp:
    key: str
    description: str
    tooltip: str
    ours: bool = True  # an app key (with an id), not a built-in widget key


def keys_of(screen: Screen) -> list[KeyHelp]:
    """The keys active on ``screen`` (focused widget, screen, app), one row per action:
    the app's own keys first, then the focused widget's built-in ones (arrows, tab...)."""
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
                              binding.tooltip or active.tooltip, binding.id is not None)
    palette = app.COMMAND_PALETTE_BINDING if app.ENABLE_COMMAND_PALETTE else None
    if palette and not any(r.description == "Commands" for r in rows.values()):
        rows[("command_palette", "")] = KeyHelp(
            app.get_key_display(Binding(palette, "command_palette")), "Commands",
            "Search every command of this screen by name")
    return sorted(rows.values(), key=lambda k: not k.ours)


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
            with VerticalScroll(id="help-scroll"):
                yield Static(self.table(), id="help-keys")
            yield Label("Escape closes this list · ↑/↓ scroll", classes="dialog-hint")

    def table(self) -> Table:
        """Key, what it does, details: long details wrap instead of being cut."""
        table = Table(box=None, expand=True, show_edge=False, pad_edge=False)
        table.add_column("Key", no_wrap=True, style="bold")
        table.add_column("Does", no_wrap=True)
        table.add_column("Details", ratio=1)
        for k in self.keys:
            table.add_row(k.key, k.description, k.tooltip)
        return table

    def on_mount(self) -> None:
        self.query_one("#help-scroll").focus()
