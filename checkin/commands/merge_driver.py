"""`checkin merge-driver BASE OURS THEIRS NAME`: git's merge driver for checkin's files.

Set up by `checkin sync`; git calls it, people do not. Exit 0 merged, 1 conflicts (each
printed as one line; ``OURS`` holds a valid file with our side of them).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def configure(parser: argparse.ArgumentParser) -> None:
    for name in ("base", "ours", "theirs"):
        parser.add_argument(name, type=Path)
    parser.add_argument("name", nargs="?", default="")


def run(args: argparse.Namespace) -> int:
    from checkin.services.sync import CONFLICT, merge_file

    conflicts = merge_file(args.base, args.ours, args.theirs, args.name or str(args.ours))
    for line in conflicts:
        print(CONFLICT + line, file=sys.stderr)
    return 1 if conflicts else 0
