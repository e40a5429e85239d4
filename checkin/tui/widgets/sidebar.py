"""The meeting's sections down the side: timebox, current one highlighted, done ones ticked."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.reactive import reactive

from checkin.core.model import Section
from checkin.tui.widgets.plain import Label


def minutes_used(section: Section, elapsed: float) -> str:
    """``4/10m``: whole minutes used of the section's timebox."""
    return f"{int(elapsed // 60)}/{section.timebox_minutes}m"


class SectionSidebar(Vertical):
    """One label per agenda section; ``current`` moves the highlight."""

    current: reactive[int] = reactive(0, init=False)

    def __init__(self, sections: list[Section], *, current: int = 0,
                 id: str | None = None) -> None:
        super().__init__(id=id)
        self.sections = sections
        self.set_reactive(SectionSidebar.current, current)

    def compose(self) -> ComposeResult:
        yield Label("Agenda", classes="sidebar-title")
        for n, section in enumerate(self.sections):
            with Horizontal(classes="sidebar-section", id=f"sidebar-section-{n}"):
                yield Label(f"  {n + 1} {section.title}", classes="sidebar-name")
                yield Label(minutes_used(section, 0), classes="sidebar-time")
        yield Label("pgdn next · pgup back", classes="sidebar-keys")  # not in the footer

    def on_mount(self) -> None:
        self.watch_current(self.current)

    def watch_current(self, current: int) -> None:
        for n, row in enumerate(self.query(".sidebar-section").results(Horizontal)):
            row.set_class(n == current, "-current")
            row.set_class(n < current, "-done")

    def show_elapsed(self, elapsed: list[float], ended: bool = False,
                     unfinished: frozenset[int] = frozenset()) -> None:
        """Refresh the minutes used per section (and tick them all once ended); a section
        left with work in it (``unfinished``) is marked ``!``, not ticked."""
        for n, row in enumerate(self.query(".sidebar-section").results(Horizontal)):
            section = self.sections[n]
            seconds = elapsed[n] if n < len(elapsed) else 0.0
            left_open = n in unfinished and n != self.current
            marker = ("! " if left_open else "✓ ") if n < self.current or ended else (
                "▶ " if n == self.current else "  ")
            row.set_class(left_open and n < self.current, "-unfinished")
            row.set_class((n < self.current or ended) and not left_open, "-done")
            row.query_one(".sidebar-name", Label).update(f"{marker}{n + 1} {section.title}")
            row.query_one(".sidebar-time", Label).update(minutes_used(section, seconds))
            row.set_class(seconds > section.timebox_minutes * 60, "-over")
