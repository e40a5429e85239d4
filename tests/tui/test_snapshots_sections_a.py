"""Snapshots (100x30) of the attendance, action review, metrics and roadblocks editors, each
as wide as the meeting screen leaves it (66 of 100 columns; 56 of 80)."""

from __future__ import annotations

from pathlib import Path

from harness_sections_a import PANE_80, PANE_100, EditorApp

from checkin.core.model import Agenda

SIZE = (100, 30)


def test_attendance(snap_compare, demo_dir: Path, weekly_agenda: Agenda) -> None:
    async def run_before(pilot) -> None:
        await pilot.press("space", "down", "space", "down", "tab", *"on leave", "shift+tab")

    app = EditorApp(demo_dir, "attendance", weekly_agenda, sidebar=PANE_100)
    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)


def test_action_review(snap_compare, demo_dir: Path, weekly_agenda: Agenda) -> None:
    async def run_before(pilot) -> None:
        await pilot.press("d", "down", "k", "r", *"2026-02-30")
        await pilot.pause()
        pilot.app.clear_notifications()

    app = EditorApp(demo_dir, "action-review", weekly_agenda, sidebar=PANE_100)
    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)


def test_metrics(snap_compare, demo_dir: Path, weekly_agenda: Agenda) -> None:
    async def run_before(pilot) -> None:
        await pilot.press(*"130", "tab", *"webinar push", "shift+tab", "down", *"250x")
        await pilot.pause()  # the error line and the wrapped targets settle before the shot

    app = EditorApp(demo_dir, "metrics", weekly_agenda, sidebar=PANE_100)
    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)


def test_metrics_80x24_with_sidebar(snap_compare, demo_dir: Path,
                                    weekly_agenda: Agenda) -> None:
    async def run_before(pilot) -> None:
        await pilot.press(*"97")

    app = EditorApp(demo_dir, "metrics", weekly_agenda, sidebar=PANE_80)
    assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)


def test_roadblocks(snap_compare, demo_dir: Path, weekly_agenda: Agenda) -> None:
    async def run_before(pilot) -> None:
        for title in ("CRM sync drops leads", "Pricing page outdated", "No budget for ads"):
            await pilot.press("n", *title, "enter")
            await pilot.pause()
        await pilot.press("up", "e", "n", *"Hiring freeze")
        await pilot.pause()
        pilot.app.clear_notifications()

    app = EditorApp(demo_dir, "roadblocks", weekly_agenda, sidebar=PANE_100)
    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)


def test_action_review_80x24(snap_compare, demo_dir: Path, weekly_agenda: Agenda) -> None:
    async def run_before(pilot) -> None:
        await pilot.press("d", "down", "k", "x")
        await pilot.pause()
        pilot.app.clear_notifications()

    app = EditorApp(demo_dir, "action-review", weekly_agenda, sidebar=PANE_80)
    assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)


def test_attendance_80x24(snap_compare, demo_dir: Path, weekly_agenda: Agenda) -> None:
    async def run_before(pilot) -> None:
        await pilot.press("space", "down", "space", "down", "space")

    app = EditorApp(demo_dir, "attendance", weekly_agenda, sidebar=PANE_80)
    assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)
