"""Textual styles for Content drawn by our own widgets, with theme variables resolved.

``Content.styled(text, "$text-muted")`` draws full white: the variable's value
(``auto 60%``) loses its alpha when substituted inside a Content style. Resolving the
variable from the app's theme first gives what a Label with ``color: $text-muted`` shows.
"""

from __future__ import annotations

from textual.widget import Widget


def theme_style(widget: Widget, style: str) -> str:
    """``style`` with each ``$variable`` replaced by the app theme's value for it."""
    theme = widget.app.theme_variables
    return " ".join(theme.get(word[1:], word) if word.startswith("$") else word
                    for word in style.split())
