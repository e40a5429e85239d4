"""Work that follows a screen's first frame: a lazy fill neither delays the frame nor
what waits for it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.message_pump import MessagePump
from textual.screen import Screen


def after_first_frame(node: MessagePump, callback: Callable[..., Any], *args: Any) -> None:
    """Run ``callback(*args)`` after ``node``'s next refresh, and after whatever waited for
    that refresh (two hops through ``node``'s queue: a call run straight from the refresh
    ran before them)."""
    node.call_after_refresh(node.call_later, node.call_later, callback, *args)


def size_classes(screen: Screen[Any]) -> list[str]:
    """The breakpoint classes (``-narrow``...) Textual gives ``screen`` when it first
    gets the app's size; a screen built with them is not restyled whole for them."""
    app = screen.app
    found = []
    for own, default, size in ((screen.HORIZONTAL_BREAKPOINTS, app.HORIZONTAL_BREAKPOINTS,
                                app.size.width),
                               (screen.VERTICAL_BREAKPOINTS, app.VERTICAL_BREAKPOINTS,
                                app.size.height)):
        points = default if own is None else own
        found += [name for at, name in sorted(points or [], reverse=True) if size >= at][:1]
    return found
