"""One-line action items: ``@Maria #Sales fix CRM dedupe due:fri``. No UI here.

``@name`` is the owner, ``#dept`` the department, ``due:...`` the due date (any form
`checkin.dates.parse_due` accepts); every other word is the title. Multi-word values are
typed with ``_`` or quotes: ``@Maria_Lopez``, ``@"Maria Lopez"``, ``#customer-support``,
``due:next_fri``, ``due:"next fri"``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from checkin.core.dates import DueDateError, parse_due
from checkin.core.people import person_or_new, resolve_department

_TOKEN = re.compile(r'(?P<tag>@|#|(?i:due:))?(?:"(?P<quoted>[^"]*)"|(?P<word>\S+))')


class QuickAddError(ValueError):
    """A quick-add line that cannot become an action item; the message says what to add."""


@dataclass(frozen=True)
class QuickAdd:
    title: str
    owner: str
    department: str
    due: date
    due_is_default: bool = False
    owner_is_new: bool = False  # nobody of that name yet: the app asks "new person?"


def parse_quick_add(
    text: str,
    *,
    today: date,
    next_meeting: date | None,
    dayfirst: bool = False,
    departments: list[str],
    people: list[str],
    representatives: Mapping[str, str] | None = None,
) -> QuickAdd:
    """Parse a quick-add line. ``representatives`` maps a person to their department, the
    default when no ``#dept`` is typed. Raises QuickAddError saying what is missing, and
    the people rule's `AmbiguousName` / `UnknownName` for an unclear ``@name`` or ``#dept``;
    an owner nobody has yet comes back with ``owner_is_new`` set, for the caller to confirm."""
    title: list[str] = []
    owners: list[str] = []
    depts: list[str] = []
    dues: list[str] = []
    for m in _TOKEN.finditer(text):
        tag, value = m["tag"], m["word"] if m["word"] is not None else m["quoted"]
        if tag is None:
            title.append(m[0])
        elif tag == "@":
            owners.append(" ".join(value.replace("_", " ").split()).rstrip(",;:."))
        elif tag == "#":
            depts.append(value)
        else:
            dues.append(" ".join(value.replace("_", " ").split()))
    if len(owners) > 1 or len(depts) > 1 or len(dues) > 1:
        raise QuickAddError("one @owner, one #department and one due: per item")

    problems = []
    if not title:
        problems.append("a title (what needs doing)")
    if not owners or not owners[0]:
        problems.append("an owner: add @name")
    if problems:
        raise QuickAddError("missing " + " and ".join(problems))

    owner, new = person_or_new(owners[0], people)
    if depts:
        department = resolve_department(depts[0], departments)
    else:
        reps = {k.casefold(): v for k, v in (representatives or {}).items()}
        department = reps.get(owner.casefold(), "")

    if dues:
        try:
            due = parse_due(dues[0], today=today, next_meeting=next_meeting, dayfirst=dayfirst)
        except DueDateError as exc:
            raise QuickAddError(str(exc)) from None
    elif next_meeting is None:
        raise QuickAddError("no next meeting date to default to: add due:fri or due:+1w")
    else:
        due = next_meeting
    return QuickAdd(" ".join(title), owner, department, due, due_is_default=not dues,
                    owner_is_new=new)
