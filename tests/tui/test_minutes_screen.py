"""Minutes: the rendered preview, export to a file, overwrite only when confirmed."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from conftest import AppFactory
from rich.console import Console, ConsoleOptions
from rich.markdown import Markdown
from textual.widgets import Label

from checkin.tui.dialogs.confirm import ConfirmDialog
from checkin.tui.dialogs.export import ExportDialog, with_format
from checkin.tui.screens.home import HomeScreen
from checkin.tui.screens.minutes import MinutesScreen, MinutesView

LAST = "2026-11-16-weekly"


def test_with_format_switches_the_extension() -> None:
    assert with_format("./a.md", "html") == "./a.html"
    assert with_format("out/minutes", "md") == "out/minutes.md"


async def open_last_minutes(pilot) -> MinutesScreen:  # noqa: ANN001
    await pilot.pause()
    await pilot.press("tab", "enter")  # recent meetings, the newest
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, MinutesScreen)
    return screen


def rendered(view: MinutesView) -> str:
    console = Console(width=view.content_region.width, record=True, file=io.StringIO())
    console.print(view.document)
    return console.export_text()


async def test_minutes_preview_shows_the_headings(demo_dir: Path,
                                                  app_factory: AppFactory) -> None:
    app = app_factory(demo_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_last_minutes(pilot)
        assert screen.meeting.id == LAST
        view = screen.query_one(MinutesView)
        shown = rendered(view)                          # what the screen draws, as text
        assert "## " not in shown and "|---" not in shown  # Markdown drawn, not raw
        for heading in ("Attendance", "Scorecard", "Roadblocks", "Action items",
                        "Next meeting"):
            assert heading in shown, heading
        assert view.region.width >= 90 and view.virtual_region.height > 30
        assert "in progress" not in str(screen.query_one("#minutes-title", Label).render())


async def test_the_minutes_are_drawn_once_per_width(
        demo_dir: Path, app_factory: AppFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Textual measures a Static then draws it, on each of a first frame's two layouts:
    Rich drew the whole Markdown four times. Now once, and again only for a new width."""
    widths: list[int] = []
    original = Markdown.__rich_console__

    def counted(self: Markdown, console: Console, options: ConsoleOptions):  # noqa: ANN202
        widths.append(options.max_width)
        return original(self, console, options)

    monkeypatch.setattr(Markdown, "__rich_console__", counted)
    app = app_factory(demo_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_last_minutes(pilot)
        view = screen.query_one(MinutesView)
        assert widths == [view.content_region.width]
        await pilot.resize_terminal(80, 30)
        await pilot.pause()
        assert widths == [widths[0], view.content_region.width] and widths[1] < widths[0]
        assert "Attendance" in rendered(view)


async def test_minutes_of_the_live_meeting_from_ctrl_o(data_dir: Path,
                                                       app_factory: AppFactory) -> None:
    app = app_factory(data_dir, agenda="weekly", start=True, live_clock=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        app.session.meeting.summary = "Typed just now"
        app.session.changed()
        await pilot.press("ctrl+o")
        await pilot.pause()
        assert isinstance(app.screen, MinutesScreen)
        assert "Typed just now" in app.screen.markdown()
        assert not app.session.dirty  # opening the preview saved first
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen.id == "meeting"


async def test_export_default_path_then_overwrite_asks(
        demo_dir: Path, app_factory: AppFactory, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "out"
    out.mkdir()
    monkeypatch.chdir(out)
    target = out / f"{LAST}.md"
    app = app_factory(demo_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_last_minutes(pilot)
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, ExportDialog)
        await pilot.press("enter")  # the default: ./<meeting id>.md
        await pilot.pause()
        assert isinstance(app.screen, MinutesScreen)
        assert target.read_text().startswith("# ")
        status = str(screen.query_one("#minutes-status", Label).render())
        assert "Exported to" in status and str(target) in status

        target.write_text("keep me")
        await pilot.press("e")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, ExportDialog)
        assert "Not written" in str(app.screen.query_one("#export-error", Label).render())
        assert target.read_text() == "keep me"
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, MinutesScreen)
        assert target.read_text().startswith("# ")


async def test_export_html_and_a_failure_shown_inline(
        demo_dir: Path, app_factory: AppFactory, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    app = app_factory(demo_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_last_minutes(pilot)
        await pilot.press("e")
        await pilot.pause()
        await pilot.press("tab", "down", "enter")  # the format choice: HTML
        await pilot.pause()
        path_input = app.screen.query_one("#export-path")
        assert path_input.value == f"./{LAST}.html"
        await pilot.press("shift+tab", "enter")
        await pilot.pause()
        assert (tmp_path / f"{LAST}.html").read_text().startswith("<!DOCTYPE html>")

        await pilot.press("e")
        await pilot.pause()
        await pilot.press("ctrl+a", "ctrl+k", *"missing/folder/m.md", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)  # "Create it?"
        await pilot.press("n")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ExportDialog)
        assert dialog.query_one("#export-path").value == "missing/folder/m.md"  # kept
        assert "does not exist" in str(dialog.query_one("#export-error", Label).render())
        assert not (tmp_path / "missing").exists()
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("y")  # create the folder, then write
        await pilot.pause()
        assert app.screen is screen
        assert (tmp_path / "missing/folder/m.md").read_text().startswith("# ")

        (tmp_path / "a-file").write_text("x")  # a folder that cannot be made, even as root
        await pilot.press("e")
        await pilot.pause()
        await pilot.press("ctrl+a", "ctrl+k", *"a-file/sub/m.md", "enter")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ExportDialog)
        assert dialog.query_one("#export-path").value == "a-file/sub/m.md"
        error = dialog.query_one("#export-error", Label)
        text = str(error.render())
        assert text.startswith("Not written: a-file/sub: cannot create the folder")
        assert text.endswith("fix the permissions of the folder above it")
        assert error.size.height >= 2  # wrapped, not cut at the dialog's edge
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen
        assert "Exported to" in str(screen.query_one("#minutes-status", Label).render())
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
