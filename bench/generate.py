"""Generate N years of weekly check-ins into a data dir, through checkin's own code.

``checkin.demo.seed_history`` writes the meetings (3-5 new action items each, readings for
every metric, roadblocks, updates, decisions). The issue's realistic volume is ~10 action
items a meeting (~2,600 in 5 years), so ``top_up_actions`` adds the difference as closed
items of past meetings, in one register write through ``Store.add_actions``.

    python bench/generate.py --years 5 DIR
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

if __package__ in (None, ""):  # `python bench/generate.py` from a checkout
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from checkin import locations  # noqa: E402
from checkin.core.agenda import load_agenda
from checkin.core.model import ActionItem, Agenda, Change
from checkin.services.demo import ACTION_TITLES, seed_history
from checkin.store import Store  # noqa: E402
from checkin.store.atomic import unsynced

TODAY = date(2026, 11, 23)  # the tests' fixed Monday; benchmarks set $CHECKIN_NOW to match
ACTIONS_PER_MEETING = 10


@dataclass
class Generated:
    root: Path
    years: int
    meetings: int
    actions: int
    open_actions: int
    seed_seconds: float
    top_up_seconds: float
    register_bytes: int
    index_bytes: int = 0


def weekly_agenda() -> Agenda:
    return load_agenda(locations.bundled_agendas_dir() / "weekly.toml")


def top_up_actions(store: Store, *, per_meeting: int = ACTIONS_PER_MEETING,
                   seed: int = 11) -> int:
    """Add closed action items so each meeting created about ``per_meeting``."""
    rng = random.Random(seed)
    created: dict[str, int] = {}
    for a in store.actions():
        if a.created_in:
            created[a.created_in] = created.get(a.created_in, 0) + 1
    items = []
    for row in sorted(store.meetings(), key=lambda s: (s.date, s.id)):
        for _ in range(max(0, per_meeting - created.get(row.id, 0))):
            dept = rng.choice(list(ACTION_TITLES))
            due = row.date + timedelta(days=rng.choice([4, 7, 14]))
            closed = row.date + timedelta(weeks=rng.choice([1, 1, 2]))
            item = ActionItem(
                id="", title=rng.choice(ACTION_TITLES[dept]), owner=f"{dept} lead",
                due=due, department=dept, agenda_id=row.agenda_id, created_in=row.id,
                created_on=row.date,
                history=[Change(on=row.date, kind="created", new=due.isoformat(),
                                meeting=row.id)],
            )
            item.mark_done(closed, None)
            items.append(item)
    if items:
        store.add_actions(items)
    return len(items)


def generate(root: Path, years: int, *, today: date = TODAY, top_up: bool = True,
             agenda: Agenda | None = None) -> Generated:
    """Seed ``root`` (must be empty or new) with ``years`` of weekly meetings."""
    agenda = agenda or weekly_agenda()
    with unsynced(), Store(root) as store:  # throwaway data: the disk's flushes not timed
        t0 = time.perf_counter()
        seed_history(store, agenda, weeks=52 * years, today=today)
        t1 = time.perf_counter()
        if top_up:
            top_up_actions(store)
        t2 = time.perf_counter()
        actions = store.actions()
        meetings = len(store.meetings())
    return Generated(
        root=root, years=years, meetings=meetings, actions=len(actions),
        open_actions=sum(1 for a in actions if a.status == "open"),
        seed_seconds=t1 - t0, top_up_seconds=t2 - t1,
        register_bytes=(root / "register.json").stat().st_size,
        index_bytes=(root / "index.json").stat().st_size,
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("root", type=Path, help="data dir to create (must be empty or new)")
    parser.add_argument("--years", type=int, default=5)
    parser.add_argument("--no-top-up", action="store_true",
                        help="only what seed_history writes (3-5 action items a meeting)")
    args = parser.parse_args(argv)
    g = generate(args.root, args.years, top_up=not args.no_top_up)
    print(f"{g.root}: {g.meetings} meetings, {g.actions} action items ({g.open_actions} "
          f"open), register {g.register_bytes / 1e6:.2f} MB, index "
          f"{g.index_bytes / 1e6:.2f} MB; seeding {g.seed_seconds:.1f} s, "
          f"top-up {g.top_up_seconds:.2f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
