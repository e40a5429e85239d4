"""Filter/search latency of the action items register with 5,000 items.

Seeds a data dir through the real Store (a few weeks of meetings with ``seed_history``, then
items added with ``Store.add_actions`` up to N), opens ``ActionsScreen`` headless with
``App.run_test`` and, for each keystroke, measures press -> the table has re-rendered its
visible lines (``render_line`` called after the press, then the screen idle). A no-op key
(unbound ``f12``) is measured the same way, as the baseline of the harness itself.

    python bench/bench_filter.py [--items 5000] [--repeat 5]
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import os
import random
import statistics
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

os.environ.setdefault("CHECKIN_NOW", "2026-11-23T09:00:00")

from textual.app import App  # noqa: E402

from checkin import clock, locations  # noqa: E402
from checkin.core.agenda import load_agenda
from checkin.core.model import ActionItem, Change
from checkin.services.demo import ACTION_TITLES, seed_history
from checkin.store import Store  # noqa: E402
from checkin.tui.screens.actions import ActionsScreen  # noqa: E402
from checkin.tui.widgets.action_table import ActionTable  # noqa: E402

# (label, keys): each run starts from a cleared filter ("c").
CASES = [
    ("no-op key (baseline)", ["f12"]),
    ("search: 1st char", ["slash", "c"]),
    ("search: 2nd char", ["r"]),
    ("search: 3rd char", ["m"]),
    ("search: backspace", ["backspace"]),
    ("status cycle", ["escape", "s"]),
    ("overdue toggle", ["v"]),
    ("sort by owner", ["2"]),
    ("clear filters", ["c"]),
]


def seed(root: Path, total: int) -> int:
    today = clock.today()
    agenda = load_agenda(locations.bundled_agendas_dir() / "weekly.toml")
    rng = random.Random(5)
    with Store(root) as store:
        meetings = seed_history(store, agenda, weeks=8, today=today)
        people = {d.name: d.representative for d in agenda.departments}
        extra = []
        for n in range(total - len(store.actions())):
            dept = rng.choice(list(people))
            m = rng.choice(meetings)
            due = m.date + timedelta(days=rng.choice([4, 7, 14, 21, 35]))
            item = ActionItem(id="", title=f"{rng.choice(ACTION_TITLES[dept])} #{n}",
                              owner=people[dept], department=dept, due=due,
                              agenda_id=agenda.id, created_in=m.id, created_on=m.date,
                              history=[Change(on=m.date, kind="created")])
            if rng.random() < 0.6:
                item.mark_done(due - timedelta(days=1), m.id)
            extra.append(item)
        store.add_actions(extra)
        return len(store.actions())


class Host(App[None]):
    def __init__(self, store: Store) -> None:
        super().__init__()
        self.store = store

    def on_mount(self) -> None:
        self.push_screen(ActionsScreen(self.store, today=clock.today()))


async def measure(root: Path, repeat: int,
                  freeze: bool = False) -> tuple[dict[str, list[float]], ...]:
    results: dict[str, list[float]] = {label: [] for label, _ in CASES}
    costs: dict[str, list[float]] = {label: [] for label, _ in CASES}
    with Store(root) as store:
        app = Host(store)
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            if freeze:
                gc.collect()
                gc.freeze()
            table = app.screen.query_one(ActionTable)
            rendered: list[float] = []
            work: list[float] = []  # seconds spent filtering + rendering lines
            original, apply = table.render_line, app.screen.apply

            def spy(y: int):  # type: ignore[no-untyped-def]
                t = time.perf_counter()
                strip = original(y)
                rendered.append(time.perf_counter())
                work.append(rendered[-1] - t)
                return strip

            def apply_spy(keep=None):  # type: ignore[no-untyped-def]
                t = time.perf_counter()
                apply(keep)
                work.append(time.perf_counter() - t)

            table.render_line = spy  # type: ignore[method-assign]
            app.screen.apply = apply_spy  # type: ignore[method-assign]
            for _ in range(repeat):
                table.focus()
                await pilot.press("c")  # the list, no filters
                await pilot.pause()
                for label, keys in CASES:
                    for key in keys[:-1]:
                        await pilot.press(key)
                    await pilot.pause()
                    rendered.clear()
                    work.clear()
                    start = time.perf_counter()
                    await pilot.press(keys[-1])
                    await pilot.pause()
                    end = max(rendered) if rendered else time.perf_counter()
                    assert isinstance(app.screen, ActionsScreen), "the screen was left"
                    results[label].append((end - start) * 1000)
                    costs[label].append(sum(work) * 1000)
    return results, costs


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=5000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--gc-freeze", action="store_true",
                        help="gc.freeze() once the screen is up (moves the loaded items out "
                             "of the collector's view; tests whether GC causes outliers)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="checkin-bench-") as tmp:
        root = Path(tmp) / "data"
        t0 = time.perf_counter()
        count = seed(root, args.items)
        print(f"seeded {count} action items in {time.perf_counter() - t0:.1f}s")
        results, costs = asyncio.run(measure(root, args.repeat, args.gc_freeze))
    base = statistics.median(results[CASES[0][0]])
    print("press -> table re-rendered and app idle (Pilot, headless); 'work' = filter +")
    print("re-render of the visible lines only (the app's own cost inside that time)")
    print(f"{'keystroke':<24}{'median ms':>10}{'max ms':>9}{'x no-op':>9}{'work ms':>9}")
    worst = 0.0
    for label, times in results.items():
        med, top = statistics.median(times), max(times)
        worst = max(worst, top) if label != CASES[0][0] else worst
        cost = statistics.median(costs[label])
        print(f"{label:<24}{med:>10.1f}{top:>9.1f}{med / base:>9.2f}{cost:>9.1f}")
    print(f"worst filter keystroke: {worst:.1f} ms (budget 100 ms)")
    return 0 if worst < 100 else 1


if __name__ == "__main__":
    raise SystemExit(main())
