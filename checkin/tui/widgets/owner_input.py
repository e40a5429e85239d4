"""An owner field that completes names of representatives and earlier owners, and the one
"new person?" question every owner entry asks."""

from __future__ import annotations

from collections.abc import Callable

from textual.suggester import SuggestFromList
from textual.widget import Widget

from checkin.core.people import NameMatchError, person_or_new, resolve_person
from checkin.tui.widgets.plain import Input


class OwnerInput(Input):
    """Type ``pri`` and press right (or end) to accept "Priya Raman"; case-insensitive.

    Feed it ``session.people()``; `resolve` applies the people rule to what was typed.
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

    def resolve(self) -> tuple[str, bool]:
        """(name, is new) by the people rule; raises `AmbiguousName` or, if blank,
        `UnknownName`."""
        return person_or_new(self.value, self.people)

    def resolved(self) -> str:
        """The one person typed so far, or ``""`` while it is unclear (for hints)."""
        try:
            return resolve_person(self.value, self.people)
        except NameMatchError:
            return ""


def confirm_new_person(widget: Widget, name: str, then: Callable[[], object]) -> None:
    """Ask "new person?" in the one confirm dialog; call ``then`` only on yes."""
    from checkin.tui.dialogs.confirm import ConfirmDialog

    question = f"Nobody called “{name}” yet. Add {name} as a new person?"  # shown as text

    def answered(yes: bool | None) -> None:
        if yes:
            then()

    widget.app.push_screen(ConfirmDialog(question, yes="Add person", no="Back"), answered)
