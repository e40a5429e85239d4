"""A second checkin process for test_two_writers.py.

    python writer_child.py DATA_DIR serve      hold the data dir; commands on stdin:
                                               ``add TITLE`` (prints ``saved ID``), ``quit``
    python writer_child.py DATA_DIR race TITLE open, add one item, hold 1 s, close;
                                               or print ``locked MESSAGE`` and exit 2

Writes go through the real Store and ``checkin.meetings.new_action``.
"""

from __future__ import annotations

import sys
import time
from datetime import timedelta
from pathlib import Path

from checkin import clock
from checkin.errors import LockedError
from checkin.services.meetings import new_action
from checkin.store import Store


def add(store: Store, title: str) -> str:
    today = clock.today()
    item = new_action(store, title=title, owner="Two Writers", due=today + timedelta(days=3),
                      today=today, agenda_id="weekly")
    return item.id


def say(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def main(root: Path, mode: str, title: str = "") -> int:
    try:
        store = Store(root).open()
    except LockedError as exc:
        say(f"locked {exc}")
        return 2
    try:
        if mode == "race":
            say(f"saved {add(store, title)}")
            time.sleep(1.0)
            return 0
        say("held")
        for line in sys.stdin:
            cmd, _, arg = line.strip().partition(" ")
            if cmd == "add":
                say(f"saved {add(store, arg)}")
            elif cmd == "quit":
                break
        return 0
    finally:
        store.close()


if __name__ == "__main__":
    raise SystemExit(main(Path(sys.argv[1]), *sys.argv[2:]))
