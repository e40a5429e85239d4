"""Work that follows a screen's first frame: a lazy fill neither delays the frame nor
what waits for it."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any, TypeVar

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


Result = TypeVar("Result")


class SizedScreen(Screen[Result]):
    """A screen built with the breakpoint class (``-narrow``...) Textual would give it on
    its first size: that class change restyled every node of the screen, and made a
    DataTable draw all its cells again. Every full screen of the app is one."""

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002
        super().__init__(id=id)
        self.add_class(*size_classes(self))


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
