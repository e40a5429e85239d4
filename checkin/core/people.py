"""The one rule that turns a typed name into a person or a department. No I/O, no UI.

Quick add, the owner fields, reassign, the roadblock form, prompt completion and the CLI
filters (``checkin actions --owner pri``) all call `resolve_person` / `resolve_department`,
so ``pri`` means the same person everywhere, or is the same error everywhere.

A typed text matches, case-insensitively and with ``_``/``-`` read as spaces:
1. a whole name (``priya raman``), else
2. names that start with it (``priya r``) or have a word that starts with it (``pri``,
   ``raman``, ``support``). One such name is the answer; several raise `AmbiguousName`
   listing them; none raises `UnknownName`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from checkin.core.model import Agenda
from checkin.errors import CheckinError


class NameMatchError(CheckinError, ValueError):
    """A typed name that is not exactly one known name (exit code 2)."""

    def __init__(self, message: str, typed: str, candidates: list[str]) -> None:
        super().__init__(message)
        self.typed = typed
        self.candidates = candidates


class AmbiguousName(NameMatchError):
    """The typed text fits several names; ``candidates`` lists them."""


class UnknownName(NameMatchError):
    """The typed text fits no known name; ``candidates`` lists the known ones."""


def words(value: str) -> str:
    """``Maria_Lopez`` / ``customer-support`` / `` a  b `` -> single-spaced words."""
    return " ".join(value.replace("_", " ").replace("-", " ").split())


def matches(typed: str, names: Iterable[str]) -> list[str]:
    """The names ``typed`` fits under the rule above (no error): one whole-name match, or
    every prefix match, in the order given, without repeats."""
    key = words(typed).casefold()
    unique = list(dict.fromkeys(n for n in names if n and n.strip()))
    if not key:
        return []
    whole = [n for n in unique if words(n).casefold() == key]
    if whole:
        return whole[:1]
    return [n for n in unique
            if words(n).casefold().startswith(key)
            or any(w.startswith(key) for w in words(n).casefold().split())]


def _resolve(typed: str, names: Iterable[str], unknown: Callable[[str], str]) -> str:
    known = list(dict.fromkeys(n for n in names if n and n.strip()))
    found = matches(typed, known)
    shown = " ".join(typed.split())
    if len(found) == 1:
        return found[0]
    if found:
        found = sorted(found, key=str.casefold)  # the same message whatever the list order
        raise AmbiguousName(f'"{shown}" could be {", ".join(found)}: type more of the name',
                            typed, found)
    raise UnknownName(unknown(shown), typed, known)


def resolve_person(typed: str, people: Iterable[str]) -> str:
    """The one person ``typed`` names, spelled as in ``people``.

    Raises `AmbiguousName` (``"ma" could be Marcus Okafor, Maria Lopez: type more of the
    name``) or `UnknownName` (``nobody called "zed" yet; ...``)."""
    return _resolve(typed, people, lambda shown: f'nobody called "{shown}" yet; check the '
                    "spelling, or add them as a new person")


def person_or_new(typed: str, people: Iterable[str]) -> tuple[str, bool]:
    """`resolve_person`, except that a name nobody has comes back as typed (``_`` read as a
    space) with ``True``: the caller asks "new person?". Still raises `AmbiguousName`."""
    try:
        return resolve_person(typed, people), False
    except UnknownName:
        name = " ".join(typed.replace("_", " ").split())  # "Jean-Luc" keeps its hyphen
        if not name:
            raise
        return name, True


def resolve_department(typed: str, departments: Iterable[str]) -> str:
    """The one department ``typed`` names (``#cust``, ``support``, ``customer-support``).

    Raises `AmbiguousName` or `UnknownName`, the latter listing the departments."""
    known = list(dict.fromkeys(d for d in departments if d and d.strip()))
    listing = ", ".join(known) or "none are defined in this agenda"
    return _resolve(typed.lstrip("#"), known,
                    lambda shown: f'no department called "{shown}"; use one of: {listing}')


def known_people(owners: Iterable[str], agenda: Agenda | None = None) -> list[str]:
    """Names to match against: the agenda's representatives first, then every item owner
    given (``owners``; sorted), each once."""
    reps = [d.representative for d in agenda.departments] if agenda else []
    reps = [r for r in reps if r and r.strip()]
    rest = sorted({o for o in owners if o and o.strip()} - set(reps),
                  key=str.casefold)
    return list(dict.fromkeys([*reps, *rest]))
