"""Start an app headless, print ``ready`` once its first screen is up, then exit.

    python bench/app_start.py checkin DATA_DIR    the real app: make_app(DATA_DIR) -> Home
    python bench/app_start.py bare                a bare Textual app with one Static
    python bench/app_start.py --frame ...         ``ready`` at the first frame showing the
                                                  whole screen (Home with its lists), no pilot

Both go through ``App.run(headless=True, auto_pilot=...)``: the autopilot runs when the app
is ready, waits for pending messages and the first refresh (``pilot.pause()``), checks the
expected screen is showing, prints ``ready`` and its peak memory so far (KiB) and exits.
bench/run.py times the whole process, spawn to ``ready``, the same way for both.

The pilot's ``pause()`` costs a heavier screen more than a one-Static one: it forces a
refresh of the screen when it returns, and it lets the headless driver's start-up resize
in first, each a full layout of Home. ``--frame`` reports instead what a person sees: the
first frame that shows the whole screen (for Home, the one after its lists are filled).
"""

from __future__ import annotations

import sys
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def bare_app(on_frame=None):  # noqa: ANN001, ANN201 - Textual imported lazily, as the CLI does
    """A bare app with one Static; ``on_frame(app)`` after its first frame, if given."""
    from textual.app import App, ComposeResult
    from textual.widgets import Static

    class Bare(App[None]):
        def compose(self) -> ComposeResult:
            yield Static("Hello")

        def on_mount(self) -> None:
            if on_frame is not None:
                self.call_after_refresh(on_frame, self)

    return Bare()


def peak_kib() -> int:
    """This process's peak resident memory so far, in KiB (0 where it is not known)."""
    try:
        import resource
    except ImportError:  # Windows
        return 0
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux


def main(argv: list[str]) -> int:
    if argv[0] == "--frame":
        return first_full_frame(argv[1:])
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


def first_full_frame(argv: list[str]) -> int:
    """``ready`` once the first frame showing the whole screen has been drawn."""
    def ready(app) -> None:  # noqa: ANN001
        sys.stdout.write(f"ready {peak_kib()}\n")
        sys.stdout.flush()
        app.exit()

    if argv[0] == "checkin":
        from checkin.tui.app import make_app
        from checkin.tui.screens.home import HomeScreen

        app = make_app(Path(argv[1]))
        fill = HomeScreen.show

        def show(screen: HomeScreen, data) -> None:  # noqa: ANN001 - Home's lists, then a frame
            fill(screen, data)
            screen.call_after_refresh(ready, screen.app)

        HomeScreen.show = show  # type: ignore[method-assign]
    else:
        app = bare_app(ready)  # its first frame is the whole screen
    try:
        app.run(headless=True, size=(100, 30))
    finally:
        store = getattr(app, "store", None)
        if store is not None:
            store.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
