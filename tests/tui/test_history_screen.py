"""Meeting history: newest first, Enter opens the minutes read-only, `e` exports them."""

from __future__ import annotations

from pathlib import Path

from hosts import reopened, running, screen_app
from textual.widgets import DataTable

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
