"""The scorecard: type each metric's actual value; on/off track shows as you type."""

from __future__ import annotations

from textual import events, on
from textual.actions import SkipAction
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widget import Widget

from checkin.core.metrics import MetricValueError, parse_metric_value
from checkin.core.model import MetricDef, MetricReading, Section
from checkin.core.prep import from_prep, prep_summary
from checkin.core.roadblocks import find_open
from checkin.core.rules import metric_roadblock
from checkin.render.numbers import format_number, format_target, sparkline
from checkin.services.meetings import add_roadblock
from checkin.tui.sections.base import SectionEditor
from checkin.tui.sections.field_keys import (
    focus_now,
    focused_inside,
    next_field,
    replace_now,
    row_bindings,
)
from checkin.tui.sections.metric_cells import VALUE, IdleCells, Marks, MetricsHead, NameTarget
from checkin.tui.session import MeetingSession
from checkin.tui.widgets.plain import Input, Label
from checkin.tui.widgets.wrap_field import WrapField

NARROW = 60  # below this many columns the trend and comment columns shrink
WIDE = 80  # from this many columns the prep mark has its word, "✎ prep"
TREND = 8  # readings in the sparkline (NARROW_TREND when narrow)
NARROW_TREND = 6
MARKS = {True: "✓ on", False: "✗ off", None: "·"}
PREP_MARK = {True: "✎ prep", False: "✎"}  # by -wide; the summary line says "✎ N from prep"


class MetricRow(Vertical):
    """One metric: target, actual (Input), prep mark, on/off mark, trend; an error line;
    the comment.

    The comment is a sentence the room reads, so it has a wrapping line of its own under
    the metric, shown while the row has focus or once something is typed in it. A value
    (or comment) a prep form sent is marked ✎ until the room changes it. The comment line
    (a TextArea, the row's costliest part) is mounted when the row first takes the focus
    or holds a comment, and the error line only while there is an error to show. A row
    the room has not moved into is drawn by one widget (``IdleCells``, the same look);
    inside the key that moves there it becomes the cells the room types in: name and
    target, the value's Input, the marks (``value_input``).
    """

    def __init__(self, metric: MetricDef, reading: MetricReading,
                 history: list[float | None], *, live: bool = False) -> None:
        super().__init__(classes="metric-row")
        self.metric = metric
        self.reading = reading
        self.history = history
        self.comment_from_prep = False
        self.comment: WrapField | None = None  # with its line, once mounted
        self.comment_line: Horizontal | None = None
        self.typing = False  # the room is in this row: its comment line shows
        self.comment_mark: Label | None = None
        self.error_line: Label | None = None
        self.name_target = NameTarget(metric.name, format_target(metric))
        self.marks = Marks(sparkline(history[-TREND:]))
        self.value: Input | None = self._new_input() if live else None
        self.cells: Horizontal | IdleCells = (
            self._live_cells(self.name_target, self.value, self.marks)
            if self.value is not None else
            IdleCells(self.name_target, self.marks, format_number(reading.value)))
        self.show_mark()

    def compose(self) -> ComposeResult:
        yield self.cells
        if self.reading.comment.strip():
            yield self._comment_line()

    def _new_input(self) -> Input:
        return Input(format_number(self.reading.value), placeholder="actual", compact=True,
                     classes="value", select_on_focus=False)

    def _live_cells(self, *children: Widget) -> Horizontal:
        return Horizontal(*children, classes="metric-cells")

    @property
    def field(self) -> Widget:
        """What Tab stops at for the value: its Input, or the idle row that becomes it."""
        return self.cells if self.value is None else self.value

    @property
    def value_text(self) -> str:
        """The value as the row shows it (typed, or drawn as text)."""
        if self.value is not None:
            return self.value.value
        assert isinstance(self.cells, IdleCells)
        return self.cells.value

    def value_input(self) -> Input:
        """The value's Input, with the cells the room types in put in place of the idle
        row now if need be (in the DOM at once: it can take the focus before the next key
        is routed)."""
        if self.value is not None:
            return self.value
        self.value = self._new_input()
        self.cells = replace_now(self.cells, self._live_cells())
        self.cells.mount(self.name_target, self.value, self.marks)
        return self.value

    def columns(self, value: int, marks: dict[str, int]) -> None:
        """The value's column (with its gap) and the marks' widths, by the editor's width."""
        self.marks.columns(marks)
        if isinstance(self.cells, IdleCells):
            self.cells.value_width = value
            self.cells.refresh()

    def redraw(self) -> None:
        """Draw the idle row again after a change to its name, marks or value."""
        if isinstance(self.cells, IdleCells):
            self.cells.refresh()

    def _comment_line(self, *, now: bool = False) -> Horizontal:
        """The comment's line; ``now``: mounted in this row at once, with its parts."""
        self.comment_mark = Label("✎" if self.comment_from_prep else "↳",
                                  classes="comment-mark")
        self.comment = WrapField(self.reading.comment, classes="comment",
                                 placeholder="comment: why? (a sentence)")
        parts = (self.comment_mark, self.comment)
        self.comment_line = Horizontal(*(() if now else parts), classes="comment-line")
        self.show_line()
        if now:
            self.mount(self.comment_line)
            self.comment_line.mount(*parts)
        return self.comment_line

    def comment_field(self) -> WrapField:
        """The comment's field, mounted now if the row has none yet (in the DOM at once,
        so the next key's Tab reaches it and it can take the focus)."""
        if self.comment is None:
            self._comment_line(now=True)
        assert self.comment is not None
        return self.comment

    @property
    def comment_shown(self) -> bool:
        """Whether the comment line shows: while the room is in the row, or once the
        comment holds text (an empty one folds away when the room moves on)."""
        return self.typing or bool(self.reading.comment.strip())

    def show_line(self) -> None:
        """Show or fold the comment line: its own display, not a class on the row (a
        class restyles every widget in the row, ~30 ms of a Down key)."""
        if self.comment_line is not None:
            self.comment_line.display = self.comment_shown

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        if isinstance(event.widget, IdleCells) and self.screen.focused is event.widget:
            focus_now(self.value_input())  # a click, or focus given back: not in a key
        self.enter()

    def enter(self) -> None:
        """The row is being typed in: its comment line is mounted and shown, so the next
        Tab reaches it (called inside the key that moved here, and again on focus)."""
        self.typing = True
        self.comment_field()
        self.show_line()

    def on_descendant_blur(self) -> None:
        self.call_after_refresh(self._left)

    def _left(self) -> None:
        if not self.is_attached:
            return  # the section changed before this ran (seen once in tmux: NoScreen)
        focused = self.screen.focused
        if focused is None or self not in focused.ancestors:
            self.typing = False
            self.show_line()

    def show_mark(self) -> None:
        state = self.metric.on_track(self.reading.value)
        self.marks.show(state, mark=MARKS[state])  # drawn: no class to restyle the row
        self.name_target.show_off(state is False)
        self.redraw()

    def show_prep(self, value: bool, comment: bool, wide: bool) -> None:
        """Mark what still holds a prep form's text: the value in its row, the comment
        in its gutter (``✎`` instead of ``↳``)."""
        self.marks.show(self.marks.state, prep=PREP_MARK[wide] if value else "")
        self.redraw()
        self.comment_from_prep = comment
        if self.comment_mark is not None:
            self.comment_mark.update("✎" if comment else "↳")

    def show_trend(self, readings: int) -> None:
        self.marks.show(self.marks.state, trend=sparkline(self.history[-readings:]))
        self.redraw()

    def show_error(self, message: str) -> None:
        """The error line under the cells: mounted with a message, removed without."""
        if message and self.error_line is None:
            self.error_line = Label(message, classes="error")
            self.mount(self.error_line, after=0)
            self.call_after_refresh(self.scroll_visible, animate=False)  # the last row's too
        elif message and self.error_line is not None:
            self.error_line.update(message)
        elif self.error_line is not None:
            self.error_line.remove()
            self.error_line = None
        self.set_class(bool(message), "-error")


