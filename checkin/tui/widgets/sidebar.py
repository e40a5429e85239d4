"""The meeting's sections down the side: timebox, current one highlighted, done ones ticked."""

from __future__ import annotations

from dataclasses import dataclass

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.reactive import reactive

from checkin.core.model import Section
from checkin.render.terminal import safe
from checkin.tui.widgets.drawn_lines import DrawnLines
from checkin.tui.widgets.plain import Label


def minutes_used(section: Section, elapsed: float) -> str:
    """``4/10m``: whole minutes used of the section's timebox."""
    return f"{int(elapsed // 60)}/{section.timebox_minutes}m"


@dataclass(frozen=True)
class Row:
    """One section as the list shows it."""

    name: str  # with its marker: "▶ 2 Metrics", "✓ 1 Attendance"
    time: str  # "4/10m"
    state: str  # "", "current", "done", "unfinished"
    over: bool  # past its timebox


class SectionList(DrawnLines):
    """The sections, one line each, drawn by one widget (a row was a container and two
    Labels: 25 widgets restyled on each section change). The name is cut with … to leave
    the minutes room."""

    COMPONENT_CLASSES = {"section-list--current", "section-list--done",
                         "section-list--unfinished", "section-list--over",
                         "section-list--current-over"}
    DEFAULT_CSS = """
    SectionList {
        height: auto;
        color: $text-muted;
        .section-list--done { color: $text-success; }
        .section-list--unfinished { color: $text-warning; text-style: bold; }
        .section-list--current { background: $accent; color: $text; text-style: bold; }
        .section-list--over { color: $text-error; text-style: bold; }
        .section-list--current-over { color: $text; background: $error; }
    }
    """

    def __init__(self, rows: list[Row]) -> None:
        super().__init__(classes="sidebar-sections")
        self.rows = rows

    def show(self, rows: list[Row]) -> None:
        if rows != self.rows:
            self.rows = rows
            self.refresh()

    def line(self, row: Row, width: int) -> Content:
        style = (self.get_visual_style(f"section-list--{row.state}") if row.state
                 else None)
        time_style = None
        if row.over:
            time_style = self.get_visual_style(
                "section-list--current-over" if row.state == "current"
                else "section-list--over")
        time = Content.styled(" " + row.time, time_style) if time_style else Content(
            " " + row.time)
        name = Content(safe(row.name)).truncate(max(0, width - time.cell_length),
                                                ellipsis=True, pad=True)
        line = Content.assemble(name, time)
        return line.stylize_before(style) if style else line

    def lines(self, width: int) -> list[Content]:
        return [self.line(row, width) for row in self.rows]


class SectionSidebar(Vertical):
    """The agenda's sections; ``current`` moves the highlight, ``show_elapsed`` the times."""

    current: reactive[int] = reactive(0, init=False)

    def __init__(self, sections: list[Section], *, current: int = 0,
                 id: str | None = None) -> None:
        super().__init__(id=id)
        self.sections = sections
        self.set_reactive(SectionSidebar.current, current)
        self.elapsed: list[float] = []
        self.ended = False
        self.unfinished: frozenset[int] = frozenset()
        self.list = SectionList(self.rows())

    def compose(self) -> ComposeResult:
        yield Label("Agenda", classes="sidebar-title")
        yield self.list
        yield Label("pgdn next · pgup back", classes="sidebar-keys")  # not in the footer

    def watch_current(self, current: int) -> None:
        self.list.show(self.rows())

    def show_elapsed(self, elapsed: list[float], ended: bool = False,
                     unfinished: frozenset[int] = frozenset()) -> None:
        """Refresh the minutes used per section (and tick them all once ended); a section
        left with work in it (``unfinished``) is marked ``!``, not ticked."""
        self.elapsed, self.ended, self.unfinished = list(elapsed), ended, unfinished
        self.list.show(self.rows())

    def rows(self) -> list[Row]:
        rows = []
        for n, section in enumerate(self.sections):
            seconds = self.elapsed[n] if n < len(self.elapsed) else 0.0
            left_open = n in self.unfinished and n != self.current
            done = n < self.current or self.ended
            marker = ("! " if left_open else "✓ ") if done else (
                "▶ " if n == self.current else "  ")
            state = ("current" if n == self.current else
                     "unfinished" if left_open and n < self.current else
                     "done" if done and not left_open else "")
            rows.append(Row(f"{marker}{n + 1} {section.title}",
                            minutes_used(section, seconds), state,
                            seconds > section.timebox_minutes * 60))
        return rows
