"""Typed text made safe to print on a terminal: no escape sequences, no bells."""

from __future__ import annotations

import re

# C0 controls except tab/newline, DEL and C1 controls (ESC, BEL, CR, CSI...).
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def safe(text: object) -> str:
    """``text`` as a string with control characters removed (a name cannot retitle or
    clear the user's terminal)."""
    return _CONTROL.sub("", str(text))
