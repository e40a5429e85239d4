"""Handlers that may run after the app started leaving (a SIGTERM while a screen mounts)."""

from __future__ import annotations

from textual.dom import DOMNode


def leaving(node: DOMNode) -> bool:
    """True once the app is exiting: the screens are being torn down, so a mount handler
    or a callback still queued must not query or mount (everything was saved first)."""
    return bool(getattr(node.app, "leaving", False))
