"""`checkin redate ID DATE [--yes]`: move a due date (counted as a slip, as in the app)."""

from __future__ import annotations

import argparse

from checkin.commands.common import item_agenda, item_line, open_writer, out, today


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("id", metavar="ID", help="action item id, e.g. A12")
    parser.add_argument("date", metavar="DATE", help='e.g. 2026-12-04, fri, "next fri", +1w')
    parser.add_argument("--yes", action="store_true", help="accept a date in the past")


def run(args: argparse.Namespace) -> int:
    from checkin.services import items

    with open_writer(args) as store:
        agenda = item_agenda(args, store.action(args.id.strip().upper()).agenda_id)
        item = items.redate(store, args.id, args.date, today=today(), dayfirst=args.dayfirst,
                            agenda=agenda, past_ok=args.yes)
    out(f"{item_line(item)}, slipped {item.slips}x\n")
    return 0
