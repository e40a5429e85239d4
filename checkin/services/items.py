"""Action item changes from the shell (`checkin add/done/drop/redate/reassign`).

The same rules as the app: the quick-add line (`core.quickadd`), names (`core.people`),
dates (`core.dates`) and the model's own methods, which record history and slips. Every
change is checked first and written only when all of it is valid: bad input changes
nothing.
"""

from __future__ import annotations

from datetime import date

from checkin.core.dates import DueDateError, is_past, parse_due
from checkin.core.model import ActionItem, Agenda
from checkin.core.people import AmbiguousName, UnknownName, known_people, resolve_person
from checkin.core.quickadd import QuickAddError, parse_quick_add
from checkin.errors import CheckinError
from checkin.services.meetings import new_action, next_meeting_of
from checkin.store import Store


def people(store: Store, agenda: Agenda | None) -> list[str]:
    """Known names, as the app offers them (`core.people.known_people`)."""
    return known_people(store.owner_names(), agenda)


def known_person(typed: str, names: list[str], *, allow_new: bool) -> str:
    """``typed`` as a known full name; someone new only with ``allow_new``."""
    try:
        name = resolve_person(typed, names)
    except UnknownName:
        name = typed
    except (QuickAddError, AmbiguousName) as exc:
        raise CheckinError(str(exc)) from None
    if name not in names and not allow_new:
        raise UnknownName(
            f"nobody called {typed!r} owns an item or represents a department; check the "
            "spelling, or add --new to give it to someone new", typed, names)
    return " ".join(name.split())


def add(store: Store, line: str, *, agenda: Agenda, today: date, dayfirst: bool = False,
        allow_new: bool = False) -> ActionItem:
    """A new item from a quick-add line, for the agenda's next meeting to review."""
    names = people(store, agenda)
    departments = agenda.departments
    try:
        parsed = parse_quick_add(
            line, today=today, next_meeting=next_meeting_of(store, agenda, today),
            dayfirst=dayfirst, departments=[d.name for d in departments], people=names,
            representatives=agenda.representatives())
    except QuickAddError as exc:
        raise CheckinError(f"{exc}; e.g. checkin add \"@Dana #Sales fix CRM due:fri\"") from None
    owner = known_person(parsed.owner, names, allow_new=allow_new)
    return new_action(store, title=parsed.title, owner=owner, due=parsed.due, today=today,
                      department=parsed.department, agenda_id=agenda.id)


def open_items(store: Store, ids: list[str]) -> list[ActionItem]:
    """The open items named by ``ids`` (``A12`` or ``a12``); one error names the first bad."""
    items = []
    for typed in ids:
        try:
            item = store.action(typed.strip().upper())
        except CheckinError:
            raise CheckinError(f"no action item {typed!r}; nothing changed (ids are listed "
                               "by `checkin actions`)") from None
        if item.status != "open":
            raise CheckinError(f"{item.id} is already {item.status}; nothing changed "
                               "(see `checkin actions --status all`)")
        items.append(item)
    return list({i.id: i for i in items}.values())


def done(store: Store, ids: list[str], *, today: date) -> list[ActionItem]:
    items = open_items(store, ids)
    for item in items:
        item.mark_done(today)
        store.save_action(item)
    return items


def drop(store: Store, ids: list[str], *, today: date, reason: str = "") -> list[ActionItem]:
    items = open_items(store, ids)
    for item in items:
        item.drop(today, reason=" ".join(reason.split()))
        store.save_action(item)
    return items


def redate(store: Store, item_id: str, typed: str, *, today: date, dayfirst: bool = False,
           agenda: Agenda | None = None, past_ok: bool = False) -> ActionItem:
    """Move an item's due date (a slip in its history); a past date needs ``past_ok``."""
    [item] = open_items(store, [item_id])
    nm = next_meeting_of(store, agenda, today) if agenda else None
    try:
        due = parse_due(typed, today=today, next_meeting=nm, dayfirst=dayfirst)
    except DueDateError as exc:
        raise CheckinError(f"due date: {exc}") from None
    if is_past(due, today) and not past_ok:
        raise CheckinError(f"{due.isoformat()} is in the past; add --yes to keep it")
    item.redate(due, today)
    store.save_action(item)
    return item


def reassign(store: Store, item_id: str, typed: str, *, today: date,
             agenda: Agenda | None = None, allow_new: bool = False) -> ActionItem:
    [item] = open_items(store, [item_id])
    if not typed.strip():
        raise CheckinError("reassign to whom? give a name, e.g. checkin reassign A12 Dana")
    owner = known_person(typed.strip(), people(store, agenda), allow_new=allow_new)
    item.reassign(owner, today)
    store.save_action(item)
    return item
