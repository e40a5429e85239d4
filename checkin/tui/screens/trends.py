"""Scorecard trends of one agenda: readings per meeting with on/off-track marks, a sparkline
per metric, the latest off-track streak highlighted, and the action item completion rate."""

from __future__ import annotations

from datetime import date

from rich.cells import cell_len
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, VerticalScroll
from textual.content import Content
from textual.widget import Widget
from textual.widgets import DataTable

from checkin.core.rules import OFF_TRACK_STREAK
from checkin.core.trends import Trend, Trends
from checkin.render.numbers import sparkline
from checkin.render.terminal import safe
from checkin.render.trends import OFF, ON, cell, streak_text, target_text
from checkin.services.trends import agenda_trends, completion_trend
from checkin.store import Store
from checkin.tui.frames import SizedScreen, after_first_frame
from checkin.tui.teardown import leaving
from checkin.tui.widgets.key_bar import KeyBar
from checkin.tui.widgets.plain import Label
from checkin.tui.widgets.theme_style import theme_style

COLUMNS = 26  # meetings shown: half a year of weekly ones (`checkin trends` has them all)
LEGEND = (f"{ON} on track  {OFF} off track  highlighted: latest off-track streak  "
          f"! {OFF_TRACK_STREAK}+ in a row")


class TrendTable(DataTable[Text]):
    """Metrics down, meetings across; the look of a cell comes from the classes below."""

    COMPONENT_CLASSES = DataTable.COMPONENT_CLASSES | {
        "trend-table--on", "trend-table--off", "trend-table--streak",
    }

    def show(self, trends: Trends, last: int, width: int | None = None) -> int:
        """The ``last`` meetings as columns; returns how many of them were left out.

        DataTable draws every cell of every column: with ``width`` (the first frame), only
        the newest meetings that a table that wide shows with the cursor on the newest, and
        one more, partly shown.
        """
        meetings = trends.meetings[-last:]
        skipped = len(trends.meetings) - len(meetings)
        on = self.get_component_rich_style("trend-table--on", partial=True)
        off = self.get_component_rich_style("trend-table--off", partial=True)
        streak = self.get_component_rich_style("trend-table--streak", partial=True)
        head = [Text("Metric"), Text("Target", justify="right"),
                *(Text(s.date.strftime("%m-%d"), justify="right") for s in meetings),
                Text("Streak")]
        keys = ["metric", "target", *(s.id for s in meetings), "streak"]
        rows = []
        for trend in trends.rows:
            first_of_streak = len(trend.points) - trend.streak
            cells = []
            for n, point in enumerate(trend.points[skipped:], skipped):
                style = {True: on, False: off}.get(point.on_track)  # type: ignore[arg-type]
                if n >= first_of_streak:
                    style = streak
                cells.append(Text(cell(point, trend.unit), style=style or "", justify="right"))
            rows.append([Text(trend.name), Text(target_text(trend), justify="right"), *cells,
                         Text(streak_text(trend), style=streak if trend.streak else "")])
        drop = 0 if width is None else len(meetings) - self.newest_shown([head, *rows], width)
        shown = [0, 1, *range(2 + drop, len(head))]
        self.clear(columns=True)
        for n in shown:
            self.add_column(head[n], key=keys[n])
        for trend, cells in zip(trends.rows, rows):
            self.add_row(*(cells[n] for n in shown), key=trend.name)
        return drop

    def show_whole_columns(self) -> None:
        """Scroll on to the next column boundary if the table can: the meeting column at
        the left edge of the scrolled part is then whole or gone (a number cut on its
        left reads as another number: 284,868 as "4,868")."""
        widths = [column.get_render_width(self) for column in self.ordered_columns]
        fixed = sum(widths[:self.fixed_columns])
        edge, start = round(self.scroll_x) + fixed, fixed
        for width in widths[self.fixed_columns:]:
            if start < edge < start + width:
                if start + width - fixed <= self.max_scroll_x:
                    self.scroll_to(x=start + width - fixed, animate=False, immediate=True)
                return
            start += width

    def on_resize(self) -> None:
        """The window narrowed or widened (a projector plugged in): the cursor's column
        stays in view, whole, as when the screen opened (the newest meeting fell off the
        right edge, the one before it cut there)."""
        self.call_after_refresh(self.show_cursor_column)

    def show_cursor_column(self) -> None:
        """Scroll just enough for the cursor's meeting column to show whole, then to a
        column boundary on the left (``show_whole_columns``)."""
        widths = [column.get_render_width(self) for column in self.ordered_columns]
        if not self.fixed_columns <= self.cursor_column < len(widths):
            return
        fixed = sum(widths[:self.fixed_columns])
        start = fixed + sum(widths[self.fixed_columns:self.cursor_column])
        end, room = start + widths[self.cursor_column], self.scrollable_content_region.width
        x = self.scroll_x
        if end > x + room:
            x = end - room
        if start < x + fixed:
            x = start - fixed
        if x != self.scroll_x:
            self.scroll_to(x=x, animate=False, immediate=True)
        self.show_whole_columns()

    def newest_shown(self, grid: list[list[Text]], width: int) -> int:
        """How many meeting columns a table ``width`` wide shows with the cursor on the
        newest (scrolled just far enough for it: its right edge at the table's)."""
        def drawn(n: int) -> int:
            return max(cell_len(row[n].plain) for row in grid) + 2 * self.cell_padding

        room, count = width - drawn(0) - drawn(1), 0
        for n in range(len(grid[0]) - 2, 1, -1):  # the newest first
            if room <= 0 and count:
                break
            room, count = room - drawn(n), count + 1
        return count


