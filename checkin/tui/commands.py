"""The command palette's provider: every key action of the current screen and the app."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider

Command = tuple[str, str, Callable[[], object]]


class ScreenCommands(Provider):
    """Lists the screen's active bindings (and its ``palette_commands()``, if any)."""

    def commands(self) -> list[Command]:
        screen = self.screen
        found: dict[str, Command] = {}
        for active in screen.active_bindings.values():
            binding = active.binding
            if binding.system or not binding.description or not active.enabled:
                continue
            key = self.app.get_key_display(binding)
            run = partial(self.app.run_action, binding.action, active.node)
            found.setdefault(binding.description,
                             (binding.description, f"{binding.tooltip} ({key})", run))
        extra = getattr(screen, "palette_commands", None)
        if callable(extra):
            for name, help_text, run in extra():
                found.setdefault(name, (name, help_text, run))
        return list(found.values())

    async def discover(self) -> Hits:
        for name, help_text, run in self.commands():
            yield DiscoveryHit(name, run, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, help_text, run in self.commands():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), run, text=name, help=help_text)
