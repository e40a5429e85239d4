"""The scorecard: type each metric's actual value; on/off track shows as you type."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.events import Resize
from textual.widgets import Input, Label

from checkin.meetings import add_roadblock
from checkin.model import MetricDef, MetricReading, Section
from checkin.queries import metric_history
from checkin.roadblock_list import find_open
from checkin.scorecard import (
    MetricValueError,
    format_number,
    format_target,
    off_track_title,
    parse_metric_value,
    sparkline,
)
from checkin.tui.sections.base import SectionEditor
from checkin.tui.session import MeetingSession

NARROW = 72  # below this many columns the trend column is hidden
MARKS = {True: "✓ on", False: "✗ off", None: "·"}


class MetricRow(Vertical):
    """One metric: target, actual (Input), on/off mark, trend, comment; an error line."""

    BINDINGS = [  # here, not on the editor: the scroll container would take up/down first
        Binding("up", "move(-1)", "Up", show=False, id="metrics.up",
                tooltip="Same field of the previous metric"),
        Binding("down", "move(1)", "Down", show=False, id="metrics.down",
                tooltip="Same field of the next metric"),
    ]

    def __init__(self, metric: MetricDef, reading: MetricReading, trend: str) -> None:
        super().__init__(classes="metric-row")
        self.metric = metric
        self.reading = reading
        self.trend = trend

    def compose(self) -> ComposeResult:
        m = self.metric
        with Horizontal(classes="metric-cells"):
            yield Label(m.name, classes="name")
            yield Label(format_target(m), classes="target")
            yield Input(format_number(self.reading.value), placeholder="actual", compact=True,
                        classes="value", select_on_focus=False)
            yield Label("", classes="mark")
            yield Label(self.trend, classes="trend")
            yield Input(self.reading.comment, placeholder="comment", compact=True,
                        classes="comment")
        yield Label("", classes="error")

    def on_mount(self) -> None:
        self.show_mark()

    def show_mark(self) -> None:
        state = self.metric.on_track(self.reading.value)
        self.query_one(".mark", Label).update(MARKS[state])
        self.set_class(state is True, "-on")
        self.set_class(state is False, "-off")

    def action_move(self, step: int) -> None:
        """Focus the same field of the previous/next metric (wrapping around)."""
        rows = list(self.parent.query_children(MetricRow)) if self.parent else [self]
        target = rows[(rows.index(self) + step) % len(rows)]
        focused = self.screen.focused
        kind = ".comment" if focused is not None and focused.has_class("comment") else ".value"
        target.query_one(kind, Input).focus()

    def show_error(self, message: str) -> None:
        self.query_one(".error", Label).update(message)
        self.set_class(bool(message), "-error")


class MetricsEditor(SectionEditor):
    """Type a value per metric; ctrl+r sends the focused off-track metric to roadblocks."""

    BINDINGS = [
        Binding("ctrl+r", "to_roadblock", "To roadblocks", id="metrics.to_roadblock",
                tooltip="Add the focused off-track metric to the roadblocks list"),
    ]

    def __init__(self, session: MeetingSession, section: Section, *,
                 id: str | None = None) -> None:
        super().__init__(session, section, id=id)
        self.add_class("metrics-editor")

    def compose(self) -> ComposeResult:
        meeting = self.session.meeting
        agenda = meeting.agenda
        yield Label("", id="metrics-summary", classes="section-summary")
        with Horizontal(classes="metrics-head"):
            for key, title in (("name", "Metric"), ("target", "Target"), ("value", "Actual"),
                               ("mark", "Track"), ("trend", "Trend"), ("comment", "Comment")):
                yield Label(title, classes=key)
        with VerticalScroll(id="metric-rows", can_focus=False):
            if not agenda.metrics:
                yield Label("This agenda has no metrics.", classes="empty")
            department = None
            for metric in agenda.metrics:
                if metric.department != department:
                    department = metric.department
                    yield Label(department, classes="department")
                reading = meeting.reading(metric.name)
                if reading is None:
                    reading = MetricReading(metric.name)
                    meeting.readings.append(reading)
                history = metric_history(self.session.store, agenda.id, metric.name,
                                         before=meeting.date)
                yield MetricRow(metric, reading, sparkline([v for _, v in history][-8:]))

    def on_mount(self) -> None:
        self.show_summary()

    def focus_first(self) -> None:
        for field in self.query(".value").results(Input):
            field.focus()
            return

    def show_summary(self) -> None:
        rows = list(self.query(MetricRow))
        read = [r for r in rows if r.reading.value is not None]
        off = [r for r in read if r.metric.on_track(r.reading.value) is False]
        self.query_one("#metrics-summary", Label).update(
            f"{len(read)} of {len(rows)} read · {len(off)} off track")

    def on_resize(self, event: Resize) -> None:
        self.set_class(event.size.width < NARROW, "-narrow")

    @on(Input.Changed, ".value")
    def _value(self, event: Input.Changed) -> None:
        event.stop()
        row = next(a for a in event.input.ancestors if isinstance(a, MetricRow))
        try:
            value = parse_metric_value(event.value, row.metric.unit)
        except MetricValueError as exc:
            row.show_error(f"{exc} (not saved)")
            return
        row.show_error("")
        if value != row.reading.value:
            row.reading.value = value
            self.session.changed()
        row.show_mark()
        self.show_summary()

    @on(Input.Changed, ".comment")
    def _comment(self, event: Input.Changed) -> None:
        event.stop()
        row = next(a for a in event.input.ancestors if isinstance(a, MetricRow))
        row.reading.comment = event.value
        self.session.changed()

    def focused_row(self) -> MetricRow | None:
        focused = self.screen.focused
        if focused is None:
            return None
        return next((a for a in focused.ancestors if isinstance(a, MetricRow)), None)

    def action_to_roadblock(self) -> None:
        row = self.focused_row()
        if row is None:
            return
        metric, value = row.metric, row.reading.value
        if metric.on_track(value) is not False:
            self.notify(f"{metric.name} is not off track: nothing to send",
                        severity="warning", timeout=3)
            return
        title = off_track_title(metric, value)
        if find_open(self.session.meeting, title):
            self.notify("Already on the roadblocks list", severity="warning", timeout=3)
            return
        add_roadblock(self.session.meeting, title, raised_by=metric.department,
                      blocking=[metric.department])
        self.session.changed()
        self.notify(f"Sent to roadblocks: {title}", timeout=4)
