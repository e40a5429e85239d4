"""Every key of the screen below, generated from its active bindings."""

from __future__ import annotations

from dataclasses import dataclass

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen, Screen

from checkin.tui.widgets.drawn_lines import DrawnLines
from checkin.tui.widgets.plain import Label


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


DOES_MAX = 24  # a longer "does" (Textual's own input keys have 50-column ones) wraps


class KeyTable(DrawnLines):
    """Key, what it does, details: three columns drawn by one widget, what it does and
    the details wrapping under themselves instead of being cut (a Rich Table before,
    measured and rendered again on every refresh: ~100 ms of opening help)."""

    DEFAULT_CSS = """
    KeyTable { height: auto; }
    """
    HEAD = ("Key", "Does", "Details")
    GAP = "  "

    def __init__(self, keys: list[KeyHelp]) -> None:
        super().__init__(id="help-keys")
        self.keys = keys
        self._lines: tuple[int, list[Content]] | None = None  # by width

    def lines(self, width: int) -> list[Content]:
        if self._lines is not None and self._lines[0] == width:
            return self._lines[1]
        rows = [self.HEAD, *((k.key, k.description, k.tooltip) for k in self.keys)]
        key_w = max(Content(r[0]).cell_length for r in rows)
        does_w = min(DOES_MAX, max(Content(r[1]).cell_length for r in rows))
        details_w = max(10, width - key_w - does_w - 2 * len(self.GAP))
        lines: list[Content] = []
        for n, (key, does, details) in enumerate(rows):
            cells = [[Content.styled(key, "bold")], Content(does).wrap(does_w),
                     Content(details).wrap(details_w)]
            for row in range(max(len(c) for c in cells)):
                parts = [c[row] if row < len(c) else Content("") for c in cells]
                line = Content.assemble(
                    parts[0].pad_right(key_w - parts[0].cell_length), self.GAP,
                    parts[1].pad_right(does_w - parts[1].cell_length), self.GAP, parts[2])
                lines.append(line.stylize_before("bold") if n == 0 else line)
        self._lines = (width, lines)
        return lines


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
                yield KeyTable(self.keys)
            yield Label("Escape closes this list · ↑/↓ scroll", classes="dialog-hint")

    def on_mount(self) -> None:
        self.query_one("#help-scroll").focus()
