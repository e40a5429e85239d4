"""New action items: a fast form (title, owner, department, due) and this meeting's list."""

from __future__ import annotations

from datetime import date

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid
from textual.message import Message
from textual.suggester import SuggestFromList
from textual.widgets import ListItem, ListView

from checkin.core.dates import describe
from checkin.core.model import ActionItem, Section
from checkin.core.people import AmbiguousName, NameMatchError, UnknownName, resolve_department
from checkin.errors import CheckinError
from checkin.tui.sections.base import SectionEditor
from checkin.tui.session import MeetingSession
from checkin.tui.widgets.date_input import DateInput
from checkin.tui.widgets.owner_input import OwnerInput, confirm_new_person
from checkin.tui.widgets.plain import Input, Label

NEXT_MEETING = "next meeting"


def new_item_text(item: ActionItem, today: date) -> Text:
    """Two lines the facilitator reads back: the title, then owner and due date in full
    (the label wraps, so neither is ever cut off)."""
    dept = f" · {item.department}" if item.department else ""
    dropped = "  (dropped)" if item.status == "dropped" else ""
    return Text.assemble((f"{item.id}  ", "bold"), item.title, dropped,
                         "\n    → ", (item.owner, "bold"), dept, "  due ",
                         (describe(item.due, today), "bold"))


class ActionsList(ListView):
    """This meeting's new items, newest last; x drops, e edits the highlighted one."""

    BINDINGS = [
        Binding("e", "item('edit')", "Edit", id="actions.edit",
                tooltip="Load the highlighted item into the form to change it"),
        Binding("x", "item('drop')", "Drop", id="actions.drop",
                tooltip="Drop the highlighted item (kept in history as dropped)"),
    ]

    class Picked(Message):
        """``what`` ("edit" or "drop") was asked for the item at ``index``."""

        def __init__(self, index: int, what: str) -> None:
            super().__init__()
            self.index = index
            self.what = what

    def action_item(self, what: str) -> None:
        if self.index is not None:
            self.post_message(self.Picked(self.index, what))


