"""`checkin drop ID... [--reason TEXT]`: drop open action items (history keeps why)."""

from __future__ import annotations

import argparse

from checkin.commands.common import fire_hooks, item_line, open_writer, out, today


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("ids", nargs="+", metavar="ID", help="action item ids, e.g. A12")
    parser.add_argument("--reason", default="", help="why, kept in the item's history")


def run(args: argparse.Namespace) -> int:
    from checkin.services import items

    with open_writer(args) as store:
        changed = items.drop(store, args.ids, today=today(), reason=args.reason)
    out("".join(item_line(i) + "\n" for i in changed))
    fire_hooks("action-closed", changed)
    return 0
