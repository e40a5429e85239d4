"""A text field that wraps and grows, so the room reads the whole sentence.

A one-line Input shows only the end of a long sentence (``osed Acme renewal two months
early…``); updates, metric comments and decisions are sentences people read aloud from
the screen. Enter moves on to the next field, as Tab does, or submits the field when it
was made with ``submit=True`` (the decision form).
"""

from __future__ import annotations

from textual.binding import Binding
from textual.message import Message
from textual.widgets import TextArea

from checkin.render.terminal import safe


class WrapField(TextArea):
    """Soft-wrapped, auto-height text; ``value`` as an Input has it; Enter moves on/submits."""

    DEFAULT_CSS = """
    WrapField { height: auto; max-height: 6; width: 1fr; }
    """

    BINDINGS = [
        Binding("enter", "enter", "Next field", show=False, priority=True,
                id="field.enter", tooltip="Go on to the next field (Tab does the same)"),
    ]

    class Submitted(Message):
        """Enter in a field made with ``submit=True``."""

        def __init__(self, field: WrapField) -> None:
            super().__init__()
            self.field = field

        @property
        def control(self) -> WrapField:
            return self.field

    def __init__(self, text: str = "", *, placeholder: str = "", submit: bool = False,
                 id: str | None = None, classes: str | None = None) -> None:
        super().__init__(safe(text), placeholder=placeholder, compact=True, soft_wrap=True,
                         tab_behavior="focus", show_line_numbers=False, id=id,
                         classes=classes)
        self.submit = submit

    def on_mount(self) -> None:
        self.move_cursor(self.document.end)  # on resume, typing carries on at the end

    @property
    def value(self) -> str:
        return self.text

    @value.setter
    def value(self, text: str) -> None:
        self.load_text(safe(text))

    def action_enter(self) -> None:
        if self.submit:
            self.post_message(self.Submitted(self))
        else:
            self.screen.focus_next()
