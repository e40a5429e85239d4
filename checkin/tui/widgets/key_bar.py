"""The key bar: the screen's keys on the bottom line, drawn by one widget.

Textual's ``Footer`` mounts a widget per key and recomposes all of them on every change of
the active bindings (a section change, a focus move): ~100 ms of each section change on
this 2-core machine (docs/FOOTER.md). The key bar draws the same line as text, so a change
of bindings costs one repaint. A key is clicked as in the Footer: it presses that key.
"""

from __future__ import annotations

from typing import NamedTuple

from textual.binding import Binding
from textual.content import Content
from textual.screen import Screen
from textual.style import Style
from textual.widget import Widget

SEPARATOR = "▏"  # before the palette hint, docked right as in Textual's Footer
KEEP = "help"  # the action whose key stays when others have no room: f1 lists them all


class Key(NamedTuple):
    """One key as the bar shows it."""

    key: str  # what a click presses
    action: str
    display: str  # how the key is written: "^o", "pgdn"
    description: str
    enabled: bool


class KeyBar(Widget):
    """One line of ``key description`` pairs, with the command palette's key at the right.

    Keys that do not fit are left out whole, last first, never cut mid-word; ``left_out``
    says which (f1 help lists every key).
    """

    COMPONENT_CLASSES = {"key-bar--key", "key-bar--description", "key-bar--disabled"}
    DEFAULT_CSS = """
    KeyBar {
        dock: bottom;
        height: 1;
        width: 1fr;
        color: $footer-foreground;
        background: $footer-background;
        .key-bar--key {
            color: $footer-key-foreground;
            background: $footer-key-background;
            text-style: bold;
        }
        .key-bar--description {
            color: $footer-description-foreground;
            background: $footer-description-background;
        }
        .key-bar--disabled {
            text-style: dim;
        }
    }
    """

    def __init__(self) -> None:
        super().__init__()
        self._keys: tuple[list[Key], Key | None] | None = None  # until bindings change

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self.bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def bindings_changed(self, screen: Screen[object]) -> None:
        if self.is_attached and screen is self.screen:
            self._keys = None
            self.refresh()

    def keys(self) -> tuple[list[Key], Key | None]:
        """The keys to show, one per action as in Textual's Footer, and the palette's."""
        if self._keys is None:
            self._keys = self._active_keys()
        return self._keys

    def _active_keys(self) -> tuple[list[Key], Key | None]:
        bindings = self.screen.active_bindings
        seen: set[str] = set()
        shown: list[Key] = []
        for _node, binding, enabled, _tooltip in bindings.values():
            if binding.show and binding.action not in seen:
                seen.add(binding.action)
                shown.append(self._key(binding, enabled))
        palette = None
        if self.app.ENABLE_COMMAND_PALETTE:
            active = bindings.get(self.app.COMMAND_PALETTE_BINDING)
            if active is not None:
                palette = self._key(active.binding, active.enabled)
        return shown, palette

    def _key(self, binding: Binding, enabled: bool) -> Key:
        return Key(binding.key, binding.action, self.app.get_key_display(binding),
                   binding.description, enabled)

    def layout_keys(self, width: int) -> tuple[list[Key], list[Key], Key | None]:
        """Split the keys into those that fit ``width`` columns and those left out: the
        last ones go first, the help key last of all."""
        shown, palette = self.keys()
        room = width - (self.item_width(palette) + len(SEPARATOR) + 1 if palette else 0)
        fits = list(shown)
        while fits and sum(map(self.item_width, fits)) + len(fits) - 1 > room:
            drop = next((k for k in reversed(fits) if k.action != KEEP), fits[-1])
            fits.remove(drop)
        return fits, [key for key in shown if key not in fits], palette

    @staticmethod
    def item_width(key: Key) -> int:
        return len(key.display) + (len(key.description) + 1 if key.description else 0)

    def left_out(self) -> list[str]:
        """The descriptions of the keys the bar has no room for at its width."""
        _fits, rest, _palette = self.layout_keys(self.size.width)
        return [key.description or key.display for key in rest]

    def item(self, key: Key) -> Content:
        style = Style.from_meta({"@click": f"app.simulate_key({key.key!r})"})
        key_style = self.get_visual_style("key-bar--key")
        description_style = self.get_visual_style("key-bar--description")
        if not key.enabled:
            dim = self.get_visual_style("key-bar--disabled")
            key_style, description_style = key_style + dim, description_style + dim
        parts = [Content.styled(key.display, key_style + style)]
        if key.description:
            parts.append(Content.styled(" " + key.description, description_style + style))
        return Content("").join(parts)

    def render(self) -> Content:
        width = self.size.width
        fits, _rest, palette = self.layout_keys(width)
        line = Content(" ").join(self.item(key) for key in fits)
        if palette is None:
            return line
        right = Content.assemble(SEPARATOR, self.item(palette))
        gap = max(0, width - line.cell_length - right.cell_length)
        return Content.assemble(line, " " * gap, right)
