"""How long each meeting section and between-meetings screen takes to show its content,
on a generated history (bench/generate.py). The target is 200 ms on a 2-core machine.

    python bench/generate.py --years 5 /tmp/h5
    CHECKIN_NOW=2026-11-23T09:00:00 python bench/first_paint.py /tmp/h5 [ROUNDS]

Each section is entered with pagedown (the first visit, when its editor is built) and each
screen opened by its key; the time runs from the key until the new editor (or screen) is
mounted and Textual has refreshed once after that: what the room sees first. Work queued
after that frame (a gc pass, a lazy list fill) is not counted, and is let to settle before
the next key. Prints one line per place, milliseconds: the median of ROUNDS runs (default 1),
each a fresh app on a fresh copy, with the bare screen timed in every run.
A copy of the data dir is used, so the history stays as generated.
"""

from __future__ import annotations

import asyncio
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

TARGET_MS = 200


def bare_screen() -> type:
    """A Screen of 80 one-line Statics: what drawing any screen costs in Textual."""
    from textual.screen import Screen
    from textual.widgets import Static

    class Bare(Screen[None]):
        def compose(self):  # noqa: ANN202
            for n in range(80):
                yield Static(f"line {n}")

    return Bare


def main(argv: list[str]) -> int:
    rounds = int(argv[1]) if len(argv) > 1 else 1
    import compileall  # as pip install does: a section's module is imported on its first
    # visit, and without bytecode (PYTHONDONTWRITEBYTECODE=1 here) it is compiled then
    compileall.compile_dir(str(Path(__file__).resolve().parent.parent / "checkin"), quiet=1)
    runs = [one_run(argv[0]) for _ in range(rounds)]
    places = [name for name, _ in runs[0][0]]
    floor = statistics.median(ms for _, bare in runs for ms in bare)
    worst = 0.0
    for n, name in enumerate(places):
        if name == "back":
            continue
        ms = statistics.median(results[n][1] for results, _ in runs)
        worst = max(worst, ms)
        flag = "" if ms <= TARGET_MS else "  over target"
        print(f"{name:32} {ms:7.0f} ms {ms / floor:5.1f}x bare{flag}")
    print(f"{'bare screen, 80 Statics':32} {floor:7.0f} ms (Textual's floor, same run)")
    print(f"{'worst':32} {worst:7.0f} ms (target {TARGET_MS} ms, median of {rounds})")
    return 0


def one_run(source: str) -> tuple[list[tuple[str, float]], list[float]]:
    """One app on a copy of ``source``: (place, ms) in order, and the bare screen's times."""
    from checkin.tui.app import make_app

    BareScreen = bare_screen()  # noqa: N806
    from checkin.tui.screens.meeting import MeetingScreen

    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data"
        shutil.copytree(source, data)
        app = make_app(data, agenda="weekly", start=True, facilitator="Bench")
        app.live_clock = False
        results: list[tuple[str, float]] = []
        floor: list[float] = []

        async def painted(app, ready) -> None:  # noqa: ANN001
            """Wait until ``ready()`` gives a mounted widget, then for its first refresh."""
            deadline = time.perf_counter() + 30  # a crashed app shows nothing: fail, not hang
            while (widget := ready()) is None or not widget.is_mounted:
                if time.perf_counter() > deadline or not app.is_running:
                    raise SystemExit("first_paint: nothing was drawn (did the app fail?)")
                await asyncio.sleep(0.001)
            drawn = asyncio.Event()
            widget.call_after_refresh(drawn.set)
            await drawn.wait()

        async def timed(pilot, name: str, *keys: str, ready=None) -> None:  # noqa: ANN001
            """Key to drawn: ``ready`` names the widget whose first frame counts (the new
            section's editor, the new screen); without it, until Textual is idle."""
            app = pilot.app
            before = (app.screen, getattr(app.screen, "editor", None))
            start = time.perf_counter()
            for key in keys:
                app.simulate_key(key)
            await painted(app, ready or (lambda: app.screen if app.screen is not before[0]
                                         else None))
            results.append((name, (time.perf_counter() - start) * 1000))
            await pilot.pause()  # let what follows the first frame settle before the next

        async def autopilot(pilot) -> None:  # noqa: ANN001
            await pilot.pause()
            screen = pilot.app.screen
            assert isinstance(screen, MeetingScreen)
            sections = screen.session.meeting.agenda.sections
            results.append((f"section {sections[0].kind} (start)", 0.0))
            for section in sections[1:]:
                old = screen.editor
                await timed(pilot, f"section {section.kind}", "pagedown",
                            ready=lambda old=old: screen.editor
                            if screen.editor is not old else None)
            await timed(pilot, "minutes preview", "ctrl+o")
            await timed(pilot, "back", "escape")
            for key, name in (("ctrl+g", "action register"), ("ctrl+y", "history"),
                              ("f3", "trends"), ("f1", "help")):
                await timed(pilot, name, key)
                await timed(pilot, "back", "escape")
            await timed(pilot, "home (esc from the meeting)", "escape")
            for _ in range(3):  # the floor: Textual drawing a bare screen of 80 lines
                start = time.perf_counter()
                pilot.app.push_screen(BareScreen())
                await painted(pilot.app, lambda: pilot.app.screen
                              if isinstance(pilot.app.screen, BareScreen) else None)
                floor.append((time.perf_counter() - start) * 1000)
                await pilot.pause()
                pilot.app.pop_screen()
                await pilot.pause()
            pilot.app.exit()

        try:
            app.run(headless=True, auto_pilot=autopilot, size=(100, 30))
        finally:
            app.store.close()
    return results, floor


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