class MetricsEditor(SectionEditor):
    """Type a value per metric; ctrl+r sends the focused off-track metric to roadblocks."""

    BINDINGS = [
        Binding("ctrl+r", "to_roadblock", "To roadblocks", id="metrics.to_roadblock",
                tooltip="Add the focused off-track metric to the roadblocks list"),
        *row_bindings("metrics", "metric"),
    ]

    def __init__(self, session: MeetingSession, section: Section, *,
                 id: str | None = None) -> None:
        super().__init__(session, section, id=id)
        self.add_class("metrics-editor")

    def compose(self) -> ComposeResult:
        meeting = self.session.meeting
        agenda = meeting.agenda
        taken = any(k.startswith(("value:", "comment:")) for k in meeting.prep)
        self.set_class(taken, "-prep")  # the prep column shows only when prep was taken in
        yield Label("", id="metrics-summary", classes="section-summary")
        yield MetricsHead()
        with VerticalScroll(id="metric-rows", can_focus=False):
            if not agenda.metrics:
                yield Label("This agenda has no metrics.", classes="empty")
            department = None
            history = self.session.recent_readings(TREND)
            for n, metric in enumerate(agenda.metrics):
                if metric.department != department:
                    department = metric.department
                    yield Label(department, classes="department")
                reading = meeting.reading(metric.name) or MetricReading(metric.name)
                yield MetricRow(metric, reading, history[metric.name],
                                live=n == 0)  # where the cursor starts

    def on_mount(self) -> None:
        self.width_changed()  # the classes it was built with
        self.show_summary()

    def show_prep(self, row: MetricRow) -> None:
        """The row's "from prep" marks, as the meeting holds them now."""
        if self.has_class("-prep"):
            meeting, name = self.session.meeting, row.metric.name
            row.show_prep(from_prep(meeting, f"value:{name}"),
                          from_prep(meeting, f"comment:{name}"), self.has_class("-wide"))

    def focus_first(self) -> None:
        for row in self.query(MetricRow):
            row.value_input().focus()
            return

    def fields(self) -> list[Widget]:
        """The fields Tab visits, in order: each row's value, and its comment while the
        comment line shows. Textual's focus chain orders by position, and a field
        mounted inside this key has none yet (it would sort before the row's value)."""
        out: list[Widget] = []
        for row in self.query(MetricRow):
            out.append(row.field)
            if row.comment is not None and row.comment_shown:
                out.append(row.comment)
        return out

    def action_next_field(self, step: int) -> None:
        """Tab / shift+tab; onto a value drawn as text: its Input, inside this key."""
        focused = focused_inside(self)
        fields = self.fields()
        at = fields.index(focused) + step if focused in fields else -1
        if not 0 <= at < len(fields):
            next_field(self, step)  # out of the scorecard: Textual's order
            return
        field = fields[at]
        if (row := self.row_of(field)) is not None:
            row.enter()
            if isinstance(field, IdleCells):
                field = row.value_input()
        focus_now(field)

    def show_summary(self) -> None:
        rows = list(self.query(MetricRow))
        read = [r for r in rows if r.reading.value is not None]
        off = [r for r in read if r.metric.on_track(r.reading.value) is False]
        self.query_one("#metrics-summary", Label).update(
            f"{len(read)} of {len(rows)} read · {len(off)} off track"
            + prep_summary(self.session.meeting, "value"))

    def width_classes(self, width: int) -> dict[str, bool]:
        return {"-narrow": width < NARROW, "-wide": width >= WIDE}

    def width_changed(self) -> None:
        """The rows' trend length, prep word and columns follow ``-narrow``/``-wide``."""
        narrow, wide = self.has_class("-narrow"), self.has_class("-wide")
        prep = (7 if wide else 2) if self.has_class("-prep") else 0
        marks = {"prep": prep, "mark": 6, "trend": 0 if narrow else 9}
        self.query_one(MetricsHead).columns(value=VALUE[narrow], marks=marks)
        for row in self.query(MetricRow):
            row.show_trend(NARROW_TREND if narrow else TREND)
            self.show_prep(row)
            row.columns(VALUE[narrow], marks)

    def action_move_row(self, step: int) -> None:
        """Focus the same field of the previous/next metric (wrapping around)."""
        focused = focused_inside(self)
        row = self.focused_row()
        if row is None:
            raise SkipAction()
        rows = list(self.query(MetricRow))
        target = rows[(rows.index(row) + step) % len(rows)]
        target.enter()  # before the next key (Tab) is routed
        comment = target.comment_field()
        if focused.has_class("comment"):
            field: Widget = comment  # its line shows: the row is entered
        else:
            field = target.value_input()
        focus_now(field)
        # A field mounted this turn has no place yet to scroll to: once it has, show it.
        self.call_after_refresh(field.scroll_visible, animate=False)

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
        self.session.edit(row.reading, value=value)
        row.show_mark()
        self.show_prep(row)
        self.show_summary()

    @on(WrapField.Changed, ".comment")
    def _comment(self, event: WrapField.Changed) -> None:
        event.stop()
        row = next(a for a in event.text_area.ancestors if isinstance(a, MetricRow))
        if event.text_area.text != row.reading.comment:
            self.session.edit(row.reading, comment=event.text_area.text)
            self.show_prep(row)

    def focused_row(self) -> MetricRow | None:
        focused = self.screen.focused
        return None if focused is None else self.row_of(focused)

    @staticmethod
    def row_of(widget: Widget) -> MetricRow | None:
        return next((a for a in widget.ancestors if isinstance(a, MetricRow)), None)

    def action_to_roadblock(self) -> None:
        row = self.focused_row()
        if row is None:
            return
        metric, value = row.metric, row.reading.value
        if metric.on_track(value) is not False:
            self.notify(f"{metric.name} is not off track: nothing to send",
                        severity="warning", timeout=3)
            return
        drafted = metric_roadblock(metric, self.session.meeting.agenda)
        title = drafted.title
        if find_open(self.session.meeting, title):
            self.notify("Already on the roadblocks list", severity="warning", timeout=3)
            return
        self.session.apply(add_roadblock, title, raised_by=metric.department,
                           blocking=drafted.blocking, owner=drafted.owner)
        self.notify(f"Sent to roadblocks: {title}", timeout=4)
