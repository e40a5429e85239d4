"""Snapshots (100x30) of the action items, history and trends screens on the demo data."""

from __future__ import annotations

from pathlib import Path

from tests.tui.between import actions_app, history_app, trends_app

SIZE = (100, 30)


def test_actions_snapshot(snap_compare, demo_dir: Path) -> None:  # type: ignore[no-untyped-def]
    app = actions_app(demo_dir)
    try:
        assert snap_compare(app, terminal_size=SIZE, run_before=lambda pilot: pilot.pause())
    finally:
        app.store.close()


def test_actions_filtered_snapshot(snap_compare, demo_dir: Path) -> None:  # type: ignore[no-untyped-def]
    app = actions_app(demo_dir)

    async def filter_overdue(pilot) -> None:  # type: ignore[no-untyped-def]
        await pilot.press("s", "s", "s", "2", "down")

    try:
        assert snap_compare(app, terminal_size=SIZE, run_before=filter_overdue)
    finally:
        app.store.close()


def test_history_snapshot(snap_compare, demo_dir: Path) -> None:  # type: ignore[no-untyped-def]
    app = history_app(demo_dir)
    try:
        assert snap_compare(app, terminal_size=SIZE, run_before=lambda pilot: pilot.pause())
    finally:
        app.store.close()


def test_trends_snapshot(snap_compare, demo_dir: Path) -> None:  # type: ignore[no-untyped-def]
    app = trends_app(demo_dir)
    try:
        assert snap_compare(app, terminal_size=SIZE, run_before=lambda pilot: pilot.pause())
    finally:
        app.store.close()
