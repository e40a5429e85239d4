"""The meeting screen's header: wall clock, section and meeting time, over-time in words."""

from __future__ import annotations

from datetime import datetime

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
    """Title, wall clock, elapsed/remaining of the current section and of the meeting."""

    def __init__(self, title: str, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.title_text = title

    def compose(self) -> ComposeResult:
        yield Label(self.title_text, id="clock-title")
        yield Label("", id="clock-section")
        yield Label("", id="clock-meeting")
        yield Label("", id="clock-saved")
        yield Label("", id="clock-wall")

    def show(self, *, now: datetime, section_elapsed: float,
             section_minutes: int, meeting_elapsed: float, meeting_minutes: int) -> None:
        """Update every part of the header."""
        narrow = self.screen.has_class("-narrow")  # 80 columns: keep the title readable
        text, over = budget(section_elapsed, section_minutes)
        section = self.query_one("#clock-section", Label)
        section.update(f"section {text.split(' · ')[1]}" if narrow else f"Section {text}")
        section.set_class(over, "-over")
        text, over = budget(meeting_elapsed, meeting_minutes)
        meeting = self.query_one("#clock-meeting", Label)
        meeting.update(f"meeting {text.split(' · ')[1]}" if narrow else f"Meeting {text}")
        meeting.set_class(over, "-over")
        self.query_one("#clock-wall", Label).update(now.strftime("%H:%M"))

    def show_saved(self, text: str, *, pending: bool = False) -> None:
        label = self.query_one("#clock-saved", Label)
        label.update(text)
        label.set_class(pending, "-pending")
