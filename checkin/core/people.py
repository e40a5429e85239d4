"""One-line action items: ``@Maria #Sales fix CRM dedupe due:fri``. No UI here.

``@name`` is the owner, ``#dept`` the department, ``due:...`` the due date (any form
`checkin.dates.parse_due` accepts); every other word is the title. Multi-word values are
typed with ``_`` or quotes: ``@Maria_Lopez``, ``@"Maria Lopez"``, ``#customer-support``,
``due:next_fri``, ``due:"next fri"``.
"""

from __future__ import annotations

from collections.abc import Iterable

from checkin.core.model import ActionItem, Agenda
from checkin.errors import CheckinError


class QuickAddError(ValueError):
    """A quick-add line that cannot become an action item; the message says what to add."""


def words(value: str) -> str:
    """``Maria_Lopez`` / ``customer-support`` -> spaced words."""
    return " ".join(value.replace("_", " ").replace("-", " ").split())


def resolve_person(typed: str, people: list[str]) -> str:
    """A full name from ``people`` matching a full or first name (case-insensitive), or
    starting with ``typed`` (3+ letters), else ``typed`` as is. Raises QuickAddError if
    that matches several people."""
    key = typed.casefold()
    full = [p for p in people if p.casefold() == key]
    if full:
        return full[0]
    first = list(dict.fromkeys(p for p in people if p.split() and p.split()[0].casefold() == key))
    if not first and len(key) >= 3:  # "pri" -> "Priya Raman", if nobody else starts so
        first = list(dict.fromkeys(p for p in people if p.casefold().startswith(key)))
    if len(first) > 1:
        options = ", ".join("@" + p.replace(" ", "_") for p in first)
        raise QuickAddError(f"@{typed} could be {options}: type the full name")
    return first[0] if first else typed


def resolve_department(typed: str, departments: list[str]) -> str:
    """The department ``typed`` names: whole name, or a unique prefix of it or of one of its
    words (``#cust``, ``#support``). Raises QuickAddError naming the departments."""
    key = words(typed).casefold()
    listing = ", ".join("#" + d.replace(" ", "_") for d in departments) or "(none defined)"
    exact = [d for d in departments if d.casefold() == key]
    if exact:
        return exact[0]
    matches = [d for d in departments if key and (
        d.casefold().startswith(key) or any(w.startswith(key) for w in d.casefold().split()))]
    if len(matches) == 1:
        return matches[0]
    if matches:
        return _fail(f"#{typed} could be " + ", ".join(matches) + "; type more of the name")
    return _fail(f"no department #{typed}; use one of {listing}")


def _fail(message: str) -> str:
    raise QuickAddError(message)


# The name-matching errors the `rules` work defines (minimal stand-ins until it lands):
# callers catch these to tell "nobody by that name" from "several people".
class NameMatchError(CheckinError, ValueError):
    """A typed name that matches no one, or several; the message says what to type."""

    def __init__(self, message: str, typed: str, candidates: list[str]) -> None:
        super().__init__(message)
        self.typed = typed
        self.candidates = candidates


class AmbiguousName(NameMatchError):
    """A typed name matching several people or departments."""


class UnknownName(NameMatchError):
    """A typed name matching nobody known."""


def known_people(items: Iterable[ActionItem], agenda: Agenda | None = None) -> list[str]:
    """Names to match against: the agenda's representatives first, then every item owner
    (sorted), each once (the `rules` work's signature)."""
    reps = [d.representative for d in agenda.departments] if agenda else []
    reps = [r for r in reps if r and r.strip()]
    rest = sorted({i.owner for i in items if i.owner and i.owner.strip()} - set(reps),
                  key=str.casefold)
    return list(dict.fromkeys([*reps, *rest]))