class TrendSpark(Widget):
    """A metric's name, its sparkline (the same glyphs as the scorecard and the minutes)
    and its latest streak, drawn as one line of one widget (three Labels in a row each
    were 52 widgets to mount and style for 13 metrics). Its colours are the theme's,
    without component classes: each is styled like one more widget."""

    NAME = 24  # cells; the streak takes STREAK after one space, the line the rest
    STREAK = 6

    def __init__(self, trend: Trend) -> None:
        super().__init__(classes="trend-spark")
        self.show(trend)

    def show(self, trend: Trend) -> None:
        """Draw ``trend`` (again: the completion row is filled after the first frame)."""
        self.trend = trend
        self.name_text = safe(trend.name)
        self.line = sparkline([p.value for p in trend.points[-COLUMNS:]])
        self.streak = streak_text(trend) or ""
        self.refresh()

    def looks(self) -> tuple[str, str, str]:
        """Name, line and streak styles: warning for a streak, bold error to escalate."""
        escalate = "$text-error bold" if self.trend.escalate else ""
        name = escalate or ("$text-warning" if self.trend.streak else "")
        return (theme_style(self, name), theme_style(self, "$accent"),
                theme_style(self, escalate))

    def render(self) -> Content:
        room = max(0, self.size.width - self.NAME - 1 - self.STREAK)
        name, line, streak = self.looks()
        return Content.assemble(
            Content.styled(self.name_text, name).truncate(self.NAME, ellipsis=True, pad=True),
            Content.styled(self.line[:room], line).truncate(room + 1, pad=True),
            Content.styled(self.streak[:self.STREAK], streak))


class TrendsScreen(SizedScreen[None]):
    """One agenda's trends (``agenda_id``, default: that of the latest meeting)."""

    BINDINGS = [
        Binding("n", "next_agenda", "Next agenda", id="trends.next",
                tooltip="Show the trends of the next agenda that has meetings"),
        Binding("escape", "back", "Back", id="trends.back", tooltip="Go back"),
    ]

    def __init__(self, store: Store, *, today: date, dayfirst: bool = False,
                 agenda_id: str | None = None) -> None:
        super().__init__(id="trends")
        self.store = store
        self.today = today
        self.dayfirst = dayfirst
        rows = store.meetings()
        self.agendas = list(dict.fromkeys(s.agenda_id for s in rows))
        self.agenda_id = agenda_id or (self.agendas[0] if self.agendas else "")

    def compose(self) -> ComposeResult:
        yield Label("", id="trends-title")
        yield TrendTable(cursor_type="cell", fixed_columns=2, id="trends-table")
        yield Label(LEGEND, id="trends-legend")
        yield VerticalScroll(Grid(id="trends-sparks"), id="trends-sparks-scroll")
        yield KeyBar()

    def on_mount(self) -> None:
        if leaving(self):  # a signal came while it mounted: nothing to show
            return
        self.show(first_frame=True)

    def show(self, first_frame: bool = False) -> None:
        """Read and show the agenda's trends. For the ``first_frame``: only the meeting
        columns that fit the screen, and the completion row blank (it reads every archive
        year); the older columns and the completion rates right after it, in one batch."""
        trends = agenda_trends(self.store, self.agenda_id, completion=not first_frame)
        self.trends = trends
        count = len(trends.meetings)
        shown = f"the last {COLUMNS} of {count}" if count > COLUMNS else str(count)
        title = f"Scorecard trends · {trends.agenda_title} · {shown} meetings"
        self.query_one("#trends-title", Label).update(
            title if count else f"Scorecard trends · no ended meetings of {self.agenda_id!r}")
        table = self.query_one(TrendTable)
        table.show(trends, COLUMNS, self.app.size.width if first_frame else None)
        table.focus()
        table.move_cursor(row=0, column=len(table.columns) - 2, animate=False)  # newest meeting
        table.call_after_refresh(table.show_whole_columns)  # once scrolled to the cursor
        grid = self.query_one("#trends-sparks", Grid)
        grid.remove_children()
        if count:
            grid.mount_all(TrendSpark(t) for t in trends.rows)
        if first_frame:
            after_first_frame(self, self.show_the_rest, trends)

    def show_the_rest(self, trends: Trends) -> None:
        """The completion rates and the older meetings' columns, left of those shown; the
        cursor stays put."""
        if leaving(self) or not self.is_attached or trends is not self.trends:
            return
        trends.completion = completion_trend(self.store, self.agenda_id, trends.meetings)
        table = self.query_one(TrendTable)
        row, from_end = table.cursor_row, len(table.columns) - table.cursor_column
        with self.app.batch_update():
            table.show(trends, COLUMNS)
            table.move_cursor(row=row, column=len(table.columns) - from_end, animate=False)
            table.call_after_refresh(table.show_whole_columns)
            for spark in self.query(TrendSpark):
                if spark.trend.name == trends.completion.name:
                    spark.show(trends.completion)

    def action_next_agenda(self) -> None:
        if self.agendas and (len(self.agendas) > 1 or self.agenda_id not in self.agendas):
            n = self.agendas.index(self.agenda_id) if self.agenda_id in self.agendas else -1
            self.agenda_id = self.agendas[(n + 1) % len(self.agendas)]
            self.show()
        else:
            self.notify("Only one agenda has meetings", timeout=3)

    def action_back(self) -> None:
        self.dismiss()
