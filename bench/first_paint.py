"""How long each meeting section and between-meetings screen takes to show its content,
on a generated history (bench/generate.py). The target is 200 ms on a 2-core machine.

    python bench/generate.py --years 5 /tmp/h5
    CHECKIN_NOW=2026-11-23T09:00:00 python bench/first_paint.py /tmp/h5

Each section is entered with pagedown (the first visit, when its editor is built) and each
screen opened by its key; the time runs from the key until Textual has processed the
messages and drawn once (``pilot.pause()``). Prints one line per place, milliseconds.
A copy of the data dir is used, so the history stays as generated.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import time
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

TARGET_MS = 200


def main(argv: list[str]) -> int:
    from checkin.tui.app import make_app
    from checkin.tui.screens.meeting import MeetingScreen

    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data"
        shutil.copytree(argv[0], data)
        app = make_app(data, agenda="weekly", start=True, facilitator="Bench")
        app.live_clock = False
        results: list[tuple[str, float]] = []

        async def timed(pilot, name: str, *keys: str) -> None:  # noqa: ANN001
            start = time.perf_counter()
            await pilot.press(*keys)
            await pilot.pause()
            results.append((name, (time.perf_counter() - start) * 1000))

        async def autopilot(pilot) -> None:  # noqa: ANN001
            await pilot.pause()
            screen = pilot.app.screen
            assert isinstance(screen, MeetingScreen)
            sections = screen.session.meeting.agenda.sections
            results.append((f"section {sections[0].kind} (start)", 0.0))
            for section in sections[1:]:
                await timed(pilot, f"section {section.kind}", "pagedown")
            await timed(pilot, "minutes preview", "ctrl+o")
            await timed(pilot, "back", "escape")
            for key, name in (("ctrl+g", "action register"), ("ctrl+y", "history"),
                              ("f3", "trends")):
                await timed(pilot, name, key)
                await timed(pilot, "back", "escape")
            pilot.app.exit()

        try:
            app.run(headless=True, auto_pilot=autopilot, size=(100, 30))
        finally:
            app.store.close()
    worst = 0.0
    for name, ms in results:
        if name != "back":
            worst = max(worst, ms)
            flag = "" if ms <= TARGET_MS else "  over target"
            print(f"{name:32} {ms:7.0f} ms{flag}")
    print(f"{'worst':32} {worst:7.0f} ms (target {TARGET_MS} ms)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
