"""Work that follows a screen's first frame: a lazy fill neither delays the frame nor
what waits for it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.message_pump import MessagePump


def after_first_frame(node: MessagePump, callback: Callable[..., Any], *args: Any) -> None:
    """Run ``callback(*args)`` after ``node``'s next refresh, and after whatever waited for
    that refresh (two hops through ``node``'s queue: a call run straight from the refresh
    ran before them)."""
    node.call_after_refresh(node.call_later, node.call_later, callback, *args)
