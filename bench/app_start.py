"""Start an app headless, print ``ready`` once its first screen is up, then exit.

    python bench/app_start.py checkin DATA_DIR    the real app: make_app(DATA_DIR) -> Home
    python bench/app_start.py bare                a bare Textual app with one Static

Both go through ``App.run(headless=True, auto_pilot=...)``: the autopilot runs when the app
is ready, waits for pending messages and the first refresh (``pilot.pause()``), checks the
expected screen is showing, prints ``ready`` and its peak memory so far (KiB) and exits.
bench/run.py times the whole process, spawn to ``ready``, the same way for both.
"""

from __future__ import annotations

import sys
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def bare_app():  # noqa: ANN201 - Textual imported lazily, like the real CLI does
    from textual.app import App, ComposeResult
    from textual.widgets import Static

    class Bare(App[None]):
        def compose(self) -> ComposeResult:
            yield Static("Hello")

    return Bare()


def peak_kib() -> int:
    """This process's peak resident memory so far, in KiB (0 where it is not known)."""
    try:
        import resource
    except ImportError:  # Windows
        return 0
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux


def main(argv: list[str]) -> int:
    kind = argv[0]
    if kind == "checkin":
        from checkin.tui.app import make_app
        from checkin.tui.screens.home import HomeScreen

        app = make_app(Path(argv[1]))
        expected = HomeScreen
    else:
        from textual.screen import Screen

        app = bare_app()
        expected = Screen

    async def autopilot(pilot) -> None:  # noqa: ANN001
        await pilot.pause()
        assert isinstance(pilot.app.screen, expected), pilot.app.screen
        sys.stdout.write(f"ready {peak_kib()}\n")
        sys.stdout.flush()
        pilot.app.exit()

    try:
        app.run(headless=True, auto_pilot=autopilot, size=(100, 30))
    finally:
        store = getattr(app, "store", None)
        if store is not None:
            store.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
