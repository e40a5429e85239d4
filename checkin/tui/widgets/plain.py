"""Label and Static that show text as typed: never Textual markup, no control characters.

Names, titles, prompts and notes come from people and agenda files; ``[link=...]`` or
``[/]`` in them must show as brackets (not crash the app), and an escape sequence must show
as ``\\u001b`` (not retitle the terminal). Every screen imports Label/Static from here;
:func:`plain` is the same for DataTable cells, options and notifications.
"""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.content import Content
from textual.widgets import Input as TextualInput
from textual.widgets import Label as TextualLabel
from textual.widgets import Static as TextualStatic

from checkin.render.terminal import has_control, safe


def plain(text: str) -> Text:
    """Typed text as a renderable that is shown exactly (control characters made visible)."""
    return Text(safe(text))


def shown(content: Any) -> Any:
    """``content`` made safe to show: strings are plain text, Text loses control chars."""
    if isinstance(content, str):
        return safe(content)
    if isinstance(content, Text) and has_control(content.plain):
        return Text(safe(content.plain), style=content.style, justify=content.justify)
    return content


class Static(TextualStatic):
    """A Static whose strings are plain text, never markup."""

    def __init__(self, content: Any = "", **kwargs: Any) -> None:
        kwargs["markup"] = False
        super().__init__(shown(content), **kwargs)

    def update(self, content: Any = "", *, layout: bool = True) -> None:
        super().update(shown(content), layout=layout)


class Label(TextualLabel):
    """A Label whose strings are plain text, never markup."""

    def __init__(self, content: Any = "", **kwargs: Any) -> None:
        kwargs["markup"] = False
        super().__init__(shown(content), **kwargs)

    def update(self, content: Any = "", *, layout: bool = True) -> None:
        super().update(shown(content), layout=layout)


def plain_title(text: str) -> Content:
    """Typed text for ``border_title`` / ``border_subtitle`` (a str there is markup)."""
    return Content(safe(text))


class Input(TextualInput):
    """An Input whose value never holds a control character (a stored note with an escape
    sequence is shown, and kept, as ``\\u001b``: drawn raw it would reach the terminal)."""

    def validate_value(self, value: str) -> str:
        return safe(value)
