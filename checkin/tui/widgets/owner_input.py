"""An owner field that completes names of representatives and earlier owners."""

from __future__ import annotations

from textual.suggester import SuggestFromList

from checkin.core.people import resolve_person
from checkin.core.quickadd import QuickAddError
from checkin.tui.widgets.plain import Input


class OwnerInput(Input):
    """Type ``pri`` and press right (or end) to accept "Priya Raman"; case-insensitive.

    Feed it ``session.people()``; names not in the list are accepted as typed.
    """

    def __init__(self, people: list[str], value: str = "", *, placeholder: str = "owner",
                 compact: bool = False, id: str | None = None,
                 classes: str | None = None) -> None:
        super().__init__(value, placeholder=placeholder, compact=compact, id=id,
                         classes=classes,
                         suggester=SuggestFromList(people, case_sensitive=False))
        self.people = list(people)

    def set_people(self, people: list[str]) -> None:
        """Replace the names offered (e.g. after a new owner was added)."""
        self.people = list(people)
        self.suggester = SuggestFromList(self.people, case_sensitive=False)

    def resolved(self) -> str:
        """The typed name; a full or first name from the list (any case) gives the full name
        as listed, e.g. "priya" -> "Priya Raman"."""
        typed = " ".join(self.value.split())
        try:
            return resolve_person(typed, self.people) if typed else ""
        except QuickAddError:  # a first name shared by several people: keep it as typed
            return typed
