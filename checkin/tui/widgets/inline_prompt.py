"""A one-field question shown under a list: type, Enter accepts, Escape cancels."""

from __future__ import annotations

from datetime import date

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.suggester import SuggestFromList

from checkin.core.people import (
    NameMatchError,
    UnknownName,
    person_or_new,
    resolve_department,
    resolve_person,
)
from checkin.tui.widgets.date_input import DateInput
from checkin.tui.widgets.owner_input import confirm_new_person
from checkin.tui.widgets.plain import Input, Label


def complete(text: str, names: list[str], *, kind: str = "person") -> str:
    """The one name ``text`` names by the people rule (``kind`` "person" or "department");
    ``""`` for blank. Raises `AmbiguousName` / `UnknownName`."""
    if not text.strip():
        return ""
    resolve = resolve_department if kind == "department" else resolve_person
    return resolve(text, names)


class InlinePrompt(Vertical):
    """Asks for a text (optionally with completion) or, given ``today``, a date.

    Posts ``Accepted`` with the text (``str``) or the resolved date (``date``), and
    ``Cancelled`` on Escape. The owner validates and calls `show_error` to refuse.

    With ``suggestions``, the answer is a name (``kind`` "person" or "department") and goes
    through the people rule: an unclear one is refused inline; with ``new_person`` a person
    nobody has yet is asked about ("new person?") before it is accepted.
    """

    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="prompt.cancel",
                tooltip="Close this question without changing anything"),
    ]

    class Accepted(Message):
        def __init__(self, prompt: InlinePrompt, value: str | date) -> None:
            super().__init__()
            self.prompt = prompt
            self.value = value

        @property
        def control(self) -> InlinePrompt:
            return self.prompt

    class Cancelled(Message):
        def __init__(self, prompt: InlinePrompt) -> None:
            super().__init__()
            self.prompt = prompt

        @property
        def control(self) -> InlinePrompt:
            return self.prompt

    def __init__(self, question: str, *, purpose: str, value: str = "",
                 suggestions: list[str] | None = None, today: date | None = None,
                 next_meeting: date | None = None, dayfirst: bool = False,
                 kind: str = "person", new_person: bool = False,
                 id: str | None = None) -> None:
        super().__init__(id=id, classes="inline-prompt")
        self.question = question
        self.purpose = purpose
        self._value = value
        self._suggestions = suggestions
        self._today = today
        self._next_meeting = next_meeting
        self._dayfirst = dayfirst
        self.kind, self.new_person = kind, new_person

    def compose(self) -> ComposeResult:
        yield Label(self.question, classes="prompt-question")
        if self._today is not None:
            yield DateInput(today=self._today, next_meeting=self._next_meeting,
                            dayfirst=self._dayfirst, text=self._value,
                            placeholder="fri, +1w, 12/4, next meeting")
        else:
            suggester = (SuggestFromList(self._suggestions, case_sensitive=False)
                         if self._suggestions else None)  # an empty list: names, none yet
            yield Input(self._value, suggester=suggester, select_on_focus=False)
        yield Label("Enter accepts · Escape cancels", classes="prompt-hint")

    def on_mount(self) -> None:
        self.focus_field()

    def focus_field(self) -> None:
        field = self.query(DateInput).first() if self._today else self.query_one(Input)
        field.focus()
        if self._value and self._today is None and field.value == self._value:
            field.select_all()  # a proposed text: typing replaces it, an arrow key edits it

    def show_error(self, message: str) -> None:
        hint = self.query_one(".prompt-hint", Label)
        hint.update(message)
        hint.add_class("-error")

    @on(DateInput.Submitted)
    def _date(self, event: DateInput.Submitted) -> None:
        event.stop()
        self.post_message(self.Accepted(self, event.value))

    @on(Input.Submitted)
    def _text(self, event: Input.Submitted) -> None:
        event.stop()
        if self._suggestions is None:
            self.post_message(self.Accepted(self, event.value.strip()))
            return
        try:
            name = complete(event.value, self._suggestions, kind=self.kind)
        except UnknownName as exc:
            if not self.new_person:
                self.show_error(str(exc))
                return
            typed, _new = person_or_new(event.value, [])
            confirm_new_person(self, typed, lambda: self.post_message(self.Accepted(self, typed)))
            return
        except NameMatchError as exc:
            self.show_error(str(exc))
            return
        self.post_message(self.Accepted(self, name))

    def action_cancel(self) -> None:
        self.post_message(self.Cancelled(self))
