"""Meeting history: newest first, Enter opens the minutes read-only, `e` exports them."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from hosts import reopened, running, screen_app
from textual.widgets import DataTable

from checkin.core.model import Agenda
from checkin.services.demo import seed_history
from checkin.store import Store
from checkin.tui.screens.history import HistoryScreen
from checkin.tui.screens.minutes import MinutesScreen, MinutesView


async def test_lists_meetings_newest_first_with_counts(demo_dir: Path) -> None:
    app = screen_app(demo_dir, "history")
    async with running(app):
        table = app.screen.query_one(DataTable)
        with reopened(demo_dir) as store:
            rows = store.meetings()
        assert table.row_count == len(rows) == 6
        first = [str(c) for c in table.get_row_at(0)]
        newest = rows[0]
        assert first == [newest.date.isoformat(), newest.agenda_title, "Alex Morgan", "ended",
                         f"{newest.rating:g}/10", str(newest.roadblocks), str(newest.actions)]
        dates = [str(table.get_row_at(n)[0]) for n in range(table.row_count)]
        assert dates == sorted(dates, reverse=True)


async def test_enter_opens_the_minutes_read_only(demo_dir: Path) -> None:
    app = screen_app(demo_dir, "history")
    async with running(app) as pilot:
        await pilot.press("down", "enter")
        await pilot.pause()
        assert isinstance(app.screen, MinutesScreen)
        with reopened(demo_dir) as store:
            second = store.meetings()[1]
        assert app.screen.meeting.id == second.id
        markdown = app.screen.query_one(MinutesView)
        assert markdown.source.startswith(f"# Weekly cross-functional check-in — {second.date}")
        await pilot.press("escape")
        assert isinstance(app.screen, HistoryScreen)


async def test_export_writes_the_minutes(demo_dir: Path, tmp_path: Path) -> None:
    app = screen_app(demo_dir, "history")
    async with running(app) as pilot:
        target = tmp_path / "out.md"
        await pilot.press("e", "ctrl+a", "ctrl+k", *str(target), "enter")
        await pilot.pause()
        text = target.read_text()
        with reopened(demo_dir) as store:
            newest = store.meetings()[0]
        assert text.startswith(f"# Weekly cross-functional check-in — {newest.date}")
        assert "Exported" in str(app.screen.query_one("#history-status").render())


async def test_a_long_history_lists_every_meeting_in_fixed_columns(
        tmp_path: Path, weekly_agenda: Agenda) -> None:
    """More meetings than the terminal has lines: the first ones come with the first frame,
    the rest right after; the columns fit the longest cell of any of them from the start."""
    root = tmp_path / "long"
    with Store(root) as store:
        seed_history(store, weekly_agenda, weeks=45, today=date(2026, 11, 23))
        oldest = store.load_meeting(store.meetings()[-1].id)
        oldest.facilitator = "Maximiliana Featherstonehaugh-Oyelaran"  # beyond the first rows
        store.save_meeting(oldest)
    app = screen_app(root, "history")
    async with running(app, size=(120, 30)) as pilot:
        table = app.screen.query_one(DataTable)
        assert table.row_count == 45
        assert str(table.get_row_at(44)[2]) == oldest.facilitator
        facilitator = table.ordered_columns[2]
        assert facilitator.get_render_width(table) == (len(oldest.facilitator)
                                                       + 2 * table.cell_padding)
        await pilot.press("ctrl+end", "enter")
        await pilot.pause()
        assert isinstance(app.screen, MinutesScreen) and app.screen.meeting.id == oldest.id
