"""`checkin done ID...`: mark open action items done (history records when)."""

from __future__ import annotations

import argparse

from checkin.commands.common import fire_hooks, item_line, open_writer, out, today


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("ids", nargs="+", metavar="ID", help="action item ids, e.g. A12")


def run(args: argparse.Namespace) -> int:
    from checkin.services import items

    with open_writer(args) as store:
        changed = items.done(store, args.ids, today=today())
    out("".join(item_line(i) + "\n" for i in changed))
    fire_hooks("action-closed", changed)
    return 0
