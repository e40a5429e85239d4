"""The one-line quick add, reachable from any section: ``@Maria #Sales fix CRM due:fri``."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.suggester import Suggester

from checkin.core.dates import describe, is_past
from checkin.core.model import ActionItem
from checkin.core.people import NameMatchError, matches
from checkin.core.quickadd import QuickAdd, QuickAddError, parse_quick_add
from checkin.errors import CheckinError
from checkin.tui.session import MeetingSession
from checkin.tui.widgets.date_input import past_date_warning
from checkin.tui.widgets.owner_input import confirm_new_person
from checkin.tui.widgets.plain import Input, Label

PLACEHOLDER = "@owner #dept what needs doing due:fri"
HINT = "e.g. @Maria #Sales fix CRM dedupe due:fri   (right arrow completes @names and #depts)"


class TagSuggester(Suggester):
    """Completes the word being typed when it starts with ``@`` (people) or ``#``
    (departments), only when the people rule finds one name for it (the name the line
    would resolve to); spaces in names become ``_`` so the line still parses."""

    def __init__(self, people: list[str], departments: list[str]) -> None:
        super().__init__(use_cache=True, case_sensitive=True)
        self.names = {"@": list(people), "#": list(departments)}

    async def get_suggestion(self, value: str) -> str | None:
        start = value.rfind(" ") + 1
        word = value[start:]
        if len(word) < 2 or word[0] not in self.names:
            return None
        found = matches(word[1:], self.names[word[0]])
        if len(found) != 1:
            return None
        name = found[0].replace(" ", "_")
        if not name.casefold().startswith(word[1:].casefold()) or len(name) < len(word) - 1:
            return None  # a match on a later word ("@raman"): Enter resolves it, no completion
        return value[:start] + word[0] + name


def preview(parsed: QuickAdd, session: MeetingSession) -> str:
    """'→ "fix CRM": Maria Lopez · Sales · due Fri 27 Nov 2026 (in 4 days)'."""
    when = describe(parsed.due, session.today)
    due = f"due next meeting, {when}" if parsed.due_is_default else f"due {when}"
    owner = f"{parsed.owner} (new person?)" if parsed.owner_is_new else parsed.owner
    parts = [owner, parsed.department or "no department", due]
    return f'→ "{parsed.title}": ' + " · ".join(parts)


class QuickAddBar(Vertical):
    """An Input plus a live preview of what Enter will add. Enter adds and clears; errors
    stay inline (the text is kept); escape posts ``Closed``."""

    BINDINGS = [
        Binding("escape", "close", "Close quick add", id="quick-add.close",
                tooltip="Hide the quick-add line without adding anything"),
    ]

    class Added(Message):
        """An action item was stored from the quick-add line."""

        def __init__(self, item: ActionItem) -> None:
            super().__init__()
            self.item = item

    class Closed(Message):
        """The facilitator closed the quick-add line (escape)."""

    def __init__(self, session: MeetingSession, *, id: str | None = None) -> None:
        super().__init__(id=id, classes="quick-add-bar")
        self.session = session
        self.confirming = ""  # a line whose past due date was asked about

    def compose(self) -> ComposeResult:
        departments = [d.name for d in self.session.meeting.agenda.departments]
        yield Input(placeholder=PLACEHOLDER, id="quick-add-input",
                    suggester=TagSuggester(self.session.people(), departments))
        yield Label(HINT, id="quick-add-preview", classes="-hint")

    @property
    def input(self) -> Input:
        return self.query_one("#quick-add-input", Input)

    def focus(self, scroll_visible: bool = True) -> QuickAddBar:
        self.input.focus(scroll_visible)
        return self

    def parse(self, text: str) -> QuickAdd:
        meeting = self.session.meeting
        departments = meeting.agenda.departments
        return parse_quick_add(
            text, today=self.session.today, next_meeting=meeting.next_meeting,
            dayfirst=self.session.dayfirst, departments=[d.name for d in departments],
            people=self.session.people(),
            representatives=meeting.agenda.representatives(),
        )

    def _show(self, text: str, kind: str) -> None:
        self.query_one("#quick-add-preview", Label).set_classes(kind).update(text)

    @on(Input.Changed, "#quick-add-input")
    def _changed(self, event: Input.Changed) -> None:
        event.stop()
        if not event.value.strip():
            self._show(HINT, "-hint")
            return
        try:
            self._show(preview(self.parse(event.value), self.session), "-ok")
        except (QuickAddError, NameMatchError) as exc:
            self._show(str(exc), "-hint")

    @on(Input.Submitted, "#quick-add-input")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.submit(event.value)

    def submit(self, text: str, *, new_person_ok: bool = False) -> None:
        """Add the item the line describes; a new owner is asked about first."""
        try:
            parsed = self.parse(text)
            if is_past(parsed.due, self.session.today) and self.confirming != text:
                self.confirming = text
                self._show(past_date_warning(parsed.due, self.session.today), "-error")
                return
            if parsed.owner_is_new and not new_person_ok:
                confirm_new_person(self, parsed.owner,
                                   lambda: self.submit(text, new_person_ok=True))
                return
            item = self.session.add_action(title=parsed.title, owner=parsed.owner,
                                           due=parsed.due, department=parsed.department)
        except (QuickAddError, CheckinError) as exc:
            self._show(str(exc), "-error")
            return
        self.input.value = self.confirming = ""
        self._show(f"Added {item.id}: {item.title} ({item.owner}, due "
                   f"{describe(item.due, self.session.today)})", "-added")
        self.notify(f"{item.title} → {item.owner}, due {describe(item.due, self.session.today)}",
                    title=f"Action item {item.id} added")
        self.post_message(self.Added(item))

    def action_close(self) -> None:
        self.post_message(self.Closed())
