"""Wrap-up: summary, ratings, completion rate, time per section, next date, end meeting."""

from __future__ import annotations

from datetime import date

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, Horizontal, VerticalScroll
from textual.content import Content
from textual.geometry import Size
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Button, TextArea

from checkin import clock
from checkin.core.model import ROOM_RATING, Meeting
from checkin.errors import CheckinError
from checkin.render.numbers import format_number
from checkin.render.terminal import safe
from checkin.services.wrapup import SectionTime, parse_rating, section_times
from checkin.tui.dialogs.confirm import ConfirmDialog
from checkin.tui.sections.base import SectionEditor
from checkin.tui.widgets.date_input import DateInput
from checkin.tui.widgets.plain import Input, Label
from checkin.tui.widgets.theme_style import theme_style

ROOM = ROOM_RATING


def end_question() -> ConfirmDialog:
    """Enter ends the meeting; escape, ``n`` or "Not yet" goes back to the wrap-up."""
    return ConfirmDialog("End the meeting now?",
                         "Timers stop and the minutes are ready to export.",
                         yes="Yes, end it", no="Not yet", variant="error", default="yes")


class RatingInput(Input):
    """A 1-10 rating for ``key`` ("room" or an attendee's name)."""

    def __init__(self, key: str, value: int | None) -> None:
        super().__init__("" if value is None else str(value), restrict=r"\d{0,2}",
                         max_length=2, compact=True, placeholder="1-10", classes="rating")
        self.key = key


class TimeTable(Widget):
    """Planned vs actual minutes per section, drawn by one widget (it was 36 Labels in a
    grid): a head, then a line per section; an over-time line says "+N over", in colour.
    Columns: the title (what is left, cut at a word), planned and actual (right-aligned
    in 9), the excess (12)."""

    DEFAULT_CSS = """
    TimeTable { height: auto; max-width: 72; }
    """
    HEAD = "$text-muted bold underline"
    OVER = "$text-error bold"

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002
        super().__init__(id=id)
        self.rows: list[tuple[str, str, str, str]] = []
        self.over: list[bool] = []

    def show(self, times: list[SectionTime]) -> None:
        self.rows = [(t.title, format_number(t.planned_minutes), f"{t.actual_minutes:.1f}",
                      f"+{t.actual_minutes - t.planned_minutes:.1f} over" if t.over else "")
                     for t in times]
        self.over = [t.over for t in times]
        self.refresh(layout=True)

    def line(self, cells: tuple[str, str, str, str], style: str, width: int) -> Content:
        title, planned, actual, over = (Content.styled(safe(c), style) for c in cells)
        title_width = max(1, width - 30)
        return Content("").join([
            (title.wrap(title_width) or [Content("")])[0].truncate(title_width, pad=True),
            planned.right(9), actual.right(9), Content("  "), over.truncate(10)])

    def get_content_width(self, container: Size, viewport: Size) -> int:
        return container.width

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return 1 + len(self.rows)

    def render(self) -> Content:
        width = self.content_size.width
        head = self.line(("Section", "Planned", "Actual", ""), theme_style(self, self.HEAD),
                         width)
        over = theme_style(self, self.OVER)
        return Content("\n").join([head, *(self.line(row, over if late else "", width)
                                           for row, late in zip(self.rows, self.over))])