class ActionsEditor(SectionEditor):
    """Enter moves title → owner → department → due; Enter on due adds (or saves an edit)."""

    BINDINGS = [
        Binding("ctrl+n", "new_item", "New item", id="actions.new", priority=True,
                tooltip="Clear the form to type a new item (cancels an edit)"),
    ]

    def __init__(self, session: MeetingSession, section: Section, *,
                 id: str | None = None) -> None:
        super().__init__(session, section, id=id)
        self.editing: ActionItem | None = None
        self.items: list[ActionItem] = []
        self.auto_department = ""  # what _fill_department put in (replaced if owner changes)
        self.departments = [d.name for d in session.meeting.agenda.departments]

    def compose(self) -> ComposeResult:
        session = self.session
        with Grid(id="action-form"):
            yield Label("Title", classes="form-label")
            yield Input(placeholder="what needs doing", id="action-title")
            yield Label("Owner", classes="form-label")
            yield OwnerInput(session.people(), placeholder="owner (→ completes)",
                             id="action-owner")
            yield Label("Dept", classes="form-label")
            yield Input(placeholder="dept (→ completes)", id="action-dept",
                        suggester=SuggestFromList(self.departments, case_sensitive=False))
            yield Label("Due", classes="form-label")
            yield DateInput(today=session.today, next_meeting=session.meeting.next_meeting,
                            dayfirst=session.dayfirst, text=NEXT_MEETING, id="action-due")
        yield Label("Enter on Due adds the item", id="action-message", classes="-hint")
        yield Label("New in this meeting", classes="list-title")
        yield ActionsList(id="action-list")

    def on_mount(self) -> None:
        self.refresh_list()

    def focus_first(self) -> None:
        self.query_one("#action-title", Input).focus()

    def reload(self) -> None:
        """Show items added elsewhere (the quick-add bar) in the list."""
        self.refresh_list()

    # ------------------------------------------------------------ the form
    def _say(self, text: str, kind: str) -> None:
        self.query_one("#action-message", Label).set_classes(kind).update(text)

    @on(Input.Submitted, "#action-title, #action-owner, #action-dept")
    def _next_field(self, event: Input.Submitted) -> None:
        event.stop()
        order = {"action-title": "#action-owner", "action-owner": "#action-dept",
                 "action-dept": "#action-due"}
        if event.input.id == "action-owner":
            self._fill_department(self.query_one("#action-owner", OwnerInput).resolved())
        self.query_one(order[event.input.id or ""]).focus()

    @on(Input.Changed, "#action-owner")
    def _owner_typed(self, event: Input.Changed) -> None:
        event.stop()
        self._fill_department(self.query_one("#action-owner", OwnerInput).resolved())

    def _fill_department(self, owner: str) -> None:
        """The owner's department if they represent one, unless a department was typed."""
        dept = self.session.department_of(owner) if owner else ""
        dept_input = self.query_one("#action-dept", Input)
        if dept and dept_input.value.strip() in ("", self.auto_department):
            dept_input.value = self.auto_department = dept

    @on(DateInput.Submitted, "#action-due")
    def _due_entered(self, event: DateInput.Submitted) -> None:
        event.stop()
        self.submit()

    def submit(self, *, new_person_ok: bool = False) -> ActionItem | None:
        """Add (or save the edited) item from the form; say why not inline. An owner
        nobody has yet is asked about first ("new person?"), then submitted again."""
        title = " ".join(self.query_one("#action-title", Input).value.split())
        owner_input = self.query_one("#action-owner", OwnerInput)
        typed_dept = self.query_one("#action-dept", Input).value.strip()
        due_input = self.query_one("#action-due", DateInput)
        if not title:
            self._say("An action item needs a title: nothing was saved", "-error")
            self.query_one("#action-title").focus()
            return None
        try:
            owner, new = owner_input.resolve()
        except UnknownName:  # blank
            self._say("An action item needs an owner: nothing was saved", "-error")
            owner_input.focus()
            return None
        except AmbiguousName as exc:
            self._say(str(exc), "-error")
            owner_input.focus()
            return None
        if new and not new_person_ok:
            confirm_new_person(self, owner, lambda: self.submit(new_person_ok=True))
            return None
        try:
            dept = (resolve_department(typed_dept, self.departments) if typed_dept
                    else self.session.department_of(owner))
        except NameMatchError as exc:
            self._say(str(exc), "-error")
            self.query_one("#action-dept").focus()
            return None
        if due_input.value is None:
            self._say(due_input.error or "Type a due date", "-error")
            due_input.focus()
            return None
        try:
            item = self._store(title, owner, dept, due_input.value)
        except CheckinError as exc:
            self._say(str(exc), "-error")
            return None
        self._clear()
        self._say(f"Saved {item.id}: {item.title} → {item.owner}, due "
                  f"{describe(item.due, self.session.today)}", "-ok")
        self.refresh_list(highlight=item)
        return item

    def _store(self, title: str, owner: str, dept: str, due) -> ActionItem:
        session, item = self.session, self.editing
        if item is None:
            return session.add_action(title=title, owner=owner, due=due, department=dept)
        item.correct(title=title, owner=owner, department=dept, due=due, on=session.today,
                     meeting=session.meeting.id)
        session.save_action(item)
        self.editing = None
        return item

    def _clear(self) -> None:
        for selector in ("#action-title", "#action-owner", "#action-dept"):
            self.query_one(selector, Input).value = ""
        self.query_one("#action-due", DateInput).set_text(NEXT_MEETING)
        self.query_one("#action-owner", OwnerInput).set_people(self.session.people())
        self.focus_first()

    def action_new_item(self) -> None:
        self.editing = None
        self._clear()
        self._say("Enter on Due adds the item", "-hint")

    # ------------------------------------------------------------ the list
    def refresh_list(self, highlight: ActionItem | None = None) -> None:
        """Reload the list, keeping the highlighted row (or moving it to ``highlight``)."""
        self.items = self.session.new_actions()
        view = self.query_one("#action-list", ActionsList)
        index = view.index
        if highlight is not None:
            index = next((n for n, i in enumerate(self.items) if i.id == highlight.id), index)
        view.clear()
        today = self.session.today
        view.extend(
            ListItem(Label(new_item_text(i, today), classes="new-item"),
                     classes="-dropped" if i.status == "dropped" else "")
            for i in self.items
        )
        if index is not None and self.items:
            view.index = min(index, len(self.items) - 1)

    @on(ActionsList.Picked)
    def _picked(self, event: ActionsList.Picked) -> None:
        event.stop()
        if not 0 <= event.index < len(self.items):
            return
        item = self.items[event.index]
        if event.what == "drop":
            if item.status == "open":
                item.drop(self.session.today, self.session.meeting.id)
                try:
                    self.session.save_action(item)
                except CheckinError as exc:  # kept in the session, written with the next save
                    self.post_message(self.SaveFailed(f"Not saved yet: {exc}"))
                    return
                self._say(f"Dropped {item.id}: {item.title}", "-ok")
                self.refresh_list()
            return
        self.editing = item
        self.query_one("#action-title", Input).value = item.title
        self.query_one("#action-owner", OwnerInput).value = item.owner
        self.query_one("#action-dept", Input).value = item.department
        self.query_one("#action-due", DateInput).set_text(item.due.isoformat())
        self._say(f"Editing {item.id}: Enter on Due saves, ctrl+n cancels", "-hint")
        self.focus_first()
