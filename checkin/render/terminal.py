"""Text bound for a terminal: every control character made visible, never obeyed.

A facilitator's name or an action title can hold ``ESC ] 0 ; pwned BEL`` (retitles the
window), ``ESC [ 2 J`` (clears it), a bare CR (overwrites the line) or a right-to-left
override (reorders what follows). :func:`safe` replaces each such character with its
``\\uXXXX`` escape, so it is shown, not obeyed; tab and newline stay, and so does the CR of
a CRLF line ending (iCalendar, CSV). Inside JSON output the escape is the same character,
so JSON stays valid and means the same. Every line the CLI prints goes through here.
"""

from __future__ import annotations

import re

# C0 controls but tab (09) and newline (0A); CR (0D) unless it ends a CRLF; DEL and C1;
# bidirectional embeddings, overrides and isolates; line/paragraph separators.
CONTROL = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]|\r(?!\n)"
)


def _visible(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"


def safe(text: str) -> str:
    """``text`` with every control character replaced by a visible ``\\uXXXX``."""
    return CONTROL.sub(_visible, text)


def has_control(text: str) -> bool:
    """Whether ``text`` holds a character :func:`safe` would replace."""
    return CONTROL.search(text) is not None
