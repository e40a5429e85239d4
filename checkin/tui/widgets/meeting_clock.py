"""The meeting screen's header: wall clock, section and meeting time, over-time in words."""

from __future__ import annotations

from datetime import datetime

from rich.cells import cell_len
from textual.app import ComposeResult
from textual.containers import Horizontal

from checkin.tui.widgets.plain import Label


def mmss(seconds: float) -> str:
    """``75`` -> ``1:15``; hours fold into minutes (``62:05``)."""
    whole = int(max(seconds, 0))
    return f"{whole // 60}:{whole % 60:02d}"


def budget(elapsed: float, minutes: int) -> tuple[str, bool]:
    """``"3:20 · 6:40 left"`` or ``"12:10 · +2:10 over"``, and whether over time."""
    left = minutes * 60 - elapsed
    if left >= 0:
        return f"{mmss(elapsed)} · {mmss(left)} left", False
    return f"{mmss(elapsed)} · +{mmss(-left)} over", True


class MeetingClock(Horizontal):
    """Title, wall clock, elapsed/remaining of the current section and of the meeting.

    The meeting's title is what the room looks for, so it gives way last: when the header
    is too narrow the clocks drop their elapsed time first, then the title its date, then
    the clocks their "left".
    """

    PADDING = 2  # each label's padding

    def __init__(self, title: str, date: str = "", *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.short_title = title
        self.title_text = f"{title} · {date}" if date else title
        self.forms: tuple[tuple[str, tuple[str, str]], ...] = ()  # set by show()

    def compose(self) -> ComposeResult:
        yield Label(self.title_text, id="clock-title")
        yield Label("", id="clock-section")
        yield Label("", id="clock-meeting")
        yield Label("", id="clock-saved")
        yield Label("", id="clock-wall")

    def show(self, *, now: datetime, section_elapsed: float,
             section_minutes: int, meeting_elapsed: float, meeting_minutes: int) -> None:
        """Update every part of the header."""
        section_text, section_over = budget(section_elapsed, section_minutes)
        meeting_text, meeting_over = budget(meeting_elapsed, meeting_minutes)
        full = (f"Section {section_text}", f"Meeting {meeting_text}")
        short = (f"section {section_text.split(' · ')[1]}",
                 f"meeting {meeting_text.split(' · ')[1]}")
        wall = self.query_one("#clock-wall", Label)
        wall.update(now.strftime("%H:%M"))
        bare = (short[0].removesuffix(" left"), short[1].removesuffix(" left"))  # "over" stays
        self.forms = ((self.title_text, full), (self.title_text, short),
                      (self.short_title, short), (self.short_title, bare))
        self.fit()
        self.query_one("#clock-section", Label).set_class(section_over, "-over")
        self.query_one("#clock-meeting", Label).set_class(meeting_over, "-over")

    def fit(self) -> None:
        """Show the richest form of title and clocks that fits (again after the saved
        mark or the width changed)."""
        if not self.forms:
            return
        title, (section_label, meeting_label) = self.fitting(self.forms)
        self.query_one("#clock-title", Label).update(title)
        self.query_one("#clock-section", Label).update(section_label)
        self.query_one("#clock-meeting", Label).update(meeting_label)

    def on_resize(self) -> None:
        self.fit()

    def fitting(self, forms: tuple[tuple[str, tuple[str, str]], ...]
                ) -> tuple[str, tuple[str, str]]:
        """The first (title, clocks) form that fits the header's width, else the last."""
        width = self.size.width
        if not width:
            return forms[0]
        fixed = sum(cell_len(str(label.content)) + label.styles.gutter.width for label in
                    self.query("#clock-saved, #clock-wall").results(Label) if label.display)
        # from their text, not their laid-out size: a section change updates them and
        # asks for this in one batch, before any layout
        for title, clocks in forms:
            needed = sum(len(text) + self.PADDING for text in (title, *clocks))
            if needed + fixed <= width:
                return title, clocks
        return forms[-1]

    def show_saved(self, text: str, *, pending: bool = False) -> None:
        label = self.query_one("#clock-saved", Label)
        label.update(text)
        label.set_class(pending, "-pending")
        self.fit()
