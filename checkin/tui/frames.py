"""Work that follows a screen's first frame: a lazy fill neither delays the frame nor
what waits for it."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

from textual.message_pump import MessagePump
from textual.screen import Screen


def after_first_frame(node: MessagePump, callback: Callable[..., Any], *args: Any) -> None:
    """Run ``callback(*args)`` after ``node``'s next refresh has drawn, and after whatever
    waited for that refresh: the frame's waiters are woken by it, and a queued call would
    run before them (a message pump does not yield while its queue has messages)."""
    async def later() -> None:
        await asyncio.sleep(0)  # the waiters' turn
        callback(*args)

    node.call_after_refresh(node.call_later, later)


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