class WrapUpEditor(SectionEditor):
    """ctrl+e asks to confirm (``end_question``), then ends the meeting and posts ``Ended``."""

    BINDINGS = [
        Binding("ctrl+e", "end", "End meeting", id="wrapup.end", priority=True,
                tooltip="End the meeting (asks to confirm); the minutes are then ready"),
        Binding("ctrl+o", "screen.minutes", "Minutes", id="wrapup.minutes", priority=True,
                tooltip="Preview (and export) the minutes of this meeting"),
    ]

    class Ended(Message):
        """The meeting was ended and saved; the screen shows the minutes."""

        def __init__(self, meeting: Meeting) -> None:
            super().__init__()
            self.meeting = meeting

    def compose(self) -> ComposeResult:
        meeting = self.session.meeting
        with VerticalScroll(id="wrapup-body", can_focus=False):
            yield Label("Summary", classes="part-title")
            yield TextArea(safe(meeting.summary), id="summary", placeholder="One-line summary",
                           tab_behavior="focus")
            yield Label("Rating 1-10: one for the room, or one per attendee",
                        classes="part-title")
            with Grid(id="ratings"):
                for key in [ROOM] + self.attendees():
                    with Horizontal(classes="rating-cell"):
                        yield Label("Room" if key == ROOM else key, classes="rating-name")
                        yield RatingInput(key, meeting.ratings.get(key))
            yield Label(self._mean(), id="rating-message")
            yield Label("", id="completion")
            yield Label("Time per section (minutes)", classes="part-title")
            yield TimeTable(id="times")
            with Horizontal(id="next-row"):
                yield Label("Next meeting", classes="part-title")
                yield self._next_input()
            with Horizontal(id="end-row"):
                yield Button("End meeting (ctrl+e)", id="end", variant="error")

    def _next_input(self) -> DateInput:
        nm = self.session.meeting.next_meeting
        return DateInput(today=self.session.today, dayfirst=self.session.dayfirst,
                         text=nm.isoformat() if nm else "", placeholder="e.g. +1w, mon",
                         id="next-meeting")

    def attendees(self) -> list[str]:
        """Names of the present attendees (the department's name when no person is set)."""
        names = [a.person or a.department for a in self.session.meeting.attendance if a.present]
        return list(dict.fromkeys(names))

    def on_mount(self) -> None:
        self.query_one("#completion", Label).update(
            "Action items since last meeting: "
            + self.session.completion().describe())
        self.refresh_times()
        self.set_interval(5, self.refresh_times)
        self.watch(self.query_one("#next-meeting"), "value", self._next_meeting, init=False)

    def focus_first(self) -> None:
        # The summary is the top of the scroll already. Letting focus scroll it into view
        # raced the first layout: now and then the body opened scrolled 2 lines down,
        # hiding the "Summary" heading.
        self.query_one("#summary", TextArea).focus(scroll_visible=False)

    def refresh_times(self) -> None:
        """Planned vs actual minutes; over-time rows are marked in text and colour."""
        self.query_one("#times", TimeTable).show(section_times(self.session.meeting))

    def _mean(self) -> str:
        rating = self.session.meeting.rating
        if rating is None:
            return "No rating yet"
        return f"Meeting rating {format_number(rating)} ({self.session.meeting.rating_basis()})"

    @on(TextArea.Changed, "#summary")
    def _summary(self, event: TextArea.Changed) -> None:
        event.stop()
        self.session.edit(self.session.meeting, summary=event.text_area.text)

    @on(Input.Changed, ".rating")
    def _rating(self, event: Input.Changed) -> None:
        event.stop()
        field = event.input
        if not isinstance(field, RatingInput):
            return
        message = self.query_one("#rating-message", Label)
        try:
            value = parse_rating(event.value) if event.value.strip() else None
        except ValueError as exc:
            value = None  # what the field shows is not a rating: keep none for it
            who = "Room" if field.key == ROOM else field.key
            message.set_classes("-error").update(f"{who}: {exc}; not saved")
        else:
            message.set_classes("")
        self.session.set_rating(field.key, value)
        if value is None:
            if not message.has_class("-error"):
                message.update(self._mean())
            return
        message.set_classes("").update(self._mean())

    def _next_meeting(self, value: date | None) -> None:
        if value is not None:
            self.session.edit(self.session.meeting, next_meeting=value)

    def action_end(self) -> None:
        if self.session.meeting.status == "ended":
            self.notify("This meeting has already ended", severity="warning")
            return
        self.app.push_screen(end_question(), self._confirmed)

    @on(Button.Pressed, "#end")
    def _end_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_end()

    def _confirmed(self, yes: bool | None) -> None:
        if not yes:
            self.query_one("#end", Button).focus()
            return
        try:
            self.session.end(clock.now())
        except CheckinError as exc:  # nothing lost: still in progress, retried on save
            self.post_message(self.SaveFailed(f"Meeting not ended: {exc}"))
            return
        self.post_message(self.Ended(self.session.meeting))
