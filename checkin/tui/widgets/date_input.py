"""A due-date input that shows the resolved date (or why not) as you type, and asks before
a date in the past is used: every date entry (new-item form, re-date in review and in the
actions screen, any date prompt) goes through it; quick add uses `past_date_warning`."""

from __future__ import annotations

from datetime import date

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.message import Message
from textual.reactive import reactive

from checkin.core.dates import DueDateError, describe, is_past, parse_due
from checkin.tui.widgets.plain import Input, Label


def past_date_warning(value: date, today: date) -> str:
    """What a date entry says when Enter is pressed on a past date: a second Enter uses it."""
    return (f"{describe(value, today)} is in the past: Enter again to use it, "
            "or type another date")


class DateInput(Horizontal):
    """``fri``, ``+3d``, ``eom``, ``next meeting``... resolved live with checkin.dates.

    ``value`` is the resolved date or None; ``error`` says why not. Posts ``Submitted``
    when Enter is pressed on a valid date; on a date in the past the first Enter only
    asks (`past_date_warning`) and a second Enter on the same date posts it.
    """

    DEFAULT_CSS = """
    DateInput { height: auto; }
    DateInput > Input { width: 24; }
    DateInput > .resolved { padding: 1 1 0 1; width: 1fr; }
    DateInput > .resolved.-error { color: $error; }
    DateInput > .resolved.-past { color: $warning; }
    """

    value: reactive[date | None] = reactive(None, init=False)

    class Submitted(Message):
        def __init__(self, date_input: DateInput, value: date) -> None:
            super().__init__()
            self.date_input = date_input
            self.value = value

        @property
        def control(self) -> DateInput:
            return self.date_input

    def __init__(self, *, today: date, next_meeting: date | None = None,
                 dayfirst: bool = False, placeholder: str = "due: fri, +3d, eom",
                 text: str = "", id: str | None = None) -> None:
        super().__init__(id=id)
        self.today = today
        self.next_meeting = next_meeting
        self.dayfirst = dayfirst
        self._placeholder = placeholder
        self._text = text
        self.error = ""
        self.confirming: date | None = None  # a past date asked about, waiting for Enter

    def compose(self) -> ComposeResult:
        yield Input(self._text, placeholder=self._placeholder)
        yield Label("", classes="resolved")

    def on_mount(self) -> None:
        self._resolve(self._text)

    @property
    def input(self) -> Input:
        return self.query_one(Input)

    def set_text(self, text: str) -> None:
        self.input.value = text

    def focus(self, scroll_visible: bool = True) -> DateInput:
        self.input.focus(scroll_visible)
        return self

    @on(Input.Changed)
    def _changed(self, event: Input.Changed) -> None:
        event.stop()
        self._resolve(event.value)

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self._resolve(event.value)
        if self.value is None:
            return
        if is_past(self.value, self.today) and self.confirming != self.value:
            self.confirming = self.value
            label = self.query_one(".resolved", Label)
            label.update(past_date_warning(self.value, self.today))
            label.add_class("-past")
            return
        self.confirming = None
        self.post_message(self.Submitted(self, self.value))

    def _resolve(self, text: str) -> None:
        label = self.query_one(".resolved", Label)
        label.remove_class("-error", "-past")
        if not text.strip():
            self.value, self.error = None, ""
            label.update("")
            return
        try:
            self.value = parse_due(text, today=self.today, next_meeting=self.next_meeting,
                                   dayfirst=self.dayfirst)
            self.error = ""
            if self.value != self.confirming:
                self.confirming = None
        except DueDateError as exc:
            self.value, self.error, self.confirming = None, str(exc), None
            label.update(self.error)
            label.add_class("-error")
            return
        past = is_past(self.value, self.today)
        label.update(f"→ {describe(self.value, self.today)}" + ("  (in the past!)" if past else ""))
        if past:
            label.add_class("-past")
