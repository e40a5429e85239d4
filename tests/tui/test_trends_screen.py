"""Scorecard trends: a table of readings with marks, a sparkline per metric, streaks."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hosts import running, screen_app

from checkin.core.model import Agenda
from checkin.core.trends import COMPLETION
from checkin.render.numbers import format_number, sparkline
from checkin.render.trends import cell
from checkin.services.demo import seed_history
from checkin.services.trends import agenda_trends
from checkin.store import Store
from checkin.tui.screens.trends import COLUMNS, TrendSpark, TrendTable


async def test_table_and_sparklines(demo_dir: Path) -> None:
    app = screen_app(demo_dir, "trends")
    async with running(app):
        with Store(demo_dir, readonly=True) as store:
            expected = agenda_trends(store, "weekly")
        table = app.screen.query_one(TrendTable)
        assert table.row_count == len(expected.metrics) + 1
        assert len(table.columns) == len(expected.meetings) + 3
        first = expected.metrics[0]
        row = [str(c) for c in table.get_row_at(0)]
        assert row[0] == first.name and row[1].startswith("≥")
        assert row[2:-1] == [f"{format_number(p.value)} {'✓' if p.on_track else '✗'}"
                             for p in first.points]
        assert [str(c) for c in table.get_row_at(table.row_count - 1)][0] == COMPLETION
        sparks = list(app.screen.query(TrendSpark))
        assert [s.trend.name for s in sparks] == [t.name for t in expected.rows]
        line = sparkline([p.value for p in first.points])  # the one glyph rule
        assert sparks[0].line == line
        shown = str(sparks[0].render())
        assert shown.startswith(first.name[:23]) and line in shown  # a long name ends in …


async def test_latest_off_track_streak_is_highlighted(demo_dir: Path) -> None:
    app = screen_app(demo_dir, "trends", agenda_id="weekly")
    async with running(app):
        table = app.screen.query_one(TrendTable)
        streaky = [s for s in app.screen.query(TrendSpark) if s.trend.streak]
        calm = [s for s in app.screen.query(TrendSpark) if not s.trend.streak]
        assert streaky and calm
        assert all(s.looks()[0] for s in streaky)  # the name drawn in the warning colour
        assert not any(s.looks()[0] for s in calm)
        trend = streaky[0].trend
        n = [t.name for t in app.screen.trends.rows].index(trend.name)
        cells = table.get_row_at(n)
        streak_style = table.get_component_rich_style("trend-table--streak", partial=True)
        assert cells[-2].style == streak_style  # the newest reading is in the streak
        assert str(cells[-1]).startswith(f"{trend.streak} ✗")
        before_streak = cells[-2 - trend.streak]
        assert before_streak.style != streak_style


async def test_unknown_agenda_says_so(demo_dir: Path) -> None:
    app = screen_app(demo_dir, "trends", agenda_id="monthly")
    async with running(app) as pilot:
        title = str(app.screen.query_one("#trends-title").render())
        assert "no ended meetings of 'monthly'" in title
        await pilot.press("n")  # to the agenda that has meetings
        assert app.screen.query_one(TrendTable).row_count == 13
        assert "Weekly cross-functional check-in" in str(
            app.screen.query_one("#trends-title").render())


async def test_a_target_reads_the_same_in_the_app_the_cli_and_the_minutes(
        demo_dir: Path) -> None:
    """`≥ $250,000` in the trends screen, `checkin trends` and the minutes alike."""
    import subprocess
    import sys

    from checkin.services.minutes import minutes_text

    target = "≥ $250,000"
    app = screen_app(demo_dir, "trends")
    async with running(app):
        table = app.screen.query_one(TrendTable)
        rows = [[str(c) for c in table.get_row_at(n)] for n in range(table.row_count)]
        assert ["Pipeline added", target] == next(r for r in rows if r[0] == "Pipeline added")[:2]
    shown = subprocess.run([sys.executable, "-m", "checkin", "--data", str(demo_dir),
                            "trends", "weekly"], capture_output=True, text=True, timeout=60)
    line = next(ln for ln in shown.stdout.splitlines() if ln.startswith("Pipeline added"))
    assert target in line and "e+" not in shown.stdout and "\\" not in shown.stdout
    with Store(demo_dir, readonly=True) as store:
        latest = store.load_meeting(store.meetings("weekly")[0].id)
        text = minutes_text(store, latest)
    row = next(ln for ln in text.splitlines() if ln.startswith("| Pipeline added"))
    assert f"| {target} |" in row and "\\" not in row


@pytest.mark.parametrize("width", [60, 100, 170])
async def test_the_first_frame_shows_what_the_whole_table_shows(
        tmp_path: Path, weekly_agenda: Agenda, width: int) -> None:
    """DataTable draws every cell of every column: the first frame has only the newest
    meetings a screen shows (and one more, partly shown), the rest follow it. With the
    cursor on the newest meeting, both show the same cells."""
    root = tmp_path / "long"
    with Store(root) as store:
        seed_history(store, weekly_agenda, weeks=30, today=date(2026, 11, 23))
    app = screen_app(root, "trends")
    async with running(app, size=(width, 30)) as pilot:
        screen = app.screen
        table = screen.query_one(TrendTable)
        assert len(table.columns) == COLUMNS + 3  # every one, after the first frame
        assert table.cursor_column == COLUMNS + 1 and table.cursor_row == 0  # the newest

        def shown() -> list[str]:
            return [table.render_line(y).text for y in range(table.size.height)]

        whole = shown()
        left_out = table.show(screen.trends, COLUMNS, width=width)
        table.move_cursor(row=0, column=len(table.columns) - 2, animate=False)
        table.call_after_refresh(table.show_whole_columns)  # as the screen does
        await pilot.pause()
        await pilot.pause()
        assert 0 < left_out < COLUMNS and len(table.columns) == COLUMNS + 3 - left_out
        assert shown() == whole


@pytest.mark.parametrize("width", [60, 100, 170])
async def test_no_meeting_column_is_cut_on_its_left(
        tmp_path: Path, weekly_agenda: Agenda, width: int) -> None:
    """Scrolled to the newest meeting, the column at the left edge of the meetings is
    whole or not there: a number cut on its left reads as another (284,868 as 4,868)."""
    root = tmp_path / "long"
    with Store(root) as store:
        seed_history(store, weekly_agenda, weeks=30, today=date(2026, 11, 23))
    app = screen_app(root, "trends")
    async with running(app, size=(width, 30)) as pilot:
        await pilot.pause()
        table = app.screen.query_one(TrendTable)
        full = 3 + min(COLUMNS, len(app.screen.trends.meetings))
        for _ in range(200):  # the older columns come after the first frame: wait for them
            if len(table.columns) == full:
                break
            await pilot.pause(0.01)
        await pilot.pause()  # and for the frame that draws them, scrolled
        widths = [c.get_render_width(table) for c in table.ordered_columns]
        fixed = sum(widths[:table.fixed_columns])
        starts = {fixed + sum(widths[table.fixed_columns:n])
                  for n in range(table.fixed_columns, len(widths))}
        assert round(table.scroll_x) + fixed in starts
        head = table.render_line(0).text
        dates = [s.date.strftime("%m-%d") for s in app.screen.trends.meetings]
        assert head.split()[2] in dates  # the first meeting shown has its whole date


async def test_the_completion_row_follows_the_first_frame_with_the_full_rates(
        demo_dir: Path) -> None:
    """The completion rates read every archive year: the first frame leaves them blank,
    and they come right after it, equal to what `checkin trends` computes."""
    app = screen_app(demo_dir, "trends")
    async with running(app) as pilot:
        await pilot.pause()
        screen = app.screen
        with Store(demo_dir, readonly=True) as store:
            full = agenda_trends(store, screen.agenda_id).completion
        assert [p.value for p in screen.trends.completion.points] == [
            p.value for p in full.points]
        assert any(p.value is not None for p in full.points)
        spark = next(s for s in screen.query(TrendSpark) if s.trend.name == full.name)
        assert spark.trend is screen.trends.completion
        table = screen.query_one(TrendTable)
        newest = table.get_cell(full.name, full.points[-1].meeting_id)
        assert newest.plain != "" and newest.plain == cell(full.points[-1], "%")


async def test_sparklines_take_the_theme_colours(demo_dir: Path) -> None:
    app = screen_app(demo_dir, "trends")
    async with running(app) as pilot:
        escalating = next(s for s in app.screen.query(TrendSpark) if s.trend.escalate)
        calm = next(s for s in app.screen.query(TrendSpark) if not s.trend.streak)
        name, line, streak = escalating.looks()
        assert name == streak and "bold" in name and name != line
        assert "$" not in name + line  # theme variables resolved, as a Label shows them
        assert calm.looks()[0] == calm.looks()[2] == ""
        dark = escalating.render().spans[0].style
        await pilot.press("f2")  # the light theme: its error colour is another
        await pilot.pause()
        assert app.theme == "textual-light"
        light = escalating.render().spans[0].style
        assert light != dark and "bold" in str(light)


async def test_a_narrower_window_keeps_the_newest_meeting_whole(
        tmp_path: Path, weekly_agenda: Agenda) -> None:
    """Opened at 100 columns, then the window made 80 wide (a projector): the cursor's
    column, the newest meeting, stays on screen whole, and none is cut on its left."""
    root = tmp_path / "long"
    with Store(root) as store:
        seed_history(store, weekly_agenda, weeks=30, today=date(2026, 11, 23))
    app = screen_app(root, "trends")
    async with running(app, size=(100, 30)) as pilot:
        await pilot.pause()
        table = app.screen.query_one(TrendTable)
        newest = app.screen.trends.meetings[-1].date.strftime("%m-%d")
        assert newest in table.render_line(0).text
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        await pilot.pause()
        head = table.render_line(0).text
        assert newest in head and head.split()[-2] == newest, head  # then "Streak"
        dates = [s.date.strftime("%m-%d") for s in app.screen.trends.meetings]
        assert head.split()[2] in dates, head  # the first meeting shown is whole
