"""Notes and decisions: free text, and one sentence per decision with who made the call."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.message import Message
from textual.widgets import ListItem, ListView, TextArea

from checkin.core.people import AmbiguousName, UnknownName, person_or_new
from checkin.render.terminal import safe
from checkin.tui.sections.base import SectionEditor
from checkin.tui.widgets.owner_input import OwnerInput
from checkin.tui.widgets.plain import Input, Label
from checkin.tui.widgets.wrap_field import WrapField


class DecisionList(ListView):
    """The meeting's decisions; x or delete removes the highlighted one."""

    BINDINGS = [
        Binding("x,delete", "remove", "Delete", id="notes.delete-decision",
                tooltip="Delete the highlighted decision"),
    ]

    class Remove(Message):
        def __init__(self, index: int) -> None:
            super().__init__()
            self.index = index

    def action_remove(self) -> None:
        if self.index is not None:
            self.post_message(self.Remove(self.index))


class NotesEditor(SectionEditor):
    """Tab goes notes → decision → who decided → list; Enter in a decision field adds it."""

    def compose(self) -> ComposeResult:
        yield Label("Notes", classes="part-title")
        yield TextArea(safe(self.session.meeting.notes), id="notes-text", soft_wrap=True,
                       tab_behavior="focus", show_line_numbers=False,
                       placeholder="Anything worth keeping that is not a decision or an item")
        yield Label("Decisions", classes="part-title")
        with Horizontal(id="decision-form"):
            yield WrapField(placeholder="the decision, in one sentence (Enter adds)",
                            submit=True, id="decision-text")
            yield OwnerInput(self.session.people(), placeholder="who decided",
                             id="decision-owner")
        yield Label("", id="decision-message")
        yield DecisionList(id="decision-list")

    def on_mount(self) -> None:
        self.refresh_list()
        notes = self.query_one("#notes-text", TextArea)
        notes.move_cursor(notes.document.end)  # on resume, typing carries on at the end

    def focus_first(self) -> None:
        self.query_one("#notes-text", TextArea).focus()

    @on(TextArea.Changed, "#notes-text")
    def _notes_typed(self, event: TextArea.Changed) -> None:
        event.stop()
        text = event.text_area.text
        self.session.edit(self.session.meeting, notes=text)

    @on(WrapField.Submitted, "#decision-text")
    @on(Input.Submitted, "#decision-owner")
    def _add(self, event: WrapField.Submitted | Input.Submitted) -> None:
        event.stop()
        text_input = self.query_one("#decision-text", WrapField)
        owner_input = self.query_one("#decision-owner", OwnerInput)
        text = " ".join(text_input.value.split())
        message = self.query_one("#decision-message", Label)
        if not text:
            message.set_classes("-error").update("Type the decision first; nothing was added")
            text_input.focus()
            return
        try:  # a decision names who made the call; it adds nobody to the people list
            owner = person_or_new(owner_input.value, owner_input.people)[0]
        except UnknownName:  # blank
            owner = ""
        except AmbiguousName as exc:
            message.set_classes("-error").update(str(exc))
            owner_input.focus()
            return
        self.session.add_decision(text, owner=owner)
        text_input.value = owner_input.value = ""
        message.set_classes("-ok").update(f"Decision {len(self.session.meeting.decisions)} added")
        self.refresh_list(highlight_last=True)
        text_input.focus()

    def refresh_list(self, highlight_last: bool = False) -> None:
        view = self.query_one(DecisionList)
        index = view.index
        decisions = self.session.meeting.decisions
        view.clear()
        view.extend(
            ListItem(Label(f"{n}. {d.text}" + (f"  ({d.owner})" if d.owner else "")))
            for n, d in enumerate(decisions, 1)
        )
        if decisions:
            last = len(decisions) - 1
            view.index = last if highlight_last or index is None else min(index, last)

    @on(DecisionList.Remove)
    def _remove(self, event: DecisionList.Remove) -> None:
        event.stop()
        gone = self.session.remove_decision(event.index)
        if gone is not None:
            self.query_one("#decision-message", Label).set_classes("-ok").update(
                f"Deleted: {gone.text}")
            self.refresh_list()
