"""Label and Static that show text as typed: never Textual markup, no control characters.

Names, titles, prompts and notes come from people and agenda files; ``[link=...]`` or
``[/]`` in them must show as brackets (not crash the app), and an escape sequence must show
as ``\\u001b`` (not retitle the terminal). Every screen imports Label/Static from here;
:func:`plain` is the same for DataTable cells, options and notifications.
"""

from __future__ import annotations

from typing import Any

from rich.cells import cell_len
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


def moves_layout(widget: TextualStatic, old: str | None, new: str) -> bool:
    """Whether showing ``new`` instead of ``old`` can change the widget's box.

    Textual lays out the whole screen when a label's text changes (13-19 ms on the meeting
    screen at 20 years, at every key: bench/keys.py). A box its CSS fixes (``width: 10;
    height: 1``, ``1fr``) never moves; an auto width moves only with the widest line; an
    auto height only with the number of lines of unwrapped (``text-wrap: nowrap``) text,
    and with any change of text that may wrap.
    """
    if old is None:
        return True
    styles = widget.styles
    width, height = styles.width, styles.height
    if width is None or height is None:
        return True  # not styled yet
    if width.is_auto and widest(old) != widest(new):
        return True
    if height.is_auto:
        if styles.text_wrap != "nowrap":
            return True  # it may wrap (an auto width too, once wider than its container)
        return old.count("\n") != new.count("\n")
    return False


def widest(text: str) -> int:
    return max(cell_len(line) for line in text.split("\n"))


class PlainText:
    """What Static and Label share: plain text, and no work when the text is the same."""

    shown_text: str | None = None  # the last str shown (None: something else, or nothing)

    def show_plain(self, content: Any, layout: bool) -> None:
        if isinstance(content, str):
            if content == self.shown_text:
                return  # the same words: nothing to repaint or lay out
            layout = layout and moves_layout(self, self.shown_text, content)  # type: ignore[arg-type]
            self.shown_text = content
        else:
            self.shown_text = None
        super().update(shown(content), layout=layout)  # type: ignore[misc]


class Static(PlainText, TextualStatic):
    """A Static whose strings are plain text, never markup."""

    def __init__(self, content: Any = "", **kwargs: Any) -> None:
        kwargs["markup"] = False
        super().__init__(shown(content), **kwargs)
        self.shown_text = content if isinstance(content, str) else None

    def update(self, content: Any = "", *, layout: bool = True) -> None:
        self.show_plain(content, layout)


class Label(PlainText, TextualLabel):
    """A Label whose strings are plain text, never markup."""

    def __init__(self, content: Any = "", **kwargs: Any) -> None:
        kwargs["markup"] = False
        super().__init__(shown(content), **kwargs)
        self.shown_text = content if isinstance(content, str) else None

    def update(self, content: Any = "", *, layout: bool = True) -> None:
        self.show_plain(content, layout)


def plain_title(text: str) -> Content:
    """Typed text for ``border_title`` / ``border_subtitle`` (a str there is markup)."""
    return Content(safe(text))


class Input(TextualInput):
    """An Input whose value never holds a control character (a stored note with an escape
    sequence is shown, and kept, as ``\\u001b``: drawn raw it would reach the terminal)."""

    def validate_value(self, value: str) -> str:
        return safe(value)
