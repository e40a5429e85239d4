"""`checkin demo`: seed a throwaway (or given, empty) data dir and open the app on it."""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

from checkin import clock
from checkin.errors import CheckinError
from checkin.render.terminal import safe
from checkin.services.agendas import agenda_by_name
from checkin.services.demo import seed_demo_folder


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--no-ui", action="store_true", help="seed, print the folder, exit")
    parser.add_argument("--weeks", type=int, default=13, help=argparse.SUPPRESS)


def run(args: argparse.Namespace) -> int:
    agenda = agenda_by_name(None)  # the bundled weekly agenda, whatever the user overrides
    if args.data:
        root = Path(args.data).expanduser()
    else:
        root = Path(tempfile.mkdtemp(prefix="checkin-demo-"))
    try:
        seed_demo_folder(root, agenda, weeks=args.weeks, today=clock.today())
    except CheckinError:
        if not args.data:
            shutil.rmtree(root, ignore_errors=True)
        raise
    if args.no_ui:
        print(safe(str(root)))
        return 0
    args.data = str(root)
    from checkin.commands import ui

    code = ui.run(args)
    print(safe(f"Demo data is in {root} (reopen it with: checkin --data {root})"), file=sys.stderr)
    return code
