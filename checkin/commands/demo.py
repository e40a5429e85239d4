"""`checkin demo`: seed a throwaway (or given, empty) data dir and open the app on it."""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from checkin import clock
from checkin.errors import CheckinError
from checkin.services.agendas import agenda_by_name
from checkin.services.demo import seed_history
from checkin.store import Store


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--no-ui", action="store_true", help="seed, print the folder, exit")
    parser.add_argument("--weeks", type=int, default=13, help=argparse.SUPPRESS)


def run(args: argparse.Namespace) -> int:
    if args.data:
        root = Path(args.data).expanduser()
        if root.exists() and any(root.iterdir()):
            raise CheckinError(
                f"{root}: already holds data; the demo only seeds an empty or new folder "
                "(omit --data to use a throwaway one)"
            )
    else:
        root = Path(tempfile.mkdtemp(prefix="checkin-demo-"))
    agenda = agenda_by_name(None)  # the bundled weekly agenda, whatever the user overrides
    with Store(root) as store:
        seed_history(store, agenda, weeks=args.weeks, today=clock.today())
    if args.no_ui:
        print(root)
        return 0
    args.data = str(root)
    from checkin.commands import ui

    code = ui.run(args)
    print(f"Demo data is in {root} (reopen it with: checkin --data {root})", file=sys.stderr)
    return code
